"""Seaborn plots of the word tables: :func:`plot_frequencies`, :func:`plot_keyness`,
:func:`plot_dispersion` (heatmaps of actors and stance: :mod:`kit.display.heatmaps`).

Every ``plot_*`` function takes the DataFrame made by the matching kit function,
draws on ``ax=`` (or on a new figure), and returns the Axes.  Colours come from
seaborn's colour-blind-safe ``"colorblind"`` palette (heatmaps: ``"cividis"``).
Styles are applied with context managers only, so global matplotlib settings are
the same after a call as before.

Screen readers cannot see a picture, so each function also stores a short text
saying what the plot shows and its largest values: read it with
:func:`kit.describe_plot` (``kit.describe_plot(ax)``), or as ``ax.kit_description``.
In Jupyter the figure is shown as an HTML ``<figure>``: the picture with that text as
its ``alt`` text, and the same text as a visible caption (see :mod:`kit.display.figures`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..errors import InvalidArgument
from ..options import choice, renamed_options, whole_number
from .plotting import check_axes, check_table, finish_plot, format_values, new_axes, plot_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_frequencies", "plot_keyness", "plot_dispersion"]


@renamed_options(freq="data")
def plot_frequencies(data: pd.DataFrame, *, top: int = 10, value: str = "per_1000", ax: Axes | None = None) -> Axes:
    """Grouped bars of the ``top`` terms of each document, side by side.

    Give the full table of :func:`kit.frequencies` (not one cut with ``top=``): a term
    that is in one document's top list shows its value in the other document too
    (0 when absent).  ``value`` is ``"per_1000"`` (default, fair between texts of
    different length) or ``"count"``.

    >>> import kit
    >>> ax = kit.plot_frequencies(kit.frequencies(kit.load_corpus()), top=5)
    >>> kit.describe_plot(ax).split(".")[0]
    'Bar chart of the 5 most frequent terms of each text (cho, yang), per 1,000 words'
    """
    whole_number(top, "top", "plot_frequencies", low=1, high=100, example="kit.plot_frequencies(freq, top=10)")
    check_axes(ax, "plot_frequencies")
    choice(value, "value", "plot_frequencies", ("per_1000", "count"))
    check_table(data, ["doc", "term", value], "plot_frequencies", "kit.frequencies(corpus)")
    import seaborn as sns

    docs = list(dict.fromkeys(data["doc"]))
    ordered = data.sort_values([value, "term"], ascending=[False, True])
    chosen = list(dict.fromkeys(t for d in docs for t in ordered[ordered.doc == d].term.head(top)))
    wide = data.pivot_table(index="term", columns="doc", values=value, aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=chosen, columns=docs, fill_value=0)
    wide = wide.loc[wide.max(axis=1).sort_values(ascending=False, kind="stable").index]
    long = wide.reset_index().melt(id_vars="term", var_name="doc", value_name=value)
    label = "per 1,000 words" if value == "per_1000" else "count"
    with plot_style():
        ax = new_axes(ax, (7, 0.35 * len(chosen) * max(1, len(docs) / 2) + 1.5))
        sns.barplot(data=long, y="term", x=value, hue="doc", hue_order=docs, orient="h",
                    palette="colorblind", saturation=1, ax=ax)
        ax.legend(title="text")
    tops = "; ".join(f"{d}: {format_values(wide[d].sort_values(ascending=False).head(3).items())}" for d in docs)
    desc = (f"Bar chart of the {top} most frequent terms of each text ({', '.join(docs)}), {label}. "
            f"{len(chosen)} terms shown. Highest: {tops}.")
    return finish_plot(ax, f"Most frequent terms ({label})", label.capitalize(), "Term", desc)


@renamed_options(key="data")
def plot_keyness(data: pd.DataFrame, *, top: int = 10, value: str = "g2", ax: Axes | None = None) -> Axes:
    """Diverging bars: the ``top`` key terms of the target (right) and of the reference (left).

    ``value`` is ``"g2"`` (signed log-likelihood, default) or ``"log_ratio"`` (effect
    size).  Bars are coloured by direction; terms with an expected count below 5
    are marked with a dagger (†) in their label.

    >>> import kit
    >>> c = kit.load_corpus()
    >>> ax = kit.plot_keyness(kit.keyness(c["cho"], c["yang"]), top=3)
    >>> kit.describe_plot(ax).split(".")[0]
    'Diverging bar chart of keyness (signed G2) of cho against yang'
    """
    whole_number(top, "top", "plot_keyness", low=1, high=100, example="kit.plot_keyness(key, top=10)")
    check_axes(ax, "plot_keyness")
    choice(value, "value", "plot_keyness", ("g2", "log_ratio"))
    check_table(data, list(dict.fromkeys(["term", value, "g2"])), "plot_keyness", "kit.keyness(target, reference)")
    import seaborn as sns

    target, reference = data.attrs.get("target", "target"), data.attrs.get("reference", "reference")
    ranked = data.sort_values(["g2", "term"], ascending=[False, True])
    pos, neg = ranked[ranked.g2 > 0].head(top), ranked[ranked.g2 < 0].tail(top)
    shown = pd.concat([pos, neg]).sort_values(value, ascending=False).copy()
    side_t, side_r = f"more in {target}", f"more in {reference}"
    shown["direction"] = [side_t if g > 0 else side_r for g in shown.g2]
    if "low_expected" in shown:
        shown["label"] = [t + (" †" if low else "") for t, low in zip(shown.term, shown.low_expected)]
    else:
        shown["label"] = shown.term
    palette = dict(zip([side_t, side_r], sns.color_palette("colorblind", 2)))
    label = "signed G2 (log-likelihood)" if value == "g2" else "log ratio (log2 of relative frequencies)"
    with plot_style():
        ax = new_axes(ax, (7, 0.32 * len(shown) + 1.5))
        sns.barplot(data=shown, y="label", x=value, hue="direction", hue_order=[side_t, side_r],
                    palette=palette, orient="h", dodge=False, saturation=1, ax=ax)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.legend(title="† expected count < 5" if "low_expected" in shown else None)
    desc = (f"Diverging bar chart of keyness ({'signed G2' if value == 'g2' else 'log ratio'}) of "
            f"{target} against {reference}. Right, {side_t}: {format_values(zip(pos.term, pos[value])) or 'none'}. "
            f"Left, {side_r}: {format_values(zip(neg.term[::-1], neg[value][::-1])) or 'none'}.")
    return finish_plot(ax, f"Key terms: {target} vs {reference}", label, "Term", desc)


@renamed_options(disp="data")
def plot_dispersion(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """An x-ray of where each term occurs: one lane per text and term, a tick per occurrence.

    Takes the table of :func:`kit.dispersion`; lanes for terms with no hits in a text are
    drawn empty (the terms and texts asked for travel in ``data.attrs``).

    >>> import kit
    >>> ax = kit.plot_dispersion(kit.dispersion(kit.load_corpus(), ["China", "U.S."]))
    >>> kit.describe_plot(ax).split(".")[0]
    'Dispersion plot (x-ray) of 2 terms in cho, yang'
    """
    check_axes(ax, "plot_dispersion")
    check_table(data, ["doc", "term", "position"], "plot_dispersion", "kit.dispersion(corpus, query)")
    import seaborn as sns

    terms = data.attrs.get("terms") or list(dict.fromkeys(data.term))
    docs = data.attrs.get("docs") or list(dict.fromkeys(data.doc))
    lanes = [(d, t) for d in docs for t in terms]
    colours = dict(zip(docs, sns.color_palette("colorblind", len(docs))))
    with plot_style():
        ax = new_axes(ax, (8, 0.4 * len(lanes) + 1.5))
        for y, (d, t) in enumerate(lanes):
            hits = data[(data.doc == d) & (data.term == t)]
            ax.scatter(hits.position, [y] * len(hits), marker="|", s=300, color=colours[d],
                       linewidths=2)
        ax.set_yticks(range(len(lanes)), [f"{d}: {t}" for d, t in lanes])
        ax.set_ylim(len(lanes) - 0.5, -0.5)
        ax.set_xlim(0, 1)
    counts = "; ".join(f"{d}: {t} {((data.doc == d) & (data.term == t)).sum()}" for d, t in lanes)
    desc = (f"Dispersion plot (x-ray) of {len(terms)} terms in {', '.join(docs)}. Each tick is one "
            f"occurrence, from the start (0) to the end (1) of the text. Occurrences: {counts}.")
    return finish_plot(ax, "Where the terms occur", "Position in the text (0 = start, 1 = end)",
                   "Text: term", desc)
