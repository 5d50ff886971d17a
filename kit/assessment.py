"""Question banks: load and validate them, check answers, show the answer key.

A bank is a YAML file (``kit/data/quizzes/<lesson>.yaml``, or a teacher's own
file) of questions of seven types: ``single``, ``multiple``, ``truefalse``,
``numeric``, ``text``, ``matching`` and ``attribution``.  Every question cites
the sentences its answer rests on (``cites: [cho 3.2]``); loading checks that
they exist and that quoted phrases really occur in them.  A ``numeric`` or
``text`` answer may be ``compute:``-d from the kit, so keys cannot drift
(see :func:`compute_answer`).

:func:`check` holds all the marking logic; the quiz widget only displays it.

>>> bank = load_bank("00_start_here")
>>> q = bank.question("futile-sentence")
>>> check(q, "cho 3.2").status
'correct'
>>> check(q, 3.2).status
'invalid'
"""
from __future__ import annotations

import math
import numbers
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from . import _citations
from ._compute import compute_answer, validate_compute
from .corpus import load_corpus
from .errors import did_you_mean
from .errors import KitError, QuestionBankError, TextNotFound, UnknownQuestion, WrongType

__all__ = ["load_bank", "check", "answer_key", "compute_answer", "Bank", "Question", "Result",
           "format_answer", "normalise_answer"]

TYPES = ("single", "multiple", "truefalse", "numeric", "text", "matching", "attribution")
ATTRIBUTIONS = ("cho", "yang", "both", "neither")
_COMMON = ("id", "type", "prompt", "explanation", "cites", "quotes")
_FIELDS = {
    "single": ("options", "answer"), "multiple": ("options", "answer"), "truefalse": ("answer",),
    "numeric": ("answer", "compute", "tolerance"), "text": ("answer", "compute"),
    "matching": ("answer",), "attribution": ("answer", "quote"),
}


class Option(NamedTuple):
    text: str
    feedback: str = ""


class Citation(NamedTuple):
    id: str
    text: str


@dataclass(frozen=True, eq=False)
class Question:
    """One validated question; ``key`` is its answer (computed on first use if ``compute:``)."""

    id: str
    type: str
    prompt: str
    answer: Any = None
    options: tuple[Option, ...] = ()
    explanation: str = ""
    citations: tuple[Citation, ...] = ()
    quotes: tuple[str, ...] = ()
    tolerance: float = 0.0
    quote: str = ""
    compute: Mapping | None = None
    bank: str = ""
    source: str = ""

    @property
    def cites(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.citations)

    @cached_property
    def key(self) -> Any:
        if self.compute is None:
            return self.answer
        value = compute_answer(self.compute, where=f"{self.source}: question {self.id!r}, field 'compute'")
        if self.type == "numeric":
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise QuestionBankError(
                    f"{self.source}: question {self.id!r}, field 'compute': gave {value!r}, not a "
                    "number. Use `take:` to pick one number (a column with one row, 'rows', 'sum:col')."
                )
            return value
        return value if isinstance(value, list) else [value]


