"""Assessment: one question model for quizzes and exercises, the attempt log, and the
write-first readings (layer 6).

* :mod:`~kit.assessment.questions` - the :class:`Question` record and :class:`Result`
* :mod:`~kit.assessment.types` - each question type defined once
* :mod:`~kit.assessment.banks` - loading and validating banks (quizzes and exercise sets)
* :mod:`~kit.assessment.normalise` - reading answers (text, numbers, sentence ids)
* :mod:`~kit.assessment.marking` - :func:`check`, :func:`format_answer`, :func:`answer_key`
* :mod:`~kit.assessment.attempts` - numbering, hints, reveal and recording of attempts
* :mod:`~kit.assessment.computed` - computed answers from a table of analysis functions
* :mod:`~kit.assessment.exercises` - :func:`exercise`, :func:`check_exercise`, :func:`self_assess`
* :mod:`~kit.assessment.progress` - :func:`progress` and :func:`export_progress`
* :mod:`~kit.assessment.log` - the attempt log (one JSON line per attempt) and the learner id
* :mod:`~kit.assessment.order` - the order a student sees a question's options in
* :mod:`~kit.assessment.concepts` - free-text answers accepted by meaning
* :mod:`~kit.assessment.mistakes` - anticipated mistakes, computed or typed
* :mod:`~kit.assessment.rules` - rule flags for written answers
* :mod:`~kit.assessment.effort` - is a written answer a real attempt?
* :mod:`~kit.assessment.fields` - field readers shared by the question types
* :mod:`~kit.assessment.choices` - the choice types (single, multiple)
* :mod:`~kit.assessment.readings` - write first, then the kit's reading (:func:`compare_reading`)
"""
from __future__ import annotations

from .banks import Bank, load_bank, parse_bank, shipped_banks
from .computed import compute_answer
from .marking import answer_key, check, format_answer
from .normalise import normalise_answer
from .questions import Question, Result

__all__ = ["load_bank", "parse_bank", "check", "answer_key", "format_answer", "compute_answer",
           "normalise_answer", "shipped_banks", "Bank", "Question", "Result"]
