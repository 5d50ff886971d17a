"""actors() and the gazetteer.  Expected mentions were counted by reading every
sentence of both texts (listed in the comments)."""
from __future__ import annotations

import pytest

import kit
from kit.errors import InvalidArgument, UnknownActor, WrongType


def mentions_in(corpus, sentence_id):
    table = kit.actors(corpus)
    return list(table[table.sentence_id == sentence_id].actor)


def test_columns(corpus):
    assert list(kit.actors(corpus).columns) == ["doc", "sentence_id", "actor", "mention", "start", "end"]
    assert list(kit.actors(corpus, by="doc").columns) == ["doc", "actor", "count", "per_1000"]


def test_offsets_point_at_the_mention(corpus):
    for row in kit.actors(corpus).itertuples():
        assert corpus[row.doc].text[row.start:row.end] == row.mention
        assert corpus.sentence(row.sentence_id).start <= row.start


def test_cho_counts_by_reading(corpus):
    counts = kit.actors(corpus["cho"], by="doc").set_index("actor")["count"].to_dict()
    # United States: White House (1.1), United States (2.3, 3.1, 3.6, 3.7) = 5
    # China: 2.1, 2.2 (Chinese, China’s), 2.4 Beijing, 2.5, 2.6 Chinese, 3.1 (x2), 3.3, 3.4,
    #   3.6 (China, Chinese), 3.7 = 13
    # North Korea: 1.1, 1.2 (Pyongyang, North Korea), 1.5, 2.1, 2.3, 2.4 (Pyongyang’s, North
    #   Korea’s), 2.6 Pyongyang, 3.1 (x2), 3.3, 3.6 (x2), 3.8 "North Korean" = 15
    # South Korea: 2.5, 2.6 (South Korean, Seoul) = 3
    # Russia: 1.1, 1.2 (Moscow, Russia’s), 1.5 "Russian President Vladimir Putin" (one), 2.2, 2.3,
    #   2.4 Moscow, 2.6 Putin = 8
    # Japan 2.5; Ukraine 1.1; Europe 2.3 ("its allies in Europe and Asia")
    assert counts == {"United States": 5, "China": 13, "North Korea": 15, "South Korea": 3,
                      "Russia": 8, "Japan": 1, "Ukraine": 1, "Europe": 1}


def test_yang_counts_by_reading(corpus):
    counts = kit.actors(corpus["yang"], by="doc").set_index("actor")["count"].to_dict()
    # United States, per sentence: 1.1 U.S.-China, 1.2, 1.3 Biden administration, 2.1, 3.1 (U.S.,
    #   America), 4.3 (U.S. missile, ROK-U.S.-Japan), 5.1, 5.2, 6.1, 6.2, 6.3 (U.S.-China, Biden
    #   administration), 7.1 (U.S., U.S.-DPRK), 7.2, 7.3 (U.S., U.S.-DPRK), 8.1, 8.2 (x2), 9.3, 10.1,
    #   10.2 (U.S., Biden administration's, U.S.) = 27
    # South Korea: ROK (4.3, 5.2), South Korea (7.1, 9.2) = 4; Russia: 5.1, 5.2 = 2;
    # Japan: 4.3, 5.2 (both in ROK-U.S.-Japan) = 2; no Ukraine, no Europe (0 rows kept)
    assert counts["United States"] == 27
    assert counts["South Korea"] == 4
    assert counts["Russia"] == 2
    assert counts["Japan"] == 2
    assert counts["Ukraine"] == 0 and counts["Europe"] == 0


def test_compounds_are_read_part_by_part(corpus):
    # yang 4.3 "... the U.S. missile defense system and ROK-U.S.-Japan military cooperation"
    assert mentions_in(corpus, "yang 4.3") == [
        "China", "North Korea", "United States", "South Korea", "United States", "Japan"]
    # yang 5.2 "a ROK-U.S.-Japan vs. DPRK-China-Russia rivalry"
    assert mentions_in(corpus, "yang 5.2") == [
        "South Korea", "United States", "Japan", "North Korea", "China", "Russia"]
    # yang 1.1 "Intensifying U.S.-China competition ... between China and North Korea"
    assert mentions_in(corpus, "yang 1.1") == ["United States", "China", "China", "North Korea"]


def test_inter_korea_is_not_an_actor(corpus):
    # yang 7.1: South Korea, the U.S., North Korea, "the North", and U.S.-DPRK (2);
    # "inter-Korea" (relations between the two Koreas) is not one actor
    table = kit.actors(corpus)
    rows = table[table.sentence_id == "yang 7.1"]
    assert list(rows.mention) == ["South Korea", "U.S.", "North Korea", "the North", "U.S.", "DPRK"]
    where = corpus["yang"].text.index("inter-Korea")
    assert not ((rows.start >= where) & (rows.start < where + len("inter-Korea"))).any()


