"""Read a YAML file safely and remember the line each value starts on.

Course files are written by teachers, so a problem must be reported as
``file:line``.  :func:`read_yaml` returns the data (``yaml.safe_load``) and a
:class:`Lines` lookup from a key path such as ``("texts", 0, "lines", "body")`` to
the 1-based line of that value.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataFileError

if TYPE_CHECKING:  # only for type hints (importlib.resources.abc is Python 3.11+)
    from importlib.resources.abc import Traversable

__all__ = ["Lines", "read_yaml", "read_yaml_cached", "parse_yaml", "file_stamp"]

MAX_BYTES = 2_000_000


class Lines:
    """1-based line numbers of the values of a YAML document, by key path.

    >>> data, lines = parse_yaml("a:\\n  - x\\n  - y: 1\\n")
    >>> lines(("a", 1, "y")), lines(("a", 9)), lines(())
    (3, 1, 1)
    """

    def __init__(self, table: dict[tuple, int]) -> None:
        self._table = table

    def __call__(self, path: tuple) -> int:
        """The line of ``path``, or of its nearest ancestor that exists (1 at worst)."""
        path = tuple(path)
        while path and path not in self._table:
            path = path[:-1]
        return self._table.get(path, 1)


def _walk(node, path: tuple, table: dict) -> None:
    import yaml

    table.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else None
            table.setdefault((*path, k), key.start_mark.line + 1)
            _walk(value, (*path, k), table)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), table)


def parse_yaml(text: str, *, source: str = "<yaml>") -> tuple[Any, Lines]:
    """``(data, lines)`` for YAML text; a syntax error is a :class:`DataFileError` with its line."""
    import yaml

    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(
            f"{source}:{line}: not valid YAML ({problem}) — check the indentation and quoting "
            "near that line (a value with ': ' or '#' in it needs quotes)."
        ) from None
    table: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), table)
    return data, Lines(table)


def read_yaml(path: str | Path | Traversable, *, source: str | None = None) -> tuple[Any, Lines]:
    """Read ``path`` (a Path or package resource) as UTF-8 YAML: ``(data, lines)``."""
    source = source or str(path)
    try:
        target = Path(path) if isinstance(path, str) else path
        if not target.is_file():  # a folder or a FIFO: reading would fail or wait for ever
            raise DataFileError(f"{source}:1: not a regular file — give the path of a .yaml file.")
        raw = target.read_bytes()
    except OSError as exc:
        raise DataFileError(f"{source}:1: cannot read the file ({exc.strerror or exc}) — "
                            "check that it exists and that you may read it.") from None
    if len(raw) > MAX_BYTES:
        raise DataFileError(f"{source}:1: the file is {len(raw):,} bytes, more than the "
                            f"{MAX_BYTES:,} a course file may have — split it.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataFileError(f"{source}:{line}: not UTF-8 text — save the file as UTF-8.") from None
    return parse_yaml(text, source=source)


def file_stamp(path) -> tuple | None:
    """``(modification time, size)`` of a file, or None when it cannot be read: a cache key."""
    import os

    try:
        st = os.stat(str(path))
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def read_yaml_cached(path: str | Path | Traversable, *, source: str | None = None) -> tuple[Any, Lines]:
    """:func:`read_yaml`, remembered until the file changes (size or modification time)."""
    stamp = file_stamp(path)
    if stamp is None:
        return read_yaml(path, source=source)
    return _cached(str(path), stamp, source)


@lru_cache(maxsize=64)
def _cached(path: str, stamp: tuple, source: str | None) -> tuple[Any, Lines]:
    return read_yaml(Path(path), source=source)
