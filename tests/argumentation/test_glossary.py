"""The bilingual glossary (kit/data/glossary.yaml, kit.glossary): every term and idiom is
found in the texts where it says, every form it searches for is word for word in a
sentence, and every entry has both English and Korean."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import kit
from kit.argumentation.citations import quote_in

DATA = yaml.safe_load((Path(kit.__file__).parent / "data" / "glossary.yaml").read_text(encoding="utf-8"))
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _sentences(corpus):
    return [s for d in corpus.values() for s in d.sentences]


@pytest.mark.parametrize("kind, key", [("terms", "term"), ("idioms", "idiom")])
def test_every_entry_has_both_languages(kind, key):
    entries = DATA[kind]
    assert len(entries) >= (15 if kind == "terms" else 20)
    english = ["definition"] if kind == "terms" else ["meaning"]
    korean = ["korean", "korean_definition"] if kind == "terms" else ["korean"]
    for e in entries:
        for field in english:
            text = str(e.get(field) or "")
            assert len(text.split()) >= 3 and not HANGUL.search(text), (e[key], field)
        for field in korean:
            assert HANGUL.search(str(e.get(field) or "")), (e[key], field, "no Korean")
    assert len({e[key].lower() for e in entries}) == len(entries), "duplicate entries"


@pytest.mark.parametrize("kind, key", [("terms", "term"), ("idioms", "idiom")])
def test_every_form_is_word_for_word_in_a_sentence_it_lists(kind, key, corpus):
    table = kit.glossary(kind=kind).set_index(key)
    for e in DATA[kind]:
        ids = table.loc[e[key], "sentence_ids"]
        assert ids, f"{e[key]}: found nowhere in the texts"
        texts = [corpus.sentence(sid).text for sid in ids]  # raises for an unknown id
        for form in e["forms"]:
            # the texts write ’ (Cho) or ' (Yang); the glossary may write either
            assert any(quote_in(form.replace("'", "’"), t) or quote_in(form, t) for t in texts), (e[key], form)


@pytest.mark.parametrize("idiom, form, ids", [
    # read from the texts:
    ("see eye to eye", "have not always seen eye to eye", ["cho 3.5"]),  # "The countries have not always seen eye to eye"
    ("rein in", "rein in North Korea’s volatile behavior", ["cho 3.6"]),
    ("drive a wedge between", "should try to drive a wedge between China and North Korea", ["cho 3.1"]),
    ("the ball is in someone's court", "by saying that the ball is in its court", ["yang 7.2"]),
    ("at someone's expense", "is growing at China’s expense", ["cho 2.2"]),
    ("fall into the realm of", "fall into the realm of U.S.-China cooperation", ["yang 6.1", "yang 6.3"]),
])
def test_the_idioms_named_in_the_issue_are_found_where_they_are(idiom, form, ids, corpus):
    for sid in ids:
        assert quote_in(form, corpus.sentence(sid).text), (sid, form)
    row = kit.glossary(kind="idioms", query=idiom).iloc[0]
    assert row.sentence_ids == ids


def test_korean_columns():
    ko = kit.glossary(lang="ko")
    assert list(ko.columns) == ["term", "korean", "definition", "korean_definition", "found_as", "sentence_ids"]
    by_term = ko.set_index("term").korean
    # standard South Korean terms
    for term, korean in (("denuclearization", "비핵화"), ("peace regime", "평화체제"),
                         ("hostile policy", "적대시 정책"), ("Panmunjom Declaration", "판문점 선언"),
                         ("buffer zone", "완충지대"), ("alliance", "동맹"),
                         ("UN Security Council sanctions", "제재")):
        assert korean in by_term[term], term
    idioms = kit.glossary(kind="idioms", lang="ko")
    assert list(idioms.columns) == ["idiom", "meaning", "korean", "found_as", "sentence_ids"]
    # the default stays as it was
    assert list(kit.glossary().columns) == ["term", "definition", "found_as", "sentence_ids"]


def test_bad_options_get_a_clear_error():
    with pytest.raises(kit.InvalidArgument, match="lang='ko'"):
        kit.glossary(lang="kr")
    with pytest.raises(kit.InvalidArgument, match="idioms"):
        kit.glossary(kind="idiom")
    with pytest.raises(kit.UnknownTerm, match="rein in"):
        kit.glossary(kind="idioms", query="reign in")
