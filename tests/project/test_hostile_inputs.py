"""Hostile and careless inputs to courses, answers and public calls (issue 23 items 4, 8, 11,
13 and part of 14), each risky call run guarded (tests/project/guard.py: a forked child with a
time and a memory limit of baseline + 200 MB): it may return or raise a ``kit.KitError``, and
a student's answer of any type gets a hint (status ``invalid``), never an exception.

* item 4: a course text edited in the same kernel is read again; a changed text whose
  ``sha256`` is set is a DataFileError;
* item 8: course.yaml, argument maps, comparisons and reference.yaml go through the strict
  reader (alias bomb, repeated keys, deep nesting, malformed reference labels); a FIFO in a
  course's quizzes/ does not hang ``course validate``;
* item 11: lists and dicts that contain themselves or nest 100,000 deep, objects whose
  str/repr/float raise, against every one of the 9 question types;
* item 13: every public function of ``kit.__all__``, each parameter given None, an int, a
  float, a list, a dict, bytes, a DataFrame, a 5,001-digit int, nan, inf, "" and an object
  whose str raises (the quick suite runs the 5,001-digit int for every parameter; ``-m slow``
  runs all 12 values; calls still open in other helpers' modules are listed in
  hostile_inputs_open.txt and marked xfail);
* item 14: ``keyness(cho, [yang, yang])``, a bank mistake citing a sentence that does not
  exist, a disabled Check button's ``click()``, an attempt of ``1e20`` in a student's CSV.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from guard import assert_contained, run_guarded

import kit
from kit.assessment.banks import parse_bank
from kit.corpus.course import built_in_folder

sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))


# --- helpers ------------------------------------------------------------------------------


def course_copy(tmp_path: Path) -> Path:
    """A copy of the kit's own course (course.yaml with sha256, texts, maps, reference labels)."""
    folder = tmp_path / "course"
    shutil.copytree(Path(str(built_in_folder())), folder)
    return folder


class Unprintable:
    """An object whose str, repr, format and float all raise."""

    def __str__(self):
        raise RuntimeError("str")

    __repr__ = __str__

    def __format__(self, spec):
        raise RuntimeError("format")

    def __float__(self):
        raise RuntimeError("float")


class BadFloat(float):
    def __float__(self):
        raise RuntimeError("float")

    def __repr__(self):
        raise RuntimeError("repr")


class BadLen(list):
    def __len__(self):
        raise RuntimeError("len")

    def __iter__(self):
        raise RuntimeError("iter")


class BadStrSub(str):
    def __str__(self):
        raise RuntimeError("str")

    __repr__ = __str__


def _self_list():
    a = []
    a.append(a)
    return a


def _self_dict():
    d = {}
    d["a"] = d
    return d


def _deep(n=100_000, make=lambda x: [x]):
    out = []
    for _ in range(n):
        out = make(out)
    return out


# --- item 4: stale course text ------------------------------------------------------------


def test_an_edited_text_is_read_again_in_the_same_kernel(tmp_path):
    folder = course_copy(tmp_path)
    text = folder / "texts" / "cho.txt"
    # cho 1.1 begins "Last month, the White House confirmed" (kit/data/texts/cho.txt, body line 1)
    assert kit.load_corpus(folder)["cho"].sentence("cho 1.1").text.startswith("Last month")
    course = folder / "course.yaml"
    course.write_text(re.sub(r"\n\s*sha256: [0-9a-f]+", "", course.read_text()))  # no sha256: edits allowed
    text.write_text(text.read_text().replace("Last month, the White House", "Last year, the White House"))
    assert kit.load_corpus(folder)["cho"].sentence("cho 1.1").text.startswith("Last year")


def test_a_changed_text_with_sha256_set_is_caught(tmp_path):
    folder = course_copy(tmp_path)
    assert len(kit.load_corpus(folder)) == 2  # cached once, before the edit
    text = folder / "texts" / "yang.txt"
    text.write_text(text.read_text() + "\nOne more line.\n")
    with pytest.raises(kit.errors.DataFileError, match=r"texts/yang.txt has changed since the course was made"):
        kit.load_corpus(folder)


