"""Corrections found by reading the two texts (issue 11), each held by a test that reads
the data files.  Expected values come from reading the texts: the comments quote the
sentences they rest on."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import kit
from kit.argumentation.citations import quote_in

DATA = Path(kit.__file__).parent / "data"


def _yaml(rel: str):
    return yaml.safe_load((DATA / rel).read_text(encoding="utf-8"))


def _question(rel: str, qid: str) -> dict:
    data = _yaml(rel)
    return next(q for q in data.get("questions") or data["exercises"] if q["id"] == qid)


def _exercise(qid: str):
    return kit.load_bank(str(DATA / "exercises" / f"{qid[:2]}_{_SETS[qid[:2]]}.yaml")).question(qid)


_SETS = {"00": "start_here", "01": "close_reading", "02": "keyword_frequencies", "03": "comparing_arguments"}


def _comparison(qid: str) -> dict:
    return next(q for q in _yaml("arguments/comparisons.yaml")["questions"] if q["id"] == qid)


# --- us-toward-north-korea: Cho does prescribe action toward North Korea -----------------------

def test_us_toward_north_korea_differs(corpus):
    # Cho: the U.S. "should collaborate with the Chinese government to rein in North Korea’s
    # volatile behavior" [cho 3.6]; "Working together to restrain the North Korean regime is
    # the best way to achieve it" [cho 3.8].  Yang: a roadmap [yang 7.3], incentives [yang 10.2].
    q = _comparison("us-toward-north-korea")
    assert q["relation"] == "differ"
    assert {"cho 3.6", "cho 3.8"} <= set(q["cho"]["cites"])
    assert not q["cho"]["position"].startswith("Not addressed")
    for phrase, sid in (("rein in North Korea’s volatile behavior", "cho 3.6"),
                        ("restrain the North Korean regime", "cho 3.8")):
        assert phrase in q["cho"]["position"] and quote_in(phrase, corpus.sentence(sid).text)
    row = kit.compare_arguments("us-toward-north-korea").iloc[0]
    assert row.relation == "differ" and "cho 3.8" in row.cho_cites


# --- cho 3.1 reports the analysts' view: a counter view, not a concession -----------------------

def test_cho_3_1_is_a_reported_counter_view(corpus):
    # "This seeming friction ... has tantalized many Western security analysts, who have
    # argued that the United States and its allies should try to drive a wedge" [cho 3.1]
    assert "many Western security analysts" in corpus.sentence("cho 3.1").text
    quiz = _question("quizzes/01_close_reading.yaml", "label-cho-3-1")
    assert quiz["answer"].startswith("counter")
    concession = next(o for o in quiz["options"] if o["text"].startswith("concession"))
    assert "cho 3.3" in concession["feedback"] and "cho 3.5" in concession["feedback"]
    assert _yaml("annotations/reference.yaml")["labels"]["cho 3.1"]["label"] == "counter"
    claims = _yaml("arguments/cho.yaml")["claims"]
    analysts = [c for c in claims if "cho 3.1" in c["cites"]]
    assert [c["type"] for c in analysts] == ["counter"]
    assert analysts[0]["speaker"] == "many Western security analysts"
    # Cho's own concessions: "Despite signs of tension" [cho 3.3], "have not always seen eye to
    # eye" [cho 3.5]; no concession cites cho 3.1
    concessions = [c for c in claims if c["type"] == "concession"]
    assert concessions and all("cho 3.1" not in c["cites"] for c in concessions)
    assert {"cho 3.3", "cho 3.5"} <= {sid for c in concessions for sid in c["cites"]}
    assert quote_in("Despite signs of tension", corpus.sentence("cho 3.3").text)
    assert quote_in("have not always seen eye to eye", corpus.sentence("cho 3.5").text)
    table = kit.arguments("cho")
    assert table[table.cites == "cho 3.1"].type.tolist() == ["counter"]


# --- exercise 03.1 accepts cho 3.8 -----------------------------------------------------------

def test_exercise_03_1_accepts_cho_3_8():
    # kit.recommendations gives cho 3.6 and cho 3.8 as Cho's own ("is the best way to achieve it")
    recs = kit.recommendations(kit.load_corpus()["cho"])
    assert recs[~recs.reported].sentence_id.tolist() == ["cho 3.6", "cho 3.8"]
    ex = _exercise("03.1")
    for answer in ("cho 3.6", "cho 3.8", "cho 3.6, cho 3.8"):
        assert kit.check(ex, answer).correct, answer
    wrong = kit.check(ex, "cho 3.1")
    assert not wrong.correct and "analysts" in " ".join(wrong.feedback)


# --- nk-reliance: "agree" is defensible ------------------------------------------------------

def test_nk_reliance_agree_is_defensible(corpus):
    # North Korea "is prepared to reinforce its relationship with China" [yang 2.1];
    # "relying solely on China" [yang 9.4] assumes the reliance Cho states [cho 3.3]
    comp = _comparison("nk-reliance")
    assert comp["relation"] == "differ" and comp.get("also") == "agree"
    for phrase, sid in (("prepared to reinforce its relationship with China", "yang 2.1"),
                        ("relying solely on China", "yang 9.4")):
        assert phrase in " ".join(comp["note"].split())
        assert quote_in(phrase, corpus.sentence(sid).text)
    ex = _exercise("03.5")
    result = kit.check(ex, "agree")
    assert result.correct
    feedback = " ".join(result.feedback)
    assert "yang 2.1" in feedback and "yang 9.4" in feedback
    assert kit.check(ex, "differ").correct and not kit.check(ex, "only cho").correct


# --- who-should-act: "United States" for yang 6.3 is defensible ---------------------------------

def test_who_should_act_accepts_united_states_for_yang_6_3(corpus):
    # "it is necessary to see denuclearization as a long-term process, as suggested by the
    # Biden administration" [yang 6.3]
    assert "as suggested by the Biden administration" in corpus.sentence("yang 6.3").text
    q = kit.load_bank("03_comparing_arguments").question("who-should-act")
    answer = dict(q.key)
    item = next(k for k in answer if "yang 6.3" in k)
    assert answer[item] == "no actor named" and kit.check(q, answer).correct
    answer[item] = "United States"
    result = kit.check(q, answer)
    assert result.correct and "Biden administration" in " ".join(result.feedback)


# --- Yang's date is a range, late May to December 2021 ------------------------------------------

@pytest.mark.parametrize("rel", ["quizzes/00_start_here.yaml", "quizzes/01_close_reading.yaml",
                                 "quizzes/02_keyword_frequencies.yaml", "quizzes/03_comparing_arguments.yaml",
                                 "quizzes/04_synthesis.yaml", "exercises/01_close_reading.yaml"])
def test_no_single_month_for_yang(rel):
    # "During their summit in late May" [yang 7.1] is past; "The Beijing Winter Olympics next
    # February" [yang 8.3] is to come: late May to December 2021, not "June 2021"
    text = " ".join((DATA / rel).read_text(encoding="utf-8").split())
    assert not re.search(r"June 2021|most likely (written in )?June", text, re.IGNORECASE)


def test_yang_date_range_is_given(corpus):
    for rel, qid in (("quizzes/00_start_here.yaml", "yang-date-clue"), ("quizzes/01_close_reading.yaml", "date-yang")):
        explanation = " ".join(_question(rel, qid)["explanation"].split())
        assert "late May to December 2021" in explanation, qid
    assert quote_in("During their summit in late May", corpus.sentence("yang 7.1").text)
    assert quote_in("The Beijing Winter Olympics next February", corpus.sentence("yang 8.3").text)


# --- issue 20, correction 4: the excerpt's silence is not Cho's ----------------------------------

@pytest.mark.parametrize("qid", ["us-toward-north-korea", "nk-wants", "nk-should"])
def test_cho_silence_is_the_excerpts(qid, corpus):
    # The preface: "The following is an excerpt from Sungmin Cho's op-ed in Foreign Affairs."
    # What Cho does not propose or name, the excerpt does not: say "in the excerpt".
    assert "is an excerpt from Sungmin Cho's op-ed" in corpus["cho"].front_matter
    cho = " ".join(_comparison(qid)["cho"]["position"].split())
    assert "in the excerpt" in cho.lower(), cho
    note = " ".join(_comparison(qid)["note"].split())
    if re.search(r"\bCho (addresses only|does not|proposes no)", note):
        assert "in the excerpt" in note.lower() or "the excerpt does not" in note.lower(), note


def test_read_key_names_no_president_in_the_excerpt(corpus):
    # Yang: "The Biden administration has defined China as its sole competitor" [yang 1.3];
    # no president is named in Cho's 19 sentences (checked below), which is the excerpt's silence.
    assert "Biden administration" in corpus.sentence("yang 1.3").text
    assert not any(re.search(r"Biden|Trump|president of the United States", s.text)
                   for s in corpus["cho"].sentences)
    from kit.assessment import readings as reveal
    biden = next(s["text"] for s in reveal.reading_task("02.read-key")["reading"] if "biden" in s["text"])
    assert "in the excerpt" in " ".join(biden.split())


# --- issue 20, correction 7: the speaker of a reported fear is the one who holds it ---------------

def test_chinese_officials_fears_are_theirs(corpus):
    # "Chinese officials fear that Russia’s influence over the insular dictatorship is growing
    # at China’s expense" [cho 2.2]; "They also worry that the United States and its allies ...
    # will strengthen military cooperation" [cho 2.3]: views Cho reports, not his own claims.
    assert corpus.sentence("cho 2.2").text.startswith("Chinese officials fear")
    assert corpus.sentence("cho 2.3").text.startswith("They also worry")
    table = kit.arguments("cho")
    for sid in ("cho 2.2", "cho 2.3"):
        rows = table[table.cites.str.split("; ").apply(lambda ids: sid in ids)]
        assert rows.speaker.tolist() == ["Chinese officials"], (sid, rows.speaker.tolist())
    # "That proximity has irked China" [cho 2.1] is Cho's own claim
    own = table[table.cites == "cho 2.1"]
    assert own.speaker.tolist() == ["author"]
    reported = set(table[table.speaker != "author"].cites)
    assert reported == {"cho 2.2", "cho 2.3", "cho 3.1"}


# --- issue 20, correction 8: cross-references point to the right section ------------------------

def _headings(name: str) -> list[str]:
    import json
    cells = json.loads((Path(kit.__file__).parents[1] / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    return [line for c in cells if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("task, lesson, section, heading_word", [
    ("02.predict-key", "02_keyword_frequencies", "5", "Keyness"),
    ("03.predict-agree", "03_comparing_arguments", "4", "agree"),
])
def test_prediction_points_to_the_right_section(task, lesson, section, heading_word):
    from kit.assessment import readings as reveal
    after = " ".join(reveal.reading_task(task)["after"].split())
    assert f"section {section}" in after, after
    heading = next(h for h in _headings(lesson) if h.startswith(f"## {section}."))
    assert heading_word.lower() in heading.lower(), heading


def test_yang_8_1_paraphrases_keep_what_he_says(corpus):
    # "the U.S. should not limit China's role when it comes to North Korea issues by demanding
    # it to join in the international sanctions" [yang 8.1]: the claim is about China's role,
    # the sanctions are the means. The kit's data says both where it paraphrases [yang 8.1].
    assert quote_in("should not limit China's role", corpus.sentence("yang 8.1").text)
    from kit.assessment import readings as reveal
    texts = [(q["id"], q[side]["position"]) for q in _yaml("arguments/comparisons.yaml")["questions"]
             for side in ("cho", "yang")]
    texts += [(t, s["text"]) for t in reveal.reading_tasks() for s in reveal.reading_task(t).get("reading") or []]
    checked = 0
    for where, text in texts:
        for clause in re.split(r"(?<=\])[;,.]? ", " ".join(text.split())):
            if "[yang 8.1]" in clause and "sanction" in clause:
                checked += 1
                assert "role" in clause, (where, clause)
    assert checked >= 3  # comparisons china-role and sanctions, readings 02.read-key, 03.who-yang


def test_guide_and_readings_say_one_end_different_means():
    # Issue 20, correction 1: peace is the shared end ("ultimately invested in maintaining peace"
    # [cho 3.7]; "pursue peace and prosperity" [yang 6.1]); the means differ (restraint [cho 3.8]
    # against China as an "honest broker" in talks [yang 8.2]).  Only quiz 03's wrong option may
    # still say "different ends" (it is the misreading its feedback names).
    root = Path(kit.__file__).parents[1]
    for path in [root / "docs" / "teacher_guide.md", root / "kit" / "data" / "readings.yaml"]:
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert "different ends" not in text, path.name
        assert "ultimately invested in maintaining peace" in text and "pursue peace and prosperity" in text, path.name
