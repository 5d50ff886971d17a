"""Feedback on the mistake made, computed, not typed (issue 19, part 5): every anticipated
mistake of every bank is triggered by an answer derived from it; computed mistakes follow
the texts; partly right answers say which part; swapped texts are named."""
from __future__ import annotations

import pytest

from kit.assessment import check, parse_bank
from kit.assessment.banks import load_bank, shipped_banks
from kit.assessment.computed import compute_answer
from kit.assessment.exercises import registry
from kit.assessment.mistakes import derived_mistakes, example_answer, ids_note, mistake_value
from kit.corpus.course import load_corpus
from kit.corpus.sentence_table import sentences
from kit.errors import QuestionBankError


def _all_questions():
    return [q for b in shipped_banks() for q in load_bank(b)] + list(registry().values())


def _bank_mistakes():
    return [(q, m) for q in _all_questions() for m in q.mistakes]


@pytest.mark.parametrize("q, m", _bank_mistakes(), ids=lambda v: getattr(v, "id", ""))
def test_every_anticipated_mistake_is_triggered_by_its_own_answer(q, m):
    answer = example_answer(q, m)   # its example, value, range midpoint, ids or computed value
    r = check(q, answer)
    assert not r.correct, f"{q.bank}/{q.id} mistake {m.id}: {answer!r} is marked right"
    assert r.mistake == m.id, f"{q.bank}/{q.id} mistake {m.id}: {answer!r} gives {r.mistake!r}"
    assert r.feedback and "{value}" not in r.feedback[0]


def test_every_bank_has_its_mistakes_tested():
    # the parametrised test above covers every mistake of every bank (a new bank is held to it too)
    assert len(_bank_mistakes()) >= 80


@pytest.mark.parametrize("q", [q for q in _all_questions() if derived_mistakes(q)], ids=lambda q: q.id)
def test_derived_mistakes_are_named(q):
    for m in derived_mistakes(q):
        r = check(q, mistake_value(q, m))
        assert not r.correct and r.mistake, (q.id, m.id)   # its own id, or a bank mistake with the same value


def test_computed_mistakes_follow_the_texts():
    # quiz 01 cooperation-yang: Cho uses "cooperation" once ("strengthen military cooperation"
    # [cho 2.3]); the mistake's value is computed, not typed
    q = load_bank("01_close_reading").question("cooperation-yang")
    m = next(m for m in q.mistakes if m.id == "m2")
    assert m.compute is not None and mistake_value(q, m) == 1
    # 00.1: Yang's 27 sentences (yang 1.1 to yang 10.2) as the "other text" mistake
    ex = registry()["00.1"]
    assert mistake_value(ex, ex.mistakes[0]) == len(sentences(load_corpus()["yang"])) == 27
    assert check(ex, 27).feedback[0].startswith("27 is Yang's column")


def test_rates_per_and_times():
    # 02.2: "china" is 9 of Cho's 363 tokens; 9 / 757 (Yang's size) x 1000 = 11.89, the wrong denominator
    spec = {"call": "frequencies", "args": {"doc": "@cho"}, "where": {"term": "china"}, "take": "count",
            "per": {"call": "summary", "args": {"corpus": "@yang"}, "take": "tokens"}, "times": 1000}
    assert compute_answer(spec) == pytest.approx(9 / 757 * 1000)
    r = check(registry()["02.2"], "11.9")
    assert r.mistake == "other-denominator" and "Yang's size" in r.feedback[0]
    with pytest.raises(QuestionBankError, match="times"):
        compute_answer({**spec, "times": 0})


def test_a_pattern_mistake_needs_an_example_that_it_matches():
    base = {"id": "q", "type": "text", "prompt": "?", "cites": [], "answer": "futile"}
    for bad in ({"pattern": "^use", "feedback": "x"}, {"pattern": "^use", "example": "pointless", "feedback": "x"}):
        with pytest.raises(QuestionBankError, match="needs `example:`"):
            parse_bank({"id": "t", "questions": [{**base, "mistakes": [bad]}]}, source="t.yaml")