@dataclass(frozen=True, eq=False)
class Bank:
    """A validated question bank: ``id``, ``title``, ``questions`` (in order), ``source`` file."""

    id: str
    title: str
    questions: tuple[Question, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self):
        return iter(self.questions)

    def __repr__(self) -> str:
        return f"<Bank {self.id!r}: {self.title!r}, {len(self)} questions>"

    def question(self, question_id: str) -> Question:
        """The question with this id; :class:`~kit.UnknownQuestion` lists the ids that exist."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise UnknownQuestion(
            f"Bank {self.id!r} has no question {question_id!r}; its questions are "
            f"{[q.id for q in self.questions]}."
        )


@dataclass(frozen=True)
class Result:
    """What :func:`check` says about one response.

    ``status`` is ``correct``, ``partial``, ``incorrect`` or ``invalid`` (the response
    could not be read as an answer: ``feedback`` then holds a friendly hint).
    ``citations`` are ``(id, text)`` pairs of the cited sentences.
    """

    question: str
    status: str
    score: float
    feedback: tuple[str, ...] = ()
    explanation: str = ""
    citations: tuple[Citation, ...] = ()

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        head = {"correct": "Correct!", "partial": "Partly right.", "incorrect": "Not quite.",
                "invalid": "Not an answer yet."}[self.status]
        lines = [head, *self.feedback]
        if self.correct:
            lines += [self.explanation] if self.explanation else []
            lines += [f'  [{c.id}] "{c.text}"' for c in self.citations]
        return "\n".join(line for line in lines if line)


# --- loading and validating ------------------------------------------------------


def load_bank(bank, *, corpus=None) -> Bank:
    """Load and validate a question bank: a bank id (``"01_close_reading"``) or a YAML file path.

    Raises :class:`~kit.QuestionBankError` naming the file, the question and the field
    (and the line, for YAML syntax errors).

    >>> load_bank("00_start_here")
    <Bank '00_start_here': ...>
    """
    if isinstance(bank, Bank):
        return bank
    if isinstance(bank, os.PathLike) or (isinstance(bank, str) and _looks_like_path(bank)):
        path = Path(bank).expanduser()
        if not path.is_file():
            raise TextNotFound(f"No question bank file at {str(path)!r}. Check the path and the spelling.")
        return parse_bank(path.read_text(encoding="utf-8"), source=str(path), corpus=corpus)
    if not isinstance(bank, str):
        raise WrongType(f"load_bank() takes a bank id such as '01_close_reading' or a .yaml path, not {bank!r}.")
    from ._resources import data_path, read_text

    if not data_path(f"quizzes/{bank}.yaml").is_file():
        raise UnknownQuestion(
            f"There is no question bank {bank!r}.{did_you_mean(bank, shipped_banks())} The kit's banks "
            f"are {shipped_banks()}; or give the path of your own .yaml file."
        )
    return parse_bank(read_text(f"quizzes/{bank}.yaml"), source=f"kit/data/quizzes/{bank}.yaml", corpus=corpus)


def shipped_banks() -> list[str]:
    """Ids of the banks shipped in ``kit/data/quizzes``."""
    from ._resources import data_path

    folder = data_path("quizzes")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")) if folder.is_dir() else []


def _looks_like_path(s: str) -> bool:
    return s.endswith((".yaml", ".yml")) or "/" in s or os.sep in s or os.path.isfile(s)


def parse_bank(text_or_data, *, source: str = "<bank>", corpus=None) -> Bank:
    """Validate a bank given as YAML text or as already-parsed data (a dict)."""
    data = _parse_yaml(text_or_data, source) if isinstance(text_or_data, str) else text_or_data
    if not isinstance(data, Mapping):
        raise QuestionBankError(f"{source}: a bank is a mapping with 'id', 'title' and 'questions'.")
    unknown = set(data) - {"id", "title", "questions"}
    if unknown:
        raise QuestionBankError(f"{source}: unknown top-level field(s) {sorted(map(str, unknown))}; "
                                "a bank has only 'id', 'title' and 'questions'.")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise QuestionBankError(f"{source}: field 'questions' must be a non-empty list of questions.")
    bank_id = str(data.get("id") or Path(source).stem)
    corpus = corpus if corpus is not None else load_corpus()
    parsed, seen = [], set()
    for n, raw in enumerate(questions, start=1):
        q = _parse_question(raw, n, bank_id, source, corpus)
        if q.id in seen:
            raise QuestionBankError(f"{source}: question {q.id!r}, field 'id': duplicate id "
                                    "(question ids must be unique within a bank). Rename one.")
        seen.add(q.id)
        parsed.append(q)
    return Bank(bank_id, str(data.get("title") or bank_id), tuple(parsed), source)


def _parse_yaml(text: str, source: str):
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        start = getattr(exc, "context_mark", None)
        if start is not None and mark is not None and start.line != mark.line:
            problem += f" ({getattr(exc, 'context', None) or 'it started'} at line {start.line + 1})"
        raise QuestionBankError(
            f"{source}: YAML syntax error{where}: {problem}. Check indentation and quote text "
            "containing ': ' or starting with a quotation mark."
        ) from None


def _parse_question(raw, n: int, bank_id: str, source: str, corpus) -> Question:
    if not isinstance(raw, Mapping):
        raise QuestionBankError(f"{source}: question #{n} must be a mapping with id, type, prompt...")
    qid = raw.get("id")
    label = f"question {qid!r}" if qid not in (None, "") else f"question #{n}"

    def fail(fld: str, problem: str) -> QuestionBankError:
        return QuestionBankError(f"{source}: {label}, field {fld!r}: {problem}")

    if not isinstance(qid, (str, int)) or isinstance(qid, bool) or str(qid).strip() == "":
        raise fail("id", "missing or empty; give each question a short unique id such as 'wedge-futile'.")
    qtype = raw.get("type")
    if qtype not in TYPES:
        raise fail("type", f"unknown type {qtype!r}; use one of {', '.join(TYPES)}.")
    allowed = (*_COMMON, *_FIELDS[qtype])
    unknown = [k for k in raw if k not in allowed]
    if unknown:
        raise fail(str(unknown[0]), f"not a field of a {qtype} question; its fields are {', '.join(allowed)}.")
    prompt = raw.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise fail("prompt", "missing or empty; write the question (Markdown).")
    explanation = raw.get("explanation") or ""
    if not isinstance(explanation, str):
        raise fail("explanation", "must be text (Markdown).")
    citations = _citations_of(raw.get("cites"), corpus, fail)
    quotes = raw.get("quotes") or []
    if not isinstance(quotes, list) or not all(isinstance(p, str) and p.strip() for p in quotes):
        raise fail("quotes", "must be a list of phrases, e.g. [\"would be futile\"].")
    for phrase in quotes:
        if not any(_citations.quote_in(phrase, c.text) for c in citations):
            raise fail("quotes", f"{phrase!r} does not occur in any cited sentence ({', '.join(c.id for c in citations) or 'none cited'}).")
    kwargs = dict(id=str(qid), type=qtype, prompt=prompt.strip(), explanation=explanation.strip(),
                  citations=citations, quotes=tuple(quotes), bank=bank_id, source=source)
    kwargs.update(_TYPE_PARSERS[qtype](raw, fail, corpus, citations))
    for fld in ("prompt", "explanation"):
        _no_citation_problems(kwargs[fld], corpus, fail, fld)
    for opt in kwargs.get("options", ()):
        _no_citation_problems(opt.feedback, corpus, fail, "options")
    return Question(**kwargs)


def _no_citation_problems(text: str, corpus, fail, fld: str) -> None:
    found = _citations.problems(text, corpus, "text") if text else []
    if found:
        raise fail(fld, found[0].removeprefix("text: ") + ". Fix the id or the quotation.")


def _citations_of(cites, corpus, fail) -> tuple[Citation, ...]:
    if cites is None:
        raise fail("cites", "missing; list the sentence ids the answer rests on, e.g. [cho 3.2] "
                            "([] only for questions about method).")
    if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
        raise fail("cites", "must be a list of sentence ids such as [cho 3.2, yang 7.1].")
    out = []
    for sid in cites:
        try:
            sentence = corpus.sentence(sid.strip())
        except KitError as exc:
            raise fail("cites", f"unknown sentence id {sid!r} ({exc})") from None
        out.append(Citation(sentence.id, sentence.text))
    return tuple(out)


def _options(raw, fail) -> tuple[Option, ...]:
    options = raw.get("options")
    if not isinstance(options, list) or not options:
        raise fail("options", "missing or empty; list the choices (each `text:` with optional `feedback:`).")
    out = []
    for opt in options:
        if isinstance(opt, str):
            opt = {"text": opt}
        if not isinstance(opt, Mapping) or not isinstance(opt.get("text"), str) or not opt["text"].strip() \
                or set(opt) - {"text", "feedback"} or not isinstance(opt.get("feedback", ""), str):
            raise fail("options", f"each option needs a `text:` (and may have `feedback:`), not {opt!r}.")
        out.append(Option(opt["text"].strip(), (opt.get("feedback") or "").strip()))
    texts = [o.text for o in out]
    dup = next((t for t in texts if texts.count(t) > 1), None)
    if dup:
        raise fail("options", f"option {dup!r} is listed twice.")
    return tuple(out)


def _need_answer(raw, fail, qtype: str, allow_compute: bool = False):
    if "answer" in raw and "compute" in raw:
        raise fail("answer", "give either `answer:` or `compute:`, not both.")
    if raw.get("answer") is None and not (allow_compute and "compute" in raw):
        extra = " (or `compute:`)" if allow_compute else ""
        raise fail("answer", f"missing; a {qtype} question needs `answer:`{extra}.")
    return raw.get("answer")


def _parse_single(raw, fail, corpus, citations):
    options, answer = _options(raw, fail), _need_answer(raw, fail, "single")
    if not isinstance(answer, str) or answer.strip() not in [o.text for o in options]:
        raise fail("answer", f"{answer!r} is not among the options {[o.text for o in options]}.")
    return {"options": options, "answer": answer.strip()}


def _parse_multiple(raw, fail, corpus, citations):
    options, answer = _options(raw, fail), _need_answer(raw, fail, "multiple")
    if isinstance(answer, str):
        answer = [answer]
    if not isinstance(answer, list) or not answer or not all(isinstance(a, str) for a in answer):
        raise fail("answer", "must be a list of the right option texts.")
    texts = [o.text for o in options]
    for a in answer:
        if a.strip() not in texts:
            raise fail("answer", f"{a!r} is not among the options {texts}.")
    return {"options": options, "answer": tuple(dict.fromkeys(a.strip() for a in answer))}


def _parse_truefalse(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "truefalse")
    if not isinstance(answer, bool):
        raise fail("answer", f"must be true or false, not {answer!r}.")
    return {"answer": answer}


def _parse_numeric(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "numeric", allow_compute=True)
    if answer is not None and (isinstance(answer, bool) or not isinstance(answer, numbers.Real)):
        raise fail("answer", f"must be a number, not {answer!r}.")
    tol = raw.get("tolerance", 0)
    if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or tol < 0:
        raise fail("tolerance", f"must be a number >= 0, not {tol!r}.")
    out = {"answer": answer, "tolerance": float(tol)}
    if "compute" in raw:
        out["compute"] = _compute_spec(raw["compute"], fail, corpus)
    return out


def _parse_text(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "text", allow_compute=True)
    if isinstance(answer, (str, int, float)) and not isinstance(answer, bool):
        answer = [answer]
    out = {}
    if answer is not None:
        if not isinstance(answer, list) or not answer or not all(
                isinstance(a, (str, int, float)) and normalise_answer(str(a)) for a in answer):
            raise fail("answer", "must be a list of accepted answers (text), e.g. [futile].")
        out["answer"] = tuple(str(a) for a in answer)
    if "compute" in raw:
        out["compute"] = _compute_spec(raw["compute"], fail, corpus)
    return out


def _parse_matching(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "matching")
    if not isinstance(answer, Mapping) or len(answer) < 2:
        raise fail("answer", "must map each left item to its match (at least two pairs).")
    pairs = {}
    for left, right in answer.items():
        if left is None or right is None or isinstance(right, (list, dict)) or not str(right).strip():
            raise fail("answer", f"pair {left!r}: {right!r} needs text on both sides.")
        pairs[str(left).strip()] = str(right).strip()
    return {"answer": pairs}


def _parse_attribution(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "attribution")
    if not isinstance(answer, str) or answer.strip().lower() not in ATTRIBUTIONS:
        raise fail("answer", f"must be one of {', '.join(ATTRIBUTIONS)}, not {answer!r}.")
    answer = answer.strip().lower()
    quote = raw.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise fail("quote", "missing; give the phrase students attribute, e.g. quote: \"honest broker\".")
    if answer == "neither":
        hits = [d for d in corpus if _citations.quote_in(quote, corpus[d].text)]
        if hits:
            raise fail("quote", f"{quote!r} does occur in {hits[0]!r}, so the answer cannot be 'neither'.")
    else:
        for doc in (("cho", "yang") if answer == "both" else (answer,)):
            if not any(c.id.split()[0] == doc and _citations.quote_in(quote, c.text) for c in citations):
                raise fail("quote", f"{quote!r} is not in any cited {doc} sentence; cite the "
                                    f"{doc} sentence it comes from (cites: [{doc} N.M]).")
    return {"answer": answer, "quote": quote.strip()}


_TYPE_PARSERS = {"single": _parse_single, "multiple": _parse_multiple, "truefalse": _parse_truefalse,
                 "numeric": _parse_numeric, "text": _parse_text, "matching": _parse_matching,
                 "attribution": _parse_attribution}


def _compute_spec(spec, fail, corpus):
    try:
        return validate_compute(spec, doc_ids=list(corpus))
    except QuestionBankError as exc:
        raise fail("compute", str(exc)) from None


# --- checking responses ---------------------------------------------------------

_PUNCT_SPACE = re.compile(r"[-‐‑‒–—―/_]+")
_PUNCT_DROP = re.compile(r"[^\w\s]+")


def normalise_answer(text: str) -> str:
    """A text answer as compared: case, spacing, punctuation and apostrophe style ignored.

    >>> normalise_answer("  The ‘Honest  Broker’! ") == normalise_answer("the honest broker")
    True
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _PUNCT_DROP.sub("", _PUNCT_SPACE.sub(" ", text))
    return " ".join(text.split())


