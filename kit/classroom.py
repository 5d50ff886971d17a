"""The teacher's view of a class: read the students' ``export_progress`` CSVs, count.

``class_report(paths)`` takes CSV files or a folder of them and returns a
:class:`ClassReport` of tidy tables: per question (share right at the first try and
at the end, median attempts), the wrong answers with the feedback they triggered,
per student and lesson (completion), and the files that were skipped (malformed,
foreign or a student's second export) with the reason.  Nothing in a file is
evaluated or rewritten: a neutralised cell such as ``'=1+1`` stays as it is.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ada.csv").write_text(
...     "time,kind,quiz,question,attempt,status,score,response\\n"
...     "2026-01-01T10:00:00Z,quiz,00_start_here,q1,1,incorrect,0,cho 2.3\\n"
...     "2026-01-01T10:01:00Z,quiz,00_start_here,q1,2,correct,1,cho 3.2\\n")
>>> report = class_report(folder)
>>> report.questions[["question", "students", "right_first", "right_end", "median_attempts"]]
  question  students  right_first  right_end  median_attempts
0       q1         1          0.0        1.0              2.0
>>> report.students[["student", "questions_tried", "questions_right"]]
  student  questions_tried  questions_right
0     ada                1                1
"""
from __future__ import annotations

import csv
import io
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import InvalidArgument, TextNotFound, WrongType

__all__ = ["class_report", "ClassReport", "REQUIRED", "pseudonyms"]

REQUIRED = ["quiz", "question", "attempt", "status"]
OPTIONAL = ["student", "time", "kind", "score", "response", "mistake", "feedback"]
GRADED = {"correct", "partial", "incorrect"}
KNOWN_STATUS = GRADED | {"invalid", "written", "self-assessed"}
KNOWN_KIND = {"quiz", "exercise", "reading", ""}
MAX_BYTES = 20_000_000


