"""A class on a real JupyterHub (loopback only), three students in Debian's chromium.

Each student logs in with the shared password, opens lesson 00 in JupyterLab, runs it,
and answers the quiz's first question by clicking: ann right, ben wrong, cat wrong then
right.  Then: each student's attempts are in that student's own store (their home) and
nowhere else; ben's cookie cannot open ann's server (403); and the teacher's class
report over the three exports shows exactly those clicks.

Marked ``hub``: ``pytest -m hub`` runs only this, ``-m "not hub"`` leaves it out.  It
skips with the reason where chromium, node/npm, jupyterhub or playwright is missing, and
fails instead under CI=true (.ci/run installs them).  The hub is stopped by PID in a
``finally``, whatever happens.
"""
from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from browser import browser_helpers as h  # tests/ is on sys.path (rootdir-relative packages)

from . import hub_helpers as hub

pytestmark = pytest.mark.hub

LESSON = "00_start_here.ipynb"
BANK, QUESTION = "00_start_here", "futile-sentence"
RIGHT, WRONG = "cho 3.2", "cho 2.3"  # kit/data/quizzes/00_start_here.yaml: the answer, and a wrong option
_VERDICT = re.compile(r"^\W*(Correct!|Not quite\.)")
CLICKS = {"ann": [RIGHT], "ben": [WRONG], "cat": ["yang 3.2", RIGHT]}


def _prerequisites() -> Path:
    if not h.CHROMIUM.exists():
        h.skip_or_fail(f"{h.CHROMIUM} not found: apt-get install chromium to run the hub test")
    for module, extra in (("playwright", "browser"), ("jupyterhub", "hub")):
        try:
            __import__(module)
        except ImportError:
            h.skip_or_fail(f"{module} is not installed: pip install -e '.[{extra}]' (make test does)")
    chp, reason = hub.ensure_proxy()
    if chp is None:
        h.skip_or_fail(reason)
    return chp


def _login(page, base: str, user: str) -> None:
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", hub.PASSWORD)
    page.locator("#login_submit, button[type=submit], input[type=submit]").first.click()
    page.wait_for_url(re.compile(rf"/user/{user}/lab"), timeout=120_000)  # spawned, then redirected


def _open_lesson(page, base: str, user: str) -> None:
    page.goto(f"{base}/user/{user}/lab/tree/notebooks/{LESSON}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    # the status bar says "<kernel> | Idle" once the kernel is connected (the execution
    # indicator's idle comes earlier, before the kernel is there)
    page.locator(".jp-StatusBar-Widget, #jp-main-statusbar").filter(
        has_text=re.compile(r"\|\s*Idle")).first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)


def _answer(page, answers: list[str]) -> list[str]:
    """Click the answers in turn into question 1 (role-based: radio, Check, Try again);
    returns the feedback texts shown."""
    shown = []
    check = page.get_by_role("button", name=re.compile(r"^\s*Check")).first
    retry = page.get_by_role("button", name=re.compile(r"^\s*Try again")).first
    for i, answer in enumerate(answers):
        if i:
            retry.click()
            page.wait_for_function("(el) => !el.disabled", arg=check.element_handle(), timeout=30_000)
        radio = page.get_by_role("radio", name=answer, exact=True).first
        radio.scroll_into_view_if_needed()
        radio.check()
        check.click()
        verdict = page.get_by_text(_VERDICT).first  # the feedback's head (after a ✓/✗ mark)
        verdict.wait_for(timeout=30_000)
        shown.append(_VERDICT.search(verdict.inner_text()).group(1))
        if i + 1 < len(answers):  # next try: wait for the Try again button to be enabled
            page.wait_for_function("(el) => !el.disabled", arg=retry.element_handle(), timeout=30_000)
    return shown


