"""nbgitpuller links: one click puts this repository's lessons in a student's hub home.

The link has the form nbgitpuller documents::

    {hub}/hub/user-redirect/git-pull?repo=<repo>&branch=<branch>&urlpath=lab/tree/<folder>/<path>

where ``<folder>`` is the folder nbgitpuller clones into (the repository's name).

>>> nbgitpuller_link("https://hub.example.edu/", repo="https://github.com/teach/close-reading-kit.git")
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fteach%2Fclose-reading-kit.git&branch=main&urlpath=lab%2Ftree%2Fclose-reading-kit%2Fnotebooks%2F00_start_here.ipynb'
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from ..errors import InvalidArgument, WrongType, shown

__all__ = ["nbgitpuller_link", "origin_url", "repo_folder"]

DEFAULT_PATH = "notebooks/00_start_here.ipynb"
_SCP = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)(.+)$")  # git@host:owner/name.git


def _public_url(url: str) -> str:
    """An https URL a hub can clone, without credentials; ``git@host:o/n`` becomes https."""
    url = url.strip()
    m = _SCP.match(url)
    if m and "/" in m.group(2) and not url.startswith(("http://", "https://")):
        url = f"https://{m.group(1)}/{m.group(2)}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.hostname or not parts.path.strip("/"):
        raise InvalidArgument(
            f"{shown(re.sub(r'//[^/]*@', '//', url))} is not a repository URL a hub can clone (it needs https://host/owner/name). "
            "Give one with --repo https://github.com/OWNER/NAME.")
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, host, parts.path, "", ""))  # user:password@ never printed


def repo_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: its last path part without ``.git``.

    >>> repo_folder("https://github.com/teach/close-reading-kit.git")
    'close-reading-kit'
    """
    name = urlsplit(_public_url(repo)).path.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def origin_url(cwd: str | Path | None = None) -> str | None:
    """``git remote get-url origin`` of the kit's checkout, or None (no git, no remote)."""
    cwd = Path(cwd) if cwd else Path(__file__).resolve().parents[1]
    try:
        proc = subprocess.run(["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True,
                              text=True, timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() or None if proc.returncode == 0 else None


def nbgitpuller_link(hub: str, *, repo: str | None = None, branch: str = "main",
                     path: str = DEFAULT_PATH) -> str:
    """The nbgitpuller link that clones ``repo`` into the student's home and opens ``path``.

    Parameters
    ----------
    hub : str
        The hub's address, e.g. ``https://hub.example.edu`` (a trailing ``/`` is fine).
    repo : str, optional
        The repository to pull; default: this checkout's ``origin`` remote.
    branch : str
        The branch to pull.
    path : str
        The notebook to open, relative to the repository.

    >>> nbgitpuller_link("https://hub.example.edu", repo="https://github.com/owner/kit")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2Fkit&branch=main&urlpath=lab%2Ftree%2Fkit%2Fnotebooks%2F00_start_here.ipynb'
    """
    for name, value in (("hub", hub), ("branch", branch), ("path", path), ("repo", "-" if repo is None else repo)):
        if not isinstance(value, str) or not value.strip():
            raise WrongType(f"nbgitpuller_link(): {name} must be a non-empty string, not {shown(value)}.")
    try:
        hub_parts = urlsplit(hub.strip())
        hub_parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        hub_parts = None
    if hub_parts is None or hub_parts.scheme not in ("http", "https") or not hub_parts.hostname:
        raise InvalidArgument(f"--hub {shown(hub)} is not a hub address. Give one such as https://hub.example.edu.")
    if hub_parts.username is not None or hub_parts.password is not None:  # never echoed: it may be a password
        raise InvalidArgument("--hub holds a user name or password before '@'; a link for students must not carry "
                              f"them (the link is not printed). Give the hub's address alone, such as "
                              f"https://{hub_parts.hostname}.")
    if repo is None:
        repo = origin_url()
        if repo is None:
            raise InvalidArgument("This checkout has no 'origin' remote to link to. "
                                  "Give the repository with --repo https://github.com/OWNER/NAME.")
    repo = _public_url(repo)
    rel = path.strip().lstrip("/")
    if ".." in Path(rel).parts:
        raise InvalidArgument(f"--path {path!r} leaves the repository. Give a path inside it, "
                              f"such as {DEFAULT_PATH}.")
    base = urlunsplit((hub_parts.scheme, hub_parts.netloc, hub_parts.path.rstrip("/"), "", ""))
    query = urlencode({"repo": repo, "branch": branch.strip(),
                       "urlpath": f"lab/tree/{repo_folder(repo)}/{rel}"}, quote_via=quote, safe="")
    return f"{base}/hub/user-redirect/git-pull?{query}"
