"""Comparing the arguments: the comparison questions, two or more texts side by side.

A course's comparison questions are ``arguments/comparisons.yaml`` in its folder (the
built-in course's: ``kit/data/arguments/comparisons.yaml``).  Each question has an
``id``, the ``question``, one entry per text it compares (keyed by the document id:
``position`` and ``cites``), a ``relation`` (``agree``, ``differ`` or ``only <id>``)
and a ``note``.  A text that does not take the question up has a position starting
"Not addressed" and no cites.  Checked on load: every cited id exists and every
quotation is in the sentence it cites.

The argument maps and the recommendation extractor live in :mod:`kit.argumentation.maps`
and :mod:`kit.argumentation.recommendations`.
"""
from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from .citations import problems
from ..corpus.course import course_file, load_corpus
from ..corpus.documents import Corpus
from ..errors import DataFileError, UnknownQuestion, WrongType, did_you_mean
from ..files.yamlfile import file_stamp, read_yaml_cached

if TYPE_CHECKING:  # only for type hints (importlib.resources.abc is Python 3.11+)
    from importlib.resources.abc import Traversable

__all__ = ["compare_arguments", "comparison_questions", "side_by_side_html", "load_questions",
           "validate_questions", "comparisons_path", "RELATIONS"]

#: The relations of the built-in course (any course: agree, differ, only <id>).
RELATIONS = ("agree", "differ", "only cho", "only yang")
#: The columns of the built-in course's table (any course: ``<id>_position, <id>_cites`` per text).
COMPARE_COLUMNS = ["question_id", "question", "cho_position", "cho_cites", "yang_position",
                   "yang_cites", "relation", "also", "note"]
_KEYS = ("id", "question", "relation", "also", "note")


def comparisons_path(corpus: Corpus) -> Traversable | None:
    """``<course>/arguments/comparisons.yaml`` of a course corpus (None outside a course).

    >>> comparisons_path(load_corpus()).name
    'comparisons.yaml'
    """
    folder = getattr(corpus, "folder", None)
    return None if folder is None else folder.joinpath("arguments", "comparisons.yaml")


def load_questions(corpus=None, path=None) -> list[dict]:
    """The checked comparison questions of ``corpus``'s course (or of the file ``path``).

    >>> load_questions()[0]["id"]
    'bond-durability'
    """
    corpus = corpus if corpus is not None else load_corpus()
    if path is None:
        path = course_file(getattr(corpus, "folder", None), "arguments", "comparisons.yaml",
                           what="comparison questions", error=UnknownQuestion)
    stamp = file_stamp(path)
    if stamp is None:
        data, lines = read_yaml_cached(path, source=str(path))
        return validate_questions(data, str(path), corpus, lines=lines)
    return list(_checked_questions(path, stamp, tuple(corpus.values()), getattr(corpus, "folder", None)))


@lru_cache(maxsize=16)
def _checked_questions(path, stamp: tuple, docs: tuple, folder) -> tuple:
    """Checked questions, remembered per file version and per set of documents."""
    data, lines = read_yaml_cached(path, source=str(path))
    return tuple(validate_questions(data, str(path), Corpus(docs, folder=folder), lines=lines))


def validate_questions(data, where: str, corpus, *, lines=None) -> list[dict]:
    """Check comparison questions against ``corpus``; errors read ``<where>:<line>: what — fix``.

    >>> q = {"id": "q", "question": "Q?", "relation": "agree", "note": "",
    ...      "cho": {"position": "Yes [cho 3.2].", "cites": ["cho 3.2"]},
    ...      "yang": {"position": "Not addressed.", "cites": []}}
    >>> validate_questions({"questions": [q]}, "q.yaml", load_corpus())
    Traceback (most recent call last):
    ...
    kit.errors.DataFileError: q.yaml: question 'q': relation 'agree' needs two texts that address the question; only ['cho'] do — use 'only <id>' or write the other positions.
    """
    at = (lambda path: f"{where}:{lines(path)}") if lines is not None else (lambda path: where)  # noqa: E731
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions:
        raise DataFileError(f"{at(())}: needs a list `questions` — compare with "
                            "kit/data/arguments/comparisons.yaml.")
    ids, seen = {d.lower(): d for d in corpus}, set()
    for i, q in enumerate(questions):
        qid = q.get("id") if isinstance(q, dict) else None

        def bad(msg: str, *key):
            return DataFileError(f"{at(('questions', i, *key))}: question {qid!r}: {msg}")

        if not isinstance(qid, str) or not qid or qid in seen:
            raise DataFileError(f"{at(('questions', i))}: every question needs an `id`, unique in the "
                                f"file (got {qid!r}) — give it one.")
        seen.add(qid)
        if not isinstance(q.get("question"), str):
            raise bad("`question` is missing — write the question the texts are compared on.")
        unknown = [k for k in q if k not in _KEYS and k not in ids.values()]
        if unknown:
            raise bad(f"{unknown[0]!r} is not a text of the course ({', '.join(ids.values())}) — "
                      "key each position by a document id.", unknown[0])
        sides = [d for d in ids.values() if d in q]
        if len(sides) < 2:
            raise bad(f"compares {len(sides)} text(s) — give a position for at least two of "
                      f"{', '.join(ids.values())}.")
        allowed = ["agree", "differ", *(f"only {d}" for d in sides)]
        if q.get("relation") not in allowed:
            raise bad(f"`relation` is {q.get('relation')!r} — use one of {', '.join(allowed)}.", "relation")
        if "also" in q and (q["also"] not in allowed or q["also"] == q["relation"]):
            raise bad(f"`also` (a defensible other relation) is {q['also']!r} — use one of "
                      f"{', '.join(r for r in allowed if r != q['relation'])}, and say why in `note`.", "also")
        addressed = []
        for doc_id in sides:
            side = q[doc_id]
            if not isinstance(side, dict) or not isinstance(side.get("position"), str):
                raise bad(f"`{doc_id}` needs a `position` and `cites`.", doc_id)
            cites = side.get("cites") or []
            if not isinstance(cites, list):
                raise bad(f"`{doc_id}`: `cites` is a list such as [{doc_id} 1.1].", doc_id, "cites")
            absent = side["position"].strip().startswith("Not addressed")
            if absent == bool(cites):
                raise bad(f"`{doc_id}` has position {side['position'][:40]!r} and cites {cites} — a "
                          "position starting 'Not addressed' has no cites; any other position cites "
                          "the sentences it rests on.", doc_id)
            if not absent:
                addressed.append(doc_id)
            for sid in cites:
                if not isinstance(sid, str) or sid.split()[:1] != [doc_id]:
                    raise bad(f"`{doc_id}` cites {sid!r}, not a sentence of {doc_id!r} — cite "
                              f"{doc_id}'s own sentences here.", doc_id, "cites")
        relation = q["relation"]
        if relation.startswith("only ") and addressed != [relation[5:]]:
            raise bad(f"relation {relation!r} but the texts addressing it are {addressed} — "
                      f"'{relation}' means every other text's position starts 'Not addressed'.", "relation")
        if not relation.startswith("only ") and len(addressed) < 2:
            raise bad(f"relation {relation!r} needs two texts that address the question; only "
                      f"{addressed} do — use 'only <id>' or write the other positions.", "relation")
        text = " ".join([*(q[d]["position"] for d in sides), str(q.get("note") or ""),
                         " ".join(f"[{s}]" for d in sides for s in q[d].get("cites") or [])])
        found = problems(text, corpus, f"{at(('questions', i))}: question {qid!r}")
        if found:
            raise DataFileError(f"{found[0]} — cite sentences that exist and quote word for word.")
    return questions


