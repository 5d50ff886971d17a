"""Per student: answer patterns that look like guessing, and trivial written attempts.

A pattern is a prompt to talk with the student, not a verdict: each row says what was
seen.  The rules (a student is listed when all the conditions hold):

* ``same position``: at least :data:`MIN_POSITION_ITEMS` single-choice items whose
  first answer has a known on-screen position (the student's own shuffled order, from
  the ``learner`` id), at least 80% of them at the same position, and no more than 60%
  of those first answers right (a student who knows the answers is not listed, even
  where every key happens to sit at one position).
* ``always True`` / ``always False``: at least :data:`MIN_TRUEFALSE` true/false items,
  every first answer the same, and at least a third of them wrong (so the keys differ).
* ``trial and error``: at least :data:`MIN_CLICKED` items "clicked through": three or
  more tries at the item, either each try less than :data:`FAST_SECONDS` seconds after
  the one before (when the export has times) or going down the options in the order
  shown (position p, then p + 1, ...).

Trivial attempts are written answers and readings (``kind`` reading or ``status``
written) that :func:`kit.assessment.effort.attempt_problem` rejects: fewer than four
distinct real words, or filler.

>>> attempts = pd.DataFrame({"student": ["ann", "ann"], "kind": "reading", "quiz": "01",
...     "question": "01.cho-p1", "attempt": [1, 2], "status": "written",
...     "response": ["x y z", "Cho says China worries about Pyongyang"]})
>>> trivial_table(attempts)[["student", "attempt", "response", "fixed_later"]]
  student  attempt response  fixed_later
0     ann        1    x y z         True
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from ..assessment.effort import attempt_problem
from .items import Lookup, chosen_options, shown_position

__all__ = ["guessing_table", "trivial_table", "MIN_POSITION_ITEMS", "MIN_TRUEFALSE", "MIN_CLICKED",
           "FAST_SECONDS", "SAME_SHARE"]

MIN_POSITION_ITEMS = 6
SAME_SHARE = 0.8
MIN_TRUEFALSE = 6
MIN_CLICKED = 3
FAST_SECONDS = 15
_TF = {"true": True, "t": True, "yes": True, "y": True, "false": False, "f": False, "no": False, "n": False}


def _same_position(rows: list[dict]) -> dict | None:
    seen = [(r["positions"][0], r["right_first"]) for r in rows
            if r["type"] == "single" and r["positions"] and r["positions"][0] is not None]
    if len(seen) < MIN_POSITION_ITEMS:
        return None
    position, n = Counter(p for p, _ in seen).most_common(1)[0]
    right = sum(ok for p, ok in seen if p == position)
    if n < SAME_SHARE * len(seen) or right > 0.6 * n:
        return None
    return {"pattern": "same position", "items": len(seen),
            "evidence": f"first chose the option shown at position {position} in {n} of {len(seen)} "
                        f"single-choice items; {right} of those {n} were right"}


def _always(rows: list[dict]) -> dict | None:
    answers = []
    for r in rows:
        value = _TF.get(str(r["responses"][0]).strip().lower()) if r["responses"] else None
        if r["type"] == "truefalse" or (r["type"] == "" and value is not None):
            answers.append((value, r["right_first"]))
    values = {v for v, _ in answers}
    wrong = sum(not ok for _, ok in answers)
    if len(answers) < MIN_TRUEFALSE or len(values) != 1 or None in values or wrong < len(answers) / 3:
        return None
    word = "True" if values.pop() else "False"
    return {"pattern": f"always {word}", "items": len(answers),
            "evidence": f"answered {word} first on all {len(answers)} true/false items; {wrong} of them wrong"}


def _clicked(r: dict) -> bool:
    if r["tries"] < 3:
        return False
    times = [t for t in r["times"] if t is not pd.NaT and t == t]
    if len(times) == len(r["times"]):
        gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
        if all(0 <= g < FAST_SECONDS for g in gaps):
            return True
    pos = r["positions"]
    return r["type"] == "single" and None not in pos and all(b == a + 1 for a, b in zip(pos, pos[1:]))


def _trial_and_error(rows: list[dict]) -> dict | None:
    clicked = [r for r in rows if _clicked(r)]
    if len(clicked) < MIN_CLICKED:
        return None
    most = sum(r["n_options"] >= 3 and r["tries"] >= r["n_options"] - 1 for r in rows)
    return {"pattern": "trial and error", "items": len(rows),
            "evidence": f"clicked through {len(clicked)} of {len(rows)} items (3 or more tries, each under "
                        f"{FAST_SECONDS} s after the last or down the options in the order shown); needed all "
                        f"or all but one of the options on {most}"}


def guessing_table(per: pd.DataFrame, lookup: Lookup) -> pd.DataFrame:
    """One row per (student, pattern) found: ``pattern``, ``items`` (the items the rule
    looked at) and ``evidence`` (what was seen), from :func:`~kit.classroom.items.first_tries`."""
    cols = ["student", "pattern", "items", "evidence"]
    found = []
    for student, grp in per.groupby("student", sort=True):
        rows = []
        for r in grp.itertuples():
            q = lookup(r.kind, r.quiz, r.question)
            labels = [next(iter(chosen_options(q, resp, r.learner)), None) for resp in r.responses]
            rows.append({"type": q.type if q is not None else "", "right_first": bool(r.right_first),
                         "tries": int(r.tries), "responses": r.responses, "times": r.times,
                         "n_options": len(q.options) if q is not None else 0,
                         "positions": [shown_position(q, lab, r.learner) if lab else None for lab in labels]})
        for rule in (_same_position, _always, _trial_and_error):
            hit = rule(rows)
            if hit:
                found.append({"student": student, **hit})
    return pd.DataFrame(found, columns=cols)


def trivial_table(attempts: pd.DataFrame) -> pd.DataFrame:
    """Written answers and readings that are not a real attempt: ``problem`` says why;
    ``fixed_later`` whether the student wrote a real one at the same task afterwards."""
    cols = ["student", "kind", "quiz", "question", "attempt", "response", "problem", "fixed_later"]
    written = attempts[(attempts["kind"] == "reading") | (attempts["status"] == "written")]
    rows = []
    for (student, quiz, question), grp in written.groupby(["student", "quiz", "question"], sort=True):
        grp = grp.sort_values("attempt", kind="stable")
        problems = [attempt_problem(str(t)) for t in grp["response"]]
        for i, (r, problem) in enumerate(zip(grp.itertuples(), problems)):
            if problem:
                rows.append({"student": student, "kind": r.kind, "quiz": quiz, "question": question,
                             "attempt": int(r.attempt), "response": str(r.response)[:200], "problem": problem,
                             "fixed_later": any(not p for p in problems[i + 1:])})
    return pd.DataFrame(rows, columns=cols)
