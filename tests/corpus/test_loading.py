"""kit.load_text: students' own texts, and one clear error per kind of bad input."""
from __future__ import annotations

import os

import pytest

import kit


def test_string_text_becomes_a_document():
    doc = kit.load_text("Seoul hosted the talks. Beijing sent an envoy.\n\nA new paragraph.",
                        id="mine", title="My text", author="A Student")
    assert [s.id for s in doc.sentences] == ["mine 1.1", "mine 1.2", "mine 2.1"]
    assert (doc.title, doc.author) == ("My text", "A Student")


def test_file_text_with_windows_newlines_and_bom(tmp_path):
    path = tmp_path / "my essay.txt"
    path.write_bytes("\ufeffFirst line one. Second.\r\nOther paragraph.\r\n".encode("utf-8"))
    doc = kit.load_text(path)
    # No blank line in the file, so each line is a paragraph.
    assert [p.text for p in doc.paragraphs] == ["First line one. Second.", "Other paragraph."]
    assert doc.id == "my_essay" and doc.title == "my essay"
    assert kit.load_text(str(path)).text == doc.text


def test_other_encoding_when_asked(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 diplomacy.".encode("latin-1"))
    assert kit.load_text(path, encoding="latin-1").text == "Café diplomacy."


def test_missing_path(tmp_path):
    with pytest.raises(kit.TextNotFound, match=r"No file at .*nothing\.txt.*Check the spelling"):
        kit.load_text(tmp_path / "nothing.txt")
    with pytest.raises(kit.TextNotFound):
        kit.load_text("missing_essay.txt")  # a string that looks like a file name


def test_directory(tmp_path):
    with pytest.raises(kit.NotAFile, match="is a folder, not a text file"):
        kit.load_text(tmp_path)


@pytest.mark.parametrize("payload, what", [
    (b"%PDF-1.7\n...", "a PDF"),
    (b"PK\x03\x04rest-of-zip", "a zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"some\x00binary\x00bytes", "a binary file"),
])
def test_binary_file(tmp_path, payload, what):
    path = tmp_path / "thing.txt"
    path.write_bytes(payload)
    with pytest.raises(kit.BinaryFile, match=f"looks like {what}.*plain text"):
        kit.load_text(path)


@pytest.mark.parametrize("content", ["", "   \n\t\n  "])
def test_empty_or_whitespace_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_text(content)
    with pytest.raises(kit.EmptyText, match="is empty"):
        kit.load_text(path)


def test_empty_string():
    with pytest.raises(kit.EmptyText, match="The text given is empty"):
        kit.load_text("   ")


def test_invalid_bytes_report_offset_and_suggest_encoding(tmp_path):
    path = tmp_path / "cp1252.txt"
    # "Korea" then a cp1252 curly apostrophe (0x92) at byte 5: not valid UTF-8.
    path.write_bytes(b"Korea\x92s future")
    with pytest.raises(kit.DecodeError, match=r"not valid utf-8: byte 5 \(0x92\).*encoding='cp1252'"):
        kit.load_text(path)
    assert kit.load_text(path, encoding="cp1252").text == "Korea’s future"


def test_unknown_encoding_name():
    with pytest.raises(kit.InvalidArgument, match="not a text encoding Python knows"):
        kit.load_text("Some text.", encoding="klingon")


def test_file_over_20_mb(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # a sparse file: 20 MB + 1 byte without writing them all
        f.seek(20 * 1024 * 1024)
        f.write(b"x")
    assert os.path.getsize(path) == 20 * 1024 * 1024 + 1
    with pytest.raises(kit.TextTooLarge, match=r"21\.0 MB; the kit loads texts up to 20 MB"):
        kit.load_text(path)


@pytest.mark.parametrize("bad", [42, None, ["a", "list"]])
def test_wrong_type(bad):
    with pytest.raises(kit.WrongType, match="takes a file path or a string"):
        kit.load_text(bad)


def test_bad_id():
    with pytest.raises(kit.InvalidArgument, match="one word without spaces"):
        kit.load_text("Some text.", id="my text")


def test_errors_are_one_family():
    for name in kit.errors.__all__:
        assert issubclass(getattr(kit, name), (kit.KitError, kit.KitWarning))


# --- real files (issue 12) ---------------------------------------------------------
import warnings  # noqa: E402

from kit.files.resources import data_path  # noqa: E402

RAW = {name: data_path(f"texts/{name}.txt").read_text(encoding="utf-8") for name in ("cho", "yang")}


def test_raw_cho_file_with_front_matter_set_apart(tmp_path):
    # cho.txt: line 1 headline, 2 venue, 3 editor's preface, 4-6 the excerpt (kit/data/corpus.yaml)
    path = tmp_path / "cho.txt"
    path.write_text(RAW["cho"], encoding="utf-8")
    doc = kit.load_text(path, front="1-3", body="4-6")
    built_in = kit.load_corpus()["cho"]
    assert [s.text for s in doc.sentences] == [s.text for s in built_in.sentences]
    assert doc.front_matter.startswith("China Should Be Worried About North Korea")
    assert kit.tokens(doc) == kit.tokens(built_in)  # the preface is not counted


def test_raw_yang_file_with_markers_and_back_matter(tmp_path):
    # yang.txt: line 1 is "![]() |" (page debris), 2-11 the column, 12 the bio
    path = tmp_path / "yang.txt"
    path.write_text(RAW["yang"], encoding="utf-8")
    doc = kit.load_text(path, body={"start": "Intensifying U.S.-China", "end": "Furthermore, North Korea must deviate"},
                        back=[12])
    built_in = kit.load_corpus()["yang"]
    assert [s.text for s in doc.sentences] == [s.text for s in built_in.sentences]
    assert not any("![]()" in s.text for s in doc.sentences)
    assert doc.back_matter == built_in.back_matter


HARD_WRAPPED = """\
North Korea has sent troops to Russia, and the
relationship between Pyongyang and Moscow is now
closer than at any time since the end of the Cold
War. China watches this with some concern.
Beijing has long preferred stability on the
peninsula, and it fears that a stronger North
could drag it into a conflict it does not want.
"""


def test_hard_wrapped_text_is_joined_with_a_warning():
    with pytest.warns(kit.HardWrapWarning, match=r"unwrap=False"):
        doc = kit.load_text(HARD_WRAPPED, id="pdf")
    # Sentences are whole again: the first one runs over three lines of the source.
    assert doc.sentences[0].text == ("North Korea has sent troops to Russia, and the relationship between "
                                     "Pyongyang and Moscow is now closer than at any time since the end "
                                     "of the Cold War.")
    assert len(doc.sentences) == 3


def test_unwrap_false_keeps_lines_and_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = kit.load_text(HARD_WRAPPED, unwrap=False)
    assert len(doc.paragraphs) == 7


def test_one_paragraph_per_line_is_not_taken_as_hard_wrapped():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = kit.load_text("One point.\nAnother point.\nA third point.\nA fourth point.")
    assert len(doc.paragraphs) == 4


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_utf16_and_utf32_files(tmp_path, encoding):
    text = "Seoul and Beijing talk. Café diplomacy."
    path = tmp_path / "notepad.txt"
    path.write_bytes(text.encode(encoding))  # "utf-16"/"utf-32" write a BOM, the others do not
    assert kit.load_text(path).text == text  # detected
    assert kit.load_text(path, encoding=encoding).text == text  # named


def test_utf16_named_without_bom(tmp_path):
    path = tmp_path / "plain16.txt"
    path.write_bytes("Seoul talks.".encode("utf-16-le"))
    assert kit.load_text(path, encoding="utf-16").text == "Seoul talks."


def test_markdown_emphasis_and_rules_are_not_tokens():
    doc = kit.load_text("*The* _China_ question.\n\n---\n\nName: ________ and **Seoul**.")
    assert kit.tokens(doc) == ["the", "china", "question", "name", "and", "seoul"]
    assert list(kit.kwic(doc, "china").match) == ["China"]
    assert list(kit.actors(doc).mention) == ["China", "Seoul"]


def test_lower_casing_is_the_same_on_both_paths():
    text = "İstanbul and ISTANBUL and Straße."
    assert kit.tokens(text) == kit.tokens(kit.load_text(text)) == ["istanbul", "and", "istanbul", "and", "straße"]


@pytest.mark.parametrize("blank", [" ", "\t", "\u00a0", " \u00a0 \t"])
def test_whitespace_only_line_ends_a_paragraph(blank):
    doc = kit.load_text(f"First paragraph. Still first.\n{blank}\nSecond paragraph.")
    assert [p.text for p in doc.paragraphs] == ["First paragraph. Still first.", "Second paragraph."]


@pytest.mark.parametrize("text", [
    "It cost approx. 5 dollars. Then it rose.",
    "See Fig. 2 for the data. It is clear.",
    "She has a Ph.D. in law. He does not.",
    "He lives on Fifth Ave. in town. It is busy.",
    "Es war z.B. im Mai so. Dann nicht.",
    "The figures (cf. Table 3) are old. New ones exist.",
    "They met at 9 a.m. on Monday. It rained.",
])
def test_academic_and_journalistic_abbreviations_do_not_split(text):
    assert len(kit.load_text(text).sentences) == 2


def test_your_own_abbreviations():
    text = "The Sdt. in charge left. Nobody came."
    assert len(kit.load_text(text).sentences) == 3  # "Sdt." is not a known abbreviation
    assert [s.text for s in kit.load_text(text, abbreviations=["Sdt."]).sentences] == [
        "The Sdt. in charge left.", "Nobody came."]
