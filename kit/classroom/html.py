"""The class report as one self-contained HTML page (no scripts, no network).

A heatmap of students x questions (a PNG inside the page, its alt text the same text
description printed beside it), the five hardest questions with their most common
wrong answers and the feedback those triggered, the item analysis (per item and per
option, with its flags), answer patterns that look like guessing, trivial written
attempts, and the per-student and skipped-file tables.  Every piece of text from the CSV files is HTML-escaped; a neutralised cell
such as ``'=1+1`` is shown as it is.

>>> import tempfile, pathlib
>>> from kit.classroom.report import class_report
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ada.csv").write_text(
...     "quiz,question,attempt,status,response\\nq,<b>1</b>,1,incorrect,'=1+1\\n")
>>> page = report_html(class_report(folder))
>>> "&lt;b&gt;1&lt;/b&gt;" in page and "&#x27;=1+1" in page and "<script" not in page
True
"""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from ..assessment.log import GRADED
from ..display.plotting import PLAIN_TEXT, plain_text
from .report import ClassReport
from ..errors import StoreError, shown
from ..files import store

__all__ = ["report_html", "write_report_html", "plot_class_heatmap", "OUTCOMES"]

# outcome code -> (label, colour).  Okabe-Ito colours; the cell's text says the same
# thing, so colour is never the only carrier.  Text on each colour has contrast >= 4.5.
OUTCOMES = {
    2: ("right at the first try", "#0072B2", "1st"),
    1: ("right after a wrong try", "#F0E442", "later"),
    0: ("tried, not right", "#D55E00", "no"),
}
_TEXT_ON = {"#0072B2": "white", "#F0E442": "black", "#D55E00": "black"}

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;
 color:#1a1a1a;background:#fff;line-height:1.45;padding:0 1rem}
