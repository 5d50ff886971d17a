"""kit.compare_arguments_explorer, driven from Python (no browser)."""
from __future__ import annotations

import pytest

import kit


def test_explorer_shows_the_first_question_and_follows_the_dropdown():
    box = kit.compare_arguments_explorer()
    dropdown, view, errors = box.children
    ids = kit.comparison_questions().question_id.tolist()
    assert [value for _, value in dropdown.options] == ids
    assert dropdown.value == ids[0]
    # bond-durability cites cho 3.3-3.5 and yang 1.1, 3.2
    assert "<mark title='cho 3.5'>" in view.value and "<mark title='yang 3.2'>" in view.value

    dropdown.value = "sanctions"
    # Cho does not address sanctions: no Cho sentence is highlighted; Yang's 2.1, 7.3, 8.1 are
    assert "<mark title='cho" not in view.value
    assert view.value.count("<mark title='yang") == 3
    assert "No sentence cited." in view.value
    assert errors.value == ""


def test_explorer_labels_show_the_relation():
    dropdown = kit.compare_arguments_explorer(question="wedge").children[0]
    labels = dict((value, label) for label, value in dropdown.options)
    assert labels["wedge"].endswith("(only cho)")
    assert labels["us-work-with-china"].endswith("(agree)")


def test_explorer_escapes_text(monkeypatch):
    import kit.argumentation.comparison as compare

    real = compare.compare_arguments

    def tampered(question=None, **options):
        table = real(question, **options)
        table.loc[:, "note"] = "<script>alert(1)</script>"
        return table

    monkeypatch.setattr(compare, "compare_arguments", tampered)
    view = kit.compare_arguments_explorer(question="russia").children[1]
    assert "<script>" not in view.value and "&lt;script&gt;" in view.value


def test_explorer_shows_errors_in_its_output_area(monkeypatch):
    import kit.argumentation.comparison as compare

    box = kit.compare_arguments_explorer()

    def broken(question, **options):
        raise kit.DataFileError("comparisons.yaml is broken")

    monkeypatch.setattr(compare, "side_by_side_html", broken)
    box.children[0].value = "russia"
    assert box.children[1].value == ""
    assert "comparisons.yaml is broken" in box.children[2].value
    box.children[0].value = "wedge"  # the message goes once a question shows again
    monkeypatch.undo()
    box.children[0].value = "nk-should"
    assert box.children[2].value == "" and "<mark" in box.children[1].value


def test_unknown_starting_question():
    with pytest.raises(kit.UnknownQuestion, match="Known ids: bond-durability"):
        kit.compare_arguments_explorer(question="nope")
