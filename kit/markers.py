"""Stance markers: modal verbs, hedges and boosters, from a documented lexicon.

The lexicon (``kit/data/lexicons/stance.yaml``) gives each marker a category and
a one-line note.  Markers are whole words, case ignored; multi-word markers
(``need to``, ``is said to``, ``it is necessary to``) are matched as phrases and
the longest marker wins.  ``may`` counts only in lower case, so the month ("in
May") is not a modal.  A count is a pointer, not a reading: check hits with
:func:`kit.kwic` ("not always" is counted as the booster "always").
"""
from __future__ import annotations

import bisect
from functools import lru_cache

from ._resources import load_yaml
from .corpus import documents_of
from .errors import InvalidArgument
from .text import normalise, token_spans, tokens

__all__ = ["stance", "CATEGORIES", "stance_lexicon"]

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
def _by_first() -> dict[str, list]:
    table: dict[str, list] = {}
    for words, category, marker, exact, _ in sorted(_entries(), key=lambda e: -len(e[0])):
        table.setdefault(words[0], []).append((words, category, marker, exact))
    return table


def stance_lexicon():
    """The stance lexicon as a table: ``category, marker, note``.

    >>> table = stance_lexicon()
    >>> table[table.marker == "need to"].category.item()
    'modal'
    """
    import pandas as pd

    return pd.DataFrame([(c, m, n) for _, c, m, _, n in _entries()], columns=["category", "marker", "note"])


def _find(text: str) -> list[tuple[int, int, str, str]]:
    spans = list(token_spans(text))
    low = [normalise(t) for _, _, t in spans]
    table, out, i = _by_first(), [], 0
    while i < len(spans):
        for words, category, marker, exact in table.get(low[i], ()):
            k = len(words)
            if tuple(low[i:i + k]) != words:
                continue
            if exact and normalise(spans[i][2], lower=False) != spans[i][2].lower():
                continue
            if any(text[spans[i + m - 1][1]:spans[i + m][0]].strip() for m in range(1, k)):
                continue  # punctuation between the words
            out.append((spans[i][0], spans[i + k - 1][1], category, marker))
            i += k
            break
        else:
            i += 1
    return out


def stance(doc, *, by: str | None = None):
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
    if by not in (None, "sentence", "doc"):
        raise InvalidArgument(f"by={by!r} is not an option of stance(). Use None, 'sentence' or 'doc'.")
    rows = []
    for doc in docs:
        starts = [s.start for s in doc.sentences]
        for a, b, category, marker in _find(doc.text):
            sid = doc.sentences[max(bisect.bisect_right(starts, a) - 1, 0)].id
            rows.append((doc.id, sid, category, marker, a, b))
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
