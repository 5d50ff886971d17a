"""Reading a student's answer as a teacher would: text normalised, numbers with a
decimal comma or "about", several sentence ids in one string.

>>> normalise_answer("  The ‘Honest  Brokers’! ") == normalise_answer("honest broker")
True
>>> read_number("about 24,8")
24.8
>>> read_ids("yang 9.1, yang 9.4", doc_ids=["cho", "yang"])
['yang 9.1', 'yang 9.4']
"""
from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterable

from ..corpus.ids import WRITTEN_ID, WRITTEN_ID_RE

__all__ = ["normalise_answer", "loose", "read_number", "read_ids", "IdError", "text_problem", "MAX_ANSWER_DEPTH", "MAX_ANSWER_PARTS"]

_PUNCT_SPACE = re.compile(r"[-‐‑‒–—―/_]+")
_PUNCT_DROP = re.compile(r"[^\w\s]+")
_ARTICLES = {"the", "a", "an"}
_KEEP_S = re.compile(r"(ss|us|is|ous)$")


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or _KEEP_S.search(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def normalise_answer(text: str) -> str:
    """A text answer as compared: case, spacing, punctuation, articles and simple plurals aside.

    >>> normalise_answer("the United States")
    'united state'
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _PUNCT_DROP.sub("", _PUNCT_SPACE.sub(" ", text))
    words = [w for w in text.split() if w not in _ARTICLES] or text.split()
    return " ".join(_singular(w) for w in words)


def loose(text: str) -> str:
    """Case, spacing and apostrophe style aside (punctuation kept: "cho 3.2" is not "cho 32").

    >>> loose("  North  KOREA’s ")
    "north korea's"
    """
    text = unicodedata.normalize("NFKC", str(text)).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


MAX_ANSWER_DEPTH = 8        # a matching answer is a dict of strings: depth 2
MAX_ANSWER_PARTS = 10_000   # strings, numbers, keys and values in one answer
_PLAIN = (str, int, float, bool, type(None), type(Ellipsis))
_UNREADABLE = "That answer could not be read. Give it as text in quotation marks, a number, a list or a dict."


def _leaf_problem(value) -> str:
    """The problem of one part of an answer that is not a list or a dict."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return ("Your answer contains a broken character (half of an emoji or a symbol) that cannot "
                    "be saved. Delete it and type the answer again.")
        if len(value) > 10_000:
            return "Your answer is very long (over 10,000 characters). Give a shorter answer."
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "That number is far too large to be an answer here. Check it and type it again."
    try:  # an object of the student's own whose str, repr or float raises cannot be marked
        str(value), repr(value)
        if isinstance(value, float):
            float(value)
    except Exception:  # noqa: BLE001 - anything it raises, the answer is unreadable
        return _UNREADABLE
    return ""


def text_problem(value) -> str:
    """Why an answer cannot be marked or saved (``""`` if it can): lone surrogates, huge numbers,
    lists or dicts that contain themselves, nest deeper than :data:`MAX_ANSWER_DEPTH` or hold more
    than :data:`MAX_ANSWER_PARTS` parts, objects whose ``str``/``repr``/``float`` raise.

    Walks the answer without recursion, so a 100,000-deep list is a hint, not a RecursionError.

    >>> text_problem("ok"), bool(text_problem("bad \\udc80"))
    ('', True)
    >>> loop = []; loop.append(loop)
    >>> text_problem(loop)
    'That answer contains itself (a list or dict inside itself). Give plain text, a number or a short list.'
    """
    stack: list[tuple[object, int, tuple]] = [(value, 0, ())]
    parts = 0
    while stack:
        item, depth, above = stack.pop()
        parts += 1
        if parts > MAX_ANSWER_PARTS:
            return f"That answer has more than {MAX_ANSWER_PARTS:,} parts. Give a shorter answer."
        try:
            if isinstance(item, dict):
                children = [*item.keys(), *item.values()]
            elif isinstance(item, (list, tuple, set, frozenset)) and not isinstance(item, _PLAIN):
                children = list(item)
            else:
                problem = _leaf_problem(item)
                if problem:
                    return problem
                continue
        except Exception:  # noqa: BLE001 - a list or dict subclass whose iteration raises
            return _UNREADABLE
        if id(item) in above:
            return ("That answer contains itself (a list or dict inside itself). "
                    "Give plain text, a number or a short list.")
        if depth >= MAX_ANSWER_DEPTH:
            return f"That answer is nested more than {MAX_ANSWER_DEPTH} levels deep. Give plain text or a short list."
        if len(children) > MAX_ANSWER_PARTS:
            return f"That answer has more than {MAX_ANSWER_PARTS:,} parts. Give a shorter answer."
        stack.extend((child, depth + 1, (*above, id(item))) for child in children)
    return ""


