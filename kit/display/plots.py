"""Seaborn plots of the kit's tables, each with a plain-text description.

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

from contextlib import contextmanager
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import InvalidArgument, WrongType
from .figures import figure_html
from ..options import whole_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_frequencies", "plot_keyness", "plot_dispersion", "plot_actors", "plot_stance",
           "plot_progress"]

_STYLE = {"axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False}


@contextmanager
def _style():
    import matplotlib.pyplot as plt
    import seaborn as sns

    with sns.axes_style("whitegrid"), plt.rc_context(_STYLE):
        yield
        # The first figure loads the backend, and in a notebook the inline backend turns
        # interactive mode on; leaving rc_context would turn it off again, and later
        # figures would never be shown.  Keep what the backend chose.
        interactive = plt.isinteractive()
    plt.interactive(interactive)


def _axes(ax, size):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _check(df, columns: list[str], func: str, maker: str) -> pd.DataFrame:
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


def _check_ax(ax, func: str) -> None:
    if ax is not None and not (hasattr(ax, "figure") and hasattr(ax, "barh")):
        raise WrongType(f"{func}(ax={ax!r}): ax is a matplotlib Axes or None, e.g. "
                        f"fig, ax = plt.subplots(); kit.{func}(table, ax=ax).")


def _finish(ax, title: str, xlabel: str, ylabel: str, description: str):
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.kit_description = description
    # Jupyter shows a figure by asking it for its richest form: give this figure an HTML
    # form with the description as alt text (JupyterLab and Voilà prefer HTML to PNG;
    # the PNG stays in the output for other front ends).  No global setting changes.
    fig = ax.figure
    fig._repr_html_ = lambda: figure_html(fig)
    return ax


def _fmt(pairs) -> str:
    return "; ".join(f"{k} {v:.0f}" if float(v).is_integer() else f"{k} {v:.1f}" for k, v in pairs)


def plot_frequencies(freq: pd.DataFrame, *, top: int = 10, value: str = "per_1000", ax: Axes | None = None) -> Axes:
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
    _check_ax(ax, "plot_frequencies")
    if value not in ("per_1000", "count"):
        raise InvalidArgument(f"value={value!r}: use 'per_1000' or 'count'.")
    _check(freq, ["doc", "term", value], "plot_frequencies", "kit.frequencies(corpus)")
    import seaborn as sns

    docs = list(dict.fromkeys(freq["doc"]))
    ordered = freq.sort_values([value, "term"], ascending=[False, True])
    chosen = list(dict.fromkeys(t for d in docs for t in ordered[ordered.doc == d].term.head(top)))
    wide = freq.pivot_table(index="term", columns="doc", values=value, aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=chosen, columns=docs, fill_value=0)
    wide = wide.loc[wide.max(axis=1).sort_values(ascending=False, kind="stable").index]
    long = wide.reset_index().melt(id_vars="term", var_name="doc", value_name=value)
    label = "per 1,000 words" if value == "per_1000" else "count"
    with _style():
        ax = _axes(ax, (7, 0.35 * len(chosen) * max(1, len(docs) / 2) + 1.5))
        sns.barplot(data=long, y="term", x=value, hue="doc", hue_order=docs, orient="h",
                    palette="colorblind", saturation=1, ax=ax)
        ax.legend(title="text")
    tops = "; ".join(f"{d}: {_fmt(wide[d].sort_values(ascending=False).head(3).items())}" for d in docs)
    desc = (f"Bar chart of the {top} most frequent terms of each text ({', '.join(docs)}), {label}. "
            f"{len(chosen)} terms shown. Highest: {tops}.")
    return _finish(ax, f"Most frequent terms ({label})", label.capitalize(), "Term", desc)


def plot_keyness(key: pd.DataFrame, *, top: int = 10, value: str = "g2", ax: Axes | None = None) -> Axes:
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
    _check_ax(ax, "plot_keyness")
    if value not in ("g2", "log_ratio"):
        raise InvalidArgument(f"value={value!r}: use 'g2' or 'log_ratio'.")
    _check(key, list(dict.fromkeys(["term", value, "g2"])), "plot_keyness", "kit.keyness(target, reference)")
    import seaborn as sns

    target, reference = key.attrs.get("target", "target"), key.attrs.get("reference", "reference")
    ranked = key.sort_values(["g2", "term"], ascending=[False, True])
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
    with _style():
        ax = _axes(ax, (7, 0.32 * len(shown) + 1.5))
        sns.barplot(data=shown, y="label", x=value, hue="direction", hue_order=[side_t, side_r],
                    palette=palette, orient="h", dodge=False, saturation=1, ax=ax)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.legend(title="† expected count < 5" if "low_expected" in shown else None)
    desc = (f"Diverging bar chart of keyness ({'signed G2' if value == 'g2' else 'log ratio'}) of "
            f"{target} against {reference}. Right, {side_t}: {_fmt(zip(pos.term, pos[value])) or 'none'}. "
            f"Left, {side_r}: {_fmt(zip(neg.term[::-1], neg[value][::-1])) or 'none'}.")
    return _finish(ax, f"Key terms: {target} vs {reference}", label, "Term", desc)


def plot_dispersion(disp: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """An x-ray of where each term occurs: one lane per text and term, a tick per occurrence.

    Takes the table of :func:`kit.dispersion`; lanes for terms with no hits in a text are
    drawn empty (the terms and texts asked for travel in ``disp.attrs``).

    >>> import kit
    >>> ax = kit.plot_dispersion(kit.dispersion(kit.load_corpus(), ["China", "U.S."]))
    >>> kit.describe_plot(ax).split(".")[0]
    'Dispersion plot (x-ray) of 2 terms in cho, yang'
    """
    _check_ax(ax, "plot_dispersion")
    _check(disp, ["doc", "term", "position"], "plot_dispersion", "kit.dispersion(corpus, terms)")
    import seaborn as sns

    terms = disp.attrs.get("terms") or list(dict.fromkeys(disp.term))
    docs = disp.attrs.get("docs") or list(dict.fromkeys(disp.doc))
    lanes = [(d, t) for d in docs for t in terms]
    colours = dict(zip(docs, sns.color_palette("colorblind", len(docs))))
    with _style():
        ax = _axes(ax, (8, 0.4 * len(lanes) + 1.5))
        for y, (d, t) in enumerate(lanes):
            hits = disp[(disp.doc == d) & (disp.term == t)]
            ax.scatter(hits.position, [y] * len(hits), marker="|", s=300, color=colours[d],
                       linewidths=2)
        ax.set_yticks(range(len(lanes)), [f"{d}: {t}" for d, t in lanes])
        ax.set_ylim(len(lanes) - 0.5, -0.5)
        ax.set_xlim(0, 1)
    counts = "; ".join(f"{d}: {t} {((disp.doc == d) & (disp.term == t)).sum()}" for d, t in lanes)
    desc = (f"Dispersion plot (x-ray) of {len(terms)} terms in {', '.join(docs)}. Each tick is one "
            f"occurrence, from the start (0) to the end (1) of the text. Occurrences: {counts}.")
    return _finish(ax, "Where the terms occur", "Position in the text (0 = start, 1 = end)",
                   "Text: term", desc)


def _heatmap(df, column: str, func: str, maker: str, what: str, ax):
    _check_ax(ax, func)
    _check(df, ["doc", column, "per_1000"], func, maker)
    import seaborn as sns

    wide = df.pivot_table(index="doc", columns=column, values="per_1000", aggfunc="sum", fill_value=0)
    wide = wide[wide.sum().sort_values(ascending=False, kind="stable").index]
    with _style():
        ax = _axes(ax, (max(4.5, 2 + 0.8 * wide.shape[1]), 2 + 0.6 * wide.shape[0]))
        sns.heatmap(wide, annot=True, fmt=".1f", cmap="cividis", linewidths=0.5, ax=ax,
                    cbar_kws={"label": "per 1,000 words"})
        ax.tick_params(axis="x", rotation=45)
        ax.tick_params(axis="y", rotation=0)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
    rows = "; ".join(f"{d}: {_fmt(wide.loc[d][wide.loc[d] > 0].sort_values(ascending=False).head(3).items()) or 'none'}"
                     for d in wide.index)
    desc = (f"Heatmap of {what} per 1,000 words: {wide.shape[0]} texts by {wide.shape[1]} "
            f"{what}. Highest per text: {rows}.")
    return ax, desc


def plot_actors(actors: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Heatmap: texts (rows) by actors (columns), mentions per 1,000 words.

    Takes ``kit.actors(corpus, by="doc")`` (columns ``doc, actor, count, per_1000``).

    >>> import kit, pandas as pd
    >>> table = pd.DataFrame({"doc": ["a", "b"], "actor": ["China", "China"],
    ...                       "count": [3, 1], "per_1000": [30.0, 5.0]})
    >>> kit.describe_plot(plot_actors(table)).split(".")[0]
    'Heatmap of actors per 1,000 words: 2 texts by 1 actors'
    """
    ax, desc = _heatmap(actors, "actor", "plot_actors", 'kit.actors(corpus, by="doc")', "actors", ax)
    return _finish(ax, "Who is mentioned (per 1,000 words)", "Actor", "Text", desc)


