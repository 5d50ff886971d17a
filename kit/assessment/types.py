"""The question types, each defined once as a :class:`QuestionType` record.

>>> sorted(TYPES)  # doctest: +NORMALIZE_WHITESPACE
['attribution', 'matching', 'multiple', 'numeric', 'sentence_ids', 'single', 'text',
 'truefalse', 'written']
>>> from .questions import Question
>>> q = Question(id="n", type="numeric", prompt="?", answer=24.8, tolerance=0.1)
>>> TYPES["numeric"].check(q, "24,8").status
'correct'
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping

from ..errors import QuestionBankError
from .normalise import IdError, loose, normalise_answer, read_ids, read_number
from .questions import InputSpec, Option, Question, QuestionType, Verdict

__all__ = ["TYPES", "text_field", "computed_key"]


def text_field(raw: Mapping, fld: str, fail, *, required: bool = False) -> str:
    """A field that must be text; YAML's yes/no/numbers get a message saying to quote them."""
    value = raw.get(fld)
    if value is None or value == "":
        if required:
            raise fail(fld, "missing or empty; write it as text.")
        return ""
    if not isinstance(value, str):
        example = ("yes" if value else "no") if isinstance(value, bool) else value
        raise fail(fld, f"must be text, but YAML read it as the {type(value).__name__} {value!r} (unquoted yes, "
                        f"no, on, off, true, false and numbers are not text). Put it in quotation marks: "
                        f"{fld}: \"{example}\".")
    return value.strip()


def text_list(raw: Mapping, fld: str, fail) -> tuple[str, ...]:
    value = raw.get(fld) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise fail(fld, "must be a list of texts, e.g. [\"first\", \"second\"].")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise fail(fld, f"each item must be text, not {item!r}; put it in quotation marks.")
    return tuple(item.strip() for item in value)


def _need_answer(raw, fail, qtype: str, *, compute: bool = False):
    if "answer" in raw and "compute" in raw:
        raise fail("answer", "give either `answer:` or `compute:`, not both.")
    if raw.get("answer") is None and not (compute and "compute" in raw):
        raise fail("answer", f"missing; a {qtype} question needs `answer:`" + (" (or `compute:`)." if compute else "."))
    return raw.get("answer")


def _invalid(q: Question, why: str) -> Verdict:
    return Verdict("invalid", 0.0, (f"{why} Please {q.kind.how}",))


# --- single / multiple ------------------------------------------------------------------


def _options(raw, fail) -> tuple[Option, ...]:
    options = raw.get("options")
    if not isinstance(options, list) or not options:
        raise fail("options", "missing or empty; list the choices (each `text:` with optional `feedback:`).")
    out = []
    for opt in options:
        opt = {"text": opt} if isinstance(opt, (str, int, float)) and not isinstance(opt, bool) else opt
        if not isinstance(opt, Mapping) or set(opt) - {"text", "feedback"}:
            raise fail("options", f"each option needs a `text:` (and may have `feedback:`), not {opt!r}.")
        text = opt["text"] if isinstance(opt.get("text"), str) else str(opt.get("text", ""))
        if isinstance(opt.get("text"), bool) or not text.strip():
            raise fail("options", f"option text {opt.get('text')!r} must be text; put it in quotation marks.")
        out.append(Option(text.strip(), text_field(opt, "feedback", fail)))
    texts = [o.text for o in out]
    dup = next((t for t in texts if texts.count(t) > 1), None)
    if dup:
        raise fail("options", f"option {dup!r} is listed twice.")
    return tuple(out)


def _option_for(q: Question, response) -> Option | None:
    if not isinstance(response, str):
        return None
    text = response.strip()
    found = next((o for o in q.options if o.text == text), None) or \
        next((o for o in q.options if loose(o.text) == loose(text)), None)
    if found is None and len(text) == 1 and text.isalpha():  # "b" for the second option
        i = ord(text.lower()) - 97
        found = q.options[i] if 0 <= i < len(q.options) else None
    return found


def _parse_single(raw, fail, corpus, citations):
    options, answer = _options(raw, fail), _need_answer(raw, fail, "single")
    answer = str(answer).strip() if isinstance(answer, (str, int, float)) and not isinstance(answer, bool) else answer
    if answer not in [o.text for o in options]:
        raise fail("answer", f"{answer!r} is not among the options {[o.text for o in options]}.")
    return {"options": options, "answer": answer}


