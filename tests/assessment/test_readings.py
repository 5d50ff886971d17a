"""The kit's readings (kit/data/readings.yaml), the write-first gate and the glossary.

Every id a reading cites must exist and every quoted phrase must be word for word in
a cited sentence (front or back matter when it cites none); the gate must refuse to
show a reading before the student has written, and save what was written.
"""
from __future__ import annotations

import re

import pytest

import kit
from kit.assessment import readings as reveal
from kit.argumentation.citations import quote_in

QUOTE_RE = re.compile(r"\"([^\"]+)\"")
TASKS = reveal.reading_tasks()


def test_every_lesson_has_tasks():
    lessons = {reveal.reading_task(t)["lesson"] for t in TASKS}
    assert lessons == {"00_start_here", "01_close_reading", "02_keyword_frequencies",
                       "03_comparing_arguments", "04_synthesis"}


@pytest.mark.parametrize("task", TASKS)
def test_reading_ids_exist_and_quotes_are_verbatim(task, corpus):
    for statement in reveal.reading_task(task).get("reading") or []:
        cites = statement["cites"]
        texts = [corpus.sentence(sid).text for sid in cites]  # raises for an unknown id
        # about the source: the title, venue, preface or bio (no sentence ids there)
        texts += [f"{d.title} {d.venue} {d.front_matter} {d.back_matter}" for d in corpus.values()]
        for inline in re.findall(r"\[((?:cho|yang) \d+\.\d+(?:; (?:cho|yang) \d+\.\d+)*)\]", statement["text"]):
            assert set(inline.split("; ")) <= set(cites), f"{task}: [{inline}] is not in cites {cites}"
        for phrase in QUOTE_RE.findall(" ".join(statement["text"].split())):
            assert any(quote_in(phrase, t) for t in texts), f"{task}: {phrase!r} is not in {cites} nor in the source matter"
        assert kit.check_citations(statement["text"]) == []


def test_date_readings_give_a_range_not_june():
    text = " ".join(s["text"] for s in reveal.reading_task("00.date-yang")["reading"])
    assert "late May to December 2021" in text and "June 2021" not in text


def test_cho_3_1_is_never_called_a_concession_of_cho():
    for task in ("01.cho-p3", "01.label-cho-3"):
        first = reveal.reading_task(task)["reading"][0]
        assert first["cites"] == ["cho 3.1"] and "not a concession" in first["text"] or "nor a concession" in first["text"]


def test_nothing_is_shown_before_the_student_writes():
    with pytest.raises(kit.InvalidArgument, match="first"):
        kit.compare_reading("01.cho-p1", "ok fine")
    with pytest.raises(kit.InvalidArgument):
        kit.compare_reading("01.cho-p1", "   ")
    assert kit.progress().empty


@pytest.mark.parametrize("filler", ["x y z", "test test test test", "asdf asdf qwer", "a b c d e f"])
def test_filler_unlocks_no_reading(filler):
    # "would be futile" [cho 3.2] is in the kit's reading of 01.cho-p3
    with pytest.raises(kit.InvalidArgument, match="first"):
        kit.compare_reading("01.cho-p3", filler)
    box = kit.compare_reading_box("01.cho-p3")
    box.textareas[0].value = filler
    assert box.button.disabled and "Still to write" in box.status.value
    box.button.click()  # a click from code runs the handler anyway: compare_reading refuses
    assert "would be futile" not in box.output.value and "first" in box.status.value
    assert kit.progress().empty


def test_writing_is_saved_then_the_reading_is_shown():
    first = kit.compare_reading("01.cho-p3", "Cho rejects the wedge [cho 3.2].")
    again = kit.compare_reading("01.cho-p3", "Cho rejects the analysts' wedge [cho 3.1; cho 3.2].")
    assert (first.attempt, again.attempt) == (1, 2)
    saved = kit.progress()
    assert list(saved["kind"]) == ["reading", "reading"]
    assert list(saved["quiz"]) == ["01_close_reading"] * 2 and set(saved["status"]) == {"written"}
    assert saved["response"].iloc[-1] == "Cho rejects the analysts' wedge [cho 3.1; cho 3.2]."
    assert "would be futile" in repr(again) and "would be futile" in again._repr_html_()


def test_html_escapes_the_students_text():
    html = kit.compare_reading("01.cho-p1", "<script>alert(1)</script> three more words")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "var(--jp-" in html


