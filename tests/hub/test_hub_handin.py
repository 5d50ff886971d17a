"""The class loop on a real JupyterHub with real Unix users: hand in, report, comments back.

As The Littlest JupyterHub does, each student's server runs as that student's own Unix
user (JupyterHub's LocalProcessSpawner; the hub runs as root).  The teacher's class
folder is made by the one documented command (``python -m kit class setup DIR --teacher
USER``).  Three students run ``kit.hand_in()`` from their own servers in chromium (ben
twice); the teacher's report reads each student's latest hand-in; the teacher comments on
ann's written answer; ann sees it with ``kit.feedback()`` in the browser, ben and cat see
none.  Then the file system itself is asked, as ben: he cannot list the inbox, read ann's
hand-in, overwrite, rename or delete it, or enter ann's outbox folder.  ``class check``
passes the folder and finds a deliberately mis-set one.

Needs root (useradd; CI runs as root), chromium, node (configurable-http-proxy) and
jupyterhub: it skips with the reason where one is missing, and fails instead under
CI=true.  The servers' Python must be runnable by the new users: where a folder on the way
to the interpreter, the venv or the repository cannot be entered by others (a venv built from
a Python under /root, mode 0700, as on CI), the test lets others *enter* (not list) that
folder for its duration (``o+x``) and puts the old mode back in its ``finally``;
``KIT_HUB_PYTHON`` names another interpreter.  The users, their homes and the hub are
removed in a ``finally`` whatever happens.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from browser import browser_helpers as h  # tests/ is on sys.path (rootdir-relative packages)

from . import hub_helpers as hub
from .test_hub_class import _in_own_thread, _login, _open_lesson, _prerequisites

pytestmark = pytest.mark.hub

STUDENTS = ["crk-ann", "crk-ben", "crk-cat"]
TEACHER = "crk-tea"
PYTHON = os.environ.get("KIT_HUB_PYTHON", sys.executable)
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
QUIZ, QUESTION = "00_start_here", "futile-sentence"
READING = ("01_close_reading", "01.cho-p3")
COMMENT = "Good: you quote [cho 3.2]. Now say <why> the plan might fail."
# what each student does before handing in: (response, status) of the quiz, then the written answer
WORK = {
    "crk-ann": [[("cho 3.2", "correct")], "Cho calls the plan futile: the writer doubts it [cho 3.2]."],
    "crk-ben": [[("cho 2.3", "incorrect")], "It is about officials."],
    "crk-cat": [[("yang 3.2", "incorrect"), ("cho 3.2", "correct")], "Cho doubts the plan will work."],
}
TRACKER = "@jupyterlab/notebook-extension/tracker.jupyterlab-settings"
# start the notebook's kernel without asking (a "Select Kernel" dialog otherwise comes now and then)
LAB_SETTINGS = {**h.LAB_SETTINGS, TRACKER: {**h.LAB_SETTINGS[TRACKER], "autoStartDefaultKernel": True}}
BEN_AGAIN = "Cho reports the officials' worries [cho 2.3] but doubts the plan [cho 3.2]."


def _cells(user: str) -> list[str]:
    quiz, written = WORK[user]
    record = ["from kit.assessment.log import record_attempt",
              *[f"record_attempt(quiz={QUIZ!r}, question={QUESTION!r}, response={r!r}, status={s!r}, "
                f"score={float(s == 'correct')})" for r, s in quiz],
              f"record_attempt(kind='reading', quiz={READING[0]!r}, question={READING[1]!r}, "
              f"response={written!r}, status='written')"]
    cells = ["\n".join(record), "import kit\nprint(kit.hand_in())"]
    if user == "crk-ben":  # ben revises his written answer and hands in again
        cells += [f"record_attempt(kind='reading', quiz={READING[0]!r}, question={READING[1]!r}, "
                  f"response={BEN_AGAIN!r}, status='written')\nprint(kit.hand_in())"]
    return cells


def _notebook(path: Path, cells: list[str], uid: int, gid: int) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    os.chown(path, uid, gid)


def _as(user: str, code: str, base: Path) -> subprocess.CompletedProcess:
    """Run Python ``code`` as ``user`` (runuser: the file system sees that uid)."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "KIT_CLASS_DIR": str(base / "class"),
           **({"LD_LIBRARY_PATH": os.environ["LD_LIBRARY_PATH"]} if "LD_LIBRARY_PATH" in os.environ else {})}
    return subprocess.run([RUNUSER, "-u", user, "--", PYTHON, "-c", code], capture_output=True, text=True,
                          env=env, cwd=base, timeout=120)


