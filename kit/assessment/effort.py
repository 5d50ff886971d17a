"""Is a written answer a real attempt?  Distinct words, not filler.

A writing box that opens the kit's reading, and the class report's list of
trivial attempts, both ask the same question: has the student written at least
:data:`MIN_WORDS` *distinct* words of their own?  A word counts when it has two or
more characters and looks like a word: it holds a vowel (``a e i o u y``), a digit
(a sentence id such as ``3.2``) or a letter outside ASCII (Korean, accented words).
Keyboard mash (``sdfg``), single letters (``x y z``), a word repeated and the
usual fillers (``test``, ``asdf``, ``blah``, ``idk`` …) do not count.

>>> attempt_problem("x y z")
'only 0 distinct words (x y z and the like do not count); write at least 4 of your own'
>>> attempt_problem("Cho says China worries [cho 2.2]")
''
>>> attempt_problem("북한은 러시아에 군대를 보냈다")
''
"""
from __future__ import annotations

import re

__all__ = ["MIN_WORDS", "FILLER", "real_words", "attempt_problem"]

MIN_WORDS = 4
FILLER = frozenset("""test testing asdf asd sdf qwe qwerty blah bla lol idk dunno na n/a none nothing
something stuff things thing whatever ok okay yes no hmm hm um uh lorem ipsum dolor sit amet foo bar baz abc
xyz aaa xxx etc answer words word here my this that the and""".split())
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
_LOOKS_LIKE_A_WORD = re.compile(r"[aeiouy0-9]|[^\x00-\x7f]", re.IGNORECASE)


def real_words(text) -> list[str]:
    """The distinct words of ``text`` that count towards an attempt, in order (case-folded).

    >>> real_words("China China china fears; test test")
    ['china', 'fears']
    """
    if not isinstance(text, str):
        return []
    seen: dict[str, None] = {}
    for word in _WORD.findall(text[:20_000]):
        word = word.casefold()
        if len(word) >= 2 and word not in FILLER and _LOOKS_LIKE_A_WORD.search(word):
            seen.setdefault(word, None)
    return list(seen)


def attempt_problem(text, *, min_words: int = MIN_WORDS) -> str:
    """``""`` if ``text`` is a real attempt, else what is missing (to show the student).

    >>> attempt_problem("test test test test")
    'only 0 distinct words (x y z and the like do not count); write at least 4 of your own'
    """
    n = len(real_words(text))
    if n >= min_words:
        return ""
    return (f"only {n} distinct word{'' if n == 1 else 's'} (x y z and the like do not count); "
            f"write at least {min_words} of your own")
