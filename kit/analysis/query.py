"""The query engine: one phrase matcher over a document's tokens, used by every search.

:func:`kit.kwic` and :func:`kit.highlight` (queries a student types), :func:`kit.actors`
(gazetteer names) and :func:`kit.stance` (stance markers) all find phrases with the
same :class:`PhraseMatcher`: a phrase is a sequence of *slots*, each a literal token
or a :class:`TokenPattern` (a wildcard or a regular expression that picks tokens from
the vocabulary).  What differs between the callers is only

* which tokens they look at (whole compounds, or hyphenated parts),
* what may stand between two words of a phrase (``joined``), and
* whether overlapping matches are all kept (KWIC) or the longest wins (names, markers).

Regular expressions typed by a student run with a time limit (the ``regex`` module's
``timeout=``), so a pattern such as ``(a+)+b`` cannot hang the kernel.
"""
from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any, Union

from ..errors import InvalidArgument, QueryTooSlow, WrongType, shown
from ..corpus.patterns import PATTERN_SECONDS, compile_pattern
from ..corpus.cleaning import clean
from ..corpus.token_table import token_spans
from ..corpus.tokenizer import normalise, places

__all__ = ["PhraseMatcher", "TokenPattern", "parse_query", "REGEX_SECONDS"]

#: CPU time allowed for one student-typed regular expression over a document's
#: vocabulary (the ``regex`` module counts CPU time: on a busy machine the wait is longer);
#: the same bound as a bank's mistake patterns (kit/corpus/patterns.py).
REGEX_SECONDS = PATTERN_SECONDS


class TokenPattern:
    """A slot that accepts every token a pattern matches: a wildcard or a regex.

    >>> sorted(TokenPattern.glob("cooperat*").select(["cooperation", "cooperate", "co-operation"]))
    ['cooperate', 'cooperation']
    """

    def __init__(self, pattern: Any, *, whole: bool, source: str) -> None:
        self.pattern, self.whole, self.source = pattern, whole, source

    @classmethod
    def glob(cls, text: str, *, case: bool = False) -> "TokenPattern":
        import re

        pattern = normalise(text, lower=not case)
        return cls(re.compile(fnmatch.translate(pattern), 0 if case else re.IGNORECASE),
                   whole=True, source=text)

    @classmethod
    def regex(cls, text: str, *, case: bool = False) -> "TokenPattern":
        # size-bounded (a{1000000000} is refused before it is compiled): kit/corpus/patterns.py
        return cls(compile_pattern(text, case_sensitive=case), whole=False, source=text)

    def select(self, vocabulary: Iterable[str], *, seconds: float = REGEX_SECONDS) -> set[str]:
        """The words of ``vocabulary`` this slot accepts (within ``seconds`` for a regex)."""
        if self.whole:
            return {w for w in vocabulary if self.pattern.fullmatch(w)}
        deadline = time.process_time() + seconds
        out = set()
        try:
            for w in vocabulary:
                left = deadline - time.process_time()
                if left <= 0:
                    raise TimeoutError
                if self.pattern.search(w, timeout=left):
                    out.add(w)
        except TimeoutError:
            raise QueryTooSlow(
                f"The regular expression {self.source!r} took more than {seconds:g} s and was "
                "stopped: nested repeats such as (a+)+ make it try too many ways. Simplify it "
                "(e.g. 'a+b' instead of '(a+)+b'), or use a wildcard such as 'cooperat*'."
            ) from None
        return out


Slot = Union[str, TokenPattern]


