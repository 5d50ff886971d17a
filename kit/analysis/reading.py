"""Close reading: the text with its sentence ids, highlighted terms, and keyword in context.

Queries (for :func:`kwic` and :func:`highlight`) are matched against the same
tokens as :func:`kit.tokens`: ``U.S.`` is one word, ``China’s`` is ``china`` +
``'s``, and a hyphenated compound such as ``U.S.-China`` is ONE token, so the
query ``China`` does not find it (``*china*`` does).  A query is:

* a word: ``wedge`` (case ignored unless ``case_sensitive=True``);
* a phrase: ``North Korea`` (words side by side, nothing but spaces between);
* a wildcard: ``cooperat*`` (``*`` any letters, ``?`` one letter), also inside a phrase;
* a regular expression with ``regex=True``: ``reli(ant|ance|ed|ying)``; each
  space-separated part is searched for inside one token (``re.search``; anchor
  with ``^...$`` to match whole tokens).

Chinese and Japanese are written without spaces, so a run of their characters is one
token: in :func:`kwic`, a query that is one run of such characters (``中国``) is found
*inside* tokens, as a substring, and its context is the tokens around the one it is in.
Invisible characters (zero-width space, soft hyphen) and decomposed accents are cleaned
in the text and the query alike (:mod:`kit.corpus.cleaning`): a search matches the text
as it is displayed.

The matching itself is :mod:`kit.analysis.query` (one phrase matcher, shared with
:func:`kit.actors` and :func:`kit.stance`); each document gets a token index the
first time it is searched, cached beside the document, so later queries only look
words up.  This module turns matches into views: the KWIC table and the HTML text.
"""
from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TYPE_CHECKING

from ..corpus.documents import Document, documents_of
from ..display.html import encodable
from ..errors import InvalidArgument, WrongType, shown
from ..options import choice, flag, renamed_options, whole_number
from ..corpus.tokenizer import cjk_query, gc_paused
from .concordance import kwic_columns
from .index import document_index
from .query import parse_query

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["kwic", "show", "highlight", "HTMLView", "term_list"]

KWIC_COLUMNS = ["doc", "sentence_id", "left", "match", "right", "start", "end"]
PALETTE = ["#ffe066", "#a5d8ff", "#b2f2bb", "#ffc9c9", "#d0bfff", "#ffd8a8", "#99e9f2", "#eebefa"]
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")
# --- kwic ---------------------------------------------------------------------------


@renamed_options(case="case_sensitive")
def kwic(doc: Document | Mapping[str, Document] | Sequence[Document], query: str, *, window: int = 6,
         case_sensitive: bool = False, regex: bool = False, sort: str | None = None) -> pd.DataFrame:
    """Every occurrence of ``query`` with ``window`` words of context on each side.

    Parameters
    ----------
    doc : Corpus or Document
    query : str
        A word, a phrase, a wildcard (``cooperat*``) or, with ``regex=True``, a
        regular expression (see the module notes).
    window : int
        Words of context on each side (1 to 100).
    case_sensitive : bool
        Match upper and lower case exactly (default: ignore case).
    regex : bool
        Read ``query`` as regular expressions.
    sort : {None, "left", "right", "match"}
        Text order (default), or sorted by the words nearest the match on the
        left (read leftwards), on the right, or by the match itself.

    Returns
    -------
    DataFrame
        ``doc, sentence_id, left, match, right, start, end``; ``start``/``end``
        are character offsets of the match in ``doc.text``.

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("Seoul and Beijing talk. Beijing listens to Seoul.", id="demo")
    >>> kwic(doc, "beijing", window=2)[["sentence_id", "left", "match", "right"]]
      sentence_id           left    match          right
    0    demo 1.1      Seoul and  Beijing  talk. Beijing
    1    demo 1.2  Beijing talk.  Beijing     listens to
    """
    import pandas as pd

    docs = documents_of(doc, "kwic")
    whole_number(window, "window", "kwic", low=1, high=100, example="kwic(doc, 'wedge', window=6)")
    choice(sort, "sort", "kwic", (None, "left", "right", "match"))
    case = flag(case_sensitive, "case_sensitive", "kwic")
    regex = flag(regex, "regex", "kwic", "kwic(doc, 'reli(ant|ance)', regex=True)")
    slots = parse_query(query, case=case, regex=regex)
    columns: list[list] = [[] for _ in KWIC_COLUMNS]
    keys: list = []
    cjk = not regex and cjk_query(query)
    with gc_paused():  # tens of thousands of rows beside a 1M-token index
        for d in docs:
            kwic_columns(d, slots, cjk, case=case, window=window, sort=sort, columns=columns, keys=keys)
    if sort is not None:
        order = sorted(range(len(keys)), key=keys.__getitem__)
        columns = [[col[k] for k in order] for col in columns]
    return pd.DataFrame(dict(zip(KWIC_COLUMNS, columns)), columns=KWIC_COLUMNS)


