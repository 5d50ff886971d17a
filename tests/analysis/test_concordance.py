"""KWIC's columns (kit.analysis.concordance): made column by column, the same as row by row."""
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.analysis.concordance import _flat, _flat_all


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\xa0", "\x00"]), max_size=8),
                max_size=8))
def test_contexts_are_flattened_as_one_by_one(pieces):
    # _flat_all finds the pieces to flatten in the pieces joined; each must come out as _flat makes it.
    assert _flat_all(pieces) == [_flat(x) for x in pieces]


def test_a_phrase_across_a_line_break_and_contexts_across_paragraphs():
    # Read from the text below: "North Korea" twice (one across a line break, which is white
    # space between the words), "North-Korea" is one token, "north, korea" has a comma between.
    text = "Talks with North\nKorea stalled.\n\nThen North Korea spoke. North-Korea; north, korea."
    doc = kit.Document(id="t", text=text)
    table = kit.kwic(doc, "North Korea", window=3)
    assert list(table["match"]) == ["North Korea", "North Korea"]  # white space flattened to one space
    assert list(table["sentence_id"]) == ["t 1.1", "t 2.1"]
    assert table["right"][0] == "stalled. Then North"  # the paragraph break, flattened
    assert table["left"][1] == "Korea stalled. Then"
    assert [text[a:b] for a, b in zip(table["start"], table["end"])] == ["North\nKorea", "North Korea"]


def test_offsets_for_many_hits_are_those_for_a_few(monkeypatch):
    # The index gives offsets one paragraph at a time for a few hits and all at once for
    # many (a numpy running sum; a list when a paragraph was matched on cleaned text): KWIC
    # must come out the same both ways. Texts read by eye: 5 "North Korea", 3 with one space.
    from kit.analysis.index import DocumentIndex

    plain = ("North Korea and China.\n\nNorth Korea’s ties; cooperation with North Korea.\n\n"
             "ΟΔΟΣ North  Korea. The U.S. and North\nKorea.")
    for text in (plain, plain.replace("cooperation", "co\u00adoperation")):  # a soft hyphen: cleaned
        tables = []
        for many in (False, True):
            monkeypatch.setattr(DocumentIndex, "many", lambda self, count, many=many: many)
            tables.append(kit.kwic(kit.Document(id="t", text=text), "North Korea", window=2))
        assert tables[0].equals(tables[1]) and len(tables[0]) == 5
        assert [text[a:b] for a, b in zip(tables[1]["start"], tables[1]["end"])].count("North Korea") == 3
