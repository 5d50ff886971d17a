"""Comparing the arguments: argument maps, comparison questions, who-should-do-what.

The maps (``kit/data/arguments/cho.yaml``, ``yang.yaml``) and the comparison questions
(``comparisons.yaml``) are the kit's close reading, shipped as data and checked on load:
every cited sentence id must exist and every quoted phrase must be in a cited sentence.

Choices (documented here so tables read the same everywhere):

* ``cites`` columns are strings in the citation convention, ``"cho 3.3; cho 3.4"``, so
  ``f"[{row.cites}]"`` is a valid citation; split with ``cites.split("; ")``.
* A claim has a ``speaker``: ``"author"`` or whose view the author reports.  Cho's
  sentence on what "many Western security analysts" argue the U.S. should do [cho 3.1]
  is a view Cho rejects [cho 3.2], so it is a ``concession`` spoken by those analysts,
  not Cho's recommendation; :func:`recommendations` marks it ``reported=True``.
* :func:`recommendations` on a text with no recommendation returns an empty table with
  the usual columns and a warning saying what was looked for: the text is not wrong,
  and an empty table still works in ``pd.concat``, ``len()`` and loops over documents.
"""
from __future__ import annotations

import bisect
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ._citations import problems, quote_in
from ._resources import load_yaml
from .corpus import Document, documents_of, load_corpus
from .loading import load_text  # noqa: F401 (doctest)
from .errors import did_you_mean
from .errors import DataFileError, KitError, UnknownDocument, UnknownQuestion, WrongType

__all__ = ["arguments", "compare_arguments", "comparison_questions", "recommendations",
           "side_by_side_html", "CLAIM_TYPES", "RELATIONS"]

DOCS = ("cho", "yang")
CLAIM_TYPES = ("thesis", "diagnosis", "evidence", "prediction", "recommendation", "concession")
RELATIONS = ("agree", "differ", "only cho", "only yang")
MAP_COLUMNS = ["doc", "claim_id", "type", "speaker", "paraphrase", "cites", "quotes",
               "addressee", "polarity", "supports", "note"]
COMPARE_COLUMNS = ["question_id", "question", "cho_position", "cho_cites", "yang_position",
                   "yang_cites", "relation", "note"]
REC_COLUMNS = ["doc", "sentence_id", "actor", "subject", "modal", "negated", "reported", "text"]


# --- argument maps ---------------------------------------------------------------

def arguments(doc):
    """The argument map of one text: one row per claim, the thesis first.

    Columns ``doc, claim_id, type, speaker, paraphrase, cites, quotes, addressee,
    polarity, supports, note``; ``cites`` is a string such as ``"cho 3.3; cho 3.4"``.
    ``doc`` is ``"cho"``, ``"yang"``, a document of the corpus, or the corpus
    (both maps, one after the other).

    >>> arguments("cho").query("type == 'recommendation'")[["claim_id", "cites", "addressee"]]
             claim_id    cites    addressee
    14  cho-collaborate  cho 3.6  United States
    16     cho-best-way  cho 3.8   not stated
    """
    if isinstance(doc, str):
        ids = [doc]
    elif isinstance(doc, Document):
        ids = [doc.id]
    else:
        try:
            ids = [d.id for d in documents_of(doc, "arguments")]
        except WrongType:
            raise WrongType(
                f"arguments() takes a document id ('cho' or 'yang'), a document or the corpus, "
                f"not a {type(doc).__name__}. Example: kit.arguments('yang')."
            ) from None
    rows = [row for doc_id in ids for row in _map_rows(_known_doc(doc_id))]
    return pd.DataFrame(rows, columns=MAP_COLUMNS)


def _known_doc(doc_id: str) -> str:
    if doc_id not in DOCS:
        raise UnknownDocument(
            f"There is no argument map for {doc_id!r}; the kit has maps for {', '.join(DOCS)}. "
            "For your own text, try kit.recommendations(doc) and map the argument by hand."
        )
    return doc_id


def _map_rows(doc_id: str) -> list[dict]:
    data = _load_map(doc_id)
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


