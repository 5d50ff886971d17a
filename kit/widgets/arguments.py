"""The argument explorer: pick a comparison question, read both positions side by side.

A thin front end over :func:`kit.compare.compare_arguments` and
:func:`kit.compare.side_by_side_html`; everything it shows also works without it.
"""
from __future__ import annotations

__all__ = ["argument_explorer"]


def argument_explorer(*, question: str | None = None, context: bool = True):
    """A widget: a drop-down of comparison questions and, below it, Cho's and Yang's
    positions side by side with the sentences they rest on highlighted.

    Parameters
    ----------
    question : str, optional
        The question id shown first (default: the first question).
    context : bool
        Show each cited sentence inside its paragraph (True) or alone (False).

    Returns
    -------
    ipywidgets.VBox
        ``children``: the Dropdown, the HTML view, an HTML area for error messages.

    >>> box = argument_explorer(question="wedge")
    >>> box.children[0].value
    'wedge'
    """
    import ipywidgets as widgets

    from .. import compare

    table = compare.comparison_questions()
    options = [(f"{q} ({rel})", qid) for qid, q, rel in table.itertuples(index=False)]
    first = question if question is not None else options[0][1]
    if first not in table.question_id.tolist():
        from ..errors import UnknownQuestion

        raise UnknownQuestion(
            f"There is no comparison question {first!r}. Known ids: {', '.join(table.question_id)}."
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
            view.value = compare.side_by_side_html(dropdown.value, context=context)
        except Exception as exc:  # shown to the student, not lost in a log
            view.value = ""
            errors.value = f"<p style='color: var(--jp-error-color1, #b00020)'>Could not show this question: {html.escape(str(exc))}</p>"

    dropdown.observe(show, names="value")
    show()
    return widgets.VBox([dropdown, view, errors])
