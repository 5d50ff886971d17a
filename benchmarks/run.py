"""Run every benchmark and print one table of medians, targets and ratios.

    python benchmarks/run.py [--quick] [--output benchmarks/RESULTS.md]

Each benchmark is a plain script in this folder, run here as a subprocess with this
Python.  A script's figures are read from its last line when that line is
``BENCH {json}`` (``{"bench": name, "metrics": [{"measure", "median", "unit",
"target", "ok", "note"}]}``); for a script without that line, from its own
"median ... (target <= ...)" lines.  A script that is missing or fails is reported
as such, and the table still prints.

``ratio`` is median / target (<= 1 meets a "<=" target; for a speed-up such as "NLTK / kit",
>= 1 meets it: the script's ``ok`` decides the verdict); a metric may also give ``min`` and
``max`` over its rounds, shown beside the median.  ``--output`` also writes the
table as Markdown (with the date, Python and the machine's core count), the file
the README links as the latest figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (script, what it measures, extra arguments for --quick)
BENCHMARKS = [
    ("bench_notebooks.py", "lesson series vs its floor (kernel + fixed stack)", ["--repeats", "1"]),
    ("bench_install.py", "student .venv size and make venv bootstrap", ["--no-warm-up"]),
    ("bench_import.py", "import kit in a fresh interpreter", ["--repeats", "5"]),
    ("bench_frequency.py", "1M-token pipeline vs its floor and NLTK, one run", ["--repeats", "1"]),
    ("bench_quiz.py", "quiz Check handler", []),
    ("bench_kwic.py", "KWIC explorer and kwic on 1M tokens", []),
    ("bench_course.py", "recommendations on long unpunctuated text, 10x growth", ["--size", "50000"]),
    ("bench_growth.py", "every analysis function at 1x and 10x text (linear = 10x)", []),
]

_WHAT = {script: what for script, what, _ in BENCHMARKS}
_UNIT_SECONDS = {"s": 1.0, "ms": 1e-3}
# "label: median 2.1 ms (target <= 50 ms)" and "median 3.2 ms (p90 ...); target <= 10 ms"
_MEDIAN_RE = re.compile(
    r"^(?P<label>.*?)[:\s]*median (?P<value>[\d.]+) (?P<unit>ms|s)\b.*?target <= (?P<target>[\d.]+) (?P<tunit>ms|s)")
# bench_frequency.py: "1M tokens end to end: 1.23 s (meets the 2 s target)"
_FREQ_RE = re.compile(r"^(?P<label>1M tokens .+?): (?P<value>[\d.]+) s \((?:meets|MISSES) the (?P<target>[\d.]+) s target\)")


def parse(name: str, output: str) -> list[dict]:
    """The metrics of one benchmark's output."""
    lines = [line for line in output.splitlines() if line.strip()]
    if lines and lines[-1].startswith("BENCH "):
        return json.loads(lines[-1][len("BENCH "):])["metrics"]
    metrics = []
    for line in lines:
        m = _MEDIAN_RE.search(line)
        if m:
            unit, tunit = _UNIT_SECONDS[m["unit"]], _UNIT_SECONDS[m["tunit"]]
            value, target = float(m["value"]) * unit, float(m["target"]) * tunit
            label = m["label"].strip().rstrip(",:;").strip() or _WHAT.get(name, name)
            metrics.append({"measure": label, "median": value, "unit": "s", "target": target,
                            "ok": value <= target, "note": ""})
            continue
        m = _FREQ_RE.search(line)
        if m:
            value, target = float(m["value"]), float(m["target"])
            metrics.append({"measure": m["label"], "median": value, "unit": "s", "target": target,
                            "ok": value <= target, "note": ""})
    ratio = _nltk_ratio(lines)
    if ratio is not None:
        metrics.append({"measure": "1M tokens end to end / NLTK Treebank+FreqDist", "median": ratio,
                        "unit": "x", "target": None, "ok": None, "note": "ratio to the NLTK baseline"})
    return metrics


