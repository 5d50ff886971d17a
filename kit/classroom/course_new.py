"""Make a course folder: ``python -m kit course new DIR TEXT_FILE...``.

:func:`new_course` copies the texts (byte for byte, with their sha256), writes
``course.yaml`` with one entry per text (everything not yet known reads "not
stated", and the body is every line until you say otherwise), makes the folders
for argument maps, quizzes and exercises (each with a short README saying what goes
in it), and returns what to fill in.  A fresh course validates and loads at once.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..corpus.course import COURSE_FILE, NOT_STATED
from ..corpus.ids import safe_id
from ..files.store import synced_temp
from ..errors import DataFileError, InvalidArgument, NotAFile, TextNotFound, WrongType, shown
from ..options import path as path_option

__all__ = ["new_course", "FOLDERS"]

#: Sub-folders of a course, with what goes in each (written to their README.md).
FOLDERS = {
    "texts": "The texts of the course, byte for byte as received. Do not edit them: sentence ids "
             "are counted from them (if you must, update sha256 and the line numbers in course.yaml).",
    "arguments": "Argument maps, one per text: <id>.yaml (copy kit/data/arguments/cho.yaml as a model), "
                 "and comparisons.yaml, the comparison questions (model: kit/data/arguments/comparisons.yaml).",
    "quizzes": "Quiz banks, *.yaml (model: kit/data/quizzes/01_close_reading.yaml). Load one against "
               "the course's texts: kit.load_bank('COURSE/quizzes/x.yaml', corpus=kit.load_corpus('COURSE')).",
    "exercises": "Exercise sets, *.yaml (model: kit/data/exercises/01_close_reading.yaml).",
}
MAX_TEXT_BYTES = 20_000_000


def _q(value) -> str:
    """A YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _entry(tid: str, rel: str, digest: str, n_lines: int, source: str) -> str:
    stated = _q(NOT_STATED)
    return f"""  - id: {tid}
    file: {rel}
    sha256: {digest}
    source_file: {_q(source)}
    title: {stated}
    title_basis: {stated}        # where the title comes from, e.g. "line 1 of the file"
    author: {stated}
    author_basis: {stated}
    venue: {stated}              # where it was published
    venue_basis: {stated}
    date: {stated}               # printed, or inferred from the text (then say so and cite)
    date_basis: {stated}         # e.g. 'inferred: "last month" [{tid} 1.1] ...'
    date_cites: []               # the sentence ids the date rests on, e.g. [{tid} 1.1]
    is_excerpt: {stated}
    is_excerpt_basis: {stated}
    lines:                       # {n_lines} lines; numbers from 1, "4-6" ranges, or {{start: "...", end: "..."}}
      title: []
      venue: []
      front_matter: []           # e.g. an editor's note: kept apart from the body
      body:                      # empty: every line that is in no other part
      back_matter: []            # e.g. the author's bio
"""


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = synced_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_text_file(name) -> tuple[Path, bytes]:
    if not isinstance(name, (str, os.PathLike)):
        raise WrongType(f"A text file is a path such as 'essay.txt', not {shown(name)}.")
    path = Path(name).expanduser()
    if not path.exists():
        raise TextNotFound(f"No file at {str(path)!r}. Check the path and the spelling.")
    if not path.is_file():
        raise NotAFile(f"{str(path)!r} is not a regular file. Give the path of a plain-text file (.txt).")
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise DataFileError(f"{path} is larger than {MAX_TEXT_BYTES:,} bytes; a course text is an "
                                "article or an essay — split it or give a shorter file.")
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"Cannot read {path} ({exc.strerror or exc}). Check that you may read it.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{path} is not UTF-8 text. Open it in an editor and save it as UTF-8 "
                            "(plain text), then run the command again.") from None
    if not text.strip():
        raise DataFileError(f"{path} is empty. A course text needs at least one sentence.")
    return path, raw


def _preview(text: str, *, first: int = 4, width: int = 70) -> list[str]:
    """The first non-blank lines of ``text`` with their 1-based numbers, shortened.

    >>> _preview("Title\\n\\nA long first paragraph.", width=12)
    ['    1: Title', '    3: A long firs…']
    """
    out = []
    for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if line.strip():
            line = " ".join(line.split())
            out.append(f"    {n}: {line if len(line) <= width else line[:width - 1] + '…'}")
        if len(out) == first:
            break
    return out


