"""Where words occur: :func:`dispersion`, each occurrence's place in its text (for
:func:`kit.plot_dispersion`'s x-ray)."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..corpus.tokens import tokens
from ..errors import EmptyText, InvalidArgument, UnknownTerm, WrongType
from ..options import renamed_options
from .frequency import check_flags, sentence_tokens

__all__ = ["dispersion"]


@renamed_options(terms="query")
def dispersion(doc: Document | Mapping[str, Document] | Sequence[Document], query: str | Iterable[str], *,
               split_hyphens: bool = False) -> pd.DataFrame:
    """Where each word or phrase of ``query`` occurs: ``doc, term, sentence_id, offset, position``.

    ``offset`` is the index of the term's first word among the document's word
    tokens (0-based, stopwords included, as in :func:`summary`); ``position`` is
    ``offset / tokens``, from 0 (the first word) to just under 1 (the last).
    A term may be a phrase (``"North Korea"``); matching ignores case and follows
    :func:`kit.tokens`, so ``"U.S."`` does not find ``U.S.-China`` unless
    ``split_hyphens=True``.

    A term that occurs in none of the documents is reported with a warning and has
    no rows; if no term occurs at all, :class:`~kit.UnknownTerm` is raised.  The
    terms and documents asked for are kept in ``result.attrs`` for
    :func:`kit.plot_dispersion`.

    Examples
    --------
    >>> from kit import load_text
    >>> doc = load_text("Korea first. Then China and North Korea.", id="demo")
    >>> dispersion(doc, ["North Korea", "China"])
        doc         term sentence_id  offset  position
    0  demo  North Korea    demo 1.2       5  0.714286
    1  demo        China    demo 1.2       3  0.428571
    """
    terms = [query] if isinstance(query, str) else query
    if not isinstance(terms, Iterable) or isinstance(terms, (bytes, dict)):
        raise WrongType(f"query must be a word or a list of words, not {type(terms).__name__}. "
                        "Example: dispersion(corpus, ['China', 'North Korea']).")
    terms = list(terms)
    bad = [t for t in terms if not isinstance(t, str) or not tokens(t)]
    if not terms or bad:
        raise InvalidArgument(
            f"dispersion() needs words to look for; {bad[0] if bad else terms!r} has none. "
            "Example: dispersion(corpus, ['China', 'North Korea'])."
        )
    docs = documents_of(doc, "dispersion")
    check_flags("dispersion", split_hyphens=split_hyphens)
    wanted = {t: tuple(tokens(t, split_hyphens=split_hyphens)) for t in terms}
    rows = []
    for doc in docs:
        seq, sent_of = [], []
        for sid, toks in sentence_tokens(doc, split_hyphens=split_hyphens):
            seq.extend(toks)
            sent_of.extend([sid] * len(toks))
        if not seq:
            raise EmptyText(f"Document {doc.id!r} has no words to look through.")
        for term, parts in wanted.items():
            k = len(parts)
            for i in range(len(seq) - k + 1):
                if tuple(seq[i:i + k]) == parts and sent_of[i] == sent_of[i + k - 1]:
                    rows.append((doc.id, term, sent_of[i], i, i / len(seq)))
    found = {r[1] for r in rows}
    missing = [t for t in terms if t not in found]
    where = ", ".join(d.id for d in docs)
    if len(missing) == len(terms):
        raise UnknownTerm(
            f"None of {terms!r} occurs in {where}. Check the spelling, or find words that do "
            "occur with kit.frequencies(...)."
        )
    if missing:
        warnings.warn(f"{missing!r} does not occur in {where}; it has no rows.", UserWarning, stacklevel=2)
    out = pd.DataFrame(rows, columns=["doc", "term", "sentence_id", "offset", "position"])
    out.attrs.update(terms=terms, docs=[d.id for d in docs])
    return out
