"""Close reading: the text with its sentence ids, highlighted terms, and keyword in context.

Queries (for :func:`kwic` and :func:`highlight`) are matched against the same
tokens as :func:`kit.tokens`: ``U.S.`` is one word, ``China’s`` is ``china`` +
``'s``, and a hyphenated compound such as ``U.S.-China`` is ONE token, so the
query ``China`` does not find it (``*china*`` does).  A query is:

* a word: ``wedge`` (case ignored unless ``case=True``);
* a phrase: ``North Korea`` (words side by side, nothing but spaces between);
* a wildcard: ``cooperat*`` (``*`` any letters, ``?`` one letter), also inside a phrase;
* a regular expression with ``regex=True``: ``reli(ant|ance|ed|ying)``; each
  space-separated part is searched for inside one token (``re.search``; anchor
  with ``^...$`` to match whole tokens).

Each document gets a token index the first time it is searched (NLTK's
:class:`~nltk.text.ConcordanceIndex` maps every word to its positions); the index
is cached beside the document, so later queries only look words up.
"""
from __future__ import annotations

import bisect
import fnmatch
import html
import re
import weakref
from dataclasses import dataclass
from typing import Iterable

from .corpus import Document, documents_of
from .errors import InvalidArgument, WrongType
from .text import normalise, token_spans, token_table

__all__ = ["kwic", "show", "highlight", "HTMLView"]

KWIC_COLUMNS = ["doc", "sentence_id", "left", "match", "right", "start", "end"]
PALETTE = ["#ffe066", "#a5d8ff", "#b2f2bb", "#ffc9c9", "#d0bfff", "#ffd8a8", "#99e9f2", "#eebefa"]
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")
_SPACES = re.compile(r"\s+")


# --- the per-document token index ------------------------------------------------


class _Index:
    """Token spans, normalised tokens and word -> positions for one document."""

    def __init__(self, doc: Document) -> None:
        from nltk.text import ConcordanceIndex

        self.text = doc.text
        table = token_table(doc)  # the same tokens kit.tokens() counts, with offsets
        self.starts, self.ends, self.raw, self.lower = table.starts, table.ends, table.raw, table.lower
        self._by_case = {False: ConcordanceIndex(self.lower, key=lambda t: t)}
        self.sent_starts = [s.start for s in doc.sentences]
        self.sent_ids = [s.id for s in doc.sentences]

    def offsets(self, case: bool) -> dict[str, list[int]]:
        if case not in self._by_case:
            from nltk.text import ConcordanceIndex

            self._by_case[case] = ConcordanceIndex(self.raw, key=lambda t: t)
        return self._by_case[case]._offsets

    def tokens(self, case: bool) -> list[str]:
        return self.raw if case else self.lower

    def sentence_ids(self, chars: list[int]) -> list[str]:
        """The id of the sentence holding each character offset (offsets in text order)."""
        out, k, n = [], 0, len(self.sent_starts)
        for char in chars:
            if k + 1 < n and self.sent_starts[k + 1] <= char:
                k = bisect.bisect_right(self.sent_starts, char, lo=k) - 1
            out.append(self.sent_ids[k])
        return out


_INDEXES: "weakref.WeakKeyDictionary[Document, _Index]" = weakref.WeakKeyDictionary()


def _index(doc: Document) -> _Index:
    found = _INDEXES.get(doc)
    if found is None or found.text is not doc.text:
        found = _INDEXES[doc] = _Index(doc)
    return found


# --- queries -----------------------------------------------------------------------


