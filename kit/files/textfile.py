"""Reading one text file: what kind of file it is, whether it may be read, and its encoding.

Each way a file can be unusable gets its own :class:`~kit.KitError` naming the file,
the problem and the fix: missing, a folder, a device (``/dev/null``), a named pipe, a
symbolic-link loop, no permission, a name too long, too large, binary (a PDF, a
``.docx``), or not in the encoding asked for.  UTF-16 and UTF-32 text (Windows
Notepad's "Unicode") is read by its byte-order mark, when named, or by its zero bytes.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from ..errors import BinaryFile, DecodeError, InvalidArgument, NoPermission, NotAFile, TextNotFound, TextTooLarge

__all__ = ["read_file", "decode", "MAX_BYTES", "WIDE_ENCODINGS"]

MAX_BYTES = 20 * 1024 * 1024  # load_text refuses files over 20 MB

_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive (perhaps a .docx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
WIDE_ENCODINGS = _WIDE


def _special(mode: int) -> str | None:
    for test, what in ((stat.S_ISDIR, "a folder, not a text file. Give the path of one .txt file inside it"),
                       (stat.S_ISFIFO, "a named pipe (FIFO), not a text file. Save the text to a file and load that"),
                       (stat.S_ISCHR, "a device (like /dev/null), not a text file. Give the path of a .txt file"),
                       (stat.S_ISBLK, "a disk device, not a text file. Give the path of a .txt file"),
                       (stat.S_ISSOCK, "a socket, not a text file. Give the path of a .txt file")):
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file. Give the path of a .txt file"


def read_file(path: Path, encoding: str = "utf-8") -> str:
    """The text of one file, or a :class:`~kit.KitError` saying what is wrong with it."""
    shown = str(path)
    try:
        path = path.expanduser()
    except RuntimeError:
        raise TextNotFound(
            f"{shown!r} starts with '~' and a user name this machine does not know. "
            "Write the path from your home folder as '~/folder/file.txt', or give the full path."
        ) from None
    try:
        info = path.stat()
    except FileNotFoundError:
        dangling = os.path.islink(path)
        raise TextNotFound(
            f"No file at {shown!r}" + (" (it is a link to a file that is gone)" if dangling else "")
            + f" (looked from the folder {os.getcwd()!r}). Check the spelling, or give the full path."
        ) from None
    except OSError as exc:
        raise _os_error(exc, shown) from None
    except ValueError:  # a NUL character in the name
        raise InvalidArgument(
            f"{shown!r} is not a file name the system accepts (it holds a NUL character). "
            "Type the name again, e.g. 'essay.txt'."
        ) from None
    what = _special(info.st_mode)
    if what:
        raise NotAFile(f"{shown!r} is {what}.")
    if info.st_size > MAX_BYTES:
        raise TextTooLarge(
            f"{shown!r} is {info.st_size / 1e6:.1f} MB; the kit loads texts up to "
            f"{MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files, or load one chapter."
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _os_error(exc, shown) from None
    kind = next((what for magic, what in _BINARY_MAGIC.items() if data.startswith(magic)), None)
    wide = _wide_encoding(data, encoding)
    if kind or (wide is None and b"\x00" in data[:8192]):
        raise BinaryFile(
            f"{shown!r} looks like {kind or 'a binary file'}, not plain text. "
            "Save or export it as plain text (.txt, UTF-8) and load that."
        )
    return decode(data, wide or encoding, repr(shown))


def _os_error(exc: OSError, shown: str) -> Exception:
    if isinstance(exc, PermissionError):
        return NoPermission(
            f"{shown!r} exists, but you may not read it (permission denied). Copy it into "
            "your own folder, or ask its owner to let you read it."
        )
    if exc.errno == errno.ELOOP:
        return NotAFile(f"{shown!r} is a symbolic link that leads back to itself (a loop), not a text file. "
                        "Give the path of the real file.")
    if exc.errno == errno.ENAMETOOLONG:
        return InvalidArgument(f"The file name {shown[:60]!r}... is too long for this system "
                               f"({len(shown)} characters). Give a shorter path, e.g. 'essay.txt'.")
    return TextNotFound(f"{shown!r} cannot be read ({exc.strerror or exc}). Check the path, "
                        "or copy the file into your own folder.")


def _wide_encoding(data: bytes, encoding: str) -> str | None:
    """``utf-16``/``utf-32`` when the bytes are such text (by BOM, by name, or by their zeros)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if encoding in _WIDE:
        return encoding
    head = data[:8192]
    if len(head) < 4 or b"\x00" not in head:
        return None
    for name, step, zeros in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                              ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
        usable = head[:len(head) - len(head) % step]
        columns = [usable[k::step] for k in range(step)]
        if all(col.count(0) >= 0.9 * len(col) for k, col in enumerate(columns) if k in zeros) and \
                all(col.count(0) <= 0.1 * len(col) for k, col in enumerate(columns) if k not in zeros):
            return name
    return None


def decode(data: bytes, encoding: str, what: str) -> str:
    """``data`` as text in ``encoding`` (a byte-order mark or UTF-16/32 zeros win)."""
    found = _wide_encoding(data, encoding) if encoding not in _WIDE else None
    encoding = found or encoding
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start] if exc.start < len(data) else 0
        raise DecodeError(
            f"{what} is not valid {encoding}: byte {exc.start} (0x{bad:02x}) "
            f"cannot be read. Try load_text(..., encoding='cp1252') or encoding='latin-1', "
            "or save the file as UTF-8."
        ) from None
