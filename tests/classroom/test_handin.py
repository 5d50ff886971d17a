"""kit.hand_in, the class folder's check, the report over the inbox, comments and feedback.

One Unix user here (whoever runs the tests): the file modes are checked as numbers, and
what the file system does with them for other users is tested on a real hub with real
users (tests/hub/test_hub_handin.py).  Atomicity: a hand-in killed with SIGKILL half way
leaves the earlier version byte for byte as it was.
"""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.assessment.log import record_attempt
from kit.classroom import comments, handin, inbox
from kit.classroom.report import class_report
from kit.errors import InvalidArgument, NoPermission, StoreError

REPO = Path(__file__).resolve().parents[2]
ME = inbox.student_name(os.getuid())


@pytest.fixture
def klass(tmp_path, monkeypatch):
    """A class folder set up as ``class setup`` does (owner: whoever runs the tests)."""
    folder = tmp_path / "class"
    for sub in ("inbox", "outbox"):
        (folder / sub).mkdir(parents=True)
        os.chmod(folder / sub, inbox.DROPBOX_MODE)
    monkeypatch.setenv("KIT_CLASS_DIR", str(folder))
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("JUPYTERHUB_USER", "mallory")  # a name the report must not trust
    record_attempt(quiz="01_close_reading", question="q1", response="cho 2.3", status="incorrect")
    record_attempt(quiz="01_close_reading", question="q1", response="cho 3.2", status="correct", score=1)
    record_attempt(quiz="04_synthesis", question="compare", response="Both want peace <b>", status="written",
                   kind="exercise")
    return folder


def test_hand_in_writes_a_new_version_each_time_mode_0640(klass):
    first = handin.hand_in()
    assert (first.version, first.attempts, first.written) == (1, 3, 1)
    assert first.path == klass / "inbox" / f"{ME}.v0001.csv"
    before = first.path.read_bytes()
    record_attempt(quiz="04_synthesis", question="compare", response="Second draft", status="written",
                   kind="exercise")
    second = handin.hand_in()
    assert second.version == 2 and second.path.name == f"{ME}.v0002.csv"
    assert first.path.read_bytes() == before  # the earlier version is kept as it was
    for path in (first.path, second.path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o640  # no access at all for other students
    assert sorted(p.name for p in (klass / "inbox").iterdir()) == [first.path.name, second.path.name]
    assert "Second draft" in second.path.read_text(encoding="utf-8")
    assert "Handed in version 2: 4 attempts, 2 written answers" in str(second)
    mine = klass / "outbox" / ME
    assert mine.is_dir() and stat.S_IMODE(mine.stat().st_mode) & 0o777 == 0o730


def test_a_name_already_taken_moves_on_never_overwrites(klass):
    squat = klass / "inbox" / f"{ME}.v0001.csv"
    squat.write_text("not mine\n")
    result = handin.hand_in()
    assert result.version == 2 and squat.read_text() == "not mine\n"


def test_no_class_folder_or_inbox_or_no_write_permission(klass, monkeypatch, tmp_path):
    monkeypatch.delenv("KIT_CLASS_DIR")
    with pytest.raises(StoreError, match="KIT_CLASS_DIR is not set"):
        handin.hand_in()
    with pytest.raises(StoreError, match="No inbox at .*python -m kit class setup"):
        handin.hand_in(tmp_path / "nowhere")
    monkeypatch.setattr(handin.os, "access", lambda *a, **k: False)  # root may write anywhere: pretend
    with pytest.raises(NoPermission, match="may not write into the inbox .* class check"):
        handin.hand_in(klass)


def test_a_full_disk_loses_nothing_and_leaves_no_temp_file(klass, monkeypatch):
    first = handin.hand_in()
    before = first.path.read_bytes()
    text = handin._export_text()
    monkeypatch.setattr(handin, "_export_text", lambda: text)  # os.write below is the inbox's only

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handin.os, "write", full)
    with pytest.raises(StoreError, match="disk .* is full, so nothing was handed in .* earlier hand-ins are kept"):
        handin.hand_in()
    assert sorted(p.name for p in (klass / "inbox").iterdir()) == [first.path.name]
    assert first.path.read_bytes() == before


def test_an_interrupted_hand_in_says_so_and_keeps_the_earlier_one(klass, monkeypatch):
    first = handin.hand_in()
    text = handin._export_text()
    monkeypatch.setattr(handin, "_export_text", lambda: text)  # os.fsync below is the inbox's only

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(handin.os, "fsync", interrupted)
    with pytest.raises(StoreError, match="interrupted .* nothing was handed in this time"):
        handin.hand_in()
    assert sorted(p.name for p in (klass / "inbox").iterdir()) == [first.path.name]


_KILLED = """
import sys, time, kit.classroom.handin as h
def stuck(tmp, inbox, name):
    open(sys.argv[1], "w").close()  # the temp file is written and synced, not yet linked: kill me now
    time.sleep(60)
h._link_next = stuck
h.hand_in()
"""