class PhraseMatcher:
    """Find phrases (sequences of slots) in a sequence of tokens.

    Parameters
    ----------
    phrases : iterable of (slots, payload)
        Each phrase is a sequence of slots (literal tokens or :class:`TokenPattern`)
        with a payload returned with its matches (an actor, a marker, a query).

    Examples
    --------
    >>> m = PhraseMatcher([(["north", "korea"], "NK"), (["korea"], "K")])
    >>> words = ["north", "korea", "and", "korea"]
    >>> m.find(words, longest=True)
    [(0, 1, 'NK'), (3, 3, 'K')]
    >>> m.find(words)
    [(0, 1, 'NK'), (1, 1, 'K'), (3, 3, 'K')]
    """

    def __init__(self, phrases: Iterable[tuple[Sequence[Slot], Any]]) -> None:
        self.phrases = [(tuple(slots), payload) for slots, payload in phrases if len(slots)]

    def find(
        self,
        words: Sequence[str],
        *,
        joined: Callable[[int], bool] | None = None,
        vocabulary: Collection[str] | None = None,
        accept: Callable[[int, int, Any], bool] | None = None,
        longest: bool = False,
    ) -> list[tuple[int, int, Any]]:
        """``(first, last, payload)`` of every match, sorted by position.

        ``joined(i)``: may tokens ``i`` and ``i + 1`` stand side by side in a phrase
        (default: always).  ``vocabulary``: the set of ``words``, if known (patterns
        choose from it).  ``accept(first, last, payload)``: a last check.
        ``longest``: keep only non-overlapping matches, the longest first.
        """
        vocab = vocabulary
        resolved, by_first = [], {}
        for slots, payload in self.phrases:
            if any(isinstance(s, TokenPattern) for s in slots) and vocab is None:
                vocab = set(words)
            slots = tuple(s if isinstance(s, str) else frozenset(s.select(vocab)) for s in slots)
            resolved.append((slots, payload))
            for key in ((slots[0],) if isinstance(slots[0], str) else slots[0]):
                by_first.setdefault(key, []).append(len(resolved) - 1)
        if len(by_first) <= 8 and hasattr(words, "index"):
            # A few first words (a query): list.index scans in C, ~20x faster than a loop.
            cands = []
            for key, ps in by_first.items():
                at = places(words, key)
                cands += [(i, p) for i in at for p in ps] if len(ps) > 1 else zip(at, repeat(ps[0]))
            cands.sort()
        else:
            cands = [(i, p) for i, w in enumerate(words) if w in by_first for p in by_first[w]]
        n, found = len(words), []
        # The words after the first, as a list when all are literal (one slice compare).
        rests = [list(slots[1:]) if all(isinstance(x, str) for x in slots[1:]) else None
                 for slots, _ in resolved]
        if len(resolved) == 1 and rests[0] is not None and accept is None and not longest:
            # One phrase of plain words (a query): each step over all candidates at once.
            (slots, payload), rest, k = resolved[0], rests[0], len(resolved[0][0])
            at = list(map(itemgetter(0), cands))
            if k > 1:
                at = [i for i in at if words[i + 1:i + k] == rest]
                if joined is not None:
                    at = [i for i in at if all(map(joined, range(i, i + k - 1)))]
            return [(i, i + k - 1, payload) for i in at]
        for i, p in cands:
            slots, payload = resolved[p]
            j = i + len(slots) - 1
            if j >= n:
                continue
            if j > i:
                rest = rests[p]
                if rest is not None:
                    if words[i + 1:j + 1] != rest:
                        continue
                elif not all(_fits(words[i + m], slots[m]) for m in range(1, len(slots))):
                    continue
                if joined is not None and not all(joined(k) for k in range(i, j)):
                    continue
            if accept is not None and not accept(i, j, payload):
                continue
            found.append((i, j, payload))
        if not longest:
            return sorted(found, key=lambda f: (f[0], f[1]))
        # Longest first (in words, then letters), then leftmost; a word is taken once.
        found.sort(key=lambda f: (f[0] - f[1], -sum(len(words[k]) for k in range(f[0], f[1] + 1)), f[0]))
        used, out = bytearray(n), []
        for i, j, payload in found:
            if any(used[i:j + 1]):
                continue
            used[i:j + 1] = b"\x01" * (j - i + 1)
            out.append((i, j, payload))
        return sorted(out, key=lambda f: f[0])


def _fits(word: str, slot) -> bool:
    return word == slot if isinstance(slot, str) else word in slot


# --- queries typed by students --------------------------------------------------


def parse_query(query: Any, *, case: bool = False, regex: bool = False, what: str = "query") -> list[Slot]:
    """A query (word, phrase, wildcard or regular expressions) as a list of slots.

    >>> parse_query("North Korea")
    ['north', 'korea']
    >>> [type(s).__name__ for s in parse_query("cooperat* with")]
    ['TokenPattern', 'str']
    """
    if not isinstance(query, str):
        raise WrongType(
            f"The {what} must be a string such as 'wedge' or 'North Korea', not "
            f"{shown(query)} (a {type(query).__name__})."
        )
    query = clean(query)  # as the text is read: no invisible characters, accents composed
    if not query.strip():
        raise InvalidArgument(
            f"The {what} is empty. Type a word ('wedge'), a phrase ('North Korea') "
            "or a wildcard ('cooperat*')."
        )
    if len(query) > 1000:
        raise InvalidArgument(f"The {what} is {len(query)} characters long; keep it under 1,000 (a few words).")
    slots: list[Slot] = []
    for piece in query.split():
        if regex:
            slots.append(TokenPattern.regex(piece, case=case))
        elif "*" in piece or "?" in piece:
            slots.append(TokenPattern.glob(piece, case=case))
        else:
            words = [normalise(t, lower=not case) for _, _, t in token_spans(piece)]
            if not words:
                raise InvalidArgument(
                    f"The {what} {query!r} has no words in it (only punctuation). "
                    "Type a word such as 'wedge'."
                )
            slots.extend(words)
    return slots
