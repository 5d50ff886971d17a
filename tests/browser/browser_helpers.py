"""Helpers for the browser tests: servers on free localhost ports, Debian's chromium.

Nothing here downloads anything: the browser is the system's ``/usr/bin/chromium``
(installed by ``.ci/run`` with apt), driven by Playwright through ``executable_path``.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

# The flags this machine's chromium needs: no sandbox as root, no GPU, and no
# background connections (the network is closed; they would only be refused).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--no-default-browser-check",
]

# JupyterLab user settings for the test run: render every cell (so the DOM holds
# all outputs), and never fetch news or look for updates.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine; under CI=true a missing prerequisite is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser test must run in CI; .ci/run installs chromium)")
    pytest.skip(reason)


def lesson_dir() -> Path:
    """The lessons to open: notebooks/ of the repo (KIT_E2E_NOTEBOOKS overrides, for development)."""
    return Path(os.environ.get("KIT_E2E_NOTEBOOKS", REPO / "notebooks"))


def lessons(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_token() -> str:
    return secrets.token_hex(24)


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment for a server: a temp HOME and temp Jupyter/IPython/kit folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    dirs = {
        "HOME": "home",
        "JUPYTER_CONFIG_DIR": "jupyter-config",
        "JUPYTER_DATA_DIR": "jupyter-data",
        "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
        "JUPYTERLAB_SETTINGS_DIR": "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
        "IPYTHONDIR": "ipython",
        "MPLCONFIGDIR": "mpl",
        "KIT_PROGRESS_DIR": "kit-progress",
    }
    for var, name in dirs.items():
        path = tmp / name
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    for rel, settings in LAB_SETTINGS.items():
        target = tmp / "lab-settings" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings), encoding="utf-8")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.pop("BROWSER", None)
    return env


def copy_lessons(src: Path, dest: Path) -> Path:
    """A temporary copy of the lessons folder (the tests write outputs into it)."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dest


def http_json(url: str, method: str = "GET", timeout: float = 10):
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        body = resp.read()
    return json.loads(body) if body else None


class Server:
    """A server subprocess (JupyterLab or Voilà) with its log in a file."""

    def __init__(self, name: str, cmd: list[str], env: dict, cwd: Path, log: Path, port: int, token: str):
        self.name, self.port, self.token, self.log = name, port, token, log
        self.base = f"http://127.0.0.1:{port}"
        self.env = env
        self._log_fh = open(log, "wb")
        self.proc = subprocess.Popen(
            cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self._log_fh,
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def wait_ready(self, path: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}{path}", timeout=5) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer on {self.base} in {timeout:.0f} s:\n{self.log_tail()}")

    def wait_listening(self, timeout: float = 90) -> None:
        """Wait until the port accepts connections (for a server with no cheap status page)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not listen on {self.base} in {timeout:.0f} s:\n{self.log_tail()}")

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self._log_fh.close()


def root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def start_lab(root: Path, tmp: Path) -> Server:
    port, token = free_port(), new_token()
    cmd = [
        sys.executable, "-m", "jupyterlab", *root_flag(),
        "--no-browser", "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
    ]
    server = Server("JupyterLab", cmd, isolated_env(tmp / "lab"), root, tmp / "jupyterlab.log", port, token)
    _or_stop(server, lambda: server.wait_ready(f"/api/status?token={token}"))
    return server


def start_voila(notebook: Path, tmp: Path) -> Server:
    port, token = free_port(), new_token()
    cmd = [
        sys.executable, "-m", "voila", str(notebook), "--no-browser",
        "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0",
        f"--token={token}", "--show_tracebacks=True",
    ]
    server = Server("Voila", cmd, isolated_env(tmp / "voila"), notebook.parent, tmp / "voila.log", port, token)
    _or_stop(server, server.wait_listening)  # (a GET of the page would start a kernel and run the lesson)
    return server


def _or_stop(server: Server, wait) -> None:
    """Wait for a server; if it never comes up, stop it rather than leave it running."""
    try:
        wait()
    except BaseException:
        server.stop()
        raise


def code_cell_count(notebook: Path) -> int:
    """Code cells with source: the ones Run All gives an execution count."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip())