def test_kill_9_during_a_hand_in_leaves_the_earlier_version_whole(klass, tmp_path):
    first = handin.hand_in()
    before = first.path.read_bytes()
    marker = tmp_path / "written"
    proc = subprocess.Popen([sys.executable, "-c", _KILLED, str(marker)], cwd=REPO, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the hand-in never got under way"
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    names = sorted(p.name for p in (klass / "inbox").iterdir())
    assert first.path.name in names and f"{ME}.v0002.csv" not in names
    assert any(n.startswith(f".{ME}.") and n.endswith(".tmp") for n in names), names  # the half-done temp
    assert first.path.read_bytes() == before
    assert [p.name for _, _, p in inbox.latest_handins(klass / "inbox")] == [first.path.name]
    assert handin.hand_in().version == 2  # the next hand-in works


def test_report_reads_the_latest_version_per_owner_not_the_name_inside(klass):
    handin.hand_in()
    record_attempt(quiz="01_close_reading", question="q2", response="yang 1.1", status="correct", score=1)
    handin.hand_in()
    report = class_report(inbox=klass)
    assert list(report.students["student"]) == [ME]  # the owner, not JUPYTERHUB_USER=mallory
    assert set(report.attempts["file"]) == {f"{ME}.v0002.csv"}
    assert len(report.attempts) == 4
    q = report.questions.set_index("question")
    assert (q.loc["q1", "right_first"], q.loc["q1", "right_end"]) == (0.0, 1.0)


def test_class_check_finds_a_mis_set_inbox_in_words(klass):
    assert inbox.check_class_dir(klass) == []
    os.chmod(klass / "inbox", 0o777)
    problems = "\n".join(inbox.check_class_dir(klass))
    assert "can be listed by students" in problems
    assert "no sticky bit" in problems and "no setgid bit" in problems
    os.chmod(klass / "inbox", inbox.DROPBOX_MODE)
    bad = klass / "inbox" / "ann.v0001.csv"
    bad.write_text("x")
    os.chmod(bad, 0o644)
    assert inbox.check_class_dir(klass) == [f"{bad} can be read or changed by other students (mode 644; "
                                            "hand-ins are 640)"]
    assert "missing" in inbox.check_class_dir(klass / "none")[0]


def test_cli_check_and_report_from_the_inbox(klass):
    handin.hand_in()
    run = [sys.executable, "-m", "kit"]
    proc = subprocess.run([*run, "class", "check", str(klass)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0 and "set up right" in proc.stdout, proc.stdout + proc.stderr
    proc = subprocess.run([*run, "class-report", "--inbox", str(klass)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0 and proc.stdout.startswith("1 students, 1 questions, 3 attempts"), proc.stdout
    proc = subprocess.run([*run, "class-report"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 1 and "give one of them" in proc.stderr


def test_comment_and_feedback_escaped_and_marked_read(klass):
    handin.hand_in()
    with pytest.raises(InvalidArgument, match="'zed' has not handed in yet"):
        comments.comment("zed", "04_synthesis/compare", "Good.")
    with pytest.raises(InvalidArgument, match="no item '04_synthesis/nope'"):
        comments.comment(ME, "04_synthesis/nope", "Good.")
    path = comments.comment(ME, "compare", "Say <i>where</i> [cho 3.7].")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    shown = comments.feedback()
    assert shown.new == 1 and shown.comments[0]["response"] == "Both want peace <b>"
    page = shown._repr_html_()
    assert "Say &lt;i&gt;where&lt;/i&gt; [cho 3.7]." in page and "Both want peace &lt;b&gt;" in page
    assert "<i>" not in page and "(new)" in page
    assert comments.feedback().new == 0  # read now


def test_comments_in_bulk_from_the_csv(klass, tmp_path):
    handin.hand_in()
    sheet = comments.comments_template(tmp_path / "c.csv")
    lines = sheet.read_text(encoding="utf-8").splitlines()
    assert lines == ["student,quiz,question,response,comment", f"{ME},04_synthesis,compare,Both want peace <b>,"]
    sheet.write_text(lines[0] + "\n" + lines[1] + "Cite the sentence.\n", encoding="utf-8")
    assert comments.comments_from_csv(sheet) == 1
    assert [c["text"] for c in comments.feedback().comments] == ["Cite the sentence."]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_comment_refuses_a_folder_a_classmate_took(klass):
    handin.hand_in()
    os.chown(klass / "outbox" / ME, 65534, -1)  # nobody's now: not the student who handed in
    with pytest.raises(StoreError, match="is not .* own folder .* a classmate may have taken the name"):
        comments.comment(ME, "compare", "Good.")
    assert any("a classmate may have taken the name" in p for p in inbox.check_class_dir(klass))


def test_comment_never_follows_a_link_in_the_folders_place(klass, tmp_path):
    handin.hand_in()
    elsewhere = tmp_path / "teachers_own"
    elsewhere.mkdir()
    mine = klass / "outbox" / ME
    mine.rmdir()
    mine.symlink_to(elsewhere)  # the student swaps their folder for a link to a folder the teacher may write
    with pytest.raises(StoreError, match="is not .* own folder"):
        comments.comment(ME, "compare", "Good.")
    assert list(elsewhere.iterdir()) == []


def test_report_needs_files_or_an_inbox_not_both_nor_neither(klass):
    with pytest.raises(InvalidArgument, match="give one of them"):
        class_report()
    with pytest.raises(InvalidArgument, match="give one of them"):
        class_report(klass, inbox=klass)
