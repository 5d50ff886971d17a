"""The teacher's view of a class: read the students' ``export_progress`` CSVs, count.

``class_report(paths)`` takes CSV files or a folder of them and returns a
:class:`ClassReport` of tidy tables: per question (share right at the first try and
at the end, median attempts), the wrong answers with the feedback they triggered,
per student and lesson (completion), the item analysis (per item and per option,
:mod:`kit.classroom.items`), answer patterns that look like guessing and trivial
written attempts (:mod:`kit.classroom.patterns`), and the files that were skipped
(malformed, foreign or a student's second export) with the reason.  Files are read by
:mod:`kit.classroom.files`: a student is a login name *and* a store's learner id, so
two students who share a login name stay two.  Nothing in a file is evaluated or
rewritten: a neutralised cell such as ``'=1+1`` stays as it is.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ada.csv").write_text(
...     "time,kind,quiz,question,attempt,status,score,response\\n"
...     "2026-01-01T10:00:00Z,quiz,00_start_here,q1,1,incorrect,0,cho 2.3\\n"
...     "2026-01-01T10:01:00Z,quiz,00_start_here,q1,2,correct,1,cho 3.2\\n")
>>> report = class_report(folder)
>>> report.questions[["question", "students", "right_first", "right_end", "median_attempts"]]
  question  students  right_first  right_end  median_attempts
0       q1         1          0.0        1.0              2.0
>>> report.students[["student", "questions_tried", "questions_right"]]
  student  questions_tried  questions_right
0     ada                1                1
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..assessment.log import DONE, GRADED
from ..errors import InvalidArgument
from ..options import flag
from .files import REQUIRED, csv_files, read_exports
from .items import QuestionLookup, distractor_table, first_tries, item_table
from .patterns import guessing_table, trivial_table

__all__ = ["class_report", "ClassReport", "REQUIRED", "pseudonyms"]


@dataclass
class ClassReport:
    """The class report's tables (pandas DataFrames, one fact per row).

    questions
        one row per (quiz, question): ``students`` who tried it, ``right_first`` (share
        right at their first try), ``right_end`` (share right in the end),
        ``median_attempts`` (graded attempts per student), ``wrong`` (wrong attempts).
    wrong_answers
        one row per (quiz, question, response, mistake, feedback) among the wrong or
        partly right attempts, most frequent first: ``attempts`` and ``students``.
    students
        one row per student: ``quizzes`` (quiz banks touched), ``questions_tried`` and
        ``questions_right`` in them, ``quizzes_done`` (every question of the bank seen in
        the class tried), ``exercises_tried`` and ``exercises_done`` (right or written).
    completion
        one row per (student, quiz): ``kind``, ``tried``, ``right``, ``total`` and
        ``completion`` (= tried / total, the questions of that lesson seen in the class).
    skipped
        one row per file left out: ``file`` and ``reason``.
    attempts
        every attempt read, with the ``student`` (as shown), ``learner`` and ``file``.
    items
        the item analysis, one row per graded item: ``right_first``, ``discrimination``,
        ``unpicked`` distractors, ``flags`` and ``note`` (see :mod:`kit.classroom.items`).
    distractors
        one row per (item, option): ``key``, ``first_try``, ``share``, ``any_try``, ``source``.
    guessing
        one row per (student, pattern) that looks like guessing: ``pattern``, ``items``,
        ``evidence`` (see :mod:`kit.classroom.patterns` for the rules).
    trivial
        written answers and readings that are not a real attempt: ``problem``, ``fixed_later``.

    Students who share a login name are told apart by their store's learner id and
    shown as ``ana``, ``ana (2)``; ``students`` has their ``learner`` id (blank when
    anonymised).
    """

    questions: pd.DataFrame
    wrong_answers: pd.DataFrame
    students: pd.DataFrame
    completion: pd.DataFrame
    skipped: pd.DataFrame
    attempts: pd.DataFrame = field(repr=False)
    anonymised: bool = False
    items: pd.DataFrame = field(default_factory=pd.DataFrame)
    distractors: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    guessing: pd.DataFrame = field(default_factory=pd.DataFrame)
    trivial: pd.DataFrame = field(default_factory=pd.DataFrame)

    def flagged(self) -> pd.DataFrame:
        """The items the item analysis flags (see ``items``)."""
        if "flags" not in self.items:
            return self.items
        return self.items[self.items["flags"] != ""].reset_index(drop=True)

    def hardest(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` questions fewest students got right (then: right at the first try)."""
        q = self.questions
        return q.sort_values(["right_end", "right_first", "median_attempts"],
                             ascending=[True, True, False], kind="stable").head(n).reset_index(drop=True)

    def __getitem__(self, name: str) -> pd.DataFrame:  # report["questions"] works too
        return getattr(self, name)


def _questions(per: pd.DataFrame) -> pd.DataFrame:
    cols = ["quiz", "question", "kind", "students", "right_first", "right_end", "median_attempts", "wrong"]
    if per.empty:
        return pd.DataFrame(columns=cols)
    g = per.groupby(["quiz", "question"], sort=True)
    out = pd.DataFrame({
        "kind": g["kind"].first(),
        "students": g["student"].nunique(),
        "right_first": g["first_status"].agg(lambda s: float((s == "correct").mean())),
        "right_end": g["right"].agg(lambda s: float(s.mean())),
        "median_attempts": g["tries"].median().astype(float),
        "wrong": g["wrong"].sum(),
    }).reset_index()
    return out[cols]


