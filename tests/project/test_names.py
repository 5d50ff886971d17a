"""One name per role (issue 21): every public function typed and doctested; the old
function and keyword names still work for one release, with a DeprecationWarning that
names the new one; notebooks, exercises, docs, README and banks use the new names only.
"""
from __future__ import annotations

import ast
import inspect
import json
import re
from pathlib import Path

import pytest
import yaml

import kit
from kit.assessment.computed import _DOC_NAMES, FUNCTIONS, walk_values

ROOT = Path(__file__).resolve().parents[2]

# old public name -> new one (each stays in kit.__all__ for one release)
OLD_FUNCTIONS = {
    "concordance_explorer": "kwic_explorer",
    "reader": "highlight_explorer",
    "argument_explorer": "compare_arguments_explorer",
    "write_first": "compare_reading_box",
}


def public_functions() -> list[str]:
    return [n for n in kit.__all__ if inspect.isfunction(getattr(kit, n))]


def renamed_keywords(name: str) -> dict[str, str]:
    return dict(getattr(getattr(kit, name), "renamed_options", {}))


# --- typed and doctested -------------------------------------------------------------


@pytest.mark.parametrize("name", public_functions())
def test_public_function_is_typed(name):
    sig = inspect.signature(getattr(kit, name))
    untyped = [p.name for p in sig.parameters.values()
               if p.annotation is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if sig.return_annotation is inspect.Signature.empty:
        untyped.append("the return value")
    assert not untyped, f"kit.{name}: add type hints for {', '.join(untyped)}"


@pytest.mark.parametrize("name", public_functions())
def test_public_function_has_a_doctest(name):
    doc = inspect.getdoc(getattr(kit, name)) or ""
    assert ">>>" in doc, f"kit.{name}: add a short '>>>' example to its docstring (pytest runs it)"


def test_the_counts_cover_every_public_function():
    # 60 public functions when issue 21 was filed; the table only grows
    assert len(public_functions()) >= 60


# --- old names warn and name the new one ----------------------------------------------


def test_old_function_names_stay_public():
    for old, new in OLD_FUNCTIONS.items():
        assert old in kit.__all__ and new in kit.__all__


@pytest.mark.parametrize("old", sorted(OLD_FUNCTIONS))
def test_old_function_name_warns(old, corpus):
    new = OLD_FUNCTIONS[old]
    args = {"concordance_explorer": (corpus,), "reader": (corpus,), "argument_explorer": (),
            "write_first": ("00.date-yang",)}[old]
    with pytest.warns(DeprecationWarning, match=rf"kit\.{old} is now kit\.{new}"):
        box = getattr(kit, old)(*args)
    assert type(box) is type(getattr(kit, new)(*args))  # the same widget


def test_old_keywords_warn_and_still_work(corpus):
    cho = corpus["cho"]
    # "May" with a capital is the month: "in late May" [yang 7.1]; Cho dates by "May" too [cho 2.5]
    with pytest.warns(DeprecationWarning, match="case_sensitive"):
        old = kit.kwic(corpus, "May", case=True)
    assert old.equals(kit.kwic(corpus, "May", case_sensitive=True))
    with pytest.warns(DeprecationWarning, match="case_sensitive"):
        old = kit.frequencies(cho, lower=False)
    assert old.equals(kit.frequencies(cho, case_sensitive=True))  # the polarity flips: lower=False is case-sensitive
    with pytest.warns(DeprecationWarning, match="case_sensitive"):
        assert kit.tokens("The U.S.", lower=True) == kit.tokens("The U.S.", case_sensitive=False)
    with pytest.warns(DeprecationWarning, match="query"):
        assert kit.dispersion(cho, terms="wedge").equals(kit.dispersion(cho, query="wedge"))
    with pytest.warns(DeprecationWarning, match="query"):
        assert kit.glossary(term="honest broker").equals(kit.glossary(query="honest broker"))
    with pytest.warns(DeprecationWarning, match=r"summary\(doc=\.\.\.\)"):
        assert kit.summary(corpus=cho).equals(kit.summary(doc=cho))
    with pytest.warns(DeprecationWarning, match="bank"):
        kit.progress(quiz="01_close_reading")
    q = kit.load_bank("00_start_here").question("futile-sentence")
    with pytest.warns(DeprecationWarning, match="answer"):
        assert kit.check(q, response="cho 3.2").status == kit.check(q, answer="cho 3.2").status == "correct"
    with pytest.warns(DeprecationWarning, match="data"):
        kit.plot_frequencies(freq=kit.frequencies(cho), top=3)


def test_old_and_new_keyword_together_is_a_clear_error(corpus):
    with pytest.raises(kit.InvalidArgument, match="keep case_sensitive= only"):
        kit.kwic(corpus, "may", case=True, case_sensitive=False)


def test_every_renamed_keyword_is_gone_from_the_signature():
    for name in public_functions():
        params = inspect.signature(getattr(kit, name)).parameters
        for old, new in renamed_keywords(name).items():
            assert old not in params and new in params, f"kit.{name}: {old} -> {new}"


# --- notebooks, docs and banks use the new names only ---------------------------------

CALL = re.compile(r"kit\.\w+\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")


def _old_names_in_call(node: ast.Call) -> list[str]:
    func = node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "kit"):
        return []
    if func.attr in OLD_FUNCTIONS:
        return [f"kit.{func.attr} (now kit.{OLD_FUNCTIONS[func.attr]})"]
    if func.attr not in kit.__all__ or not inspect.isfunction(getattr(kit, func.attr)):
        return []
    renamed = renamed_keywords(func.attr)
    return [f"kit.{func.attr}({k.arg}=...) (now {renamed[k.arg]}=)" for k in node.keywords if k.arg in renamed]


