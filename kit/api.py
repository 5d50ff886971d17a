"""The public-name table: each public name of ``kit`` and the module (under ``kit``) that defines it.

This is data only (no imports), read by the facade (``kit/__init__.py``: lazy look-up and
its ``TYPE_CHECKING`` imports) and by computed keys (:mod:`kit.assessment.computed`,
which allows only a few of these names).  To add a public name, add one line in its
group here and one import in the ``TYPE_CHECKING`` block of ``kit/__init__.py``
(``tests/project/test_api.py`` checks that the two agree).  No module may share a public
function's name (``kit.quiz`` must stay the function, not a submodule).

>>> PUBLIC["kwic"], PUBLIC["load_corpus"]
('analysis.reading', 'corpus.course')
"""
from __future__ import annotations

__all__ = ["PUBLIC"]

PUBLIC: dict[str, str] = {
    # corpus and text pipeline
    "load_corpus": "corpus.course",
    "load_text": "corpus.loading",
    "Corpus": "corpus.documents",
    "Document": "corpus.documents",
    "Sentence": "corpus.documents",
    "Paragraph": "corpus.documents",
    "tokens": "corpus.tokens",
    "sentences": "corpus.sentence_table",
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
    "kwic_explorer": "widgets.reading",
    "highlight_explorer": "widgets.reading",
    "concordance_explorer": "widgets.reading",  # old name of kwic_explorer (warns)
    "reader": "widgets.reading",  # old name of highlight_explorer (warns)
    # frequencies
    "frequencies": "analysis.frequency",
    "ngrams": "analysis.sequences",
    "collocations": "analysis.sequences",
    "dispersion": "analysis.positions",
    "summary": "analysis.frequency",
    "keyness": "analysis.keyness",
    "explain_keyness": "analysis.keyness_maths",
    "keyness_explorer": "widgets.keyness",
    "plot_frequencies": "display.plots",
    "plot_keyness": "display.plots",
    "plot_dispersion": "display.plots",
    "plot_actors": "display.heatmaps",
    "plot_stance": "display.heatmaps",
    "describe_plot": "display.figures",
    "figure_html": "display.figures",
    "table_html": "display.tables",
    "accessible_tables": "display.tables",
    # comparing the arguments
    "arguments": "argumentation.maps",
    "compare_arguments": "argumentation.comparison",
    "comparison_questions": "argumentation.comparison",
    "recommendations": "argumentation.recommendations",
    "compare_arguments_explorer": "widgets.arguments",
    "argument_explorer": "widgets.arguments",  # old name of compare_arguments_explorer (warns)
    "check_citations": "argumentation.citations",
    # your own course (python -m kit course new / validate)
    "new_course": "classroom.course_new",
    "validate_course": "classroom.course_check",
    "split_matter": "corpus.matter",
    # assessment
    "load_bank": "assessment.banks",
    "check": "assessment.marking",
    "answer_key": "assessment.marking",
    "quiz": "widgets.quiz",
    "exercise": "assessment.exercises",
    "check_exercise": "widgets.checklist",
    "self_assess": "assessment.exercises",
    "progress": "assessment.progress",
    "plot_progress": "assessment.progress",
    "export_progress": "assessment.progress",
    # write first, then compare (lessons)
    "compare_reading_box": "widgets.compare_reading",
    "write_first": "widgets.compare_reading",  # old name of compare_reading_box (warns)
    "compare_reading": "assessment.readings",
    "reading_tasks": "assessment.readings",
    "glossary": "argumentation.glossary",
    # the class (teacher): class report, nbgitpuller link
    "class_report": "classroom.report",
    "nbgitpuller_link": "classroom.hub_link",
    # the class loop on a hub: hand in, comments back
    "hand_in": "classroom.handin",
    "comment": "classroom.comments",
    "feedback": "classroom.comments",
}
