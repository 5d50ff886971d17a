"""Checks for the options students type, each raising a :class:`~kit.KitError` that names
the option, the value given and an example of a good one; and the two helpers that keep
renamed public names working for one release (:func:`renamed_options`, :func:`renamed_function`).

>>> flag(True, "case_sensitive", "kwic")
True
>>> flag("no", "case_sensitive", "kwic")
Traceback (most recent call last):
...
kit.errors.WrongType: kwic(case_sensitive='no'): case_sensitive is True or False (no quotes), e.g. kwic(doc, 'wedge', case_sensitive=True).
"""
from __future__ import annotations

import functools
import types
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .errors import InvalidArgument, WrongType
from .errors import shown as echo

__all__ = ["flag", "whole_number", "choice", "text", "optional_text", "path", "renamed_options", "renamed_function"]


def flag(value: Any, name: str, func: str, example: str = "") -> bool:
    """``value`` if it is ``True`` or ``False`` (no truthy strings: ``"no"`` is an error)."""
    if isinstance(value, bool):
        return value
    # numpy booleans from a widget are booleans too
    if type(value).__name__ == "bool_":
        return bool(value)
    example = example or f"{func}(doc, 'wedge', {name}=True)"
    raise WrongType(f"{func}({name}={echo(value)}): {name} is True or False (no quotes), e.g. {example}.")


def whole_number(value: Any, name: str, func: str, *, low: int | None = None, high: int | None = None,
                 none: bool = False, example: str = "") -> int | None:
    """``value`` if it is a whole number within ``low``..``high`` (or ``None`` when allowed)."""
    if value is None and none:
        return None
    shown = f"{name}={max(low or 0, 10) if high is None else min(max(low or 0, 10), high)}"
    example = example or f"{func}(..., {shown})"
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            raise WrongType(f"{func}({name}={echo(value)}): give the number without quotes, e.g. {example}.")
        raise WrongType(f"{func}({name}={echo(value)}): {name} must be a whole number, e.g. {example}.")
    if (low is not None and value < low) or (high is not None and value > high):
        span = (f"from {low} to {high}" if high is not None else f"of at least {low}") if low is not None \
            else f"of at most {high}"
        raise InvalidArgument(f"{func}({name}={echo(value)}): use a whole number {span}, e.g. {example}.")
    return value


def choice(value: Any, name: str, func: str, options: Sequence[Any]) -> Any:
    """``value`` if it is one of ``options``."""
    try:
        ok = any(value == o and type(value) is type(o) for o in options)
    except Exception:  # an object whose == misbehaves (an array)
        ok = False
    if not ok:
        shown = ", ".join(repr(o) for o in options)
        raise InvalidArgument(f"{func}({name}={echo(value)}) is not an option. Use one of: {shown}.")
    return value


def text(value: Any, name: str, func: str, example: str) -> str:
    """``value`` if it is a non-empty string."""
    if not isinstance(value, str):
        raise WrongType(f"{func}({name}={echo(value)}): {name} must be text in quotes, e.g. {example}.")
    if not value.strip():
        raise InvalidArgument(f"{func}({name}={echo(value)}): {name} is empty; give some text, e.g. {example}.")
    return value


def optional_text(value: Any, name: str, func: str, example: str) -> str | None:
    """``None`` or a non-empty string."""
    return None if value is None else text(value, name, func, example)


