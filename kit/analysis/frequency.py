"""Counting words: :func:`frequencies`, :func:`summary`, and the counting that n-grams
(:mod:`kit.analysis.sequences`), dispersion (:mod:`kit.analysis.positions`) and keyness share.

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

from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..errors import EmptyText
from ..options import flag, renamed_options, whole_number
from ..corpus.tokenizer import paragraph_tokens
from ..corpus.tokens import Stopwords, stem_token, stopword_set, tokens

__all__ = ["frequencies", "summary", "raw_counts", "term_counts", "count_table", "sentence_tokens",
           "check_flags"]

def _word_tokens(doc: Document, *, lower: bool = True, split_hyphens: bool = False) -> list[str]:
    toks = tokens(doc, case_sensitive=not lower, split_hyphens=split_hyphens)
    if not toks:
        _empty(doc)
    return toks


def _empty(doc: Document):
    raise EmptyText(
        f"Document {doc.id!r} has no words (only punctuation or spaces), so there is "
        "nothing to count. Load a text with at least one word."
    )


def raw_counts(doc: Document, *, lower: bool = True, split_hyphens: bool = False) -> tuple[Counter, int]:
    """(Counter of every word token, number of tokens); do not modify the Counter."""
    # Kept with the document (only the small table of types), so frequencies() then keyness()
    # on a long text tokenise it once.
    def count(d: Document) -> tuple[Counter, int]:
        if split_hyphens:
            toks = _word_tokens(d, lower=lower, split_hyphens=True)
        else:  # the document's own token list, counted where it lies (kit.tokens would copy it)
            found = paragraph_tokens(d)
            toks = found.lower if lower else found.raw
            if not toks:
                _empty(d)
        return Counter(toks), len(toks)

    return doc.derived(f"counts lower={lower} split_hyphens={split_hyphens}", count)


def term_counts(doc: Document, *, lower: bool, stopwords, stem: bool,
                 split_hyphens: bool = False) -> tuple[Counter, int]:
    """(counts of the kept terms, number of word tokens with stopwords included)."""
    raw, total = raw_counts(doc, lower=lower, split_hyphens=split_hyphens)
    stops = stopword_set(stopwords)
    counts: Counter = Counter()
    for term, n in raw.items():
        if stops and term.lower() in stops:
            continue
        counts[stem_token(term) if stem else term] += n
    return counts, total


def check_flags(func: str, **values: object) -> None:
    """Each ``name=value`` must be True or False (a clear error names ``kit.func``)."""
    for name, value in values.items():
        flag(value, name, func, f"kit.{func}(doc, {name}=True)")


def count_table(rows_by_doc: dict[str, tuple[Counter, int]], column: str, min_count: int, top, *,
                func: str = "frequencies") -> pd.DataFrame:
    """``doc, <column>, count, per_1000, rank`` from {doc id: (counts, tokens)}, cut by ``min_count``/``top``."""
    whole_number(min_count, "min_count", func, low=1, example=f"kit.{func}(doc, min_count=2)")
    whole_number(top, "top", func, low=1, none=True, example=f"kit.{func}(doc, top=20)")
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


@renamed_options(lower=("case_sensitive", lambda lower: not lower))
def frequencies(doc: Document | Mapping[str, Document] | Sequence[Document], *, case_sensitive: bool = False, stopwords: Stopwords = True, stem: bool = False,
                min_count: int = 1, top: int | None = None,
                split_hyphens: bool = False) -> pd.DataFrame:
    """How often each word occurs: ``doc, term, count, per_1000, rank``.

    Parameters
    ----------
    doc : Corpus, Document or list of Documents
    case_sensitive : bool
        Count ``China`` and ``china`` apart (default: together).
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
    check_flags("frequencies", case_sensitive=case_sensitive, stem=stem, split_hyphens=split_hyphens)
    lower = not case_sensitive
    counted = {d.id: term_counts(d, lower=lower, stopwords=stopwords, stem=stem,
                                  split_hyphens=split_hyphens) for d in docs}
    return count_table(counted, "term", min_count, top)


def sentence_tokens(doc: Document, *, lower: bool = True, split_hyphens: bool = False):
    """[(sentence_id, [tokens])] for the body, in order."""
    return [(s.id, tokens(s.text, case_sensitive=not lower, split_hyphens=split_hyphens)) for s in doc.sentences]


@renamed_options(corpus="doc")
def summary(doc: Document | Mapping[str, Document] | Sequence[Document]) -> pd.DataFrame:
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
    for doc in documents_of(doc, "summary"):
        counts, n_tok = raw_counts(doc)
        n_sent = len(doc.sentences)
        rows.append((doc.id, n_tok, len(counts), len(counts) / n_tok,
                     sum(1 for n in counts.values() if n == 1), n_sent, n_tok / n_sent))
    return pd.DataFrame(rows, columns=["doc", "tokens", "types", "type_token_ratio", "hapaxes",
                                       "sentences", "mean_sentence_length"])

