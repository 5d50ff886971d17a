"""A guessing test: can a student pass a shipped bank without reading the texts?

Every shipped bank (the quizzes, ``shipped_banks()``, and the exercise sets,
``shipped_sets()``) is answered by 200 simulated students ("sim-000" .. "sim-199"), each
seeing the options in their own order (``shuffled_options(q, learner=...)``), under fixed
strategies, and marked by the real marker (:func:`kit.assessment.check`).  No strategy may
beat the bank's chance score by more than 10 percentage points.  A new bank is held to it too.

What a guesser can answer: ``single``, ``multiple`` with options, ``truefalse``,
``attribution`` and ``matching`` items.  Numeric, free-text, sentence-id, written and
option-less list items cannot be guessed from a list and are left out of both the strategy's
score and the chance score.

Chance score of an item: the expected score of uniform random guessing over its response
space, marked by the real marker (so partial credit and accepted alternatives count):

* single, attribution, truefalse: the mean score over its choices;
* multiple (tick all): the mean over every non-empty set of ticked options;
* matching: the mean over every assignment of a choice to each item (choices may repeat).

A bank's chance score is the mean of its items' chance scores.

Strategies (each picks one choice per item, in the student's order):

* ``first``: the first choice every time (True on true/false, the first text on attribution);
* ``longest``: the longest choice by characters, the first of equals in the student's order
  ("False" on true/false, "neither" on attribution);
* ``random``: a seeded random choice per student (a uniform non-empty set for tick-all, a
  uniform choice per item for matching);
* ``position k``: the k-th choice every time, the last one if an item has fewer (k from 1 to
  the largest number of choices in the banks, less one; k = 0 is ``first``);
* ``always True`` / ``always False`` on true/false, with ``first`` or ``random`` on every other
  item (``always False / first`` is the issue's "always the first option, and False").

Tick-all items get the one chosen option ticked; matching items get the chosen choice for
every item.  Attribution and true/false choices keep their fixed order (the texts, both,
neither; True, False): they are not shuffled, so their keys are what position strategies
can exploit.

Also held here: the key is uniquely the longest option in at most one single item in five per
bank; True keys are 40-60% of all true/false items; every option of a single or multiple item
that is not a key has feedback of its own.
"""
from __future__ import annotations

import itertools
import random

import pytest

from kit.assessment import check, load_bank
from kit.assessment.banks import shipped_banks, shipped_sets
from kit.assessment.order import shuffled_options
from kit.files.resources import data_path

STUDENTS = [f"sim-{n:03d}" for n in range(200)]
MARGIN = 0.10            # percentage points a strategy may beat chance by, as a share
GUESSABLE = ("single", "multiple", "truefalse", "attribution", "matching")


def _banks():
    out = [(f"quizzes/{name}", load_bank(name)) for name in shipped_banks()]
    out += [(f"exercises/{name}", load_bank(str(data_path(f"exercises/{name}.yaml")))) for name in shipped_sets()]
    return out


BANKS = _banks()


def guessable(q) -> bool:
    return q.type in GUESSABLE and not (q.type == "multiple" and not q.options)


def labels(q, learner: str) -> list[str]:
    """The choices as this student sees them, in order."""
    if q.type == "truefalse":
        return ["True", "False"]
    if q.type == "attribution":
        return [*q.doc_ids, "both", "neither"]
    return [o.text for o in shuffled_options(q, learner=learner)]


def response(q, chosen):
    """The response a student gives for the choice(s) picked."""
    if q.type == "truefalse":
        return chosen == "True"
    if q.type == "multiple":
        return list(chosen) if isinstance(chosen, tuple) else [chosen]
    if q.type == "matching":
        return dict(zip(q.key, chosen)) if isinstance(chosen, tuple) else {item: chosen for item in q.key}
    return chosen


_SCORES: dict = {}


def score(q, answer) -> float:
    """The real marker's score (0 to 1) for one response, memoised per question and response."""
    if isinstance(answer, dict):
        frozen = ("dict", tuple(sorted(answer.items())))
    elif isinstance(answer, list):
        frozen = ("list", tuple(sorted(answer)))
    else:
        frozen = (type(answer).__name__, answer)
    key = (q, frozen)   # the question itself (hashed by identity), kept alive by the cache
    if key not in _SCORES:
        result = check(q, answer)
        assert result.status not in ("invalid", "written"), f"{q.id}: the guess {answer!r} was not read ({result})"
        _SCORES[key] = float(result.score or 0.0)
    return _SCORES[key]


def chance(q) -> float:
    """Expected score of uniform random guessing over the item's response space."""
    options = labels(q, "chance")   # the order does not change the mean
    if q.type == "multiple":
        subsets = [c for r in range(1, len(options) + 1) for c in itertools.combinations(options, r)]
        return sum(score(q, response(q, s)) for s in subsets) / len(subsets)
    if q.type == "matching":
        grid = list(itertools.product(options, repeat=len(q.key)))
        return sum(score(q, response(q, g)) for g in grid) / len(grid)
    return sum(score(q, response(q, o)) for o in options) / len(options)


