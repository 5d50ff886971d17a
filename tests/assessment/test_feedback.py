"""Feedback keyed to the mistake made, fair reading of answers, defensible alternatives,
one attempts piece for the quiz widget and check_exercise, written exercises."""
from __future__ import annotations

import textwrap

import ipywidgets as W
import pytest

import kit
from kit.assessment import check, parse_bank
from kit.assessment import exercises
from kit.assessment.attempts import Attempts
from kit.errors import QuestionBankError

# Cho's per-1000 rate of "china" is about 24.8 (exercise 02.3), Yang's about 23.8
RATE = {"id": "rate", "type": "numeric", "prompt": "Cho's rate?", "answer": 24.8, "tolerance": 0.1, "cites": [],
        "mistakes": [{"value": 751, "feedback": "That is a word processor's count of words."},
                     {"id": "yang-rate", "range": [23.5, 24.2], "feedback": "That is Yang's rate; the question asks for Cho's."}],
        "hints": ["Use kit.frequencies(corpus['cho']).", "Look at the per_1000 column."]}


def q(**fields):
    base = {"id": "q", "prompt": "Prompt?", "cites": []}
    return parse_bank({"id": "t", "questions": [{**base, **fields}]}, source="t.yaml").questions[0]


def test_each_anticipated_mistake_gets_its_own_feedback():
    question = q(**RATE)
    wp, yang, other = check(question, 751), check(question, "23.8"), check(question, 30)
    assert (wp.status, wp.mistake, wp.feedback[0]) == ("incorrect", "m1", "That is a word processor's count of words.")
    assert (yang.mistake, yang.feedback[0]) == ("yang-rate", "That is Yang's rate; the question asks for Cho's.")
    assert other.mistake == "" and other.needs_hint  # no anticipated mistake: the ordered hints take over
    assert not wp.needs_hint and not yang.needs_hint


def test_numbers_with_decimal_comma_about_and_thousands():
    question = q(**RATE)
    for ok in ("24.8", "24,8", " 24,85 ", "about 24.8", "~24.8", 24.8):
        assert check(question, ok).correct, ok
    assert check(q(id="n", type="numeric", answer=25, tolerance=1), "about 25").correct
    assert check(q(id="n", type="numeric", answer=1234), "1,234").correct
    assert check(question, "24.8.1").status == "invalid"
    assert check(question, 10**400).status == "invalid"  # far too large: a hint, no exception


def test_mistake_ids_and_patterns():
    ids = q(type="sentence_ids", answer=["yang 9.1", "yang 9.4"], cites=[],
            mistakes=[{"ids": ["yang 9.1"], "feedback": "One of two."}])
    assert check(ids, "yang 9.1").feedback[0] == "One of two."
    assert check(ids, ["yang 9.4", "yang 9.1"]).correct
    mixed = check(ids, "yang 9.1, yang 9.2")  # no bank mistake: the kit says which part is right (issue 19)
    assert mixed.mistake == "auto-ids-mixed" and "Right: yang 9.1. Not part of the answer: yang 9.2." in mixed.feedback[0]
    text = q(type="text", answer="futile", mistakes=[{"pattern": "^use", "example": "useless", "feedback": "Read on: 'however'."}])
    assert check(text, "Useless").feedback[0] == "Read on: 'however'."
    assert check(text, "pointless").mistake == ""
    with pytest.raises(QuestionBankError, match=r"repeats a group that itself repeats \(like \(a\+\)\+\)"):
        q(type="text", answer="futile", mistakes=[{"pattern": "(a+)+$", "feedback": "slow"}])


def test_several_ids_in_one_answer_are_a_list():
    # exercise 01.3: Yang's "relying" sentences are yang 9.1 and yang 9.4 (read in the text)
    ex = kit.exercise("01.3")
    for ok in ("yang 9.1, yang 9.4", "yang 9.4; yang 9.1", "yang 9.1 and yang 9.4", "Yang 9.1 yang 9.4",
               ["yang 9.1", "yang 9.4"], "[yang 9.1, yang 9.4]"):
        assert check(ex, ok).correct, ok
    assert "not a full sentence id" in check(ex, "9.1, 9.4").feedback[0]


