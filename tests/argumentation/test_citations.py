"""Every claim the kit makes about Cho or Yang cites a sentence that exists, and every
quotation followed by a citation is word for word in the sentence it cites.

Scans the Markdown cells of all notebooks and every string in the kit's data files
(question banks, exercises, argument maps, annotations). See kit/argumentation/citations.py for the
convention: `"overwhelmingly reliant" [cho 3.3]`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import kit
from kit.argumentation.citations import CITATION_RE, problems, quote_in
from kit.assessment.computed import walk_values as _walk

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb"))
DATA = sorted((ROOT / "kit" / "data").rglob("*.yaml"))


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


def test_the_checker_catches_misquotes_and_unknown_ids(corpus):
    # cho 3.3 reads "...North Korea is overwhelmingly reliant on China."
    assert problems('Cho: "overwhelmingly reliant" [cho 3.3].', corpus, "x") == []
    assert problems('Cho: "totally dependent" [cho 3.3].', corpus, "x") != []
    assert problems("See [cho 9.9].", corpus, "x") == ["x: cites 'cho 9.9', which does not exist"]
    assert quote_in("North Korea’s volatile behavior", corpus.sentence("cho 3.6").text)
    assert quote_in("the United States should ... rein in", corpus.sentence("cho 3.6").text)
    assert not quote_in("rein in ... the United States should", corpus.sentence("cho 3.6").text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebook_citations(path, corpus):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        found += problems(text, corpus, f"{_rel(path)} cell {i}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", DATA, ids=_rel)
def test_data_file_citations(path, corpus):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for text in (v for v in _walk(data) if isinstance(v, str)):
        found += problems(text, corpus, _rel(path))
    assert not found, "\n".join(found)


def test_lessons_cite_the_texts():
    lessons = [p for p in NOTEBOOKS if p.parent.name == "notebooks" and not p.name.startswith("00")]
    for path in lessons:
        text = path.read_text(encoding="utf-8")
        assert len(CITATION_RE.findall(text)) >= 5, f"{_rel(path)} makes few cited statements"


# --- check_citations on any course (issue 12) ------------------------------------------

def test_check_citations_reads_ids_in_any_case():
    # "Such an effort, however, would be futile." is cho 3.2 (Cho's ¶3, second sentence).
    assert kit.check_citations('A wedge "would be futile" [Cho 3.2].') == []
    assert kit.check_citations('A wedge "would be futile" [CHO 3.2; Yang 1.1].') == []


def test_check_citations_reports_unknown_ids_and_invented_quotes():
    found = kit.check_citations('"totally invented" [Cho 3.2] and [Yang 99.9].')
    assert found == ["your text: quotes 'totally invented' but Cho 3.2 does not contain it",
                     "your text: cites 'Yang 99.9', which does not exist"]


def test_check_citations_flags_a_misspelt_document_but_not_other_brackets():
    found = kit.check_citations("See [choo 1.1] and [Table 1.2].")
    assert len(found) == 1 and "Did you mean 'cho'?" in found[0]


def test_check_citations_works_for_every_document_of_a_given_corpus():
    third = kit.load_text("Walls fall. Bridges stand.", id="Smith")
    corpus = kit.Corpus([*kit.load_corpus().values(), third])
    assert kit.check_citations('"Bridges stand" [smith 1.2] [cho 3.2]', corpus) == []
    assert kit.check_citations('"Bridges fall" [SMITH 1.2]', corpus) == [
        "your text: quotes 'Bridges fall' but SMITH 1.2 does not contain it"]
    assert kit.check_citations("[smith 2.1]", corpus) == ["your text: cites 'smith 2.1', which does not exist"]
    with pytest.raises(kit.WrongType):
        kit.check_citations("[cho 1.1]", corpus="cho")


# --- unknown documents and citations in parentheses (issue 19) ----------------------------

def test_a_quote_cited_to_an_unknown_document_names_it_and_the_known_texts():
    # the built-in course has two texts, cho and yang; "Rivers" is not one of them
    found = kit.check_citations('Cho warns that "the river is rising" [Rivers 1.1].')
    assert found == ["your text: cites 'Rivers 1.1', but there is no text 'Rivers' in the course "
                     "(its texts: cho, yang)."]
    assert kit.check_citations("As [Rivers 1.1] shows.") == found  # cited without a quote: the same
    assert kit.check_citations("See [Table 1.2] and [figure 2.1].") == []  # parts of a document


def test_citations_in_parentheses_are_read():
    # cho 1.1 reads "Last month, the White House confirmed that North Korea ... had sent thousands
    # of soldiers to join Russia in its war against Ukraine." It has no "invented quote".
    assert "invented" not in kit.load_corpus().sentence("cho 1.1").text
    assert kit.check_citations('Cho says "an invented quote" (cho 1.1).') == [
        "your text: quotes 'an invented quote' but cho 1.1 does not contain it"]
    # "Such an effort, however, would be futile." is cho 3.2
    assert kit.check_citations('A wedge "would be futile" (Cho 3.2).') == []
    assert kit.check_citations("As Yang says (yang 99.1; cho 3.2).") == [
        "your text: cites 'yang 99.1', which does not exist"]
    assert kit.check_citations("Hedges are common (choo 3.2).")[0].endswith("Did you mean 'cho'?")


def test_other_parentheses_are_left_alone_unless_a_quote_rests_on_them():
    assert kit.check_citations("Cho hedges more (about 5.5 per 1,000 words) (Python 3.10) (about 5.5).") == []
    found = kit.check_citations('Yang writes "the river is rising" (Rivers 1.1).')
    assert found == ["your text: quotes 'the river is rising' but cites Rivers 1.1: no text 'Rivers' in the "
                     "course (its texts: cho, yang), so the quotation cannot be checked"]
