"""The one YAML reader: every YAML file the kit reads comes through here.

A file is read as UTF-8 with a size limit, parsed with PyYAML's safe loader and, in
strict mode, refused if it holds YAML anchors or aliases (a 700-byte "billion laughs"
file is stopped at its first anchor, before anything is expanded), a key twice in one
mapping, nesting deeper than :data:`MAX_DEPTH`, or ``.nan``/``.inf``.  Every problem is
one error naming the file and line.  :class:`Rules` says how a kind of file is read
(:data:`BANK`: quiz banks and exercise sets; :data:`COURSE`: course files, argument maps,
comparison questions, reference labels and the kit's own data).

:func:`read_yaml` and :func:`parse_yaml` return the data and a :class:`Lines` lookup
from a key path such as ``("texts", 0, "lines", "body")`` to the 1-based line of that value.

>>> parse_yaml("id: demo\\ntitle: Demo\\n", source="demo.yaml", rules=BANK)[0]
{'id': 'demo', 'title': 'Demo'}
>>> parse_yaml("a: &x 1\\nb: *x\\n", source="demo.yaml", rules=BANK)
Traceback (most recent call last):
...
kit.errors.QuestionBankError: demo.yaml, line 1: YAML anchors and aliases (&x, *x) are not allowed in a bank. Write the value out in full.
"""
from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataFileError, KitError, QuestionBankError

if TYPE_CHECKING:  # only for type hints (importlib.resources.abc is Python 3.11+)
    from importlib.resources.abc import Traversable

__all__ = ["Lines", "Rules", "BANK", "COURSE", "MAX_DEPTH", "read_yaml", "read_yaml_cached", "parse_yaml",
           "file_stamp"]

MAX_DEPTH = 12   # bank > questions > question > mistakes > mistake > ids ...


@dataclass(frozen=True)
class Rules:
    """How one kind of YAML file is read, and how its problems are reported.

    ``kind`` names the file in messages ("a bank"); ``error`` is the error raised;
    ``strict`` refuses anchors and aliases, repeated keys, deep nesting and ``.nan``/``.inf``;
    ``colon`` writes places as ``file:3`` (what ``python -m kit course validate`` prints),
    otherwise as ``file, line 3``.
    """

    kind: str
    error: type[KitError] = DataFileError
    max_bytes: int = 2_000_000
    strict: bool = True
    colon: bool = True

    def at(self, source: str, line: int) -> str:
        return f"{source}:{line}" if self.colon else f"{source}, line {line}"

    def fail(self, message: str) -> KitError:
        return self.error(message)


#: Quiz banks and exercise sets: written by teachers, shared between classes.
BANK = Rules("bank", QuestionBankError, max_bytes=1_000_000, colon=False)
#: Course files, argument maps, comparison questions, reference labels, the kit's own data.
COURSE = Rules("course file")


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


def _loader(text: str, source: str, rules: Rules, *, fast: bool = False):
    """A safe loader for ``text``; in strict mode it refuses anchors, aliases, repeated keys, deep nesting.

    ``fast`` scans and parses with libyaml (PyYAML's C parser) when it is installed; composing
    and the checks stay in Python, so the rules are the same on either path.
    """
    import yaml
    from yaml.events import AliasEvent

    base: tuple = (yaml.SafeLoader,)
    if fast and _c_parser() is not None:
        base = (yaml.composer.Composer, _c_parser(), yaml.constructor.SafeConstructor, yaml.resolver.Resolver)

    class Loader(*base):  # type: ignore[misc]
        depth = 0

        def __init__(self, stream):
            if len(base) == 1:
                super().__init__(stream)
                return
            base[1].__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
            if not rules.strict:
                return super().compose_node(parent, index)
            event = self.peek_event()
            anchor = getattr(event, "anchor", None)
            line = event.start_mark.line + 1
            if isinstance(event, AliasEvent) or anchor is not None:
                raise rules.fail(f"{rules.at(source, line)}: YAML anchors and aliases (&{anchor or 'x'}, "
                                 f"*{anchor or 'x'}) are not allowed in a {rules.kind}. Write the value out in full.")
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise rules.fail(f"{rules.at(source, line)}: nested more than {MAX_DEPTH} levels deep. "
                                     f"A {rules.kind} needs only a few levels (a list, its entries, their fields).")
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_mapping(self, node, deep=False):
            if not rules.strict:
                return super().construct_mapping(node, deep=deep)
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                key, line = self.construct_object(key_node, deep=True), key_node.start_mark.line + 1
                try:
                    hash(key)
                except TypeError:
                    raise rules.fail(f"{rules.at(source, line)}: a key must be a plain word, "
                                     "not a list or mapping.") from None
                if key in seen:
                    raise rules.fail(f"{rules.at(source, line)}: key {key!r} appears twice in the same mapping "
                                     f"(first at line {seen[key]}). Keep one of them.")
                seen[key] = line
            return super().construct_mapping(node, deep=deep)

    return Loader(text)


