"""Background terms the texts assume, and the idioms they use, each with the sentences
where it occurs, in English and (``lang="ko"``) Korean.

The definitions and glosses are data (``kit/data/glossary.yaml``, which teachers may
edit); the sentence ids are not: they are found in the texts each time, so they cannot
drift from the corpus.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..corpus.course import load_corpus
from ..corpus.documents import documents_of
from ..errors import InvalidArgument, UnknownTerm, WrongType, did_you_mean
from ..errors import shown as echo
from ..files.resources import load_yaml
from ..options import renamed_options

if TYPE_CHECKING:  # pandas stays out of `import kit`
    import pandas as pd

    from ..corpus.documents import Corpus, Document

__all__ = ["glossary", "LANGUAGES", "KINDS"]

LANGUAGES = ("en", "ko")
KINDS = ("terms", "idioms")
_APOSTROPHE = re.compile(r"['’]")


def _pattern(forms: list[str]) -> re.Pattern:
    """One pattern for all forms: whole words, case aside, ' and ’ alike."""
    ordered = sorted(forms, key=len, reverse=True)
    alternatives = "|".join(_APOSTROPHE.sub("['’]", re.escape(f).replace("\\'", "'")) for f in ordered)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


@renamed_options(term="query")
def glossary(doc: "Corpus | Document | None" = None, *, query: str | None = None,
             lang: str = "en", kind: str = "terms") -> "pd.DataFrame":
    """The glossary: one row per term (or idiom), with its meaning and where it occurs.

    Parameters
    ----------
    doc : Corpus or Document, optional
        Where to look for the terms (default: the kit's corpus).
    query : str, optional
        Only this term or idiom (case aside).
    lang : {"en", "ko"}
        ``"ko"`` adds the Korean columns (``korean``, and ``korean_definition`` for terms).
    kind : {"terms", "idioms"}
        ``"terms"``: background terms with a general definition; ``"idioms"``: the
        idioms the texts use, with a plain-English gloss (``meaning``).

    Returns
    -------
    pandas.DataFrame
        Terms: ``term, definition, found_as, sentence_ids`` (with ``lang="ko"``:
        ``term, korean, definition, korean_definition, found_as, sentence_ids``).
        Idioms: ``idiom, meaning, found_as, sentence_ids`` (``korean`` after ``meaning``
        with ``lang="ko"``). ``found_as`` lists the words searched for; ``sentence_ids``
        is a list, in text order.

    >>> g = glossary()
    >>> g.loc[g.term == "honest broker", "sentence_ids"].item()
    ['yang 8.2']
    >>> glossary(lang="ko", query="denuclearization")[["term", "korean"]]
                   term korean
    0  denuclearization    비핵화
    >>> glossary(kind="idioms", query="rein in")[["idiom", "sentence_ids"]]
         idiom sentence_ids
    0  rein in    [cho 3.6]
    """
    import pandas as pd

    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise InvalidArgument(f"glossary() has no language {echo(lang)}: use lang='en' (English) or "
                              "lang='ko' (Korean), e.g. kit.glossary(lang='ko').")
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidArgument(f"glossary() has no kind {echo(kind)}.{did_you_mean(kind, list(KINDS))} "
                              "Use kind='terms' (background terms) or kind='idioms', "
                              "e.g. kit.glossary(kind='idioms').")
    key = "term" if kind == "terms" else "idiom"
    entries = load_yaml("glossary.yaml").get(kind) or []
    term = query
    if term is not None and not isinstance(term, str):
        raise WrongType(f"glossary(query=...) takes a word in quotes such as 'rein in', not a {type(term).__name__}.")
    if term is not None:
        wanted = str(term).strip().lower()
        chosen = [e for e in entries if e[key].lower() == wanted]
        if not chosen:
            known = [e[key] for e in entries]
            raise UnknownTerm(f"The glossary has no {key} {term!r}.{did_you_mean(str(term), known)} "
                              f"{kind.capitalize()}: {', '.join(known)}.")
        entries = chosen
    docs = documents_of(load_corpus() if doc is None else doc, "glossary")
    sentences = [s for d in docs for s in d.sentences]
    text_fields = ["definition"] if kind == "terms" else ["meaning"]
    if lang == "ko":
        text_fields = (["korean", "definition", "korean_definition"] if kind == "terms"
                       else ["meaning", "korean"])
    rows = []
    for entry in entries:
        found = _pattern(entry["forms"])
        row = {key: entry[key]}
        row.update({f: " ".join(str(entry.get(f) or "").split()) for f in text_fields})
        row["found_as"] = ", ".join(entry["forms"])
        row["sentence_ids"] = [s.id for s in sentences if found.search(s.text)]
        rows.append(row)
    return pd.DataFrame(rows, columns=[key, *text_fields, "found_as", "sentence_ids"])
