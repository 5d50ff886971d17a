"""Check the kit's own claims about the texts: every cited sentence id exists and
every quoted phrase is really in the sentence it cites.

The convention, in notebooks (Markdown) and in data files (prompts, feedback,
paraphrases): a citation is a sentence id in square brackets, ``[cho 3.3]`` or
``[yang 7.2; yang 8.1]``; a quotation directly followed by a citation,
``"overwhelmingly reliant" [cho 3.3]``, must occur word for word in one of the
cited sentences (apostrophe style and case of the first letter aside).

Ids are recognised for every document of the corpus given (the loaded course),
whatever their case: ``[Cho 3.2]`` is ``cho 3.2``.  A bracketed id whose document
part is close to a course id (``[choo 3.2]``) is reported as a likely typo; other
brackets (``[Table 1.2]``) are left alone.
"""
from __future__ import annotations

import re

from .errors import KitError, WrongType, did_you_mean

__all__ = ["CITATION_RE", "QUOTED_CITATION_RE", "split_ids", "quote_in", "problems",
           "resolve", "check_citations"]

_SID = r"[^\W_][\w-]{0,40} \d{1,4}\.\d{1,4}"
_IDS = rf"{_SID}(?:\s*[;,]\s*{_SID})*"
#: A citation: ``[cho 3.3]`` or ``[yang 7.2; yang 8.1]`` (any document id, any case).
CITATION_RE = re.compile(rf"\[({_IDS})\]")
#: A quotation directly followed by a citation: ``"would be futile" [cho 3.2]``.
QUOTED_CITATION_RE = re.compile(
    rf"[\"“]([^\"“”]{{2,}}?)[\"”]\s*(?:\([^)]*\)\s*)?\[({_IDS})\]"
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


def resolve(sid: str, corpus):
    """The sentence ``sid`` names in ``corpus`` (document id in any case), or None when the
    document is not in the corpus.  Raises a KitError when the document exists but the
    sentence does not.

    >>> from kit.corpus import load_corpus
    >>> resolve("Cho 3.2", load_corpus()).id
    'cho 3.2'
    """
    doc, _, label = sid.strip().partition(" ")
    ids = {d.lower(): d for d in corpus}
    if doc.lower() not in ids:
        return None
    return corpus[ids[doc.lower()]].sentence(f"{ids[doc.lower()]} {label.strip()}")


def problems(text: str, corpus, where: str) -> list[str]:
    """Every unknown id and every misquotation in ``text``, as readable lines."""
    out = []
    known = list(corpus)
    for match in CITATION_RE.finditer(text):
        for sid in split_ids(match.group(1)):
            try:
                found = resolve(sid, corpus)
            except KitError:
                out.append(f"{where}: cites {sid!r}, which does not exist")
                continue
            doc = sid.split()[0]
            hint = did_you_mean(doc.lower(), known)
            if found is None and hint:
                out.append(f"{where}: cites {sid!r}, but there is no text {doc!r} in the course "
                           f"({', '.join(known)}).{hint}")
    for match in QUOTED_CITATION_RE.finditer(text):
        phrase, ids = match.group(1), split_ids(match.group(2))
        texts = []
        for sid in ids:
            try:
                sentence = resolve(sid, corpus)
            except KitError:
                sentence = None
            if sentence is not None:
                texts.append(sentence.text)
        if texts and not any(quote_in(phrase, t) for t in texts):
            out.append(f"{where}: quotes {phrase!r} but {', '.join(ids)} does not contain it")
    return out


def check_citations(text: str, corpus=None) -> list[str]:
    """Check the citations in your own writing.

    Lists every sentence id that does not exist and every quotation, directly followed
    by a citation, that is not word for word in the sentence it cites.  An empty list
    means no problem was found (whether a paraphrase is fair is for you to judge).

    Parameters
    ----------
    text : str
        Your writing, with citations such as ``[cho 3.2]`` or ``[Cho 3.2]``.
    corpus : Corpus, optional
        The texts your ids refer to (default: the kit's built-in course); for a course
        of your own, ``kit.load_corpus("my_course")``.

    Examples
    --------
    >>> check_citations('Cho thinks a wedge "would be futile" [cho 3.2].')
    []
    >>> check_citations('Cho thinks a wedge "is useless" [Cho 3.2] [cho 9.1].')
    ["your text: quotes 'is useless' but Cho 3.2 does not contain it", "your text: cites 'cho 9.1', which does not exist"]
    """
    if not isinstance(text, str):
        raise WrongType(f"check_citations() takes your text as a string, not a {type(text).__name__}.")
    if corpus is None:
        from .corpus import load_corpus

        corpus = load_corpus()
    elif not hasattr(corpus, "sentence") or not hasattr(corpus, "__iter__"):
        raise WrongType("check_citations(text, corpus=...) takes a corpus such as "
                        f"kit.load_corpus('my_course'), not a {type(corpus).__name__}.")
    found = problems(text, corpus, "your text")
    quoted = [p for p in found if " quotes " in p]
    return quoted + [p for p in found if p not in quoted]
