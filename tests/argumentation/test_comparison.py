"""kit.argumentation.comparison: argument tables, the side-by-side comparison, who-should-do-what."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

import kit
from kit.argumentation.maps import load_map
from kit.argumentation.comparison import COMPARE_COLUMNS, load_questions, side_by_side_html
from kit.argumentation.maps import MAP_COLUMNS
from kit.argumentation.recommendations import REC_COLUMNS


def _load_map(doc_id, path):
    return load_map(kit.load_corpus()[doc_id], path)


def _load_questions(path):
    return load_questions(kit.load_corpus(), path)


# --- arguments() ------------------------------------------------------------------

def test_arguments_accepts_an_id_a_document_and_the_corpus(corpus):
    by_id = kit.arguments("yang")
    assert list(by_id.columns) == MAP_COLUMNS
    assert by_id.iloc[0].type == "thesis" and by_id.iloc[0].claim_id == "yang-thesis"
    pd.testing.assert_frame_equal(by_id, kit.arguments(corpus["yang"]))
    both = kit.arguments(corpus)
    assert set(both.doc) == {"cho", "yang"}
    # cho.yaml has 17 claims + the thesis (cho 2.1 and the officials' fear in cho 2.2 are two
    # claims: different speakers); yang.yaml 27 claims + the thesis
    assert (both.doc == "cho").sum() == 18 and (both.doc == "yang").sum() == 28


def test_cites_are_a_citation_string():
    # Cho's trade evidence is "Nearly all of its trade, for instance, is with China" [cho 3.4]
    row = kit.arguments("cho").set_index("claim_id").loc["cho-trade"]
    assert row.cites == "cho 3.4" and row.supports == "cho-reliance"
    thesis = kit.arguments("cho").iloc[0]
    assert thesis.cites == "cho 3.1; cho 3.2; cho 3.3; cho 3.6"


def test_an_id_is_read_whatever_its_case():
    pd.testing.assert_frame_equal(kit.arguments("Cho"), kit.arguments("cho"))


@pytest.mark.parametrize("bad", ["chang", "", "yang 3.2"])
def test_unknown_document_lists_the_known_ids(bad):
    with pytest.raises(kit.UnknownDocument, match=r"cho, yang"):
        kit.arguments(bad)


def test_own_text_has_no_map():
    doc = kit.load_text("We should read. It rains.", id="essay")
    with pytest.raises(kit.UnknownDocument, match="'essay'.*recommendations"):
        kit.arguments(doc)


def test_wrong_type_is_a_clear_error():
    with pytest.raises(kit.WrongType, match="arguments\\(\\) takes"):
        kit.arguments(42)


# --- broken maps are caught on load ----------------------------------------------------

GOOD_CLAIM = """  - id: c1
    type: evidence
    paraphrase: Nearly all North Korean trade is with China.
    cites: [cho 3.4]
