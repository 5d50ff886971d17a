"""docs/architecture.md stays true: it names every module under kit/ on a line of its own,
each in the section of its folder, and names no module or folder that does not exist.

A module line is a list item that starts with the module's path under kit/ in backticks,
e.g. "- `analysis/query.py` - the query engine ..."; a folder's section is a "###" heading
naming the folder, e.g. "### 4. `analysis/` - searching and counting".
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "kit"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")

MODULE_LINE = re.compile(r"^- `([\w/]+\.py)` - \S", re.M)
FOLDER_HEADING = re.compile(r"^### [^\n`]*`(\w+)/`", re.M)


def _modules_in_kit() -> set[str]:
    """Every module under kit/ as a path under kit/, without the folders' own __init__.py."""
    return {p.relative_to(KIT).as_posix() for p in KIT.rglob("*.py")
            if "__pycache__" not in p.parts and not (p.name == "__init__.py" and p.parent != KIT)}


def _sections() -> dict[str, str]:
    """Folder -> the text of its section (from its heading to the next heading)."""
    parts = re.split(r"^(?=### )", DOC, flags=re.M)
    out = {}
    for part in parts:
        m = FOLDER_HEADING.match(part)
        if m:
            out[m.group(1)] = part
    return out


def test_the_doc_names_every_module():
    missing = sorted(_modules_in_kit() - set(MODULE_LINE.findall(DOC)))
    assert not missing, (f"docs/architecture.md does not name {missing}: add one line each, "
                         "'- `folder/module.py` - what it holds', in its layer's section")


def test_every_module_the_doc_names_exists():
    named = MODULE_LINE.findall(DOC)
    gone = sorted(set(named) - _modules_in_kit())
    assert not gone, f"docs/architecture.md names modules that do not exist: {gone}"
    twice = sorted({m for m in named if named.count(m) > 1})
    assert not twice, f"docs/architecture.md names these modules twice: {twice}"


def test_each_folder_has_a_section_and_its_modules_are_in_it():
    folders = {p.parent.name for p in KIT.glob("*/__init__.py")}
    sections = _sections()
    assert set(sections) == folders, (sorted(folders - set(sections)), sorted(set(sections) - folders))
    for folder, text in sections.items():
        for module in MODULE_LINE.findall(text):
            assert module.startswith(f"{folder}/"), f"{module} is listed in the section of {folder}/"


def test_the_doc_gives_the_commands_that_check_it():
    assert "tests/project/test_package_layout.py" in DOC and (ROOT / "tests/project/test_package_layout.py").is_file()
    assert "tests/project/test_architecture_doc.py" in DOC
    assert "make check" in DOC


def test_test_folders_mirror_the_layer_folders():
    # the doc's "Tests" section: tests/<folder>/ for each layer folder, and four folders more
    layers = {p.parent.name for p in KIT.glob("*/__init__.py")}
    extra = {"project", "lessons", "browser", "hub"}
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and p.name not in {"__pycache__"}
               and any(p.glob("test_*.py"))}
    assert not folders - layers - extra, (f"tests/{sorted(folders - layers - extra)}: a test file goes "
                                          "in tests/<layer folder>/ (or project/, lessons/)")
    assert not list((ROOT / "tests").glob("test_*.py")), "a test file at the top of tests/: give it its folder"
    for folder in extra:
        assert f"tests/{folder}/" in DOC
