"""Comments back: the teacher's :func:`comment` and the student's :func:`feedback`.

A comment goes to ``outbox/<student>/comments.json`` (see :mod:`kit.classroom.inbox`): a
folder the student made at their first hand-in, mode ``0730``, that only the student and
the teacher's group may enter.  :func:`comment` refuses a student who never handed in and
a folder not owned by that student's uid (a classmate who took the name), and replaces
the file atomically (a temporary file made ``0644`` first, then ``os.replace``).
:func:`comments_from_csv` adds comments in bulk from the CSV :func:`comments_template`
writes (one row per written answer; the teacher fills in the ``comment`` column).

:func:`feedback` shows a student their own comments beside their answer and the item
(every text HTML-escaped), and marks them read in the student's own store.

>>> import tempfile, pathlib
>>> comment("ann", "01/q1", "Good.", class_folder=tempfile.mkdtemp())
Traceback (most recent call last):
...
kit.errors.StoreError: The inbox ... does not exist. ...
"""
from __future__ import annotations

import csv
import html
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InvalidArgument, StoreError
from ..files import store
from .files import read_export
from .inbox import inbox_dir, latest_handins, outbox_dir, student_name

__all__ = ["comment", "comments_template", "comments_from_csv", "feedback", "Feedback", "COMMENTS_FILE"]

COMMENTS_FILE = "comments.json"
READ_FILE = "feedback_read.json"


def _handin(student: str, class_folder) -> tuple[int, Path]:
    rows = latest_handins(inbox_dir(class_folder))
    for name, uid, path in rows:
        if student in (name, f"jupyter-{name}"):
            return uid, path
    raise InvalidArgument(f"{student!r} has not handed in yet, so there is no answer to comment on. Students "
                          f"who handed in: {', '.join(r[0] for r in rows) or 'none'}.")


def _item(df, item: str, student: str) -> tuple[str, str, str]:
    quiz, _, question = item.rpartition("/")
    rows = df[(df["question"] == question) & ((df["quiz"] == quiz) if quiz else True)]
    if rows.empty:
        known = sorted(set(df["quiz"] + "/" + df["question"]))
        raise InvalidArgument(f"{student!r}'s hand-in has no item {item!r}. Give 'quiz/question', one of: "
                              f"{', '.join(known[:12]) or 'none'}.")
    if len(set(rows["quiz"])) > 1:
        raise InvalidArgument(f"{item!r} is in several quizzes ({', '.join(sorted(set(rows['quiz'])))}); "
                              "give 'quiz/question'.")
    last = rows.iloc[-1]
    return str(last["quiz"]), str(last["question"]), str(last["response"])


def _folder(outbox: Path, name: str, uid: int) -> int:
    """A descriptor of ``outbox/<name>`` (never through a link), checked to be owned by ``uid``:
    all later reads and writes go through it, so the folder cannot be swapped in between."""
    folder = outbox / name
    flags = getattr(os, "O_PATH", os.O_RDONLY) | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder, flags)
    except FileNotFoundError:
        raise StoreError(f"{str(folder)!r} does not exist: {name} handed in before the outbox was set up. "
                         "Ask them to run kit.hand_in() once more.") from None
    except OSError:  # a link or a file in the folder's place
        fd = None
    st = os.fstat(fd) if fd is not None else os.lstat(folder)
    if fd is None or not stat.S_ISDIR(st.st_mode) or st.st_uid != uid:
        if fd is not None:
            os.close(fd)
        raise StoreError(f"{str(folder)!r} is not {name}'s own folder (owner {student_name(st.st_uid)}): "
                         "a classmate may have taken the name. Remove it; it is made again at the next hand-in.")
    return fd


def _read(name, *, owner: int | None = None, dir_fd: int | None = None) -> list[dict]:
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
    except OSError:
        return []
    with os.fdopen(fd, encoding="utf-8") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or (owner is not None and st.st_uid != owner):
            return []
        try:
            data = json.loads(handle.read(5_000_000))
        except (ValueError, UnicodeError):
            return []
    return [c for c in data if isinstance(c, dict)] if isinstance(data, list) else []


def _write(dir_fd: int, name: str, comments: list[dict], shown: Path) -> None:
    tmp = f".{name}.{secrets.token_hex(6)}.tmp"
    data = json.dumps(comments, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600,
                     dir_fd=dir_fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), 0o644)
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except OSError as exc:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except OSError:
            pass
        raise StoreError(f"Cannot write {str(shown)!r} ({exc.strerror or exc}); earlier comments are unchanged. "
                         "Free some space, or run 'python -m kit class check'.") from None


