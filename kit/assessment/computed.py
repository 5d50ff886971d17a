"""Computed answers: a question's key taken from the kit's analysis functions, so it
cannot drift when the pipeline changes.

A ``compute:`` spec names one function from an explicit table (:data:`FUNCTIONS`),
its keyword arguments (bounded: short strings, small numbers, no mappings), a row
filter and what to take.  Nothing is evaluated, the package facade is never
consulted, and functions that read files (``load_text``, ``load_bank``,
``answer_key``...) cannot be called.

>>> compute_answer({"call": "sentences", "args": {"doc": "@cho"},
...                 "where": {"paragraph": 3}, "take": "rows"})
8
>>> compute_answer({"call": "kwic", "args": {"doc": "@cho", "query": "North Korea"}, "take": "rows",
...                 "per": {"call": "summary", "args": {"corpus": "@cho"}, "take": "tokens"}, "times": 1000})
30.303030303030305
>>> validate_compute({"call": "load_text", "args": {"path": "/etc/passwd"}})
Traceback (most recent call last):
...
kit.errors.QuestionBankError: `call: load_text` reads or writes files, so a bank cannot call it. ...
"""
from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..api import PUBLIC
from ..errors import KitError, QuestionBankError

__all__ = ["compute_answer", "validate_compute", "walk_values", "FUNCTIONS"]

# The analysis functions a bank may call (their modules come from the public-name table, kit/api.py).
ALLOWED = ("kwic", "frequencies", "ngrams", "collocations", "dispersion", "summary", "keyness", "actors",
           "stance", "sentences", "tokens", "recommendations", "arguments", "compare_arguments",
           "comparison_questions")
#: name -> module (under kit) that defines it.  Only these may be called from a bank.
FUNCTIONS: dict[str, str] = {name: PUBLIC[name] for name in ALLOWED}
_FILES = {"load_text", "load_bank", "answer_key", "load_annotations", "load_corpus", "export_progress",
          "progress", "plot_progress", "reference_annotations", "compare_annotations"}
_LIMITS = {"window": 50, "n": 10, "top": 1000, "min_count": 1000}   # per-argument maxima
_MAX_INT, _MAX_STR, _MAX_LIST = 10_000, 200, 50
_REFUSED_ARGS = {"regex", "gazetteer", "select"}   # could run slow patterns or inject data
_DOC_NAMES = ("doc", "corpus", "corpus_or_doc", "doc_or_text")  # old names are read as the new one
# (and so are the old keyword names a public function still accepts: its ``renamed_options`` table)
_TAKE_RE = re.compile(r"^(rows|len|sum:.+|[^:]+)$")


def walk_values(value) -> Iterator[Any]:
    """Every scalar inside nested mappings and lists (for scanning a data file's strings).

    >>> list(walk_values({"a": [1, {"b": "x"}]}))
    [1, 'x']
    """
    if isinstance(value, Mapping):
        for v in value.values():
            yield from walk_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk_values(v)
    else:
        yield value


def _function(name: str):
    return getattr(importlib.import_module(f"kit.{FUNCTIONS[name]}"), name)


def _check_arg(name: str, value, refs: set[str]) -> None:
    if name in _REFUSED_ARGS:
        raise QuestionBankError(f"`args: {name}` cannot be set from a bank; leave it at its default.")
    if isinstance(value, Mapping):
        raise QuestionBankError(f"`args: {name}` is a mapping; give a word, a number or a short list.")
    items = value if isinstance(value, list) else [value]
    if len(items) > _MAX_LIST:
        raise QuestionBankError(f"`args: {name}` lists {len(items)} items; at most {_MAX_LIST}.")
    for item in items:
        if isinstance(item, (list, Mapping)):
            raise QuestionBankError(f"`args: {name}` nests lists; give a flat list.")
        if isinstance(item, str):
            if len(item) > _MAX_STR:
                raise QuestionBankError(f"`args: {name}` is over {_MAX_STR} characters; shorten it.")
            if item.startswith("@") and item not in refs:
                raise QuestionBankError(f"`args:` refers to {item!r}; use one of {', '.join(sorted(refs))}.")
        elif isinstance(item, int) and not isinstance(item, bool):
            limit = _LIMITS.get(name, _MAX_INT)
            if not -_MAX_INT <= item <= limit:
                raise QuestionBankError(f"`args: {name}: {item}` is out of range; use a number up to {limit}.")
        elif isinstance(item, float):
            if not abs(item) <= _MAX_INT:
                raise QuestionBankError(f"`args: {name}: {item}` is out of range.")


