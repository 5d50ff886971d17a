"""The class folder on a shared machine (a JupyterHub): a drop-box ``inbox`` and an ``outbox``.

``python -m kit class setup DIR --teacher USER`` (run once, as root) makes ``DIR/inbox``
and ``DIR/outbox``, both owned by the teacher and the teacher's own group (a group no
one else is in), mode ``3773``: setgid (new files get the teacher's group), sticky (only
a file's owner may delete or rename it), ``rwx`` for the teacher and ``-wx`` for everyone
else.  Students may create files and enter the folders by a name they know, but not list
them, and a file made mode ``0640`` is readable by its owner and the teacher only.
:func:`check_class_dir` (``python -m kit class check DIR``) says in words what is wrong.

The student who handed a file in is the file's owner (``st_uid``), never a name inside
the file: :func:`student_name` turns a uid into a name (TLJH's ``jupyter-`` prefix left
out), and :func:`latest_handins` keeps the newest version per owner.

>>> version_name("ann", 7)
'ann.v0007.csv'
>>> parse_version("ann.v0007.csv"), parse_version(".ann.tmp")
(('ann', 7), None)
"""
from __future__ import annotations

import grp
import os
import pwd
import re
import stat
from pathlib import Path

from ..errors import InvalidArgument, NoPermission, StoreError, shown

__all__ = ["ENV_VAR", "DROPBOX_MODE", "FILE_MODE", "OUTBOX_MODE", "class_dir", "inbox_dir", "outbox_dir",
           "student_name", "version_name", "parse_version", "latest_handins", "read_inbox",
           "setup_class_dir", "check_class_dir"]

ENV_VAR = "KIT_CLASS_DIR"
DROPBOX_MODE = 0o3773  # setgid + sticky, rwx rwx -wx
FILE_MODE = 0o640      # a hand-in: its student reads it, the teacher's group reads it, no one else
OUTBOX_MODE = 0o730    # a student's comment folder: the student rwx, the teacher -wx, no one else
_VERSION = re.compile(r"^(?P<name>[A-Za-z0-9._@+-]{1,64})\.v(?P<n>\d{4,})\.csv$")


def class_dir(folder=None) -> Path:
    """The class folder: ``folder``, else ``$KIT_CLASS_DIR``; a :class:`StoreError` if neither."""
    if folder is None:
        folder = os.environ.get(ENV_VAR) or None
    if folder is None:
        raise StoreError(f"No class folder is set up: {ENV_VAR} is not set. Ask your teacher for the class "
                         "folder and pass it (kit.hand_in('/srv/class/course')), or set "
                         f"{ENV_VAR} in the hub's configuration (docs/jupyterhub.md, section 4).")
    if not isinstance(folder, (str, os.PathLike)):
        raise InvalidArgument(f"A class folder is a path such as '/srv/class/course', not {shown(folder)}.")
    return Path(folder).expanduser()


def inbox_dir(folder=None) -> Path:
    """``<class folder>/inbox`` (a folder already named ``inbox`` is taken as it is)."""
    base = class_dir(folder)
    return base if base.name == "inbox" and not (base / "inbox").is_dir() else base / "inbox"


def outbox_dir(folder=None) -> Path:
    """``<class folder>/outbox``."""
    inbox = inbox_dir(folder)
    return inbox.parent / "outbox"


def student_name(uid: int) -> str:
    """The login name of ``uid`` (TLJH's ``jupyter-`` prefix left out), or ``uid-<n>``."""
    try:
        name = pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid-{uid}"
    return name[len("jupyter-"):] if name.startswith("jupyter-") and len(name) > 8 else name


def version_name(name: str, n: int) -> str:
    """The file name of a hand-in's ``n``-th version."""
    return f"{name}.v{n:04d}.csv"


def parse_version(filename: str) -> tuple[str, int] | None:
    """``(name, n)`` for a hand-in's file name, ``None`` for anything else (temp files too)."""
    m = _VERSION.match(filename)
    return (m["name"], int(m["n"])) if m else None


def latest_handins(inbox) -> list[tuple[str, int, Path]]:
    """``(student, uid, path)`` of each owner's newest version, sorted by student.

    Only regular files named like a hand-in count (not the temporary files of a hand-in
    under way); the newest is the highest version number, then the latest change.
    """
    inbox = Path(inbox)
    try:
        entries = list(os.scandir(inbox))
    except FileNotFoundError:
        raise StoreError(f"The inbox {str(inbox)!r} does not exist. Set it up once with "
                         f"'python -m kit class setup {inbox.parent} --teacher YOU' (as root).") from None
    except PermissionError:
        raise NoPermission(f"Cannot list the inbox {str(inbox)!r}: only the teacher may. Run the report "
                           "as the teacher named in 'python -m kit class setup'.") from None
    best: dict[int, tuple[tuple[int, int], Path]] = {}
    for entry in entries:
        parsed = parse_version(entry.name)
        if parsed is None:
            continue
        st = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(st.st_mode):
            continue
        key = (parsed[1], st.st_mtime_ns)
        if st.st_uid not in best or key > best[st.st_uid][0]:
            best[st.st_uid] = (key, Path(entry.path))
    rows = [(student_name(uid), uid, path) for uid, (_, path) in best.items()]
    return sorted(rows, key=lambda r: (r[0], r[1]))


