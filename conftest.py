"""Shared test set-up: the whole suite runs with network sockets blocked, and the slow
groups are marked by path.

Connections to this machine (localhost, for Jupyter kernels and the browser test)
stay allowed; anything else raises, so a hidden download fails loudly.

Each slow group gets its own marker and ``slow`` (see ``SLOW_GROUPS`` below; markers
are registered in pyproject.toml).  ``make check`` runs ``pytest -m "not slow"``, the
quick suite (unit tests and doctests); ``make test`` runs everything.
"""
from __future__ import annotations

import socket

import pytest

# path from the repository root -> marker; a path ending in "/" is a folder, so a new
# test file there is marked too
SLOW_GROUPS = {
    "tests/lessons/test_notebooks.py": "notebooks",  # every lesson run in a fresh kernel
    "tests/project/test_fresh_machine.py": "fresh_machine",  # git clone + make venv from PyPI
    "tests/browser/": "browser",  # JupyterLab and Voila in chromium
    "tests/hub/": "hub",  # a class on a real JupyterHub
    "tests/analysis/test_linearity.py": "linearity",  # CPU timings at 1x and 10x
    "tests/assessment/test_store_faults.py": "kernels",  # real kernels, one killed
}


def slow_group(relpath: str) -> str | None:
    """The slow group of a test file (a path from the repository root), or None."""
    for path, marker in SLOW_GROUPS.items():
        if relpath == path or (path.endswith("/") and relpath.startswith(path)):
            return marker
    return None


@pytest.hookimpl(tryfirst=True)  # before pytest's own -m selection reads the markers
def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            rel = item.path.resolve().relative_to(config.rootpath.resolve()).as_posix()
        except ValueError:  # a test outside the repository
            continue
        marker = slow_group(rel)
        if marker:
            item.add_marker(marker)
            item.add_marker("slow")


_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")
_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection


def _host_of(address) -> str:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return str(address)  # AF_UNIX paths are local


def _is_local(address) -> bool:
    host = _host_of(address)
    return host.startswith(_LOCAL) or host.startswith("/") or host == ""


class NetworkBlocked(RuntimeError):
    pass


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address):
        raise NetworkBlocked(f"test tried to reach {address!r}: the kit must work offline")
    return _real_connect(self, address)


def _guarded_create_connection(address, *args, **kwargs):
    if not _is_local(address):
        raise NetworkBlocked(f"test tried to reach {address!r}: the kit must work offline")
    return _real_create_connection(address, *args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    socket.socket.connect = _guarded_connect
    socket.create_connection = _guarded_create_connection
    yield
    socket.socket.connect = _real_connect
    socket.create_connection = _real_create_connection


@pytest.fixture(autouse=True)
def _isolated_progress(tmp_path, monkeypatch):
    """Tests never write to the real home folder's progress or annotation store."""
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "kit-progress"))


@pytest.fixture(scope="session")
def corpus():
    import kit

    return kit.load_corpus()
