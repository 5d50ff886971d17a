"""Annotation: saving and reloading labels, the reference annotation, agreement and kappa."""
from __future__ import annotations

import math
import warnings

import pytest

import kit
from kit.argumentation import annotation
from kit.argumentation.citations import problems, quote_in
from kit.files.resources import load_yaml
from kit.errors import InvalidArgument, UnknownDocument, WrongType


def test_reference_covers_every_body_sentence(corpus):
    ref = kit.reference_annotations()
    assert sorted(ref.sentence_id) == sorted(kit.sentences(corpus).sentence_id)
    assert set(ref.label) <= set(annotation.LABELS)
    # Cho's one recommendation is "the United States should collaborate" [cho 3.6]; the view
    # he argues against, the Western analysts' wedge strategy [cho 3.1], is a reported
    # counter view, not a concession (Cho grants "signs of tension" in cho 3.3)
    labels = dict(zip(ref.sentence_id, ref.label))
    assert labels["cho 3.6"] == "recommendation" and labels["cho 3.1"] == "counter"
    assert labels["yang 4.4"] == "concession"  # "However, there is a limit to China's role"
    assert len(kit.reference_annotations("cho")) == 19
    with pytest.raises(UnknownDocument):
        kit.reference_annotations("mine")


def test_reference_reasons_cite_their_sentence_and_quote_it(corpus):
    data = load_yaml("annotations/reference.yaml")["labels"]
    for sid, item in data.items():
        assert f"[{sid}]" in item["reason"], sid
        assert not problems(item["reason"], corpus, sid)
        assert item.get("also") in (None, *annotation.LABELS)
    assert quote_in("would be futile", corpus.sentence("cho 3.2").text)


def test_save_and_reload():
    assert kit.load_annotations().empty
    assert annotation.save_annotations({"cho 3.2": "claim", "cho 3.6": "claim"}) == 2
    assert annotation.save_annotations({"cho 3.2": "claim", "cho 3.6": "recommendation"}) == 1  # one change
    table = kit.load_annotations("cho")
    assert dict(zip(table.sentence_id, table.label)) == {"cho 3.2": "claim", "cho 3.6": "recommendation"}
    assert set(table.annotator) == {"me"}
    annotation.save_annotations({"cho 3.2": None})  # cleared
    assert list(kit.load_annotations("cho").sentence_id) == ["cho 3.6"]
    annotation.save_annotations({"yang 7.2": "recommendation"}, annotator="ana")
    assert len(kit.load_annotations()) == 2
    assert list(kit.load_annotations(annotator="ana").sentence_id) == ["yang 7.2"]
    assert kit.load_annotations("yang", annotator="me").empty


def test_records_are_appended_not_rewritten():
    annotation.save_annotations({"cho 1.1": "evidence"})
    annotation.save_annotations({"cho 1.1": "background"})
    lines = annotation.store_path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the history is kept; the latest wins


