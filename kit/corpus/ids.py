"""Sentence ids, the one grammar: ``cho 2.3`` is document ``cho``, paragraph 2, sentence 3.

A document id holds letters, digits, underscores and hyphens, and starts with a letter
or digit, as a course's file names do (:func:`safe_id` makes one from a file name).
Documents, courses, citations and the answer checkers all build their patterns from
:data:`DOC_ID`, so they agree on what an id may hold.

>>> parse_sentence_id("cho 2.3"), parse_sentence_id("2.3"), parse_sentence_id("cho 2")
(('cho', 2, 3), (None, 2, 3), None)
>>> [m.groups() for m in WRITTEN_ID_RE.finditer("as cho3.2 and (Yang 7 . 2) say")]
[('cho', '3', '2'), ('Yang', '7', '2')]
"""
from __future__ import annotations

import re

__all__ = ["DOC_ID", "SENTENCE_ID", "DOC_ID_RE", "SENTENCE_ID_RE", "WRITTEN_ID", "WRITTEN_ID_RE",
           "parse_sentence_id", "safe_id"]

#: A document id: letters, digits, ``_`` and ``-``, starting with a letter or digit.
DOC_ID = r"[^\W_][\w-]*"
_TYPED_DOC = r"[^\W_][\w-]{0,254}"
#: A full sentence id as the kit writes it: ``cho 2.3`` (one space, no groups: for embedding).
SENTENCE_ID = rf"{DOC_ID} \d+\.\d+"
#: A sentence id as a person may type it: ``cho3.2``, ``Cho 3 . 2``.  Without a space the
#: document must start with a letter (``13.2`` is not document ``1``); groups: doc, paragraph, sentence.
#: The document part is at most 255 characters (a file name's limit), so that scanning an
#: answer is linear: a 10 kB run such as ``a-a-a-…`` tries each start for 255 characters at most.
WRITTEN_ID = rf"((?!\d){_TYPED_DOC}?|{_TYPED_DOC}(?=\s))\s*(\d+)\s*\.\s*(\d+)"

DOC_ID_RE = re.compile(DOC_ID)
SENTENCE_ID_RE = re.compile(rf"(?:(?P<doc>{DOC_ID})\s+)?(?P<para>\d+)\.(?P<sent>\d+)")
WRITTEN_ID_RE = re.compile(rf"\b{WRITTEN_ID}")


def parse_sentence_id(text: str) -> tuple[str | None, int, int] | None:
    """``(doc, paragraph, sentence)`` of ``"cho 2.3"`` (doc None for ``"2.3"``), or None if it is no id."""
    match = SENTENCE_ID_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None or len(match["para"]) > 18 or len(match["sent"]) > 18:  # no text has 10**18 paragraphs
        return None
    return match["doc"], int(match["para"]), int(match["sent"])


def safe_id(stem: str) -> str:
    """A document id made from a file name's stem: lower case, letters, digits, ``_`` and ``-``.

    >>> safe_id("My Essay (draft 2)"), safe_id("Ça.va"), safe_id("...")
    ('my_essay_draft_2', 'a_va', 'text')
    """
    out = re.sub(r"[^a-z0-9_-]+", "_", stem.lower()).strip("_-")
    return out or "text"
