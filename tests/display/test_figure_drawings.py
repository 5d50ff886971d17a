"""A kit plot in a notebook is drawn as few times as its PNG needs (issue 24), and shows the same PNG."""
from __future__ import annotations

import json
import subprocess
import sys

# One IPython cell with the inline backend, as in a lesson: the figure is shown by the kit's
# own savefig (show_figure), so pyplot's end-of-cell drawing of stale figures is wasted work.
SCRIPT = r"""
import json, os, sys
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
from IPython.core.interactiveshell import InteractiveShell
import matplotlib.figure
draws = []
original = matplotlib.figure.Figure.draw
def counted(self, renderer):
    draws.append(1)
    return original(self, renderer)
matplotlib.figure.Figure.draw = counted
shown = []
sh = InteractiveShell.instance()
sh.display_pub.publish = lambda data, **kw: shown.append(data)
sh.run_cell("%matplotlib inline")
sh.run_cell("import kit; freq = kit.frequencies(kit.load_corpus())")
if sys.argv[1] == "stale":  # as before: the figure left stale, drawn at the end of the cell too
    import kit.display.plotting as P
    finish = P.finish_plot
    def stale_finish(ax, *a, **k):
        out = finish(ax, *a, **k)
        ax.figure.stale = True
        return out
    P.finish_plot = stale_finish
    import kit.display.plots
    kit.display.plots.finish_plot = stale_finish
draws.clear()
result = sh.run_cell("ax = kit.plot_frequencies(freq, top=5)")
assert result.success, result.error_in_exec
print(json.dumps({"draws": len(draws), "png": [d.get("image/png") for d in shown if "image/png" in d]}))
"""


def _run(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_kit_plot_in_a_notebook_is_drawn_once_fewer_with_the_same_png():
    now, before = _run("marked"), _run("stale")
    # before: pyplot's end-of-cell drawing, then savefig's layout pass and its drawing (3);
    # now the end-of-cell drawing is skipped
    assert before["draws"] == 3
    assert now["draws"] == 2
    assert len(now["png"]) == 1 and now["png"] == before["png"]
