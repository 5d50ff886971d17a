"""The whole package keeps the layout rules (tests/assessment/test_layout.py holds the
assessment package to the stricter 300-line limit): arrows point down, so no module imports
the package facade (``kit/__init__``) or another module's underscore names, and no module
grows past ~400 lines (aim: 300; split by idea)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[2] / "kit"
MODULES = sorted(p for p in KIT.rglob("*.py") if p.name != "__init__.py" or p.parent != KIT)


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((a.name, None) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            # resolve the relative module to a dotted name inside kit
            package = path.relative_to(KIT.parent).with_suffix("").parts[:-1]
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else [])]) if node.level \
                else (node.module or "")
            yield from ((module, a.name) for a in node.names)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KIT)))
def test_no_facade_and_no_private_names(path):
    for module, name in _imports(path):
        if not module.startswith("kit"):
            continue
        assert not (module == "kit" and name is not None and not (KIT / f"{name}.py").exists()
                    and not (KIT / name).is_dir()), f"{path.name} takes {name!r} from the facade"
        assert name != "_EXPORTS", f"{path.name} reflects on the facade"
        parts = [*module.split("."), *([name] if name else [])]
        private = [p for p in parts if p.startswith("_") and not p.startswith("__")]
        assert not private, f"{path.name} imports the private name(s) {private} ({module}.{name})"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KIT)))
def test_module_is_not_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{path.relative_to(KIT)} has {lines} lines: split it by idea"
