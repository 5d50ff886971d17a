"""Check a course folder: ``python -m kit course validate DIR``.

:func:`validate_course` checks everything a course holds: ``course.yaml`` (its shape,
each text's file and sha256, the line numbers or markers of each part, the sentence
ids and quotations in the metadata), the argument maps, the comparison questions,
the quiz banks, the exercise sets and the reference annotation.  Each problem is one
line ``ERROR <file>:<line>: <what> — <fix>``; nothing raises.  A text that does not
load stops the check there: the ids the other files cite cannot be checked without it.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..argumentation.citations import problems
from ..assessment.banks import load_bank
from ..errors import KitError
from ..options import path as path_option
from ..corpus.documents import Corpus
from ..corpus.course import COURSE_FILE, course_entries, document_of_entry, text_bytes

__all__ = ["validate_course", "main_validate"]


def _fix(message: str, default: str) -> str:
    """Make ``message`` read ``what — fix`` (keep it when it already does)."""
    message = " ".join(str(message).split())
    if " — " in message:
        return message
    what, stop, fix = message.partition(". ")
    if stop and fix[:1].isupper():  # "the problem. The fix." -> "the problem — The fix."
        return f"{what} — {fix}"
    return f"{message.rstrip('.')} — {default}"


def _rel(message: str, folder: Path) -> str:
    return message.replace(f"{folder.resolve()}/", "").replace(f"{folder}/", "")


def _line_in(path: Path, message: str) -> int:
    """Best guess at the line a bank's message is about: a stated line, else the question's id."""
    found = re.search(r"\bline (\d+)", message)
    if found:
        return int(found.group(1))
    try:
        if not path.is_file():  # a FIFO would make read_text wait for ever
            return 1
        text = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return 1
    for quoted in re.findall(r"(?:question|exercise) '([^']+)'", message):
        for n, line in enumerate(text, 1):
            if re.match(rf"\s*-?\s*id:\s*['\"]?{re.escape(quoted)}['\"]?\s*$", line):
                return n
    return 1


def _resolves(sid, corpus: Corpus) -> bool:
    from ..argumentation.citations import resolve

    try:
        return isinstance(sid, str) and resolve(sid, corpus) is not None
    except KitError:
        return False


def _bank_errors(path: Path, folder: Path, corpus: Corpus) -> list[str]:
    rel = path.relative_to(folder).as_posix()
    try:
        load_bank(str(path), corpus=corpus)
        return []
    except KitError as exc:
        first = exc
    message = _rel(str(first), folder)
    message = re.sub(rf"^{re.escape(rel)}:\s*", "", message)
    return [f"ERROR {rel}:{_line_in(path, str(first))}: "
            + _fix(message, f"fix the file (python -m kit quiz validate {rel} runs the same check).")]


def _check(folder: Path) -> tuple[list[str], dict]:
    from ..argumentation.maps import load_map
    from ..argumentation.comparison import load_questions

    counts = {"texts": 0, "argument maps": 0, "comparison questions": 0, "quiz banks": 0, "exercise sets": 0}
    try:
        data, lines = course_entries(folder)
    except KitError as exc:
        return [f"ERROR {_fix(_rel(str(exc), folder), 'see docs/course_folder.md.')}"], counts
    errors, docs = [], []
    for i, entry in enumerate(data["texts"]):
        try:
            text_bytes(folder, entry, where=f"{COURSE_FILE}:{lines(('texts', i, 'file'))}")
            docs.append(document_of_entry(folder, entry, where=f"{COURSE_FILE}:{lines(('texts', i, 'lines'))}"))
        except KitError as exc:
            errors.append(f"ERROR {_fix(str(exc), 'see docs/course_folder.md.')}")
    if errors:  # sentence ids cannot be checked until every text loads
        return errors, counts
    corpus = Corpus(docs, folder=folder)
    counts["texts"] = len(docs)
    for i, entry in enumerate(data["texts"]):
        if entry.get("id") not in corpus:
            continue
        for key, value in entry.items():
            where = f"{COURSE_FILE}:{lines(('texts', i, key))}"
            if key.endswith("_cites"):
                for sid in value if isinstance(value, list) else [value]:
                    if not _resolves(sid, corpus):
                        errors.append(f"ERROR {where}: {key} lists {sid!r}, which is not a sentence of the "
                                      "course — cite ids such as 'a 1.2' (kit.sentences(corpus) lists them).")
            elif isinstance(value, str):
                for found in problems(value, corpus, where):
                    errors.append(f"ERROR {_fix(found, 'cite sentences that exist and quote word for word.')}")
    args = folder / "arguments"
    for path in sorted(args.glob("*.yaml")) if args.is_dir() else []:
        rel = path.relative_to(folder).as_posix()
        try:
            if path.name == "comparisons.yaml":
                counts["comparison questions"] += len(load_questions(corpus, path))
            elif path.stem not in corpus:
                errors.append(f"ERROR {rel}:1: no text {path.stem!r} in the course ({', '.join(corpus)}) — "
                              "name an argument map after the id of its text, e.g. arguments/<id>.yaml.")
            else:
                load_map(corpus[path.stem], path)
                counts["argument maps"] += 1
        except KitError as exc:
            errors.append(f"ERROR {_fix(_rel(str(exc), folder), 'fix the file.')}")
    for sub, label in (("quizzes", "quiz banks"), ("exercises", "exercise sets")):
        for path in sorted((folder / sub).glob("*.y*ml")) if (folder / sub).is_dir() else []:
            found = _bank_errors(path, folder, corpus)
            errors += found
            counts[label] += not found
    reference = folder / "annotations" / "reference.yaml"
    if reference.is_file():
        errors += _reference_errors(reference, folder, corpus)
    return errors, counts


def _reference_errors(path: Path, folder: Path, corpus: Corpus) -> list[str]:
    from ..argumentation.annotation import LABELS, reference_annotations
    from ..argumentation.citations import resolve

    try:
        table = reference_annotations(corpus=corpus)
    except Exception as exc:  # a malformed file: say so, never a traceback
        return [f"ERROR annotations/reference.yaml:1: {_fix(_rel(str(exc), folder), 'compare with kit/data/annotations/reference.yaml.')}"]
    out = []
    for sid, label in zip(table.sentence_id, table.label):
        try:
            ok = resolve(sid, corpus) is not None
        except KitError:
            ok = False
        if not ok or label not in LABELS:
            out.append(f"ERROR annotations/reference.yaml:{_line_in(path, '')}: {sid!r} labelled {label!r} — "
                       f"use sentence ids of the course and one of {', '.join(LABELS)}.")
    return out


def validate_course(folder: str | os.PathLike) -> list[str]:
    """Every problem of the course in ``folder``, as ``ERROR <file>:<line>: <what> — <fix>`` lines.

    An empty list means the course is fine.  Never raises (but a ``folder`` that is no path is a
    :class:`~kit.errors.WrongType`): an unexpected failure is
    reported as an ERROR line too.

    >>> validate_course("no/such/folder")
    ['ERROR no/such/folder: no course folder here — give the folder that holds course.yaml (python -m kit course new DIR TEXT_FILE... makes one).']
    """
    path = path_option(folder, "folder", "validate_course", "kit.validate_course('my_course')")
    if not path.is_dir():
        return [f"ERROR {folder}: no course folder here — give the folder that holds {COURSE_FILE} "
                "(python -m kit course new DIR TEXT_FILE... makes one)."]
    try:
        return _check(path)[0]
    except Exception as exc:  # the promise: an ERROR line, never a traceback
        return [f"ERROR {COURSE_FILE}:1: the check stopped on an unexpected problem "
                f"({type(exc).__name__}: {exc}) — please report it with the course folder."]


def main_validate(folder) -> int:
    """Print ``OK ...`` or the ERROR lines for ``folder``; return the exit status (0 or 1)."""
    import sys

    path = Path(str(folder)).expanduser()
    try:
        errors, counts = _check(path) if path.is_dir() else (validate_course(folder), {})
    except Exception as exc:
        errors, counts = [f"ERROR {COURSE_FILE}:1: the check stopped on an unexpected problem "
                          f"({type(exc).__name__}: {exc}) — please report it with the course folder."], {}
    if errors:
        for line in errors:
            print(line, file=sys.stdout)
        return 1
    print(f"OK {folder}: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + ".")
    return 0
