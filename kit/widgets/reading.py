"""Close-reading widgets, each the live twin of a function: :func:`kwic_explorer` (a live
concordance) and :func:`highlight_explorer` (the texts side by side, highlighted).

Both only wire controls to :func:`kit.kwic` and :func:`kit.highlight`; errors
(an empty query, a bad regular expression) appear in the widget's status line.
The controls are attributes of the returned box, so code (and tests) can drive
them: ``explorer.query.value = "wedge"``.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from ..errors import KitError
from ..options import renamed_function, renamed_options, text, whole_number
from ..analysis.reading import highlight, kwic, term_list

__all__ = ["kwic_explorer", "highlight_explorer", "concordance_explorer", "reader", "kwic_table_html"]

MAX_ROWS = 200
# an error keeps the theme's text colour (>= 4.5:1 in light and dark); its colour is a bar beside it
ERROR_STYLE = "border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)"


def kwic_table_html(table, *, limit: int = MAX_ROWS) -> str:
    """A KWIC DataFrame as an HTML table (left context right-aligned), every cell escaped."""
    cell = "<td style='padding: 0 0.4em; {}'>{}</td>"
    rows = [
        "<tr>" + cell.format("color: var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))",
                                html.escape(r.sentence_id))
        + cell.format("text-align: right; white-space: nowrap", html.escape(r.left))
        + cell.format("font-weight: bold; text-align: center", html.escape(r.match))
        + cell.format("text-align: left; white-space: nowrap", html.escape(r.right)) + "</tr>"
        for r in table.head(limit).itertuples()
    ]
    more = f"<p>Showing the first {limit} of {len(table)}.</p>" if len(table) > limit else ""
    return ("<table style='font-family: Georgia, serif'><tr><th>sentence</th><th style='text-align: right'>"
            "left</th><th>match</th><th style='text-align: left'>right</th></tr>" + "".join(rows) + "</table>" + more)


@renamed_options(corpus="doc")
def kwic_explorer(doc: Any, *, query: str = "cooperation", window: int = 6) -> Any:
    """:func:`kit.kwic` as a widget: a query box, a document filter, a window box and sort order,
    over a live KWIC table.

    Returns a ``VBox`` with attributes ``query``, ``doc``, ``window``, ``sort``,
    ``regex``, ``table`` (an HTML widget), ``status`` and ``result`` (the last
    DataFrame).

    >>> from kit import load_text
    >>> box = kwic_explorer(load_text("Talks help. Talks fail.", id="demo"), query="talks")
    >>> len(box.result)
    2
    """
    import ipywidgets as w

    from ..corpus.documents import documents_of

    docs = documents_of(doc, "kwic_explorer")
    text(query, "query", "kwic_explorer", "kit.kwic_explorer(corpus, query='wedge')")
    whole_number(window, "window", "kwic_explorer", low=1, high=20,
                 example="kit.kwic_explorer(corpus, window=6)")
    box_query = w.Text(value=query, description="Query", placeholder="wedge, North Korea, cooperat*")
    box_doc = w.Dropdown(options=[("both texts", None)] + [(d.id, d.id) for d in docs], description="Text")
    # (a number box, not a slider: ipywidgets' slider handle does not carry its label's name)
    box_window = w.BoundedIntText(value=window, min=1, max=20, description="Window",
                                  layout=w.Layout(width="12em"))
    box_sort = w.Dropdown(options=[("text order", None), ("left context", "left"), ("right context", "right")],
                          description="Sort")
    box_regex = w.Checkbox(value=False, description="regular expression")
    status, table = w.HTML(), w.HTML()
    ui = w.VBox([w.HBox([box_query, box_doc]), w.HBox([box_window, box_sort, box_regex]), status, table])

    def refresh(_=None):
        chosen = [d for d in docs if box_doc.value in (None, d.id)]
        try:
            result = kwic(chosen, box_query.value, window=box_window.value, sort=box_sort.value,
                          regex=box_regex.value)
        except KitError as exc:
            status.value = f"<span style='{ERROR_STYLE}'>{html.escape(str(exc))}</span>"
            table.value, ui.result = "", None
            return
        ui.result = result
        status.value = html.escape(f"{len(result)} matches of {box_query.value!r}")
        table.value = kwic_table_html(result)

    for control in (box_query, box_doc, box_window, box_sort, box_regex):
        control.observe(refresh, names="value")
    ui.query, ui.doc, ui.window, ui.sort, ui.regex = box_query, box_doc, box_window, box_sort, box_regex
    ui.status, ui.table, ui.refresh = status, table, refresh
    refresh()
    return ui


@renamed_options(corpus="doc", terms="query")
def highlight_explorer(doc: Any, query: str | Iterable[str] = ("cooperation",)) -> Any:
    """:func:`kit.highlight` as a widget: both texts side by side, the same words highlighted in each.

    ``query`` is a word or a list (phrases and wildcards allowed); edit them in the
    box (comma-separated).  Returns a ``VBox`` with attributes ``query`` (the Text
    box; also ``terms``), ``columns`` (one HTML widget per text) and ``status``.

    >>> from kit import load_text
    >>> box = highlight_explorer(load_text("Talks help. Talks fail.", id="demo"), "talks")
    >>> box.columns[0].value.count("<mark")
    2
    """
    import ipywidgets as w

    from ..corpus.documents import documents_of

    docs = documents_of(doc, "highlight_explorer")
    start = ", ".join(term_list(query))
    box_terms = w.Text(value=start, description="Terms", placeholder="wedge, cooperat*, North Korea",
                       continuous_update=False, layout=w.Layout(width="60%"))
    status = w.HTML()
    columns = [w.HTML(layout=w.Layout(width=f"{100 // len(docs) - 1}%", padding="0 0.5em")) for _ in docs]
    ui = w.VBox([box_terms, status, w.HBox(columns)])

    def refresh(_=None):
        wanted = [t.strip() for t in box_terms.value.split(",") if t.strip()]
        try:
            views = [highlight(d, wanted) for d in docs]
        except KitError as exc:
            status.value = f"<span style='{ERROR_STYLE}'>{html.escape(str(exc))}</span>"
            return
        status.value = html.escape("Highlighted: " + ", ".join(wanted))
        for column, view in zip(columns, views):
            column.value = view.data

    box_terms.observe(refresh, names="value")
    ui.query = ui.terms = box_terms
    ui.columns, ui.status, ui.refresh = columns, status, refresh
    refresh()
    return ui


# the old names, for one release (each warns and names the new one)
concordance_explorer = renamed_function(kwic_explorer, "concordance_explorer")
reader = renamed_function(highlight_explorer, "reader")
