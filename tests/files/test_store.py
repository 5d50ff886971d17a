"""kit.files.store: appends under a lock lose nothing; damage is skipped or set aside, never spread."""
from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.files import store as _store
from kit.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]


def _writer(path: str, who: str, n: int) -> None:
    for i in range(n):
        _store.append_record(path, {"who": who, "i": i, "pad": "x" * 200})


def test_base_dir_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "elsewhere"))
    assert _store.base_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("KIT_PROGRESS_DIR")
    assert _store.base_dir() == Path.home() / ".close-reading-kit"


def test_append_and_read_round_trip(tmp_path):
    log = tmp_path / "sub" / "log.jsonl"  # folder created on first write
    assert _store.read_records(log) == []
    _store.append_record(log, {"a": 1, "text": "Pyongyang’s"})
    _store.append_record(log, {"a": 2, "when": {"x", }})  # non-JSON values stored as text
    records = _store.read_records(log)
    assert [r["a"] for r in records] == [1, 2]
    assert records[0]["text"] == "Pyongyang’s"
    assert records[1]["when"] == "{'x'}"
    assert log.read_text(encoding="utf-8").count("\n") == 2


def test_two_processes_writing_500_each_lose_nothing(tmp_path):
    log = str(tmp_path / "log.jsonl")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(log, who, 500)) for who in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    records = _store.read_records(log)
    assert len(records) == 1000
    for who in ("p1", "p2"):
        assert sorted(r["i"] for r in records if r["who"] == who) == list(range(500))


KILLED_WRITER = """
import sys
sys.path.insert(0, {root!r})
from kit.files import store as _store
i = 0
while True:
    _store.append_record({log!r}, {{"i": i, "pad": "y" * 5000}})
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_process_killed_mid_write_leaves_readable_store(tmp_path):
    log = tmp_path / "log.jsonl"
    code = KILLED_WRITER.format(root=str(ROOT), log=str(log))
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 30
    while time.time() < deadline and (not log.exists() or log.stat().st_size < 200_000):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with _maybe_warns():
        records = _store.read_records(log)
    # every record is numbered in order: nothing before the last complete line is lost
    assert len(records) > 10
    assert [r["i"] for r in records] == list(range(len(records)))
    # and the store still takes new records after the crash
    _store.append_record(log, {"i": "after"})
    with _maybe_warns():
        assert _store.read_records(log)[-1] == {"i": "after"}


class _maybe_warns:
    """Accept zero or one 'damaged line' warning (the kill may or may not cut a line)."""

    def __enter__(self):
        import warnings

        self._cm = warnings.catch_warnings(record=True)
        self.caught = self._cm.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self._cm.__exit__(*exc)
        assert len(self.caught) <= 1
        for w in self.caught:
            assert "damaged line" in str(w.message)
        return False


def test_partial_last_line_is_skipped_with_warning_and_next_record_kept(tmp_path):
    log = tmp_path / "log.jsonl"
    _store.append_record(log, {"i": 0})
    _store.append_record(log, {"i": 1})
    with open(log, "ab") as handle:  # what a writer killed mid-line leaves behind
        handle.write(b'{"i": 2, "pad": "unfini')
    with pytest.warns(UserWarning, match=r"skipped 1 damaged line\(s\) \(line 3\)"):
        assert _store.read_records(log) == [{"i": 0}, {"i": 1}]
    _store.append_record(log, {"i": 3})  # starts on a fresh line, not glued to the fragment
    with pytest.warns(UserWarning, match="damaged"):
        assert _store.read_records(log) == [{"i": 0}, {"i": 1}, {"i": 3}]
    assert b'"unfini\n{"i": 3}' in log.read_bytes()  # the fragment is kept, not deleted


def test_corrupt_middle_line_skipped_not_deleted(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_bytes(b'{"i": 0}\n\xff\xfe garbage\n[1, 2]\n{"i": 3}\n')
    before = log.read_bytes()
    with pytest.warns(UserWarning, match=r"2 damaged line\(s\) \(line 2, 3\)"):
        assert _store.read_records(log) == [{"i": 0}, {"i": 3}]
    assert log.read_bytes() == before


def test_atomic_write_json_replaces_and_leaves_no_temp_files(tmp_path):
    f = tmp_path / "notes.json"
    _store.atomic_write_json(f, {"v": 1})
    _store.atomic_write_json(f, {"v": 2, "s": "’"})
    assert _store.read_json(f, None) == {"v": 2, "s": "’"}
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_read_json_missing_gives_default(tmp_path):
    assert _store.read_json(tmp_path / "nope.json", {"empty": True}) == {"empty": True}


def test_corrupt_json_file_is_set_aside_not_overwritten(tmp_path):
    f = tmp_path / "notes.json"
    f.write_text('{"half": ', encoding="utf-8")
    with pytest.warns(UserWarning, match="was damaged.*moved to"):
        assert _store.read_json(f, []) == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("notes.json.corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == '{"half": '
    assert not f.exists()
    # a later save does not touch the set-aside copy
    _store.atomic_write_json(f, {"new": 1})
    assert aside[0].read_text(encoding="utf-8") == '{"half": '
    # a second corrupt file the same second gets its own name
    f.write_text("not json", encoding="utf-8")
    with pytest.warns(UserWarning):
        _store.read_json(f, None)
    assert len([p for p in tmp_path.iterdir() if ".corrupt-" in p.name]) == 2


def test_locked_serialises_read_modify_write(tmp_path):
    f = tmp_path / "counter.json"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_increment, args=(str(f), 100)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert _store.read_json(f, None) == {"n": 200}


def _increment(path: str, n: int) -> None:
    for _ in range(n):
        with _store.locked(path):
            value = _store.read_json(path, {"n": 0})
            _store.atomic_write_json(path, {"n": value["n"] + 1})


def test_unwritable_folder_gives_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        _store.append_record(blocker / "log.jsonl", {"a": 1})


def test_unserialisable_record_is_clear_error(tmp_path):
    with pytest.raises(StoreError, match="JSON"):
        _store.append_record(tmp_path / "l.jsonl", {1j: "complex keys cannot be JSON"})
