"""Executing the lesson series, compared with its floor.

    python benchmarks/bench_notebooks.py [--repeats 3] [--exercises] [--only 02 ...]

Every lesson in notebooks/ is run top to bottom in a fresh kernel with nbclient, as
tests/lessons/test_notebooks.py does (kernel start, all cells, kernel shutdown).  The floor of
one lesson is a notebook that starts a bare kernel and imports the fixed stack every
lesson needs (pandas, matplotlib with the inline backend, seaborn, ipywidgets, nltk):
no lesson can cost less.  Floor and lessons run side by side, interleaved (floor,
lesson 00, floor, lesson 01, ...) so that load on the machine hits both alike; each
figure is the median of ``--repeats`` runs.  A bare-kernel notebook (``1 + 1``) is
reported for reference.

Targets: series <= 1.2 x (number of notebooks x floor) (issue 13); each lesson <= 1.3 x the
floor run just before it, median of the rounds (issue 24; min / median / max are printed).
The floor imports the whole stack, but only a lesson that draws (02) imports matplotlib and
seaborn (about 0.8 s of the floor here): the others meet it with that much to spare.
``--only`` runs the notebooks whose name contains one of the words given.
The last line is machine-readable (``BENCH {json}``) for benchmarks/run.py.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_FACTOR = 1.2
STACK = "import pandas, matplotlib.pyplot, seaborn, ipywidgets, nltk"


LESSON_FACTOR = 1.3  # each lesson <= 1.3 x its own floor (issue 24)


def execute(nb, cwd: Path) -> float:
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    t0 = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - t0
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    if errors:
        raise SystemExit(f"a notebook raised {errors[0].get('ename')}: {errors[0].get('evalue')}")
    return seconds


def cell_seconds(nb) -> list[tuple[float, int, str]]:
    """(seconds, cell index, first line) of each code cell, from nbclient's timing metadata."""
    from datetime import datetime

    def when(stamp: str) -> datetime:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    out = []
    for i, cell in enumerate(nb.cells):
        ex = cell.get("metadata", {}).get("execution", {})
        if cell.cell_type == "code" and "iopub.status.busy" in ex and "iopub.status.idle" in ex:
            seconds = (when(ex["iopub.status.idle"]) - when(ex["iopub.status.busy"])).total_seconds()
            out.append((seconds, i, (cell.source.splitlines() or [""])[0][:60]))
    return out


def bare_notebook(source: str = "1 + 1"):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source)]
    return nb


def floor_notebook():
    """A bare kernel importing the fixed stack: the least a lesson can cost."""
    return bare_notebook(STACK)


def main() -> None:
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--exercises", action="store_true", help="also run exercises/ (student versions)")
    parser.add_argument("--only", nargs="+", metavar="WORD", help="only the notebooks whose name contains a WORD")
    args = parser.parse_args()
    os.environ["KIT_PROGRESS_DIR"] = tempfile.mkdtemp(prefix="bench-notebooks-")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if args.exercises:
        paths += sorted((ROOT / "exercises").glob("*.ipynb"))
    if args.only:
        paths = [p for p in paths if any(word in p.stem for word in args.only)]
    if not paths:
        raise SystemExit("no notebooks found in notebooks/")

    execute(floor_notebook(), ROOT)  # warm-up: file cache, .pyc files (not counted)
    bare = statistics.median(execute(bare_notebook(), ROOT) for _ in range(args.repeats))
    per = {p: [] for p in paths}
    per_ratio = {p: [] for p in paths}  # each lesson / the floor run just before it
    floors, series, cells = [], [], []
    for _ in range(args.repeats):
        total, floor_total, cells = 0.0, 0.0, []
        for p in paths:  # side by side: the floor, then the lesson
            one_floor = execute(floor_notebook(), ROOT)
            floor_total += one_floor
            nb = nbformat.read(p, as_version=4)
            seconds = execute(nb, p.parent)
            per[p].append(seconds)
            per_ratio[p].append(seconds / one_floor)
            total += seconds
            cells += [(sec, p.stem, i, line) for sec, i, line in cell_seconds(nb)]
        series.append(total)
        floors.append(floor_total)
    series_median = statistics.median(series)
    floor_median = statistics.median(floors)  # N x floor, measured
    floor_one = floor_median / len(paths)
    budget = TARGET_FACTOR * floor_median
    ratio = series_median / floor_median
    ok = series_median <= budget

    print(f"median of {args.repeats} runs, seconds (fresh kernel per notebook, nbclient)")
    print(f"{'notebook':<40} {'seconds':>8} {'x floor':>7}   each run / the floor just before it: min median max")
    print(f"{'(bare kernel: one cell, 1 + 1)':<40} {bare:>8.2f} {bare / floor_one:>7.2f}")
    print(f"{'(floor: kernel + ' + STACK[7:] + ')':<40} {floor_one:>8.2f} {1:>7.2f}")
    for p in paths:
        med, ratios = statistics.median(per[p]), per_ratio[p]
        mid = statistics.median(ratios)
        print(f"{str(p.relative_to(ROOT)):<40} {med:>8.2f} {med / floor_one:>7.2f}   {min(ratios):.2f} {mid:.2f} "
              f"{max(ratios):.2f} {'meets' if mid <= LESSON_FACTOR else 'MISSES'} <= {LESSON_FACTOR} x")
    print(f"series of {len(paths)} notebooks: median {series_median:.2f} s = {ratio:.2f} x its floor "
          f"({len(paths)} x {floor_one:.2f} s = {floor_median:.2f} s); target <= {TARGET_FACTOR} x, i.e. "
          f"{budget:.2f} s: {'meets' if ok else 'MISSES'} the target")
    print("slowest cells (last run): " + "; ".join(
        f"{stem} cell {i} {line!r} {sec:.2f} s" for sec, stem, i, line in sorted(cells, reverse=True)[:5]))
    print("BENCH " + json.dumps({"bench": "notebooks", "metrics": [
        {"measure": "bare-kernel notebook", "median": bare, "unit": "s", "target": None, "ok": None,
         "note": "kernel start + 1 cell + shutdown"},
        {"measure": "floor: kernel + fixed stack imports", "median": floor_one, "unit": "s", "target": None,
         "ok": None, "note": "pandas, matplotlib, seaborn, ipywidgets, nltk"},
        {"measure": f"series of {len(paths)} notebooks", "median": series_median, "unit": "s",
         "target": budget, "ok": ok,
         "note": f"{ratio:.2f} x its floor (n x floor, side by side); target {TARGET_FACTOR} x"},
    ] + [
        {"measure": f"{p.stem} / its floor", "median": statistics.median(per_ratio[p]), "unit": "x",
         "min": min(per_ratio[p]), "max": max(per_ratio[p]), "target": LESSON_FACTOR,
         "ok": statistics.median(per_ratio[p]) <= LESSON_FACTOR, "note": "each run beside its own floor"}
        for p in paths]}))


if __name__ == "__main__":
    main()
