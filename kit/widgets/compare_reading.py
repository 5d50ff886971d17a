"""The "write first, then compare" widget, :func:`compare_reading_box` (the twin of
:func:`kit.compare_reading`): a writing box per task, and a button that saves the
student's text and only then shows the kit's reading beside it.

All logic lives in :mod:`kit.assessment.readings`; this module only builds controls.
"""
from __future__ import annotations

import html

from ..errors import KitError, StoreError, WrongType
from ..errors import shown as echo
from ..options import renamed_function
from ..assessment.readings import (
    MIN_WORDS,
    attempt_problem,
    compare_reading,
    latest_reading,
    reading_html,
    reading_task,
)

__all__ = ["compare_reading_box", "write_first"]


def _previous(task: str) -> str:
    """The last saved text, or "" (a store that cannot be read must not stop the lesson)."""
    try:
        return latest_reading(task) or ""
    except KitError:
        return ""


def compare_reading_box(tasks: str | list[str], *, rows: int = 4) -> "ipywidgets.VBox":
    """Write your reading of one or more tasks, then compare it with the kit's.

    The button stays disabled until every box holds at least four distinct words of your own.  Pressing
    it saves each text in your progress (``kind="reading"``) and then shows the kit's
    reading beside yours (a prediction task is only saved: you check it with code).
    A box is refilled with your last saved text when the cell runs again.

    Parameters
    ----------
    tasks : str or list of str
        Task ids, such as ``"01.cho-p1"`` or ``["01.cho-p1", "01.cho-p2"]``.
    rows : int
        Height of each writing box, in lines.

    Returns a ``VBox`` with attributes ``textareas`` (one per task, in order),
    ``button``, ``status`` (HTML) and ``output`` (HTML).

    >>> box = compare_reading_box("00.date-yang")
    >>> box.button.disabled
    True
    """
    import ipywidgets as w

    from .controls import Looks

    ids = [tasks] if isinstance(tasks, str) else list(tasks) if isinstance(tasks, (list, tuple)) else None
    if not ids:
        raise WrongType(f"compare_reading_box() takes a task id such as '01.cho-p1' or a list of them, not {echo(tasks)}.")
    found = [reading_task(t) for t in ids]
    predictions = all(not t.get("reading") for t in found)
    parts, areas, looks = [], [], Looks()  # one Layout and Style model per look
    for task in found:
        prompt = w.HTML(f"<p style='margin: 0.6em 0 0.2em'><b>{html.escape(task['label'])}</b> "
                        f"<code>{html.escape(task['id'])}</code><br>{html.escape(task['prompt'])}</p>", **looks(w.HTML))
        area = w.Textarea(value=_previous(task["id"]), description=f"Your answer: {task['label']}",
                          placeholder=f"Write at least {MIN_WORDS} words in your own words, with sentence ids.",
                          rows=rows, **looks(w.Textarea, style={"description_width": "initial"}, width="100%"))
        areas.append(area)
        parts += [prompt, area]
    button = w.Button(description="Save my prediction" if predictions else "Compare with the kit's reading",
                      button_style="primary", disabled=True, icon="save" if predictions else "eye",
                      tooltip="Works once every box holds your own words", **looks(w.Button, width="auto"))
    status, output = w.HTML(**looks(w.HTML)), w.HTML(**looks(w.HTML))

    def update(_=None):
        short = [t["label"] for t, a in zip(found, areas) if attempt_problem(a.value)]
        button.disabled = bool(short)
        status.value = html.escape(f"Still to write (at least {MIN_WORDS} distinct words of your own in each box): "
                                   f"{', '.join(short)}." if short else "Ready: press the button to save and compare.")

    def on_click(_=None):
        try:
            results = [compare_reading(t["id"], a.value) for t, a in zip(found, areas)]
        except StoreError as exc:  # you wrote first: compare anyway, and say what was not saved
            results = [compare_reading(t["id"], a.value, save=False) for t, a in zip(found, areas)]
            status.value = (f"<span style='border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>Not saved: "
                            f"{html.escape(str(exc))} Copy your text somewhere safe.</span>")
        except KitError as exc:
            status.value = (f"<span style='border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>"
                            f"{html.escape(str(exc))}</span>")
            return
        else:
            status.value = (f"<span style='border-left: 0.3em solid var(--jp-success-color1, #388e3c); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>Saved "
                            f"{len(results)} answer(s) in your progress.</span>")
        output.value = "".join(reading_html(r) for r in results)

    for area in areas:
        area.observe(update, names="value")
    button.on_click(on_click)
    update()
    ui = w.VBox([*parts, button, status, output])
    ui.textareas, ui.button, ui.status, ui.output = areas, button, status, output
    return ui


# the old name, for one release (it warns and names the new one)
write_first = renamed_function(compare_reading_box, "write_first")
