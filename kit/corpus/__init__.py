"""Corpus: documents, sentence ids, courses, loading and the text pipeline (layer 2).

* :mod:`~kit.corpus.documents` - :class:`Document`, :class:`Sentence`, :class:`Paragraph`, :class:`Corpus`, ``sentence_at``, the per-document cache
* :mod:`~kit.corpus.sentence_table` - :func:`kit.sentences`: the table of sentences with their ids
* :mod:`~kit.corpus.units` - :class:`Paragraph` and :class:`Sentence`, with their offsets
* :mod:`~kit.corpus.ids` - the sentence-id grammar (``cho 2.3``) and document ids
* :mod:`~kit.corpus.course` - a course folder: ``course.yaml`` and its texts
* :mod:`~kit.corpus.loading` - :func:`load_text`: students' own texts
* :mod:`~kit.corpus.matter` - title, venue, front matter, body and back matter
* :mod:`~kit.corpus.plaintext` - line endings, blank lines, hard-wrapped lines
* :mod:`~kit.corpus.splitting` - sentence splitting (Punkt with the kit's parameters, no downloads)
* :mod:`~kit.corpus.tokens` - word tokens and stopwords
* :mod:`~kit.corpus.tokenizer` - the token pattern; tokens paragraph by paragraph, offsets on demand
* :mod:`~kit.corpus.token_table` - tokens with their offsets in one text (a string, a sentence)
* :mod:`~kit.corpus.cleaning` - the one normaliser before tokens and queries (invisible characters, NFC)
* :mod:`~kit.corpus.patterns` - bounded regular expressions: every pattern from a student or a bank (size and time limits)
"""
