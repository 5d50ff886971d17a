"""Reading the students' ``export_progress`` CSVs for the class report.

:func:`csv_files` turns a folder or a list of files into the CSV files to read;
:func:`read_exports` reads them into one table of attempts and a table of the files
left out, with the reason.  A student is the pair (login name, ``learner`` id): two
exports with the same ``student`` but different ``learner`` ids are two students,
shown as ``ana`` and ``ana (2)`` (in the order their files are read).  Exports made
before the ``learner`` column existed are read too; their learner id is ``""``, and a
second file with the same name is then taken for the same student's second export.
Nothing in a file is evaluated or rewritten: a neutralised cell such as ``'=1+1``
stays as it is.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name, lid in (("a", "0a0a0a0a0a0a"), ("b", "0b0b0b0b0b0b")):
...     _ = (folder / f"{name}.csv").write_text(
...         "student,learner,quiz,question,attempt,status\\n"
...         f"ana,{lid},q,q1,1,correct\\n")
>>> attempts, skipped = read_exports(csv_files(folder))
>>> attempts[["student", "learner", "file"]]
   student       learner   file
0      ana  0a0a0a0a0a0a  a.csv
1  ana (2)  0b0b0b0b0b0b  b.csv
"""
from __future__ import annotations

import csv
import io
import os
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

from ..assessment.log import EXPORT_COLUMNS, STATUSES
from ..errors import InvalidArgument, TextNotFound, WrongType, shown

__all__ = ["csv_files", "read_export", "read_exports", "REQUIRED", "OPTIONAL", "KNOWN_STATUS", "MAX_BYTES"]

REQUIRED = ["quiz", "question", "attempt", "status"]
OPTIONAL = [c for c in EXPORT_COLUMNS if c not in REQUIRED]
KNOWN_STATUS = set(STATUSES)
MAX_BYTES = 20_000_000


def csv_files(paths) -> list[Path]:
    """The CSV files named by ``paths``: files, or folders (their ``*.csv`` files, sorted)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    try:
        paths = list(paths)
    except TypeError:
        raise WrongType(f"class_report() takes a folder or a list of CSV files, not {shown(paths)}.") from None
    out: list[Path] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise WrongType(f"class_report() takes file or folder names, not {shown(p)}.")
        try:
            p = Path(p).expanduser()
            if p.is_dir():
                out += sorted(f for f in p.iterdir() if f.suffix.lower() == ".csv" and f.is_file())
                continue
        except (OSError, ValueError, RuntimeError) as exc:  # too long, a NUL, ~nouser, no permission
            why = getattr(exc, "strerror", "") or exc
            raise InvalidArgument(f"class_report() cannot use {shown(os.fspath(p))} ({why}). Give the folder "
                                  "holding the students' exported CSV files.") from None
        if p.is_file():
            out.append(p)
        else:
            raise TextNotFound(f"{str(p)!r} does not exist. Give the folder holding the students' "
                               "exported CSV files, or the files themselves.")
    if not out:
        raise InvalidArgument(f"No .csv files in {', '.join(map(str, paths))}. Collect the students' "
                              "files (kit.export_progress()) into one folder and give that folder.")
    return out


def read_export(path: Path) -> pd.DataFrame:
    """One export as text columns (``attempt`` and ``score`` as numbers), or ValueError
    with the reason to skip it."""
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
    bad = attempt.isna() | (attempt < 1) | (attempt > 1_000_000) | (attempt != attempt.round())  # 1e20: no int
    if bad.any():
        i = int(bad.idxmax())
        raise ValueError(f"line {i + 2}: attempt {str(df['attempt'][i])[:40]!r} is not a whole number from 1 "
                         "to 1,000,000")
    unknown = sorted(set(df["status"]) - KNOWN_STATUS)
    if unknown:
        raise ValueError(f"unknown status {unknown[0]!r} (expected one of {', '.join(sorted(KNOWN_STATUS))})")
    df["attempt"] = attempt.astype(int)
    df["score"] = pd.to_numeric(df["score"], errors="coerce")
    df["learner"] = df["learner"].fillna("").astype(str).str.strip()
    return df[[*OPTIONAL, *REQUIRED]]


def _display_names(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """``(student, learner)`` -> the name shown: the login name, then ``name (2)`` ... for
    other learners with the same login name."""
    out: dict[tuple[str, str], str] = {}
    used: dict[str, int] = {}
    for key in keys:
        if key in out:
            continue
        n = used[key[0]] = used.get(key[0], 0) + 1
        out[key] = key[0] if n == 1 else f"{key[0]} ({n})"
    return out


def _clash(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Do two (student, learner) pairs name the same student?  The same name and learner id;
    or the same name where either has no learner id (an export made before there were ids)."""
    return a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


