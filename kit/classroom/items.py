"""Item analysis for the class report: how each quiz and exercise item worked.

Everything is computed from each student's *first* try at an item (later tries come
after feedback).  Written answers are not items here; they have no score.

* :func:`first_tries` - one row per (item, student): first answer, tries, right or not;
* :func:`item_table` - per item: ``right_first``, ``discrimination`` and ``flags``;
* :func:`distractor_table` - per item and option: how many chose it at the first try.

**Discrimination** is the corrected item-total point-biserial: the correlation, over
the students who tried the item, between right at the first try (1/0) and the share
of the *other* items of the same quiz they got right at the first try.  Positive:
students who did well elsewhere got this item right more often.  It is ``NaN``, with
the reason in ``note``, when fewer than :data:`MIN_STUDENTS` students have both, when
the quiz has fewer than two other items, or when the item or the rest of the quiz does
not vary (all right, say).

Flags: ``nearly everyone right`` (more than 90% right at the first try), ``nearly
everyone wrong`` (under 20%), ``negative discrimination`` (below -0.2: with 30
students a value between -0.2 and 0 is within chance of no relation), ``distractor
nobody picks`` (an option of the bank no student chose at the first try; not shown on
an item nearly everyone gets right, where every distractor goes unpicked).

>>> per = pd.DataFrame({"quiz": "q", "question": ["a", "a"], "student": ["ann", "bo"],
...                     "kind": "quiz", "right_first": [True, True]})
>>> row = item_table(per, lambda kind, quiz, question: None).iloc[0]
>>> float(row["right_first"]), row["flags"]
(1.0, 'nearly everyone right')
>>> row["note"]
'discrimination: the quiz has no other items to compare with (fewer than 2)'
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from ..assessment.banks import Bank, load_bank, shipped_banks
from ..assessment.exercises import registry
from ..assessment.normalise import loose
from ..assessment.order import choices, option_order
from ..assessment.log import GRADED as GRADED_STATUSES
from ..assessment.questions import Question
from ..errors import KitError, WrongType, shown

__all__ = ["first_tries", "item_table", "distractor_table", "QuestionLookup", "options_of", "chosen_options",
           "shown_position", "GRADED", "MIN_STUDENTS", "EASY", "HARD", "NEGATIVE"]

GRADED = set(GRADED_STATUSES)
MIN_STUDENTS = 10
EASY, HARD, NEGATIVE = 0.9, 0.2, -0.2
Lookup = Callable[[str, str, str], "Question | None"]


class QuestionLookup:
    """``lookup(kind, quiz, question)`` -> the bank's :class:`Question`, or None.

    ``banks`` (Bank objects, bank ids or YAML paths) are searched first; then the kit's
    shipped quiz banks (``kind`` quiz) and exercise sets (``kind`` exercise).  A quiz id
    read from a student's file is only ever looked up among those: never read as a path."""

    def __init__(self, banks: Iterable = (), *, corpus=None) -> None:
        self.corpus = corpus
        self.given: dict[str, Bank] = {}
        if banks is None:
            banks = ()
        if isinstance(banks, (str, os.PathLike, Bank)):
            banks = [banks]
        if not isinstance(banks, (list, tuple, set, frozenset)):
            raise WrongType(f"class_report(banks={shown(banks)}): banks is a bank id, a YAML file or a list of "
                            "them, e.g. kit.class_report('exports/', banks=['my_quiz.yaml']).")
        for bank in banks:
            bank = load_bank(bank, corpus=corpus)
            self.given[bank.id] = bank
        self.cache: dict[str, Bank | None] = {}
        self.shipped = set(shipped_banks())

    def __call__(self, kind: str, quiz: str, question: str) -> Question | None:
        bank = self.given.get(quiz)
        if bank is None and kind == "exercise":
            try:
                found = registry(corpus=self.corpus).get(question)
            except KitError:
                return None
            return found if found is not None and found.bank in ("", quiz) else None
        if bank is None and quiz in self.shipped:
            if quiz not in self.cache:
                try:
                    self.cache[quiz] = load_bank(quiz, corpus=self.corpus)
                except (KitError, OSError):
                    self.cache[quiz] = None
            bank = self.cache.get(quiz)
        return next((q for q in bank if q.id == question), None) if bank is not None else None


