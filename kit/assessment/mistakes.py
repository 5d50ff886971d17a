"""Anticipated mistakes, matched against a student's answer, and the notes that say
which part of a partly right answer is right.

A mistake is a ``value``, a ``range``, ``ids``, a ``pattern`` or a ``compute:`` spec
(the same table as computed keys, :mod:`kit.assessment.computed`), so that "the other
text's count" follows the course's texts.  ``{value}`` in its feedback is replaced by
the computed value.

>>> from .banks import load_bank
>>> q = load_bank("01_close_reading").question("cooperation-yang")
>>> found = matching_mistake(q, 1.0)
>>> found.id, found.feedback[:26]
('m2', "1 is Cho's count [cho 2.3]")
"""
from __future__ import annotations

import re
import weakref
from typing import Any

from ..corpus.patterns import compile_pattern, matches
from .normalise import normalise_answer, read_ids
from .questions import Mistake, Question

__all__ = ["matching_mistake", "mistake_value", "ids_note", "swap_note", "example_answer", "derived_mistakes",
           "auto_mistake"]

_COMPUTED: "weakref.WeakKeyDictionary[Question, dict[str, Any]]" = weakref.WeakKeyDictionary()


def mistake_value(q: Question, m: Mistake):
    """The value a mistake stands for: its ``value``, or its ``compute:`` run once per question."""
    if m.compute is None:
        return m.value
    cache = _COMPUTED.setdefault(q, {})
    if m.id not in cache:
        from .computed import compute_answer

        where = f"{q.source}: question {q.id!r}, mistake {m.id!r}, field 'compute'"
        cache[m.id] = compute_answer(m.compute, where=where)
    return cache[m.id]


def _number_near(value: float, target, tol: float) -> bool:
    try:
        target = float(target)
    except (TypeError, ValueError):
        return False
    if abs(value - target) <= tol + 1e-9:
        return True
    # a computed rate rounded by the student: 22.457 given as 22.5 or 22.46 (or 22)
    return target != round(target) and any(abs(value - round(target, d)) < 1e-9 for d in (0, 1, 2))


def _matches(q: Question, m: Mistake, value: Any) -> bool:
    if value is None:
        return False
    if m.range is not None:
        return isinstance(value, float) and m.range[0] <= value <= m.range[1]
    if m.ids is not None:
        return isinstance(value, frozenset) and value == m.ids
    if m.pattern is not None:
        # the bank's pattern, size-checked when the bank was loaded, timed like a student's regex
        return isinstance(value, str) and matches(compile_pattern(m.pattern, what="pattern"), value[:500])
    target = mistake_value(q, m)
    if isinstance(value, bool) or isinstance(target, bool):
        return value is target
    if isinstance(value, float):
        return _number_near(value, target, q.tolerance)
    if isinstance(value, frozenset):
        items = target if isinstance(target, list) else [target]
        if q.type == "sentence_ids":
            try:
                return value == frozenset(read_ids(items, doc_ids=q.doc_ids))
            except ValueError:
                return False
        return value == frozenset(normalise_answer(str(v)) for v in items)
    return isinstance(value, str) and normalise_answer(str(target)) == value


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def matching_mistake(q: Question, value: Any) -> Mistake | None:
    """The first anticipated mistake ``value`` (an answer as the type read it) matches,
    with ``{value}`` in its feedback filled in; ``None`` if none does."""
    for m in q.mistakes:
        if _matches(q, m, value):
            if m.compute is not None and "{value}" in m.feedback:
                return m._replace(feedback=m.feedback.replace("{value}", _shown(mistake_value(q, m))))
            return m
    return None


def example_answer(q: Question, m: Mistake):
    """An answer that makes mistake ``m`` (for tests and the docs): its ``example``, value,
    range midpoint, ids or computed value.

    >>> from .banks import load_bank
    >>> q = load_bank("00_start_here").question("cho-paragraph-3-sentences")
    >>> [example_answer(q, m) for m in q.mistakes][:2]
    [19, 7]
    """
    if m.example is not None:
        return m.example
    if m.range is not None:
        return (m.range[0] + m.range[1]) / 2
    if m.ids is not None:
        return ", ".join(sorted(m.ids))
    return mistake_value(q, m)


def _where(sid: str) -> str:
    doc, _, num = sid.partition(" ")
    return f"{doc.capitalize()}'s paragraph {num.split('.')[0]}"


def ids_note(given: set, want: set) -> str:
    """Which ids of a partly right answer are right, which are extra, and where the
    missing ones are (their paragraph, not the ids).

    >>> ids_note({"yang 7.2", "yang 10.1"}, {"yang 7.2", "yang 8.1"})
    "Right: yang 7.2. Not part of the answer: yang 10.1. Missing: 1 more sentence (in Yang's paragraph 8)."
    """
    def order(ids):
        return sorted(ids, key=lambda s: (s.split()[0], *map(int, s.split()[1].split("."))))

    right, extra, missing = order(given & want), order(given - want), order(want - given)
    parts = [f"Right: {', '.join(right)}." if right else "None of your ids is right."]
    if extra:
        parts.append(f"Not part of the answer: {', '.join(extra)}.")
    if missing:
        places = ", ".join(dict.fromkeys(_where(s) for s in missing))
        parts.append(f"Missing: {len(missing)} more sentence{'s' if len(missing) > 1 else ''} (in {places}).")
    return " ".join(parts)