def _parse(query, *, case: bool, regex: bool, what: str = "query") -> list:
    """A query as a list of slots: a literal token (str) or a compiled pattern."""
    if not isinstance(query, str):
        raise WrongType(
            f"The {what} must be a string such as 'wedge' or 'North Korea', not a "
            f"{type(query).__name__}."
        )
    if not query.strip():
        raise InvalidArgument(
            f"The {what} is empty. Type a word ('wedge'), a phrase ('North Korea') "
            "or a wildcard ('cooperat*')."
        )
    flags = 0 if case else re.IGNORECASE
    slots: list = []
    for piece in query.split():
        if regex:
            try:
                slots.append(re.compile(piece, flags))
            except re.error as exc:
                raise InvalidArgument(
                    f"{piece!r} is not a valid regular expression ({exc}). Check the brackets "
                    "and backslashes, or use regex=False for plain words and * wildcards."
                ) from None
        elif "*" in piece or "?" in piece:
            pattern = normalise(piece, lower=not case)
            slots.append(_Glob(re.compile(fnmatch.translate(pattern), flags)))
        else:
            words = [normalise(t, lower=not case) for _, _, t in token_spans(piece)]
            if not words:
                raise InvalidArgument(
                    f"The {what} {query!r} has no words in it (only punctuation). "
                    "Type a word such as 'wedge'."
                )
            slots.extend(words)
    return slots


def _spans(doc: Document, slots: list, *, case: bool) -> list[tuple[int, int]]:
    """Token positions ``(first, last)`` of every match of ``slots`` in ``doc``."""
    idx = _index(doc)
    offsets, toks = idx.offsets(case), idx.tokens(case)
    sets = [
        slot if isinstance(slot, str)
        else {w for w in offsets if slot.search(w)}
        for slot in slots
    ]
    first = sets[0]
    starts = offsets.get(first, []) if isinstance(first, str) else sorted(
        i for w in first for i in offsets[w]
    )
    n, width, out = len(toks), len(sets), []
    for i in starts:
        j = i + width - 1
        if j >= n:
            continue
        ok = True
        for k in range(1, width):
            want, got = sets[k], toks[i + k]
            if (got != want) if isinstance(want, str) else (got not in want):
                ok = False
                break
            if idx.text[idx.ends[i + k - 1]:idx.starts[i + k]].strip():
                ok = False  # punctuation between: not a phrase
                break
        if ok:
            out.append((i, j))
    return out


class _Glob:
    """A wildcard: the whole token must match (``cooperat*``), unlike a regex's search."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def search(self, word: str):
        return self.pattern.fullmatch(word)


def _flat(text: str) -> str:
    if "\n" in text or "  " in text or "\t" in text:
        return _SPACES.sub(" ", text).strip()
    return text.strip()


# --- kwic ---------------------------------------------------------------------------


def kwic(doc, query: str, *, window: int = 6, case: bool = False,
         regex: bool = False, sort: str | None = None):
    """Every occurrence of ``query`` with ``window`` words of context on each side.

    Parameters
    ----------
    doc : Corpus or Document
    query : str
        A word, a phrase, a wildcard (``cooperat*``) or, with ``regex=True``, a
        regular expression (see the module notes).
    window : int
        Words of context on each side (1 to 100).
    case : bool
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
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 100:
        raise InvalidArgument(f"window={window!r}: give a whole number of words from 1 to 100, e.g. window=6.")
    if sort not in (None, "left", "right", "match"):
        raise InvalidArgument(f"sort={sort!r} is not an option. Use None, 'left', 'right' or 'match'.")
    slots = _parse(query, case=case, regex=regex)
    rows, keys = [], []
    for doc in docs:
        idx = _index(doc)
        toks, text, starts, ends = idx.tokens(False), idx.text, idx.starts, idx.ends
        last = len(starts) - 1
        found = _spans(doc, slots, case=case)
        sids = idx.sentence_ids([starts[i] for i, _ in found])
        for (i, j), sid in zip(found, sids):
            a, b = starts[i], ends[j]
            lo, hi = max(0, i - window), min(last, j + window)
            left = _flat(text[starts[lo]:a]) if i > 0 else ""
            right = _flat(text[b:ends[hi]]) if j < last else ""
            rows.append((doc.id, sid, left, _flat(text[a:b]), right, a, b))
            if sort == "left":
                keys.append(toks[lo:i][::-1])
            elif sort == "right":
                keys.append(toks[j + 1:hi + 1])
            elif sort == "match":
                keys.append(toks[i:j + 1])
    if sort is not None:
        rows = [row for _, row in sorted(zip(keys, rows), key=lambda kr: kr[0])]
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


