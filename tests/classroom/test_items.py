"""Item analysis on a simulated class of 30 whose answers are generated with known patterns.

The generator plants the truth, the report must find exactly it:

* 28 ordinary students with a known ability (-2 to 2). On an ordinary item a student is
  right at the first try with probability 1 / (1 + exp(-1.7 (ability - difficulty))),
  wrong first answers go round the distractors in turn (so each one is chosen), and a
  wrong student may try again 20-90 s later.
* planted items: ``s01`` every ordinary student right (nearly everyone right);
  ``s02`` right exactly for the weaker half (negative discrimination); ``s03`` right only
  above ability 1.6 (nearly everyone wrong); ``s04`` whose third distractor no ordinary
  student ever picks (a distractor nobody picks).
* two planted guessers: ``st05`` picks the option shown second on every single-choice
  item and True on every true/false item; ``st22`` clicks down the options from the top
  in the order shown, 2-5 s apart, until right (so its first pick, too, is always at the
  same position: the first).
* planted trivial readings: ``st07`` wrote "x y z"; ``st12`` wrote "test test test" and
  then a real reading.

The CSVs are written in the exact format of ``kit.export_progress`` (its columns, its
``safe_cell``, CRLF lines); the two guessers' learner ids are drawn (from a seeded
generator) until their picks leave the planted distractor unpicked, as the plan says.
"""
from __future__ import annotations

import csv
import math
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
import yaml

import kit
from kit.assessment.order import option_order
from kit.assessment.progress import EXPORT_COLUMNS, safe_cell
from kit.classroom.report import class_report
from kit.classroom.html import report_html

ROOT = Path(__file__).resolve().parents[2]
SINGLES = [f"s{i:02d}" for i in range(1, 13)]
TRUEFALSE = [f"t{i:02d}" for i in range(1, 9)]
TF_KEYS = [i % 2 == 0 for i in range(8)]  # True, False, True, ...: half and half
SAME, CLICKER, TRIVIAL, FIXED = "st05", "st22", "st07", "st12"
DEAD = "s04 option 4"  # the planted distractor nobody picks
READING = ("01_close_reading", "01.cho-p1")
WORDS = ("Cho argues China should worry because Pyongyang acts alone and Beijing loses leverage "
         "over its neighbour while Moscow offers help").split()


def _bank() -> dict:
    singles = [{"id": q, "type": "single", "prompt": f"Question {q}: which option is right?",
                "options": [{"text": f"{q} option {k}"} for k in range(1, 5)], "answer": f"{q} option 1",
                "cites": []} for q in SINGLES]
    tfs = [{"id": q, "type": "truefalse", "prompt": f"Statement {q}: true or false?", "answer": key, "cites": []}
           for q, key in zip(TRUEFALSE, TF_KEYS)]
    return {"id": "sim_quiz", "title": "A simulated quiz", "questions": singles + tfs}


def _shown(bank, learner: str, qid: str) -> list[str]:
    q = bank.question(qid)
    return [q.options[i].text for i in option_order(q, learner)]


