"""The close-reading widgets, driven from Python (no browser)."""
from __future__ import annotations

import pytest

import kit
from kit.argumentation import annotation
from kit.errors import WrongType


def test_explorer_updates_live(corpus):
    ui = kit.kwic_explorer(corpus)
    # default query "cooperation": 6 hits (cho 2.3; yang 3.2, 4.3, 5.1, 6.1, 6.3)
    assert len(ui.result) == 6 and "6 matches" in ui.status.value
    ui.query.value = "wedge"  # cho 3.1 only
    assert list(ui.result.sentence_id) == ["cho 3.1"]
    assert "cho 3.1" in ui.table.value and ">wedge<" in ui.table.value
    ui.query.value = "cooperation"
    ui.doc.value = "cho"
    assert list(ui.result.sentence_id) == ["cho 2.3"]
    ui.window.value = 2  # cho 2.3 "... strengthen military cooperation in response ..."
    assert ui.result.iloc[0].left == "strengthen military"
    ui.doc.value = None
    ui.sort.value = "left"
    assert ui.result.iloc[0].sentence_id == "yang 5.1"  # "active cooperation" sorts first


def test_explorer_shows_errors_in_the_widget(corpus):
    ui = kit.kwic_explorer(corpus)
    ui.query.value = ""
    assert "empty" in ui.status.value and ui.table.value == "" and ui.result is None
    ui.regex.value = True
    ui.query.value = "reli(ant"
    assert "regular expression" in ui.status.value
    ui.query.value = "rel(iant|ying)"  # cho 3.3; yang 9.1, 9.4
    assert len(ui.result) == 3


def test_explorer_escapes(corpus):
    doc = kit.load_text("We read <script>alert(1)</script> here. Then we read again.", id="evil")
    ui = kit.kwic_explorer(doc, query="read")
    assert "<script>" not in ui.table.value and "&lt;script&gt;" in ui.table.value


def test_reader_two_columns(corpus):
    ui = kit.highlight_explorer(corpus, ["wedge", "cooperat*"])
    cho, yang = ui.columns
    # cho: wedge (3.1) + cooperation (2.3) = 2; yang: 5 cooperation, no wedge
    assert cho.value.count("<mark") == 2 and yang.value.count("<mark") == 5
    ui.query.value = "relying, reliant"  # yang 9.1, 9.4; cho 3.3
    assert cho.value.count("<mark") == 1 and yang.value.count("<mark") == 2
    ui.query.value = " , "
    assert "No terms" in ui.status.value
    assert yang.value.count("<mark") == 2  # last good view kept


def test_annotate_saves_and_reloads(corpus):
    ui = kit.annotate(corpus["cho"])
    assert len(ui.dropdowns) == 19 and "0 of 19" in ui.status.value
    ui.dropdowns["cho 3.2"].value = "claim"
    ui.dropdowns["cho 3.6"].value = "claim"
    ui.save.click()
    assert "Saved 2" in ui.status.value
    again = kit.annotate(corpus["cho"])
    assert again.dropdowns["cho 3.2"].value == "claim" and "2 of 19" in again.status.value
    again.compare.click()  # the reference: cho 3.2 claim, cho 3.6 recommendation
    assert "1 of 2 sentences agree" in again.output.value
    assert "cho 3.6" in again.output.value
    assert kit.annotate(corpus["cho"], annotator="someone else").dropdowns["cho 3.2"].value is None


def test_annotate_shows_the_reference_only_beside_the_students_labels(corpus):
    ui = kit.annotate(corpus["cho"])
    ui.compare.click()  # nothing labelled: no reference label, no reason
    assert "nothing to" in ui.output.value and "recommendation" not in ui.output.value
    ui.dropdowns["cho 3.6"].value = "claim"  # unsaved; Compare saves it first
    ui.compare.click()
    assert list(annotation.load_annotations("cho").sentence_id) == ["cho 3.6"]
    # the reference calls cho 3.6 ("should collaborate") a recommendation: shown beside mine,
    # and no other sentence's reference label (e.g. cho 3.1, a counter) appears
    assert "cho 3.6" in ui.output.value and "recommendation" in ui.output.value
    assert "cho 3.1" not in ui.output.value and "counter" not in ui.output.value


def test_annotate_own_text_and_errors(corpus):
    doc = kit.load_text("Cats <b>rule</b>. Dogs drool.", id="pets")
    ui = kit.annotate(doc)
    assert "&lt;b&gt;" in ui.children[0].children[1].value
    ui.dropdowns["pets 1.1"].value = "claim"
    ui.save.click()
    assert list(annotation.load_annotations("pets").label) == ["claim"]
    ui.compare.click()  # the reference only covers cho and yang
    assert "nothing to" in ui.output.value
    with pytest.raises(WrongType):
        kit.annotate(corpus)
