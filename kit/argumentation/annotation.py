"""Label each sentence's job in the argument, save the labels safely, compare with a reference.

Labels: ``claim``, ``evidence``, ``recommendation``, ``concession`` (a point
the author grants), ``counter`` (a view the author reports in order to answer it: not
the author's own) and ``background``.  Each save appends one
JSON line per changed sentence to ``annotations.jsonl`` in the kit's storage
folder (``$KIT_PROGRESS_DIR`` or ``~/.close-reading-kit``) under a file lock
(:mod:`kit.files.store`); nothing is overwritten, and the latest label for a
sentence wins.  Clearing a label saves ``label: null``.

Agreement is measured with the percentage of sentences labelled alike and with
Cohen's kappa, which discounts the agreement expected by chance::

    p_o = agreed / n
    p_e = sum over labels of (mine_with_label / n) * (reference_with_label / n)
    kappa = (p_o - p_e) / (1 - p_e)
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..corpus.course import course_file
from ..files import store
from ..files.resources import load_yaml
from ..files.yamlfile import read_yaml_cached
from ..corpus.ids import parse_sentence_id
from ..errors import DataFileError, InvalidArgument, UnknownDocument, WrongType, shown

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus.documents import Corpus

__all__ = ["LABELS", "load_annotations", "save_annotations", "reference_annotations",
           "compare_annotations", "Agreement", "store_path"]

LABELS = ("claim", "evidence", "recommendation", "concession", "counter", "background")
COLUMNS = ["doc", "sentence_id", "label", "annotator", "time"]


def store_path():
    """Where annotations are saved: ``<storage folder>/annotations.jsonl``."""
    return store.base_dir() / "annotations.jsonl"


def _check_label(label, sid: str) -> None:
    if label is not None and label not in LABELS:
        raise InvalidArgument(
            f"{shown(label)} (for {sid}) is not a label. Use one of: {', '.join(LABELS)}."
        )


def save_annotations(labels: Mapping, *, annotator: str = "me") -> int:
    """Save ``{sentence_id: label}`` (``None`` clears a label); returns how many were saved.

    Only labels that differ from the saved ones are written.

    >>> save_annotations({"cho 3.2": "claim"}, annotator="doctest")  # a temporary store in tests
    1
    """
    if not isinstance(labels, Mapping):
        raise WrongType("save_annotations() takes a dict such as {'cho 3.2': 'claim'}.")
    if not isinstance(annotator, str) or not annotator.strip():
        raise InvalidArgument("annotator must be a non-empty name, e.g. annotator='me'.")
    current = {}
    for row in _latest(annotator=annotator):
        current[row["sentence_id"]] = row["label"]
    saved, now = 0, time.strftime("%Y-%m-%dT%H:%M:%S")
    for sid, label in labels.items():
        if not isinstance(sid, str) or len(sid.split()) != 2:
            raise InvalidArgument(f"{shown(sid)} is not a full sentence id. Write it like 'cho 3.2'.")
        _check_label(label, sid)
        if current.get(sid) == label:
            continue
        store.append_record(store_path(), {
            "doc": sid.split()[0], "sentence_id": sid, "label": label,
            "annotator": annotator, "time": now,
        })
        saved += 1
    return saved


def _latest(*, annotator: str | None = None, doc_id: str | None = None) -> list[dict]:
    latest: dict[tuple[str, str], dict] = {}
    for rec in store.read_records(store_path()):
        if not isinstance(rec.get("sentence_id"), str) or not isinstance(rec.get("annotator"), str):
            continue
        if annotator is not None and rec["annotator"] != annotator:
            continue
        if doc_id is not None and rec.get("doc") != doc_id:
            continue
        latest[(rec["annotator"], rec["sentence_id"])] = rec
    return list(latest.values())


def load_annotations(doc_id: str | None = None, *, annotator: str | None = None) -> pd.DataFrame:
    """Your saved labels, the latest for each sentence: ``doc, sentence_id, label, annotator, time``.

    >>> load_annotations("cho").columns.tolist()
    ['doc', 'sentence_id', 'label', 'annotator', 'time']
    """
    import pandas as pd

    for name, value in (("doc_id", doc_id), ("annotator", annotator)):
        if value is not None and not isinstance(value, str):
            raise WrongType(f"load_annotations({name}=...) takes a string such as 'cho', not {shown(value)}.")
    rows = [r for r in _latest(annotator=annotator, doc_id=doc_id) if r.get("label") in LABELS]
    return pd.DataFrame([[r.get(c) for c in COLUMNS] for r in rows], columns=COLUMNS)


def reference_annotations(doc_id: str | None = None, *, corpus: Corpus | None = None) -> pd.DataFrame:
    """The reference labels of a course: ``doc, sentence_id, label, annotator, time, reason, also``.

    They are ``annotations/reference.yaml`` in the course folder of ``corpus`` (default:
    the built-in course, ``kit/data/annotations/reference.yaml``).

    >>> ref = reference_annotations("cho")
    >>> ref.set_index("sentence_id").label["cho 3.6"]
    'recommendation'
    """
    import pandas as pd

    if corpus is None:
        data = load_yaml("annotations/reference.yaml")
    else:
        path = course_file(getattr(corpus, "folder", None), "annotations", "reference.yaml",
                           what="reference annotation", error=UnknownDocument)
        data, _ = read_yaml_cached(path, source=str(path))
    where = "annotations/reference.yaml" if corpus is None else str(path)
    rows = [
        (sid.split()[0], sid, item["label"], str(data.get("annotator", "reference")), None,
         item["reason"], item.get("also"))
        for sid, item in _reference_labels(data, where).items()
    ]
    out = pd.DataFrame(rows, columns=[*COLUMNS, "reason", "also"])
    if doc_id is not None:
        if not isinstance(doc_id, str) or doc_id not in set(out.doc):
            raise UnknownDocument(
                f"The reference annotation covers {sorted(set(out.doc))}, not {shown(doc_id)}."
            )
        out = out[out.doc == doc_id].reset_index(drop=True)
    return out


def _reference_labels(data, where: str) -> dict:
    """The ``labels:`` of a reference file, each checked: a sentence id, a known label, a reason."""
    fix = "compare with kit/data/annotations/reference.yaml"
    labels = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(labels, dict) or not labels:
        raise DataFileError(f"{where}: needs `labels:`, a mapping from sentence ids to entries "
                            f"(`cho 1.1:` then `label:` and `reason:` indented under it) — {fix}.")
    for sid, item in labels.items():
        if not isinstance(sid, str) or parse_sentence_id(sid) is None or parse_sentence_id(sid)[0] is None:
            raise DataFileError(f"{where}: {shown(sid)} is not a sentence id — write one such as `cho 2.3:`.")
        if not isinstance(item, dict) or item.get("label") not in LABELS or not isinstance(item.get("reason"), str):
            raise DataFileError(f"{where}: {sid} needs `label:` (one of {', '.join(LABELS)}) and `reason:` "
                                f"(text) indented under it — {fix}.")
        if item.get("also") is not None and item["also"] not in LABELS:
            raise DataFileError(f"{where}: {sid}: `also:` {shown(item['also'])} is not a label — use one of "
                                f"{', '.join(LABELS)}, or leave it out.")
    return labels


@dataclass
class Agreement:
    """The result of :func:`compare_annotations`."""

    n: int
    agreed: int
    percent: float
    kappa: float
    expected: float
    differences: object = field(repr=False)  # DataFrame
    by_label: object = field(repr=False)  # DataFrame

    def __str__(self) -> str:
        k = "undefined" if self.kappa != self.kappa else f"{self.kappa:.2f}"
        return (f"{self.agreed} of {self.n} sentences agree ({self.percent:.0f}%); "
                f"chance agreement {self.expected:.2f}; Cohen's kappa {k}.")

    def _repr_html_(self) -> str:
        import html

        table = self.differences[["sentence_id", "mine", "reference", "reason"]].to_html(index=False)
        return f"<p>{html.escape(str(self))}</p>" + (table if len(self.differences) else "<p>No differences.</p>")


def _as_labels(annotations, what: str) -> dict[str, str]:
    if isinstance(annotations, Mapping):
        pairs = list(annotations.items())
    elif hasattr(annotations, "columns") and {"sentence_id", "label"} <= set(annotations.columns):
        if "annotator" in annotations.columns and annotations["annotator"].nunique() > 1:
            raise InvalidArgument(
                f"{what} holds labels by several annotators ({', '.join(map(str, annotations.annotator.unique()))}). "
                "Pick one: kit.load_annotations(annotator='me')."
            )
        pairs = list(zip(annotations["sentence_id"], annotations["label"]))
    else:
        raise WrongType(
            f"{what} must be kit.load_annotations(...) or a dict such as {{'cho 3.2': 'claim'}}, "
            f"not a {type(annotations).__name__}."
        )
    out = {}
    for sid, label in pairs:
        if label is None:
            continue
        _check_label(label, sid)
        out[str(sid)] = label
    return out


def compare_annotations(mine: Mapping[str, str] | pd.DataFrame,
                        reference: Mapping[str, str] | pd.DataFrame | None = None) -> Agreement:
    """Agreement between your labels and a reference (the kit's, by default).

    Only sentences labelled in both are compared; where the reference names a second
    defensible label (``also``), that label counts as agreement too.  Returns an :class:`Agreement`
    with ``percent``, Cohen's ``kappa``, ``differences`` (a DataFrame of the
    sentences labelled differently, with the reference's reason) and ``by_label``.

    >>> result = compare_annotations({"cho 3.2": "claim", "cho 3.6": "claim"})
    >>> result.agreed, result.n, list(result.differences.sentence_id)
    (1, 2, ['cho 3.6'])
    """
    import pandas as pd

    ref_table = reference_annotations() if reference is None else reference
    theirs = _as_labels(ref_table, "reference")
    reasons = (dict(zip(ref_table.sentence_id, ref_table.reason))
               if hasattr(ref_table, "columns") and "reason" in ref_table.columns else {})
    ours = _as_labels(mine, "mine")
    also = (dict(zip(ref_table.sentence_id, ref_table["also"]))
            if hasattr(ref_table, "columns") and "also" in ref_table.columns else {})
    # a label the reference names as `also` defensible counts as agreement
    theirs = {s: ours[s] if s in ours and isinstance(also.get(s), str) and ours[s] == also[s] else lab
              for s, lab in theirs.items()}
    common = [sid for sid in ours if sid in theirs]
    if not common:
        raise InvalidArgument(
            "No sentence is labelled both in yours and in the reference, so there is nothing to "
            "compare. Label some sentences the reference covers first (kit.annotate(corpus['cho']))."
        )
    n = len(common)
    agreed = sum(ours[s] == theirs[s] for s in common)
    p_o = agreed / n
    p_e = sum((sum(ours[s] == lab for s in common) / n) * (sum(theirs[s] == lab for s in common) / n)
              for lab in LABELS)
    kappa = float("nan") if p_e == 1 else (p_o - p_e) / (1 - p_e)
    diff = pd.DataFrame(
        [(s, ours[s], theirs[s], reasons.get(s, "")) for s in common if ours[s] != theirs[s]],
        columns=["sentence_id", "mine", "reference", "reason"],
    )
    by_label = pd.DataFrame(
        [(lab, sum(ours[s] == lab for s in common), sum(theirs[s] == lab for s in common)) for lab in LABELS],
        columns=["label", "mine", "reference"],
    )
    return Agreement(n, agreed, 100 * p_o, kappa, p_e, diff, by_label)