def _store(homes: Path, user: str) -> list[dict]:
    path = homes / user / ".close-reading-kit" / "progress.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _export(homes: Path, user: str, dest: Path) -> Path:
    """What the student's ``kit.export_progress()`` writes, from their own store."""
    out = dest / f"{user}.csv"
    env = {"KIT_PROGRESS_DIR": str(homes / user / ".close-reading-kit"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(hub.REPO), "HOME": str(homes / user), "JUPYTERHUB_USER": user}  # as on the hub
    subprocess.run([sys.executable, "-c", f"import kit; kit.export_progress({str(out)!r})"], env=env,
                   check=True, timeout=120, capture_output=True)
    return out


def _in_own_thread(fn) -> None:
    """Run ``fn`` in a thread of its own: Playwright's sync API will not start in a thread whose
    asyncio loop is taken, and the browser tests' session keeps one open in the main thread."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # re-raised in the test's own thread
            errors.append(exc)

    worker = threading.Thread(target=run, name="hub-browser")
    worker.start()
    worker.join()
    if errors:
        raise errors[0]


def test_three_students_on_a_real_hub(tmp_path):
    chp = _prerequisites()
    from playwright.sync_api import sync_playwright

    t0 = time.monotonic()
    homes = tmp_path / "homes"
    for user in CLICKS:  # the lessons in each home, as an nbgitpuller link would put them
        shutil.copytree(h.lesson_dir(), homes / user / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    ports = {"public": h.free_port(), "hub": h.free_port(), "proxy_api": h.free_port()}
    assert len(set(ports.values())) == 3
    marker = secrets.token_hex(8)
    config = hub.write_config(tmp_path, users=list(CLICKS), ports=ports, marker=marker,
                              lab_settings=h.LAB_SETTINGS)
    server = hub.Hub(tmp_path, config, ports["public"], marker)
    shots = Path(__file__).resolve().parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        server.wait_ready()
        seen: dict[str, list[str]] = {}

        def drive() -> None:
            with sync_playwright() as pw:
                browser = h.launch_chromium(pw)
                contexts = {}
                try:
                    for user, answers in CLICKS.items():
                        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                        ctx.set_default_timeout(60_000)
                        contexts[user] = ctx
                        page = ctx.new_page()
                        try:
                            _login(page, server.base, user)
                            _open_lesson(page, server.base, user)
                            h.run_all_cells(page, h.code_cell_count(homes / user / "notebooks" / LESSON))
                            problems = [p for p in h.problems_on_page(page) if "check_exercise" not in p]
                            assert not problems, f"{user}: {problems}"
                            seen[user] = _answer(page, answers)
                            page.screenshot(path=str(shots / f"hub-{user}.png"))
                        except BaseException:
                            page.screenshot(path=str(shots / f"FAILED-hub-{user}.png"))
                            raise
                    # ben's cookie: his own server answers, ann's does not
                    ben = contexts["ben"].request
                    assert ben.get(f"{server.base}/user/ben/api/contents/notebooks").status == 200
                    assert ben.get(f"{server.base}/user/ann/api/contents/notebooks").status == 403
                    other = contexts["ben"].new_page()
                    resp = other.goto(f"{server.base}/user/ann/lab/tree/notebooks/{LESSON}")
                    assert resp.status == 403, f"ben opened ann's lab: {resp.status} {other.url}"
                finally:
                    browser.close()

        _in_own_thread(drive)
        assert seen == {"ann": ["Correct!"], "ben": ["Not quite."], "cat": ["Not quite.", "Correct!"]}, seen

        # each student's attempts are in that student's store only
        for user, answers in CLICKS.items():
            mine = [r for r in _store(homes, user) if r.get("quiz") == BANK]
            assert [(r["question"], r["attempt"], r["response"]) for r in mine] == [
                (QUESTION, i, a) for i, a in enumerate(answers, start=1)], (user, mine)
            assert [r["status"] for r in mine] == ["correct" if a == RIGHT else "incorrect" for a in answers]

        # the teacher collects the three exports and reads the class report
        exports = tmp_path / "exports"
        exports.mkdir()
        for user in CLICKS:
            _export(homes, user, exports)
        html = tmp_path / "report.html"
        proc = subprocess.run([sys.executable, "-m", "kit", "class-report", str(exports), "--html", str(html)],
                              capture_output=True, text=True, timeout=120, cwd=hub.REPO)
        assert proc.returncode == 0, proc.stderr
        from kit.classroom.report import class_report

        report = class_report(exports)
        q = report.questions.set_index(["quiz", "question"]).loc[(BANK, QUESTION)]
        assert (q["students"], q["wrong"], q["median_attempts"]) == (3, 2, 1.0)
        assert q["right_first"] == pytest.approx(1 / 3) and q["right_end"] == pytest.approx(2 / 3)
        wrong = report.wrong_answers
        assert sorted(wrong["response"]) == [WRONG, "yang 3.2"]
        assert "futile-sentence" in html.read_text(encoding="utf-8")
        print(f"\nhub test: 3 students, {time.monotonic() - t0:.0f} s; screenshots in {shots}")
    except BaseException:
        print(f"\nJupyterHub log ({server.log}):\n{server.log_tail()}")
        raise
    finally:
        server.stop()
    assert not server._marked_pids(), "processes of the test hub are still running"
