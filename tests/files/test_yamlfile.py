"""The one YAML reader (kit/files/yamlfile.py): strict for banks and for course files alike."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit
from kit.errors import DataFileError, QuestionBankError
from kit.files.yamlfile import BANK, COURSE, parse_yaml, read_yaml

KIT = Path(kit.__file__).parent


def test_no_other_module_parses_yaml():
    offenders = [str(p.relative_to(KIT)) for p in KIT.rglob("*.py") if p.name != "yamlfile.py"
                 and re.search(r"^\s*(import yaml|from yaml)|yaml\.(safe_)?load\(", p.read_text(encoding="utf-8"), re.M)]
    assert not offenders, f"read YAML with kit.files.yamlfile instead: {offenders}"


def test_every_shipped_yaml_file_passes_the_strict_reader():
    files = sorted((KIT / "data").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        rules = BANK if path.parent.name in ("quizzes", "exercises") else COURSE
        read_yaml(path, rules=rules)


@pytest.mark.parametrize("text, message", [
    ("texts:\n  - id: a\n    id: b\n", r"course.yaml:3: key 'id' appears twice .*first at line 2"),
    ("base: &b {x: 1}\nother: *b\n", r"course.yaml:1: YAML anchors and aliases \(&b, \*b\) are not allowed in a course file"),
    ("size: .nan\n", r"course.yaml: nan \(at size\) is not a number"),
    ("a: [1,\n", r"course.yaml:\d: YAML syntax error at line \d, column \d+"),
])
def test_course_files_are_read_strictly_with_file_and_line(text, message):
    with pytest.raises(DataFileError, match=message):
        parse_yaml(text, source="course.yaml")


def test_the_same_problem_reads_the_same_in_a_bank_but_with_its_own_error(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_bytes(b"id: x\ntitle: caf\xe9\n")
    with pytest.raises(QuestionBankError, match=r"bank.yaml, line 2: the file is not UTF-8 \(byte 0xe9"):
        read_yaml(path, rules=BANK)
    with pytest.raises(DataFileError, match=r"bank.yaml:2: the file is not UTF-8 \(byte 0xe9"):
        read_yaml(path, rules=COURSE)


def test_a_folder_is_not_read(tmp_path):
    with pytest.raises(DataFileError, match="not a regular file"):
        read_yaml(tmp_path)


def test_lines_come_from_the_same_parse():
    data, lines = parse_yaml("texts:\n  - id: a\n    file: a.txt\n")
    assert data == {"texts": [{"id": "a", "file": "a.txt"}]} and lines(("texts", 0, "file")) == 3


def test_the_libyaml_path_reads_every_shipped_file_as_the_python_parser_does():
    # parse_yaml scans with libyaml when PyYAML has it; data and line numbers must not change
    from kit.files.yamlfile import _c_parser, _load

    if _c_parser() is None:
        pytest.skip("PyYAML without libyaml: only the Python parser runs")
    files = sorted((KIT / "data").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text, rules = path.read_text(encoding="utf-8"), (BANK if path.parent.name in ("quizzes", "exercises")
                                                        else COURSE)
        (fast, fast_node), (slow, slow_node) = (_load(text, str(path), rules, fast=f) for f in (True, False))
        assert fast == slow, path
        assert [n.start_mark.line for n in _nodes(fast_node)] == [n.start_mark.line for n in _nodes(slow_node)], path


def _nodes(node):
    yield node
    for child in node.value if isinstance(node.value, list) else ():
        for one in child if isinstance(child, tuple) else (child,):  # a mapping's (key, value) pairs
            yield from _nodes(one)


@pytest.mark.parametrize("text", ["a: b: c\n", "a: [1, 2\n", "\t- a\n"])
def test_a_syntax_error_is_worded_by_the_python_parser_on_either_path(text):
    # libyaml says "mapping values are not allowed in this context"; the kit's wording is PyYAML's
    from kit.files.yamlfile import _load

    with pytest.raises(Exception) as python_error:
        _load(text, "t.yaml", COURSE, fast=False)
    with pytest.raises(DataFileError) as error:
        parse_yaml(text, source="t.yaml")
    assert str(error.value) == str(python_error.value)
    assert "YAML syntax error" in str(error.value)
