"""Accessible HTML for pandas tables: real header cells, and wide tables that take focus.

pandas' own HTML gives the index column an empty header cell (screen readers announce
"blank"), and a table wider than the page makes JupyterLab's output area scroll
sideways where a keyboard cannot reach it.  :func:`table_html` writes a table whose
every header cell has text (``scope="col"`` / ``scope="row"``), hides a plain 0, 1, 2 ...
index, and wraps the table in a scrolling region that takes keyboard focus
(``tabindex="0"``, ``role="region"``, ``aria-label``).

:func:`accessible_tables` makes Jupyter show every DataFrame that way in this session
(call it once, in a notebook's first cell; importing the kit changes nothing), and the
kit's own warnings (:class:`~kit.errors.KitWarning`) as a styled note in the output, not
as a stderr box with an internal file path.

>>> import pandas as pd
>>> page = table_html(pd.DataFrame({"term": ["<b>"], "count": [2]}))
>>> '<th scope="col">term</th>' in page and "&lt;b&gt;" in page and "<th></th>" not in page
True
"""
from __future__ import annotations

import html
import math
import warnings

import pandas as pd

from ..errors import KitWarning, WrongType
from ..errors import shown as echo
from ..options import flag, renamed_options, whole_number

__all__ = ["table_html", "accessible_tables"]


def _plain_index(index: pd.Index) -> bool:
    """True for the default 0, 1, 2, ... index with no name (not worth showing)."""
    return (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
            and all(n is None for n in index.names))


def _label(value) -> str:
    if isinstance(value, tuple):
        value = " / ".join(str(v) for v in value if str(v) != "")
    text = str(value).strip()
    return text if text else "(unnamed)"


def _cell(value, precision: int) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return f"{value:.{precision}f}"
    return str(value)


@renamed_options(df="data")
def table_html(data: pd.DataFrame, *, max_rows: int | None = None, label: str | None = None) -> str:
    """A DataFrame as an accessible HTML table (every text HTML-escaped).

    Parameters
    ----------
    data : DataFrame
    max_rows : int, optional
        Show at most this many rows (the first and last halves); default pandas'
        ``display.max_rows`` option.
    label : str, optional
        The accessible name of the scrolling region (default "Table, R rows by C columns").

    >>> import pandas as pd
    >>> page = table_html(pd.DataFrame({"n": [1]}, index=pd.Index(["cho"], name="doc")))
    >>> '<th scope="col">doc</th>' in page and '<th scope="row">cho</th>' in page
    True
    """
    if isinstance(data, pd.Series):
        data = data.to_frame()
    if not isinstance(data, pd.DataFrame):
        raise WrongType(f"table_html() takes a pandas DataFrame, not a {type(data).__name__}.")
    whole_number(max_rows, "max_rows", "table_html", low=0, none=True, example="kit.table_html(data, max_rows=20)")
    if label is not None and not isinstance(label, str):
        raise WrongType(f"table_html(label={echo(label)}): label is text in quotes, "
                        "e.g. kit.table_html(data, label='Frequencies in Cho').")
    precision = pd.get_option("display.precision")
    limit = pd.get_option("display.max_rows") if max_rows is None else max_rows
    n_rows, n_cols = data.shape
    if limit and n_rows > limit:
        half = max(1, limit // 2)
        shown, cut = pd.concat([data.head(half), data.tail(half)]), half
    else:
        shown, cut = data, None
    with_index = not _plain_index(data.index)
    esc = html.escape
    heads = []
    if with_index:
        names = [n for n in data.index.names]
        fallback = data.columns.name if data.columns.name is not None else "row"
        heads += [f'<th scope="col">{esc(_label(n if n is not None else fallback))}</th>' for n in names]
    heads += [f'<th scope="col">{esc(_label(c))}</th>' for c in data.columns]
    rows = []
    for i, (key, values) in enumerate(zip(shown.index, shown.itertuples(index=False, name=None))):
        if cut is not None and i == cut:
            rows.append(f'<tr><td colspan="{len(heads)}">… {n_rows - 2 * cut} more rows …</td></tr>')
        cells = []
        if with_index:
            keys = key if isinstance(key, tuple) else (key,)
            cells += [f'<th scope="row">{esc(_label(k))}</th>' for k in keys]
        cells += [f"<td>{esc(_cell(v, precision))}</td>" for v in values]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    name = label or f"Table, {n_rows} rows by {n_cols} columns"
    note = f"<p>{n_rows} rows × {n_cols} columns</p>" if cut is not None else ""
    return (f'<div class="kit-table" role="region" tabindex="0" aria-label="{esc(name, quote=True)}" '
            f'style="overflow-x: auto; max-width: 100%">'
            f'<table class="dataframe"><thead><tr>{"".join(heads)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}</div>')


_NOTE = ("<p role='note' style='border-left: 0.3em solid var(--jp-warn-color1, #f57c00); padding-left: 0.4em; "
         "color: var(--jp-content-font-color1, #1f1f1f)'><b>Note:</b> {}</p>")
_PLAIN_SHOWWARNING = warnings.showwarning


def note_html(message: str) -> str:
    """A kit warning as a styled, escaped note.

    >>> note_html("Few words <here>.").count("&lt;here&gt;")
    1
    """
    return _NOTE.format(html.escape(str(message)))


def _show_warning(message, category, filename, lineno, file=None, line=None):
    if isinstance(category, type) and issubclass(category, KitWarning):
        from IPython.display import HTML, display

        display(HTML(note_html(message)))
    else:
        _PLAIN_SHOWWARNING(message, category, filename, lineno, file, line)


def accessible_tables(on: bool = True) -> bool:
    """Show DataFrames in this Jupyter session with :func:`table_html` (``on=False``: pandas' own),
    and the kit's warnings as a note (:func:`note_html`) instead of on stderr.

    Returns True when a Jupyter (IPython) session was found, False in plain Python.

    >>> accessible_tables()  # plain Python: nothing to change
    False
    """
    on = flag(on, "on", "accessible_tables", "kit.accessible_tables(False)")
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    if on:
        formatter.for_type(pd.DataFrame, table_html)
        warnings.showwarning = _show_warning
    else:
        formatter.type_printers.pop(pd.DataFrame, None)
        warnings.showwarning = _PLAIN_SHOWWARNING
    return True
