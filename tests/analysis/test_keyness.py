"""kit.keyness: G2, log ratio, p and stars checked against arithmetic done by hand."""
from __future__ import annotations

import math

import pytest

import kit
from kit import Document, EmptyText, InvalidArgument, WrongType, load_text
from kit.analysis.keyness import chi2_sf, g2, log_ratio, log_ratio_note, stars


@pytest.fixture()
def small():
    # target tokens: china china china korea                -> c = 4
    # reference tokens: korea korea japan japan japan china -> d = 6   (N = 10)
    target = load_text("China China China Korea.", id="t")
    reference = load_text("Korea Korea Japan Japan Japan China.", id="r")
    return kit.keyness(target, reference).set_index("term")


def test_china_by_hand(small):
    row = small.loc["china"]
    assert (row.count_target, row.count_reference) == (3, 1)
    assert row.per_1000_target == pytest.approx(750.0)          # 3/4*1000
    assert row.per_1000_reference == pytest.approx(1000 / 6)     # 1/6*1000
    # a=3 b=1 c=4 d=6, a+b=4: E11 = 4*4/10 = 1.6, E12 = 4*6/10 = 2.4,
    # other words: O21 = 1, O22 = 5, E21 = 6*4/10 = 2.4, E22 = 6*6/10 = 3.6
    # G2 = 2*(3 ln(3/1.6) + 1 ln(1/2.4) + 1 ln(1/2.4) + 5 ln(5/3.6))
    #    = 2*(1.885826 - 0.875469 - 0.875469 + 1.642520) = 2*1.777409 = 3.554818
    assert row.g2 == pytest.approx(3.554818, abs=1e-5)
    # 3/4 > 1/6 -> positive; log2((3/4)/(1/6)) = log2(4.5) = 2.169925
    assert row.log_ratio == pytest.approx(2.169925, abs=1e-6)
    # 3.55 < 3.84: not significant at .05; chi-square(1) table: p between .05 and .10
    assert 0.05 < row.p_value < 0.10 and row.stars == ""
    assert bool(row.low_expected) is True   # E11 = 1.6 < 5


def test_reference_words_by_hand(small):
    japan = small.loc["japan"]
    # a=0 b=3: E11 = 3*4/10 = 1.2, E12 = 1.8, E21 = 7*4/10 = 2.8, E22 = 7*6/10 = 4.2
    # O = 0, 3, 4, 3; the zero cell adds 0:
    # G2 = 2*(3 ln(3/1.8) + 4 ln(4/2.8) + 3 ln(3/4.2)) = 2*(1.532477 + 1.426700 - 1.009417)
    #    = 3.899520, negative because 0/4 < 3/6
    assert japan.g2 == pytest.approx(-3.899520, abs=1e-5)
    assert japan.stars == "*"                                 # 3.90 >= 3.84
    assert japan.log_ratio == pytest.approx(-2.0)             # log2((0.5/4)/(3/6)) = log2(1/4)
    korea = small.loc["korea"]
    # a=1 b=2: same expected counts as japan; O = 1, 2, 3, 4
    # G2 = 2*(ln(1/1.2) + 2 ln(2/1.8) + 3 ln(3/2.8) + 4 ln(4/4.2))
    #    = 2*(-0.182322 + 0.210721 + 0.206978 - 0.195161) = 0.080432; 1/4 < 2/6 -> negative
    assert korea.g2 == pytest.approx(-0.080432, abs=1e-5)
    assert korea.log_ratio == pytest.approx(math.log2(0.75))  # (1/4)/(2/6) = 0.75


def test_order_and_columns(small):
    table = small.reset_index()
    assert list(table.columns) == ["term", "count_target", "count_reference", "per_1000_target",
                                   "per_1000_reference", "g2", "log_ratio", "p_value", "stars",
                                   "low_expected", "log_ratio_note"]
    assert list(table.term) == ["china", "korea", "japan"]   # g2: 3.55, -0.08, -3.90


def test_expected_counts_of_five_are_not_low():
    # target: 10 china + 10 korea (c = 20); reference: 10 china + 10 japan (d = 20)
    target = load_text("china korea " * 10, id="t")
    reference = load_text("china japan " * 10, id="r")
    table = kit.keyness(target, reference).set_index("term")
    # china: a = b = 10, all four expected counts are 10 -> G2 = 0, nothing low
    assert table.loc["china", "g2"] == pytest.approx(0.0, abs=1e-12)
    assert not table.loc["china", "low_expected"]
    # korea: a=10 b=0; E11 = E12 = 10*20/40 = 5 (not below 5), E21 = E22 = 15
    # G2 = 2*(10 ln(10/5) + 10 ln(10/15) + 20 ln(20/15)) = 2*(6.931472 - 4.054651 + 5.753641)
    #    = 17.260924 -> "****" (>= 15.13)
    assert table.loc["korea", "g2"] == pytest.approx(17.260924, abs=1e-5)
    assert table.loc["korea", "stars"] == "****"
    assert not table.loc["korea", "low_expected"]
    assert table.loc["korea", "log_ratio"] == pytest.approx(math.log2(20))  # (10/20)/(0.5/20)
    assert table.loc["japan", "g2"] == pytest.approx(-17.260924, abs=1e-5)


