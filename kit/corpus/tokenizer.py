"""The token pattern, and a document's tokens: counts without offsets, offsets on demand.

One regular expression makes every word token (the choices are listed in
:mod:`kit.corpus.tokens`).  :class:`ParagraphTokens` splits each paragraph of the
lower-cased text with it, once: ``[gap, token, gap, ..., token, gap]``.  Counting takes
the tokens; a view that needs character offsets (a KWIC row, a highlight) adds up the
lengths of the pieces, for the paragraphs it shows (no second match).  The paragraphs
hold every non-space character of the body and no token spans white space, so the
paragraph by paragraph tokens are the whole text's tokens, and lower-casing the text
first gives each token lower-cased (``tests/corpus/test_token_paths.py`` checks both on
the corpus, a course folder of other texts and random texts).

Before matching, the text is cleaned (:mod:`kit.corpus.cleaning`: invisible format
characters removed, accents composed); offsets always point into the text as it is.
Tokens with offsets in one string: :mod:`kit.corpus.token_table`.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from functools import cached_property, lru_cache
from itertools import accumulate, chain
from typing import Any

from .cleaning import clean, clean_map, needs_cleaning

__all__ = ["gc_paused", "token_re", "flatten", "normalise", "lower",
           "ParagraphTokens", "paragraph_tokens", "cjk_query", "lower_all", "places"]

@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a million small objects are made.

    Token lists hold no cycles, but each collection walks every list alive: on a 1M-token
    text that was 40% of a KWIC.  Reference counting still frees everything at once.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_WORD = r"(?:[^\W\d_]\.){2,}|\w+(?:['’](?![sS]\b)\w+)*"

_PARTS = {
    # The local part is at most 64 characters (the e-mail standard's limit): each place the
    # scanner tries costs at most 64 steps, so a run of 200,000 "-" before an "@" stays linear.
    "email": r"[\w.+-]{1,64}@\w[\w-]*(?:\.\w[\w-]*)+",
    "number": r"\d+(?:[.,]\d+)+",
    "word": rf"(?:{_WORD})(?:-(?:{_WORD}))*",
    "possessive": r"['’][sS]\b",
    "punct": r"[^\w\s]",
}


@lru_cache(maxsize=4)
def token_re(*, email: bool, punct: bool) -> re.Pattern:
    """The token pattern (without the alternatives a text cannot need: no "@", no e-mail).

    >>> token_re(email=False, punct=False).findall("U.S.-China ties")
    ['U.S.-China', 'ties']
    """
    names = [n for n in _PARTS if (n != "email" or email) and (n != "punct" or punct)]
    # A look-ahead for the characters a token can start with (each alternative starts with
    # one): the same tokens, but the scanner skips the others at once (18% faster).
    start = "" if punct else r"(?=[\w'’.+-])" if email else r"(?=[\w'’])"
    # First, the commonest token: a run of ASCII letters that nothing can extend (no word
    # character, apostrophe or hyphen after it; no "." after one letter, which may start
    # "U.S."; with e-mail, no ".", "+" or "@").  Where it matches, the alternatives below
    # give the same token; where it does not, they are tried as before.  Half the time.
    plain = (r"[A-Za-z]+(?![\w'’.+@-])|" if email else r"[A-Za-z]{2,}(?![\w'’-])|[A-Za-z](?![\w'’.-])|")
    return re.compile(start + "(?:" + plain + "|".join(_PARTS[n] for n in names) + ")")


@lru_cache(maxsize=2)
def _splitter(*, email: bool):
    """``split(text)``: ``[gap, token, gap, ..., token, gap]`` (the token pattern as one group)."""
    return re.compile("(" + token_re(email=email, punct=False).pattern + ")").split


def flatten(text: str) -> str:
    """``’`` written ``'`` and ``_`` read as a space (Markdown emphasis, fill-in lines): same length.

    >>> flatten("China’s _role_")
    "China's  role "
    """
    text = text.replace("’", "'")
    return text.replace("_", " ") if "_" in text else text


def lower(text: str) -> str:
    """Lower case, with ``İ`` written ``i`` (not ``i`` + a combining dot).

    >>> lower("İstanbul")
    'istanbul'
    """
    low = text.lower()
    return low.replace("i\u0307", "i") if "\u0307" in low else low


def normalise(token: str, *, lower: bool = True) -> str:
    """One token as the kit counts it: ``’`` written ``'``, lower-cased by default.

    >>> normalise("China’s")
    "china's"
    """
    token = token.replace("’", "'")
    return _lowered(token) if lower else token


_lowered = lower


def places(words: list[str], word: str) -> list[int]:
    """Every index of ``word`` in ``words`` (``list.index`` scans in C, ~20x a Python loop).

    >>> places(["a", "b", "a"], "a")
    [0, 2]
    """
    at, i, index = [], -1, words.index
    try:
        while True:
            i = index(word, i + 1)
            at.append(i)
    except ValueError:
        return at


def lower_all(raw: list[str]) -> list[str]:
    """Each token lower-cased as :func:`lower` does (one call over the joined tokens).

    >>> lower_all(["U.S.", "İzmir"])
    ['u.s.', 'izmir']
    """
    if not raw:
        return []
    # A word token never holds "\x00" (not a word character): one call, then split.
    return _lowered("\x00".join(raw)).split("\x00")

class ParagraphTokens:
    """A document's word tokens, made paragraph by paragraph with the text between them.

    ``raw`` / ``lower``: every token (as :func:`kit.tokens` gives them); ``firsts[k]``:
    the index of paragraph ``k``'s first token; :meth:`span` the offsets of one token.
    One ``split`` per paragraph of the lower-cased text gives ``[gap, token, gap, ...,
    gap]``: counting takes the tokens; offsets are the running sum of those lengths, for
    the paragraphs a view shows (no second match).

    >>> from kit.corpus.documents import Document
    >>> pt = ParagraphTokens(Document(id="d", text="One idea.\\n\\nTwo ideas."))
    >>> pt.lower, pt.firsts, pt.span(2)
    (['one', 'idea', 'two', 'ideas'], [0, 2], (11, 14))
    """

    def __init__(self, doc: Any) -> None:
        self.text = text = doc.text
        self._paragraphs = doc.paragraphs
        # Lower-casing the whole text is lower-casing each token (the same length, the same
        # classes of characters) but for a final sigma and the Turkish İ: for those, one by one.
        self._exact = "\u03a3" in text or "\u0130" in text
        base = flatten(text if self._exact else text.lower())
        dirty = needs_cleaning(text)
        split = _splitter(email="@" in text)
        self.firsts, self._parts, self._cleaned, found = [], [], set(), []
        for k, p in enumerate(self._paragraphs):
            seg = base[p.start:p.end]
            if dirty and needs_cleaning(p.text):
                seg = flatten(clean(p.text) if self._exact else lower(clean(p.text)))
                self._cleaned.add(k)
            self.firsts.append(len(found))
            parts = split(seg)
            found += parts[1::2]
            self._parts.append(parts)
        if self._exact:
            self.raw = found
        else:
            self.lower = found
        self._spans: dict[int, tuple] = {}
        self._all: tuple[list[int], list[int]] | None = None

    @cached_property
    def lower(self) -> list[str]:
        return lower_all(self.raw)

    @cached_property
    def raw(self) -> list[str]:
        """The tokens with their case (matched again, on the text as it is)."""
        split, out = _splitter(email="@" in self.text), []
        with gc_paused():
            for p in self._paragraphs:
                out += split(flatten(clean(p.text)))[1::2]
        return out

    def offsets(self, k: int) -> tuple[int, list[int], list[int]]:
        """``(paragraph start, starts, ends)`` of paragraph ``k``'s tokens, in the paragraph
        (added up once, kept)."""
        found = self._spans.get(k)
        if found is None:
            p = self._paragraphs[k]
            at = list(accumulate(map(len, self._parts[k])))  # at[2m]: token m starts; at[2m + 1]: ends
            starts, ends = at[0:-1:2], at[1::2]
            if k in self._cleaned:  # offsets in the cleaned paragraph: map them back
                where = clean_map(p.text)[1]
                starts, ends = [where[a] for a in starts], [where[b] for b in ends]
            found = self._spans[k] = (p.start, starts, ends)
        return found

    def span(self, i: int) -> tuple[int, int]:
        """``(start, end)`` of token ``i`` in ``text``."""
        k = bisect_right(self.firsts, i) - 1
        start, starts, ends = self._spans.get(k) or self.offsets(k)
        m = i - self.firsts[k]
        return start + starts[m], start + ends[m]

    def all_offsets(self) -> tuple[Any, Any]:
        """``(starts, ends)`` in ``text`` of every token (sequences of ints): for a view that
        shows most paragraphs."""
        if self._all is None and not self._cleaned:
            import numpy as np  # a running sum over two million lengths: in C

            # Every piece's length, the text between paragraphs added to the first gap after
            # it: the running sum is then each piece's end in the text.  Token t, in paragraph
            # k, is piece 2t + 1 + k (each paragraph adds one gap more than its tokens).
            count = [len(parts) for parts in self._parts]
            lengths = np.fromiter(map(len, chain.from_iterable(self._parts)), np.int64, sum(count))
            firsts = np.cumsum([0] + count[:-1])
            ends_before = np.array([0] + [p.end for p in self._paragraphs[:-1]])
            lengths[firsts] += np.array([p.start for p in self._paragraphs]) - ends_before
            at = np.cumsum(lengths)
            tokens = [c // 2 for c in count]  # a paragraph's pieces: its tokens and one gap more each
            piece = 2 * np.arange(sum(tokens)) + 1 + np.repeat(np.arange(len(count)), tokens)
            self._all = (at[piece - 1], at[piece])
        if self._all is None:
            starts_all, ends_all = [], []
            with gc_paused():
                for k in range(len(self.firsts)):
                    start, starts, ends = self.offsets(k)
                    starts_all += map(start.__add__, starts)
                    ends_all += map(start.__add__, ends)
            self._all = (starts_all, ends_all)
        return self._all

    def inside(self, query: str, vocabulary=None) -> list[tuple[int, int, int, int]]:
        """``(i, i, start, end)`` of each occurrence of ``query`` inside token ``i`` (lower case).

        For Chinese and Japanese, written without spaces, where a run of characters is
        one token (see :func:`cjk_query`).

        >>> from kit.corpus.documents import Document
        >>> ParagraphTokens(Document(id="zh", text="中国是朝鲜的盟友。朝鲜依赖中国。")).inside("中国")
        [(0, 0, 0, 2), (1, 1, 13, 15)]
        """
        toks, out = self.lower, []
        for word in (w for w in (vocabulary or set(toks)) if query in w):
            for i in places(toks, word):
                a0, b0 = self.span(i)
                cleaned, where = clean_map(self.text[a0:b0])
                k = cleaned.lower().find(query)
                while k >= 0:
                    out.append((i, i, a0 + where[k], a0 + where[k + len(query)]))
                    k = cleaned.lower().find(query, k + len(query))
        return sorted(out)


# Kana and Han (CJK ideographs, with the extensions and compatibility ideographs).
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")


def cjk_query(query: Any) -> str | None:
    """The query, cleaned, when it is one run of Chinese or Japanese characters (else None).

    Such text is written without spaces, so a run of it is one token: the query is
    looked for *inside* tokens, as a substring (:meth:`ParagraphTokens.inside`).

    >>> cjk_query(" 中国 "), cjk_query("China"), cjk_query("中国 China")
    ('中国', None, None)
    """
    if not isinstance(query, str):
        return None
    query = clean(query).strip()
    return query if _CJK_RUN.fullmatch(query) else None


def paragraph_tokens(doc: Any) -> ParagraphTokens:
    """The :class:`ParagraphTokens` of a document, kept with it (``Document.derived``)."""
    return doc.derived("paragraph tokens", ParagraphTokens)
