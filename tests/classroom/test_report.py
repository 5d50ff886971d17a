"""The teacher's class report: exports made by clicking the quiz widget, broken and
foreign CSVs, the HTML page, the CLI, and the nbgitpuller link's encoding."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import kit
from kit.classroom.report import class_report, pseudonyms
from kit.classroom.html import report_html
from kit.errors import InvalidArgument, KitError, TextNotFound
from kit.classroom.hub_link import nbgitpuller_link, repo_folder

ROOT = Path(__file__).resolve().parents[2]
HEADER = "student,time,kind,quiz,question,attempt,status,score,response,mistake,feedback\n"


def _clicks(store: Path, monkeypatch, answers: list[str]) -> None:
    """One student answers 00_start_here's first question in the quiz widget, in order."""
    from kit.widgets.quiz import quiz

    monkeypatch.setenv("KIT_PROGRESS_DIR", str(store))
    box = quiz("00_start_here")
    panel = next(p for p in box.panels if p.q.id == "futile-sentence")
    for i, answer in enumerate(answers):
        if i:
            panel.retry.click()
        panel.input.value = answer
        panel.check.click()


@pytest.fixture
def class_folder(tmp_path, monkeypatch):
    """Three students' exports made by the widget: ann right, ben wrong, cat wrong then right."""
    out = tmp_path / "exports"
    out.mkdir()
    for name, answers in {"ann": ["cho 3.2"], "ben": ["cho 2.3"], "cat": ["yang 3.2", "cho 3.2"]}.items():
        _clicks(tmp_path / name, monkeypatch, answers)
        kit.export_progress(out / f"{name}.csv", student=name)
    return out


def test_counts_from_exports_made_by_clicking(class_folder):
    report = class_report(class_folder)
    q = report.questions.set_index("question").loc["futile-sentence"]
    assert q["students"] == 3
    assert q["right_first"] == pytest.approx(1 / 3)  # ann only
    assert q["right_end"] == pytest.approx(2 / 3)  # ann, cat
    assert q["median_attempts"] == 1.0  # 1, 1, 2
    assert q["wrong"] == 2  # ben's and cat's first tries
    wrong = report.wrong_answers
    assert set(wrong["response"]) == {"cho 2.3", "yang 3.2"}
    assert (wrong["attempts"] == 1).all()
    students = report.students.set_index("student")
    assert list(students.index) == ["ann", "ben", "cat"]  # no student column: the file's stem
    assert students.loc["ben", "questions_right"] == 0 and students.loc["cat", "questions_right"] == 1
    comp = report.completion.set_index("student")
    assert (comp["quiz"] == "00_start_here").all() and (comp["tried"] == 1).all()
    assert report.skipped.empty


def test_mistake_and_feedback_columns_are_carried(tmp_path):
    (tmp_path / "a.csv").write_text(
        HEADER + "Ann Lee,2026-01-01T10:00:00Z,quiz,q0,n1,1,incorrect,0,751,m1,That is a word processor's count\n"
        "Ann Lee,2026-01-01T10:01:00Z,quiz,q0,n1,2,correct,1,742,,Yes\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        HEADER + "Bo,2026-01-01T10:00:00Z,quiz,q0,n1,1,incorrect,0,751,m1,That is a word processor's count\n",
        encoding="utf-8")
    report = class_report([tmp_path / "a.csv", tmp_path / "b.csv"])
    row = report.wrong_answers.iloc[0]
    assert (row["response"], row["mistake"], row["attempts"], row["students"]) == ("751", "m1", 2, 2)
    assert row["feedback"] == "That is a word processor's count"
    assert list(report.students["student"]) == ["Ann Lee", "Bo"]  # from the column, not the file


