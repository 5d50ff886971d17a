"""The rows of :func:`kit.kwic` for one document, made column by column.

Offsets come from the document's index (:mod:`kit.analysis.index`) only for the hits, or
all at once when the hits touch most paragraphs; each column (left context, match, right
context, sentence id) is one ``map`` over the hits, not a Python step per row.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ..corpus.documents import Document
from .index import document_index

__all__ = ["kwic_columns"]

_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    if "\n" in text or "  " in text or "\t" in text:
        return _SPACES.sub(" ", text).strip()
    return text.strip()


def kwic_columns(doc: Document, slots: list, cjk: str | None, *, case: bool, window: int, sort: str | None,
                 columns: list[list], keys: list) -> None:
    """Append one document's KWIC columns (``doc, sentence_id, left, match, right, start, end``)
    to ``columns``, and its sort keys to ``keys``.

    >>> from kit.corpus.documents import Document
    >>> columns = [[] for _ in range(7)]
    >>> kwic_columns(Document(id="d", text="Seoul and Beijing talk."), ["beijing"], None, case=False,
    ...              window=1, sort=None, columns=columns, keys=[])
    >>> columns
    [['d'], ['d 1.1'], ['and'], ['Beijing'], ['talk'], [10], [17]]
    """
    idx = document_index(doc)
    toks, text = idx.tokens(False), idx.text
    last = len(toks) - 1
    # (first token, last token) of each hit; a CJK query, found inside its token: and (start, end)
    hits = idx.inside(cjk) if cjk else idx.find(slots, case=case)
    if not hits:
        return
    first, final = [h[0] for h in hits], [h[1] for h in hits]
    los = [i - window if i > window else 0 for i in first]
    his = [j + window if j + window < last else last for j in final]
    if cjk:
        starts, ends = [h[2] for h in hits], [h[3] for h in hits]
        left_start, right_end = idx.offsets(los, his)
    else:
        starts_ends = idx.offsets(first + los, final + his)
        (starts, left_start), (ends, right_end) = ((x[:len(first)], x[len(first):]) for x in starts_ends)
    cut = text.__getitem__
    left = _flat_all(map(cut, map(slice, left_start, starts)))
    right = _flat_all(map(cut, map(slice, ends, right_end)))
    if not cjk:  # nothing before the first token, nothing after the last
        left = [x if i else "" for x, i in zip(left, first)]
        right = [x if j < last else "" for x, j in zip(right, final)]
    for col, values in zip(columns, ([doc.id] * len(hits), idx.sentence_ids(starts), left,
                                     _flat_all(map(cut, map(slice, starts, ends))), right, starts, ends)):
        col += values
    if sort == "left":
        keys += [toks[lo:i][::-1] for lo, i in zip(los, first)]
    elif sort == "right":
        keys += [toks[j + 1:hi + 1] for j, hi in zip(final, his)]
    elif sort == "match":
        keys += [toks[i:j + 1] for i, j in zip(first, final)]


def _flat_all(pieces) -> list[str]:
    """:func:`_flat` of each piece: every piece stripped in C, the regular expression only for
    the pieces with a line break, a tab or two spaces (found in the pieces joined, not one by one)."""
    pieces = list(pieces)
    out = list(map(str.strip, pieces))
    joined = "\x00".join(pieces)  # the separator keeps each search inside one piece
    ends = None
    for mark in ("\n", "\t", "  "):
        at = joined.find(mark)
        while at >= 0:
            if ends is None:
                ends = list(accumulate(map((1).__add__, map(len, pieces))))  # where each piece's "\x00" is
            k = bisect_right(ends, at)
            out[k] = _flat(pieces[k])
            at = joined.find(mark, ends[k])
    return out
