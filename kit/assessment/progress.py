"""Your saved progress as a table, and the CSV export for your teacher.

:func:`export_progress` writes a temporary file next to the target and renames it
over the old one (a full disk or a crash keeps the old file whole), refuses to
write through a symbolic link, and makes the CSV safe to open in a spreadsheet:
a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
a leading ``'`` so that it is shown as text, never run as a formula; cells holding
line breaks are quoted.  ``excel=True`` writes UTF-8 with a byte-order mark, which
Excel needs to show accents and non-Latin letters.

>>> list(progress().columns)  # doctest: +NORMALIZE_WHITESPACE
['time', 'kind', 'quiz', 'question', 'attempt', 'status', 'score', 'response', 'mistake', 'feedback']
"""
from __future__ import annotations

import csv
import getpass
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import InvalidArgument, KitError, StoreError, WrongType, shown
from ..options import flag, renamed_options, text
from .log import COLUMNS, EXPORT_COLUMNS, GRADED, learner_id, read_attempts
from ..files.store import atomic_write_text
from ..display.progress_chart import progress_chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["progress", "export_progress", "plot_progress", "EXPORT_COLUMNS", "safe_cell"]

_RISKY = ("=", "+", "-", "@", "\t", "\r")


@renamed_options(quiz="bank")
def progress(*, bank: str | None = None) -> pd.DataFrame:
    """Every saved attempt, one row each, oldest first (``bank=``: only that quiz or exercise set).

    Columns: ``time`` (UTC), ``kind`` (quiz, exercise or reading), ``quiz`` (bank or
    exercise set), ``question``, ``attempt`` (1 = first try), ``status``, ``score``
    (0 to 1), ``response`` (as text), ``mistake`` (the anticipated mistake matched)
    and ``feedback`` (the first feedback line shown).

    >>> list(progress(bank="no-such-bank").columns[:4])
    ['time', 'kind', 'quiz', 'question']
    """
    if bank is not None and not isinstance(bank, str):
        raise WrongType(f"progress(bank=...) takes a bank id such as '01_close_reading', not {shown(bank)}.")
    df = pd.DataFrame(read_attempts(), columns=COLUMNS)
    df["time"] = pd.to_datetime(df["time"], utc=True, errors="coerce", format="ISO8601")
    df["attempt"] = pd.to_numeric(df["attempt"], errors="coerce").astype("Int64")
    df["score"] = pd.to_numeric(df["score"], errors="coerce").astype("float64")
    df["response"] = df["response"].map(_as_text)
    if bank is not None:
        df = df[df["quiz"] == bank]
    return df.sort_values("time", kind="stable").reset_index(drop=True)


def _as_text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def safe_cell(value) -> str:
    """A cell as text a spreadsheet shows as text (a leading ``'`` before ``= + - @``, tab, CR).

    >>> safe_cell("=1+1"), safe_cell("cho 3.2"), safe_cell(None)
    ("'=1+1", 'cho 3.2', '')
    """
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return "'" + text if text.startswith(_RISKY) else text


def _student(student) -> str:
    if student is not None:
        return text(student, "student", "export_progress", "kit.export_progress('my_progress.csv', student='ann')")
    try:
        return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return ""


def _target(path) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise WrongType(f"export_progress() takes a file name such as 'my_progress.csv', not a {type(path).__name__}.")
    if "\x00" in os.fspath(path):
        raise StoreError(f"export_progress({shown(os.fspath(path))}): a file name cannot hold a NUL character "
                         "('\\x00'). Give an ordinary name, e.g. kit.export_progress('my_progress.csv').")
    try:
        return _checked(Path(path).expanduser())
    except KitError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:  # too long, unsearchable folder, ~nouser
        raise StoreError(f"export_progress() cannot use {shown(os.fspath(path))} "
                         f"({getattr(exc, 'strerror', None) or exc}). "
                         "Give a short name in a folder of yours, e.g. kit.export_progress('my_progress.csv').") \
            from None


def _checked(path: Path) -> Path:
    if path.is_dir() and not path.is_symlink():
        path = path / "my_progress.csv"
    if path.suffix.lower() != ".csv":
        raise InvalidArgument(f"export_progress() writes a CSV table, but {path.name!r} does not end in .csv. "
                              "Give a name such as 'my_progress.csv'.")
    if path.is_symlink():
        raise StoreError(f"{str(path)!r} is a symbolic link; export_progress() does not write through links. "
                         "Give the name of an ordinary file, e.g. kit.export_progress('my_progress.csv').")
    if path.parent.exists() and not path.parent.is_dir():
        raise StoreError(f"{str(path.parent)!r} is a file, not a folder, so {path.name!r} cannot be written inside "
                         "it. Give a path in an existing folder, e.g. kit.export_progress('my_progress.csv').")
    if not path.parent.is_dir():
        raise StoreError(f"The folder {str(path.parent)!r} does not exist, so {path.name!r} cannot be written "
                         "there. Create the folder first, or give a path in an existing folder, e.g. "
                         "kit.export_progress('my_progress.csv').")
    if not os.access(path.parent, os.W_OK):
        raise StoreError(f"The folder {str(path.parent)!r} is not writable for you, so {path.name!r} cannot be "
                         "written there. Give a path in a folder of yours, e.g. "
                         "kit.export_progress('my_progress.csv').")
    return path


@renamed_options(quiz="bank")
def export_progress(path: str | os.PathLike = "my_progress.csv", *, student: str | None = None,
                    excel: bool = False, bank: str | None = None) -> Path:
    """Write every saved attempt to a CSV file for your teacher; returns the file's path.

    Columns: ``student, learner, time, kind, quiz, question, attempt, status, score,
    response, mistake, feedback``.  ``student`` defaults to ``$JUPYTERHUB_USER``, else your
    login name; ``learner`` is this store's own id (:func:`~kit.assessment.log.learner_id`),
    which keeps apart two students who share a login name.  A folder given as ``path`` gets ``my_progress.csv`` inside it.
    ``excel=True`` adds the byte-order mark Excel needs for UTF-8; ``bank=`` keeps one quiz or exercise set.

    >>> import tempfile, pathlib
    >>> out = export_progress(pathlib.Path(tempfile.mkdtemp()) / "me.csv", student="ana")
    >>> out.read_text(encoding="utf-8").splitlines()[0]
    'student,learner,time,kind,quiz,question,attempt,status,score,response,mistake,feedback'
    """
    excel = flag(excel, "excel", "export_progress", "kit.export_progress('my_progress.csv', excel=True)")
    path = _target(path)
    df = progress(bank=bank)
    who = _student(student)
    me = learner_id()
    rows = [[safe_cell(who), me, *[safe_cell(row[c]) for c in COLUMNS]] for row in df.to_dict("records")]
    for row, t in zip(rows, df["time"]):
        row[2] = "" if pd.isna(t) else t.isoformat()
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    atomic_write_text(path, buffer.getvalue(), encoding="utf-8-sig" if excel else "utf-8")
    return path


@renamed_options(df="data")
def plot_progress(data: pd.DataFrame | None = None, *, ax: Axes | None = None) -> Axes:
    """Questions per quiz by their best result so far; returns the Axes.

    With no table your saved progress is read (``kit.plot_progress()``); or give the table
    of :func:`progress`.  The drawing is :func:`kit.display.progress_chart.progress_chart`.

    >>> ax = plot_progress(pd.DataFrame({"quiz": ["demo"], "question": ["q1"], "status": ["correct"]}))
    >>> ax.get_xlabel()
    'questions'
    """
    return progress_chart(progress() if data is None else data, results=GRADED, ax=ax)
