"""Bounded regular expressions: every pattern from a student or a bank is compiled and run here.

A pattern a student types (``kwic(doc, "reli(ant|ance)", regex=True)``) or a teacher writes
in a bank (a mistake's ``pattern:``) gets two bounds:

* **size**, before it is compiled: at most :data:`MAX_PATTERN_LENGTH` characters, no count
  over :data:`MAX_REPEAT` (``a{1000000000}`` would take gigabytes to compile) and at most
  :data:`MAX_PATTERN_SIZE` atoms once counts are multiplied out (``(a{1000}){1000}``);
* **time**, at match time: :data:`PATTERN_SECONDS` of CPU time per search (the ``regex``
  module's ``timeout=``), for student queries and bank patterns alike.

:func:`catastrophic` says why a pattern can take exponential time (nested repeats, a
repeat of something that can match nothing, alternatives that match the same text), by
reading it and by a timed trial on adversarial strings; ``quiz validate`` refuses those.
"""
from __future__ import annotations

import functools
import re
import string
from typing import Any

from ..errors import InvalidArgument, QueryTooSlow, WrongType

__all__ = ["compile_pattern", "search", "matches", "catastrophic", "pattern_size", "PATTERN_SECONDS",
           "MAX_PATTERN_LENGTH", "MAX_REPEAT", "MAX_PATTERN_SIZE"]

#: CPU time for one search of one pattern (student queries and bank mistakes alike).
PATTERN_SECONDS = 0.5
#: Longest pattern accepted (characters).
MAX_PATTERN_LENGTH = 500
#: Largest count in a repeat such as ``a{3}`` or ``\w{2,20}``.
MAX_REPEAT = 1000
#: Largest pattern once counts are multiplied out (``(ab){10}`` counts 30: the group and its two letters, 10 times).
MAX_PATTERN_SIZE = 10_000
#: CPU time one adversarial trial in :func:`catastrophic` may take before the pattern is refused.
TRIAL_SECONDS = 0.1

_COUNT = re.compile(r"\{\s*(\d*)\s*(?:(,)\s*(\d*)\s*)?\}")


def _int(digits: str) -> int:
    """A count as written; over 12 digits it is simply 'too many' (no 4,300-digit int)."""
    return int(digits) if len(digits) <= 12 else 10**12
_ZERO_WIDTH = set("^$") | {"\\b", "\\B", "\\A", "\\Z", "\\z", "\\G", "\\m", "\\M"}
_PROBES = string.printable + "\u00a0\u00e9\u4e2d"
_FIX = ("Fix: repeat a plain item (e.g. '\\w+' instead of '(\\w+\\s?)+', '[\\s\\S]*' instead of '(.|\\s)*'), "
        "or make the alternatives start differently.")


def _scan(p: str, i: int = 0, depth: int = 0) -> tuple[list, int]:
    """Read ``p`` from ``i`` into branches of items: ("atom", src), ("group", branches, src, look),
    ("rep", lo, hi, item). Stops at an unmatched ')'. Never raises on odd input (regex judges it)."""
    branches: list[list] = [[]]
    n = len(p)
    while i < n:
        c, start = p[i], i
        if c == "\\":
            i += 2
            if p[i - 1:i] in ("p", "P", "N", "x", "u", "U", "g") and p[i:i + 1] == "{":
                i = p.find("}", i) + 1 or n
            branches[-1].append(("atom", p[start:i]))
        elif c == "[":
            i += 1
            level = 1
            if p[i:i + 1] == "^":
                i += 1
            if p[i:i + 1] == "]":
                i += 1
            while i < n and level:
                if p[i] == "\\":
                    i += 1
                elif p[i] == "[":
                    level += 1
                elif p[i] == "]":
                    level -= 1
                i += 1
            branches[-1].append(("atom", p[start:i]))
        elif c == "(":
            head = re.match(r"\((?:\?(?:[:>|]|P?<[^>=!]*>|<?[=!]|#[^)]*\)|[a-zA-Z-]*\)|[a-zA-Z-]*:)?)?", p[i:])
            i += len(head.group(0))
            if head.group(0).endswith(")"):  # a comment or inline flags: nothing to match
                continue
            look = head.group(0) in ("(?=", "(?!", "(?<=", "(?<!")
            inner, i = _scan(p, i, depth + 1) if depth < 100 else ([[("atom", p[i:])]], n)
            i += 1  # the closing ')'
            branches[-1].append(("group", inner, p[start:i], look))
        elif c == ")":
            return branches, i
        elif c == "|":
            branches.append([])
            i += 1
        elif c in "*+?" or (c == "{" and _COUNT.match(p, i)):
            if c == "{":
                m = _COUNT.match(p, i)
                lo = _int(m.group(1) or "0")
                hi = lo if not m.group(2) else (_int(m.group(3)) if m.group(3) else None)
                i = m.end()
            else:
                lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
                i += 1
            if p[i:i + 1] in ("?", "+"):
                i += 1  # lazy or possessive
            if branches[-1]:
                branches[-1][-1] = ("rep", lo, hi, branches[-1][-1])
        else:
            branches[-1].append(("atom", c))
            i += 1
    return branches, i


