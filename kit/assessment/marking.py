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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import KitError, WrongType
from ..options import renamed_options
from .mistakes import auto_mistake, matching_mistake
from .normalise import text_problem
from .questions import Question, Result, Verdict

if TYPE_CHECKING:
    import pandas as pd

    from .banks import Bank

__all__ = ["check", "format_answer", "answer_key", "is_empty"]


def is_empty(response) -> bool:
    """True for "not answered yet": ``None``, ``...``, blank text, an empty list or dict."""
    try:
        return response is None or response is Ellipsis or (isinstance(response, str) and not response.strip()) \
            or (isinstance(response, (list, tuple, set, frozenset, Mapping)) and not response)
    except Exception:  # noqa: BLE001 - a list subclass whose len raises: not empty (marking says why)
        return False


def _as_alternative(q: Question, answer) -> Question:
    return dataclasses.replace(q, answer=answer, compute=None, aliases=(), alternatives=(), mistakes=())


@renamed_options(response="answer")
def check(question: Question, answer: Any) -> Result:
    """Mark one answer to one question; never raises for a student's answer.

    Parameters
    ----------
    question : Question
        From :func:`kit.load_bank` (``bank.question("id")``) or :func:`kit.exercise`.
    answer
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
    problem = text_problem(answer)  # first: it walks any answer safely (loops, depth, raising objects)
    if problem:
        return _result(question, Verdict("invalid", 0.0, (problem,)))
    if is_empty(answer):
        return _result(question, Verdict("invalid", 0.0, ("No answer yet: " + question.kind.how,)))
    try:
        return _mark(question, answer)
    except KitError:  # a broken bank (a computed key that fails) is the teacher's error, not the student's
        raise
    except Exception:  # noqa: BLE001 - whatever else a student's object raises is a hint, not a traceback
        return _result(question, Verdict("invalid", 0.0, ("That answer could not be read. Please "
                                                          + question.kind.how,)))


def _mark(question: Question, answer) -> Result:
    verdict = question.kind.check(question, answer)
    if verdict.status not in ("incorrect", "partial"):
        return _result(question, verdict)
    for alt in question.alternatives:
        alt_verdict = question.kind.check(_as_alternative(question, alt.answer), answer)
        if alt_verdict.status == "correct":
            score = 1.0 if alt.status == "correct" else 0.5
            return _result(question, Verdict(alt.status, score, (alt.feedback,), verdict.value))
    m = matching_mistake(question, verdict.value) or auto_mistake(question, verdict.value, verdict.notes)
    if m is not None:
        return _result(question, Verdict(verdict.status, verdict.score, (m.feedback, *verdict.notes)),
                       mistake=m.id, needs_hint=not m.feedback)   # a kind without words of its own: hint too
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
