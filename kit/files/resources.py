"""Read the kit's package data (kit/data/) with importlib.resources."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from .yamlfile import read_yaml


def data_path(name: str):
    """A Traversable for ``kit/data/<name>``."""
    return resources.files("kit").joinpath("data", *name.split("/"))


def read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line list from kit/data/, without ``#`` comments and blanks."""
    lines = (line.strip() for line in read_text(name).splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def load_yaml(name: str) -> Any:
    """Parse a YAML file shipped under kit/data/ with the one strict reader (:mod:`kit.files.yamlfile`)."""
    return read_yaml(data_path(name), source=f"kit/data/{name}")[0]
