"""Command line for teachers: ``python -m kit quiz validate FILE [FILE ...]``.

Validates question banks (YAML): types, answers, options, unique ids, that every
cited sentence exists and every quotation is in its sentence, and that computed
answers (``compute:``) run.  ``python -m kit quiz key FILE`` prints the answer key.
Exit code 0 when all files are valid, 1 otherwise (messages name file, question, field).
"""
from __future__ import annotations

import argparse
import sys

from . import _classroom_cli
from .errors import KitError


def _validate(paths: list[str]) -> int:
    from .assessment import format_answer, load_bank

    status = 0
    for path in paths:
        try:
            bank = load_bank(path)
            for q in bank:
                format_answer(q)  # runs compute: specs, so a broken one fails here
        except KitError as exc:
            print(f"ERROR {exc}", file=sys.stderr)
            status = 1
            continue
        print(f"OK {path}: bank {bank.id!r}, {len(bank)} questions, all citations and answers check out.")
    return status


def _key(paths: list[str]) -> int:
    from .assessment import answer_key

    for path in paths:
        try:
            key = answer_key(path)
        except KitError as exc:
            print(f"ERROR {exc}", file=sys.stderr)
            return 1
        for row in key.itertuples():
            print(f"{row.question} ({row.type}): {row.answer}")
            if row.explanation:
                print(f"    {row.explanation}")
            if row.cites:
                print(f"    cites: {row.cites}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit", description="Close Reading Kit tools for teachers.")
    sub = parser.add_subparsers(dest="command", required=True)
    quiz = sub.add_parser("quiz", help="work with quiz question banks")
    quiz_sub = quiz.add_subparsers(dest="action", required=True)
    validate = quiz_sub.add_parser("validate", help="check question bank files (exit code 1 on any error)")
    validate.add_argument("files", nargs="+", metavar="FILE", help="a bank .yaml file (or a shipped bank id)")
    key = quiz_sub.add_parser("key", help="print the answers with their explanations")
    key.add_argument("files", nargs="+", metavar="FILE")
    _classroom_cli.add_parsers(sub)
    args = parser.parse_args(argv)
    if args.command in _classroom_cli.COMMANDS:
        return _classroom_cli.run(args)
    return _validate(args.files) if args.action == "validate" else _key(args.files)


if __name__ == "__main__":
    sys.exit(main())
