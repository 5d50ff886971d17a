"""Local storage that loses nothing: JSON-lines logs appended under a lock, and JSON
files replaced atomically (used by the attempt log and by annotations).

* :func:`append_record` adds one JSON line under an exclusive file lock, then flushes
  and fsyncs, so two kernels writing at once never interleave, lose lines or share a number.
* :func:`read_records` reads every good line; a damaged line (for instance the
  half-written last line of a process killed mid-write) is skipped with a warning,
  and the file is never rewritten.
* :func:`atomic_write_json` writes a temporary file in the same folder and renames
  it over the old one (``os.replace``), so a reader sees the old or the new file,
  never half of one.
* :func:`read_json` returns ``default`` for a missing file; a corrupt file is
  renamed aside to ``<name>.corrupt-<timestamp>`` (never overwritten) with a warning.

A store path that is a symbolic link, a FIFO or anything but a regular file is
refused with :class:`~kit.StoreError` (opening a FIFO would hang the kernel).

Locks use ``fcntl.flock`` on POSIX; where that is missing (Windows) writes still
go through but without a cross-process lock.

The base folder is ``$KIT_PROGRESS_DIR`` or ``~/.close-reading-kit``.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "log.jsonl"
>>> append_record(log, lambda old: {"question": "q1", "attempt": len(old) + 1})
{'question': 'q1', 'attempt': 1}
>>> read_records(log)
[{'question': 'q1', 'attempt': 1}]
"""
from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import StoreError
from .loglines import records_of

try:  # POSIX (Linux, macOS)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

__all__ = ["base_dir", "append_record", "read_records", "atomic_write_text", "atomic_write_json", "read_json",
           "locked", "create_text", "synced_temp", "set_aside"]

ENV_VAR = "KIT_PROGRESS_DIR"


def base_dir() -> Path:
    """The kit's storage folder: ``$KIT_PROGRESS_DIR`` or ``~/.close-reading-kit`` (not created here)."""
    env = os.environ.get(ENV_VAR)
    try:
        return Path(env).expanduser() if env else Path.home() / ".close-reading-kit"
    except RuntimeError:  # ~nouser, or no home directory at all
        raise StoreError(f"{ENV_VAR}={env!r:.80}: that home folder does not exist. Set {ENV_VAR} to a folder "
                         "you can write to, e.g. /tmp/my-progress.") from None


def _ensure_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the folder {str(path.parent)!r} for the kit's saved data ({exc.strerror}). "
            f"Set the environment variable {ENV_VAR} to a folder you can write to."
        ) from None


def _open_regular(path: Path, flags: int) -> int:
    """``os.open`` that refuses symlinks, FIFOs and devices (without blocking on a FIFO)."""
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError:
        if path.is_symlink():
            raise StoreError(f"{str(path)!r} is a symbolic link; the kit does not follow links for its "
                             f"saved data. Remove the link, or set {ENV_VAR} to a folder of your own.") from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "not a regular file"
        raise StoreError(f"{str(path)!r} is {what}, so the kit cannot keep its records there. Remove it, "
                         f"or set {ENV_VAR} to another folder.")
    if hasattr(os, "O_NONBLOCK"):
        os.set_blocking(fd, True)
    return fd


