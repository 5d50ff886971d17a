"""kit.exercise / kit.check_exercise: equivalent forms, escalating hints, attempts numbered
from the store, written exercises with self-assessment, no crash on `...`."""
from __future__ import annotations

import textwrap

import pytest

import kit
from kit.assessment import exercises
from kit.errors import DataFileError, UnknownExercise

SET = textwrap.dedent("""\
    id: 99_test
    exercises:
      - id: "99.1"
        prompt: How many sentences has Cho's paragraph 3?
        type: numeric
        compute: {call: sentences, args: {doc: "@cho"}, where: {paragraph: 3}, take: rows}
        hints: [Look at the ids in paragraph 3., The last id is cho 3.8., Count cho 3.1 to cho 3.8.]
        explanation: From [cho 3.1] to [cho 3.8].
        cites: [cho 3.1, cho 3.8]
      - id: "99.2"
        prompt: What does Cho call the wedge strategy? One word.
        type: text
        answer: futile
        aliases: [pointless]
        hints: [Read paragraph 3., Sentence 2.]
        explanation: '"Such an effort, however, would be futile" [cho 3.2].'
        cites: [cho 3.2]
        quotes: [would be futile]
      - id: "99.3"
        prompt: Which words start Cho's paragraph 1, in order? Give the first three tokens.
        type: multiple
        ordered: true
        answer: [last, month, the]
        hints: [Use kit.tokens.]
        cites: []
      - id: "99.4"
        prompt: Which of the two documents have 'cho' or 'yang' ids? A set.
        type: multiple
        answer: [cho, yang]
        hints: [list(corpus).]
        cites: []
      - id: "99.5"
        prompt: Which sentences date Cho's text?
        type: sentence_ids
        answer: [cho 1.1, cho 1.5]
        hints: [Look for months., '"Last month" and "In June".', Paragraph 1, sentences 1 and 5.]
        cites: []
      - id: "99.6"
        prompt: Is the wedge strategy futile, wise or untested according to Cho?
        type: single
        options: [futile, wise, untested]
        answer: futile
        hints: [See cho 3.2.]
        cites: []
      - id: "99.7"
        prompt: Paragraphs per document, as a dictionary.
        type: matching
        answer: {cho: 3, yang: 10}
        hints: [len(doc.paragraphs).]
        cites: []
      - id: "99.8"
        prompt: The sentence ids of Cho's paragraph 1.
        type: sentence_ids
        compute: {call: sentences, args: ["@cho"], where: {paragraph: 1}, take: sentence_id}
        hints: [Five of them.]
        cites: []
    """)


@pytest.fixture(autouse=True)
def test_set(monkeypatch):
    registry = exercises.build_registry([("tests/99_test.yaml", SET)])
    monkeypatch.setattr(exercises, "registry", lambda *, corpus=None: registry)
    return registry


def test_not_answered_yet_does_not_raise(capsys):
    for empty in (..., None, "", "   "):
        result = kit.check_exercise("99.1", empty)
        assert result.status == "not answered"
    assert capsys.readouterr().out.count("not answered yet") == 4
    assert kit.progress().empty  # nothing recorded


def test_hints_escalate_and_never_show_the_answer(capsys):
    # paragraph 3 of Cho: cho 3.1 ... cho 3.8 -> 8 sentences
    first = kit.check_exercise("99.1", 7)
    assert (first.status, first.hint) == ("incorrect", 1)
    assert first.message == "Not yet. Too low. Hint 1 of 3: Look at the ids in paragraph 3."
    assert "8" not in first.message
    assert kit.check_exercise("99.1", 9).hint == 2
    third = kit.check_exercise("99.1", 6)
    assert third.hint == 3 and "Hint 3 of 3, the last one: Count cho 3.1 to cho 3.8." in third.message
    assert kit.check_exercise("99.1", 5).hint == 3  # stays at the last hint
    right = kit.check_exercise("99.1", 8)
    assert right.correct and right.attempt == 5
    assert right.message.startswith("Correct!")
    assert '[cho 3.8] "Working together to restrain the North Korean regime is the best way to achieve it."' in right.message
    printed = capsys.readouterr().out
    assert printed.count("Not yet.") == 4 and "Correct!" in printed
    # a new wrong try after a right answer starts the hints again
    assert kit.check_exercise("99.1", 1).hint == 1


