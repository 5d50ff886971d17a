"""A quiz answered by keyboard alone, in JupyterLab's light and dark themes.

A notebook holds one question of each type found in the shipped banks (single, multiple,
truefalse, numeric, text, matching, attribution, and sentence_ids if a bank has one),
between two Markdown cells.  After one programmatic focus on the first answer control,
only keys are pressed: Tab / Shift-Tab between controls, arrow keys inside a radio group
or a drop-down, Space to tick, typing into text boxes, Enter on Check and Try again.
The right answers come from the banks' keys (``Question.key``).

Checked on the way: the options of a radio question are one ``radiogroup`` named by
the prompt (one Tab stop; arrows choose, and JupyterLab's cell selection does not move);
after Check the focus goes to Try again (wrong) or the feedback (right), never to
``<body>``; Try again returns the focus to the options; the feedback is a live region
that stays in the page (the same element before and after); the focus outline of Check
has at least 3:1 contrast with the page.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import axe_helpers as axe
from . import browser_helpers as h

TYPES = ["single", "multiple", "truefalse", "numeric", "text", "matching", "attribution", "sentence_ids"]
ATTRIBUTION = {"cho": "Cho", "yang": "Yang", "both": "Both", "neither": "Neither"}


def pick_questions() -> list[tuple[str, str, object]]:
    """(bank id, question id, question) of the first question of each type in the shipped banks."""
    import kit

    banks = sorted(p.stem for p in (h.REPO / "kit" / "data" / "quizzes").glob("*.yaml"))
    found: dict[str, tuple] = {}
    for bank_id in banks:
        for q in kit.load_bank(bank_id).questions:
            if q.type in TYPES and q.type not in found:
                found[q.type] = (bank_id, q.id, q)
    return [found[t] for t in TYPES if t in found]


def write_notebook(path: Path, picks) -> None:
    code = ("import kit\n"
            f"picks = {[(b, q) for b, q, _ in picks]!r}\n"
            "kit.quiz([kit.load_bank(b).question(q) for b, q in picks], record=False)")
    md = lambda text: {"cell_type": "markdown", "metadata": {}, "source": text}  # noqa: E731
    nb = {"cells": [md("Before the quiz."),
                    {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": code},
                    md("After the quiz.")],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb), encoding="utf-8")


_FOCUS_JS = """() => {
  const el = document.activeElement;
  const label = el && (el.closest('label') || {}).textContent;
  const group = el && el.closest('[role=radiogroup], [role=group]');
  const named = group && group.getAttribute('aria-labelledby');
  const questions = [...document.querySelectorAll('.kit-question')];
  const select = el && el.tagName === 'SELECT' ? (el.selectedIndex >= 0 ? el.options[el.selectedIndex].textContent : '') : null;
  const selectLabel = el && el.id ? (document.querySelector(`label[for="${el.id}"]`) || {}).textContent : null;
  return { tag: el ? el.tagName : null, type: el && el.type, text: el ? (el.textContent || '').trim() : '',
           label: (label || '').trim(), checked: !!(el && el.checked), role: el && el.getAttribute('role'),
           group: group ? group.getAttribute('role') : null,
           groupName: named ? (document.getElementById(named) || {}).textContent || '' : '',
           question: questions.findIndex(q => q.contains(el)), selected: select,
           selectLabel: (selectLabel || '').trim(),
           activeCell: [...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.classList.contains('jp-mod-active')) };
}"""

_OUTLINE_JS = """() => {
  const el = document.activeElement, cs = getComputedStyle(el);
  let bg = null, e = el.parentElement;
  while (e && !bg) { const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) bg = c; e = e.parentElement; }
  return { color: cs.outlineColor, width: cs.outlineWidth, style: cs.outlineStyle, bg: bg || 'rgb(255, 255, 255)' };
}"""


def _rgb(css: str) -> tuple[float, float, float]:
    r, g, b = (float(v) for v in re.findall(r"[\d.]+", css)[:3])
    return r, g, b


def contrast(a: str, b: str) -> float:
    def lum(rgb):
        def f(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b_ = rgb
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b_)
    la, lb = lum(_rgb(a)), lum(_rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


class Driver:
    def __init__(self, page):
        self.page = page

    def focus(self) -> dict:
        state = self.page.evaluate(_FOCUS_JS)  # (ipywidgets writes option texts with no-break spaces)
        return {k: v.replace("\xa0", " ") if isinstance(v, str) else v for k, v in state.items()}

    def press(self, key: str, pause: int = 120) -> dict:
        self.page.keyboard.press(key)
        self.page.wait_for_timeout(pause)
        return self.focus()

    def feedback(self, n: int):
        return self.page.locator(".kit-question").nth(n).locator(".kit-feedback .widget-html-content")

    def wait_feedback(self, n: int, text: str, timeout: float = 20_000) -> str:
        loc = self.feedback(n)
        try:
            self.page.wait_for_function("([el, t]) => el.textContent.includes(t)",
                                        arg=[loc.element_handle(), text], timeout=timeout)
        except Exception:  # playwright's TimeoutError: say what the page shows instead
            raise AssertionError(f"question {n + 1}: no {text!r} in the feedback {loc.inner_text()[:300]!r}; "
                                 f"focus {self.focus()}") from None
        self.page.wait_for_timeout(300)  # the focus message comes after the feedback
        return loc.inner_text()


def _check_and_read(d: Driver, n: int, expect: str, where: str) -> dict:
    f = d.press("Tab")
    assert f["tag"] == "BUTTON" and f["text"] == "Check", f"{where}: Tab after the answer reached {f}"
    d.page.keyboard.press("Enter")
    d.wait_feedback(n, expect)
    return d.focus()


def answer_radio(d: Driver, n: int, target: str, where: str, *, start: dict) -> None:
    f = start
    assert f["type"] == "radio" and f["group"] == "radiogroup", f"{where}: not in a radio group: {f}"
    assert f["groupName"].strip().startswith(f"{n + 1}."), f"{where}: the radio group is named {f['groupName']!r}"
    cell = f["activeCell"]
    if f["label"] != target or not f["checked"]:
        if not f["checked"]:
            f = d.press("Space")
        for _ in range(8):
            if f["label"] == target:
                break
            f = d.press("ArrowDown", pause=300)  # (each choice goes to the kernel and back)
    assert f["label"] == target and f["checked"], f"{where}: arrows did not reach {target!r}: {f}"
    assert f["activeCell"] == cell and f["question"] == n, f"{where}: arrows moved JupyterLab's cell selection: {f}"


def _key_text(q) -> str:
    key = q.key
    if q.type == "text" and isinstance(key, (list, tuple)):  # accepted answers: the first
        return str(key[0])
    if isinstance(key, (list, tuple)):  # sentence ids
        return ", ".join(str(k) for k in key)
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)


def answer(d: Driver, n: int, q, start: dict) -> dict:
    """Answer question ``n`` (focus on its first control) rightly; returns the focus after Check."""
    where = f"question {n + 1} ({q.type}, {q.id})"
    if q.type in ("single", "truefalse", "attribution"):
        target = {"truefalse": {True: "True", False: "False"}.get(q.key), "attribution": ATTRIBUTION.get(q.key)}.get(
            q.type, q.key)
        answer_radio(d, n, target, where, start=start)
    elif q.type == "multiple":
        f = start
        texts, seen = [o.text for o in q.options], []  # shown in the kernel's student's order
        for i in range(len(texts)):
            text = f["label"]
            assert f["type"] == "checkbox" and text in texts, f"{where}: expected a checkbox of {texts}, at {f}"
            seen.append(text)
            if i == 0:
                assert f["group"] == "group" and f["groupName"].strip().startswith(f"{n + 1}."), (
                    f"{where}: the checkboxes are not one group named by the prompt: {f}")
            if text in q.key:
                f = d.press("Space")
                assert f["checked"], f"{where}: Space did not tick {text!r}"
            if i < len(texts) - 1:
                f = d.press("Tab")
        assert sorted(seen) == sorted(texts), f"{where}: the checkboxes were {seen}, not the options {texts}"
    elif q.type == "matching":
        f = start
        for i, (left, right) in enumerate(q.key.items()):
            assert f["tag"] == "SELECT" and f["selectLabel"] == left, f"{where}: expected drop-down {left!r}, at {f}"
            for _ in range(len(q.key) + 2):
                if f["selected"] == right:
                    break
                f = d.press("ArrowDown", pause=300)
            assert f["selected"] == right, f"{where}: arrows did not choose {right!r} for {left!r}: {f}"
            if i < len(q.key) - 1:
                f = d.press("Tab")
    else:  # numeric, text, sentence_ids: a labelled text box
        assert start["tag"] == "INPUT" and start["type"] == "text", f"{where}: expected a text box, at {start}"
        d.page.keyboard.type(_key_text(q), delay=20)
        d.page.wait_for_timeout(300)
    after = _check_and_read(d, n, "Correct", where)
    assert after["tag"] not in (None, "BODY") and after["question"] == n, (
        f"{where}: after Check the focus fell out of the question: {after}")
    return after


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_quiz_answered_by_keyboard_alone(theme, lab, lesson_copy, page, screenshot_dir):
    picks = pick_questions()
    if not picks:
        h.skip_or_fail("no quiz bank with questions")
    name = f"keyboard-{theme}/keyboard_quiz.ipynb"
    write_notebook(lesson_copy / name, picks)
    axe.set_lab_theme(lab, theme)
    h.open_in_lab(page, lab, name, workspace=f"keyboard-{theme}")
    axe.wait_theme(page, theme)
    h.run_all_cells(page, 1)
    h.wait_for_widgets(page, 1)
    page.locator(".kit-question").first.wait_for(state="visible", timeout=60_000)
    page.wait_for_function("() => document.querySelector('.kit-question [role=radiogroup], .kit-question [role=group]')",
                           timeout=30_000)
    d = Driver(page)
    d.feedback(0).evaluate("el => { el.dataset.kitMark = 'same'; }")  # to see it stays in the page
    page.locator(".kit-question").first.locator("input, select").first.focus()  # the only non-key step
    f = d.focus()
    log = []
    for n, (bank_id, qid, q) in enumerate(picks):
        where = f"question {n + 1} ({q.type}, {q.id})"
        if n == 0 and q.type == "single":  # wrong first: Try again, then right
            wrong = next(o.text for o in q.options if o.text != q.key)
            answer_radio(d, n, wrong, where, start=f)
            f = _check_and_read(d, n, "Not quite", where)
            assert f["tag"] == "BUTTON" and f["text"] == "Try again", f"{where}: after a wrong Check the focus is {f}"
            outline = page.evaluate(_OUTLINE_JS)
            ratio = contrast(outline["color"], outline["bg"])
            log.append(f"focus outline {outline['width']} {outline['style']} {outline['color']} on {outline['bg']}: "
                       f"{ratio:.1f}:1")
            assert outline["style"] != "none" and ratio >= 3, f"{where}: focus outline {outline} has {ratio:.2f}:1"
            f = d.press("Enter", pause=600)
            assert f["question"] == n and f["type"] == "radio", f"{where}: after Try again the focus is {f}"
            assert d.feedback(n).inner_text().strip() == "", f"{where}: Try again left the feedback"
            f = d.press("Tab")
            assert f["text"] == "Check", f"{where}: Tab from the options reached {f}"
            f = d.press("Shift+Tab")
            assert f["type"] == "radio" and f["question"] == n, f"{where}: Shift-Tab from Check reached {f}"
        f = answer(d, n, q, f)
        fb = d.feedback(n)
        assert fb.get_attribute("role") == "status" and fb.get_attribute("aria-live") == "polite", where
        log.append(f"{where}: answered, focus then on {f['role'] or f['tag']} {f['text'][:30]!r}")
        if n + 1 < len(picks):  # on to the next question
            f = d.press("Tab")
            for _ in range(3):  # (a disabled Try again is skipped; the attempt counter is not a stop)
                if f["question"] == n + 1:
                    break
                f = d.press("Tab")
            assert f["question"] == n + 1, f"after {where}, Tab did not reach the next question: {f}"
    assert d.feedback(0).evaluate("el => el.dataset.kitMark") == "same", "the live region was replaced"
    page.screenshot(path=str(screenshot_dir / f"keyboard-{theme}.png"))
    h.shutdown_sessions(lab)
    print(f"\nkeyboard, {theme} theme: {len(picks)} questions ({', '.join(q.type for _, _, q in picks)})")
    for line in log:
        print("  " + line)
    assert {q.type for _, _, q in picks} >= {"single", "multiple", "truefalse", "numeric", "text", "matching",
                                             "attribution"}, "a question type is missing from the banks"
