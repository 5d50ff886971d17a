"""The teacher's guide quotes the texts word for word and cites sentences that exist,
and lesson 04 uses its rubric (the same table, word for word)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import kit
from kit.citations import QUOTED_CITATION_RE

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teacher_guide.md"
RUBRIC_RE = re.compile(r"<!-- rubric -->\n(.*?)\n<!-- /rubric -->", re.S)


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_guide_quotations_are_verbatim_and_ids_exist():
    text = _text()
    pairs = QUOTED_CITATION_RE.findall(text)
    assert len(pairs) >= 30, f"only {len(pairs)} quotation-citation pairs: the parser may have missed them"
    assert kit.check_citations(text) == []


def test_guide_is_linked_from_the_readme_and_links_the_hub_guide():
    assert "docs/teacher_guide.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "jupyterhub.md" in _text()


def test_guide_has_its_parts():
    text = _text().lower()
    for part in ("learning objectives", "50-minute", "discussion prompts", "rubric",
                 "model answer 1 (strong)", "model answer 2 (weak)", "export_progress", "misconceptions"):
        assert part in text, part


def test_lesson_04_uses_the_guides_rubric():
    guide = RUBRIC_RE.search(_text())
    cells = json.loads((ROOT / "notebooks" / "04_synthesis.ipynb").read_text(encoding="utf-8"))["cells"]
    lesson = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    found = RUBRIC_RE.search(lesson)
    assert guide and found, "both carry the rubric between <!-- rubric --> markers"
    assert found.group(1).strip() == guide.group(1).strip()
    assert found.group(1).count("\n|") >= 6  # header, rule, five criteria
