"""kit.analysis.frequency: frequencies and summary, counts checked against the texts read by hand."""
from __future__ import annotations

from collections import Counter

import pytest

import kit
from kit import Document, EmptyText, InvalidArgument, WrongType, load_text


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
    cased = kit.frequencies(doc, case_sensitive=True)
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
