"""Keyness explorer: pick a word, see its 2x2 table, the G2 and log-ratio maths, and its KWIC lines.

Only wires a labelled term picker to :func:`kit.explain_keyness` and :func:`kit.kwic`.
Every piece of text is escaped; colours are JupyterLab theme variables with fallbacks.
The controls are attributes of the returned box: ``explorer.term.value = "wedge"``.
"""
from __future__ import annotations

import html
import warnings

from collections.abc import Sequence

from ..corpus.documents import Document, documents_of
from ..errors import KitError
from ..options import optional_text, renamed_options
from ..analysis.keyness_maths import explain_keyness
from ..analysis.keyness import keyness
from ..analysis.reading import kwic

__all__ = ["keyness_explorer", "explanation_html"]

MUTED = "var(--jp-content-font-color2, #505050)"
# a status keeps the theme's text colour (>= 4.5:1 in light and dark); its colour is a bar beside it
ERROR = "border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)"
WARN = "border-left: 0.3em solid var(--jp-warn-color1, #f57c00); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)"
BORDER = "var(--jp-border-color1, #757575)"


def _frame_html(frame) -> str:
    head = "".join(f"<th style='padding: 0 0.6em'>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join(
        f"<tr><th style='text-align: left; padding: 0 0.6em'>{html.escape(str(i))}</th>"
        + "".join(f"<td style='text-align: right; padding: 0 0.6em'>{html.escape(str(v))}</td>" for v in row)
        + "</tr>" for i, row in zip(frame.index, frame.itertuples(index=False)))
    return (f"<table style='border-collapse: collapse; border: 1px solid {BORDER}'>"
            f"<tr><th></th>{head}</tr>{rows}</table>")


def _lines(lines) -> str:
    return "".join(f"<div style='font-family: var(--jp-code-font-family, monospace)'>{html.escape(x)}</div>"
                   for x in lines)


def _kwic_html(table, limit: int = 20) -> str:
    if table.empty:
        return f"<p style='color: {MUTED}'>No occurrences.</p>"
    rows = "".join(
        f"<tr><td style='color: {MUTED}; padding-right: 0.6em'>{html.escape(r.sentence_id)}</td>"
        f"<td style='text-align: right'>{html.escape(r.left)}</td>"
        f"<td style='font-weight: bold; padding: 0 0.4em'>{html.escape(r.match)}</td>"
        f"<td>{html.escape(r.right)}</td></tr>" for r in table.head(limit).itertuples())
    more = f"<p style='color: {MUTED}'>First {limit} of {len(table)}.</p>" if len(table) > limit else ""
    return f"<table>{rows}</table>{more}"


def explanation_html(x) -> str:
    """A :class:`~kit.analysis.keyness_maths.KeynessExplanation` as escaped HTML."""
    note = (f"<p style='{WARN}'>{html.escape(x.note)}</p>" if x.note else "")
    return (f"<h4>{html.escape(repr(x.term))}: {html.escape(x.target)} against {html.escape(x.reference)}</h4>"
            f"<p><b>Observed counts</b></p>{_frame_html(x.table)}"
            f"<p><b>Expected counts</b> (if both texts used the word at the same rate)</p>{_frame_html(x.expected)}"
            f"<p><b>G2</b>: how sure we can be that the rates differ</p>{_lines(x.g2_steps)}"
            f"<p><b>Log ratio</b>: how big the difference is</p>{_lines(x.log_ratio_steps)}{note}")


@renamed_options(term="query")
def keyness_explorer(target: Document | Sequence[Document], reference: Document | Sequence[Document], *, query: str | None = None) -> "ipywidgets.VBox":
    """:func:`kit.keyness` as a widget: pick a word; see its keyness worked out and where it occurs
    in both texts.

    Parameters
    ----------
    target, reference : Document or list of Documents
        As for :func:`kit.keyness`.
    query : str, optional
        The word shown first (default: the strongest key word of the target).

    Returns
    -------
    ipywidgets.VBox
        With attributes ``term`` (the labelled picker), ``maths`` and ``lines`` (HTML
        widgets), ``status`` and ``explanation`` (the last :class:`KeynessExplanation`).

    >>> from kit import load_text
    >>> box = keyness_explorer(load_text("Talks talks help.", id="t"), load_text("Sanctions help.", id="r"))
    >>> box.query.value
    'talks'
    """
    import ipywidgets as w

    with warnings.catch_warnings(record=True) as caught:  # shown in the widget, not as stderr
        warnings.simplefilter("always")
        table = keyness(target, reference, stopwords=False)
        strongest = list(keyness(target, reference).term)
    notes = list(dict.fromkeys(str(c.message) for c in caught))
    docs_t, docs_r = documents_of(target, "keyness_explorer"), documents_of(reference, "keyness_explorer")
    ranked = list(table.term)
    query = optional_text(query, "query", "keyness_explorer", "kit.keyness_explorer(cho, yang, query='china')")
    first = (query or "").strip().lower() or next(iter(strongest), ranked[0])
    picker = w.Combobox(value=first, options=ranked, description="Term", ensure_option=False,
                        placeholder="type a word, e.g. wedge")
    status, maths, lines = w.HTML(), w.HTML(), w.HTML()
    warning = w.HTML("".join(f"<p style='{WARN}'><strong>Note:</strong> {html.escape(n)}</p>" for n in notes))
    ui = w.VBox([picker, warning, status, maths, lines])
    ui.explanation = None

    def refresh(_=None):
        word = picker.value.strip().lower()
        if not word:
            status.value = f"<span style='color: {MUTED}'>Type or pick a word.</span>"
            return
        try:
            with warnings.catch_warnings():  # already said once, above the maths (``notes``)
                warnings.simplefilter("ignore")
                x = explain_keyness(target, reference, word)
            hits = [(d.id, kwic(d, word, window=6)) for d in [*docs_t, *docs_r]]
        except KitError as exc:
            status.value = f"<span style='{ERROR}'>{html.escape(str(exc))}</span>"
            maths.value = lines.value = ""
            return
        ui.explanation = x
        status.value = ""
        maths.value = explanation_html(x)
        lines.value = "".join(f"<h4>In {html.escape(doc_id)}</h4>{_kwic_html(k)}" for doc_id, k in hits)

    picker.observe(refresh, names="value")
    ui.query = ui.term = picker
    ui.status, ui.maths, ui.lines, ui.refresh = status, maths, lines, refresh
    ui.warning = warning
    refresh()
    return ui