def test_chi_square_survival_matches_the_table():
    # textbook critical values of chi-square with 1 df
    for x, p in [(3.841459, 0.05), (6.634897, 0.01), (10.827566, 0.001), (15.136705, 0.0001)]:
        assert chi2_sf(x) == pytest.approx(p, rel=1e-5)
    assert chi2_sf(0) == 1.0


def test_stars_thresholds():
    assert [stars(v) for v in (3.83, 3.84, 6.63, 10.83, 15.13, -15.2)] == ["", "*", "**", "***", "****", "****"]
    assert stars(100.0, p=0.2) == "" and stars(0.0, p=0.004) == "**"


def test_helpers_by_hand():
    # log2((8/100)/(2/100)) = log2(4) = 2; a zero count is replaced by 0.5: log2(4/0.5) = 3
    assert log_ratio(8, 2, 100, 100) == pytest.approx(2.0)
    assert log_ratio(4, 0, 100, 100) == pytest.approx(3.0)
    assert log_ratio_note(8, 2, 100, 100) == "" and log_ratio_note(4, 0, 100, 100).startswith("bound")
    # 1 in 757 vs 0 in 363: the 0.5 gives log2((1/757)/(0.5/363)) = log2(0.959) = -0.06 < 0,
    # pointing at the text that never uses the word: no honest estimate, left empty
    assert math.isnan(log_ratio(1, 0, 757, 363)) and math.isnan(log_ratio(0, 1, 363, 757))
    assert log_ratio_note(1, 0, 757, 363).startswith("empty")
    # 2 in 757 vs 0 in 363: log2((2/757)/(0.5/363)) = log2(1.918) = 0.94 > 0: a bound is kept
    assert log_ratio(2, 0, 757, 363) == pytest.approx(math.log2((2 / 757) / (0.5 / 363)))
    assert math.isnan(log_ratio(0, 0, 10, 10))
    assert g2(0, 0, 10, 10) == 0.0
    assert g2(1, 1, 10, 10) == pytest.approx(0.0, abs=1e-12)


def test_bonferroni(small):
    raw = small
    target = load_text("China China China Korea.", id="t")
    reference = load_text("Korea Korea Japan Japan Japan China.", id="r")
    corrected = kit.keyness(target, reference, correction="bonferroni").set_index("term")
    # three terms tested -> p * 3, capped at 1
    for term in ("china", "korea", "japan"):
        assert corrected.loc[term, "p_value"] == pytest.approx(min(1.0, raw.loc[term, "p_value"] * 3))
    # japan: p = P(chi2 > 3.8995) ~ 0.048 -> * uncorrected, ~0.145 corrected -> no star
    assert raw.loc["japan", "stars"] == "*" and corrected.loc["japan", "stars"] == ""
    assert corrected.loc["japan", "g2"] == raw.loc["japan", "g2"]
    with pytest.raises(InvalidArgument, match="bonferroni"):
        kit.keyness(target, reference, correction="holm")


def test_cho_against_yang(corpus):
    table = kit.keyness(corpus["cho"], corpus["yang"]).set_index("term")
    # "United States": cho 2.3, 3.1, 3.6, 3.7 (4), never in yang -> key for cho
    assert table.loc["states", "count_target"] == 4 and table.loc["states", "count_reference"] == 0
    assert table.loc["states", "g2"] > 0
    # "U.S." alone: 15 times in yang (see test_frequency), never in cho -> key for yang
    assert table.loc["u.s.", "g2"] < 0 and table.loc["u.s.", "stars"] == "***"
    # most terms are too rare for the test: low expected counts nearly everywhere
    assert table["low_expected"].mean() > 0.9
    pooled = kit.keyness(corpus["cho"], [corpus["yang"]])
    assert pooled.set_index("term").loc["u.s.", "count_reference"] == 15
    # the sizes used as c and d are the token counts of kit.summary()
    sizes = kit.summary(corpus).set_index("doc")["tokens"]
    assert pooled.attrs["target_tokens"] == sizes["cho"]
    assert pooled.attrs["reference_tokens"] == sizes["yang"]
    assert (pooled.attrs["target"], pooled.attrs["reference"]) == ("cho", "yang")
    raw = kit.keyness(corpus["cho"], corpus["yang"], min_count=5)
    assert ((raw.count_target + raw.count_reference) >= 5).all()


