"""The question types, each defined once as a :class:`QuestionType` record.

>>> sorted(TYPES)  # doctest: +NORMALIZE_WHITESPACE
['attribution', 'matching', 'multiple', 'numeric', 'sentence_ids', 'single', 'text',
 'truefalse', 'written']
>>> from .questions import Question
>>> q = Question(id="n", type="numeric", prompt="?", answer=24.8, tolerance=0.1, kind=TYPES["numeric"])
>>> TYPES["numeric"].check(q, "24,8").status
'correct'
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping

from ..errors import QuestionBankError
from .choices import (
    check_multiple,
    check_single,
    choice_input,
    choice_text,
    format_list,
    parse_multiple,
    parse_shuffle,
    parse_single,
)
from .concepts import accepted_by_meaning, names_concepts, parse_concepts
from .mistakes import ids_note, swap_note
from .rules import written_flags
from .fields import compute_field, invalid, need_answer, text_field, text_list
from .normalise import IdError, loose, normalise_answer, read_ids, read_number
from .order import shuffled_options
from .questions import InputSpec, Question, QuestionType, Verdict

__all__ = ["TYPES"]

# --- truefalse, numeric, text -------------------------------------------------------------

_TRUE, _FALSE = {"true", "t", "yes", "y"}, {"false", "f", "no", "n"}


def _parse_truefalse(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "truefalse")
    if not isinstance(answer, bool):
        raise fail("answer", f"must be true or false, not {answer!r}.")
    return {"answer": answer}


def _check_truefalse(q, response):
    if isinstance(response, str) and response.strip().lower() in _TRUE | _FALSE:
        response = response.strip().lower() in _TRUE
    if not isinstance(response, bool):
        return invalid(q, f"{response!r} is neither True nor False.")
    return Verdict("correct" if response == q.key else "incorrect", float(response == q.key), (), response)


def _parse_numeric(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "numeric", compute=True)
    if answer is not None and (isinstance(answer, bool) or not isinstance(answer, numbers.Real)):
        raise fail("answer", f"must be a number, not {answer!r}.")
    tol = raw.get("tolerance", 0)
    if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or tol < 0:
        raise fail("tolerance", f"must be a number >= 0, not {tol!r}.")
    return {"answer": answer, "tolerance": float(tol), **compute_field(raw, fail, corpus)}


def _check_numeric(q, response):
    value = read_number(response)
    if value is None:
        return invalid(q, f"{str(response)[:40]!r} is not a number (use digits: 5, not five).")
    ok = abs(value - float(q.key)) <= q.tolerance + 1e-9
    note = () if ok else ("Too high." if value > q.key else "Too low.",)
    return Verdict("correct" if ok else "incorrect", float(ok), note, value)


def _format_numeric(q):
    text = f"{q.key:g}" if isinstance(q.key, float) else str(q.key)
    return text + (f" (± {q.tolerance:g})" if q.tolerance else "")


def _parse_text(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "text", compute=True)
    out = {"aliases": tuple(str(a) for a in text_list(raw, "aliases", fail)), **compute_field(raw, fail, corpus)}
    if answer is not None:
        answer = [answer] if not isinstance(answer, list) else answer
        if not answer or not all(isinstance(a, (str, int, float)) and not isinstance(a, bool)
                                 and normalise_answer(str(a)) for a in answer):
            raise fail("answer", "must be the answer as text (or a list of accepted answers).")
        out["answer"] = tuple(str(a) for a in answer)
    out["concepts"], out["reject"] = parse_concepts(raw.get("concepts"), fail), text_list(raw, "reject", fail)
    missed = [a for a in out.get("answer", ()) if out["concepts"] and not names_concepts(a, out["concepts"])]
    if missed:
        raise fail("concepts", f"the answer {missed[0]!r} does not name every concept; add its words as synonyms.")
    return out


def _check_text(q, response):
    if isinstance(response, (list, tuple)) and len(response) == 1:  # ["North Korea"] for North Korea
        response = response[0]
    if not isinstance(response, (str, int, float)) or isinstance(response, bool):
        return invalid(q, "Type your answer as text.")
    norm = normalise_answer(str(response))
    if not norm:
        return invalid(q, f"{response!r} has no words in it.")
    ok = norm in {normalise_answer(str(a)) for a in (*q.key, *q.aliases)} or accepted_by_meaning(q, str(response))
    return Verdict("correct" if ok else "incorrect", float(ok), (), norm)


def _text_input(q):
    return InputSpec("text", placeholder={"numeric": "a number, e.g. 5", "text": "a word or short phrase",
                                          "sentence_ids": "sentence ids, e.g. " + _id_example(q)}[q.type])


def _id_example(q):
    return f"{q.doc_ids[0] if q.doc_ids else 'doc'} 3.2"


# --- sentence ids -----------------------------------------------------------------------------


def _parse_sentence_ids(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "sentence_ids", compute=True)
    out = {"doc_ids": tuple(corpus), **compute_field(raw, fail, corpus)}
    if answer is not None:
        out["answer"] = tuple(_known_ids(answer, corpus, fail, "answer"))
    return out


def _known_ids(value, corpus, fail, fld):
    try:
        ids = read_ids(value, doc_ids=list(corpus))
    except IdError as exc:
        raise fail(fld, str(exc)) from None
    for sid in ids:
        try:
            corpus.sentence(sid)
        except Exception as exc:  # noqa: BLE001 - the corpus says which id and why
            raise fail(fld, str(exc)) from None
    return ids


def _check_sentence_ids(q, response):
    try:
        ids = read_ids(response, doc_ids=q.doc_ids)
    except IdError as exc:
        return Verdict("invalid", 0.0, (str(exc),))
    if not ids:
        return invalid(q, "No sentence id found.")
    want = set(q.key if isinstance(q.key, (list, tuple)) else [q.key])
    ok = set(ids) == want
    note = (ids_note(set(ids), want),) if not ok and set(ids) & want else ()
    return Verdict("correct" if ok else "incorrect", float(ok), note, frozenset(ids))


# --- matching, attribution, written ------------------------------------------------------------


def _parse_matching(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "matching")
    if not isinstance(answer, Mapping) or len(answer) < 2:
        raise fail("answer", "must map each left item to its match (at least two pairs), e.g. {cho: 2, yang: 3}.")
    pairs = {}
    for left, right in answer.items():
        if left is None or right is None or isinstance(right, (list, dict, bool)) or not str(right).strip():
            raise fail("answer", f"pair {left!r}: {right!r} needs text or a number on both sides.")
        pairs[str(left).strip()] = right.strip() if isinstance(right, str) else right
    return {"answer": pairs, **parse_shuffle(raw, fail)}


def _same(a, b) -> bool:
    na, nb = read_number(a), read_number(b)
    if na is not None and nb is not None:
        return abs(na - nb) < 1e-9
    return normalise_answer(str(a)) == normalise_answer(str(b))


def _check_matching(q, response):
    if not isinstance(response, Mapping):
        return invalid(q, "Give your matches as a dictionary, like {\"item\": \"match\"}.")
    given = {loose(k): v for k, v in response.items()}
    want = {loose(k): v for k, v in q.key.items()}
    missing = [k for k in q.key if given.get(loose(k)) in (None, "")]
    if missing:
        return invalid(q, f"No match given for {missing[0]!r}.")
    extra = [k for k in response if loose(k) not in want]
    if not extra and not all(read_number(v) is not None for v in want.values()):  # text choices: a closed list
        extra = [v for v in given.values() if not any(_same(v, w) for w in want.values())]
    if extra:
        return invalid(q, f"{extra[0]!r} is not one of the items to match.")
    wrong = [k for k in q.key if not _same(given[loose(k)], want[loose(k)])]
    n, ok = len(want), len(want) - len(wrong)
    if not wrong:
        return Verdict("correct", 1.0, (), None)
    note = f"{ok} of {n} matches are right. Look again at: " + "; ".join(repr(w) for w in wrong) + "."
    swap = swap_note(wrong, {k: given[loose(k)] for k in q.key}, q.key, _same)
    return Verdict("partial" if ok else "incorrect", ok / n, (note, swap) if swap else (note,), None)


def _matching_input(q):  # the right-hand choices in this student's order
    return InputSpec("pairs", tuple((o.text, o.text) for o in shuffled_options(q)), items=tuple(q.key))


def _parse_attribution(raw, fail, corpus, citations):
    from ..argumentation.citations import quote_in

    choices = (*corpus, "both", "neither")
    answer = need_answer(raw, fail, "attribution")
    if not isinstance(answer, str) or answer.strip().lower() not in choices:
        raise fail("answer", f"must be one of {', '.join(choices)}, not {answer!r}.")
    answer, quote = answer.strip().lower(), text_field(raw, "quote", fail, required=True)
    if answer == "neither":
        hits = [d for d in corpus if quote_in(quote, corpus[d].text)]
        if hits:
            raise fail("quote", f"{quote!r} does occur in {hits[0]!r}, so the answer cannot be 'neither'.")
    for doc in (tuple(corpus) if answer == "both" else () if answer == "neither" else (answer,)):
        if not any(c.id.split()[0] == doc and quote_in(quote, c.text) for c in citations):
            raise fail("quote", f"{quote!r} is not in any cited {doc} sentence; cite the {doc} sentence "
                                f"it comes from (cites: [{doc} N.M]).")
    return {"answer": answer, "quote": quote, "doc_ids": tuple(corpus)}


def _check_attribution(q, response):
    choices = (*q.doc_ids, "both", "neither")
    if not isinstance(response, str) or response.strip().lower() not in choices:
        return invalid(q, f"{response!r} is not one of {', '.join(choices)}.")
    value = response.strip().lower()
    return Verdict("correct" if value == q.key else "incorrect", float(value == q.key), (), value)


def _attribution_input(q):
    return InputSpec("toggle", tuple((c.capitalize(), c) for c in (*q.doc_ids, "both", "neither")))


def _parse_written(raw, fail, corpus, citations):
    checklist = text_list(raw, "checklist", fail)
    if not checklist:
        raise fail("checklist", "missing; list the key points a good answer makes, e.g. [\"names the actor\"].")
    return {"model_answer": text_field(raw, "model_answer", fail, required=True), "checklist": checklist}


def _check_written(q, response):
    if not isinstance(response, str):
        return invalid(q, "Write your answer as text in quotation marks.")
    return Verdict("written", None, written_flags(q, response), response.strip())


def _t(name, fields, how, parse, check, fmt, inp, text, computable=False) -> QuestionType:
    return QuestionType(name, fields, how, parse, check, fmt, inp, text, computable)


TYPES: dict[str, QuestionType] = {t.name: t for t in [
    _t("single", ("options", "answer", "shuffle"), "choose one of the options.", parse_single, check_single,
       lambda q: str(q.key), choice_input, choice_text),
    _t("multiple", ("options", "answer", "compute", "ordered", "shuffle"), "give every answer you think is right.",
       parse_multiple, check_multiple, format_list, choice_input, choice_text, True),
    _t("truefalse", ("answer",), "answer True or False.", _parse_truefalse, _check_truefalse,
       lambda q: "True" if q.key else "False", lambda q: InputSpec("toggle", (("True", True), ("False", False))),
       lambda q: ["   ( ) True   ( ) False"]),
    _t("numeric", ("answer", "compute", "tolerance"), "type a number, such as 5.", _parse_numeric,
       _check_numeric, _format_numeric, _text_input, lambda q: ["   Answer: a number"], True),
    _t("text", ("answer", "compute", "aliases", "concepts", "reject"), "type a word or short phrase.", _parse_text,
       _check_text,
       lambda q: " / ".join(map(str, q.key)), _text_input, lambda q: ["   Answer: a word or short phrase"], True),
    _t("sentence_ids", ("answer", "compute"), "give sentence ids such as \"doc 3.2\" (several: separate them "
       "with commas).", _parse_sentence_ids, _check_sentence_ids,
       lambda q: ", ".join(q.key if isinstance(q.key, (list, tuple)) else [q.key]), _text_input,
       lambda q: [f"   Answer: sentence ids, e.g. {_id_example(q)}"], True),
    _t("matching", ("answer", "shuffle"), "give a match for every item.", _parse_matching, _check_matching,
       lambda q: "; ".join(f"{k} → {v}" for k, v in q.key.items()), _matching_input,
       lambda q: [*[f"   {k}  ->  ?" for k in q.key], "   choices: " + " | ".join(
           o for o, _ in _matching_input(q).options)]),
    _t("attribution", ("answer", "quote"), "choose whose words they are (or both, or neither).",
       _parse_attribution, _check_attribution, lambda q: q.key.capitalize(), _attribution_input,
       lambda q: [f'   "{q.quote}"  ->  ' + " / ".join([*(d.capitalize() for d in q.doc_ids), "both", "neither"])]),
    _t("written", ("model_answer", "checklist"), "write a few sentences in quotation marks.", _parse_written,
       _check_written, lambda q: q.model_answer, lambda q: InputSpec("long_text", placeholder="your answer"),
       lambda q: ["   Answer: a few sentences (then compare with the model answer)"]),
]}