def _size(item) -> int:
    if item[0] == "atom":
        return 1
    if item[0] == "group":
        return 1 + sum(_size(x) for branch in item[1] for x in branch)
    _, lo, hi, inner = item
    return max(1, hi if hi is not None else lo) * _size(inner)


def pattern_size(text: str) -> tuple[int, int]:
    """``(largest count, size once counts are multiplied out)`` of a pattern.

    >>> pattern_size(r"(ab){10}c+")  # the group is 3 (itself, a, b), 10 times, then c
    (10, 31)
    """
    counts = [_int(x) for m in _COUNT.finditer(text) for x in (m.group(1), m.group(3)) if x]
    branches, _ = _scan(text)
    return max(counts, default=0), sum(_size(x) for branch in branches for x in branch)


def _check_size(text: Any, what: str) -> str:
    if not isinstance(text, str):
        raise WrongType(f"The {what} must be text, not {type(text).__name__}: e.g. 'reli(ant|ance)'.")
    if len(text) > MAX_PATTERN_LENGTH:
        raise InvalidArgument(f"The {what} is {len(text):,} characters long; the kit accepts at most "
                              f"{MAX_PATTERN_LENGTH}. Shorten it, or search for its words one at a time.")
    count, size = pattern_size(text)
    if count > MAX_REPEAT:
        raise InvalidArgument(f"The {what} {text[:60]!r} repeats something {count:,}{'+' * (count >= 10**12)} times; the kit allows at "
                              f"most {MAX_REPEAT:,} (a larger count takes gigabytes to compile). Use + for "
                              "'one or more', or a smaller count such as {2,20}.")
    if size > MAX_PATTERN_SIZE:
        raise InvalidArgument(f"The {what} {text[:60]!r} is too large once its counts are multiplied out "
                              f"({size:,} parts; at most {MAX_PATTERN_SIZE:,}). Use + or * instead of "
                              "nested counts such as (a{1000}){1000}.")
    return text


@functools.lru_cache(maxsize=512)
def _compiled(text: str, flags: int):
    import regex

    return regex.compile(text, flags)


def compile_pattern(text: Any, *, case_sensitive: bool = False, what: str = "regular expression"):
    """A ``regex`` pattern compiled within the size bounds, or a clear :class:`InvalidArgument`.

    >>> compile_pattern("reli(ant|ance)").search("RELIANCE") is not None
    True
    >>> compile_pattern("a{1000000000}")
    Traceback (most recent call last):
    kit.errors.InvalidArgument: The regular expression 'a{1000000000}' repeats something 1,000,000,000 times; ...
    """
    import regex

    _check_size(text, what)
    try:
        return _compiled(text, 0 if case_sensitive else regex.IGNORECASE)
    except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        plain = ", or use regex=False for plain words and * wildcards, e.g. 'cooperat*'"
        raise InvalidArgument(f"{text!r} is not a valid regular expression ({exc}). Check the brackets and "
                              f"backslashes{plain if what == 'regular expression' else ''}.") from None


def search(pattern, text: str, *, seconds: float = PATTERN_SECONDS):
    """``pattern.search(text)`` stopped after ``seconds`` of CPU time (:class:`QueryTooSlow`).

    >>> search(compile_pattern("wedge"), "a wedge strategy").group(0)
    'wedge'
    """
    try:
        return pattern.search(text, timeout=max(seconds, 1e-3))
    except TimeoutError:
        raise QueryTooSlow(
            f"The regular expression {pattern.pattern!r} took more than {seconds:g} s and was "
            "stopped: nested repeats such as (a+)+ make it try too many ways. Simplify it "
            "(e.g. 'a+b' instead of '(a+)+b'), or use a wildcard such as 'cooperat*'."
        ) from None


