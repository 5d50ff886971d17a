"""Marking: one response to one question, with the feedback of the mistake made.

Order: the question type reads the response (an unreadable one is ``invalid`` with a
friendly hint); a wrong answer is compared with the bank's defensible
``alternatives`` (marked correct or partial, with their feedback), then with its
anticipated ``mistakes`` (each with its own feedback); if none matched, the result
says ``needs_hint`` and :mod:`kit.assessment.attempts` gives the next ordered hint.

>>> from .banks import load_bank
>>> q = load_bank("00_start_here").question("futile-sentence")
>>> check(q, "cho 3.2").status
'correct'
>>> check(q, 3.2).status
'invalid'
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import KitError, WrongType
from .normalise import normalise_answer, read_ids, text_problem
from .questions import Mistake, Question, Result, Verdict

if TYPE_CHECKING:
    import pandas as pd

    from .banks import Bank

__all__ = ["check", "format_answer", "answer_key", "is_empty"]


def is_empty(response) -> bool:
    """True for "not answered yet": ``None``, ``...``, blank text, an empty list or dict."""
    return response is None or response is Ellipsis or (isinstance(response, str) and not response.strip()) \
        or (isinstance(response, (list, tuple, set, frozenset, Mapping)) and not response)


def _mistake_matches(q: Question, m: Mistake, value: Any) -> bool:
    if value is None:
        return False
    if m.range is not None:
        return isinstance(value, float) and m.range[0] <= value <= m.range[1]
    if m.ids is not None:
        return isinstance(value, frozenset) and value == m.ids
    if m.pattern is not None:
        return isinstance(value, str) and re.search(m.pattern, value[:500], re.IGNORECASE) is not None
    if isinstance(value, bool) or isinstance(m.value, bool):
        return value is m.value
    if isinstance(value, float):
        try:
            return abs(value - float(m.value)) <= q.tolerance + 1e-9
        except (TypeError, ValueError):
            return False
    if isinstance(value, frozenset):
        items = m.value if isinstance(m.value, list) else [m.value]
        if q.type == "sentence_ids":
            try:
                return value == frozenset(read_ids(items, doc_ids=q.doc_ids))
            except ValueError:
                return False
        return value == frozenset(normalise_answer(str(v)) for v in items)
    return isinstance(value, str) and normalise_answer(str(m.value)) == value


def _as_alternative(q: Question, answer) -> Question:
    return dataclasses.replace(q, answer=answer, compute=None, aliases=(), alternatives=(), mistakes=())


def check(question: Question, response) -> Result:
    """Mark one response to one question; never raises for a student's response.

    Parameters
    ----------
    question : Question
        From :func:`kit.load_bank` (``bank.question("id")``) or :func:`kit.exercise`.
    response
        single: an option's text (or its letter); multiple: a list; truefalse: True or
        False; numeric: a number ("24,8" and "about 25" are read too); text: a string;
        sentence_ids: one id or several ("yang 9.1, yang 9.4"); matching: a dict;
        attribution: a document id, "both" or "neither"; written: your text.

    Returns
    -------
    Result
        ``status``, ``score`` (0 to 1), ``feedback`` (the feedback of the mistake made,
        if the bank anticipated it), ``mistake`` (its id), ``explanation`` and ``citations``.

    Examples
    --------
    >>> from .banks import load_bank
    >>> r = check(load_bank("00_start_here").question("futile-sentence"), "yang 3.2")
    >>> r.status, r.score
    ('incorrect', 0.0)
    """
    if not isinstance(question, Question):
        raise WrongType(f"check() takes a question from load_bank(...), not {type(question).__name__}. "
                        "Example: check(kit.load_bank('01_close_reading').questions[0], 'my answer').")
    if is_empty(response):
        return _result(question, Verdict("invalid", 0.0, ("No answer yet: " + question.kind.how,)))
    problem = text_problem(response)
    if problem:
        return _result(question, Verdict("invalid", 0.0, (problem,)))
    try:
        verdict = question.kind.check(question, response)
    except KitError:  # a broken bank (a computed key that fails) is the teacher's error, not the student's
        raise
    except (TypeError, ValueError, OverflowError, RecursionError):
        verdict = Verdict("invalid", 0.0, ("That answer could not be read. Please " + question.kind.how,))
    if verdict.status not in ("incorrect", "partial"):
        return _result(question, verdict)
    for alt in question.alternatives:
        alt_verdict = question.kind.check(_as_alternative(question, alt.answer), response)
        if alt_verdict.status == "correct":
            score = 1.0 if alt.status == "correct" else 0.5
            return _result(question, Verdict(alt.status, score, (alt.feedback,), verdict.value))
    for m in question.mistakes:
        if _mistake_matches(question, m, verdict.value):
            return _result(question, Verdict(verdict.status, verdict.score, (m.feedback, *verdict.notes)),
                           mistake=m.id)
    option_feedback = question.type in ("single", "multiple") and any(o.feedback for o in question.options)
    return _result(question, verdict, needs_hint=not option_feedback)


def _result(q: Question, v: Verdict, *, mistake: str = "", needs_hint: bool = False) -> Result:
    score = None if v.score is None else float(v.score)
    return Result(q.id, v.status, score, tuple(f for f in v.notes if f), q.explanation, q.citations,
                  mistake, needs_hint and bool(q.hints))


def format_answer(question: Question) -> str:
    """The right answer as readable text (computing it if the question says ``compute:``).

    >>> from .banks import load_bank
    >>> format_answer(load_bank("00_start_here").question("futile-sentence"))
    'cho 3.2'
    """
    return question.kind.format(question)


def answer_key(bank: str | os.PathLike | Bank, *, corpus: Mapping | None = None,
               learner: str | None = None) -> pd.DataFrame:
    """The answers of a bank with their explanations and cited sentences, one row per question.

    ``options`` lists a choice question's options lettered, the key marked; in the bank's
    order (``order`` says ``bank``), or with ``learner=`` (an id from the export's
    ``learner`` column) in the order that student was shown (``order``: ``learner <id>``).

    >>> answer_key("00_start_here")[["question", "answer"]].head(1)
              question answer
    0  futile-sentence  cho 3.2
    """
    import pandas as pd

    from .banks import load_bank

    from .order import key_orders

    bank = load_bank(bank, corpus=corpus)
    orders = key_orders(bank, learner)  # question id -> (options line, order note)
    rows = [{"question": q.id, "type": q.type, "prompt": q.prompt, "answer": format_answer(q),
             "options": orders[q.id][0], "order": orders[q.id][1],
             "explanation": q.explanation, "cites": ", ".join(q.cites)} for q in bank]
    return pd.DataFrame(rows, columns=["question", "type", "prompt", "answer", "options", "order", "explanation",
                                       "cites"])
