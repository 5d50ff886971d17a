"""The question model: a :class:`Question` (one record for quizzes and exercises alike),
the :class:`QuestionType` record that defines a type once (its fields, how to parse and
validate them, how to check a response, format the key, build the input and the text
fallback), and the :class:`Result` of marking.

The types themselves are in :mod:`kit.assessment.types`.  A question gets its type record
at parse time (``kind=TYPES[type]``, set by the bank parser), so this module imports no
type, and nothing here imports back from the modules above it.

>>> from kit.assessment.types import TYPES
>>> q = Question(id="q", type="numeric", prompt="How many?", answer=3, kind=TYPES["numeric"])
>>> q.key, q.cites, q.kind.how
(3, (), 'type a number, such as 5.')
"""
from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from ..errors import QuestionBankError, shown

__all__ = ["Question", "QuestionType", "Result", "Verdict", "Option", "Citation", "Mistake",
           "Alternative", "InputSpec", "Fail", "HEADS"]

Fail = Callable[[str, str], QuestionBankError]   # fail(field, problem) -> error to raise


class Option(NamedTuple):
    text: str
    feedback: str = ""


class Citation(NamedTuple):
    id: str
    text: str


class Mistake(NamedTuple):
    """An anticipated wrong answer and its own feedback (one of value, range, ids, pattern,
    compute); ``example`` is an answer that makes it (tests trigger every mistake with it)."""

    id: str
    feedback: str
    value: Any = None
    range: tuple[float, float] | None = None
    ids: frozenset | None = None
    pattern: str | None = None
    compute: Mapping | None = None
    example: Any = None


class Alternative(NamedTuple):
    """A defensible answer that is not the key: ``status`` correct or partial."""

    answer: Any
    status: str
    feedback: str


class InputSpec(NamedTuple):
    """What a front end shows for answering: ``kind`` is choice (one of ``options``),
    choices (several), toggle (one of a few buttons), text, pairs (a choice per item
    in ``items``) or long_text; ``options`` are (label, value) pairs."""

    kind: str
    options: tuple[tuple[str, Any], ...] = ()
    items: tuple[str, ...] = ()
    placeholder: str = ""


class Verdict(NamedTuple):
    """A type's reading of one response: status, score, notes, and the response as compared."""

    status: str
    score: float | None
    notes: tuple[str, ...] = ()
    value: Any = None


@dataclass(frozen=True)
class QuestionType:
    """Everything about one question type, defined once.

    ``parse(raw, fail, corpus, citations)`` validates the type's own fields and returns
    them as keyword arguments of :class:`Question`; ``check(question, response)``
    returns a :class:`Verdict`; ``format(question)`` the key as text; ``input(question)``
    an :class:`InputSpec` for widgets; ``text(question)`` the lines of the text fallback;
    ``how`` says what an answer looks like.
    """

    name: str
    fields: tuple[str, ...]
    how: str
    parse: Callable[..., dict]
    check: Callable[["Question", Any], Verdict]
    format: Callable[["Question"], str]
    input: Callable[["Question"], InputSpec]
    text: Callable[["Question"], list[str]]
    computable: bool = False


@dataclass(frozen=True, eq=False)
class Question:
    """One validated question of a quiz bank or exercise set; ``key`` is its answer
    (computed on first use if the bank says ``compute:``).  ``kind`` is the
    :class:`QuestionType` record of ``type`` (``TYPES[type]``), given by the parser."""

    id: str
    type: str
    prompt: str
    answer: Any = None
    options: tuple[Option, ...] = ()
    explanation: str = ""
    citations: tuple[Citation, ...] = ()
    quotes: tuple[str, ...] = ()
    tolerance: float = 0.0
    ordered: bool = False     # multiple without options: the order of the answers matters
    shuffle: bool = True      # single, multiple with options, matching: options in a per-student order
    quote: str = ""
    compute: Mapping | None = None
    aliases: tuple[str, ...] = ()
    concepts: tuple[tuple[str, ...], ...] = ()   # text: a right answer names every concept (any synonym)
    reject: tuple[str, ...] = ()                  # text: phrases that contradict the answer ("not volatile")
    mistakes: tuple[Mistake, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    hints: tuple[str, ...] = ()
    model_answer: str = ""
    checklist: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    bank: str = ""
    source: str = ""
    label: str = "Question"   # "Exercise" for the questions of an exercise set
    kind: QuestionType | None = field(default=None, repr=False)   # required: TYPES[type]

    def __post_init__(self) -> None:
        if self.kind is None or self.kind.name != self.type:
            got = "none" if self.kind is None else repr(self.kind.name)
            raise QuestionBankError(f"question {self.id!r} of type {self.type!r} needs its type record (got "
                                    f"{got}): build it with kind=TYPES[{self.type!r}] from kit.assessment.types, "
                                    "or load it from a bank.")

    @property
    def cites(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.citations)

    @cached_property
    def key(self) -> Any:
        if self.compute is None:
            return self.answer
        from .computed import compute_answer  # (computed imports no question: no cycle)

        where = f"{self.source}: question {self.id!r}, field 'compute'"
        value = compute_answer(self.compute, where=where)
        if self.type == "numeric":  # a number for numeric, a list of answers otherwise
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise QuestionBankError(f"{where}: gave {shown(value)}, not a number. Use `take:` to pick one "
                                        "number (a column with one row, 'rows', 'sum:col').")
            return value
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def text(self) -> str:
        """The question as plain text: heading, prompt and how to answer."""
        return "\n".join([f"{self.label} {self.id}", " ".join(self.prompt.split()), *self.kind.text(self)])

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        from ..display.html import markdown_html
        # the options in the order this student is shown them (the type's input: kit.assessment.order)
        shown = [label for label, _ in self.kind.input(self).options] if self.options else ()
        options = "".join(f"<li>{markdown_html(text)[3:-4]}</li>" for text in shown)
        return (f"<div><strong>{markdown_html(f'{self.label} {self.id}')[3:-4]}</strong>"
                f"{markdown_html(self.prompt)}" + (f'<ol type="a">{options}</ol>' if options else "") + "</div>")


HEADS = {"correct": "Correct!", "partial": "Partly right.", "incorrect": "Not quite.",
         "invalid": "Not an answer yet.", "written": "Saved.", "self-assessed": "Saved."}


@dataclass(frozen=True)
class Result:
    """What :func:`kit.check` says about one response.

    ``status`` is ``correct``, ``partial``, ``incorrect``, ``invalid`` (the response could
    not be read: ``feedback`` holds a friendly hint) or ``written`` (a written answer,
    saved for self-assessment).  ``mistake`` is the id of the anticipated mistake
    matched (``""`` if none); ``needs_hint`` is true when no mistake or option
    feedback addressed a wrong answer, so the next ordered hint should be shown.
    """

    question: str
    status: str
    score: float | None
    feedback: tuple[str, ...] = ()
    explanation: str = ""
    citations: tuple[Citation, ...] = ()
    mistake: str = ""
    needs_hint: bool = False

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        lines = [HEADS[self.status], *self.feedback]
        if self.correct:
            lines += [self.explanation] if self.explanation else []
            lines += [f'  [{c.id}] "{c.text}"' for c in self.citations]
        return "\n".join(line for line in lines if line)
