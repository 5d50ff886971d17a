"""Every shipped question bank (kit/data/quizzes/*.yaml) and exercise set
(kit/data/exercises/*.yaml) validates, cites real sentences, quotes them word for
word, and accepts its own answer key.  New files are picked up automatically."""
from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit import _citations
from kit.assessment import check, format_answer, load_bank
from kit.assessment.exercises import build_registry, mark, parse_exercise_set

DATA = Path(kit.__file__).parent / "data"
BANKS = sorted((DATA / "quizzes").glob("*.yaml"))
SETS = sorted((DATA / "exercises").glob("*.yaml"))


def test_there_are_banks():
    assert any(p.stem == "00_start_here" for p in BANKS)


def _key_as_response(q):
    key = q.key
    return {"multiple": lambda: list(key), "text": lambda: key[0]}.get(q.type, lambda: key)()


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_bank_validates_and_is_consistent(path, corpus):
    bank = load_bank(path)  # raises QuestionBankError naming file, question and field
    assert bank.id == path.stem, "the bank id must be the lesson notebook's stem"
    assert len(bank) >= 1
    problems = []
    for q in bank:
        where = f"{path.name}: {q.id}"
        for sid in q.cites:
            assert corpus.sentence(sid).id == sid
        cited = [corpus.sentence(sid).text for sid in q.cites]
        for phrase in q.quotes:
            if not any(_citations.quote_in(phrase, text) for text in cited):
                problems.append(f"{where}: quotes {phrase!r}, not in {q.cites}")
        if q.type == "attribution":
            docs = {"both": ("cho", "yang"), "neither": ()}.get(q.key, (q.key,))
            if q.key == "neither":
                assert not any(_citations.quote_in(q.quote, corpus[d].text) for d in corpus), where
            for doc in docs:
                texts = [corpus.sentence(s).text for s in q.cites if s.startswith(doc + " ")]
                if not any(_citations.quote_in(q.quote, t) for t in texts):
                    problems.append(f"{where}: attribution quote {q.quote!r} not in a cited {doc} sentence")
        texts = [("prompt", q.prompt), ("explanation", q.explanation)]
        texts += [("option", o.text) for o in q.options] + [("feedback", o.feedback) for o in q.options]
        for field, text in texts:
            problems += _citations.problems(text, corpus, f"{where} {field}")
        # the key (computed ones run here) is accepted by check(): the bank agrees with itself
        format_answer(q)
        result = check(q, _key_as_response(q))
        if not result.correct:
            problems.append(f"{where}: its own answer is marked {result.status}")
    assert not problems, "\n".join(problems)


def test_exercise_sets_have_unique_ids():
    registry = build_registry([(str(p), p.read_text(encoding="utf-8")) for p in SETS])
    assert len(registry) == sum(len(parse_exercise_set(p.read_text(encoding="utf-8"), source=str(p))) for p in SETS)


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_exercise_set_validates_and_is_consistent(path, corpus):
    found = parse_exercise_set(path.read_text(encoding="utf-8"), source=str(path))
    problems = []
    for ex in found:
        where = f"{path.name}: {ex.id}"
        if ex.id.split(".")[0] != path.stem.split("_")[0]:
            problems.append(f"{where}: id should start with the lesson number {path.stem.split('_')[0]!r}")
        for sid in ex.citations:
            assert corpus.sentence(sid.id).text == sid.text
        for phrase in ex.quotes:
            if not any(_citations.quote_in(phrase, c.text) for c in ex.citations):
                problems.append(f"{where}: quotes {phrase!r}, not in its cited sentences")
        for field, text in [("prompt", ex.prompt), ("explanation", ex.explanation),
                            *[("hint", h) for h in ex.hints]]:
            problems += _citations.problems(text, corpus, f"{where} {field}")
        if not 1 <= len(ex.hints) <= 3:
            problems.append(f"{where}: give 1 to 3 hints, not {len(ex.hints)}")
        result = mark(ex, ex.key)  # computed keys run here
        if not result.correct:
            problems.append(f"{where}: its own expected answer is marked {result.status}: {result.message}")
        if mark(ex, ...).status != "not answered":
            problems.append(f"{where}: `...` is not treated as 'not answered yet'")
    assert not problems, "\n".join(problems)