def options_of(q: Question | None) -> list[tuple[str, object, bool]]:
    """``(label, value, is_key)`` for each option of a closed item, in the bank's order;
    ``[]`` for open items (numbers, text, ids, matching) or no question."""
    if q is None:
        return []
    try:
        if q.type in ("single", "multiple") and q.options:
            keys = {q.key} if q.type == "single" else set(q.key)
            return [(o.text, o.text, o.text in keys) for o in choices(q)]
        if q.type in ("truefalse", "attribution"):
            return [(str(label), value, value == q.key) for label, value in q.kind.input(q).options]
    except KitError:  # a computed key that cannot be computed: no options to list
        return []
    return []


def _parse(response: str):
    text = str(response).strip()
    if text.startswith("[") and text.endswith("]"):
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return [str(v) for v in value] if isinstance(value, list) else text
    return text


def chosen_options(q: Question | None, response, learner: str = "") -> list[str]:
    """The option labels a response names (several for a tick-all item); a response that
    names none is returned as it is (``[]`` if empty)."""
    opts = options_of(q)
    value = _parse(response)
    parts = value if isinstance(value, list) else [value]
    out = []
    for part in parts:
        if part == "":
            continue
        if q is not None and q.type == "truefalse":
            word = part.lower()
            part = "True" if word in ("true", "t", "yes", "y") else "False" if word in ("false", "f", "no", "n") else part
        hit = next((label for label, v, _ in opts if str(v) == part or label == part), None) or \
            next((label for label, v, _ in opts if loose(str(v)) == loose(part) or loose(label) == loose(part)), None)
        if hit is None and opts and len(part) == 1 and part.isalpha():  # "b": the second option as shown
            shown = shown_order(q, learner)
            i = ord(part.lower()) - 97
            hit = opts[shown[i]][0] if shown is not None and 0 <= i < len(shown) else None
        out.append(hit if hit is not None else part)
    return out


def shown_order(q: Question, learner: str) -> tuple[int, ...] | None:
    """The order this student saw ``q``'s options in (indexes into the bank's order), or
    None when it cannot be known (a shuffled item in an export without a learner id)."""
    if q.type not in ("single", "multiple") or not q.options:
        return tuple(range(len(options_of(q))))
    if learner or not q.shuffle:
        return option_order(q, learner or "-")
    return None


def shown_position(q: Question | None, label: str, learner: str = "") -> int | None:
    """Where ``label`` was shown to this student (1 = first), or None if unknown."""
    opts = [o[0] for o in options_of(q)]
    if label not in opts:
        return None
    order = shown_order(q, learner)
    return None if order is None else order.index(opts.index(label)) + 1


def first_tries(attempts: pd.DataFrame) -> pd.DataFrame:
    """One row per (quiz, question, student) over the graded quiz and exercise attempts:
    ``kind``, ``learner``, ``first_status``, ``right_first``, ``right``, ``tries``,
    ``responses`` and ``times`` (every try, in order)."""
    cols = ["quiz", "question", "student", "kind", "learner", "first_status", "right_first", "right", "tries",
            "wrong", "responses", "times"]
    graded = attempts[attempts["status"].isin(GRADED) & (attempts["kind"] != "reading")]
    if graded.empty:
        return pd.DataFrame(columns=cols)
    graded = graded.assign(when=pd.to_datetime(graded["time"], utc=True, errors="coerce", format="ISO8601"))
    graded = graded.sort_values(["student", "quiz", "question", "attempt", "when"], kind="stable")
    g = graded.groupby(["quiz", "question", "student"], sort=False)
    out = pd.DataFrame({
        "kind": g["kind"].first(), "learner": g["learner"].first(),
        "first_status": g["status"].first(),
        "right": g["status"].agg(lambda s: bool((s == "correct").any())),
        "tries": g["attempt"].size(),
        "wrong": g["status"].agg(lambda s: int((s != "correct").sum())),
        "responses": g["response"].agg(lambda s: tuple(map(str, s))),
        "times": g["when"].agg(tuple),
    }).reset_index()
    out["right_first"] = out["first_status"] == "correct"
    return out[cols]


def _point_biserial(item: pd.Series, rest: pd.Series, others: int) -> tuple[float, str]:
    if others < 2:
        return np.nan, "the quiz has no other items to compare with (fewer than 2)"
    if item.nunique() == 1:
        return np.nan, f"every student {'right' if item.iloc[0] else 'wrong'} at the first try: nothing to relate"
    if len(item) < MIN_STUDENTS:
        return np.nan, f"only {len(item)} students with a rest-of-quiz score ({MIN_STUDENTS} needed)"
    if rest.nunique() < 2:
        return np.nan, "the rest of the quiz gives every student the same score"
    return float(np.corrcoef(item.astype(float), rest.astype(float))[0, 1]), ""


