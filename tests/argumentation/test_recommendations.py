"""kit.argumentation.recommendations.recommendations: linear on one long sentence (issue 12: 200 KB took 16.5 s)."""
from __future__ import annotations

import time
import warnings

import pandas as pd

import kit
from kit.argumentation.recommendations import LOOKBACK, recommendations

UNIT = ("people in the region say the government should act now and the neighbours "
        "watch the border closely for signs of change ")


def _doc(n_chars: int):
    doc = kit.load_text((UNIT * (n_chars // len(UNIT) + 1))[:n_chars], id="long")
    len(doc.sentences)
    return doc


def _best(doc, repeat: int) -> float:
    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            start = time.perf_counter()
            table = recommendations(doc)
            best = min(best, time.perf_counter() - start)
    assert len(table) == doc.text.count("should")
    return best


def test_time_grows_about_linearly_at_ten_times_the_size():
    small, large = _best(_doc(20_000), 3), _best(_doc(200_000), 2)
    # Linear growth is 10x; the old extractor grew ~100x (it re-read the sentence before
    # every cue).  30x leaves room for a busy machine.
    assert large / max(small, 1e-3) < 30, (small, large)
    assert large < 10, large


def test_the_subject_is_the_words_just_before_the_cue_in_a_long_sentence():
    table = recommendations(_doc(20_000)).head(3)
    # "people in the region say the government should": the reporting verb "say" makes
    # the advice reported and leaves "the government" as the subject.
    assert table.subject.tolist() == ["the government"] * 3 and table.reported.all()
    assert all(len(s) <= LOOKBACK for s in recommendations(_doc(20_000)).subject)


def test_results_on_the_two_op_eds_are_the_reviewed_ones(corpus):
    table = recommendations(corpus)
    # Cho: "the United States should collaborate with the Chinese government" [cho 3.6];
    # the analysts' view is reported [cho 3.1].
    cho = table[table.doc == "cho"].set_index("sentence_id")
    assert cho.loc["cho 3.6", "actor"] == "United States" and not cho.loc["cho 3.6", "reported"]
    assert cho.loc["cho 3.1", "reported"]
    assert isinstance(table, pd.DataFrame)
