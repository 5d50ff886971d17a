"""Heatmaps of texts by categories, per 1,000 words: :func:`plot_actors`, :func:`plot_stance`.

Each takes the ``by="doc"`` table of its kit function and stores a plain-text description
(:func:`kit.describe_plot`); colours use seaborn's colour-blind-safe ``"cividis"`` map.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..options import renamed_options
from .plotting import check_axes, check_table, finish_plot, format_values, new_axes, plot_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_actors", "plot_stance", "heatmap"]


def heatmap(df, column: str, func: str, maker: str, what: str, ax):
    """Draw ``df`` as texts (rows) by ``column`` (columns), per 1,000 words: (Axes, description)."""
    check_axes(ax, func)
    check_table(df, ["doc", column, "per_1000"], func, maker)
    import seaborn as sns

    wide = df.pivot_table(index="doc", columns=column, values="per_1000", aggfunc="sum", fill_value=0)
    wide = wide[wide.sum().sort_values(ascending=False, kind="stable").index]
    with plot_style():
        ax = new_axes(ax, (max(4.5, 2 + 0.8 * wide.shape[1]), 2 + 0.6 * wide.shape[0]))
        sns.heatmap(wide, annot=True, fmt=".1f", cmap="cividis", linewidths=0.5, ax=ax,
                    cbar_kws={"label": "per 1,000 words"})
        ax.tick_params(axis="x", rotation=45)
        ax.tick_params(axis="y", rotation=0)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
    rows = "; ".join(f"{d}: {format_values(wide.loc[d][wide.loc[d] > 0].sort_values(ascending=False).head(3).items()) or 'none'}"
                     for d in wide.index)
    desc = (f"Heatmap of {what} per 1,000 words: {wide.shape[0]} texts by {wide.shape[1]} "
            f"{what}. Highest per text: {rows}.")
    return ax, desc


@renamed_options(actors="data")
def plot_actors(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Heatmap: texts (rows) by actors (columns), mentions per 1,000 words.

    Takes ``kit.actors(corpus, by="doc")`` (columns ``doc, actor, count, per_1000``).

    >>> import kit, pandas as pd
    >>> table = pd.DataFrame({"doc": ["a", "b"], "actor": ["China", "China"],
    ...                       "count": [3, 1], "per_1000": [30.0, 5.0]})
    >>> kit.describe_plot(plot_actors(table)).split(".")[0]
    'Heatmap of actors per 1,000 words: 2 texts by 1 actors'
    """
    ax, desc = heatmap(data, "actor", "plot_actors", 'kit.actors(corpus, by="doc")', "actors", ax)
    return finish_plot(ax, "Who is mentioned (per 1,000 words)", "Actor", "Text", desc)


@renamed_options(stance="data")
def plot_stance(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Heatmap: texts (rows) by stance categories (columns), markers per 1,000 words.

    Takes ``kit.stance(corpus, by="doc")`` (columns ``doc, category, count, per_1000``).

    >>> import kit, pandas as pd
    >>> table = pd.DataFrame({"doc": ["a", "a"], "category": ["hedge", "booster"],
    ...                       "count": [2, 1], "per_1000": [20.0, 10.0]})
    >>> kit.describe_plot(plot_stance(table)).split(".")[0]
    'Heatmap of stance categories per 1,000 words: 1 texts by 2 stance categories'
    """
    ax, desc = heatmap(data, "category", "plot_stance", 'kit.stance(corpus, by="doc")',
                        "stance categories", ax)
    return finish_plot(ax, "Stance markers (per 1,000 words)", "Category", "Text", desc)
