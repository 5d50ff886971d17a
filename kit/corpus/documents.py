"""Documents, sentences with stable ids, the corpus of a course, and students' own texts.

Every sentence has an id such as ``"cho 2.3"``: document ``cho``, paragraph 2,
sentence 3 (both 1-based, counted in the body only).  Ids are how the lessons,
quizzes and argument maps cite the texts.
"""
from __future__ import annotations

import re
import operator
from bisect import bisect_left, bisect_right
from itertools import repeat
from collections.abc import Mapping
from functools import cached_property
from typing import Iterator

from ..errors import EmptyText, InvalidArgument, UnknownDocument, UnknownSentence, WrongType, did_you_mean
from ..errors import shown as echo
from .ids import DOC_ID_RE, parse_sentence_id
from .splitting import sentence_bounds, sentence_spans
from .units import Paragraph, Sentence

__all__ = ["Paragraph", "Sentence", "Document", "Corpus", "documents_of"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class Document:
    """A text split into paragraphs and sentences, with its metadata.

    ``text`` is the body only; ``front_matter`` and ``back_matter`` (an editor's
    preface, an author's bio) are kept apart from it.

    >>> doc = Document(id="demo", text="One idea. Two ideas.\\n\\nA second paragraph.")
    >>> [s.id for s in doc.sentences]
    ['demo 1.1', 'demo 1.2', 'demo 2.1']
    >>> doc.sentence("1.2").text
    'Two ideas.'
    """

    def __init__(self, *, id: str, text: str, title: str | None = None, author: str = "unknown",
                 venue: str = "not stated in the source", date: str = "not stated in the source",
                 front_matter: str = "", back_matter: str = "", metadata: Mapping | None = None,
                 folder=None) -> None:
        if not isinstance(id, str) or not DOC_ID_RE.fullmatch(id):
            raise InvalidArgument(
                f"A document id must be one word without spaces or dots (letters, digits, '_' or '-'), "
                f"not {echo(id)}. Try id='mytext'."
            )
        if not isinstance(text, str) or not isinstance(metadata, (Mapping, type(None))):
            raise WrongType(f"Document() takes text= as a string, metadata= a dict: not {type(text).__name__}, {type(metadata).__name__}.")
        if not text.strip():
            raise EmptyText(f"Document {echo(id)} has no text. Give it at least one sentence.")
        self.id = id
        self.text = text
        self.title = title if isinstance(title, str) and title else id
        self.author = author
        self.venue = venue
        self.date = date
        self.front_matter = front_matter
        self.back_matter = back_matter
        self.metadata = dict(metadata or {})
        #: The course folder the document comes from (None for a text loaded on its own).
        self.folder = folder

    @property
    def date_label(self) -> str:
        """The date as shown: ``"November 2024 (inferred)"`` when ``date_basis`` says it is inferred."""
        inferred = str(self.metadata.get("date_basis", "")).startswith("inferred") and "inferred" not in self.date
        return f"{self.date} (inferred)" if inferred else self.date

    def __repr__(self) -> str:
        return (f"<Document {self.id!r}: {self.title!r} by {self.author}, {len(self.paragraphs)} paragraphs, "
                f"{len(self.sentences)} sentences>")

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs: blocks between blank lines or, in a text without blank lines, lines."""
        splitter = _BLANK_LINE if _BLANK_LINE.search(self.text) else re.compile(r"\n")
        out, pos = [], 0
        for block in [*splitter.finditer(self.text), None]:
            chunk = self.text[pos:(stop := block.start() if block else len(self.text))]
            if chunk[:1].isspace() or chunk[-1:].isspace():  # else the chunk is the paragraph (no copies)
                start, end = pos + len(chunk) - len(chunk.lstrip()), pos + len(chunk.rstrip())
                chunk, pos = self.text[start:end], start
            if chunk:
                out.append(Paragraph(self.id, len(out) + 1, chunk, pos, pos + len(chunk)))
            pos = block.end() if block else stop
        return tuple(out)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of the body, in order, with its id."""
        self._bounds  # every paragraph split at once
        return tuple(s for k in range(len(self.paragraphs)) for s in self._sentences_of(k)[0])

    def _sentences_of(self, k: int) -> tuple[tuple[Sentence, ...], list[int]]:
        """The sentences of paragraph ``k`` (0-based) and their starts, split once."""
        if k not in (done := self.__dict__.setdefault("_split", {})):
            para, spans = self.paragraphs[k], self._spans_of(k)
            done[k] = (tuple(Sentence(f"{self.id} {para.number}.{i}", self.id, para.number, i, self.text[a:b], a, b)
                             for i, (a, b) in enumerate(spans, start=1)), [a for a, _ in spans])
        return done[k]

    def _spans_of(self, k: int) -> list[tuple[int, int]]:
        """The sentence spans (offsets in :attr:`text`) of paragraph ``k``: split once, alone unless
        every paragraph already is (:attr:`_bounds`); no Sentence made."""
        if k not in (found := self.__dict__.setdefault("_spans", {})):
            para, extra = self.paragraphs[k], self.metadata.get("abbreviations", ())
            if "_bounds" in self.__dict__:
                (starts, ends), stop = self._bounds, self.paragraphs[k + 1].start if k + 1 < len(self.paragraphs) else None
                first, last = bisect_left(starts, para.start), bisect_left(starts, stop) if stop is not None else len(starts)
                found[k] = list(zip(starts[first:last], ends[first:last]))
            else:
                found[k] = [(para.start + a, para.start + b) for a, b in sentence_spans(para.text, abbreviations=extra)]
        return found[k]

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int]]:
        """Where every sentence starts and ends, every paragraph split in one pass (:func:`sentence_bounds`)."""
        return sentence_bounds(self.text, [(p.start, p.end) for p in self.paragraphs],
                               abbreviations=self.metadata.get("abbreviations", ()))

    def sentence_ids_at(self, offsets: list[int]) -> list[str]:
        """``[sentence_at(c).id for c in offsets]``, splitting only the paragraphs they fall in
        (all at once when they fall in most).

        >>> Document(id="demo", text="One idea. Two ideas.\\n\\nA second paragraph.").sentence_ids_at([12, 25])
        ['demo 1.2', 'demo 2.1']
        """
        if len(offsets) * 2 > len(self.paragraphs):  # most paragraphs: every sentence at once, looked up in C
            starts, paragraphs = self._bounds[0], list(map(max, map(bisect_right, repeat(self._starts), offsets), repeat(1)))
            firsts = [0] + list(map(bisect_left, repeat(starts), self._starts))  # paragraph k's first sentence
            index = map(operator.sub, map(bisect_right, repeat(starts), offsets), map(firsts.__getitem__, paragraphs))
            return list(map("{} {}.{}".format, repeat(self.id), paragraphs, map(max, index, repeat(1))))
        firsts, starts, out = self._starts, {}, []
        for c in offsets:
            if (k := max(bisect_right(firsts, c) - 1, 0)) not in starts:
                starts[k] = [a for a, _ in self._spans_of(k)]
            out.append(f"{self.id} {k + 1}.{max(bisect_right(starts[k], c), 1)}")
        return out

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character ``offset`` of :attr:`text` (in a gap: the one before it).

        Only the paragraph holding ``offset`` is split into sentences.

        >>> doc = Document(id="demo", text="One idea. Two ideas.\\n\\nA second paragraph.")
        >>> doc.sentence_at(12).id, doc.sentence_at(21).id, doc.sentence_at(0).id
        ('demo 1.2', 'demo 1.2', 'demo 1.1')
        """
        sents, starts = self._sentences_of(max(bisect_right(self._starts, offset) - 1, 0))
        return sents[max(bisect_right(starts, offset) - 1, 0)]

    @cached_property
    def _starts(self) -> list[int]:  # where each paragraph starts
        return [p.start for p in self.paragraphs]

    @cached_property
    def _by_label(self) -> dict[str, Sentence]:
        return {s.label: s for s in self.sentences}

    def sentence(self, ref: str) -> Sentence:
        """Look up a sentence by ``"2.3"`` or ``"cho 2.3"``.

        Raises :class:`~kit.UnknownSentence` naming the ids that do exist.
        """
        if not isinstance(ref, str):
            raise WrongType(f"A sentence id is a string such as '{self.id} 1.1', not {echo(ref)}.")
        parsed = parse_sentence_id(ref)
        if parsed and (parsed[0] is None or parsed[0].lower() == self.id.lower()):
            found = self._by_label.get(f"{parsed[1]}.{parsed[2]}")
            if found is not None:
                return found
        counts = ", ".join(f"¶{p.number}: {len(self._sentences_of(k)[0])}" for k, p in enumerate(self.paragraphs))
        raise UnknownSentence(
            f"There is no sentence {echo(ref)} in {echo(self.id)}. Ids look like '{self.id} 2.3' (paragraph 2, "
            f"sentence 3); sentences per paragraph: {counts}. kit.sentences(corpus['{self.id}']) lists them all.")

    def derived(self, key: str, build):
        """``build(self)``, made once per key and kept with the document (remade if :attr:`text` changes).

        The one per-document cache: token tables, search indexes and counts live here.

        >>> doc = Document(id="demo", text="One idea.")
        >>> doc.derived("n", lambda d: len(d.text)), doc.derived("n", lambda d: 0)
        (9, 9)
        """
        text, found = self.__dict__.get("_derived", (None, {}))
        if text is not self.text:
            for name in ("paragraphs", "sentences", "_split", "_spans", "_starts", "_bounds", "_by_label") if text else ():
                self.__dict__.pop(name, None)  # the text changed: so did its paragraphs and sentences
            self.__dict__["_derived"] = (self.text, found := {})
        if key not in found:
            found[key] = build(self)
        return found[key]


class Corpus(Mapping):
    """An ordered mapping of document id to :class:`Document`.

    >>> from kit.corpus.course import load_corpus
    >>> corpus = load_corpus()
    >>> corpus.sentence("cho 3.3").text
    'Despite signs of tension between the two countries, North Korea is overwhelmingly reliant on China.'
    """

    def __init__(self, documents, *, folder=None) -> None:
        if isinstance(documents, Mapping):
            documents = documents.values()
        docs = None if isinstance(documents, (str, bytes)) or not hasattr(documents, "__iter__") else list(documents)
        if docs is None or not all(isinstance(d, Document) for d in docs):
            raise WrongType("Corpus() takes a list of documents, e.g. Corpus([kit.load_text('a.txt', id='a'), "
                            f"kit.load_text('b.txt', id='b')]), not {echo(documents)}.")
        self._docs = {}
        for d in docs:
            if d.id in self._docs:
                raise InvalidArgument(f"Two documents have the id {echo(d.id)}; give each its own id (load_text(..., id='b')).")
            self._docs[d.id] = d
        #: The course folder (None for a corpus built by hand).
        self.folder = folder

    def __getitem__(self, key: str) -> Document:
        try:
            return self._docs[key]
        except (KeyError, TypeError):
            raise UnknownDocument(
                f"There is no document {echo(key)} in this corpus.{did_you_mean(key, self._docs)} It has "
                f"{list(self._docs)}. "
                f"Use one of those ids, e.g. corpus[{next(iter(self._docs), 'cho')!r}]."
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)}: {', '.join(self._docs)}>"

    def sentence(self, sentence_id: str) -> Sentence:
        """Look up a sentence by its full id, such as ``"yang 7.2"``."""
        doc_id = sentence_id.split()[0] if isinstance(sentence_id, str) and sentence_id.split() else None
        if doc_id not in self._docs:  # ids are recognised whatever their case: "Cho 3.2"
            doc_id = {d.lower(): d for d in self._docs}.get(str(doc_id).lower(), doc_id)
        if doc_id not in self._docs:
            raise UnknownSentence(
                f"{echo(sentence_id)} does not name a document of this corpus ({', '.join(self._docs)}). "
                "Sentence ids look like 'cho 2.3'."
            )
        return self._docs[doc_id].sentence(sentence_id)

    @property
    def metadata(self):
        """One row per document: who wrote it, where, when, and on what basis."""
        import pandas as pd

        keys = ["author", "affiliation", "title", "venue", "venue_basis", "date", "date_basis", "is_excerpt"]
        return pd.DataFrame([{"doc": doc.id, **{k: doc.metadata.get(k, getattr(doc, k, None)) for k in keys},
                              "date": doc.date_label, "paragraphs": len(doc.paragraphs),
                              "sentences": len(doc.sentences)} for doc in self.values()])


def documents_of(doc, func: str) -> list[Document]:
    """Normalise a corpus, a document, or a list of documents to a list of documents."""
    if isinstance(doc, Document):
        return [doc]
    if isinstance(doc, Mapping) and doc and all(isinstance(d, Document) for d in doc.values()):
        return list(doc.values())
    if isinstance(doc, (list, tuple)) and doc and all(isinstance(d, Document) for d in doc):
        if len({d.id for d in doc}) < len(doc):  # [yang, yang] would count yang twice
            raise InvalidArgument(f"{func}() was given {', '.join(d.id for d in doc)}: a document appears "
                                  "twice, so its words would count twice. Give each document once.")
        return list(doc)
    hint = " To use a string, wrap it first: kit.load_text('your text')." if isinstance(doc, str) else ""
    raise WrongType(
        f"{func}() takes the corpus (kit.load_corpus()) or one document "
        f"(corpus['cho']), not a {type(doc).__name__}.{hint}"
    )
