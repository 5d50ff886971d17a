"""kit.analysis.frequency: counts checked against the texts read by hand."""
from __future__ import annotations

from collections import Counter

import pytest

import kit
from kit import Document, EmptyText, InvalidArgument, UnknownTerm, WrongType, load_text


def _count(table, doc, term, column="term"):
    rows = table[(table["doc"] == doc) & (table[column] == term)]
    return int(rows["count"].iloc[0]) if len(rows) else 0


# --- frequencies ------------------------------------------------------------------

def test_frequencies_counts_read_from_the_texts(corpus):
    freq = kit.frequencies(corpus)
    # "China" (incl. "China’s") in cho 2.1, 2.2, 2.5, 3.1 (twice), 3.3, 3.4, 3.6, 3.7 -> 9
    assert _count(freq, "cho", "china") == 9
    # "North Korea" in cho 1.1, 1.2, 1.5, 2.1, 2.3, 2.4, 3.1 (x2), 3.3, 3.6 (x2) = 11,
    # plus "North Korean" in cho 3.8 -> "north" 12; "korea" 11 + "South Korea" cho 2.5 -> 12
    assert _count(freq, "cho", "north") == 12
    assert _count(freq, "cho", "korea") == 12
    # "cooperation" in yang 3.2, 4.3, 5.1, 6.1, 6.3 -> 5 (the brief's example)
    assert _count(freq, "yang", "cooperation") == 5
    # "U.S." standing alone in yang 1.2 ("U.S.'s"), 2.1, 3.1, 4.3, 5.1, 7.1, 7.2, 7.3, 8.1,
    # 8.2 (x2), 9.3, 10.1, 10.2 (x2) -> 15; the compounds U.S.-China etc. are other tokens
    assert _count(freq, "yang", "u.s.") == 15
    # Cho never writes "U.S.": he writes "the United States" (cho 2.3, 3.1, 3.6, 3.7) -> 4
    assert _count(freq, "cho", "u.s.") == 0
    assert _count(freq, "cho", "states") == 4


def test_frequencies_ranks_share_ties_and_sort(corpus):
    freq = kit.frequencies(corpus["cho"])
    # north and korea are tied at 12 (see above) -> both rank 1; china (9) -> rank 3
    top = freq.head(3)
    assert list(top["term"]) == ["korea", "north", "china"]
    assert list(top["rank"]) == [1, 1, 3]
    assert list(freq.columns) == ["doc", "term", "count", "per_1000", "rank"]
    assert freq["count"].is_monotonic_decreasing


def test_per_1000_by_hand():
    # tokens: china met korea china and korea agreed -> 7 tokens (stopwords included)
    doc = load_text("China met Korea. China and Korea agreed.", id="demo")
    freq = kit.frequencies(doc)
    row = freq[freq.term == "china"].iloc[0]
    assert row["count"] == 2
    assert row["per_1000"] == pytest.approx(2 / 7 * 1000)  # 285.714...
    # "and" is a stopword: it has no row but still counts in the denominator
    assert "and" not in set(freq.term)
    with_stops = kit.frequencies(doc, stopwords=False)
    assert with_stops[with_stops.term == "and"]["per_1000"].iloc[0] == pytest.approx(1 / 7 * 1000)
    assert with_stops[with_stops.term == "china"]["per_1000"].iloc[0] == pytest.approx(2 / 7 * 1000)


def test_per_1000_denominator_is_summary_tokens(corpus):
    freq = kit.frequencies(corpus)
    sizes = kit.summary(corpus).set_index("doc")["tokens"]
    for row in freq.itertuples():
        assert row.per_1000 == pytest.approx(row.count / sizes[row.doc] * 1000)


def test_frequencies_agree_with_kit_tokens(corpus):
    for doc in corpus.values():
        for kwargs in ({}, {"stopwords": False}, {"stem": True}, {"lower": False, "stopwords": False}):
            freq = kit.frequencies(doc, **kwargs)
            expected = Counter(kit.tokens(doc, stopwords=kwargs.get("stopwords", True),
                                          stem=kwargs.get("stem", False),
                                          lower=kwargs.get("lower", True)))
            assert dict(zip(freq.term, freq["count"])) == dict(expected)


def test_options_case_stem_hyphens():
    doc = load_text("Cooperation helps. We cooperate, cooperating with China and china.", id="demo")
    # lower=False keeps "China" and "china" apart
    cased = kit.frequencies(doc, lower=False)
    assert _count(cased, "demo", "China") == 1 and _count(cased, "demo", "china") == 1
    # Snowball: cooperation, cooperate, cooperating -> "cooper" (3 words)
    assert _count(kit.frequencies(doc, stem=True), "demo", "cooper") == 3
    trilateral = load_text("ROK-U.S.-Japan ties and the U.S. role.", id="t")
    # whole: one "rok-u.s.-japan" and one "u.s."; split: "u.s." twice
    assert _count(kit.frequencies(trilateral), "t", "u.s.") == 1
    assert _count(kit.frequencies(trilateral, split_hyphens=True), "t", "u.s.") == 2