def _nltk_ratio(lines: list[str]) -> float | None:
    """bench_frequency.py's table: the 1,000,000 row's 'total/nltk' column."""
    header = next((line.split() for line in lines if "total/nltk" in line), None)
    row = next((line.split() for line in lines if line.strip().startswith("1,000,000")), None)
    if not header or not row or len(row) != len(header):
        return None
    try:
        return float(row[header.index("total/nltk")])
    except ValueError:
        return None


def run_one(script: str, extra: list[str], timeout: float) -> tuple[str, list[dict], float, str]:
    """(status, metrics, seconds, tail of the output) of one benchmark script."""
    path = HERE / script
    if not path.exists():
        return "missing", [], 0.0, ""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(path), *extra], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:.0f} s", [], time.perf_counter() - t0, ""
    seconds = time.perf_counter() - t0
    tail = "\n".join(proc.stdout.strip().splitlines()[-12:])
    if proc.returncode != 0:
        err = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        return f"failed (exit {proc.returncode}): {err}", [], seconds, tail
    metrics = parse(script, proc.stdout)
    return ("ok" if metrics else "ran, but no figures found in its output"), metrics, seconds, tail


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.2f} {unit}"


def table(results) -> list[tuple[str, ...]]:
    rows = []
    for script, what, status, metrics, _seconds, _tail in results:
        if not metrics:
            rows.append((script, what, status, "-", "-", "-", "-", "-"))
            continue
        for m in metrics:
            target = m.get("target")
            ratio = f"{m['median'] / target:.2f}" if target else "-"
            verdict = {True: "meets", False: "MISSES", None: "-"}[m.get("ok")]
            spread = (f"{_fmt(m['min'], m['unit'])} / {_fmt(m['max'], m['unit'])}"
                      if m.get("min") is not None and m.get("max") is not None else "-")
            rows.append((script, m["measure"], _fmt(m["median"], m["unit"]), _fmt(target, m["unit"]),
                         ratio, verdict, spread, m.get("note", "")))
    return rows


HEAD = ("benchmark", "measure", "median", "target", "ratio", "verdict", "min / max", "note")


def print_table(rows) -> None:
    widths = [max(len(str(r[i])) for r in [HEAD, *rows]) for i in range(len(HEAD))]
    for r in [HEAD, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())


def markdown(rows, results, quick: bool) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Benchmark figures (latest run)",
        "",
        f"Made by `python benchmarks/run.py{' --quick' if quick else ''} --output benchmarks/RESULTS.md` "
        f"on {when}; Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"
        f"{_load()}.",
        "Medians of runs made in this one run (min / max beside them where a script gives them); "
        "ratio = median / target (<= 1 meets a time or size target, >= 1 a speed-up target).",
        "",
        "| " + " | ".join(HEAD) + " |",
        "|" + "---|" * len(HEAD),
    ]
    out += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in rows]
    out += ["", "Time per script: " + "; ".join(f"{s} {sec:.0f} s" for s, _w, _st, _m, sec, _t in results), ""]
    return "\n".join(out)


def _load() -> str:
    """The 1-minute load average at the end of the run (other work skews the figures)."""
    try:
        return f", load average {os.getloadavg()[0]:.1f} at the end"
    except (AttributeError, OSError):
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--output", type=Path, help="also write the table as Markdown to this file")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds allowed per script")
    args = parser.parse_args()
    results = []
    for script, what, quick_args in BENCHMARKS:
        print(f"running {script} ...", flush=True)
        status, metrics, seconds, tail = run_one(script, quick_args if args.quick else [], args.timeout)
        if status != "ok" and tail:
            print(tail)
        results.append((script, what, status, metrics, seconds, tail))
    rows = table(results)
    print()
    print_table(rows)
    if args.output:
        args.output.write_text(markdown(rows, results, args.quick), encoding="utf-8")
        print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
