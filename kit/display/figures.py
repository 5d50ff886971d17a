"""Text alternatives for figures: what a plot shows, in words, and the figure as HTML.

Each kit ``plot_*`` function stores a short description on its Axes
(``ax.kit_description``): :func:`describe_plot` reads it (for any other Axes it falls
back on the title and axis labels), and :func:`figure_html` shows the figure as an HTML
``<figure>`` whose image has that text as its ``alt`` text and as a visible caption, so
screen readers and sighted readers get the same words.  :func:`figure_bundle` gives what
Jupyter shows (the HTML, the PNG alone for other front ends, a plain-text line) from one
drawing of the figure: drawing is most of a plot's cost.
"""
from __future__ import annotations

import base64
import html
import io
from typing import TYPE_CHECKING

from ..errors import WrongType

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["describe_plot", "figure_html", "figure_bundle", "show_figure"]


def figure_html(fig: Figure | Axes) -> str:
    """A matplotlib figure as an HTML ``<figure>``: a PNG image whose ``alt`` text is the
    kit's description of its plots, with the same text as a visible caption.

    Takes a Figure or an Axes (its figure).  Every piece of text is HTML-escaped.

    >>> import kit
    >>> ax = kit.plot_frequencies(kit.frequencies(kit.load_corpus()), top=3)
    >>> page = figure_html(ax)
    >>> page.startswith("<figure") and 'alt="Bar chart of the 3 most frequent terms' in page
    True
    """
    return figure_bundle(fig)["text/html"]


def figure_bundle(fig: Figure | Axes) -> dict[str, str]:
    """What Jupyter shows for a figure, drawn once: ``text/html`` (:func:`figure_html`),
    ``image/png`` (the same PNG, base64, for front ends without HTML) and ``text/plain``.

    >>> import kit
    >>> bundle = figure_bundle(kit.plot_frequencies(kit.frequencies(kit.load_corpus()), top=3))
    >>> sorted(bundle), f'src="data:image/png;base64,{bundle["image/png"]}"' in bundle["text/html"]
    (['image/png', 'text/html', 'text/plain'], True)
    """
    fig = getattr(fig, "figure", fig)  # an Axes -> its Figure
    if not hasattr(fig, "savefig"):
        raise WrongType(f"figure_html() takes a matplotlib Figure or Axes, not a {type(fig).__name__}.")
    texts = [describe_plot(a) for a in fig.axes if isinstance(getattr(a, "kit_description", None), str)]
    if not texts:
        texts = [describe_plot(a) for a in fig.axes[:1]] or ["An empty figure."]
    text = " ".join(texts)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor=fig.get_facecolor())
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = html.escape(text, quote=True)
    # the caption repeats the alt text for sighted readers; aria-hidden so that a screen
    # reader does not read it twice
    page = (f'<figure class="kit-figure" style="margin: 0 0 0.5em 0">'
            f'<img src="data:image/png;base64,{png}" alt="{alt}" style="max-width: 100%">'
            f'<figcaption aria-hidden="true" style="font-size: 0.9em; max-width: 46em; '
            f'color: var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))">{html.escape(text, quote=False)}'
            f"</figcaption></figure>")
    return {"text/plain": repr(fig), "image/png": png, "text/html": page}


def show_figure(fig: Figure | Axes) -> None:
    """Show a figure in Jupyter as :func:`figure_bundle` gives it: one drawing for the HTML and the PNG.

    The kit's plots use it as their ``_ipython_display_``, so the inline backend does not
    draw a second PNG of its own (``InlineBackend.figure_formats`` does not apply to them).
    """
    from IPython.display import display

    display(figure_bundle(fig), raw=True)


def describe_plot(ax: Axes) -> str:
    """A plain-text description of a plot, for screen readers and for notes.

    For a plot made by the kit, the text stored by its ``plot_*`` function (what is
    shown and the largest values).  For any other matplotlib Axes, its title and
    axis labels.

    >>> import kit
    >>> ax = kit.plot_frequencies(kit.frequencies(kit.load_corpus()), top=3)
    >>> "Highest: cho: korea" in kit.describe_plot(ax)
    True
    """
    stored = getattr(ax, "kit_description", None)
    if isinstance(stored, str):
        return stored
    if not all(hasattr(ax, name) for name in ("get_title", "get_xlabel", "get_ylabel")):
        raise WrongType(f"describe_plot() takes the Axes returned by a kit.plot_* function, not a "
                        f"{type(ax).__name__}. Example: ax = kit.plot_keyness(table); kit.describe_plot(ax).")
    return (f"A plot titled {ax.get_title() or '(untitled)'!r}; x axis: {ax.get_xlabel() or '(none)'}; "
            f"y axis: {ax.get_ylabel() or '(none)'}.")
