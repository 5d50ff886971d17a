"""Argumentation: reading the arguments (layer 5).

* :mod:`~kit.argumentation.maps` - :func:`arguments`: argument maps, one row per claim
* :mod:`~kit.argumentation.recommendations` - :func:`recommendations`: who should do what, rule-based
* :mod:`~kit.argumentation.comparison` - :func:`compare_arguments`: the comparison questions
* :mod:`~kit.argumentation.annotation` - labels for each sentence's job, saved and compared with a reference
* :mod:`~kit.argumentation.citations` - :func:`check_citations`: ids exist, quotes are exact
* :mod:`~kit.argumentation.glossary` - :func:`glossary`: background terms and idioms, in English and Korean
"""
