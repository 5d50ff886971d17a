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