def matches(pattern, text: str, *, seconds: float = PATTERN_SECONDS) -> bool:
    """Whether ``pattern`` is found in ``text``; ``False`` if it takes over ``seconds`` (for marking).

    >>> matches(compile_pattern("^(a|aa)+$"), "a" * 60 + "!", seconds=0.05)
    False
    """
    try:
        return pattern.search(text, timeout=max(seconds, 1e-3)) is not None
    except TimeoutError:
        return False


def _nullable(item) -> bool:
    if item[0] == "atom":
        return item[1] in _ZERO_WIDTH
    if item[0] == "group":
        return item[3] or any(all(_nullable(x) for x in branch) for branch in item[1])
    return item[1] == 0 or _nullable(item[3])


def _repeats(item) -> bool:
    return item[0] == "rep" and (item[2] is None or item[2] > 1)


def _contains_repeat(item) -> bool:
    if item[0] == "rep":
        return _repeats(item) or _contains_repeat(item[3])
    return item[0] == "group" and any(_contains_repeat(x) for branch in item[1] for x in branch)


def _first_chars(items: list, flags: int) -> set[str]:
    import regex

    src = "".join(_source(x) for x in items)
    try:
        pat = regex.compile(src, flags)
        return {ch for ch in _PROBES if pat.fullmatch(ch, partial=True, timeout=0.05)}
    except (regex.error, TimeoutError, ValueError):
        return set()


def _source(item) -> str:
    if item[0] == "atom":
        return item[1]
    if item[0] == "group":
        return item[2]
    hi = "" if item[2] is None else item[2]
    return f"(?:{_source(item[3])}){{{item[1]},{hi}}}"


def _static_problem(item, flags: int) -> str:
    """Why a repeated item can backtrack exponentially, or ""."""
    if item[0] == "group":
        return next((r for branch in item[1] for x in branch if (r := _static_problem(x, flags))), "")
    if item[0] != "rep":
        return ""
    inner = item[3]
    if _repeats(item):
        if _contains_repeat(inner):
            return "it repeats a group that itself repeats (like (a+)+)"
        if _nullable(inner):
            return "it repeats something that can match nothing (like (x?)* or (?:x?){30})"
        if inner[0] == "group" and len(inner[1]) > 1:
            firsts = [_first_chars(branch, flags) for branch in inner[1]]
            for k, a in enumerate(firsts):
                if any(a & b for b in firsts[k + 1:]):
                    return "it repeats alternatives that can match the same text (like (a|aa)+ or (.|\\s)*)"
    return _static_problem(inner, flags)


def catastrophic(text: str, *, case_sensitive: bool = False) -> str:
    """Why ``text`` (a valid pattern) can take exponential time, or ``""`` if no reason is found.

    >>> catastrophic(r"(.|\\s)*wedge").split(";")[0]
    'it repeats alternatives that can match the same text (like (a|aa)+ or (.|\\\\s)*)'
    >>> catastrophic(r"\\bwedge\\b")
    ''
    """
    import regex

    pattern = compile_pattern(text, case_sensitive=case_sensitive)
    flags = 0 if case_sensitive else regex.IGNORECASE
    branches, _ = _scan(text)
    for branch in branches:
        for item in branch:
            problem = _static_problem(item, flags)
            if problem:
                return f"{problem}; {_FIX}"
    chars = sorted({c for c in text if c.isprintable()} | set(" a0.-\n"))
    pumps = chars + [a + b for a in chars[:12] for b in chars[:12] if a != b]
    words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\\.", " ", text))[:3]  # so a required word is present
    for pump in pumps:
        for tail in ("!", "\x00", "", *(f"! {w}" for w in words)):
            trial = pump * (500 // len(pump)) + tail
            try:
                pattern.search(trial, timeout=TRIAL_SECONDS)
            except TimeoutError:
                return (f"it took over {TRIAL_SECONDS:g} s on {len(trial)} characters of {pump!r}, so marking "
                        f"could stall; {_FIX}")
    return ""
