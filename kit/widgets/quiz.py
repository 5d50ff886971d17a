"""The quiz widget: one panel per question (prompt, labelled input, Check, Try again,
attempt count, feedback) and a running score.  All marking, hints, numbering and
recording are :class:`kit.assessment.attempts.Attempts`; the input for each question
comes from its type's ``input`` hook, the text form from its ``text`` hook; both show
the options in this student's order (:mod:`kit.assessment.order`: stable across kernel
restarts, different between students, unless the bank says ``shuffle: false``).

Without a widget front end (plain Python, a notebook converted to text) the returned
object shows a readable text version of the quiz instead.

>>> box = quiz("00_start_here", record=False)
>>> print(str(box).splitlines()[0])
Quiz: Start here: ids and sources (8 questions)
"""
from __future__ import annotations

import html
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import ipywidgets as W

from ..display.html import markdown_html
from ..assessment import Bank, Question, format_answer, load_bank, parse_bank
from ..assessment.attempts import Attempts
from ..errors import InvalidArgument, KitError, WrongType
from ..errors import shown as echo
from ..options import flag, renamed_options
from .controls import AriaPatch, Looks

if TYPE_CHECKING:
    from ..corpus.documents import Corpus

__all__ = ["quiz", "QuizBox"]


def _esc(text: str) -> str:
    """Escape text for an HTML text node (quotes need no escaping outside attributes)."""
    return html.escape(str(text), quote=False)


# The head of the feedback: its words and symbol say the status; the colour is only a bar
# beside it (a JupyterLab theme variable), and the text keeps the theme's main text colour,
# so it reads at well over 4.5:1 in the light and the dark theme alike.
_HEADS = {
    "correct": ("✓ Correct!", "var(--jp-success-color1, #388e3c)"),
    "partial": ("◐ Partly right.", "var(--jp-warn-color1, #f57c00)"),
    "incorrect": ("✗ Not quite.", "var(--jp-error-color1, #d32f2f)"),
    "invalid": ("! Not an answer yet.", "var(--jp-border-color1, #bdbdbd)"),
    "written": ("✓ Saved.", "var(--jp-success-color1, #388e3c)"),
}
_HEAD_STYLE = ("border-left: 0.35em solid {}; padding-left: 0.5em; "
               "color: var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))")
# CSS selectors inside a question's box (see kit.widgets.controls.AriaPatch)
_PROMPT = ":scope > .kit-prompt .widget-html-content"
_OPTIONS = ":scope > .kit-options"
_FEEDBACK = ":scope > .kit-feedback .widget-html-content"


def _questions(bank_or_questions, corpus=None) -> Bank:
    if isinstance(bank_or_questions, Question):
        bank_or_questions = [bank_or_questions]
    if isinstance(bank_or_questions, (list, tuple)):
        items = list(bank_or_questions)
        if items and all(isinstance(q, Question) for q in items):
            return Bank("custom", "Quiz", tuple(items), "<questions>")
        if items and all(isinstance(q, dict) for q in items):
            return parse_bank({"id": "custom", "title": "Quiz", "questions": items}, source="<questions>",
                              corpus=corpus)
        raise WrongType("quiz() takes a bank id, a .yaml path, a bank, or a list of questions "
                        "(from load_bank, or dicts in the bank format).")
    return load_bank(bank_or_questions, corpus=corpus)


def _input(q: Question, spec, looks: Looks):
    if spec.kind == "choice":
        return W.RadioButtons(options=[label for label, _ in spec.options], value=None,
                              description="Answer:", **looks(W.RadioButtons, width="auto"))
    if spec.kind == "choices" and spec.options:
        return W.VBox([W.Checkbox(value=False, description=label, indent=False, **looks(W.Checkbox, width="auto"))
                       for label, _ in spec.options], **looks(W.VBox))
    if spec.kind == "toggle":  # radio buttons: one Tab stop, arrows choose
        return W.RadioButtons(options=list(spec.options), value=None, description="Answer:",
                              **looks(W.RadioButtons, width="auto"))
    if spec.kind in ("text", "choices"):
        return W.Text(value="", placeholder=spec.placeholder, description="Answer:", **looks(W.Text, width="24em"))
    if spec.kind == "long_text":
        return W.Textarea(value="", placeholder=spec.placeholder, description="Answer:",
                          **looks(W.Textarea, width="40em", height="8em"))
    if spec.kind == "pairs":
        return W.VBox([W.Dropdown(options=[("— choose —", None), *spec.options], value=None, description=left,
                                  **looks(W.Dropdown, style={"description_width": "initial"}, width="auto"))
                       for left in spec.items], **looks(W.VBox))
    raise WrongType(f"question {echo(q.id)} has an input kind the widget cannot show: {echo(spec.kind)}")  # pragma: no cover