def test_partly_right_ids_say_which_part():
    # 01.5: the advice to the U.S. is [yang 7.2; yang 7.3; yang 8.1; yang 8.2]; [yang 10.1] is addressed
    # to North Korea ("North Korea must deviate ...")
    r = check(registry()["01.5"], "yang 7.2, yang 7.3, yang 8.1, yang 10.1")
    text = " ".join(r.feedback)
    assert "Right: yang 7.2, yang 7.3, yang 8.1." in text and "Not part of the answer: yang 10.1." in text
    assert "Missing: 1 more sentence (in Yang's paragraph 8)." in text and "yang 8.2" not in text
    assert ids_note({"cho 3.6"}, {"cho 3.6", "cho 3.8"}) == \
        "Right: cho 3.6. Missing: 1 more sentence (in Cho's paragraph 3)."


def test_reported_views_among_ids_are_named():
    # 03.1 asks for Cho's own recommendation [cho 3.6]; "They also worry that the United States and its
    # allies ... will strengthen military cooperation" [cho 2.3] is the Chinese officials' worry
    r = check(registry()["03.1"], "cho 2.3")
    assert r.mistake == "auto-reported-view" and "Chinese officials" in r.feedback[0]


def test_ids_from_the_other_text_are_named():
    # 02.8: Yang uses "sanctions" in [yang 2.1; yang 7.3; yang 8.1]; Cho's excerpt never does
    r = check(registry()["02.8"], "yang 2.1, yang 7.3, yang 8.1, cho 3.4")
    assert r.mistake == "auto-other-text" and "Cho's text" in r.feedback[0]


def test_swapped_texts_are_named():
    # 01.8: kit.stance finds 2 hedges in Cho and 3 in Yang (its table); the swap is named
    r = check(registry()["01.8"], {"cho": 3, "yang": 2})
    assert r.mistake == "auto-swapped" and any("You swapped 'cho' and 'yang'" in f for f in r.feedback)


def test_the_log_ratio_threshold_is_not_read_as_the_country():
    # 02.4: "united" and "states" have the largest log ratio (4.06, a bound: 4 against 0); a G2 threshold
    # applied to log_ratio keeps only them.  The feedback must name that route, not only "the country".
    r = check(registry()["02.4"], ["united", "states"])
    assert r.mistake == "m4" and "log_ratio" in r.feedback[0] and "g2" in r.feedback[0]


# The 25 plausible mistakes measured before this work (7 of 25 named in the issue; 13 in our
# re-measurement).  Not held out: the banks' new mistakes were written with these categories in mind.
PLAUSIBLE = [
    ("00_start_here:cho-paragraph-3-sentences", 19), ("00_start_here:cho-paragraph-3-sentences", 3),
    ("01_close_reading:cooperation-yang", 6), ("01_close_reading:cooperation-yang", 6.6),
    ("01_close_reading:actors-us-yang", 5), ("01_close_reading:modals-yang", 22.5),
    ("02_keyword_frequencies:yang-tokens", 326), ("02_keyword_frequencies:yang-tokens", 363),
    ("02_keyword_frequencies:yang-tokens", 427), ("04_synthesis:yang-sentences", 10), ("02.1", 197),
    ("02.2", 9), ("02.2", 23.8), ("02.2", 45.7), ("01.2", 33), ("00.1", 3), ("01.1", "cho 1.2, cho 2.4"),
    ("03.1", "cho 3.1"), ("03.1", "cho 2.3"), ("01.5", "yang 7.2, yang 7.3, yang 8.1, yang 8.2, yang 10.1"),
    ("02.4", ["united", "states"]), ("00_start_here:yang-date-clue", "the summit in late May"),
    ("03.6", "Cho argues that the United States should drive a wedge between China and North Korea [cho 3.1]."),
    ("01.7", "Yang wrote his column in June 2021 [yang 7.1; yang 8.3]."),
    ("01.4", "Yang says that relying solely on China is dangerous for North Korea [yang 9.4]."),
]


def test_plausible_mistakes_get_feedback_naming_them():
    def named(ref, answer):
        bank, _, qid = ref.rpartition(":")
        r = check(load_bank(bank).question(qid) if bank else registry()[qid], answer)
        return bool(r.feedback) if r.status == "written" else bool(r.mistake) and not r.correct
    assert sum(named(*row) for row in PLAUSIBLE) >= 24
