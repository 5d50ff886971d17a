"""Saved progress: every quiz and exercise attempt, kept on this computer.

Attempts are appended to ``progress.jsonl`` in the kit's folder (``$KIT_PROGRESS_DIR``
or ``~/.close-reading-kit``) under a file lock, so nothing is lost when several
notebooks run at once or a kernel is stopped mid-write (see :mod:`kit._store`).

>>> import os, tempfile
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {"KIT_PROGRESS_DIR": tempfile.mkdtemp()}):
...     record_attempt(quiz="demo", question="q1", response="cho 3.2", status="correct", attempt=1)
...     progress()[["quiz", "question", "attempt", "status"]]
   quiz question  attempt   status
0  demo       q1        1  correct
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import _store
from .errors import InvalidArgument, StoreError, WrongType

__all__ = ["progress", "plot_progress", "export_progress", "record_attempt", "progress_path"]

COLUMNS = ["time", "kind", "quiz", "question", "attempt", "status", "score", "response"]
STATUS_ORDER = ["correct", "partial", "incorrect"]


def progress_path() -> Path:
    """Where attempts are saved: ``<kit folder>/progress.jsonl``."""
    return _store.base_dir() / "progress.jsonl"


def _jsonable(response):
    if isinstance(response, (set, frozenset)):
        return sorted(map(_jsonable, response), key=str)
    if isinstance(response, (list, tuple)):
        return [_jsonable(r) for r in response]
    if isinstance(response, dict):
        return {str(k): _jsonable(v) for k, v in response.items()}
    if response is None or isinstance(response, (str, bool, int)):
        return response
    if isinstance(response, float):
        return response if response == response and abs(response) != float("inf") else str(response)
    if hasattr(response, "tolist"):  # numpy scalars and arrays, pandas Series and Index
        return _jsonable(response.tolist())
    return repr(response)


def record_attempt(*, quiz: str, question: str, response, status: str, attempt: int,
                   score: float | None = None, kind: str = "quiz") -> None:
    """Append one attempt (with the current UTC time) to the progress store."""
    record = {
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "kind": kind, "quiz": str(quiz), "question": str(question), "attempt": int(attempt),
        "status": status, "score": None if score is None else float(score),
        "response": _jsonable(response),
    }
    _store.append_record(progress_path(), record)


def progress(*, quiz: str | None = None) -> pd.DataFrame:
    """Every saved attempt, one row each, oldest first.

    Columns: ``time`` (UTC), ``kind`` (quiz or exercise), ``quiz`` (bank or exercise
    set), ``question``, ``attempt`` (1 = first try), ``status``, ``score`` (0 to 1),
    ``response`` (as text).

    >>> list(progress().columns)
    ['time', 'kind', 'quiz', 'question', 'attempt', 'status', 'score', 'response']
    """
    if quiz is not None and not isinstance(quiz, str):
        raise WrongType(f"progress(quiz=...) takes a quiz id such as '01_close_reading', not {quiz!r}.")
    rows = _store.read_records(progress_path())
    df = pd.DataFrame(rows)
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    df = df[COLUMNS].copy()
    df["time"] = pd.to_datetime(df["time"], utc=True, errors="coerce")
    df["attempt"] = pd.to_numeric(df["attempt"], errors="coerce").astype("Int64")
    df["score"] = pd.to_numeric(df["score"], errors="coerce").astype("float64")
    df["response"] = df["response"].map(_as_text)
    if quiz is not None:
        df = df[df["quiz"] == quiz]
    return df.sort_values("time", kind="stable").reset_index(drop=True)


def _as_text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def export_progress(path: str | os.PathLike = "my_progress.csv", *, quiz: str | None = None) -> Path:
    """Write every saved attempt to a CSV file for your teacher; returns the file's path.

    A folder given as ``path`` gets ``my_progress.csv`` inside it.

    >>> import tempfile, pathlib
    >>> out = export_progress(pathlib.Path(tempfile.mkdtemp()) / "me.csv")
    >>> out.name
    'me.csv'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise WrongType(f"export_progress() takes a file name such as 'my_progress.csv', not a {type(path).__name__}.")
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / "my_progress.csv"
    if path.suffix.lower() != ".csv":
        raise InvalidArgument(
            f"export_progress() writes a CSV table, but {path.name!r} does not end in .csv. "
            "Give a name such as 'my_progress.csv'."
        )
    if path.parent.exists() and not path.parent.is_dir():
        raise StoreError(
            f"{str(path.parent)!r} is a file, not a folder, so {path.name!r} cannot be written inside it. "
            "Give a path in an existing folder, e.g. kit.export_progress('my_progress.csv')."
        )
    if not path.parent.is_dir():
        raise StoreError(
            f"The folder {str(path.parent)!r} does not exist, so {path.name!r} cannot be written there. "
            "Create the folder first, or give a path in an existing folder, e.g. "
            "kit.export_progress('my_progress.csv')."
        )
    df = progress(quiz=quiz)
    try:
        df.to_csv(path, index=False)
    except OSError as exc:
        raise StoreError(f"Cannot write {str(path)!r} ({exc.strerror or exc}). "
                         "Choose a folder you can write to.") from None
    return path


def plot_progress(df: pd.DataFrame | None = None, *, ax=None):
    """A bar chart of questions per quiz by their best result so far; returns the Axes.

    >>> ax = plot_progress(pd.DataFrame({"quiz": ["demo", "demo"], "question": ["q1", "q1"],
    ...                                  "status": ["incorrect", "correct"]}))
    >>> ax.get_xlabel()
    'questions'
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    df = progress() if df is None else df
    if ax is None:
        rows = max(1, df["quiz"].nunique() if len(df) else 1)
        _, ax = plt.subplots(figsize=(7.5, 1.2 + 0.6 * rows), layout="constrained")
    ax.set_xlabel("questions")
    ax.set_ylabel("quiz")
    if df.empty:
        ax.set_title("No attempts saved yet: answer a quiz first")
        ax.set_yticks([])
        ax.kit_description = "An empty chart: no quiz attempts are saved yet."
        return ax
    done = df[df["status"].isin(STATUS_ORDER)].copy()
    done["rank"] = done["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    best = done.sort_values("rank").drop_duplicates(["quiz", "question"])
    counts = (best.groupby(["quiz", "status"]).size().rename("questions").reset_index())
    sns.barplot(data=counts, y="quiz", x="questions", hue="status", hue_order=STATUS_ORDER,
                palette={"correct": "#0072B2", "partial": "#E69F00", "incorrect": "#999999"}, ax=ax)
    ax.set_xlabel("questions")
    ax.set_title("Best result per question so far")
    # Outside the bars, so that it never hides one.
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), title="best result", frameon=False)
    summary = "; ".join(
        f"{quiz}: " + ", ".join(f"{n} {status}" for status, n in zip(group["status"], group["questions"]))
        for quiz, group in counts.groupby("quiz", sort=False)
    )
    ax.kit_description = f"Bar chart of questions per quiz by their best result so far. {summary}."
    return ax
