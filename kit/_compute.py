"""Computed answers: a question's or exercise's key taken from the kit itself, so it
cannot drift when the pipeline changes.  A ``compute:`` spec names a public kit
function, its arguments, a row filter and what to take; nothing is evaluated.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from .corpus import load_corpus
from .errors import KitError, QuestionBankError

__all__ = ["compute_answer", "validate_compute"]


_NOT_FOR_COMPUTE = {"quiz", "exercise", "check_exercise", "progress", "export_progress", "load_annotations"}
_TAKE_RE = re.compile(r"^(rows|len|sum:.+|[^:]+)$")


def _computable() -> set[str]:
    """Public functions a ``compute:`` spec may call: pure ones (no widgets, plots, files)."""
    from . import _EXPORTS

    return {name for name, module in _EXPORTS.items()
            if not module.startswith("widgets.") and not name.startswith("plot_")
            and name[0].islower() and name not in _NOT_FOR_COMPUTE}


def validate_compute(spec, *, doc_ids=("cho", "yang")) -> dict:
    """Check a ``compute:`` spec's shape (without running it); return it as a plain dict.

    >>> validate_compute({"call": "eval", "args": {}})
    Traceback (most recent call last):
    ...
    kit.errors.QuestionBankError: `call: eval` is not a function of the kit ...
    """
    if not isinstance(spec, Mapping):
        raise QuestionBankError("must be a mapping with `call:` (and `args:`, `where:`, `take:`).")
    unknown = set(spec) - {"call", "args", "where", "take"}
    if unknown:
        raise QuestionBankError(f"unknown key(s) {sorted(map(str, unknown))}; use call, args, where, take.")
    call = spec.get("call")
    allowed = _computable()
    if call not in allowed:
        raise QuestionBankError(f"`call: {call}` is not a function of the kit that can compute an answer; "
                                f"use one of {', '.join(sorted(allowed))}.")
    args = spec.get("args", {})
    if not isinstance(args, (Mapping, list)):
        raise QuestionBankError("`args:` must be a mapping of keyword arguments (or a list).")
    refs = {f"@{d}" for d in doc_ids} | {"@corpus"}
    for value in _walk(args):
        if isinstance(value, str) and value.startswith("@") and value not in refs:
            raise QuestionBankError(f"`args:` refers to {value!r}; use one of {', '.join(sorted(refs))}.")
    where = spec.get("where", {})
    if not isinstance(where, Mapping):
        raise QuestionBankError("`where:` must be a mapping {column: value}.")
    take = spec.get("take")
    if take is not None and (not isinstance(take, str) or not _TAKE_RE.match(take) or take == "sum:"):
        raise QuestionBankError(f"`take: {take!r}` is not understood; use a column name, 'rows', "
                                "'len' or 'sum:<column>'.")
    return {"call": call, "args": args, "where": dict(where), "take": take}


def _walk(value):
    if isinstance(value, Mapping):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def _resolve(value, corpus):
    if isinstance(value, Mapping):
        return {k: _resolve(v, corpus) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, corpus) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        return corpus if value == "@corpus" else corpus[value[1:]]
    return value


def compute_answer(spec, *, corpus=None, where: str = "compute"):
    """Run a ``compute:`` spec: call a public kit function, filter rows, take a value.

    ``"@cho"``, ``"@yang"``, ``"@corpus"`` in ``args`` stand for the documents and
    the corpus; ``where`` keeps rows whose columns equal the values given (a list
    means any of them); ``take`` is a column (one row: its value; several: a list),
    ``rows`` (how many rows), ``sum:<column>``, or ``len`` (length of a list result).
    Nothing is evaluated: only names from ``kit.__all__`` are called.

    >>> compute_answer({"call": "sentences", "args": {"doc": "@cho"},
    ...                 "where": {"paragraph": 3}, "take": "rows"})
    8
    """
    import kit

    corpus = corpus if corpus is not None else load_corpus()
    try:
        spec = validate_compute(spec, doc_ids=list(corpus))
        func = getattr(kit, spec["call"])
    except QuestionBankError as exc:
        raise QuestionBankError(f"{where}: {exc}") from None
    except (ImportError, AttributeError) as exc:
        raise QuestionBankError(f"{where}: kit.{spec['call']} is not available ({exc}).") from None
    args = _resolve(spec["args"], corpus)
    try:
        value = func(*args) if isinstance(args, list) else func(**args)
    except (KitError, TypeError, ValueError) as exc:
        raise QuestionBankError(f"{where}: kit.{spec['call']}(...) failed: {exc}") from None
    return _take(value, spec, where)


def _take(value, spec, where: str):
    import pandas as pd

    if isinstance(value, pd.Series):
        value = value.tolist()
    if spec["where"]:
        if not isinstance(value, pd.DataFrame):
            raise QuestionBankError(f"{where}: `where:` needs a table, but kit.{spec['call']} gave a "
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