h1,h2,h3{line-height:1.2}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #6b6b6b;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#e8e8e8}
figure{margin:1rem 0;display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
figure img{max-width:100%;height:auto;border:1px solid #6b6b6b}
figcaption{max-width:28rem}
.note{color:#404040}
"""


def _outcome_matrix(report: ClassReport) -> pd.DataFrame:
    a = report.attempts
    graded = a[a["status"].isin(GRADED) & (a["kind"] != "reading")]
    if graded.empty:
        return pd.DataFrame()
    graded = graded.sort_values(["attempt"], kind="stable").assign(
        label=lambda d: d["quiz"].astype(str) + " / " + d["question"].astype(str))
    g = graded.groupby(["student", "label"])
    first = g["status"].first() == "correct"
    right = g["status"].agg(lambda s: (s == "correct").any())
    code = right.astype(int) + first.astype(int)
    return code.unstack("label").sort_index()


def plot_class_heatmap(report: ClassReport, *, ax=None):
    """Heatmap of students x questions: right at the first try, right later, not right, blank
    = not tried.  Returns the Axes; ``ax.kit_description`` holds its text description.
    Names and question ids are drawn as they are (a ``$`` in them is not mathtext)."""
    import matplotlib.pyplot as plt

    with plt.rc_context(PLAIN_TEXT):
        ax = _heatmap(report, ax)
    plain_text(ax.figure)
    return ax


def _heatmap(report: ClassReport, ax):
    import matplotlib.pyplot as plt
    import seaborn as sns
    from matplotlib.colors import BoundaryNorm, ListedColormap

    m = _outcome_matrix(report)
    if ax is None:
        w = 1.5 + 0.5 * max(1, m.shape[1]) + 0.08 * max(len(str(s)) for s in m.index)
        h = 1.2 + 0.4 * max(1, m.shape[0]) + 0.08 * max(len(str(q)) for q in m.columns)
        _, ax = plt.subplots(figsize=(min(max(w, 4), 24), min(max(h, 3), 30)))
    if m.empty:
        ax.set_axis_off()
        ax.set_title("No graded attempts in these files")
        ax.kit_description = "An empty chart: the files hold no graded quiz or exercise attempts."
        return ax
    colours = [OUTCOMES[k][1] for k in (0, 1, 2)]
    annot = m.apply(lambda col: col.map(lambda v: "" if pd.isna(v) else OUTCOMES[int(v)][2]))
    sns.heatmap(m.astype(float), ax=ax, cmap=ListedColormap(colours), norm=BoundaryNorm([-.5, .5, 1.5, 2.5], 3),
                cbar=False, linewidths=1, linecolor="white", annot=annot, fmt="",
                annot_kws={"fontsize": 8})
    for text in ax.texts:  # dark text on light cells, white on the dark blue
        code = next((k for k, v in OUTCOMES.items() if v[2] == text.get_text()), None)
        if code is not None:
            text.set_color(_TEXT_ON[OUTCOMES[code][1]])
    ax.set_xlabel("question (quiz / question id)")
    ax.set_ylabel("student")
    ax.set_title("Each student's result per question (blank: not tried)")
    ax.tick_params(axis="x", labelrotation=90)
    ax.tick_params(axis="y", labelrotation=0)
    counts = {k: int((m == k).sum().sum()) for k in OUTCOMES}
    blank = int(m.isna().sum().sum())
    ax.kit_description = (
        f"Heatmap of {m.shape[0]} students by {m.shape[1]} questions. "
        + "; ".join(f"{counts[k]} cells {OUTCOMES[k][0]} (marked '{OUTCOMES[k][2]}')" for k in (2, 1, 0))
        + f"; {blank} cells not tried. "
        + "Per question, students right: "
        + ", ".join(f"{q} {int(m[q].ge(1).sum())} of {int(m[q].notna().sum())}" for q in m.columns) + "."
    )
    return ax


def _png_base64(ax) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png", dpi=110, bbox_inches="tight")  # labels never cut
    plt.close(ax.figure)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _e(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _table(df: pd.DataFrame, caption: str) -> str:
    if df.empty:
        return f"<p class='note'>{_e(caption)}: none.</p>"
    head = "".join(f"<th scope='col'>{_e(c)}</th>" for c in df.columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
                   for row in df.itertuples(index=False))
    return f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pct(x) -> str:
    return "" if pd.isna(x) else f"{100 * float(x):.0f}%"


def _hardest(report: ClassReport, n: int = 5, top: int = 3) -> str:
    parts = []
    for q in report.hardest(n).itertuples():
        wrong = report.wrong_answers
        wrong = wrong[(wrong["quiz"] == q.quiz) & (wrong["question"] == q.question)].head(top)
        parts.append(
            f"<h3>{_e(q.quiz)} / {_e(q.question)}</h3>"
            f"<p>{q.students} students tried it; right at the first try: {_pct(q.right_first)}, "
            f"right in the end: {_pct(q.right_end)}; median attempts: {_e(q.median_attempts)}.</p>"
            + _table(wrong[["response", "mistake", "feedback", "attempts", "students"]],
                     "Most common wrong answers and the feedback they triggered")
        )
    return "".join(parts) or "<p class='note'>No graded questions.</p>"


def _skipped(report: ClassReport) -> pd.DataFrame:
    """The skipped files; anonymised, without file names (they often are students' names)."""
    if not report.anonymised:
        return report.skipped
    reasons = report.skipped["reason"].map(lambda r: str(r).split(":")[0])
    return pd.DataFrame({"file": "(name withheld)", "reason": reasons})


def _num(x) -> str:
    return "" if pd.isna(x) else f"{float(x):.2f}"


_ITEMS_HELP = (
    "From each student's first try. <em>right_first</em>: the share right at the first try. "
    "<em>discrimination</em>: the correlation between right at the first try and the rest of the same "
    "quiz (positive: students who did well elsewhere did well here; blank where there is too little to go "
    "on, and the note says why). Flags: nearly everyone right (over 90%), nearly everyone wrong (under 20%), "
    "negative discrimination (below -0.2), a distractor nobody picks at the first try. With a class of "
    "30, treat any one number as a question to look into, not a verdict.")


def _item_analysis(report: ClassReport) -> str:
    items = report.items.copy()
    if len(items):
        items["right_first"] = items["right_first"].map(_pct)
        items["discrimination"] = items["discrimination"].map(_num)
    options = report.distractors.copy()
    if len(options):
        options["share"] = options["share"].map(_pct)
        options["key"] = options["key"].map(lambda k: "key" if k else "")
    return (
        "<h2>Item analysis</h2>" f"<p class='note'>{_ITEMS_HELP}</p>"
        + _table(items, "Per item: right at the first try, discrimination, flags")
        + "<h3>Options chosen</h3>"
        + _table(options, "Options chosen at the first try (first_try: students) and in any try (any_try: tries)")
        + "<h2>Answer patterns that look like guessing</h2>"
        "<p class='note'>A prompt for a conversation, not a verdict; each row says what was seen.</p>"
        + _table(report.guessing, "Students whose answers look like guessing, with the evidence")
        + "<h2>Trivial written attempts</h2>"
        + _table(report.trivial, "Written answers and readings that are not a real attempt")
    )


def report_html(report: ClassReport, *, title: str = "Class report") -> str:
    """The whole page as a string (escaped, no scripts, the chart inline as a PNG)."""
    ax = plot_class_heatmap(report)
    description = ax.kit_description
    img = _png_base64(ax)
    q = report.questions.copy()
    for col in ("right_first", "right_end"):
        q[col] = q[col].map(_pct)
    students = len(report.students)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{_e(title)}</h1>"
        f"<p>{students} students, {len(report.attempts)} attempts read; "
        f"{len(report.skipped)} files skipped.</p>"
        "<h2>Results by student and question</h2>"
        f"<figure><img src='data:image/png;base64,{img}' alt='{_e(description)}'>"
        f"<figcaption>{_e(description)}</figcaption></figure>"
        "<h2>The five hardest questions</h2>" + _hardest(report)
        + "<h2>All questions</h2>" + _table(q, "Per question")
        + _item_analysis(report)
        + "<h2>Students</h2>" + _table(report.students, "Per student")
        + _table(report.completion, "Completion per student and lesson")
        + "<h2>Files skipped</h2>" + _table(_skipped(report), "Files left out, with the reason")
        + "</main></body></html>"
    )


def write_report_html(report: ClassReport, path, *, title: str = "Class report") -> Path:
    """Write :func:`report_html` to ``path`` atomically; returns the path."""
    if "\x00" in str(path):
        raise StoreError(f"{shown(str(path))}: a file name cannot hold a NUL character; give an ordinary name, "
                         "e.g. 'report.html'.")
    try:
        path = Path(path).expanduser()
        folder, is_dir = path.parent.is_dir(), path.is_dir()
    except (OSError, RuntimeError) as exc:  # a name too long, ~nouser
        raise StoreError(f"Cannot write {shown(str(path))} ({getattr(exc, 'strerror', None) or exc}). "
                         "Give a short path in a folder you can write to, e.g. 'report.html'.") from None
    if not folder:
        raise StoreError(f"The folder {str(path.parent)!r} does not exist, so {path.name!r} cannot be "
                         "written there. Create it first or give another path.")
    if is_dir:
        raise StoreError(f"{str(path)!r} is a folder; give the name of the HTML file to write, e.g. "
                         f"{str(path / 'report.html')!r}.")
    store.atomic_write_text(path, report_html(report, title=title))  # no temp file left on failure
    return path
