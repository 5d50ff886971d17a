"""stance(): modal verbs, hedges and boosters.  Expected markers were found by
reading each sentence against kit/data/lexicons/stance.yaml."""
from __future__ import annotations

import pytest

import kit
from kit.errors import InvalidArgument


def test_columns(corpus):
    assert list(kit.stance(corpus).columns) == ["doc", "sentence_id", "category", "marker", "start", "end"]
    for row in kit.stance(corpus).itertuples():
        assert corpus[row.doc].text[row.start:row.end].lower() == row.marker


def test_cho_markers_by_reading(corpus):
    # modal: will (2.3), should (3.1), would (3.2), could + should (3.6) = 5
    # hedge: "seeming friction" (3.1), "Nearly all" (3.4) = 2
    # booster: overwhelmingly (3.3), "not always" + never (3.5) = 3 ("in May", 2.5, is the month)
    counts = kit.stance(corpus["cho"], by="doc").set_index("category")["count"].to_dict()
    assert counts == {"modal": 5, "hedge": 2, "booster": 3}
    table = kit.stance(corpus["cho"])
    assert list(table[table.category == "modal"].sentence_id) == ["cho 2.3", "cho 3.1", "cho 3.2", "cho 3.6", "cho 3.6"]


def test_yang_markers_by_reading(corpus):
    # modal: could 1.2, will 1.3, will 4.3, will 5.2, it is necessary to 6.3, should 7.2,
    #   needs to + could 7.3, should 8.1, should 8.2, could 8.3, may 9.1, may 9.3, could 9.4,
    #   must 10.1, should + may 10.2 = 17
    # hedge: likely 3.2, "is said to" + appears 5.1 = 3
    # booster: "made it clear" 1.3, strongly 4.3, very 9.1 = 3
    counts = kit.stance(corpus["yang"], by="doc").set_index("category")["count"].to_dict()
    assert counts == {"modal": 17, "hedge": 3, "booster": 3}


def test_multi_word_markers(corpus):
    table = kit.stance(corpus["yang"])
    markers = dict(zip(table.marker, table.sentence_id))
    assert markers["it is necessary to"] == "yang 6.3"
    assert markers["needs to"] == "yang 7.3"
    assert markers["is said to"] == "yang 5.1"
    # yang 3.2 "the growing need for mutual cooperation": the noun "need" is not a modal
    # (its only marker is the hedge "is likely to continue")
    assert list(table[table.sentence_id == "yang 3.2"].marker) == ["likely"]


def test_may_the_month_is_not_a_modal(corpus):
    table = kit.stance(corpus)
    # "in May" (cho 2.5), "in late May" (yang 7.1)
    assert not table.sentence_id.isin(["cho 2.5", "yang 7.1"]).any()


def test_by_sentence_is_complete(corpus):
    table = kit.stance(corpus, by="sentence")
    assert len(table) == (19 + 27) * 3
    row = table[(table.sentence_id == "yang 10.2") & (table.category == "modal")]
    assert row["count"].item() == 2  # "should return", "may suggest"


def test_per_1000(corpus):
    for row in kit.stance(corpus, by="doc").itertuples():
        assert row.per_1000 == pytest.approx(row.count / len(kit.tokens(corpus[row.doc])) * 1000)


def test_lexicon_is_documented():
    table = kit.stance_lexicon()
    assert set(table.category) == {"modal", "hedge", "booster"}
    assert table.note.str.len().min() > 5
    for modal in ["should", "must", "need to", "could", "may", "might", "will", "would", "can"]:
        assert modal in set(table[table.category == "modal"].marker)


def test_bad_by(corpus):
    with pytest.raises(InvalidArgument, match="by="):
        kit.stance(corpus, by="paragraph")
