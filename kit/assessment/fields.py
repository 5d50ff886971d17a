"""Field readers shared by the question types: text fields (YAML's yes/no/numbers are
not text: the error says to quote them), lists of texts, the answer, a ``compute:`` spec.

>>> from ..errors import QuestionBankError
>>> fail = lambda fld, problem: QuestionBankError(f"{fld}: {problem}")
>>> text_field({"feedback": " Yes - [cho 3.2]. "}, "feedback", fail)
'Yes - [cho 3.2].'
"""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import QuestionBankError
from .questions import Question, Verdict

__all__ = ["text_field", "text_list", "need_answer", "invalid", "compute_field"]


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


def need_answer(raw, fail, qtype: str, *, compute: bool = False):
    if "answer" in raw and "compute" in raw:
        raise fail("answer", "give either `answer:` or `compute:`, not both.")
    if raw.get("answer") is None and not (compute and "compute" in raw):
        raise fail("answer", f"missing; a {qtype} question needs `answer:`" + (" (or `compute:`)." if compute else "."))
    return raw.get("answer")


def invalid(q: Question, why: str) -> Verdict:
    return Verdict("invalid", 0.0, (f"{why} Please {q.kind.how}",))



def compute_field(raw, fail, corpus) -> dict:
    if "compute" not in raw:
        return {}
    from .computed import validate_compute

    try:
        return {"compute": validate_compute(raw["compute"], doc_ids=list(corpus))}
    except QuestionBankError as exc:
        raise fail("compute", str(exc)) from None