def test_broken_duplicate_and_foreign_files_are_skipped_by_name(class_folder):
    (class_folder / "empty.csv").write_text("", encoding="utf-8")
    (class_folder / "grades.csv").write_text("name,grade\nann,A\n", encoding="utf-8")
    (class_folder / "ragged.csv").write_text(HEADER + "x,t,quiz,q,a,1,correct\n", encoding="utf-8")
    (class_folder / "badattempt.csv").write_text(HEADER + "y,t,quiz,q,a,one,correct,1,r,,\n", encoding="utf-8")
    (class_folder / "binary.csv").write_bytes(b"\xff\xfe\x00\x01PK\x03\x04")
    (class_folder / "zz_ann_again.csv").write_bytes((class_folder / "ann.csv").read_bytes())  # exported twice
    (class_folder / "notes.txt").write_text("not a csv", encoding="utf-8")  # not even looked at
    with pytest.warns(UserWarning, match="class_report skipped"):
        report = class_report(class_folder)
    reasons = dict(zip(report.skipped["file"], report.skipped["reason"]))
    assert set(reasons) == {"empty.csv", "grades.csv", "ragged.csv", "badattempt.csv", "binary.csv",
                            "zz_ann_again.csv"}
    assert "not a progress export" in reasons["grades.csv"]
    assert "duplicate" in reasons["zz_ann_again.csv"] and "ann.csv" in reasons["zz_ann_again.csv"]
    assert "line 2" in reasons["ragged.csv"] and "attempt 'one'" in reasons["badattempt.csv"]
    assert list(report.students["student"]) == ["ann", "ben", "cat"]  # the good ones still counted


def test_a_forged_export_does_not_displace_the_real_one(class_folder):
    """aa_forged.csv (read first) holds rows for "ben" that ben never made: the report cannot
    know which file is ben's, so it lists the conflict and counts neither (issue 23, item 7)."""
    ben = (class_folder / "ben.csv").read_text(encoding="utf-8").splitlines()
    learner = ben[1].split(",")[1]
    forged = [ben[0], f"ben,{learner},2026-01-01T10:00:00+00:00,quiz,00_start_here,futile-sentence,1,correct,1,"
              "cho 3.2,,"]
    (class_folder / "aa_forged.csv").write_text("\r\n".join(forged) + "\r\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="conflict"):
        report = class_report(class_folder)
    reasons = dict(zip(report.skipped["file"], report.skipped["reason"]))
    assert set(reasons) == {"aa_forged.csv", "ben.csv"}
    assert "conflict" in reasons["ben.csv"] and "'ben'" in reasons["ben.csv"]
    assert list(report.students["student"]) == ["ann", "cat"]  # ben's forged "right" answer is not counted
    q = report.questions.set_index("question").loc["futile-sentence"]
    assert q["students"] == 2 and q["right_first"] == pytest.approx(1 / 2)  # ann only


def test_bad_arguments_are_kit_errors(tmp_path):
    with pytest.raises(TextNotFound, match="does not exist"):
        class_report(tmp_path / "nope")
    with pytest.raises(InvalidArgument, match="No .csv files"):
        class_report(tmp_path)


def test_anonymise_gives_stable_pseudonyms(class_folder):
    report = class_report(class_folder, anonymise=True)
    assert list(report.students["student"]) == ["Student 01", "Student 02", "Student 03"]
    assert not report.attempts["student"].isin(["ann", "ben", "cat"]).any()
    assert pseudonyms(["b", "a"]) == pseudonyms(["a", "b", "a"]) == {"a": "Student 01", "b": "Student 02"}


def test_html_is_self_contained_escaped_and_describes_its_chart(class_folder):
    (class_folder / "evil.csv").write_text(
        HEADER + "<img src=x onerror=alert(1)>,t,quiz,q<script>,a,1,incorrect,0,'=HYPERLINK(\"x\"),,<b>fb</b>\n",
        encoding="utf-8")
    page = report_html(class_report(class_folder))
    assert "<script" not in page.lower() and "onerror=alert" not in page.replace("&lt;img src=x onerror=alert", "")
    assert "&lt;script&gt;" in page and "&lt;b&gt;fb&lt;/b&gt;" in page
    assert "&#x27;=HYPERLINK(&quot;x&quot;)" in page  # a neutralised cell, shown as it is
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", page)  # nothing from the network
    img = re.search(r"<img src='data:image/png;base64,[A-Za-z0-9+/=]+' alt='([^']+)'>", page)
    assert img, "the heatmap is an inline PNG with alt text"
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page).group(1)
    assert img.group(1) == caption and "4 students" in caption  # ann, ben, cat and the evil one
    assert "The five hardest questions" in page and "futile-sentence" in page


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_the_html_page_and_lists_skipped_files(class_folder, tmp_path):
    (class_folder / "grades.csv").write_text("name,grade\n", encoding="utf-8")
    out = tmp_path / "report.html"
    proc = _cli("class-report", class_folder, "--html", out, "--anonymise")
    assert proc.returncode == 0, proc.stderr
    assert "3 students" in proc.stdout and "SKIPPED grades.csv" in proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "Student 02" in page and ">ben<" not in page
    (class_folder / "zz.csv").write_text(HEADER + "ben,t,quiz,q,a,1,correct,1,r,,\n", encoding="utf-8")
    assert _cli("class-report", class_folder, "--html", out, "--anonymise").returncode == 0
    page = re.sub(r"base64,[A-Za-z0-9+/=]+", "base64,", out.read_text(encoding="utf-8"))  # (the PNG's text)
    # zz.csv's "ben" row is not in ben.csv: a conflict, listed without names (not in the skipped table either)
    assert "ben" not in page and "ann" not in page and "conflict" in page
    assert "Traceback" not in proc.stderr


