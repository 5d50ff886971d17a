"""Rule flags on written answers, before the model answer (issue 19, part 5): a reported view
given to the author, one month for a range, a hedge dropped, no citation.  A flag is
feedback; the status stays "written"."""
from __future__ import annotations

import pytest

from kit.assessment import check
from kit.assessment.exercises import mark, registry
from kit.assessment.rules import cited_ids, hedges_in, reported_speaker

EX = registry()

# (exercise, answer, the words the flag starts with)
FLAGGED = [
    # [cho 3.1]: "... many Western security analysts, who have argued that the United States and its allies
    # should try to drive a wedge ..." - the analysts' view, which Cho calls futile [cho 3.2]
    ("03.6", "Cho argues that the United States should drive a wedge between China and North Korea [cho 3.1].",
     "Whose view?"),
    # [cho 2.2]: "Chinese officials fear that Russia’s influence ... is growing at China’s expense."
    ("03.6", "Cho fears that Russia's influence over North Korea is growing at China's expense [cho 2.2].",
     "Whose view?"),
    ("03.6", "Cho's view is that the allies will strengthen military cooperation [cho 2.3].", "Whose view?"),
    # [yang 7.1] "in late May" (past) and [yang 8.3] "next February" (to come) give a range
    ("01.7", "Yang wrote his column in June 2021 [yang 7.1; yang 8.3].", "One month"),
    ("01.7", "It was written in February 2022 [yang 8.3].", "One month"),
    # [yang 9.4] "could be dangerous"; [yang 1.2] "could be seen as"; [yang 9.1] "may be very aware"
    ("01.4", "Yang says that relying solely on China is dangerous for North Korea [yang 9.4].", "Hedge dropped"),
    ("03.7", "Yang argues that China uses North Korea as a buffer against the U.S. [yang 1.2].", "Hedge dropped"),
    ("01.4", "North Korea is very aware that relying on China only cannot ensure its survival [yang 9.1].",
     "Hedge dropped"),
    ("03.8", "Both want the United States to work with China, but Yang also wants talks.", "No citation"),
]

# Answers that must not be flagged: the model answers, and fair answers that report, range and hedge.
CLEAN = [
    ("03.6", "Cho rejects the analysts' idea of a wedge [cho 3.1] as futile [cho 3.2], since North Korea is "
             "overwhelmingly reliant on China [cho 3.3]; the U.S. should work with China instead [cho 3.6]."),
    ("03.6", "Chinese officials fear Russia's growing influence, Cho reports [cho 2.2]."),
    ("01.7", "Between late May 2021 [yang 7.1] and February 2022 [yang 8.3], so some time in the second half "
             "of 2021."),
    ("01.7", "After the summit in late May [yang 7.1] and before the Olympics next February [yang 8.3]."),
    ("01.4", "Yang says relying solely on China could be dangerous for North Korea [yang 9.4]."),
    ("01.4", "North Korea may be aware that relying on China only cannot ensure its survival [yang 9.1]."),
    ("03.8", "Cho wants the United States to collaborate with China [cho 3.6]; Yang wants it to present a "
             "roadmap [yang 7.3]."),
]


@pytest.mark.parametrize("ex, answer, flag", FLAGGED)
def test_each_rule_flags_its_mistake(ex, answer, flag):
    r = check(EX[ex], answer)
    assert r.status == "written" and r.score is None       # a flag is feedback, not a mark
    assert any(f.startswith(flag) for f in r.feedback), r.feedback


@pytest.mark.parametrize("ex, answer", CLEAN)
def test_fair_answers_are_not_flagged(ex, answer):
    assert check(EX[ex], answer).feedback == ()


@pytest.mark.parametrize("ex", [e for e, q in EX.items() if q.type == "written"])
def test_model_answers_are_not_flagged(ex):
    assert check(EX[ex], EX[ex].model_answer).feedback == ()


def test_flags_come_before_the_model_answer_in_the_exercise_output():
    result = mark(EX["01.7"], "Yang wrote his column in June 2021 [yang 7.1; yang 8.3].")
    assert result.status == "written"
    assert result.message.index("One month") < result.message.index("compare it with a model answer")


def test_the_pieces():
    # who holds a view comes from the argument maps' speaker field (kit.arguments)
    assert reported_speaker("cho 3.1") == "many Western security analysts"
    assert reported_speaker("cho 2.2") == "Chinese officials" and reported_speaker("cho 3.6") == ""
    # "what could divide" [cho 3.6] is not a hedge of Cho's claim; "late May" [yang 7.1] is a month
    assert hedges_in("Instead of focusing on what could divide North Korea from China, the U.S. should act.") == []
    assert hedges_in("During their summit in late May, the leaders met.") == []
    assert hedges_in("Beijing appears to favor maintaining a balance of power") == ["appears"]
    assert cited_ids("see [cho 1.2] [Cho 2.4] (yang 9.4) and rivers 1.1", ["cho", "yang"]) == \
        ["cho 1.2", "cho 2.4", "yang 9.4"]
