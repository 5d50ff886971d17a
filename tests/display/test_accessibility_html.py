"""The HTML the kit emits, checked without a browser: ARIA attributes, names, escaping,
theme colours (JupyterLab CSS variables) and no fixed low-contrast greys.

The browser tests (tests/browser/, axe-core) check the same things as rendered; these
catch a regression in seconds.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

import kit
from kit.display.figures import figure_html
from kit.display.tables import accessible_tables, table_html
from kit.widgets.controls import FOCUS_CSS, AriaPatch
from kit.widgets.quiz import aria_rules, render_feedback

# fixed colours the issue measured below 4.5:1 on white or on JupyterLab Dark's #111
LOW_CONTRAST = re.compile(r"color:\s*#(888|666|555|444|a11d1d|1a6e2e|8a5a00|b00)\b", re.I)

def _contrast(a: str, b: str) -> float:
    def lum(hex_):
        rgb = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted([lum(a), lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)

@pytest.fixture(scope="module")
def corpus():
    return kit.load_corpus()

def test_show_and_highlight_use_theme_colours(corpus):
    for page in (kit.show(corpus["cho"]).data, kit.highlight(corpus, ["cooperat*", "North Korea"]).data):
        assert not LOW_CONTRAST.search(page), LOW_CONTRAST.search(page)
        assert "var(--jp-content-font-color2" in page  # paragraph marks
        assert "var(--jp-content-font-color1" in page  # ids and the author line
    legend = kit.highlight(corpus["cho"], ["wedge"]).data
    assert re.search(r"<span style='background: #ffe066; color: #000; [^']*'>wedge</span>", legend)

def test_pastel_legend_chips_have_black_text_above_4_5_to_1():
    from kit.analysis.reading import PALETTE

    for colour in PALETTE:
        assert _contrast(colour, "#000000") >= 4.5, colour

def test_kwic_table_and_widget_errors_use_theme_colours(corpus):
    from kit.widgets.reading import kwic_explorer, kwic_table_html

    page = kwic_table_html(kit.kwic(corpus, "wedge"))
    assert "color: #555" not in page and "var(--jp-content-font-color1" in page
    ui = kwic_explorer(corpus)
    ui.query.value = ""  # an empty query: an error in the status line
    assert "var(--jp-error-color1" in ui.status.value and not LOW_CONTRAST.search(ui.status.value)
    assert ui.window.description == "Window" and not type(ui.window).__name__.endswith("Slider")

def test_annotation_drop_downs_are_labelled_by_sentence_id(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path))
    ui = kit.annotate(corpus["cho"], annotator="a11y-test")
    assert all(d.description == sid for sid, d in ui.dropdowns.items())

def test_feedback_states_status_in_words_with_theme_colour_bar():
    questions = [{"id": "x", "type": "single", "prompt": "Pick <b>one</b>", "cites": ["cho 3.2"],
                  "options": [{"text": "a <i>", "feedback": "no <script>"}, {"text": "b"}], "answer": "b"}]
    box = kit.quiz(questions, record=False)
    p = box.panels[0]
    p.input.value = "a <i>"
    p.check.click()
    html = p.feedback.value
    assert "✗ Not quite." in html and "var(--jp-error-color1" in html
    assert "var(--jp-content-font-color1" in html  # the words keep the theme's text colour
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "aria-live" not in html and "role=" not in html  # the live region is the container (stays)
    assert not LOW_CONTRAST.search(html)
    for status in ("correct", "partial", "invalid"):
        assert "var(--jp-" in render_feedback(type("R", (), {"status": status, "feedback": (), "correct": False,
                                                              "explanation": "", "citations": ()})(), box.panels[0].q)

def test_question_boxes_get_their_aria_rules():
    box = kit.quiz("00_start_here", record=False)
    for p in box.panels:
        rules = p.aria.rules
        assert isinstance(p.aria, AriaPatch) and p.aria in p.box.children
        feedback = next(r for r in rules if r["attrs"].get("role") == "status")
        assert feedback["attrs"]["aria-live"] == "polite" and feedback["attrs"]["tabindex"] == "-1"
        group = rules[0]
        if p.q.type in ("single", "truefalse", "attribution"):
            assert group["attrs"]["role"] == "radiogroup" and group["radios"] and group["labelledby"]
            assert group["attrs"]["data-lm-suppress-shortcuts"] == "true"
        elif p.q.type in ("multiple", "matching"):
            assert group["attrs"]["role"] == "group" and group["labelledby"]
        else:
            assert group["describedby"]
    assert "kit-quiz" in box._dom_classes and any(r["attrs"].get("role") == "status" for r in box.aria.rules)
    assert aria_rules("text")[0]["sel"].endswith("textarea")

def test_check_moves_focus_inside_the_question():
    box = kit.quiz("00_start_here", record=False)
    p = next(p for p in box.panels if p.q.type == "single")
    sent = []
    p.aria.send = sent.append  # what would go to the browser
    p.input.value = next(o.text for o in p.q.options if o.text != p.q.key)
    p.check.click()
    assert sent[-1] == {"focus": [":scope .kit-retry"]}
    p.retry.click()
    assert "input:checked" in sent[-1]["focus"][0]
    p.input.value = p.q.key
    p.check.click()
    assert "kit-feedback" in sent[-1]["focus"][0]
    n = len(sent)
    p.retry.click()  # disabled after a right answer: nothing happens
    assert len(sent) == n

def test_focus_ring_uses_the_theme_text_colour():
    assert "outline: 2px solid var(--jp-content-font-color0" in FOCUS_CSS

def test_figure_html_has_alt_text_and_caption(corpus):
    ax = kit.plot_frequencies(kit.frequencies(corpus), top=3)
    page = figure_html(ax)
    description = kit.describe_plot(ax)
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="', page)
    assert f'alt="{description}"' in page.replace("&#x27;", "'")
    assert "<figcaption" in page and "var(--jp-content-font-color1" in page
    assert ax.figure._repr_html_() == page  # what Jupyter shows (HTML before PNG)
    assert ax.figure.axes[0] is ax  # plot_* still returns the Axes

def test_jupyter_shows_a_kit_figure_from_one_drawing(corpus):
    # Jupyter (the inline backend's PNG formatter registered, as in a lesson) gets the HTML
    # <figure> with alt text and the bare PNG; both from one savefig, not one each (issue 24)
    import io

    from IPython.core.interactiveshell import InteractiveShell
    from IPython.core.pylabtools import select_figure_formats
    from IPython.display import display
    from IPython.utils.capture import capture_output
    from matplotlib.figure import Figure

    shell = InteractiveShell.instance()
    png_formatter = shell.display_formatter.formatters["image/png"]
    select_figure_formats(shell, {"png"})
    try:
        ax = kit.plot_frequencies(kit.frequencies(corpus), top=3)
        draws = []
        ax.figure.canvas.mpl_connect("draw_event", draws.append)
        ax.figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        one_savefig, draws[:] = len(draws), []
        with capture_output() as captured:
            display(ax.figure)
    finally:
        png_formatter.pop(Figure, None)
    assert one_savefig > 0 and len(draws) == one_savefig
    (shown,) = captured.outputs
    assert sorted(shown.data) == ["image/png", "text/html", "text/plain"]
    assert f'<img src="data:image/png;base64,{shown.data["image/png"]}" alt="' in shown.data["text/html"]
    assert f'alt="{kit.describe_plot(ax)}"'.replace("'", "&#x27;") in shown.data["text/html"]

def test_figure_html_escapes_text():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.kit_description = 'A "plot" <script>x</script>'
    page = figure_html(fig)
    assert "<script>" not in page and 'alt="A &quot;plot&quot; &lt;script&gt;' in page
    plt.close(fig)

def test_table_html_has_header_text_everywhere_and_a_focusable_region():
    df = pd.DataFrame({"term": ["<b>x</b>", "y"], "g2": [1.23456, float("nan")]})
    page = table_html(df)
    assert "<th></th>" not in page and re.search(r"<th[^>]*>\s*</th>", page) is None
    assert 'role="region"' in page and 'tabindex="0"' in page and 'aria-label="Table, 2 rows by 2 columns"' in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page
    assert '<th scope="col">term</th>' in page and "<td>NaN</td>" in page
    pivot = pd.DataFrame({"actor": ["China", "U.S."], "doc": ["cho", "yang"], "n": [3, 4]}).pivot(
        index="actor", columns="doc", values="n")
    page = table_html(pivot)
    assert '<th scope="col">actor</th>' in page and '<th scope="row">China</th>' in page
    crossed = pd.DataFrame({"a": [1]}, index=pd.MultiIndex.from_tuples([("x", "y")], names=[None, "lvl"]))
    page = table_html(crossed)
    assert '<th scope="col">row</th><th scope="col">lvl</th>' in page

def test_table_html_shortens_long_tables():
    page = table_html(pd.DataFrame({"n": range(100)}), max_rows=10)
    assert page.count("<tr>") == 1 + 10 + 1 and "90 more rows" in page

def test_accessible_tables_registers_a_formatter_only_when_asked():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    formatter = shell.display_formatter.formatters["text/html"]
    try:
        assert pd.DataFrame not in formatter.type_printers  # importing the kit changed nothing
        assert accessible_tables() is True
        html = formatter(pd.DataFrame({"a": [1]}))
        assert 'role="region"' in html
        accessible_tables(False)
        assert pd.DataFrame not in formatter.type_printers
    finally:
        formatter.type_printers.pop(pd.DataFrame, None)
        InteractiveShell.clear_instance()


def test_argument_explorer_text_uses_theme_colours():
    from kit.widgets.arguments import compare_arguments_explorer

    ui = compare_arguments_explorer()
    shown = " ".join(getattr(w, "value", "") for w in ui.children if isinstance(getattr(w, "value", None), str))
    assert "var(--jp-content-font-color2" in shown  # the context sentences, not cited
    assert not LOW_CONTRAST.search(shown), LOW_CONTRAST.search(shown)
