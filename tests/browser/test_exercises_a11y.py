"""The exercise notebooks (exercises/*.ipynb, whatever is there) as a student runs them in
JupyterLab: every code cell runs, and axe-core finds no critical or serious violation in
their outputs, in the light theme and (switched live) the dark one."""
from __future__ import annotations

import shutil

import pytest

from . import axe_helpers as axe
from . import browser_helpers as h

EXERCISES = h.lessons(h.REPO / "exercises")


@pytest.mark.parametrize("notebook", EXERCISES or [None],
                         ids=[p.stem for p in EXERCISES] if EXERCISES else ["no-exercises"])
def test_exercise_outputs_accessible(notebook, lab, lesson_copy, page):
    if notebook is None:
        pytest.skip("no exercise notebooks in exercises/")
    (lesson_copy / "exercises").mkdir(exist_ok=True)
    shutil.copyfile(notebook, lesson_copy / "exercises" / notebook.name)
    name = f"exercises/{notebook.name}"
    n_code = h.code_cell_count(lesson_copy / name)
    axe.set_lab_theme(lab, "light")
    h.open_in_lab(page, lab, name, workspace=f"exercise-{notebook.stem}")
    axe.wait_theme(page, "light")
    h.run_all_cells(page, n_code)
    nb, _ = h.save_and_read(page, lab, name, n_code)
    if h.widget_outputs(nb):
        h.wait_for_widgets(page, h.widget_outputs(nb))
    seen = h.problems_on_page(page)
    scans = axe.scan_light_and_dark(page, f"exercise-{{theme}}-{notebook.stem}") if not seen else {}
    h.shutdown_sessions(lab)
    assert not seen, f"{name} in JupyterLab: " + "; ".join(seen)
    for theme, scan in scans.items():
        axe.check(scan, f"{name}, JupyterLab {theme} theme")