def _rows(df: pd.DataFrame) -> set:
    return set(zip(df["student"], df["quiz"], df["question"], df["attempt"], df["status"], df["response"]))


def _groups(read: list) -> list[list[int]]:
    """The files (indexes into ``read``) that claim one student, in groups (transitively)."""
    parent = list(range(len(read)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = i = parent[parent[i]]
        return i

    by_name: dict[str, list[tuple[int, str]]] = {}
    for i, (_, _, keys) in enumerate(read):
        for name, learner in keys:
            for j, other in by_name.get(name, []):
                if j != i and _clash((name, learner), (name, other)):
                    parent[root(i)] = root(j)
            by_name.setdefault(name, []).append((i, learner))
    groups: dict[int, list[int]] = {}
    for i in range(len(read)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def read_exports(files: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every attempt of every readable file (with ``student`` as shown, ``learner`` and
    ``file``) and the files skipped (``file``, ``reason``); skipped files also warn.

    A name inside a file is not proof of who handed it in.  When several files hold
    attempts of one student (the same name and learner id, or the same name where one has
    no learner id), the one holding every attempt of the others is that student's latest
    export and the others are skipped as duplicates; if none does, they conflict (one may
    be forged), and all of them are skipped and listed: none is counted.
    """
    read, skipped = [], []
    for path in files:
        try:
            df = read_export(path)
        except (ValueError, OSError) as exc:
            skipped.append({"file": path.name, "reason": str(exc)})
            continue
        df["student"] = df["student"].fillna("").astype(str).str.strip().replace("", path.stem)
        read.append((path, df, list(dict.fromkeys(zip(df["student"], df["learner"]))) or [(path.stem, "")]))
    kept = set(range(len(read)))
    for group in _groups(read):
        if len(group) == 1:
            continue
        rows = {i: _rows(read[i][1]) for i in group}
        whole = next((i for i in group if all(rows[j] <= rows[i] for j in group)), None)
        claims = Counter(n for i in group for n in {k[0] for k in read[i][2]})
        who = ", ".join(shown(n, 40) for n in sorted(n for n, c in claims.items() if c > 1)[:3])
        for i in group:
            if whole is not None and i == whole:
                continue
            kept.discard(i)
            skipped.append({"file": read[i][0].name, "reason": (
                f"duplicate: an earlier export of {who}, all its attempts are in {read[whole][0].name}"
                if whole is not None else
                f"conflict: {', '.join(read[j][0].name for j in group)} all hold attempts of {who} that differ, "
                "so none is counted (one may be forged): ask the student to hand in again, or collect "
                "with the class inbox, which knows who handed in each file")})
    frames, order = [], []
    for i in sorted(kept):
        path, df, keys = read[i]
        order += keys
        df["file"] = path.name
        frames.append(df)
    skipped_df = pd.DataFrame(skipped, columns=["file", "reason"])
    if frames:
        attempts = pd.concat(frames, ignore_index=True)
        names = _display_names(order)
        attempts["student"] = [names[k] for k in zip(attempts["student"], attempts["learner"])]
    else:
        attempts = pd.DataFrame(columns=[*OPTIONAL, *REQUIRED, "file"])
    if len(skipped_df):
        warnings.warn("class_report skipped " + "; ".join(f"{r.file}: {r.reason}" for r in skipped_df.itertuples()),
                      stacklevel=3)
    return attempts, skipped_df
