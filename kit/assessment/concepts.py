"""Free-text answers accepted by meaning: the concepts a right answer names, each with
its synonyms, matched on whole words with simple word forms folded (plural, -ed,
-ing, -ly, possessive 's), and the text's own words for the answer.

A bank's ``concepts:`` is a list; each concept is a phrase or a list of synonyms.
An answer is right when it names every concept (not negated: "not volatile" does
not name "volatile") and none of the ``reject:`` phrases.

>>> names_concepts("It is volatile.", [["volatile"]])
True
>>> names_concepts("The 2022 Beijing Winter Olympics", [["olympics", "winter games"]])
True
>>> names_concepts("not volatile at all", [["volatile"]])
False
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

__all__ = ["words", "fold", "names_concepts", "mentions", "own_words", "parse_concepts", "accepted_by_meaning"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NEGATORS = {"not", "no", "never", "nor", "nt", "neither", "without"}


def fold(word: str) -> str:
    """A word with simple endings folded, so "hosted", "hosting" and "hosts" meet.

    >>> [fold(w) for w in ("olympics", "games", "hosted", "hosting", "cities", "volatile", "china's")]
    ['olympic', 'game', 'host', 'host', 'city', 'volatile', 'china']
    """
    w = word.casefold().replace("’", "'")
    if w.endswith("n't"):
        return "nt"
    w = re.sub(r"'s?$", "", w)
    for suffix, repl, keep in (("ies", "y", 3), ("ied", "y", 3), ("ing", "", 4), ("edly", "", 4), ("ed", "", 4),
                               ("ly", "", 4), ("es", "", 4), ("s", "", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep and not w.endswith(("ss", "us", "is")):
            return w[: len(w) - len(suffix)] + repl
    return w


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text (case, punctuation and word forms aside).

    >>> words("The Beijing Winter Olympics next February")
    ('the', 'beij', 'winter', 'olympic', 'next', 'february')
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return tuple(fold(w) for w in _WORD.findall(text))


@lru_cache(maxsize=512)
def _phrase(text: str) -> tuple[str, ...]:
    return words(text)


def _positions(answer: Sequence[str], phrase: Sequence[str]) -> Iterable[int]:
    n = len(phrase)
    return (i for i in range(len(answer) - n + 1) if n and tuple(answer[i:i + n]) == tuple(phrase))


def mentions(answer: Sequence[str], phrase: str, *, negatable: bool = True) -> bool:
    """Whether the folded ``answer`` words contain ``phrase`` (not right after a negation)."""
    for i in _positions(answer, _phrase(phrase)):
        before = answer[max(0, i - 2):i]
        if not negatable or not _NEGATORS & set(before):
            return True
    return False


def names_concepts(answer: str, concepts: Iterable[Iterable[str]], *, reject: Iterable[str] = ()) -> bool:
    """True when ``answer`` names every concept (any of its synonyms) and no ``reject`` phrase."""
    got = words(answer)
    if any(mentions(got, r, negatable=False) for r in reject):
        return False
    return all(any(mentions(got, s) for s in synonyms) for synonyms in concepts)


def own_words(answer: str, key: Iterable[str], sentences: Iterable[str], *, max_words: int = 12) -> bool:
    """The text's own words for the answer: a phrase quoted from a cited sentence that
    contains the key's words (at most ``max_words`` long).

    >>> own_words("North Korea's volatile behavior", ["volatile"],
    ...           ["... to rein in North Korea’s volatile behavior."])
    True
    """
    got = words(answer)
    if not got or len(got) > max_words:
        return False
    keys = [_phrase(str(k)) for k in key]
    if not any(k and any(True for _ in _positions(got, k)) for k in keys):
        return False
    return any(any(True for _ in _positions(words(s), got)) for s in sentences)


def parse_concepts(raw, fail) -> tuple[tuple[str, ...], ...]:
    """Validate a bank's ``concepts:`` (a list of phrases or of lists of synonyms)."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise fail("concepts", "must be a list of concepts, each a phrase or a list of synonyms, "
                               "e.g. [[olympics, olympic games, winter games]].")
    out = []
    for n, concept in enumerate(raw, start=1):
        synonyms = concept if isinstance(concept, list) else [concept]
        if not synonyms or not all(isinstance(s, str) and words(s) for s in synonyms):
            raise fail("concepts", f"concept #{n} must be a phrase or a list of phrases with words in them, "
                                   f"not {concept!r}; put numbers and yes/no in quotation marks.")
        out.append(tuple(s.strip() for s in synonyms))
    return tuple(out)


def accepted_by_meaning(question, answer: str) -> bool:
    """A text question's answer is right by meaning: it names every concept of
    ``question.concepts`` (none of ``question.reject``), or it quotes the cited text's
    own words for the key.

    >>> from .banks import load_bank
    >>> q = load_bank("00_start_here").question("yang-date-clue")
    >>> accepted_by_meaning(q, "The Beijing Winter Olympics next February")
    True
    """
    if question.reject and any(mentions(words(answer), r, negatable=False) for r in question.reject):
        return False
    if question.concepts and names_concepts(answer, question.concepts):
        return True
    return own_words(answer, (*question.key, *question.aliases), [c.text for c in question.citations])
