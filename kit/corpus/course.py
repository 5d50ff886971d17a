"""A course folder: ``course.yaml`` naming the texts, and the texts themselves.

Layout (``python -m kit course new DIR TEXT...`` makes it)::

    DIR/course.yaml             one entry per text (see below)
    DIR/texts/<id>.txt          the texts, byte for byte as received (sha256 in course.yaml)
    DIR/arguments/<id>.yaml     optional argument map of a text (kit.arguments)
    DIR/arguments/comparisons.yaml   optional comparison questions (kit.compare_arguments)
    DIR/quizzes/*.yaml          optional quiz banks (kit.quiz, kit.load_bank)
    DIR/exercises/*.yaml        optional exercise sets
    DIR/annotations/reference.yaml   optional reference labels (kit.annotate)

An entry of ``texts:`` has ``id`` and ``file``; ``title``, ``author``, ``venue``,
``date`` and ``is_excerpt``, each with a ``*_basis`` saying where it comes from (what
is not filled in reads "not stated"); optional ``*_cites`` (sentence ids the basis
rests on); and ``lines:`` saying which lines are ``title``, ``venue``,
``front_matter``, ``body`` and ``back_matter`` (see :mod:`kit.corpus.matter`; a missing body
is every line in no other part).  Any other key is kept in ``Document.metadata``.

The kit's own two op-eds are a course folder too: ``kit/data/course.yaml``.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import Corpus, Document
from .ids import DOC_ID_RE
from ..errors import DataFileError, KitError, TextNotFound, WrongType
from .matter import split_matter
from ..files.yamlfile import Lines, read_yaml, read_yaml_cached

if TYPE_CHECKING:  # only for type hints (importlib.resources.abc is Python 3.11+)
    from importlib.resources.abc import Traversable

__all__ = ["COURSE_FILE", "NOT_STATED", "FIELDS", "built_in_folder", "load_corpus", "corpus_for_file",
           "course_entries", "text_bytes", "document_of_entry", "course_file"]

COURSE_FILE = "course.yaml"
NOT_STATED = "not stated"
#: Metadata each text has, each with a ``<field>_basis``.
FIELDS = ("title", "author", "venue", "date", "is_excerpt")
PART_KEYS = ("title", "venue", "front_matter", "body", "back_matter")
MAX_TEXT_BYTES = 20_000_000


def built_in_folder() -> Traversable:
    """The kit's built-in course: ``kit/data`` (a package resource)."""
    return resources.files("kit").joinpath("data")


def course_file(folder, *parts: str, what: str, error: type[KitError], model: str = "",
                then: str = "") -> Traversable:
    """``folder/<parts>``, an optional file of a course; if it is not there, ``error`` says how to add it.

    ``what`` names it ("comparison questions"), ``model`` is the kit's own file to copy
    (default: the same path under ``kit/data``), ``then`` ends the advice.

    >>> course_file(built_in_folder(), "arguments", "cho.yaml", what="argument map", error=KitError).name
    'cho.yaml'
    >>> course_file(None, "annotations", "reference.yaml", what="reference annotation", error=KitError)
    Traceback (most recent call last):
    ...
    kit.errors.KitError: This course has no reference annotation. To add one, write annotations/reference.yaml in a course folder (python -m kit course new DIR TEXT_FILE... makes one; copy kit/data/annotations/reference.yaml as a model; see docs/course_folder.md).
    """
    rel = "/".join(parts)
    path = folder.joinpath(*parts) if folder is not None else None
    if path is None or not path.is_file():
        copy = f"copy kit/data/{model or rel} as a model; see docs/course_folder.md"
        where = (f"{path} ({copy})" if path is not None else
                 f"{rel} in a course folder (python -m kit course new DIR TEXT_FILE... makes one; {copy})")
        raise error(f"This course has no {what}. To add one, write {where}{then}.")
    return path


