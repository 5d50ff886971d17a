"""Split a raw text into title, venue line, front matter, body and back matter.

A text as found (a web page copied out, an op-ed with an editor's preface and the
author's bio) holds more than the author's argument.  :func:`split_matter` says which
lines are which, either by 1-based line numbers (``[4, 5, 6]``, ``"4-6"``,
``["1", "4-6"]``) or by start/end markers (``{"start": "Last month", "end": "wedge"}``:
the part begins at the first line containing ``start`` and ends at the first line at or
after it containing ``end``; either may be left out to mean the first or last line).

Lines are never altered.  A part made of lines that hold no blank line between them
(one paragraph per line, as in the kit's two op-eds) is joined with a blank line, so
that each line is a paragraph; a part whose lines already contain blank lines keeps the
text's own line breaks, so a hard-wrapped paragraph stays one paragraph.  Leading and
trailing blank lines of a part are dropped.  Lines in no part are left out (``dropped``).
If ``body`` is not given, the body is every line that is in no other part.

The text is split on ``"\\n"`` only (normalise ``"\\r\\n"`` first if needed); a final
newline ends the last line and starts no line of its own.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Union

from ..errors import InvalidArgument, WrongType
from ..errors import shown as echo

__all__ = ["Matter", "split_matter", "parse_lines", "PARTS", "JOINS"]

#: The parts a text can be split into, in the order they are reported.
PARTS = ("title", "venue", "front_matter", "body", "back_matter")

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$")

#: A part's lines: numbers, "4-6" ranges, or start/end markers (or None for no lines).
LineSpec = Union[int, str, Sequence[Union[int, str]], Mapping[str, str], None]


@dataclass(frozen=True)
class Matter:
    """The parts of a text; ``lines`` gives each part's 1-based line numbers."""

    title: str
    venue: str
    front_matter: str
    body: str
    back_matter: str
    lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    dropped: tuple[int, ...] = ()


def parse_lines(spec: LineSpec, *, part: str, n_lines: int, raw_lines: Sequence[str] | None = None
                ) -> tuple[int, ...]:
    """The 1-based line numbers a part specification names, in order.

    Parameters
    ----------
    spec
        ``None`` or ``[]`` (no lines), an int, a ``"4-6"`` range or ``"1, 4-6"``, a list
        of ints and ranges, or ``{"start": marker, "end": marker}``.
    part
        The part's name, for messages.
    n_lines
        How many lines the text has.
    raw_lines
        The text's lines (needed for markers).

    >>> parse_lines(["1", "4-6"], part="body", n_lines=6)
    (1, 4, 5, 6)
    >>> parse_lines({"start": "b", "end": "c"}, part="body", n_lines=3, raw_lines=["a", "b", "c"])
    (2, 3)
    """
    if spec is None:
        return ()
    if isinstance(spec, Mapping):
        return _by_markers(spec, part=part, raw_lines=raw_lines or [])
    if isinstance(spec, bool):
        raise WrongType(f"{part}: lines are numbers or ranges such as [4, 5] or '4-6', not {echo(spec)}.")
    if isinstance(spec, (int, str)):
        spec = [spec]
    if not isinstance(spec, Sequence):
        raise WrongType(
            f"{part}: lines are a list of numbers or ranges such as [4, 5] or '4-6', or "
            f"{{start: ..., end: ...}} markers, not a {type(spec).__name__}."
        )
    out: list[int] = []
    for item in spec:
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise WrongType(f"{part}: {echo(item)} is not a line number or a range such as '4-6'.")
        pieces = [item] if isinstance(item, int) else [p for p in item.split(",") if p.strip()]
        for piece in pieces:
            if isinstance(piece, int):
                first = last = piece
            else:
                match = _RANGE.match(piece)
                if not match:
                    raise InvalidArgument(
                        f"{part}: {echo(piece)} is not a line number or a range; write e.g. 4 or '4-6'."
                    )
                first, last = int(match[1]), int(match[2] or match[1])
            if first > last:
                raise InvalidArgument(f"{part}: the range {first}-{last} runs backwards; write '{last}-{first}'.")
            for n in (first, last):
                if not 1 <= n <= n_lines:
                    raise InvalidArgument(
                        f"{part}: line {echo(n)} is out of range; the text has {n_lines} lines "
                        f"(1 to {n_lines}). Count lines from 1 and check the file."
                    )
            out.extend(range(first, last + 1))
    return tuple(out)


