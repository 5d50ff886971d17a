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

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..files.resources import load_yaml
from ..corpus.documents import Document, documents_of
from ..errors import UnknownActor, WrongType
from ..errors import shown as echo
from ..options import choice, flag, strings
from .query import PhraseMatcher
from ..corpus.tokens import normalise, token_spans, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["actors", "gazetteer", "name_matcher"]

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
                f"gazetteer entry {echo(actor)}: {echo(names)} is not a list of names. "
                "Write it as {'Iran': ['Iran', 'Tehran']}."
            )
        for other in table.values():  # your names win over the kit's
            other[:] = [n for n in other if n not in names]
        table.setdefault(actor, [])
        table[actor] += [n for n in names if n not in table[actor]]
    return table


def gazetteer(extra: Mapping[str, str | list[str]] | None = None) -> pd.DataFrame:
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


def _words(text: str) -> tuple[list[int], list[int], list[str]]:
    """Tokens with hyphenated compounds split into their parts: starts, ends, words (case kept)."""
    starts, ends, words = [], [], []
    for start, _, raw in token_spans(text):
        pos = start
        for part in raw.split("-") if "-" in raw else (raw,):
            if part:
                starts.append(pos)
                ends.append(pos + len(part))
                words.append(normalise(part, lower=False))
            pos += len(part) + 1
    return starts, ends, words


def name_matcher(table: Mapping[str, list[str]], blocked: Iterable[str] = ()) -> PhraseMatcher:
    """The gazetteer as a :class:`~kit.analysis.query.PhraseMatcher`; a blocked phrase's payload is None.

    A name written with a small first letter (``the North``) also matches with a capital.
    """
    phrases = []
    for actor, names in [*table.items(), (None, list(blocked))]:
        for name in names:
            words = _words(name)[2]
            if not words:
                continue
            phrases.append((words, actor))
            if words[0][:1].islower():
                phrases.append(([words[0][:1].upper() + words[0][1:], *words[1:]], actor))
    return PhraseMatcher(phrases)


def _find(text: str, matcher: PhraseMatcher) -> list[tuple[int, int, str, str]]:
    """``(start, end, actor, mention)`` of each mention in ``text``, longest names first."""
    starts, ends, words = _words(text)

    def joined(i: int) -> bool:  # nothing but spaces or a hyphen between the words
        return text[ends[i]:starts[i + 1]].strip() in ("", "-")

    out = []
    for i, j, actor in matcher.find(words, joined=joined, longest=True):
        if actor is not None:
            out.append((starts[i], ends[j], actor, text[starts[i]:ends[j]]))
    return out


def _check(select, known) -> list[str] | None:
    if select is None:
        return None
    chosen = strings(select, "select", "actors", "actors(corpus, select=['China', 'North Korea'])")
    for name in chosen:
        if name not in known:
            raise UnknownActor(
                f"{echo(name)} is not an actor in the gazetteer. Known actors: {', '.join(known)}. "
                f"To add one: kit.actors(corpus, gazetteer={{{echo(name)}: [{echo(name)}]}})."
            )
    return chosen


def actors(doc: Document | Mapping[str, Document] | Sequence[Document], *, by: str | None = None,
           gazetteer: Mapping[str, str | list[str]] | None = None,
           include_back_matter: bool = False, select: str | Iterable[str] | None = None,
           exclude: str | Iterable[str] = ()) -> pd.DataFrame:
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
    exclude : str or list of str, optional
        Phrases that are NOT mentions although they contain a name, e.g.
        ``["Korea Herald"]``; added to the kit's own list (``not_actors`` in the
        gazetteer: seas, continents, newspapers such as the *Washington Post*).

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
    choice(by, "by", "actors", (None, "doc"))
    include_back_matter = flag(include_back_matter, "include_back_matter", "actors",
                               "actors(corpus, include_back_matter=True)")
    table = _merged(gazetteer)
    chosen = _check(select, list(table))
    blocked = strings(exclude, "exclude", "actors", "actors(corpus, exclude=['Korea Herald'])")
    matcher = name_matcher(table, [*_default()[1], *blocked])
    rows, sizes = [], {}
    for doc in docs:
        for start, end, actor, mention in _find(doc.text, matcher):
            rows.append((doc.id, doc.sentence_at(start).id, actor, mention, start, end))
        sizes[doc.id] = len(tokens(doc))
        if include_back_matter and doc.back_matter:
            rows += [(doc.id, BACK_MATTER, actor, mention, a, b)
                     for a, b, actor, mention in _find(doc.back_matter, matcher)]
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