def test_log_ratio_direction_on_the_real_texts(corpus):
    # Before the fix 203 of the 386 rows of yang-vs-cho pointed the wrong way (a word seen
    # once in yang, 757 tokens, and never in cho, 363 tokens, got log2((1/757)/(0.5/363)) < 0).
    for target, reference in (("yang", "cho"), ("cho", "yang")):
        table = kit.keyness(corpus[target], corpus[reference])
        assert len(table) == 386
        diff = table.per_1000_target - table.per_1000_reference
        shown = table.log_ratio.notna()
        assert (((table.log_ratio > 0) & (diff <= 0)) | ((table.log_ratio < 0) & (diff >= 0))).sum() == 0
        assert ((table.log_ratio > 0) == (diff > 0))[shown].all()
        # the G2 sign agrees too wherever both are given
        assert ((table.g2 > 0) == (table.log_ratio > 0))[shown & (table.g2 != 0)].all()
        empty = table[~shown]
        # the only rows left empty: a word seen once in the longer text (yang), never in cho
        longer = "count_target" if target == "yang" else "count_reference"
        shorter = "count_reference" if target == "yang" else "count_target"
        assert (empty[longer] == 1).all() and (empty[shorter] == 0).all()
        assert empty.log_ratio_note.str.startswith("empty").all()
        assert len(empty) == 203


def test_real_rows_by_hand(corpus):
    table = kit.keyness(corpus["cho"], corpus["yang"]).set_index("term")
    assert (table.attrs["target_tokens"], table.attrs["reference_tokens"]) == (363, 757)
    # "cooperation": cho once ("military cooperation" cho 2.3); yang five times (yang 3.2, 4.3,
    # 5.1, 6.1, 6.3) - found by reading the texts.  log2((1/363)/(5/757)) = log2(757/1815)
    # = log2(0.417080) = -1.261604: more frequent in yang, negative, as its rates say
    row = table.loc["cooperation"]
    assert (row.count_target, row.count_reference) == (1, 5)
    assert row.log_ratio == pytest.approx(-1.261604, abs=1e-6) and row.log_ratio_note == ""
    # "pyongyang": cho 1.2, 2.4, 2.6 (3 times), never in yang.  Bound:
    # log2((3/363)/(0.5/757)) = log2(2271/181.5) = log2(12.512397) = 3.645287
    row = table.loc["pyongyang"]
    assert (row.count_target, row.count_reference) == (3, 0)
    assert row.log_ratio == pytest.approx(3.645287, abs=1e-6)
    assert row.log_ratio_note.startswith("bound")
    # "iran": once in yang (yang 6.2), never in cho: 0.5 would give
    # log2((0.5/363)/(1/757)) = log2(1.0427) = +0.06, pointing at cho: left empty
    row = table.loc["iran"]
    assert (row.count_target, row.count_reference) == (0, 1)
    assert math.isnan(row.log_ratio) and row.log_ratio_note.startswith("empty")
    assert row.g2 < 0


def test_bad_input(corpus):
    with pytest.raises(InvalidArgument, match="also in the reference"):
        kit.keyness(corpus["cho"], corpus["cho"])
    with pytest.raises(InvalidArgument, match="also in the reference"):
        kit.keyness(corpus["cho"], corpus)   # the corpus contains cho
    copy = Document(id="copy", text=corpus["cho"].text)
    with pytest.raises(InvalidArgument):
        kit.keyness(corpus["cho"], copy)
    with pytest.raises(EmptyText):
        kit.keyness(Document(id="dashes", text="— !"), corpus["yang"])
    with pytest.raises(WrongType):
        kit.keyness("cho", corpus["yang"])
    with pytest.raises(WrongType):
        kit.keyness(corpus["cho"], None)
    with pytest.raises(InvalidArgument):
        kit.keyness(corpus["cho"], corpus["yang"], min_count=0)