@contextlib.contextmanager
def _flock(fileobj, exclusive: bool) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - no cross-process lock available
        yield
        return
    fcntl.flock(fileobj.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    try:
        yield
    finally:
        fcntl.flock(fileobj.fileno(), fcntl.LOCK_UN)


@contextlib.contextmanager
def locked(path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (for read-modify-write of a JSON file).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "notes.json"
    >>> with locked(f):
    ...     atomic_write_json(f, {"n": read_json(f, {"n": 0})["n"] + 1})
    >>> read_json(f, None)
    {'n': 1}
    """
    path = Path(path)
    _ensure_folder(path)
    with open(path.with_name(path.name + ".lock"), "a") as handle, _flock(handle, True):
        yield


def append_record(path: str | os.PathLike, record: dict | Callable[[list[dict]], dict]) -> dict:
    """Append ``record`` as one JSON line, under an exclusive lock, flushed and fsynced; return it.

    ``record`` may be a function of the file's records, read under the same lock, so a number
    it computes from them (the next attempt) is never given twice.  After a partial last line
    (a writer killed mid-line), the new record starts on a fresh line.
    """
    path = Path(path)
    _ensure_folder(path)
    try:
        fd = _open_regular(path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
        with open(fd, "a+b") as handle, _flock(handle, True):
            if callable(record):
                record = record(records_of(handle, path))
            try:
                data = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
            except (TypeError, ValueError, RecursionError) as exc:
                raise StoreError(f"Cannot save this record as JSON ({exc}).") from None
            size = handle.seek(0, os.SEEK_END)
            prefix = b""
            if size:
                handle.seek(size - 1)
                if handle.read(1) != b"\n":
                    prefix = b"\n"
            handle.write(prefix + data + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    except StoreError:
        raise
    except OSError as exc:
        raise StoreError(
            f"Cannot write to {str(path)!r} ({exc.strerror or exc}). Check that the folder is "
            f"writable, or set {ENV_VAR} to another folder."
        ) from None
    return record


def read_records(path: str | os.PathLike) -> list[dict]:
    """Every record of a JSON-lines file (``[]`` if it does not exist yet).

    Damaged lines are skipped with one warning naming their line numbers; the
    file itself is left untouched.
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return []
    try:
        with open(_open_regular(path, os.O_RDONLY), "rb") as handle, _flock(handle, False):
            return records_of(handle, path)
    except StoreError:
        raise
    except OSError as exc:
        raise StoreError(f"Cannot read {str(path)!r} ({exc.strerror or exc}).") from None


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, fsync,
    ``os.replace``.  On any failure (a full disk) the old file is left whole."""
    path = Path(path)
    _ensure_folder(path)
    tmp = None
    try:
        tmp = synced_temp(path, text.encode(encoding))
        os.replace(tmp, path)
    except (OSError, UnicodeError) as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise StoreError(f"Cannot write {str(path)!r} ({getattr(exc, 'strerror', None) or exc}); the old file, "
                         "if any, is unchanged. Free some space or choose a folder you can write to.") from None


def atomic_write_json(path: str | os.PathLike, obj: Any) -> None:
    """Write ``obj`` as JSON to ``path`` atomically (see :func:`atomic_write_text`)."""
    try:
        text = json.dumps(obj, ensure_ascii=False, indent=1, default=str)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"Cannot save this data as JSON ({exc}).") from None
    atomic_write_text(path, text)


def create_text(path: str | os.PathLike, text: str) -> None:
    """Write a new file holding ``text``, atomically; ``FileExistsError`` if ``path`` exists.

    The text is written to a temporary file and linked into place (``os.link`` fails
    if the name is taken), so no reader ever sees a half-written file.
    """
    path = Path(path)
    _ensure_folder(path)
    tmp = None
    try:
        tmp = synced_temp(path, text.encode("utf-8"))
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        raise StoreError(f"Cannot write {str(path)!r} ({exc.strerror or exc}). Check that the folder is "
                         f"writable, or set {ENV_VAR} to another folder.") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def synced_temp(path: Path, data: bytes) -> str:
    """A new temporary file beside ``path`` holding ``data``, flushed to disk; its name.

    The first half of every atomic write here: the caller then renames or links it into place.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def set_aside(path: str | os.PathLike, why: str) -> Path:
    """Rename a damaged file to ``<name>.corrupt-<timestamp>`` (never overwriting), warn, return the new path."""
    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        aside, n = path.with_name(f"{path.name}.corrupt-{stamp}-{n}"), n + 1
    with contextlib.suppress(FileNotFoundError):  # another reader moved it first
        os.replace(path, aside)
    warnings.warn(f"{str(path)!r} could not be read ({why}). It was moved to {str(aside)!r} so nothing is "
                  "lost; starting again from empty.", stacklevel=3)
    return aside


def read_json(path: str | os.PathLike, default: Any) -> Any:
    """The JSON in ``path``; ``default`` if the file does not exist.

    A corrupt file is renamed to ``<name>.corrupt-<timestamp>`` (kept, never
    overwritten), a warning says where it went, and ``default`` is returned.
    """
    path = Path(path)
    if not path.exists():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        set_aside(path, f"it was damaged: {exc}")
        return default
    except OSError as exc:
        raise StoreError(f"Cannot read {str(path)!r} ({exc.strerror or exc}).") from None
