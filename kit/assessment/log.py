"""The progress store: every quiz and exercise attempt, one JSON line each.

Attempts are appended to ``progress.jsonl`` in the kit's folder (``$KIT_PROGRESS_DIR``
or ``~/.close-reading-kit``) under a file lock (see :mod:`kit.files.store`).  A record has
``time`` (UTC ISO), ``kind`` (quiz, exercise, reading), ``quiz``, ``question``,
``attempt`` (1 = the first try ever: numbers continue across kernel restarts),
``status``, ``score``, ``response``, ``mistake`` and ``feedback``.

Reading never fails on an odd line: a record whose fields have the wrong shape
(``{"attempt": 1.5}``, text where a number goes, a deeply nested answer) is skipped
with a warning, and the file is left as it is.

>>> import os, tempfile
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {"KIT_PROGRESS_DIR": tempfile.mkdtemp()}):
...     record_attempt(quiz="demo", question="q1", response="cho 3.2", status="correct")
...     record_attempt(quiz="demo", question="q1", response="cho 3.3", status="incorrect")
...     [r["attempt"] for r in read_attempts()]
1
2
[1, 2]
"""
from __future__ import annotations

import math
import re
import secrets
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from ..files import store
from ..errors import InvalidArgument, StoreError

__all__ = ["record_attempt", "read_attempts", "attempt_history", "progress_path", "learner_id", "COLUMNS",
           "EXPORT_COLUMNS", "STATUSES", "GRADED", "DONE", "KINDS", "jsonable"]

# The attempt-log vocabulary, declared here only (progress exports, class reports and plots import it).
#: The fields of a record, in the order of a progress table.
COLUMNS = ["time", "kind", "quiz", "question", "attempt", "status", "score", "response", "mistake", "feedback"]
#: The columns of an exported progress CSV: who, then a record's fields.
EXPORT_COLUMNS = ["student", "learner", *COLUMNS]
STATUSES = ("correct", "partial", "incorrect", "invalid", "written", "self-assessed")
#: The statuses of a marked answer (item analysis and score plots count only these), in plot order.
GRADED = ("correct", "partial", "incorrect")
#: The statuses that finish an exercise (a written or self-assessed answer is done, not marked).
DONE = ("correct", "written", "self-assessed")
KINDS = ("quiz", "exercise", "reading")
_MAX_DEPTH = 8


def progress_path() -> Path:
    """Where attempts are saved: ``<kit folder>/progress.jsonl``."""
    return store.base_dir() / "progress.jsonl"


def learner_id() -> str:
    """This store's own id: 12 random hex digits, made once and kept in ``<kit folder>/learner_id``.

    It tells apart two students whose exports carry the same login name, and seeds the
    order of a quiz's options (the same for one student across kernel restarts,
    different between students).  Created atomically (``O_EXCL``), so two kernels
    starting at once agree on one id; a damaged file is set aside and replaced.

    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"KIT_PROGRESS_DIR": tempfile.mkdtemp()}):
    ...     first = learner_id()
    ...     first == learner_id(), len(first)
    (True, 12)
    """
    path = store.base_dir() / "learner_id"
    for _ in range(3):
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            text = None
        except UnicodeError:
            text = ""
        except OSError as exc:  # a folder in the way, a file where the folder should be, no permission
            raise StoreError(f"Cannot read {str(path)!r} ({exc.strerror or exc}). Set the environment variable "
                             f"{store.ENV_VAR} to a folder you can write to.") from None
        if text is not None:
            if re.fullmatch(r"[0-9a-f]{12}", text):
                return text
            store.set_aside(path, "it does not hold a learner id")
        try:
            store.create_text(path, secrets.token_hex(6) + "\n")
        except FileExistsError:  # another kernel made it first: read theirs
            continue
    return path.read_text(encoding="ascii").strip()


def jsonable(response, depth: int = 0) -> Any:
    """A response as a JSON value that can always be saved (broken characters replaced,
    huge integers described, sets sorted, unknown objects as their repr).

    >>> jsonable({"a", "b"}), jsonable(10**500)
    (['a', 'b'], '<an integer of 501 digits>')
    """
    if depth > _MAX_DEPTH:
        return "<nested too deeply>"
    if isinstance(response, str):
        return response.encode("utf-16", "surrogatepass").decode("utf-16", "replace")[:10_000]
    if isinstance(response, bool) or response is None:
        return response
    if isinstance(response, int):
        if response.bit_length() > 60:
            return f"<an integer of {int(response.bit_length() * math.log10(2)) + 1} digits>"
        return response
    if isinstance(response, float):
        return response if math.isfinite(response) else str(response)
    if isinstance(response, (set, frozenset)):
        return sorted((jsonable(r, depth + 1) for r in response), key=str)
    if isinstance(response, (list, tuple)):
        return [jsonable(r, depth + 1) for r in response][:1000]
    if isinstance(response, dict):
        return {str(jsonable(k, depth + 1)): jsonable(v, depth + 1) for k, v in list(response.items())[:1000]}
    if hasattr(response, "tolist"):  # numpy scalars and arrays, pandas Series and Index
        return jsonable(response.tolist(), depth + 1)
    return jsonable(repr(response), depth + 1)


