"""benchmarks/run.py reads each benchmark's figures: the machine-readable BENCH line,
or, for scripts without it, their own 'median ... (target <= ...)' lines."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)


def test_bench_line_wins():
    out = 'some text\nBENCH {"bench": "x", "metrics": [{"measure": "m", "median": 0.5, "unit": "s", "target": 1, "ok": true}]}\n'
    assert run.parse("bench_x.py", out) == [{"measure": "m", "median": 0.5, "unit": "s", "target": 1, "ok": True}]


def test_median_lines_in_ms_and_s():
    out = ("explorer update on the corpus: median 2.50 ms (target <= 50 ms) over 200 updates\n"
           "median 12.00 ms (p90 14.00 ms); target <= 10 ms: TOO SLOW\n")
    first, second = run.parse("bench_quiz.py", out)
    assert first["measure"] == "explorer update on the corpus"
    assert first["median"] == pytest.approx(0.0025) and first["target"] == pytest.approx(0.05) and first["ok"]
    assert second["measure"] == "quiz Check handler"  # no label: the script's description
    assert second["median"] == pytest.approx(0.012) and second["ok"] is False


def test_frequency_lines_and_nltk_ratio():
    out = ("      size      real   sentences  total  nltk total/nltk count/nltk\n"
           " 1,000,000 1,002,000       0.500  3.000 1.500       2.00       0.60\n"
           "1M tokens end to end: 3.00 s (MISSES the 2 s target)\n")
    metrics = run.parse("bench_frequency.py", out)
    assert metrics[0]["measure"] == "1M tokens end to end" and metrics[0]["ok"] is False
    assert metrics[1]["unit"] == "x" and metrics[1]["median"] == 2.0


def test_missing_script_is_reported(tmp_path):
    status, metrics, _, _ = run.run_one("bench_does_not_exist.py", [], 10)
    assert status == "missing" and metrics == []
    rows = run.table([("bench_does_not_exist.py", "something", status, metrics, 0.0, "")])
    assert rows[0][2] == "missing"
