"""A document's search index: its tokens, vocabulary, and offsets and sentence ids for what a view shows.

Made the first time a document is searched and kept with it (``Document.derived``): later
queries only look words up.  The phrase matching itself is :mod:`kit.analysis.query`.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

from ..corpus.documents import Document
from ..corpus.tokenizer import ParagraphTokens, paragraph_tokens
from .query import PhraseMatcher, Slot, TokenPattern

__all__ = ["DocumentIndex", "document_index"]


class DocumentIndex:
    """A document's tokens, its vocabulary, and offsets and sentence ids for the tokens a view shows.

    Offsets come from :class:`~kit.corpus.tokenizer.ParagraphTokens`: only the paragraphs
    holding matches are matched again for them, and only those are split into sentences.
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

    def spaced(self, i: int) -> bool:
        """Only white space between token ``i`` and token ``i + 1``."""
        return not self.text[self.span(i)[1]:self.span(i + 1)[0]].strip()

    def locate(self, many: bool) -> tuple[Callable[[int], int], Callable[[int], int]]:
        """``(start_of, end_of)``: token ``i``'s offsets in the text.  ``many``: the view shows
        most paragraphs, so every token's offsets are made at once (then looked up in C)."""
        if many:
            starts, ends = self._found.all_offsets()
            return starts.__getitem__, ends.__getitem__
        span = self.span
        return (lambda i: span(i)[0]), (lambda i: span(i)[1])

    def many(self, count: int) -> bool:
        """Would ``count`` hits touch most paragraphs (offsets for all at once are cheaper)?"""
        return count > len(self._found.firsts)

    def find(self, slots: Sequence[Slot], *, case: bool) -> list[tuple[int, int]]:
        """Token positions ``(first, last)`` of every match of one query."""
        vocab = self.vocabulary(case) if any(isinstance(s, TokenPattern) for s in slots) else None
        joined = self.spaced
        if len(slots) > 1 and isinstance(slots[0], str) and self.many(self.tokens(case).count(slots[0])):
            start_of, end_of = self.locate(True)
            text = self.text
            joined = lambda i: not text[end_of(i):start_of(i + 1)].strip()  # noqa: E731
        hits = PhraseMatcher([(slots, None)]).find(self.tokens(case), vocabulary=vocab, joined=joined)
        return [(i, j) for i, j, _ in hits]

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

