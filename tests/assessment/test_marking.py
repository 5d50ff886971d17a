"""kit.assessment: bank validation (every error), check() for every type, computed keys, CLI."""
from __future__ import annotations

import textwrap

import pytest

import kit
from kit.__main__ import main as cli
from kit.display.html import markdown_html
from kit.assessment import (answer_key, check, compute_answer, format_answer, load_bank,
                            normalise_answer, parse_bank)
from kit.errors import QuestionBankError, TextNotFound, UnknownQuestion, WrongType

FUTILE = "Such an effort, however, would be futile."  # cho 3.2, read from the text


def q(**fields):
    """One validated question from a dict (bank format)."""
    base = {"id": "q", "prompt": "Prompt?", "cites": []}
    base.update(fields)
    return parse_bank({"id": "t", "title": "T", "questions": [base]}, source="test.yaml").questions[0]


def bank_error(*questions, match: str):
    questions = [{"prompt": "P", "cites": [], **question} for question in questions]
    with pytest.raises(QuestionBankError, match=match) as info:
        parse_bank({"id": "t", "questions": questions}, source="test.yaml")
    return str(info.value)


SINGLE = dict(type="single", cites=["cho 3.2"],
              options=[{"text": "It would be futile", "feedback": "Yes: \"would be futile\" [cho 3.2]."},
                       {"text": "It is the best strategy", "feedback": "Look again."},
                       {"text": "<script>alert(1)</script>"}],
              answer="It would be futile", explanation="Cho calls it futile [cho 3.2].")


# --- every question type --------------------------------------------------------


def test_single_correct_incorrect_and_feedback():
    question = q(**SINGLE)
    right = check(question, "It would be futile")
    assert (right.status, right.score, right.correct) == ("correct", 1.0, True)
    assert right.feedback == ('Yes: "would be futile" [cho 3.2].',)
    assert right.citations == (("cho 3.2", FUTILE),)  # id and text, so the widget can quote it
    wrong = check(question, "It is the best strategy")
    assert (wrong.status, wrong.score, wrong.feedback) == ("incorrect", 0.0, ("Look again.",))
    # case and spacing of an option do not matter
    assert check(question, "  it would be   FUTILE ").correct


@pytest.mark.parametrize("response", [3, 2.5, None, ..., "", "   ", "Not an option", ["It would be futile"]])
def test_single_wrong_typed_response_is_invalid_not_exception(response):
    result = check(q(**SINGLE), response)
    assert result.status == "invalid"
    assert result.score == 0.0
    assert "choose one of the options" in result.feedback[0]


def test_single_option_match_keeps_punctuation_apart():
    # "cho 32" and "cho 3.2" must stay different options
    question = q(type="single", options=["cho 3.2", "cho 32"], answer="cho 3.2")
    assert check(question, "cho 3.2").correct
    assert check(question, "cho 32").status == "incorrect"


MULTI = dict(type="multiple", options=[{"text": "cho 1.1", "feedback": "Yes, 'last month'."},
                                       {"text": "cho 1.5", "feedback": "Yes, 'in June'."},
                                       {"text": "cho 3.2", "feedback": "No time clue."},
                                       {"text": "cho 3.4"}],
             answer=["cho 1.1", "cho 1.5"])


def test_multiple_correct_partial_incorrect():
    question = q(**MULTI)
    assert check(question, ["cho 1.5", "cho 1.1"]).status == "correct"
    assert check(question, {"cho 1.1", "cho 1.5"}).correct  # a set is fine too
    half = check(question, ["cho 1.1"])
    assert (half.status, half.score) == ("partial", 0.5)
    assert half.feedback[0] == "You found 1 of the 2 right options."
    mixed = check(question, ["cho 1.1", "cho 1.5", "cho 3.2"])
    assert mixed.status == "partial"
    assert mixed.score == pytest.approx(0.5)  # (2 right - 1 wrong) / 2
    assert "1 of your choices is not right" in mixed.feedback[0]
    assert "No time clue." in mixed.feedback
    none_right = check(question, ["cho 3.2", "cho 3.4"])
    assert (none_right.status, none_right.score) == ("incorrect", 0.0)
    assert check(question, "cho 1.1").status == "partial"  # one string = one choice