def quiz_banks(notebook: Path) -> list[str]:
    """Bank ids of the ``kit.quiz("...")`` calls in a notebook, in order."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    src = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return re.findall(r"""kit\.quiz\(\s*["']([^"']+)["']""", src)


def first_quiz_lesson(lessons_: list[Path]):
    """(lesson, bank id) of the first ``kit.quiz(...)`` call in the lessons, or (None, None)."""
    for lesson in lessons_:
        for bank_id in quiz_banks(lesson):
            return lesson, bank_id
    return None, None


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
    )


# --- driving JupyterLab ----------------------------------------------------------

_IDLE_JS = """() => {
  const ind = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
      .map(e => e.textContent.trim());
  return (!ind || ind.dataset.status === 'idle') && prompts.length > 0 && !prompts.some(p => p.includes('*'));
}"""

_STARTED_JS = """(n) => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
      .map(e => e.textContent.trim());
  return prompts.some(p => p.includes('*')) || prompts.filter(p => /\\[\\d+\\]/.test(p)).length >= n;
}"""


def open_in_lab(page, lab: Server, name: str, workspace: str, *, timeout: float = 90) -> None:
    """Open one notebook in its own workspace and wait until its kernel is started and idle."""
    from urllib.parse import quote

    page.goto(lab.url(f"/lab/workspaces/{quote(workspace)}/tree/{quote(name)}"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while True:  # the server's word that the kernel is up ...
        sessions = http_json(lab.url("/api/sessions")) or []
        if any(s.get("path") == name and (s.get("kernel") or {}).get("execution_state") == "idle"
               for s in sessions):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"no idle kernel for {name} after {timeout:.0f} s: {sessions}")
        time.sleep(0.3)
    stable = 0
    while stable < 3:  # ... and the page's (it shows 'idle' before 'initializing', too)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                               timeout=max(1, deadline - time.monotonic()) * 1000)
        page.wait_for_timeout(300)
        stable = stable + 1 if page.locator(
            ".jp-Notebook-ExecutionIndicator[data-status='idle']").count() else 0


def run_all_cells(page, n_code_cells: int, *, timeout: float = 240) -> float:
    """Run > Run All Cells from the menu bar; wait until no cell is queued and the kernel
    is idle (stable for a second).  Returns the seconds it took."""
    t0 = time.monotonic()
    for attempt in range(2):
        page.click(".lm-MenuBar-item:has(.lm-MenuBar-itemLabel:text-is('Run'))")
        page.click(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Run All Cells'))")
        try:
            page.wait_for_function(_STARTED_JS, arg=n_code_cells, timeout=15_000)
            break
        except Exception:  # playwright's TimeoutError: the click came too early; once more
            if attempt:
                raise
    stable = 0
    while stable < 3:
        page.wait_for_function(_IDLE_JS, timeout=max(1, timeout - (time.monotonic() - t0)) * 1000)
        page.wait_for_timeout(400)
        stable = stable + 1 if page.evaluate(_IDLE_JS) else 0
    return time.monotonic() - t0


def wait_for_widgets(page, expected: int, *, timeout: float = 60) -> None:
    """Wait until at least ``expected`` widget views are rendered (or a widget error shows)."""
    page.wait_for_function(
        """(n) => document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length >= n
                || document.body.innerText.includes('Error displaying widget')""",
        arg=expected, timeout=timeout * 1000,
    )


def save_and_read(page, lab: Server, name: str, n_code_cells: int) -> tuple[dict, str]:
    """Save the notebook (File > Save Notebook) and read it back through the contents API.

    Returns (notebook, problem): ``problem`` is "" when the saved file has every code
    cell run (or an error output), else what went wrong with the save."""
    from urllib.parse import quote

    page.click(".lm-MenuBar-item:has(.lm-MenuBar-itemLabel:text-is('File'))")
    page.click(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Save Notebook'))")
    try:  # the tab's "unsaved changes" dot goes away
        page.wait_for_selector(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty", state="detached", timeout=30_000)
    except Exception:  # playwright's TimeoutError: reported below through the file's contents
        pass
    deadline = time.monotonic() + 30
    while True:
        try:
            nb = http_json(lab.url(f"/api/contents/{quote(name)}?content=1&type=notebook"))["content"]
        except urllib.error.HTTPError as exc:  # read while the save was writing: try again
            if time.monotonic() > deadline:
                raise AssertionError(f"cannot read back {name}: {exc} {exc.read()[:500]!r}") from None
            time.sleep(0.5)
            continue
        ran = sum(1 for c in nb["cells"] if c["cell_type"] == "code" and c.get("execution_count"))
        errors = any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
        if ran >= n_code_cells or errors:
            return nb, ""
        if time.monotonic() > deadline:
            listing = http_json(lab.url("/api/contents/?content=1"))["content"]
            files = ", ".join(f"{f['name']} ({f['last_modified']})" for f in listing)
            return nb, f"the saved {name} has {ran} of {n_code_cells} code cells run; folder: {files}"
        time.sleep(0.5)


_CELLS_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-CodeCell')]
  .map(cell => ({
    prompt: (cell.querySelector('.jp-InputPrompt') || {}).textContent || '',
    source: [...cell.querySelectorAll('.jp-InputArea-editor .cm-line')].map(l => l.textContent).join(' | '),
    tracebacks: [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(o => o.textContent).filter(t => t.includes('Traceback (most recent call last)'))
      .map(t => t.trim().split('\\n').pop().slice(0, 300)),
  }))"""


