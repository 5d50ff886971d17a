"""Counting words: frequencies, n-grams, collocations, dispersion and a summary table.

Every function returns a tidy pandas DataFrame (one row per thing) and counts the
body text with :func:`kit.tokens`, so a count can always be checked by hand.

How the numbers are made (the same everywhere in the kit):

* **tokens** of a document = its word tokens with *stopwords included*
  (``len(kit.tokens(doc))``; punctuation dropped, the possessive ``'s`` is a token
  of its own).  :func:`summary` shows this number per document.
* **per_1000** = ``count / tokens * 1000``.  Dropping stopwords (or stemming) only
  decides *which rows* you see; it never changes the denominator, so per-1,000
  figures from different options can be compared.
* **rank** = 1 + the number of terms with a strictly higher count in the same
  document (ties share the best rank: 1, 2, 2, 4, ...).  Rows are sorted by count
  (highest first), then alphabetically; ``top=N`` keeps the first ``N`` rows of
  each document in that order, so a tie at the cut is broken alphabetically.
* n-grams and collocations are built **inside sentences**: the last word of one
  sentence is never joined to the first word of the next.
"""
from __future__ import annotations

import warnings
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..errors import EmptyText, InvalidArgument, UnknownTerm, WrongType
from ..options import flag
from ..corpus.tokens import Stopwords, stem_token, stopword_set, tokens

__all__ = ["frequencies", "ngrams", "collocations", "dispersion", "summary", "MEASURES"]

#: Association measures of NLTK's ``BigramAssocMeasures`` that need no extra data or scipy.
MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "jaccard",
            "poisson_stirling", "phi_sq", "mi_like", "raw_freq")


# document -> (the text counted, {(lower, split_hyphens): (Counter of tokens, tokens)}).
# Only the small table of types is kept, and only while the document lives, so
# frequencies() then keyness() on a long text tokenise it once.
_COUNTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _word_tokens(doc: Document, *, lower: bool = True, split_hyphens: bool = False) -> list[str]:
    toks = tokens(doc, lower=lower, split_hyphens=split_hyphens)
    if not toks:
        _empty(doc)
    return toks


def _empty(doc: Document):
    raise EmptyText(
        f"Document {doc.id!r} has no words (only punctuation or spaces), so there is "
        "nothing to count. Load a text with at least one word."
    )


def _raw_counts(doc: Document, *, lower: bool = True, split_hyphens: bool = False) -> tuple[Counter, int]:
    """(Counter of every word token, number of tokens); do not modify the Counter."""
    entry = _COUNTS.get(doc)
    if entry is None or entry[0] is not doc.text:
        entry = _COUNTS[doc] = (doc.text, {})
    key = (lower, split_hyphens)
    if key not in entry[1]:
        toks = _word_tokens(doc, lower=lower, split_hyphens=split_hyphens)
        entry[1][key] = (Counter(toks), len(toks))
    return entry[1][key]


def term_counts(doc: Document, *, lower: bool, stopwords, stem: bool,
                 split_hyphens: bool = False) -> tuple[Counter, int]:
    """(counts of the kept terms, number of word tokens with stopwords included)."""
    raw, total = _raw_counts(doc, lower=lower, split_hyphens=split_hyphens)
    stops = stopword_set(stopwords)
    counts: Counter = Counter()
    for term, n in raw.items():
        if stops and term.lower() in stops:
            continue
        counts[stem_token(term) if stem else term] += n
    return counts, total


