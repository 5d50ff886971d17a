"""The progress store under real kernels: two Jupyter kernels answering quizzes at once,
and a kernel killed with SIGKILL while it is saving attempts.  No good record is lost.

The kernels click the quiz widget's Check button from Python (no browser), exactly as
the Check button does in JupyterLab; every click appends an attempt to the store in
KIT_PROGRESS_DIR (see kit/files/store.py and kit/assessment/log.py).
"""
from __future__ import annotations

import json
import os
import signal
import time
import warnings

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# Answer the first question of a bank wrongly `n` times (n=None: until killed), pressing
# Check then Try again, as a student would.  Each press of Check saves one attempt
# numbered 1, 2, 3, ... for that question.
CLICKER = """
import kit, itertools, os, time
box = kit.quiz({bank!r})
print("ready", flush=True)
while not os.path.exists({go!r}):  # start together
    time.sleep(0.005)
panel = next(p for p in box.panels if p.q.type == "single")
wrong = next(o.text for o in panel.q.options if o.text != panel.q.answer)
for i in (range({n}) if {n} is not None else itertools.count()):
    panel.input.value = wrong
    panel.check.click()
    panel.retry.click()
print("clicked", panel.attempts)
"""


@pytest.fixture
def kernels(tmp_path):
    from jupyter_client import KernelManager

    started = []

    def start():
        km = KernelManager(kernel_name="python3")
        env = {**os.environ, "KIT_PROGRESS_DIR": str(tmp_path / "store")}
        km.start_kernel(env=env, cwd=str(tmp_path))
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        started.append((km, client))
        return km, client

    yield start
    for km, client in started:
        client.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


def _stdout_of(client, msg_id, timeout, until=None):
    """Collect stream output of one execute request until the kernel is idle again
    (or until the text ``until`` has been printed)."""
    out, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        if until is not None and until in "".join(out):
            return "".join(out)
        msg = client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            raise AssertionError("kernel error: " + "\n".join(msg["content"]["traceback"]))
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(out)
    raise TimeoutError("kernel did not finish")


def _attempts(store_dir, bank):
    from kit.files import store

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = store.read_records(store_dir / "progress.jsonl")
    return [r["attempt"] for r in records if r.get("quiz") == bank], [str(w.message) for w in caught]


def test_two_kernels_answering_at_once_lose_no_attempt(kernels, tmp_path):
    n = 300
    banks = ["00_start_here", "01_close_reading"]
    go = tmp_path / "go"
    running = []
    for bank in banks:
        km, client = kernels()
        running.append((bank, client, client.execute(CLICKER.format(bank=bank, n=n, go=str(go)))))
    for bank, client, msg_id in running:  # both kernels built their quiz and wait for the go
        _stdout_of(client, msg_id, timeout=120, until="ready")
    go.touch()
    for bank, client, msg_id in running:
        assert f"clicked {n}" in _stdout_of(client, msg_id, timeout=240)
    store = tmp_path / "store"
    lines = (store / "progress.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * n and all(json.loads(line) for line in lines)  # no torn or merged lines
    order = [json.loads(line)["quiz"] for line in lines]
    switches = sum(a != b for a, b in zip(order, order[1:]))
    print(f"{switches} switches between the two kernels' records")
    assert switches > 1, "the two kernels did not write at the same time; the test proved nothing"
    for bank in banks:
        attempts, warned = _attempts(store, bank)
        assert attempts == list(range(1, n + 1)), f"{bank}: attempts lost or repeated"
        assert not warned


def test_kernel_killed_while_saving_keeps_every_saved_attempt(kernels, tmp_path):
    store = tmp_path / "store"
    km, client = kernels()
    (tmp_path / "go").touch()
    client.execute(CLICKER.format(bank="00_start_here", n=None, go=str(tmp_path / "go")))  # until killed
    log = store / "progress.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not log.exists() or log.read_bytes().count(b"\n") < 200):
        time.sleep(0.05)
    os.kill(km.provisioner.pid, signal.SIGKILL)  # kill -9, mid-loop
    km.provisioner.process.wait(timeout=30)

    attempts, warned = _attempts(store, "00_start_here")
    # every attempt that was written whole is there, in order, with no gap:
    # at most the one line being written at the kill is cut (and then skipped with a warning)
    assert len(attempts) >= 200
    assert attempts == list(range(1, len(attempts) + 1))
    assert len(warned) <= 1 and all("damaged line" in w for w in warned)

    # a new kernel keeps saving into the same store, and the old attempts stay
    km2, client2 = kernels()
    out = _stdout_of(client2, client2.execute(CLICKER.format(bank="01_close_reading", n=5, go=str(tmp_path / "go"))), timeout=120)
    assert "clicked 5" in out
    again, _ = _attempts(store, "00_start_here")
    assert again == attempts
    assert _attempts(store, "01_close_reading")[0] == [1, 2, 3, 4, 5]
