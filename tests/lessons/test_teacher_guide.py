"""The teacher's guide quotes the texts word for word and cites sentences that exist,
and lesson 04 uses its rubric (the same table, word for word)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import kit
from kit.argumentation.citations import QUOTED_CITATION_RE, quote_in

ROOT = Path(__file__).resolve().parents[2]
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


def _section(heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    text = _text()
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading) + 1:]
    end = re.search(rf"(?m)^#{{1,{len(level)}}} ", rest)
    return rest[: end.start() if end else len(rest)]


def _flat(text: str) -> str:
    return " ".join(text.replace("\n>", "\n").split())


def test_strong_model_answer_keeps_what_the_texts_keep(corpus):
    # issue 20, correction 2.  Cho gives two grounds: "Nearly all of its trade, for instance, is
    # with China" [cho 3.4] and "their relationship has never come close to splintering"
    # [cho 3.5].  Yang takes the reliance as given: North Korea "is prepared to reinforce its
    # relationship with China" [yang 2.1].  His hedge stays his: "North Korea may be very
    # aware" [yang 9.1].  Cho's date is inferred, like Yang's.
    answer = _flat("\n".join(line for line in _section("### Model answer 1 (strong), with annotations").splitlines()
                             if line.startswith(">")))
    assert '"has never come close to splintering" [cho 3.5]' in answer
    assert '"Nearly all of its trade" [cho 3.4]' in answer
    assert '"is prepared to reinforce its relationship with China" [yang 2.1]' in answer
    assert "as given" in answer and "rests on one figure" not in answer
    assert "only suggests" not in answer and 'Yang writes that "North Korea may be very aware" [yang 9.1]' in answer
    assert "late 2024 (inferred)" in answer
    for quote, sid in (("has never come close to splintering", "cho 3.5"),
                       ("is prepared to reinforce its relationship with China", "yang 2.1")):
        assert quote_in(quote, corpus.sentence(sid).text)


def test_prompt_10_labels_outside_knowledge_alike_for_both_authors():
    # issue 20, correction 6: who reads Foreign Affairs and what Yang's venue looks like are
    # both outside knowledge; the sources say only "Foreign Affairs" (Cho's preface) and
    # nothing (Yang).
    prompt = _flat(re.search(r"(?ms)^10\. \*\*Genre and audience\.\*\*(.*?)^11\. ", _text()).group(1))
    assert prompt.count("outside knowledge") >= 2
    cho_part, yang_part = prompt.split("Yang's venue", 1)
    assert "outside knowledge" in cho_part and "outside knowledge" in yang_part


def test_who_is_cho_prompt_points_to_the_task(corpus):
    from kit.assessment import readings as reveal
    prompt = _flat(re.search(r"(?ms)^11\. \*\*Who is Cho\? Who is Yang\?\*\*(.*?)^## ", _text()).group(1))
    assert "01.who-is-cho" in prompt and reveal.reading_task("01.who-is-cho")
    # the preface: "Sungmin is a Fellow on Chinese Politics, Foreign Policy, and National Security
    # at the Asia Society Policy Institute's Center for China Analysis."
    assert "Asia Society Policy Institute's Center for China Analysis" in prompt
    assert "Asia Society Policy Institute's Center for China Analysis" in corpus["cho"].front_matter
    assert "a policy consultant at the Ministry of Unification" in prompt
    assert "a policy consultant at the Ministry of Unification" in corpus["yang"].back_matter


def test_first_day_section_and_its_facts_match_the_kit():
    from kit.files import store
    from kit.__main__ import main

    day = _section("## A teacher's first day").lower()
    for part in ("the day before", "50-minute", "kernel not found", "no module named 'kit'",
                 "widgets not shown", 'progress "lost"', "exercises/solutions/", "kit.answer_key",
                 "what quiz scores can and cannot show", "run lesson 00"):
        assert part in day, part
    # the minute plan covers 0 to 50
    minutes = re.findall(r"(?m)^\| (\d+)–(\d+) \|", _section("### One 50-minute class: the first (lesson 00)"))
    assert minutes[0][0] == "0" and minutes[-1][1] == "50"
    assert all(int(b) == int(a2) for (_, b), (a2, _) in zip(minutes, minutes[1:]))
    # facts checked against the code and the set-up files
    assert store.ENV_VAR == "KIT_PROGRESS_DIR" and "kit_progress_dir" in day
    assert "~/.close-reading-kit" in day
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nlab:" in makefile and '"Python 3 (close-reading-kit)"' in makefile
    assert 'python 3 (close-reading-kit)' in day
    assert "name: close-reading-kit" in (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert (ROOT / "exercises" / "solutions").is_dir()
    for argv in (["link", "--help"], ["quiz", "key", "--help"]):
        try:
            main(argv)
        except SystemExit as done:  # argparse's --help exits 0 when the command exists
            assert done.code == 0, argv
    assert "--branch" in day and "python -m kit quiz key" in day
