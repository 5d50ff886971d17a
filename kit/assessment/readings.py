"""Write first, then compare: the student's reading is saved before the kit's is shown.

The kit's readings of the texts (a reading of each paragraph, the thesis of each
text, who-should-do-what rows, sentence labels) are data in
``kit/data/readings.yaml``; every statement cites its sentence ids and quotes
word for word.  :func:`compare_reading` is the one path to them: it refuses to
show a reading until the student has written something of their own (at least
:data:`MIN_WORDS` words), saves that text in the progress store
(``kind="reading"``, ``status="written"``) and only then returns the kit's
reading.  A task without a kit reading is a *prediction*: it is saved, and the
student checks it with their own code.  The widget :func:`kit.compare_reading_box` is a
thin front end on the same functions.

>>> import os, tempfile
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {"KIT_PROGRESS_DIR": tempfile.mkdtemp()}):
...     result = compare_reading("01.cho-p1", "North Korea sends soldiers to Russia.")
...     result.attempt, result.kit[0]["cites"][:1]
(1, ['cho 1.1'])
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from .effort import MIN_WORDS, attempt_problem
from ..errors import InvalidArgument, UnknownQuestion, WrongType, did_you_mean, shown
from ..options import flag, renamed_options

__all__ = ["compare_reading", "reading_task", "reading_tasks", "word_count", "MIN_WORDS", "attempt_problem",
           "latest_reading", "KitReading"]

_FIELDS = {"id", "lesson", "label", "prompt", "reading", "check", "after"}


@lru_cache(maxsize=1)
def _tasks() -> dict[str, dict]:
    from ..files.resources import load_yaml
    from ..errors import DataFileError

    data = load_yaml("readings.yaml") or {}
    tasks = {}
    for task in data.get("tasks", []):
        unknown = set(task) - _FIELDS
        if unknown or not {"id", "lesson", "label", "prompt"} <= set(task):
            raise DataFileError(
                f"kit/data/readings.yaml: task {task.get('id')!r} has fields {sorted(task)}; "
                f"each task needs id, lesson, label and prompt (optional: reading, check, after). "
                "Fix the file.")
        tasks[task["id"]] = task
    return tasks


def reading_tasks(lesson: str | None = None) -> list[str]:
    """The ids of the write-first tasks, optionally of one lesson only.

    >>> reading_tasks("03_comparing_arguments")[:2]
    ['03.predict-agree', '03.thesis-cho']
    """
    if lesson is not None and not isinstance(lesson, str):
        raise WrongType(f"reading_tasks(lesson={shown(lesson)}): lesson is a lesson id in quotes or None, "
                        "e.g. kit.reading_tasks('01_close_reading').")
    return [tid for tid, t in _tasks().items() if lesson is None or t["lesson"] == lesson]


def reading_task(task: str) -> dict:
    """One task: ``id``, ``lesson``, ``label``, ``prompt`` and, unless it is a prediction,
    ``reading`` (statements with ``text``, ``cites``, ``quotes``) and ``check``.

    >>> reading_task("00.date-yang")["lesson"]
    '00_start_here'
    """
    if not isinstance(task, str):
        raise WrongType(f"A reading task is named by its id, such as '01.cho-p1', not {shown(task)}.")
    found = _tasks().get(task.strip())
    if found is None:
        raise UnknownQuestion(f"There is no reading task {task!r}.{did_you_mean(task, _tasks())} "
                              "Use the id printed above the writing box, such as '01.cho-p1'.")
    return found


def word_count(text: str) -> int:
    """How many words the student has written (runs of letters or digits).

    >>> word_count("  It would be futile -- China’s view? ")
    6
    """
    return len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text or ""))


def latest_reading(task: str) -> str | None:
    """The student's last saved text for ``task``, or ``None`` (to refill a box after a restart)."""
    rows = _saved(reading_task(task))
    return str(rows[-1]["response"]) if rows else None


def _saved(task: dict) -> list[dict]:
    """The saved readings of one task, oldest first."""
    from .log import read_attempts

    return [r for r in read_attempts() if r.get("kind") == "reading" and r.get("quiz") == task["lesson"]
            and r.get("question") == task["id"]]