def test_damaged_line_does_not_lose_labels():
    annotation.save_annotations({"cho 1.1": "evidence"})
    with open(annotation.store_path(), "a", encoding="utf-8") as handle:
        handle.write('{"doc": "cho", "sentence_id": "cho 1.2", "lab')  # a write cut short
    with pytest.warns(UserWarning, match="damaged"):  # saving reads the log first
        annotation.save_annotations({"cho 1.3": "claim"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = kit.load_annotations()
    assert sorted(table.sentence_id) == ["cho 1.1", "cho 1.3"]
    assert any("damaged" in str(w.message) for w in caught)


def test_bad_labels_and_ids():
    with pytest.raises(InvalidArgument, match="claim, evidence"):
        annotation.save_annotations({"cho 3.2": "opinion"})
    with pytest.raises(InvalidArgument, match="full sentence id"):
        annotation.save_annotations({"3.2": "claim"})
    with pytest.raises(WrongType):
        annotation.save_annotations([("cho 3.2", "claim")])


def test_kappa_hand_computed():
    # 6 sentences.  reference: claim, claim, claim, evidence, evidence, recommendation
    #               mine:      claim, claim, evidence, evidence, claim, recommendation
    # agreed on 1.1, 1.2, 1.4, 1.6 -> p_o = 4/6
    # both use claim 3 times, evidence 2, recommendation 1:
    #   p_e = (3/6)(3/6) + (2/6)(2/6) + (1/6)(1/6) = (9 + 4 + 1)/36 = 14/36
    # kappa = (24/36 - 14/36) / (1 - 14/36) = (10/36) / (22/36) = 10/22 = 0.4545...
    ref = {"x 1.1": "claim", "x 1.2": "claim", "x 1.3": "claim",
           "x 1.4": "evidence", "x 1.5": "evidence", "x 1.6": "recommendation"}
    mine = {"x 1.1": "claim", "x 1.2": "claim", "x 1.3": "evidence",
            "x 1.4": "evidence", "x 1.5": "claim", "x 1.6": "recommendation"}
    result = kit.compare_annotations(mine, ref)
    assert (result.agreed, result.n) == (4, 6)
    assert result.percent == pytest.approx(400 / 6)
    assert result.expected == pytest.approx(14 / 36)
    assert result.kappa == pytest.approx(10 / 22)
    assert list(result.differences.sentence_id) == ["x 1.3", "x 1.5"]
    assert "kappa 0.45" in str(result)


def test_kappa_edge_cases():
    same = {"x 1.1": "claim", "x 1.2": "evidence"}
    assert kit.compare_annotations(same, same).kappa == pytest.approx(1.0)
    # everyone says "claim" for everything: chance agreement is 1, kappa is undefined
    one = {"x 1.1": "claim", "x 1.2": "claim"}
    assert math.isnan(kit.compare_annotations(one, one).kappa)
    assert "undefined" in str(kit.compare_annotations(one, one))
    with pytest.raises(InvalidArgument, match="nothing to"):
        kit.compare_annotations({"x 1.1": "claim"}, {"x 2.1": "claim"})
    with pytest.raises(WrongType):
        kit.compare_annotations("claim")


def test_compare_with_the_kit_reference():
    ref = kit.reference_annotations("cho")
    mine = dict(zip(ref.sentence_id, ref.label))
    assert kit.compare_annotations(mine).percent == 100
    mine["cho 3.6"] = "claim"  # the reference says recommendation
    result = kit.compare_annotations(mine)
    assert result.agreed == 18 and result.n == 19
    row = result.differences.iloc[0]
    assert (row.sentence_id, row.mine, row.reference) == ("cho 3.6", "claim", "recommendation")
    assert "should collaborate" in row.reason
    assert "cho 3.6" in result._repr_html_()
    # the same with the reference passed explicitly (one text only)
    again = kit.compare_annotations(mine, kit.reference_annotations("cho"))
    assert again.agreed == 18 and "should collaborate" in again.differences.reason.item()


def test_compare_saved_annotations():
    annotation.save_annotations({"cho 3.2": "claim", "cho 3.4": "claim"})
    result = kit.compare_annotations(kit.load_annotations())
    assert (result.agreed, result.n) == (1, 2)  # the reference calls cho 3.4 evidence
    annotation.save_annotations({"cho 3.2": "claim"}, annotator="ana")
    with pytest.raises(InvalidArgument, match="several annotators"):
        kit.compare_annotations(kit.load_annotations())


def test_the_reference_is_shown_only_beside_the_students_labels():
    # one label of mine, cho 3.6, where the reference says recommendation ("should collaborate")
    page = kit.compare_annotations({"cho 3.6": "claim"})._repr_html_()
    assert "cho 3.6" in page and "should collaborate" in page
    others = kit.reference_annotations("cho").query("sentence_id != 'cho 3.6'")
    assert not [sid for sid in others.sentence_id if sid in page]
    assert not [r for r in others.reason if r in page]  # e.g. cho 3.1's "many Western security analysts"
