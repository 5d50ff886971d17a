"""Shared test set-up: the whole suite runs with network sockets blocked.

Connections to this machine (localhost, for Jupyter kernels and the browser test)
stay allowed; anything else raises, so a hidden download fails loudly.
"""
from __future__ import annotations

import socket

import pytest

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
