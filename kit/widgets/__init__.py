"""Thin ipywidgets front ends.  Each builder composes pure functions from the kit's
idea modules and returns its widget; nothing here holds logic of its own.

ipywidgets is imported only when a widget is built (``import kit`` stays light).

* :mod:`~kit.widgets.controls` - accessibility of the controls: ARIA roles and names, keyboard, focus
* :mod:`~kit.widgets.reading` - :func:`kwic_explorer`, :func:`highlight_explorer`: close reading, live
* :mod:`~kit.widgets.keyness` - :func:`keyness_explorer`: one word's 2x2 table, maths and KWIC lines
* :mod:`~kit.widgets.annotate` - :func:`annotate`: a label per sentence, saved and compared
* :mod:`~kit.widgets.arguments` - :func:`compare_arguments_explorer`: the texts' positions side by side
* :mod:`~kit.widgets.quiz` - :func:`quiz`: one panel per question and a running score
* :mod:`~kit.widgets.checklist` - :func:`check_exercise` and a written exercise's self-assessment checklist
* :mod:`~kit.widgets.compare_reading` - :func:`compare_reading_box`: write first, then the kit's reading
"""
