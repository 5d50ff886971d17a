"""Hostile cases for patterns, citations and the slow paths of issue 23 (items 1, 2, 5, 10).

Each case runs in a forked child (``guard.py``): a CPU-time limit and an address space of the
kit's baseline + 200 MB.  The only acceptable outcomes are a return (for a student's answer: a
hint) or a ``KitError``: no hang, no memory blow-up, no raw exception.

Kinds of case: a student's regex too large to compile or too slow to run; a bank's mistake
pattern that backtracks; ``check_citations`` on ids written loosely, quotations with gaps
and a megabyte of hostile text; a 10 kB sentence-id or written answer; a Check with 100,000
saved attempts.
"""
from __future__ import annotations

import json
import os
import time

import pytest

from guard import assert_contained, run_guarded

import kit
from kit.assessment import check, parse_bank
from kit.corpus.patterns import (MAX_REPEAT, PATTERN_SECONDS, catastrophic, compile_pattern, matches,
                                 pattern_size)
from kit.errors import InvalidArgument, QuestionBankError


def _long_token_doc():
    return kit.load_text("Start " + "a" * 3000 + "c end. " + "x" * 40 + " done.", id="long")


# --- 1. a student's regex: too large to compile ---------------------------------------------

HUGE_PATTERNS = [
    "a{1000000000}",            # 8.4 GB at compile time before the bound (issue 23 item 2)
    "(a{1000}){1000}",          # counts multiplied out
    "a{1000000,}",
    "[a-z]{100000}",
    "(?:a|b){4294967294}",
    "a{1,1000000}",
    "((((a{10}){10}){10}){10}){10}",
    r"\w{2,99999999999999999999}",
    "a{" + "9" * 5000 + "}",    # a 5,000-digit count (no int over 4,300 digits)
    r"\p{L}{100000}",
    "(?:x{999}){999}",
    "x" * 600,                  # over the pattern length
    "(" * 300 + "a" + ")" * 300,
    "[" * 400,
    "a{2,3}{2,3}{1000}",
]


@pytest.mark.parametrize("pattern", HUGE_PATTERNS, ids=range(len(HUGE_PATTERNS)))
@pytest.mark.parametrize("call", ["kwic", "highlight"])
def test_a_huge_student_regex_is_refused_before_it_is_compiled(pattern, call):
    doc = kit.load_text("a b c. aaaa bbbb.", id="t")
    outcome = assert_contained(getattr(kit, call), doc, pattern, regex=True, seconds=5)
    assert outcome.kind == "kit_error", outcome


def test_the_size_error_names_the_limit_and_the_fix():
    with pytest.raises(InvalidArgument, match=r"repeats something 1,000,000,000 times; the kit allows at most "
                                               r"1,000.*Use \+ for 'one or more'"):
        kit.kwic(kit.load_text("a b.", id="t"), "a{1000000000}", regex=True)
    assert pattern_size("a{1000}")[0] == MAX_REPEAT  # the limit itself is allowed
    compile_pattern(r"\w{2,20}(ant|ance)")


# --- 1. a student's regex: too slow to run ----------------------------------------------------

SLOW_PATTERNS = ["(a+)+b", "(a|aa)+b", "(.*a){12}b", "(x+x+)+y", "^(a|aa)+$", "(a*)*b", r"(\w+\s?)+$",
                 "(a|a?)+b", "((a+)+)+c"]


@pytest.mark.parametrize("pattern", SLOW_PATTERNS)
def test_a_backtracking_student_regex_stops_in_time(pattern):
    doc = _long_token_doc()
    outcome = assert_contained(kit.kwic, doc, pattern, regex=True, seconds=5)
    assert outcome.kind == "ok" or outcome.error == "QueryTooSlow", outcome


WILDCARDS = ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "*" * 999, "?" * 999 + "*", "*a" * 400 + "b", "a*" * 300 + "b*",
             "*-*-*-*-*-*-*-*y", "[" * 500 + "*", "*[!a]" * 100]


@pytest.mark.parametrize("query", WILDCARDS, ids=range(len(WILDCARDS)))
def test_hostile_wildcards_stay_quick(query):
    doc = kit.load_text("Start " + "a" * 3000 + "c end. " + "x-" * 2000 + " done.", id="long")
    outcome = assert_contained(kit.kwic, doc, query, seconds=5)
    assert outcome.seconds < 3, outcome


def test_matches_gives_up_after_its_time():
    slow = compile_pattern("^(a|aa)+$")
    start = time.process_time()
    assert matches(slow, "a" * 60 + "!", seconds=0.1) is False
    assert time.process_time() - start < 0.1 + PATTERN_SECONDS


