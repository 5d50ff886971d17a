"""Loading and validating banks: quizzes (``kit/data/quizzes``) and exercise sets
(``kit/data/exercises``) are banks of the same questions, read by the same code.

Every question cites the sentences its answer rests on (``cites: [cho 3.2]``);
loading checks that they exist and that quoted phrases occur in them.  The YAML is
read safely (:mod:`kit.files.yamlfile`, strict); every problem is a
:class:`~kit.QuestionBankError` naming the file, the question and the field.

>>> load_bank("00_start_here")
<Bank '00_start_here': ...>
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.patterns import catastrophic, compile_pattern, matches
from ..errors import KitError, QuestionBankError, TextNotFound, UnknownQuestion, WrongType, did_you_mean, shown
from ..corpus.course import checked_corpus
from .normalise import IdError, read_ids
from .questions import Alternative, Citation, Mistake, Question
from ..files.yamlfile import BANK, parse_yaml, read_yaml
from .fields import text_field, text_list
from .types import TYPES

if TYPE_CHECKING:
    from ..corpus.documents import Corpus

__all__ = ["Bank", "load_bank", "parse_bank", "shipped_banks", "shipped_sets", "COMMON_FIELDS"]

# `skill` (lookup | concept | call | written) and `point` (what the item teaches, one line)
# are optional content tags read by tests/assessment/test_banks.py; the loader accepts and ignores them.
COMMON_FIELDS = ("id", "type", "prompt", "explanation", "cites", "quotes", "hints", "mistakes", "alternatives",
                 "skill", "point")
_MAX_PATTERN = 200
_MISTAKE_KINDS = ("value", "range", "ids", "pattern", "compute")


@dataclass(frozen=True, eq=False)
class Bank:
    """A validated bank: ``id``, ``title``, ``questions`` (in order), ``source`` file."""

    id: str
    title: str
    questions: tuple[Question, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __repr__(self) -> str:
        return f"<Bank {shown(self.id)}: {shown(self.title)}, {len(self)} questions>"

    def question(self, question_id: str) -> Question:
        """The question with this id; :class:`~kit.UnknownQuestion` lists the ids that exist."""
        for q in self.questions:
            if q.id == question_id:
                return q
        ids = [q.id for q in self.questions]
        raise UnknownQuestion(f"Bank {shown(self.id)} has no question {shown(question_id)}.{did_you_mean(question_id, ids)} "
                              f"Its questions are {ids}.")


def _shipped(folder: str) -> list[str]:
    from ..files.resources import data_path

    path = data_path(folder)
    return sorted(p.name[:-5] for p in path.iterdir() if p.name.endswith(".yaml")) if path.is_dir() else []


def shipped_banks() -> list[str]:
    """Ids of the quiz banks shipped in ``kit/data/quizzes``."""
    return _shipped("quizzes")


def shipped_sets() -> list[str]:
    """Ids of the exercise sets shipped in ``kit/data/exercises``."""
    return _shipped("exercises")


def _looks_like_path(s: str) -> bool:
    return s.endswith((".yaml", ".yml")) or "/" in s or os.sep in s or os.path.isfile(s)


def load_bank(bank: str | os.PathLike | Bank, *, corpus: Corpus | None = None) -> Bank:
    """Load and validate a bank: a shipped bank id (``"01_close_reading"``) or a YAML file path.

    ``corpus`` is the corpus its citations and sentence ids refer to (default: the kit's).
    Raises :class:`~kit.QuestionBankError` naming the file, the question, the field, the line.

    >>> bank = load_bank("00_start_here")
    >>> bank.id, bank.questions[0].id
    ('00_start_here', 'futile-sentence')
    """
    if isinstance(bank, Bank):
        return bank
    if isinstance(bank, os.PathLike) or (isinstance(bank, str) and _looks_like_path(bank)):
        path = Path(bank).expanduser()
        if not path.is_file():
            problem = "is not a regular file (a folder, a pipe or a device)" if path.exists() else "does not exist"
            raise TextNotFound(f"No question bank file at {shown(str(path))}: it {problem}. "
                               "Check the path and the spelling.")
        return parse_bank(read_yaml(path, rules=BANK)[0], source=str(path), corpus=corpus)
    if not isinstance(bank, str):
        raise WrongType(f"load_bank() takes a bank id such as '01_close_reading' or a .yaml path, not {shown(bank)}.")
    for folder, names in (("quizzes", shipped_banks()), ("exercises", shipped_sets())):
        if bank in names:
            from ..files.resources import read_text

            source = f"kit/data/{folder}/{bank}.yaml"
            return parse_bank(parse_yaml(read_text(f"{folder}/{bank}.yaml"), source=source, rules=BANK)[0],
                              source=source, corpus=corpus)
    known = shipped_banks()
    raise UnknownQuestion(f"There is no question bank {shown(bank)}.{did_you_mean(bank, known)} The kit's banks "
                          f"are {known}; or give the path of your own .yaml file.")


def parse_bank(text_or_data, *, source: str = "<bank>", corpus=None) -> Bank:
    """Validate a bank given as YAML text or as already-parsed data (a dict).

    >>> parse_bank({"id": "x", "questions": [{"id": "q", "type": "truefalse", "prompt": "?",
    ...             "answer": True, "cites": []}]})
    <Bank 'x': 'x', 1 questions>
    """
    corpus = checked_corpus(corpus, "load_bank")
    data = parse_yaml(text_or_data, source=source, rules=BANK)[0] if isinstance(text_or_data, str) else text_or_data
    if not isinstance(data, Mapping):
        raise QuestionBankError(f"{source}: a bank is a mapping with 'id', 'title' and 'questions'.")
    unknown = set(data) - {"id", "title", "questions", "exercises"}
    if unknown:
        raise QuestionBankError(f"{source}: unknown top-level field(s) {sorted(map(str, unknown))}; "
                                "a bank has only 'id', 'title' and 'questions' (or 'exercises').")
    if "questions" in data and "exercises" in data:
        raise QuestionBankError(f"{source}: give either 'questions:' or 'exercises:', not both.")
    questions = data.get("questions", data.get("exercises"))
    if not isinstance(questions, list) or not questions:
        raise QuestionBankError(f"{source}: field 'questions' must be a non-empty list of questions.")
    for fld in ("id", "title"):
        if fld in data and not isinstance(data[fld], str):
            raise QuestionBankError(f"{source}: field {shown(fld)} must be text; put it in quotation marks.")
    bank_id = data.get("id") or Path(source).stem
    if corpus is None:
        from ..corpus.course import load_corpus

        corpus = load_corpus()
    parsed, seen = [], set()
    for n, raw in enumerate(questions, start=1):
        q = parse_question(raw, n, bank_id=bank_id, source=source, corpus=corpus,
                           label="Exercise" if "exercises" in data else "Question")
        if q.id in seen:
            raise QuestionBankError(f"{source}: question {shown(q.id)}, field 'id': duplicate id "
                                    "(question ids must be unique within a bank). Rename one.")
        seen.add(q.id)
        parsed.append(q)
    return Bank(bank_id, data.get("title") or bank_id, tuple(parsed), source)


def parse_question(raw, n: int, *, bank_id: str, source: str, corpus, label: str = "Question") -> Question:
    """Validate one question (a mapping from a bank) into a :class:`Question`."""
    from ..argumentation.citations import problems, quote_in

    if not isinstance(raw, Mapping):
        raise QuestionBankError(f"{source}: question #{n} must be a mapping with id, type, prompt...")
    qid = raw.get("id")
    where = f"question {shown(qid)}" if qid not in (None, "") else f"question #{n}"

    def fail(fld: str, problem: str) -> QuestionBankError:
        return QuestionBankError(f"{source}: {where}, field {shown(fld)}: {problem}")

    if not isinstance(qid, str) or not qid.strip():
        raise fail("id", f"must be text such as 'wedge-futile' or \"01.2\" (in quotation marks), not {shown(qid)}.")
    qtype = raw.get("type")
    if qtype not in TYPES:
        raise fail("type", f"unknown type {shown(qtype)}; use one of {', '.join(TYPES)}.")
    kind = TYPES[qtype]
    allowed = (*COMMON_FIELDS, *kind.fields)
    unknown = [k for k in raw if k not in allowed]
    if unknown:
        raise fail(str(unknown[0]), f"not a field of a {qtype} question; its fields are {', '.join(allowed)}.")
    citations = _citations_of(raw.get("cites"), corpus, fail)
    quotes = text_list(raw, "quotes", fail)
    for phrase in quotes:
        if not any(quote_in(phrase, c.text) for c in citations):
            raise fail("quotes", f"{shown(phrase)} does not occur in any cited sentence "
                                 f"({', '.join(c.id for c in citations) or 'none cited'}).")
    kwargs = dict(id=qid.strip(), type=qtype, prompt=text_field(raw, "prompt", fail, required=True),
                  explanation=text_field(raw, "explanation", fail), citations=citations, quotes=quotes,
                  hints=text_list(raw, "hints", fail), bank=bank_id, source=source, label=label,
                  kind=kind)  # the type record, given at parse time
    kwargs.update(kind.parse(raw, fail, corpus, citations))
    kwargs["mistakes"] = _mistakes(raw.get("mistakes"), fail, corpus)
    q = Question(**kwargs)
    q = Question(**{**kwargs, "alternatives": _alternatives(raw, q, fail, corpus, citations)})
    texts = [("prompt", q.prompt), ("explanation", q.explanation), ("model_answer", q.model_answer),
             *[("options", o.feedback) for o in q.options], *[("hints", h) for h in q.hints],
             *[("mistakes", m.feedback) for m in q.mistakes], *[("alternatives", a.feedback) for a in q.alternatives]]
    for fld, text in texts:
        found = problems(text, corpus, "text") if text else []
        if found:
            raise fail(fld, found[0].removeprefix("text: ") + ". Fix the id or the quotation.")
    return q


def _citations_of(cites, corpus, fail) -> tuple[Citation, ...]:
    example = f"{next(iter(corpus), 'doc')} 3.2"
    if cites is None:
        raise fail("cites", f"missing; list the sentence ids the answer rests on, e.g. [{example}] "
                            "([] only for questions about method).")
    if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
        raise fail("cites", f"must be a list of sentence ids such as [{example}].")
    out = []
    for sid in cites:
        try:
            sentence = corpus.sentence(sid.strip())
        except KitError as exc:
            raise fail("cites", f"unknown sentence id {shown(sid)} ({exc})") from None
        out.append(Citation(sentence.id, sentence.text))
    return tuple(out)


def _mistakes(raw, fail, corpus) -> tuple[Mistake, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise fail("mistakes", "must be a list of {value|range|ids|pattern|compute: ..., feedback: ...}.")
    out = []
    for n, m in enumerate(raw, start=1):
        if not isinstance(m, Mapping) or set(m) - {*_MISTAKE_KINDS, "id", "feedback", "example"}:
            raise fail("mistakes", f"mistake #{n}: use `value`, `range`, `ids`, `pattern` or `compute`, with "
                                   "`feedback` (and `example`: an answer that makes the mistake).")
        what = [k for k in _MISTAKE_KINDS if k in m]
        if len(what) != 1:
            raise fail("mistakes", f"mistake #{n}: give exactly one of value, range, ids, pattern, compute.")
        mid = text_field(m, "id", fail) or f"m{n}"
        fields: dict = {"id": mid, "feedback": text_field(m, "feedback", fail, required=True)}
        value = m[what[0]]
        if what[0] == "range":
            if not (isinstance(value, list) and len(value) == 2 and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in value) and value[0] <= value[1]):
                raise fail("mistakes", f"mistake #{n}: range must be [low, high], e.g. [23.5, 24.2].")
            fields["range"] = (float(value[0]), float(value[1]))
        elif what[0] == "ids":
            try:
                fields["ids"] = frozenset(corpus.sentence(s).id for s in read_ids(value, doc_ids=list(corpus)))
            except (IdError, KitError) as exc:  # a sentence that does not exist is no mistake to expect
                raise fail("mistakes", f"mistake #{n}: {exc}") from None
        elif what[0] == "pattern":
            if not isinstance(value, str) or len(value) > _MAX_PATTERN:
                raise fail("mistakes", f"mistake #{n}: pattern must be text under {_MAX_PATTERN} characters.")
            try:  # the one bounded-regex helper: size now, time when answers are marked
                compiled, problem = compile_pattern(value, what="pattern"), catastrophic(value)
            except KitError as exc:
                raise fail("mistakes", f"mistake #{n}: {exc}") from None
            if problem:
                raise fail("mistakes", f"mistake #{n}: pattern {shown(value)} can take forever to match some answers: "
                                       f"{problem}")
            fields["pattern"] = value
            if not isinstance(m.get("example"), str) or not matches(compiled, m["example"]):
                raise fail("mistakes", f"mistake #{n}: a pattern needs `example:`, an answer it matches (tests "
                                       f"use it to trigger the mistake), e.g. example: \"{value}\".")
        elif what[0] == "compute":
            from .computed import validate_compute

            try:
                fields["compute"] = validate_compute(value, doc_ids=list(corpus))
            except QuestionBankError as exc:
                raise fail("mistakes", f"mistake #{n}, compute: {exc}") from None
        else:
            if value is None or isinstance(value, Mapping):
                raise fail("mistakes", f"mistake #{n}: value must be a number, a text or a list.")
            fields["value"] = value
        if m.get("example") is not None:
            fields["example"] = m["example"]
        out.append(Mistake(**fields))
    return tuple(out)


def _alternatives(raw, q: Question, fail, corpus, citations) -> tuple[Alternative, ...]:
    alts = raw.get("alternatives")
    if alts is None:
        return ()
    if not isinstance(alts, list):
        raise fail("alternatives", "must be a list of {answer: ..., status: correct|partial, feedback: ...}.")
    out = []
    for n, alt in enumerate(alts, start=1):
        if not isinstance(alt, Mapping) or set(alt) - {"answer", "status", "feedback"} or "answer" not in alt:
            raise fail("alternatives", f"alternative #{n}: give `answer`, `status` and `feedback`.")
        status = alt.get("status", "correct")
        if status not in ("correct", "partial"):
            raise fail("alternatives", f"alternative #{n}: status must be correct or partial, not {shown(status)}.")
        sub = {k: v for k, v in raw.items() if k not in ("compute",)}
        parsed = q.kind.parse({**sub, "answer": alt["answer"]}, fail, corpus, citations)
        out.append(Alternative(parsed["answer"], status, text_field(alt, "feedback", fail, required=True)))
    return tuple(out)
