"""The annotation widget: one dropdown per sentence, Save, and a comparison with the reference.

All logic lives in :mod:`kit.argumentation.annotation`; this module only builds controls.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..argumentation.annotation import LABELS, compare_annotations, load_annotations, save_annotations
from ..errors import KitError

if TYPE_CHECKING:
    import ipywidgets

    from ..corpus.documents import Document

__all__ = ["annotate"]


def annotate(doc: Document, *, annotator: str = "me") -> ipywidgets.VBox:
    """Label each sentence of ``doc`` as claim, evidence, recommendation, concession or background.

    Your previous labels (same ``annotator``) are loaded into the dropdowns.
    **Save** writes the changes (safely: one locked, appended line per change);
    **Compare with the reference** saves too, then shows agreement and Cohen's kappa
    and the reference's label only for the sentences you have labelled.

    Returns a ``VBox`` with attributes ``dropdowns`` (sentence id -> Dropdown),
    ``save`` and ``compare`` (Buttons), ``status`` (HTML) and ``output`` (HTML).

    >>> from kit import load_text
    >>> box = annotate(load_text("We must talk. Talks help.", id="demo"), annotator="doctest")
    >>> list(box.dropdowns)
    ['demo 1.1', 'demo 1.2']
    """
    import ipywidgets as w

    from ..corpus.documents import Document
    from .controls import Looks

    if not isinstance(doc, Document):
        from ..errors import WrongType

        raise WrongType(
            f"annotate() takes one document, such as corpus['cho'], not a {type(doc).__name__}."
        )
    saved = load_annotations(doc.id, annotator=annotator)
    previous = dict(zip(saved.sentence_id, saved.label))
    options = [("—", None)] + [(label, label) for label in LABELS]
    dropdowns, rows, looks = {}, [], Looks()  # one Layout and Style model per look
    for s in doc.sentences:
        # the sentence id is the drop-down's label (its accessible name)
        dropdowns[s.id] = w.Dropdown(options=options, value=previous.get(s.id), description=s.id,
                                     **looks(w.Dropdown, style={"description_width": "5.5em"}, width="17em"))
        text = w.HTML(html.escape(s.text), **looks(w.HTML, width="calc(100% - 18em)"))
        rows.append(w.HBox([dropdowns[s.id], text], **looks(w.HBox)))
    save = w.Button(description="Save", button_style="primary", icon="save", **looks(w.Button))
    compare = w.Button(description="Compare with the reference", **looks(w.Button))
    status, output = w.HTML(**looks(w.HTML)), w.HTML(**looks(w.HTML))

    def counted() -> str:
        done = sum(d.value is not None for d in dropdowns.values())
        return f"{done} of {len(dropdowns)} sentences labelled"

    def on_save(_=None):
        try:
            n = save_annotations({sid: d.value for sid, d in dropdowns.items()}, annotator=annotator)
        except KitError as exc:
            status.value = f"<span style='border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>Not saved: {html.escape(str(exc))}</span>"
            return
        status.value = html.escape(f"Saved {n} change(s) for {doc.id} as {annotator!r}; {counted()}.")

    def on_compare(_=None):
        # your labels are saved first; the reference is shown only beside the sentences you labelled
        on_save()
        mine = {sid: d.value for sid, d in dropdowns.items() if d.value is not None}
        try:
            output.value = compare_annotations(mine)._repr_html_()
        except KitError as exc:
            output.value = f"<span style='border-left: 0.3em solid var(--jp-error-color1, #d32f2f); padding-left: 0.4em; color: var(--jp-content-font-color1, #1f1f1f)'>{html.escape(str(exc))}</span>"

    save.on_click(on_save)
    compare.on_click(on_compare)
    status.value = html.escape(f"Loaded {len(previous)} saved label(s) for {doc.id} as {annotator!r}; {counted()}.")
    ui = w.VBox([*rows, w.HBox([save, compare], **looks(w.HBox)), status, output])
    ui.dropdowns, ui.save, ui.compare, ui.status, ui.output = dropdowns, save, compare, status, output
    return ui
