"""Growth of every reading and counting function from a text to the same text 10x longer.

    python benchmarks/bench_growth.py [--base 4000]

Uses the cases of tests/analysis/test_linearity.py (CPU time, best of three, a fresh Document
each time): a ratio near 10 is linear; the test fails a function at 25.  Also times
the same functions on unpunctuated text (one paragraph, no sentence ends).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "analysis"))  # tests/analysis/test_linearity.py

import test_linearity as lin  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=lin.BASE)
    args = parser.parse_args()
    lin.BASE = args.base
    print(f"{'function':<22} {'1x (s)':>9} {'10x (s)':>9} {'ratio':>7}   ({args.base:,} -> {10 * args.base:,} tokens)")
    worst = 0.0
    rows = [(name, func, True) for name, func in lin.CASES.items()]
    rows += [(f"{name} (unpunctuated)", lin.CASES[name], False) for name in ("sentences", "kwic-phrase", "actors")]
    for name, func, punctuated in rows:
        t1, t10 = lin.growth(func, punctuated=punctuated)
        ratio = t10 / max(t1, 1e-4)
        worst = max(worst, ratio)
        print(f"{name:<22} {t1:>9.4f} {t10:>9.4f} {ratio:>7.1f}")
    metrics = [{"measure": "worst growth per 10x text (CPU)", "median": round(worst, 1), "unit": "x",
                "target": lin.LIMIT, "ok": worst < lin.LIMIT, "note": "10 = linear"}]
    print("BENCH " + json.dumps({"bench": "bench_growth.py", "metrics": metrics}))


if __name__ == "__main__":
    main()