def test_a_text_edited_to_the_same_size_is_read_again(tmp_path):
    folder = course_copy(tmp_path)
    course = folder / "course.yaml"
    course.write_text(re.sub(r"\n\s*sha256: [0-9a-f]+", "", course.read_text()))
    kit.load_corpus(folder)
    text = folder / "texts" / "cho.txt"
    old = text.read_text()
    text.write_text(old.replace("Last month", "Last MONTH"))  # same size, new content
    assert "Last MONTH" in kit.load_corpus(folder)["cho"].text


# --- item 8: course YAML through the strict reader ----------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
YAML_CASES = {
    "alias-bomb": (BOMB, r"anchors and aliases"),
    "repeated-key": ("texts: []\ntexts: []\n", r"appears twice"),
    "deep-nesting": ("a: " + "[" * 5000 + "]" * 5000 + "\n", r"nested more than \d+ levels"),
    "deep-mapping": ("".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n",
                     r"nested more than \d+ levels"),
    "not-utf8": ("caf\xe9: 1\n", r"not UTF-8"),
    "nan": ("a: .nan\n", r"not a number"),
}
COURSE_FILES = {
    "course.yaml": lambda d: kit.load_corpus(d),
    "arguments/cho.yaml": lambda d: kit.arguments(kit.load_corpus(d)["cho"]),
    "arguments/comparisons.yaml": lambda d: kit.compare_arguments(corpus=kit.load_corpus(d)),
    "annotations/reference.yaml": lambda d: kit.reference_annotations("cho", corpus=kit.load_corpus(d)),
}


@pytest.mark.parametrize("name", list(COURSE_FILES))
@pytest.mark.parametrize("case", list(YAML_CASES))
def test_course_yaml_files_are_read_strictly(tmp_path, name, case):
    folder = course_copy(tmp_path)
    content, message = YAML_CASES[case]
    data = content.encode("latin-1") if case == "not-utf8" else content.encode()
    (folder / name).write_bytes(data)
    outcome = assert_contained(COURSE_FILES[name], folder, kinds=("kit_error",))
    assert outcome.error == "DataFileError" and re.search(message, outcome.message), outcome


REFERENCE_CASES = {
    "a-list": "- 1\n- 2\n",
    "a-word": "hello\n",
    "no-labels": "annotator: me\n",
    "labels-a-number": "labels: 5\n",
    "labels-a-list": "labels:\n  - cho 1.1\n",
    "entry-a-list": "labels:\n  cho 1.1: [claim]\n",
    "no-reason": "labels:\n  cho 1.1:\n    label: claim\n",
    "unknown-label": "labels:\n  cho 1.1:\n    label: opinion\n    reason: r\n",
    "not-an-id": "labels:\n  hello:\n    label: claim\n    reason: r\n",
    "id-without-doc": "labels:\n  '1.1':\n    label: claim\n    reason: r\n",
    "numeric-key": "labels:\n  11: {label: claim, reason: r}\n",
    "bad-also": "labels:\n  cho 1.1:\n    label: claim\n    reason: r\n    also: maybe\n",
    "empty": "",
}


@pytest.mark.parametrize("case", list(REFERENCE_CASES))
def test_a_malformed_reference_file_is_a_data_file_error(tmp_path, case):
    folder = course_copy(tmp_path)
    (folder / "annotations" / "reference.yaml").write_text(REFERENCE_CASES[case])
    outcome = assert_contained(COURSE_FILES["annotations/reference.yaml"], folder, kinds=("kit_error",))
    assert outcome.error == "DataFileError", outcome
    assert "reference.yaml" in outcome.message and "kit/data/annotations/reference.yaml" in outcome.message \
        or "sentence id" in outcome.message or "is not a label" in outcome.message, outcome


