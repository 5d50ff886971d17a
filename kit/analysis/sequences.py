"""Words in sequence: :func:`ngrams` and :func:`collocations`, built inside sentences.

The counts, ``per_1000`` and ``rank`` are made as in :mod:`kit.analysis.frequency`; the
last word of one sentence is never joined to the first word of the next.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..corpus.tokens import Stopwords, stopword_set
from ..errors import InvalidArgument, shown
from ..options import renamed_options, whole_number
from .frequency import check_flags, count_table, raw_counts, sentence_tokens

__all__ = ["ngrams", "collocations", "MEASURES", "MAX_WINDOW"]

#: The widest ``window=`` of :func:`collocations` (words).
MAX_WINDOW = 20

#: Association measures of NLTK's ``BigramAssocMeasures`` that need no extra data or scipy.
MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "jaccard",
            "poisson_stirling", "phi_sq", "mi_like", "raw_freq")


@renamed_options(lower=("case_sensitive", lambda lower: not lower))
def ngrams(doc: Document | Mapping[str, Document] | Sequence[Document], *, n: int = 2, case_sensitive: bool = False,
           stopwords: Stopwords = False,
           min_count: int = 1, top: int | None = None) -> pd.DataFrame:
    """Sequences of ``n`` words: ``doc, ngram, count, per_1000, rank``.

    N-grams are built inside each sentence (never across a sentence end), words
    joined by one space (``"north korea"``).  With ``stopwords=True`` an n-gram that
    *contains* a stopword is left out (words are not glued together around a removed
    stopword).  ``per_1000`` and ``rank`` are as in :func:`frequencies`
    (per 1,000 word tokens of the document).  ``case_sensitive=True`` keeps ``North`` and ``north``
    apart (default: lower case).

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("North Korea is near. North Korea waits.", id="demo")
    >>> ngrams(doc, n=2).head(2)
        doc        ngram  count    per_1000  rank
    0  demo  north korea      2  285.714286     1
    1  demo      is near      1  142.857143     2
    """
    whole_number(n, "n", "ngrams", low=1, example="kit.ngrams(doc, n=2)")
    check_flags("ngrams", case_sensitive=case_sensitive)
    lower = not case_sensitive
    stops = stopword_set(stopwords)
    docs = documents_of(doc, "ngrams")
    counted = {}
    for doc in docs:
        total = raw_counts(doc, lower=lower)[1]
        counts: Counter = Counter()
        for _, toks in sentence_tokens(doc, lower=lower):
            for i in range(len(toks) - n + 1):
                gram = toks[i:i + n]
                if stops and any(w.lower() in stops for w in gram):
                    continue
                counts[" ".join(gram)] += 1
        counted[doc.id] = (counts, total)
    return count_table(counted, "ngram", min_count, top, func="ngrams")


def collocations(doc: Document | Mapping[str, Document] | Sequence[Document], *, measure: str = "likelihood_ratio", window: int = 2,
                 min_count: int = 2, top: int | None = 20, stopwords: Stopwords = True) -> pd.DataFrame:
    """Word pairs that occur together more than chance: ``doc, w1, w2, count, score, measure``.

    Uses NLTK's ``BigramCollocationFinder`` and ``BigramAssocMeasures``. ``w2``
    follows ``w1`` within ``window`` words (2 = next word, at most 20), inside one sentence.
    ``count`` is how often the pair occurs; pairs with a stopword are left out
    (``stopwords=False`` keeps them).  Measures: see ``kit.analysis.sequences.MEASURES``.
    A text as short as an op-ed gives scores to read with care: most pairs occur
    only once or twice.

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("North Korea met China. North Korea thanked China.", id="demo")
    >>> collocations(doc)[["w1", "w2", "count"]]
          w1     w2  count
    0  north  korea      2
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    if not (isinstance(measure, str) and measure in MEASURES):
        raise InvalidArgument(
            f"measure={shown(measure)} is not a collocation measure the kit knows. "
            f"Use one of: {', '.join(MEASURES)}."
        )
    # A window is counted pair by pair (time and memory grow with tokens x window): 2 to 20
    # words, wider than any collocation span in use (corpus linguists look 4 or 5 words away).
    whole_number(window, "window", "collocations", low=2, high=MAX_WINDOW, example="kit.collocations(doc, window=5)")
    whole_number(min_count, "min_count", "collocations", low=1, example="kit.collocations(doc, min_count=2)")
    whole_number(top, "top", "collocations", low=1, none=True, example="kit.collocations(doc, top=20)")
    stops = stopword_set(stopwords)
    score_fn = getattr(BigramAssocMeasures, measure)
    rows = []
    for d in documents_of(doc, "collocations"):
        raw_counts(d)  # a clear EmptyText for a document without words
        words: list[str | None] = []
        for _, toks in sentence_tokens(d):
            words.extend(toks)
            words.extend([None] * (window - 1))  # a gap no window can cross
        finder = BigramCollocationFinder.from_words(words, window_size=window)
        finder.apply_freq_filter(min_count)
        if stops:
            finder.apply_word_filter(lambda w: w.lower() in stops)
        scored = sorted(finder.score_ngrams(score_fn), key=lambda x: (-x[1], x[0]))
        for (w1, w2), score in scored[:top]:
            rows.append((d.id, w1, w2, finder.ngram_fd[(w1, w2)], score, measure))
    return pd.DataFrame(rows, columns=["doc", "w1", "w2", "count", "score", "measure"])
