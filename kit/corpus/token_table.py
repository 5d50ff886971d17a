"""Tokens with their offsets in one text: :func:`token_spans` and :class:`TokenTable`.

For a string or a short text (a query, a sentence, the stance markers of a document); a
whole document's tokens are :class:`kit.corpus.tokenizer.ParagraphTokens` (offsets only
for the paragraphs a view shows).
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

from .cleaning import clean_map, needs_cleaning
from .tokenizer import flatten, lower_all, token_re

__all__ = ["token_spans", "TokenTable", "token_table"]


def _matches(text: str, punct: bool = False):
    """``(cleaned text, where, matches)``: the tokens of ``text`` with their places in ``text``."""
    cleaned, where = clean_map(text) if needs_cleaning(text) else (text, None)
    flat = flatten(cleaned)
    return where, token_re(email="@" in flat, punct=punct).finditer(flat), cleaned


def token_spans(text: str, *, keep_punct: bool = False):
    """Yield ``(start, end, token)`` for each token of ``text``, offsets into ``text``.

    ``token`` is ``text[start:end]`` cleaned (invisible characters removed, accents
    composed); ``’`` and case are kept.

    >>> [t for _, _, t in token_spans("China’s U.S. co\\u00adoperation.")]
    ['China', '’s', 'U.S.', 'cooperation']
    """
    where, found, cleaned = _matches(text, keep_punct)
    for m in found:
        a, b = m.span()
        yield (a, b, text[a:b]) if where is None else (where[a], where[b], cleaned[a:b])


class TokenTable:
    """The word tokens of a text with their offsets: ``raw`` (``’`` written ``'``, case
    kept), ``lower``, ``starts``, ``ends`` (``text[starts[i]:ends[i]]`` is token ``i`` as
    it stands in the text).  For a whole document, :class:`ParagraphTokens` is cheaper.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends, self.raw = starts, ends, raw = [], [], []
        where, found, _ = _matches(text)
        for m in found:
            starts.append(m.start())
            ends.append(m.end())
            raw.append(m.group().replace("’", "'"))
        if where is not None:
            self.starts[:] = [where[a] for a in starts]
            self.ends[:] = [where[b] for b in ends]

    @cached_property
    def lower(self) -> list[str]:
        return lower_all(self.raw)


def token_table(doc: Any) -> TokenTable:
    """The :class:`TokenTable` of a document's body, kept with the document (``Document.derived``)."""
    return doc.derived("tokens", lambda d: TokenTable(d.text))