# --- 1. a bank's mistake pattern ----------------------------------------------------------------

CATASTROPHIC = [
    r"(.|\s)*wedge",            # issue 23 item 1: over 10 s on a 24-word answer
    r"^(a|aa)+$",
    r"^(?:x?){30}x{30}$",
    r"(a+)+$",
    r"(\w+\s?)+x",
    r"(a|b|ab)*c",
    r"(\w|\d)+!",
    r"(?:[a-z]|[0-9a-c])+!",
    r"(\b|x)+",
    r"(x+x+)+y",
    r"(.*a){12}b",
    r"(?:the|they)+ wedge",
    r"( |\s)*futile",
    r"(?:\w*)*$",
]


def _bank_with(pattern, example="wedge"):
    return {"id": "t", "questions": [{"id": "q", "type": "text", "prompt": "Which word?", "cites": [],
                                      "answer": "futile",
                                      "mistakes": [{"pattern": pattern, "example": example, "feedback": "No."}]}]}


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_quiz_validate_refuses_a_catastrophic_pattern(pattern):
    outcome = assert_contained(parse_bank, _bank_with(pattern), source="t.yaml", seconds=5)
    assert outcome.kind == "kit_error" and outcome.error == "QuestionBankError", outcome
    assert "can take forever" in outcome.message and "Fix:" in outcome.message, outcome.message


@pytest.mark.parametrize("pattern", ["a{1000000000}", "(a{1000}){1000}", "x" * 201, 5, "(unclosed"])
def test_a_bank_pattern_too_large_or_broken_is_refused(pattern):
    outcome = assert_contained(parse_bank, _bank_with(pattern), source="t.yaml", seconds=5)
    assert outcome.error == "QuestionBankError", outcome


@pytest.mark.parametrize("pattern", [r"\bwedge\b", "futile", "^use", r"reli(ant|ance|ed|ying)", r"(?:the )?wedge",
                                     r"[\s\S]*wedge", r"(cho|yang)+", r"\p{L}+ wedge", r"wedges?"])
def test_ordinary_bank_patterns_still_pass(pattern):
    assert catastrophic(pattern) == ""
    parse_bank(_bank_with(pattern, example="use the wedge: reliant cho, futile wedges"), source="t.yaml")


def test_the_command_line_refuses_it_with_a_message(tmp_path, capsys):
    from kit.__main__ import main

    bank = tmp_path / "my_bank.yaml"
    bank.write_text("id: my_bank\ntitle: Mine\nquestions:\n  - id: q1\n    type: text\n    prompt: Which word?\n"
                    "    cites: []\n    answer: futile\n    mistakes:\n"
                    "      - {pattern: '(.|\\s)*wedge', example: 'wedge', feedback: 'No.'}\n", encoding="utf-8")
    assert main(["quiz", "validate", str(bank)]) == 1
    err = capsys.readouterr().err
    assert "can take forever to match some answers" in err and "[\\s\\S]*" in err


def _mark_with_an_unvalidated_pattern(pattern, example, answer):
    """A pattern that slipped past validation (as before this fix) still cannot stall marking."""
    import kit.assessment.banks as banks

    banks.catastrophic = lambda text: ""  # in the forked child only
    question = parse_bank(_bank_with(pattern, example), source="t.yaml").questions[0]
    start = time.process_time()
    result = check(question, answer)
    return result.status, time.process_time() - start


@pytest.mark.parametrize("pattern, example, answer", [
    (r"(.|\s)*wedge", "wedge", " ".join(["word"] * 24) + "  " * 40),
    (r"^(a|aa)+$", "aa", "a" * 60 + "!"),
    (r"^(?:x?){30}x{30}$", "x" * 30, "x" * 30 + "!"),
    (r"(a+)+$", "aa", "a" * 400 + "!"),
])
def test_marking_is_timed_even_for_a_pattern_that_slipped_through(pattern, example, answer):
    outcome = assert_contained(_mark_with_an_unvalidated_pattern, pattern, example, answer, seconds=5)
    status, seconds = eval(outcome.message, {})  # a tuple repr from the child  # noqa: S307 - test data
    assert status in ("incorrect", "correct", "partial")
    assert seconds < 2 * PATTERN_SECONDS + 0.5


# --- 5. check_citations --------------------------------------------------------------------------

