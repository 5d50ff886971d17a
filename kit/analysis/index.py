"""A document's search index: its tokens, vocabulary, and offsets and sentence ids for what a view shows.

Made the first time a document is searched and kept with it (``Document.derived``): later
queries only look words up.  The phrase matching itself is :mod:`kit.analysis.query`.
"""
from __future__ import annotations

import weakref
from collections.abc import Sequence

from ..corpus.documents import Document
from ..corpus.tokenizer import ParagraphTokens, paragraph_tokens
from .query import PhraseMatcher, Slot, TokenPattern

__all__ = ["DocumentIndex", "document_index"]


class DocumentIndex:
    """A document's tokens, its vocabulary, and offsets and sentence ids for the tokens a view shows.

    Offsets come from :class:`~kit.corpus.tokenizer.ParagraphTokens`, as running sums of the
    split pieces: for a few hits, of the paragraphs holding them; for many, of every paragraph
    at once.  Sentence ids likewise (:meth:`~kit.corpus.documents.Document.sentence_ids_at`).
    """

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        found: ParagraphTokens = paragraph_tokens(doc)  # the tokens kit.tokens() counts
        self.lower, self.span, self._inside = found.lower, found.span, found.inside
        self._found = found
        self._vocabulary: dict[bool, set[str]] = {}
        self._doc = weakref.ref(doc)  # the index is kept with the document: no cycle through it

    def tokens(self, case: bool) -> list[str]:
        return self._found.raw if case else self.lower  # the tokens with their case: made when first asked

    def vocabulary(self, case: bool) -> set[str]:
        """The distinct tokens (case kept or not)."""
        if case not in self._vocabulary:
            self._vocabulary[case] = set(self.tokens(case))
        return self._vocabulary[case]

    def offsets(self, at_start: list[int], at_end: list[int]) -> tuple[list[int], list[int]]:
        """Where tokens ``at_start`` start and tokens ``at_end`` end, in the text.  When they touch
        most paragraphs, every token's offsets are made at once (then picked out in C)."""
        if not self.many(len(at_start) + len(at_end)):
            return [self.span(i)[0] for i in at_start], [self.span(j)[1] for j in at_end]
        starts, ends = self._found.all_offsets()
        if hasattr(starts, "tolist"):  # arrays: one fancy index each
            return starts[at_start].tolist() if at_start else [], ends[at_end].tolist() if at_end else []
        return list(map(starts.__getitem__, at_start)), list(map(ends.__getitem__, at_end))

    def many(self, count: int) -> bool:
        """Would ``count`` tokens touch most paragraphs (offsets for all at once are cheaper)?"""
        return count > len(self._found.firsts)

    def find(self, slots: Sequence[Slot], *, case: bool) -> list[tuple[int, int]]:
        """Token positions ``(first, last)`` of every match of one query (the words of a phrase
        side by side, with only white space between them)."""
        vocab = self.vocabulary(case) if any(isinstance(s, TokenPattern) for s in slots) else None
        hits = [(i, j) for i, j, _ in PhraseMatcher([(slots, None)]).find(self.tokens(case), vocabulary=vocab)]
        if len(slots) == 1:
            return hits
        # The words matched, then every gap between them looked at (all at once for many hits):
        # each slot takes one token, so every hit has the same ``width`` gaps.
        width = len(slots) - 1
        gaps = [i + k for i, _ in hits for k in range(width)] if width > 1 else [i for i, _ in hits]
        ends, starts = self.offsets([k + 1 for k in gaps], gaps)[::-1]
        text = self.text
        spaced = [not text[a:b].strip() for a, b in zip(ends, starts)]
        if width == 1:
            return [hit for hit, ok in zip(hits, spaced) if ok]
        return [hit for n, hit in enumerate(hits) if all(spaced[n * width:(n + 1) * width])]

    def sentence_ids(self, chars: list[int]) -> list[str]:
        """The id of the sentence holding each character offset (:meth:`Document.sentence_at`)."""
        doc = self._doc()
        return [""] * len(chars) if doc is None else doc.sentence_ids_at(chars)

    def inside(self, query: str) -> list[tuple[int, int, int, int]]:
        """``(token, token, start, end)`` of each occurrence of ``query`` inside a token (a CJK query)."""
        return self._inside(query, self.vocabulary(False))


def document_index(doc: Document) -> DocumentIndex:
    """The (cached) :class:`DocumentIndex` of a document."""
    return doc.derived("index", DocumentIndex)