@pytest.mark.parametrize("sub", ["quizzes", "exercises"])
def test_a_fifo_in_a_course_does_not_hang_course_validate(tmp_path, sub):
    folder = course_copy(tmp_path)
    os.mkfifo(folder / sub / "zz.yaml")
    outcome = assert_contained(kit.validate_course, folder, seconds=60)
    assert outcome.kind == "ok" and "zz.yaml" in outcome.message and "not a regular file" in outcome.message


def test_a_fifo_as_a_bank_path_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "bank.yaml")
    outcome = assert_contained(kit.load_bank, str(tmp_path / "bank.yaml"), kinds=("kit_error",))
    assert "not a regular file" in outcome.message


# --- item 11: answers that escape marking -------------------------------------------------

HOSTILE_ANSWERS = {  # name -> (maker, must the status be 'invalid'?)
    "self-containing list": (_self_list, True),
    "self-containing dict": (_self_dict, True),
    "list 100,000 deep": (lambda: _deep(), True),
    "dict 100,000 deep": (lambda: _deep(make=lambda x: {"k": x}), True),
    "tuple 100,000 deep": (lambda: _deep(make=lambda x: (x,)), True),
    "dict with itself as key path": (lambda: {"a": [_self_list()]}, True),
    "str raises": (Unprintable, True),
    "float raises": (lambda: BadFloat(1.5), True),
    "len raises": (lambda: BadLen([1]), True),
    "str subclass whose str raises": (lambda: BadStrSub("cho 3.2"), False),
    "list of unprintables": (lambda: [Unprintable(), Unprintable()], True),
    "dict of unprintables": (lambda: {"a": Unprintable()}, True),
    "unprintable key": (lambda: {BadFloat(2.0): "x"}, True),
    "5,001-digit int": (lambda: 10 ** 5000, True),
    "5,001-digit int in a list": (lambda: ["cho 3.2", 10 ** 5000], True),
    "a million items": (lambda: ["cho 3.2"] * 1_000_000, True),
    "ten million characters": (lambda: "a" * 10_000_000, True),
    "lone surrogate in a key": (lambda: {"\udc80": "x"}, True),
    "nan": (lambda: math.nan, False),
    "inf": (lambda: math.inf, False),
    "bytes": (lambda: b"cho 3.2", False),
    "complex": (lambda: 1j, False),
    "a type": (lambda: int, False),
    "a generator": (lambda: (x for x in range(3)), False),
    "a DataFrame": (lambda: pd.DataFrame({"a": [1]}), False),
    "an exception": (lambda: ValueError("x"), False),
}


def _one_question_per_type() -> dict:
    """The first question of each of the 9 types in the shipped quizzes and exercise sets."""
    out: dict = {}
    for bank in kit.assessment.banks.shipped_banks():
        for q in kit.load_bank(bank):
            out.setdefault(q.type, q)
    for exercise_id in ("00.1", "00.2", "01.1", "01.6", "01.8", "02.4"):
        q = kit.exercise(exercise_id)
        out.setdefault(q.type, q)
    return out


QUESTIONS = _one_question_per_type()


def test_the_table_covers_all_nine_types():
    assert sorted(QUESTIONS) == sorted(kit.assessment.types.TYPES) and len(QUESTIONS) == 9


def _status(question, make):
    return kit.check(question, make()).status


@pytest.mark.parametrize("qtype", sorted(QUESTIONS))
@pytest.mark.parametrize("answer", list(HOSTILE_ANSWERS))
def test_a_hostile_answer_gets_a_hint(qtype, answer):
    make, invalid = HOSTILE_ANSWERS[answer]
    outcome = assert_contained(_status, QUESTIONS[qtype], make, seconds=10, kinds=("ok",))
    if invalid:
        assert outcome.message == "'invalid'", outcome


def _exercise_status(exercise_id, make):
    return kit.check_exercise(exercise_id, make()).status


