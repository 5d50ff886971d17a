"""The student's install: size of the ``.venv`` that ``make lab`` builds, and the time of
its bootstrap (``make venv``: venv, ``pip install uv``, ``uv pip install -e .``, kernel) with
an empty uv cache (pip's cache, which holds the uv wheel, stays).  Neither uv nor
``pip --no-compile`` compiles byte code: that defers compiling to the first import of each module, so the
first import of the lesson stack is timed too (and again, with the byte code cached):
that difference is the cost moved out of the bootstrap.

    python benchmarks/bench_install.py [--dest /tmp/kit-venv-bench] [--no-warm-up]

It runs ``make venv VENV=<dest>/.venv`` from this checkout with a bare PATH (the base
python3, make, git) and the user's pip cache: first once to warm the cache (not timed
unless --no-warm-up), then timed.  Size = bytes of every file under the venv (du -sb).
Targets (issue 24): venv <= 400 MB, bootstrap <= 15 s.  For comparison it also reports
what the test set (``make test-venv``: test, browser and hub extras) adds, when --with-test.
The last line is machine-readable (``BENCH {json}``) for benchmarks/run.py.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE_TARGET_MB = 400
TIME_TARGET_S = 15


def _env() -> dict[str, str]:
    bindir = Path(os.environ.get("TMPDIR", "/tmp")) / "kit-bench-bin"
    bindir.mkdir(exist_ok=True)
    real = Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    wrapper = bindir / "python3"
    wrapper.write_text(f'#!/bin/sh\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    for tool in ("make", "git"):
        link = bindir / tool
        if not link.exists():
            link.symlink_to(shutil.which(tool))
    keep = {k: os.environ[k] for k in ("HOME", "LANG", "PIP_CACHE_DIR", "XDG_CACHE_HOME", "PIP_CONFIG_FILE",
                                       "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS")
            if k in os.environ}
    return {**keep, "PATH": f"{bindir}:/bin:/usr/bin"}


def make(target: str, venv: Path) -> float:
    """Seconds of ``make target`` with an EMPTY uv cache (a fresh directory each time)."""
    cache = Path(tempfile.mkdtemp(prefix="kit-bench-uv-cache-"))
    t0 = time.perf_counter()
    proc = subprocess.run(["make", target, f"VENV={venv}"], cwd=ROOT, env={**_env(), "UV_CACHE_DIR": str(cache)},
                          capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=1800)
    shutil.rmtree(cache, ignore_errors=True)
    if "uv could not be installed" in proc.stdout + proc.stderr:
        print("note: make fell back to pip (uv could not be installed)")
    if proc.returncode:
        raise SystemExit(f"make {target} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t0


STACK = "import pandas, matplotlib.pyplot, seaborn, ipywidgets, nltk, ipykernel.kernelapp, jupyter_server.serverapp"


def first_imports(venv: Path) -> tuple[float, float]:
    """Seconds for the lesson stack's imports: first (compiling, writing byte code), then cached."""
    env = {k: v for k, v in _env().items()}
    env["MPLBACKEND"] = "agg"
    out = []
    for _ in range(2):
        t0 = time.perf_counter()
        subprocess.run([str(venv / "bin" / "python"), "-c", STACK], env=env, check=True, capture_output=True,
                       timeout=600)
        out.append(time.perf_counter() - t0)
    return out[0], out[1]


def size_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=Path("/tmp/kit-venv-bench"))
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--with-test", action="store_true", help="also measure the test set on top")
    args = parser.parse_args()
    venv = args.dest / ".venv"
    if not args.no_warm_up:
        shutil.rmtree(args.dest, ignore_errors=True)
        make("venv", venv)
    shutil.rmtree(args.dest, ignore_errors=True)
    seconds = make("venv", venv)
    mb = size_mb(venv)
    print(f"make venv (student set), empty uv cache: {seconds:.1f} s (target <= {TIME_TARGET_S} s)")
    print(f"student .venv: {mb:.0f} MB (target <= {SIZE_TARGET_MB} MB)")
    first, cached = first_imports(venv)
    print(f"first import of the lesson stack: {first:.1f} s; again, byte code cached: {cached:.1f} s; "
          f".venv then {size_mb(venv):.0f} MB")
    metrics = [
        {"measure": "student .venv size", "median": mb, "unit": "MB", "target": SIZE_TARGET_MB,
         "ok": mb <= SIZE_TARGET_MB, "note": "make venv / make lab: the student set only"},
        {"measure": "make venv bootstrap, empty uv cache", "median": seconds, "unit": "s",
         "target": TIME_TARGET_S, "ok": seconds <= TIME_TARGET_S,
         "note": "venv + pip install uv + uv pip install -e . + kernel"},
        {"measure": "first import of the lesson stack (compiles)", "median": first, "unit": "s", "target": None,
         "ok": None, "note": f"{cached:.1f} s once the byte code is cached"},
    ]
    if args.with_test:
        extra = make("test-venv", venv)
        full = size_mb(venv)
        print(f"make test-venv on top: {extra:.1f} s; .venv with the test set: {full:.0f} MB")
        metrics.append({"measure": ".venv with the test, browser, hub extras", "median": full, "unit": "MB",
                        "target": None, "ok": None, "note": f"make test-venv added {extra:.0f} s"})
    shutil.rmtree(args.dest, ignore_errors=True)
    print("BENCH " + json.dumps({"bench": "install", "metrics": metrics}))


if __name__ == "__main__":
    main()
