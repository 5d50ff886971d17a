"""Who acts in the texts: mentions of political actors, through a gazetteer shipped as data.

The gazetteer (``kit/data/lexicons/gazetteer.yaml``) maps each actor to the names
that refer to it: ``Pyongyang``, ``DPRK``, ``North Korean`` and ``the North`` are
all North Korea.  The matching rules are documented at the top of that file:

* case matters (``US`` is a country, ``us`` a pronoun), except for the first
  letter of a name written in small letters (``the North`` / ``The North``);
* the longest name wins (``North Korean`` is one mention, never also "Korean";
  ``Russian President Vladimir Putin`` is one mention of Russia);
* hyphenated compounds are read part by part: ``ROK-U.S.-Japan`` mentions South
  Korea, the United States and Japan; ``inter-Korea`` mentions no single actor;
* names of places, events and institutions that contain an actor's name
  (``Korean Peninsula``, ``Beijing Winter Olympics``, ``North Korean Studies``)
  are not mentions.

By default only the body is read: Yang's bio (back matter) is left out.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from functools import lru_cache

from ._resources import load_yaml
from .corpus import documents_of
from .errors import InvalidArgument, UnknownActor, WrongType
from .text import normalise, token_spans, tokens

__all__ = ["actors", "gazetteer"]

MENTION_COLUMNS = ["doc", "sentence_id", "actor", "mention", "start", "end"]
BACK_MATTER = "back matter"  # the sentence_id given to mentions in back matter


@lru_cache(maxsize=1)
def _default() -> tuple[dict[str, list[str]], list[str]]:
    data = load_yaml("lexicons/gazetteer.yaml")
    return data["actors"], [entry["name"] for entry in data.get("not_actors", [])]


def _merged(extra) -> dict[str, list[str]]:
    table = {actor: list(names) for actor, names in _default()[0].items()}
    if extra is None:
        return table
    if not isinstance(extra, Mapping):
        raise WrongType(
            "gazetteer= takes a dict of actor -> names, e.g. {'Iran': ['Iran', 'Tehran']}, "
            f"not a {type(extra).__name__}."
        )
    for actor, names in extra.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(actor, str) or not actor.strip() or not isinstance(names, (list, tuple, set)) or not all(
            isinstance(n, str) and n.strip() for n in names
        ):
            raise WrongType(
                f"gazetteer entry {actor!r}: {names!r} is not a list of names. "
                "Write it as {'Iran': ['Iran', 'Tehran']}."
            )
        for other in table.values():  # your names win over the kit's
            other[:] = [n for n in other if n not in names]
        table.setdefault(actor, [])
        table[actor] += [n for n in names if n not in table[actor]]
    return table


def gazetteer(extra: Mapping | None = None):
    """The actor table, one row per name: ``actor, name``.

    Parameters
    ----------
    extra : dict, optional
        Your additions, ``{"Iran": ["Iran", "Tehran"]}`` (a new actor) or
        ``{"China": ["PRC"]}`` (more names for one); merged with the kit's table.

    >>> table = gazetteer({"Iran": ["Iran", "Tehran"]})
    >>> list(table[table.actor == "Iran"].name)
    ['Iran', 'Tehran']
    """
    import pandas as pd

    rows = [(actor, name) for actor, names in _merged(extra).items() for name in names]
    return pd.DataFrame(rows, columns=["actor", "name"])


def _words(text: str) -> list[tuple[int, int, str]]:
    """Tokens with hyphenated compounds split into their parts, offsets kept."""
    out = []
    for start, _, raw in token_spans(text):
        pos = start
        for part in raw.split("-"):
            if part:
                out.append((pos, pos + len(part), normalise(part, lower=False)))
            pos += len(part) + 1
    return out


def _matcher(table: dict[str, list[str]], blocked: list[str]) -> dict[str, list[tuple[list[str], str | None]]]:
    by_first: dict[str, list[tuple[list[str], str | None]]] = {}
    for actor, names in [*table.items(), (None, blocked)]:
        for name in names:
            words = [w for _, _, w in _words(name)]
            if not words:
                continue
            keys = {words[0]}
            if words[0][:1].islower():
                keys.add(words[0][:1].upper() + words[0][1:])
            for key in keys:
                by_first.setdefault(key, []).append((words, actor))
    return by_first


def _find(text: str, by_first) -> list[tuple[int, int, str, str]]:
    """``(start, end, actor, mention)`` of each mention in ``text``, longest names first."""
    words = _words(text)
    found = []
    for i, (start, _, word) in enumerate(words):
        for names, actor in by_first.get(word, ()):
            k = len(names)
            if i + k > len(words) or any(words[i + m][2] != names[m] for m in range(1, k)):
                continue
            if any(text[words[i + m - 1][1]:words[i + m][0]].strip() not in ("", "-") for m in range(1, k)):
                continue  # punctuation between the words: not this name
            end = words[i + k - 1][1]
            found.append((k, end - start, start, end, actor, i))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]))
    # Names cover whole words, so two overlap exactly when they share a word: mark the
    # words taken (checking every earlier span instead made long texts quadratic).
    used, out = bytearray(len(words)), []
    for k, _, start, end, actor, i in found:
        if any(used[i:i + k]):
            continue
        used[i:i + k] = b"\x01" * k
        if actor is not None:
            out.append((start, end, actor, text[start:end]))
    return sorted(out)


def _check(select, known) -> list[str] | None:
    if select is None:
        return None
    chosen = [select] if isinstance(select, str) else list(select)
    for name in chosen:
        if name not in known:
            raise UnknownActor(
                f"{name!r} is not an actor in the gazetteer. Known actors: {', '.join(known)}. "
                f"To add one: kit.actors(corpus, gazetteer={{{name!r}: [{name!r}]}})."
            )
    return chosen


def actors(doc, *, by: str | None = None, gazetteer: Mapping | None = None,
           include_back_matter: bool = False, select=None):
    """Mentions of political actors (United States, China, North Korea, ...).

    Parameters
    ----------
    doc : Corpus or Document
    by : {None, "doc"}
        ``None``: one row per mention ``doc, sentence_id, actor, mention, start,
        end`` (offsets in ``doc.text``; in ``doc.back_matter`` for rows whose
        sentence_id is ``"back matter"``).  ``"doc"``: ``doc, actor, count,
        per_1000`` with every actor for every document (0 when not mentioned);
        ``per_1000`` is the count per 1,000 words of :func:`kit.tokens` of the body
        (plus the back matter when it is included).
    gazetteer : dict, optional
        Extra actors or names, ``{"Iran": ["Iran", "Tehran"]}``, merged with the kit's.
    include_back_matter : bool
        Also read the back matter (Yang's bio). Off by default.
    select : str or list of str, optional
        Keep only these actors (an unknown name raises :class:`~kit.UnknownActor`).

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("Pyongyang and Seoul met. ROK-U.S.-Japan ties grew.", id="demo")
    >>> actors(doc)[["sentence_id", "actor", "mention"]]
      sentence_id          actor    mention
    0    demo 1.1    North Korea  Pyongyang
    1    demo 1.1    South Korea      Seoul
    2    demo 1.2    South Korea        ROK
    3    demo 1.2  United States       U.S.
    4    demo 1.2          Japan      Japan
    """
    import pandas as pd

    docs = documents_of(doc, "actors")
    if by not in (None, "doc"):
        raise InvalidArgument(f"by={by!r} is not an option of actors(). Use by=None (one row per mention) or by='doc'.")
    table = _merged(gazetteer)
    chosen = _check(select, list(table))
    by_first = _matcher(table, _default()[1])
    rows, sizes = [], {}
    for doc in docs:
        starts = [s.start for s in doc.sentences]
        for start, end, actor, mention in _find(doc.text, by_first):
            sid = doc.sentences[max(bisect.bisect_right(starts, start) - 1, 0)].id
            rows.append((doc.id, sid, actor, mention, start, end))
        sizes[doc.id] = len(tokens(doc))
        if include_back_matter and doc.back_matter:
            rows += [(doc.id, BACK_MATTER, actor, mention, a, b)
                     for a, b, actor, mention in _find(doc.back_matter, by_first)]
            sizes[doc.id] += len(tokens(doc.back_matter))
    found = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if chosen is not None:
        found = found[found.actor.isin(chosen)].reset_index(drop=True)
    if by is None:
        return found
    names = chosen if chosen is not None else list(table)
    counts = found.groupby(["doc", "actor"]).size()
    out = [
        (doc.id, actor, int(counts.get((doc.id, actor), 0)),
         counts.get((doc.id, actor), 0) / sizes[doc.id] * 1000)
        for doc in docs for actor in names
    ]
    return pd.DataFrame(out, columns=["doc", "actor", "count", "per_1000"])
