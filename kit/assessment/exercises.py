"""Self-check exercises for the exercise notebooks.

``kit.exercise("01.2")`` shows an exercise; ``kit.check_exercise("01.2", answer)``
marks an answer, prints feedback for the mistake made (or the next hint) and
returns the result.  Exercises are questions of the one question model, read from
the exercise sets in ``kit/data/exercises/`` by the same loader as quizzes, and
their attempts go through :class:`~kit.assessment.attempts.Attempts` (numbered from
the store, ``kind == "exercise"``).  An unfinished cell (``answer = ...``) gets a
"not answered yet" note, not an error.

A ``written`` exercise saves the student's text, then shows the model answer and a
checklist of key points; :func:`self_assess` saves the ticks (``self-assessed``).  The
checkboxes are a widget: ``kit.check_exercise`` is :func:`kit.widgets.checklist.check_exercise`,
which calls :func:`check_exercise` here and then shows them (the model imports no widget).

>>> print(mark(exercise("00.1"), 5, wrong_before=0).message)  # doctest: +ELLIPSIS
Not yet. ...Hint 1 of ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DataFileError, InvalidArgument, KitError, UnknownExercise, WrongType, did_you_mean, shown
from ..options import renamed_options
from .attempts import Attempt, Attempts, hint_for
from .banks import parse_bank, shipped_sets
from .marking import check, is_empty
from .questions import Question
from ..files.yamlfile import BANK, parse_yaml

if TYPE_CHECKING:
    from ..corpus.documents import Corpus

__all__ = ["exercise", "check_exercise", "self_assess", "ExerciseResult", "mark", "build_registry",
           "parse_exercise_set", "registry"]

_REGISTRIES: dict[int, tuple[object, dict[str, Question]]] = {}   # id(corpus) -> (corpus, exercises)


@dataclass(frozen=True)
class ExerciseResult:
    """What :func:`check_exercise` said: ``status`` is correct, partial, incorrect, invalid,
    not answered, written or self-assessed."""

    exercise: str
    status: str
    message: str
    hint: int = 0       # which hint was given (1-based; 0 = none)
    attempt: int = 0
    mistake: str = ""
    score: float | None = None

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message

    def _ipython_display_(self) -> None:
        """The message was already printed by check_exercise; print(result) shows it again."""


def parse_exercise_set(text_or_data, *, source: str = "<exercises>", corpus=None) -> list[Question]:
    """Validate one exercise set (YAML text or parsed data); errors name file, exercise and field."""
    data = parse_yaml(text_or_data, source=source, rules=BANK)[0] if isinstance(text_or_data, str) else text_or_data
    return list(parse_bank(data, source=source, corpus=corpus).questions)


def build_registry(sources, *, corpus=None) -> dict[str, Question]:
    """Validate exercise sets given as ``(source_name, yaml_text_or_data)`` pairs; ids must be unique."""
    out: dict[str, Question] = {}
    for source, text in sources:
        for ex in parse_exercise_set(text, source=source, corpus=corpus):
            if ex.id in out:
                raise DataFileError(f"{source}: exercise {ex.id!r}, field 'id': also used in "
                                    f"{out[ex.id].source}. Exercise ids must be unique across all sets.")
            out[ex.id] = ex
    return out


def registry(*, corpus=None) -> dict[str, Question]:
    """Every shipped exercise by id (validated once per corpus)."""
    if corpus is None:
        from ..corpus.course import load_corpus

        corpus = load_corpus()
    cached = _REGISTRIES.get(id(corpus))
    if cached is None or cached[0] is not corpus:
        from ..files.resources import read_text

        sources = [(f"kit/data/exercises/{n}.yaml", read_text(f"exercises/{n}.yaml")) for n in shipped_sets()]
        cached = _REGISTRIES[id(corpus)] = (corpus, build_registry(sources, corpus=corpus))
    return cached[1]


def exercise(exercise_id: str, *, corpus: Corpus | None = None) -> Question:
    """The exercise with this id; in a notebook it shows its prompt.

    Raises :class:`~kit.UnknownExercise` listing the ids that exist.

    >>> print(exercise("00.1"))
    Exercise 00.1
    How many sentences...
    """
    exercises = registry(corpus=corpus)
    found = exercises.get(exercise_id.strip()) if isinstance(exercise_id, str) else None
    if found is None:
        raise UnknownExercise(f"There is no exercise {shown(exercise_id)}.{did_you_mean(exercise_id, exercises)} "
                              f"Exercise ids are strings such as \"01.2\"; the kit has {sorted(exercises) or 'none yet'}.")
    return found


def _message(ex: Question, attempt: Attempt) -> str:
    r = attempt.result
    if r.status == "invalid":
        return f"Exercise {ex.id}: " + " ".join(r.feedback)
    if r.status == "written":
        items = "\n".join(f"  [ ] {n}. {item}" for n, item in enumerate(ex.checklist, start=1))
        flags = "".join(f"{flag}\n" for flag in r.feedback)   # rule flags (kit.assessment.rules) come first
        return (f"Saved your answer to exercise {ex.id}.\n{flags}Now compare it with a model answer:\n\n"
                f"{ex.model_answer}\n\nWhich of these does your answer do?\n{items}\n"
                f"Tick them with kit.self_assess(\"{ex.id}\", [1, 2, ...]) (the numbers of the points you made).")
    if r.correct:
        lines = ["Correct!", *r.feedback, ex.explanation, *[f'  [{c.id}] "{c.text}"' for c in ex.citations]]
        return "\n".join(line for line in lines if line)
    parts = ["Partly right." if r.status == "partial" else "Not yet.", *r.feedback]
    if attempt.hint:
        last = ", the last one" if attempt.hint_level == len(ex.hints) > 1 else ""
        parts.append(f"Hint {attempt.hint_level} of {len(ex.hints)}{last}: {attempt.hint}")
    return " ".join(p for p in parts if p)


def mark(ex: Question, answer, *, wrong_before: int = 0) -> ExerciseResult:
    """Mark ``answer`` (pure: no printing, no saving); ``wrong_before`` picks the hint."""
    if is_empty(answer):
        return ExerciseResult(ex.id, "not answered", f"Exercise {ex.id}: not answered yet. Replace the ... "
                                                     "with your answer and run the cell again.")
    result = check(ex, answer)
    wrong = 0 if result.correct else wrong_before + result.needs_hint
    level, hint = hint_for(ex, result, wrong)
    attempt = Attempt(ex, result, 0, level, hint)
    return ExerciseResult(ex.id, result.status, _message(ex, attempt), level, 0, result.mistake, result.score)


def check_exercise(exercise_id: str, answer: Any, *, corpus: Corpus | None = None) -> ExerciseResult:
    """Check your answer to an exercise: prints feedback (a hint if it is not right yet).

    Parameters
    ----------
    exercise_id : str
        Such as ``"02.3"`` (shown above each exercise).
    answer
        Your answer: a number, text, a list, a dictionary, sentence ids (``"cho 3.3"``
        or several: ``"cho 3.3, cho 3.4"``), or for a written exercise your text.
        ``...`` or ``None``: not answered yet.
    corpus : Corpus, optional
        The texts the exercise is about (default: the kit's).

    Returns
    -------
    ExerciseResult
        ``status``, ``message``, ``hint`` (which hint was given), ``attempt``
        (numbered across sessions), ``mistake``.  Marked tries are saved.

    Examples
    --------
    >>> result = check_exercise("00.1", ...)
    Exercise 00.1: not answered yet. Replace the ... with your answer and run the cell again.
    >>> result.status
    'not answered'
    """
    ex = exercise(exercise_id, corpus=corpus)
    if is_empty(answer):
        result = mark(ex, answer)
    else:
        attempt = Attempts(ex, quiz=ex.bank, kind="exercise").submit(answer)
        message = _message(ex, attempt) + (f"\n({attempt.note})" if attempt.note else "")
        result = ExerciseResult(ex.id, attempt.result.status, message, attempt.hint_level, attempt.number,
                                attempt.result.mistake, attempt.result.score)
    print(result.message)
    return result


@renamed_options(ticked="answer")
def self_assess(exercise_id: str, answer: list | tuple | set | frozenset, *,
                corpus: Corpus | None = None) -> ExerciseResult:
    """Save your self-assessment of a written exercise: the checklist points your answer makes.

    ``answer`` is the points you ticked: a list of point numbers (1 = the first point), of
    point texts, or of True/False for each point.  The score saved is the share of points ticked.

    >>> self_assess("00.1", [1])
    Traceback (most recent call last):
    ...
    kit.errors.InvalidArgument: Exercise 00.1 is not a written exercise; check it with kit.check_exercise('00.1', answer).
    """
    ex = exercise(exercise_id, corpus=corpus)
    if ex.type != "written":
        raise InvalidArgument(f"Exercise {ex.id} is not a written exercise; check it with "
                              f"kit.check_exercise({ex.id!r}, answer).")
    chosen = _ticked(ex, answer)
    score = len(chosen) / len(ex.checklist)
    from .log import record_attempt

    note = ""
    try:
        record_attempt(quiz=ex.bank, question=ex.id, response=[ex.checklist[i] for i in chosen],
                       status="self-assessed", score=score, kind="exercise")
    except KitError as exc:
        note = f"\n(Your self-assessment could not be saved: {exc})"
    message = f"Saved: your answer makes {len(chosen)} of the {len(ex.checklist)} points." + note
    print(message)
    return ExerciseResult(ex.id, "self-assessed", message, score=score)


def _ticked(ex: Question, ticked) -> list[int]:
    n = len(ex.checklist)
    if not isinstance(ticked, (list, tuple, set, frozenset)):
        raise WrongType(f"self_assess() takes a list of point numbers such as [1, 3], not {shown(ticked)}.")
    items = list(ticked)
    if len(items) == n and all(isinstance(t, bool) for t in items):
        return [i for i, t in enumerate(items) if t]
    out = set()
    for t in items:
        if isinstance(t, int) and not isinstance(t, bool) and 1 <= t <= n:
            out.add(t - 1)
        elif isinstance(t, str) and t.strip() in ex.checklist:
            out.add(ex.checklist.index(t.strip()))
        else:
            raise InvalidArgument(f"{shown(t)} is not one of the points 1 to {n} of exercise {ex.id}.")
    return sorted(out)
