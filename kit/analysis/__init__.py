"""Analysis: searching and counting the texts (layer 4).

* :mod:`~kit.analysis.query` - one phrase matcher over a document's tokens
* :mod:`~kit.analysis.index` - a document's search index: tokens, vocabulary, offsets and sentence ids for the hits shown
* :mod:`~kit.analysis.concordance` - the rows of :func:`kwic`, column by column
* :mod:`~kit.analysis.reading` - :func:`show`, :func:`highlight`, :func:`kwic`
* :mod:`~kit.analysis.actors` - :func:`actors`: mentions of political actors through a gazetteer
* :mod:`~kit.analysis.stance` - :func:`stance`: modal verbs, hedges and boosters
* :mod:`~kit.analysis.frequency` - :func:`frequencies`, :func:`summary` and the counting the others share
* :mod:`~kit.analysis.sequences` - :func:`ngrams`, :func:`collocations`: words in sequence, inside sentences
* :mod:`~kit.analysis.positions` - :func:`dispersion`: where each term occurs in its text
* :mod:`~kit.analysis.keyness` - :func:`keyness`: which words are relatively more frequent in one text
* :mod:`~kit.analysis.keyness_maths` - :func:`explain_keyness`: the maths of one term
"""