def test_united_states_as_one_key_word_answer():
    # exercise 02.6: the key words of Cho include "united" and "states" (tokens of "United States")
    ex = next(e for e in exercises.registry().values() if e.type == "multiple" and "united" in e.key)
    assert check(ex, ["united states", "allies", "chinese", "pyongyang"]).correct
    assert check(ex, "United States, allies, Chinese, Pyongyang").correct


def test_yang_dating_clue_phrasings():
    question = kit.load_bank("00_start_here").question("yang-date-clue")
    for ok in ("the Winter Olympics in Beijing", "2022 Winter Olympics", "Olympic Games", "Olympics",
               "The Beijing Winter Olympics."):
        assert check(question, ok).correct, ok
    summit = check(question, "the summit in late May")
    assert summit.mistake == "summit" and "[yang 7.1]" in summit.feedback[0]


def test_text_fields_must_be_strings_and_the_error_says_to_quote():
    bank = textwrap.dedent("""\
        id: t
        questions:
          - id: q
            type: single
            prompt: Is it?
            options:
              - {text: Sure, feedback: yes}
            answer: Sure
            cites: []
        """)
    with pytest.raises(QuestionBankError, match=r"t.yaml: question 'q', field 'feedback': must be text, but YAML "
                                                 r"read it as the bool True .* quotation marks: feedback: \"yes\""):
        parse_bank(bank, source="t.yaml")


def test_defensible_alternatives_with_their_feedback():
    question = q(type="single", options=["China", "United States", "Russia"], answer="China",
                 alternatives=[{"answer": "United States", "status": "partial",
                                "feedback": "Defensible, but the key prefers China."}])
    alt = check(question, "United States")
    assert (alt.status, alt.score, alt.feedback) == ("partial", 0.5, ("Defensible, but the key prefers China.",))
    assert check(question, "Russia").status == "incorrect"
    text = q(type="text", answer="China", alternatives=[{"answer": "U.S.", "status": "correct", "feedback": "Also."}])
    assert check(text, "us").correct and check(text, "us").feedback == ("Also.",)
    with pytest.raises(QuestionBankError, match="status must be correct or partial"):
        q(type="text", answer="x", alternatives=[{"answer": "y", "status": "maybe", "feedback": "f"}])


def test_compare_annotations_honours_also_labels():
    # reference.yaml: cho 1.1 is evidence, `also: background`
    ref = kit.reference_annotations()
    row = ref[ref.sentence_id == "cho 1.1"].iloc[0]
    assert (row.label, row.also) == ("evidence", "background")
    assert kit.compare_annotations({"cho 1.1": "background"}).agreed == 1
    assert kit.compare_annotations({"cho 1.1": "claim"}).agreed == 0


def test_attempt_numbers_continue_across_restarts_and_hints_escalate():
    question = q(**RATE)
    first = Attempts(question, quiz="t")
    assert [first.submit(v).number for v in (30, "five", 31)] == [1, 0, 2]  # invalid: not counted
    restarted = Attempts(question, quiz="t")  # a new kernel: numbers and hints come from the store
    again = restarted.submit(32)
    assert (again.number, again.hint_level, again.hint) == (3, 2, "Look at the per_1000 column.")
    df = kit.progress()
    assert list(df["attempt"]) == [1, 2, 3]
    mistake = restarted.submit(751)
    assert mistake.hint == "" and mistake.number == 4
    row = kit.progress().iloc[-1]
    assert (row["mistake"], row["feedback"]) == ("m1", "That is a word processor's count of words.")


def test_quiz_widget_numbers_from_the_store():
    box = kit.quiz("00_start_here")
    p = next(p for p in box.panels if p.q.id == "cho-excerpt")
    p.input.value = False
    p.check.click()
    box2 = kit.quiz("00_start_here")  # after a kernel restart
    p2 = next(p for p in box2.panels if p.q.id == "cho-excerpt")
    p2.input.value = True
    p2.check.click()
    assert list(kit.progress()["attempt"]) == [1, 2]