@pytest.mark.parametrize("answer", ["self-containing list", "dict 100,000 deep", "str raises", "5,001-digit int"])
def test_check_exercise_gives_the_hint_too(answer):
    outcome = assert_contained(_exercise_status, "02.4", HOSTILE_ANSWERS[answer][0], seconds=10, kinds=("ok",))
    assert outcome.message != "'correct'", outcome


def test_a_hint_says_what_is_wrong_with_a_loop():
    loop = _self_list()
    result = kit.check(QUESTIONS["multiple"], loop)
    assert result.status == "invalid" and "contains itself" in result.feedback[0]


# --- item 13: raw exceptions from wrong types ---------------------------------------------


def _sweep_values() -> dict:
    return {"None": None, "int": 5, "float": 2.5, "list": [], "dict": {}, "bytes": b"cho",
            "frame": pd.DataFrame({"a": [1]}), "huge_int": 10 ** 5000, "nan": math.nan, "inf": math.inf,
            "empty": "", "unprintable": Unprintable()}


def _base_calls(tmp: str) -> dict:
    """name -> (args, kwargs) of a valid call; each parameter in turn gets each value of the sweep."""
    c = kit.load_corpus()
    cho, yang = c["cho"], c["yang"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        key, freq = kit.keyness(cho, yang), kit.frequencies(cho)
        actors, stance, disp = kit.actors([cho, yang]), kit.stance([cho, yang]), kit.dispersion(cho, "china")
    q = kit.load_bank("00_start_here").questions[0]
    return {
        "Corpus": ([[cho, yang]], {}), "Document": ((), {"id": "x", "text": "A text. Two."}),
        "Paragraph": (("x", 1, "A text.", 0, 7), {}), "Sentence": (("x 1.1", "x", 1, 1, "A text.", 0, 7), {}),
        "accessible_tables": ((True,), {}), "actors": ((cho,), {"by": None}), "annotate": ((cho,), {}),
        "answer_key": (("00_start_here",), {"learner": None}), "arguments": ((cho,), {}),
        "check": ((q, "cho 3.2"), {}), "check_citations": (("Yes [cho 3.2].",), {}),
        "check_exercise": (("00.1", 3), {}), "collocations": ((cho,), {"window": 2, "min_count": 2, "top": 20}),
        "compare_annotations": (({"cho 1.1": "claim"},), {}), "compare_arguments": ((None,), {}),
        "compare_arguments_explorer": ((), {"question": None}),
        "compare_reading": (("01-1", "my answer"), {"save": False}), "compare_reading_box": (("01-1",), {"rows": 4}),
        "comparison_questions": ((), {}), "dispersion": ((cho, "china"), {}), "exercise": (("00.1",), {}),
        "explain_keyness": ((cho, yang, "china"), {}), "export_progress": ((f"{tmp}/p.csv",), {}),
        "frequencies": ((cho,), {"top": 5}), "gazetteer": ((None,), {}), "glossary": ((cho,), {"lang": "en"}),
        "highlight": ((cho, "china"), {}), "highlight_explorer": ((cho, "china"), {}),
        "keyness": ((cho, yang), {}), "keyness_explorer": ((cho, yang), {"query": "china"}),
        "kwic": ((cho, "china"), {"window": 6}), "kwic_explorer": ((cho,), {"query": "china"}),
        "load_annotations": ((None,), {}), "load_bank": (("00_start_here",), {}), "load_corpus": ((None,), {}),
        "load_text": (("A text. Two sentences.",), {"id": "t"}),
        "nbgitpuller_link": (("https://hub.example.org",), {"repo": "https://github.com/a/b"}),
        "new_course": ((f"{tmp}/course", [f"{tmp}/t.txt"]), {}), "ngrams": ((cho,), {"n": 2}),
        "plot_actors": ((actors,), {}), "plot_frequencies": ((freq,), {"top": 5}),
        "plot_keyness": ((key,), {"top": 5}), "plot_dispersion": ((disp,), {}), "plot_stance": ((stance,), {}),
        "progress": ((), {"bank": None}), "quiz": (("00_start_here",), {"record": False}),
        "reading_tasks": ((None,), {}), "recommendations": ((cho,), {}), "reference_annotations": (("cho",), {}),
        "self_assess": (("00.2", []), {}), "sentences": ((cho,), {}), "show": ((cho,), {}),
        "split_matter": (("Title\nBody text.",), {}), "stance": ((cho,), {}), "stopwords": ((True,), {}),
        "summary": ((cho,), {}), "table_html": ((freq,), {"max_rows": 5}), "tokens": ((cho,), {}),
        "validate_course": ((f"{tmp}/nocourse",), {}), "describe_plot": ((None,), {}),
        "figure_html": ((None,), {}), "plot_progress": ((None,), {}), "stance_lexicon": ((), {}),
        "comment": (("ann", "00.1", "Good."), {"class_folder": f"{tmp}/class"}),
        "feedback": ((f"{tmp}/class",), {}), "hand_in": ((f"{tmp}/class",), {}),
        "class_report": (([f"{tmp}/p.csv"],), {}),
    }


def _sweep_ids() -> list[str]:
    import inspect

    ids = []
    for name in _NAMES:
        for p in inspect.signature(getattr(kit, name)).parameters.values():
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                ids += [f"{name}({p.name}={label})" for label in _sweep_values()]
    return ids


_NAMES = ["Corpus", "Document", "Paragraph", "Sentence", "accessible_tables", "actors", "annotate", "answer_key",
          "arguments", "check", "check_citations", "check_exercise", "collocations", "compare_annotations",
          "compare_arguments", "compare_arguments_explorer", "compare_reading", "compare_reading_box",
          "comparison_questions", "dispersion", "exercise", "explain_keyness", "export_progress", "frequencies",
          "gazetteer", "glossary", "highlight", "highlight_explorer", "keyness", "keyness_explorer", "kwic",
          "kwic_explorer", "load_annotations", "load_bank", "load_corpus", "load_text", "nbgitpuller_link",
          "new_course", "ngrams", "plot_actors", "plot_frequencies", "plot_keyness", "plot_dispersion",
          "plot_stance", "progress", "quiz", "reading_tasks", "recommendations", "reference_annotations",
          "self_assess", "sentences", "show", "split_matter", "stance", "stopwords", "summary", "table_html",
          "tokens", "validate_course", "describe_plot", "figure_html", "plot_progress", "stance_lexicon",
          "comment", "feedback", "hand_in", "class_report"]

#: Calls still open when this table was written, in modules other helpers own (issue 23 is
#: split between four of them): each is xfail (not strict) until its module's fix lands.
KNOWN_OPEN: set[str] = set()
_OPEN_FILE = Path(__file__).with_name("hostile_inputs_open.txt")
if _OPEN_FILE.exists():
    KNOWN_OPEN = {line.strip() for line in _OPEN_FILE.read_text().splitlines() if line.strip() and line[0] != "#"}

QUICK_VALUES = ("huge_int",)  # the value that broke most calls; the other 11 run with -m slow
# The whole sweep (every parameter x 12 values, about 2,500 forked calls) takes over 5 minutes on
# 2 cores; `make test` keeps the suite near 13 by running, besides the quick value, SAMPLED of the
# other 11 values per parameter, rotating from one parameter to the next so that every value is
# tried on about a quarter of all parameters.  KIT_SWEEP=all runs every case.
SAMPLED = 3
_ALL = os.environ.get("KIT_SWEEP") == "all"


def _sweep_params():
    out, seen = [], {}
    for case in _sweep_ids():
        call, label = case.rsplit("=", 1)
        label = label.rstrip(")")
        marks = [pytest.mark.xfail(reason="open in another helper's module", strict=False)] \
            if case in KNOWN_OPEN else []
        if label not in QUICK_VALUES:
            marks.append(pytest.mark.slow)
            n = seen[call] = seen.get(call, -1) + 1   # the n-th slow value of this parameter
            if not _ALL and (n - len(seen)) % (12 - len(QUICK_VALUES)) >= SAMPLED:
                continue
        out.append(pytest.param(case, marks=marks, id=case))
    return out


def test_the_sweep_covers_every_public_function():
    covered = set(_NAMES)
    functions = {n for n in kit.__all__ if callable(getattr(kit, n)) and not (
        isinstance(getattr(kit, n), type) and issubclass(getattr(kit, n), BaseException))}
    old_names = {"concordance_explorer", "reader", "argument_explorer", "write_first"}  # warn, same code
    assert functions - old_names - covered == set()


@pytest.mark.parametrize("case", _sweep_params())
def test_a_wrong_type_is_a_kit_error(case, tmp_path, monkeypatch):
    import inspect

    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.txt").write_text("A Title\nThe body of a text. It has two sentences.\n")
    name, rest = case.split("(", 1)
    param, label = rest.rstrip(")").split("=", 1)
    args, kwargs = _base_calls(str(tmp_path))[name]
    fn = getattr(kit, name)
    positional = [p.name for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    args, kwargs = list(args), dict(kwargs)
    value = _sweep_values()[label]
    if param in positional and positional.index(param) < len(args):
        args[positional.index(param)] = value
    else:
        kwargs[param] = value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_contained(fn, *args, seconds=20, **kwargs)


NAMED_CASES = {  # the calls issue 23 names, and variations
    "keyness({}, yang)": lambda c: kit.keyness({}, c["yang"]),
    "keyness([], yang)": lambda c: kit.keyness([], c["yang"]),
    "keyness_explorer(term=5)": lambda c: kit.keyness_explorer(c["cho"], c["yang"], term=5),
    "keyness_explorer(query=5)": lambda c: kit.keyness_explorer(c["cho"], c["yang"], query=5),
    "Document(text=None)": lambda c: kit.Document(id="x", text=None),
    "Document(text=b'..')": lambda c: kit.Document(id="x", text=b"A text."),
    "Document(metadata=5)": lambda c: kit.Document(id="x", text="A text.", metadata=5),
    "kwic(query=10**5000)": lambda c: kit.kwic(c["cho"], 10 ** 5000),
    "load_bank(10**5000)": lambda c: kit.load_bank(10 ** 5000),
    "exercise(10**5000)": lambda c: kit.exercise(10 ** 5000),
    "frequencies(top=-10**5000)": lambda c: kit.frequencies(c["cho"], top=-10 ** 5000),
    "load_bank(corpus=5)": lambda c: kit.load_bank("00_start_here", corpus=5),
    "quiz(corpus=[cho])": lambda c: kit.quiz("00_start_here", corpus=[c["cho"]]),
    "glossary(kind=10**5000)": lambda c: kit.glossary(kind=10 ** 5000),
    "reference_annotations(doc_id=[])": lambda c: kit.reference_annotations(["cho"]),
    "split_matter(body=10**5000)": lambda c: kit.split_matter("a\nb\n", body=10 ** 5000),
    "nbgitpuller_link('https://[::1')": lambda c: kit.nbgitpuller_link("https://[::1", repo="https://github.com/a/b"),
    "nbgitpuller_link(repo='https://[::1')": lambda c: kit.nbgitpuller_link("https://hub.example.org",
                                                                          repo="https://[::1"),
    "nbgitpuller_link(repo=5)": lambda c: kit.nbgitpuller_link("https://hub.example.org", repo=5),
}


@pytest.mark.parametrize("case", list(NAMED_CASES))
def test_named_wrong_calls_are_kit_errors(case):
    corpus = kit.load_corpus()
    outcome = assert_contained(NAMED_CASES[case], corpus, kinds=("kit_error",), seconds=20)
    assert len(outcome.message) < 1000, outcome


@pytest.mark.parametrize("call", [kit.progress, kit.load_annotations, lambda: kit.export_progress("p.csv")])
def test_an_unknown_user_in_kit_progress_dir_is_a_store_error(monkeypatch, tmp_path, call):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KIT_PROGRESS_DIR", "~no_such_user_r3/progress")
    outcome = assert_contained(call, kinds=("kit_error",))
    assert outcome.error == "StoreError" and "KIT_PROGRESS_DIR" in outcome.message, outcome


def test_a_huge_int_is_described_not_printed():
    with pytest.raises(kit.KitError, match=r"an integer of 5001 digits"):
        kit.load_bank(10 ** 5000)


# --- item 14 (R3's part): silent wrong output ---------------------------------------------


DOUBLED = {
    "keyness(cho, [yang, yang])": lambda c: kit.keyness(c["cho"], [c["yang"], c["yang"]]),
    "keyness([cho, cho], yang)": lambda c: kit.keyness([c["cho"], c["cho"]], c["yang"]),
    "explain_keyness(cho, [yang, yang])": lambda c: kit.explain_keyness(c["cho"], [c["yang"], c["yang"]], "china"),
    "frequencies([yang, yang])": lambda c: kit.frequencies([c["yang"], c["yang"]]),
    "summary((cho, cho))": lambda c: kit.summary((c["cho"], c["cho"])),
}


@pytest.mark.parametrize("case", list(DOUBLED))
def test_a_document_given_twice_is_refused_not_counted_twice(case):
    with pytest.raises(kit.errors.InvalidArgument, match=r"appears twice"):
        DOUBLED[case](kit.load_corpus())


def test_a_mistake_citing_a_sentence_that_does_not_exist_is_refused():
    # Cho's paragraph 3 has 8 sentences (kit.sentences(corpus["cho"])), so "cho 3.9" does not exist.
    bank = {"id": "x", "questions": [{"id": "q", "type": "sentence_ids", "prompt": "Which sentence?",
                                      "answer": ["cho 3.2"], "cites": ["cho 3.2"],
                                      "mistakes": [{"ids": ["cho 3.9"], "feedback": "Not that one."}]}]}
    with pytest.raises(kit.errors.QuestionBankError, match=r"mistake #1: There is no sentence 'cho 3.9'"):
        parse_bank(bank, corpus=kit.load_corpus())
    bank["questions"][0]["mistakes"][0]["ids"] = ["cho 3.8"]  # the last sentence of paragraph 3
    assert parse_bank(bank, corpus=kit.load_corpus()).questions[0].mistakes[0].ids == frozenset({"cho 3.8"})


def test_a_disabled_check_button_records_nothing():
    box = kit.quiz("00_start_here")
    p = next(p for p in box.panels if p.q.id == "cho-excerpt")
    p.input.value = True
    p.check.click()  # right: Check is now disabled
    assert p.check.disabled
    p.input.value = False
    p.check.click()  # a click from code on the disabled button
    p.check.click()
    df = kit.progress()
    assert list(df["status"]) == ["correct"] and list(df["attempt"]) == [1]
    assert p.attempts == 1


@pytest.mark.parametrize("attempt", ["1e20", "-1e20", "2.5", "1000001", "inf", "nan", "9" * 400])
def test_an_absurd_attempt_number_is_refused_by_the_class_report(tmp_path, attempt):
    (tmp_path / "ann.csv").write_text("student,learner,quiz,question,attempt,status,response\n"
                                      f"ann,l1,00_start_here,cho-excerpt,{attempt},correct,true\n")
    (tmp_path / "ben.csv").write_text("student,learner,quiz,question,attempt,status,response\n"
                                      "ben,l2,00_start_here,cho-excerpt,1,correct,true\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = kit.class_report(tmp_path)
    skipped = report.skipped.to_string()
    assert "ann.csv" in skipped and "whole number from 1" in skipped, skipped
    assert "ann" not in set(report.attempts["student"]) if hasattr(report, "attempts") else True
    assert not re.search(r"-\d{5,}", str(report))  # 1e20 became -9223372036854775808 before
