"""kit.corpus.plaintext.tidy: the same text as the old multi-line rule, found faster."""
from hypothesis import given, settings
from hypothesis import strategies as st

import re

from kit.corpus.plaintext import tidy


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u3000.")), max_size=60))
def test_tidy_empties_exactly_the_whitespace_only_lines(text):
    # The old rule, a multi-line regular expression: a line of white space (no line break) is emptied.
    assert tidy(text) == re.compile(r"^[^\S\n]+$", re.MULTILINE).sub("", text)