# --- HTML views ---------------------------------------------------------------------


@dataclass(frozen=True)
class HTMLView:
    """HTML shown by Jupyter (``_repr_html_``); ``data`` is the HTML string."""

    data: str
    summary: str = ""

    def __post_init__(self) -> None:  # a lone surrogate in a text would make the page unencodable
        object.__setattr__(self, "data", encodable(self.data))

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<HTMLView {self.summary}>" if self.summary else "<HTMLView>"


_STYLE = "font-family: Georgia, serif; line-height: 1.6; max-width: 46em"
# Secondary text in JupyterLab's theme colours (fallbacks for other front ends): the
# sentence-id tags and the author line keep >= 4.5:1 in the light and the dark theme.
_TEXT1 = "var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))"
_TEXT2 = "var(--jp-content-font-color2, rgba(0, 0, 0, 0.62))"
_TAG = (f"<span style='font: 0.75em monospace; color: {_TEXT1}; background: var(--jp-layout-color2, #eeeeee); "
        "padding: 0 0.25em; border-radius: 3px'>{}</span> ")
# Highlights and legend chips are pastel: their text is black whatever the theme.
_CHIP = "background: {}; color: #000; padding: 0 0.2em"


def _header(doc: Document, date: bool) -> str:
    """Title, author, id and (only with ``date``) the date label, its basis one click away."""
    when = f"{html.escape(doc.date_label)}; " if date else ""
    basis = str(doc.metadata.get("date_basis") or "") if date else ""
    more = (f"<details><summary>How is the date known?</summary>{html.escape(basis)}</details>"
            if basis else "")
    return (f"<div style='margin-bottom: 0.5em'><b>{html.escape(doc.title)}</b> "
            f"<span style='color: {_TEXT1}'>({html.escape(str(doc.author))}; "
            f"{when}id <code>{html.escape(doc.id)}</code>)</span>{more}</div>")


def _render(doc: Document, marks: list[tuple[int, int, str, str]], legend: str = "", *, date: bool = True) -> str:
    """The body with every sentence id shown and ``marks`` (start, end, colour, title)."""
    head = _header(doc, date)
    marks = sorted(marks)
    firsts = [m[0] for m in marks]
    by_para: dict[int, list] = {}
    for s in doc.sentences:  # one pass (scanning all sentences per paragraph was quadratic)
        by_para.setdefault(s.paragraph, []).append(s)
    paras = []
    for para in doc.paragraphs:
        parts = [f"<span style='color: {_TEXT2}'>¶{para.number}</span> "]
        for s in by_para.get(para.number, ()):
            parts.append(f"<span data-sentence='{html.escape(s.id)}'>"
                         + _TAG.format(html.escape(s.id))
                         + _marked(doc.text, s.start, s.end, marks, firsts) + "</span> ")
        paras.append("<p>" + "".join(parts).rstrip() + "</p>")
    return f"<div style='{_STYLE}'>{head}{legend}{''.join(paras)}</div>"


def _marked(text: str, start: int, end: int, marks, firsts: list[int]) -> str:
    # Only the marks near this sentence: from a few before its start to its end.
    lo, hi = bisect.bisect_left(firsts, start), bisect.bisect_left(firsts, end)
    out, pos = [], start
    for a, b, color, title in marks[max(0, lo - 8):hi]:
        a, b = max(a, start), min(b, end)
        if b <= a or a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark style='background: {color}' title='{html.escape(title)}'>"
                   f"{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def show(doc: Document | Mapping[str, Document] | Sequence[Document], *, date: bool = True) -> HTMLView:
    """The text with paragraph marks (¶2) and every sentence id (``cho 2.3``) visible.

    Everything from the text is HTML-escaped.  Give the corpus to see both texts.  The
    header shows the date (``November 2024 (inferred)``, with its basis one click away);
    ``date=False`` leaves it out, for a student who is to date the text first.

    >>> doc = Document(id="demo", text="One idea. Two ideas.", date="May 2020")
    >>> "demo 1.2" in show(doc)._repr_html_(), "2020" in show(doc, date=False)._repr_html_()
    (True, False)
    """
    docs = documents_of(doc, "show")
    date = flag(date, "date", "show", "show(doc, date=False)")
    body = "<hr>".join(_render(d, [], date=date) for d in docs)
    return HTMLView(body, f"{', '.join(d.id for d in docs)}: {sum(len(d.sentences) for d in docs)} sentences")