@dataclass
class ClassReport:
    """The class report's tables (pandas DataFrames, one fact per row).

    questions
        one row per (quiz, question): ``students`` who tried it, ``right_first`` (share
        right at their first try), ``right_end`` (share right in the end),
        ``median_attempts`` (graded attempts per student), ``wrong`` (wrong attempts).
    wrong_answers
        one row per (quiz, question, response, mistake, feedback) among the wrong or
        partly right attempts, most frequent first: ``attempts`` and ``students``.
    students
        one row per student: ``quizzes`` (quiz banks touched), ``questions_tried`` and
        ``questions_right`` in them, ``quizzes_done`` (every question of the bank seen in
        the class tried), ``exercises_tried`` and ``exercises_done`` (right or written).
    completion
        one row per (student, quiz): ``kind``, ``tried``, ``right``, ``total`` and
        ``completion`` (= tried / total, the questions of that lesson seen in the class).
    skipped
        one row per file left out: ``file`` and ``reason``.
    attempts
        every attempt read, with the ``student`` and ``file`` it came from.
    """

    questions: pd.DataFrame
    wrong_answers: pd.DataFrame
    students: pd.DataFrame
    completion: pd.DataFrame
    skipped: pd.DataFrame
    attempts: pd.DataFrame = field(repr=False)
    anonymised: bool = False

    def hardest(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` questions fewest students got right (then: right at the first try)."""
        q = self.questions
        return q.sort_values(["right_end", "right_first", "median_attempts"],
                             ascending=[True, True, False], kind="stable").head(n).reset_index(drop=True)

    def __getitem__(self, name: str) -> pd.DataFrame:  # report["questions"] works too
        return getattr(self, name)


def _files(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    try:
        paths = list(paths)
    except TypeError:
        raise WrongType(f"class_report() takes a folder or a list of CSV files, not {paths!r}.") from None
    out: list[Path] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise WrongType(f"class_report() takes file or folder names, not {p!r}.")
        p = Path(p).expanduser()
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.suffix.lower() == ".csv" and f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise TextNotFound(f"{str(p)!r} does not exist. Give the folder holding the students' "
                               "exported CSV files, or the files themselves.")
    if not out:
        raise InvalidArgument(f"No .csv files in {', '.join(map(str, paths))}. Collect the students' "
                              "files (kit.export_progress()) into one folder and give that folder.")
    return out


def _read_one(path: Path) -> pd.DataFrame:
    """One export as text columns, or ValueError with the reason to skip it."""
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 1_000_000} MB: not a progress export")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text (is it an Excel workbook? export it again as CSV)") from None
    if not text.strip():
        raise ValueError("empty file")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","  # a spreadsheet's CSV dialect
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ValueError(f"not a readable CSV ({exc})") from None
    header = [h.strip() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValueError(f"not a progress export: no {', '.join(missing)} column "
                         f"(columns: {', '.join(header[:8]) or 'none'})")
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    bad = next((i for i, r in enumerate(body, start=2) if len(r) != len(header)), None)
    if bad is not None:
        raise ValueError(f"line {bad} has {len(body[bad - 2])} cells, the header {len(header)}")
    df = pd.DataFrame(body, columns=header, dtype="object")
    for col in OPTIONAL:
        if col not in df.columns:
            df[col] = ""
    attempt = pd.to_numeric(df["attempt"], errors="coerce")
    if attempt.isna().any() or (attempt < 1).any():
        i = int(attempt.isna().idxmax() if attempt.isna().any() else (attempt < 1).idxmax())
        raise ValueError(f"line {i + 2}: attempt {df['attempt'][i]!r} is not a number from 1 up")
    unknown = sorted(set(df["status"]) - KNOWN_STATUS)
    if unknown:
        raise ValueError(f"unknown status {unknown[0]!r} (expected one of {', '.join(sorted(KNOWN_STATUS))})")
    df["attempt"] = attempt.astype(int)
    df["score"] = pd.to_numeric(df["score"], errors="coerce")
    return df[["student", *[c for c in OPTIONAL if c != "student"], *REQUIRED]]


def _read_all(files: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames, skipped, owner = [], [], {}
    for path in files:
        try:
            df = _read_one(path)
        except (ValueError, OSError) as exc:
            skipped.append({"file": path.name, "reason": str(exc)})
            continue
        df["student"] = df["student"].fillna("").astype(str).str.strip().replace("", path.stem)
        names = list(dict.fromkeys(df["student"])) or [path.stem]
        again = [n for n in names if n in owner]
        if again:
            skipped.append({"file": path.name, "reason": f"duplicate: {again[0]!r} was already read "
                                                          f"from {owner[again[0]]}"})
            continue
        owner.update({n: path.name for n in names})
        df["file"] = path.name
        frames.append(df)
    skipped_df = pd.DataFrame(skipped, columns=["file", "reason"])
    if frames:
        attempts = pd.concat(frames, ignore_index=True)
    else:
        attempts = pd.DataFrame(columns=["student", *OPTIONAL[1:], *REQUIRED, "file"])
    if len(skipped_df):
        warnings.warn("class_report skipped " + "; ".join(f"{r.file}: {r.reason}" for r in skipped_df.itertuples()),
                      stacklevel=3)
    return attempts, skipped_df


def _per_student_question(attempts: pd.DataFrame) -> pd.DataFrame:
    graded = attempts[attempts["status"].isin(GRADED) & (attempts["kind"] != "reading")]
    graded = graded.sort_values(["student", "quiz", "question", "attempt", "time"], kind="stable")
    g = graded.groupby(["quiz", "question", "student"], sort=False)
    return pd.DataFrame({
        "kind": g["kind"].first(),
        "first_status": g["status"].first(),
        "right": g["status"].agg(lambda s: bool((s == "correct").any())),
        "attempts": g["attempt"].size(),
        "wrong": g["status"].agg(lambda s: int((s != "correct").sum())),
    }).reset_index()


def _questions(per: pd.DataFrame) -> pd.DataFrame:
    cols = ["quiz", "question", "kind", "students", "right_first", "right_end", "median_attempts", "wrong"]
    if per.empty:
        return pd.DataFrame(columns=cols)
    g = per.groupby(["quiz", "question"], sort=True)
    out = pd.DataFrame({
        "kind": g["kind"].first(),
        "students": g["student"].nunique(),
        "right_first": g["first_status"].agg(lambda s: float((s == "correct").mean())),
        "right_end": g["right"].agg(lambda s: float(s.mean())),
        "median_attempts": g["attempts"].median().astype(float),
        "wrong": g["wrong"].sum(),
    }).reset_index()
    return out[cols]


def _wrong_answers(attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["quiz", "question", "response", "mistake", "feedback", "attempts", "students"]
    wrong = attempts[attempts["status"].isin({"incorrect", "partial"}) & (attempts["kind"] != "reading")]
    if wrong.empty:
        return pd.DataFrame(columns=cols)
    keys = ["quiz", "question", "response", "mistake", "feedback"]
    g = wrong[keys + ["student"]].astype(str).groupby(keys, sort=False)
    out = pd.DataFrame({"attempts": g.size(), "students": g["student"].nunique()}).reset_index()
    return out.sort_values(["quiz", "question", "attempts", "students"], ascending=[True, True, False, False],
                           kind="stable").reset_index(drop=True)[cols]


def _completion(per: pd.DataFrame, attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["student", "quiz", "kind", "tried", "right", "total", "completion"]
    if per.empty:
        return pd.DataFrame(columns=cols)
    total = per.groupby("quiz")["question"].nunique()
    done = attempts[attempts["kind"] != "reading"].groupby(["student", "quiz"])["question"].nunique()
    g = per.groupby(["student", "quiz"])
    out = pd.DataFrame({"kind": g["kind"].first(), "right": g["right"].sum().astype(int)}).reset_index()
    out["tried"] = [int(done.get((s, q), 0)) for s, q in zip(out["student"], out["quiz"])]
    out["total"] = out["quiz"].map(total).astype(int)
    out["tried"] = out[["tried", "total"]].min(axis=1)
    out["completion"] = out["tried"] / out["total"]
    return out[cols]


def _students(completion: pd.DataFrame, attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["student", "quizzes", "questions_tried", "questions_right", "quizzes_done",
            "exercises_tried", "exercises_done"]
    answered = attempts[attempts["status"] != "invalid"]
    ex = answered[answered["kind"] == "exercise"]
    done_ex = ex[ex["status"].isin({"correct", "written", "self-assessed"})]
    rows = []
    for name in sorted(set(attempts["student"])):
        quiz = completion[(completion["student"] == name) & (completion["kind"] != "exercise")]
        rows.append({
            "student": name, "quizzes": len(quiz),
            "questions_tried": int(quiz["tried"].sum()), "questions_right": int(quiz["right"].sum()),
            "quizzes_done": int((quiz["tried"] >= quiz["total"]).sum()),
            "exercises_tried": int(ex.loc[ex["student"] == name, ["quiz", "question"]].drop_duplicates().shape[0]),
            "exercises_done": int(done_ex.loc[done_ex["student"] == name, ["quiz", "question"]]
                                  .drop_duplicates().shape[0]),
        })
    return pd.DataFrame(rows, columns=cols)


def pseudonyms(names) -> dict[str, str]:
    """Stable pseudonyms: the names in sorted order become Student 01, Student 02, ...

    >>> pseudonyms(["zoe", "ada", "ada"])
    {'ada': 'Student 01', 'zoe': 'Student 02'}
    """
    unique = sorted(set(map(str, names)))
    width = max(2, len(str(len(unique))))
    return {n: f"Student {i:0{width}d}" for i, n in enumerate(unique, start=1)}


def class_report(paths, *, anonymise: bool = False) -> ClassReport:
    """Read the students' exported progress CSVs and count, per question and per student.

    Parameters
    ----------
    paths : str, path or list of them
        CSV files written by ``kit.export_progress()``, or a folder holding them.
    anonymise : bool
        Replace student names by stable pseudonyms (``Student 01`` ... in name order).

    Files that are not progress exports, cannot be read, or repeat a student already
    read are left out: listed in ``report.skipped`` (and a warning), never an error.
    Exports without ``student`` / ``mistake`` / ``feedback`` columns (older files) are
    read: the student is then the file's name without ``.csv``.

    >>> class_report("no/such/folder")
    Traceback (most recent call last):
    ...
    kit.errors.TextNotFound: 'no/such/folder' does not exist. Give the folder holding the students' exported CSV files, or the files themselves.
    """
    attempts, skipped = _read_all(_files(paths))
    if anonymise and len(attempts):
        attempts["student"] = attempts["student"].map(pseudonyms(attempts["student"]))
        attempts["file"] = ""
    per = _per_student_question(attempts)
    completion = _completion(per, attempts)
    return ClassReport(
        questions=_questions(per), wrong_answers=_wrong_answers(attempts),
        students=_students(completion, attempts), completion=completion,
        skipped=skipped, attempts=attempts.reset_index(drop=True), anonymised=anonymise,
    )