def pick(rule, q, options: list[str], rng: random.Random):
    """One student's choice for one item under an option rule."""
    if rule == "first":
        return options[0]
    if rule == "longest":
        return max(options, key=len)          # max keeps the first of equals
    if rule == "random":
        if q.type == "multiple":
            while True:
                ticked = tuple(o for o in options if rng.random() < 0.5)
                if ticked:
                    return ticked
        if q.type == "matching":
            return tuple(rng.choice(options) for _ in q.key)
        return rng.choice(options)
    k = int(rule.split()[1])                  # "position k"
    return options[min(k, len(options) - 1)]


POSITIONS = max(len(labels(q, "sim-000")) for _, bank in BANKS for q in bank if guessable(q))
OPTION_RULES = ["first", "longest", "random", *[f"position {k}" for k in range(1, POSITIONS)]]
STRATEGIES = [*[(o, "same rule") for o in OPTION_RULES],
              *[(o, t) for t in ("always True", "always False") for o in ("first", "random")]]


def strategy_score(items, option_rule: str, truth_rule: str) -> float:
    """The mean score over students and items of one strategy on one bank's guessable items."""
    total = 0.0
    for learner in STUDENTS:
        rng = random.Random(f"{learner}|{option_rule}|{truth_rule}")
        for q in items:
            options = labels(q, learner)
            if q.type == "truefalse" and truth_rule != "same rule":
                chosen = "True" if truth_rule == "always True" else "False"
            else:
                chosen = pick(option_rule, q, options, rng)
            total += score(q, response(q, chosen))
    return total / (len(STUDENTS) * len(items))


@pytest.mark.parametrize("name,bank", BANKS, ids=[name for name, _ in BANKS])
def test_no_strategy_beats_chance_by_more_than_ten_points(name, bank):
    items = [q for q in bank if guessable(q)]
    if not items:
        pytest.skip(f"{name} has no item a guesser can answer from a list")
    base = sum(chance(q) for q in items) / len(items)
    results = {(o if t == "same rule" else f"{t} / {o}"): strategy_score(items, o, t) for o, t in STRATEGIES}
    too_good = {s: v for s, v in results.items() if v - base > MARGIN}
    table = "\n".join(f"  {s:32} {v:6.1%}" for s, v in sorted(results.items(), key=lambda kv: -kv[1]))
    assert not too_good, (f"{name}: chance is {base:.1%} over {len(items)} items; these strategies beat it by "
                          f"more than {MARGIN:.0%}: {sorted(too_good)}\n{table}")
    # the random student is the chance score, give or take sampling noise
    assert abs(results["random"] - base) < 0.05, table


def test_the_guessing_test_can_fail():
    # a bank whose key is always the first option and always True is caught by "first / same rule"
    from kit.assessment import parse_bank

    bank = parse_bank({"id": "lazy", "questions": [
        *[{"id": f"s{n}", "type": "single", "prompt": "?", "answer": "right", "shuffle": False, "cites": [],
           "options": [{"text": "right"}, {"text": "wrong one"}, {"text": "wrong two"}]} for n in range(4)],
        {"id": "t", "type": "truefalse", "prompt": "?", "answer": True, "cites": []}]})
    items = [q for q in bank if guessable(q)]
    base = sum(chance(q) for q in items) / len(items)
    assert round(base, 3) == round((4 / 3 + 0.5) / 5, 3)
    assert strategy_score(items, "first", "same rule") - base > MARGIN


def test_chance_of_tick_all_and_matching_uses_the_real_marker():
    quiz = load_bank("01_close_reading").question("compound-actors")   # 3 keys among 4 options
    subsets = [c for r in range(1, 5) for c in itertools.combinations([o.text for o in quiz.options], r)]
    assert len(subsets) == 15
    # the marker gives (right - wrong) / 3, at least 0, for a ticked set
    by_hand = sum(max(0.0, (sum(t in quiz.key for t in s) - sum(t not in quiz.key for t in s)) / 3)
                  for s in subsets) / 15
    assert chance(quiz) == pytest.approx(by_hand)
    match = load_bank("00_start_here").question("match-ids")            # 3 items, 3 choices
    # 27 assignments; the marker gives the share of right matches: the mean is 1/3
    assert chance(match) == pytest.approx(1 / 3)


# --- fair keys ---------------------------------------------------------------------------------


def _key_longest(q) -> bool:
    lengths = [len(o.text) for o in q.options]
    return sum(n >= len(q.key) for n in lengths) == 1


@pytest.mark.parametrize("name,bank", BANKS, ids=[name for name, _ in BANKS])
def test_the_key_is_rarely_the_longest_option(name, bank):
    singles = [q for q in bank if q.type == "single"]
    longest = [q.id for q in singles if _key_longest(q)]
    assert len(longest) * 5 <= len(singles), f"{name}: the key is uniquely the longest in {longest} of {len(singles)}"


def test_true_and_false_keys_are_balanced():
    keys = [q.key for _, bank in BANKS for q in bank if q.type == "truefalse"]
    assert len(keys) >= 5
    share = sum(k is True for k in keys) / len(keys)
    assert 0.4 <= share <= 0.6, f"{sum(k is True for k in keys)} of {len(keys)} true/false keys are True"


def test_every_wrong_option_has_its_own_feedback():
    missing = []
    for name, bank in BANKS:
        for q in bank:
            if q.type not in ("single", "multiple"):
                continue
            keys = {q.key} if q.type == "single" else set(q.key or ())
            missing += [f"{name}: {q.id}: {o.text!r}" for o in q.options if o.text not in keys and not o.feedback.strip()]
    assert not missing, "\n".join(missing)
