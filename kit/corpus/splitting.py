"""Sentence splitting: NLTK's Punkt with the kit's own parameters, and a fast path.

Sentences come from NLTK's Punkt splitter given the kit's parameters
(``kit/data/lexicons/abbreviations.txt`` and ``sentence_starters.txt``): "U.S."
does not end a sentence, unless the next word is a capitalised frequent sentence
starter, as in "... cooperation with the U.S. But due to this response ...".

Punkt is exact but slow on long texts (it was most of the time of a 1M-word
pipeline): for every candidate break it runs a generator chain and realigns the
boundaries.  The kit finds the same breaks in three ways, fastest first:

* :func:`_quick_many` - most prose, where every candidate is followed by spaces and a
  word: the candidates, the words before them and the plain decisions ("Korea." before a
  word breaks; "U.S." asks Punkt) for a whole text at once, by ``map`` in C;
* :func:`_fast_spans` - any paragraph: walks the candidates one by one, asking Punkt's own
  decision function (``text_contains_sentbreak``) about each;
* Punkt itself, for a paragraph where it might realign a quote or a bracket.

:func:`sentence_bounds` splits a document's paragraphs in one pass; :func:`sentence_spans`
one paragraph.  The spans are Punkt's: ``tests/corpus/test_tokens.py`` checks each path
against plain Punkt on random texts.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from bisect import bisect_right
from functools import lru_cache
from itertools import repeat
from typing import Any

from ..files.resources import word_list

__all__ = ["sentence_spans", "sentence_bounds", "punkt_spans"]

# Punkt decides each candidate break by tokenising and annotating a small context
# ("Ukraine. But").  When the word before a single "." "?" or "!" is a plain word of two
# or more letters that is not an abbreviation, Punkt always breaks (first pass: not an
# abbreviation -> break; second pass: only abbreviations, initials and numbers are
# reconsidered).  A known abbreviation before a plain word is decided too (below).
# Answering these cases directly gives the same spans much faster; tests/corpus/test_tokens.py
# checks them against plain Punkt on random texts.
_PLAIN_BREAK = re.compile(r"([^\W\d_]{2,})[.?!]\s+\S+")
# A known abbreviation before a plain word (letters only: "end.)" would bring its own
# period into Punkt's decision): a lower-case word never starts a sentence; before a
# capitalised word (not after a one-letter initial) Punkt, with no orthographic
# statistics, breaks exactly when the word is a frequent sentence starter ("the U.S.
# But ..." breaks, "the U.S. Congress" does not).
_ABBREV_THEN_WORD = re.compile(r"((?:[^\W\d_]+\.)*[^\W\d_]+)\.\s+([^\W\d_]+)")


@lru_cache(maxsize=8)
def _punkt(extra: frozenset[str] = frozenset()):
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class KitPunkt(PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_BREAK.fullmatch(text)
            if plain and plain.group(1).lower() not in self._params.abbrev_types:
                return True
            word = _ABBREV_THEN_WORD.fullmatch(text)
            if word and word.group(1).lower() in self._params.abbrev_types:
                if word.group(2).islower():
                    return False
                if len(word.group(1)) > 1 and word.group(2)[0].isupper():
                    return word.group(2).lower() in self._params.sent_starters
            found = self._decided.get(text)
            if found is None:  # Punkt's full annotation: the same context, the same answer
                if len(self._decided) > 50_000:
                    self._decided.clear()
                found = self._decided[text] = super().text_contains_sentbreak(text)
            return found

    params = PunktParameters()
    params.abbrev_types = set(word_list("lexicons/abbreviations.txt")) | set(extra)
    params.sent_starters = set(word_list("lexicons/sentence_starters.txt"))
    tokenizer = KitPunkt(params)
    tokenizer._decided = {}
    return tokenizer


_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what Punkt's look-back for the previous word counts as space
_ODD_SPACE = re.compile(r"[^\S \t\n\r\x0b\x0c]")  # a no-break space and the like: leave to Punkt
_END = re.compile(r"[.?!]")
_OTHER_SPACE = re.compile(r"[\t\n\r\x0b\x0c]")
_NEXT_TOKEN = re.compile(r"[ \t\n\r\x0b\x0c]+(\S+)")
# After a ".", "?" or "!": a letter or digit, "-", "," or "." never makes a candidate
# break for Punkt; other punctuation (quotes, brackets, "!" ...; the set depends on the
# NLTK version) might, so such a paragraph goes to Punkt.
_NO_CANDIDATE = frozenset("-,.")


def _fast_spans(text: str, tokenizer: Any) -> list[tuple[int, int]] | None:
    """Punkt's spans for a paragraph whose every break is a plain case, else None.

    Follows Punkt's own walk over the candidate breaks (``_match_potential_end_contexts``
    and ``_slices_from_text``): a candidate is a ".", "?" or "!" followed by white space
    and a word, or by other punctuation; its context is the word before (back to the
    last space since the previous candidate) and the token after.
    """
    if _ODD_SPACE.search(text):
        return None
    spans, last, prev_stop, prev_start, pending = [], 0, 0, 0, None
    for match in _END.finditer(text):
        p = match.start()
        after = text[p + 1:p + 2]
        if not after or after.isalnum() or after in _NO_CANDIDATE:
            continue  # "2.5", "U.S.-China", "etc.,": not a candidate for Punkt either
        spaced = after in _ASCII_SPACE
        nxt = _NEXT_TOKEN.match(text, p + 1) if spaced else None
        if spaced and nxt is None:
            continue  # only trailing space: not a candidate
        # The previous word as Punkt finds it: after the last space since the last candidate.
        found = text.rfind(" ", prev_stop, p)
        if _OTHER_SPACE.search(text, max(found, prev_stop), p):
            found = max(text.rfind(c, prev_stop, p) for c in _ASCII_SPACE)
        start = prev_start if found <= prev_stop else found + 1
        if pending is not None:
            # Punkt drops a candidate whose word runs into the next one's ("U.S.'s.")
            if found > prev_stop and tokenizer.text_contains_sentbreak(pending):
                return None
            pending = None
        prev_stop, prev_start = p, start
        if not spaced:
            pending = text[start:p + 2]  # decided when we know it is not dropped
            continue
        if not text[nxt.start(1)].isalnum():
            return None  # a quote or bracket may be realigned onto the sentence before
        if tokenizer.text_contains_sentbreak(text[start:nxt.end()]):  # Punkt's own decision
            spans.append((last, p + 1))
            last = nxt.start(1)
    if pending is not None and tokenizer.text_contains_sentbreak(pending):
        return None
    spans.append((last, len(text.rstrip())))
    return [(a, b) for a, b in spans if b > a]


# A candidate break, as Punkt sees it: a "." "?" or "!" not followed by a letter or digit,
# "-", "," or ".", nor by white space to the end.  Two kinds: followed by spaces (group 1) and a
# letter or digit (most), or not (a quote, a bracket, a line break).  One pattern per mark: a
# pattern that starts with a literal character is searched for in C (a class is tried everywhere).
_UNSPACED = {mark: re.compile(re.escape(mark) + r"(?![^\W_]|[-,.]|\s*\Z| +[^\W_])") for mark in ".?!"}
_SPACED = {mark: re.compile(re.escape(mark) + r"( +)(?=[^\W_])") for mark in ".?!"}
_PLAIN = re.compile(r"[^\W\d_]{2,}")  # a word of letters only: Punkt breaks unless an abbreviation
_SPACE = re.compile(r"\s")


def _quick_spans(text: str, tokenizer: Any) -> list[tuple[int, int]] | None:
    """Punkt's spans for one paragraph by the one-pass path (:func:`_quick_many`), or None."""
    stops, starts, odd = _quick_many(text, [(0, end := len(text.rstrip()))], tokenizer)
    return None if odd else list(zip([0] + starts, stops + [end]))


