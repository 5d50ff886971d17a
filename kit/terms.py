"""Background terms the texts assume, each with the sentences where it occurs.

The definitions are data (``kit/data/glossary.yaml``); the sentence ids are not:
they are found in the texts each time, so they cannot drift from the corpus.
"""
from __future__ import annotations

import re

__all__ = ["glossary"]


def _pattern(forms: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def glossary(doc: "Corpus | Document | None" = None, *, term: str | None = None) -> "pd.DataFrame":
    """The glossary: one row per term, with a general definition and where it occurs.

    Parameters
    ----------
    doc : Corpus or Document, optional
        Where to look for the terms (default: the kit's corpus).
    term : str, optional
        Only this term (case aside).

    Returns a DataFrame with columns ``term``, ``definition``, ``found_as`` (the words
    searched for) and ``sentence_ids`` (a list, in text order).

    >>> g = glossary()
    >>> g.loc[g.term == "honest broker", "sentence_ids"].item()
    ['yang 8.2']
    """
    import pandas as pd

    from .resources import load_yaml
    from .corpus import documents_of, load_corpus
    from .errors import UnknownTerm, did_you_mean

    entries = load_yaml("glossary.yaml")["terms"]
    if term is not None:
        wanted = str(term).strip().lower()
        entries = [e for e in entries if e["term"].lower() == wanted]
        if not entries:
            known = [e["term"] for e in load_yaml("glossary.yaml")["terms"]]
            raise UnknownTerm(f"The glossary has no term {term!r}.{did_you_mean(term, known)} "
                              f"Terms: {', '.join(known)}.")
    docs = documents_of(load_corpus() if doc is None else doc, "glossary")
    sentences = [s for d in docs for s in d.sentences]
    rows = []
    for entry in entries:
        found = _pattern(entry["forms"])
        rows.append({"term": entry["term"], "definition": " ".join(entry["definition"].split()),
                     "found_as": ", ".join(entry["forms"]),
                     "sentence_ids": [s.id for s in sentences if found.search(s.text)]})
    return pd.DataFrame(rows, columns=["term", "definition", "found_as", "sentence_ids"])