def _empty(response) -> bool:
    return response is None or response is Ellipsis or (isinstance(response, str) and not response.strip()) \
        or (isinstance(response, (list, tuple, set, frozenset, dict)) and not response)


def check(question: Question, response) -> Result:
    """Mark one response to one question; never raises for a student's response.

    Parameters
    ----------
    question : Question
        From :func:`load_bank` (``bank.question("id")`` or ``bank.questions[0]``).
    response
        single: an option's text; multiple: a list of option texts; truefalse: True or
        False; numeric: a number (or digits as text); text: a string; matching: a dict
        ``{left: right}``; attribution: ``"cho"``, ``"yang"``, ``"both"`` or ``"neither"``.

    Returns
    -------
    Result
        ``status`` (correct, partial, incorrect, or invalid with a friendly hint in
        ``feedback``), ``score`` (0 to 1), ``feedback``, ``explanation`` and ``citations``
        (id and text of each cited sentence).

    Examples
    --------
    >>> q = load_bank("00_start_here").question("futile-sentence")
    >>> r = check(q, "yang 3.2")
    >>> r.status, r.score
    ('incorrect', 0.0)
    """
    if not isinstance(question, Question):
        raise WrongType(f"check() takes a question from load_bank(...), not {type(question).__name__}. "
                        "Example: check(kit.load_bank('01_close_reading').questions[0], 'my answer').")
    if _empty(response):
        return _result(question, "invalid", 0.0, ["No answer yet: " + _HOW[question.type]])
    status, score, feedback = _CHECKERS[question.type](question, response)
    return _result(question, status, score, feedback)


