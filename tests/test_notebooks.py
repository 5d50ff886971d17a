"""Every lesson and exercise notebook runs top to bottom in a fresh kernel, is committed
without outputs, and has the shape of a lesson (goals, time, quiz, going further)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb")) + sorted((ROOT / "exercises" / "solutions").glob("*.ipynb"))
ALL = LESSONS + EXERCISES


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def test_there_are_lessons():
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in LESSONS


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_committed_without_outputs(path):
    dirty = [i for i, c in enumerate(_cells(path))
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{_id(path)}: cells {dirty} carry outputs; clear them before committing"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lesson_shape(path):
    cells = _cells(path)
    first = _source(cells[0]).lower()
    assert cells[0]["cell_type"] == "markdown"
    assert "goals" in first or "you will" in first, "first cell states learning goals"
    assert re.search(r"\d+\s*(minutes|min)\b", first), "first cell gives a time estimate"
    code = "\n".join(_source(c) for c in cells if c["cell_type"] == "code")
    assert "kit.quiz(" in code, "the lesson ends with a quiz"
    headings = [_source(c).lower() for c in cells if c["cell_type"] == "markdown"]
    assert any("going further" in h for h in headings[-3:]), "a 'Going further' section near the end"
    long_cells = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and len(_source(c).splitlines()) > 15]
    assert not long_cells, f"code cells {long_cells} are long; keep lesson code cells short"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_runs_top_to_bottom_in_a_fresh_kernel(path, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [
        (i, out.get("ename"), out.get("evalue"))
        for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "error"
    ]
    assert not errors, f"{_id(path)}: error outputs {errors}"
    stderr = [
        (i, out.get("text", "")[:300])
        for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr" and "Traceback" in out.get("text", "")
    ]
    assert not stderr, f"{_id(path)}: tracebacks on stderr {stderr}"
    # Every cell that draws with the kit shows its figure (a figure that is made but
    # never displayed raises no error, so look for the image itself).  A plot under an
    # `if` (e.g. only when there is saved progress) may rightly draw nothing.
    blank = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and "kit.plot_" in cell.source
             and not cell.source.lstrip().startswith("if ")
             and not any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))]
    assert not blank, f"{_id(path)}: cells {blank} draw a plot but show no image"
