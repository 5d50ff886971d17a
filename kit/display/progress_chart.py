"""A student's progress as a chart: questions per quiz by their best result so far.

The table comes from the assessment layer (:func:`kit.progress`); the function students
call, :func:`kit.plot_progress`, lives there too (with no table it reads the saved
attempts) and draws with :func:`progress_chart`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import WrongType
from .plotting import check_axes, finish_plot, new_axes, plot_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["progress_chart"]


def progress_chart(data: pd.DataFrame, *, results: Sequence[str], ax: Axes | None = None) -> Axes:
    """Bars of questions per quiz by their best result so far; returns the Axes.

    ``data`` has the columns ``quiz, question, status`` (the table of :func:`kit.progress`);
    ``results`` are the marked statuses, best first (the attempt log's vocabulary, given by
    the caller: other statuses are not drawn).

    >>> ax = progress_chart(pd.DataFrame({"quiz": ["demo", "demo"], "question": ["q1", "q1"],
    ...                                   "status": ["incorrect", "correct"]}),
    ...                     results=("correct", "partial", "incorrect"))
    >>> ax.kit_description
    'Bar chart of questions per quiz by their best result so far. demo: 1 correct.'
    """
    if not isinstance(data, pd.DataFrame) or not {"quiz", "question", "status"} <= set(data.columns):
        raise WrongType("plot_progress() takes the table made by kit.progress() (columns quiz, question, "
                        "status), or nothing to read your saved progress.")
    check_axes(ax, "plot_progress")
    import seaborn as sns

    results = list(results)
    done = data[data["status"].isin(results)].copy()
    with plot_style():
        ax = new_axes(ax, (7.5, 1.2 + 0.6 * max(1, done["quiz"].nunique())))
        if done.empty:
            ax.set_yticks([])
            return finish_plot(ax, "No attempts saved yet: answer a quiz first", "questions", "quiz",
                               "An empty chart: no marked quiz or exercise attempts are saved yet.")
        done["rank"] = done["status"].map({s: i for i, s in enumerate(results)})
        best = done.sort_values("rank").drop_duplicates(["quiz", "question"])
        counts = best.groupby(["quiz", "status"]).size().rename("questions").reset_index()
        sns.barplot(data=counts, y="quiz", x="questions", hue="status", hue_order=results,
                    palette=dict(zip(results, sns.color_palette("colorblind", 3))), ax=ax)
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), title="best result", frameon=False)
    summary = "; ".join(f"{quiz}: " + ", ".join(f"{n} {status}" for status, n in zip(g["status"], g["questions"]))
                        for quiz, g in counts.groupby("quiz", sort=False))
    return finish_plot(ax, "Best result per question so far", "questions", "quiz",
                       f"Bar chart of questions per quiz by their best result so far. {summary}.")
