"""The assessment package keeps the layout rules: no module over ~300 lines, no import of
the package facade or of another module's private names, public functions typed, and the
question types defined in one place."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import kit
from kit.assessment.computed import FUNCTIONS
from kit.assessment.types import TYPES

KIT = Path(kit.__file__).parent
MINE = sorted((KIT / "assessment").glob("*.py")) + [KIT / "files" / "store.py",
                                                     KIT / "widgets" / "checklist.py"]
# (no exceptions: every shared helper has a public name)
ALLOWED_PRIVATE: set[str] = set()


@pytest.mark.parametrize("path", MINE, ids=[p.name for p in MINE])
def test_module_is_short_and_imports_no_facade_or_private_names(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 300, f"{path.name} has {len(source.splitlines())} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            assert all(a.name != "kit" for a in node.names), f"{path.name} imports the facade"
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            facade = (node.level == 0 and module == "kit") or (
                module == "" and node.level == (2 if path.parent.name != "kit" else 1))
            names = [a.name for a in node.names]
            assert "_EXPORTS" not in names, f"{path.name} reflects on the facade"
            if facade:  # `from .. import x` is fine only for a module, never a facade name
                assert all((KIT / f"{n}.py").exists() or (KIT / n).is_dir() for n in names), (path.name, names)
            private = [n for n in names if n.startswith("_") and n != "annotations" and n not in ALLOWED_PRIVATE]
            assert not private, f"{path.name} imports private names {private} from {module}"


def test_public_functions_have_type_hints():
    import kit.assessment as A
    from kit.assessment import exercises, progress

    for func in [A.load_bank, A.check, A.answer_key, A.format_answer, A.compute_answer, exercises.exercise,
                 exercises.check_exercise, exercises.self_assess, progress.progress, progress.export_progress]:
        hints = inspect.signature(func)
        assert hints.return_annotation is not inspect.Signature.empty, func.__name__


def test_every_type_is_one_complete_record():
    for name, qtype in TYPES.items():
        assert qtype.name == name and qtype.how.endswith(".")
        assert all(callable(f) for f in (qtype.parse, qtype.check, qtype.format, qtype.input, qtype.text))


def test_every_computable_function_exists_with_a_doc_parameter_or_none():
    for name, module in FUNCTIONS.items():
        func = getattr(__import__(f"kit.{module}", fromlist=[name]), name)
        assert callable(func), name
        assert name not in {"load_text", "load_bank", "answer_key"}
