"""Tidy a plain text as found: line endings, blank lines, and hard-wrapped lines.

A text copied out of a PDF is *hard-wrapped*: every line ends where the page's line
ended, often in the middle of a sentence, and there are no blank lines between
paragraphs.  Read as it stands, each line would be a paragraph and sentences would be
cut in two.  :func:`unwrap` joins such lines into paragraphs: a paragraph ends after a
line that closes a sentence and is clearly shorter than a full line, or before an
indented line.
"""
from __future__ import annotations

import re
import statistics

__all__ = ["tidy", "looks_hard_wrapped", "unwrap"]

# A line of spaces, tabs, no-break spaces only: after a line break (a pattern that starts
# with a literal character is searched for in C), or at the very start.
_BLANKISH = re.compile(r"\n[^\S\n]+(?=\n|\Z)")
_BLANKISH_FIRST = re.compile(r"[^\S\n]+(?=\n|\Z)")
_ENDS_SENTENCE = re.compile(r"""[.?!:;]["'”’)\]]*\s*$""")
_BULLET = re.compile(r"^\s*(?:[-*•–]\s|\d+[.)]\s)")


def tidy(text: str) -> str:
    """``\\r\\n``/``\\r`` as ``\\n``, no byte-order mark, whitespace-only lines made empty.

    >>> tidy("One.\\r\\n\\u00a0\\r\\nTwo.")
    'One.\\n\\nTwo.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    for sep in ("\u2028", "\u2029", "\x0b", "\x0c", "\x85"):  # other line breaks Python knows
        if sep in text:
            text = text.replace(sep, "\n")
    first = _BLANKISH_FIRST.match(text)
    return _BLANKISH.sub("\n", text[first.end():] if first else text)


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def looks_hard_wrapped(text: str) -> tuple[bool, int, int]:
    """``(hard_wrapped, lines ending mid-sentence, lines)`` for a text without blank lines.

    A text is taken as hard-wrapped when it has no blank line, at least four lines,
    and at least half of its lines (the last one aside) end in the middle of a sentence.

    >>> looks_hard_wrapped("One sentence ends here.\\nAnother ends here.")[0]
    False
    >>> looks_hard_wrapped("It was a long\\nsentence that ran\\nover many lines\\nof a page.")[0]
    True
    """
    if "\n\n" in text.strip():
        return False, 0, 0
    lines = _lines(text)
    if len(lines) < 4:
        return False, 0, len(lines)
    mid = sum(1 for line in lines[:-1] if not _ENDS_SENTENCE.search(line))
    return mid * 2 >= len(lines) - 1, mid, len(lines)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into paragraphs separated by blank lines.

    >>> unwrap("It was a long\\nsentence. It ran over\\nlines of the page, as\\nhere.\\n  A new one\\nbegins.")
    'It was a long sentence. It ran over lines of the page, as here.\\n\\nA new one begins.'
    """
    lines = _lines(text)
    if not lines:
        return text
    full = statistics.median(len(line.rstrip()) for line in lines)
    paras: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        starts_new = k > 0 and (
            (line[:1].isspace() and not lines[k - 1][:1].isspace())
            or _BULLET.match(line)
        )
        if starts_new and paras[-1]:
            paras.append([])
        paras[-1].append(line.strip())
        if _ENDS_SENTENCE.search(line) and len(line.rstrip()) < 0.8 * full:
            paras.append([])
    out = []
    for para in paras:
        if not para:
            continue
        joined = para[0]
        for line in para[1:]:
            # "long-" + "term": keep the hyphen, no space (a word broken at a hyphen)
            joined += line if re.search(r"[^\W\d_]-$", joined) else " " + line
        out.append(joined)
    return "\n\n".join(out)