def _by_markers(spec: Mapping, *, part: str, raw_lines: Sequence[str]) -> tuple[int, ...]:
    unknown = set(spec) - {"start", "end"}
    if unknown:
        raise InvalidArgument(
            f"{part}: markers are given as start: and end:, not {sorted(unknown)}."
        )
    start, end = spec.get("start"), spec.get("end")
    for name, marker in (("start", start), ("end", end)):
        if marker is not None and (not isinstance(marker, str) or not marker.strip()):
            raise InvalidArgument(f"{part}: the {name} marker must be a non-empty string, not {echo(marker)}.")
    first = 0
    if start is not None:
        first = next((i for i, line in enumerate(raw_lines) if start in line), -1)
        if first < 0:
            raise InvalidArgument(
                f"{part}: the start marker {echo(start)} is on no line of the text. "
                "Copy a few words exactly from the line where the part begins."
            )
    last = len(raw_lines) - 1
    if end is not None:
        last = next((i for i in range(first, len(raw_lines)) if end in raw_lines[i]), -1)
        if last < 0:
            where = f" at or after line {first + 1}" if start is not None else ""
            raise InvalidArgument(
                f"{part}: the end marker {echo(end)} is on no line of the text{where}. "
                "Copy a few words exactly from the line where the part ends."
            )
    return tuple(range(first + 1, last + 2))


JOINS = ("auto", "paragraphs", "lines")


def _join(raw_lines: Sequence[str], numbers: Sequence[int], join: str = "auto") -> str:
    picked = [raw_lines[n - 1] for n in numbers]
    while picked and not picked[0].strip():
        picked.pop(0)
    while picked and not picked[-1].strip():
        picked.pop()
    if join == "lines" or (join == "auto" and any(not line.strip() for line in picked)):
        return "\n".join(picked)
    return "\n\n".join(picked)


def split_matter(text: str, *, title: LineSpec = None, venue: LineSpec = None, front: LineSpec = None,
                 body: LineSpec = None, back: LineSpec = None,
                 join: str = "auto") -> Matter:
    """Split ``text`` into its parts, by line numbers or by start/end markers.

    Parameters
    ----------
    text : str
        The raw text, exactly as read.
    title, venue, front, body, back
        Each part's lines (see :func:`parse_lines`): numbers, ``"4-6"`` ranges, or
        ``{"start": ..., "end": ...}`` markers.  ``body=None`` means every line that is
        in no other part.
    join : {"auto", "paragraphs", "lines"}
        How a part's lines are joined: ``"paragraphs"``, with a blank line (each line a
        paragraph); ``"lines"``, with the text's own line breaks (for a caller that
        rejoins hard-wrapped lines itself); ``"auto"`` (default), ``"lines"`` when the
        part holds a blank line, else ``"paragraphs"``.

    Returns
    -------
    Matter
        ``title``, ``venue``, ``front_matter``, ``body``, ``back_matter`` (strings,
        lines unchanged), ``lines`` (each part's line numbers) and ``dropped`` (lines
        in no part).

    Raises
    ------
    InvalidArgument
        A line out of range, a line in two parts, a marker on no line, an empty body.

    >>> raw = "A Title\\nAn editor's note.\\nFirst point. Second.\\nThird point.\\nThe author's bio."
    >>> m = split_matter(raw, title=1, front=[2], body="3-4", back={"start": "bio"})
    >>> m.body
    'First point. Second.\\n\\nThird point.'
    >>> m.back_matter
    "The author's bio."
    >>> split_matter(raw, front=[2], back=[5]).body
    'A Title\\n\\nFirst point. Second.\\n\\nThird point.'
    """
    if not isinstance(text, str):
        raise WrongType(f"split_matter() takes the text as a string, not a {type(text).__name__}.")
    if not isinstance(join, str) or join not in JOINS:
        raise InvalidArgument(f"join must be one of {', '.join(JOINS)}, not {echo(join)}. Example: join='lines'.")
    raw_lines = text.split("\n")
    if len(raw_lines) > 1 and raw_lines[-1] == "":
        raw_lines.pop()  # the newline ending the last line starts no line of its own
    n = len(raw_lines)
    specs = {"title": title, "venue": venue, "front_matter": front, "body": body, "back_matter": back}
    lines = {
        name: parse_lines(spec, part=name, n_lines=n, raw_lines=raw_lines)
        for name, spec in specs.items() if not (name == "body" and spec is None)
    }
    owner: dict[int, str] = {}
    for name, numbers in lines.items():
        for number in numbers:
            if number in owner and owner[number] != name:
                raise InvalidArgument(
                    f"Line {number} is in both {owner[number]} and {name}; parts may not "
                    f"overlap. Give line {number} to one part only."
                )
            owner[number] = name
    if body is None:
        lines["body"] = tuple(i for i in range(1, n + 1) if i not in owner)
        owner.update({i: "body" for i in lines["body"]})
    parts = {name: _join(raw_lines, lines.get(name, ()), join) for name in PARTS}
    if not parts["body"].strip():
        raise InvalidArgument(
            "The body is empty: the lines given for it hold no text. "
            "Check the body's line numbers or markers."
        )
    dropped = tuple(i for i in range(1, n + 1) if i not in owner and raw_lines[i - 1].strip())
    return Matter(**parts, lines={k: lines.get(k, ()) for k in PARTS}, dropped=dropped)
