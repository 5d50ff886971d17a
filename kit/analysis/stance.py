"""Stance markers: modal verbs, hedges and boosters, from a documented lexicon.

The lexicon (``kit/data/lexicons/stance.yaml``) gives each marker a category and
a one-line note.  Markers are whole words, case ignored; multi-word markers
(``need to``, ``is said to``, ``it is necessary to``) are matched as phrases and
the longest marker wins.  ``may`` counts only in lower case, so the month ("in
May") is not a modal.  A count is a pointer, not a reading: check hits with
:func:`kit.kwic` ("not always" is counted as the booster "always").
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..files.resources import load_yaml
from ..corpus.documents import Document, documents_of
from ..options import choice
from .query import PhraseMatcher
from ..corpus.tokens import normalise, token_spans, token_table, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["stance", "CATEGORIES", "stance_lexicon", "marker_matcher"]

CATEGORIES = ("modal", "hedge", "booster")
MARKER_COLUMNS = ["doc", "sentence_id", "category", "marker", "start", "end"]


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[tuple[str, ...], str, str, bool, str], ...]:
    data = load_yaml("lexicons/stance.yaml")["categories"]
    out = []
    for category in CATEGORIES:
        for item in data[category]["markers"]:
            words = tuple(normalise(t) for _, _, t in token_spans(str(item["marker"])))
            out.append((words, category, str(item["marker"]), bool(item.get("case_sensitive")), item["note"]))
    return tuple(out)


@lru_cache(maxsize=1)
def marker_matcher() -> PhraseMatcher:
    """The stance lexicon as a :class:`~kit.analysis.query.PhraseMatcher` over lower-case tokens."""
    return PhraseMatcher((words, (category, marker, exact)) for words, category, marker, exact, _ in _entries())


def stance_lexicon() -> pd.DataFrame:
    """The stance lexicon as a table: ``category, marker, note``.

    >>> table = stance_lexicon()
    >>> table[table.marker == "need to"].category.item()
    'modal'
    """
    import pandas as pd

    return pd.DataFrame([(c, m, n) for _, c, m, _, n in _entries()], columns=["category", "marker", "note"])


def _find(doc) -> list[tuple[int, int, str, str]]:
    table = token_table(doc)
    text, starts, ends, raw, low = table.text, table.starts, table.ends, table.raw, table.lower

    def joined(i: int) -> bool:  # no punctuation between the words
        return not text[ends[i]:starts[i + 1]].strip()

    def accept(i: int, j: int, payload) -> bool:  # "may" but not "May"
        return not payload[2] or raw[i] == low[i]

    return [(starts[i], ends[j], category, marker)
            for i, j, (category, marker, _) in marker_matcher().find(low, joined=joined, accept=accept, longest=True)]


def stance(doc: Document | Mapping[str, Document] | Sequence[Document], *, by: str | None = None) -> pd.DataFrame:
    """Modal verbs, hedges and boosters in the body of each document.

    Parameters
    ----------
    doc : Corpus or Document
    by : {None, "sentence", "doc"}
        ``None``: one row per marker, ``doc, sentence_id, category, marker, start,
        end``.  ``"sentence"``: ``doc, sentence_id, category, count`` for every
        sentence and category (0 included).  ``"doc"``: ``doc, category, count,
        per_1000`` for every category; ``per_1000`` = count per 1,000 words of
        :func:`kit.tokens`.

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("In May, Seoul may need to act. It is likely to.", id="demo")
    >>> stance(doc)[["sentence_id", "category", "marker"]]
      sentence_id category   marker
    0    demo 1.1    modal      may
    1    demo 1.1    modal  need to
    2    demo 1.2    hedge   likely
    """
    import pandas as pd

    docs = documents_of(doc, "stance")
    choice(by, "by", "stance", (None, "sentence", "doc"))
    rows = []
    for doc in docs:
        for a, b, category, marker in _find(doc):
            rows.append((doc.id, doc.sentence_at(a).id, category, marker, a, b))
    found = pd.DataFrame(rows, columns=MARKER_COLUMNS)
    if by is None:
        return found
    if by == "sentence":
        counts = found.groupby(["sentence_id", "category"]).size()
        out = [(doc.id, s.id, c, int(counts.get((s.id, c), 0)))
               for doc in docs for s in doc.sentences for c in CATEGORIES]
        return pd.DataFrame(out, columns=["doc", "sentence_id", "category", "count"])
    counts = found.groupby(["doc", "category"]).size()
    out = []
    for doc in docs:
        size = len(tokens(doc))
        for c in CATEGORIES:
            n = int(counts.get((doc.id, c), 0))
            out.append((doc.id, c, n, n / size * 1000))
    return pd.DataFrame(out, columns=["doc", "category", "count", "per_1000"])