def test_min_count_and_top(corpus):
    freq = kit.frequencies(corpus, min_count=4)
    assert freq["count"].min() >= 4
    top = kit.frequencies(corpus, top=3)
    assert list(top.groupby("doc").size()) == [3, 3]
    # yang: north 24, korea 24 (22 "North Korea" + "South Korea" yang 7.1, 9.2), china 18
    assert list(top[top.doc == "yang"].term) == ["korea", "north", "china"]


@pytest.mark.parametrize("bad", [{"min_count": 0}, {"top": 0}, {"min_count": "2"}])
def test_bad_counts(corpus, bad):
    with pytest.raises((InvalidArgument, WrongType)):
        kit.frequencies(corpus, **bad)


def test_frequencies_bad_input():
    with pytest.raises(WrongType, match="load_text"):
        kit.frequencies("China and Korea")
    with pytest.raises(WrongType):
        kit.frequencies(42)
    with pytest.raises(EmptyText, match="no words"):
        kit.frequencies(Document(id="dashes", text="— ... !"))


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


# --- dispersion -----------------------------------------------------------------

def test_dispersion_sentences_and_offsets(corpus):
    disp = kit.dispersion(corpus["cho"], ["China", "North Korea"])
    china = disp[disp.term == "China"]
    assert list(china.sentence_id) == ["cho 2.1", "cho 2.2", "cho 2.5", "cho 3.1", "cho 3.1",
                                       "cho 3.3", "cho 3.4", "cho 3.6", "cho 3.7"]
    assert len(disp[disp.term == "North Korea"]) == 11
    assert disp.position.between(0, 1, inclusive="left").all()
    tokens = kit.summary(corpus["cho"])["tokens"].iloc[0]
    assert (disp.position == disp.offset / tokens).all()


def test_dispersion_by_hand():
    # tokens: korea(0) first(1) then(2) china(3) and(4) north(5) korea(6) -> 7
    doc = load_text("Korea first. Then China and North Korea.", id="demo")
    disp = kit.dispersion(doc, ["north korea", "China"])
    assert list(zip(disp.term, disp.offset)) == [("north korea", 5), ("China", 3)]
    assert disp.position.tolist() == pytest.approx([5 / 7, 3 / 7])
    # a phrase is not matched across a sentence end: "korea then" spans 1.1 / 1.2
    with pytest.raises(UnknownTerm):
        kit.dispersion(doc, "first then")


def test_dispersion_unknown_terms(corpus):
    with pytest.raises(UnknownTerm, match="Taiwan"):
        kit.dispersion(corpus, ["Taiwan", "Mongolia"])
    with pytest.warns(UserWarning, match="Taiwan"):
        disp = kit.dispersion(corpus, ["Taiwan", "China"])
    assert set(disp.term) == {"China"}
    assert disp.attrs["terms"] == ["Taiwan", "China"]
    with pytest.raises(InvalidArgument):
        kit.dispersion(corpus, ["China", "..."])
    with pytest.raises(InvalidArgument):
        kit.dispersion(corpus, [])
    with pytest.raises(WrongType):
        kit.dispersion(corpus, 42)
    with pytest.raises(WrongType):
        kit.dispersion("some text", ["China"])


# --- summary --------------------------------------------------------------------

def test_summary_by_hand():
    # china met korea | china agreed -> 5 tokens, 4 types (china x2), 3 hapaxes, 2 sentences
    table = kit.summary(load_text("China met Korea. China agreed.", id="demo"))
    row = table.iloc[0]
    assert (row.tokens, row.types, row.hapaxes, row.sentences) == (5, 4, 3, 2)
    assert row.type_token_ratio == pytest.approx(0.8)
    assert row.mean_sentence_length == pytest.approx(2.5)


def test_summary_corpus(corpus):
    table = kit.summary(corpus).set_index("doc")
    # sentence counts from the brief: cho 5+6+8 = 19, yang 3+1+2+4+2+3+3+3+4+2 = 27
    assert table.loc["cho", "sentences"] == 19
    assert table.loc["yang", "sentences"] == 27
    for doc_id in ("cho", "yang"):
        assert table.loc[doc_id, "tokens"] == len(kit.tokens(corpus[doc_id]))
    # "about 355 vs 790 body words": the tokenizer also counts "'s" as a token
    assert 340 < table.loc["cho", "tokens"] < 380
    assert 740 < table.loc["yang", "tokens"] < 820
    with pytest.raises(EmptyText):
        kit.summary(Document(id="dashes", text="— !"))


def test_counts_follow_a_changed_text():
    # counts are remembered per document; a new text must not reuse the old counts
    doc = load_text("China met Korea.", id="demo")
    assert _count(kit.frequencies(doc), "demo", "china") == 1
    doc.text = "Japan met Japan."
    freq = kit.frequencies(doc)
    assert _count(freq, "demo", "china") == 0 and _count(freq, "demo", "japan") == 2