# --- HTML views ---------------------------------------------------------------------


@dataclass(frozen=True)
class HTMLView:
    """HTML shown by Jupyter (``_repr_html_``); ``data`` is the HTML string."""

    data: str
    summary: str = ""

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


def _render(doc: Document, marks: list[tuple[int, int, str, str]], legend: str = "") -> str:
    """The body with every sentence id shown and ``marks`` (start, end, colour, title)."""
    head = (f"<div style='margin-bottom: 0.5em'><b>{html.escape(doc.title)}</b> "
            f"<span style='color: {_TEXT1}'>({html.escape(str(doc.author))}; "
            f"{html.escape(str(doc.date))}; id <code>{html.escape(doc.id)}</code>)</span></div>")
    marks = sorted(marks)
    paras = []
    for para in doc.paragraphs:
        parts = [f"<span style='color: {_TEXT2}'>¶{para.number}</span> "]
        for s in (s for s in doc.sentences if s.paragraph == para.number):
            parts.append(f"<span data-sentence='{html.escape(s.id)}'>"
                         + _TAG.format(html.escape(s.id))
                         + _marked(doc.text, s.start, s.end, marks) + "</span> ")
        paras.append("<p>" + "".join(parts).rstrip() + "</p>")
    return f"<div style='{_STYLE}'>{head}{legend}{''.join(paras)}</div>"


def _marked(text: str, start: int, end: int, marks) -> str:
    out, pos = [], start
    for a, b, color, title in marks:
        a, b = max(a, start), min(b, end)
        if b <= a or a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark style='background: {color}' title='{html.escape(title)}'>"
                   f"{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def show(doc) -> HTMLView:
    """The text with paragraph marks (¶2) and every sentence id (``cho 2.3``) visible.

    Everything from the text is HTML-escaped.  Give the corpus to see both texts.

    >>> from kit import load_text
    >>> view = show(load_text("One idea. Two ideas.", id="demo"))
    >>> "demo 1.2" in view._repr_html_()
    True
    """
    docs = documents_of(doc, "show")
    body = "<hr>".join(_render(d, []) for d in docs)
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


def _terms(terms) -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    if not isinstance(terms, Iterable) or isinstance(terms, dict):
        raise WrongType(f"terms must be a word or a list of words, such as ['wedge', 'cooperat*'], not {terms!r}.")
    terms = list(terms)
    if not terms:
        raise InvalidArgument("No terms to highlight. Give at least one, e.g. highlight(doc, ['wedge']).")
    return terms


def highlight(doc, terms, *, colors=None, case: bool = False, regex: bool = False) -> HTMLView:
    """The text with ``terms`` (words, phrases, wildcards) marked, and sentence ids shown.

    Parameters
    ----------
    doc : Document (or the corpus, to show each text in turn)
    terms : str or list of str
        Queries as in :func:`kwic`: ``"wedge"``, ``"North Korea"``, ``"cooperat*"``.
    colors : list or dict, optional
        Colours by position or by term (names or ``#rrggbb``).

    >>> from kit import load_text
    >>> view = highlight(load_text("Cooperation and cooperating.", id="demo"), "cooperat*")
    >>> view.data.count("<mark")
    2
    """
    docs = documents_of(doc, "highlight")
    terms = _terms(terms)
    palette = _colors(terms, colors)
    parsed = [_parse(t, case=case, regex=regex, what="term") for t in terms]
    pages, total = [], 0
    for d in docs:
        idx, marks, counts = _index(d), [], []
        for term, slots, color in zip(terms, parsed, palette):
            found = _spans(d, slots, case=case)
            counts.append(len(found))
            marks += [(idx.starts[i], idx.ends[j], color, term) for i, j in found]
        total += len(marks)
        legend = "<div style='margin-bottom: 0.5em'>" + " ".join(
            f"<span style='{_CHIP.format(c)}'>{html.escape(t)}</span> {n}"
            for t, c, n in zip(terms, palette, counts)) + "</div>"
        pages.append(_render(d, marks, legend))
    return HTMLView("<hr>".join(pages), f"{total} matches of {terms}")