@pytest.mark.parametrize("response", [[], [1, 2], 5, ["cho 9.9"], None])
def test_multiple_invalid(response):
    assert check(q(**MULTI), response).status == "invalid"


def test_truefalse():
    question = q(type="truefalse", answer=False)
    assert check(question, False).correct
    assert check(question, True).status == "incorrect"
    assert check(question, "false").correct  # typed text is understood
    assert check(question, " No ").correct
    for bad in (0, 1, "maybe", None, 2.0):
        assert check(question, bad).status == "invalid", bad


def test_numeric_with_tolerance_and_strings():
    question = q(type="numeric", answer=8)
    assert check(question, 8).correct
    assert check(question, 8.0).correct
    assert check(question, " 8 ").correct  # from a text box
    too_low = check(question, 7)
    assert (too_low.status, too_low.feedback) == ("incorrect", ("Too low.",))
    assert check(question, 9).feedback == ("Too high.",)
    loose = q(type="numeric", answer=0.62, tolerance=0.01)
    assert check(loose, 0.615).correct
    assert check(loose, 0.60).status == "incorrect"
    assert check(q(type="numeric", answer=1000), "1,000").correct


@pytest.mark.parametrize("response", ["five", True, None, float("nan"), "", [8], {"n": 8}])
def test_numeric_invalid(response):
    result = check(q(type="numeric", answer=8), response)
    assert result.status == "invalid"
    assert result.feedback  # a hint is given


def test_text_normalised_for_case_space_punctuation_apostrophes():
    question = q(type="text", answer=["honest broker", "China's role"])
    for ok in ("Honest broker", "  honest   BROKER. ", '"honest broker"', "China’s role", "chinas role"):
        assert check(question, ok).correct, ok
    assert check(question, "dishonest broker").status == "incorrect"
    assert check(question, "?!").status == "invalid"  # no words
    assert check(question, ["honest broker"]).correct  # a one-item list is read as its item
    assert check(question, ["honest broker", "x"]).status == "invalid"
    assert check(q(type="text", answer="long-term"), "long term").correct  # hyphen as space


def test_matching_correct_partial_incorrect_invalid():
    question = q(type="matching", answer={"yang 7.2": "Yang, paragraph 7, sentence 2",
                                          "cho 1.5": "Cho, paragraph 1, sentence 5",
                                          "yang 2.1": "Yang, paragraph 2, sentence 1"})
    right = {"yang 7.2": "Yang, paragraph 7, sentence 2", "cho 1.5": "Cho, paragraph 1, sentence 5",
             "yang 2.1": "Yang, paragraph 2, sentence 1"}
    assert check(question, right).correct
    swapped = dict(right, **{"yang 7.2": "Yang, paragraph 2, sentence 1", "yang 2.1": "Yang, paragraph 7, sentence 2"})
    part = check(question, swapped)
    assert (part.status, part.score) == ("partial", pytest.approx(1 / 3))
    assert "1 of 3 matches are right" in part.feedback[0] and "'yang 7.2'" in part.feedback[0]
    all_wrong = {"yang 7.2": "Cho, paragraph 1, sentence 5", "cho 1.5": "Yang, paragraph 2, sentence 1",
                 "yang 2.1": "Yang, paragraph 7, sentence 2"}
    assert check(question, all_wrong).status == "incorrect"
    assert check(question, dict(right, **{"cho 1.5": None})).status == "invalid"  # a dropdown left empty
    assert check(question, dict(right, **{"cho 1.5": "Somewhere else"})).status == "invalid"
    assert check(question, ["a", "b"]).status == "invalid"


def test_attribution():
    question = q(type="attribution", quote="honest broker", answer="yang", cites=["yang 8.2"])
    assert check(question, "yang").correct
    assert check(question, "Yang").correct
    assert check(question, "cho").status == "incorrect"
    assert check(question, "Moon").status == "invalid"
    assert check(question, 1).status == "invalid"


def test_attribution_both_and_neither_validate_against_texts():
    # "North Korea" is in cho 3.3 ("North Korea is overwhelmingly reliant on China")
    # and in yang 9.1 ("North Korea may be very aware ...")
    both = q(type="attribution", quote="North Korea", answer="both", cites=["cho 3.3", "yang 9.1"])
    assert check(both, "both").correct
    neither = q(type="attribution", quote="axis of evil", answer="neither")
    assert check(neither, "neither").correct


