"""kwic, show and highlight.  Expected hits come from reading the two texts
(kit.sentences printed sentence by sentence); each test says where they are."""
from __future__ import annotations

import pytest

import kit
from kit.errors import InvalidArgument, WrongType
from kit.analysis.index import document_index


def ids(table):
    return list(table.sentence_id)


def test_kwic_columns_and_offsets(corpus):
    table = kit.kwic(corpus, "wedge")
    assert list(table.columns) == ["doc", "sentence_id", "left", "match", "right", "start", "end"]
    for row in kit.kwic(corpus, "cooperation").itertuples():
        assert corpus[row.doc].text[row.start:row.end] == row.match


def test_argument_words_found_where_the_text_has_them(corpus):
    # "wedge" only in Cho's "drive a wedge between China and North Korea" (cho 3.1)
    assert ids(kit.kwic(corpus, "wedge")) == ["cho 3.1"]
    # "reliant": "overwhelmingly reliant on China" (cho 3.3); Yang never writes it
    assert ids(kit.kwic(corpus, "reliant")) == ["cho 3.3"]
    # "relying": "by relying on China only" (yang 9.1), "relying solely on China" (yang 9.4)
    assert ids(kit.kwic(corpus, "relying")) == ["yang 9.1", "yang 9.4"]
    # "broker": "an "honest broker"" (yang 8.2)
    assert ids(kit.kwic(corpus, "broker")) == ["yang 8.2"]
    # "cooperation": "military cooperation" (cho 2.3); yang 3.2 "mutual cooperation", 4.3
    # "ROK-U.S.-Japan military cooperation", 5.1 "active cooperation", 6.1 and 6.3
    # "U.S.-China cooperation" -> 6 in all, 5 in Yang
    assert ids(kit.kwic(corpus, "cooperation")) == [
        "cho 2.3", "yang 3.2", "yang 4.3", "yang 5.1", "yang 6.1", "yang 6.3"]
    assert len(kit.kwic(corpus["yang"], "Cooperation")) == 5


def test_context_window_in_words(corpus):
    # cho 3.1: "... should try to drive a wedge between China and North Korea."
    row = kit.kwic(corpus["cho"], "wedge", window=2).iloc[0]
    assert (row.left, row.match, row.right) == ("drive a", "wedge", "between China")
    row = kit.kwic(corpus["cho"], "wedge", window=6).iloc[0]
    assert row.left == "allies should try to drive a"
    # the context runs on across the full stop into cho 3.2 ("Such an effort ..."), as in NLTK
    assert row.right == "between China and North Korea. Such"


def test_phrase_query(corpus):
    # "North Korea" (not "North Korean"): cho 1.1, 1.2, 1.5, 2.1, 2.3, 2.4, 3.1 (twice), 3.3,
    # 3.6 (twice) = 11; yang in every sentence from 1.1 to 10.2 except 1.3, 4.2, 4.3
    # ("North Korean"), 4.4, 5.2 ("DPRK") = 22.  cho 3.8 says "North Korean regime".
    table = kit.kwic(corpus, "North Korea")
    assert (table.doc == "cho").sum() == 11
    assert (table.doc == "yang").sum() == 22
    assert "cho 3.8" not in ids(table)
    assert set(table.match) == {"North Korea"}


def test_wildcards(corpus):
    # cooperat*: no "cooperate"/"cooperative" in either text, so the same 6 as "cooperation"
    assert len(kit.kwic(corpus, "cooperat*")) == 6
    # "North Korea*" adds the two "North Korean" (cho 3.8, yang 4.3) to the 33 above
    assert len(kit.kwic(corpus, "north korea*")) == 35
    # U.S. alone 15 times in Yang (1.2, 2.1, 3.1, 4.3, 5.1, 7.1, 7.2, 7.3, 8.1, 8.2 x2, 9.3,
    # 10.1, 10.2 x2); compounds are one token, so "*u.s.*" adds U.S.-China (1.1, 6.1, 6.3),
    # ROK-U.S.-Japan (4.3, 5.2), U.S.-DPRK (7.1, 7.3) = 7 more
    assert len(kit.kwic(corpus, "U.S.")) == 15
    assert len(kit.kwic(corpus, "*u.s.*")) == 22