class _Panel:
    """Widgets and state of one question."""

    def __init__(self, q: Question, number: int, owner: "QuizBox") -> None:
        self.q, self.owner, self.attempts, self.best, self.revealed = q, owner, 0, 0.0, False
        self.tries = Attempts(q, quiz=owner.bank.id, kind="quiz", record=owner.record,
                              reveal_after=owner.show_answer_after)
        prompt = markdown_html(f"**{number}.** {q.prompt}")
        if q.type == "attribution":
            prompt += f"<blockquote>“{_esc(q.quote)}”</blockquote>"
        looks = owner.looks  # one Layout and Style model per look for the whole quiz
        self.prompt = W.HTML(prompt, **looks(W.HTML))
        self.spec = q.kind.input(q)  # the options in this student's order (kit.assessment.order), made once
        self.input = _input(q, self.spec, looks)
        self.check = W.Button(description="Check", button_style="primary", tooltip=f"Check your answer to question {number}",
                              **looks(W.Button))
        self.retry = W.Button(description="Try again", disabled=True, tooltip="Clear the feedback and answer again",
                              **looks(W.Button))
        self.count = W.Label("Attempts: 0", **looks(W.Label))
        self.feedback = W.HTML("", **looks(W.HTML))
        self.check.on_click(self.on_check)
        self.retry.on_click(self.on_retry)
        for widget, name in ((self.prompt, "kit-prompt"), (self.input, "kit-options"), (self.check, "kit-check"),
                             (self.retry, "kit-retry"), (self.feedback, "kit-feedback")):
            widget.add_class(name)
        self.aria = AriaPatch(rules=aria_rules(q.type), **looks(AriaPatch))
        self.box = W.VBox([self.prompt, self.input, W.HBox([self.check, self.retry, self.count], **looks(W.HBox)),
                           self.feedback, self.aria], **looks(W.VBox, margin="0 0 1.2em 0"))
        self.box.add_class("kit-question")

    def controls(self):
        return self.input.children if isinstance(self.input, W.VBox) else (self.input,)

    def response(self):
        kind = self.spec.kind
        if kind == "choices" and isinstance(self.input, W.VBox):
            return [c.description for c in self.input.children if c.value]
        if kind == "pairs":
            return {d.description: d.value for d in self.input.children}
        return self.input.value

    def lock(self, locked: bool) -> None:
        for widget in self.controls():
            widget.disabled = locked
        self.check.disabled = locked

    def on_check(self, _button=None) -> None:
        if self.check.disabled:  # a click from code on a disabled button records nothing
            return
        try:
            self._check()
        except Exception as exc:  # shown in the widget, never lost in a log
            message = str(exc) if isinstance(exc, KitError) else f"{type(exc).__name__}: {exc}"
            self.feedback.value = f'<div class="kit-error"><strong>Error:</strong> {_esc(message)}</div>'

    def _check(self) -> None:
        attempt = self.tries.submit(self.response())
        result = attempt.result
        note = f"<p><em>{_esc(attempt.note)}</em></p>" if attempt.note else ""
        if attempt.hint:
            note = f"<p><strong>Hint {attempt.hint_level} of {len(self.q.hints)}:</strong> {_esc(attempt.hint)}</p>" + note
        if result.status != "invalid":
            self.attempts += 1
            if not self.revealed:
                self.best = max(self.best, result.score or 0.0)
            self.revealed = self.tries.revealed
            self.lock(True)
            self.retry.disabled = result.correct
        self.count.value = f"Attempts: {self.attempts}"
        self.feedback.value = render_feedback(result, self.q, reveal=attempt.revealed) + note
        self.owner.update_score()
        if result.status != "invalid":  # Check is now disabled: keep the focus in the question
            self.aria.move_focus(":scope .kit-retry" if not result.correct else _FEEDBACK)

    def on_retry(self, _button=None) -> None:
        if self.retry.disabled:  # (a click from code on a disabled button)
            return
        self.feedback.value = ""
        self.lock(False)
        self.retry.disabled = True
        self.aria.move_focus(f"{_OPTIONS} input:checked", f"{_OPTIONS} input, {_OPTIONS} select, {_OPTIONS} textarea")


def aria_rules(kind: str) -> list[dict]:
    """What :class:`~kit.widgets.controls.AriaPatch` does to a question's box of type ``kind``:
    the options form one group named by the prompt (radio buttons share a name, so arrow
    keys move within them), and the feedback is a live region that stays in the page.

    >>> [r["attrs"].get("role") for r in aria_rules("single")]
    ['radiogroup', 'status']
    """
    feedback = {"sel": _FEEDBACK, "attrs": {"role": "status", "aria-live": "polite", "aria-atomic": "true",
                                            "tabindex": "-1"}}
    keys = {"data-lm-suppress-shortcuts": "true"}  # arrow keys stay in the group (not JupyterLab's)
    if kind in ("single", "truefalse", "attribution"):
        group = {"sel": f"{_OPTIONS} .widget-radio-box, {_OPTIONS}.widget-radio-box",
                 "attrs": {"role": "radiogroup", **keys}, "labelledby": _PROMPT, "radios": True}
    elif kind in ("multiple", "matching"):
        group = {"sel": _OPTIONS, "attrs": {"role": "group", **keys}, "labelledby": _PROMPT}
    else:  # numeric, text, sentence_ids, written: the box has its label ("Answer:"); the prompt describes it
        group = {"sel": f"{_OPTIONS} input, {_OPTIONS} textarea", "attrs": {}, "describedby": _PROMPT}
    return [group, feedback]