def test_wrong_type_gets_friendly_hint_not_a_hint_step():
    result = kit.check_exercise("99.1", "eight")
    assert result.status == "invalid" and "not a number" in result.message
    assert kit.check_exercise("99.1", 7).hint == 1  # the invalid try did not use up a hint
    assert kit.check_exercise("99.1", [8]).status == "invalid"


def test_number_forms():
    import numpy as np

    for ok in (8, 8.0, "8", np.int64(8)):
        assert kit.check_exercise("99.1", ok).correct, ok
    assert not kit.check_exercise("99.1", True).correct


def test_text_equivalent_forms_and_accept():
    for ok in ("futile", "Futile.", "  FUTILE ", "pointless", '"futile"'):
        assert kit.check_exercise("99.2", ok).correct, ok
    assert kit.check_exercise("99.2", "wise").status == "incorrect"
    assert kit.check_exercise("99.2", 5).status == "incorrect"  # a number is read as text
    assert kit.check_exercise("99.2", {"a": 1}).status == "invalid"


def test_list_order_matters_set_does_not():
    assert kit.check_exercise("99.3", ["Last", "month", "the"]).correct
    wrong_order = kit.check_exercise("99.3", ["month", "last", "the"])
    assert wrong_order.status == "incorrect" and "not in the right order" in wrong_order.message
    assert kit.check_exercise("99.4", {"yang", "cho"}).correct
    assert kit.check_exercise("99.4", ("Cho", "Yang")).correct
    half = kit.check_exercise("99.4", ["cho"])
    assert (half.status, half.score) == ("partial", 0.5) and "You found 1 of the 2" in half.message
    assert kit.check_exercise("99.4", "cho, yang").correct  # a string of items separated by commas


def test_sentence_ids_need_full_ids_spacing_and_case_aside():
    assert kit.check_exercise("99.5", ["Cho 1.5", "cho  1.1"]).correct
    assert kit.check_exercise("99.5", ["cho 1.1"]).status == "incorrect"
    short = kit.check_exercise("99.5", ["1.1", "1.5"])
    assert short.status == "invalid" and "not a full sentence id" in short.message
    unknown = kit.check_exercise("99.5", ["cho 1.1", "cho 9.9"])
    assert unknown.status == "incorrect"  # a well-formed id that is not the answer
    # computed: Cho's paragraph 1 has cho 1.1 ... cho 1.5
    assert kit.check_exercise("99.8", ["cho 1.1", "cho 1.2", "cho 1.3", "cho 1.4", "cho 1.5"]).correct
    import pandas as pd

    assert kit.check_exercise("99.8", pd.Series(["cho 1.5", "cho 1.4", "cho 1.3", "cho 1.2", "cho 1.1"])).correct


def _letters(exercise_id: str) -> dict[str, str]:
    """Option text -> its letter in the order this student is shown (kit.assessment.order)."""
    from kit.assessment.order import shuffled_options

    return {o.text: chr(97 + i) for i, o in enumerate(shuffled_options(kit.exercise(exercise_id)))}


def test_choice_by_text_or_letter():
    assert kit.check_exercise("99.6", "Futile").correct
    letter = _letters("99.6")
    assert kit.check_exercise("99.6", letter["futile"]).correct  # the letter shown beside "futile"
    assert kit.check_exercise("99.6", letter["wise"]).status == "incorrect"
    assert f"  {letter['futile']}) futile" in str(kit.exercise("99.6"))


def test_letters_follow_each_students_order(tmp_path, monkeypatch):
    for student in ("ann", "bob", "cy", "dee"):  # four stores, four learner ids, each with its own order
        monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / student))
        letter = _letters("99.6")
        assert str(kit.exercise("99.6")).count(f"  {letter['futile']}) futile") == 1
        assert kit.check_exercise("99.6", letter["futile"]).correct
        assert kit.check_exercise("99.6", letter["untested"]).status == "incorrect"