def _check_single(q, response):
    opt = _option_for(q, response)
    if opt is None:
        return _invalid(q, f"{response!r} is not one of the options.")
    ok = opt.text == q.key
    return Verdict("correct" if ok else "incorrect", float(ok), (opt.feedback,), normalise_answer(opt.text))


def _parse_multiple(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "multiple", compute=True)
    options = _options(raw, fail) if "options" in raw else ()
    answer = [answer] if isinstance(answer, str) else answer
    if answer is not None:
        if not isinstance(answer, list) or not answer or not all(isinstance(a, (str, int, float)) for a in answer):
            raise fail("answer", "must be a list of the right answers (option texts).")
        answer = tuple(dict.fromkeys(str(a).strip() for a in answer))
        texts = [o.text for o in options]
        bad = next((a for a in answer if options and a not in texts), None)
        if bad is not None:
            raise fail("answer", f"{bad!r} is not among the options {texts}.")
    ordered = raw.get("ordered", False)
    if not isinstance(ordered, bool) or (ordered and options):
        raise fail("ordered", "must be true or false, and only for a list answer without options.")
    return {"options": options, "answer": answer, "ordered": ordered, **_compute(raw, fail, corpus)}


def _items(q, response) -> list[str] | None:
    if isinstance(response, str):
        response = [r for r in response.replace(";", ",").split(",")] if not q.options else [response]
    if hasattr(response, "tolist"):
        response = response.tolist()
    if not isinstance(response, (list, tuple, set, frozenset)) or not all(isinstance(r, str) for r in response):
        return None
    return [r for r in response if r.strip()]


def _check_multiple(q, response):
    items = _items(q, response)
    if items is None:
        return _invalid(q, "Give your answers as a list of texts.")
    feedback: list[str] = []
    if q.options:
        chosen = [_option_for(q, r) for r in items]
        if None in chosen:
            return _invalid(q, f"{items[chosen.index(None)]!r} is not one of the options.")
        picked = {normalise_answer(o.text) for o in chosen}
        feedback = [o.feedback for o in q.options if normalise_answer(o.text) in picked]
    elif q.ordered:
        mine, want_list = [normalise_answer(i) for i in items], [normalise_answer(k) for k in q.key]
        if mine == want_list:
            return Verdict("correct", 1.0, (), frozenset(mine))
        note = "The right items, but not in the right order." if sorted(mine) == sorted(want_list) else ""
        return Verdict("incorrect", 0.0, (note,), frozenset(mine))
    else:
        want = {normalise_answer(k) for k in q.key}
        picked = set()
        for item in items:  # "united states" for the key words united, states
            norm = normalise_answer(item)
            words = norm.split()
            picked |= set(words) if norm not in want and len(words) > 1 and set(words) <= want else {norm}
    want = {normalise_answer(k) for k in q.key}
    right, wrong = picked & want, picked - want
    if not wrong and right == want:
        return Verdict("correct", 1.0, tuple(feedback), frozenset(picked))
    note = f"You found {len(right)} of the {len(want)} right {'options' if q.options else 'answers'}" + (
        f"; {len(wrong)} of your choices {'is' if len(wrong) == 1 else 'are'} not right." if wrong else ".")
    score = max(0.0, (len(right) - len(wrong)) / len(want))
    return Verdict("partial" if right else "incorrect", score, (note, *feedback), frozenset(picked))


def _format_list(q):
    return "; ".join(map(str, q.key))


def _choice_input(q):
    return InputSpec("choice" if q.type == "single" else "choices", tuple((o.text, o.text) for o in q.options),
                     placeholder="" if q.options else "words separated by commas")


def _choice_text(q):
    if not q.options:
        return ["   Answer: a list, e.g. [\"word1\", \"word2\"]"]
    if q.label == "Exercise":  # exercises are answered in code, by text or letter
        return [f"  {chr(97 + i)}) {o.text}" for i, o in enumerate(q.options)]
    mark = "( )" if q.type == "single" else "[ ]"
    return [f"   {mark} {o.text}" for o in q.options]


# --- truefalse, numeric, text -------------------------------------------------------------

_TRUE, _FALSE = {"true", "t", "yes", "y"}, {"false", "f", "no", "n"}


def _parse_truefalse(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "truefalse")
    if not isinstance(answer, bool):
        raise fail("answer", f"must be true or false, not {answer!r}.")
    return {"answer": answer}