class KitReading:
    """The student's text beside the kit's reading; prints as text, shows as HTML."""

    def __init__(self, task: dict, text: str, attempt: int | None):
        self.task, self.text, self.attempt = task, text, attempt
        self.kit = list(task.get("reading") or [])
        self.check = list(task.get("check") or [])
        from ..argumentation.citations import check_citations

        #: unknown ids and misquotations in the student's own text (the kit's checker)
        self.citation_problems = check_citations(text)

    @property
    def saved_as(self) -> str:
        return "not saved" if self.attempt is None else f"saved as attempt {self.attempt}"

    @property
    def after(self) -> str:
        """What to do next when the kit has no reading of its own for this task."""
        return self.task.get("after") or "A prediction: check it with your own code in the next cells."

    @property
    def is_prediction(self) -> bool:
        return not self.kit

    def __repr__(self) -> str:
        lines = [f"{self.task['label']} — {self.saved_as}.", "", "Yours:", self.text, ""]
        lines += [f"Check your citations: {p}" for p in self.citation_problems]
        if self.is_prediction:
            lines.append(self.after)
        else:
            lines.append("The kit's reading:")
            lines += [f"- {s['text']} [{'; '.join(s.get('cites', []))}]" for s in self.kit]
            lines += ["", "Compare:"] + [f"- {c}" for c in self.check]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return reading_html(self)


_BOX = ("flex: 1 1 20em; min-width: 16em; padding: 0.4em 0.8em; "
        "border: 1px solid var(--jp-border-color1, #757575); border-radius: 4px; "
        "color: var(--jp-content-font-color1, #1a1a1a); background: var(--jp-layout-color0, #ffffff)")


def _trailing_cites(statement: dict) -> str:
    """The statement's ids after it, unless its text already cites them inline."""
    cites = statement.get("cites", [])
    if not cites or all(c in statement["text"] for c in cites):
        return ""
    return (" <span style='color: var(--jp-content-font-color2, #505050)'>"
            f"[{html.escape('; '.join(cites))}]</span>")


def reading_html(result: KitReading) -> str:
    """Two boxes side by side: the student's text and the kit's reading (all text escaped)."""
    esc = html.escape
    issues = "".join(f"<li>{esc(p)}</li>" for p in result.citation_problems)
    mine = (f"<div style='{_BOX}'><h4 style='margin: 0.2em 0'>Yours ({esc(result.saved_as)})</h4>"
            f"<p style='white-space: pre-wrap'>{esc(result.text)}</p>"
            + (f"<p style='border-left: 0.3em solid var(--jp-warn-color1, #f57c00); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>Check your citations:</p><ul>{issues}</ul>"
               if issues else "") + "</div>")
    if result.is_prediction:
        theirs = f"<div style='{_BOX}'><p>Saved. {esc(result.after)}</p></div>"
    else:
        items = "".join(f"<li>{esc(s['text'])}{_trailing_cites(s)}</li>" for s in result.kit)
        checks = "".join(f"<li>{esc(c)}</li>" for c in result.check)
        theirs = (f"<div style='{_BOX}'><h4 style='margin: 0.2em 0'>The kit's reading</h4><ul>{items}</ul>"
                  + (f"<p><b>Compare:</b></p><ul>{checks}</ul>" if checks else "") + "</div>")
    title = f"<p style='margin: 0.3em 0'><b>{esc(result.task['label'])}</b></p>"
    return f"{title}<div style='display: flex; flex-wrap: wrap; gap: 0.8em'>{mine}{theirs}</div>"


@renamed_options(text="answer")
def compare_reading(task: str, answer: str, *, save: bool = True) -> KitReading:
    """Save your reading of ``task``, then see the kit's reading beside it.

    Nothing is shown until you have written at least four distinct words of your own
    (:func:`~kit.assessment.effort.attempt_problem`; "x y z" or "test test" do not count): the
    point is to commit to a reading before you see one.  Your text is saved in the
    progress store (``kind="reading"``), so your teacher sees it with the export.

    Parameters
    ----------
    task : str
        The task id printed with the writing box, such as ``"01.cho-p1"``.
    answer : str
        Your reading, in your own words.
    save : bool
        Save the text as an attempt (default).  ``False`` only shows the reading.

    >>> compare_reading("01.cho-p1", "too short")
    Traceback (most recent call last):
    ...
    kit.errors.InvalidArgument: Write your own reading of 'Cho ¶1' first: your text has only 2 distinct words ...
    """
    save = flag(save, "save", "compare_reading", "kit.compare_reading(task, answer, save=False)")
    found = reading_task(task)
    text = answer
    if text is not None and not isinstance(text, str):
        raise WrongType(f"compare_reading() takes your reading as a string, not a {type(text).__name__}.")
    text = (text or "").strip()
    problem = attempt_problem(text)
    if problem:
        raise InvalidArgument(
            f"Write your own reading of {found['label']!r} first: your text has {problem}. The kit's "
            f"reading is shown only after yours: kit.compare_reading({found['id']!r}, \"your reading ...\").")
    attempt = None
    if save:
        from .log import record_attempt

        attempt = record_attempt(kind="reading", quiz=found["lesson"], question=found["id"],
                                 response=text, status="written")
    return KitReading(found, text, attempt)
