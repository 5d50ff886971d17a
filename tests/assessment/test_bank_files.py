"""Hardened bank files: safe YAML (no aliases or anchors, no duplicate keys), size and
depth limits, no .nan/.inf, UTF-8 only; `python -m kit quiz validate` never shows a
traceback."""
from __future__ import annotations

import time

import pytest

from kit.__main__ import main as cli
from kit.assessment import load_bank
from kit.files.yamlfile import BANK, parse_yaml
from kit.errors import QuestionBankError

GOOD = """\
id: mine
title: Mine
questions:
  - id: futile
    type: text
    prompt: Cho's word for the wedge strategy?
    answer: futile
    cites: [cho 3.2]
"""

# the "billion laughs": 9 levels of 9 aliases, 700 bytes that expand to 9**9 strings
BOMB = 'lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]\n" for n in range(1, 10))


def write(tmp_path, text: str, name: str = "bank.yaml", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_good_bank_loads(tmp_path):
    assert load_bank(write(tmp_path, GOOD)).question("futile").key == ("futile",)


def test_alias_bomb_refused_fast(tmp_path):
    assert 600 <= len(BOMB) <= 800
    path = write(tmp_path, BOMB)
    start = time.perf_counter()
    with pytest.raises(QuestionBankError, match=r"bank.yaml, line 1: YAML anchors and aliases .* are not allowed"):
        load_bank(path)
    assert time.perf_counter() - start < 0.5


def test_a_single_alias_is_refused_naming_the_line(tmp_path):
    text = GOOD + "  - id: again\n    type: text\n    prompt: &p Again?\n    answer: *p\n    cites: []\n"
    with pytest.raises(QuestionBankError, match=r"line 11: YAML anchors and aliases \(&p, \*p\)"):
        load_bank(write(tmp_path, text))


def test_duplicate_keys_refused_naming_both_lines(tmp_path):
    text = GOOD.replace("    answer: futile\n", "    answer: futile\n    answer: useless\n")
    with pytest.raises(QuestionBankError, match=r"line 8: key 'answer' appears twice .*first at line 7"):
        load_bank(write(tmp_path, text))


def test_size_and_depth_limits(tmp_path):
    big = GOOD + "# " + "x" * BANK.max_bytes + "\n"
    with pytest.raises(QuestionBankError, match=r"over the 1000 kB limit for a bank. Split it"):
        load_bank(write(tmp_path, big))
    deep = "a: " + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(QuestionBankError, match=r"nested more than 12 levels deep"):
        parse_yaml(deep, source="deep.yaml", rules=BANK)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_nan_and_inf_answers_and_tolerances_refused(tmp_path, value):
    numeric = GOOD.replace("type: text", "type: numeric").replace("answer: futile", f"answer: {value}")
    with pytest.raises(QuestionBankError, match=r"is not a number the kit can mark with.*Write a finite number"):
        load_bank(write(tmp_path, numeric))
    tol = GOOD.replace("type: text", "type: numeric").replace("answer: futile", f"answer: 3\n    tolerance: {value}")
    with pytest.raises(QuestionBankError, match=r"questions\[0\]\.tolerance"):
        load_bank(write(tmp_path, tol))


def test_latin1_bank_gets_a_clear_error(tmp_path):
    path = write(tmp_path, GOOD.replace("Cho's word", "Cho’s word — café"), encoding="cp1252")
    with pytest.raises(QuestionBankError, match=r"bank.yaml, line 6: the file is not UTF-8 .*Save it as UTF-8"):
        load_bank(path)


def test_cli_reports_every_failure_in_one_line_without_traceback(tmp_path, capsys):
    files = [write(tmp_path, BOMB, "bomb.yaml"), write(tmp_path, GOOD.replace("answer: futile", "answer: .nan"), "nan.yaml"),
             write(tmp_path, GOOD, "latin.yaml", encoding="utf-16"), write(tmp_path, GOOD, "ok.yaml"),
             write(tmp_path, "- just\n- a list\n", "list.yaml"), tmp_path]
    assert cli(["quiz", "validate", *map(str, files)]) == 1
    out = capsys.readouterr()
    errors = out.err.strip().splitlines()
    assert len(errors) == 5 and all(line.startswith("ERROR ") and " — " in line for line in errors), errors
    assert "Traceback" not in out.err + out.out
    assert out.out.startswith(f"OK {files[3]}")


def test_cli_catches_unexpected_exceptions(tmp_path, capsys, monkeypatch):
    import kit.assessment

    def boom(path, **kwargs):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(kit.assessment, "load_bank", boom)
    assert cli(["quiz", "validate", str(write(tmp_path, GOOD))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ERROR ") and "RuntimeError: something nobody expected" in err and " — " in err
