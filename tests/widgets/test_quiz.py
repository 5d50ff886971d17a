"""The quiz widget, driven from Python: set .value, click Check, read the feedback."""
from __future__ import annotations

import ipywidgets as W
import pytest

import kit
from kit.errors import InvalidArgument, WrongType
from kit.widgets.quiz import QuizBox, quiz

FUTILE = "Such an effort, however, would be futile."  # cho 3.2


def panel(box: QuizBox, question_id: str):
    return next(p for p in box.panels if p.q.id == question_id)


def test_quiz_returns_a_vbox_with_one_panel_per_question():
    box = kit.quiz("00_start_here", record=False)
    assert isinstance(box, W.VBox)
    assert len(box.panels) == len(kit.load_bank("00_start_here")) == 8
    assert "Start here" in box.header.value
    kinds = {p.q.type: type(p.input) for p in box.panels}
    assert kinds["single"] is W.RadioButtons
    assert kinds["multiple"] is W.VBox and all(isinstance(c, W.Checkbox) for c in panel(box, "cho-date-clues").input.children)
    assert kinds["truefalse"] is W.RadioButtons and kinds["attribution"] is W.RadioButtons
    assert kinds["numeric"] is W.Text and kinds["text"] is W.Text
    assert all(isinstance(d, W.Dropdown) for d in panel(box, "match-ids").input.children)


def test_controls_are_labelled():
    box = quiz("00_start_here", record=False)
    for p in box.panels:
        for control in p.controls():
            assert control.description, (p.q.id, control)  # read out by screen readers
        assert p.check.description == "Check" and p.retry.description == "Try again"


def test_single_check_wrong_then_try_again_then_right():
    box = quiz("00_start_here", record=False)
    p = panel(box, "futile-sentence")
    p.input.value = "cho 2.3"
    p.check.click()
    assert "Not quite." in p.feedback.value
    assert "cho 2.3 is paragraph 2, sentence 3" in p.feedback.value  # per-option feedback
    assert FUTILE not in p.feedback.value  # no explanation or answer yet
    assert p.count.value == "Attempts: 1"
    assert p.check.disabled and p.input.disabled and not p.retry.disabled
    p.retry.click()
    assert p.feedback.value == "" and not p.check.disabled and not p.input.disabled
    p.input.value = "cho 3.2"
    p.check.click()
    assert "Correct!" in p.feedback.value
    assert f"<strong>[cho 3.2]</strong> {FUTILE}" in p.feedback.value  # the cited sentence is quoted
    assert "Ids read document, paragraph, sentence" in p.feedback.value  # explanation
    assert p.count.value == "Attempts: 2"
    assert p.retry.disabled
    assert "Score: 1 / 8" in box.score_html.value


def test_no_choice_is_a_hint_not_an_attempt():
    box = quiz("00_start_here", record=False)
    p = panel(box, "futile-sentence")
    p.check.click()
    assert "Not an answer yet" in p.feedback.value and "choose one of the options" in p.feedback.value
    assert p.count.value == "Attempts: 0"
    assert not p.check.disabled  # can answer straight away


def test_numeric_text_box_with_words_gets_friendly_hint():
    box = quiz("00_start_here", record=False)
    p = panel(box, "cho-paragraph-3-sentences")
    p.input.value = "eight"
    p.check.click()
    assert "not a number" in p.feedback.value
    p.input.value = "8"  # cho 3.1 to cho 3.8
    p.check.click()
    assert "Correct!" in p.feedback.value


def tick(p, text: str) -> None:
    """Tick the checkbox labelled ``text`` (chosen by its text: the order differs per student)."""
    next(c for c in p.input.children if c.description == text).value = True


def test_multiple_partial_and_matching_and_toggles():
    box = quiz("00_start_here", record=False)
    p = panel(box, "cho-date-clues")
    tick(p, "cho 1.1")  # cho 1.1 only
    p.check.click()
    assert "Partly right." in p.feedback.value and "You found 1 of the 2" in p.feedback.value
    assert "Score: 0.5 / 8" in box.score_html.value
    p.retry.click()
    tick(p, "cho 1.5")  # + cho 1.5
    p.check.click()
    assert "Correct!" in p.feedback.value

    m = panel(box, "match-ids")
    for dropdown in m.input.children:
        dropdown.value = {"yang 7.2": "Yang, paragraph 7, sentence 2", "yang 2.1": "Yang, paragraph 2, sentence 1",
                          "cho 1.5": "Cho, paragraph 1, sentence 5"}[dropdown.description]
    m.check.click()
    assert "Correct!" in m.feedback.value

    t = panel(box, "cho-excerpt")
    t.input.value = True  # the excerpt: true
    t.check.click()
    assert "Correct!" in t.feedback.value
    a = panel(box, "who-honest-broker")
    assert "“honest broker”" in a.prompt.value
    a.input.value = "cho"
    a.check.click()
    assert "Not quite." in a.feedback.value


def test_answer_revealed_after_n_tries():
    box = quiz("00_start_here", show_answer_after=2, record=False)
    p = panel(box, "yang-date-clue")
    p.input.value = "the summit"
    p.check.click()
    assert "The answer:" not in p.feedback.value
    p.retry.click()
    p.input.value = "a party congress"
    p.check.click()
    assert "The answer:</strong> The Beijing Winter Olympics" in p.feedback.value
    assert "[yang 8.3]" in p.feedback.value  # the explanation and cited sentences come with it
    # a right answer after the reveal does not raise the score
    p.retry.click()
    p.input.value = "Beijing Winter Olympics"
    p.check.click()
    assert "Correct!" in p.feedback.value
    assert "Score: 0 / 8" in box.score_html.value


