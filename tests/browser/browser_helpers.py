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
    server.wait_ready(f"/api/status?token={token}")
    return server


def start_voila(notebook: Path, tmp: Path) -> Server:
    port, token = free_port(), new_token()
    cmd = [
        sys.executable, "-m", "voila", str(notebook), "--no-browser",
        "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0",
        f"--token={token}", "--show_tracebacks=True",
    ]
    server = Server("Voila", cmd, isolated_env(tmp / "voila"), notebook.parent, tmp / "voila.log", port, token)
    # /api/kernelspecs answers without running the notebook (the page itself would start a kernel)
    server.wait_ready(f"/api/kernelspecs?token={token}")
    return server


def code_cell_count(notebook: Path) -> int:
    """Code cells with source: the ones Run All gives an execution count."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip())


def quiz_banks(notebook: Path) -> list[str]:
    """Bank ids of the ``kit.quiz("...")`` calls in a notebook, in order."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    src = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return re.findall(r"""kit\.quiz\(\s*["']([^"']+)["']""", src)


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
    )
