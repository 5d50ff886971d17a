"""The text pipeline: sentence splitting and word tokens, with no downloaded data.

Sentences come from NLTK's Punkt splitter given the kit's own parameters
(``kit/data/lexicons/abbreviations.txt`` and ``sentence_starters.txt``): "U.S."
does not end a sentence, unless the next word is a capitalised frequent sentence
starter, as in "... cooperation with the U.S. But due to this response ...".

Word tokens come from one regular expression (NLTK's ``regexp_tokenize`` idea,
with spans).  The choices, which lesson 02 shows side by side:

* initialisms stay one token: ``U.S.``, ``e.g.``;
* hyphenated compounds stay whole: ``Moo-jin``, ``ROK-U.S.-Japan``,
  ``U.S.-China``, ``long-term`` (``split_hyphens=True`` splits them into parts);
* the possessive ``'s`` / ``’s`` is split off as its own token (``China’s`` ->
  ``china``, ``'s``); other inner apostrophes stay (``don't``);
* both apostrophe styles are treated alike: ``’`` is written ``'`` in tokens;
* e-mail addresses and numbers such as ``1,000`` or ``2.5`` stay whole;
* punctuation is dropped unless ``keep_punct=True``;
* invisible format characters (zero-width space, soft hyphen ...) are removed and
  decomposed accents composed first (:mod:`kit.corpus.cleaning`), in texts and queries alike.

The pattern itself, and the token tables with offsets, are in :mod:`kit.corpus.tokenizer`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Union

from ..files.resources import word_list
from ..errors import InvalidArgument, ResourceUnavailable, WrongType, shown
from ..options import flag, renamed_options
from .cleaning import clean
from .token_table import TokenTable, token_spans, token_table
from .tokenizer import flatten, normalise, paragraph_tokens, token_re

__all__ = ["tokens", "stopwords", "token_spans", "token_table", "TokenTable", "normalise", "stopword_set"]

#: The ``stopwords=`` option: True, False/None, "nltk", or your own words.
Stopwords = Union[bool, None, str, Iterable[str]]


def stopword_set(stopwords: Stopwords) -> frozenset[str]:
    """Resolve the ``stopwords=`` option of the kit's functions to a set of lower-case words.

    ``True``: the kit's own English list; ``False``/``None``: none; ``"nltk"``: NLTK's
    English list if it is already installed; any collection of strings: those words.
    """
    if stopwords is True:
        return word_list("lexicons/stopwords.txt")
    if stopwords is False or stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        if stopwords == "nltk":
            return _nltk_stopwords()
        raise InvalidArgument(
            f"stopwords={stopwords!r} is not a known list. Use True (the kit's list), "
            "False, \"nltk\" (NLTK's list, if installed) or a set of words such as {'the', 'a'}."
        )
    if isinstance(stopwords, Iterable):
        words = list(stopwords)
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            raise WrongType(
                f"stopwords contains {shown(bad[0])}, which is not a string. "
                "Give a set of words, e.g. {'the', 'a'}."
            )
        return frozenset(normalise(w) for w in words)
    raise WrongType(
        f"stopwords={shown(stopwords)} is a {type(stopwords).__name__}. "
        "Use True, False, \"nltk\" or a set of words."
    )


@lru_cache(maxsize=1)
def _nltk_stopwords() -> frozenset[str]:
    try:
        from nltk.corpus import stopwords as nltk_stopwords

        return frozenset(nltk_stopwords.words("english"))
    except LookupError:
        raise ResourceUnavailable(
            "NLTK's stopword list is not installed on this machine, and the kit never "
            "downloads anything. Use stopwords=True for the kit's own list, or install "
            "NLTK's stopwords corpus yourself with NLTK's downloader, on a machine with a network."
        ) from None


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem_token(token: str) -> str:
    """The Snowball stem of one plain word (``cooperation`` -> ``cooper``).

    >>> stem_token("cooperation"), stem_token("u.s.")
    ('cooper', 'u.s.')
    """
    # Only plain words are stemmed: "u.s.", "rok-u.s.-japan", "1990s" stay as they are.
    return _stemmer().stem(token) if token.isalpha() else token


def _text_of(doc, func: str) -> str:
    if isinstance(doc, str):
        return doc
    text = getattr(doc, "text", None)
    # Ask the type, not the instance: on a Document, "sentences" is a cached property
    # that would run Punkt over the whole text just to answer hasattr().
    if isinstance(text, str) and hasattr(type(doc), "sentences"):
        return text
    raise WrongType(
        f"{func}() takes one document or a string, not a {type(doc).__name__}. "
        "For the whole corpus, use corpus['cho'] and corpus['yang'] one at a time."
    )


@renamed_options(lower=("case_sensitive", lambda lower: not lower))
def tokens(
    doc: Any,
    *,
    case_sensitive: bool = False,
    stopwords: Stopwords = False,
    stem: bool = False,
    keep_punct: bool = False,
    split_hyphens: bool = False,
) -> list[str]:
    """The word tokens of a document's body or of a string.

    Parameters
    ----------
    doc : Document or str
    case_sensitive : bool
        Keep upper case (default: lower-case every token). Apostrophes are always written ``'``.
    stopwords : bool, "nltk" or set of str
        Drop stopwords: the kit's list (``True``), NLTK's installed list (``"nltk"``)
        or your own set of words. Matching ignores case.
    stem : bool
        Reduce plain words to their Snowball stem (``cooperation`` -> ``cooper``).
    keep_punct : bool
        Keep punctuation marks as tokens.
    split_hyphens : bool
        Split hyphenated compounds into their parts (``ROK-U.S.-Japan`` ->
        ``rok``, ``u.s.``, ``japan``).

    Examples
    --------
    >>> tokens("The U.S. and China’s ROK-U.S.-Japan worries.")
    ['the', 'u.s.', 'and', 'china', "'s", 'rok-u.s.-japan', 'worries']
    >>> tokens("The U.S. and China’s worries.", stopwords=True, stem=True)
    ['u.s.', 'china', 'worri']
    """
    text = _text_of(doc, "tokens")
    for name, value in (("case_sensitive", case_sensitive), ("stem", stem), ("keep_punct", keep_punct),
                        ("split_hyphens", split_hyphens)):
        if not isinstance(value, bool):
            flag(value, name, "tokens", f"kit.tokens(doc, {name}=True)")
    lower = not case_sensitive
    stops = stopword_set(stopwords)
    if not isinstance(doc, str) and not keep_punct:
        found = paragraph_tokens(doc)  # made once per document, no offsets
        out = list(found.lower if lower else found.raw)
    else:
        # Normalising the whole text first is the same as normalising each token (neither
        # "’" -> "'" nor lower() changes what the pattern matches) and much faster.
        text = flatten(normalise(clean(text), lower=lower))
        out = token_re(email="@" in text, punct=keep_punct).findall(text)
    if split_hyphens:
        out = [part for tok in out for part in (tok.split("-") if "-" in tok[1:] else (tok,)) if part]
    if stops:
        out = [t for t in out if (t if lower else t.lower()) not in stops]
    if stem:
        out = [stem_token(t) for t in out]
    return out


def stopwords(which: Stopwords = True) -> list[str]:
    """The stopword list that ``stopwords=which`` would drop, sorted.

    >>> "the" in stopwords() and "china" not in stopwords()
    True
    """
    return sorted(stopword_set(which))

