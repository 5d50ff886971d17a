"""Argument maps: one row per claim of a text, read sentence by sentence.

A text's map is ``arguments/<id>.yaml`` in its course folder (the built-in course's
maps are ``kit/data/arguments/cho.yaml`` and ``yang.yaml``).  A map is checked on
load: every cited sentence id must be a sentence of that text and every quoted phrase
must be in a cited sentence.

Choices (documented here so tables read the same everywhere):

* ``cites`` columns are strings in the citation convention, ``"cho 3.3; cho 3.4"``, so
  ``f"[{row.cites}]"`` is a valid citation; split with ``cites.split("; ")``.
* A claim has a ``speaker``: ``"author"`` or whose view the author reports.  Cho's
  sentence on what "many Western security analysts" argue the U.S. should do [cho 3.1]
  is a view Cho rejects [cho 3.2], so it is a ``counter`` (reported) view spoken by those analysts,
  not Cho's recommendation.  The fears of "Chinese officials" that Cho reports [cho 2.2;
  cho 2.3] have that speaker too: a reported view is any row whose speaker is not "author".
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from .citations import quote_in
from ..corpus.course import course_file, load_corpus
from ..corpus.documents import Corpus, Document, documents_of
from ..errors import DataFileError, KitError, UnknownDocument, WrongType, did_you_mean
from ..errors import shown as echo
from ..files.yamlfile import file_stamp, read_yaml_cached

if TYPE_CHECKING:  # only for type hints (importlib.resources.abc is Python 3.11+)
    from importlib.resources.abc import Traversable

__all__ = ["arguments", "load_map", "map_path", "validate_map", "CLAIM_TYPES", "MAP_COLUMNS"]

CLAIM_TYPES = ("thesis", "diagnosis", "evidence", "prediction", "recommendation", "concession", "counter")
MAP_COLUMNS = ["doc", "claim_id", "type", "speaker", "paraphrase", "cites", "quotes",
               "addressee", "polarity", "supports", "note"]


def arguments(doc: Document | str, *, corpus: Corpus | None = None) -> pd.DataFrame:
    """The argument map of a text: one row per claim, the thesis first.

    Parameters
    ----------
    doc : str, Document, Corpus or list of Documents
        A document id of ``corpus`` (``"cho"``), a document of a course, or a corpus
        (the maps of its texts that have one, one after the other).
    corpus : Corpus, optional
        Where a string id is looked up (default: the built-in course).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc, claim_id, type, speaker, paraphrase, cites, quotes, addressee,
        polarity, supports, note``; ``cites`` is a string such as ``"cho 3.3; cho 3.4"``.

    >>> arguments("cho").query("type == 'recommendation'")[["claim_id", "cites", "addressee"]]
             claim_id    cites    addressee
    15  cho-collaborate  cho 3.6  United States
    17     cho-best-way  cho 3.8   not stated
    """
    if isinstance(doc, str):
        corpus = corpus if corpus is not None else load_corpus()
        ids = {d.lower(): d for d in corpus}
        if doc.strip().lower() not in ids:
            raise UnknownDocument(
                f"There is no argument map for {echo(doc)}: there is no text {echo(doc)} in the course."
                f"{did_you_mean(doc.lower(), list(ids.values()))} "
                f"Its texts are {', '.join(ids.values())}; e.g. kit.arguments({next(iter(ids.values()))!r}).")
        docs = [corpus[ids[doc.strip().lower()]]]
    else:
        try:
            docs = documents_of(doc, "arguments")
        except WrongType:
            raise WrongType(
                f"arguments() takes a document id (such as 'cho'), a document or the corpus, "
                f"not a {type(doc).__name__}. Example: kit.arguments('yang')."
            ) from None
    if len(docs) > 1:
        with_map = [d for d in docs if _has_map(d)]
        if not with_map:
            _map_file(docs[0], several=[d.id for d in docs])
        docs = with_map
    rows = [row for d in docs for row in _map_rows(d.id, load_map(d))]
    return pd.DataFrame(rows, columns=MAP_COLUMNS)


def map_path(doc: Document) -> Traversable | None:
    """Where the map of ``doc`` lives: ``<course>/arguments/<id>.yaml`` (None outside a course).

    >>> from kit.corpus.loading import load_text
    >>> map_path(load_corpus()["yang"]).name, map_path(load_text("A text.", id="mine"))
    ('yang.yaml', None)
    """
    if getattr(doc, "folder", None) is None:
        return None
    return doc.folder.joinpath("arguments", f"{doc.id}.yaml")


def _has_map(doc: Document) -> bool:
    path = map_path(doc)
    return path is not None and path.is_file()


def _map_file(doc: Document, *, several: list[str] | None = None) -> Traversable:
    """The map file of ``doc``; if it has none, an :class:`~kit.UnknownDocument` says how to add one."""
    what = f"argument map for any of {several}" if several else f"argument map for {echo(doc.id)}"
    return course_file(getattr(doc, "folder", None), "arguments", f"{doc.id}.yaml", what=what,
                       error=UnknownDocument, model="arguments/cho.yaml",
                       then=" and load the course with kit.load_corpus(DIR). Meanwhile kit.recommendations(doc) "
                            "finds who-should-do-what sentences by rule")


def load_map(doc: Document, path=None) -> dict:
    """Read and check the map of ``doc`` (or the map file ``path``, checked against ``doc``).

    Raises :class:`~kit.UnknownDocument` when the text has no map, and
    :class:`~kit.DataFileError` naming ``file:line`` and the claim when the map is wrong.

    >>> load_map(load_corpus()["cho"])["doc"]
    'cho'
    """
    if not isinstance(doc, Document):
        raise WrongType(f"load_map() takes a Document, not a {type(doc).__name__}.")
    if path is None:
        path = _map_file(doc)
    stamp = file_stamp(path)
    if stamp is None:
        data, lines = read_yaml_cached(path, source=str(path))
        return validate_map(data, str(path), doc, lines=lines)
    return _checked_map(path, stamp, doc)


@lru_cache(maxsize=32)
def _checked_map(path, stamp: tuple, doc: Document) -> dict:
    """A checked map, remembered per file version and document."""
    data, lines = read_yaml_cached(path, source=str(path))
    return validate_map(data, str(path), doc, lines=lines)


def _map_rows(doc_id: str, data: dict) -> list[dict]:
    thesis = {"id": f"{doc_id}-thesis", "type": "thesis", **data["thesis"]}
    rows = []
    for claim in [thesis, *data["claims"]]:
        rows.append({
            "doc": doc_id, "claim_id": claim["id"], "type": claim["type"],
            "speaker": claim.get("speaker", "author"), "paraphrase": claim["paraphrase"].strip(),
            "cites": "; ".join(claim["cites"]),
            "quotes": "; ".join(f'"{q}"' for q in claim.get("quotes", [])),
            "addressee": claim.get("addressee"), "polarity": claim.get("polarity"),
            "supports": claim.get("supports"), "note": claim.get("note"),
        })
    return rows


def validate_map(data, where: str, doc: Document, *, lines=None) -> dict:
    """Check a map's shape, ids and quotations against ``doc``; return it unchanged.

    Errors read ``<where>:<line>: claim 'id': what — fix``.

    >>> doc = load_corpus()["cho"]
    >>> validate_map({"doc": "cho", "thesis": {"paraphrase": "Futile.", "cites": ["cho 3.2"]},
    ...               "claims": [{"id": "x", "type": "evidence", "paraphrase": "p", "cites": ["cho 9.9"]}]},
    ...              "map.yaml", doc)
    Traceback (most recent call last):
    ...
    kit.errors.DataFileError: map.yaml: claim 'x': cites 'cho 9.9', which is not a sentence of the corpus — kit.sentences(corpus['cho']) lists the ids.
    """
    at = (lambda path: f"{where}:{lines(path)}") if lines is not None else (lambda path: where)  # noqa: E731
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise DataFileError(f"{at(())}: an argument map needs `doc`, `thesis` and a list of `claims` — "
                            "compare with kit/data/arguments/cho.yaml.")
    if data.get("doc") != doc.id:
        raise DataFileError(f"{at(('doc',))}: the map says doc: {data.get('doc')!r} but is the map of "
                            f"{echo(doc.id)} — write doc: {doc.id}.")
    if not isinstance(data.get("thesis"), dict):
        raise DataFileError(f"{at(('thesis',))}: `thesis` must have a `paraphrase` and `cites`.")
    single, seen = Corpus([doc]), set()
    claims = [(("thesis",), {"id": "thesis", "type": "thesis", **data["thesis"]})]
    claims += [(("claims", i), c) for i, c in enumerate(data["claims"])]
    for path, claim in claims:
        cid = claim.get("id") if isinstance(claim, dict) else None

        def bad(msg: str, key: str | None = None):
            return DataFileError(f"{at((*path, key) if key else path)}: claim {echo(cid)}: {msg}")

        if not cid or cid in seen:
            raise bad("every claim needs an `id`, unique in the file — rename one.")
        seen.add(cid)
        if claim.get("type") not in CLAIM_TYPES:
            raise bad(f"`type` is {claim.get('type')!r} — use one of {', '.join(CLAIM_TYPES[1:])}.", "type")
        if not isinstance(claim.get("paraphrase"), str) or not claim["paraphrase"].strip():
            raise bad("`paraphrase` is missing — write the claim in your own words.")
        cites = claim.get("cites")
        if not isinstance(cites, list) or not cites:
            raise bad(f"`cites` must list the sentence ids the claim rests on — e.g. [{doc.id} 1.1].", "cites")
        for sid in cites:
            if not isinstance(sid, str) or sid.split()[:1] != [doc.id]:
                other = "another text" if isinstance(sid, str) else "not a sentence id"
                raise bad(f"cites {echo(sid)} from {other} — a map of {echo(doc.id)} cites {echo(doc.id)} only.", "cites")
            try:
                single.sentence(sid)
            except KitError:
                raise bad(f"cites {echo(sid)}, which is not a sentence of the corpus — "
                          f"kit.sentences(corpus['{doc.id}']) lists the ids.", "cites") from None
        for phrase in claim.get("quotes") or []:
            if not any(quote_in(str(phrase), single.sentence(s).text) for s in cites):
                raise bad(f"quotes {echo(phrase)}, which is not in {', '.join(cites)} — quote word for word.",
                          "quotes")
        if claim["type"] == "recommendation" or "addressee" in claim:
            if not isinstance(claim.get("addressee"), str) or claim.get("polarity") not in ("do", "don't"):
                raise bad("a recommendation needs `addressee` (an actor name or 'not stated') "
                          "and `polarity` (do or don't).")
    return data

