"""Rule flags for written answers, shown before the model answer: feedback on a few
mistakes a reader of the texts should not make.  A flag never changes the status
(the answer stays ``written``, for self-assessment).

* **reported view**: a sentence that reports someone else's view (its claim in the
  argument map, ``kit.arguments``, has a ``speaker`` other than the author) cited as the
  author's own ("Cho argues ... [cho 3.1]");
* **single month**: one month where the model answer gives a range of months (dating);
* **hedge dropped**: the cited sentence hedges ("may", "could", "appears"...) and the
  student's sentence citing it does not;
* **no citation**: the question rests on sentences and the answer cites none.

>>> from .exercises import exercise
>>> for flag in written_flags(exercise("01.7"), "Yang wrote it in June 2021."):
...     print(flag[:60])
One month ("June") where the evidence gives a range: the tex
No citation: say which sentences your answer rests on, like
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..corpus.ids import WRITTEN_ID_RE
from ..errors import KitError
from .questions import Question

__all__ = ["written_flags", "cited_ids", "reported_speaker", "hedges_in"]

_ID = WRITTEN_ID_RE
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
_HEDGES = (r"may|might|could|appears?|appeared|seems?|seemingly|likely|unlikely|perhaps|possibly|probably|"
           r"apparently|presumably|is said to|are said to")
_HEDGE = re.compile(rf"\b({_HEDGES})\b", re.IGNORECASE)
_STUDENT_HEDGE = re.compile(rf"\b({_HEDGES}|can|would|suggests?|seen as|uncertain|not certain|"
                            r"not sure|hedges?|hedged|cautious(?:ly)?|tentative(?:ly)?)\b", re.IGNORECASE)
_RELATIVE = {"what", "which", "who", "that", "whatever"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_RANGE = re.compile(r"\b(between|after|before|from|until|till|since|later|earlier|at the latest|at the earliest|"
                    r"range|not yet|still to come)\b", re.IGNORECASE)
_VIEW = (r"(?:\s+\w+){0,2}?\s+(?:argues?|argued|says?|said|claims?|claimed|believes?|thinks?|wants?|recommends?|"
         r"proposes?|suggests?|fears?|worries|worried|holds?|insists?|urges?|calls? for|advises?|sees?|warns?)\b")
_OWN = r"(?:'s|’s)\s+(?:own\s+)?(?:view|position|argument|claim|recommendation|thesis|advice|belief|fear)\b"
_REPORT = re.compile(r"\b(reports?|reported|rejects?|rejected|dismiss\w*|answers?|quotes?|according to|"
                     r"describes?|attribut\w*|others|other people|not his|not hers|not the author)\b",
                     re.IGNORECASE)


def cited_ids(text: str, doc_ids) -> list[str]:
    """The sentence ids cited in a text, in any style the kit teaches.

    >>> cited_ids("as he says [Cho 3.1; cho 3.2] (yang 9.4)", ["cho", "yang"])
    ['cho 3.1', 'cho 3.2', 'yang 9.4']
    """
    docs = {d.casefold() for d in doc_ids}
    found = [f"{d.casefold()} {int(p)}.{int(s)}" for d, p, s in _ID.findall(text) if d.casefold() in docs]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=32)
def _speakers(doc_id: str) -> dict[str, str]:
    """Sentence id -> the speaker of the view it reports (from the argument map)."""
    from ..argumentation.maps import arguments

    try:
        table = arguments(doc_id)
    except KitError:   # a course text without an argument map: no reported views known
        return {}
    own, reported = set(), {}
    for row in table.itertuples():
        ids = [c.strip() for c in str(row.cites).split(";") if c.strip()]
        if row.speaker == "author" and len(ids) == 1:
            own.add(ids[0])
        elif row.speaker != "author":
            for sid in ids:
                reported.setdefault(sid, str(row.speaker))
    return {sid: who for sid, who in reported.items() if sid not in own}


def reported_speaker(sid: str) -> str:
    """Whose view sentence ``sid`` reports (``""``: the author's own, or not known).

    >>> reported_speaker("cho 3.1")
    'many Western security analysts'
    """
    return _speakers(sid.split()[0])[sid] if sid in _speakers(sid.split()[0]) else ""


def hedges_in(sentence: str) -> list[str]:
    """The hedges of a sentence's own claim (not inside "what could ...", "which ... could").

    >>> hedges_in("Instead of focusing on what could divide them, the U.S. should act.")
    []
    >>> hedges_in("North Korea may be very aware of the fact."), hedges_in("their summit in late May")
    (['may'], [])
    """
    out = []
    for m in _HEDGE.finditer(sentence):
        before = re.findall(r"[\w']+", sentence[:m.start()].casefold())[-3:]
        if not _RELATIVE & set(before) and not _month(m, sentence):
            out.append(m.group(0).lower())
    return out


def _month(m: re.Match, text: str) -> bool:
    """ "in late May": the month, not the modal (capitalised, not at the start of a sentence)."""
    return m.group(0) == "May" and bool(text[:m.start()].strip()) and text[:m.start()].rstrip()[-1] not in ".!?\"“"


def _hedged(sentence: str) -> bool:
    return any(not _month(m, sentence) for m in _STUDENT_HEDGE.finditer(sentence))


def _sentences_citing(answer: str, sid: str, doc_ids) -> list[str]:
    return [s for s in _SENTENCE.split(answer) if sid in cited_ids(s, doc_ids)]


def _gives_to_author(sentence: str, doc: str) -> bool:
    """ "Cho argues ...", "he thinks ...", "Cho's view ...", "according to Cho ..." """
    who = rf"\b(?:{re.escape(doc)}|the author|he|she)"
    return any(re.search(p, sentence, re.IGNORECASE) for p in (
        who + _VIEW, rf"\b(?:{re.escape(doc)}|the author){_OWN}", rf"\baccording to (?:{re.escape(doc)}|the author)\b"))


_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "be", "for", "with", "that",
         "this", "it", "its", "as", "by", "at", "from", "he", "she", "his", "her", "they", "their", "not", "no",
         "s", "has", "have", "will", "would", "should", "than", "which", "who", "what"}


def _restates(student: str, source: str) -> bool:
    """The student's sentence restates the cited sentence's hedged claim (three content words
    in common outside quotation marks, one of them from what the hedge qualifies), rather
    than only quoting or pointing to the sentence."""
    from .concepts import words

    stop = {*_STOP, *words(" ".join(_STOP)), "been", "very", "seen"}
    unquoted = set(words(re.sub(r"\"[^\"]*\"|“[^”]*”", " ", student)))
    hedge = next((m for m in _HEDGE.finditer(source) if not _month(m, source)), None)
    claim = set(words(source[hedge.end():])[:8]) - stop if hedge else set()   # what the hedge qualifies
    return len((unquoted & set(words(source))) - stop) >= 3 and bool(unquoted & claim)


def written_flags(q: Question, answer) -> tuple[str, ...]:
    """The rule flags of a written answer (empty when none applies)."""
    if not isinstance(answer, str) or not answer.strip():
        return ()
    from ..corpus.course import load_corpus

    corpus = load_corpus()
    docs = list(corpus)
    ids = [sid for sid in cited_ids(answer, docs) if _known(corpus, sid)]
    flags = []
    for sid in ids:
        who, doc = reported_speaker(sid), sid.split()[0]
        if not who:
            continue
        whose = set(re.findall(r"\w+", who.casefold())) - {"many", "the", "some", "of"}
        for s in _sentences_citing(answer, sid, docs):
            if (_gives_to_author(s, doc) and not _REPORT.search(s)
                    and not whose & set(re.findall(r"\w+", s.casefold()))):
                flags.append(f"Whose view? [{sid}] reports the view of {who}, not {doc.capitalize()}'s own; "
                             f"your answer gives it to {doc.capitalize()}. Say whose view it is (and what "
                             f"{doc.capitalize()} does with it).")
                break
    flags += _month_flag(q, answer)
    for sid in ids:
        source = corpus.sentence(sid).text
        hedges = hedges_in(source)
        restating = [s for s in _sentences_citing(answer, sid, docs) if _restates(s, source)]
        if hedges and restating and not any(_hedged(s) for s in restating):
            flags.append(f"Hedge dropped: [{sid}] hedges (\"{hedges[0]}\"), but your sentence citing it states "
                         "the claim as certain. Keep the author's hedge.")
    if q.citations and not ids:
        flags.append(f"No citation: say which sentences your answer rests on, like [{q.cites[0]}].")
    return tuple(flags)


def _known(corpus, sid: str) -> bool:
    try:
        corpus.sentence(sid)
    except KitError:
        return False
    return True


def _month_flag(q: Question, answer: str) -> list[str]:
    model_months = set(_MONTH.findall(q.model_answer))
    if len(model_months) < 2 or not _RANGE.search(q.model_answer):
        return []
    months = set(_MONTH.findall(answer))
    if len(months) != 1 or _RANGE.search(_MONTH.sub("", answer)):
        return []
    return [f"One month (\"{months.pop()}\") where the evidence gives a range: the texts give an earliest and "
            "a latest date, not a day or a month. Give the range and the sentences that set each end."]
