"""Run one call in a forked child with a time limit and a memory limit (the hostile-case harness).

The bad-input tables (``tests/project/test_hostile_*.py``) call the kit the way a hostile
student, a careless teacher or a classmate with bad intent would.  Such a call may hang or
try to take gigabytes, so it runs here, in a child made with ``os.fork`` (the parent already
has ``kit`` imported, so the child starts at once and the baseline is the kit's own):

- the child's address space is capped at its size at the fork plus ``extra_mb``
  (``RLIMIT_AS``), so a call that wants more gets a ``MemoryError`` (kind ``"memory"``);
- a timer raises inside the child after ``seconds`` of CPU time (kind ``"timeout"``): CPU
  time, like the ``regex`` module's ``timeout=``, so that two cores shared by several
  test runs do not make a quick call look slow; a child that waits without using the CPU
  (a FIFO, a lock) or is stuck in C code that never returns to Python is killed by the
  parent after ``3 * seconds + 2`` seconds of wall-clock time (also ``"timeout"``);
- the outcome comes back through a pipe as JSON (plain strings and numbers only, nothing
  is unpickled): its kind, the exception's class name and message, or a short ``repr`` of
  the result.

Kinds: ``"ok"`` (returned), ``"kit_error"`` (raised a ``kit.KitError``), ``"other_error"``
(raised anything else, or the child died), ``"timeout"``, ``"memory"``.

Use from a test file in ``tests/project/`` (that folder is on ``sys.path`` for its tests)::

    from guard import assert_contained, run_guarded

    def test_huge_quantifier():
        outcome = assert_contained(kit.kwic, doc, "a{1000000000}", regex=True)
        assert outcome.kind == "kit_error"
"""
from __future__ import annotations

import json
import os
import resource
import select
import signal
import time
from dataclasses import dataclass

__all__ = ["Outcome", "run_guarded", "assert_contained", "SAFE_KINDS"]

SAFE_KINDS = ("ok", "kit_error")  # what a hostile call may end in


@dataclass(frozen=True)
class Outcome:
    """What one guarded call did.

    ``kind`` is one of ``ok``, ``kit_error``, ``other_error``, ``timeout``, ``memory``;
    ``error`` the exception's class name (``""`` when it returned); ``message`` its message
    or, for ``ok``, a ``repr`` of the result (both cut to 300 characters); ``seconds`` the
    time the child took.
    """

    kind: str
    error: str = ""
    message: str = ""
    seconds: float = 0.0

    def __str__(self) -> str:
        what = f"{self.error}: {self.message}" if self.error else self.message
        return f"{self.kind} after {self.seconds:.2f} s ({what})"


class _Timeout(BaseException):
    """Raised in the child by its timer (a BaseException so that `except Exception` can't eat it)."""


def _address_space() -> int:
    """This process's address space in bytes (Linux: /proc/self/statm, first field in pages)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[0])
    return pages * resource.getpagesize()


def _short(text: str, limit: int = 300) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def _describe(fn, args, kwargs) -> dict:
    """Run the call (in the child) and describe what happened as plain data."""
    try:
        from kit.errors import KitError
    except Exception:  # pragma: no cover - the kit always imports in this repository
        KitError = ()  # noqa: N806
    try:
        result = fn(*args, **kwargs)
        try:
            text = repr(result)
        except BaseException as exc:  # a result whose repr fails is still a result
            text = f"<unrepresentable {type(result).__name__}: {type(exc).__name__}>"
        return {"kind": "ok", "error": "", "message": _short(text)}
    except _Timeout:
        return {"kind": "timeout", "error": "", "message": "timer fired in the child"}
    except MemoryError as exc:
        return {"kind": "memory", "error": type(exc).__name__, "message": _short(exc)}
    except BaseException as exc:
        kind = "kit_error" if KitError and isinstance(exc, KitError) else "other_error"
        try:
            message = _short(exc)
        except BaseException:
            message = "<message could not be made>"
        return {"kind": kind, "error": type(exc).__name__, "message": message}


def _child(write_fd: int, fn, args, kwargs, seconds: float, extra_mb: int) -> None:
    """The child's whole life: limits, the call, one JSON line, exit (never returns)."""
    code = 0
    try:
        limit = _address_space() + int(extra_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        def _fire(signum, frame):
            raise _Timeout()

        signal.signal(signal.SIGPROF, _fire)
        signal.setitimer(signal.ITIMER_PROF, seconds)  # CPU time of this process
        start = time.monotonic()
        try:
            report = _describe(fn, args, kwargs)
        except _Timeout:  # fired between the call's end and the return
            report = {"kind": "timeout", "error": "", "message": "timer fired in the child"}
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        report["seconds"] = time.monotonic() - start
        data = json.dumps(report).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def run_guarded(fn, *args, seconds: float = 5.0, extra_mb: int = 200, **kwargs) -> Outcome:
    """Call ``fn(*args, **kwargs)`` in a forked child limited to ``seconds`` and ``extra_mb``.

    Parameters
    ----------
    fn, args, kwargs
        The call.  Arguments are used in the child as they are (no pickling).
    seconds
        CPU-time limit of the call (wall-clock ``3 * seconds + 2`` for a call that waits).
    extra_mb
        Address space the child may take beyond its size at the fork (the kit's baseline).

    Returns
    -------
    Outcome
        ``kind``, ``error``, ``message``, ``seconds``.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        _child(write_fd, fn, args, kwargs, seconds, extra_mb)
    os.close(write_fd)
    chunks: list[bytes] = []
    wall = 3 * seconds + 2.0
    deadline = time.monotonic() + wall
    killed = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if killed:
        return Outcome("timeout", "", f"killed by the parent after {wall:g} s (waiting, or stuck outside Python)", wall)
    try:
        report = json.loads(b"".join(chunks).decode("utf-8"))
        return Outcome(str(report["kind"]), str(report["error"]), str(report["message"]),
                       float(report["seconds"]))
    except (ValueError, KeyError, TypeError):
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            # a C extension that cannot allocate under RLIMIT_AS often aborts or segfaults
            kind = "memory" if sig in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS) else "other_error"
            return Outcome(kind, "", f"child died with signal {signal.Signals(sig).name}")
        return Outcome("other_error", "", f"child exited with status {os.waitstatus_to_exitcode(status)}"
                       " and no report")


def assert_contained(fn, *args, seconds: float = 5.0, extra_mb: int = 200,
                     kinds=SAFE_KINDS, **kwargs) -> Outcome:
    """Run the call guarded and fail the test unless it ended in one of ``kinds`` (ok or kit_error).

    Returns the :class:`Outcome`, so a test can check more (e.g. that a hint came back).
    """
    outcome = run_guarded(fn, *args, seconds=seconds, extra_mb=extra_mb, **kwargs)
    assert outcome.kind in kinds, f"{getattr(fn, '__qualname__', fn)}: {outcome}"
    return outcome
