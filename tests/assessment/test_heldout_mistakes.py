"""A held-out set of plausible mistakes: written before the banks' new mistakes (issue 19),
and never used to write them.  Goal: at least 4 of 5 get feedback naming the mistake.

Each row: (question, answer, the mistake, why a student would plausibly make it).
Numeric values come from the kit's own tables (`kit.summary`, `kit.frequencies`,
`kit.sentences`, `kit.recommendations`), as a student would read them.
"""
from __future__ import annotations

import pytest

from kit.assessment.banks import load_bank
from kit.assessment.exercises import registry
from kit.assessment.marking import check

HELD_OUT = [
    ("03_comparing_arguments:count-yang-recommendations", 11, "both texts",
     "calling kit.recommendations(corpus) gives Cho's 3 rows and Yang's 8"),
    ("01_close_reading:modals-yang", 22.46, "rate for count",
     "the per_1000 column sits next to count in kit.stance's table"),
    ("04_synthesis:yang-sentences", 46, "both texts",
     "kit.sentences(corpus) lists the 19 + 27 sentences of both texts"),
    ("01.2", 30.3, "rate for count",
     "11 / 363 x 1000: a student who has just learnt rates gives one"),
    ("01.3", "yang 9.1, yang 9.4, cho 3.3", "an extra id from the other text",
     "a kwic over the corpus for 'reli' finds Cho's 'reliant' too"),
    ("02.8", "yang 2.1, yang 7.3", "one id missing",
     "reading only the first rows of the dispersion table"),
    ("03.6", "Cho fears that Russia's influence over North Korea is growing at China's expense [cho 2.2].",
     "a reported view given to Cho", "Cho 2.2 reports what Chinese officials fear"),
    ("01.7", "Yang wrote it in February 2022, when the Olympics were held [yang 8.3].",
     "a single month", "the Olympics are the most memorable date in the text"),
    ("03.7", "Yang argues that China uses North Korea as a buffer against the U.S. [yang 1.2].",
     "a hedge dropped", "'could be seen as' is easy to skip when summarising"),
    ("03.8", "Both authors want the United States to work with China, but Yang also wants talks with "
             "North Korea, so they partly agree.", "no citation", "a fluent summary written from memory"),
    ("00.1", 3, "paragraphs for sentences", "kit.show prints three paragraph blocks"),
    ("02.2", 11.9, "the wrong denominator", "9 / 757 x 1000: Cho's count over Yang's size"),
]


def _question(ref):
    bank, _, qid = ref.rpartition(":")
    return load_bank(bank).question(qid) if bank else registry()[qid]


def _named(ref, answer) -> bool:
    r = check(_question(ref), answer)
    if r.status == "written":
        return bool(r.feedback)        # a written answer: a rule flag is the feedback on the mistake
    return bool(r.mistake) and not r.correct


def test_heldout_set_is_big_enough_and_each_reason_given():
    assert len(HELD_OUT) >= 10
    assert all(len(row) == 4 and row[3] for row in HELD_OUT)


def test_at_least_four_in_five_heldout_mistakes_are_named():
    named = [row for row in HELD_OUT if _named(row[0], row[1])]
    missed = [row[:3] for row in HELD_OUT if row not in named]
    assert len(named) * 5 >= len(HELD_OUT) * 4, f"only {len(named)} of {len(HELD_OUT)} named; missed {missed}"


@pytest.mark.parametrize("ref, answer, what, why", HELD_OUT)
def test_heldout_mistake_is_not_marked_right(ref, answer, what, why):
    assert not check(_question(ref), answer).correct
