"""What every plot of the kit shares: its style, its checks, and its description.

Styles are applied with context managers only, so global matplotlib settings are the
same after a call as before.  :func:`finish_plot` stores the plain-text description a
screen reader needs (``ax.kit_description``, read with :func:`kit.describe_plot`) and
gives the figure an HTML form with it as alt text (see :mod:`kit.display.figures`).
"""
from __future__ import annotations

from contextlib import contextmanager

import pandas as pd

from ..errors import InvalidArgument, WrongType, shown
from .figures import figure_html, show_figure

__all__ = ["plot_style", "new_axes", "check_table", "check_axes", "finish_plot", "format_values", "plain_text",
           "PLAIN_TEXT"]

# Text on a plot comes from data (a term, a document id, a student's name): never read as
# mathtext or LaTeX, so a "$" in it is drawn as a "$" and cannot stop the drawing.
PLAIN_TEXT = {"text.parse_math": False, "text.usetex": False}
# "axes.titley": the kit's Axes have no tick labels on top, so their title sits where
# Matplotlib would put it (1.0) without searching for them at every drawing (issue 24).
_STYLE = {"axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False, "axes.titley": 1.0,
          **PLAIN_TEXT}


@contextmanager
def plot_style():
    """The kit's plot style (seaborn whitegrid, bold titles, no top/right spines) for one ``with`` block."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    with sns.axes_style("whitegrid"), plt.rc_context(_STYLE):
        yield
        # The first figure loads the backend, and in a notebook the inline backend turns
        # interactive mode on; leaving rc_context would turn it off again, and later
        # figures would never be shown.  Keep what the backend chose.
        interactive = plt.isinteractive()
    plt.interactive(interactive)


def new_axes(ax, size):
    """``ax``, or the Axes of a new figure of ``size`` inches when ``ax`` is None."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def check_table(df, columns: list[str], func: str, maker: str) -> pd.DataFrame:
    """``df`` if it is a non-empty DataFrame with ``columns``; else a clear error naming ``maker``."""
    if not isinstance(df, pd.DataFrame):
        raise WrongType(f"{func}() takes the table made by {maker}, not a {type(df).__name__}. "
                        f"Example: kit.{func}({maker}).")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidArgument(f"{func}() needs the columns {columns}; this table lacks {missing}. "
                              f"Make it with {maker}.")
    if df.empty:
        raise InvalidArgument(f"{func}(): the table is empty, so there is nothing to draw. "
                              "Check the options that made it (min_count, top, stopwords).")
    return df


def check_axes(ax, func: str) -> None:
    """A clear error unless ``ax`` is a matplotlib Axes or None."""
    if ax is not None and not (hasattr(ax, "figure") and hasattr(ax, "barh")):
        raise WrongType(f"{func}(ax={shown(ax)}): ax is a matplotlib Axes or None, e.g. "
                        f"fig, ax = plt.subplots(); kit.{func}(table, ax=ax).")


def finish_plot(ax, title: str, xlabel: str, ylabel: str, description: str):
    """Title and labels; the description as ``ax.kit_description`` and the figure's HTML alt text."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    plain_text(ax.figure)
    ax.kit_description = description
    # Jupyter shows a figure by asking it for its richest form: give this figure an HTML
    # form with the description as alt text (JupyterLab and Voilà prefer HTML to PNG;
    # the PNG stays in the output for other front ends).  The figure shows itself, so
    # that the HTML and the PNG come from one drawing (the inline backend would draw it
    # again for its PNG: drawing is most of a plot's cost).  No global setting changes.
    fig = ax.figure
    fig._repr_html_ = lambda: figure_html(fig)
    fig._ipython_display_ = lambda: show_figure(fig)
    # At the end of the cell the inline backend would also draw every stale figure, a picture
    # nobody sees (the PNG shown comes from show_figure): marked drawn, the figure is drawn
    # once fewer, with the same PNG (issue 24).  A later change makes it stale again.
    import matplotlib

    if "inline" in str(matplotlib.get_backend()).lower():
        fig.stale = False
    return ax


def plain_text(fig) -> None:
    """Every text on ``fig`` drawn as it is: no mathtext, no LaTeX (a ``$`` from data stays a ``$``)."""
    from matplotlib.text import Text

    for item in fig.findobj(Text):
        item.set_parse_math(False)
        item.set_usetex(False)


def format_values(pairs) -> str:
    """``"china 12; korea 3.5"``: whole numbers without decimals, others with one.

    >>> format_values([("china", 12.0), ("korea", 3.5)])
    'china 12; korea 3.5'
    """
    return "; ".join(f"{k} {v:.0f}" if float(v).is_integer() else f"{k} {v:.1f}" for k, v in pairs)