def _let_others_enter(*paths: Path) -> dict[Path, int]:
    """``o+x`` on every folder on the way to ``paths`` that others cannot enter; returns the old modes."""
    changed: dict[Path, int] = {}
    for path in paths:
        for folder in [*reversed(Path(os.path.realpath(path)).parents)]:
            mode = folder.stat().st_mode & 0o7777
            if folder not in changed and not mode & 0o001:
                changed[folder] = mode
                os.chmod(folder, mode | 0o001)
    return changed


def _users(base: Path) -> dict[str, tuple[int, int]]:
    ids = {}
    for user in [*STUDENTS, TEACHER]:
        subprocess.run(["userdel", user], capture_output=True)  # a run killed before its finally
        home = base / "homes" / user
        home.mkdir(parents=True)
        subprocess.run(["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/bin/sh",
                        "--user-group", user], check=True, capture_output=True)
        info = subprocess.run(["id", "-u", user], capture_output=True, text=True, check=True).stdout
        gid = subprocess.run(["id", "-g", user], capture_output=True, text=True, check=True).stdout
        ids[user] = (int(info), int(gid))
        os.chown(home, *ids[user])
        os.chmod(home, 0o700)
    return ids


def _output_text(page) -> str:
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea").all_inner_texts()


def _run_notebook(page, base_url: str, user: str, name: str, n_cells: int, *, again: bool = False) -> str:
    """Open ``name`` alone (``?reset``: no other notebook restored, one kernel), Run All, and wait
    until every cell shows its output.  ``again``: the notebook may safely run twice, so a Run
    All that came before the kernel was connected (nothing ran) is repeated once."""
    page.goto(f"{base_url}/user/{user}/lab/tree/{name}?reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    page.locator(".jp-StatusBar-Widget, #jp-main-statusbar").filter(
        has_text=re.compile(r"\|\s*Idle")).first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)
    ask = page.locator(".jp-Dialog").filter(has_text="Select Kernel")
    if ask.count():
        ask.locator(".jp-mod-accept").first.click()
    for attempt in range(2 if again else 1):
        h.run_all_cells(page, n_cells)
        try:  # every cell of these notebooks shows something: wait for the last output to be drawn
            page.wait_for_function("""(n) => [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-OutputArea')]
                .filter(a => a.innerText.trim()).length >= n""", arg=n_cells, timeout=30_000)
            break
        except Exception:  # playwright's TimeoutError
            if attempt or not again:
                raise
    return "\n".join(_output_text(page))


