"""The shipped argument maps and comparison questions: every id resolves, every quote is
verbatim, and the readings the lessons rely on are the ones checked here by hand."""
from __future__ import annotations

import re

import pytest

from kit.argumentation import citations as cit
from kit.files.resources import load_yaml
from kit.argumentation.comparison import RELATIONS, compare_arguments
from kit.argumentation.maps import CLAIM_TYPES, arguments

ACTORS = {"United States", "China", "North Korea", "South Korea", "Russia", "Japan"}


@pytest.fixture(scope="module")
def maps():
    return {doc: load_yaml(f"arguments/{doc}.yaml") for doc in ("cho", "yang")}


@pytest.mark.parametrize("doc", ["cho", "yang"])
def test_every_cited_id_resolves_and_every_quote_is_verbatim(corpus, maps, doc):
    data = maps[doc]
    claims = [{"id": "thesis", **data["thesis"]}, *data["claims"]]
    for claim in claims:
        texts = [corpus.sentence(sid).text for sid in claim["cites"]]  # raises if unknown
        assert all(sid.startswith(f"{doc} ") for sid in claim["cites"]), claim["id"]
        for phrase in claim.get("quotes", []):
            assert any(cit.quote_in(phrase, t) for t in texts), (claim["id"], phrase)
        # a phrase in double quotes inside the paraphrase is a quotation: it must be listed
        # under `quotes` (and so be checked against the cited sentences above)
        for phrase in re.findall(r'"([^"]+)"', claim["paraphrase"]):
            assert any(cit.quote_in(phrase, t) for t in texts), (claim["id"], phrase)


@pytest.mark.parametrize("doc", ["cho", "yang"])
def test_types_addressees_and_supports_are_valid(maps, doc):
    claims = maps[doc]["claims"]
    ids = {c["id"] for c in claims}
    assert len(ids) == len(claims)
    for c in claims:
        assert c["type"] in CLAIM_TYPES[1:]
        if c["type"] == "recommendation":
            assert c["addressee"] in ACTORS | {"not stated"}, c["id"]
            assert c["polarity"] in ("do", "don't"), c["id"]
        if "supports" in c:
            assert c["supports"] in ids | {"thesis"}, c["id"]


def test_cho_recommendations_read_by_hand():
    # Cho's own advice: "the United States should collaborate with the Chinese government"
    # [cho 3.6] and, with no grammatical actor, "Working together ... is the best way"
    # [cho 3.8].  The "should" in cho 3.1 is what "many Western security analysts" argue,
    # a view Cho calls futile in cho 3.2: it must NOT be mapped as Cho's recommendation.
    table = arguments("cho")
    recs = table[(table.type == "recommendation") & (table.speaker == "author")]
    assert recs.cites.tolist() == ["cho 3.6", "cho 3.8"]
    assert recs.addressee.tolist() == ["United States", "not stated"]
    analysts = table[table.cites == "cho 3.1"].iloc[0]
    assert analysts.type == "counter"
    assert analysts.speaker == "many Western security analysts"


def test_yang_recommendations_read_by_hand():
    # yang 6.1 "The most desirable situation is ..." (no actor), 6.3 "it is necessary to
    # see denuclearization ..." (no actor), 7.2 "The U.S. should not put the blame",
    # 7.3 "the U.S. needs to present a roadmap", 8.1 "the U.S. should not limit China's
    # role", 8.2 "the U.S. should work with China", 10.1 "North Korea must deviate",
    # 10.2 "North Korea should return to the negotiating table".
    recs = arguments("yang").query("type == 'recommendation'")
    got = list(zip(recs.cites, recs.addressee, recs.polarity))
    assert got == [
        ("yang 6.1", "not stated", "do"), ("yang 6.3", "not stated", "do"),
        ("yang 7.2", "United States", "don't"), ("yang 7.3", "United States", "do"),
        ("yang 8.1", "United States", "don't"), ("yang 8.2", "United States", "do"),
        ("yang 10.1", "North Korea", "do"), ("yang 10.2", "North Korea", "do"),
    ]