def _check_truefalse(q, response):
    if isinstance(response, str) and response.strip().lower() in _TRUE | _FALSE:
        response = response.strip().lower() in _TRUE
    if not isinstance(response, bool):
        return _invalid(q, f"{response!r} is neither True nor False.")
    return Verdict("correct" if response == q.key else "incorrect", float(response == q.key), (), response)


def _compute(raw, fail, corpus) -> dict:
    if "compute" not in raw:
        return {}
    from .computed import validate_compute

    try:
        return {"compute": validate_compute(raw["compute"], doc_ids=list(corpus))}
    except QuestionBankError as exc:
        raise fail("compute", str(exc)) from None


def _parse_numeric(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "numeric", compute=True)
    if answer is not None and (isinstance(answer, bool) or not isinstance(answer, numbers.Real)):
        raise fail("answer", f"must be a number, not {answer!r}.")
    tol = raw.get("tolerance", 0)
    if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or tol < 0:
        raise fail("tolerance", f"must be a number >= 0, not {tol!r}.")
    return {"answer": answer, "tolerance": float(tol), **_compute(raw, fail, corpus)}


def _check_numeric(q, response):
    value = read_number(response)
    if value is None:
        return _invalid(q, f"{str(response)[:40]!r} is not a number (use digits: 5, not five).")
    ok = abs(value - float(q.key)) <= q.tolerance + 1e-9
    note = () if ok else ("Too high." if value > q.key else "Too low.",)
    return Verdict("correct" if ok else "incorrect", float(ok), note, value)


def _format_numeric(q):
    text = f"{q.key:g}" if isinstance(q.key, float) else str(q.key)
    return text + (f" (± {q.tolerance:g})" if q.tolerance else "")


def _parse_text(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "text", compute=True)
    out = {"aliases": tuple(str(a) for a in text_list(raw, "aliases", fail)), **_compute(raw, fail, corpus)}
    if answer is not None:
        answer = [answer] if not isinstance(answer, list) else answer
        if not answer or not all(isinstance(a, (str, int, float)) and not isinstance(a, bool)
                                 and normalise_answer(str(a)) for a in answer):
            raise fail("answer", "must be the answer as text (or a list of accepted answers).")
        out["answer"] = tuple(str(a) for a in answer)
    return out


def _check_text(q, response):
    if isinstance(response, (list, tuple)) and len(response) == 1:  # ["North Korea"] for North Korea
        response = response[0]
    if not isinstance(response, (str, int, float)) or isinstance(response, bool):
        return _invalid(q, "Type your answer as text.")
    norm = normalise_answer(str(response))
    if not norm:
        return _invalid(q, f"{response!r} has no words in it.")
    accepted = {normalise_answer(str(a)) for a in (*q.key, *q.aliases)}
    return Verdict("correct" if norm in accepted else "incorrect", float(norm in accepted), (), norm)


def _text_input(q):
    return InputSpec("text", placeholder={"numeric": "a number, e.g. 5", "text": "a word or short phrase",
                                          "sentence_ids": "sentence ids, e.g. " + _id_example(q)}[q.type])


def _id_example(q):
    return f"{q.doc_ids[0] if q.doc_ids else 'doc'} 3.2"


# --- sentence ids -----------------------------------------------------------------------------


def _parse_sentence_ids(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "sentence_ids", compute=True)
    out = {"doc_ids": tuple(corpus), **_compute(raw, fail, corpus)}
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
        return _invalid(q, "No sentence id found.")
    want = set(q.key if isinstance(q.key, (list, tuple)) else [q.key])
    ok = set(ids) == want
    note = ()
    if not ok and set(ids) & want:
        note = (f"{len(set(ids) & want)} of your {len(ids)} ids {'is' if len(set(ids) & want) == 1 else 'are'} right; "
                f"the answer has {len(want)}.",)
    return Verdict("correct" if ok else "incorrect", float(ok), note, frozenset(ids))


# --- matching, attribution, written ------------------------------------------------------------


def _parse_matching(raw, fail, corpus, citations):
    answer = _need_answer(raw, fail, "matching")
    if not isinstance(answer, Mapping) or len(answer) < 2:
        raise fail("answer", "must map each left item to its match (at least two pairs), e.g. {cho: 2, yang: 3}.")
    pairs = {}
    for left, right in answer.items():
        if left is None or right is None or isinstance(right, (list, dict, bool)) or not str(right).strip():
            raise fail("answer", f"pair {left!r}: {right!r} needs text or a number on both sides.")
        pairs[str(left).strip()] = right.strip() if isinstance(right, str) else right
    return {"answer": pairs}