def problems_on_page(page) -> list[str]:
    """What the student sees: code cells left unrun, and tracebacks in the outputs."""
    out = []
    for i, cell in enumerate(page.evaluate(_CELLS_JS)):
        first = cell["source"].strip()[:60]
        if first and not re.search(r"\[\d+\]", cell["prompt"]):
            out.append(f"code cell {i} ({first!r}) was not run (prompt {cell['prompt'].strip()!r})")
        out += [f"code cell {i} ({first!r}): {tb}" for tb in cell["tracebacks"]]
    return out


def problems_in(nb: dict) -> tuple[list[str], list[str]]:
    """(errors, warnings) of a saved notebook: error outputs and unrun cells are errors;
    stderr streams (warnings) are reported but allowed."""
    errors, warnings = [], []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"]).strip()
        first = src.splitlines()[0][:60] if src else ""
        if src and not cell.get("execution_count"):
            errors.append(f"cell {i} ({first!r}) was not run")
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {i} ({first!r}): {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                warnings.append(f"cell {i} ({first!r}): {''.join(out.get('text', ''))[:300].strip()}")
    return errors, warnings


def widget_outputs(nb: dict) -> int:
    return sum(
        1 for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    )


def shutdown_sessions(lab: Server) -> None:
    for session in http_json(lab.url("/api/sessions")) or []:
        try:
            http_json(lab.url(f"/api/sessions/{session['id']}"), method="DELETE")
        except urllib.error.URLError:
            pass


# --- answering a quiz question by clicking -----------------------------------------


def _words(text: str) -> str:
    """Letters, digits and single spaces only: compares rendered HTML with Markdown source."""
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("’", "'")).split()).lower()


def first_choice_question(bank_id: str):
    """(bank, index among the bank's radio-button questions, question, a wrong option, the right option)."""
    import kit

    bank = kit.load_bank(bank_id)
    singles = [q for q in bank.questions if q.type == "single"]
    if not singles:
        return bank, None, None, None, None
    q = singles[0]
    wrong = next(o for o in q.options if o.text != q.answer)
    right = next(o for o in q.options if o.text == q.answer)
    return bank, 0, q, wrong, right