def strings(value: Any, name: str, func: str, example: str) -> list[str]:
    """One string or a collection of strings, as a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        items = list(value)
        if all(isinstance(v, str) for v in items):
            return items
    raise WrongType(f"{func}({name}={echo(value)}): give a word or a list of words, e.g. {example}.")


def path(value: Any, name: str, func: str, example: str) -> "Path":
    """``value`` (text or a ``pathlib.Path``) as a ``Path`` with ``~`` expanded.

    >>> path(5, "folder", "new_course", "kit.new_course('my_course', ['a.txt'])")
    Traceback (most recent call last):
    ...
    kit.errors.WrongType: new_course(folder=5): folder is a file or folder name in quotes, e.g. kit.new_course('my_course', ['a.txt']).
    >>> path("~no_such_user_r4/course", "folder", "validate_course", "kit.validate_course('my_course')")
    Traceback (most recent call last):
    ...
    kit.errors.InvalidArgument: validate_course(folder='~no_such_user_r4/course'): no home folder is known for ~no_such_user_r4; give the full path, e.g. kit.validate_course('my_course').
    """
    from os import PathLike
    from pathlib import Path

    if not isinstance(value, (str, PathLike)) or not isinstance(value.__fspath__() if isinstance(
            value, PathLike) else value, str):
        raise WrongType(f"{func}({name}={echo(value)}): {name} is a file or folder name in quotes, e.g. {example}.")
    if not str(value).strip() or "\0" in str(value):
        raise InvalidArgument(f"{func}({name}={echo(value)}): {name} is empty or holds a NUL character; "
                              f"give a file or folder name, e.g. {example}.")
    try:
        return Path(value).expanduser()
    except RuntimeError:  # "~someone" for an account that does not exist
        raise InvalidArgument(f"{func}({name}={echo(value)}): no home folder is known for "
                              f"{str(value).split('/')[0]}; give the full path, e.g. {example}.") from None


# --- renamed names: old ones keep working for one release, with a DeprecationWarning ---------------

def _as_if_defined_beside(wrapper: Callable, func: Callable) -> Callable:
    """``wrapper`` with ``func``'s globals, name and docstring (so doctest finds it in ``func``'s module)."""
    moved = types.FunctionType(wrapper.__code__, func.__globals__, func.__name__, None, wrapper.__closure__)
    return functools.update_wrapper(moved, func)


def renamed_options(**renames: str | tuple[str, Callable[[Any], Any]]) -> Callable[[Callable], Callable]:
    """Decorator: old keyword names still work for one release, with a ``DeprecationWarning``
    naming the new one.  ``old="new"``, or ``old=("new", convert)`` when the meaning flips.
    The wrapped function's ``renamed_options`` attribute maps each old name to its new one
    (read by banks' ``compute:`` args, which accept the old names silently).

    >>> @renamed_options(terms="query", lower=("case_sensitive", lambda v: not v))
    ... def find(doc: str, query: str = "", *, case_sensitive: bool = False) -> str:
    ...     return f"{query} {case_sensitive}"
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     find("a text", terms="wedge", lower=False)
    'wedge True'
    >>> str(caught[0].message).split(";")[0]
    'find(terms=...) is now find(query=...)'
    """
    table = {old: (new, None) if isinstance(new, str) else new for old, new in renames.items()}

    def decorate(func: Callable) -> Callable:
        name, warn, error = func.__name__, warnings.warn, InvalidArgument

        def wrapper(*args, **kwargs):
            for old, (new, convert) in table.items():
                if old in kwargs:
                    value = kwargs.pop(old)
                    if new in kwargs:
                        raise error(f"{name}() was given both {new}= and its old name {old}=; keep {new}= only.")
                    hint = f"{old}={value!r} means {new}={convert(value)!r}" if convert else f"use {new}= instead"
                    warn(f"{name}({old}=...) is now {name}({new}=...); {hint} ({old}= stops working in the "
                         f"next release).", DeprecationWarning, stacklevel=2)
                    kwargs[new] = convert(value) if convert and isinstance(value, bool) else value
            return func(*args, **kwargs)

        moved = _as_if_defined_beside(wrapper, func)
        moved.renamed_options = {**getattr(func, "renamed_options", {}), **{o: n for o, (n, _) in table.items()}}
        return moved

    return decorate


def renamed_function(func: Callable, old: str) -> Callable:
    """``func`` under its ``old`` public name, warning (``DeprecationWarning``) that names the new one.

    >>> def kwic_explorer(doc: str) -> str:
    ...     "A widget."
    ...     return doc
    >>> concordance_explorer = renamed_function(kwic_explorer, "concordance_explorer")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     concordance_explorer("cho")
    'cho'
    >>> str(caught[0].message).split(";")[0]
    'kit.concordance_explorer is now kit.kwic_explorer'
    """
    new, warn = func.__name__, warnings.warn

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        warn(f"kit.{old} is now kit.{new}; the old name stops working in the next release.",
             DeprecationWarning, stacklevel=2)
        return func(*args, **kwargs)

    wrapper.__name__ = wrapper.__qualname__ = old
    return wrapper
