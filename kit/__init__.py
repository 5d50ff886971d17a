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
from typing import TYPE_CHECKING  # Jupyter's completer (jedi) follows only typing's own flag

from .errors import *  # noqa: F401,F403  (the exception family is tiny; load it eagerly)
from .errors import __all__ as _error_names

from .api import PUBLIC as _PUBLIC

__version__ = "0.1.0"

if TYPE_CHECKING:  # for editors and type checkers: "go to definition" on kit.kwic finds its module
    from .corpus.course import load_corpus
    from .corpus.loading import load_text
    from .corpus.documents import Corpus, Document, Sentence, Paragraph
    from .corpus.sentence_table import sentences
    from .corpus.tokens import tokens, stopwords
    from .analysis.reading import show, highlight, kwic
    from .analysis.actors import actors, gazetteer
    from .analysis.stance import stance, stance_lexicon
    from .widgets.annotate import annotate
    from .argumentation.annotation import load_annotations, reference_annotations, compare_annotations
    from .widgets.reading import kwic_explorer, highlight_explorer, concordance_explorer, reader
    from .analysis.frequency import frequencies, summary
    from .analysis.sequences import ngrams, collocations
    from .analysis.positions import dispersion
    from .analysis.keyness import keyness
    from .analysis.keyness_maths import explain_keyness
    from .widgets.keyness import keyness_explorer
    from .display.plots import (
        plot_frequencies, plot_keyness, plot_dispersion,
    )
    from .display.heatmaps import plot_actors, plot_stance
    from .display.figures import describe_plot, figure_html
    from .display.tables import table_html, accessible_tables
    from .argumentation.maps import arguments
    from .argumentation.comparison import compare_arguments, comparison_questions
    from .argumentation.recommendations import recommendations
    from .widgets.arguments import compare_arguments_explorer, argument_explorer
    from .argumentation.citations import check_citations
    from .classroom.course_new import new_course
    from .classroom.course_check import validate_course
    from .corpus.matter import split_matter
    from .assessment.banks import load_bank
    from .assessment.marking import check, answer_key
    from .widgets.quiz import quiz
    from .assessment.exercises import exercise, self_assess
    from .widgets.checklist import check_exercise
    from .assessment.progress import progress, export_progress, plot_progress
    from .widgets.compare_reading import compare_reading_box, write_first
    from .assessment.readings import compare_reading, reading_tasks
    from .argumentation.glossary import glossary
    from .classroom.report import class_report
    from .classroom.hub_link import nbgitpuller_link
    from .classroom.handin import hand_in
    from .classroom.comments import comment, feedback

__all__ = sorted([*_PUBLIC, *_error_names])


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