@lru_cache(maxsize=None)
def _shipped_map(doc_id: str) -> dict:
    return _validate_map(load_yaml(f"arguments/{doc_id}.yaml"), f"kit/data/arguments/{doc_id}.yaml")


def _load_map(doc_id: str, path: str | Path | None = None) -> dict:
    """Load and validate one map; ``path`` (for tests) reads another file instead."""
    if path is None:
        return _shipped_map(doc_id)
    return _validate_map(_read_yaml(path, "argument map"), str(path))


def _read_yaml(path, what: str):
    import yaml

    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read this {what} ({exc}). Fix the file (YAML).") from None


def _validate_map(data, where: str) -> dict:
    if not isinstance(data, dict) or data.get("doc") not in DOCS or not isinstance(data.get("claims"), list):
        raise DataFileError(f"{where}: an argument map needs `doc` ({' or '.join(DOCS)}), "
                            "`thesis` and a list of `claims`. Compare with kit/data/arguments/cho.yaml.")
    doc_id, corpus, seen = data["doc"], load_corpus(), set()
    if not isinstance(data.get("thesis"), dict):
        raise DataFileError(f"{where}: `thesis` must have a `paraphrase` and `cites`.")
    for claim in [{"id": "thesis", "type": "thesis", **data["thesis"]}, *data["claims"]]:
        cid = claim.get("id") if isinstance(claim, dict) else None
        bad = lambda msg: DataFileError(f"{where}: claim {cid!r}: {msg}")  # noqa: E731
        if not cid or cid in seen:
            raise bad("every claim needs an `id`, unique in the file.")
        seen.add(cid)
        if claim.get("type") not in CLAIM_TYPES:
            raise bad(f"`type` is {claim.get('type')!r}; use one of {', '.join(CLAIM_TYPES[1:])}.")
        if not isinstance(claim.get("paraphrase"), str) or not claim["paraphrase"].strip():
            raise bad("`paraphrase` is missing; write the claim in your own words.")
        cites = claim.get("cites")
        if not isinstance(cites, list) or not cites:
            raise bad("`cites` must list the sentence ids the claim rests on, e.g. [cho 3.3].")
        for sid in cites:
            try:
                sentence = corpus.sentence(sid)
            except KitError:
                raise bad(f"cites {sid!r}, which is not a sentence of the corpus; "
                          f"kit.sentences(kit.load_corpus()['{doc_id}']) lists the ids.") from None
            if sentence.doc != doc_id:
                raise bad(f"cites {sid!r} from another text; a map of {doc_id!r} cites {doc_id!r} only.")
        for phrase in claim.get("quotes") or []:
            if not any(quote_in(phrase, corpus.sentence(s).text) for s in cites):
                raise bad(f"quotes {phrase!r}, which is not in {', '.join(cites)}; quote word for word.")
        if claim["type"] == "recommendation" or "addressee" in claim:
            if not isinstance(claim.get("addressee"), str) or claim.get("polarity") not in ("do", "don't"):
                raise bad("a recommendation needs `addressee` (an actor name or 'not stated') "
                          "and `polarity` (do or don't).")
    return data


# --- comparison questions ----------------------------------------------------------

def comparison_questions():
    """The comparison questions: ``question_id, question, relation``.

    >>> comparison_questions().question_id.tolist()[:3]
    ['bond-durability', 'wedge', 'us-work-with-china']
    """
    return compare_arguments()[["question_id", "question", "relation"]]