def new_course(folder: str | os.PathLike, text_files: Iterable[str | os.PathLike], *,
               title: str | None = None) -> list[str]:
    """Make a course in ``folder`` from ``text_files``; returns the lines to print.

    Parameters
    ----------
    folder : str or Path
        The new course folder (created; must not hold a course.yaml yet).
    text_files : list of str or Path
        The texts; ids are the file stems made safe (``a.txt`` -> ``a``).
    title : str, optional
        The course's title.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Walls fall. Bridges stand.\\n", encoding="utf-8")
    >>> new_course(d / "course", [d / "a.txt"])[0]
    'Made a course of 1 text (a) in ...'
    """
    example = "kit.new_course('my_course', ['essay.txt'])"
    root = path_option(folder, "folder", "new_course", example)
    if title is not None and not isinstance(title, str):
        raise WrongType(f"new_course(title={shown(title)}): title is text in quotes, "
                        "e.g. kit.new_course('my_course', ['essay.txt'], title='Week 3').")
    if isinstance(text_files, (str, os.PathLike)):
        text_files = [text_files]
    if not isinstance(text_files, (list, tuple)):
        raise WrongType(f"new_course(text_files={shown(text_files)}): give a list of text file names, e.g. {example}.")
    if not text_files:
        raise InvalidArgument("Give at least one text file: python -m kit course new DIR a.txt b.txt")
    if (root / COURSE_FILE).exists():
        raise InvalidArgument(f"{root / COURSE_FILE} already exists. Choose a new folder, or edit "
                              "that course.yaml by hand.")
    if root.exists() and not root.is_dir():
        raise NotAFile(f"{root} exists and is not a folder. Choose another name for the course.")
    texts = [_read_text_file(name) for name in text_files]
    ids: list[str] = []
    for path, _ in texts:
        base = safe_id(path.stem)
        tid, n = base, 2
        while tid in ids:
            tid, n = f"{base}-{n}", n + 1
        ids.append(tid)
    rels = [f"texts/{tid}{path.suffix.lower() if path.suffix.lower() in ('.txt', '.md') else '.txt'}"
            for tid, (path, _) in zip(ids, texts)]
    taken = [rel for rel in rels if os.path.lexists(root / rel)]
    if taken:  # never overwrite a teacher's file
        raise InvalidArgument(f"{root / taken[0]} already exists{f' (and {len(taken) - 1} more)' * (len(taken) > 1)};"
                              " course new never overwrites a file. Choose a new folder for the course, or move "
                              f"the existing file{'s' * (len(taken) > 1)} out of {root / 'texts'} first.")
    root.mkdir(parents=True, exist_ok=True)
    for name, about in FOLDERS.items():
        (root / name).mkdir(exist_ok=True)
        if not os.path.lexists(root / name / "README.md"):  # a README of the teacher's own stays
            (root / name / "README.md").write_text(f"# {name}/\n\n{about}\n", encoding="utf-8")
    entries, preview = [], []
    for tid, (path, raw), rel in zip(ids, texts, rels):
        _atomic_write(root / rel, raw)
        n_lines = len(raw.decode("utf-8-sig").replace("\r\n", "\n").removesuffix("\n").split("\n"))
        entries.append(_entry(tid, rel, hashlib.sha256(raw).hexdigest(), n_lines, path.name))
        preview.append(f"  {tid} ({rel}, {n_lines} line{'s' * (n_lines != 1)}):")
        preview += _preview(raw.decode("utf-8-sig"))
    head = (f"# A course made by `python -m kit course new`. Fill in what you know about each\n"
            f"# text; what you leave reads \"not stated\". Check with: python -m kit course validate {root}\n"
            f"# Layout and fields: docs/course_folder.md\n"
            f"title: {_q(title or root.name)}\ntexts:\n")
    _atomic_write(root / COURSE_FILE, (head + "".join(entries)).encode("utf-8"))
    return [
        f"Made a course of {len(ids)} text{'s' * (len(ids) != 1)} ({', '.join(ids)}) in {root}.",
        f"Fill in {root / COURSE_FILE}, for each text:",
        "  - title, author, venue, date, is_excerpt, and for each its *_basis (where it comes from);",
        "    what you leave reads \"not stated\"; an inferred date cites its clues in date_cites;",
        "  - lines: which lines are the title, venue, front matter (an editor's note) and back matter",
        "    (a bio); the body is every other line unless you list it (numbers, \"4-6\", or start/end markers).",
        "Add, when you want them: arguments/<id>.yaml (argument maps), arguments/comparisons.yaml,",
        "  quizzes/*.yaml, exercises/*.yaml (each folder's README.md says what goes in it).",
        "The first lines of each text, numbered, to help you fill in `lines:`:",
        *preview,
        f"Then check everything: python -m kit course validate {root}",
        f"and load it in a notebook: corpus = kit.load_corpus({str(root)!r})",
    ]
