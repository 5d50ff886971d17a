"""The choice types: ``single`` (one option) and ``multiple`` (several options, or a
free list of answers when there are no options: then ``ordered`` may say the order counts).

>>> from .questions import Option, Question
>>> from .types import TYPES
>>> q = Question(id="q", type="multiple", prompt="?", answer=("united", "states"), kind=TYPES["multiple"])
>>> check_multiple(q, ["United States"]).status  # one answer naming both key words
'correct'
"""
from __future__ import annotations

from collections.abc import Mapping

from .fields import compute_field, invalid, need_answer, text_field
from .normalise import loose, normalise_answer
from .order import shuffled_options
from .questions import InputSpec, Option, Question, Verdict

__all__ = ["parse_options", "parse_shuffle", "option_for", "letters_as_text", "parse_single", "check_single",
           "parse_multiple", "check_multiple", "format_list", "choice_input", "choice_text"]


def parse_shuffle(raw, fail, *, allowed: bool = True) -> dict:
    """The optional ``shuffle:`` field (true or false; default true: a per-student order).

    >>> from ..errors import QuestionBankError
    >>> fail = lambda fld, problem: QuestionBankError(f"{fld}: {problem}")
    >>> parse_shuffle({"shuffle": False}, fail), parse_shuffle({}, fail)
    ({'shuffle': False}, {})
    """
    if "shuffle" not in raw:
        return {}
    value = raw["shuffle"]
    if not allowed:
        raise fail("shuffle", "only a question with options (or a matching question) has an order to shuffle; "
                              "remove `shuffle:`.")
    if not isinstance(value, bool):
        raise fail("shuffle", f"must be true (show the options in an order drawn per student, the default) or "
                              f"false (keep the bank's order, e.g. for a scale), not {value!r}. Write shuffle: false.")
    return {"shuffle": value}


def parse_options(raw, fail) -> tuple[Option, ...]:
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


def option_for(q: Question, response) -> Option | None:
    """The option a response names: its text (exactly, then loosely), or a letter counted
    in the order this student is shown the options ("b": the second option shown)."""
    if not isinstance(response, str):
        return None
    text = response.strip()
    found = next((o for o in q.options if o.text == text), None) or \
        next((o for o in q.options if loose(o.text) == loose(text)), None)
    if found is None and len(text) == 1 and text.isalpha():  # "b" for the second option
        i, shown = ord(text.lower()) - 97, shuffled_options(q)
        found = shown[i] if 0 <= i < len(shown) else None
    return found


def letters_as_text(q: Question, response):
    """``response`` with option letters ("b", or ["a", "c"]) replaced by the texts of the
    options this student was shown under them, for the progress store: a letter means
    nothing to a teacher reading another student's order.  Anything else unchanged.

    >>> from .types import TYPES
    >>> q = Question(id="q", type="single", prompt="?", answer="x", options=(Option("x"), Option("y")), shuffle=False,
    ...              kind=TYPES["single"])
    >>> letters_as_text(q, "b"), letters_as_text(q, "y"), letters_as_text(q, 3)
    ('y', 'y', 3)
    """
    if q.type not in ("single", "multiple") or not q.options:
        return response

    def text(r):
        if isinstance(r, str) and len(r.strip()) == 1 and r.strip().isalpha():
            opt = option_for(q, r)
            return opt.text if opt is not None else r
        return r

    return [text(r) for r in response] if isinstance(response, (list, tuple)) else text(response)


def parse_single(raw, fail, corpus, citations):
    options, answer = parse_options(raw, fail), need_answer(raw, fail, "single")
    answer = str(answer).strip() if isinstance(answer, (str, int, float)) and not isinstance(answer, bool) else answer
    if answer not in [o.text for o in options]:
        raise fail("answer", f"{answer!r} is not among the options {[o.text for o in options]}.")
    return {"options": options, "answer": answer, **parse_shuffle(raw, fail)}


def check_single(q, response):
    opt = option_for(q, response)
    if opt is None:
        return invalid(q, f"{response!r} is not one of the options.")
    ok = opt.text == q.key
    return Verdict("correct" if ok else "incorrect", float(ok), (opt.feedback,), normalise_answer(opt.text))


def parse_multiple(raw, fail, corpus, citations):
    answer = need_answer(raw, fail, "multiple", compute=True)
    options = parse_options(raw, fail) if "options" in raw else ()
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
    return {"options": options, "answer": answer, "ordered": ordered, **compute_field(raw, fail, corpus),
            **parse_shuffle(raw, fail, allowed=bool(options))}


def _items(q, response) -> list[str] | None:
    if isinstance(response, str):
        response = [r for r in response.replace(";", ",").split(",")] if not q.options else [response]
    if hasattr(response, "tolist"):
        response = response.tolist()
    if not isinstance(response, (list, tuple, set, frozenset)) or not all(isinstance(r, str) for r in response):
        return None
    return [r for r in response if r.strip()]


def check_multiple(q, response):
    items = _items(q, response)
    if items is None:
        return invalid(q, "Give your answers as a list of texts.")
    feedback: list[str] = []
    if q.options:
        chosen = [option_for(q, r) for r in items]
        if None in chosen:
            return invalid(q, f"{items[chosen.index(None)]!r} is not one of the options.")
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


def format_list(q):
    return "; ".join(map(str, q.key))


def choice_input(q):
    options = tuple((o.text, o.text) for o in shuffled_options(q))  # in this student's order
    return InputSpec("choice" if q.type == "single" else "choices", options,
                     placeholder="" if q.options else "words separated by commas")


def choice_text(q):
    if not q.options:
        return ["   Answer: a list, e.g. [\"word1\", \"word2\"]"]
    shown = shuffled_options(q)  # the order the widget shows this student
    if q.label == "Exercise":  # exercises are answered in code, by text or letter
        return [f"  {chr(97 + i)}) {o.text}" for i, o in enumerate(shown)]
    mark = "( )" if q.type == "single" else "[ ]"
    return [f"   {mark} {o.text}" for o in shown]