# --- properties that must hold for any pair of texts ------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["china", "korea", "the", "U.S.", "allies", "russia", "should"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_swapping_target_and_reference_flips_the_signs(a_text, b_text):
    a, b = Document(id="a", text=a_text), Document(id="b", text=b_text + " korea.")
    ab = kit.keyness(a, b, stopwords=False).set_index("term")
    ba = kit.keyness(b, a, stopwords=False).set_index("term")
    assert set(ab.index) == set(ba.index)
    for term in ab.index:
        assert ab.loc[term, "g2"] == pytest.approx(-ba.loc[term, "g2"], abs=1e-9)
        assert ab.loc[term, "log_ratio"] == pytest.approx(-ba.loc[term, "log_ratio"], nan_ok=True)
        assert ab.loc[term, "p_value"] == pytest.approx(ba.loc[term, "p_value"])
        assert 0 <= ab.loc[term, "p_value"] <= 1


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_log_ratio_never_points_against_the_rates(a_text, b_text):
    a, b = Document(id="a", text=a_text), Document(id="b", text=b_text + " korea korea.")
    table = kit.keyness(a, b, stopwords=False)
    diff = table.per_1000_target - table.per_1000_reference
    shown = table.log_ratio.notna()
    assert ((table.log_ratio[shown] > 0) == (diff[shown] > 0)).all()
    assert ((table.log_ratio[shown] < 0) == (diff[shown] < 0)).all()
    assert (table.log_ratio_note[~shown] != "").all()   # every empty cell says why


@settings(max_examples=60, deadline=None)
@given(texts)
def test_counts_add_up_to_the_tokens(text):
    doc = Document(id="a", text=text)
    freq = kit.frequencies(doc, stopwords=False)
    tokens = kit.summary(doc)["tokens"].iloc[0]
    assert freq["count"].sum() == tokens == len(kit.tokens(doc))
    assert freq["per_1000"].sum() == pytest.approx(1000)


# --- show the maths: kit.explain_keyness and kit.keyness_explorer -----------------

def test_explain_keyness_matches_the_table(corpus):
    x = kit.explain_keyness(corpus["cho"], corpus["yang"], "Cooperation")
    row = kit.keyness(corpus["cho"], corpus["yang"]).set_index("term").loc["cooperation"]
    assert x.term == "cooperation"
    assert x.table.loc["cooperation"].tolist() == [1, 5]               # cho 2.3; yang 3.2 4.3 5.1 6.1 6.3
    assert x.table.loc["other words"].tolist() == [362, 752]           # 363 - 1, 757 - 5
    # E11 = 6*363/1120 = 1.944643, E12 = 6*757/1120 = 4.055357
    assert x.expected.loc["cooperation", "cho"] == pytest.approx(1.945, abs=1e-3)
    assert x.expected.loc["cooperation", "yang"] == pytest.approx(4.055, abs=1e-3)
    assert x.g2 == pytest.approx(row.g2) and x.log_ratio == pytest.approx(row.log_ratio)
    text = str(x)
    assert "log2((1/363) / (5/757))" in text and "= -1.26" in text
    assert "6×363/1120 = 1.945" in text and f"G2 = {row.g2:+.3f}" in text
    empty = kit.explain_keyness(corpus["cho"], corpus["yang"], "iran")
    assert math.isnan(empty.log_ratio) and "Left empty" in str(empty)
    with pytest.raises(kit.UnknownTerm, match="neither"):
        kit.explain_keyness(corpus["cho"], corpus["yang"], "zebra")
    with pytest.raises(InvalidArgument):
        kit.explain_keyness(corpus["cho"], corpus["yang"], "two words")
    with pytest.raises(WrongType):
        kit.explain_keyness(corpus["cho"], corpus["yang"], 3)


def test_keyness_explorer(corpus):
    ui = kit.keyness_explorer(corpus["cho"], corpus["yang"], query="wedge")
    assert ui.query.description == "Term"
    assert "log2" in ui.maths.value and "cho 3.1" in ui.lines.value and "In yang" in ui.lines.value
    ui.query.value = "u.s."
    assert ui.lines.value.count("<tr>") == 15                          # 15 in yang, none in cho
    ui.query.value = "<script>"
    assert "<script>" not in ui.status.value and "&lt;script&gt;" in ui.status.value
    assert "var(--jp-" in ui.status.value and "#b00;" not in ui.status.value


# --- a small reference (issue 12) -------------------------------------------------------


def test_tiny_reference_warns_once_in_plain_words(corpus):
    import warnings

    long_text = kit.load_text(" ".join(s.text for s in corpus["yang"].sentences) * 10, id="long")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kit.keyness(long_text, corpus["cho"])
    small = [w for w in caught if issubclass(w.category, kit.SmallReferenceWarning)]
    assert len(small) == 1  # once per call, not once per row
    assert "The reference (cho) has only 363 words" in str(small[0].message)
    assert "weak stars do not mean 'no difference'" in str(small[0].message)


def test_equal_sized_texts_do_not_warn(corpus):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", kit.SmallReferenceWarning)
        kit.keyness(corpus["cho"], corpus["yang"])  # 363 against 757 words: no warning