def test_result_str_is_readable():
    result = check(q(**SINGLE), "It would be futile")
    text = str(result)
    assert text.startswith("Correct!")
    assert f'[cho 3.2] "{FUTILE}"' in text
    assert str(check(q(**SINGLE), "It is the best strategy")).startswith("Not quite.")


def test_check_rejects_non_question():
    with pytest.raises(WrongType, match="takes a question from load_bank"):
        check({"id": "x"}, "a")


def test_normalise_answer():
    # case, spacing, punctuation, apostrophe style, articles and simple plurals aside
    assert normalise_answer("  The ‘Honest  Broker’! ") == "honest broker"
    assert normalise_answer("ROK-U.S.-Japan") == "rok us japan"
    assert normalise_answer("China’s") == normalise_answer("China's") == normalise_answer("China") == "china"
    assert normalise_answer("the Olympics") == normalise_answer("an Olympic") == "olympic"
    assert normalise_answer("policies") == "policy" and normalise_answer("class") == "class"
    assert normalise_answer("the") == "the"  # an answer that is only an article keeps it


def test_markdown_html_escapes_everything_but_simple_formatting():
    out = markdown_html('**bold** *it* `x<y` <img src=x onerror=alert(1)> "q"\n\nnext')
    assert "<img" not in out and "&lt;img" in out
    assert "<strong>bold</strong>" in out and "<em>it</em>" in out and "<code>x&lt;y</code>" in out
    assert out.count("<p>") == 2


# --- validation errors: file, question id and field are named -------------------


def test_unknown_type():
    msg = bank_error({"id": "a", "type": "essay", "prompt": "P", "cites": []}, match="unknown type 'essay'")
    assert msg.startswith("test.yaml: question 'a', field 'type'")


def test_missing_answer():
    bank_error({"id": "a", "type": "truefalse", "prompt": "P", "cites": []},
               match=r"question 'a', field 'answer': missing")
    bank_error({"id": "b", "type": "numeric", "prompt": "P", "cites": []},
               match=r"field 'answer': missing; a numeric question needs `answer:` \(or `compute:`\)")


def test_answer_not_among_options():
    bank_error(dict(SINGLE, id="a", answer="It is futile"),
               match=r"question 'a', field 'answer': 'It is futile' is not among the options")
    bank_error(dict(MULTI, id="m", prompt="P", cites=[], answer=["cho 1.1", "cho 2.2"]),
               match=r"question 'm', field 'answer': 'cho 2.2' is not among the options")


def test_duplicate_ids():
    one = dict(SINGLE, id="dup", prompt="P")
    bank_error(one, dict(one), match=r"question 'dup', field 'id': duplicate id")


def test_unknown_sentence_id():
    bank_error(dict(SINGLE, id="a", prompt="P", cites=["cho 9.9"]),
               match=r"question 'a', field 'cites': unknown sentence id 'cho 9.9'")
    bank_error(dict(SINGLE, id="b", prompt="P", cites=["moon 1.1"]), match=r"field 'cites': unknown sentence id")


def test_empty_options():
    bank_error(dict(SINGLE, id="a", prompt="P", options=[]), match=r"question 'a', field 'options': missing or empty")
    bank_error(dict(SINGLE, id="b", prompt="P", options=[{"feedback": "no text"}]), match=r"field 'options'")
    bank_error(dict(SINGLE, id="c", prompt="P", options=["x", "x"], answer="x"), match="listed twice")