_ABOUT = re.compile(r"^(?:about|around|approx(?:imately|\.)?|roughly|nearly|almost|some|c\.|ca\.?|~|≈)\s*",
                    re.IGNORECASE)
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def read_number(response) -> float | None:
    """A number from a response: 24.8, "24.8", "24,8", "1,234", "about 25"; ``None`` if none.

    >>> read_number("1,234"), read_number("24,8"), read_number("five")
    (1234.0, 24.8, None)
    """
    if isinstance(response, bool) or response is None:
        return None
    if isinstance(response, str):
        text = _ABOUT.sub("", unicodedata.normalize("NFKC", response).strip()).strip().replace(" ", "")
        if len(text) > 50:
            return None
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        elif text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            response = float(text)
        except ValueError:
            return None
    if isinstance(response, numbers.Real):
        try:
            value = float(response)
        except OverflowError:
            return None
        return value if math.isfinite(value) else None
    return None


class IdError(ValueError):
    """A piece of a sentence-id answer that is not a full id (the message is the hint)."""


_ID = re.compile(WRITTEN_ID)
_SPLIT = re.compile(r"\s*(?:[,;\n]|\band\b|&)\s*")
_BRACKETS = re.compile(r"[\[\]()]")   # "[cho 1.2] [cho 2.4]", "(cho 1.2)": brackets separate ids
_RUN = WRITTEN_ID_RE


def read_ids(response, *, doc_ids: Iterable[str]) -> list[str]:
    """Sentence ids from one id, a list, or a string of several ("yang 9.1, yang 9.4").

    Raises :class:`IdError` whose message tells the student what to write.

    >>> read_ids(["Cho 3.2", "cho  3.3"], doc_ids=["cho"])
    ['cho 3.2', 'cho 3.3']
    >>> read_ids("cho 3.2 cho 3.3", doc_ids=["cho"])
    ['cho 3.2', 'cho 3.3']
    >>> read_ids("[cho 1.2] [cho 2.4; cho 2.6] (Cho 3.1)", doc_ids=["cho"])
    ['cho 1.2', 'cho 2.4', 'cho 2.6', 'cho 3.1']
    """
    docs = [d.casefold() for d in doc_ids]
    example = f"{docs[0]} 3.3" if docs else "doc 3.3"
    if isinstance(response, str):
        text = _BRACKETS.sub(",", unicodedata.normalize("NFKC", response)).strip()
        pieces = [p.strip().strip("'\"") for p in _SPLIT.split(text) if p.strip()]
        if len(pieces) == 1 and len(_RUN.findall(pieces[0])) > 1 and not _RUN.sub("", pieces[0]).strip():
            pieces = [f"{d} {a}.{b}" for d, a, b in _RUN.findall(pieces[0])]
    elif isinstance(response, (list, tuple, set, frozenset)) or hasattr(response, "tolist"):
        pieces = list(response.tolist() if hasattr(response, "tolist") else response)
    else:
        raise IdError(f"Give your answer as sentence ids in quotation marks, like \"{example}\" (several: "
                      f"\"{example}, {example[:-1]}4\"), not a {type(response).__name__}.")
    out = []
    for piece in pieces:
        match = _ID.fullmatch(" ".join(str(piece).split())) if isinstance(piece, str) else None
        if match is None:
            raise IdError(f"{piece!r} is not a full sentence id: write the document too, like \"{example}\".")
        doc = match.group(1).casefold()
        if doc not in docs:
            raise IdError(f"{piece!r}: there is no document {doc!r}; the documents are {', '.join(docs)}.")
        out.append(f"{doc} {int(match.group(2))}.{int(match.group(3))}")
    return list(dict.fromkeys(out))