def test_a_letter_is_saved_as_the_option_it_named():
    letter = _letters("99.6")
    kit.check_exercise("99.6", letter["wise"])
    kit.check_exercise("99.6", letter["futile"])
    assert list(kit.progress()["response"]) == ["wise", "futile"]  # readable in another student's order too


def test_mapping():
    # cho: 3 paragraphs; yang: 10 (counted in the texts)
    assert kit.check_exercise("99.7", {"Cho": 3, "yang": 10.0}).correct
    assert kit.check_exercise("99.7", {"cho": 3, "yang": 9}).status == "partial"
    assert kit.check_exercise("99.7", {"cho": 2, "yang": 9}).status == "incorrect"
    assert kit.check_exercise("99.7", [3, 10]).status == "invalid"


def test_attempts_are_recorded_as_exercises():
    kit.check_exercise("99.2", "wise")
    kit.check_exercise("99.2", ...)  # not recorded
    kit.check_exercise("99.2", "futile")
    df = kit.progress()
    assert list(df["status"]) == ["incorrect", "correct"]
    assert list(df["kind"]) == ["exercise", "exercise"]
    assert list(df["quiz"]) == ["99_test", "99_test"]
    assert list(df["question"]) == ["99.2", "99.2"]
    assert list(df["attempt"]) == [1, 2]


def test_unknown_exercise_lists_known_ids():
    with pytest.raises(UnknownExercise, match=r"no exercise '42'.*'99.1'"):
        kit.check_exercise("42", 1)
    with pytest.raises(UnknownExercise, match=r"ids are strings such as"):
        kit.exercise(99.1)


def test_exercise_shows_prompt():
    ex = kit.exercise("99.6")
    assert str(ex).startswith("Exercise 99.6\nIs the wedge strategy futile")
    letter = _letters("99.6")
    assert f"  {letter['wise']}) wise" in str(ex)
    items = "".join(f"<li>{t}</li>" for t in sorted(letter, key=letter.get))  # in the order shown
    assert f'<ol type="a">{items}</ol>' in ex._repr_html_()


def test_result_display_does_not_repeat_the_printed_message(capsys):
    result = kit.check_exercise("99.2", "futile")
    capsys.readouterr()
    result._ipython_display_()
    assert capsys.readouterr().out == ""
    assert str(result).startswith("Correct!")


def _set_error(body: str, match: str):
    with pytest.raises(DataFileError, match=match):
        exercises.parse_exercise_set("id: s\nexercises:\n" + textwrap.indent(textwrap.dedent(body), "  "),
                                     source="s.yaml")


def test_exercise_set_validation():
    _set_error("- {id: 1.5, prompt: P, type: numeric, answer: 1, cites: []}\n",
               r"s.yaml: question 1.5, field 'id': must be text such as")
    base = "- {id: 'a', prompt: P, cites: [], %s}\n"
    _set_error(base % "type: essay, answer: 1", r"field 'type': unknown type 'essay'")
    _set_error(base % "type: numeric", r"field 'answer': missing")
    _set_error(base % "type: numeric, answer: 'five'", r"field 'answer': must be a number")
    _set_error(base % "type: single, options: [x, y], answer: z", r"'z' is not among the options")
    _set_error(base % "type: sentence_ids, answer: [cho 9.9]", r"field 'answer': .*cho 9.9")
    _set_error(base % "type: numeric, compute: {call: eval}", r"field 'compute': `call: eval` is not an analysis")
    _set_error("- {id: 'a', prompt: P, type: numeric, answer: 1, cites: [cho 0.1]}\n",
               r"field 'cites': unknown sentence id")
    _set_error(base % "type: numeric, answer: 1, expected: 2", r"field 'expected': not a field")
    _set_error(base % "type: numeric, answer: 1, hints: ['\"so futile\" [cho 3.2]']", r"field 'hints': quotes 'so futile'")
    _set_error(base % "type: text, answer: x, hints: [yes]", r"field 'hints': each item must be text, not True")
    with pytest.raises(DataFileError, match="also used in"):
        exercises.build_registry([("a.yaml", SET), ("b.yaml", SET)])
    with pytest.raises(DataFileError, match="YAML syntax error at line"):
        exercises.parse_exercise_set("id: s\nexercises: [\n", source="s.yaml")