def comparison_questions(*, corpus: Corpus | None = None) -> pd.DataFrame:
    """The comparison questions: ``question_id, question, relation``.

    >>> comparison_questions().question_id.tolist()[:3]
    ['bond-durability', 'wedge', 'us-work-with-china']
    """
    return compare_arguments(corpus=corpus)[["question_id", "question", "relation"]]


def compare_arguments(question: str | None = None, *, corpus: Corpus | None = None) -> pd.DataFrame:
    """The texts' positions side by side, one row per comparison question.

    Parameters
    ----------
    question : str, optional
        A question id, for one row.
    corpus : Corpus, optional
        The course (default: the built-in course, Cho and Yang).

    Returns
    -------
    pandas.DataFrame
        ``question_id, question``, then ``<id>_position, <id>_cites`` for each text of
        the course (empty when a question leaves a text out), ``relation``, ``also`` (a defensible other relation, or empty), ``note``.

    >>> compare_arguments("us-work-with-china")[["cho_cites", "relation", "yang_cites"]]
                         cho_cites relation             yang_cites
    0  cho 3.6; cho 3.7; cho 3.8    agree  yang 6.1; yang 8.2
    """
    corpus = corpus if corpus is not None else load_corpus()
    questions = load_questions(corpus)
    if question is not None:
        if not isinstance(question, str):
            raise WrongType(f"question must be an id such as 'wedge', not a {type(question).__name__}.")
        known = [q["id"] for q in questions]
        questions = [q for q in questions if q["id"] == question]
        if not questions:
            raise UnknownQuestion(f"There is no comparison question {question!r}.{did_you_mean(question, known)} "
                                  f"Known ids: {', '.join(known)}.")
    docs = [d for d in corpus if any(d in q for q in load_questions(corpus))]  # all questions' texts
    columns = ["question_id", "question", *(f"{d}_{k}" for d in docs for k in ("position", "cites")),
               "relation", "also", "note"]
    rows = []
    for q in questions:
        row = {"question_id": q["id"], "question": q["question"]}
        for d in docs:
            side = q.get(d) or {}
            row[f"{d}_position"] = str(side.get("position", "")).strip()
            row[f"{d}_cites"] = "; ".join(side.get("cites") or [])
        row.update(relation=q["relation"], also=str(q.get("also") or ""), note=str(q.get("note") or "").strip())
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def side_by_side_html(question: str, *, context: bool = True, corpus=None) -> str:
    """HTML of one comparison question: each text's position in a column, with each cited
    sentence shown (in its paragraph when ``context``) and highlighted.  All text is escaped.

    >>> "<mark" in side_by_side_html("wedge")
    True
    """
    corpus = corpus if corpus is not None else load_corpus()
    row = compare_arguments(question, corpus=corpus).iloc[0]
    q = next(q for q in load_questions(corpus) if q["id"] == question)
    cols = []
    for doc_id in [d for d in corpus if d in q]:
        cited = [s for s in row[f"{doc_id}_cites"].split("; ") if s]
        sentences = [corpus.sentence(s) for s in cited]
        body = []
        for p in sorted({s.paragraph for s in sentences}) if context else []:
            parts = [(f"<mark title='{s.id}'>" if s.id in cited
                      else "<span style='color:var(--jp-content-font-color2, #505050)'>")
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
            f"<div style='display:flex;gap:12px;flex-wrap:wrap'>{''.join(cols)}</div></div>")