def compare_arguments(question: str | None = None):
    """Both authors' positions side by side, one row per comparison question.

    Columns ``question_id, question, cho_position, cho_cites, yang_position, yang_cites,
    relation, note``; ``relation`` is agree, differ, only cho or only yang.  Give a
    ``question`` id for one row.

    >>> compare_arguments("us-work-with-china")[["cho_cites", "relation", "yang_cites"]]
                         cho_cites relation             yang_cites
    0  cho 3.6; cho 3.7; cho 3.8    agree  yang 6.1; yang 8.2
    """
    questions = _load_questions()
    if question is not None:
        if not isinstance(question, str):
            raise WrongType(f"question must be an id such as 'wedge', not a {type(question).__name__}.")
        questions = [q for q in questions if q["id"] == question]
        if not questions:
            ids = ", ".join(q["id"] for q in _load_questions())
            known = [q["id"] for q in _load_questions()]
            raise UnknownQuestion(f"There is no comparison question {question!r}.{did_you_mean(question, known)} "
                                  f"Known ids: {ids}.")
    rows = [{
        "question_id": q["id"], "question": q["question"],
        "cho_position": q["cho"]["position"].strip(), "cho_cites": "; ".join(q["cho"]["cites"]),
        "yang_position": q["yang"]["position"].strip(), "yang_cites": "; ".join(q["yang"]["cites"]),
        "relation": q["relation"], "note": q["note"].strip(),
    } for q in questions]
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


@lru_cache(maxsize=None)
def _shipped_questions() -> tuple:
    return tuple(_validate_questions(load_yaml("arguments/comparisons.yaml"),
                                     "kit/data/arguments/comparisons.yaml"))


def _load_questions(path: str | Path | None = None) -> list[dict]:
    if path is None:
        return list(_shipped_questions())
    return _validate_questions(_read_yaml(path, "comparison questions"), str(path))


def _validate_questions(data, where: str) -> list[dict]:
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions:
        raise DataFileError(f"{where}: needs a list `questions`; compare with kit/data/arguments/comparisons.yaml.")
    corpus, seen = load_corpus(), set()
    for q in questions:
        qid = q.get("id") if isinstance(q, dict) else None
        if not qid or qid in seen:
            raise DataFileError(f"{where}: every question needs an `id`, unique in the file (got {qid!r}).")
        seen.add(qid)
        if q.get("relation") not in RELATIONS:
            raise DataFileError(f"{where}: question {qid!r}: `relation` is {q.get('relation')!r}; "
                                f"use one of {', '.join(RELATIONS)}.")
        for doc_id in DOCS:
            side = q.get(doc_id)
            if not isinstance(side, dict) or not isinstance(side.get("position"), str):
                raise DataFileError(f"{where}: question {qid!r}: `{doc_id}` needs a `position` and `cites`.")
            absent = side["position"].strip().startswith("Not addressed")
            if absent == bool(side.get("cites")) or absent != (q["relation"] == f"only {_other(doc_id)}"):
                raise DataFileError(
                    f"{where}: question {qid!r}: `{doc_id}` has position {side['position'][:40]!r}, "
                    f"cites {side.get('cites')} and relation {q['relation']!r}, which do not fit: a "
                    "position starting 'Not addressed' has no cites and goes with 'only <other author>'.")
            for sid in side.get("cites") or []:
                if not sid.startswith(f"{doc_id} "):
                    raise DataFileError(f"{where}: question {qid!r}: `{doc_id}` cites {sid!r}.")
        text = " ".join([q["cho"]["position"], q["yang"]["position"], q.get("note") or "",
                         " ".join(f"[{s}]" for d in DOCS for s in q[d].get("cites") or [])])
        found = problems(text, corpus, f"{where}: question {qid!r}")
        if found:
            raise DataFileError("; ".join(found))
    return questions


def _other(doc_id: str) -> str:
    return "yang" if doc_id == "cho" else "cho"