def test_never_reveal_with_none():
    box = quiz("00_start_here", show_answer_after=None, record=False)
    p = panel(box, "yang-date-clue")
    for _ in range(5):
        p.input.value = "wrong"
        p.check.click()
        p.retry.click()
    p.input.value = "wrong"
    p.check.click()
    assert "The answer:" not in p.feedback.value


def test_script_in_prompt_and_options_is_escaped():
    questions = [{"id": "x", "type": "single", "prompt": "Is <script>alert(1)</script> **bold**?", "cites": [],
                  "options": [{"text": "<script>bad()</script>", "feedback": "<img src=x onerror=alert(2)>"},
                              {"text": "fine"}],
                  "answer": "fine", "explanation": "<b>not bold</b>"}]
    box = quiz(questions, record=False, show_answer_after=1)
    p = box.panels[0]
    assert "<script>" not in p.prompt.value and "&lt;script&gt;alert(1)&lt;/script&gt;" in p.prompt.value
    assert "<strong>bold</strong>" in p.prompt.value
    assert "<script>bad()</script>" in p.input.options  # shown as plain text by RadioButtons
    p.input.value = "<script>bad()</script>"
    p.check.click()
    assert "<img" not in p.feedback.value and "&lt;img src=x onerror=alert(2)&gt;" in p.feedback.value
    assert "&lt;b&gt;not bold&lt;/b&gt;" in p.feedback.value  # revealed explanation, escaped
    bundle = box._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(data) == {"text/plain", "application/vnd.jupyter.widget-view+json"}  # no HTML form of the text


def test_attempts_are_recorded(tmp_path):
    box = quiz("00_start_here")  # record=True by default; KIT_PROGRESS_DIR is a tmp dir in tests
    p = panel(box, "cho-excerpt")
    p.input.value = False
    p.check.click()
    p.retry.click()
    p.input.value = True
    p.check.click()
    p.retry.click()  # disabled after a right answer: nothing happens
    df = kit.progress()
    assert list(df["question"]) == ["cho-excerpt", "cho-excerpt"]
    assert list(df["quiz"]) == ["00_start_here"] * 2
    assert list(df["status"]) == ["incorrect", "correct"]
    assert list(df["attempt"]) == [1, 2]
    assert list(df["response"]) == ["false", "true"]
    assert (df["kind"] == "quiz").all()


def test_invalid_responses_are_not_recorded():
    box = quiz("00_start_here")
    panel(box, "cho-paragraph-3-sentences").check.click()
    assert kit.progress().empty


def test_store_failure_is_shown_not_raised(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(blocker / "sub"))
    box = quiz("00_start_here")
    p = panel(box, "cho-excerpt")
    p.input.value = True
    p.check.click()
    assert "Correct!" in p.feedback.value
    assert "could not be saved" in p.feedback.value


def test_error_in_handler_is_shown_in_the_widget():
    questions = [{"id": "broken", "type": "numeric", "prompt": "How many?", "cites": [],
                  "compute": {"call": "sentences", "args": {"doc": "@cho"}, "where": {"nothing": 1}, "take": "rows"}}]
    box = quiz(questions, record=False)
    p = box.panels[0]
    p.input.value = "3"
    p.check.click()
    assert "<strong>Error:</strong>" in p.feedback.value and "`where:` column 'nothing'" in p.feedback.value


def test_text_version_without_front_end():
    box = quiz("00_start_here", record=False)
    text = str(box)
    assert text.startswith("Quiz: Start here: ids and sources (8 questions)")
    assert "   ( ) cho 3.2" in text and "   [ ] cho 1.5" in text
    assert '"honest broker"  ->  Cho / Yang / both / neither' in text
    assert "   yang 7.2  ->  ?" in text
    assert repr(box) == text
    bundle = box._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/plain"] == text  # what nbconvert --to markdown/text shows
    assert "application/vnd.jupyter.widget-view+json" in data


def test_quiz_accepts_questions_and_bank_objects():
    bank = kit.load_bank("00_start_here")
    assert len(quiz(bank, record=False).panels) == 8
    assert len(quiz(bank.questions[:2], record=False).panels) == 2
    assert len(quiz(bank.questions[0], record=False).panels) == 1
    with pytest.raises(WrongType):
        quiz([1, 2], record=False)


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_show_answer_after_must_be_positive_int(bad):
    with pytest.raises(InvalidArgument, match="show_answer_after"):
        quiz("00_start_here", show_answer_after=bad, record=False)


def test_widget_shows_the_mistake_feedback_then_the_ordered_hints():
    questions = [{"id": "rate", "type": "numeric", "prompt": "Cho's rate of china per 1,000 words?",
                  "answer": 24.8, "tolerance": 0.1, "cites": [],
                  "mistakes": [{"range": [23.5, 24.2], "feedback": "That is Yang's rate."}],
                  "hints": ["Use kit.frequencies.", "Look at per_1000."]}]
    box = quiz(questions, record=False)
    p = box.panels[0]
    p.input.value = "23,8"
    p.check.click()
    assert "That is Yang&#x27;s rate." in p.feedback.value or "That is Yang's rate." in p.feedback.value
    assert "Hint" not in p.feedback.value  # the mistake's own feedback, not a generic hint
    p.retry.click()
    p.input.value = "30"
    p.check.click()
    assert "Hint 1 of 2:</strong> Use kit.frequencies." in p.feedback.value  # the first unaddressed try
    p.retry.click()
    p.input.value = "24,8"
    p.check.click()
    assert "Correct!" in p.feedback.value and box.panels[0].attempts == 3
