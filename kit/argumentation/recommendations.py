"""Who should do what: the rule-based recommendation extractor.

:func:`recommendations` finds sentences of obligation or advice by their grammar
(*should, must, ought to, need(s) to, has/have to*, *it is necessary to*, *the best
way*), and reads the subject before the cue as the actor.

Choices (documented here so tables read the same everywhere):

* Advice the author reports ("analysts ... have argued that the United States ...
  should ...") is marked ``reported=True``: read those sentences before counting them
  as the author's view.
* A text with no recommendation gives an empty table with the usual columns and a
  warning saying what was looked for: the text is not wrong, and an empty table still
  works in ``pd.concat``, ``len()`` and loops over documents.
"""
from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Mapping, Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..corpus.loading import load_text  # noqa: F401 (doctest)

__all__ = ["recommendations", "REC_COLUMNS"]

REC_COLUMNS = ["doc", "sentence_id", "actor", "subject", "modal", "negated", "reported", "text"]

_WORD = r"[^\W\d_]"
# A cue of obligation or advice. Groups: neg (negation), modal (the form found).
_CUE_RE = re.compile(
    r"\b(?P<m1>should|must|ought)(?P<n1>n['’]t|\s+not)?(?:\s+to)?\b"
    r"|\b(?:does|do|did)(?P<n2>\s+not|n['’]t)\s+(?P<m2>need|have)\s+to\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\bno )\b(?P<m3>needs|need|has|have)\s+to\b(?!\s+do\s+with\b)"
    r"|\b(?P<m4>need)(?P<n4>\s+not|n['’]t)\b"
    r"|\bit\s+is\s+(?P<n5>not\s+)?(?P<m5>necessary|essential|imperative|vital)"
    r"(?:\s+for\s+(?P<for>[^,;:]{1,200}?))?\s+to\b"
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
_REPORTING_IN_SUBJECT_RE = re.compile(rf".*(?<!\bto )\b{_REPORTING}\s+(?=\S)", re.IGNORECASE)


def recommendations(doc: Document | Mapping[str, Document] | Sequence[Document], *,
                    gazetteer: dict | None = None) -> pd.DataFrame:
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


#: How far back from a cue its subject and a reporting verb are looked for (characters).
#: A subject is a few words; bounding the look-back keeps the extractor linear in the
#: length of a sentence, even in a long text with no full stop.
LOOKBACK = 300


def _sentence_recommendations(sentence) -> list[dict]:
    text = sentence.text
    out = []
    boundaries = None  # the ends of clause boundaries, found once per sentence
    previous = 0  # the end of the previous cue: a subject does not reach back past it
    for cue in _CUE_RE.finditer(text):
        g = cue.groupdict()
        modal = next(g[k] for k in ("m1", "m2", "m3", "m4", "m5", "m6") if g[k])
        negated = any(g[k] for k in ("n1", "n2", "n4", "n5"))
        reported, span = False, (0, 0)
        if g["m6"]:
            modal = re.sub(r"\s+", " ", modal.lower()).removeprefix("the ")
        elif g["m5"]:
            span, modal = (cue.span("for") if g["for"] else span), f"it is {modal.lower()} to"
        else:
            if boundaries is None:
                boundaries = [m.end() for m in _BOUNDARY_RE.finditer(text)]
            here = cue.start()
            floor = max(0, here - LOOKBACK)
            i = bisect.bisect_right(boundaries, here) - 1
            cut = max(boundaries[i] if i >= 0 else 0, previous)
            if cut < floor:  # no boundary close by: start the subject at a word
                space = text.find(" ", floor, here)
                cut = space + 1 if floor and space >= 0 else floor
            lead = text[max(0, cut - LOOKBACK):cut].rstrip()
            reported = bool(cut and (_REPORTING_RE.search(lead[-80:])  # "... argued that"
                                     or ("accord" in lead.lower() and _REPORTING_RE.search(lead))))
            verb = _REPORTING_IN_SUBJECT_RE.match(text, cut, here)  # "Critics say Beijing should"
            if verb:
                cut, reported = verb.end(), True
            before = text[cut:here]
            cut += len(before) - len(before.lstrip())
            span = (cut, cut + len(before.strip()))
            modal = _MODAL_NAMES.get(modal.lower(), modal.lower())
        previous = cue.end()
        out.append({"doc": sentence.doc, "sentence_id": sentence.id,
                    "actor": None, "subject": text[span[0]:span[1]],
                    "modal": modal, "negated": negated, "reported": reported, "text": text})
    return out


def _add_actors(rows: list[dict], gazetteer) -> None:
    """Fill ``actor`` from the gazetteer mentions (kit.actors) inside each row's subject.

    Only the subjects are read (joined as one small document), not whole texts.
    """
    from ..analysis.actors import actors

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
