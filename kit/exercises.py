"""Self-check exercises for the exercise notebooks.

``kit.exercise("01.2")`` shows an exercise; ``kit.check_exercise("01.2", answer)``
marks an answer, prints friendly feedback and returns the result.  Wrong answers
get hints that escalate (hint 1, then 2, then 3); the answer itself is never shown.
An unfinished cell (``answer = ...``) gets a "not answered yet" note, not an error.

Exercise sets live in ``kit/data/exercises/<lesson>.yaml``; expected answers may be
``compute:``-d from the kit like quiz answers (see :func:`kit.assessment.compute_answer`).
Every attempt is saved to the progress store (``kind == "exercise"``).

>>> ex = Exercise(id="demo.1", prompt="How many paragraphs has Cho's text?", kind="number",
...               expected=3, hints=("Look at the ids.",))
>>> print(mark(ex, 4, wrong_before=0).message)
Not yet. Hint 1 of 1: Look at the ids.
>>> mark(ex, "3", wrong_before=1).status
'correct'
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ._compute import compute_answer, validate_compute
from ._html import markdown_html
from .assessment import Citation, _citations_of, _loose, _no_citation_problems, _number, _parse_yaml, normalise_answer
from .errors import DataFileError, KitError, QuestionBankError, StoreError, UnknownExercise

__all__ = ["exercise", "check_exercise", "Exercise", "ExerciseResult", "mark"]

KINDS = ("number", "text", "set", "list", "choice", "sentence_ids", "mapping")
_FIELDS = ("id", "prompt", "expected", "compute", "kind", "accept", "hints", "explanation", "cites",
           "quotes", "options", "tolerance")
_SENTENCE_ID = re.compile(r"^[a-z]+ \d+\.\d+$")
_WRONG: dict[str, int] = {}     # wrong tries per exercise in this session (for hints)
_ATTEMPTS: dict[str, int] = {}  # all marked tries per exercise in this session


@dataclass(frozen=True, eq=False)
class Exercise:
    """One exercise; ``key`` is the expected answer (computed on first use if ``compute:``)."""

    id: str
    prompt: str
    kind: str
    expected: Any = None
    compute: Mapping | None = None
    accept: tuple = ()
    hints: tuple[str, ...] = ()
    explanation: str = ""
    citations: tuple[Citation, ...] = ()
    quotes: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    tolerance: float = 0.0
    set_id: str = ""
    source: str = ""

    @cached_property
    def key(self) -> Any:
        if self.compute is None:
            return self.expected
        return compute_answer(self.compute, where=f"{self.source}: exercise {self.id!r}, field 'compute'")

    def text(self) -> str:
        opts = [f"  {chr(97 + i)}) {o}" for i, o in enumerate(self.options)]
        return "\n".join([f"Exercise {self.id}", " ".join(self.prompt.split()), *opts])

    __str__ = text

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        opts = "".join(f"<li>{markdown_html(o)[3:-4]}</li>" for o in self.options)
        return (f"<div><strong>Exercise {self.id}</strong>{markdown_html(self.prompt)}"
                + (f'<ol type="a">{opts}</ol>' if opts else "") + "</div>")


@dataclass(frozen=True)
class ExerciseResult:
    """What :func:`check_exercise` said: ``status`` is correct, incorrect, invalid or not answered."""

    exercise: str
    status: str
    message: str
    hint: int = 0   # which hint was given (1-based; 0 = none)
    attempt: int = 0

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message

    def _ipython_display_(self) -> None:
        """The message was already printed by check_exercise; print(result) shows it again."""


# --- loading -----------------------------------------------------------------------


def shipped_sets() -> list[str]:
    from ._resources import data_path

    folder = data_path("exercises")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml")) if folder.is_dir() else []


@lru_cache(maxsize=1)
def _registry() -> dict[str, Exercise]:
    from ._resources import read_text

    return build_registry([(f"kit/data/exercises/{n}", read_text(f"exercises/{n}")) for n in shipped_sets()])


def build_registry(sources, *, corpus=None) -> dict[str, Exercise]:
    """Validate exercise sets given as ``(source_name, yaml_text_or_data)`` pairs; ids must be unique."""
    from .corpus import load_corpus

    corpus = corpus if corpus is not None else load_corpus()
    out: dict[str, Exercise] = {}
    for source, text in sources:
        for ex in parse_exercise_set(text, source=source, corpus=corpus):
            if ex.id in out:
                raise DataFileError(f"{source}: exercise {ex.id!r}, field 'id': also used in "
                                    f"{out[ex.id].source}. Exercise ids must be unique across all sets.")
            out[ex.id] = ex
    return out


def parse_exercise_set(text_or_data, *, source: str = "<exercises>", corpus=None) -> list[Exercise]:
    """Validate one exercise set (YAML text or parsed data); errors name file, exercise and field."""
    try:
        data = _parse_yaml(text_or_data, source) if isinstance(text_or_data, str) else text_or_data
    except QuestionBankError as exc:
        raise DataFileError(str(exc)) from None
    if not isinstance(data, Mapping) or not isinstance(data.get("exercises"), list) or not data["exercises"]:
        raise DataFileError(f"{source}: an exercise set is a mapping with 'id' and a non-empty 'exercises' list.")
    if corpus is None:
        from .corpus import load_corpus

        corpus = load_corpus()
    set_id = str(data.get("id") or source.rsplit("/", 1)[-1].removesuffix(".yaml"))
    return [_parse_exercise(raw, n, set_id, source, corpus) for n, raw in enumerate(data["exercises"], 1)]


def _parse_exercise(raw, n: int, set_id: str, source: str, corpus) -> Exercise:
    eid = raw.get("id") if isinstance(raw, Mapping) else None
    label = f"exercise {eid!r}" if eid is not None else f"exercise #{n}"

    def fail(fld: str, problem: str) -> DataFileError:
        return DataFileError(f"{source}: {label}, field {fld!r}: {problem}")

    if not isinstance(raw, Mapping):
        raise fail("id", "each exercise is a mapping with id, prompt, kind, expected, hints...")
    if not isinstance(eid, str) or not eid.strip():
        raise fail("id", f"must be a quoted string such as \"01.2\", not {eid!r}.")
    unknown = [k for k in raw if k not in _FIELDS]
    if unknown:
        raise fail(str(unknown[0]), f"not a field of an exercise; use {', '.join(_FIELDS)}.")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    prompt = raw.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise fail("prompt", "missing or empty.")
    hints = raw.get("hints")
    if not isinstance(hints, list) or not hints or not all(isinstance(h, str) and h.strip() for h in hints):
        raise fail("hints", "give a list of 1 to 3 hints, gentle first, most specific last.")
    if ("expected" in raw) == ("compute" in raw):
        raise fail("expected", "give exactly one of `expected:` or `compute:`.")
    compute = None
    if "compute" in raw:
        if kind in ("choice", "mapping"):
            raise fail("compute", f"a {kind} exercise needs a literal `expected:`.")
        try:
            compute = validate_compute(raw["compute"], doc_ids=list(corpus))
        except QuestionBankError as exc:
            raise fail("compute", str(exc)) from None
    options = tuple(str(o) for o in raw.get("options") or ())
    expected = raw.get("expected")
    if compute is None:
        _check_expected(kind, expected, options, corpus, fail)
    tol = raw.get("tolerance", 0)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or tol < 0:
        raise fail("tolerance", f"must be a number >= 0, not {tol!r}.")
    accept = raw.get("accept") or []
    if not isinstance(accept, list):
        raise fail("accept", "must be a list of other accepted answers.")
    citations = _citations_of(raw.get("cites", []), corpus, fail)
    quotes = tuple(raw.get("quotes") or ())
    for phrase in quotes:
        from ._citations import quote_in

        if not any(quote_in(phrase, c.text) for c in citations):
            raise fail("quotes", f"{phrase!r} does not occur in any cited sentence.")
    explanation = str(raw.get("explanation") or "").strip()
    for fld, text in [("prompt", prompt), ("explanation", explanation), *[("hints", h) for h in hints]]:
        _no_citation_problems(text, corpus, fail, fld)
    return Exercise(id=eid.strip(), prompt=prompt.strip(), kind=kind, expected=expected, compute=compute,
                    accept=tuple(accept), hints=tuple(h.strip() for h in hints), explanation=explanation,
                    citations=citations, quotes=quotes, options=options, tolerance=float(tol),
                    set_id=set_id, source=source)


def _check_expected(kind, expected, options, corpus, fail) -> None:
    ok = {
        "number": isinstance(expected, (int, float)) and not isinstance(expected, bool),
        "text": isinstance(expected, str) and bool(expected.strip()),
        "set": isinstance(expected, list) and bool(expected),
        "list": isinstance(expected, list) and bool(expected),
        "choice": isinstance(expected, str) and (not options or expected in options),
        "sentence_ids": isinstance(expected, (list, str)) and bool(expected),
        "mapping": isinstance(expected, Mapping) and bool(expected),
    }[kind]
    if not ok:
        raise fail("expected", f"{expected!r} does not suit kind {kind!r}"
                   + (f" (it must be one of the options {list(options)})" if kind == "choice" and options else "") + ".")
    if kind == "sentence_ids":
        for sid in [expected] if isinstance(expected, str) else expected:
            try:
                corpus.sentence(str(sid))
            except KitError as exc:
                raise fail("expected", str(exc)) from None


# --- marking ------------------------------------------------------------------------


def _norm_item(x):
    if isinstance(x, str):
        return normalise_answer(x)
    n = _number(x)
    return n if n is not None else str(x)


def _seq(response):
    if isinstance(response, (str, bytes, Mapping)) or not hasattr(response, "__iter__"):
        return None
    return list(response.tolist() if hasattr(response, "tolist") else response)


def _compare(ex: Exercise, response) -> tuple[str, str]:
    """(status, note) for a response that is not empty."""
    key, kind = ex.key, ex.kind
    if kind == "number":
        value = _number(response)
        if value is None:
            return "invalid", f"{response!r} is not a number: give digits, like 5 (not \"five\")."
        return ("correct", "") if abs(value - float(key)) <= ex.tolerance + 1e-9 else ("incorrect", "")
    if kind in ("text", "choice"):
        if not isinstance(response, str):
            return "invalid", "Give your answer as text in quotation marks, like \"futile\"."
        if kind == "choice" and ex.options and len(response.strip()) == 1 and response.strip().isalpha():
            i = ord(response.strip().lower()) - 97
            response = ex.options[i] if 0 <= i < len(ex.options) else response
        accepted = {normalise_answer(str(a)) for a in [*(key if isinstance(key, list) else [key]), *ex.accept]}
        return ("correct", "") if normalise_answer(response) in accepted else ("incorrect", "")
    if kind == "mapping":
        if not isinstance(response, Mapping):
            return "invalid", "Give your answer as a dictionary, like {\"cho\": 3, \"yang\": 5}."
        mine = {_loose(k): _norm_item(v) for k, v in response.items()}
        want = {_loose(k): _norm_item(v) for k, v in key.items()}
        return ("correct", "") if mine == want else ("incorrect", "")
    items = [response] if kind == "sentence_ids" and isinstance(response, str) else _seq(response)
    if items is None:
        return "invalid", "Give your answer as a list, like [\"cho 3.2\", \"cho 3.3\"]."
    if kind == "sentence_ids":
        return _compare_ids(items, key)
    mine, want = [_norm_item(x) for x in items], [_norm_item(x) for x in (key if isinstance(key, list) else [key])]
    if kind == "list":
        if mine == want:
            return "correct", ""
        return "incorrect", ("The right items, but not in the right order." if sorted(map(str, mine)) ==
                             sorted(map(str, want)) else "")
    return ("correct", "") if set(mine) == set(want) else ("incorrect", "")


def _compare_ids(items, key) -> tuple[str, str]:
    from .corpus import load_corpus

    corpus, mine = load_corpus(), set()
    for x in items:
        sid = " ".join(str(x).lower().split())
        if not _SENTENCE_ID.match(sid):
            return "invalid", f"{x!r} is not a full sentence id: write the document too, like \"cho 3.3\"."
        try:
            corpus.sentence(sid)
        except KitError:
            return "invalid", f"There is no sentence {x!r}; kit.show(corpus) lists every id."
        mine.add(sid)
    want = {" ".join(str(k).lower().split()) for k in ([key] if isinstance(key, str) else key)}
    return ("correct", "") if mine == want else ("incorrect", "")


def mark(ex: Exercise, answer, *, wrong_before: int = 0) -> ExerciseResult:
    """Mark ``answer`` (pure: no printing, no saving); ``wrong_before`` picks the hint."""
    if answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip()):
        return ExerciseResult(ex.id, "not answered",
                              f"Exercise {ex.id}: not answered yet. Replace the ... with your answer and run the cell again.")
    status, note = _compare(ex, answer)
    if status == "invalid":
        return ExerciseResult(ex.id, "invalid", f"Exercise {ex.id}: {note}")
    if status == "correct":
        lines = ["Correct!", ex.explanation, *[f'  [{c.id}] "{c.text}"' for c in ex.citations]]
        return ExerciseResult(ex.id, "correct", "\n".join(line for line in lines if line))
    level = min(wrong_before + 1, len(ex.hints))
    last = ", the last one" if level == len(ex.hints) > 1 else ""
    msg = f"Not yet. {note + ' ' if note else ''}Hint {level} of {len(ex.hints)}{last}: {ex.hints[level - 1]}"
    return ExerciseResult(ex.id, "incorrect", msg, hint=level)


def _get(exercise_id) -> Exercise:
    registry = _registry()
    found = registry.get(str(exercise_id).strip()) if isinstance(exercise_id, str) else None
    if found is None:
        raise UnknownExercise(f"There is no exercise {exercise_id!r}. Exercise ids are strings such as "
                              f"\"01.2\"; the kit has {sorted(registry) or 'none yet'}.")
    return found


def exercise(exercise_id: str) -> Exercise:
    """The exercise with this id; in a notebook it shows its prompt.

    Raises :class:`~kit.UnknownExercise` listing the ids that exist.

    >>> print(exercise("00.1"))
    Exercise 00.1
    How many sentences...
    """
    return _get(exercise_id)


def check_exercise(exercise_id: str, answer) -> ExerciseResult:
    """Check your answer to an exercise: prints feedback (a hint if it is not right yet).

    Parameters
    ----------
    exercise_id : str
        Such as ``"02.3"`` (shown above each exercise).
    answer
        Your answer: a number, text, a list or set, a dictionary, or sentence ids
        (``"cho 3.3"``), as the exercise asks.  ``...`` or ``None``: not answered yet.

    Returns
    -------
    ExerciseResult
        ``status`` (correct, incorrect, invalid, not answered), ``message``, ``hint``
        (which hint was given), ``attempt``.  Hints escalate with each wrong try and
        never give the answer away.  Marked tries are saved (see :func:`kit.progress`).

    Examples
    --------
    >>> result = check_exercise("00.1", ...)
    Exercise 00.1: not answered yet. Replace the ... with your answer and run the cell again.
    >>> result.status
    'not answered'
    """
    ex = _get(exercise_id)
    result = mark(ex, answer, wrong_before=_WRONG.get(ex.id, 0))
    if result.status in ("correct", "incorrect"):
        _ATTEMPTS[ex.id] = _ATTEMPTS.get(ex.id, 0) + 1
        _WRONG[ex.id] = 0 if result.correct else _WRONG.get(ex.id, 0) + 1
        result = ExerciseResult(result.exercise, result.status, result.message, result.hint, _ATTEMPTS[ex.id])
        from .progress_store import record_attempt

        try:
            record_attempt(quiz=ex.set_id, question=ex.id, response=answer, status=result.status,
                           score=float(result.correct), attempt=result.attempt, kind="exercise")
        except StoreError as exc:
            result = ExerciseResult(result.exercise, result.status,
                                    f"{result.message}\n(Your attempt could not be saved: {exc})",
                                    result.hint, result.attempt)
    print(result.message)
    return result