def course_entries(folder: Traversable) -> tuple[dict, Lines]:
    """``(course_data, lines)`` of ``folder/course.yaml``, with its shape checked.

    Raises :class:`~kit.DataFileError` naming ``course.yaml:<line>``.

    >>> data, lines = course_entries(built_in_folder())
    >>> [t["id"] for t in data["texts"]], lines(("texts", 1, "id"))
    (['cho', 'yang'], 53)
    """
    where = _join(folder, COURSE_FILE)
    if not where.is_file():
        raise TextNotFound(
            f"{folder}: there is no {COURSE_FILE} here — make a course with "
            "`python -m kit course new DIR TEXT_FILE...` or give the folder that holds course.yaml."
        )
    data, lines = read_yaml(where, source=COURSE_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("texts"), list) or not data["texts"]:
        raise DataFileError(f"{COURSE_FILE}:{lines(())}: needs a list `texts:` with one entry per "
                            "text — run `python -m kit course new` to see the form.")
    seen: set[str] = set()
    for i, entry in enumerate(data["texts"]):
        at = lines(("texts", i))
        if not isinstance(entry, dict):
            raise DataFileError(f"{COURSE_FILE}:{at}: each text is a mapping with `id:` and `file:` — "
                                "indent its fields under `- id: ...`.")
        tid = entry.get("id")
        if not isinstance(tid, str) or not DOC_ID_RE.fullmatch(tid):
            raise DataFileError(f"{COURSE_FILE}:{lines(('texts', i, 'id'))}: id {tid!r} is not usable — "
                                "use letters, digits, '_' or '-', e.g. id: smith.")
        if tid in seen:
            raise DataFileError(f"{COURSE_FILE}:{lines(('texts', i, 'id'))}: id {tid!r} is used twice — "
                                "give each text its own id.")
        seen.add(tid)
        if not isinstance(entry.get("file"), str) or not entry["file"].strip():
            raise DataFileError(f"{COURSE_FILE}:{at}: text {tid!r} has no `file:` — "
                                f"write the path of its text inside the course, e.g. file: texts/{tid}.txt.")
        if not isinstance(entry.get("lines", {}) or {}, dict):
            raise DataFileError(f"{COURSE_FILE}:{lines(('texts', i, 'lines'))}: `lines:` is a mapping of "
                                "title / front_matter / body / back_matter — see the example in docs/course_folder.md.")
        for key in entry.get("lines") or {}:
            if key not in PART_KEYS:
                raise DataFileError(f"{COURSE_FILE}:{lines(('texts', i, 'lines', key))}: `lines:` has "
                                    f"{key!r} — use {', '.join(PART_KEYS)}.")
    return data, lines


def _join(folder: Traversable, relative: str) -> Traversable:
    out = folder
    for part in relative.split("/"):
        out = out.joinpath(part)
    return out


def text_bytes(folder: Traversable, entry: dict, *, where: str = COURSE_FILE) -> bytes:
    """The bytes of a text's file; a missing file or a wrong sha256 is a DataFileError.

    >>> text_bytes(built_in_folder(), {"id": "cho", "file": "texts/cho.txt"})[:15]
    b'China Should Be'
    """
    rel = entry["file"]
    if rel.startswith("/") or ".." in rel.split("/"):
        raise DataFileError(f"{where}: file {rel!r} is outside the course folder — "
                            "copy the text into texts/ and give its path inside the course.")
    path = _join(folder, rel)
    if isinstance(path, Path) and isinstance(folder, Path) \
            and not path.resolve().is_relative_to(folder.resolve()):  # a link out of the course is not its text
        raise DataFileError(f"{where}: text {entry['id']!r}: {rel} is a link to a file outside the course folder — "
                            "copy the text itself into texts/.")
    try:
        if not path.is_file():  # a folder, a FIFO (reading it would wait for ever), nothing
            raise OSError(rel)
        if isinstance(path, Path) and path.stat().st_size > MAX_TEXT_BYTES:
            raise DataFileError(f"{where}: text {entry['id']!r}: {rel} is larger than {MAX_TEXT_BYTES:,} "
                                "bytes — a course text is an article or an essay; give a shorter file.")
        raw = path.read_bytes()
    except OSError:
        raise DataFileError(f"{where}: text {entry['id']!r}: no readable file {rel!r} in the course — "
                            "copy the text there or correct `file:`.") from None
    digest = hashlib.sha256(raw).hexdigest()
    if entry.get("sha256") not in (None, "", digest):
        raise DataFileError(f"{where}: text {entry['id']!r}: {rel} has changed since the course was made "
                            f"(sha256 {digest}, course.yaml says {entry['sha256']}) — if the change is "
                            "intended, check the line numbers and put the new sha256 in course.yaml.")
    return raw


