"""Paragraph and Sentence: the units a document is cut into, with their offsets in its text."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Paragraph", "Sentence"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document's body; ``doc.text[start:end] == text``."""

    doc: str
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``doc.text[start:end] == text``.

    ``id`` is the citation form, ``"cho 2.3"``; ``label`` drops the document, ``"2.3"``.
    """

    id: str
    doc: str
    paragraph: int
    index: int
    text: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.paragraph}.{self.index}"
