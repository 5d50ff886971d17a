"""Check the kit's own claims about the texts: every cited sentence id exists and
every quoted phrase is really in the sentence it cites.

The convention, in notebooks (Markdown) and in data files (prompts, feedback,
paraphrases): a citation is a sentence id in square brackets, ``[cho 3.3]`` or
``[yang 7.2; yang 8.1]``; a quotation directly followed by a citation,
``"overwhelmingly reliant" [cho 3.3]``, must occur word for word in one of the
cited sentences (apostrophe style and case of the first letter aside).

Ids are recognised for every document of the corpus given (the loaded course),
whatever their case: ``[Cho 3.2]`` is ``cho 3.2``.  A bracketed id whose document is
not in the course (``[Rivers 1.1]``) is reported, naming the course's texts (with a
"did you mean" for a likely typo such as ``[choo 3.2]``); brackets that name a part of
a document (``[Table 1.2]``, ``[Figure 2.1]``: see :data:`NOT_DOCUMENTS`) are left alone.
Citations in parentheses, ``(cho 1.1)``, are read too: an id of a course text is
checked; other parentheses (``(about 5.5)``, ``(Python 3.10)``) are left alone, unless
they directly follow a quotation, which then cannot be checked and is reported.

Ids are read as people type them: ``[ cho 9.9 ]``, ``[cho  9.9]``, ``[cho9.9]``, a tab or
a non-breaking space inside, and ``[cho 3.2, 9.9]`` (the second id is ``cho 9.9``).  In a
quotation, ``[...]``, ``[…]`` and an editor's ``[t]he`` stand for words left out or changed.
Every pattern here is bounded (a bracket holds at most 300 characters, a quotation 2,000),
so a megabyte of text is read in linear time.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..corpus.documents import Sentence
from ..corpus.ids import SENTENCE_ID, WRITTEN_ID
from ..errors import KitError, WrongType, did_you_mean
from ..options import renamed_options

if TYPE_CHECKING:
    from ..corpus.documents import Corpus

__all__ = ["CITATION_RE", "QUOTED_CITATION_RE", "PAREN_CITATION_RE", "QUOTED_PAREN_RE", "NOT_DOCUMENTS",
           "split_ids", "cited_ids", "quote_in", "problems", "resolve", "check_citations"]

_SID = SENTENCE_ID
_IDS = rf"{_SID}(?:\s*[;,]\s*{_SID})*"
#: A citation: ``[cho 3.3]`` or ``[yang 7.2; yang 8.1]`` (any document id, any case).
CITATION_RE = re.compile(rf"\[({_IDS})\]")
#: A quotation directly followed by a citation: ``"would be futile" [cho 3.2]``.
QUOTED_CITATION_RE = re.compile(
    rf"[\"“]([^\"“”]{{2,2000}}?)[\"”]\s*(?:\([^()]{{0,300}}\)\s*)?\[({_IDS})\]"
)
#: A citation in parentheses: ``(cho 1.1)`` or ``(yang 7.2; yang 8.1)``.
PAREN_CITATION_RE = re.compile(rf"\(({_IDS})\)")
#: A quotation directly followed by a citation in parentheses: ``"would be futile" (cho 3.2)``.
QUOTED_PAREN_RE = re.compile(rf"[\"“]([^\"“”]{{2,2000}}?)[\"”]\s*\(({_IDS})\)")
# What the checker reads (bounded, so linear on any text): a bracket or parenthesis, whose
# content may be a list of ids as typed; a quotation directly followed by one.
_BRACKET = re.compile(r"\[([^\[\]\n]{1,300})\]")
_PAREN = re.compile(r"\(([^()\n]{1,300})\)")
_QUOTED = re.compile(r"[\"“]([^\"“”]{2,2000}?)[\"”]\s{0,20}(?:\([^()\n]{0,300}\)\s{0,20})?"
                     r"(?:\[([^\[\]\n]{1,300})\]|\(([^()\n]{1,300})\))")
_PART_SEP = re.compile(r"\s*(?:[;,&]|\band\b)\s*")
_ONE_ID = re.compile(WRITTEN_ID)
_NO_DOC = re.compile(r"(\d+)\s*\.\s*(\d+)")   # "9.9" after "cho 3.2, ": the same document
_GAP = re.compile(r"\[[^\[\]]{0,40}\]|\.\.\.|…")   # [...], [t]he, ..., …
#: Words that name a part of a document, not a document: ``[Table 1.2]`` is not a citation.
NOT_DOCUMENTS = frozenset("""table tables figure fig figs chart section sec chapter ch page pages p pp para
paragraph line lines step part lesson exercise ex question q task item note appendix box version v eq
equation example rule slide unit week activity quiz level""".split())


def split_ids(group: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", group) if part.strip()]


def cited_ids(content: str) -> list[str] | None:
    """The ids inside one bracket as the kit writes them (``cho 9.9``), or None if it holds none.

    A part without a document takes the one before it; a bracket whose first part is no id
    (``[...]``, ``[sic]``, ``[1.2]``) is no citation.

    >>> cited_ids(" cho\u00a03.2,\t9.9 "), cited_ids("cho9.9; Yang 7 . 2"), cited_ids("...")
    (['cho 3.2', 'cho 9.9'], ['cho 9.9', 'Yang 7.2'], None)
    """
    ids: list[str] = []
    doc = None
    for k, part in enumerate(_PART_SEP.split(content.strip())):
        match = _ONE_ID.fullmatch(part.strip())
        bare = None if match else _NO_DOC.fullmatch(part.strip())
        if match and match.group(1):
            doc = match.group(1)
        elif not (bare and doc):
            if k == 0:
                return None
            continue
        para, sent = (match or bare).groups()[-2:]
        ids.append(f"{doc} {para}.{sent}")
    return ids or None


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def quote_in(phrase: str, sentence_text: str) -> bool:
    """True when ``phrase`` occurs in ``sentence_text`` (apostrophe style, case, spacing aside).

    An ellipsis (``...`` or ``…``) in the phrase stands for omitted words: each part must
    occur, in order.
    """
    parts = [p.strip(" ,") for p in _GAP.split(phrase) if p.strip(" ,")]
    text, pos = _norm(sentence_text), 0
    for part in parts:
        found = text.find(_norm(part), pos)
        if found < 0:
            return False
        pos = found + len(_norm(part))
    return True


def resolve(sid: str, corpus) -> Sentence | None:
    """The sentence ``sid`` names in ``corpus`` (document id in any case), or None when the
    document is not in the corpus.  Raises a KitError when the document exists but the
    sentence does not.

    >>> from kit.corpus.course import load_corpus
    >>> resolve("Cho 3.2", load_corpus()).id
    'cho 3.2'
    """
    doc, _, label = sid.strip().partition(" ")
    ids = {d.lower(): d for d in corpus}
    if doc.lower() not in ids:
        return None
    return corpus[ids[doc.lower()]].sentence(f"{ids[doc.lower()]} {label.strip()}")


def _no_text(where: str, sid: str, known: list[str]) -> str:
    doc = sid.split()[0]
    return (f"{where}: cites {sid!r}, but there is no text {doc!r} in the course (its texts: "
            f"{', '.join(known)}).{did_you_mean(doc.lower(), known)}")


def problems(text: str, corpus, where: str) -> list[str]:
    """Every unknown id or document and every misquotation in ``text``, as readable lines.

    >>> from kit.corpus.course import load_corpus
    >>> problems('"so futile" [cho 3.2]', load_corpus(), "notes.md")
    ["notes.md: quotes 'so futile' but cho 3.2 does not contain it"]
    >>> problems('"the river is wide" [Rivers 1.1]', load_corpus(), "notes.md")
    ["notes.md: cites 'Rivers 1.1', but there is no text 'Rivers' in the course (its texts: cho, yang)."]
    """
    out, reported = [], set()
    known = list(corpus)
    seen: dict = {}  # sid -> its sentence, None, or the KitError: each id looked up once per text
    typos: dict[str, str] = {}  # document -> "Did you mean ...?"

    def lookup(sid: str):
        if sid not in seen:
            try:
                seen[sid] = resolve(sid, corpus)
            except KitError as exc:
                seen[sid] = exc
        if isinstance(seen[sid], KitError):
            raise seen[sid]
        return seen[sid]
    for regex, bracket in ((_BRACKET, True), (_PAREN, False)):
        for match in regex.finditer(text):
            for sid in cited_ids(match.group(1)) or ():
                try:
                    found = lookup(sid)
                except KitError:
                    out.append(f"{where}: cites {sid!r}, which does not exist")
                    reported.add(sid)
                    continue
                doc = sid.split()[0]
                if doc.lower() not in typos:
                    typos[doc.lower()] = did_you_mean(doc.lower(), known)
                if found is None and (typos[doc.lower()] or (bracket and doc.lower() not in NOT_DOCUMENTS)):
                    out.append(_no_text(where, sid, known))
                    reported.add(sid)
    for match in _QUOTED.finditer(text):
        phrase, ids = match.group(1), cited_ids(match.group(2) or match.group(3))
        if ids is None:
            continue
        texts, missing = [], []
        for sid in ids:
            try:
                sentence = lookup(sid)
            except KitError:
                continue  # reported above: the sentence does not exist
            if sentence is None:
                missing.append(sid)
            else:
                texts.append(sentence.text)
        if texts and not any(quote_in(phrase, t) for t in texts):
            out.append(f"{where}: quotes {phrase!r} but {', '.join(ids)} does not contain it")
        elif not texts and missing and not set(missing) & reported:
            out.append(f"{where}: quotes {phrase!r} but cites {', '.join(missing)}: no text "
                       f"{missing[0].split()[0]!r} in the course (its texts: {', '.join(known)}), so the "
                       "quotation cannot be checked")
            reported.update(missing)
    return out


@renamed_options(text="answer")
def check_citations(answer: str, corpus: Corpus | None = None) -> list[str]:
    """Check the citations in your own writing.

    Lists every sentence id that does not exist, every text cited that is not in the
    course, and every quotation, directly followed by a citation (``[cho 3.2]`` or
    ``(cho 3.2)``), that is not word for word in the sentence it cites.  An empty list
    means no problem was found (whether a paraphrase is fair is for you to judge).

    Parameters
    ----------
    answer : str
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
    >>> check_citations('Cho calls it "a clever plan" (cho 3.2).')
    ["your text: quotes 'a clever plan' but cho 3.2 does not contain it"]
    """
    text = answer
    if not isinstance(text, str):
        raise WrongType(f"check_citations() takes your text as a string, not a {type(text).__name__}.")
    if corpus is None:
        from ..corpus.course import load_corpus

        corpus = load_corpus()
    elif not hasattr(corpus, "sentence") or not hasattr(corpus, "__iter__"):
        raise WrongType("check_citations(answer, corpus=...) takes a corpus such as "
                        f"kit.load_corpus('my_course'), not a {type(corpus).__name__}.")
    found = problems(text, corpus, "your text")
    quoted = [p for p in found if " quotes " in p]
    return quoted + [p for p in found if p not in quoted]
