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
* punctuation is dropped unless ``keep_punct=True``.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any, Iterable, Iterator, Union

from ..files.resources import word_list
from ..errors import InvalidArgument, ResourceUnavailable, WrongType
from ..options import flag, renamed_options

__all__ = ["tokens", "stopwords", "token_spans", "token_table", "TokenTable", "normalise", "stopword_set"]

_WORD = r"(?:[^\W\d_]\.){2,}|\w+(?:['’](?![sS]\b)\w+)*"
#: The ``stopwords=`` option: True, False/None, "nltk", or your own words.
Stopwords = Union[bool, None, str, Iterable[str]]

_PARTS = {
    "email": r"[\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+",
    "number": r"\d+(?:[.,]\d+)+",
    "word": rf"(?:{_WORD})(?:-(?:{_WORD}))*",
    "possessive": r"['’][sS]\b",
    "punct": r"[^\w\s]",
}


@lru_cache(maxsize=4)
def _token_re(*, email: bool, punct: bool) -> re.Pattern:
    # Speed matters on long texts (1M tokens): leave out the alternatives a text cannot
    # need (no "@" -> no e-mail addresses; punctuation dropped -> don't match it at all).
    names = [n for n in _PARTS if (n != "email" or email) and (n != "punct" or punct)]
    return re.compile("|".join(_PARTS[n] for n in names))


def _no_underscores(text: str) -> str:
    # An underscore is Markdown emphasis (_China_) or a fill-in line (________), never
    # part of a word: read it as a space (same length, so offsets hold).  Cheaper than
    # excluding it from the pattern's \w.
    return text.replace("_", " ") if "_" in text else text


def normalise(token: str, *, lower: bool = True) -> str:
    """One token as the kit counts it: ``’`` written ``'``, lower-cased by default.

    >>> normalise("China’s")
    "china's"
    """
    token = token.replace("’", "'")
    return _lower(token) if lower else token


def _lower(text: str) -> str:
    # "İ".lower() is "i" + a combining dot (two characters, the dot not a letter): write
    # it "i", so a token is lower-cased the same whether alone or in a whole text.
    low = text.lower()
    return low.replace("i\u0307", "i") if "\u0307" in low else low


def token_spans(text: str, *, keep_punct: bool = False) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, raw_token)`` for each token of ``text``.

    ``text[start:end] == raw_token``; nothing is normalised here.

    >>> [t for _, _, t in token_spans("China’s U.S. policy.")]
    ['China', '’s', 'U.S.', 'policy']
    """
    for match in _token_re(email="@" in text, punct=keep_punct).finditer(_no_underscores(text)):
        yield match.start(), match.end(), text[match.start():match.end()]


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
                f"stopwords contains {bad[0]!r}, which is not a string. "
                "Give a set of words, e.g. {'the', 'a'}."
            )
        return frozenset(normalise(w) for w in words)
    raise WrongType(
        f"stopwords={stopwords!r} is a {type(stopwords).__name__}. "
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
        table = token_table(doc)
        out = list(table.lower if lower else table.raw)
    else:
        # Normalising the whole text first is the same as normalising each token (neither
        # "’" -> "'" nor lower() changes what the pattern matches) and much faster.
        text = _no_underscores(normalise(text, lower=lower))
        out = _token_re(email="@" in text, punct=keep_punct).findall(text)
    if split_hyphens:
        out = [part for tok in out for part in (tok.split("-") if "-" in tok[1:] else (tok,)) if part]
    if stops:
        out = [t for t in out if (t if lower else t.lower()) not in stops]
    if stem:
        out = [stem_token(t) for t in out]
    return out


class TokenTable:
    """The word tokens of one document with their offsets, made once and shared by
    :func:`tokens`, frequencies and KWIC.  ``raw`` has ``’`` written ``'`` (case kept);
    ``text[starts[i]:ends[i]]`` is token ``i`` as it stands in the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        flat = _no_underscores(normalise(text, lower=False))  # one character for another: offsets hold
        # One pass, three plain lists: keeping a million match objects alive instead
        # makes the garbage collector crawl.
        self.starts, self.ends, self.raw = starts, ends, raw = [], [], []
        for match in _token_re(email="@" in flat, punct=False).finditer(flat):
            starts.append(match.start())
            ends.append(match.end())
            raw.append(match.group())

    @cached_property
    def lower(self) -> list[str]:
        if "\u0130" in self.text:  # "İ": see normalise()
            return [_lower(t) for t in self.raw]
        if not self.raw or "\x00" in self.text:
            return [t.lower() for t in self.raw]
        # One lower() over the joined tokens: the same as token by token, 1.5x faster.
        return "\x00".join(self.raw).lower().split("\x00")


def token_table(doc: Any) -> TokenTable:
    """The :class:`TokenTable` of a document's body, kept with the document (``Document.derived``)."""
    return doc.derived("tokens", lambda d: TokenTable(d.text))


def stopwords(which: Stopwords = True) -> list[str]:
    """The stopword list that ``stopwords=which`` would drop, sorted.

    >>> "the" in stopwords() and "china" not in stopwords()
    True
    """
    return sorted(stopword_set(which))