def _wrong_answers(attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["quiz", "question", "response", "mistake", "feedback", "attempts", "students"]
    wrong = attempts[attempts["status"].isin(set(GRADED) - {"correct"}) & (attempts["kind"] != "reading")]
    if wrong.empty:
        return pd.DataFrame(columns=cols)
    keys = ["quiz", "question", "response", "mistake", "feedback"]
    g = wrong[keys + ["student"]].astype(str).groupby(keys, sort=False)
    out = pd.DataFrame({"attempts": g.size(), "students": g["student"].nunique()}).reset_index()
    return out.sort_values(["quiz", "question", "attempts", "students"], ascending=[True, True, False, False],
                           kind="stable").reset_index(drop=True)[cols]


def _completion(per: pd.DataFrame, attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["student", "quiz", "kind", "tried", "right", "total", "completion"]
    if per.empty:
        return pd.DataFrame(columns=cols)
    total = per.groupby("quiz")["question"].nunique()
    done = attempts[attempts["kind"] != "reading"].groupby(["student", "quiz"])["question"].nunique()
    g = per.groupby(["student", "quiz"])
    out = pd.DataFrame({"kind": g["kind"].first(), "right": g["right"].sum().astype(int)}).reset_index()
    out["tried"] = [int(done.get((s, q), 0)) for s, q in zip(out["student"], out["quiz"])]
    out["total"] = out["quiz"].map(total).astype(int)
    out["tried"] = out[["tried", "total"]].min(axis=1)
    out["completion"] = out["tried"] / out["total"]
    return out[cols]


def _students(completion: pd.DataFrame, attempts: pd.DataFrame) -> pd.DataFrame:
    cols = ["student", "learner", "quizzes", "questions_tried", "questions_right", "quizzes_done",
            "exercises_tried", "exercises_done"]
    answered = attempts[attempts["status"] != "invalid"]
    ex = answered[answered["kind"] == "exercise"]
    done_ex = ex[ex["status"].isin(DONE)]
    rows = []
    learners = dict(zip(attempts["student"], attempts["learner"]))
    for name in sorted(set(attempts["student"])):
        quiz = completion[(completion["student"] == name) & (completion["kind"] != "exercise")]
        rows.append({
            "student": name, "learner": learners[name], "quizzes": len(quiz),
            "questions_tried": int(quiz["tried"].sum()), "questions_right": int(quiz["right"].sum()),
            "quizzes_done": int((quiz["tried"] >= quiz["total"]).sum()),
            "exercises_tried": int(ex.loc[ex["student"] == name, ["quiz", "question"]].drop_duplicates().shape[0]),
            "exercises_done": int(done_ex.loc[done_ex["student"] == name, ["quiz", "question"]]
                                  .drop_duplicates().shape[0]),
        })
    return pd.DataFrame(rows, columns=cols)


def pseudonyms(names) -> dict[str, str]:
    """Stable pseudonyms: the names in sorted order become Student 01, Student 02, ...

    >>> pseudonyms(["zoe", "ada", "ada"])
    {'ada': 'Student 01', 'zoe': 'Student 02'}
    """
    unique = sorted(set(map(str, names)))
    width = max(2, len(str(len(unique))))
    return {n: f"Student {i:0{width}d}" for i, n in enumerate(unique, start=1)}


def class_report(paths: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *, anonymise: bool = False,
                 banks: Iterable[object] = (), inbox: str | os.PathLike | None = None) -> ClassReport:
    """Read the students' exported progress CSVs and count, per question and per student.

    Parameters
    ----------
    paths : str, path or list of them
        CSV files written by ``kit.export_progress()``, or a folder holding them.
    anonymise : bool
        Replace student names by stable pseudonyms (``Student 01`` ... in name order)
        and leave out the learner ids.
    banks : list of banks, bank ids or .yaml paths
        Your own question banks, for the item analysis to list every option (chosen or
        not) and the option positions each student saw; the kit's banks are found by id.
    inbox : str or path, optional
        Instead of ``paths``: the class folder of ``kit.hand_in()`` (or its ``inbox``):
        each student's latest hand-in, the student being the file's owner
        (:func:`kit.classroom.inbox.read_inbox`).

    Files that are not progress exports, cannot be read, or repeat a student already
    read are left out: listed in ``report.skipped`` (and a warning), never an error.
    Exports without ``student`` / ``learner`` / ``mistake`` / ``feedback`` columns (older
    files) are read: the student is then the file's name without ``.csv``.

    >>> class_report("no/such/folder")
    Traceback (most recent call last):
    ...
    kit.errors.TextNotFound: 'no/such/folder' does not exist. Give the folder holding the students' exported CSV files, or the files themselves.
    """
    anonymise = flag(anonymise, "anonymise", "class_report", "kit.class_report('exports/', anonymise=True)")
    lookup = QuestionLookup(banks)
    if (paths is None) == (inbox is None):
        raise InvalidArgument("class_report() reads either exported CSVs (a folder or files) or inbox= (the class "
                              "folder of kit.hand_in()): give one of them, e.g. kit.class_report('exports/').")
    if inbox is not None:
        from .inbox import read_inbox

        attempts, skipped = read_inbox(inbox)
    else:
        attempts, skipped = read_exports(csv_files(paths))
    if anonymise and len(attempts):
        attempts["student"] = attempts["student"].map(pseudonyms(attempts["student"]))
        attempts["file"] = ""
    per = first_tries(attempts)
    completion = _completion(per, attempts)
    distractors = distractor_table(per, lookup)
    report = ClassReport(
        questions=_questions(per), wrong_answers=_wrong_answers(attempts),
        students=_students(completion, attempts), completion=completion,
        skipped=skipped, attempts=attempts.reset_index(drop=True), anonymised=anonymise,
        items=item_table(per, lookup, distractors), distractors=distractors,
        guessing=guessing_table(per, lookup), trivial=trivial_table(attempts),
    )
    if anonymise:  # the learner ids were needed for the option positions; not shown
        report.attempts["learner"] = ""
        report.students["learner"] = ""
    return report
