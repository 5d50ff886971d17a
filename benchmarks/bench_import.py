"""How long ``import kit`` takes in a fresh interpreter, and what it loads.

    python benchmarks/bench_import.py [--repeats 15]

Each run starts a new Python (``-c``), times ``import kit`` with perf_counter inside
it, and lists which heavy libraries ended up in ``sys.modules``.  The interpreter's
own start-up (``python -c pass``) is timed too, for reference.

For reference it also times the first step of a lesson (``import kit``,
``kit.load_corpus()`` and one text's sentences), which loads NLTK's Punkt and YAML.

Targets: median ``import kit`` <= 0.35 s, and seaborn / matplotlib not loaded.
The last line is machine-readable (``BENCH {json}``) for benchmarks/run.py.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.35
HEAVY = ["pandas", "numpy", "nltk", "seaborn", "matplotlib", "ipywidgets", "yaml", "IPython"]
FORBIDDEN = ["seaborn", "matplotlib"]

PROBE = f"""
import sys, time, json
t0 = time.perf_counter()
import kit
dt = time.perf_counter() - t0
loaded = [m for m in {HEAVY!r} if m in sys.modules]
kit.load_corpus()["cho"].sentences  # a lesson's first step: the texts, split into sentences
first_use = time.perf_counter() - t0
print(json.dumps({{"seconds": dt, "loaded": loaded, "first_use": first_use}}))
"""


def one_import() -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def one_startup() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    one_import()  # warm the file cache and .pyc files, not counted
    runs = [one_import() for _ in range(args.repeats)]
    seconds = [r["seconds"] for r in runs]
    loaded = sorted({m for r in runs for m in r["loaded"]})
    startup = statistics.median(one_startup() for _ in range(args.repeats))
    first_use = statistics.median(r["first_use"] for r in runs)
    median = statistics.median(seconds)
    bad = [m for m in FORBIDDEN if m in loaded]
    ok = median <= TARGET_S and not bad
    print(f"import kit in a fresh interpreter, {args.repeats} runs: median {median * 1000:.1f} ms "
          f"(min {min(seconds) * 1000:.1f}, max {max(seconds) * 1000:.1f}); target <= {TARGET_S * 1000:.0f} ms")
    print(f"python -c pass (interpreter start-up, for reference): median {startup * 1000:.1f} ms")
    print(f"import kit + load_corpus() + cho's sentences (a lesson's first step, for reference): "
          f"median {first_use * 1000:.1f} ms")
    print(f"heavy libraries loaded by import kit: {', '.join(loaded) or 'none'}")
    print(f"seaborn/matplotlib loaded: {'YES (' + ', '.join(bad) + ')' if bad else 'no'}")
    print(f"verdict: {'meets' if ok else 'MISSES'} the target")
    print("BENCH " + json.dumps({"bench": "import", "metrics": [
        {"measure": "import kit (fresh interpreter)", "median": median, "unit": "s",
         "target": TARGET_S, "ok": ok,
         "note": f"loaded: {', '.join(loaded) or 'none'}; seaborn/matplotlib {'LOADED' if bad else 'not loaded'}"},
        {"measure": "import kit + load_corpus() + sentences", "median": first_use, "unit": "s",
         "target": None, "ok": None, "note": "for reference"},
    ]}))


if __name__ == "__main__":
    main()