def test_cli_errors_are_one_line_without_traceback(tmp_path):
    proc = _cli("class-report", tmp_path / "missing")
    assert proc.returncode == 1 and proc.stderr.startswith("ERROR") and "Traceback" not in proc.stderr
    proc = _cli("class-report", tmp_path, "--html", tmp_path / "no" / "dir" / "r.html")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    proc = _cli("link", "--hub", "ftp://x", "--repo", "https://github.com/a/b")
    assert proc.returncode == 1 and "not a hub address" in proc.stderr


def test_link_encodes_every_part():
    link = nbgitpuller_link("https://hub.example.edu/course/", repo="https://github.com/t/close-reading-kit.git",
                            branch="spring 2027", path="notebooks/01 close & reading.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu",
                                                        "/course/hub/user-redirect/git-pull")
    assert " " not in link and "&reading" not in link and link.count("&") == 2
    q = parse_qs(parts.query)
    assert q == {"repo": ["https://github.com/t/close-reading-kit.git"], "branch": ["spring 2027"],
                 "urlpath": ["lab/tree/close-reading-kit/notebooks/01 close & reading.ipynb"]}
    assert "repo=https%3A%2F%2Fgithub.com%2Ft%2Fclose-reading-kit.git" in link
    assert "urlpath=lab%2Ftree%2Fclose-reading-kit%2Fnotebooks%2F01%20close%20%26%20reading.ipynb" in link


def test_link_repo_forms_and_errors(tmp_path):
    assert repo_folder("git@github.com:t/kit.git") == "kit"
    link = nbgitpuller_link("http://127.0.0.1:8000", repo="https://user:secret@example.org/t/kit")
    assert "secret" not in link and "example.org%2Ft%2Fkit" in link
    with pytest.raises(InvalidArgument, match="--repo"):
        nbgitpuller_link("https://hub.example.edu", repo="/work/main")  # a local path: no hub can clone it
    with pytest.raises(InvalidArgument, match="leaves the repository"):
        nbgitpuller_link("https://hub.example.edu", repo="https://github.com/t/kit", path="../etc/passwd")


