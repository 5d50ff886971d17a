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
    "load_corpus": "corpus.documents",
    "load_text": "corpus.loading",
    "Corpus": "corpus.documents",
    "Document": "corpus.documents",
    "Sentence": "corpus.documents",
    "Paragraph": "corpus.documents",
    "tokens": "corpus.tokens",
    "sentences": "corpus.documents",
    "stopwords": "corpus.tokens",
    # close reading
    "show": "analysis.reading",
    "highlight": "analysis.reading",
    "kwic": "analysis.reading",
    "actors": "analysis.actors",
    "gazetteer": "analysis.actors",
    "stance": "analysis.stance",
    "stance_lexicon": "analysis.stance",
    "annotate": "widgets.annotate",
    "load_annotations": "argumentation.annotation",
    "reference_annotations": "argumentation.annotation",
    "compare_annotations": "argumentation.annotation",
    "concordance_explorer": "widgets.reading",
    "reader": "widgets.reading",
    # frequencies
    "frequencies": "analysis.frequency",
    "ngrams": "analysis.frequency",
    "collocations": "analysis.frequency",
    "dispersion": "analysis.frequency",
    "summary": "analysis.frequency",
    "keyness": "analysis.keyness",
    "explain_keyness": "analysis.keyness_maths",
    "keyness_explorer": "widgets.keyness",
    "plot_frequencies": "display.plots",
    "plot_keyness": "display.plots",
    "plot_dispersion": "display.plots",
    "plot_actors": "display.plots",
    "plot_stance": "display.plots",
    "describe_plot": "display.figures",
    "figure_html": "display.figures",
    "table_html": "display.tables",
    "accessible_tables": "display.tables",
    # comparing the arguments
    "arguments": "argumentation.maps",
    "compare_arguments": "argumentation.comparison",
    "comparison_questions": "argumentation.comparison",
    "recommendations": "argumentation.recommendations",
    "argument_explorer": "widgets.arguments",
    "check_citations": "argumentation.citations",
    # your own course (python -m kit course new / validate)
    "new_course": "classroom.course_new",
    "validate_course": "classroom.course_check",
    "split_matter": "corpus.matter",
    # assessment
    "load_bank": "assessment",
    "check": "assessment",
    "answer_key": "assessment",
    "quiz": "widgets.quiz",
    "exercise": "assessment.exercises",
    "check_exercise": "assessment.exercises",
    "self_assess": "assessment.exercises",
    "progress": "assessment.progress",
    "plot_progress": "display.plots",
    "export_progress": "assessment.progress",
    # write first, then compare (lessons)
    "write_first": "widgets.compare_reading",
    "compare_reading": "assessment.readings",
    "reading_tasks": "assessment.readings",
    "glossary": "argumentation.glossary",
    # the class (teacher): class report, nbgitpuller link
    "class_report": "classroom.report",
    "nbgitpuller_link": "classroom.hub_link",
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
