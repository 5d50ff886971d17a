"""Attempts: one piece of code, used by the quiz widget and by :func:`kit.check_exercise`,
for numbering tries, choosing the hint, revealing the answer and recording.

Attempt numbers continue across kernel restarts and kernels: each saved try is numbered
after the last one saved for that question, read under the store's lock as it is
appended, so "attempt 1" in the teacher's export really is the first try.  Hints escalate with the wrong tries
that no anticipated mistake or option feedback addressed (also counted from the
store), and only those tries get a hint.  A response that cannot be read (``invalid``)
is not counted, so the numbering never skips.

>>> from .banks import load_bank
>>> q = load_bank("00_start_here").question("futile-sentence")
>>> tries = Attempts(q, quiz="00_start_here", record=False)
>>> tries.submit("cho 2.3").number, tries.submit("cho 3.2").number
(1, 2)
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import KitError
from ..options import flag
from .log import attempt_history, record_attempt
from .choices import letters_as_text
from .marking import check, format_answer
from .questions import Question, Result

__all__ = ["Attempts", "Attempt", "hint_for"]


def hint_for(question: Question, result: Result, wrong: int) -> tuple[int, str]:
    """``(level, text)`` of the hint for the ``wrong``-th wrong try (``(0, "")`` if none is due).

    >>> from .questions import Question, Result
    >>> from .types import TYPES
    >>> q = Question(id="q", type="numeric", prompt="?", answer=3, hints=("one", "two"),
    ...              kind=TYPES["numeric"])
    >>> hint_for(q, Result("q", "incorrect", 0.0, needs_hint=True), 5)
    (2, 'two')
    """
    if not result.needs_hint or not question.hints or wrong < 1:
        return 0, ""
    level = min(wrong, len(question.hints))
    return level, question.hints[level - 1]


@dataclass(frozen=True)
class Attempt:
    """One submitted response: the marking ``result``, its attempt ``number`` (0: not counted),
    the hint given (``hint_level`` of ``hints``), whether the answer is now ``revealed``,
    and ``note`` (why it could not be saved, if so)."""

    question: Question
    result: Result
    number: int = 0
    hint_level: int = 0
    hint: str = ""
    revealed: bool = False
    note: str = ""

    @property
    def first_feedback(self) -> str:
        """The first feedback line shown (saved with the attempt)."""
        return next(iter(self.result.feedback), "") or self.hint

    def answer(self) -> str:
        """The key as text (for a revealed answer)."""
        return format_answer(self.question)


class Attempts:
    """A student's tries at one question (``kind`` quiz or exercise, in bank ``quiz``).

    ``reveal_after``: show the answer after this many counted tries without a right
    answer (``None``: never).  ``record``: save each counted try to the store.
    """

    def __init__(self, question: Question, *, quiz: str, kind: str = "quiz", record: bool = True,
                 reveal_after: int | None = None) -> None:
        self.question, self.quiz, self.kind = question, quiz, kind
        self.record = flag(record, "record", kind, f"kit.{kind}(..., record=False)")
        self.reveal_after = reveal_after
        self.tries = 0          # counted tries in this session
        self.revealed = False
        self._last: int | None = None
        self._wrong = 0

    def _load(self) -> None:
        if self._last is None:
            self._last, self._wrong = 0, 0
            if self.record:
                try:
                    self._last, self._wrong = attempt_history(quiz=self.quiz, question=self.question.id,
                                                              kind=self.kind)
                except KitError:  # an unreadable store: count from 1 in this session
                    pass

    def submit(self, response) -> Attempt:
        """Mark ``response``; count, hint, reveal and record it as the rules above say."""
        result = check(self.question, response)
        if result.status == "invalid":
            return Attempt(self.question, result, revealed=self.revealed)
        self._load()
        wrong = 0 if result.correct else self._wrong + result.needs_hint
        level, hint = hint_for(self.question, result, wrong)
        number, note = self._last + 1, ""
        attempt = Attempt(self.question, result, number, level, hint)
        if self.record:
            try:  # numbered under the store's lock: another kernel may have answered meanwhile
                number = record_attempt(quiz=self.quiz, question=self.question.id,
                                        response=letters_as_text(self.question, response),  # "b": shown as b
                                        status=result.status, score=result.score, kind=self.kind,
                                        mistake=result.mistake, feedback=attempt.first_feedback)
            except KitError as exc:
                note = f"This attempt could not be saved: {exc}"
        self._wrong = wrong
        if not note:  # a try that was not saved does not use up a number
            self._last = number
        self.tries += 1
        self.revealed = self.revealed or (not result.correct and self.reveal_after is not None
                                          and self.tries >= self.reveal_after)
        return Attempt(self.question, result, number if not note else 0, level, hint,
                       self.revealed and not result.correct, note)
