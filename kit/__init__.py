"""Close Reading Kit: close reading, keyword frequencies and argument comparison
of two op-eds on China and North Korea.

``import kit`` is light: the modules behind the public names (and pandas, NLTK,
seaborn under them) load the first time a name is used.

>>> import kit
>>> corpus = kit.load_corpus()
>>> list(corpus)
['cho', 'yang']
"""
from __future__ import annotations

import importlib

from .errors import *  # noqa: F401,F403  (the exception family is tiny; load it eagerly)
from .errors import __all__ as _error_names

__version__ = "0.1.0"

# public name -> module (relative to ``kit``) that defines it.  No module may share
# a public function's name (``kit.quiz`` must stay the function, not a submodule).
_EXPORTS: dict[str, str] = {
    # corpus and text pipeline
    "load_corpus": "corpus",
    "load_text": "loading",
    "Corpus": "corpus",
    "Document": "corpus",
    "Sentence": "corpus",
    "Paragraph": "corpus",
    "tokens": "text",
    "sentences": "corpus",
    "stopwords": "text",
    # close reading
    "show": "reading",
    "highlight": "reading",
    "kwic": "reading",
    "actors": "mentions",
    "gazetteer": "mentions",
    "stance": "markers",
    "stance_lexicon": "markers",
    "annotate": "widgets.annotate",
    "load_annotations": "annotation",
    "reference_annotations": "annotation",
    "compare_annotations": "annotation",
    "concordance_explorer": "widgets.reading",
    "reader": "widgets.reading",
    # frequencies
    "frequencies": "frequency",
    "ngrams": "frequency",
    "collocations": "frequency",
    "dispersion": "frequency",
    "summary": "frequency",
    "keyness": "keywords",
    "explain_keyness": "keyness_maths",
    "keyness_explorer": "widgets.keyness",
    "plot_frequencies": "plots",
    "plot_keyness": "plots",
    "plot_dispersion": "plots",
    "plot_actors": "plots",
    "plot_stance": "plots",
    "describe_plot": "figures",
    "figure_html": "figures",
    "table_html": "tables",
    "accessible_tables": "tables",
    # comparing the arguments
    "arguments": "argument_maps",
    "compare_arguments": "compare",
    "comparison_questions": "compare",
    "recommendations": "advice",
    "argument_explorer": "widgets.arguments",
    "check_citations": "citations",
    # your own course (python -m kit course new / validate)
    "new_course": "course_new",
    "validate_course": "course_check",
    "split_matter": "matter",
    # assessment
    "load_bank": "assessment",
    "check": "assessment",
    "answer_key": "assessment",
    "quiz": "widgets.quiz",
    "exercise": "assessment.exercises",
    "check_exercise": "assessment.exercises",
    "self_assess": "assessment.exercises",
    "progress": "assessment.progress",
    "plot_progress": "plots",
    "export_progress": "assessment.progress",
    # write first, then compare (lessons)
    "write_first": "widgets.compare_reading",
    "compare_reading": "reveal",
    "reading_tasks": "reveal",
    "glossary": "terms",
    # the class (teacher): class report, nbgitpuller link
    "class_report": "classroom",
    "nbgitpuller_link": "hub_link",
}

__all__ = sorted([*_EXPORTS, *_error_names])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