_HOW = {
    "single": "choose one of the options.", "multiple": "tick every option you think is right.",
    "truefalse": "answer True or False.", "numeric": "type a number, such as 5.",
    "text": "type a word or short phrase.", "matching": "choose a match for every item.",
    "attribution": "choose Cho, Yang, both or neither.",
}


def _result(q: Question, status: str, score: float, feedback) -> Result:
    return Result(q.id, status, float(score), tuple(f for f in feedback if f), q.explanation, q.citations)


def _invalid(q: Question, why: str):
    return "invalid", 0.0, [f"{why} Please {_HOW[q.type]}"]


def _loose(text: str) -> str:
    """Case, spacing and apostrophe style aside (punctuation kept: "cho 3.2" is not "cho 32")."""
    text = unicodedata.normalize("NFKC", str(text)).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


def _option_for(q: Question, response) -> Option | None:
    exact = next((o for o in q.options if o.text == response.strip()), None)
    return exact or next((o for o in q.options if _loose(o.text) == _loose(response)), None)


def _check_single(q, response):
    if not isinstance(response, str):
        return _invalid(q, f"{response!r} is not one of the options.")
    opt = _option_for(q, response)
    if opt is None:
        return _invalid(q, f"{response!r} is not one of the options.")
    return ("correct", 1.0, [opt.feedback]) if opt.text == q.key else ("incorrect", 0.0, [opt.feedback])


