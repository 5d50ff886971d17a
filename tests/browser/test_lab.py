"""The lessons as a student meets them: real JupyterLab, real Chromium.

Each lesson in notebooks/ is opened in JupyterLab (a temporary copy, served on a free
localhost port with a random token), run with Run > Run All Cells, and must finish
with every code cell run, no error output and no "Error displaying widget".  Then a
quiz question is answered by clicking, wrongly first and rightly second, and the
feedback text is read.  Warnings on stderr are printed but allowed.

After each lesson has run, axe-core scans its output areas (what the kit renders, not
JupyterLab's own interface): no critical or serious violation is allowed, in the light
theme and again in the dark theme (each lesson runs once; the theme is switched live, as a
student would from the Settings menu, and the outputs scanned again).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from . import axe_helpers as axe
from . import browser_helpers as h

LESSONS = h.lessons(h.lesson_dir())


def _ids(path):
    return path.stem


@pytest.mark.parametrize("lesson", LESSONS or [None], ids=_ids if LESSONS else ["no-lessons"])
def test_lesson_runs_in_jupyterlab(lesson, lab, lesson_copy, page, screenshot_dir):
    """The lesson runs, its widgets render, and axe finds nothing serious in its outputs,
    in the light theme and then, switched live from the Settings menu, in the dark one."""
    if lesson is None:
        h.skip_or_fail(f"no lessons in {h.lesson_dir()}")
    name = lesson.name
    n_code = h.code_cell_count(lesson_copy / name)
    axe.set_lab_theme(lab, "light")
    h.open_in_lab(page, lab, name, workspace=f"run-{lesson.stem}")
    axe.wait_theme(page, "light")
    seconds = h.run_all_cells(page, n_code)
    nb, save_problem = h.save_and_read(page, lab, name, n_code)
    expected_widgets = h.widget_outputs(nb)
    if expected_widgets:
        h.wait_for_widgets(page, expected_widgets)
    shot = screenshot_dir / f"lab-{lesson.stem}.png"
    page.locator(".jp-Notebook .jp-Cell").last.scroll_into_view_if_needed()
    page.screenshot(path=str(shot))
    seen = h.problems_on_page(page)  # what the student sees ...
    body = page.inner_text("body")
    rendered = page.locator(".jp-OutputArea-output > .jupyter-widgets").count()
    scans = axe.scan_light_and_dark(page, f"lab-{{theme}}-{lesson.stem}") if not seen else {}
    h.shutdown_sessions(lab)
    errors, warnings = h.problems_in(nb)  # ... and what the saved notebook holds
    for warning in warnings:
        print(f"warning in {name}: {warning}")
    print(f"{name}: {n_code} code cells ran in {seconds:.1f} s in the browser; "
          f"{expected_widgets} widgets; screenshot {shot}")
    assert not seen, f"{name} in JupyterLab: " + "; ".join(seen) + f" (see {shot})"
    if save_problem:  # the page is right but the save did not reach the disk: JupyterLab's
        print(f"warning: {save_problem}")  # affair, not the lesson's; the page's checks stand
    else:
        assert not errors, f"{name} in JupyterLab: " + "; ".join(errors)
    assert "Error displaying widget" not in body, f"{name}: a widget failed to render (see {shot})"
    assert rendered >= expected_widgets, f"{name}: {rendered} of {expected_widgets} widgets rendered"
    for theme, scan in scans.items():
        axe.check(scan, f"{name}, JupyterLab {theme} theme")


def test_quiz_answered_by_clicking_in_jupyterlab(lab, lesson_copy, page, screenshot_dir):
    lesson, bank_id = h.first_quiz_lesson(LESSONS)
    if lesson is None:
        h.skip_or_fail("no lesson calls kit.quiz(...) yet")
    name = lesson.name
    n_code = h.code_cell_count(lesson_copy / name)
    axe.set_lab_theme(lab, "light")
    h.open_in_lab(page, lab, name, workspace=f"quiz-{lesson.stem}")
    h.run_all_cells(page, n_code)
    read = h.answer_wrong_then_right(page, page, bank_id, screenshot_dir / f"lab-quiz-{lesson.stem}")
    print(f"\n{name}, quiz {bank_id}, question {read['question']}: "
          f"clicked {read['wrong_option']!r} -> {read['wrong_feedback']!r}; "
          f"clicked {read['right_option']!r} -> {read['right_feedback'][:120]!r}; {read['score']!r}")
    h.check_quiz_reading(read)
    # the attempts reached the progress store of the kernel (KIT_PROGRESS_DIR of the server)
    store = lab.env["KIT_PROGRESS_DIR"]
    h.shutdown_sessions(lab)
    saved = "".join(p.read_text(encoding="utf-8") for p in Path(store).glob("*.jsonl"))
    assert saved.count(f'"{read["question"]}"') >= 2, f"two attempts saved in {store}: {saved[-500:]!r}"