def test_every_sentence_of_both_texts_is_mapped(corpus):
    # The maps are a close reading of the WHOLE text: each of Cho's 19 and Yang's 27
    # sentences is cited by at least one claim (or the thesis).
    for doc in ("cho", "yang"):
        cited = {sid for cites in arguments(doc).cites for sid in cites.split("; ")}
        assert cited == {s.id for s in corpus[doc].sentences}


def test_comparison_positions_cite_and_quote_correctly(corpus):
    data = load_yaml("arguments/comparisons.yaml")
    for q in data["questions"]:
        assert q["relation"] in RELATIONS
        for doc in ("cho", "yang"):
            side = q[doc]
            where = f"{q['id']}/{doc}"
            assert cit.problems(side["position"], corpus, where) == []
            # inline citations in a position only cite that author's text and are listed in cites
            inline = {sid for g in cit.CITATION_RE.findall(side["position"])
                      for sid in cit.split_ids(g)}
            assert all(s.startswith(f"{doc} ") for s in inline), where
            assert inline <= set(side["cites"]), where
        assert cit.problems(q["note"], corpus, q["id"]) == []


def test_cho_never_mentions_sanctions(corpus):
    # The comparison says Cho does not address sanctions: no word starting "sanction"
    # occurs in his excerpt, while Yang uses it in yang 2.1, 7.3 and 8.1.
    from kit import tokens

    assert not [t for t in tokens(corpus["cho"]) if t.startswith("sanction")]
    yang = [s.id for s in corpus["yang"].sentences if "sanction" in s.text.lower()]
    assert yang == ["yang 2.1", "yang 7.3", "yang 8.1"]
    row = compare_arguments("sanctions").iloc[0]
    assert row.relation == "only yang" and row.cho_cites == ""


def test_agreements_and_differences_read_by_hand():
    table = compare_arguments().set_index("question_id")
    # both favour working with China: "should collaborate with the Chinese government"
    # [cho 3.6] and "the U.S. should work with China" [yang 8.2]
    assert table.loc["us-work-with-china", "relation"] == "agree"
    assert "cho 3.6" in table.loc["us-work-with-china", "cho_cites"]
    assert "yang 8.2" in table.loc["us-work-with-china", "yang_cites"]
    # reliance: "overwhelmingly reliant on China" [cho 3.3] vs "relying on China only" [yang 9.1]
    assert table.loc["nk-reliance", "relation"] == "differ"
    # Russia: North Korea's partner at China's expense [cho 2.2] vs China's partner [yang 5.1]
    assert table.loc["russia", "relation"] == "differ"
    # only Cho discusses a wedge [cho 3.1; cho 3.2]; only Yang advises North Korea [yang 10.1]
    assert table.loc["wedge", "relation"] == "only cho"
    assert table.loc["nk-should", "relation"] == "only yang"


def test_lesson_03_and_04_banks_and_exercises():
    import kit
    from kit.assessment import compute_answer

    bank = kit.load_bank("03_comparing_arguments")  # validates ids, quotes, attributions
    assert len(bank.questions) >= 10
    assert sum(q.type == "attribution" for q in bank.questions) >= 5
    # computed key read by hand: Yang's cue sentences are 6.1, 6.3, 7.2, 7.3, 8.1, 8.2,
    # 10.1, 10.2 -> 8
    q = bank.question("count-yang-recommendations")
    assert compute_answer(q.compute) == 8
    final = kit.load_bank("04_synthesis")
    assert len({q.type for q in final.questions}) >= 5  # a mixed quiz
    # Yang has 27 body sentences ("cooperation" in Yang, 5, is quiz 01's cooperation-yang)
    assert compute_answer(final.question("yang-sentences").compute) == 27
    # exercise 03.4: agree on bond-durability, us-work-with-china, china-worries -> 3
    assert kit.check_exercise("03.4", 3).status == "correct"
    assert kit.check_exercise("03.1", "cho 3.1").status == "incorrect"  # the analysts' view
