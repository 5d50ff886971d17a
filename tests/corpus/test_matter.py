"""kit.corpus.matter.split_matter: parts by line numbers or markers, byte-exact, clear errors."""
from __future__ import annotations

import pytest

from kit.errors import KitError
from kit.corpus.matter import split_matter

RAW = "Headline\nThe Paper\nEditor's note.\nPara one. Two.\nPara — three’s.\nAuthor bio."


def test_line_numbers_and_ranges_give_the_same_parts():
    a = split_matter(RAW, title=[1], venue=[2], front=[3], body=[4, 5], back=[6])
    b = split_matter(RAW, title="1", venue=2, front="3", body="4-5", back=["6"])
    assert a == b
    assert a.body == "Para one. Two.\n\nPara — three’s."
    assert (a.title, a.venue, a.front_matter, a.back_matter) == ("Headline", "The Paper", "Editor's note.", "Author bio.")
    assert a.lines["body"] == (4, 5)


def test_markers_select_from_start_line_to_end_line():
    m = split_matter(RAW, title=[1], front={"start": "Editor", "end": "note"}, body={"start": "Para one", "end": "three"}, back={"start": "bio"})
    assert m.front_matter == "Editor's note."
    assert m.body == "Para one. Two.\n\nPara — three’s."
    assert m.dropped == (2,)


def test_body_defaults_to_lines_in_no_other_part():
    assert split_matter(RAW, title=1, venue=2, front=3, back=6).body == "Para one. Two.\n\nPara — three’s."


def test_built_in_cho_body_matches_the_old_join(corpus):
    from kit.files.resources import read_text
    raw = read_text("texts/cho.txt")
    lines = raw.split("\n")
    m = split_matter(raw, title=[1], venue=[2], front=[3], body=[4, 5, 6])
    assert m.body == "\n\n".join(lines[3:6]) == corpus["cho"].text


def test_blank_lines_in_a_part_keep_the_texts_own_paragraphs():
    raw = "Title\n\nA hard-wrapped\nparagraph here.\n\nSecond one.\n"
    m = split_matter(raw, title=1)
    assert m.body == "A hard-wrapped\nparagraph here.\n\nSecond one."


@pytest.mark.parametrize("kwargs, words", [
    ({"body": [7]}, "line 7 is out of range; the text has 6 lines"),
    ({"body": "0-2"}, "line 0 is out of range"),
    ({"body": "5-4"}, "runs backwards"),
    ({"body": "4-6", "back": [6]}, "Line 6 is in both body and back_matter"),
    ({"body": {"start": "nowhere"}}, "start marker 'nowhere' is on no line"),
    ({"body": {"start": "Para", "end": "Headline"}}, "end marker 'Headline' is on no line of the text at or after line 4"),
    ({"body": "x"}, "'x' is not a line number or a range"),
    ({"body": {"begin": "Para"}}, "markers are given as start: and end:"),
    ({"body": [True]}, "not a line number"),
    ({"body": [3], "front": [3]}, "Line 3 is in both"),
])
def test_bad_specifications_raise_kit_errors_that_say_what_to_do(kwargs, words):
    with pytest.raises(KitError, match=None) as err:
        split_matter(RAW, **kwargs)
    assert words in str(err.value)


def test_an_empty_body_is_refused():
    with pytest.raises(KitError, match="body is empty"):
        split_matter("Title\n\n", title=1)


def test_join_lines_keeps_the_texts_own_line_breaks_for_a_hard_wrap_aware_caller():
    raw = "Title\nA hard-wrapped\nparagraph here.\n"
    assert split_matter(raw, title=1).body == "A hard-wrapped\n\nparagraph here."
    assert split_matter(raw, title=1, join="lines").body == "A hard-wrapped\nparagraph here."
    with pytest.raises(KitError, match="join must be one of auto, paragraphs, lines"):
        split_matter(raw, join="words")


def test_a_final_newline_starts_no_line():
    with pytest.raises(KitError, match="the text has 2 lines"):
        split_matter("One.\nTwo.\n", body=[3])
