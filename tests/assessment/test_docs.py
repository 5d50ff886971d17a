"""The examples in docs/question_format.md are valid banks (teachers copy them)."""
from __future__ import annotations

import re
from pathlib import Path

from kit.assessment import check, parse_bank

DOC = Path(__file__).resolve().parents[2] / "docs" / "question_format.md"


def _examples() -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return [b if b.startswith("id:") else "id: doc\nquestions:\n" + b for b in blocks]


def test_every_yaml_example_loads_and_marks():
    examples = _examples()
    assert len(examples) == 6
    banks = [parse_bank(text, source=f"docs example {n}") for n, text in enumerate(examples, start=1)]
    clue = banks[1].question("date-clue")   # concepts: "The Beijing Winter Olympics next February" [yang 8.3]
    assert check(clue, "the winter games in Beijing").correct and not check(clue, "the 2008 Summer Olympics").correct
    assert check(clue, "the summit").mistake == "summit"
    rate = banks[3].question("china-rate")
    assert check(rate, "24,8").correct and check(rate, 23.8).mistake == "yang-rate"
    types = check(rate, "45.7")              # 9 "china" over Cho's 197 types x 1000 = 45.69 (kit.summary)
    assert types.mistake == "types-denominator" and types.feedback[0].startswith("45.69 divides by the types")
    assert check(banks[4].question("honest-broker"), "The United States").status == "partial"
    assert check(banks[5].question("05.1"), "Cho calls it futile.").status == "written"
