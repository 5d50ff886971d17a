"""Check the kit's own claims about the texts: every cited sentence id exists and
every quoted phrase is really in the sentence it cites.

The convention, in notebooks (Markdown) and in data files (prompts, feedback,
paraphrases): a citation is a sentence id in square brackets, ``[cho 3.3]`` or
``[yang 7.2; yang 8.1]``; a quotation directly followed by a citation,
``"overwhelmingly reliant" [cho 3.3]``, must occur word for word in one of the
cited sentences (apostrophe style and case of the first letter aside).
"""
from __future__ import annotations

import re

from .errors import KitError

CITATION_RE = re.compile(r"\[((?:cho|yang) \d+\.\d+(?:\s*[;,]\s*(?:cho|yang) \d+\.\d+)*)\]")
QUOTED_CITATION_RE = re.compile(
    r"[\"“]([^\"“”]{2,}?)[\"”]\s*(?:\([^)]*\)\s*)?\[((?:cho|yang) \d+\.\d+(?:\s*[;,]\s*(?:cho|yang) \d+\.\d+)*)\]"
)


def split_ids(group: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", group) if part.strip()]


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def quote_in(phrase: str, sentence_text: str) -> bool:
    """True when ``phrase`` occurs in ``sentence_text`` (apostrophe style, case, spacing aside).

    An ellipsis (``...`` or ``…``) in the phrase stands for omitted words: each part must
    occur, in order.
    """
    parts = [p.strip(" ,") for p in re.split(r"\.\.\.|…", phrase) if p.strip(" ,")]
    text, pos = _norm(sentence_text), 0
    for part in parts:
        found = text.find(_norm(part), pos)
        if found < 0:
            return False
        pos = found + len(_norm(part))
    return True


def problems(text: str, corpus, where: str) -> list[str]:
    """Every unknown id and every misquotation in ``text``, as readable lines."""
    out = []
    for match in CITATION_RE.finditer(text):
        for sid in split_ids(match.group(1)):
            try:
                corpus.sentence(sid)
            except KitError:
                out.append(f"{where}: cites {sid!r}, which does not exist")
    for match in QUOTED_CITATION_RE.finditer(text):
        phrase, ids = match.group(1), split_ids(match.group(2))
        texts = []
        for sid in ids:
            try:
                texts.append(corpus.sentence(sid).text)
            except KitError:
                pass
        if texts and not any(quote_in(phrase, t) for t in texts):
            out.append(f"{where}: quotes {phrase!r} but {', '.join(ids)} does not contain it")
    return out


def check_citations(text: str, corpus=None) -> list[str]:
    """Check the citations in your own writing.

    Lists every sentence id that does not exist and every quotation, directly followed
    by a citation, that is not word for word in the sentence it cites.  An empty list
    means no problem was found (whether a paraphrase is fair is for you to judge).

    Examples
    --------
    >>> check_citations('Cho thinks a wedge "would be futile" [cho 3.2].')
    []
    >>> check_citations('Cho thinks a wedge "is useless" [cho 3.2] [cho 9.1].')
    ["your text: quotes 'is useless' but cho 3.2 does not contain it", "your text: cites 'cho 9.1', which does not exist"]
    """
    if not isinstance(text, str):
        from .errors import WrongType

        raise WrongType(f"check_citations() takes your text as a string, not a {type(text).__name__}.")
    if corpus is None:
        from .corpus import load_corpus

        corpus = load_corpus()
    found = problems(text, corpus, "your text")
    quoted = [p for p in found if " quotes " in p]
    return quoted + [p for p in found if p not in quoted]
