"""The kit's one exception family.

Every error a student or teacher can meet is a :class:`KitError`. Messages name
the thing, the problem and the fix, so a traceback from deep inside a library
never has to be read.  Subclasses also derive from the matching built-in
(``LookupError``, ``ValueError``, ``TypeError``, ``OSError``) so that code
written against those keeps working.
"""
from __future__ import annotations

__all__ = [
    "KitError",
    "TextNotFound",
    "NotAFile",
    "BinaryFile",
    "EmptyText",
    "DecodeError",
    "TextTooLarge",
    "UnknownDocument",
    "UnknownSentence",
    "UnknownQuestion",
    "UnknownExercise",
    "UnknownActor",
    "UnknownTerm",
    "InvalidArgument",
    "WrongType",
    "ResourceUnavailable",
    "QuestionBankError",
    "DataFileError",
    "StoreError",
    "NoPermission",
    "QueryTooSlow",
    "KitWarning",
    "HardWrapWarning",
    "SmallReferenceWarning",
]


class KitError(Exception):
    """Base class of every error raised by the kit.

    A message stays readable whatever value it echoes: in a message over 1,000 characters,
    each run of more than 200 without a space (a 1 MB sentence id) is cut in the middle.

    >>> len(str(KitError("There is no sentence " + repr("cho " + "9" * 10**6) + "."))) < 200
    True
    """

    def __init__(self, *args) -> None:
        if args and isinstance(args[0], str) and len(args[0]) > 1000:
            import re

            def cut(m) -> str:
                run = m.group()
                return f"{run[:60]}...{run[-40:]} ({len(run):,} characters)"

            args = (re.sub(r"\S{201,}", cut, args[0])[:2000], *args[1:])
        super().__init__(*args)


def did_you_mean(name, known) -> str:
    """`` Did you mean 'x'?`` for the closest known id, or ``""`` (for messages about typos).

    >>> did_you_mean("01_close_reding", ["00_start_here", "01_close_reading"])
    " Did you mean '01_close_reading'?"
    """
    import difflib

    if not isinstance(name, str):  # str() of a 5,000-digit int or of an odd object can raise
        return ""
    close = difflib.get_close_matches(name, [str(k) for k in known], n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


def shown(value, limit: int = 60) -> str:
    """``repr(value)`` made safe to echo in an error message: short, and never raising.

    Long values are cut in the middle; integers too long to print (over 4,300 digits)
    and objects whose ``repr`` raises are described instead of shown.

    >>> shown("cho 2.3")
    "'cho 2.3'"
    >>> shown("x" * 500, limit=20)
    "'xxxxxxx...xxxxxxx' (502 characters)"
    >>> shown(10 ** 5000)
    'an integer of 5001 digits'
    """
    try:
        text = repr(value)
        if not isinstance(text, str):
            raise TypeError
    except Exception:  # noqa: BLE001 - a huge int, or an object whose repr raises
        if isinstance(value, int):
            import math

            return f"an integer of {math.floor(math.log10(abs(value))) + 1} digits"
        return f"a {type(value).__name__} that cannot be shown"
    if len(text) > limit:
        half = max(1, (limit - 3) // 2)
        return f"{text[:half]}...{text[-half:]} ({len(text)} characters)"
    return text


class TextNotFound(KitError, FileNotFoundError):
    """A path given as a text does not exist."""


class NoPermission(KitError, PermissionError):
    """A file exists but this account may not read it."""


class NotAFile(KitError, IsADirectoryError):
    """A path given as a text is a directory or another non-file."""


class BinaryFile(KitError, ValueError):
    """A file given as a text holds binary data (an image, a PDF, a zip...)."""


class EmptyText(KitError, ValueError):
    """A text (or document) has no words to work with."""


class DecodeError(KitError, UnicodeError):
    """A file's bytes are not valid in the encoding asked for."""


class TextTooLarge(KitError, ValueError):
    """A file is larger than the kit will load."""


class UnknownDocument(KitError, KeyError):
    """A document id is not in the corpus."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownSentence(UnknownDocument):
    """A sentence id (such as ``"cho 2.3"``) does not exist."""


class UnknownQuestion(UnknownDocument):
    """A question or comparison id is not known."""


class UnknownExercise(UnknownDocument):
    """An exercise id is not known."""


class UnknownActor(UnknownDocument):
    """An actor name is not in the gazetteer."""


class UnknownTerm(UnknownDocument):
    """None of the terms asked for occurs in the text."""


class InvalidArgument(KitError, ValueError):
    """An option has a value the function cannot use."""


class QueryTooSlow(InvalidArgument):
    """A regular expression took too long (it backtracks) and was stopped."""


class WrongType(KitError, TypeError):
    """An argument is of the wrong type (a list where a document was expected...)."""


class ResourceUnavailable(KitError, LookupError):
    """An optional resource (such as NLTK's downloaded stopwords) is not installed."""


class DataFileError(KitError, ValueError):
    """A data file shipped with or given to the kit is malformed."""


class QuestionBankError(DataFileError):
    """A quiz question bank is malformed; the message names file, question and field."""


class StoreError(KitError, OSError):
    """The progress or annotation store cannot be read or written."""


class KitWarning(UserWarning):
    """Base class of the kit's warnings: the result is usable, but read it with care."""


class HardWrapWarning(KitWarning):
    """load_text joined hard-wrapped lines (a PDF copy-paste) into paragraphs."""


class SmallReferenceWarning(KitWarning):
    """keyness() was given a reference text much smaller than the target."""
