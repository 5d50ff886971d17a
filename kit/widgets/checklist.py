"""A written exercise's self-assessment checklist, and :func:`check_exercise` as students call
it (``kit.check_exercise``): the model's :func:`kit.assessment.exercises.check_exercise` marks,
prints and saves; for a written exercise this front end then shows the checklist as labelled
checkboxes with a Save button that calls :func:`kit.assessment.exercises.self_assess`.

ipywidgets is imported only when the checklist is built (plain Python gets the printed list).

>>> from kit.assessment.questions import Question
>>> from kit.assessment.types import TYPES
>>> q = Question(id="x.1", type="written", prompt="?", model_answer="...", checklist=("names the actor",),
...              kind=TYPES["written"])
>>> box = self_assessment(q)
>>> box.children[1].description
'names the actor'
"""
from __future__ import annotations

import contextlib
import html
import io
from typing import TYPE_CHECKING, Any

from ..assessment import exercises
from ..assessment.exercises import ExerciseResult
from ..assessment.questions import Question

if TYPE_CHECKING:
    import ipywidgets as W

    from ..corpus.documents import Corpus

__all__ = ["check_exercise", "self_assessment", "show_checklist"]


def check_exercise(exercise_id: str, answer: Any, *, corpus: Corpus | None = None) -> ExerciseResult:
    """Check your answer to an exercise: prints feedback (a hint if it is not right yet).

    The same as :func:`kit.assessment.exercises.check_exercise` (see it for the answers it
    reads), and a written exercise's checklist is shown as checkboxes in a notebook.

    >>> check_exercise("00.1", ...).status
    Exercise 00.1: not answered yet. Replace the ... with your answer and run the cell again.
    'not answered'
    """
    result = exercises.check_exercise(exercise_id, answer, corpus=corpus)
    if result.status == "written":
        show_checklist(exercises.exercise(exercise_id, corpus=corpus))
    return result


def show_checklist(question: Question) -> None:
    """Show the checklist as labelled checkboxes when a notebook front end is there."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is None or not hasattr(shell, "kernel"):
            return
        from IPython.display import display

        display(self_assessment(question))
    except ImportError:  # plain Python: the printed checklist is enough
        return


def self_assessment(question: Question) -> W.VBox:
    """Checkboxes for ``question.checklist`` and a Save button; returns the widget."""
    import ipywidgets as W

    boxes = [W.Checkbox(value=False, description=item, indent=False, layout=W.Layout(width="auto"))
             for item in question.checklist]
    save = W.Button(description="Save my ticks", tooltip=f"Save your self-assessment of exercise {question.id}")
    status = W.HTML("")

    def on_save(_button=None) -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            result = exercises.self_assess(question.id, [b.value for b in boxes])
        status.value = f'<p role="status">{html.escape(result.message)}</p>'

    save.on_click(on_save)
    head = W.HTML(f"<p><strong>Which of these does your answer do?</strong> (exercise {question.id})</p>")
    return W.VBox([head, *boxes, save, status])
