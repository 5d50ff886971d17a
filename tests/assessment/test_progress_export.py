"""A store and an export that never lose or corrupt: odd store lines skipped with a
warning, atomic export (a full disk keeps the old file whole), no symlinks, CSV safe
for spreadsheets, FIFO and symlinked stores refused."""
from __future__ import annotations

import csv
import errno
import json
import os

import pandas as pd
import pytest

import kit
from kit.errors import StoreError
from kit.assessment.log import progress_path, record_attempt


def _lines(*records) -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        for rec in records:
            handle.write((rec if isinstance(rec, str) else json.dumps(rec)) + "\n")


GOOD = {"time": "2026-11-27T10:00:00+00:00", "kind": "quiz", "quiz": "b", "question": "q", "attempt": 1,
        "status": "correct", "score": 1.0, "response": "x", "mistake": "", "feedback": ""}
ODD = [dict(GOOD, attempt=1.5), dict(GOOD, attempt="2"), dict(GOOD, score="high"), dict(GOOD, score=7),
       dict(GOOD, response=json.loads("[" * 12 + "1" + "]" * 12)), dict(GOOD, quiz=None), '["not", "an", "object"]',
       '{"bad json', "[" * 100_000 + "]" * 100_000]


def test_odd_store_lines_are_skipped_with_a_warning_everywhere(tmp_path):
    _lines(GOOD, *ODD, dict(GOOD, attempt=2, status="incorrect"))
    before = progress_path().read_bytes()
    with pytest.warns(UserWarning, match=r"skipped 6 record\(s\) with odd fields \(record 2: attempt is 1.5"):
        df = kit.progress()
    assert list(df["attempt"]) == [1, 2]
    with pytest.warns(UserWarning):
        out = kit.export_progress(tmp_path / "out.csv", student="ana")
    assert len(pd.read_csv(out)) == 2
    import matplotlib

    matplotlib.use("Agg", force=True)
    with pytest.warns(UserWarning):
        ax = kit.plot_progress()
    assert "b: 1 correct" in kit.describe_plot(ax)
    assert progress_path().read_bytes() == before  # the store is never rewritten


def test_old_records_without_the_new_fields_still_read():
    old = {k: v for k, v in GOOD.items() if k not in ("kind", "mistake", "feedback")}
    _lines(old)
    row = kit.progress().iloc[0]
    assert (row["kind"], row["mistake"], row["feedback"]) == ("quiz", "", "")


def _some_attempts():
    record_attempt(quiz="b", question="q1", response="=1+1", status="incorrect", mistake="m1",
                   feedback="That is a formula.")
    record_attempt(quiz="b", question="q1", response="line one\rline two\nthree", status="correct", score=1.0)
    record_attempt(quiz="b", question="q2", response="Pyongyang’s -5 @x", status="correct", score=1.0)


def test_export_columns_and_spreadsheet_safety(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "=cmd|' /C calc'!A0")
    _some_attempts()
    out = kit.export_progress(tmp_path / "p.csv")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["student", "learner", "time", "kind", "quiz", "question", "attempt", "status", "score",
                             "response", "mistake", "feedback"]
    assert rows[0]["student"] == "'=cmd|' /C calc'!A0"  # neutralised, shown as text
    assert rows[0]["response"] == "'=1+1" and rows[0]["mistake"] == "m1" and rows[0]["feedback"] == "That is a formula."
    assert rows[1]["response"] == "line one\rline two\nthree"  # quoted, so one cell
    assert rows[2]["response"] == "Pyongyang’s -5 @x"  # only a leading risky character is neutralised
    assert [r["attempt"] for r in rows] == ["1", "2", "1"]
    excel = kit.export_progress(tmp_path / "e.csv", excel=True, student="ana")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(excel, encoding="utf-8-sig")["student"].tolist() == ["ana"] * 3


def test_full_disk_keeps_the_old_export_whole(tmp_path, monkeypatch):
    _some_attempts()
    out = kit.export_progress(tmp_path / "p.csv", student="ana")
    old = out.read_bytes()
    record_attempt(quiz="b", question="q3", response="new", status="correct")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreError, match=r"No space left on device.*the old file, if any, is unchanged"):
        kit.export_progress(out, student="ana")
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit-progress", "p.csv"]  # no temp file left


def test_export_refuses_to_follow_a_symlink(tmp_path):
    target = tmp_path / "elsewhere.csv"
    target.write_text("precious\n")
    link = tmp_path / "p.csv"
    link.symlink_to(target)
    with pytest.raises(StoreError, match="is a symbolic link; export_progress\\(\\) does not write through links"):
        kit.export_progress(link)
    assert target.read_text() == "precious\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_fifo_store_is_refused_without_hanging():
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    with pytest.raises(StoreError, match=r"is a FIFO \(named pipe\), so the kit cannot keep its records there"):
        kit.progress()
    with pytest.raises(StoreError, match="FIFO"):
        record_attempt(quiz="b", question="q", response="x", status="correct")


def test_symlinked_store_is_refused(tmp_path):
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    real = tmp_path / "real.jsonl"
    real.write_text(json.dumps(GOOD) + "\n")
    path.symlink_to(real)
    with pytest.raises(StoreError, match="is a symbolic link; the kit does not follow links"):
        record_attempt(quiz="b", question="q", response="x", status="correct")
    with pytest.raises(StoreError, match="symbolic link"):
        kit.progress()
    assert real.read_text() == json.dumps(GOOD) + "\n"


def test_awkward_responses_are_saved_readably():
    record_attempt(quiz="b", question="q", response="half \udc80 emoji", status="incorrect")
    record_attempt(quiz="b", question="q", response=10**5000, status="incorrect")
    record_attempt(quiz="b", question="q", response={1, 2}, status="incorrect")
    df = kit.progress()
    assert list(df["attempt"]) == [1, 2, 3]
    assert df["response"].tolist() == ["half \ufffd emoji", "<an integer of 5001 digits>", "[1, 2]"]