def answer_wrong_then_right(page, scope, bank_id: str, shot_prefix: Path) -> dict:
    """In ``scope`` (a page or a locator holding the quiz), answer the bank's first
    single-choice question wrongly, read the feedback, press Try again, answer rightly,
    read the feedback and the score.  Returns what was read, for the test to check."""
    bank, index, q, wrong, right = first_choice_question(bank_id)
    assert q is not None, f"bank {bank_id} has no single-choice question to click"
    quiz = scope.locator(".widget-vbox").filter(
        has=page.locator("h3", has_text=bank.title)).filter(has=page.locator(".widget-radio-box")).last
    quiz.wait_for(state="visible", timeout=60_000)
    radio_box = quiz.locator(".widget-radio-box").nth(index)
    panel = radio_box.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
    feedback = panel.locator(".widget-html-content").last

    def choose(option_text: str) -> None:
        label = radio_box.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(option_text)}\s*$"))
        label.click()
        panel.get_by_role("button", name="Check", exact=True).click()

    panel.scroll_into_view_if_needed()
    choose(wrong.text)
    _settle(page, feedback, "(el) => el.textContent.trim().length > 0")
    read = {"question": q.id, "wrong_option": wrong.text, "right_option": right.text,
            "wrong_feedback": feedback.inner_text()}
    panel.screenshot(path=f"{shot_prefix}-wrong.png")
    panel.get_by_role("button", name="Try again", exact=True).click()
    _settle(page, feedback, "(el) => el.textContent.trim().length === 0")
    choose(right.text)
    _settle(page, feedback, "(el) => el.textContent.includes('Correct')")
    score = quiz.locator(".widget-html-content").filter(has_text="Score:").last
    # the score is updated after the feedback (a separate widget message): wait for it
    _settle(page, score, "(el) => !el.textContent.includes('Score: 0 ')")
    read["right_feedback"] = feedback.inner_text()
    read["attempts"] = panel.locator(".widget-label").filter(has_text="Attempts").inner_text()
    read["score"] = score.inner_text()
    panel.screenshot(path=f"{shot_prefix}-right.png")
    read["expected_wrong"] = _words(wrong.feedback or "")
    read["expected_right"] = _words(right.feedback or "")
    read["n_questions"] = len(bank.questions)
    return read


def _settle(page, locator, predicate_js: str, timeout: float = 30) -> None:
    """Wait until the widget shows the state the test expects; if it never does, go on
    and let the test's assertions report what it shows instead."""
    try:
        page.wait_for_function(predicate_js, arg=locator.element_handle(), timeout=timeout * 1000)
    except Exception:  # playwright's TimeoutError
        pass


def check_quiz_reading(read: dict) -> None:
    """The feedback a student read: 'Not quite' with the wrong option's feedback, then
    'Correct!' with the right option's, 2 attempts, and a score of 1."""
    assert "Not quite" in read["wrong_feedback"], read
    assert read["expected_wrong"][:80] in _words(read["wrong_feedback"]), read
    assert "Correct" in read["right_feedback"], read
    assert read["expected_right"][:80] in _words(read["right_feedback"]), read
    assert read["attempts"].strip() == "Attempts: 2", read
    assert re.search(rf"Score: 1 / {read['n_questions']}\b", read["score"]), read


def wait_voila_done(page, *, timeout: float = 180) -> None:
    """Voilà removes its '#loading' spinner once every cell has run and the outputs show;
    then wait for the widgets to render (or for an error to be on the page)."""
    page.wait_for_function("() => document.getElementById('loading') === null", timeout=timeout * 1000)
    page.wait_for_function(
        """() => document.querySelectorAll('.jupyter-widgets').length > 0
              || document.body.innerText.includes('Error displaying widget')
              || document.body.innerText.includes('Traceback (most recent call last)')""",
        timeout=60_000,
    )


def tracebacks_on_page(page) -> list[str]:
    """Error outputs shown on the page (JupyterLab and Voilà render them as stderr text
    with IPython's 'Traceback (most recent call last)' header); warnings are not counted."""
    texts = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    return [t.strip().splitlines()[-1][:300] for t in texts if "Traceback (most recent call last)" in t]