def document_of_entry(folder: Traversable, entry: dict, *, where: str = COURSE_FILE) -> Document:
    """Build one :class:`Document` from a course entry (body by its ``lines:``).

    >>> doc = document_of_entry(built_in_folder(), {"id": "c", "file": "texts/cho.txt",
    ...                                             "lines": {"title": [1], "body": "4-6"}})
    >>> doc.title, doc.author, len(doc.paragraphs)
    ('China Should Be Worried About North Korea', 'not stated', 3)
    """
    raw = text_bytes(folder, entry, where=where)
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise DataFileError(f"{where}: {entry['file']} is not UTF-8 text — save it as UTF-8 "
                            "(in most editors: Save As, encoding UTF-8).") from None
    parts = entry.get("lines") or {}
    try:
        matter = split_matter(text, title=parts.get("title"), venue=parts.get("venue"),
                              front=parts.get("front_matter"), body=parts.get("body"),
                              back=parts.get("back_matter"))
    except KitError as exc:
        raise DataFileError(f"{where}: text {entry['id']!r}, lines: {exc}") from None
    meta = {key: value for key, value in entry.items() if key != "lines"}
    meta["lines"] = {k: list(v) for k, v in matter.lines.items()}
    for name in FIELDS:
        for key in (name, f"{name}_basis"):
            if meta.get(key) in (None, ""):
                meta[key] = NOT_STATED
    stated = lambda key: str(meta[key]) if meta[key] != NOT_STATED else None  # noqa: E731
    return Document(
        id=entry["id"], text=matter.body,
        title=stated("title") or matter.title or entry["id"],
        author=str(meta["author"]), venue=str(meta["venue"]), date=str(meta["date"]),
        front_matter=matter.front_matter, back_matter=matter.back_matter,
        metadata=meta, folder=folder,
    )


def load_corpus(folder: str | Path | None = None) -> Corpus:
    """The texts of a course folder (see :mod:`kit.corpus.course`); with no folder, the kit's
    built-in course, the two op-eds ``cho`` and ``yang``, body text exactly as received.

    >>> [len(doc.paragraphs) for doc in load_corpus().values()]
    [3, 10]
    """
    if folder is None:
        return Corpus(_built_in_documents(), folder=built_in_folder())
    if not isinstance(folder, (str, os.PathLike)):
        raise WrongType(f"load_corpus() takes a course folder such as 'my_course' (or nothing, for the "
                        f"kit's own course), not a {type(folder).__name__}.")
    path = Path(folder).expanduser()
    if path.name == COURSE_FILE and path.is_file():  # the course.yaml itself: its folder
        path = path.parent
    if not path.is_dir():
        raise TextNotFound(f"{folder}: no such course folder — give the folder that holds "
                           f"{COURSE_FILE} (make one with `python -m kit course new DIR TEXT_FILE...`).")
    return Corpus(_folder_documents(str(path.resolve()), course_stamp(path)), folder=path)


def checked_corpus(corpus, func: str):
    """``corpus`` if it is None or a corpus (a mapping of documents); otherwise a clear WrongType.

    >>> checked_corpus(None, "load_bank") is None
    True
    """
    if corpus is None or (isinstance(corpus, Corpus) and len(corpus)):
        return corpus
    raise WrongType(f"{func}(corpus=...) takes kit.load_corpus() or kit.load_corpus('my_course'), "
                    f"not a {type(corpus).__name__}.")


def corpus_for_file(path: str | Path) -> Corpus | None:
    """The corpus of the course a file (a quiz bank, an exercise set) sits in, or None.

    A bank at ``DIR/quizzes/x.yaml`` belongs to the course ``DIR`` when ``DIR/course.yaml``
    exists; loaders can use this to check its ids against the right texts.

    >>> corpus_for_file("no/such/quizzes/x.yaml") is None
    True
    """
    try:
        here = Path(path).expanduser().resolve()
    except (OSError, RuntimeError, TypeError, ValueError):
        return None
    for folder in list(here.parents)[:2]:
        if (folder / COURSE_FILE).is_file():
            return load_corpus(folder)
    return None


@lru_cache(maxsize=1)
def _built_in_documents() -> tuple[Document, ...]:
    return _documents(built_in_folder())


def course_stamp(folder: Path) -> tuple:
    """A cache key for a course folder: ``course.yaml`` and every text it names (size, times, inode).

    An edited text changes the key, so ``load_corpus`` reads it again (and checks its sha256).

    >>> course_stamp(Path("no/such/folder"))
    (None,)
    """
    def stamp(path: Path):
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
        return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)

    key = [stamp(folder / COURSE_FILE)]
    if key[0] is not None:
        try:
            data, _ = read_yaml_cached(folder / COURSE_FILE, source=COURSE_FILE)
            texts = data.get("texts") if isinstance(data, dict) else None
        except KitError:
            texts = None  # reading the course again raises the error
        for entry in texts if isinstance(texts, list) else ():
            rel = entry.get("file") if isinstance(entry, dict) else None
            if isinstance(rel, str):
                key.append((rel, stamp(folder / rel)))
    return tuple(key)


@lru_cache(maxsize=8)
def _folder_documents(path: str, stamp: tuple) -> tuple[Document, ...]:
    return _documents(Path(path))


def _documents(folder) -> tuple[Document, ...]:
    data, lines = course_entries(folder)
    return tuple(document_of_entry(folder, entry, where=f"{COURSE_FILE}:{lines(('texts', i))}")
                 for i, entry in enumerate(data["texts"]))
