"""Answers accepted by meaning (issue 19, part 4): every free-text item with right
paraphrases and wrong answers; the text's own words; ids in every citation style;
accepted answers checked before mistake patterns."""
from __future__ import annotations

import pytest

from kit.assessment import check, parse_bank
from kit.assessment.banks import load_bank, shipped_banks
from kit.assessment.concepts import fold, names_concepts, own_words, words
from kit.assessment.exercises import registry
from kit.assessment.normalise import read_ids
from kit.errors import QuestionBankError

# yang-date-clue: "The Beijing Winter Olympics next February could provide important momentum ..."
# [yang 8.3]: the event still to come is the Beijing Winter Olympics (held February 2022, outside
# knowledge).  Right: any naming of those Games, with or without Beijing / the year / the month.
# Wrong: the other clue ("During their summit in late May" [yang 7.1]), the month alone, other
# Games (already past when Yang wrote), things the text names that are not events to come.
YANG_RIGHT = [
    "The Beijing Winter Olympics next February",        # the text's own words [yang 8.3]
    "the 2022 Beijing Winter Olympics",
    "the Winter Olympic Games in Beijing",
    "the Olympic Games in Beijing in February 2022",    # names the month too: still right, not "the month"
    "Beijing 2022 Olympics",
    "the winter games in Beijing",
    "Beijing hosting the Winter Olympics",
    "the Winter Olympics that Beijing hosted",
    "the Olympics",
]
YANG_WRONG = [
    ("the summit in late May", "summit"),               # [yang 7.1]: already past, the earliest date
    ("next February", "m2"),                            # the month, not the event
    ("February", "m2"),
    ("the 2008 Beijing Summer Olympics", ""),           # other Games, long past: `reject:`
    ("the Seoul Olympics", ""),
    ("not the Olympics", ""),                           # negated
    ("the Panmunjom Declaration", ""),                  # [yang 7.1]: a past agreement
    ("the Cold War", ""),                               # [yang 9.2]: past memories
]

# volatile-word: "... to rein in North Korea’s volatile behavior" [cho 3.6].  Right: the word in
# any short answer; wrong: other adjectives of the texts or synonyms that are not Cho's word.
VOLATILE_RIGHT = ["volatile", "Volatile.", "It is volatile", "\"volatile\"", "volatile (cho 3.6)",
                  "its volatile behavior", "North Korea's volatile behavior", "volatile behaviour"]
VOLATILE_WRONG = [
    ("insular", "m1"),            # [cho 2.2]: "the insular dictatorship", not its behaviour
    ("futile", "m2"),             # [cho 3.2]: Cho's verdict on the wedge strategy
    ("unpredictable", ""),        # a synonym, but the question asks for Cho's own word
    ("not volatile", ""),         # negated
    ("newfound", ""),             # [cho 2.3]: "newfound closeness"
    ("dangerous", ""),            # Yang's word [yang 9.4], about a policy
]

ITEMS = {("00_start_here", "yang-date-clue"): (YANG_RIGHT, YANG_WRONG),
         ("04_synthesis", "volatile-word"): (VOLATILE_RIGHT, VOLATILE_WRONG)}


def _text_items():
    return [q for b in shipped_banks() for q in load_bank(b) if q.type == "text"] + \
           [q for q in registry().values() if q.type == "text"]


def test_every_free_text_item_has_concepts_and_a_table_of_answers():
    for q in _text_items():
        assert q.concepts, (q.bank, q.id)
        right, wrong = ITEMS[(q.bank, q.id)]
        assert len(right) >= 5 and len(wrong) >= 5, (q.bank, q.id)


@pytest.mark.parametrize("bank, qid, answer", [(b, i, a) for (b, i), (right, _) in ITEMS.items() for a in right])
def test_right_paraphrases_are_accepted(bank, qid, answer):
    r = check(load_bank(bank).question(qid), answer)
    assert r.correct and r.mistake == "", (answer, r)


@pytest.mark.parametrize("bank, qid, answer, mistake",
                         [(b, i, a, m) for (b, i), (_, wrong) in ITEMS.items() for a, m in wrong])
def test_wrong_answers_are_rejected_with_their_mistake(bank, qid, answer, mistake):
    r = check(load_bank(bank).question(qid), answer)
    assert not r.correct and r.mistake == mistake, (answer, r)


def test_accepted_answers_come_before_mistake_patterns():
    # the text's own words name the month; they are right, not "you named the month"
    r = check(load_bank("00_start_here").question("yang-date-clue"), "The Beijing Winter Olympics, held in February 2022")
    assert r.correct and not r.feedback


def test_word_forms_and_negation():
    assert [fold(w) for w in ("Olympics", "games", "hosted", "hosting", "countries")] == \
        ["olympic", "game", "host", "host", "country"]
    assert words("North Korea’s volatile behavior") == ("north", "korea", "volatile", "behavior")
    assert names_concepts("The Games in winter", [["winter games"], ["games"]]) is False   # a phrase is in order
    assert names_concepts("Winter Games", [["winter games"]])
    assert not names_concepts("It is never volatile", [["volatile"]])
    assert not names_concepts("Olympics of 2008", [["olympics"]], reject=["2008"])


def test_own_words_are_a_quote_of_a_cited_sentence_with_the_key():
    cho36 = "Instead of focusing on what could divide North Korea from China, the United States should " \
            "collaborate with the Chinese government to rein in North Korea’s volatile behavior."
    assert own_words("rein in North Korea's volatile behavior", ["volatile"], [cho36])
    assert not own_words("North Korea's unpredictable behavior", ["volatile"], [cho36])   # not a quote
    assert not own_words("collaborate with the Chinese government", ["volatile"], [cho36])  # no key word
    assert not own_words(cho36, ["volatile"], [cho36])   # the whole sentence is not a short answer


def _text_q(**fields):
    base = {"id": "q", "type": "text", "prompt": "?", "cites": [], "answer": "volatile"}
    return parse_bank({"id": "t", "questions": [{**base, **fields}]}, source="t.yaml").questions[0]


def test_a_teachers_concepts_are_validated():
    q = _text_q(concepts=[["volatile", "erratic"]], reject=["not at all"])
    assert check(q, "erratic, I think").correct
    with pytest.raises(QuestionBankError, match="concept #1 must be a phrase"):
        _text_q(concepts=[[3]])
    with pytest.raises(QuestionBankError, match="does not name every concept"):
        _text_q(concepts=[["erratic"]])          # the bank's own answer must pass its concepts


@pytest.mark.parametrize("style", ["cho 1.2, cho 2.4, cho 2.6", "[cho 1.2] [cho 2.4] [cho 2.6]",
                                   "[cho 1.2; cho 2.4; cho 2.6]", "Cho 1.2, Cho 2.4 and Cho 2.6",
                                   "(cho 1.2) (cho 2.4) (cho 2.6)", "[cho 1.2][cho 2.4][cho 2.6]",
                                   "cho 1.2 cho 2.4 cho 2.6"])
def test_ids_in_every_style_the_kit_teaches(style):
    # exercise 01.1: Cho names Pyongyang in [cho 1.2], [cho 2.4] and [cho 2.6] ("Pyongyang was already
    # supplying Moscow", "Pyongyang’s collaboration", "Putin visited Pyongyang")
    assert read_ids(style, doc_ids=["cho", "yang"]) == ["cho 1.2", "cho 2.4", "cho 2.6"]
    assert check(registry()["01.1"], style).correct