def render_feedback(result, q: Question, *, reveal: bool = False) -> str:
    """The feedback area's HTML (every piece of text escaped)."""
    head, colour = _HEADS[result.status]
    parts = [f'<div class="kit-feedback-body"><p style="{_HEAD_STYLE.format(colour)}"><strong>{head}</strong></p>']
    parts += [markdown_html(f) for f in result.feedback]
    if reveal:
        parts.append(f"<p><strong>The answer:</strong> {_esc(format_answer(q))}</p>")
    if result.correct or reveal:
        if result.explanation:
            parts.append(markdown_html(result.explanation))
        for cid, text in result.citations:
            parts.append(f"<blockquote><strong>[{_esc(cid)}]</strong> {_esc(text)}</blockquote>")
    return "".join(parts) + "</div>"


class QuizBox(W.VBox):
    """The quiz widget (a VBox); its text form (``str``, ``repr``, text/plain) lists the questions."""

    def __init__(self, bank: Bank, *, show_answer_after: int | None, record: bool) -> None:
        self.bank, self.show_answer_after, self.record, self.looks = bank, show_answer_after, record, Looks()
        self.panels = [_Panel(q, n, self) for n, q in enumerate(bank.questions, start=1)]
        self.header = W.HTML(f"<h3>{_esc(bank.title)}</h3>", **self.looks(W.HTML))
        self.score_html = W.HTML("", **self.looks(W.HTML))
        self.score_html.add_class("kit-score")
        score_region = {"sel": ":scope > .kit-score .widget-html-content",
                        "attrs": {"role": "status", "aria-live": "polite", "aria-atomic": "true"}}
        self.aria = AriaPatch(rules=[score_region], **self.looks(AriaPatch))
        super().__init__([self.header, *[p.box for p in self.panels], self.score_html, self.aria])
        self.add_class("kit-quiz")
        self.update_score()

    def update_score(self) -> None:
        points = sum(p.best for p in self.panels)
        done = sum(p.attempts > 0 for p in self.panels)
        self.score_html.value = (f'<p><strong>Score: {points:g} / {len(self.panels)}</strong> '
                            f"({done} of {len(self.panels)} questions tried)</p>")

    def text(self) -> str:
        lines = [f"Quiz: {self.bank.title} ({len(self.panels)} questions)",
                 "(Run this cell in Jupyter to answer with buttons; kit.check() marks answers in code.)", ""]
        for n, p in enumerate(self.panels, start=1):
            lines += [f"{n}. {' '.join(p.q.prompt.split())}", *p.q.kind.text(p.q), ""]
        return "\n".join(lines).rstrip() + "\n"

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):  # (data, metadata)
            bundle[0]["text/plain"] = self.text()
        elif isinstance(bundle, dict):
            bundle["text/plain"] = self.text()
        return bundle


@renamed_options(bank_or_questions="bank")
def quiz(bank: str | os.PathLike | Bank | Question | Sequence[Question | dict], *,
         show_answer_after: int | None = 3, record: bool = True, corpus: Corpus | None = None) -> QuizBox:
    """A quiz widget for a bank (``kit.quiz("01_close_reading")``) or a list of questions.

    Parameters
    ----------
    bank : str, path, Bank, or list of questions
        A bank id, a bank file, a bank from :func:`kit.load_bank`, or questions
        (``Question`` objects, or dicts in the bank format).
    show_answer_after : int or None
        Show the answer after this many wrong tries (``None``: never).
    record : bool
        Save each attempt to the progress store (see :func:`kit.progress`).
    corpus : Corpus, optional
        The texts the bank's citations refer to (default: the kit's).

    Examples
    --------
    >>> box = quiz("00_start_here", record=False)
    >>> len(box.panels)
    8
    """
    if show_answer_after is not None and (isinstance(show_answer_after, bool)
                                          or not isinstance(show_answer_after, int) or show_answer_after < 1):
        raise InvalidArgument(f"show_answer_after must be a whole number of tries (1 or more) or None, "
                              f"not {echo(show_answer_after)}. Example: kit.quiz('01_close_reading', show_answer_after=2).")
    return QuizBox(_questions(bank, corpus), show_answer_after=show_answer_after, record=flag(record, "record", "quiz", "kit.quiz('00_start_here', record=False)"))
