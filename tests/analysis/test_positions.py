"""kit.analysis.positions: dispersion checked against the texts read by hand."""
from __future__ import annotations

import pytest

import kit
from kit import InvalidArgument, UnknownTerm, WrongType, load_text


# --- dispersion -----------------------------------------------------------------

def test_dispersion_sentences_and_offsets(corpus):
    disp = kit.dispersion(corpus["cho"], ["China", "North Korea"])
    china = disp[disp.term == "China"]
    assert list(china.sentence_id) == ["cho 2.1", "cho 2.2", "cho 2.5", "cho 3.1", "cho 3.1",
                                       "cho 3.3", "cho 3.4", "cho 3.6", "cho 3.7"]
    assert len(disp[disp.term == "North Korea"]) == 11
    assert disp.position.between(0, 1, inclusive="left").all()
    tokens = kit.summary(corpus["cho"])["tokens"].iloc[0]
    assert (disp.position == disp.offset / tokens).all()


def test_dispersion_by_hand():
    # tokens: korea(0) first(1) then(2) china(3) and(4) north(5) korea(6) -> 7
    doc = load_text("Korea first. Then China and North Korea.", id="demo")
    disp = kit.dispersion(doc, ["north korea", "China"])
    assert list(zip(disp.term, disp.offset)) == [("north korea", 5), ("China", 3)]
    assert disp.position.tolist() == pytest.approx([5 / 7, 3 / 7])
    # a phrase is not matched across a sentence end: "korea then" spans 1.1 / 1.2
    with pytest.raises(UnknownTerm):
        kit.dispersion(doc, "first then")


def test_dispersion_unknown_terms(corpus):
    with pytest.raises(UnknownTerm, match="Taiwan"):
        kit.dispersion(corpus, ["Taiwan", "Mongolia"])
    with pytest.warns(UserWarning, match="Taiwan"):
        disp = kit.dispersion(corpus, ["Taiwan", "China"])
    assert set(disp.term) == {"China"}
    assert disp.attrs["terms"] == ["Taiwan", "China"]
    with pytest.raises(InvalidArgument):
        kit.dispersion(corpus, ["China", "..."])
    with pytest.raises(InvalidArgument):
        kit.dispersion(corpus, [])
    with pytest.raises(WrongType):
        kit.dispersion(corpus, 42)
    with pytest.raises(WrongType):
        kit.dispersion("some text", ["China"])
