"""One sentence-id grammar (kit/corpus/ids.py), Document.sentence_at and the per-document cache."""
from __future__ import annotations

import pytest

import kit
from kit.argumentation.citations import CITATION_RE
from kit.assessment.normalise import read_ids
from kit.assessment.rules import cited_ids
from kit.corpus.documents import Document
from kit.corpus.ids import DOC_ID_RE, parse_sentence_id, safe_id


def test_sentence_at_agrees_with_the_sentences_at_every_offset():
    for doc in kit.load_corpus().values():
        sents = doc.sentences
        for s, after in zip(sents, [*sents[1:], None]):
            stop = after.start if after else len(doc.text)
            for offset in range(s.start, stop):   # the sentence and the gap after it
                assert doc.sentence_at(offset) == s


def test_sentence_at_splits_only_the_paragraph_it_needs():
    doc = Document(id="demo", text="One. Two.\n\nThree. Four.\n\nFive.")
    assert doc.sentence_at(doc.text.index("Four")).id == "demo 2.2"
    assert "sentences" not in doc.__dict__ and set(doc.__dict__["_split"]) == {1}
    assert doc.sentence_at(doc.text.index("Four")) in doc.sentences


@pytest.mark.parametrize("doc_id", ["cho", "essay-2", "my_essay", "2024-brief", "Ça"])
def test_every_reader_accepts_the_same_document_ids(doc_id):
    # a course's file names make ids of letters, digits, '_' and '-'
    assert DOC_ID_RE.fullmatch(doc_id)
    doc = Document(id=doc_id, text="One idea. Two ideas.")
    assert doc.sentence(f"{doc_id} 1.2").text == "Two ideas."
    assert parse_sentence_id(f"{doc_id} 1.2") == (doc_id, 1, 2)
    assert CITATION_RE.search(f"as said [{doc_id} 1.2]").group(1) == f"{doc_id} 1.2"
    assert read_ids(f"{doc_id} 1.2", doc_ids=[doc_id]) == [f"{doc_id.casefold()} 1.2"]
    assert cited_ids(f"as said ({doc_id} 1.2)", [doc_id]) == [f"{doc_id.casefold()} 1.2"]


@pytest.mark.parametrize("bad", ["my text", "a.b", "_x", "-x", "a+b", ""])
def test_a_document_id_outside_the_grammar_is_refused(bad):
    assert not DOC_ID_RE.fullmatch(bad)
    with pytest.raises(kit.InvalidArgument, match="one word without spaces"):
        Document(id=bad, text="One idea.")


def test_typed_ids_without_a_space_still_read_and_numbers_are_not_documents():
    assert read_ids("cho3.2, Cho 3 . 3", doc_ids=["cho"]) == ["cho 3.2", "cho 3.3"]
    assert parse_sentence_id("13.2") == (None, 13, 2)
    # in a written answer, "13.2" is no citation of a document "1"; "essay-2 1.1" is one
    assert cited_ids("see 13.2 and cho12.3 and [essay-2 1.1]", ["1", "cho", "essay-2"]) == [
        "cho 12.3", "essay-2 1.1"]


def test_load_text_makes_its_id_the_way_a_course_does(tmp_path):
    path = tmp_path / "My Essay (draft 2).txt"
    path.write_text("One idea.", encoding="utf-8")
    assert kit.load_text(path).id == safe_id("My Essay (draft 2)") == "my_essay_draft_2"


def test_the_per_document_cache_is_one_and_follows_the_text():
    from kit.analysis.index import document_index
    from kit.corpus.tokens import token_table

    doc = Document(id="demo", text="One idea. Two ideas.")
    assert document_index(doc) is document_index(doc) and token_table(doc) is token_table(doc)
    old = token_table(doc)
    doc.text = "A new text."
    assert token_table(doc) is not old and token_table(doc).raw == ["A", "new", "text"]