def test_bad_compute_specs():
    base = {"id": "c", "type": "numeric", "prompt": "P", "cites": []}
    bank_error(dict(base, compute={"call": "eval", "args": {}}),
               match=r"question 'c', field 'compute': `call: eval` is not an analysis function a bank may call")
    bank_error(dict(base, compute={"call": "quiz"}), match="`call: quiz` is not an analysis function")  # widgets excluded
    for call in ("export_progress", "load_text", "load_bank", "answer_key"):  # read or write files
        bank_error(dict(base, compute={"call": call}), match=f"`call: {call}` reads or writes files, so a bank cannot")
    # bounded arguments: a huge window, a long string, a regex (slow patterns) and a mapping are refused
    bank_error(dict(base, compute={"call": "kwic", "args": {"doc": "@cho", "query": "x", "window": 10**6}}),
               match=r"`args: window: 1000000` is out of range; use a number up to 50")
    bank_error(dict(base, compute={"call": "kwic", "args": {"doc": "@cho", "query": "x" * 201}}),
               match=r"`args: query` is over 200 characters")
    bank_error(dict(base, compute={"call": "kwic", "args": {"doc": "@cho", "query": "(a+)+$", "regex": True}}),
               match=r"`args: regex` cannot be set from a bank")
    bank_error(dict(base, compute={"call": "kwic", "args": {"doc": "@cho", "query": {"a": 1}}}),
               match=r"`args: query` is a mapping")
    bank_error(dict(base, compute={"call": "kwic", "args": {"doc": "@cho", "qeury": "x"}}),
               match=r"`args: qeury` is not a parameter of kwic\(\)")
    bank_error(dict(base, compute={"call": "sentences", "args": {"doc": "@moon"}}),
               match=r"refers to '@moon'")
    bank_error(dict(base, compute={"call": "sentences", "take": "sum:"}), match="`take: 'sum:'` is not understood")
    bank_error(dict(base, compute={"call": "sentences", "sort": "x"}), match=r"unknown key\(s\) \['sort'\]")
    bank_error(dict(base, compute="sentences"), match="must be a mapping")
    bank_error(dict(base, compute={"call": "sentences", "args": "@cho"}), match="`args:` must be a mapping")
    bank_error(dict(base, answer=3, compute={"call": "sentences"}), match="either `answer:` or `compute:`")
    bank_error({"id": "s", "type": "single", "prompt": "P", "cites": [], "options": ["a"], "answer": "a",
                "compute": {"call": "sentences"}}, match="field 'compute': not a field of a single question")


def test_other_field_errors():
    bank_error(dict(SINGLE, id="a", prompt="P", answr="x"), match=r"field 'answr': not a field of a single")
    bank_error(dict(SINGLE, id="a", prompt=""), match=r"field 'prompt': missing or empty")
    bank_error(dict(SINGLE, prompt="P", id=None), match=r"question #1, field 'id'")
    bank_error({"id": "a", "type": "truefalse", "prompt": "P", "answer": "yes", "cites": []},
               match=r"field 'answer': must be true or false")
    bank_error({"id": "a", "type": "numeric", "prompt": "P", "answer": "8", "cites": []},
               match=r"field 'answer': must be a number")
    bank_error({"id": "a", "type": "numeric", "prompt": "P", "answer": 8, "tolerance": -1, "cites": []},
               match=r"field 'tolerance'")
    bank_error({"id": "a", "type": "matching", "prompt": "P", "answer": {"x": "y"}, "cites": []},
               match=r"field 'answer': must map each left item")
    bank_error({"id": "a", "type": "attribution", "prompt": "P", "answer": "moon", "quote": "x", "cites": []},
               match=r"field 'answer': must be one of cho, yang, both, neither")
    bank_error(dict(SINGLE, id="a", prompt="P", cites=None), match=r"field 'cites': missing")


def test_quotes_and_citations_are_checked_on_load():
    bank_error(dict(SINGLE, id="a", prompt="P", quotes=["would be useless"]),
               match=r"field 'quotes': 'would be useless' does not occur in any cited sentence \(cho 3.2\)")
    # a misquotation in the prompt: cho 3.2 says "futile", not "useless"
    bank_error(dict(SINGLE, id="b", prompt='Is it "would be useless" [cho 3.2]?'),
               match=r"question 'b', field 'prompt': quotes 'would be useless'")
    bank_error(dict(SINGLE, id="c", prompt="P", explanation="See [yang 99.1]."),
               match=r"field 'explanation': cites 'yang 99.1'")
    bank_error(dict(SINGLE, id="d", prompt="P", options=[{"text": "x", "feedback": "\"abc\" [cho 3.2]"}], answer="x"),
               match=r"field 'options': quotes 'abc'")


def test_attribution_quote_must_be_where_the_answer_says():
    base = {"id": "a", "type": "attribution", "prompt": "Who?"}
    bank_error(dict(base, quote="honest broker", answer="cho", cites=["yang 8.2"]),
               match=r"field 'quote': 'honest broker' is not in any cited cho sentence")
    bank_error(dict(base, quote="honest broker", answer="neither", cites=[]),
               match=r"field 'quote': 'honest broker' does occur in 'yang'")
    bank_error(dict(base, quote="North Korea", answer="both", cites=["cho 3.3"]),
               match="not in any cited yang sentence")
    bank_error(dict(base, answer="yang", cites=["yang 8.2"]), match=r"field 'quote': missing")


