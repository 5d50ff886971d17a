"""The timeline between the texts (issue 20): in the teacher's guide, between
<!-- timeline --> markers, marked as background from outside the texts, each entry with the
words of the texts it relates to (quoted, with sentence ids that exist) and its sources named.
Lesson 03 carries the same block (its test is the lesson's)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit
from kit.argumentation.citations import QUOTED_CITATION_RE, quote_in

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "teacher_guide.md"
BLOCK_RE = re.compile(r"<!-- timeline -->\n(.*?)\n<!-- /timeline -->", re.S)


def _block() -> str:
    found = BLOCK_RE.search(GUIDE.read_text(encoding="utf-8"))
    assert found, "the guide carries the timeline between <!-- timeline --> markers"
    return found.group(1)


def _entries() -> dict[str, str]:
    """date -> the entry's text (one bullet each, starting '- **<date>.**')."""
    parts = re.split(r"(?m)^- \*\*(.+?)\.\*\*", _block())
    return {date: " ".join(text.split()) for date, text in zip(parts[1::2], parts[2::2])}


def test_it_is_marked_as_background_from_outside_the_texts():
    head = " ".join(_block().split("\n- ")[0].split())
    assert "Background from outside the texts" in head
    assert "Neither text gives these dates" in head


# the dates checked (see each entry's sources) and the sentences they relate to
EXPECTED = {
    "21 May 2021": {"yang 7.1"},                 # "During their summit in late May"
    "4–20 February 2022": {"yang 8.3"},          # "The Beijing Winter Olympics next February"
    "24 February 2022": {"cho 1.1"},             # "to join Russia in its war against Ukraine"
    "26–27 May 2024": {"cho 2.5"},               # "after a five-year hiatus"
    "18–19 June 2024": {"cho 1.5", "cho 2.6"},   # "In June, ... Putin made his first trip"
    "23 October 2024": {"cho 1.1"},              # "Last month, the White House confirmed"
}


def test_the_entries_are_the_six_dates_in_order():
    assert list(_entries()) == list(EXPECTED)


@pytest.mark.parametrize("date", list(EXPECTED))
def test_each_entry_quotes_the_texts_and_names_its_sources(date, corpus):
    text = _entries()[date]
    pairs = QUOTED_CITATION_RE.findall(text)
    assert {sid for _, sid in pairs} == EXPECTED[date], pairs
    for quote, sid in pairs:
        assert quote_in(quote, corpus.sentence(sid).text), (date, quote, sid)
    assert kit.check_citations(text) == []
    sources = re.search(r"\*Sources?: (.+?)\*", text)
    assert sources and re.search(r"\d{4}", sources.group(1)), f"{date}: no dated source named"


def test_the_clues_the_dates_rest_on_are_in_the_texts(corpus):
    # the phrases each date explains, read from the texts
    for phrase, sid in (("During their summit in late May", "yang 7.1"),
                        ("The Beijing Winter Olympics next February", "yang 8.3"),
                        ("after a five-year hiatus", "cho 2.5"),
                        ("In June, Russian President Vladimir Putin made his first trip", "cho 1.5"),
                        ("Last month, the White House confirmed", "cho 1.1")):
        assert quote_in(phrase, corpus.sentence(sid).text)
    # Yang's column never mentions Ukraine: the invasion came after it
    assert not any("Ukraine" in s.text for s in corpus["yang"].sentences)
