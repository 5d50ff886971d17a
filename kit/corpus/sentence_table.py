"""The table of a document's sentences with their ids (:func:`kit.sentences`)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .documents import Document, documents_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["sentences"]


def sentences(doc: Document | Mapping[str, Document] | list[Document]) -> pd.DataFrame:
    """A table of every sentence with its id: ``doc, sentence_id, paragraph, index, text, start, end``.

    >>> from kit.corpus.course import load_corpus
    >>> sentences(load_corpus()["cho"]).head(2)[["sentence_id", "paragraph", "index"]]
      sentence_id  paragraph  index
    0     cho 1.1          1      1
    1     cho 1.2          1      2
    """
    import pandas as pd

    docs = documents_of(doc, "sentences")
    rows = [
        {"doc": s.doc, "sentence_id": s.id, "paragraph": s.paragraph, "index": s.index,
         "text": s.text, "start": s.start, "end": s.end}
        for doc in docs for s in doc.sentences
    ]
    return pd.DataFrame(rows, columns=["doc", "sentence_id", "paragraph", "index", "text", "start", "end"])