def test_bank_level_errors():
    with pytest.raises(QuestionBankError, match="non-empty list"):
        parse_bank({"id": "x", "questions": []}, source="b.yaml")
    with pytest.raises(QuestionBankError, match="unknown top-level"):
        parse_bank({"id": "x", "questions": [], "author": "me"}, source="b.yaml")
    with pytest.raises(QuestionBankError, match="a bank is a mapping"):
        parse_bank("- just\n- a list\n", source="b.yaml")


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent("""\
        id: mine
        questions:
          - id: a
            type: single
            prompt: "unclosed
            answer: x
        """), encoding="utf-8")
    with pytest.raises(QuestionBankError) as info:
        load_bank(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: YAML syntax error at line ")
    # the parser notices at the end of the file (line 7) and says the quotation began on line 5
    assert "at line 7" in msg
    assert "while scanning a quoted scalar at line 5" in msg


def test_load_bank_from_id_file_and_errors(tmp_path):
    bank = load_bank("00_start_here")
    assert bank.id == "00_start_here" and len(bank) == 8
    assert load_bank(bank) is bank
    path = tmp_path / "own.yaml"
    path.write_text("id: own\ntitle: Mine\nquestions:\n  - {id: a, type: truefalse, prompt: P, answer: true, cites: []}\n",
                    encoding="utf-8")
    own = load_bank(str(path))
    assert (own.id, own.title, [x.id for x in own]) == ("own", "Mine", ["a"])
    with pytest.raises(UnknownQuestion, match=r"no question bank 'nope'.*00_start_here"):
        load_bank("nope")
    with pytest.raises(TextNotFound, match="No question bank file"):
        load_bank(tmp_path / "missing.yaml")
    with pytest.raises(WrongType):
        load_bank(42)
    with pytest.raises(UnknownQuestion, match=r"no question 'zzz'.*futile-sentence"):
        bank.question("zzz")


# --- computed answers ------------------------------------------------------------


def test_compute_counts_rows_with_where():
    # Cho's paragraph 3 runs from cho 3.1 to cho 3.8 -> 8 sentences
    spec = {"call": "sentences", "args": {"doc": "@cho"}, "where": {"paragraph": 3}, "take": "rows"}
    assert compute_answer(spec) == 8
    # Yang's paragraphs 1 and 2 have 3 + 1 sentences (yang 1.1-1.3, yang 2.1) -> 4
    spec = {"call": "sentences", "args": {"doc": "@yang"}, "where": {"paragraph": [1, 2]}, "take": "rows"}
    assert compute_answer(spec) == 4
    # the whole corpus: 19 + 27 sentences
    assert compute_answer({"call": "sentences", "args": {"doc": "@corpus"}, "take": "rows"}) == 46


def test_compute_take_column_scalar_list_and_sum():
    one = {"call": "sentences", "args": ["@cho"], "where": {"sentence_id": "cho 3.2"}, "take": "text"}
    assert compute_answer(one) == FUTILE
    many = {"call": "sentences", "args": ["@cho"], "where": {"paragraph": 1}, "take": "sentence_id"}
    assert compute_answer(many) == ["cho 1.1", "cho 1.2", "cho 1.3", "cho 1.4", "cho 1.5"]
    # the first sentence of each of Cho's 3 paragraphs: paragraph numbers 1 + 2 + 3 = 6
    total = {"call": "sentences", "args": ["@cho"], "where": {"index": 1}, "take": "sum:paragraph"}
    assert compute_answer(total) == 6
    assert type(compute_answer(total)) is int  # numpy scalars become plain Python


def test_compute_len_of_a_list_result():
    # "Such an effort, however, would be futile." -> such, an, effort, however, would, be, futile
    spec = {"call": "tokens", "args": {"doc": FUTILE}, "take": "len"}
    assert compute_answer(spec) == 7
    assert compute_answer({"call": "tokens", "args": [FUTILE, ]}) == ["such", "an", "effort", "however",
                                                                     "would", "be", "futile"]


def test_compute_runtime_errors_are_bank_errors():
    with pytest.raises(QuestionBankError, match=r"`where:` column 'para' is not in the result"):
        compute_answer({"call": "sentences", "args": ["@cho"], "where": {"para": 1}})
    with pytest.raises(QuestionBankError, match=r"`take:` column 'count' is not in the result"):
        compute_answer({"call": "sentences", "args": ["@cho"], "take": "count"})
    with pytest.raises(QuestionBankError, match="no rows are left"):
        compute_answer({"call": "sentences", "args": ["@cho"], "where": {"paragraph": 9}, "take": "text"})
    with pytest.raises(QuestionBankError, match=r"kit.sentences\(...\) failed"):
        compute_answer({"call": "sentences", "args": {"doc": "just a string"}})
    with pytest.raises(QuestionBankError, match="`where:` needs a table"):
        compute_answer({"call": "tokens", "args": [FUTILE], "where": {"x": 1}})


def test_computed_numeric_and_text_questions():
    numeric = q(type="numeric", cites=["cho 3.1", "cho 3.8"],
                compute={"call": "sentences", "args": {"doc": "@cho"}, "where": {"paragraph": 3},
                         "take": "rows"})
    assert check(numeric, 8).correct and check(numeric, "8").correct
    assert check(numeric, 7).status == "incorrect"
    assert format_answer(numeric) == "8"
    text = q(type="text", compute={"call": "sentences", "args": ["@cho"], "where": {"sentence_id": "cho 3.2"},
                                   "take": "text"})
    assert check(text, "such an effort however would be futile").correct
    broken = q(type="numeric", compute={"call": "sentences", "args": ["@cho"], "take": "text"})
    with pytest.raises(QuestionBankError, match="not a number"):
        check(broken, 3)


# --- answer key and CLI ----------------------------------------------------------


def test_answer_key_lists_answers_and_explanations():
    key = answer_key("00_start_here")
    assert list(key.columns) == ["question", "type", "prompt", "answer", "options", "order", "explanation", "cites"]
    row = key.set_index("question").loc["cho-paragraph-3-sentences"]
    assert row["answer"] == "8"  # counted by hand: cho 3.1 ... cho 3.8
    assert key.set_index("question").loc["cho-excerpt", "answer"] == "True"
    assert len(key) == len(load_bank("00_start_here"))


def test_format_answer_for_each_type():
    assert format_answer(q(**SINGLE)) == "It would be futile"
    assert format_answer(q(**MULTI)) == "cho 1.1; cho 1.5"
    assert format_answer(q(type="truefalse", answer=True)) == "True"
    assert format_answer(q(type="numeric", answer=0.62, tolerance=0.01)) == "0.62 (± 0.01)"
    assert format_answer(q(type="text", answer=["a", "b"])) == "a / b"
    assert format_answer(q(type="matching", answer={"x": "1", "y": "2"})) == "x → 1; y → 2"
    assert format_answer(q(type="attribution", quote="honest broker", answer="yang", cites=["yang 8.2"])) == "Yang"


def test_cli_validate_ok_and_errors(tmp_path, capsys):
    assert cli(["quiz", "validate", "00_start_here"]) == 0
    assert "OK 00_start_here" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nquestions:\n  - {id: a, type: single, prompt: P, options: [x, y], answer: z, cites: []}\n",
                   encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: b\nquestions: [\n", encoding="utf-8")
    assert cli(["quiz", "validate", str(bad), str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: question 'a', field 'answer': 'z' is not among the options" in err
    assert f"{broken}: YAML syntax error at line" in err


def test_cli_key(capsys):
    assert cli(["quiz", "key", "00_start_here"]) == 0
    out = capsys.readouterr().out
    assert "futile-sentence (single): cho 3.2" in out


def test_cli_runs_as_module(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nquestions:\n  - {id: a, type: essay, prompt: P, cites: []}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kit", "quiz", "validate", str(bad)], capture_output=True,
                         text=True, cwd=str(tmp_path), env=_env_with_kit())
    assert run.returncode == 1
    assert "unknown type 'essay'" in run.stderr
    assert "Traceback" not in run.stderr


def _env_with_kit():
    import os
    from pathlib import Path

    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(kit.__file__).resolve().parents[1])
    return env