def test_regex(corpus):
    # reliant (cho 3.3), self-reliance (yang 2.1: searched inside the token), relying (yang 9.1, 9.4)
    table = kit.kwic(corpus, r"rel(iant|iance|ying)", regex=True)
    assert ids(table) == ["cho 3.3", "yang 2.1", "yang 9.1", "yang 9.4"]
    assert ids(kit.kwic(corpus, r"^rel(iant|iance|ying)$", regex=True)) == ["cho 3.3", "yang 9.1", "yang 9.4"]


def test_possessives_and_apostrophes(corpus):
    # "China’s expense" (cho 2.2, curly apostrophe), "China's" in yang 4.1, 4.4, 8.1
    assert ids(kit.kwic(corpus, "China's")) == ["cho 2.2", "yang 4.1", "yang 4.4", "yang 8.1"]
    assert ids(kit.kwic(corpus, "China’s")) == ids(kit.kwic(corpus, "China's"))


def test_case(corpus):
    # "May" the month: cho 2.5 ("in May"), yang 7.1 ("in late May"); modal "may": yang 9.1, 9.3, 10.2
    assert ids(kit.kwic(corpus, "May", case_sensitive=True)) == ["cho 2.5", "yang 7.1"]
    assert ids(kit.kwic(corpus, "may", case_sensitive=True)) == ["yang 9.1", "yang 9.3", "yang 10.2"]
    assert len(kit.kwic(corpus, "may")) == 5


def test_sort_by_left_context(corpus):
    # words just left of "cooperation": active (yang 5.1); military (yang 4.3 after
    # "rok-u.s.-japan", cho 2.3 after "strengthen"); mutual (yang 3.2); u.s.-china (6.1, 6.3 tie)
    table = kit.kwic(corpus, "cooperation", sort="left")
    assert ids(table) == ["yang 5.1", "yang 4.3", "cho 2.3", "yang 3.2", "yang 6.1", "yang 6.3"]
    # right of "North Korea" in cho: sorted word by word from the match onwards
    keys = [kit.tokens(r) for r in kit.kwic(corpus["cho"], "North Korea", sort="right").right]
    assert keys == sorted(keys) and keys != [kit.tokens(r) for r in kit.kwic(corpus["cho"], "North Korea").right]
    # the possessive of "North Korea’s" (cho 2.1, 2.3, 2.4, 3.6) sorts before any word
    assert [k[0] for k in keys[:4]] == ["'s"] * 4 and keys[4][0] != "'s"


def test_load_text_documents():
    doc = kit.load_text("Seoul spoke first. Then seoul and Beijing agreed.\n\nA new paragraph on Seoul.", id="mine")
    table = kit.kwic(doc, "seoul")
    assert ids(table) == ["mine 1.1", "mine 1.2", "mine 2.1"]
    assert table.iloc[0].left == ""  # the first word has no left context


def test_query_errors(corpus):
    for bad in ("", "   "):
        with pytest.raises(InvalidArgument, match="empty"):
            kit.kwic(corpus, bad)
    with pytest.raises(InvalidArgument, match="no words"):
        kit.kwic(corpus, "!!")
    with pytest.raises(WrongType):
        kit.kwic(corpus, 42)
    with pytest.raises(WrongType, match="load_text"):
        kit.kwic("a plain string", "word")
    with pytest.raises(InvalidArgument, match="regular expression"):
        kit.kwic(corpus, "reli(ant", regex=True)
    with pytest.raises(InvalidArgument, match="window"):
        kit.kwic(corpus, "wedge", window=0)
    with pytest.raises(InvalidArgument, match="sort"):
        kit.kwic(corpus, "wedge", sort="up")


def test_no_match_gives_empty_table(corpus):
    table = kit.kwic(corpus, "zebra")
    assert table.empty and "sentence_id" in table.columns


def test_index_is_built_once(corpus):
    doc = corpus["yang"]
    assert document_index(doc) is document_index(doc)


# --- show and highlight --------------------------------------------------------------


def test_show_has_every_sentence_id(corpus):
    html = kit.show(corpus)._repr_html_()
    for s in kit.sentences(corpus).sentence_id:
        assert f">{s}</span>" in html
    assert "¶3" in html


