"""Hostile and careless inputs to the class tools and the attempt log (issue 23 items 3, 6,
7, 9, 12, 15), each call run guarded (tests/project/guard.py: a forked child with a time
and a memory limit): it may return or raise a ``kit.KitError``, nothing else.

* item 3: a ``$...$`` in a student's name, a quiz or question id or a response is drawn
  as it is (no mathtext), in the class report's heatmap and in every plot of the kit;
* item 6: attempt numbers are given under the store's lock: several processes answering
  one question get 1..N, each once, in the order the tries were saved;
* item 7: a CSV that holds rows for another student does not displace that student's
  own export: both are listed as a conflict and neither is counted;
* item 9: export_progress with a NUL, a name too long, an unwritable folder; ``course
  new`` over a teacher's texts; ``--html`` onto a folder (no temp file left);
* item 12: every bool option refuses ``"no"``, ``"yes"``, ``0``, ``None``...;
* item 15: terminal escapes printed by the CLI, a password in ``link --hub``, a lone
  surrogate in HTML, a course text that is a link out of its folder, 1 MB values in messages.
"""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import warnings
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from guard import assert_contained

import kit
from kit.corpus.documents import Document

ROOT = Path(__file__).resolve().parents[2]
HEADER = "student,learner,quiz,question,attempt,status,response\n"
MATH = ["$\\frac{a}{$", "$x^$", "$$", "$\\undefined$", "a $ b", "$x_{$", "\\$5 and $6", "$^$"]


def _cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "store"))
    return tmp_path / "store"


# --- item 3: mathtext ---------------------------------------------------------------------

def _report_page(folder: Path, out: Path) -> int:
    from kit.classroom.html import write_report_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_report_html(kit.class_report(folder), out)
    return out.stat().st_size


@pytest.mark.parametrize("where", ["student", "quiz", "question", "response"])
@pytest.mark.parametrize("text", MATH)
def test_a_dollar_cell_does_not_stop_the_class_report(tmp_path, where, text):
    folder = tmp_path / "exports"
    folder.mkdir()
    cells = {"student": "ann", "quiz": "q", "question": "q1", "response": "r"}
    cells[where] = text
    row = f'"{cells["student"]}",0a0a0a0a0a0a,"{cells["quiz"]}","{cells["question"]}",1,incorrect,"{cells["response"]}"'
    (folder / "a.csv").write_text(HEADER + row + "\n", encoding="utf-8")
    (folder / "b.csv").write_text(HEADER + "ben,0b0b0b0b0b0b,q,q1,1,correct,x\n", encoding="utf-8")
    outcome = assert_contained(_report_page, folder, tmp_path / "report.html", seconds=20)
    assert outcome.kind == "ok", outcome
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    if where != "response":  # the cell is on the page, escaped ($ is not special in HTML)
        assert text.replace("&", "&amp;").replace("<", "&lt;") in page


