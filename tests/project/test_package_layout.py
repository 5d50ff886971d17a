"""The one layout test for ``kit/`` (see docs/architecture.md): imports point down, never round.

What it checks, over every module of the package:

* **no import cycles** - strongly connected components of the import graph, counting imports
  at module level *and* inside functions.  Imports under ``if TYPE_CHECKING:`` are for type
  checkers only (they never run) and are left out.  A package's ``__init__`` is the package
  itself: ``from kit.assessment import check`` is an edge to ``kit.assessment`` and the
  ``__init__``'s own imports of its submodules are that package's edges.  The implicit import
  of a parent package (``kit.x.y`` runs ``kit/x/__init__`` first) is not counted: every
  ``__init__`` would otherwise close a cycle with its own submodules.  Names looked up by
  string (``importlib``) are not in the graph; ``FUNCTIONS`` in ``kit.assessment.computed`` is
  checked separately to point below the assessment layer;
* **layer order** - a module imports only from its own folder or from lower layers;
* **no module over 300 lines**, **at most 6 modules on the ground floor** (``kit/*.py``);
* **no import of the facade** (``kit/__init__``) and no import of another module's
  underscore names;
* each folder's ``__init__`` docstring lists each of its modules, one line each.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[2] / "kit"
MAX_LINES = 300
MAX_GROUND_FLOOR = 6

# bottom to top; a module may import from its own layer or from any layer below it
LAYERS = ["ground floor", "files", "corpus", "display", "analysis", "argumentation", "assessment",
          "classroom", "widgets", "facade"]
GROUND_FLOOR = {"kit.errors", "kit.options", "kit.api"}
FACADE = {"kit", "kit.__main__"}


def _name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_name(p): p for p in sorted(KIT.rglob("*.py")) if "__pycache__" not in p.parts}
FOLDERS = sorted(p.parent for p in KIT.glob("*/__init__.py"))


def layer(module: str) -> str:
    """The layer a module belongs to: its folder under ``kit/``, or the ground floor or facade."""
    if module in FACADE:
        return "facade"
    if module in GROUND_FLOOR:
        return "ground floor"
    folder = module.split(".")[1]
    return folder if folder in LAYERS[1:-1] else f"unknown ({module})"


@dataclass(frozen=True)
class Import:
    source: str     # the importing module
    target: str     # the module imported (a package's __init__ is the package)
    name: str | None  # the name taken from it (``from target import name``), if any
    line: int


def _type_checking_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:`` (they never run)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            for child in node.body:
                skip.update(id(n) for n in ast.walk(child))
    return skip


def imports(module: str) -> list[Import]:
    """Every import of a ``kit`` module by ``module``, at module level or inside functions."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    skip = _type_checking_only(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "kit" or alias.name.startswith("kit."):
                    found.append(Import(module, alias.name, None, node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not (target == "kit" or target.startswith("kit.")):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in MODULES:  # `from kit.display import plots` imports the module kit.display.plots
                    found.append(Import(module, sub, None, node.lineno))
                else:
                    found.append(Import(module, target, alias.name, node.lineno))
    return found


ALL_IMPORTS = [imp for module in MODULES for imp in imports(module)]


def _where(imp: Import) -> str:
    return f"{MODULES[imp.source].relative_to(KIT.parent)}:{imp.line}"


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module (or a self-import).

    >>> strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}})
    [['a', 'b']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def shortest_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One shortest import loop inside a component, first module repeated at the end.

    >>> shortest_cycle({"a": {"b"}, "b": {"c", "a"}, "c": {"a"}}, ["a", "b", "c"])
    ['a', 'b', 'a']
    """
    start, inside = component[0], set(component)
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for nxt in sorted(graph.get(path[-1], ())):
            if nxt == start:
                return [*path, start]
            if nxt in inside and nxt not in seen:
                seen.add(nxt)
                paths.append([*path, nxt])
    return component


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import(tmp_path):
    # the graph reader is the one used below: a function-level import closes the cycle,
    # a TYPE_CHECKING import does not
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kit.b import B\n"
    tree = ast.parse(source + "def f():\n    from kit.c import C\n")
    skipped = _type_checking_only(tree)
    kept = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and id(n) not in skipped]
    assert [n.module for n in kept] == ["typing", "kit.c"]
    assert strongly_connected({"kit.a": {"kit.c"}, "kit.c": {"kit.a"}, "kit.b": set()}) == [["kit.a", "kit.c"]]
    assert shortest_cycle({"kit.a": {"kit.b"}, "kit.b": {"kit.c"}, "kit.c": {"kit.a"}},
                          ["kit.a", "kit.b", "kit.c"]) == ["kit.a", "kit.b", "kit.c", "kit.a"]


def test_no_import_cycles():
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in ALL_IMPORTS:
        if imp.target in MODULES and imp.target != imp.source:
            graph[imp.source].add(imp.target)
    messages = []
    for component in strongly_connected(graph):
        inside = set(component)
        edges = [f"{_where(i)} imports {i.target}" for i in ALL_IMPORTS
                 if i.source in inside and i.target in inside and i.source != i.target]
        loop = " -> ".join(shortest_cycle(graph, component))
        messages.append(f"import cycle through {', '.join(component)} (e.g. {loop}):\n    "
                        + "\n    ".join(sorted(set(edges)))
                        + "\n  break it by moving the shared idea down a layer, passing the value in "
                          "(a DataFrame, a callback), or having the caller look it up")
    assert not messages, "\n".join(messages)


def test_imports_point_down_the_layers():
    unknown = [m for m in MODULES if layer(m).startswith("unknown")]
    assert not unknown, (f"{unknown} belong to no layer: put a module in the layer folder of its idea, or add "
                         "a new folder to LAYERS here and to docs/architecture.md")
    wrong = []
    for imp in ALL_IMPORTS:
        if imp.target not in MODULES:
            continue
        here, there = layer(imp.source), layer(imp.target)
        if LAYERS.index(there) > LAYERS.index(here):
            wrong.append(f"{_where(imp)} imports {imp.target} (layer {there} > {here}): move the code it "
                         f"needs down to {here} or lower, or let the caller pass the value in "
                         "(a DataFrame, a function)")
    assert not wrong, "\n".join(wrong)


def test_computed_answers_call_only_lower_layers():
    # computed keys look their functions up by name (importlib), so the graph above cannot see them;
    # FUNCTIONS takes its modules from the public-name table (kit/api.py)
    from kit.assessment.computed import FUNCTIONS

    modules = {f"kit.{module}" for module in FUNCTIONS.values()}
    assert modules, "FUNCTIONS in kit/assessment/computed.py names no module"
    for module in sorted(modules):
        assert module in MODULES, f"computed.FUNCTIONS names {module}, which does not exist: update the table"
        assert LAYERS.index(layer(module)) < LAYERS.index("assessment"), (
            f"computed.FUNCTIONS names {module} (layer {layer(module)}): a computed answer may call "
            "only the analysis layers below assessment")


@pytest.mark.parametrize("module", sorted(MODULES), ids=lambda m: str(MODULES[m].relative_to(KIT)))
def test_module_is_not_long(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (f"{MODULES[module].relative_to(KIT.parent)} has {lines} lines (limit "
                                f"{MAX_LINES}): split it by idea into modules of the same folder")


def test_few_modules_on_the_ground_floor():
    ground = sorted(p.name for p in KIT.glob("*.py"))
    assert len(ground) <= MAX_GROUND_FLOOR, (
        f"kit/ has {len(ground)} modules on its ground floor ({', '.join(ground)}; limit "
        f"{MAX_GROUND_FLOOR}): move the newest into the layer folder of its idea")


def test_no_facade_and_no_private_names():
    wrong = []
    for imp in ALL_IMPORTS:
        if imp.target == "kit" and imp.source not in FACADE:
            wrong.append(f"{_where(imp)} imports {'kit.' + imp.name if imp.name else 'kit'} from the facade: "
                         "import it from the module that defines it")
        parts = [*imp.target.split("."), *([imp.name] if imp.name else [])]
        private = [p for p in parts if p.startswith("_") and not (p.startswith("__") and p.endswith("__"))]
        if private and imp.target != imp.source:
            wrong.append(f"{_where(imp)} imports the private name(s) {private} of {imp.target}: give the "
                         "helper a public name (or move it to the module that uses it)")
        if imp.name == "_EXPORTS":
            wrong.append(f"{_where(imp)} reflects on the facade's table")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_folder_docstring_lists_its_modules(folder):
    doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
    lines = doc.splitlines()
    package = f"kit.{folder.name}"
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        module = f"{package}.{path.stem}"
        mentions = [ln for ln in lines if re.search(rf"\b{re.escape(module)}\b", ln)]
        assert len(mentions) == 1, (
            f"kit/{folder.name}/__init__.py: its docstring should list {module} on one line of its own "
            f"(found {len(mentions)}), e.g. '* :mod:`~{module}` - what it holds'")
    listed = set(re.findall(rf"\b{re.escape(package)}\.(\w+)", doc))
    missing = sorted(m for m in listed if not (folder / f"{m}.py").exists())
    assert not missing, f"kit/{folder.name}/__init__.py lists modules that do not exist: {missing}"


# --- the question model (from the former tests/assessment/test_layout.py) ---

def test_every_question_type_is_one_complete_record():
    from kit.assessment.types import TYPES

    for name, qtype in TYPES.items():
        assert qtype.name == name and qtype.how.endswith(".")
        assert all(callable(f) for f in (qtype.parse, qtype.check, qtype.format, qtype.input, qtype.text))


def test_every_computable_function_exists():
    from kit.assessment.computed import FUNCTIONS

    for name, module in FUNCTIONS.items():
        func = getattr(__import__(f"kit.{module}", fromlist=[name]), name)
        assert callable(func), name
        assert name not in {"load_text", "load_bank", "answer_key"}


def test_assessment_public_functions_have_return_types():
    import inspect

    import kit.assessment as A
    from kit.assessment import exercises, progress

    for func in [A.load_bank, A.check, A.answer_key, A.format_answer, A.compute_answer, exercises.exercise,
                 exercises.check_exercise, exercises.self_assess, progress.progress, progress.export_progress]:
        assert inspect.signature(func).return_annotation is not inspect.Signature.empty, func.__name__


def test_a_question_carries_its_type_record_from_the_parser():
    # the question model imports no type (no questions -> types -> questions cycle): the parser
    # gives each question its record, and a question built without one says how to build it
    from kit.assessment.banks import load_bank
    from kit.assessment.questions import Question
    from kit.assessment.types import TYPES
    from kit.errors import QuestionBankError

    bank = load_bank("01_close_reading")
    assert all(q.kind is TYPES[q.type] for q in bank.questions)
    with pytest.raises(QuestionBankError, match=r"kind=TYPES\['numeric'\]"):
        Question(id="q", type="numeric", prompt="?", answer=3)
    with pytest.raises(QuestionBankError, match="type record"):
        Question(id="q", type="numeric", prompt="?", answer=3, kind=TYPES["text"])