def _discrimination(per: pd.DataFrame) -> dict[tuple[str, str], tuple[float, str]]:
    out = {}
    for quiz, grp in per.groupby("quiz", sort=False):
        m = grp.pivot_table(index="student", columns="question", values="right_first", aggfunc="first")
        m = m.astype(float)
        for question in m.columns:
            others = m.drop(columns=question)
            rest = others.mean(axis=1).where(others.notna().sum(axis=1) >= 2)
            pair = pd.DataFrame({"item": m[question], "rest": rest}).dropna()
            out[(quiz, question)] = _point_biserial(pair["item"], pair["rest"], others.shape[1])
    return out


def distractor_table(per: pd.DataFrame, lookup: Lookup) -> pd.DataFrame:
    """Per item and option: ``key``, ``first_try`` (students who chose it at their first
    try), ``share`` of the students who tried the item, ``any_try`` (tries that chose it)
    and ``source``: ``bank`` (every option of the bank, chosen or not) or ``answers``
    (the item's bank is unknown, or an answer that names no option: only what was given)."""
    cols = ["quiz", "question", "option", "key", "first_try", "share", "any_try", "source"]
    rows = []
    for (quiz, question), grp in per.groupby(["quiz", "question"], sort=True):
        q = lookup(grp["kind"].iloc[0], quiz, question)
        opts = options_of(q)
        if q is not None and not opts:
            continue  # an open item of a known bank: its answers are in wrong_answers
        first, anyt, keys = {}, {}, {label: is_key for label, _, is_key in opts}
        for r in grp.itertuples():
            for i, response in enumerate(r.responses):
                for label in dict.fromkeys(chosen_options(q, response, r.learner)):
                    anyt[label] = anyt.get(label, 0) + 1
                    if i == 0:
                        first[label] = first.get(label, 0) + 1
                        if not opts and r.right_first:
                            keys[label] = True
        for label in [*keys, *[a for a in anyt if a not in keys]]:
            rows.append({"quiz": quiz, "question": question, "option": label, "key": bool(keys.get(label, False)),
                         "first_try": first.get(label, 0), "share": first.get(label, 0) / len(grp),
                         "any_try": anyt.get(label, 0), "source": "bank" if label in keys and opts else "answers"})
    return pd.DataFrame(rows, columns=cols)


def item_table(per: pd.DataFrame, lookup: Lookup, distractors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per item: ``type`` (from the bank, if known), ``students``, ``right_first``,
    ``discrimination``, ``unpicked`` (distractors of the bank nobody chose at the first
    try), ``flags`` and ``note`` (why a number is missing)."""
    cols = ["quiz", "question", "kind", "type", "students", "right_first", "discrimination", "unpicked",
            "flags", "note"]
    if per.empty:
        return pd.DataFrame(columns=cols)
    disc = _discrimination(per)
    rows = []
    for (quiz, question), grp in per.groupby(["quiz", "question"], sort=True):
        q = lookup(grp["kind"].iloc[0], quiz, question)
        right = float(grp["right_first"].mean())
        r, note = disc[(quiz, question)]
        unpicked = []
        if distractors is not None and len(distractors):
            d = distractors[(distractors["quiz"] == quiz) & (distractors["question"] == question)
                            & (distractors["source"] == "bank") & ~distractors["key"]]
            unpicked = list(d.loc[d["first_try"] == 0, "option"])
        flags = ["nearly everyone right"] if right > EASY else ["nearly everyone wrong"] if right < HARD else []
        if r == r and r < NEGATIVE:
            flags.append("negative discrimination")
        if unpicked and right <= EASY:
            flags.append("distractor nobody picks: " + "; ".join(map(repr, unpicked)))
        rows.append({"quiz": quiz, "question": question, "kind": grp["kind"].iloc[0], "type": q.type if q else "",
                     "students": len(grp), "right_first": right, "discrimination": r,
                     "unpicked": len(unpicked), "flags": "; ".join(flags),
                     "note": f"discrimination: {note}" if note else ""})
    return pd.DataFrame(rows, columns=cols)