def plot_stance(stance: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Heatmap: texts (rows) by stance categories (columns), markers per 1,000 words.

    Takes ``kit.stance(corpus, by="doc")`` (columns ``doc, category, count, per_1000``).

    >>> import kit, pandas as pd
    >>> table = pd.DataFrame({"doc": ["a", "a"], "category": ["hedge", "booster"],
    ...                       "count": [2, 1], "per_1000": [20.0, 10.0]})
    >>> kit.describe_plot(plot_stance(table)).split(".")[0]
    'Heatmap of stance categories per 1,000 words: 1 texts by 2 stance categories'
    """
    ax, desc = _heatmap(stance, "category", "plot_stance", 'kit.stance(corpus, by="doc")',
                        "stance categories", ax)
    return _finish(ax, "Stance markers (per 1,000 words)", "Category", "Text", desc)


_RESULTS = ["correct", "partial", "incorrect"]


def plot_progress(df: pd.DataFrame | None = None, *, ax=None):
    """Questions per quiz by their best result so far (from :func:`kit.progress`); returns the Axes.

    With no table, your saved progress is read (``kit.plot_progress()``).

    >>> ax = plot_progress(pd.DataFrame({"quiz": ["demo", "demo"], "question": ["q1", "q1"],
    ...                                  "status": ["incorrect", "correct"]}))
    >>> ax.get_xlabel()
    'questions'
    """
    import seaborn as sns

    if df is None:
        from ..assessment.progress import progress

        df = progress()
    if not isinstance(df, pd.DataFrame) or not {"quiz", "question", "status"} <= set(df.columns):
        raise WrongType("plot_progress() takes the table made by kit.progress() (columns quiz, question, "
                        "status), or nothing to read your saved progress.")
    done = df[df["status"].isin(_RESULTS)].copy()
    with _style():
        ax = _axes(ax, (7.5, 1.2 + 0.6 * max(1, done["quiz"].nunique())))
        if done.empty:
            ax.set_yticks([])
            return _finish(ax, "No attempts saved yet: answer a quiz first", "questions", "quiz",
                           "An empty chart: no marked quiz or exercise attempts are saved yet.")
        done["rank"] = done["status"].map({s: i for i, s in enumerate(_RESULTS)})
        best = done.sort_values("rank").drop_duplicates(["quiz", "question"])
        counts = best.groupby(["quiz", "status"]).size().rename("questions").reset_index()
        sns.barplot(data=counts, y="quiz", x="questions", hue="status", hue_order=_RESULTS,
                    palette=dict(zip(_RESULTS, sns.color_palette("colorblind", 3))), ax=ax)
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), title="best result", frameon=False)
    summary = "; ".join(f"{quiz}: " + ", ".join(f"{n} {status}" for status, n in zip(g["status"], g["questions"]))
                        for quiz, g in counts.groupby("quiz", sort=False))
    return _finish(ax, "Best result per question so far", "questions", "quiz",
                   f"Bar chart of questions per quiz by their best result so far. {summary}.")