def test_the_students_citations_are_checked():
    result = kit.compare_reading("01.cho-p3", 'Cho says it "is useless" [cho 3.2] and [cho 9.9].')
    assert len(result.citation_problems) == 2
    assert "is useless" in result._repr_html_() and "cho 9.9" in repr(result)
    assert kit.compare_reading("01.cho-p3", 'Cho: "would be futile" [cho 3.2].').citation_problems == []


def test_prediction_is_saved_without_a_reading():
    result = kit.compare_reading("02.predict-key", "sanctions, biden, u.s., talks, dprk")
    assert result.is_prediction and result.attempt == 1 and "keyness" in repr(result)


def test_unknown_task_suggests_a_close_one():
    with pytest.raises(kit.KitError, match="01.cho-p1"):
        kit.compare_reading("01.cho-p", "three words here")


def test_widget_gate_save_and_reveal():
    box = kit.compare_reading_box(["01.cho-p1", "01.cho-p2"])
    assert box.button.disabled and box.button.description == "Compare with the kit's reading"
    assert all(a.description for a in box.textareas)  # accessible names
    box.textareas[0].value = "North Korea sends soldiers [cho 1.1]."
    assert box.button.disabled  # the second box is still empty
    box.textareas[1].value = "China is irked [cho 2.1]."
    assert not box.button.disabled
    assert "a new level of coordination" not in box.output.value
    box.button.click()
    assert "a new level of coordination" in box.output.value
    assert len(kit.progress()) == 2
    assert kit.compare_reading_box("01.cho-p1").textareas[0].value == "North Korea sends soldiers [cho 1.1]."


def test_glossary_ids_really_contain_the_term(corpus):
    g = kit.glossary()
    needed = {"DPRK", "ROK", "ICBM", "UN Security Council sanctions", "Panmunjom Declaration",
              "Singapore joint statement", "peace regime", "hostile policy", "denuclearization",
              "honest broker", "wedge strategy", "buffer zone", "status quo"}
    assert needed <= set(g.term)
    for row in g.itertuples():
        assert row.definition and row.sentence_ids, f"{row.term}: no definition or never found"
        forms = [f.strip().lower() for f in row.found_as.split(",")]
        for sid in row.sentence_ids:
            assert any(f in corpus.sentence(sid).text.lower() for f in forms), (row.term, sid)
    # read from the texts: "drive a wedge" [cho 3.1]; "ROK-U.S.-Japan" [yang 4.3; yang 5.2]
    assert g.set_index("term").loc["wedge strategy", "sentence_ids"] == ["cho 3.1"]
    assert g.set_index("term").loc["ROK", "sentence_ids"] == ["yang 4.3", "yang 5.2"]


def test_glossary_unknown_term():
    with pytest.raises(kit.UnknownTerm, match="honest broker"):
        kit.glossary(query="honest broker s")


def test_widget_says_what_was_not_saved_and_still_compares(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(blocker / "inside"))
    box = kit.compare_reading_box("00.date-yang")  # building the widget must not fail
    box.textareas[0].value = "late May to December 2021 [yang 7.1; yang 8.3]"
    box.button.click()
    assert "Not saved" in box.status.value and "not saved" in box.output.value
    assert "late May to December 2021" in box.output.value  # the student wrote first


def test_who_is_cho_reads_both_authors_from_their_front_and_back_matter(corpus):
    # The preface: "Sungmin is a Fellow on Chinese Politics, Foreign Policy, and National
    # Security at the Asia Society Policy Institute's Center for China Analysis."  The bio:
    # "Yang Moo-jin ... is a professor at the University of North Korean Studies ... and a
    # policy consultant at the Ministry of Unification."  Same lesson as "Who is Yang?" (01).
    task = reveal.reading_task("01.who-is-cho")
    assert task["lesson"] == "01_close_reading"
    text = " ".join(" ".join(s["text"] for s in task["reading"]).split())
    preface, bio = corpus["cho"].front_matter, corpus["yang"].back_matter
    for phrase in ("Fellow on Chinese Politics, Foreign Policy, and National Security at the "
                   "Asia Society Policy Institute's Center for China Analysis",):
        assert phrase in text and phrase in preface
    for phrase in ("a professor at the University of North Korean Studies",
                   "a policy consultant at the Ministry of Unification"):
        assert phrase in text and phrase in bio
    assert "outside knowledge" in text and " may " in text  # labelled, hedged
    assert "venue" in text.lower() and "excerpt" in text
