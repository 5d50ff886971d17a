"""A course folder end to end (issue 12, item 1), on three texts this test writes itself.

The expected sentence ids below come from reading the texts in TEXTS: e.g. in ``harbour``
the body is lines 3-4, so "The council should build a bridge before winter." is
paragraph 2, sentence 1: ``harbour 2.1``.
"""
from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml

import kit
from kit.__main__ import main
from kit.classroom.course_check import validate_course

TEXTS = {
    "Harbour.txt": (
        "Why the Harbour Needs a Bridge\n"
        "Editor's note: this essay first appeared in the Riverside Gazette.\n"
        "The harbour has been cut off from the town for a decade. Traders lose a day on every crossing.\n"
        "The council should build a bridge before winter. A ferry is too slow and too expensive.\n"
        "Mara Quill teaches economics at Riverside College.\n"
    ),
    "ferry.txt": (
        "The Ferry Works\n"
        "The ferry carries two hundred people a day. It has never missed a crossing.\n"
        "The council must not spend the reserve on a bridge. Repairs to the ferry would cost far less.\n"
        "Written for the Riverside Gazette letters page.\n"
    ),
    "third view.txt": (
        "A Third View\n"
        "Both sides overstate their case. The crossing takes forty minutes either way.\n"
        "The town needs to ask the traders first.\n"
    ),
}

MAP = """\
doc: harbour
thesis:
  paraphrase: The council should build a bridge, because the ferry is "too slow and too expensive".
  cites: [harbour 2.1, harbour 2.2]
  quotes: ["too slow and too expensive"]
claims:
  - id: h-isolation
    type: evidence
    paraphrase: Traders lose a day on every crossing.
    cites: [harbour 1.2]
    quotes: ["lose a day"]
    supports: thesis
  - id: h-build
    type: recommendation
    paraphrase: The council should build a bridge before winter.
    cites: [harbour 2.1]
    addressee: not stated
    polarity: do
"""

COMPARISONS = """\
questions:
  - id: bridge
    question: Should the council build a bridge?
    harbour:
      position: Yes, "before winter" [harbour 2.1].
      cites: [harbour 2.1]
    ferry:
      position: No; the council "must not spend the reserve on a bridge" [ferry 2.1].
      cites: [ferry 2.1]
    third_view:
      position: Not addressed; the third text asks to hear the traders first.
      cites: []
    relation: differ
    note: The first two answer the question in opposite ways [harbour 2.1; ferry 2.1].
"""

QUIZ = """\
id: bridge_quiz
title: Bridge or ferry
questions:
  - id: who-defends-ferry
    type: single
    prompt: Which text defends the ferry?
    options:
      - {text: ferry, feedback: 'Yes: "It has never missed a crossing" [ferry 1.2].'}
      - {text: harbour, feedback: "No: that text wants a bridge [harbour 2.1]."}
    answer: ferry
    cites: [ferry 1.2]
    quotes: ["never missed a crossing"]
"""

EXERCISES = """\
id: bridge_exercises
title: Bridge practice
exercises:
  - id: "b.1"
    prompt: In which sentence does the third text say whom the town should ask?
    type: sentence_ids
    answer: third_view 2.1
    hints: ["It is the last sentence of the text."]
    cites: [third_view 2.1]
    quotes: ["ask the traders first"]
"""