def _colors(terms: list[str], colors) -> list[str]:
    if colors is None:
        chosen = [PALETTE[i % len(PALETTE)] for i in range(len(terms))]
    elif isinstance(colors, dict):
        chosen = [colors.get(t, PALETTE[i % len(PALETTE)]) for i, t in enumerate(terms)]
    elif isinstance(colors, (list, tuple)) and colors:
        chosen = [colors[i % len(colors)] for i in range(len(terms))]
    else:
        raise WrongType("colors= takes a list of colours or a dict term -> colour, e.g. ['yellow', '#a5d8ff'].")
    for c in chosen:
        if not isinstance(c, str) or not _COLOR_RE.fullmatch(c):
            raise InvalidArgument(f"{c!r} is not a colour the kit accepts. Use a name ('yellow') or '#ffe066'.")
    return chosen


def term_list(terms: Any) -> list[str]:
    """``query=`` of :func:`highlight` as a list of strings (one word, or a list of them)."""
    if isinstance(terms, str):
        terms = [terms]
    terms = list(terms) if isinstance(terms, Iterable) and not isinstance(terms, (dict, bytes)) else None
    if terms is None or not all(isinstance(t, str) for t in terms):
        raise WrongType(f"query must be a word or a list of words, such as ['wedge', 'cooperat*'], not {shown(terms)}.")
    if not terms:
        raise InvalidArgument("No terms to highlight. Give at least one, e.g. highlight(doc, ['wedge']).")
    return terms


@renamed_options(terms="query", case="case_sensitive")
def highlight(doc: Document | Mapping[str, Document] | Sequence[Document], query: str | Iterable[str], *,
              colors: Sequence[str] | Mapping[str, str] | None = None, case_sensitive: bool = False,
              regex: bool = False) -> HTMLView:
    """The text with ``query`` (words, phrases, wildcards) marked, and sentence ids shown.

    Parameters
    ----------
    doc : Document (or the corpus, to show each text in turn)
    query : str or list of str
        Queries as in :func:`kwic`: ``"wedge"``, ``"North Korea"``, ``"cooperat*"``.
    colors : list or dict, optional
        Colours by position or by term (names or ``#rrggbb``).
    case_sensitive, regex : bool
        As in :func:`kwic`.

    >>> from kit import load_text
    >>> view = highlight(load_text("Cooperation and cooperating.", id="demo"), "cooperat*")
    >>> view.data.count("<mark")
    2
    """
    docs = documents_of(doc, "highlight")
    case = flag(case_sensitive, "case_sensitive", "highlight", "highlight(doc, 'wedge', case_sensitive=True)")
    regex = flag(regex, "regex", "highlight", "highlight(doc, 'reli(ant|ance)', regex=True)")
    terms = term_list(query)
    palette = _colors(terms, colors)
    parsed = [parse_query(t, case=case, regex=regex, what="term") for t in terms]
    pages, total = [], 0
    for d in docs:
        idx, marks, counts = document_index(d), [], []
        for term, slots, color in zip(terms, parsed, palette):
            found = idx.find(slots, case=case)
            counts.append(len(found))
            marks += [(idx.span(i)[0], idx.span(j)[1], color, term) for i, j in found]
        total += len(marks)
        legend = "<div style='margin-bottom: 0.5em'>" + " ".join(
            f"<span style='{_CHIP.format(c)}'>{html.escape(t)}</span> {n}"
            for t, c, n in zip(terms, palette, counts)) + "</div>"
        pages.append(_render(d, marks, legend))
    return HTMLView("<hr>".join(pages), f"{total} matches of {terms}")
