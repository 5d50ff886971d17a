"""The quick suite: the slow groups are marked by path (conftest.py's SLOW_GROUPS), every
marker is registered, `make check` leaves the slow ones out and `make test` runs them all."""
from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conftest)


def _registered() -> set[str]:
    ini = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    return {line.split(":")[0].strip() for line in ini["markers"]}


def test_every_slow_path_exists():
    # a moved or renamed slow file would otherwise join the quick suite without a word
    for path in conftest.SLOW_GROUPS:
        target = ROOT / path
        assert (target.is_dir() if path.endswith("/") else target.is_file()), path


def test_every_marker_is_registered():
    assert set(conftest.SLOW_GROUPS.values()) | {"slow"} <= _registered()


def test_files_in_a_slow_folder_are_marked_and_others_are_not():
    assert conftest.slow_group("tests/browser/test_a_new_file.py") == "browser"
    assert conftest.slow_group("tests/hub/test_hub_class.py") == "hub"
    assert conftest.slow_group("tests/lessons/test_notebooks.py") == "notebooks"
    assert conftest.slow_group("tests/lessons/test_teacher_guide.py") is None
    assert conftest.slow_group("tests/browserish/test_x.py") is None  # a folder, not a prefix
    assert conftest.slow_group("kit/corpus/documents.py") is None  # doctests stay quick


def test_make_check_runs_the_quick_suite_and_make_test_everything():
    makefile = (ROOT / "Makefile").read_text()
    check = re.search(r"^check: \$\(TEST_STAMP\)\n\t(.*)$", makefile, re.M)
    assert check and check.group(1) == '$(PY) -m pytest -m "not slow"'
    test = re.search(r"^test: \$\(TEST_STAMP\)\n\t(.*)$", makefile, re.M)
    assert test and test.group(1) == "$(PY) -m pytest"