"""


def _write_map(tmp_path, claims: str, thesis_cites: str = "[cho 3.2]"):
    path = tmp_path / "map.yaml"
    path.write_text(
        f"doc: cho\nthesis:\n  paraphrase: A wedge is futile.\n  cites: {thesis_cites}\nclaims:\n{claims}",
        encoding="utf-8",
    )
    return path


def test_a_valid_temporary_map_loads(tmp_path):
    data = _load_map("cho", _write_map(tmp_path, GOOD_CLAIM))
    assert data["claims"][0]["id"] == "c1"


def test_a_map_citing_an_unknown_sentence_names_file_claim_and_id(tmp_path):
    # Cho's paragraph 3 has 8 sentences, so cho 3.9 does not exist
    path = _write_map(tmp_path, GOOD_CLAIM + GOOD_CLAIM.replace("c1", "c2").replace("3.4", "3.9"))
    with pytest.raises(kit.DataFileError) as err:
        _load_map("cho", path)
    message = str(err.value)
    assert str(path) in message and "'c2'" in message and "'cho 3.9'" in message


def test_a_map_with_a_misquote_is_refused(tmp_path):
    # cho 3.3 says "overwhelmingly reliant", not "completely reliant"
    claim = GOOD_CLAIM + '    quotes: ["completely reliant"]\n'
    with pytest.raises(kit.DataFileError, match="'c1'.*completely reliant"):
        _load_map("cho", _write_map(tmp_path, claim.replace("3.4", "3.3")))


@pytest.mark.parametrize("edit, expected", [
    (lambda c: c.replace("evidence", "opinion"), "`type`"),
    (lambda c: c.replace("[cho 3.4]", "[yang 3.2]"), "another text"),
    (lambda c: c.replace("[cho 3.4]", "[]"), "`cites`"),
    (lambda c: c.replace("evidence", "recommendation"), "addressee"),
    (lambda c: c + c, "unique"),
])
def test_other_map_errors(tmp_path, edit, expected):
    with pytest.raises(kit.DataFileError, match=expected):
        _load_map("cho", _write_map(tmp_path, edit(GOOD_CLAIM)))


def test_a_thesis_citing_an_unknown_sentence_is_refused(tmp_path):
    with pytest.raises(kit.DataFileError, match="'thesis'.*'cho 4.1'"):
        _load_map("cho", _write_map(tmp_path, GOOD_CLAIM, thesis_cites="[cho 4.1]"))


def test_comparison_file_errors(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text(
        "questions:\n  - id: q1\n    question: Q?\n    relation: agree\n    note: n\n"
        "    cho: {position: 'Yes [cho 3.2]', cites: [cho 3.2]}\n"
        "    yang: {position: 'Not addressed.', cites: []}\n", encoding="utf-8")
    with pytest.raises(kit.DataFileError, match="'q1'.*relation 'agree' needs two texts"):
        _load_questions(path)
    path.write_text(path.read_text().replace("relation: agree", "relation: only cho")
                    .replace("'Yes [cho 3.2]'", "'\"would be useful\" [cho 3.2]'"), encoding="utf-8")
    with pytest.raises(kit.DataFileError, match="would be useful"):
        _load_questions(path)


# --- compare_arguments() / comparison_questions() --------------------------------------

def test_compare_arguments_table():
    table = kit.compare_arguments()
    assert list(table.columns) == COMPARE_COLUMNS
    assert table.question_id.is_unique and len(table) >= 7
    assert set(table.relation) == {"agree", "differ", "only cho", "only yang"}
    one = kit.compare_arguments("wedge")
    assert len(one) == 1 and one.iloc[0].cho_cites == "cho 3.1; cho 3.2; cho 3.3"
    # "Not addressed" sides carry no citation
    assert one.iloc[0].yang_position.startswith("Not addressed") and one.iloc[0].yang_cites == ""


def test_comparison_questions_lists_the_questions_asked_for_in_the_issue():
    ids = set(kit.comparison_questions().question_id)
    assert {"bond-durability", "wedge", "us-work-with-china", "china-role", "russia",
            "nk-wants", "moments"} <= ids


def test_unknown_question_lists_known_ids():
    with pytest.raises(kit.UnknownQuestion, match="no comparison question 'wedges'.*wedge"):
        kit.compare_arguments("wedges")
    with pytest.raises(kit.WrongType):
        kit.compare_arguments(3)


def test_side_by_side_html_highlights_cited_sentences_and_escapes():
    page = side_by_side_html("russia")
    # Cho's Russia position cites cho 1.1, 1.2, 1.5 and 2.2 -> four highlighted sentences;
    # Yang's cites yang 5.1 and 5.2 -> two.  Uncited sentences of the same paragraphs are
    # shown un-highlighted for context.
    assert page.count("<mark") == 6
    assert "<mark title='cho 2.2'>" in page and "<mark title='yang 5.2'>" in page
    assert "Pyongyang was already supplying Moscow" in page  # cho 1.2, shown as text
    alone = side_by_side_html("russia", context=False)
    assert "But sending personnel" not in alone  # cho 1.3 is not cited
    assert "Russia’s influence" in page  # typographic apostrophe kept (html.escape leaves it)
    assert "<script" not in page


# --- recommendations() -------------------------------------------------------------------

def _found(recs, claim) -> bool:
    """A map recommendation is found when a row for one of its sentences has the same
    actor (missing when the map says 'not stated') and the same polarity, not reported."""
    rows = recs[recs.sentence_id.isin(claim.cites.split("; ")) & ~recs.reported]
    want_actor = None if claim.addressee == "not stated" else claim.addressee
    return any(
        (pd.isna(r.actor) if want_actor is None else r.actor == want_actor)
        and r.negated == (claim.polarity == "don't")
        for r in rows.itertuples()
    )


@pytest.mark.parametrize("doc, expected", [("cho", 2), ("yang", 8)])
def test_recall_on_the_hand_made_maps(corpus, doc, expected):
    # Recall: Cho 2/2 (cho 3.6, cho 3.8), Yang 8/8 (yang 6.1, 6.3, 7.2, 7.3, 8.1, 8.2,
    # 10.1, 10.2): every recommendation of the maps is found, actor and polarity included.
    recs = kit.recommendations(corpus[doc])
    claims = kit.arguments(doc).query("type == 'recommendation' and speaker == 'author'")
    assert len(claims) == expected
    found = [c.claim_id for c in claims.itertuples() if _found(recs, c)]
    assert len(found) == expected, f"recall {len(found)}/{expected}"


def test_no_false_positives_on_our_texts(corpus):
    # Every row is either a map recommendation or cho 3.1, the analysts' view, reported.
    recs = kit.recommendations(corpus)
    mapped = set(kit.arguments(corpus).query("type == 'recommendation'").cites)
    assert set(recs[~recs.reported].sentence_id) == mapped
    assert recs[recs.reported].sentence_id.tolist() == ["cho 3.1"]


def test_rows_read_by_hand(corpus):
    recs = kit.recommendations(corpus).set_index("sentence_id")
    assert list(kit.recommendations(corpus).columns) == REC_COLUMNS
    # "The U.S. should not put the blame on North Korea" [yang 7.2]
    assert recs.loc["yang 7.2", ["actor", "subject", "modal", "negated"]].tolist() == \
        ["United States", "The U.S.", "should", True]
    # "the U.S. needs to present a roadmap" [yang 7.3]
    assert recs.loc["yang 7.3", "modal"] == "need to"
    # "North Korea must deviate" [yang 10.1]
    assert recs.loc["yang 10.1", ["actor", "modal", "negated"]].tolist() == ["North Korea", "must", False]
    # "it is necessary to see denuclearization" [yang 6.3]: no actor named
    assert pd.isna(recs.loc["yang 6.3", "actor"]) and recs.loc["yang 6.3", "modal"] == "it is necessary to"
    # "analysts, who have argued that the United States and its allies should" [cho 3.1]
    assert recs.loc["cho 3.1", "reported"] and recs.loc["cho 3.1", "subject"] == "the United States and its allies"


def test_works_on_a_students_text():
    text = ("Seoul must not wait. It is essential for Tokyo to act. The EU does not have to join. "
            "This has to do with trust. The need to act is clear. Critics say that Beijing ought to pay. "
            "Iran should talk.")
    recs = kit.recommendations(kit.load_text(text, id="essay"))
    # read by hand: cues in sentences 1 (must not), 2 (it is essential for), 3 (does not
    # have to), 6 (ought to, reported by "say that"), 7 (should); "has to do with" (4) and
    # "The need to" (5) are not advice
    assert recs.sentence_id.tolist() == ["essay 1.1", "essay 1.2", "essay 1.3", "essay 1.6", "essay 1.7"]
    assert recs.actor.tolist()[:2] == ["South Korea", "Japan"]
    assert recs.negated.tolist() == [True, False, True, False, False]
    assert recs.reported.tolist() == [False, False, False, True, False]
    assert pd.isna(recs.actor.iloc[4])  # Iran is not in the kit's gazetteer ...
    extended = kit.recommendations(kit.load_text(text, id="essay"), gazetteer={"Iran": ["Iran"]})
    assert extended.actor.iloc[4] == "Iran"  # ... until the student adds it


def test_several_actors_in_one_subject_and_rows_kept_apart():
    # read by hand: 1.1 names two actors before "should"; 1.2 none ("We"); 1.3 one
    doc = kit.load_text("The U.S. and Beijing should talk. We must wait. Moscow has to pay.", id="e")
    recs = kit.recommendations(doc)
    assert recs.actor.fillna("-").tolist() == ["United States; China", "-", "Russia"]
    assert recs.modal.tolist() == ["should", "must", "have to"]


def test_reported_advice_in_other_forms():
    # read by hand: 1 reports with "say" but no "that", 2 with "According to", 3 is the
    # author's own advice
    doc = kit.load_text("Critics say Beijing should pay. According to analysts, Tokyo must act. "
                        "Seoul should wait.", id="essay")
    recs = kit.recommendations(doc)
    assert recs.reported.tolist() == [True, True, False]
    assert recs.subject.tolist() == ["Beijing", "Tokyo", "Seoul"]
    assert recs.actor.tolist() == ["China", "Japan", "South Korea"]
    # ... but a reporting word used otherwise does not make advice reported
    doc = kit.load_text("His claims should be checked. Efforts to maintain peace should continue.", id="x")
    assert kit.recommendations(doc).reported.tolist() == [False, False]


def test_no_recommendation_gives_an_empty_table_and_a_warning():
    doc = kit.load_text("The talks ended. Nobody spoke.", id="quiet")
    with pytest.warns(UserWarning, match="No recommendation found in 'quiet'.*should, must"):
        recs = kit.recommendations(doc)
    assert recs.empty and list(recs.columns) == REC_COLUMNS


def test_no_warning_when_something_is_found(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kit.recommendations(corpus["cho"])


def test_recommendations_wrong_type():
    with pytest.raises(kit.WrongType, match="load_text"):
        kit.recommendations("The U.S. should act.")
