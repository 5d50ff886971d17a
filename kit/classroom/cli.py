"""The teacher's class commands for ``python -m kit`` (kept apart so that
``kit/__main__.py`` only registers them):

* ``python -m kit class-report DIR [--html report.html] [--anonymise] [--bank my_quiz.yaml ...]``
* ``python -m kit class-report --inbox DIR [--html report.html] [--comments FILE]``: the
  students' latest hand-ins (:mod:`kit.classroom.inbox`); ``--comments`` writes a CSV to fill in
* ``python -m kit class setup DIR --teacher USER`` (as root), ``python -m kit class check DIR``,
  ``python -m kit class comment DIR FILE.csv`` (the filled-in comments CSV)
* ``python -m kit link --hub URL [--repo URL] [--branch main] [--path NOTEBOOK]``

Errors print one message (the thing, the problem, the fix) and exit 1; never a traceback.
"""
from __future__ import annotations

import argparse
import sys
import warnings

from ..errors import InvalidArgument, KitError

COMMANDS = ("class-report", "link", "class")


def add_parsers(sub) -> None:
    report = sub.add_parser("class-report", help="read the students' exported progress CSVs (a folder or files)")
    report.add_argument("paths", nargs="*", metavar="DIR_OR_CSV")
    report.add_argument("--inbox", metavar="DIR", help="the class folder: each student's latest hand-in")
    report.add_argument("--comments", metavar="FILE", help="with --inbox: a CSV of written answers to comment on")
    report.add_argument("--html", metavar="FILE", help="write a self-contained HTML page")
    report.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="replace names by stable pseudonyms (Student 01, ...)")
    report.add_argument("--bank", action="append", default=[], metavar="YAML",
                        help="a question bank of your own, for the item analysis (repeat for several)")
    klass = sub.add_parser("class", help="the class folder for kit.hand_in(): setup, check, comment")
    klass_sub = klass.add_subparsers(dest="action", required=True)
    setup = klass_sub.add_parser("setup", help="make DIR/inbox and DIR/outbox (run once, as root)")
    setup.add_argument("folder", metavar="DIR")
    setup.add_argument("--teacher", required=True, metavar="USER", help="the teacher's login name")
    klass_sub.add_parser("check", help="say what is wrong with DIR's inbox and outbox").add_argument(
        "folder", metavar="DIR")
    bulk = klass_sub.add_parser("comment", help="send the comments filled in a --comments CSV")
    bulk.add_argument("folder", metavar="DIR")
    bulk.add_argument("csv", metavar="FILE")
    link = sub.add_parser("link", help="print an nbgitpuller link that puts the lessons on a JupyterHub")
    link.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    link.add_argument("--repo", help="repository URL (default: this checkout's 'origin' remote)")
    link.add_argument("--branch", default="main")
    link.add_argument("--path", default="notebooks/00_start_here.ipynb", help="notebook to open")


def _class_report(args: argparse.Namespace) -> int:
    from .report import class_report

    if bool(args.paths) == bool(args.inbox):
        raise InvalidArgument("class-report reads either exported CSVs (a folder or files) or --inbox DIR "
                              "(the class folder of kit.hand_in()): give one of them.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the skipped files are printed below instead
        report = class_report(args.paths or None, anonymise=args.anonymise, banks=args.bank, inbox=args.inbox)
    if args.comments and args.inbox:
        from .comments import comments_template

        print(f"Wrote {comments_template(args.comments, class_folder=args.inbox)} (fill in the comment column, "
              f"then: python -m kit class comment {args.inbox} {args.comments})")
    for row in report.skipped.itertuples():
        print(f"SKIPPED {row.file}: {row.reason}", file=sys.stderr)
    print(f"{len(report.students)} students, {len(report.questions)} questions, "
          f"{len(report.attempts)} attempts, {len(report.skipped)} files skipped.")
    for q in report.hardest(5).itertuples():
        print(f"  {q.quiz} / {q.question}: {q.students} tried, right first {q.right_first:.0%}, "
              f"right in the end {q.right_end:.0%}, median attempts {q.median_attempts:g}")
    _print_analysis(report)
    if args.html:
        from .html import write_report_html

        path = write_report_html(report, args.html)
        print(f"Wrote {path}")
    return 0


def _print_analysis(report) -> None:
    flagged = report.flagged()
    print(f"Item analysis: {len(report.items)} items, {len(flagged)} flagged.")
    for r in flagged.itertuples():
        disc = "" if r.discrimination != r.discrimination else f", discrimination {r.discrimination:.2f}"
        print(f"  {r.quiz} / {r.question}: {r.flags} (right first {r.right_first:.0%}{disc})")
    print(f"Answer patterns that look like guessing: {len(report.guessing)}.")
    for r in report.guessing.itertuples():
        print(f"  {r.student}: {r.pattern} ({r.evidence})")
    print(f"Trivial written attempts: {len(report.trivial)}.")
    for r in report.trivial.itertuples():
        later = "; a real one later" if r.fixed_later else ""
        print(f"  {r.student}: {r.question} attempt {r.attempt}: {r.response!r} ({r.problem}{later})")


def _link(args: argparse.Namespace) -> int:
    from .hub_link import nbgitpuller_link

    print(nbgitpuller_link(args.hub, repo=args.repo, branch=args.branch, path=args.path))
    return 0


def _class(args: argparse.Namespace) -> int:
    if args.action == "setup":
        from .inbox import setup_class_dir

        print("\n".join(setup_class_dir(args.folder, teacher=args.teacher)))
        return 0
    if args.action == "comment":
        from .comments import comments_from_csv

        print(f"Sent {comments_from_csv(args.csv, class_folder=args.folder)} comments.")
        return 0
    from .inbox import check_class_dir

    problems = check_class_dir(args.folder)
    for problem in problems:
        print(f"PROBLEM {problem}")
    print(f"{args.folder}: " + (f"{len(problems)} problems." if problems else "set up right."))
    return 1 if problems else 0


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "class":
            return _class(args)
        return _class_report(args) if args.command == "class-report" else _link(args)
    except KitError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the CLI never prints a traceback
        print(f"ERROR {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
