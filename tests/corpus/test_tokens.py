"""Word tokens and sentence spans: the tokenisation choices documented in kit/corpus/tokens.py."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.corpus.splitting import sentence_spans
from kit.corpus.tokens import token_spans


def test_us_is_one_token_and_possessive_split_in_both_apostrophe_styles():
    assert kit.tokens("the U.S.'s pressure") == ["the", "u.s.", "'s", "pressure"]
    assert kit.tokens("China’s role and China's role") == ["china", "'s", "role", "and", "china", "'s", "role"]


def test_hyphenated_names_stay_whole_unless_split():
    text = "Yang Moo-jin on ROK-U.S.-Japan and U.S.-DPRK ties"
    assert kit.tokens(text) == ["yang", "moo-jin", "on", "rok-u.s.-japan", "and", "u.s.-dprk", "ties"]
    assert kit.tokens(text, split_hyphens=True) == [
        "yang", "moo", "jin", "on", "rok", "u.s.", "japan", "and", "u.s.", "dprk", "ties"]


def test_case_punctuation_email_numbers():
    text = "Write to yangmj@kyungnam.ac.kr — in 2021, 1,000 times."
    assert kit.tokens(text) == ["write", "to", "yangmj@kyungnam.ac.kr", "in", "2021", "1,000", "times"]
    assert kit.tokens(text, case_sensitive=True, keep_punct=True) == [
        "Write", "to", "yangmj@kyungnam.ac.kr", "—", "in", "2021", ",", "1,000", "times", "."]


def test_stopwords_options():
    text = "The U.S. should work with China"
    # "the", "should", "with" are on the kit's list (kit/data/lexicons/stopwords.txt).
    assert kit.tokens(text, stopwords=True) == ["u.s.", "work", "china"]
    assert kit.tokens(text, stopwords={"china", "THE"}) == ["u.s.", "should", "work", "with"]
    assert kit.tokens(text, case_sensitive=True, stopwords=True) == ["U.S.", "work", "China"]


def test_nltk_stopwords_only_when_installed():
    try:
        from nltk.corpus import stopwords

        stopwords.words("english")
    except LookupError:
        with pytest.raises(kit.ResourceUnavailable, match="never downloads"):
            kit.tokens("the end", stopwords="nltk")
    else:  # pragma: no cover - only where NLTK's data happens to be installed
        assert kit.tokens("the end", stopwords="nltk") == ["end"]


@pytest.mark.parametrize("bad, error", [("english", kit.InvalidArgument), (3, kit.WrongType), ([1], kit.WrongType)])
def test_bad_stopwords_option(bad, error):
    with pytest.raises(error, match="stopwords"):
        kit.tokens("some text", stopwords=bad)


def test_stemming_uses_snowball():
    # Snowball (Porter2) English stems, checked against the algorithm's published behaviour:
    # cooperation -> cooper, negotiations -> negoti, relying -> reli, reliant -> reliant.
    assert kit.tokens("cooperation negotiations relying reliant", stem=True) == [
        "cooper", "negoti", "reli", "reliant"]
    assert kit.tokens("U.S. ROK-U.S.-Japan 1990s", stem=True) == ["u.s.", "rok-u.s.-japan", "1990s"]


def test_tokens_of_documents_use_the_body_only(corpus):
    yang = kit.tokens(corpus["yang"])
    assert "yangmj@kyungnam.ac.kr" not in yang
    # "cooperation" by reading Yang: 3.2, 4.3, 5.1, 6.1, 6.3 -> 5 times.
    assert yang.count("cooperation") == 5
    # "reliant" only in cho 3.3; Cho never writes "relying".
    cho = kit.tokens(corpus["cho"])
    assert cho.count("reliant") == 1 and "relying" not in cho


def test_tokens_rejects_non_texts(corpus):
    with pytest.raises(kit.WrongType, match="one document or a string"):
        kit.tokens(corpus)
    with pytest.raises(kit.WrongType, match="not a int"):
        kit.tokens(42)


def test_token_spans_point_into_the_text():
    text = "Beijing’s U.S. policy, ROK-U.S.-Japan."
    spans = list(token_spans(text, keep_punct=True))
    assert [raw for _, _, raw in spans] == ["Beijing", "’s", "U.S.", "policy", ",", "ROK-U.S.-Japan", "."]
    assert all(text[a:b] == raw for a, b, raw in spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'’U.S-—()")) | st.characters(), max_size=300))
def test_sentence_spans_are_ordered_non_overlapping_slices(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc U.S. Dr. e.g. !?\"")), min_size=1, max_size=60),
                min_size=1, max_size=5))
def test_document_sentences_slice_the_text(paragraphs):
    text = "\n\n".join(paragraphs)
    if not text.strip():
        return
    doc = kit.Document(id="prop", text=text)  # not load_text: "." would name a folder
    previous_end = 0
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert previous_end <= s.start
        previous_end = s.end
    assert [s.paragraph for s in doc.sentences] == sorted(s.paragraph for s in doc.sentences)


_PIECES = ["U.S.", "u.s.", "vs.", "Dr.", "e.g.", "etc.", "A.", "b.", "75.", "Korea.", "China’s.", "end.",
           "But", "but", "The", "the", "missile", "(", ")", '"', "’", "?", "!", "...", "..", ".", ",",
           "Why?", "Stop!", "no.", "No.", "Jan.", "x", "—", "-", "ROK-U.S.-Japan", "U.S.-China.", "1990s.",
           "end.)", "Congress", "Then", "Korea.”", "«", "Mr.", "Fig."]


def _plain_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from kit.corpus.splitting import _punkt

    return PunktSentenceTokenizer(_punkt()._params)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from([" ", "  ", "\n", " \t"]), max_size=40))
def test_fast_sentence_decisions_agree_with_plain_punkt(pieces, gaps):
    # kit.corpus.tokens answers two common cases itself; everything must come out as Punkt would.
    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    if text.strip():
        assert sentence_spans(text) == list(_plain_punkt().span_tokenize(text))


def test_fast_sentence_decisions_agree_on_the_corpus(corpus):
    plain = _plain_punkt()
    for doc in corpus.values():
        for para in doc.paragraphs:
            assert sentence_spans(para.text) == list(plain.span_tokenize(para.text))


def test_email_and_abbreviations_do_not_end_sentences():
    text = "Write to yangmj@kyungnam.ac.kr by Jan. 5, e.g. on Monday. Dr. Yang replies."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Write to yangmj@kyungnam.ac.kr by Jan. 5, e.g. on Monday.", "Dr. Yang replies."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Ave.", "approx.", "Fig.", "2", "in", "\u00a0", "Ph.D."]), max_size=40),
       st.lists(st.sampled_from([" ", "  ", "\n", " \t", "\u00a0"]), max_size=40))
def test_the_fast_path_gives_punkts_spans(pieces, gaps):
    from kit.corpus.splitting import punkt_spans

    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    if text.strip():
        assert sentence_spans(text) == punkt_spans(text)


def test_the_fast_path_handles_most_paragraphs(corpus):
    from kit.corpus.splitting import _fast_spans, _punkt

    paras = [p.text for d in corpus.values() for p in d.paragraphs]
    fast = [p for p in paras if _fast_spans(p, _punkt()) is not None]
    assert len(fast) >= len(paras) // 2


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Ave.", "2", "in", "\u00a0", "Ph.D.", "x\ty.", "U.S.'s."]), max_size=40),
       st.lists(st.sampled_from([" ", "  ", "\n", " \t", "\u00a0", "\u2009"]), max_size=40))
def test_the_quick_path_gives_punkts_spans_or_passes(pieces, gaps):
    # The one-pass path (_quick_spans) answers only paragraphs whose candidate breaks are all
    # followed by spaces and a word; when it answers, it must answer as Punkt does.
    from kit.corpus.splitting import _punkt, _quick_spans, punkt_spans

    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    if text.strip():
        assert _quick_spans(text, _punkt()) in (None, punkt_spans(text))


def test_the_quick_path_handles_most_corpus_paragraphs(corpus):
    from kit.corpus.splitting import _punkt, _quick_spans, punkt_spans

    paras = [p.text for d in corpus.values() for p in d.paragraphs]
    quick = [p for p in paras if _quick_spans(p, _punkt()) is not None]
    assert all(_quick_spans(p, _punkt()) == punkt_spans(p) for p in quick)
    assert len(quick) >= len(paras) * 3 // 4  # all 13 when written (12 before "U.S.'s" was decided here)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES + ["Ave.", "2", "\u00a0", "x\ty."]), min_size=1, max_size=15),
                min_size=1, max_size=6),
       st.sampled_from(["\n\n", "\n \n", "\n"]))
def test_sentence_bounds_split_each_paragraph_as_on_its_own(paragraphs, gap):
    # The whole-text pass (sentence_bounds) must give each paragraph the sentences sentence_spans
    # gives it alone, shifted to where the paragraph starts.
    from kit.corpus.splitting import sentence_bounds

    text = gap.join(" ".join(words) for words in paragraphs)
    if not text.strip():
        return
    doc = kit.Document(id="p", text=text)
    bounds = [(p.start, p.end) for p in doc.paragraphs]
    alone = [(a + x, a + y) for a, b in bounds for x, y in sentence_spans(doc.text[a:b])]
    assert sentence_bounds(doc.text, bounds) == ([a for a, _ in alone], [b for _, b in alone])
    # and a document's sentence ids, all at once or one paragraph at a time
    offsets = list(range(0, len(text), 3))
    alone = kit.Document(id="p", text=text)  # paragraph by paragraph (nothing split yet)
    assert doc.sentence_ids_at(offsets) == [alone.sentence_at(c).id for c in offsets]