def test_surrogate_and_huge_integer_answers_get_a_hint_and_skip_no_number():
    question = q(type="text", answer="futile")
    tries = Attempts(question, quiz="t")
    bad = tries.submit("futile \udc80")
    assert bad.result.status == "invalid" and "broken character" in bad.result.feedback[0] and bad.number == 0
    huge = tries.submit(10**5000)
    assert huge.result.status == "invalid" and "too large" in huge.result.feedback[0]
    assert tries.submit("futile").number == 1
    assert list(kit.progress()["attempt"]) == [1]


WRITTEN = textwrap.dedent("""\
    id: 98_test
    exercises:
      - id: "98.1"
        type: written
        prompt: In two sentences, what does Cho think of the wedge strategy?
        model_answer: Cho thinks it "would be futile" [cho 3.2].
        checklist: [names the strategy, gives Cho's judgment, cites a sentence]
        cites: [cho 3.2]
    """)


@pytest.fixture
def written(monkeypatch):
    registry = exercises.build_registry([("tests/98_test.yaml", WRITTEN)])
    monkeypatch.setattr(exercises, "registry", lambda *, corpus=None: registry)


def test_written_exercise_saves_text_shows_model_answer_and_self_assessment(written, capsys):
    result = kit.check_exercise("98.1", "Cho says driving a wedge is futile [cho 3.2].")
    out = capsys.readouterr().out
    assert result.status == "written" and result.attempt == 1
    assert 'Cho thinks it "would be futile" [cho 3.2].' in out and "[ ] 2. gives Cho's judgment" in out
    marked = kit.self_assess("98.1", [1, 3])
    assert marked.status == "self-assessed" and marked.score == pytest.approx(2 / 3)
    df = kit.progress()
    assert list(df["status"]) == ["written", "self-assessed"]
    assert df.iloc[0]["response"] == "Cho says driving a wedge is futile [cho 3.2]."
    assert df.iloc[1]["score"] == pytest.approx(2 / 3)
    with pytest.raises(kit.InvalidArgument, match="not one of the points 1 to 3"):
        kit.self_assess("98.1", [4])


def test_checklist_widget_has_labelled_checkboxes_and_saves(written):
    from kit.widgets.checklist import self_assessment

    box = self_assessment(kit.exercise("98.1"))
    checks = [c for c in box.children if isinstance(c, W.Checkbox)]
    assert [c.description for c in checks] == ["names the strategy", "gives Cho's judgment", "cites a sentence"]
    checks[0].value = True
    next(c for c in box.children if isinstance(c, W.Button)).click()
    assert "1 of the 3 points" in box.children[-1].value
    assert kit.progress().iloc[-1]["score"] == pytest.approx(1 / 3)


def test_tries_answered_by_a_mistake_do_not_use_up_hints():
    tries = Attempts(q(**RATE), quiz="hints")
    assert tries.submit(751).hint == ""
    assert tries.submit(23.8).hint == ""
    after = tries.submit(30)
    assert (after.number, after.hint_level, after.hint) == (3, 1, "Use kit.frequencies(corpus['cho']).")
    restarted = Attempts(q(**RATE), quiz="hints").submit(31)  # counted from the store the same way
    assert (restarted.number, restarted.hint_level) == (4, 2)


def test_another_corpus_gives_its_own_documents_and_ids(tmp_path):
    from kit.corpus.documents import Corpus

    other = Corpus([kit.load_text("Rain fell all night.\n\nThe river rose by morning.", id="smith"),
                    kit.load_text("The dam held.", id="jones")])
    bank = tmp_path / "b.yaml"
    bank.write_text(textwrap.dedent("""\
        id: other
        questions:
          - id: who
            type: attribution
            prompt: Who wrote it?
            quote: river rose
            answer: smith
            cites: [smith 2.1]
          - id: where
            type: sentence_ids
            prompt: Which sentence says the dam held?
            answer: jones 1.1
            cites: [jones 1.1]
        """), encoding="utf-8")
    loaded = kit.load_bank(bank, corpus=other)
    who = loaded.question("who")
    assert [value for _, value in who.kind.input(who).options] == ["smith", "jones", "both", "neither"]
    assert check(who, "Smith").correct and check(who, "cho").status == "invalid"
    assert check(loaded.question("where"), "Jones 1.1").correct
    box = kit.quiz(bank, record=False, corpus=other)
    assert "Smith / Jones / both / neither" in str(box)