def check_count(value, name: str, minimum: int, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongType(f"{name} must be a whole number, not {value!r}. Example: {name}={max(minimum, 2)}.")
    if value < minimum:
        raise InvalidArgument(f"{name}={value} is too small: use a whole number >= {minimum}.")


def _flags(func: str, **values: object) -> None:
    for name, value in values.items():
        flag(value, name, func, f"kit.{func}(doc, {name}=True)")


def _table(rows_by_doc: dict[str, tuple[Counter, int]], column: str, min_count: int, top) -> pd.DataFrame:
    check_count(min_count, "min_count", 1)
    check_count(top, "top", 1, allow_none=True)
    out = []
    for doc_id, (counts, total) in rows_by_doc.items():
        items = sorted(((t, n) for t, n in counts.items() if n >= min_count), key=lambda x: (-x[1], x[0]))
        rank, prev = 0, None
        for i, (term, n) in enumerate(items):
            if n != prev:
                rank, prev = i + 1, n
            out.append((doc_id, term, n, n / total * 1000, rank))
        if top is not None:
            del out[len(out) - len(items) + min(top, len(items)):]
    return pd.DataFrame(out, columns=["doc", column, "count", "per_1000", "rank"])


def frequencies(doc: Document | Mapping[str, Document] | Sequence[Document], *, lower: bool = True, stopwords: Stopwords = True, stem: bool = False,
                min_count: int = 1, top: int | None = None,
                split_hyphens: bool = False) -> pd.DataFrame:
    """How often each word occurs: ``doc, term, count, per_1000, rank``.

    Parameters
    ----------
    doc : Corpus, Document or list of Documents
    lower : bool
        Count ``China`` and ``china`` together (default).
    stopwords : bool, "nltk" or set of str
        Leave out stopwords (default: the kit's list). They still count in the
        denominator of ``per_1000``: ``per_1000 = count / tokens * 1000`` where
        ``tokens = len(kit.tokens(doc))`` (all word tokens, as in :func:`summary`).
    stem : bool
        Count Snowball stems (``cooperation`` and ``cooperate`` -> ``cooper``).
    min_count : int
        Keep terms occurring at least this often.
    top : int or None
        Keep the first ``top`` rows per document (count, then alphabetical order).
    split_hyphens : bool
        Count the parts of ``ROK-U.S.-Japan`` separately (changes ``tokens`` too).

    Ranks: 1 + the number of terms with a higher count (ties share the best rank).

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("China met Korea. China and Korea agreed.", id="demo")
    >>> frequencies(doc)
        doc    term  count  per_1000  rank
    0  demo   china      2     285.7...     1
    1  demo   korea      2     285.7...     1
    2  demo  agreed      1     142.8...     3
    3  demo     met      1     142.8...     3
    """
    docs = documents_of(doc, "frequencies")
    _flags("frequencies", lower=lower, stem=stem, split_hyphens=split_hyphens)
    counted = {d.id: term_counts(d, lower=lower, stopwords=stopwords, stem=stem,
                                  split_hyphens=split_hyphens) for d in docs}
    return _table(counted, "term", min_count, top)


def _sentence_tokens(doc: Document, *, lower: bool = True, split_hyphens: bool = False):
    """[(sentence_id, [tokens])] for the body, in order."""
    return [(s.id, tokens(s.text, lower=lower, split_hyphens=split_hyphens)) for s in doc.sentences]


def ngrams(doc: Document | Mapping[str, Document] | Sequence[Document], *, n: int = 2, lower: bool = True, stopwords: Stopwords = False,
           min_count: int = 1, top: int | None = None) -> pd.DataFrame:
    """Sequences of ``n`` words: ``doc, ngram, count, per_1000, rank``.

    N-grams are built inside each sentence (never across a sentence end), words
    joined by one space (``"north korea"``).  With ``stopwords=True`` an n-gram that
    *contains* a stopword is left out (words are not glued together around a removed
    stopword).  ``per_1000`` and ``rank`` are as in :func:`frequencies`
    (per 1,000 word tokens of the document).

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("North Korea is near. North Korea waits.", id="demo")
    >>> ngrams(doc, n=2).head(2)
        doc        ngram  count    per_1000  rank
    0  demo  north korea      2  285.714286     1
    1  demo      is near      1  142.857143     2
    """
    check_count(n, "n", 1)
    _flags("ngrams", lower=lower)
    stops = stopword_set(stopwords)
    docs = documents_of(doc, "ngrams")
    counted = {}
    for doc in docs:
        total = _raw_counts(doc, lower=lower)[1]
        counts: Counter = Counter()
        for _, toks in _sentence_tokens(doc, lower=lower):
            for i in range(len(toks) - n + 1):
                gram = toks[i:i + n]
                if stops and any(w.lower() in stops for w in gram):
                    continue
                counts[" ".join(gram)] += 1
        counted[doc.id] = (counts, total)
    return _table(counted, "ngram", min_count, top)


def collocations(doc: Document | Mapping[str, Document] | Sequence[Document], *, measure: str = "likelihood_ratio", window: int = 2,
                 min_count: int = 2, top: int | None = 20, stopwords: Stopwords = True) -> pd.DataFrame:
    """Word pairs that occur together more than chance: ``doc, w1, w2, count, score, measure``.

    Uses NLTK's ``BigramCollocationFinder`` and ``BigramAssocMeasures``. ``w2``
    follows ``w1`` within ``window`` words (2 = next word), inside one sentence.
    ``count`` is how often the pair occurs; pairs with a stopword are left out
    (``stopwords=False`` keeps them).  Measures: see ``kit.analysis.frequency.MEASURES``.
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

    if measure not in MEASURES:
        raise InvalidArgument(
            f"measure={measure!r} is not a collocation measure the kit knows. "
            f"Use one of: {', '.join(MEASURES)}."
        )
    check_count(window, "window", 2)
    check_count(min_count, "min_count", 1)
    check_count(top, "top", 1, allow_none=True)
    stops = stopword_set(stopwords)
    score_fn = getattr(BigramAssocMeasures, measure)
    rows = []
    for d in documents_of(doc, "collocations"):
        _raw_counts(d)  # a clear EmptyText for a document without words
        words: list[str | None] = []
        for _, toks in _sentence_tokens(d):
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


def dispersion(doc: Document | Mapping[str, Document] | Sequence[Document], terms: str | Iterable[str], *, split_hyphens: bool = False) -> pd.DataFrame:
    """Where each term occurs: ``doc, term, sentence_id, offset, position``.

    ``offset`` is the index of the term's first word among the document's word
    tokens (0-based, stopwords included, as in :func:`summary`); ``position`` is
    ``offset / tokens``, from 0 (the first word) to just under 1 (the last).
    A term may be a phrase (``"North Korea"``); matching ignores case and follows
    :func:`kit.tokens`, so ``"U.S."`` does not find ``U.S.-China`` unless
    ``split_hyphens=True``.

    A term that occurs in none of the documents is reported with a warning and has
    no rows; if no term occurs at all, :class:`~kit.UnknownTerm` is raised.  The
    terms and documents asked for are kept in ``result.attrs`` for
    :func:`kit.plot_dispersion`.

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("Korea first. Then China and North Korea.", id="demo")
    >>> dispersion(doc, ["North Korea", "China"])
        doc         term sentence_id  offset  position
    0  demo  North Korea    demo 1.2       5  0.714286
    1  demo        China    demo 1.2       3  0.428571
    """
    if isinstance(terms, str):
        terms = [terms]
    if not isinstance(terms, Iterable) or isinstance(terms, (bytes, dict)):
        raise WrongType(f"terms must be a word or a list of words, not {type(terms).__name__}. "
                        "Example: dispersion(corpus, ['China', 'North Korea']).")
    terms = list(terms)
    bad = [t for t in terms if not isinstance(t, str) or not tokens(t)]
    if not terms or bad:
        raise InvalidArgument(
            f"dispersion() needs words to look for; {bad[0] if bad else terms!r} has none. "
            "Example: dispersion(corpus, ['China', 'North Korea'])."
        )
    docs = documents_of(doc, "dispersion")
    _flags("dispersion", split_hyphens=split_hyphens)
    wanted = {t: tuple(tokens(t, split_hyphens=split_hyphens)) for t in terms}
    rows = []
    for doc in docs:
        seq, sent_of = [], []
        for sid, toks in _sentence_tokens(doc, split_hyphens=split_hyphens):
            seq.extend(toks)
            sent_of.extend([sid] * len(toks))
        if not seq:
            raise EmptyText(f"Document {doc.id!r} has no words to look through.")
        for term, parts in wanted.items():
            k = len(parts)
            for i in range(len(seq) - k + 1):
                if tuple(seq[i:i + k]) == parts and sent_of[i] == sent_of[i + k - 1]:
                    rows.append((doc.id, term, sent_of[i], i, i / len(seq)))
    found = {r[1] for r in rows}
    missing = [t for t in terms if t not in found]
    where = ", ".join(d.id for d in docs)
    if len(missing) == len(terms):
        raise UnknownTerm(
            f"None of {terms!r} occurs in {where}. Check the spelling, or find words that do "
            "occur with kit.frequencies(...)."
        )
    if missing:
        warnings.warn(f"{missing!r} does not occur in {where}; it has no rows.", UserWarning, stacklevel=2)
    out = pd.DataFrame(rows, columns=["doc", "term", "sentence_id", "offset", "position"])
    out.attrs.update(terms=terms, docs=[d.id for d in docs])
    return out


def summary(corpus: Document | Mapping[str, Document] | Sequence[Document]) -> pd.DataFrame:
    """Size and variety of each document.

    Columns: ``doc, tokens, types, type_token_ratio, hapaxes, sentences,
    mean_sentence_length``.  ``tokens`` = ``len(kit.tokens(doc))``; ``types`` =
    distinct lower-cased tokens; ``hapaxes`` = types that occur exactly once;
    ``mean_sentence_length`` = ``tokens / sentences``.  The type/token ratio falls as
    a text grows, so compare it only between texts of similar length.

    Examples
    --------
    >>> from kit import load_text
    >>> table = summary(load_text("China met Korea. China agreed.", id="demo"))
    >>> table[["doc", "tokens", "types", "type_token_ratio", "hapaxes", "mean_sentence_length"]]
        doc  tokens  types  type_token_ratio  hapaxes  mean_sentence_length
    0  demo       5      4               0.8        3                   2.5
    """
    rows = []
    for doc in documents_of(corpus, "summary"):
        counts, n_tok = _raw_counts(doc)
        n_sent = len(doc.sentences)
        rows.append((doc.id, n_tok, len(counts), len(counts) / n_tok,
                     sum(1 for n in counts.values() if n == 1), n_sent, n_tok / n_sent))
    return pd.DataFrame(rows, columns=["doc", "tokens", "types", "type_token_ratio", "hapaxes",
                                       "sentences", "mean_sentence_length"])


# Old private names, kept while other branches still import them.
_term_counts, _check_count = term_counts, check_count
