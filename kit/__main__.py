"""Command line for teachers: ``python -m kit quiz validate FILE [FILE ...]``.

``python -m kit course new DIR TEXT_FILE...`` makes a course folder and
``python -m kit course validate DIR`` checks it (see :mod:`kit.classroom.course_new`, :mod:`kit.classroom.course_check`).
The class commands (``class-report [--inbox DIR]``, ``class setup|check|comment``, ``link``)
are registered from :mod:`kit.classroom.cli`.

Validates question banks (YAML): types, answers, options, unique ids, that every
cited sentence exists and every quotation is in its sentence, and that computed
answers (``compute:``) run.  ``python -m kit quiz key FILE`` prints the answer key.
Exit code 0 when all files are valid, 1 otherwise.  No traceback is ever printed:
every failure is one line ``ERROR <file>: <what> — <fix>``.  Text from a bank or a student's
CSV cannot drive the terminal: control characters (escape sequences, carriage returns),
bidirectional overrides and lone surrogates are printed as visible ``\\x1b``-style escapes.

>>> _neutral("ok\\x1b[2Jgone\\r\\u202e")
'ok\\\\x1b[2Jgone\\\\r\\\\u202e'
"""
from __future__ import annotations

import argparse
import re
import sys

from .classroom import cli as classroom_cli
from .errors import KitError


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _neutral(text: str) -> str:
    """``text`` with every character that could move the cursor or reorder a line made visible."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class _Visible:
    """A text stream that writes through :func:`_neutral` (everything the CLI prints)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_neutral(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _error(path: str, exc: BaseException) -> str:
    """``ERROR <file>: <what> — <fix>`` for any exception (unexpected ones included)."""
    if isinstance(exc, KitError):
        text = str(exc)
        what = text if text.startswith(str(path)) else f"{path}: {text}"
        return f"ERROR {what}" if " — " in what else f"ERROR {what} — see docs/question_format.md"
    return (f"ERROR {path}: could not be read ({type(exc).__name__}: {exc}) — check that it is a "
            "UTF-8 YAML bank (see docs/question_format.md)")


def _validate(paths: list[str]) -> int:
    from .assessment import format_answer, load_bank

    status = 0
    for path in paths:
        try:
            bank = load_bank(path)
            for q in bank:
                format_answer(q)  # runs compute: specs, so a broken one fails here
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
            print(_error(path, exc), file=sys.stderr)
            status = 1
            continue
        print(f"OK {path}: bank {bank.id!r}, {len(bank)} questions, all citations and answers check out.")
    return status


def _key(paths: list[str]) -> int:
    from .assessment import answer_key

    for path in paths:
        try:
            key = answer_key(path)
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
            print(_error(path, exc), file=sys.stderr)
            return 1
        for row in key.itertuples():
            print(f"{row.question} ({row.type}): {row.answer}")
            if row.explanation:
                print(f"    {row.explanation}")
            if row.cites:
                print(f"    cites: {row.cites}")
    return 0


def _course(args) -> int:
    if args.action == "validate":
        from .classroom.course_check import main_validate

        return main_validate(args.folder)
    from .classroom.course_new import new_course

    try:
        print("\n".join(new_course(args.folder, args.texts)))
    except KitError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a read-only folder: say so, no traceback
        print(f"ERROR {args.folder}: cannot write the course ({exc.strerror or exc}) — "
              "choose a folder you may write to.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; everything printed goes through :func:`_neutral`."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit", description="Close Reading Kit tools for teachers.")
    sub = parser.add_subparsers(dest="command", required=True)
    quiz = sub.add_parser("quiz", help="work with quiz question banks")
    quiz_sub = quiz.add_subparsers(dest="action", required=True)
    validate = quiz_sub.add_parser("validate", help="check question bank files (exit code 1 on any error)")
    validate.add_argument("files", nargs="+", metavar="FILE", help="a bank .yaml file (or a shipped bank id)")
    key = quiz_sub.add_parser("key", help="print the answers with their explanations")
    key.add_argument("files", nargs="+", metavar="FILE")
    course = sub.add_parser("course", help="make and check a course folder of your own texts")
    course_sub = course.add_subparsers(dest="action", required=True)
    new = course_sub.add_parser("new", help="make DIR/course.yaml from text files and copy the texts")
    new.add_argument("folder", metavar="DIR")
    new.add_argument("texts", nargs="+", metavar="TEXT_FILE")
    check = course_sub.add_parser("validate", help="check a course folder (exit code 1 on any error)")
    check.add_argument("folder", metavar="DIR")
    classroom_cli.add_parsers(sub)
    args = parser.parse_args(argv)
    if args.command in classroom_cli.COMMANDS:
        return classroom_cli.run(args)
    if args.command == "course":
        return _course(args)
    return _validate(args.files) if args.action == "validate" else _key(args.files)


if __name__ == "__main__":
    sys.exit(main())