def test_the_class_report_cli_writes_the_page_with_a_dollar_question(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.csv").write_text(HEADER + "ann,0a0a0a0a0a0a,q,$\\frac{a}{$,1,correct,x\n", encoding="utf-8")
    proc = _cli("class-report", folder, "--html", tmp_path / "r.html")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r.html").stat().st_size > 1000


def _draw(ax) -> str:
    ax.figure.canvas.draw()
    return "drawn"


@pytest.mark.parametrize("text", MATH)
def test_plots_of_student_data_draw_dollars_as_they_are(text):
    data = pd.DataFrame({"quiz": [text, "q"], "question": ["a", text], "status": ["correct", "incorrect"]})
    outcome = assert_contained(lambda: _draw(kit.plot_progress(data)), seconds=20)
    assert outcome.kind == "ok" and "drawn" in outcome.message, outcome
    assert kit.plot_progress(data).get_yticklabels()[0].get_parse_math() is False


@pytest.mark.parametrize("text", MATH[:4])
def test_plots_of_a_teachers_texts_draw_dollars_as_they_are(text):
    cho = kit.load_corpus()["cho"]
    table = kit.dispersion(cho, "wedge")
    outcome = assert_contained(lambda: _draw(kit.plot_dispersion(table.assign(term=text))), seconds=20)
    assert outcome.kind == "ok", outcome
    freq = kit.frequencies(cho, top=5)
    outcome = assert_contained(lambda: _draw(kit.plot_frequencies(freq.assign(term=[text] * len(freq)))),
                               seconds=20)
    assert outcome.kind in ("ok", "kit_error"), outcome


# --- item 6: attempt numbers under the lock ----------------------------------------------

def _answer_many(args) -> list[int]:
    folder, n, answer = args
    os.environ["KIT_PROGRESS_DIR"] = folder
    from kit.assessment.attempts import Attempts
    from kit.assessment.banks import load_bank

    q = load_bank("00_start_here").question("futile-sentence")
    tries = Attempts(q, quiz="00_start_here")
    return [tries.submit(answer).number for _ in range(n)]


def _record_many(args) -> list[int]:
    folder, n = args
    os.environ["KIT_PROGRESS_DIR"] = folder
    from kit.assessment.log import record_attempt

    return [record_attempt(quiz="demo", question="q1", response="x", status="incorrect") for _ in range(n)]


@pytest.mark.parametrize("workers,each", [(2, 15), (4, 8), (6, 5)])
def test_attempt_numbers_never_repeat_across_kernels(tmp_path, workers, each):
    folder = str(tmp_path / "store")
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        got = pool.map(_answer_many, [(folder, each, "cho 2.3")] * workers)
    with mock.patch.dict(os.environ, {"KIT_PROGRESS_DIR": folder}):
        saved = kit.assessment.log.read_attempts()
    numbers = [r["attempt"] for r in saved]
    n = workers * each
    assert sorted(numbers) == list(range(1, n + 1))  # 30 records: no number twice (was 14 duplicates)
    assert sorted(x for g in got for x in g) == list(range(1, n + 1))  # what each kernel was told
    assert all(g == sorted(g) for g in got)  # each kernel's own tries go up
    by_time = [r["attempt"] for r in sorted(saved, key=lambda r: r["time"])]
    assert by_time == sorted(by_time)  # attempt 1 is the first try saved


def test_record_attempt_numbers_under_the_lock_too(tmp_path):
    folder = str(tmp_path / "store")
    with multiprocessing.get_context("fork").Pool(4) as pool:
        got = pool.map(_record_many, [(folder, 10)] * 4)
    assert sorted(x for g in got for x in g) == list(range(1, 41))


def test_numbers_continue_after_other_questions_and_damaged_lines(store):
    from kit.assessment.log import progress_path, record_attempt

    record_attempt(quiz="demo", question="other", response="x", status="correct")
    store.mkdir(exist_ok=True)
    with open(progress_path(), "a", encoding="utf-8") as fh:
        fh.write('{"quiz": "demo", "question": "q1", "attempt": "many"}\n{broken\n')
    with pytest.warns(UserWarning):
        first = record_attempt(quiz="demo", question="q1", response="x", status="incorrect")
        second = record_attempt(quiz="demo", question="q1", response="y", status="correct")
    assert (first, second) == (1, 2)


# --- item 7: forged exports --------------------------------------------------------------

def _exports(folder: Path, files: dict[str, list[str]]) -> None:
    folder.mkdir(exist_ok=True)
    for name, rows in files.items():
        (folder / name).write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")


BOB = "bob,0b0b0b0b0b0b,q,q1,1,incorrect,wrong"
BOB_RIGHT = "bob,0b0b0b0b0b0b,q,q1,2,correct,right"
ANN = "ann,0a0a0a0a0a0a,q,q1,1,correct,right"


def _report(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return kit.class_report(folder)


@pytest.mark.parametrize("forged", [
    "bob,0b0b0b0b0b0b,q,q1,1,correct,right",     # bob's learner id copied
    "bob,,q,q1,1,correct,right",                 # no learner id: matches any bob
    "bob,0b0b0b0b0b0b,q,q2,1,correct,right",     # another question
])
@pytest.mark.parametrize("forger_first", [True, False])
def test_a_forged_export_is_a_conflict_not_bobs(tmp_path, forged, forger_first):
    name = "aaa.csv" if forger_first else "zzz.csv"
    _exports(tmp_path / "x", {"ann.csv": [ANN], "bob.csv": [BOB], name: [forged]})
    outcome = assert_contained(_report, tmp_path / "x", seconds=20)
    assert outcome.kind == "ok", outcome
    report = _report(tmp_path / "x")
    reasons = dict(zip(report.skipped["file"], report.skipped["reason"]))
    assert set(reasons) == {"bob.csv", name} and all(r.startswith("conflict") for r in reasons.values())
    assert list(report.students["student"]) == ["ann"]  # neither "bob" counted
    assert report.questions.set_index("question").loc["q1", "students"] == 1


def test_a_file_with_the_forgers_own_rows_and_bobs_is_out_with_bobs(tmp_path):
    _exports(tmp_path / "x", {"ann.csv": [ANN], "bob.csv": [BOB],
                              "mal.csv": ["mal,0c0c0c0c0c0c,q,q1,1,correct,right", "bob,,q,q1,1,correct,x"]})
    report = _report(tmp_path / "x")
    assert set(report.skipped["file"]) == {"bob.csv", "mal.csv"}
    assert list(report.students["student"]) == ["ann"]


def test_a_later_export_holding_the_earlier_one_is_kept(tmp_path):
    _exports(tmp_path / "x", {"bob_monday.csv": [BOB], "bob_friday.csv": [BOB, BOB_RIGHT]})
    report = _report(tmp_path / "x")
    assert list(report.skipped["file"]) == ["bob_monday.csv"]
    assert "duplicate" in report.skipped["reason"][0] and "bob_friday.csv" in report.skipped["reason"][0]
    assert report.students.set_index("student").loc["bob", "questions_right"] == 1


def test_three_claims_on_one_student_are_all_out(tmp_path):
    _exports(tmp_path / "x", {"a.csv": [BOB], "b.csv": ["bob,,q,q1,1,correct,r"], "c.csv": ["bob,,q,q3,1,correct,r"],
                              "d.csv": [ANN]})
    report = _report(tmp_path / "x")
    assert set(report.skipped["file"]) == {"a.csv", "b.csv", "c.csv"}


def test_two_learners_with_one_name_are_still_two_students(tmp_path):
    _exports(tmp_path / "x", {"a.csv": [BOB], "b.csv": ["bob,0d0d0d0d0d0d,q,q1,1,correct,r"]})
    report = _report(tmp_path / "x")
    assert report.skipped.empty and list(report.students["student"]) == ["bob", "bob (2)"]


def test_a_huge_forged_name_gives_a_short_reason(tmp_path):
    big = "b" * 100_000
    _exports(tmp_path / "x", {"a.csv": [f"{big},,q,q1,1,correct,r"], "b.csv": [f"{big},,q,q1,1,incorrect,r"]})
    report = _report(tmp_path / "x")
    assert len(report.skipped) == 2 and report.skipped["reason"].str.len().max() < 500


# --- item 9: files -----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["a\x00b.csv", "dir\x00/x.csv", "x" * 5000 + ".csv", "/proc/self/x.csv",
                                  "/dev/null/x.csv", "~nosuchuser_r2/x.csv", "/etc/passwd/x.csv"])
def test_export_progress_to_a_bad_path_is_a_store_error(store, path):
    outcome = assert_contained(kit.export_progress, path, student="ann")
    assert outcome.kind == "kit_error", outcome
    assert len(outcome.message) < 300


def test_export_progress_into_an_unwritable_folder(store, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with mock.patch("os.access", return_value=False):  # as root chmod alone does not stop a write
            with pytest.raises(kit.errors.StoreError, match="not writable"):
                kit.export_progress(folder / "x.csv", student="ann")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("existing", ["a.txt", "a-2.txt"])
def test_course_new_never_overwrites_a_teachers_text(tmp_path, existing):
    (tmp_path / "a.txt").write_text("Walls fall. Bridges stand.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Second text here.\n", encoding="utf-8")
    course = tmp_path / "course"
    (course / "texts").mkdir(parents=True)
    (course / "texts" / existing).write_text("MY OWN NOTES", encoding="utf-8")
    (course / "texts" / "README.md").write_text("my readme", encoding="utf-8")
    proc = _cli("course", "new", course, tmp_path / "a.txt", tmp_path / "sub" / "a.txt")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert str(course / "texts" / existing) in proc.stderr and "never overwrites" in proc.stderr
    assert (course / "texts" / existing).read_text(encoding="utf-8") == "MY OWN NOTES"
    assert not (course / "course.yaml").exists()
    assert (course / "texts" / "README.md").read_text(encoding="utf-8") == "my readme"


def test_course_new_keeps_a_teachers_readme(tmp_path):
    (tmp_path / "a.txt").write_text("Walls fall. Bridges stand.\n", encoding="utf-8")
    (tmp_path / "course" / "quizzes").mkdir(parents=True)
    (tmp_path / "course" / "quizzes" / "README.md").write_text("mine", encoding="utf-8")
    assert _cli("course", "new", tmp_path / "course", tmp_path / "a.txt").returncode == 0
    assert (tmp_path / "course" / "quizzes" / "README.md").read_text(encoding="utf-8") == "mine"


def test_html_onto_a_folder_leaves_nothing_behind(tmp_path):
    _exports(tmp_path / "x", {"ann.csv": [ANN]})
    out = tmp_path / "out"
    out.mkdir()
    proc = _cli("class-report", tmp_path / "x", "--html", out)
    assert proc.returncode == 1 and "is a folder" in proc.stderr and "Traceback" not in proc.stderr
    assert list(out.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))


def test_html_into_a_missing_folder_or_a_nul_is_a_kit_error(tmp_path):
    from kit.classroom.html import write_report_html

    _exports(tmp_path / "x", {"ann.csv": [ANN]})
    report = _report(tmp_path / "x")
    for path in (tmp_path / "no" / "r.html", str(tmp_path / "r\x00.html"), tmp_path / ("r" * 5000 + ".html")):
        outcome = assert_contained(write_report_html, report, path, seconds=20)
        assert outcome.kind == "kit_error", outcome
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


# --- item 12: one flag check -------------------------------------------------------------

def _flag_calls(tmp: Path):
    cho, yang = kit.load_corpus()["cho"], kit.load_corpus()["yang"]
    return {
        "excel": lambda v: kit.export_progress(tmp / "p.csv", excel=v),
        "save": lambda v: kit.compare_reading("cho-stance", "one two three four five six", save=v),
        "anonymise": lambda v: kit.class_report(tmp, anonymise=v),
        "stem": lambda v: kit.keyness(cho, yang, stem=v),
        "explain stem": lambda v: kit.explain_keyness(cho, yang, "wedge", stem=v),
        "record": lambda v: kit.quiz("00_start_here", record=v),
        "case_sensitive": lambda v: kit.kwic(cho, "wedge", case_sensitive=v),
        "regex": lambda v: kit.highlight(cho, "wedge", regex=v),
        "frequencies stem": lambda v: kit.frequencies(cho, stem=v),
        "context": lambda v: kit.compare_arguments_explorer(context=v),
        "accessible_tables": lambda v: kit.accessible_tables(v),
        "date": lambda v: kit.show(cho, date=v),
    }


FLAG_CALLS = ["excel", "save", "anonymise", "stem", "explain stem", "record", "case_sensitive", "regex",
              "frequencies stem", "context", "accessible_tables", "date"]


@pytest.mark.parametrize("value", ["no", "yes", "False", "", 0, 1, None, [], 0.0])
@pytest.mark.parametrize("option", FLAG_CALLS)
def test_bool_options_refuse_what_is_not_a_bool(tmp_path, store, option, value):
    outcome = assert_contained(_flag_calls(tmp_path)[option], value, seconds=20)
    assert outcome.kind == "kit_error" and outcome.error == "WrongType", outcome
    assert "True or False" in outcome.message


@pytest.mark.parametrize("option", ["excel", "stem", "record", "case_sensitive", "frequencies stem", "date"])
def test_bool_options_take_true_and_false(tmp_path, store, option):
    for value in (True, False):
        outcome = assert_contained(_flag_calls(tmp_path)[option], value, seconds=20)
        assert outcome.kind == "ok", outcome


def test_record_no_does_not_record(store):
    with pytest.raises(kit.errors.WrongType):
        kit.quiz("00_start_here", record="no")
    assert not (store / "progress.jsonl").exists()


# --- item 15: hygiene --------------------------------------------------------------------

ESCAPES = ["\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\r\x1b[K", "\u202e", "\x08\x08\x08", "\x1bP+q\x1b\\"]


@pytest.mark.parametrize("esc", ESCAPES)
def test_quiz_key_prints_no_terminal_escapes(tmp_path, esc):
    bank = tmp_path / "evil.yaml"
    text = esc.encode("unicode_escape").decode("ascii").replace("\\x", "\\x")
    bank.write_text(f'id: evil\ntitle: "T"\nquestions:\n  - id: q1\n    type: numeric\n    prompt: "How many?"\n'
                    f'    answer: 3\n    cites: []\n    explanation: "Because{text} three"\n', encoding="utf-8")
    proc = _cli("quiz", "key", bank)
    out = proc.stdout + proc.stderr
    assert "Because" in out and not any(c in out for c in "\x1b\x9b\r\x08\u202e"), out


@pytest.mark.parametrize("esc", [e for e in ESCAPES if "\r" not in e])
def test_class_report_prints_no_terminal_escapes(tmp_path, esc):
    _exports(tmp_path / "x", {"a.csv": [f"ann{esc},0a0a0a0a0a0a,q{esc},q1{esc},1,correct,r{esc}",
                                        f"ann{esc},0a0a0a0a0a0a,w,t{esc},1,written,ok{esc}"],
                              f"b{esc}.csv": ["x,y"]})
    proc = _cli("class-report", tmp_path / "x")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "Traceback" not in out
    assert not any(c in out for c in "\x1b\x9b\x07\x08\u202e"), out
    assert "\\x1b" in out or "\\x9b" in out or "\\u202e" in out or "\\x08" in out


@pytest.mark.parametrize("hub", ["https://teacher:secret@hub.example.org", "https://teacher:secret@hub.example.org/x",
                                 "http://:secret@hub", "https://teacher@hub.example.org"])
def test_link_never_prints_a_password(hub):
    proc = _cli("link", "--hub", hub, "--repo", "https://github.com/a/b")
    assert proc.returncode == 1 and "secret" not in proc.stdout + proc.stderr and "teacher" not in proc.stdout
    assert "user name or password" in proc.stderr


@pytest.mark.parametrize("hub", ["https://[::1", "https://h:notaport", "https://", "javascript:alert(1)", "x" * 10**5])
def test_link_with_a_broken_hub_is_a_kit_error(hub):
    outcome = assert_contained(kit.nbgitpuller_link, hub, repo="https://github.com/a/b")
    assert outcome.kind == "kit_error", outcome


def test_a_repo_with_a_password_is_linked_without_it():
    link = kit.nbgitpuller_link("https://hub.x", repo="https://u:secret@github.com/a/b")
    assert "secret" not in link and "github.com" in link


@pytest.mark.parametrize("text", ["A bad \ud800 char. Second one.", "\udfff at the start. Then.",
                                  "Two \ud83d\ude00 halves. End.", "End \udc80"])
def test_a_lone_surrogate_leaves_html_encodable(text):
    doc = Document(id="x", text=text)
    for view in (lambda: kit.show(doc), lambda: kit.highlight(doc, "bad")):
        outcome = assert_contained(lambda: view()._repr_html_().encode("utf-8") and "encoded")
        assert outcome.kind == "ok" and "encoded" in outcome.message, outcome
    from kit.display.html import markdown_html

    assert markdown_html(text).encode("utf-8")


BIG = "x" * 1_000_000


def _message_length(fn, *args, **kwargs) -> int:
    try:
        fn(*args, **kwargs)
    except kit.KitError as exc:
        return len(str(exc))
    return 0


@pytest.mark.parametrize("call", [
    lambda: kit.load_corpus().sentence("cho " + "9" * 1_000_000),
    lambda: kit.load_corpus()["cho"].sentence("cho 2." + "9" * 1_000_000),
    lambda: kit.load_corpus()[BIG],
    lambda: kit.load_bank(BIG),
    lambda: kit.check_exercise(BIG, "a"),
    lambda: kit.compare_reading(BIG, "one two three four five"),
    lambda: kit.frequencies(kit.load_corpus()["cho"], top=BIG),
    lambda: kit.class_report(BIG),
    lambda: kit.export_progress(BIG),
    lambda: kit.nbgitpuller_link("https://hub.x", repo=BIG),
])
def test_a_one_megabyte_value_gives_a_short_message(store, call):
    outcome = assert_contained(_message_length, call, seconds=20)
    assert outcome.kind == "ok" and 0 < int(outcome.message) < 2_100, outcome


@pytest.mark.parametrize("how", ["file link", "folder link", "link to a link", "relative link"])
def test_a_course_text_that_links_out_of_its_folder_is_refused(tmp_path, how):
    (tmp_path / "a.txt").write_text("Walls fall. Bridges stand.\n", encoding="utf-8")
    course = tmp_path / "course"
    assert _cli("course", "new", course, tmp_path / "a.txt").returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("The teacher's private notes. Not for the course.\n", encoding="utf-8")
    text = course / "texts" / "a.txt"
    text.unlink()
    if how == "file link":
        text.symlink_to(secret)
    elif how == "folder link":
        (course / "texts").rename(tmp_path / "elsewhere")
        (tmp_path / "elsewhere" / "a.txt").write_text("Walls fall. Bridges stand.\n", encoding="utf-8")
        (course / "texts").symlink_to(tmp_path / "elsewhere")
    elif how == "link to a link":
        (tmp_path / "hop.txt").symlink_to(secret)
        text.symlink_to(tmp_path / "hop.txt")
    else:
        text.symlink_to(Path("..") / ".." / "secret.txt")
    outcome = assert_contained(kit.load_corpus, course)
    assert outcome.kind == "kit_error" and "outside the course folder" in outcome.message, outcome
    proc = _cli("course", "validate", course)
    assert proc.returncode == 1 and "outside the course folder" in proc.stdout + proc.stderr
    assert "private" not in proc.stdout + proc.stderr


def test_a_link_inside_the_course_folder_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Walls fall. Bridges stand.\n", encoding="utf-8")
    course = tmp_path / "course"
    assert _cli("course", "new", course, tmp_path / "a.txt").returncode == 0
    (course / "texts" / "a.txt").rename(course / "texts" / "real.txt")
    (course / "texts" / "a.txt").symlink_to("real.txt")
    assert kit.load_corpus(course)["a"].text.startswith("Walls fall.")