@lru_cache(maxsize=1)
def _c_parser():
    """PyYAML's libyaml parser class, or None when PyYAML was built without libyaml."""
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None
    return CParser


def _check_finite(value, source: str, rules: Rules, path: str = "") -> None:
    if isinstance(value, float) and not math.isfinite(value):
        where = f" (at {path})" if path else ""
        raise rules.fail(f"{source}: {value!r}{where} is not a number the kit can mark with or count on. "
                         "Write a finite number such as 24.8.")
    if isinstance(value, Mapping):
        for k, v in value.items():
            _check_finite(v, source, rules, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_finite(v, source, rules, f"{path}[{i}]")


def _too_big(size: int, source: str, rules: Rules) -> KitError:
    return rules.fail(f"{source}: the file is {size // 1000} kB, over the {rules.max_bytes // 1000} kB limit "
                      f"for a {rules.kind}. Split it into several files.")


def _syntax_message(exc, source: str, rules: Rules) -> str:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    where = f" at line {line}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    start = getattr(exc, "context_mark", None)
    if start is not None and mark is not None and start.line != mark.line:
        problem += f" ({getattr(exc, 'context', None) or 'it started'} at line {start.line + 1})"
    lead = rules.at(source, line) if rules.colon else source
    return (f"{lead}: YAML syntax error{where}: {problem}. Check the indentation, and quote text "
            "containing ': ' or ' #' or starting with a quotation mark.")


def _load(text: str, source: str, rules: Rules, *, fast: bool) -> tuple[Any, Any]:
    import yaml

    loader = _loader(text, source, rules, fast=fast)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except KitError:
        raise
    except yaml.YAMLError as exc:
        if fast:
            raise
        raise rules.fail(_syntax_message(exc, source, rules)) from None
    except RecursionError:
        if fast:
            raise
        raise rules.fail(f"{source}: nested too deeply to read. A {rules.kind} needs only a few levels.") from None
    finally:
        loader.dispose()
    return data, node


def parse_yaml(text: str, *, source: str = "<yaml>", rules: Rules = COURSE) -> tuple[Any, Lines]:
    """``(data, lines)`` for YAML text; every problem is a ``rules.error`` naming the line."""
    import yaml

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > rules.max_bytes:
        raise _too_big(size, source, rules)
    try:
        data, node = _load(text, source, rules, fast=True)
    except Exception:  # noqa: BLE001 - any failure is judged again, and worded, by the Python parser
        # (libyaml and PyYAML word their errors differently; the tests hold the Python wording)
        data, node = _load(text, source, rules, fast=False)
    if rules.strict:
        _check_finite(data, source, rules)
    table: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), table)
    return data, Lines(table)


def read_yaml(path: str | Path | Traversable, *, source: str | None = None,
              rules: Rules = COURSE) -> tuple[Any, Lines]:
    """Read ``path`` (a Path or package resource) as UTF-8 YAML: ``(data, lines)``."""
    source = source or str(path)
    try:
        target = Path(path) if isinstance(path, str) else path
        if not target.is_file():  # a folder or a FIFO: reading would fail or wait for ever
            raise rules.fail(f"{rules.at(source, 1)}: not a regular file. Give the path of a .yaml file.")
        size = os.stat(target).st_size if isinstance(target, Path) else None
        if size is not None and size > rules.max_bytes:
            raise _too_big(size, source, rules)
        raw = target.read_bytes()
    except OSError as exc:
        raise rules.fail(f"{rules.at(source, 1)}: cannot read the file ({exc.strerror or exc}). "
                         "Check the path and its permissions.") from None
    if len(raw) > rules.max_bytes:
        raise _too_big(len(raw), source, rules)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise rules.fail(f"{rules.at(source, line)}: the file is not UTF-8 (byte 0x{raw[exc.start]:02x}; perhaps "
                         "Latin-1 or Windows-1252). Save it as UTF-8 in your editor (\"Save with encoding\").") from None
    return parse_yaml(text, source=source, rules=rules)


def file_stamp(path) -> tuple | None:
    """``(modification time, size)`` of a file, or None when it cannot be read: a cache key."""
    try:
        st = os.stat(str(path))
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def read_yaml_cached(path: str | Path | Traversable, *, source: str | None = None,
                     rules: Rules = COURSE) -> tuple[Any, Lines]:
    """:func:`read_yaml`, remembered until the file changes (size or modification time)."""
    stamp = file_stamp(path)
    if stamp is None:
        return read_yaml(path, source=source, rules=rules)
    return _cached(str(path), stamp, source, rules)


@lru_cache(maxsize=64)
def _cached(path: str, stamp: tuple, source: str | None, rules: Rules) -> tuple[Any, Lines]:
    return read_yaml(Path(path), source=source, rules=rules)
