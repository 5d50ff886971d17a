"""kit.display.plots, heatmaps and plotting: the right data drawn, labelled, described, nothing clipped, rcParams untouched."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # this test module only: no window, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402

import kit  # noqa: E402
from kit import InvalidArgument, WrongType  # noqa: E402

COLORBLIND = [to_rgb(c) for c in sns.color_palette("colorblind")]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _actors_table():
    # hand-made in the column contract of kit.actors(corpus, by="doc"); "Russia" is not
    # mentioned in b, so its cell must be drawn as 0
    return pd.DataFrame({
        "doc": ["a", "a", "b"],
        "actor": ["China", "Russia", "China"],
        "count": [3, 1, 2],
        "per_1000": [30.0, 10.0, 5.0],
    })


def _stance_table():
    return pd.DataFrame({
        "doc": ["a", "a", "b", "b"],
        "category": ["hedge", "booster", "hedge", "booster"],
        "count": [2, 1, 4, 0],
        "per_1000": [20.0, 10.0, 8.0, 0.0],
    })


def _all_plots(corpus):
    return [
        (kit.plot_frequencies, kit.frequencies(corpus)),
        (kit.plot_keyness, kit.keyness(corpus["cho"], corpus["yang"])),
        (kit.plot_dispersion, kit.dispersion(corpus, ["China", "North Korea"])),
        (kit.plot_actors, _actors_table()),
        (kit.plot_stance, _stance_table()),
    ]


def test_every_plot_is_titled_labelled_described_and_leaves_rcparams(corpus):
    for func, table in _all_plots(corpus):
        before = dict(matplotlib.rcParams)
        ax = func(table)
        assert dict(matplotlib.rcParams) == before, f"{func.__name__} changed rcParams"
        assert isinstance(ax, matplotlib.axes.Axes)
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel(), func.__name__
        text = kit.describe_plot(ax)
        assert isinstance(text, str) and len(text) > 40 and text == ax.kit_description


def test_nothing_clipped(corpus):
    for func, table in _all_plots(corpus):
        ax = func(table)
        fig = ax.figure
        fig.canvas.draw()
        # everything drawn (titles, labels, tick labels, legend, colour bar) fits the canvas
        drawn = fig.get_tightbbox(fig.canvas.get_renderer())
        page = fig.bbox_inches
        tol = 0.02  # inches
        assert drawn.x0 >= page.x0 - tol and drawn.x1 <= page.x1 + tol, func.__name__
        assert drawn.y0 >= page.y0 - tol and drawn.y1 <= page.y1 + tol, func.__name__


def test_title_above_everything_in_the_axes(corpus):
    # the kit fixes the title at y = 1.0 (rc axes.titley) instead of letting Matplotlib search
    # for tick labels on top at every drawing: only right while no plot puts anything up there
    for func, table in _all_plots(corpus):
        ax = func(table)
        fig = ax.figure
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        title = ax.title.get_window_extent(renderer)
        below = [ax.get_window_extent(renderer)] + [t.get_window_extent(renderer) for t in ax.get_xticklabels()
                                                     + ax.get_yticklabels() if t.get_text()]
        assert all(title.y0 >= b.y1 - 0.5 for b in below), func.__name__


def test_draws_on_the_axes_given(corpus):
    fig, ax = plt.subplots()
    n = len(plt.get_fignums())
    assert kit.plot_keyness(kit.keyness(corpus["cho"], corpus["yang"]), ax=ax) is ax
    assert len(plt.get_fignums()) == n  # no new figure


def test_frequencies_bars(corpus):
    ax = kit.plot_frequencies(kit.frequencies(corpus), top=3)
    # cho's and yang's top three are both korea, north, china (test_frequency.py) -> 3 terms
    assert [t.get_text() for t in ax.get_yticklabels()] == ["korea", "north", "china"]
    widths = sorted(round(p.get_width(), 3) for p in ax.patches if p.get_height() > 0)
    # china: cho 9 of 363 tokens -> 24.793; korea/north: cho 12/363 -> 33.058, yang 24/757 -> 31.704
    assert round(9 / 363 * 1000, 3) in widths
    assert round(24 / 757 * 1000, 3) in widths
    colours = {to_rgb(p.get_facecolor()) for p in ax.patches if p.get_height() > 0}
    assert colours <= set(COLORBLIND) and len(colours) == 2


def test_keyness_diverges_with_two_colours(corpus):
    ax = kit.plot_keyness(kit.keyness(corpus["cho"], corpus["yang"]), top=3)
    bars = [p for p in ax.patches if p.get_height() > 0 and p.get_width() != 0]
    assert len(bars) == 6  # 3 each way
    right = {to_rgb(p.get_facecolor()) for p in bars if p.get_width() > 0}
    left = {to_rgb(p.get_facecolor()) for p in bars if p.get_width() < 0}
    assert len(right) == len(left) == 1 and right != left and right | left <= set(COLORBLIND)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # "u.s." is the strongest key word of yang (15 vs 0): last bar, flagged low expected
    assert labels[-1] == "u.s. †"
    assert "u.s." in kit.describe_plot(ax)
    ratio = kit.plot_keyness(kit.keyness(corpus["cho"], corpus["yang"]), value="log_ratio")
    assert "log ratio" in ratio.get_xlabel()


def test_dispersion_lanes(corpus):
    disp = kit.dispersion(corpus, ["China", "United States"])
    ax = kit.plot_dispersion(disp)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # "United States" never occurs in yang (it writes "U.S."): its lane is drawn, empty
    assert labels == ["cho: China", "cho: United States", "yang: China", "yang: United States"]
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == len(disp)  # 9 + 4 in cho, 18 in yang
    assert "yang: United States 0" in kit.describe_plot(ax)


def test_heatmaps_from_hand_made_tables():
    ax = kit.plot_actors(_actors_table())
    cells = [t.get_text() for t in ax.texts]
    # rows a, b; columns sorted by total: China (35), Russia (10)
    assert cells == ["30.0", "10.0", "5.0", "0.0"]
    assert "a: China 30; Russia 10" in kit.describe_plot(ax)
    ax = kit.plot_stance(_stance_table())
    assert [t.get_text() for t in ax.texts] == ["20.0", "10.0", "8.0", "0.0"]
    assert "b: hedge 8" in kit.describe_plot(ax)


def test_describe_plain_axes_and_bad_input(corpus):
    fig, ax = plt.subplots()
    ax.set_title("Mine")
    assert "Mine" in kit.describe_plot(ax)
    with pytest.raises(WrongType):
        kit.describe_plot("a plot")
    with pytest.raises(WrongType, match="kit.frequencies"):
        kit.plot_frequencies([1, 2, 3])
    with pytest.raises(InvalidArgument, match="per_1000"):
        kit.plot_actors(pd.DataFrame({"doc": ["a"], "actor": ["China"]}))
    with pytest.raises(InvalidArgument, match="empty"):
        kit.plot_keyness(kit.keyness(corpus["cho"], corpus["yang"]).iloc[0:0])
    with pytest.raises(InvalidArgument, match="value"):
        kit.plot_frequencies(kit.frequencies(corpus), value="g2")
