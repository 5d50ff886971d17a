"""The corpus: body text exactly as received, metadata, paragraphs and sentence ids.

Expected counts below were established by reading the two seed files, not by running
the code; each comment says how.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import kit
from kit.files.resources import data_path, load_yaml

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_FILES = {"cho": "000_9226bc0d88f9a596.txt", "yang": "003_f8964f0b9b830538.txt"}


def seed_lines(doc_id: str) -> list[str]:
    path = SEEDS / SEED_FILES[doc_id]
    if not path.exists():  # the seeds sit beside the repo here and in CI
        pytest.skip(f"seed file {path} not present")
    return path.read_text(encoding="utf-8").split("\n")


def test_shipped_files_are_the_seeds_byte_for_byte():
    for meta in load_yaml("course.yaml")["texts"]:
        shipped = data_path(meta["file"]).read_bytes()
        assert hashlib.sha256(shipped).hexdigest() == meta["sha256"]
        seed = SEEDS / meta["seed_file"]
        if seed.exists():
            assert seed.read_bytes() == shipped


@pytest.mark.parametrize(
    "doc_id, body_lines",
    # PROVENANCE.md: Cho's body is lines 4-6, Yang's lines 2-11 (1-based).
    [("cho", range(4, 7)), ("yang", range(2, 12))],
)
def test_body_paragraphs_equal_seed_lines(corpus, doc_id, body_lines):
    lines = seed_lines(doc_id)
    doc = corpus[doc_id]
    assert [p.text for p in doc.paragraphs] == [lines[n - 1] for n in body_lines]
    assert doc.text == "\n\n".join(lines[n - 1] for n in body_lines)


def test_typography_survives(corpus):
    # Cho's text uses the typographic apostrophe and em-dashes (cho 1.1: "North Korea — a country").
    assert "Russia’s" in corpus["cho"].text
    assert corpus["cho"].text.count("—") == 3  # two in cho 1.1, one in cho 2.6
    assert "'" not in corpus["cho"].text


def test_front_and_back_matter_kept_apart(corpus):
    cho, yang = corpus["cho"], corpus["yang"]
    assert cho.front_matter.startswith("The following is an excerpt from Sungmin Cho's op-ed")
    assert "excerpt" not in cho.text
    assert cho.back_matter == ""
    assert yang.back_matter.startswith("Yang Moo-jin (yangmj@kyungnam.ac.kr) is a professor")
    assert "University of North Korean Studies" not in yang.text
    assert "![]()" not in yang.text and yang.front_matter == ""


def test_metadata_states_what_is_known_and_not(corpus):
    cho, yang = corpus["cho"], corpus["yang"]
    assert (cho.title, cho.author, cho.venue) == (
        "China Should Be Worried About North Korea", "Sungmin Cho", "Foreign Affairs")
    assert yang.author == "Yang Moo-jin"
    assert yang.venue == "not stated in the source"
    for doc in (cho, yang):
        assert doc.metadata["date_basis"].startswith("inferred from internal evidence")
        for sid in doc.metadata["date_cites"]:
            corpus.sentence(sid)  # resolves, or raises
    assert yang.metadata["removed"][0]["text"] == "![]() |"
    table = corpus.metadata
    assert list(table["doc"]) == ["cho", "yang"]


def test_metadata_corrections_each_rest_on_the_text(corpus):
    cho, yang = corpus["cho"].metadata, corpus["yang"].metadata
    # Yang's clues give a range: after the summit "in late May" [yang 7.1], before "The
    # Beijing Winter Olympics next February" [yang 8.3]; nothing points to June.
    assert yang["date"] == "late May to December 2021"
    assert "June 2021" not in yang["date"] and "June" not in yang["date_basis"]
    # Nothing in Yang's file says whether it is complete or an excerpt.
    assert yang["is_excerpt"] == "not known (appears complete)"
    # Cho's preface (line 3) names the Asia Society Policy Institute as Cho's employer, not
    # as the page's publisher: that the page is the Asia Society's is outside knowledge.
    assert "Fellow at the Asia Society Policy" in cho["venue_basis"]
    assert "outside knowledge" in cho["venue_basis"]
    # Further dating clues in Cho's text, each quoted and cited.
    for sid, phrase in [("cho 2.5", "after a five-year hiatus"),
                        ("cho 2.6", "the first such meeting in nine years"),
                        ("cho 3.5", "over the past 75 years")]:
        assert phrase in corpus.sentence(sid).text
        assert f'"{phrase}" [{sid}]' in " ".join(cho["date_basis"].split())
        assert sid in cho["date_cites"]
    assert kit.check_citations(cho["date_basis"] + " " + yang["date_basis"]) == []


def test_built_in_course_is_a_course_folder_loaded_by_the_same_code(corpus):
    from kit.corpus.course import built_in_folder, load_corpus

    assert corpus.folder == built_in_folder() and corpus["cho"].folder == built_in_folder()
    assert (built_in_folder() / "course.yaml").is_file()
    assert [d.text for d in load_corpus(None).values()] == [d.text for d in corpus.values()]


def test_date_clues_are_in_the_cited_sentences(corpus):
    assert corpus.sentence("cho 1.1").text.startswith("Last month, the White House confirmed")
    assert corpus.sentence("cho 1.5").text.startswith("In June, Russian President Vladimir Putin")
    assert "summit in late May" in corpus.sentence("yang 7.1").text
    assert "Winter Olympics next February" in corpus.sentence("yang 8.3").text


# Sentence counts by reading: Cho ¶1 has 5 sentences ("Last month...", "Pyongyang was
# already...", "But sending...", "There are other signs...", "In June..."), ¶2 has 6, ¶3 has 8.
# Yang ¶1-¶10: 3, 1, 2, 4, 2, 3, 3, 3, 4, 2. Yang ¶5 is two sentences although its first one
# ends with the abbreviation "U.S." ("...active cooperation with the U.S. But due to this...").
@pytest.mark.parametrize(
    "doc_id, per_paragraph",
    [("cho", [5, 6, 8]), ("yang", [3, 1, 2, 4, 2, 3, 3, 3, 4, 2])],
)
def test_sentence_counts_per_paragraph(corpus, doc_id, per_paragraph):
    doc = corpus[doc_id]
    counts = [sum(s.paragraph == p.number for s in doc.sentences) for p in doc.paragraphs]
    assert counts == per_paragraph
    assert len(doc.sentences) == sum(per_paragraph)


@pytest.mark.parametrize(
    "sid, text",
    [
        # An abbreviation that does end a sentence, followed by "But".
        ("yang 5.1", "Although China is said to prefer dialogue to address problems involving the "
                     "Korean Peninsula, Beijing appears to favor maintaining a balance of power by "
                     "teaming up with North Korea and Russia rather than seeking active cooperation "
                     "with the U.S."),
        # "ROK-U.S.-Japan" and "vs." inside one sentence.
        ("yang 5.2", "But due to this response, there is a great risk that a ROK-U.S.-Japan vs. "
                     "DPRK-China-Russia rivalry will form."),
        # "U.S." followed by a lower-case word ("set") does not end the sentence.
        ("yang 7.2", "The U.S. should not put the blame on North Korea by saying that the ball is "
                     "in its court."),
        ("yang 4.3", "China will strongly oppose high-level North Korean provocations, such as nuclear "
                     "tests and ICBM test launches, which provide a reason to strengthen the U.S. "
                     "missile defense system and ROK-U.S.-Japan military cooperation."),
        ("yang 10.1", "Furthermore, North Korea must deviate from its rigid stance of resuming talks "
                      "only after the U.S. first abandons its hostile policy."),
        ("cho 1.2", "Pyongyang was already supplying Moscow with weapons: according to the Times of "
                    "London, half of Russia’s shells used in the war have come from North Korea."),
    ],
)
def test_tricky_sentence_splits(corpus, sid, text):
    assert corpus.sentence(sid).text == text


def test_sentence_offsets_slice_the_text(corpus):
    for doc in corpus.values():
        for s in doc.sentences:
            assert doc.text[s.start:s.end] == s.text
            assert s.id == f"{doc.id} {s.paragraph}.{s.index}"


def test_sentence_lookup_forms(corpus):
    doc = corpus["cho"]
    assert doc.sentence("3.3") is doc.sentence("cho 3.3")
    assert doc.sentence(" cho 3.3 ").text.endswith("overwhelmingly reliant on China.")


@pytest.mark.parametrize("bad", ["9.1", "3.9", "yang 3.3", "3", "three", "cho3.3", ""])
def test_unknown_sentence_is_a_clear_error(corpus, bad):
    with pytest.raises(kit.UnknownSentence, match=r"no sentence .* in 'cho'.*paragraph 2, sentence 3"):
        corpus["cho"].sentence(bad)


def test_unknown_document_and_corpus_sentence(corpus):
    with pytest.raises(kit.UnknownDocument, match=r"no document 'kim'.*\['cho', 'yang'\]"):
        corpus["kim"]
    with pytest.raises(kit.UnknownSentence, match="does not name a document"):
        corpus.sentence("kim 1.1")
    with pytest.raises(kit.WrongType, match="sentence id is a string"):
        corpus["cho"].sentence(3.3)


def test_sentences_table(corpus):
    table = kit.sentences(corpus)
    assert list(table.columns) == ["doc", "sentence_id", "paragraph", "index", "text", "start", "end"]
    assert len(table) == 19 + 27
    assert table.iloc[-1]["sentence_id"] == "yang 10.2"
    with pytest.raises(kit.WrongType, match="load_text"):
        kit.sentences("a plain string")