def test_link_without_origin_asks_for_repo(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    from kit.classroom import hub_link

    real = hub_link.origin_url
    assert real(tmp_path) is None
    monkeypatch.setattr(hub_link, "origin_url", lambda cwd=None: None)
    with pytest.raises(InvalidArgument, match="no 'origin' remote.*--repo"):
        nbgitpuller_link("https://hub.example.edu")
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:t/kit.git"], check=True)
    assert real(tmp_path) == "git@github.com:t/kit.git"


def test_cli_link_prints_one_url():
    proc = _cli("link", "--hub", "https://hub.example.edu", "--repo", "https://github.com/t/kit")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ("https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2F"
                                   "github.com%2Ft%2Fkit&branch=main&urlpath=lab%2Ftree%2Fkit%2Fnotebooks"
                                   "%2F00_start_here.ipynb")


def test_exported_csv_round_trip_with_neutralised_cells(tmp_path):
    path = tmp_path / "dan.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER.strip().split(","))
        w.writerow(["dan", "t", "quiz", "q", "a", 1, "incorrect", 0, "'=1+1\nsecond line", "", "'-feedback"])
    report = class_report(path)
    row = report.wrong_answers.iloc[0]
    assert row["response"] == "'=1+1\nsecond line" and row["feedback"] == "'-feedback"


def test_a_spreadsheet_saved_csv_with_bom_and_semicolons_is_read(tmp_path):
    text = HEADER.replace(",", ";") + "eve;t;quiz;q0;n1;1;incorrect;0;751;m1;That is a word processor's count\n"
    (tmp_path / "eve.csv").write_bytes(("\ufeff" + text).encode("utf-8"))
    report = class_report(tmp_path)
    assert report.skipped.empty and list(report.students["student"]) == ["eve"]
    assert report.wrong_answers.iloc[0]["mistake"] == "m1"


# --- students who share a login name; the item analysis on a shipped bank (issue 19) ----

def test_two_students_with_one_login_name_stay_two(tmp_path, monkeypatch):
    """Two stores (two learner ids) exported under the same name "ana" through the real path."""
    out = tmp_path / "exports"
    out.mkdir()
    for file, answers in {"a.csv": ["cho 3.2"], "b.csv": ["cho 2.3", "cho 3.2"]}.items():
        _clicks(tmp_path / file, monkeypatch, answers)
        kit.export_progress(out / file, student="ana")
    report = class_report(out)
    students = report.students.set_index("student")
    assert list(students.index) == ["ana", "ana (2)"]  # a.csv is read first
    assert students["learner"].str.fullmatch(r"[0-9a-f]{12}").all() and students["learner"].nunique() == 2
    assert students.loc["ana (2)", "questions_right"] == 1 and report.skipped.empty
    q = report.questions.set_index("question").loc["futile-sentence"]
    assert (q["students"], q["right_first"]) == (2, 0.5)
    anonymous = class_report(out, anonymise=True)
    assert list(anonymous.students["student"]) == ["Student 01", "Student 02"]
    assert (anonymous.students["learner"] == "").all() and (anonymous.attempts["learner"] == "").all()


def test_a_learner_less_export_with_a_known_name_is_a_second_export(tmp_path, monkeypatch):
    _clicks(tmp_path / "store", monkeypatch, ["cho 3.2"])
    kit.export_progress(tmp_path / "ana_new.csv", student="ana")
    (tmp_path / "ana_old.csv").write_text(HEADER + "ana,t,quiz,00_start_here,futile-sentence,1,correct,1,"
                                          "cho 3.2,,\n", encoding="utf-8")  # before learner ids
    with pytest.warns(UserWarning, match="duplicate"):
        report = class_report([tmp_path / "ana_new.csv", tmp_path / "ana_old.csv"])
    assert list(report.students["student"]) == ["ana"] and list(report.skipped["file"]) == ["ana_old.csv"]


def test_item_analysis_lists_every_option_of_a_shipped_bank(class_folder):
    # ann chose cho 3.2, ben cho 2.3, cat yang 3.2 then cho 3.2 (see class_folder)
    report = class_report(class_folder)
    d = report.distractors.set_index("option")
    bank = kit.load_bank("00_start_here").question("futile-sentence")
    assert set(d.index) == {o.text for o in bank.options} and (d["source"] == "bank").all()
    assert d["first_try"].to_dict() == {o.text: {"cho 3.2": 1, "cho 2.3": 1, "yang 3.2": 1}.get(o.text, 0)
                                        for o in bank.options}
    assert d.loc["cho 3.2", "any_try"] == 2 and d.loc["cho 3.2", "key"]
    item = report.items.iloc[0]
    assert (item["type"], item["students"]) == ("single", 3)
    assert item["discrimination"] != item["discrimination"] and "no other items" in item["note"]  # NaN
    unpicked = [o.text for o in bank.options if o.text not in ("cho 3.2", "cho 2.3", "yang 3.2")]
    assert item["flags"] == "distractor nobody picks: " + "; ".join(map(repr, unpicked))


def test_the_report_knows_the_position_each_student_saw(tmp_path, monkeypatch):
    """A student clicks the second option shown on every single-choice question of lesson 01's
    quiz in the real widget; the report puts every one of those answers at position 2."""
    from kit.classroom.items import QuestionLookup, shown_position
    from kit.widgets.quiz import quiz

    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "store"))
    box = quiz("01_close_reading")
    singles = [p for p in box.panels if p.q.type == "single"]
    for panel in singles:
        panel.input.value = panel.input.options[1]
        panel.check.click()
    kit.export_progress(tmp_path / "dee.csv", student="dee")
    report = class_report(tmp_path / "dee.csv")
    lookup = QuestionLookup()
    rows = report.attempts[report.attempts["question"].isin([p.q.id for p in singles])]
    assert len(rows) == len(singles) >= 6
    assert [shown_position(lookup("quiz", r.quiz, r.question), r.response, r.learner)
            for r in rows.itertuples()] == [2] * len(rows)
    in_bank = [[o.text for o in p.q.options].index(p.input.options[1]) for p in singles]
    assert in_bank != [1] * len(singles)  # the student's order, not the bank's (chance: 4 ** -10)