def old_names(source: str) -> list[str]:
    """Old function or keyword names in the kit calls of ``source`` (code, or prose with code in it)."""
    try:
        trees = [ast.parse(source)]
    except SyntaxError:  # prose, or code with magics: check each kit call on its own
        trees = []
        for snippet in CALL.findall(source.replace('\\"', '"')):
            try:
                trees.append(ast.parse(snippet))
            except SyntaxError:
                continue
    found = [hit for tree in trees for node in ast.walk(tree) if isinstance(node, ast.Call)
             for hit in _old_names_in_call(node)]
    found += [f"kit.{old} (now kit.{new})" for old, new in OLD_FUNCTIONS.items()
              if re.search(rf"\bkit\.{old}\b", source)]
    return sorted(set(found))


def test_the_checker_finds_old_names():
    assert old_names('kit.kwic(corpus, "may", case=True)') == ["kit.kwic(case=...) (now case_sensitive=)"]
    assert old_names("Try `kit.write_first(\"00.preface\")` now.") == ["kit.write_first (now kit.compare_reading_box)"]
    assert old_names("kit.frequencies(doc, lower=False)\n%time x") == ["kit.frequencies(lower=...) (now case_sensitive=)"]
    assert old_names('kit.kwic(corpus, "may", case_sensitive=True)') == []


COMPUTE = re.compile(r"call:\s*(\w+),\s*args:\s*\{([^{}]*)\}")


def _old_arg(call: str, name: str) -> bool:
    params = inspect.signature(getattr(kit, call)).parameters
    return name in renamed_keywords(call) or (name in _DOC_NAMES and name not in params)


def _text_files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for folder in ("notebooks", "exercises", "exercises/solutions"):
        files += sorted((ROOT / folder).glob("*.ipynb"))
    return files


@pytest.mark.parametrize("path", _text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_notebooks_and_docs_use_new_names(path):
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
    else:
        text = path.read_text(encoding="utf-8")
        # docs/architecture.md lists the old names on purpose, in its "not" column
        sources = [line for line in text.splitlines() if not line.startswith("| ")]
    found = sorted({hit for s in sources for hit in old_names(s)})
    # compute: specs written in prose or YAML examples ({call: summary, args: {doc: "@cho"}})
    for call, args in COMPUTE.findall("\n".join(sources).replace("\n", " ")):
        if call in FUNCTIONS:
            keys = re.findall(r"(\w+):", args)
            found += [f"compute {call}(args: {k})" for k in keys if _old_arg(call, k)]
    assert not found, f"{path.relative_to(ROOT)} uses old names: {found}"


def _bank_files() -> list[Path]:
    return sorted((ROOT / "kit" / "data").glob("*/*.yaml")) + sorted((ROOT / "kit" / "data").glob("*.yaml"))


def _walk(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


@pytest.mark.parametrize("path", _bank_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_banks_use_new_names(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = []
    for node in _walk(data):
        call, args = node.get("call"), node.get("args")
        if isinstance(call, str) and call in FUNCTIONS and isinstance(args, dict):
            problems += [f"compute {call}(args: {a})" for a in args if _old_arg(call, a)]
    # answers, model answers and feedback that name a call (e.g. "kit.kwic(cho, 'wedge')")
    problems += [hit for s in walk_values(data) if isinstance(s, str) for hit in old_names(s)]
    assert not problems, f"{path.relative_to(ROOT)}: {sorted(set(problems))}"
