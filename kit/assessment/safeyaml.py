"""Reading bank files safely: UTF-8 only, a size limit, no YAML aliases or anchors,
no duplicate keys, a nesting limit, and no ``.nan``/``.inf``.

A 700-byte "billion laughs" file made of aliases is refused at its first anchor,
before anything is expanded.

>>> load_yaml_text("id: demo\\ntitle: Demo\\n", source="demo.yaml")
{'id': 'demo', 'title': 'Demo'}
>>> load_yaml_text("a: &x 1\\nb: *x\\n", source="demo.yaml")
Traceback (most recent call last):
...
kit.errors.QuestionBankError: demo.yaml, line 1: YAML anchors and aliases (&x, *x) are not allowed in a bank. Write the value out in full.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from ..errors import QuestionBankError

__all__ = ["load_yaml_text", "load_yaml_file", "MAX_BYTES", "MAX_DEPTH"]

MAX_BYTES = 1_000_000   # a bank of a few hundred questions is ~100 kB
MAX_DEPTH = 12          # bank > questions > question > mistakes > mistake > ids ...


class _BankLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases, duplicate keys and deep nesting."""

    source = "<bank>"
    _depth = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if isinstance(event, AliasEvent) or anchor is not None:
            raise QuestionBankError(
                f"{self.source}, line {event.start_mark.line + 1}: YAML anchors and aliases "
                f"(&{anchor or 'x'}, *{anchor or 'x'}) are not allowed in a bank. Write the value out in full.")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise QuestionBankError(
                    f"{self.source}, line {event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels "
                    "deep. A bank needs only a few levels (bank, questions, question, its fields).")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                hash(key)
            except TypeError:
                raise QuestionBankError(f"{self.source}, line {line}: a key must be a plain word, "
                                        "not a list or mapping.") from None
            if key in seen:
                raise QuestionBankError(
                    f"{self.source}, line {line}: key {key!r} appears twice in the same mapping "
                    f"(first at line {seen[key]}). Keep one of them.")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _check_finite(value, source: str, path: str = "") -> None:
    if isinstance(value, float) and not math.isfinite(value):
        where = f" (at {path})" if path else ""
        raise QuestionBankError(f"{source}: {value!r}{where} is not a number the kit can mark with. "
                                "Write a finite number such as 24.8.")
    if isinstance(value, Mapping):
        for k, v in value.items():
            _check_finite(v, source, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_finite(v, source, f"{path}[{i}]")


def load_yaml_text(text: str, *, source: str = "<bank>") -> Any:
    """Parse bank YAML safely; every problem is a :class:`~kit.QuestionBankError` naming the line."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise QuestionBankError(f"{source}: the file is larger than {MAX_BYTES // 1000} kB. "
                                "Split it into several banks.")
    loader = _BankLoader(text)
    loader.source = source
    try:
        data = loader.get_single_data()
    except QuestionBankError:
        raise
    except yaml.YAMLError as exc:
        raise QuestionBankError(_syntax_message(exc, source)) from None
    except RecursionError:
        raise QuestionBankError(f"{source}: nested too deeply to read. A bank needs only a few levels.") from None
    finally:
        loader.dispose()
    _check_finite(data, source)
    return data


def _syntax_message(exc: yaml.YAMLError, source: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    start = getattr(exc, "context_mark", None)
    if start is not None and mark is not None and start.line != mark.line:
        problem += f" ({getattr(exc, 'context', None) or 'it started'} at line {start.line + 1})"
    return (f"{source}: YAML syntax error{where}: {problem}. Check indentation and quote text "
            "containing ': ' or starting with a quotation mark.")


def load_yaml_file(path: str | Path) -> Any:
    """Read a bank file: refuse huge, non-UTF-8 or unreadable files with a clear error."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise QuestionBankError(f"{path}: the file is {size // 1000} kB, over the {MAX_BYTES // 1000} kB "
                                    "limit for a bank. Split it into several banks.")
        raw = path.read_bytes()
    except OSError as exc:
        raise QuestionBankError(f"{path}: cannot read the file ({exc.strerror or exc}). "
                                "Check the path and its permissions.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QuestionBankError(
            f"{path}, line {line}: the file is not UTF-8 (byte 0x{raw[exc.start]:02x}; perhaps Latin-1 or "
            "Windows-1252). Save it as UTF-8 in your editor (\"Save with encoding\").") from None
    return load_yaml_text(text, source=str(path))
