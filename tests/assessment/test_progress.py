"""kit.progress / export_progress / plot_progress over the JSON-lines store."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

import kit
from kit.errors import StoreError
from kit.assessment.log import COLUMNS, progress_path, record_attempt


def _two_attempts():
    record_attempt(quiz="01_close_reading", question="wedge", response="It is the best strategy",
                   status="incorrect", score=0.0, attempt=1)
    record_attempt(quiz="01_close_reading", question="wedge", response="It would be futile",
                   status="correct", score=1.0, attempt=2)


def test_store_lives_under_env_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "p"))
    assert progress_path() == tmp_path / "p" / "progress.jsonl"


def test_empty_progress_has_the_columns():
    df = kit.progress()
    assert df.empty
    assert list(df.columns) == COLUMNS


def test_progress_is_tidy_one_row_per_attempt():
    _two_attempts()
    record_attempt(quiz="02_keyword_frequencies", question="q2", response=["a", "b"], status="partial",
                   score=0.5, attempt=1)
    record_attempt(quiz="02", question="02.1", response=5, status="correct", score=1.0, attempt=1, kind="exercise")
    df = kit.progress()
    assert len(df) == 4
    assert list(df.columns) == COLUMNS
    assert str(df["time"].dtype).startswith("datetime64") and str(df["time"].dt.tz) == "UTC"
    assert list(df["status"]) == ["incorrect", "correct", "partial", "correct"]
    assert list(df["attempt"]) == [1, 2, 1, 1]
    assert list(df["response"]) == ["It is the best strategy", "It would be futile", '["a", "b"]', "5"]
    assert list(df["kind"]) == ["quiz", "quiz", "quiz", "exercise"]
    assert df["time"].is_monotonic_increasing
    assert len(kit.progress(bank="01_close_reading")) == 2


def test_odd_responses_are_saved_as_json():
    import numpy as np

    record_attempt(quiz="x", question="q", response={"b", "a"}, status="incorrect", attempt=1)
    record_attempt(quiz="x", question="q", response=np.int64(7), status="incorrect", attempt=2)
    record_attempt(quiz="x", question="q", response=pd.Series([1, 2]), status="incorrect", attempt=3)
    record_attempt(quiz="x", question="q", response=float("nan"), status="incorrect", attempt=4)
    record_attempt(quiz="x", question="q", response=None, status="incorrect", attempt=5)
    assert list(kit.progress()["response"]) == ['["a", "b"]', "7", "[1, 2]", "nan", ""]


def test_progress_survives_a_damaged_line():
    _two_attempts()
    with open(progress_path(), "ab") as handle:
        handle.write(b'{"quiz": "01_close_reading", "question": "wedge", "sta')  # killed mid-write
    with pytest.warns(UserWarning, match="damaged"):
        df = kit.progress()
    assert len(df) == 2


def test_export_progress_writes_csv(tmp_path):
    _two_attempts()
    out = kit.export_progress(tmp_path / "class.csv")
    assert out == tmp_path / "class.csv"
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["incorrect", "correct"]
    assert [r["response"] for r in rows] == ["It is the best strategy", "It would be futile"]
    assert list(rows[0]) == ["student", "learner", *COLUMNS]
    assert len({r["learner"] for r in rows}) == 1 and len(rows[0]["learner"]) == 12  # this store's own id


def test_export_into_a_folder_and_filtered(tmp_path):
    _two_attempts()
    record_attempt(quiz="other", question="q", response="x", status="correct", attempt=1)
    out = kit.export_progress(tmp_path, bank="other")
    assert out == tmp_path / "my_progress.csv"
    assert len(pd.read_csv(out)) == 1


def test_export_to_missing_folder_is_clear_error(tmp_path):
    with pytest.raises(StoreError, match=r"folder .*nope.* does not exist.*Create the folder first"):
        kit.export_progress(tmp_path / "nope" / "x.csv")


def test_plot_progress_returns_axes_with_best_result_per_question():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    _two_attempts()  # wedge: incorrect then correct -> best is correct
    record_attempt(quiz="01_close_reading", question="other", response="x", status="incorrect", attempt=1)
    fig, ax = plt.subplots()
    out = kit.plot_progress(ax=ax)
    assert out is ax
    assert ax.get_xlabel() == "questions"
    # one bar per (quiz, status) present: correct = 1 question, incorrect = 1 question
    heights = sorted(round(p.get_width()) for p in ax.patches if p.get_width() > 0)
    assert heights == [1, 1]
    plt.close(fig)


def test_plot_progress_empty_and_given_df():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    ax = kit.plot_progress()
    assert "No attempts saved yet" in ax.get_title()
    plt.close(ax.figure)
    df = pd.DataFrame({"quiz": ["a", "a", "a"], "question": ["1", "2", "2"],
                       "status": ["correct", "partial", "incorrect"]})
    ax = kit.plot_progress(df)
    assert sorted(round(p.get_width()) for p in ax.patches if p.get_width() > 0) == [1, 1]
    plt.close(ax.figure)