def _check_multiple(q, response):
    if isinstance(response, str):
        response = [response]
    if not isinstance(response, (list, tuple, set, frozenset)) or not all(isinstance(r, str) for r in response):
        return _invalid(q, "Give your choices as a list of option texts.")
    chosen = [_option_for(q, r) for r in response]
    if None in chosen:
        bad = next(r for r, o in zip(response, chosen) if o is None)
        return _invalid(q, f"{bad!r} is not one of the options.")
    picked = {o.text for o in chosen}
    right, n = picked & set(q.key), len(q.key)
    wrong = picked - set(q.key)
    feedback = [o.feedback for o in q.options if o.text in picked]
    if right == set(q.key) and not wrong:
        return "correct", 1.0, feedback
    score = max(0.0, (len(right) - len(wrong)) / n)
    note = f"You found {len(right)} of the {n} right options" + (
        f"; {len(wrong)} of your choices {'is' if len(wrong) == 1 else 'are'} not right." if wrong else ".")
    return ("partial" if right else "incorrect"), score, [note, *feedback]


_TRUE = {"true", "t", "yes", "y"}
_FALSE = {"false", "f", "no", "n"}


def _check_truefalse(q, response):
    if isinstance(response, str) and response.strip().lower() in _TRUE | _FALSE:
        response = response.strip().lower() in _TRUE
    if not isinstance(response, bool):
        return _invalid(q, f"{response!r} is neither True nor False.")
    return ("correct", 1.0, []) if response == q.key else ("incorrect", 0.0, [])