def record_attempt(*, quiz: str, question: str, response, status: str, attempt: int | None = None,
                   score: float | None = None, kind: str = "quiz", mistake: str = "", feedback: str = "") -> int:
    """Append one attempt (with the current UTC time) to the store; returns its attempt number.

    ``attempt=None`` numbers it after the last saved attempt at this question, read under the
    store's lock with the append, so two kernels answering at once never share a number.
    """
    if status not in STATUSES:
        raise InvalidArgument(f"status must be one of {', '.join(STATUSES)}, not {status!r}.")
    if kind not in KINDS:
        raise InvalidArgument(f"kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    attempt = None if attempt is None else int(attempt)
    record = {
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "kind": kind, "quiz": str(quiz), "question": str(question), "attempt": attempt,
        "status": status, "score": None if score is None else float(score),
        "response": jsonable(response), "mistake": str(mistake), "feedback": jsonable(str(feedback)),
    }

    def numbered(saved: list[dict]) -> dict:
        last = _histories(saved)[0].get((str(quiz), str(question), kind), History(0, 0)).last
        now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")  # in number order
        return {**record, "time": now, "attempt": last + 1 if attempt is None else attempt}

    return store.append_record(progress_path(), numbered)["attempt"]


def _depth(value, level: int = 0) -> int:
    if isinstance(value, dict):
        return max([_depth(v, level + 1) for v in value.values()], default=level + 1)
    if isinstance(value, list):
        return max([_depth(v, level + 1) for v in value], default=level + 1)
    return level


def _odd(rec: dict) -> str:
    """What is wrong with a record (``""`` if it is a good one)."""
    for fld in ("time", "quiz", "question", "status"):
        if not isinstance(rec.get(fld), str):
            return f"{fld} is {rec.get(fld)!r}, not text"
    for fld in ("kind", "mistake", "feedback"):
        if fld in rec and not isinstance(rec[fld], str):
            return f"{fld} is {rec[fld]!r}, not text"
    attempt = rec.get("attempt")
    if isinstance(attempt, bool) or not isinstance(attempt, int) or not 1 <= attempt < 10**9:
        return f"attempt is {attempt!r}, not a whole number from 1"
    score = rec.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))
                              or not 0 <= score <= 1):
        return f"score is {score!r}, not a number from 0 to 1"
    if _depth(rec.get("response")) > _MAX_DEPTH:
        return "the response is nested too deeply"
    return ""


def read_attempts(path: str | Path | None = None) -> list[dict]:
    """Every good attempt record (oldest first as saved); odd ones skipped with one warning.

    Older records without ``kind``, ``mistake`` or ``feedback`` get ``quiz``, ``""``, ``""``.
    """
    path = Path(path) if path is not None else progress_path()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = store.read_records(path)
    messages = [str(w.message) for w in caught]
    good, odd = _good(records)
    if odd:
        messages.append(f"{str(path)!r}: skipped {len(odd)} record(s) with odd fields ({'; '.join(odd[:3])}"
                        f"{' ...' if len(odd) > 3 else ''}). The file was not changed.")
    for message in messages:
        warnings.warn(message, stacklevel=2)
    return good


def _good(records: list[dict]) -> tuple[list[dict], list[str]]:
    """The good records (with defaults for old ones) and what is wrong with each odd one."""
    good, odd = [], []
    for n, rec in enumerate(records, start=1):
        problem = _odd(rec)
        if problem:
            odd.append(f"record {n}: {problem}")
            continue
        good.append({"kind": "quiz", "mistake": "", "feedback": "", **rec})
    return good, odd


class History(NamedTuple):
    last: int            # the highest attempt number saved (0: none)
    wrong_since_correct: int   # not counting tries that matched an anticipated mistake


def attempt_history(*, quiz: str, question: str, kind: str = "quiz") -> History:
    """The saved attempts at one question: the last attempt number, and the wrong tries since the
    last right one that no anticipated mistake addressed (they set the level of the next hint)."""
    path = progress_path()
    histories, odd = _histories(store.read_records(path))
    if odd:
        warnings.warn(f"{str(path)!r}: skipped {len(odd)} record(s) with odd fields ({'; '.join(odd[:3])}"
                      f"{' ...' if len(odd) > 3 else ''}). The file was not changed.", stacklevel=2)
    return histories.get((quiz, question, kind), History(0, 0))


# records folded, the last of them (the store hands back the same objects for lines it read
# before), and what they give: with 100,000 saved attempts a Check folds only the new ones
_FOLD: list = [0, None, {}, []]


def _histories(records: list[dict]) -> tuple[dict[tuple[str, str, str], History], list[str]]:
    """``(quiz, question, kind) -> History`` over the good records, and what is odd in the others."""
    n, last_rec, hist, odd = _FOLD
    if not (0 < n <= len(records) and records[n - 1] is last_rec):
        n, hist, odd = 0, {}, []
    hist, odd = dict(hist), list(odd)
    for number, rec in enumerate(records[n:], start=n + 1):
        problem = _odd(rec)
        if problem:
            odd.append(f"record {number}: {problem}")
            continue
        key = (rec["quiz"], rec["question"], rec.get("kind", "quiz"))
        last, wrong = hist.get(key, (0, 0))
        hinted = rec["status"] in ("incorrect", "partial") and not rec.get("mistake")
        hist[key] = History(max(last, rec["attempt"]), 0 if rec["status"] == "correct" else wrong + hinted)
    _FOLD[:] = [len(records), records[-1] if records else None, hist, odd]
    return hist, odd