def _lid(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"


def _pick_guesser_ids(bank, rng):
    """Ids for the two guessers whose picks keep the plan: neither first picks the dead
    distractor, st05's pattern is not explained by right answers, st22 clicks through
    at least 3 items."""
    while True:
        same = _lid(rng)
        second = [_shown(bank, same, q)[1] for q in SINGLES]
        if DEAD not in second and sum(t.endswith("option 1") for t in second) <= 4:
            break
    while True:
        clicker = _lid(rng)
        firsts = [_shown(bank, clicker, q) for q in SINGLES]
        if firsts[3][0] != DEAD and sum(s.index(f"{q} option 1") >= 2 for q, s in zip(SINGLES, firsts)) >= 3:
            return same, clicker


def _p_right(qid: str, ability: float) -> float | bool:
    if qid == "s01":
        return True
    if qid == "s02":
        return ability < 0
    if qid == "s03":
        return ability > 1.6
    i = (SINGLES + TRUEFALSE).index(qid)
    difficulty = np.linspace(-0.8, 0.8, 9)[i - 3] if qid in SINGLES else np.linspace(-1, 1, 8)[i - 12]
    return 1 / (1 + math.exp(-1.7 * (ability - difficulty)))


def simulate(folder: Path, bank) -> dict:
    """Write 30 exports into ``folder``; returns the planted truth."""
    rng = random.Random(19)
    names = [f"st{i:02d}" for i in range(1, 31)]
    ordinary = [n for n in names if n not in (SAME, CLICKER)]
    abilities = dict(zip(rng.sample(ordinary, len(ordinary)), np.linspace(-2, 2, len(ordinary))))
    same_id, clicker_id = _pick_guesser_ids(bank, rng)
    turn = {q: 0 for q in SINGLES}
    for n, name in enumerate(names):
        learner = {SAME: same_id, CLICKER: clicker_id}.get(name) or _lid(rng)
        clock = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc) + timedelta(minutes=n)
        rows = []

        def add(qid, response, right, gap, attempt, *, kind="quiz", quiz="sim_quiz", status=None):
            nonlocal clock
            clock += timedelta(seconds=gap)
            status = status or ("correct" if right else "incorrect")
            score = None if status == "written" else float(right)
            rows.append([name, learner, clock.isoformat(), kind, quiz, qid, attempt, status, score,
                         response, "", ""])

        for qid in SINGLES:
            shown = _shown(bank, learner, qid)
            key = f"{qid} option 1"
            if name == SAME:
                add(qid, shown[1], shown[1] == key, rng.uniform(5, 10), 1)
            elif name == CLICKER:
                for k, option in enumerate(shown[:shown.index(key) + 1], start=1):
                    add(qid, option, option == key, rng.uniform(2, 5) if k > 1 else rng.uniform(30, 60), k)
            else:
                p = _p_right(qid, abilities[name])
                if rng.random() < p:
                    add(qid, key, True, rng.uniform(40, 120), 1)
                    continue
                pool = [f"{qid} option {k}" for k in (2, 3, 4) if not (qid == "s04" and k == 4)]
                first = pool[turn[qid] % len(pool)]  # wrong answers go round the distractors
                turn[qid] += 1
                add(qid, first, False, rng.uniform(40, 120), 1)
                left, attempt = [o for o in pool if o != first], 1
                while rng.random() < 0.7:  # another try after the feedback
                    attempt += 1
                    pick = key if not left or rng.random() < 0.6 else left.pop(rng.randrange(len(left)))
                    add(qid, pick, pick == key, rng.uniform(20, 90), attempt)
                    if pick == key:
                        break
        for k, (qid, key) in enumerate(zip(TRUEFALSE, TF_KEYS)):
            if name == SAME:
                answer = True
            elif name == CLICKER:
                answer = [True, False, False, True, True, False, True, False][k]
            else:
                answer = key if rng.random() < _p_right(qid, abilities[name]) else not key
            add(qid, "true" if answer else "false", answer == key, rng.uniform(20, 60), 1)
            if answer != key and name != SAME:
                add(qid, "true" if key else "false", True, rng.uniform(3, 5) if name == CLICKER else 30, 2)
        words = rng.sample(WORDS, 8)
        reading = {TRIVIAL: ["x y z"], FIXED: ["test test test", " ".join(words)]}.get(name, [" ".join(words)])
        for i, text in enumerate(reading, start=1):
            add(READING[1], text, False, 60, i, kind="reading", quiz=READING[0], status="written")
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")  # as export_progress writes
            writer.writerow(EXPORT_COLUMNS)
            writer.writerows([safe_cell(c) if not isinstance(c, int) else str(c) for c in row] for row in rows)
    return {"abilities": abilities}


@pytest.fixture(scope="module")
def simulated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class30")
    bank_file = folder.parent / "sim_quiz.yaml"
    bank_file.write_text(yaml.safe_dump(_bank(), sort_keys=False), encoding="utf-8")
    bank = kit.load_bank(bank_file)
    truth = simulate(folder, bank)
    return folder, bank_file, class_report(folder, banks=[bank_file]), truth


def test_the_generator_writes_the_export_format(simulated):
    folder, *_ = simulated
    header = (folder / "st01.csv").read_bytes().split(b"\r\n")[0].decode()
    assert header.split(",") == EXPORT_COLUMNS  # student, learner, time, ... as kit.export_progress