def _quick_many(text: str, bounds: list[tuple[int, int]], tokenizer: Any) -> tuple[list[int], list[int], set[int]]:
    """``(stops, starts, odd)``: where Punkt ends a sentence and starts the next, inside the
    paragraphs ``text[a:b]`` it can decide in one pass (most prose), and the paragraphs it
    cannot (``odd``: :func:`_fast_spans` walks them).

    The whole text is searched at once, with no Python step per character or per paragraph
    beyond a few: such a candidate ends its run of non-space characters, so the word Punkt
    looks back to runs from the last " " before it in its paragraph (:func:`_fast_spans`
    walks the same contexts one by one).  ``bounds``: sorted, each paragraph stripped.
    """
    marks = [m for m in ".?!" if m in text]
    found = [m for mark in marks for m in _SPACED[mark].finditer(text)]
    if len(marks) > 1:
        found.sort(key=re.Match.start)
    firsts, lasts = [a for a, _ in bounds], {b - 1 for _, b in bounds}  # a mark that ends a paragraph is no candidate
    ends = list(map(re.Match.start, found))
    # The word before each mark, back to the last space (a paragraph's first word runs back
    # over the blank line before it, and is caught below with the other white space).
    begins = list(map((1).__add__, map(text.rfind, repeat(" "), repeat(0), ends)))
    words = list(map(text.__getitem__, map(slice, begins, ends)))
    # Not for this path: a paragraph with a tab or a line break inside the word before a break,
    # or with a candidate it cannot decide (below).
    odd = {bisect_right(firsts, ends[k]) - 1 for k, space in enumerate(map(_SPACE.search, words)) if space}
    others = sorted(c for mark in marks for c in map(re.Match.start, _UNSPACED[mark].finditer(text)))
    for n, c in enumerate(others):
        if c not in lasts:
            odd.update(_unspaced(text, c, _neighbours(ends, others, n), firsts, bounds, tokenizer))
    # A word of letters that is not an abbreviation: Punkt breaks.  Other words: Punkt decides.
    known = map(tokenizer._params.abbrev_types.__contains__, map(str.lower, words))
    breaks = list(map(operator.and_, map(bool, map(_PLAIN.fullmatch, words)), map(operator.not_, known)))
    paragraph = list(map((-1).__add__, map(bisect_right, repeat(firsts), ends))) if odd else repeat(-1)
    for k in [k for k, (brk, at) in enumerate(zip(breaks, paragraph)) if not brk and at not in odd]:
        breaks[k] = tokenizer.text_contains_sentbreak(text[begins[k]:_NEXT_TOKEN.match(text, ends[k] + 1).end()])
    keep = list(map(operator.and_, breaks, map(operator.not_, map(odd.__contains__, paragraph)))) if odd else breaks
    return ([p + 1 for p, brk in zip(ends, keep) if brk], [m.end(1) for m, brk in zip(found, keep) if brk], odd)