def _make(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    course = tmp_path / "bridge"
    assert main(["course", "new", str(course), *(str(tmp_path / n) for n in TEXTS)]) == 0
    return course


def _fill(course: Path) -> None:
    """What a teacher fills in: metadata, lines by numbers and by markers, and the files."""
    path = course / "course.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    harbour, ferry, third = data["texts"]
    harbour.update(title="Why the Harbour Needs a Bridge", title_basis="line 1 of the file",
                   author="Mara Quill", author_basis="the bio, line 5",
                   lines={"title": [1], "front_matter": [2], "body": "3-4", "back_matter": [5]})
    ferry.update(lines={"title": {"start": "The Ferry Works", "end": "The Ferry Works"},
                        "body": {"start": "The ferry carries", "end": "Repairs to the ferry"},
                        "back_matter": {"start": "Written for"}},
                 date="not stated", date_basis='no clue; "two hundred people a day" [ferry 1.1] is no date')
    third.update(lines={"title": "1"})
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (course / "arguments" / "harbour.yaml").write_text(MAP, encoding="utf-8")
    (course / "arguments" / "comparisons.yaml").write_text(COMPARISONS, encoding="utf-8")
    (course / "quizzes" / "bridge.yaml").write_text(QUIZ, encoding="utf-8")
    (course / "exercises" / "bridge.yaml").write_text(EXERCISES, encoding="utf-8")


@pytest.fixture
def course(tmp_path) -> Path:
    folder = _make(tmp_path)
    _fill(folder)
    return folder


def test_a_fresh_course_validates_and_loads_at_once(tmp_path, capsys):
    folder = _make(tmp_path)
    out = capsys.readouterr().out
    assert "Fill in" in out and "course validate" in out
    assert sorted(p.name for p in folder.iterdir()) == ["arguments", "course.yaml", "exercises", "quizzes", "texts"]
    assert (folder / "texts" / "harbour.txt").read_bytes() == (tmp_path / "Harbour.txt").read_bytes()
    assert main(["course", "validate", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("OK ")
    corpus = kit.load_corpus(folder)
    assert list(corpus) == ["harbour", "ferry", "third_view"]  # file stems, made safe
    assert corpus["ferry"].author == "not stated" and corpus["ferry"].metadata["date_basis"] == "not stated"
    # unfilled, the body is every line: the title line is paragraph 1
    assert corpus["third_view"].sentences[0].text == "A Third View"


def test_a_filled_course_validates(course, capsys):
    assert main(["course", "validate", str(course)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ") and "3 texts, 1 argument maps, 1 comparison questions, 1 quiz banks, 1 exercise sets" in out


def test_the_parts_are_where_the_teacher_put_them(course):
    corpus = kit.load_corpus(course)
    harbour, ferry, third = corpus.values()
    assert harbour.title == "Why the Harbour Needs a Bridge" and harbour.author == "Mara Quill"
    assert harbour.front_matter.startswith("Editor's note") and harbour.back_matter.startswith("Mara Quill")
    assert [p.text for p in harbour.paragraphs] == TEXTS["Harbour.txt"].split("\n")[2:4]
    assert ferry.title == "The Ferry Works" and ferry.back_matter.startswith("Written for")
    assert ferry.sentence("2.1").text == "The council must not spend the reserve on a bridge."
    assert third.sentence("third_view 2.1").text == "The town needs to ask the traders first."


def test_analysis_functions_work_on_the_course(course):
    corpus = kit.load_corpus(course)
    hits = kit.kwic(corpus, "bridge")
    assert len(hits) == 2  # harbour 2.1, ferry 2.1 (titles are not body)
    freq = kit.frequencies(corpus["harbour"])
    assert "bridge" in set(freq.iloc[:, 0]) or "bridge" in freq.to_string()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(kit.keyness(corpus["harbour"], corpus["ferry"])) > 0
        kit.actors(corpus)
        kit.stance(corpus)
        recs = kit.recommendations(corpus)
    # harbour 2.1 "should build", ferry 2.1 "must not spend", third_view 2.1 "needs to ask"
    assert recs.sentence_id.tolist() == ["harbour 2.1", "ferry 2.1", "third_view 2.1"]
    assert recs.set_index("sentence_id").negated.to_dict() == {
        "harbour 2.1": False, "ferry 2.1": True, "third_view 2.1": False}
    table = kit.arguments(corpus["harbour"])
    assert table.claim_id.tolist() == ["harbour-thesis", "h-isolation", "h-build"]
    assert kit.arguments("harbour", corpus=corpus).equals(table)
    assert kit.arguments(corpus).doc.unique().tolist() == ["harbour"]  # the one text with a map
    with pytest.raises(kit.UnknownDocument, match="arguments/ferry.yaml"):
        kit.arguments(corpus["ferry"])
    cmp = kit.compare_arguments(corpus=corpus)
    assert cmp.columns.tolist() == ["question_id", "question", "harbour_position", "harbour_cites",
                                    "ferry_position", "ferry_cites", "third_view_position",
                                    "third_view_cites", "relation", "also", "note"]
    assert cmp.iloc[0].relation == "differ" and cmp.iloc[0].ferry_cites == "ferry 2.1"
    box = kit.compare_arguments_explorer(corpus=corpus)
    assert "must not spend the reserve" in box.children[1].value
    assert kit.check_citations('"never missed a crossing" [Ferry 1.2]', corpus) == []
    assert kit.check_citations('"always late" [ferry 1.2] [harbour 9.9]', corpus) == [
        "your text: quotes 'always late' but ferry 1.2 does not contain it",
        "your text: cites 'harbour 9.9', which does not exist"]
    bank = kit.load_bank(str(course / "quizzes" / "bridge.yaml"), corpus=corpus)
    assert len(bank) == 1


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _errors(course: Path, capsys) -> list[str]:
    assert main(["course", "validate", str(course)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out and all(line.startswith("ERROR ") and " — " in line for line in out), out
    return out


def test_a_broken_citation_is_an_error_line(course, capsys):
    _edit(course / "arguments" / "harbour.yaml", "cites: [harbour 1.2]", "cites: [harbour 1.9]")
    (line,) = _errors(course, capsys)
    # the claim's `cites` is line 10 of MAP
    assert line.startswith("ERROR arguments/harbour.yaml:10: claim 'h-isolation': cites 'harbour 1.9'")


def test_a_non_verbatim_quote_is_an_error_line(course, capsys):
    _edit(course / "arguments" / "comparisons.yaml", '"must not spend the reserve', '"must never spend the reserve')
    (line,) = _errors(course, capsys)
    assert line.startswith("ERROR arguments/comparisons.yaml:2: question 'bridge': quotes 'must never spend")


def test_a_quiz_with_an_invented_quote_is_an_error_line(course, capsys):
    _edit(course / "quizzes" / "bridge.yaml", '"never missed a crossing"]', '"never once missed"]')
    (line,) = _errors(course, capsys)
    assert line.startswith("ERROR quizzes/bridge.yaml:4: ") and "never once missed" in line


def test_a_bad_line_range_is_an_error_line(course, capsys):
    path = course / "course.yaml"
    _edit(path, "body: 3-4", "body: 3-9")
    lines = path.read_text(encoding="utf-8").split("\n")
    expected = next(n for n, line in enumerate(lines, 1) if line.strip() == "lines:")
    (line,) = _errors(course, capsys)
    assert line.startswith(f"ERROR course.yaml:{expected}: text 'harbour', lines: body: line 9 is out of range")


def test_a_changed_text_and_a_missing_file_are_error_lines(course, capsys):
    (course / "texts" / "ferry.txt").write_text("changed\n", encoding="utf-8")
    (course / "texts" / "third_view.txt").unlink()
    first, second = _errors(course, capsys)
    assert "ferry" in first and "has changed since the course was made" in first
    assert "third_view" in second and "no readable file 'texts/third_view.txt'" in second


def test_garbage_course_files_never_give_a_traceback(course, capsys):
    (course / "course.yaml").write_text("texts: [\n  - id: x\n", encoding="utf-8")
    (line,) = _errors(course, capsys)
    assert line.startswith("ERROR course.yaml:")
    (course / "course.yaml").write_bytes(b"\xff\xfe texts")
    assert _errors(course, capsys)[0].startswith("ERROR course.yaml:1: the file is not UTF-8")
    assert validate_course(course / "nothing-here")[0].startswith("ERROR ")


def test_the_command_line_prints_no_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "kit", "course", "validate", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert run.stdout.startswith("ERROR ") and "course new" in run.stdout


def test_course_new_refuses_what_it_cannot_use(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("café".encode("latin-1"))
    for name, words in [("missing.txt", "No file at"), ("empty.txt", "is empty"), ("latin.txt", "not UTF-8")]:
        assert main(["course", "new", str(tmp_path / "c"), str(tmp_path / name)]) == 1
        assert words in capsys.readouterr().err
    _make(tmp_path)
    assert main(["course", "new", str(tmp_path / "bridge"), str(tmp_path / "ferry.txt")]) == 1
    assert "already exists" in capsys.readouterr().err


def test_the_built_in_course_validates_through_the_same_code(capsys):
    from kit.corpus.course import built_in_folder

    assert main(["course", "validate", str(built_in_folder())]) == 0
    assert "2 texts, 2 argument maps" in capsys.readouterr().out


def test_a_bank_in_a_course_folder_knows_its_course(course):
    from kit.corpus.course import corpus_for_file

    assert list(corpus_for_file(course / "quizzes" / "bridge.yaml")) == ["harbour", "ferry", "third_view"]
    assert corpus_for_file(course.parent / "elsewhere.yaml") is None


def test_a_text_that_is_a_fifo_or_a_folder_is_an_error_not_a_hang(course, capsys):
    import os

    target = course / "texts" / "ferry.txt"
    target.unlink()
    os.mkfifo(target)
    (line,) = _errors(course, capsys)
    assert "no readable file 'texts/ferry.txt'" in line


def test_load_corpus_takes_the_folder_or_its_course_yaml_and_explains_the_rest(course, tmp_path):
    assert list(kit.load_corpus(course / "course.yaml")) == list(kit.load_corpus(str(course)))
    with pytest.raises(kit.TextNotFound, match="course new"):
        kit.load_corpus(tmp_path / "nowhere")
    with pytest.raises(kit.TextNotFound, match="no course.yaml here"):
        kit.load_corpus(tmp_path)
    with pytest.raises(kit.WrongType, match="course folder"):
        kit.load_corpus(5)


def test_a_course_without_maps_or_questions_says_how_to_add_them(tmp_path, capsys):
    corpus = kit.load_corpus(_make(tmp_path))
    with pytest.raises(kit.UnknownQuestion, match="arguments/comparisons.yaml"):
        kit.compare_arguments(corpus=corpus)
    with pytest.raises(kit.UnknownQuestion, match="no comparison questions"):
        kit.compare_arguments_explorer(corpus=corpus)
    with pytest.raises(kit.UnknownDocument, match=r"write .*arguments/harbour.yaml"):
        kit.arguments(corpus)


def test_a_missing_optional_course_file_is_reported_the_same_way_for_each_kind(tmp_path):
    # maps, comparison questions and reference labels share corpus.course.course_file
    from kit.argumentation.annotation import reference_annotations
    from kit.argumentation.comparison import load_questions
    from kit.argumentation.maps import load_map

    doc = kit.Document(id="mine", text="One idea. Two ideas.", folder=tmp_path)
    corpus = kit.Corpus([doc], folder=tmp_path)
    cases = [(lambda: load_map(doc), kit.UnknownDocument, "argument map for 'mine'", "arguments/mine.yaml"),
             (lambda: load_questions(corpus), kit.UnknownQuestion, "comparison questions",
              "arguments/comparisons.yaml"),
             (lambda: reference_annotations(corpus=corpus), kit.UnknownDocument, "reference annotation",
              "annotations/reference.yaml")]
    for call, error, what, rel in cases:
        with pytest.raises(error) as info:
            call()
        assert str(info.value).startswith(f"This course has no {what}. To add one, write {tmp_path / rel}")
        assert "see docs/course_folder.md" in str(info.value)
