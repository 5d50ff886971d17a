"""Options in an order drawn per student and question (kit.assessment.order): stable for one
student across kernels, different between students, ``shuffle: false`` honoured, and the
same order in the widget, the text fallback, the answer key and the letters."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.assessment import check, load_bank, parse_bank
from kit.assessment.banks import shipped_banks, shipped_sets
from kit.assessment.order import choices, option_order, shuffled_options
from kit.errors import QuestionBankError
from kit.assessment.log import learner_id
from kit.widgets.quiz import quiz

ROOT = Path(__file__).resolve().parents[2]
BANKS = [*shipped_banks(), *shipped_sets()]


def all_questions():
    return [q for bank in BANKS for q in load_bank(bank)]


def shuffled_items():
    """Every shipped question whose options are shuffled (two or more choices, not pinned)."""
    return [q for q in all_questions() if q.type in ("single", "multiple", "matching") and q.shuffle
            and len(choices(q)) >= 2]


def texts(options) -> list[str]:
    return [o.text for o in options]


def test_the_shipped_banks_have_shuffled_items():
    assert len(shuffled_items()) >= 20  # the quizzes alone had 32 single-choice items (issue 19)


def test_one_student_sees_the_same_order_twice_and_after_a_restart(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "ann"))
    items = [q for q in shuffled_items() if q.bank == "01_close_reading"] or shuffled_items()
    first = {q.id: texts(shuffled_options(q)) for q in items}
    assert first == {q.id: texts(shuffled_options(q)) for q in load_bank(items[0].bank) if q.id in first}
    # a second "kernel": a new Python process reading the same store
    code = ("import json, kit.assessment as A; from kit.assessment.order import shuffled_options; "
            f"print(json.dumps({{q.id: [o.text for o in shuffled_options(q)] for q in A.load_bank({items[0].bank!r})"
            f" if q.id in {sorted(first)!r}}}))")
    env = {**os.environ, "KIT_PROGRESS_DIR": str(tmp_path / "ann")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert json.loads(out) == first


def test_two_students_see_different_orders_for_most_items():
    items = shuffled_items()
    learners = [f"{n:012x}" for n in range(1, 21)]  # 10 fixed pairs of learner ids
    shares = []
    for a, b in zip(learners[::2], learners[1::2]):
        shares.append(sum(option_order(q, a) != option_order(q, b) for q in items) / len(items))
    # chance of the same order: 1/2 for two choices, 1/6 for three, 1/24 for four
    assert sum(shares) / len(shares) > 0.8, shares
    assert min(shares) > 0.6, shares


def test_two_hub_users_get_different_widgets(tmp_path, monkeypatch):
    shown = {}
    for user in ("ann", "bob"):  # two home folders: two stores, two learner ids
        monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / user))
        box = quiz("01_close_reading", record=False)
        shown[user] = {p.q.id: [label for label, _ in p.spec.options] for p in box.panels if p.spec.options}
        shown[user + " id"] = learner_id()
    assert shown["ann id"] != shown["bob id"]
    differ = [qid for qid in shown["ann"] if shown["ann"][qid] != shown["bob"][qid]]
    assert sorted(map(sorted, shown["ann"].values())) == sorted(map(sorted, shown["bob"].values()))  # same options
    assert len(differ) >= len(shown["ann"]) / 2, (differ, shown)


def test_the_key_is_not_always_in_one_place():
    """Over 300 students the key of a single-choice item is first about 1/n of the time."""
    items = [q for q in shuffled_items() if q.type == "single"]
    learners = [f"s{n}" for n in range(300)]
    first = sum(shuffled_options(q, s)[0].text == q.key for q in items for s in learners) / (len(items) * 300)
    chance = sum(1 / len(q.options) for q in items) / len(items)
    assert abs(first - chance) < 0.05, (first, chance)


def _pinned_bank(shuffle):
    return parse_bank({"id": "pin", "questions": [
        {"id": "scale", "type": "single", "prompt": "How sure is Yang?", "cites": [], "shuffle": shuffle,
         "options": ["not at all", "a little", "fairly", "very"], "answer": "fairly"},
        {"id": "tick", "type": "multiple", "prompt": "Which?", "cites": [], "shuffle": shuffle,
         "options": ["one", "two", "three", "four"], "answer": ["one", "two"]},
        {"id": "match", "type": "matching", "prompt": "Match", "cites": [], "shuffle": shuffle,
         "answer": {"p": "delta", "q": "alpha", "r": "charlie", "s": "bravo"}}]})


def test_shuffle_false_keeps_the_banks_order(tmp_path, monkeypatch):
    bank = _pinned_bank(False)
    for n in range(8):
        monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / str(n)))
        box = quiz(bank, record=False)
        assert list(box.panels[0].input.options) == ["not at all", "a little", "fairly", "very"]
        assert [c.description for c in box.panels[1].input.children] == ["one", "two", "three", "four"]
        assert [v for v in box.panels[2].input.children[0].options[1:]] == [  # unshuffled matching: A to Z
            ("alpha", "alpha"), ("bravo", "bravo"), ("charlie", "charlie"), ("delta", "delta")]
    assert kit.answer_key(bank, learner="ann").order.tolist() == ["fixed"] * 3
    shuffled = _pinned_bank(True)  # the same questions, shuffled: 3 items x 24 orders, 8 students
    orders = {(q.id, option_order(q, str(n))) for q in shuffled for n in range(8)}
    assert len(orders) > 3


@pytest.mark.parametrize("value, qtype, match", [
    ("no", "single", r"field 'shuffle': must be true .* or false .*not 'no'"),
    (0, "matching", r"field 'shuffle': must be true .* not 0"),
    (False, "truefalse", r"field 'shuffle': not a field of a truefalse question"),
    (False, "multiple-free", r"field 'shuffle': only a question with options"),
])
def test_bad_shuffle_values_are_clear_errors(value, qtype, match):
    q = {"single": {"type": "single", "options": ["a", "b"], "answer": "a"},
         "matching": {"type": "matching", "answer": {"x": "a", "y": "b"}},
         "truefalse": {"type": "truefalse", "answer": True},
         "multiple-free": {"type": "multiple", "answer": ["a", "b"]}}[qtype]
    with pytest.raises(QuestionBankError, match=match):
        parse_bank({"id": "bad", "questions": [{"id": "q", "prompt": "?", "cites": [], "shuffle": value, **q}]})


def test_truefalse_and_attribution_keep_their_fixed_order():
    for q in all_questions():
        if q.type == "truefalse":
            assert q.kind.input(q).options == (("True", True), ("False", False))
        elif q.type == "attribution":
            assert [v for _, v in q.kind.input(q).options] == [*q.doc_ids, "both", "neither"]


def _widget_order(panel) -> list[str]:
    if panel.spec.kind == "pairs":
        return [label for label, _ in panel.input.children[0].options[1:]]  # after "— choose —"
    if panel.spec.kind == "choices":
        return [c.description for c in panel.input.children]
    return list(panel.input.options)


def _text_order(q) -> list[str]:
    lines = q.kind.text(q)
    if q.type == "matching":
        return lines[-1].removeprefix("   choices: ").split(" | ")
    return [line.strip()[4:] if line.strip()[:1] in "([" else line.strip()[3:] for line in lines]


def test_widget_text_fallback_and_answer_key_show_one_order():
    me = learner_id()
    for bank in shipped_banks():
        box = quiz(bank, record=False)
        key = kit.answer_key(bank, learner=me).set_index("question")
        for p in box.panels:
            if p.q.type not in ("single", "multiple", "matching") or not p.spec.options:
                continue
            shown = _widget_order(p)
            assert shown == texts(shuffled_options(p.q)) == _text_order(p.q), p.q.id
            parts = key.options[p.q.id].split(" | ")
            assert len(parts) == len(shown), p.q.id
            assert all(part.startswith(f"{chr(97 + n)}) {t}") for n, (part, t) in enumerate(zip(parts, shown))), p.q.id
            assert key.order[p.q.id] == (f"learner {me}" if p.q.shuffle else "fixed")


def test_default_answer_key_keeps_the_banks_order_and_marks_the_key():
    bank = load_bank("00_start_here")
    key = kit.answer_key(bank).set_index("question")
    q = bank.question("futile-sentence")
    assert key.order[q.id] == "bank"
    assert key.options[q.id].startswith(f"a) {q.options[0].text}")
    assert f"{q.key} (key)" in key.options[q.id]
    assert key.options[q.id].count("(key)") == 1
    assert key.options["cho-excerpt"] == "" and key.order["cho-excerpt"] == ""  # truefalse: no options column


def test_letters_name_the_options_as_shown(tmp_path, monkeypatch):
    for user in ("ann", "bob", "cy"):
        monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / user))
        for q in shuffled_items():
            if q.type != "single":
                continue
            shown = texts(shuffled_options(q))
            letter = chr(97 + shown.index(q.key))
            assert check(q, letter).correct, (q.id, letter, shown)
            wrong = chr(97 + (shown.index(q.key) + 1) % len(shown))
            assert not check(q, wrong).correct


def test_option_order_is_cheap():
    import time

    q = shuffled_items()[0]
    start = time.perf_counter()
    for _ in range(200):
        option_order(q)  # with the store's learner id: reads one small file
    assert (time.perf_counter() - start) / 200 < 0.002