def _neighbours(spaced: list[int], others: list[int], n: int) -> tuple[int, int]:
    """The candidates just before and just after ``others[n]`` (-1 / a big number: none)."""
    c, at = others[n], bisect_right(spaced, others[n])
    before = max(spaced[at - 1] if at else -1, others[n - 1] if n else -1)
    after = min(spaced[at] if at < len(spaced) else 1 << 62, others[n + 1] if n + 1 < len(others) else 1 << 62)
    return before, after


def _unspaced(text: str, c: int, neighbours: tuple[int, int], firsts: list[int], bounds: list, tokenizer: Any) -> set[int]:
    """``{paragraph}`` if the candidate at ``c`` (not followed by spaces and a word) may break or
    cannot be decided here, else ``set()``: a mark before a quote or bracket that Punkt does
    not break at ("U.S.'s") changes nothing, as in :func:`_fast_spans`."""
    k = bisect_right(firsts, c) - 1
    (a, b), (before, after) = bounds[k], neighbours
    if text[c + 1] in _ASCII_SPACE:
        return {k}  # spaces, then a quote or bracket: Punkt may realign the break
    space = text.rfind(" ", a, c)
    if a <= before and space <= before:
        return {k}  # its word runs back into the candidate before
    if after < b and text.rfind(" ", c, after) <= c:
        return {k}  # the next candidate's word runs back into this one
    pending = text[max(space + 1, a):c + 2]
    return {k} if _SPACE.search(pending) or tokenizer.text_contains_sentbreak(pending) else set()


def sentence_bounds(text: str, bounds: list[tuple[int, int]], *,
                    abbreviations: Iterable[str] = ()) -> tuple[list[int], list[int]]:
    """``(starts, ends)``: where every sentence of the paragraphs ``text[a:b]`` starts and ends, in order.

    The same sentences as :func:`sentence_spans` of each paragraph, in one pass over the
    whole text for most paragraphs (sentences never overlap: starts and ends sort alike).

    >>> text = "One idea. Two ideas.\\n\\nA second paragraph."
    >>> sentence_bounds(text, [(0, 20), (22, 41)])
    ([0, 10, 22], [9, 20, 41])
    """
    tokenizer = _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))
    stops, starts, odd = _quick_many(text, bounds, tokenizer)
    starts += [a for k, (a, _) in enumerate(bounds) if k not in odd]
    stops += [b for k, (_, b) in enumerate(bounds) if k not in odd]
    for a, b in (bounds[k] for k in odd):
        spans = _walked_spans(text[a:b], tokenizer)
        starts += [a + x for x, _ in spans]
        stops += [a + y for _, y in spans]
    return sorted(starts), sorted(stops)


def punkt_spans(text: str, *, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The spans NLTK's Punkt gives with the kit's parameters (no fast path: what the fast path must match)."""
    return list(_punkt(frozenset(a.lower().rstrip(".") for a in abbreviations)).span_tokenize(text))


def sentence_spans(text: str, *, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one paragraph (NLTK Punkt, the kit's parameters).

    ``abbreviations``: more abbreviations (lower case, no final period: ``"ave"``) that
    do not end a sentence.

    >>> text = "Beijing met the U.S. envoy. It was a first."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Beijing met the U.S. envoy.', 'It was a first.']
    """
    if not text.strip():
        return []
    tokenizer = _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))
    quick = _quick_spans(text, tokenizer)
    return quick if quick is not None else _walked_spans(text, tokenizer)


def _walked_spans(text: str, tokenizer: Any) -> list[tuple[int, int]]:
    """The spans of one paragraph by walking its candidates (:func:`_fast_spans`), else by Punkt itself."""
    fast = _fast_spans(text, tokenizer)
    return fast if fast is not None else list(tokenizer.span_tokenize(text))
