"""kit.analysis.sequences: n-grams and collocations checked against the texts read by hand."""
from __future__ import annotations

import pytest

import kit
from kit import InvalidArgument, load_text


def _count(table, doc, term, column="term"):
    rows = table[(table["doc"] == doc) & (table[column] == term)]
    return int(rows["count"].iloc[0]) if len(rows) else 0


# --- n-grams --------------------------------------------------------------------

def test_ngrams_north_korea(corpus):
    grams = kit.ngrams(corpus, n=2)
    assert _count(grams, "cho", "north korea", "ngram") == 11  # ids listed above
    # yang: "North Korea" once in each of 1.1, 1.2, 2.1, 3.1, 3.2, 4.1, 5.1, 6.1, 6.2, 6.3,
    # 7.1, 7.2, 7.3, 8.1, 8.2, 8.3, 9.1, 9.2, 9.3, 9.4, 10.1, 10.2 -> 22
    assert _count(grams, "yang", "north korea", "ngram") == 22
    assert _count(grams, "yang", "the u.s.", "ngram") == 15  # every lone "U.S." follows "the"


def test_ngrams_do_not_cross_sentences(corpus):
    # yang 5.1 ends "... with the U.S." and yang 5.2 starts "But due to ..."
    grams = kit.ngrams(corpus["yang"], n=2)
    assert _count(grams, "yang", "u.s. but", "ngram") == 0
    doc = load_text("We saw China. China saw us.", id="demo")
    assert _count(kit.ngrams(doc, n=2), "demo", "china china", "ngram") == 0
    # 2 sentences of 3 words -> 2 bigrams each
    assert kit.ngrams(doc, n=2)["count"].sum() == 4


def test_ngrams_stopwords_and_n(corpus):
    grams = kit.ngrams(corpus["yang"], n=2, stopwords=True)
    assert _count(grams, "yang", "the u.s.", "ngram") == 0       # contains "the"
    assert _count(grams, "yang", "north korea", "ngram") == 22
    # "Korean Peninsula" in yang 4.1, 4.2, 5.1 -> 3
    assert _count(grams, "yang", "korean peninsula", "ngram") == 3
    unigrams = kit.ngrams(corpus["cho"], n=1)
    freq = kit.frequencies(corpus["cho"], stopwords=False)
    assert dict(zip(unigrams.ngram, unigrams["count"])) == dict(zip(freq.term, freq["count"]))
    for n in (0, -1):
        with pytest.raises(InvalidArgument, match="n="):
            kit.ngrams(corpus, n=n)


# --- collocations ---------------------------------------------------------------

def test_collocations(corpus):
    coll = kit.collocations(corpus["cho"])
    assert list(coll.columns) == ["doc", "w1", "w2", "count", "score", "measure"]
    first = coll.iloc[0]
    assert (first.w1, first.w2, first["count"]) == ("north", "korea", 11)
    # "United States" in cho 2.3, 3.1, 3.6, 3.7 -> 4
    assert coll.set_index(["w1", "w2"]).loc[("united", "states"), "count"] == 4
    assert coll["count"].min() >= 2
    assert set(coll.measure) == {"likelihood_ratio"}


def test_collocations_stay_in_sentences():
    # as one stream "beta gamma" would occur twice; split into sentences it never does
    doc = load_text("Alpha beta. Gamma delta. Alpha beta. Gamma delta.", id="demo")
    coll = kit.collocations(doc, min_count=2)
    assert set(zip(coll.w1, coll.w2)) == {("alpha", "beta"), ("gamma", "delta")}
    wide = kit.collocations(doc, min_count=2, window=3)
    assert ("beta", "gamma") not in set(zip(wide.w1, wide.w2))


def test_collocations_bad_measure(corpus):
    with pytest.raises(InvalidArgument, match="likelihood_ratio, pmi"):
        kit.collocations(corpus["cho"], measure="magic")
    with pytest.raises(InvalidArgument, match="window"):
        kit.collocations(corpus["cho"], window=1)
