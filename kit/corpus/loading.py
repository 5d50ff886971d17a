"""Students' own texts: :func:`load_text` makes a :class:`~kit.Document` of a file or a
string, with one clear error for each way a file can be unusable (missing, a folder,
a device or a pipe, unreadable, binary, empty, in another encoding, too large).

Real files are tidied on the way in (:mod:`kit.corpus.plaintext`): any line ending, a
byte-order mark, UTF-16/32 (Windows Notepad's "Unicode"), whitespace-only lines
(which end a paragraph) and hard-wrapped lines from a PDF (joined, with a warning).
Front and back matter can be set apart with ``front=``, ``body=`` and ``back=``
(:func:`kit.corpus.matter.split_matter`).
"""
from __future__ import annotations

import codecs
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .documents import Document
from .ids import safe_id
from ..errors import EmptyText, HardWrapWarning, InvalidArgument, WrongType
from ..errors import shown as echo
from .matter import split_matter
from ..options import flag, optional_text
from .plaintext import looks_hard_wrapped, tidy
from .plaintext import unwrap as join_lines
from ..files.textfile import MAX_BYTES, decode, read_file

__all__ = ["load_text", "MAX_BYTES"]


_TEXT_SUFFIXES = {".txt", ".md", ".text", ".csv", ".rst"}


def load_text(path_or_string: Any, *, id: str | None = None, title: str | None = None,
              author: str | None = None, encoding: str = "utf-8", body: Any = None,
              front: Any = None, back: Any = None, unwrap: bool | None = None,
              abbreviations: Iterable[str] = ()) -> Document:
    """Make a :class:`Document` of your own text, from a file or a string.

    A string that contains a line break, or that is not the name of an existing
    file and does not look like one (``.txt``, ``.md``, a ``/``), is taken as the
    text itself.  Paragraphs are blocks between blank lines (a line of only spaces
    counts as blank); a text with no blank line has one paragraph per line, unless it
    is hard-wrapped (see ``unwrap``).

    Parameters
    ----------
    path_or_string : str, Path or bytes
    id, title, author : str, optional
        The document's id (default: the file name), title and author.
    encoding : str
        The file's encoding (default UTF-8).  A byte-order mark wins; UTF-16 and
        UTF-32 files are recognised without one too.
    body, front, back : optional
        Which lines are the body, the front matter (a headline, an editor's note)
        and the back matter (a bio): 1-based line numbers (``[3, 4]``), ranges
        (``"3-20"``) or markers (``{"start": "Last month", "end": "wedge."}``).
        Only the body is analysed; ``body`` defaults to the lines in no other part.
    unwrap : bool, optional
        Join hard-wrapped lines (a copy from a PDF) into paragraphs.  Default:
        detect it, and warn when lines were joined; ``unwrap=False`` keeps every line.
    abbreviations : list of str
        More abbreviations that do not end a sentence, e.g. ``["Ave.", "approx."]``.

    >>> doc = load_text("Seoul hosted the talks. Beijing sent an envoy.", id="demo")
    >>> [s.id for s in doc.sentences]
    ['demo 1.1', 'demo 1.2']
    >>> doc = load_text("Editor's note.\\nThe talks began. They ended.", front=[1])
    >>> doc.front_matter, len(doc.sentences)
    ("Editor's note.", 2)
    """
    if unwrap is not None:
        flag(unwrap, "unwrap", "load_text", "load_text('essay.txt', unwrap=False)")
    id = optional_text(id, "id", "load_text", "load_text('essay.txt', id='essay')")
    title = optional_text(title, "title", "load_text", "load_text('essay.txt', title='My essay')")
    author = optional_text(author, "author", "load_text", "load_text('essay.txt', author='A. Student')")
    extra = _abbreviations(abbreviations)
    encoding = _check_encoding(encoding)
    if isinstance(path_or_string, (bytes, bytearray)):
        text, name = decode(bytes(path_or_string), encoding, "the bytes given"), None
    elif isinstance(path_or_string, os.PathLike) or (
        isinstance(path_or_string, str) and _looks_like_path(path_or_string)
    ):
        path = Path(path_or_string)
        text, name = read_file(path, encoding), path.stem
    elif isinstance(path_or_string, str):
        text, name = path_or_string, None
    else:
        raise WrongType(
            f"load_text() takes a file path or a string of text, not {echo(path_or_string)} "
            f"({_a(type(path_or_string).__name__)}). Example: kit.load_text('my_essay.txt')."
        )
    text = tidy(text)
    where = f"The file {str(path_or_string)!r}" if name is not None else "The text given"
    if not text.strip():
        raise EmptyText(f"{where} is empty (or only spaces). Put some sentences in it and load it again.")
    front_matter = back_matter = ""
    if body is not None or front is not None or back is not None:
        parts = split_matter(text, front=front, body=body, back=back)
        lines = text.split("\n")
        text = "\n".join(lines[n - 1] for n in parts.lines["body"]).strip("\n")
        if unwrap is not True and not looks_hard_wrapped(text)[0]:
            text = parts.body
        front_matter, back_matter = parts.front_matter, parts.back_matter
    text = _maybe_unwrap(text, unwrap, where)
    doc_id = id or (safe_id(name) if name else "text")
    metadata = {"abbreviations": sorted(extra)} if extra else {}
    return Document(id=doc_id, text=text, title=title or name or doc_id, author=author or "unknown",
                    front_matter=front_matter, back_matter=back_matter, metadata=metadata)


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _maybe_unwrap(text: str, wanted: bool | None, where: str) -> str:
    if wanted is False:
        return text
    wrapped, mid, lines = looks_hard_wrapped(text)
    if wanted is None and not wrapped:
        return text
    joined = join_lines(text)
    if wanted is None:
        warnings.warn(
            f"{where} looks hard-wrapped, as text copied from a PDF is: {mid} of its {lines} "
            "lines end in the middle of a sentence. The lines were joined into "
            f"{joined.count(chr(10) * 2) + 1} paragraphs. If each line really is a paragraph, "
            "load it with load_text(..., unwrap=False).",
            HardWrapWarning, stacklevel=3,
        )
    return joined


def _abbreviations(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        value = value.split()
    items = list(value) if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)) else None
    if items is None or not all(isinstance(v, str) and v.strip(". ") for v in items):
        raise WrongType(
            f"load_text(abbreviations={echo(value)}): give a list of abbreviations, e.g. "
            "abbreviations=['Ave.', 'approx.']."
        )
    return frozenset(v.strip().lower().rstrip(".") for v in items)


def _check_encoding(encoding: Any) -> str:
    try:
        info = codecs.lookup(encoding)
        if not info._is_text_encoding:  # rot13, base64, zlib: not a text encoding
            raise LookupError
    except (LookupError, TypeError, ValueError):
        raise InvalidArgument(
            f"load_text(encoding={echo(encoding)}): not a text encoding Python knows. "
            "Try 'utf-8', 'utf-16', 'cp1252' or 'latin-1'."
        ) from None
    return info.name


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    try:
        if os.path.lexists(s):
            return True
    except (OSError, ValueError):
        return True  # a name the system refuses (too long, a NUL): report it as a path
    return Path(s).suffix.lower() in _TEXT_SUFFIXES or ("/" in s and " " not in s) or s.startswith("~")
