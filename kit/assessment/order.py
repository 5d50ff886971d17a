"""The order in which a student sees a question's options: drawn per student and question.

The seed is ``sha256("<learner>|<bank>|<question id>")`` (never Python's ``hash``, which
changes from one process to the next), so one student sees the same order after a kernel
restart, and two students (two learner ids, :func:`kit.assessment.log.learner_id`) see
different orders for most questions.  What is shuffled:

* ``single`` and ``multiple`` with options: the options;
* ``matching``: the right-hand choices (unshuffled: in alphabetical order);
* ``truefalse`` and ``attribution`` keep their fixed order (True/False; the texts, both,
  neither): a small fixed set read like a scale, the same for every question.

A bank pins the order of a question with ``shuffle: false`` (for a scale, say).

>>> from .questions import Option, Question
>>> from .types import TYPES
>>> q = Question(id="q1", type="single", prompt="?", answer="a", bank="demo",
...              options=tuple(Option(t) for t in "abcde"), kind=TYPES["single"])
>>> option_order(q, "ann") == option_order(q, "ann")    # stable for one student
True
>>> option_order(q, "ann"), option_order(q, "bob")      # different between two
((0, 4, 3, 2, 1), (4, 1, 2, 0, 3))
>>> [o.text for o in shuffled_options(q, "ann")]
['a', 'e', 'd', 'c', 'b']
>>> import dataclasses
>>> option_order(dataclasses.replace(q, shuffle=False), "ann")   # shuffle: false keeps the bank's order
(0, 1, 2, 3, 4)
"""
from __future__ import annotations

import hashlib
import random

from .questions import Option, Question

__all__ = ["choices", "option_order", "shuffled_options", "options_line", "key_orders", "SHUFFLED_TYPES"]

SHUFFLED_TYPES = ("single", "multiple", "matching")


def choices(q: Question) -> tuple[Option, ...]:
    """The choices of ``q`` in the bank's (unshuffled) order: its options, or for ``matching``
    the distinct right-hand answers in alphabetical order; ``()`` for other types.

    >>> from .questions import Question
    >>> from .types import TYPES
    >>> [o.text for o in choices(Question(id="m", type="matching", prompt="?", answer={"x": "b", "y": "A"},
    ...                                  kind=TYPES["matching"]))]
    ['A', 'b']
    """
    if q.type == "matching" and isinstance(q.key, dict):
        return tuple(Option(r) for r in sorted({str(v) for v in q.key.values()}, key=str.casefold))
    return tuple(q.options) if q.type in ("single", "multiple") else ()


def option_order(q: Question, learner: str | None = None) -> tuple[int, ...]:
    """The student's order of ``q``'s choices, as indexes into :func:`choices`.

    ``learner`` defaults to this store's id (:func:`kit.assessment.log.learner_id`; if the
    store cannot be used, its folder's path).
    The identity order when ``q`` says ``shuffle: false``, has fewer than two choices,
    or is not of a shuffled type (``single``, ``multiple``, ``matching``).
    """
    n = len(choices(q))
    if n < 2 or not q.shuffle or q.type not in SHUFFLED_TYPES:
        return tuple(range(n))
    return _order(f"{_learner() if learner is None else learner}|{q.bank}|{q.id}", n)


def _learner() -> str:
    """This store's learner id; if the store cannot be read or written (a quiz must still
    show), the store's folder name, which differs between students' home folders."""
    from ..errors import KitError
    from .log import learner_id
    from ..files.store import base_dir

    try:
        return learner_id()
    except (KitError, OSError):
        return str(base_dir())


def _order(seed: str, n: int) -> tuple[int, ...]:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    order = list(range(n))
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return tuple(order)


def shuffled_options(q: Question, learner: str | None = None) -> tuple[Option, ...]:
    """The choices of ``q`` (see :func:`choices`) in the order this student sees them."""
    base = choices(q)
    return tuple(base[i] for i in option_order(q, learner))


def options_line(q: Question, order: tuple[int, ...] | None = None) -> str:
    """The choices of ``q`` lettered in ``order`` (default: the bank's), the key marked:
    ``(key)`` after a right option, ``(for <item>)`` after a matching choice; ``""`` if
    ``q`` has no choices.  :func:`kit.answer_key` shows it, so a teacher sees what a student saw.

    >>> from .questions import Option, Question
    >>> from .types import TYPES
    >>> q = Question(id="q", type="single", prompt="?", answer="wise", options=(Option("futile"), Option("wise")),
    ...              kind=TYPES["single"])
    >>> options_line(q), options_line(q, (1, 0))
    ('a) futile | b) wise (key)', 'a) wise (key) | b) futile')
    """
    base = choices(q)
    order = tuple(range(len(base))) if order is None else order
    if q.type == "matching":
        marks = {o.text: " (for " + ", ".join(k for k, v in q.key.items() if str(v) == o.text) + ")" for o in base}
    else:
        keys = {str(k) for k in ([q.key] if isinstance(q.key, str) else q.key or ())}
        marks = {o.text: " (key)" if o.text in keys else "" for o in base}
    return " | ".join(f"{chr(97 + n)}) {base[i].text}{marks[base[i].text]}" for n, i in enumerate(order))


def key_orders(questions, learner: str | None = None) -> dict[str, tuple[str, str]]:
    """For an answer key: question id -> (:func:`options_line`, what order it is in).

    The order is ``bank`` without ``learner``, ``learner <id>`` with one, ``fixed``
    for a question that says ``shuffle: false``, ``""`` for a question without choices.

    >>> from .questions import Option, Question
    >>> from .types import TYPES
    >>> q = Question(id="q", type="single", prompt="?", answer="b", bank="x", options=(Option("a"), Option("b")),
    ...              kind=TYPES["single"])
    >>> key_orders([q]), key_orders([q], learner="ann")
    ({'q': ('a) a | b) b (key)', 'bank')}, {'q': ('a) b (key) | b) a', 'learner ann')})
    """
    if learner is not None and (not isinstance(learner, str) or not learner.strip()):
        from ..errors import InvalidArgument, shown

        raise InvalidArgument(f"learner must be a learner id (text, from the export's 'learner' column), not "
                              f"{shown(learner)}. Example: kit.answer_key('01_close_reading', learner='3f9a0c2b7d1e').")
    out = {}
    for q in questions:
        if not choices(q):
            out[q.id] = ("", "")
        elif learner is None or not q.shuffle or q.type not in SHUFFLED_TYPES:
            out[q.id] = (options_line(q), "bank" if learner is None else "fixed")
        else:
            out[q.id] = (options_line(q, option_order(q, learner.strip())), f"learner {learner.strip()}")
    return out
