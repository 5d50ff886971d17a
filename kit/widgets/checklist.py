"""The self-assessment checklist of a written exercise: one labelled checkbox per key
point and a Save button that calls :func:`kit.assessment.exercises.self_assess`.

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

import ipywidgets as W

from ..assessment.questions import Question

__all__ = ["self_assessment"]


def self_assessment(question: Question) -> W.VBox:
    """Checkboxes for ``question.checklist`` and a Save button; returns the widget."""
    boxes = [W.Checkbox(value=False, description=item, indent=False, layout=W.Layout(width="auto"))
             for item in question.checklist]
    save = W.Button(description="Save my ticks", tooltip=f"Save your self-assessment of exercise {question.id}")
    status = W.HTML("")

    def on_save(_button=None) -> None:
        from ..assessment.exercises import self_assess

        with contextlib.redirect_stdout(io.StringIO()):
            result = self_assess(question.id, [b.value for b in boxes])
        status.value = f'<p role="status">{html.escape(result.message)}</p>'

    save.on_click(on_save)
    head = W.HTML(f"<p><strong>Which of these does your answer do?</strong> (exercise {question.id})</p>")
    return W.VBox([head, *boxes, save, status])