def test_longest_name_wins(corpus):
    table = kit.actors(corpus)
    # cho 3.8 "the North Korean regime": one mention, "North Korean", not also "the North"
    assert list(table[table.sentence_id == "cho 3.8"].mention) == ["North Korean"]
    # cho 2.5 "South Korea and Japan": South Korea, never North Korea
    assert mentions_in(corpus, "cho 2.5") == ["China", "South Korea", "Japan"]
    # cho 1.5 "Russian President Vladimir Putin made his first trip to North Korea": 2 mentions
    assert list(table[table.sentence_id == "cho 1.5"].mention) == ["Russian President Vladimir Putin", "North Korea"]


def test_places_and_events_are_not_actors(corpus):
    # cho 3.7 "the United States and China ... peace on the Korean Peninsula"
    assert mentions_in(corpus, "cho 3.7") == ["United States", "China"]
    # yang 8.3 "The Beijing Winter Olympics next February could provide important momentum for
    # China to seek an active role in addressing the North Korea issues"
    assert mentions_in(corpus, "yang 8.3") == ["China", "North Korea"]


def test_back_matter_left_out_by_default(corpus):
    # Yang's bio: "University of North Korean Studies", "Korean Association of North Korean Studies"
    assert "North Korean Studies" in corpus["yang"].back_matter
    assert not (kit.actors(corpus).sentence_id == "back matter").any()
    with_bio = kit.actors(corpus, include_back_matter=True)
    assert not (with_bio.sentence_id == "back matter").any()  # the field name is not the actor
    extra = kit.actors(corpus, include_back_matter=True, gazetteer={"South Korea": ["Ministry of Unification"]})
    bio = extra[extra.sentence_id == "back matter"]
    assert list(bio.mention) == ["Ministry of Unification"]
    assert corpus["yang"].back_matter[bio.start.item():bio.end.item()] == "Ministry of Unification"


def test_per_1000_and_complete_rows(corpus):
    table = kit.actors(corpus, by="doc")
    assert len(table) == 2 * 8  # every default actor for each document
    for row in table.itertuples():
        assert row.per_1000 == pytest.approx(row.count / len(kit.tokens(corpus[row.doc])) * 1000)


def test_user_gazetteer(corpus):
    # yang 6.2 "the issues of Iran, North Korea and climate change"
    table = kit.actors(corpus, gazetteer={"Iran": ["Iran", "Tehran"]})
    assert list(table[table.actor == "Iran"].sentence_id) == ["yang 6.2"]
    by_doc = kit.actors(corpus, gazetteer={"Iran": ["Iran"]}, by="doc").set_index(["doc", "actor"])["count"]
    assert by_doc[("cho", "Iran")] == 0 and by_doc[("yang", "Iran")] == 1
    table = kit.gazetteer({"Iran": ["Iran", "Tehran"]})
    assert {"Iran", "North Korea"} <= set(table.actor)
    assert ("North Korea", "DPRK") in set(zip(table.actor, table.name))
    with pytest.raises(WrongType):
        kit.actors(corpus, gazetteer=["Iran"])
    with pytest.raises(WrongType):
        kit.actors(corpus, gazetteer={"Iran": [3]})


def test_select_and_unknown_actor(corpus):
    # Japan: cho 2.5; yang 4.3, 5.2
    assert list(kit.actors(corpus, select="Japan").sentence_id) == ["cho 2.5", "yang 4.3", "yang 5.2"]
    with pytest.raises(UnknownActor, match="Known actors"):
        kit.actors(corpus, select="Narnia")
    with pytest.raises(InvalidArgument):
        kit.actors(corpus, by="sentence")


def test_case_rules():
    doc = kit.load_text("The North refused. Let us talk to the US and to Pyongyang.", id="demo")
    assert list(kit.actors(doc).mention) == ["The North", "US", "Pyongyang"]


@pytest.mark.parametrize("text, wrong", [
    ("Ships crossed the North Atlantic last year.", "North Korea"),
    ("Tensions rose in the South China Sea again.", "China"),
    ("The South China Morning Post reported it first.", "China"),
    ("The Washington Post reported it first.", "United States"),
    ("Exports to North America and South America grew.", "North Korea"),
])
def test_shipped_exclusions_are_not_mentions(text, wrong):
    assert wrong not in set(kit.actors(kit.load_text(text)).actor)


def test_exclusions_keep_real_mentions_beside_them():
    doc = kit.load_text("The Washington Post says Washington and the North will talk.")
    assert list(kit.actors(doc).mention) == ["Washington", "the North"]


def test_your_own_exclusions():
    doc = kit.load_text("At the Seoul Forum, Seoul spoke.")
    assert list(kit.actors(doc).mention) == ["Seoul", "Seoul"]
    assert list(kit.actors(doc, exclude=["Seoul Forum"]).mention) == ["Seoul"]
    assert list(kit.actors(doc, exclude="Seoul Forum").mention) == ["Seoul"]