def swap_note(wrong: list[str], given: dict, want: dict, same) -> str:
    """"You swapped ..." when two wrong matches are each other's answer (two texts' counts
    given the wrong way round), else ``""``.

    >>> swap_note(["cho", "yang"], {"cho": 3, "yang": 2}, {"cho": 2, "yang": 3}, lambda a, b: a == b)
    "You swapped 'cho' and 'yang': each has the other's answer."
    """
    for i, a in enumerate(wrong):
        for b in wrong[i + 1:]:
            if same(given[a], want[b]) and same(given[b], want[a]):
                return f"You swapped {a!r} and {b!r}: each has the other's answer."
    return ""


_DERIVED: "weakref.WeakKeyDictionary[Question, tuple[Mistake, ...]]" = weakref.WeakKeyDictionary()


def _swap_doc(value, old: str, new: str):
    if isinstance(value, list):
        return [_swap_doc(v, old, new) for v in value]
    return new if value == old else value


def derived_mistakes(q: Question) -> tuple[Mistake, ...]:
    """Mistakes derived from a computed numeric key's own spec, so every such item has
    them on any course: the other text's value, both texts', a rate where a count is
    asked and the count where a rate is asked (values equal to the key are left out).

    >>> from .banks import load_bank
    >>> [m.id for m in derived_mistakes(load_bank("04_synthesis").question("yang-sentences"))]
    ['auto-other-text-cho', 'auto-both-texts']
    """
    if q.compute is None or q.type != "numeric":
        return ()
    if q not in _DERIVED:
        _DERIVED[q] = tuple(m for m in _candidates(q) if _usable(q, m))
    return _DERIVED[q]


def _candidates(q: Question):
    from ..corpus.course import load_corpus

    spec, docs = q.compute, list(load_corpus())
    refs = {v for v in _flat(spec["args"].values()) if isinstance(v, str) and v[1:] in docs}
    take = spec.get("take") or ""
    if len(refs) == 1:
        (ref,) = refs
        doc = ref[1:].capitalize()
        args = {k: _swap_doc(v, ref, "@corpus") for k, v in spec["args"].items()}
        for other in docs:
            if f"@{other}" != ref:
                swapped = {k: _swap_doc(v, ref, f"@{other}") for k, v in spec["args"].items()}
                yield Mistake(f"auto-other-text-{other}", f"{{value}} is the value for {other.capitalize()}'s text; "
                              f"the question is about {doc}'s.", compute={**spec, "args": swapped})
        both = take if take in ("rows", "len") or take.startswith("sum:") else "" if not take or \
            re.search(r"per_|ratio|mean|rate|rank|g2|p_value", take) else f"sum:{take}"   # rates do not add up
        if both:
            yield Mistake("auto-both-texts", f"{{value}} counts both texts together; the question is about {doc}'s "
                          "text only.", compute={**spec, "args": args, "take": both})
    if take == "count":
        yield Mistake("auto-rate-for-count", "{value} is a rate per 1,000 words (`per_1000`); the question asks "
                      "for a count.", compute={**spec, "take": "per_1000"})
    if take == "per_1000":
        yield Mistake("auto-count-for-rate", "{value} is the raw count; the question asks for the rate per 1,000 "
                      "words (count / tokens × 1000).", compute={**spec, "take": "count"})


def _flat(values):
    for v in values:
        yield from (v if isinstance(v, list) else [v])


def _usable(q: Question, m: Mistake) -> bool:
    from ..errors import KitError

    try:
        value = mistake_value(q, m)
    except KitError:        # the other text has no such row: no such mistake to make
        return False
    return isinstance(value, (int, float)) and not isinstance(value, bool) and \
        abs(float(value) - float(q.key)) > q.tolerance + 1e-9


def auto_mistake(q: Question, value: Any, notes: tuple[str, ...]) -> Mistake | None:
    """A mistake recognised without the bank naming it: a derived numeric mistake, a
    reported view or another text's ids among sentence ids, or a swapped match."""
    if q.type == "numeric" and isinstance(value, float):
        for m in derived_mistakes(q):
            if _matches(q, m, value):
                return m._replace(feedback=m.feedback.replace("{value}", _shown(mistake_value(q, m))))
    if q.type == "matching" and any(n.startswith("You swapped") for n in notes):
        return Mistake("auto-swapped", "")
    if q.type == "sentence_ids" and isinstance(value, frozenset):
        return _ids_mistake(q, value)
    return None


def _ids_mistake(q: Question, given: frozenset) -> Mistake | None:
    from .rules import reported_speaker

    want = set(q.key if isinstance(q.key, (list, tuple)) else [q.key])
    extra = given - want
    for sid in sorted(extra):
        who = reported_speaker(sid)
        if who:
            doc = sid.split()[0].capitalize()
            return Mistake("auto-reported-view", f"[{sid}] reports the view of {who}, not {doc}'s own.")
    key_docs, extra_docs = {s.split()[0] for s in want}, {s.split()[0] for s in extra}
    if extra and not extra_docs & key_docs:
        names = " and ".join(sorted(d.capitalize() for d in extra_docs))
        return Mistake("auto-other-text", f"Some of your ids are from {names}'s text; the question is about "
                       f"{' and '.join(sorted(d.capitalize() for d in key_docs))}'s.")
    if given & want:
        kind = "missing" if given < want else "extra" if given > want else "mixed"
        return Mistake(f"auto-ids-{kind}", "")
    return None