def test_hand_in_report_and_comments_on_a_real_hub():
    chp = _prerequisites()
    if os.geteuid() != 0:
        h.skip_or_fail("the hand-in test creates real Unix users (useradd): run it as root, as CI does")
    for tool in ("useradd", "userdel", "runuser"):
        if not shutil.which(tool):
            h.skip_or_fail(f"{tool} not found (package passwd / util-linux)")
    from playwright.sync_api import sync_playwright

    t0 = time.monotonic()
    base = Path(tempfile.mkdtemp(prefix="kit-hub-class-"))  # not under pytest's 0700 tmp: the users enter it
    os.chmod(base, 0o755)
    server = None
    entered: dict[Path, int] = {}
    try:
        entered = _let_others_enter(Path(PYTHON), Path(sys.executable), Path(sys.prefix) / "lib", hub.REPO / "kit")
        ids = _users(base)
        probe = _as("crk-ann", "import kit, jupyterhub", base)
        if probe.returncode:
            h.skip_or_fail(f"the students cannot run {PYTHON} ({probe.stderr.strip()[-200:]}): a venv made from "
                           "a Python under /root (mode 0700) is not reachable; set KIT_HUB_PYTHON to one that is")
        setup = subprocess.run([PYTHON, "-m", "kit", "class", "setup", str(base / "class"), "--teacher", TEACHER],
                               capture_output=True, text=True, timeout=60, cwd=hub.REPO)
        assert setup.returncode == 0, setup.stderr
        for user in STUDENTS:
            _notebook(base / "homes" / user / "handin.ipynb", _cells(user), *ids[user])
            _notebook(base / "homes" / user / "feedback.ipynb", ["import kit\nkit.feedback()"], *ids[user])
        ports = {"public": h.free_port(), "hub": h.free_port(), "proxy_api": h.free_port()}
        marker = secrets.token_hex(8)
        config = hub.write_config(base, users=STUDENTS, ports=ports, marker=marker, lab_settings=LAB_SETTINGS,
                                  real_users=True, python=PYTHON, env={"KIT_CLASS_DIR": str(base / "class")})
        server = hub.Hub(base, config, ports["public"], marker)
        server.wait_ready()
        shown: dict[str, str] = {}
        t_hub = time.monotonic()

        def browse(notebook: str, n_cells: dict[str, int], contexts: dict, again: bool = False) -> None:
            with sync_playwright() as pw:
                browser = h.launch_chromium(pw)
                try:
                    for user in STUDENTS:
                        ctx = browser.new_context(viewport={"width": 1280, "height": 900},
                                                  storage_state=contexts.get(user))
                        ctx.set_default_timeout(60_000)
                        page = ctx.new_page()
                        try:
                            if user not in contexts:
                                _login(page, server.base, user)
                            shown[user] = _run_notebook(page, server.base, user, notebook, n_cells[user], again=again)
                            contexts[user] = ctx.storage_state()
                        finally:
                            page.screenshot(path=str(Path(__file__).parent / "screenshots" / f"handin-{user}.png"))
                finally:
                    browser.close()

        contexts: dict = {}
        _in_own_thread(lambda: browse("handin.ipynb", {u: len(_cells(u)) for u in STUDENTS}, contexts))
        for user in STUDENTS:
            assert "Handed in version 1:" in shown[user], (user, shown[user])
        assert "Handed in version 2:" in shown["crk-ben"], shown["crk-ben"]
        t_handin = time.monotonic() - t_hub
        inbox = base / "class" / "inbox"
        names = sorted(p.name for p in inbox.iterdir())
        assert names == ["crk-ann.v0001.csv", "crk-ben.v0001.csv", "crk-ben.v0002.csv", "crk-cat.v0001.csv"], names
        for path in inbox.iterdir():  # each owned by its student, group the teacher's, 0640
            st = path.stat()
            assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (ids[path.name.split(".")[0]][0],
                                                                  ids[TEACHER][1], 0o640), path

        # the file system, asked as ben: ann's hand-in stays hers
        ann = inbox / "crk-ann.v0001.csv"
        ann_bytes = ann.read_bytes()
        attempts = {
            "list the inbox": f"import os; os.listdir({str(inbox)!r})",
            "read ann's hand-in": f"open({str(ann)!r}).read()",
            "overwrite it": f"open({str(ann)!r}, 'w').write('x')",
            "delete it": f"import os; os.unlink({str(ann)!r})",
            "replace it by a rename": (f"import os; p = {str(inbox / '.ben-fake')!r}; open(p, 'w').write('x'); "
                                       f"os.replace(p, {str(ann)!r})"),
            "enter ann's outbox": f"import os; os.listdir({str(base / 'class' / 'outbox' / 'crk-ann')!r})",
            "list the outbox": f"import os; os.listdir({str(base / 'class' / 'outbox')!r})",
        }
        for what, code in attempts.items():
            proc = _as("crk-ben", code, base)
            assert proc.returncode != 0 and "PermissionError" in proc.stderr, f"ben could {what}: {proc.stderr}"
        assert ann.read_bytes() == ann_bytes

        # the teacher's report: the latest hand-in of each student, by file owner
        code = (f"import kit, json; r = kit.class_report(inbox={str(base / 'class')!r}); "
                "print(json.dumps({'students': r.students.to_dict('records'), "
                "'q': r.questions.to_dict('records'), 'files': sorted(set(r.attempts['file'])), "
                "'written': r.attempts[r.attempts['status'] == 'written'][['student', 'response']].values.tolist()}, "
                "default=str))")
        proc = _as(TEACHER, code, base)
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout.strip().splitlines()[-1])
        assert report["files"] == ["crk-ann.v0001.csv", "crk-ben.v0002.csv", "crk-cat.v0001.csv"]
        (q,) = [r for r in report["q"] if (r["quiz"], r["question"]) == (QUIZ, QUESTION)]
        assert (q["students"], q["wrong"], q["right_first"], q["median_attempts"]) == (3, 2, 1 / 3, 1.0)
        assert [s["student"] for s in report["students"]] == STUDENTS
        assert sorted(map(tuple, report["written"])) == sorted([
            ("crk-ann", WORK["crk-ann"][1]), ("crk-ben", WORK["crk-ben"][1]), ("crk-ben", BEN_AGAIN),
            ("crk-cat", WORK["crk-cat"][1])])
        proc = subprocess.run([RUNUSER, "-u", TEACHER, "--", PYTHON, "-m", "kit", "class-report", "--inbox",
                               str(base / "class"), "--html", str(base / "homes" / TEACHER / "report.html")],
                              capture_output=True, text=True, cwd=hub.REPO, timeout=120,
                              env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", **{k: v for k, v in os.environ.items()
                                                              if k == "LD_LIBRARY_PATH"}})
        assert proc.returncode == 0 and proc.stdout.startswith("3 students"), proc.stdout + proc.stderr

        # the teacher comments on ann's written answer; a student who never handed in is refused
        item = "/".join(READING)
        proc = _as(TEACHER, f"import kit; kit.comment('crk-ann', {item!r}, {COMMENT!r})", base)
        assert proc.returncode == 0, proc.stderr
        proc = _as(TEACHER, f"import kit; kit.comment('crk-dan', {item!r}, 'Hello')", base)
        assert "'crk-dan' has not handed in yet" in proc.stderr
        proc = _as("crk-ben", "import kit; print(kit.comment('crk-ann', %r, 'fake'))" % item, base)
        assert proc.returncode != 0, "ben could comment on ann's work"

        _in_own_thread(lambda: browse("feedback.ipynb", dict.fromkeys(STUDENTS, 1), contexts, again=True))
        escaped = "Now say <why> the plan might fail."  # shown as text: the HTML was escaped
        assert escaped in shown["crk-ann"] and WORK["crk-ann"][1] in shown["crk-ann"], shown["crk-ann"]
        for user in ("crk-ben", "crk-cat"):
            assert "No comments from your teacher yet." in shown[user] and "[cho 3.2]. Now" not in shown[user]

        # class check: the folder as set up passes; a mis-set one is reported in words
        check = [PYTHON, "-m", "kit", "class", "check"]
        proc = subprocess.run([*check, str(base / "class")], capture_output=True, text=True, cwd=hub.REPO)
        assert proc.returncode == 0 and "set up right" in proc.stdout, proc.stdout
        bad = base / "bad"
        subprocess.run([PYTHON, "-m", "kit", "class", "setup", str(bad), "--teacher", TEACHER], check=True,
                       capture_output=True, cwd=hub.REPO)
        os.chmod(bad / "inbox", 0o777)
        proc = subprocess.run([*check, str(bad)], capture_output=True, text=True, cwd=hub.REPO)
        assert proc.returncode == 1 and "can be listed by students" in proc.stdout, proc.stdout
        assert "no sticky bit" in proc.stdout and "no setgid bit" in proc.stdout
        print(f"\nhub hand-in test: {time.monotonic() - t0:.0f} s in all; 3 students logged in, ran 4 hand-ins "
              f"in their servers in {t_handin:.0f} s")
    except BaseException:
        if server is not None:
            print(f"\nJupyterHub log ({server.log}):\n{server.log_tail()}")
        raise
    finally:
        if server is not None:
            server.stop()
        for user in [*STUDENTS, TEACHER]:
            subprocess.run(["userdel", user], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
        for folder, mode in entered.items():
            os.chmod(folder, mode)
    assert not server._marked_pids(), "processes of the test hub are still running"
