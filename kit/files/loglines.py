"""A JSON-lines log read as it grows: each read parses only the whole lines appended since.

The attempt log is only ever appended to (:func:`kit.files.store.append_record`), and every
Check reads it (the next attempt number, the hint level).  Parsing 100,000 saved attempts
on each Check took seconds; :func:`records_of` remembers, per file, what it has parsed
(the device and inode, how many bytes, their CRC-32) and parses only what follows: the
bytes are still read and checksummed (milliseconds), so a file that was replaced,
shortened or edited anywhere is parsed again from the start.
Damaged lines are skipped with one warning naming their line numbers, on every read.
"""
from __future__ import annotations

import json
import os
import warnings
import zlib
from pathlib import Path

__all__ = ["records_of", "parse_lines"]

# path -> (device and inode, bytes parsed, their CRC-32, lines, records, bad line numbers)
_SEEN: dict[str, tuple] = {}


def parse_lines(data: bytes, first: int = 1) -> tuple[list[dict], list[int]]:
    """The JSON objects of ``data``, one a line, and the numbers of the damaged lines.

    >>> parse_lines(b'{"a": 1}\\n{"a": \\n\\n[2]\\n', first=10)
    ([{'a': 1}], [11, 13])
    """
    lines = data.split(b"\n")
    whole = [raw for raw in lines if raw.strip()]
    try:  # one array: twice as fast, and the keys are shared (100,000 records in 70 MB, not 125)
        records = json.loads(("[" + ",".join(raw.decode("utf-8") for raw in whole) + "]"))
        if len(records) == len(whole) and all(isinstance(r, dict) for r in records):
            return records, []
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        pass
    records, bad = [], []
    for number, raw in enumerate(lines, start=first):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            bad.append(number)
            continue
        if isinstance(record, dict):
            records.append(record)
        else:
            bad.append(number)
    return records, bad


def records_of(handle, path: Path) -> list[dict]:
    """The records of a log open in ``handle`` (binary, locked by the caller); do not change them.

    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "log.jsonl"
    >>> _ = log.write_bytes(b'{"i": 1}\\n')
    >>> with open(log, "rb") as fh:
    ...     first = records_of(fh, log)
    >>> with open(log, "ab") as fh:
    ...     _ = fh.write(b'{"i": 2}\\n')
    >>> with open(log, "rb") as fh:
    ...     first, records_of(fh, log)
    ([{'i': 1}], [{'i': 1}, {'i': 2}])
    """
    st = os.fstat(handle.fileno())
    handle.seek(0)
    data = handle.read()
    ident, size, crc, lines, old, old_bad = _SEEN.get(str(path), (None, 0, 0, 0, [], []))
    if ident != (st.st_dev, st.st_ino) or len(data) < size or zlib.crc32(memoryview(data)[:size]) != crc:
        size, crc, lines, old, old_bad = 0, 0, 0, [], []  # a new, shortened or edited file: parse it all
    end = max(data.rfind(b"\n") + 1, size)  # whole lines only: a partial last line is parsed again next time
    whole = data.count(b"\n", size, end)
    new, bad = parse_lines(data[size:end], lines + 1)
    rest, rest_bad = parse_lines(data[end:], lines + whole + 1)
    _SEEN[str(path)] = ((st.st_dev, st.st_ino), end, zlib.crc32(memoryview(data)[size:end], crc), lines + whole,
                        old + new, old_bad + bad)
    records, bad = old + new + rest, old_bad + bad + rest_bad
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
        warnings.warn(
            f"{str(path)!r}: skipped {len(bad)} damaged line(s) (line {shown}), perhaps from a "
            f"program stopped while writing. The other {len(records)} record(s) are intact; "
            "the file was not changed.",
            stacklevel=3,
        )
    return records