def _number(response) -> float | None:
    if isinstance(response, bool):
        return None
    if isinstance(response, str):
        try:
            response = float(response.strip().replace(",", ""))
        except ValueError:
            return None
    if isinstance(response, numbers.Real) and math.isfinite(float(response)):
        return float(response)
    return None


def _check_numeric(q, response):
    value = _number(response)
    if value is None:
        return _invalid(q, f"{response!r} is not a number (use digits: 5, not five).")
    key = float(q.key)
    if abs(value - key) <= q.tolerance + 1e-9:
        return "correct", 1.0, []
    return "incorrect", 0.0, ["Too high." if value > key else "Too low."]


def _check_text(q, response):
    if not isinstance(response, (str, int, float)) or isinstance(response, bool):
        return _invalid(q, "Type your answer as text.")
    norm = normalise_answer(str(response))
    if not norm:
        return _invalid(q, f"{response!r} has no words in it.")
    accepted = {normalise_answer(str(a)) for a in q.key}
    return ("correct", 1.0, []) if norm in accepted else ("incorrect", 0.0, [])


def _check_matching(q, response):
    if not isinstance(response, Mapping):
        return _invalid(q, "Give your matches as a mapping {item: match}.")
    given = {str(k).strip(): v for k, v in response.items()}
    missing = [left for left in q.key if given.get(left) in (None, "")]
    if missing:
        return _invalid(q, f"No match chosen for {missing[0]!r}.")
    rights = {_loose(r) for r in q.key.values()}
    extra = [k for k in given if k not in q.key]
    bad = [v for v in given.values() if not isinstance(v, str) or _loose(v) not in rights]
    if extra or bad:
        return _invalid(q, f"{(extra or bad)[0]!r} is not one of the items to match.")
    wrong = [left for left, right in q.key.items() if _loose(given[left]) != _loose(right)]
    if not wrong:
        return "correct", 1.0, []
    n, ok = len(q.key), len(q.key) - len(wrong)
    note = f"{ok} of {n} matches are right. Look again at: " + "; ".join(repr(w) for w in wrong) + "."
    return ("partial" if ok else "incorrect"), ok / n, [note]


def _check_attribution(q, response):
    if not isinstance(response, str) or response.strip().lower() not in ATTRIBUTIONS:
        return _invalid(q, f"{response!r} is not Cho, Yang, both or neither.")
    return ("correct", 1.0, []) if response.strip().lower() == q.key else ("incorrect", 0.0, [])


_CHECKERS = {"single": _check_single, "multiple": _check_multiple, "truefalse": _check_truefalse,
             "numeric": _check_numeric, "text": _check_text, "matching": _check_matching,
             "attribution": _check_attribution}


# --- showing answers ---------------------------------------------------------------


def format_answer(question: Question) -> str:
    """The right answer as readable text (computing it if the question says ``compute:``)."""
    key = question.key
    if question.type == "multiple":
        return "; ".join(key)
    if question.type == "truefalse":
        return "True" if key else "False"
    if question.type == "numeric":
        text = f"{key:g}" if isinstance(key, float) else str(key)
        return text + (f" (± {question.tolerance:g})" if question.tolerance else "")
    if question.type == "text":
        return " / ".join(map(str, key))
    if question.type == "matching":
        return "; ".join(f"{left} → {right}" for left, right in key.items())
    if question.type == "attribution":
        return {"cho": "Cho", "yang": "Yang"}.get(key, key)
    return str(key)


def answer_key(bank):
    """The answers of a bank with their explanations and cited sentences, one row per question.

    >>> answer_key("00_start_here")[["question", "answer"]].head(1)
              question answer
    0  futile-sentence  cho 3.2
    """
    import pandas as pd

    bank = load_bank(bank)
    rows = [{"question": q.id, "type": q.type, "prompt": q.prompt, "answer": format_answer(q),
             "explanation": q.explanation, "cites": ", ".join(q.cites)} for q in bank]
    return pd.DataFrame(rows, columns=["question", "type", "prompt", "answer", "explanation", "cites"])