def test_show_dates_only_when_asked_and_marks_them_inferred(corpus):
    # Neither text prints a date: Cho's rests on "Last month, the White House confirmed"
    # [cho 1.1] and "In June" [cho 1.5], so the header says "(inferred)" and gives the basis.
    shown = kit.show(corpus["cho"])._repr_html_()
    assert "November 2024 (inferred)" in shown and "<details>" in shown and "Last month" in shown
    for doc in ("cho", "yang"):  # lesson 00 shows the texts before the student dates them
        hidden = kit.show(corpus[doc], date=False)._repr_html_()
        assert not any(y in hidden for y in ("2021", "2024", "November", "December", "inferred"))
        assert f"{doc} 1.1" in hidden
    assert corpus.metadata.set_index("doc").date["cho"] == "November 2024 (inferred)"
    assert corpus["yang"].date_label == "late May to December 2021 (inferred)"
    assert kit.load_text("A text of my own.", id="mine").date_label == "not stated in the source"
    with pytest.raises(kit.KitError, match="date=False"):
        kit.show(corpus["cho"], date="no")


def test_show_escapes_text():
    doc = kit.load_text("Hello <script>alert(1)</script> world. Tom & Jerry agree.", id="evil")
    html = kit.show(doc)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry" in html


def test_highlight_terms_phrases_wildcards(corpus):
    view = kit.highlight(corpus["cho"], ["North Korea", "cooperat*", "wedge"])
    html = view._repr_html_()
    # 11 "North Korea" in Cho (see test_phrase_query) + 1 cooperation (cho 2.3) + 1 wedge (cho 3.1)
    assert html.count("<mark") == 13
    assert html.count("title='North Korea'") == 11
    assert ">wedge</mark>" in html
    assert "cho 3.1" in html  # ids still visible


def test_highlight_escapes_and_checks_input():
    doc = kit.load_text("Beware <b>bold</b> script: <script>x()</script>.", id="evil")
    html = kit.highlight(doc, ["script", "<b>"]).data
    assert "<script>" not in html and "<b>bold" not in html
    assert "&lt;<mark style='background: #ffe066' title='script'>script</mark>&gt;x()" in html
    assert "&lt;b&gt;" in html  # the term itself is escaped in the legend
    with pytest.raises(InvalidArgument):
        kit.highlight(doc, [])
    with pytest.raises(InvalidArgument, match="colour"):
        kit.highlight(doc, "script", colors=["red;background:url(x)"])
    with pytest.raises(InvalidArgument):
        kit.highlight(doc, "")


def test_highlight_colours(corpus):
    html = kit.highlight(corpus["cho"], ["wedge", "reliant"], colors={"reliant": "#123456"}).data
    assert "background: #123456' title='reliant'" in html


# --- lesson 01 data: quiz bank and exercises -----------------------------------------


def test_lesson_01_quiz_bank(corpus):
    from kit.argumentation.citations import problems
    from kit.files.resources import read_text
    from kit.assessment import answer_key, load_bank

    load_bank("01_close_reading")  # validates fields, citations and quotes
    key = answer_key("01_close_reading").set_index("question").answer
    assert len(key) >= 10
    # computed keys, checked by reading: "cooperation" in yang 3.2, 4.3, 5.1, 6.1, 6.3 -> 5;
    # U.S. mentions in Yang 27 (tests/analysis/test_actors.py); Yang's modals 17 (tests/analysis/test_stance.py)
    assert (str(key["cooperation-yang"]), str(key["actors-us-yang"]), str(key["modals-yang"])) == ("5", "27", "17")
    assert not problems(read_text("quizzes/01_close_reading.yaml"), corpus, "quiz 01")


def test_lesson_01_exercises(corpus):
    from kit.argumentation.citations import problems
    from kit.files.resources import read_text

    # 01.2: "North Korea" in Cho 11 times (see test_phrase_query); 01.3: yang 9.1, 9.4
    assert kit.exercise("01.2").key == 11
    assert kit.exercise("01.3").key == ["yang 9.1", "yang 9.4"]
    assert kit.check_exercise("01.8", {"cho": 2, "yang": 3}).correct  # hedges, tests/analysis/test_stance.py
    assert not kit.check_exercise("01.6", "claim").correct  # cho 3.4 is evidence ("for instance")
    assert not problems(read_text("exercises/01_close_reading.yaml"), corpus, "exercises 01")


def test_kwic_agrees_with_tokens_for_every_word(corpus):
    # kwic and kit.tokens share one tokenizer: every word type is found exactly as often
    # as tokens() counts it (compounds, "u.s.", "'s" and numbers included)
    from collections import Counter

    for doc in corpus.values():
        counts = Counter(kit.tokens(doc))
        for word, n in counts.items():
            assert len(kit.kwic(doc, word)) == n, word