def test_item_flags_find_exactly_the_planted_items(simulated):
    *_, report, _ = simulated
    items = report.items.set_index("question")
    assert len(items) == 20 and (items["students"] == 30).all()
    flagged = {q: f for q, f in items["flags"].items() if f}
    assert flagged == {"s01": "nearly everyone right", "s02": "negative discrimination",
                       "s03": "nearly everyone wrong", "s04": f"distractor nobody picks: {DEAD!r}"}
    assert items.loc["s01", "right_first"] > 0.9 and items.loc["s03", "right_first"] < 0.2
    assert items.loc["s02", "discrimination"] < -0.2
    ordinary = [q for q in SINGLES + TRUEFALSE if q not in ("s01", "s02", "s03")]
    assert (items.loc[ordinary, "discrimination"] > 0).all()  # the model gives them positive discrimination


def test_distractor_counts_list_every_option_of_the_bank(simulated):
    *_, report, _ = simulated
    d = report.distractors
    s04 = d[d["question"] == "s04"].set_index("option")
    assert list(s04.index) == [f"s04 option {k}" for k in range(1, 5)]  # the bank's order
    assert s04.loc[DEAD, "first_try"] == 0 and (s04["source"] == "bank").all()
    assert s04["key"].tolist() == [True, False, False, False]
    assert s04["first_try"].sum() == 30 and s04["share"].sum() == pytest.approx(1.0)
    tf = d[d["question"] == "t02"].set_index("option")
    assert list(tf.index) == ["True", "False"] and tf.loc["False", "key"]  # t02's key is False
    assert tf.loc["True", "first_try"] >= 1  # at least st05 answered True


def test_guessing_patterns_find_exactly_the_planted_guessers(simulated):
    *_, report, _ = simulated
    found = set(zip(report.guessing["student"], report.guessing["pattern"]))
    assert found == {(SAME, "same position"), (SAME, "always True"),
                     (CLICKER, "trial and error"), (CLICKER, "same position")}
    evidence = report.guessing.set_index(["student", "pattern"])["evidence"]
    assert "position 2 in 12 of 12" in evidence[(SAME, "same position")]
    assert "position 1 in 12 of 12" in evidence[(CLICKER, "same position")]


def test_trivial_readings_are_listed_per_student(simulated):
    *_, report, _ = simulated
    t = report.trivial
    assert list(zip(t["student"], t["attempt"], t["fixed_later"])) == [(TRIVIAL, 1, False), (FIXED, 1, True)]
    assert (t["question"] == READING[1]).all() and "distinct words" in t["problem"].iloc[0]


def test_html_and_cli_show_the_item_analysis(simulated):
    folder, bank_file, report, _ = simulated
    page = report_html(report)
    for part in ("Item analysis", "nearly everyone right", "negative discrimination", "Options chosen",
                 "look like guessing", "trial and error", "Trivial written attempts", "&#x27;s04 option 4&#x27;"):
        assert part in page, part
    assert "<th scope='col'>discrimination</th>" in page
    proc = subprocess.run([sys.executable, "-m", "kit", "class-report", str(folder), "--bank", str(bank_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for part in ("s02: negative discrimination", "st05: same position", "st22: trial and error",
                 "st07: 01.cho-p1"):
        assert part in proc.stdout, part


def test_a_small_class_gets_nan_with_a_reason_not_a_crash(tmp_path):
    lines = ["student,learner,quiz,question,attempt,status,response"]
    for name, marks in {"ann": "110", "bo": "101", "cy": "111"}.items():
        lines += [f"{name},,q,{item},1,{'correct' if m == '1' else 'incorrect'},x" for item, m in zip("abc", marks)]
    (tmp_path / "all.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = class_report(tmp_path).items.set_index("question")
    assert items["discrimination"].isna().all()
    assert items.loc["a", "note"] == "discrimination: every student right at the first try: nothing to relate"
    assert "only 3 students" in items.loc["b", "note"]
    assert items.loc["a", "flags"] == "nearly everyone right"


def test_a_quiz_id_in_a_students_file_is_never_read_as_a_path(tmp_path, simulated):
    _, bank_file, *_ = simulated
    (tmp_path / "eve.csv").write_text("student,quiz,question,attempt,status,response\n"
                                      f"eve,{bank_file},s01,1,correct,s01 option 1\n", encoding="utf-8")
    d = class_report(tmp_path).distractors
    assert list(d["option"]) == ["s01 option 1"] and (d["source"] == "answers").all()  # only what was given
    d = class_report(tmp_path, banks=str(bank_file)).distractors  # one bank given as a string: still no match
    assert list(d["source"]) == ["answers"]  # the bank's id is sim_quiz, not the path
