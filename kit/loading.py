"""Students' own texts: :func:`load_text` makes a :class:`~kit.Document` of a file or a
string, with one clear error for each way a file can be unusable (missing, a folder,
binary, empty, in another encoding, too large).
"""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from .corpus import Document
from .errors import (
    BinaryFile,
    DecodeError,
    EmptyText,
    InvalidArgument,
    NotAFile,
    TextNotFound,
    TextTooLarge,
    WrongType,
)

__all__ = ["load_text", "MAX_BYTES"]

MAX_BYTES = 20 * 1024 * 1024  # load_text refuses files over 20 MB

_TEXT_SUFFIXES = {".txt", ".md", ".text", ".csv", ".rst"}
_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive (perhaps a .docx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}


def load_text(path_or_string, *, id: str | None = None, title: str | None = None,
              author: str | None = None, encoding: str = "utf-8") -> Document:
    """Make a :class:`Document` of your own text, from a file or a string.

    A string that contains a line break, or that is not the name of an existing
    file and does not look like one (``.txt``, ``.md``, a ``/``), is taken as the
    text itself.  Paragraphs are blocks between blank lines; a text with no blank
    line has one paragraph per line.

    >>> doc = load_text("Seoul hosted the talks. Beijing sent an envoy.", id="demo")
    >>> [s.id for s in doc.sentences]
    ['demo 1.1', 'demo 1.2']
    """
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise InvalidArgument(
            f"encoding={encoding!r} is not an encoding Python knows. "
            "Try 'utf-8', 'utf-8-sig', 'cp1252' or 'latin-1'."
        ) from None
    if isinstance(path_or_string, bytes):
        text, name = _decode(path_or_string, encoding, "the bytes given"), None
    elif isinstance(path_or_string, os.PathLike) or (
        isinstance(path_or_string, str) and _looks_like_path(path_or_string)
    ):
        path = Path(path_or_string)
        text, name = _read_file(path, encoding), path.stem
    elif isinstance(path_or_string, str):
        text, name = path_or_string, None
    else:
        raise WrongType(
            f"load_text() takes a file path or a string of text, not a "
            f"{type(path_or_string).__name__}. Example: kit.load_text('my_essay.txt')."
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    where = f"The file {str(path_or_string)!r}" if name is not None else "The text given"
    if not text.strip():
        raise EmptyText(f"{where} is empty (or only spaces). Put some sentences in it and load it again.")
    doc_id = id or _safe_id(name) or "text"
    return Document(id=doc_id, text=text, title=title or name or doc_id, author=author or "unknown")


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 1024:
        return False
    if os.path.exists(s):
        return True
    return Path(s).suffix.lower() in _TEXT_SUFFIXES or ("/" in s and " " not in s) or s.startswith("~")


def _safe_id(name: str | None) -> str | None:
    if not name:
        return None
    cleaned = re.sub(r"[\s.]+", "_", name).strip("_")
    return cleaned or None


def _read_file(path: Path, encoding: str) -> str:
    path = path.expanduser()
    if not path.exists():
        raise TextNotFound(
            f"No file at {str(path)!r} (looked from the folder {os.getcwd()!r}). "
            "Check the spelling, or give the full path."
        )
    if not path.is_file():
        raise NotAFile(
            f"{str(path)!r} is a folder, not a text file. Give the path of one .txt file inside it."
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TextTooLarge(
            f"{str(path)!r} is {size / 1e6:.1f} MB; the kit loads texts up to "
            f"{MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files, or load one chapter."
        )
    data = path.read_bytes()
    kind = next((what for magic, what in _BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind or b"\x00" in data[:8192]:
        raise BinaryFile(
            f"{str(path)!r} looks like {kind or 'a binary file'}, not plain text. "
            "Save or export it as plain text (.txt, UTF-8) and load that."
        )
    return _decode(data, encoding, repr(str(path)))


def _decode(data: bytes, encoding: str, what: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{what} is not valid {encoding}: byte {exc.start} (0x{data[exc.start]:02x}) "
            f"cannot be read. Try load_text(..., encoding='cp1252') or encoding='latin-1', "
            "or save the file as UTF-8."
        ) from None