WRONG_IDS = ["[ cho 9.9 ]", "[cho  9.9]", "[cho9.9]", "[cho\u00a09.9]", "[cho\t9.9]", "[cho 3.2, 9.9]",
             "[cho 3.2; 9.9]", "[cho 3.2 and 9.9]", "(cho9.9)", "( cho 9.9 )", "[Cho 9 . 9]", "[CHO 9.9]",
             "[yang 7.2, cho 9.9]", "[cho\u20039.9]", "[cho 3.2,9.9]", "[cho 3.2 & 9.9]", "[\tcho 9.9\t]"]


@pytest.mark.parametrize("text", WRONG_IDS, ids=range(len(WRONG_IDS)))
def test_a_wrong_id_written_loosely_is_reported(text):
    # cho has 4 paragraphs in the excerpt, so cho 9.9 does not exist
    outcome = assert_contained(kit.check_citations, f"Cho says so {text}.", seconds=5)
    assert "cho 9.9" in outcome.message.lower() and "does not exist" in outcome.message, outcome


@pytest.mark.parametrize("text", [
    '"… [...] would be futile" [cho 3.2]',      # cho 3.2: "Such an effort, however, would be futile."
    '"Such an effort [...] would be futile" [cho 3.2]',
    '"Such an effort […] would be futile" [cho 3.2]',
    '"[s]uch an effort" [cho 3.2]',
    '"would be futile" [ cho 3.2 ]',
    '"would be futile" [cho3.2]',
    '"would be futile" (cho\u00a03.2)',
    '"would be futile" [cho 3.1, 3.2]',
])
def test_gaps_and_loose_ids_in_a_correct_quotation_are_no_false_alarm(text):
    assert kit.check_citations(text) == []


def test_a_misquotation_with_a_loose_id_is_still_caught():
    # cho 3.2 reads "Such an effort, however, would be futile."
    assert kit.check_citations('"would be useless" [cho\t3.2]') == [
        "your text: quotes 'would be useless' but cho 3.2 does not contain it"]


@pytest.mark.parametrize("length", [41, 42, 60, 120])
def test_long_document_ids_are_checked(tmp_path, length):
    from kit.classroom.course_new import new_course

    name = ("north-korea_china_" * 10)[:length].strip("_-")
    (tmp_path / f"{name}.txt").write_text("First sentence here. Second one there.\n\nA new paragraph.\n",
                                          encoding="utf-8")
    new_course(tmp_path / "course", [tmp_path / f"{name}.txt"])
    corpus = kit.load_corpus(tmp_path / "course")
    (doc_id,) = list(corpus)
    assert len(doc_id) >= length - 1
    assert kit.check_citations(f"[{doc_id} 9.9]", corpus) == [f"your text: cites '{doc_id} 9.9', which does not exist"]
    assert kit.check_citations(f'"First sentence" [{doc_id} 1.1]', corpus) == []


HOSTILE_MEGABYTES = ['"ab" (', '"ab" [', "(", "[", '"', "[cho ", "(cho 1.1", "[cho 1.1, 1.1, 1.1",
                     '"a" [cho ', "\u201cab\u201d (", "cho 1." , "[...] ", '"x" (p. 3) [cho 3.2] ']