def comment(student: str, item: str, text: str, *, class_folder: str | os.PathLike | None = None) -> Path:
    """Comment on a student's answer to ``item`` (``'quiz/question'``, or the question id).

    The comment goes to the student's outbox, beside the answer in their latest hand-in;
    returns the comments file.  ``class_folder`` defaults to ``$KIT_CLASS_DIR``.

    >>> comment("ann", "04_synthesis/compare-aims", " ")
    Traceback (most recent call last):
    ...
    kit.errors.InvalidArgument: comment() takes the student's name, the item ('quiz/question') and a non-empty text, ...
    """
    if not all(isinstance(v, str) for v in (student, item, text)) or not text.strip():
        raise InvalidArgument("comment() takes the student's name, the item ('quiz/question') and a non-empty "
                              "text, e.g. kit.comment('ann', '04_synthesis/compare-aims', 'Well argued.').")
    uid, path = _handin(student, class_folder)
    quiz, question, response = _item(read_export(path), item, student)
    target = outbox_dir(class_folder) / student_name(uid) / COMMENTS_FILE
    dir_fd = _folder(target.parent.parent, student_name(uid), uid)
    try:
        comments = _read(COMMENTS_FILE, owner=os.geteuid(), dir_fd=dir_fd)
        comments.append({"id": secrets.token_hex(6), "quiz": quiz, "question": question, "response": response,
                         "time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "text": text.strip(),
                         "handin": path.name})
        _write(dir_fd, COMMENTS_FILE, comments, target)
    finally:
        os.close(dir_fd)
    return target


def comments_template(path, *, class_folder=None) -> Path:
    """A CSV of every student's latest written answers, with an empty ``comment`` column to fill in."""
    rows = []
    for name, _, handin in latest_handins(inbox_dir(class_folder)):
        df = read_export(handin)
        written = df[df["status"] == "written"].drop_duplicates(["quiz", "question"], keep="last")
        rows += [[name, r.quiz, r.question, r.response, ""] for r in written.itertuples()]
    out = Path(path)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "quiz", "question", "response", "comment"])
        writer.writerows(rows)
    return out


def comments_from_csv(path, *, class_folder=None) -> int:
    """Add a comment for every row of ``path`` whose ``comment`` is filled in; returns how many."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and not {"student", "quiz", "question", "comment"} <= set(rows[0]):
        raise InvalidArgument(f"{str(path)!r} needs the columns student, quiz, question, comment: write it with "
                              "python -m kit class-report --inbox DIR --comments FILE.")
    done = 0
    for row in rows:
        if (row.get("comment") or "").strip():
            comment(row["student"], f"{row['quiz']}/{row['question']}", row["comment"], class_folder=class_folder)
            done += 1
    return done


def _prompt(quiz: str, question: str) -> str:
    try:
        from ..assessment.banks import load_bank

        return " ".join(load_bank(quiz).question(question).prompt.split())
    except Exception:  # noqa: BLE001 - an item of a bank this kit does not know: shown by its id
        return ""


@dataclass
class Feedback:
    """Your teacher's comments (``comments``: a list of dicts), ``new`` of them unread until now."""

    comments: list[dict] = field(default_factory=list)
    new: int = 0

    def __str__(self) -> str:
        if not self.comments:
            return "No comments from your teacher yet."
        lines = [f"{len(self.comments)} comments from your teacher ({self.new} new):"]
        for c in self.comments:
            lines += [f"- {c['quiz']}/{c['question']}: {c.get('prompt', '')}", f"  your answer: {c['response']}",
                      f"  comment: {c['text']}"]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        if not self.comments:
            return "<p>No comments from your teacher yet.</p>"
        parts = [f"<h3>Comments from your teacher ({len(self.comments)}, {self.new} new)</h3>"]
        for c in self.comments:
            parts.append(f'<section class="kit-feedback"><h4>{e(c["quiz"])} / {e(c["question"])}'
                         f'{" (new)" if c.get("new") else ""}</h4><p>{e(c.get("prompt", ""))}</p>'
                         f"<p><strong>Your answer:</strong> {e(c['response'])}</p>"
                         f"<p><strong>Comment:</strong> {e(c['text'])}</p></section>")
        return "".join(parts)


def feedback(class_folder: str | os.PathLike | None = None) -> Feedback:
    """Your teacher's comments on your hand-ins, beside your answer and the item; marks them read.

    >>> import tempfile
    >>> print(feedback(tempfile.mkdtemp()))
    No comments from your teacher yet.
    """
    name, uid = student_name(os.getuid()), os.getuid()
    folder = outbox_dir(class_folder) / name
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return Feedback()
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != uid:
        raise StoreError(f"{str(folder)!r} is not your own folder. Tell your teacher (python -m kit class check).")
    comments = [c for c in _read(folder / COMMENTS_FILE)
                if all(isinstance(c.get(k), str) for k in ("id", "quiz", "question", "response", "text"))]
    seen = store.read_json(store.base_dir() / READ_FILE, [])
    seen = {s for s in seen if isinstance(s, str)} if isinstance(seen, list) else set()
    for c in comments:
        c["new"], c["prompt"] = c["id"] not in seen, _prompt(c["quiz"], c["question"])
    new = sum(c["new"] for c in comments)
    if new:
        store.atomic_write_json(store.base_dir() / READ_FILE, sorted(seen | {c["id"] for c in comments}))
    return Feedback(comments, new)
