"""kit.analysis.query: the one phrase matcher behind kwic, highlight, actors and stance, and the
time limit on regular expressions typed by students."""
from __future__ import annotations

import time

import pytest

import kit
from kit.analysis import query
from kit.corpus.documents import Document
from kit.analysis.query import PhraseMatcher, parse_query


def test_longest_match_wins_and_words_are_taken_once():
    m = PhraseMatcher([(["the", "north"], "NK"), (["north", "atlantic"], None), (["atlantic"], "ocean")])
    words = ["the", "north", "atlantic"]
    # two 2-word phrases overlap: the one with more letters wins ("north atlantic")
    assert m.find(words, longest=True) == [(1, 2, None)]
    assert m.find(words) == [(0, 1, "NK"), (1, 2, None), (2, 2, "ocean")]


def test_joined_and_accept_filter_candidates():
    m = PhraseMatcher([(["need", "to"], "modal")])
    assert m.find(["need", "to"], joined=lambda i: False) == []
    assert m.find(["need", "to"], accept=lambda i, j, p: False) == []
    assert m.find(["need", "to"], vocabulary={"need", "to"}) == [(0, 1, "modal")]


def test_patterns_select_from_the_vocabulary():
    m = PhraseMatcher([(parse_query("cooperat* with"), "q")])
    assert m.find(["cooperation", "with", "cooperate", "and"]) == [(0, 1, "q")]


def test_kwic_actors_and_stance_all_use_the_one_matcher(monkeypatch):
    callers = []
    original = PhraseMatcher.find

    def spy(self, *args, **kwargs):
        import inspect

        callers.append(inspect.stack()[1].function)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PhraseMatcher, "find", spy)
    doc = kit.load_text("Seoul may need to talk to Pyongyang.", id="demo")
    assert len(kit.kwic(doc, "need to")) == 1
    assert len(kit.actors(doc)) == 2
    assert len(kit.stance(doc)) == 2
    assert "<mark" in kit.highlight(doc, "Seoul").data
    # kwic and highlight through DocumentIndex.find; actors and stance through their _find
    assert callers == ["find", "_find", "_find", "find"]


def _long_token_doc():
    return kit.load_text("Start " + "a" * 3000 + "c end.", id="long")


@pytest.mark.parametrize("pattern", ["(a+)+b", "(a|aa)+b", "(.*a){12}b"])
def test_a_backtracking_regex_is_stopped(pattern):
    doc = _long_token_doc()
    kit.kwic(doc, "start")  # build the index first: only the search is timed
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        result = kit.kwic(doc, pattern, regex=True)
        assert len(result) == 0
    except kit.KitError as exc:
        assert isinstance(exc, kit.QueryTooSlow)
        assert "took more than" in str(exc) and "Simplify it" in str(exc)
    # The regex module counts CPU time; on an idle machine wall time is about the same,
    # but other processes share this machine, so the wall-clock bound is generous.
    assert time.process_time() - cpu < 1.0
    assert time.perf_counter() - wall < 6.0


def test_a_bad_regex_is_a_clear_error():
    with pytest.raises(kit.InvalidArgument, match=r"not a valid regular expression"):
        kit.kwic(kit.load_text("a b c."), "(unclosed", regex=True)


@pytest.mark.parametrize("text", [
    "One. Two.\n\nThree. Four? Five!\n\nSix.",
    "The U.S. envoy came. But the U.S. But then.\n\n\"Quoted.\" Next one (aside.) Done.",
])
def test_kwic_sentence_ids_without_splitting_everything(text, corpus):
    for doc in [kit.load_text(text, id="t"), *corpus.values()]:
        fresh = Document(id=doc.id, text=doc.text, metadata=doc.metadata)
        lazy = kit.kwic(fresh, "*")  # before fresh.sentences exists: only hit paragraphs split
        assert list(lazy.sentence_id) == list(kit.kwic(doc, "*").sentence_id)
        by_offset = [doc.sentences[max(i for i, s in enumerate(doc.sentences) if s.start <= a)].id
                     for a in lazy.start]
        assert list(lazy.sentence_id) == by_offset


def test_a_rare_word_splits_only_its_paragraph():
    doc = kit.load_text("\n\n".join(["Plain words here. More words."] * 50 + ["A rare zebra. Yes."]), id="z")
    assert list(kit.kwic(doc, "zebra").sentence_id) == ["z 51.1"]
    assert "sentences" not in doc.__dict__
