"""The student's install: size of the ``.venv`` that ``make lab`` builds, and the time of
its bootstrap (``make venv``: ``python3 -m venv --without-pip``; uv fetched from the package
index by the system's pip into a temporary folder, removed after; ``uv pip install pip -e .``;
the kernel spec) with an empty uv cache each round (pip's cache, which may hold the uv wheel,
stays).  Neither uv nor ``pip --no-compile`` compiles byte code: that defers compiling to
the first import of each module, so the first import of the lesson stack is timed too (and
again, with the byte code cached): that difference is the cost moved out of the bootstrap.

    python benchmarks/bench_install.py [--dest /tmp/kit-venv-bench] [--rounds 3] [--no-warm-up]

Each round runs ``make venv VENV=<dest>/<round>/.venv`` from this checkout with a bare PATH
(the base python3, make, git) and the user's pip cache; a first, untimed round warms that
cache (not with --no-warm-up).  The venvs are removed only after the last round: on this
machine's ext4 (no journal), creating files right after deleting tens of thousands makes
every new inode slower for a minute or more, which would charge one round for the last.
Size = bytes of every file under the venv (du -sb).  Targets (issue 24): venv <= 400 MB,
bootstrap <= 15 s (median; min and max beside it, and the load average).  With --with-test
it also reports what the test set (``make test-venv``: test, browser and hub extras) adds.
The last line is machine-readable (``BENCH {json}``) for benchmarks/run.py.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
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
    """Seconds of ``make target`` with an EMPTY uv cache (a fresh folder beside the venv, removed with it)."""
    venv.parent.mkdir(parents=True, exist_ok=True)
    cache = Path(tempfile.mkdtemp(prefix="uv-cache-", dir=venv.parent))
    t0 = time.perf_counter()
    proc = subprocess.run(["make", target, f"VENV={venv}"], cwd=ROOT, env={**_env(), "UV_CACHE_DIR": str(cache)},
                          capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=1800)
    if "uv could not be fetched" in proc.stdout + proc.stderr:
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
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds, each with an empty uv cache")
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--with-test", action="store_true", help="also measure the test set on top")
    args = parser.parse_args()
    shutil.rmtree(args.dest, ignore_errors=True)
    if not args.no_warm_up:
        make("venv", args.dest / "warm-up" / ".venv")
    seconds, loads = [], []
    for i in range(args.rounds):
        loads.append(os.getloadavg()[0])
        seconds.append(make("venv", args.dest / f"round-{i}" / ".venv"))
        print(f"round {i}: make venv {seconds[-1]:.1f} s (load {loads[-1]:.2f})", flush=True)
    venv = args.dest / f"round-{args.rounds - 1}" / ".venv"
    median = statistics.median(seconds)
    mb = size_mb(venv)
    load = f"load {min(loads):.1f}-{max(loads):.1f}"
    print(f"make venv (student set), empty uv cache: median {median:.1f} s, min {min(seconds):.1f}, "
          f"max {max(seconds):.1f} over {len(seconds)} rounds, {load} (target <= {TIME_TARGET_S} s)")
    print(f"student .venv: {mb:.0f} MB (target <= {SIZE_TARGET_MB} MB)")
    first, cached = first_imports(venv)
    print(f"first import of the lesson stack: {first:.1f} s; again, byte code cached: {cached:.1f} s; "
          f".venv then {size_mb(venv):.0f} MB")
    metrics = [
        {"measure": "student .venv size", "median": mb, "unit": "MB", "target": SIZE_TARGET_MB,
         "ok": mb <= SIZE_TARGET_MB, "note": "make venv / make lab: the student set only"},
        {"measure": "make venv bootstrap, empty uv cache", "median": median, "min": min(seconds),
         "max": max(seconds), "unit": "s", "target": TIME_TARGET_S, "ok": median <= TIME_TARGET_S,
         "note": f"venv without pip + uv fetched by pip into a temporary folder + uv pip install pip -e . "
                 f"+ kernel spec; {len(seconds)} rounds, {load}"},
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