def side_by_side_html(question: str, *, context: bool = True) -> str:
    """HTML of one comparison question: both positions in two columns, with each cited
    sentence shown (in its paragraph when ``context``) and highlighted.  All text is escaped.

    >>> "<mark" in side_by_side_html("wedge")
    True
    """
    import html

    row = compare_arguments(question).iloc[0]
    corpus = load_corpus()
    cols = []
    for doc_id in DOCS:
        cited = [s for s in row[f"{doc_id}_cites"].split("; ") if s]
        sentences = [corpus.sentence(s) for s in cited]
        paras = sorted({s.paragraph for s in sentences})
        body = []
        for p in paras if context else []:
            parts = [(f"<mark title='{s.id}'>" if s.id in cited else "<span style='color: var(--jp-content-font-color2, #595959)'>")
                     + f"<sup>{s.id}</sup> {html.escape(s.text)}"
                     + ("</mark>" if s.id in cited else "</span>")
                     for s in corpus[doc_id].sentences if s.paragraph == p]
            body.append(f"<p>¶{p} " + " ".join(parts) + "</p>")
        if not context:
            body = [f"<p><mark>{html.escape(s.id)}</mark> {html.escape(s.text)}</p>" for s in sentences]
        doc = corpus[doc_id]
        inferred = " (inferred)" if str(doc.metadata.get("date_basis", "")).startswith("inferred") else ""
        cols.append(
            "<div style='flex:1;min-width:0;padding:0 8px'>"
            f"<h4>{html.escape(doc.author)}</h4><p><i>Date{inferred}: {html.escape(doc.date)}</i></p>"
            f"<p><b>Position:</b> {html.escape(row[f'{doc_id}_position'])}</p>"
            + ("".join(body) or "<p><i>No sentence cited.</i></p>") + "</div>")
    return (f"<div><h3>{html.escape(row['question'])}</h3>"
            f"<p><b>Relation:</b> {html.escape(row['relation'])} &mdash; {html.escape(row['note'])}</p>"
            f"<div style='display:flex;gap:12px'>{''.join(cols)}</div></div>")


# --- who should do what --------------------------------------------------------------

_WORD = r"[^\W\d_]"
# A cue of obligation or advice. Groups: neg (negation), modal (the form found).
_CUE_RE = re.compile(
    r"\b(?P<m1>should|must|ought)(?P<n1>n['’]t|\s+not)?(?:\s+to)?\b"
    r"|\b(?:does|do|did)(?P<n2>\s+not|n['’]t)\s+(?P<m2>need|have)\s+to\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\bno )\b(?P<m3>needs|need|has|have)\s+to\b(?!\s+do\s+with\b)"
    r"|\b(?P<m4>need)(?P<n4>\s+not|n['’]t)\b"
    r"|\bit\s+is\s+(?P<n5>not\s+)?(?P<m5>necessary|essential|imperative|vital)"
    r"(?:\s+for\s+(?P<for>[^,;:]+?))?\s+to\b"
    r"|\b(?P<m6>(?:the\s+)?(?:most\s+desirable|best)\s+(?:situation|outcome|option|way|course|approach|path))\b",
    re.IGNORECASE,
)
_MODAL_NAMES = {"needs": "need to", "need": "need to", "has": "have to", "have": "have to",
                "ought": "ought to"}
_BOUNDARY_RE = re.compile(
    r"(?:[,;:—–(]|\s-\s|\b(?:that|who|which|because|since|if|when|while|although|but|so|instead of)\b)",
    re.IGNORECASE)
_REPORTING = (r"(?:argue[sd]?|argued|say|says|said|claim(?:s|ed)?|believe[sd]?|suggest(?:s|ed)?|"
              r"insist(?:s|ed)?|contend(?:s|ed)?|propose[sd]?|think|thinks|recommend(?:s|ed)?|"
              r"urge[sd]?|maintain(?:s|ed)?|assert(?:s|ed)?)")
_REPORTING_RE = re.compile(rf"(?:\b{_REPORTING}\s+that|\baccording\s+to\b.*)$", re.IGNORECASE)
_REPORTING_IN_SUBJECT_RE = re.compile(rf"^.*(?<!\bto )\b{_REPORTING}\s+(?=\S)", re.IGNORECASE)