def _rename_doc_args(func, args: dict) -> dict:
    params = inspect.signature(func).parameters
    renamed = getattr(func, "renamed_options", {})
    out = {}
    for name, value in args.items():
        if name not in params and name in renamed and not isinstance(value, bool):
            name = renamed[name]  # a flipped flag (lower -> case_sensitive) is left to fail with its new name
        if name not in params and name in _DOC_NAMES:
            name = next((p for p in _DOC_NAMES if p in params), name)
        out[name] = value
    return out


def validate_compute(spec, *, doc_ids=()) -> dict:
    """Check a ``compute:`` spec (without running it); return it as a plain dict.

    >>> validate_compute({"call": "kwic", "args": {"doc": "@cho", "query": "x", "window": 10**6}},
    ...                  doc_ids=["cho"])
    Traceback (most recent call last):
    ...
    kit.errors.QuestionBankError: `args: window: 1000000` is out of range; use a number up to 50.
    """
    if not isinstance(spec, Mapping):
        raise QuestionBankError("must be a mapping with `call:` (and `args:`, `where:`, `take:`).")
    unknown = set(spec) - {"call", "args", "where", "take", "per", "times"}
    if unknown:
        raise QuestionBankError(f"unknown key(s) {sorted(map(str, unknown))}; use call, args, where, take "
                                "(and per, times).")
    per, times = spec.get("per"), spec.get("times", 1)
    if isinstance(times, bool) or not isinstance(times, (int, float)) or not 0 < abs(times) <= _MAX_INT:
        raise QuestionBankError(f"`times: {times!r}` must be a number (not 0), at most {_MAX_INT}.")
    if per is not None:
        if not isinstance(per, Mapping) or "per" in per:
            raise QuestionBankError("`per:` must be one more spec {call, args, where, take} (no `per` inside it).")
        per = validate_compute(per, doc_ids=doc_ids)
    call = spec.get("call")
    if call in _FILES:
        raise QuestionBankError(f"`call: {call}` reads or writes files, so a bank cannot call it. "
                                f"Use one of {', '.join(sorted(FUNCTIONS))}.")
    if not isinstance(call, str) or call not in FUNCTIONS:
        raise QuestionBankError(f"`call: {call}` is not an analysis function a bank may call; "
                                f"use one of {', '.join(sorted(FUNCTIONS))}.")
    args = spec.get("args") or {}
    if isinstance(args, list):  # positional: bound to the function's parameters in order
        names = [p.name for p in inspect.signature(_function(call)).parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if len(args) > len(names):
            raise QuestionBankError(f"`args:` gives {len(args)} values, but {call}() takes at most "
                                    f"{len(names)} without names; name them, e.g. {{doc: \"@<document id>\"}}.")
        args = dict(zip(names, args))
    if not isinstance(args, Mapping):
        raise QuestionBankError("`args:` must be a mapping of keyword arguments, e.g. {doc: \"@<document id>\"}.")
    refs = {f"@{d}" for d in doc_ids} | {"@corpus"}
    for name, value in args.items():
        _check_arg(str(name), value, refs)
    args = _rename_doc_args(_function(call), {str(k): v for k, v in args.items()})
    params = inspect.signature(_function(call)).parameters
    bad = [name for name in args if name not in params]
    if bad:
        raise QuestionBankError(f"`args: {bad[0]}` is not a parameter of {call}(); its parameters are "
                                f"{', '.join(params)}.")
    where = spec.get("where") or {}
    if not isinstance(where, Mapping):
        raise QuestionBankError("`where:` must be a mapping {column: value}.")
    take = spec.get("take")
    if take is not None and (not isinstance(take, str) or not _TAKE_RE.match(take) or take == "sum:"):
        raise QuestionBankError(f"`take: {take!r}` is not understood; use a column name, 'rows', "
                                "'len' or 'sum:<column>'.")
    out = {"call": call, "args": args, "where": dict(where), "take": take}
    return {**out, "per": per, "times": times} if per is not None or times != 1 else out


def _resolve(value, corpus):
    if isinstance(value, list):
        return [_resolve(v, corpus) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        return corpus if value == "@corpus" else corpus[value[1:]]
    return value


def compute_answer(spec: Mapping, *, corpus: Mapping | None = None, where: str = "compute") -> Any:
    """Run a ``compute:`` spec: call a function from the table, filter rows, take a value.

    ``"@<doc id>"`` and ``"@corpus"`` in ``args`` stand for a document and the corpus;
    ``where`` keeps rows whose columns equal the values given (a list means any of
    them); ``take`` is a column (one row: its value; several: a list), ``rows``,
    ``sum:<column>``, or ``len``; ``per:`` (one more spec) divides by its value and
    ``times:`` multiplies (a rate: ``per: {call: summary, ..., take: tokens}, times: 1000``).
    """
    if corpus is None:
        from ..corpus.course import load_corpus

        corpus = load_corpus()
    try:
        spec = validate_compute(spec, doc_ids=list(corpus))
    except QuestionBankError as exc:
        raise QuestionBankError(f"{where}: {exc}") from None
    args = {k: _resolve(v, corpus) for k, v in spec["args"].items()}
    try:
        value = _function(spec["call"])(**args)
    except (KitError, TypeError, ValueError) as exc:
        raise QuestionBankError(f"{where}: kit.{spec['call']}(...) failed: {exc}") from None
    value = _take(value, spec, where)
    if "times" not in spec:
        return value
    below = compute_answer(spec["per"], corpus=corpus, where=where) if spec["per"] is not None else 1
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (value, below)) or not below:
        raise QuestionBankError(f"{where}: `per:`/`times:` need numbers (and `per:` not 0); got {value!r}, "
                                f"{below!r}.")
    return value / below * spec["times"]


def _take(value, spec, where: str):
    import pandas as pd

    if isinstance(value, pd.Series):
        value = value.tolist()
    if spec["where"]:
        if not isinstance(value, pd.DataFrame):
            raise QuestionBankError(f"{where}: `where:` needs a table, but {spec['call']} gave a "
                                    f"{type(value).__name__}.")
        for col, wanted in spec["where"].items():
            if col not in value.columns:
                raise QuestionBankError(f"{where}: `where:` column {col!r} is not in the result; "
                                        f"columns are {list(value.columns)}.")
            value = value[value[col].isin(wanted if isinstance(wanted, list) else [wanted])]
    take = spec["take"]
    if take in ("len", "rows"):
        value = len(value)
    elif take is not None:
        col = take[4:] if take.startswith("sum:") else take
        if not isinstance(value, pd.DataFrame) or col not in value.columns:
            cols = list(value.columns) if isinstance(value, pd.DataFrame) else "none (not a table)"
            raise QuestionBankError(f"{where}: `take:` column {col!r} is not in the result; columns: {cols}.")
        if take.startswith("sum:"):
            value = value[col].sum()
        elif len(value) == 1:
            value = value[col].iloc[0]
        elif len(value) == 0:
            raise QuestionBankError(f"{where}: no rows are left after `where:`, so there is no {col!r} to take.")
        else:
            value = value[col].tolist()
    return _plain(value)


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value