def read_inbox(folder):
    """The attempts in each student's latest hand-in and the files skipped, as
    :func:`kit.classroom.files.read_exports` returns them; ``student`` is the file's owner
    (any name written inside the file is ignored), ``file`` the hand-in's name."""
    import pandas as pd

    from .files import OPTIONAL, REQUIRED, read_export

    frames, skipped = [], []
    for name, uid, path in latest_handins(inbox_dir(folder)):
        try:  # read through a descriptor checked to be its owner's regular file (not a link swapped in)
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode) or st.st_uid != uid:
                    raise ValueError("changed while it was read (not its owner's file any more)")
                via = Path(f"/proc/self/fd/{fd}")
                df = read_export(via if via.exists() else path)
            finally:
                os.close(fd)
        except (ValueError, OSError) as exc:
            skipped.append({"file": path.name, "reason": str(exc)})
            continue
        df["student"], df["file"] = name, path.name
        frames.append(df)
    attempts = (pd.concat(frames, ignore_index=True) if frames
                else pd.DataFrame(columns=[*OPTIONAL, *REQUIRED, "file"]))
    return attempts, pd.DataFrame(skipped, columns=["file", "reason"])


def _teacher(teacher: str) -> tuple[int, int]:
    try:
        user = pwd.getpwnam(teacher)
    except KeyError:
        raise InvalidArgument(f"There is no user {teacher!r} on this machine. Give the teacher's login name "
                              "(on TLJH: jupyter-<name>).") from None
    group = grp.getgrgid(user.pw_gid)
    others = [m for m in group.gr_mem if m != teacher]
    others += [p.pw_name for p in pwd.getpwall() if p.pw_gid == user.pw_gid and p.pw_name != teacher]
    if others:
        raise InvalidArgument(f"The teacher's group {group.gr_name!r} has other members ({', '.join(others[:5])}): "
                              "they could read every hand-in. Give the teacher a group of their own "
                              f"(usermod -g {teacher} {teacher} after groupadd {teacher}).")
    return user.pw_uid, user.pw_gid


def setup_class_dir(folder, *, teacher: str) -> list[str]:
    """Make (or repair) ``folder/inbox`` and ``folder/outbox``; returns what was done.

    Run as root (or as the teacher, for folders the teacher already owns).
    """
    uid, gid = _teacher(teacher)
    base = class_dir(folder)
    done = []
    try:
        base.mkdir(parents=True, exist_ok=True)
        os.chmod(base, 0o755)
        for sub in ("inbox", "outbox"):
            path = base / sub
            path.mkdir(exist_ok=True)
            if path.is_symlink() or not path.is_dir():
                raise StoreError(f"{str(path)!r} is not a folder. Move it away and run the set-up again.")
            os.chown(path, uid, gid)
            os.chmod(path, DROPBOX_MODE)
            done.append(f"{path}: owner {teacher}, group {grp.getgrgid(gid).gr_name}, mode 3773 "
                        "(students may hand in but not list or read)")
    except PermissionError as exc:
        raise NoPermission(f"Cannot set up {str(base)!r} ({exc.strerror}). Run the set-up as root: "
                           f"sudo python -m kit class setup {base} --teacher {teacher}.") from None
    return done


def _mode_problems(path: Path, st: os.stat_result, owner: int, gid: int) -> list[str]:
    out = []
    mode = stat.S_IMODE(st.st_mode)
    if st.st_uid != owner:
        out.append(f"{path} is owned by {student_name(st.st_uid)}, not the teacher ({student_name(owner)})")
    if st.st_gid != gid:
        out.append(f"{path} has the group {st.st_gid}, not the teacher's own group")
    if mode & stat.S_IROTH:
        out.append(f"{path} can be listed by students (mode {mode:o}; it should be 3773)")
    if not mode & stat.S_ISVTX:
        out.append(f"{path} has no sticky bit: a student could delete or replace another's file (chmod +t)")
    if not mode & stat.S_ISGID:
        out.append(f"{path} has no setgid bit: new files would not get the teacher's group (chmod g+s)")
    if mode & 0o003 != 0o003:
        out.append(f"{path} cannot be written or entered by students (mode {mode:o}; it should be 3773)")
    return out


def check_class_dir(folder=None) -> list[str]:
    """What is wrong with a class folder, in words (an empty list when it is set up right)."""
    base = class_dir(folder)
    inbox, outbox = base / "inbox", base / "outbox"
    problems = []
    for path in (inbox, outbox):
        if not path.exists() or path.is_symlink() or not path.is_dir():
            problems.append(f"{path} is missing or not a folder: run 'python -m kit class setup {base} "
                            "--teacher USER' as root")
    if problems:
        return problems
    st = inbox.stat()
    owner, gid = st.st_uid, st.st_gid
    try:
        if grp.getgrgid(gid).gr_mem or [p for p in pwd.getpwall() if p.pw_gid == gid and p.pw_uid != owner]:
            problems.append(f"{inbox}'s group has members other than the teacher: they can read every hand-in")
    except KeyError:
        pass
    for path in (inbox, outbox):
        problems += _mode_problems(path, path.stat(), owner, gid)
    for entry in os.scandir(inbox):
        st = entry.stat(follow_symlinks=False)
        if parse_version(entry.name) and stat.S_IMODE(st.st_mode) & 0o007:
            problems.append(f"{entry.path} can be read or changed by other students (mode "
                            f"{stat.S_IMODE(st.st_mode):o}; hand-ins are 640)")
    for entry in os.scandir(outbox):
        st = entry.stat(follow_symlinks=False)
        if not stat.S_ISDIR(st.st_mode):
            problems.append(f"{entry.path} is not a student's folder (remove it)")
        elif student_name(st.st_uid) != entry.name:
            problems.append(f"{entry.path} belongs to {student_name(st.st_uid)}, not to {entry.name}: "
                            "a classmate may have taken the name; remove it")
        elif stat.S_IMODE(st.st_mode) & 0o007:
            problems.append(f"{entry.path} can be entered by other students (mode {stat.S_IMODE(st.st_mode):o}; "
                            "it should be 730)")
    return problems