@pytest.mark.parametrize("unit", HOSTILE_MEGABYTES, ids=range(len(HOSTILE_MEGABYTES)))
def test_a_megabyte_of_hostile_text_is_read_in_linear_time(unit):
    text = unit * (1_000_000 // len(unit))
    outcome = assert_contained(kit.check_citations, text, seconds=3)
    assert outcome.kind == "ok" and outcome.seconds < 3, outcome


# --- 10. slow paths: long sentence-id and written answers ----------------------------------------

LONG_ANSWERS = ["a-" * 5000, "a-1" * 3333, "yang 9.1, " * 1000, "cho 1.1 " * 1250, "1.1 " * 2500,
                "cho " * 2500, "9" * 10000, "a" * 9999 + " 1.1", "_-" * 5000, "é-" * 5000, "cho" + "9" * 9990 + ".1",
                "[" * 10000, "x" * 20000, "a 1 . " * 2000]


@pytest.mark.parametrize("answer", LONG_ANSWERS, ids=range(len(LONG_ANSWERS)))
@pytest.mark.parametrize("exercise", ["01.3", "00.2"])  # a sentence-id question, a written one
def test_a_10_kb_answer_gets_a_hint_quickly(answer, exercise):
    question = kit.exercise(exercise)
    outcome = assert_contained(lambda: check(question, answer).status, seconds=2)
    # a hint for a sentence-id answer ("invalid"/"incorrect"); a written answer is kept as "written"
    assert outcome.kind == "ok" and outcome.message.strip("'") in ("invalid", "incorrect", "written"), outcome
    assert outcome.seconds < 1.0, outcome  # 3.4 s for "a-" * 5000 before the bound


# --- 10. slow paths: a Check with 100,000 saved attempts -----------------------------------------

def _log_of(path, n):
    rec = {"time": "2026-01-01T00:00:00.000+00:00", "kind": "exercise", "quiz": "01_close_reading", "question": "01.3",
           "attempt": 1, "status": "incorrect", "score": 0.0, "response": "yang 9.1", "mistake": "", "feedback": "x"}
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({**rec, "attempt": i // 2 + 1, "question": "01.3" if i % 2 else "01.1"}) + "\n")


def _three_checks(folder):
    os.environ["KIT_PROGRESS_DIR"] = str(folder)
    times = []
    for answer in ("yang 9.1", "yang 9.1, yang 9.4", "yang 9.2"):
        start = time.process_time()
        kit.check_exercise("01.3", answer)
        times.append(time.process_time() - start)
    from kit.assessment.log import attempt_history

    return times, attempt_history(quiz="01_close_reading", question="01.3", kind="exercise").last


def test_a_check_with_100k_saved_attempts_reads_only_what_is_new(tmp_path):
    _log_of(tmp_path / "progress.jsonl", 100_000)
    outcome = assert_contained(_three_checks, tmp_path, seconds=20, extra_mb=200)
    times, last = eval(outcome.message, {})  # noqa: S307 - a repr made by the child
    assert last == 50_000 + 3  # 50,000 saved attempts at 01.3, then the three Checks
    assert max(times[1:]) < 0.5, times  # 0.74 s (later 2.5 s) per Check before


def test_the_log_read_as_it_grows_sees_other_kernels_and_rewrites(tmp_path, monkeypatch):
    import subprocess
    import sys

    from kit.assessment.log import attempt_history, record_attempt

    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path))
    _log_of(tmp_path / "progress.jsonl", 1000)
    history = lambda: attempt_history(quiz="01_close_reading", question="01.3", kind="exercise")  # noqa: E731
    assert history().last == 500
    code = ("from kit.assessment.log import record_attempt as r\n"
            "for _ in range(3): r(quiz='01_close_reading', question='01.3', response='x', status='correct', kind='exercise')")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "KIT_PROGRESS_DIR": str(tmp_path)})
    assert history() == (503, 0)  # another kernel's attempts are seen; the last was right
    assert record_attempt(quiz="01_close_reading", question="01.3", response="y", status="incorrect", kind="exercise") == 504
    _log_of(tmp_path / "progress.jsonl.new", 10)
    os.replace(tmp_path / "progress.jsonl.new", tmp_path / "progress.jsonl")  # a replaced file is read again
    assert history().last == 5
    with open(tmp_path / "progress.jsonl", "r+b") as fh:  # rewritten in place, same size
        data = fh.read()
        fh.seek(0)
        fh.write(data.replace(b'"attempt": 5,', b'"attempt": 7,'))
    assert history().last == 7


def _fuzz(seed, n):
    import random

    from kit.errors import KitError

    rng = random.Random(seed)
    alphabet = list("()[]{}|*+?.^$\\-,:=!<>#Pa0 sdwbx1")
    for _ in range(n):
        pattern = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        try:
            compile_pattern(pattern)
            catastrophic(pattern)
        except KitError:
            pass
    return n


@pytest.mark.parametrize("seed", [23, 24])
def test_random_patterns_give_a_pattern_or_a_kit_error(seed):
    # the size reader must never raise on odd syntax: the regex module judges it, as a KitError
    outcome = assert_contained(_fuzz, seed, 500, seconds=10)
    assert outcome.message == "500", outcome


def _typed_into_the_explorer(query):
    from kit.widgets.reading import kwic_explorer

    box = kwic_explorer(kit.load_text("a b c. aaaa bbbb.", id="t"), query="a")
    box.regex.value = True
    box.query.value = query
    return box.status.value


@pytest.mark.parametrize("query", ["a{1000000000}", "(a{1000}){1000}", "(a+)+b", "(unclosed"])
def test_the_concordance_explorer_shows_the_error(query):
    # issue 23 item 2: the same pattern typed into the explorer reached 8.4 GB
    outcome = assert_contained(_typed_into_the_explorer, query, seconds=5)
    assert outcome.kind == "ok", outcome
    assert "regular expression" in outcome.message or "matches of" in outcome.message, outcome
