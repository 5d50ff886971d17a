"""The one text normaliser applied before tokens and before queries.

What a reader sees is what is searched and counted:

* invisible format characters are removed: the zero-width space, the soft hyphen, the
  zero-width (non-)joiners, the word joiner, the byte-order mark, the bidirectional marks
  (the Unicode format characters that print nothing): ``co\\u00adoperation`` is ``cooperation``;
* decomposed accents are composed (Unicode NFC): ``e`` + a combining acute is ``é``.

The document's text itself is never changed (offsets, sentence ids and what
:func:`kit.show` prints stay those of the text): :func:`clean_map` also gives, for a
text that needs cleaning, where each cleaned character came from.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "clean_map", "needs_cleaning"]

# The invisible format characters (Unicode category Cf that print nothing): soft hyphen,
# Arabic letter mark, Mongolian vowel separator, zero-width space / non-joiner / joiner,
# direction marks and embeddings, word joiner and invisible operators, isolates,
# deprecated format controls, byte-order mark.  (Visible Cf signs, such as the Arabic
# number signs, and emoji tag characters are kept.)
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_FORMAT = re.compile(f"[{_INVISIBLE}]")
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                      r"\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u3099\u309a" + _INVISIBLE + "]*", re.S)


def needs_cleaning(text: str) -> bool:
    """True when :func:`clean` would change ``text``.

    >>> needs_cleaning("plain text"), needs_cleaning("soft\\u00adhyphen")
    (False, True)
    """
    if text.isascii():
        return False
    return bool(_FORMAT.search(text)) or not unicodedata.is_normalized("NFC", text)


def clean(text: str) -> str:
    """``text`` without invisible format characters, accents composed (NFC).

    >>> clean("co\\u00adoperation"), clean("Seoul\\u200b"), clean("Pyongyang e\\u0301") == "Pyongyang é"
    ('cooperation', 'Seoul', True)
    """
    if not needs_cleaning(text):
        return text
    return unicodedata.normalize("NFC", _FORMAT.sub("", text))


def clean_map(text: str) -> tuple[str, list[int]]:
    """``(clean(text), where)``: cleaned character ``k`` comes from ``text[where[k]]``;
    ``where[len(cleaned)]`` is ``len(text)`` (so an end offset maps too).

    >>> cleaned, where = clean_map("a\\u00adb e\\u0301!")
    >>> cleaned == "ab é!", where
    (True, [0, 2, 3, 4, 6, 7])
    """
    if not needs_cleaning(text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    # A cluster: one character and the combining marks after it (what NFC composes).
    for m in _CLUSTER.finditer(text):
        piece = clean(m.group())
        out.append(piece)
        where.extend([m.start()] * len(piece))
    cleaned = "".join(out)
    if cleaned != clean(text):  # a script whose composition crosses clusters: map by runs
        cleaned, where = clean(text), []
        for m in re.finditer(r"\S+|\s+", text):
            piece = clean(m.group())
            where.extend([m.start()] * len(piece))
        if len(where) != len(cleaned):
            where = [min(k, len(text) - 1) for k in range(len(cleaned))]
    where.append(len(text))
    return cleaned, where