def recommendations(doc, *, gazetteer: dict | None = None):
    """Sentences that say who should (or should not) do what, found by rules.

    Cues: *should, must, ought to, need(s) to, has/have to* and their negations,
    *it is necessary / essential (for X) to*, and evaluative *the best way, the most
    desirable situation*.  ``actor`` is the subject before the cue normalised through the
    gazetteer of :func:`kit.actors` (``"the U.S."`` -> ``"United States"``; add your own
    with ``gazetteer={"Iran": ["Iran", "Tehran"]}``), or missing (NaN) when the subject names no
    actor ("it is necessary to ...", "we must ..."); ``subject`` is the raw words.
    ``reported`` is True when the advice is someone else's that the author reports
    ("analysts ... have argued that the United States ... should ..."): read those
    sentences before counting them as the author's view.

    Rules read grammar, not meaning: an epistemic *must* ("she must be tired") is found
    too, and advice phrased otherwise is missed.  A text with no cue gives an empty table
    (same columns) and a warning saying what was looked for.

    >>> doc = load_text("Seoul should talk. Talks help. We must not wait.", id="demo")
    >>> recommendations(doc)[["sentence_id", "actor", "subject", "modal", "negated"]]
      sentence_id        actor subject   modal  negated
    0    demo 1.1  South Korea   Seoul  should    False
    1    demo 1.3          NaN      We    must     True
    """
    docs = documents_of(doc, "recommendations")
    rows = [row for doc in docs for sentence in doc.sentences for row in _sentence_recommendations(sentence)]
    _add_actors(rows, gazetteer)
    if not rows:
        names = ", ".join(repr(d.id) for d in docs)
        warnings.warn(
            f"No recommendation found in {names}: no sentence uses should, must, ought to, "
            "need(s) to, has/have to, 'it is necessary to' or 'the best way'. The text may "
            "advise in other words; read it and note recommendations by hand.",
            UserWarning, stacklevel=2)
    return pd.DataFrame(rows, columns=REC_COLUMNS)


def _sentence_recommendations(sentence) -> list[dict]:
    out = []
    for cue in _CUE_RE.finditer(sentence.text):
        g = cue.groupdict()
        modal = next(g[k] for k in ("m1", "m2", "m3", "m4", "m5", "m6") if g[k])
        negated = any(g[k] for k in ("n1", "n2", "n4", "n5"))
        before = sentence.text[:cue.start()]
        reported, span = False, (0, 0)
        if g["m6"]:
            modal = re.sub(r"\s+", " ", modal.lower()).removeprefix("the ")
        elif g["m5"]:
            span, modal = (cue.span("for") if g["for"] else span), f"it is {modal.lower()} to"
        else:
            cut = max((m.end() for m in _BOUNDARY_RE.finditer(before)), default=0)
            reported = bool(cut and _REPORTING_RE.search(before[:cut].rstrip()))
            verb = _REPORTING_IN_SUBJECT_RE.match(before[cut:])  # "Critics say Beijing should"
            if verb:
                cut, reported = cut + verb.end(), True
            cut += len(before[cut:]) - len(before[cut:].lstrip())
            span = (cut, len(before.rstrip()))
            modal = _MODAL_NAMES.get(modal.lower(), modal.lower())
        out.append({"doc": sentence.doc, "sentence_id": sentence.id,
                    "actor": None, "subject": sentence.text[span[0]:span[1]],
                    "modal": modal, "negated": negated, "reported": reported, "text": sentence.text})
    return out


def _add_actors(rows: list[dict], gazetteer) -> None:
    """Fill ``actor`` from the gazetteer mentions (kit.actors) inside each row's subject.

    Only the subjects are read (joined as one small document), not whole texts.
    """
    from .mentions import actors

    starts, parts, pos = [], [], 0
    for row in rows:
        starts.append(pos)
        parts.append(row["subject"] or "-")
        pos += len(parts[-1]) + 2  # joined with a blank line: one paragraph per subject
    if not any(row["subject"] for row in rows):
        return
    found = actors(Document(id="subjects", text="\n\n".join(parts)), gazetteer=gazetteer)
    names: dict[int, list[str]] = {}
    for start, actor in zip(found.start.tolist(), found.actor.tolist()):
        i = bisect.bisect_right(starts, start) - 1
        if actor not in names.setdefault(i, []):
            names[i].append(actor)
    for i, actor_names in names.items():
        rows[i]["actor"] = "; ".join(actor_names)
