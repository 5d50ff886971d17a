"""The argument explorer, :func:`compare_arguments_explorer` (the live twin of
:func:`kit.compare_arguments`): pick a comparison question, read the texts' positions side by side.

A thin front end over :func:`kit.argumentation.comparison.compare_arguments` and
:func:`kit.argumentation.comparison.side_by_side_html`; everything it shows also works without it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..options import flag, renamed_function
from ..errors import shown as echo

if TYPE_CHECKING:
    import ipywidgets

    from ..corpus.documents import Corpus

__all__ = ["compare_arguments_explorer", "argument_explorer"]


def compare_arguments_explorer(*, question: str | None = None, context: bool = True,
                               corpus: Corpus | None = None) -> ipywidgets.VBox:
    """A widget: a drop-down of comparison questions and, below it, each text's position
    side by side with the sentences it rests on highlighted.

    Parameters
    ----------
    question : str, optional
        The question id shown first (default: the first question).
    context : bool
        Show each cited sentence inside its paragraph (True) or alone (False).
    corpus : Corpus, optional
        The course whose comparison questions are shown (default: the built-in course);
        for your own, ``kit.load_corpus("my_course")``.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the Dropdown, the HTML view, an HTML area for error messages.

    >>> box = compare_arguments_explorer(question="wedge")
    >>> box.children[0].value
    'wedge'
    """
    import ipywidgets as widgets

    from ..argumentation import comparison as compare
    from ..errors import InvalidArgument, UnknownQuestion, did_you_mean

    context = flag(context, "context", "compare_arguments_explorer", "kit.compare_arguments_explorer(context=False)")
    table = compare.comparison_questions(corpus=corpus)
    options = [(f"{q} ({rel})", qid) for qid, q, rel in table.itertuples(index=False)]
    first = question if question is not None else options[0][1]
    if not isinstance(first, str) or first not in table.question_id.tolist():
        known = table.question_id.tolist()
        raise UnknownQuestion(
            f"There is no comparison question {echo(first)}.{did_you_mean(first, known)} Known ids: {', '.join(known)}."
        )
    dropdown = widgets.Dropdown(options=options, value=first, description="Question:",
                                layout=widgets.Layout(width="95%"),
                                style={"description_width": "initial"})
    view = widgets.HTML()
    errors = widgets.HTML()  # an HTML message area: works in and out of a kernel

    def show(change=None) -> None:
        import html

        errors.value = ""
        try:
            view.value = compare.side_by_side_html(dropdown.value, context=context, corpus=corpus)
        except Exception as exc:  # shown to the student, not lost in a log
            view.value = ""
            errors.value = ("<p style='border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>Could not show this "
                            f"question: {html.escape(str(exc))}</p>")

    dropdown.observe(show, names="value")
    show()
    return widgets.VBox([dropdown, view, errors])


# the old name, for one release (it warns and names the new one)
argument_explorer = renamed_function(compare_arguments_explorer, "argument_explorer")
