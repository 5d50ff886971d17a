"""A real JupyterHub on loopback for the class test: shared-password login, one
SimpleLocalProcessSpawner home (and progress store) per student under a temp folder,
configurable-http-proxy from npm in a project-local folder, free ports.

Stopping is by PID: the hub's process group, then any process still carrying this
run's marker in its environment (the proxy and the students' servers).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from browser import browser_helpers as h  # tests/ is on sys.path (rootdir-relative packages)

REPO = Path(__file__).resolve().parents[2]
NODE_PREFIX = Path(os.environ.get("KIT_NODE_PREFIX", REPO / ".ci" / "node"))
CHP = NODE_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"
CHP_SPEC = "configurable-http-proxy@5"
PASSWORD = "close-reading-class"  # shared-password needs >= 8 characters


def ensure_proxy() -> tuple[Path | None, str]:
    """The configurable-http-proxy executable, installing it with npm into NODE_PREFIX
    if missing.  Returns (path, "") or (None, the reason it cannot be had)."""
    if CHP.exists():
        return CHP, ""
    if not shutil.which("node") or not shutil.which("npm"):
        return None, "node and npm are needed for configurable-http-proxy (apt-get install nodejs npm)"
    NODE_PREFIX.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["npm", "install", "--prefix", str(NODE_PREFIX), "--no-audit", "--no-fund",
                           "--loglevel=error", CHP_SPEC], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    if proc.returncode or not CHP.exists():
        return None, f"npm install {CHP_SPEC} failed: {proc.stderr[-500:]}"
    return CHP, ""


def write_config(tmp: Path, *, users: list[str], ports: dict[str, int], marker: str,
                 lab_settings: dict, real_users: bool = False, python: str | None = None,
                 env: dict[str, str] | None = None) -> Path:
    """jupyterhub_config.py for the test hub; returns its path.

    ``real_users``: JupyterHub's LocalProcessSpawner, as TLJH does: each server runs as the
    Unix user of the same name, in that user's home (the hub must run as root); the
    progress store is then the default, ``~/.close-reading-kit``.  ``python`` runs the
    servers (``-m jupyterhub.singleuser``); ``env`` is added to every server's environment.
    """
    homes = tmp / "homes"
    python = python or sys.executable
    if real_users:
        spawner = 'c.JupyterHub.spawner_class = "localprocess"\nc.Spawner.args = []'
        store = ""
    else:
        spawner = (f'c.JupyterHub.spawner_class = "simple"\n'
                   f'c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / "{username}")!r}\n'
                   f'c.Spawner.args = {["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []!r}')
        store = f'"KIT_PROGRESS_DIR": lambda spawner: {str(homes)!r} + "/" + spawner.user.name + "/.close-reading-kit",'
    config = f'''
import os, json, sys
from pathlib import Path
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {ports["public"]}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports["hub"]}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{tmp / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(tmp / "cookie_secret")!r}
c.JupyterHub.pid_file = {str(tmp / "hub.pid")!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {PASSWORD!r}
c.Authenticator.allowed_users = set({users!r})
{spawner}
c.Spawner.cmd = [{python!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.env_keep = ["JUPYTERHUB_SINGLEUSER_APP", "LD_LIBRARY_PATH"]  # LD_LIBRARY_PATH: KIT_HUB_PYTHON
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
LAB_SETTINGS = {lab_settings!r}

def _settings_dir(spawner):
    folder = Path({str(tmp / "lab-settings")!r}) / spawner.user.name
    for rel, settings in LAB_SETTINGS.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings))
    return str(folder)

c.Spawner.environment = {{
    # each student's progress in their own home: what docs/jupyterhub.md tells teachers
    {store}
    **{dict(env or {})!r},
    "JUPYTERLAB_SETTINGS_DIR": _settings_dir,
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "KIT_HUB_TEST_RUN": {marker!r},
}}
'''
    path = tmp / "jupyterhub_config.py"
    path.write_text(config, encoding="utf-8")
    return path


class Hub(h.Server):
    """JupyterHub as a :class:`browser_helpers.Server` (start, readiness wait, log), stopped
    by the PIDs its run marked (it spawns servers of its own: see :meth:`stop`)."""

    def __init__(self, tmp: Path, config: Path, public_port: int, marker: str):
        self.tmp, self.marker = tmp, marker
        env = {**os.environ, "KIT_HUB_TEST_RUN": marker}
        env.pop("JUPYTERHUB_API_TOKEN", None)
        super().__init__("JupyterHub", [sys.executable, "-m", "jupyterhub", "-f", str(config)], env, tmp,
                         tmp / "hub.log", public_port, token="")

    def wait_ready(self, timeout: float = 90) -> None:
        """Until /hub/api/ answers 200 (the proxy says 404 before the hub is routed)."""
        super().wait_ready("/hub/api/", timeout)

    def log_tail(self, n: int = 60) -> str:
        return super().log_tail(n)

    def _marked_pids(self) -> list[int]:
        """PIDs of processes started for this run (their environment holds the marker)."""
        needle = f"KIT_HUB_TEST_RUN={self.marker}".encode()
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) != os.getpid():
                try:
                    if needle in (entry / "environ").read_bytes().split(b"\0"):
                        pids.append(int(entry.name))
                except OSError:
                    continue
        return pids

    def stop(self) -> None:
        """SIGTERM the hub (it stops the proxy and the servers it spawned); then any
        marked process left, by PID; SIGKILL after a grace period."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            left = self._marked_pids()
            for pid in left:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 10
            while left and time.monotonic() < deadline:
                time.sleep(0.2)
                left = [p for p in left if Path(f"/proc/{p}").exists() and _alive(p)]
        self._log_fh.close()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