def _same(a, b) -> bool:
    na, nb = read_number(a), read_number(b)
    if na is not None and nb is not None:
        return abs(na - nb) < 1e-9
    return normalise_answer(str(a)) == normalise_answer(str(b))


def _check_matching(q, response):
    if not isinstance(response, Mapping):
        return _invalid(q, "Give your matches as a dictionary, like {\"item\": \"match\"}.")
    given = {loose(k): v for k, v in response.items()}
    want = {loose(k): v for k, v in q.key.items()}
    missing = [k for k in q.key if given.get(loose(k)) in (None, "")]
    if missing:
        return _invalid(q, f"No match given for {missing[0]!r}.")
    extra = [k for k in response if loose(k) not in want]
    if not extra and not all(read_number(v) is not None for v in want.values()):  # text choices: a closed list
        extra = [v for v in given.values() if not any(_same(v, w) for w in want.values())]
    if extra:
        return _invalid(q, f"{extra[0]!r} is not one of the items to match.")
    wrong = [k for k in q.key if not _same(given[loose(k)], want[loose(k)])]
    n, ok = len(want), len(want) - len(wrong)
    if not wrong:
        return Verdict("correct", 1.0, (), None)
    note = f"{ok} of {n} matches are right. Look again at: " + "; ".join(repr(w) for w in wrong) + "."
    return Verdict("partial" if ok else "incorrect", ok / n, (note,), None)


def _matching_input(q):
    rights = sorted({str(v) for v in q.key.values()}, key=str.casefold)
    return InputSpec("pairs", tuple((r, r) for r in rights), items=tuple(q.key))


def _parse_attribution(raw, fail, corpus, citations):
    from .._citations import quote_in

    choices = (*corpus, "both", "neither")
    answer = _need_answer(raw, fail, "attribution")
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
        return _invalid(q, f"{response!r} is not one of {', '.join(choices)}.")
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
        return _invalid(q, "Write your answer as text in quotation marks.")
    return Verdict("written", None, (), response.strip())


def computed_key(q: Question, value, where: str):
    """A computed value as the key of ``q``'s type (a number for numeric, a tuple of answers otherwise)."""
    if q.type == "numeric":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise QuestionBankError(f"{where}: gave {value!r}, not a number. Use `take:` to pick one number "
                                    "(a column with one row, 'rows', 'sum:col').")
        return value
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _t(name, fields, how, parse, check, fmt, inp, text, computable=False) -> QuestionType:
    return QuestionType(name, fields, how, parse, check, fmt, inp, text, computable)


_TEXT_LINE = {"numeric": "a number", "text": "a word or short phrase", "sentence_ids": "sentence ids"}
TYPES: dict[str, QuestionType] = {t.name: t for t in [
    _t("single", ("options", "answer"), "choose one of the options.", _parse_single, _check_single,
       lambda q: str(q.key), _choice_input, _choice_text),
    _t("multiple", ("options", "answer", "compute", "ordered"), "give every answer you think is right.", _parse_multiple,
       _check_multiple, _format_list, _choice_input, _choice_text, True),
    _t("truefalse", ("answer",), "answer True or False.", _parse_truefalse, _check_truefalse,
       lambda q: "True" if q.key else "False", lambda q: InputSpec("toggle", (("True", True), ("False", False))),
       lambda q: ["   ( ) True   ( ) False"]),
    _t("numeric", ("answer", "compute", "tolerance"), "type a number, such as 5.", _parse_numeric,
       _check_numeric, _format_numeric, _text_input, lambda q: ["   Answer: a number"], True),
    _t("text", ("answer", "compute", "aliases"), "type a word or short phrase.", _parse_text, _check_text,
       lambda q: " / ".join(map(str, q.key)), _text_input, lambda q: ["   Answer: a word or short phrase"], True),
    _t("sentence_ids", ("answer", "compute"), "give sentence ids such as \"doc 3.2\" (several: separate them "
       "with commas).", _parse_sentence_ids, _check_sentence_ids,
       lambda q: ", ".join(q.key if isinstance(q.key, (list, tuple)) else [q.key]), _text_input,
       lambda q: [f"   Answer: sentence ids, e.g. {_id_example(q)}"], True),
    _t("matching", ("answer",), "give a match for every item.", _parse_matching, _check_matching,
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
