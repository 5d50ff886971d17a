"""``kit.hand_in()``: the student's progress into the class's inbox, as a new version.

The file is what :func:`~kit.assessment.progress.export_progress` writes (every attempt,
written answer and self-assessment, with ``$JUPYTERHUB_USER`` and the store's learner id).
It is written to a temporary file in the inbox, flushed to disk (fsync), made mode
``0640`` (its group is the teacher's, by the inbox's setgid bit), then hard-linked to the
next free name ``<login>.v0001.csv``, ``<login>.v0002.csv`` ... (``os.link`` never
replaces a file: a name already taken moves on to the next).  A hand-in stopped half way
(a full disk, a kill) leaves at most a hidden temporary file: every earlier version is
whole.  The teacher's report trusts the file's owner, not the names inside it.

The first hand-in also makes ``outbox/<login>`` (mode ``0730``: the student, and the
teacher's group may write in it) for the teacher's comments (:mod:`kit.classroom.comments`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> hand_in(folder)
Traceback (most recent call last):
...
kit.errors.StoreError: No inbox at ... Ask your teacher to set up the class folder (python -m kit class setup ...).
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..assessment.progress import export_progress
from ..errors import NoPermission, StoreError
from .inbox import FILE_MODE, OUTBOX_MODE, inbox_dir, outbox_dir, student_name, version_name

__all__ = ["hand_in", "HandIn", "MAX_VERSIONS"]

MAX_VERSIONS = 9999


@dataclass(frozen=True)
class HandIn:
    """What :func:`hand_in` handed in: the file, its version and what it holds."""

    path: Path
    version: int
    attempts: int
    written: int
    self_assessed: int

    def __str__(self) -> str:
        return (f"Handed in version {self.version}: {self.attempts} attempts, {self.written} written "
                f"answers, {self.self_assessed} self-assessments. Earlier versions are kept.")

    def _repr_html_(self) -> str:
        return f'<p role="status">✓ {self}</p>'


def _export_text() -> str:
    with tempfile.TemporaryDirectory(prefix="kit-handin-") as tmp:
        path = export_progress(Path(tmp) / "progress.csv")
        return path.read_text(encoding="utf-8")


def _counts(text: str) -> tuple[int, int, int]:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    return (len(rows), sum(r["status"] == "written" for r in rows),
            sum(r["status"] == "self-assessed" for r in rows))


def _check_inbox(inbox: Path) -> None:
    if not inbox.is_dir():
        raise StoreError(f"No inbox at {str(inbox)!r}. Ask your teacher to set up the class folder "
                         f"(python -m kit class setup {inbox.parent} --teacher NAME, once, as root).")
    if not os.access(inbox, os.W_OK | os.X_OK):
        raise NoPermission(f"You may not write into the inbox {str(inbox)!r}. Ask your teacher to run "
                           f"'python -m kit class check {inbox.parent}' and fix what it reports.")


def _write_temp(inbox: Path, name: str, data: bytes) -> Path:
    tmp = inbox / f".{name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        _unlink(tmp)
        raise
    os.close(fd)
    return tmp


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _link_next(tmp: Path, inbox: Path, name: str) -> tuple[Path, int]:
    for n in range(1, MAX_VERSIONS + 1):
        target = inbox / version_name(name, n)
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        return target, n
    raise StoreError(f"{MAX_VERSIONS} versions named {name}.v*.csv are already in the inbox. Ask your teacher "
                     "to move old hand-ins away.")


def _outbox(folder, name: str) -> None:
    """Make ``outbox/<name>`` for the teacher's comments (warn if a classmate took the name)."""
    outbox = outbox_dir(folder)
    if not outbox.is_dir():
        return
    mine = outbox / name
    try:
        os.mkdir(mine, OUTBOX_MODE)
        os.chmod(mine, OUTBOX_MODE)
    except FileExistsError:
        st = os.lstat(mine)
        if st.st_uid != os.getuid() or not stat.S_ISDIR(st.st_mode):
            warnings.warn(f"{mine} belongs to someone else, so your teacher's comments cannot reach you. Tell "
                          "your teacher (python -m kit class check finds it).", stacklevel=3)
    except OSError as exc:
        warnings.warn(f"Could not make {mine} for your teacher's comments ({exc.strerror}). Tell your teacher.",
                      stacklevel=3)


def hand_in(class_folder: str | os.PathLike | None = None) -> HandIn:
    """Hand your progress, written answers and self-assessments in to your teacher.

    Parameters
    ----------
    class_folder : str or path, optional
        The class folder your teacher set up; default ``$KIT_CLASS_DIR``.

    Each call adds a new version; earlier ones are kept.  Only you and your teacher can
    read it.  Returns a :class:`HandIn` (printed: the version and what it holds).

    >>> import tempfile
    >>> hand_in(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    kit.errors.StoreError: No inbox at '.../inbox'. Ask your teacher to set up the class folder ...
    """
    inbox = inbox_dir(class_folder)
    _check_inbox(inbox)
    text = _export_text()
    name = student_name(os.getuid())
    tmp = None
    try:
        tmp = _write_temp(inbox, name, text.encode("utf-8"))
        path, version = _link_next(tmp, inbox, name)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StoreError(f"The disk holding {str(inbox)!r} is full, so nothing was handed in this time; "
                             "your earlier hand-ins are kept. Tell your teacher, then run kit.hand_in() "
                             "again.") from None
        if isinstance(exc, PermissionError):
            raise NoPermission(f"You may not write into the inbox {str(inbox)!r} ({exc.strerror}). Ask your "
                               f"teacher to run 'python -m kit class check {inbox.parent}'.") from None
        raise StoreError(f"Could not hand in to {str(inbox)!r} ({exc.strerror or exc}); your earlier hand-ins "
                         "are kept. Run kit.hand_in() again.") from None
    except KeyboardInterrupt:
        raise StoreError("The hand-in was interrupted before it was complete: nothing was handed in this "
                         "time, and your earlier hand-ins are kept. Run kit.hand_in() again.") from None
    finally:
        if tmp is not None:
            _unlink(tmp)
    _outbox(class_folder, name)
    return HandIn(path, version, *_counts(text))
