"""Accessibility for ipywidgets controls: ARIA roles and names, keyboard, focus, live regions.

ipywidgets cannot set HTML attributes, so a question's radio buttons cannot be one
labelled ``radiogroup``, a feedback area cannot be a live region that stays in the page,
and Python cannot move the focus to a chosen element.  :class:`AriaPatch` does these
things: it is an invisible widget (an `anywidget <https://anywidget.dev>`_, whose
JavaScript travels inline with it, so it works offline in JupyterLab and Voilà) placed
in the same box as the controls it improves.  Its ``rules`` name elements of that box
by CSS selector and the attributes they get; its :meth:`AriaPatch.move_focus` moves the focus.

Each rule is a dict:

``sel``
    CSS selector, matched inside the box (``:scope > .kit-options``).
``attrs``
    attributes to set, e.g. ``{"role": "radiogroup"}``.
``labelledby`` / ``describedby``
    a selector for the element whose id goes in ``aria-labelledby`` / ``aria-describedby``
    (an id is made if it has none).
``radios``
    ``True``: give the radio inputs inside one shared ``name``, so that the browser's
    arrow keys move within the group and Tab stops once.

Arrow keys inside an element with ``data-lm-suppress-shortcuts`` are left to the
control: JupyterLab's command-mode shortcuts (arrows select cells) do not fire there.

>>> patch = AriaPatch(rules=[{"sel": ":scope > .kit-feedback .widget-html-content",
...                           "attrs": {"role": "status", "aria-live": "polite"}}])
>>> patch.rules[0]["attrs"]["role"]
'status'
"""
from __future__ import annotations

import anywidget
import traitlets

__all__ = ["AriaPatch", "FOCUS_CSS", "Looks"]

# A focus ring in the theme's main text colour: black on white in the light theme,
# white on #111 in the dark one (well over 3:1 in both), and 2px wide with an offset.
FOCUS_CSS = """
.kit-a11y :focus-visible, .kit-a11y .jupyter-button:focus:enabled {
  outline: 2px solid var(--jp-content-font-color0, #000) !important;
  outline-offset: 2px;
}
.kit-a11y .kit-feedback .widget-html-content:focus { outline-offset: 0; }
.kit-a11y-patch { display: none !important; }
"""

_ESM = r"""
// (each widget may load its own copy of this module: ids need a random part to be unique)
const prefix = "kit-a11y-" + Math.random().toString(36).slice(2, 10);
let counter = 0;
function idOf(el) {
  if (!el.id) { counter += 1; el.id = `${prefix}-${counter}`; }
  return el.id;
}
function apply(box, rules) {
  for (const rule of rules) {
    let targets;
    try { targets = box.querySelectorAll(rule.sel); } catch (e) { continue; }
    for (const el of targets) {
      for (const [name, value] of Object.entries(rule.attrs || {})) {
        if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
      }
      for (const [aria, key] of [["aria-labelledby", "labelledby"], ["aria-describedby", "describedby"]]) {
        if (!rule[key]) continue;
        const ref = box.querySelector(rule[key]);
        if (ref && el.getAttribute(aria) !== idOf(ref)) el.setAttribute(aria, idOf(ref));
      }
      if (rule.radios) {
        const name = el.dataset.kitGroup || (el.dataset.kitGroup = idOf(el) + "-options");
        for (const input of el.querySelectorAll('input[type="radio"]')) {
          if (input.name !== name) input.name = name;
        }
      }
    }
  }
}
function focusable(el) {
  return el && !el.disabled && el.getClientRects().length > 0;
}
function focusLater(box, selectors, tries) {
  for (const selector of selectors) {  // the first selector with an enabled, visible match wins
    const el = [...box.querySelectorAll(selector)].find(focusable);
    if (el) { el.focus(); return; }
  }
  if (tries > 0) setTimeout(() => focusLater(box, selectors, tries - 1), 50);
}
function render({ model, el }) {
  el.classList.add("kit-a11y-patch");
  const box = () => el.parentElement && el.parentElement.closest(".widget-box, .widget-container") || el.parentElement;
  const run = () => { const b = box(); if (b) apply(b, model.get("rules")); };
  let observer = null;
  const start = () => {
    const b = box();
    if (!b) { setTimeout(start, 50); return; }
    b.classList.add("kit-a11y");
    run();
    // ipywidgets rebuilds some controls (radio buttons) on updates from the kernel; if the
    // focused one is replaced, give the focus to its replacement instead of <body>.
    const controls = () => [...b.querySelectorAll("input, select, textarea, button")];
    let last = null, lastIndex = -1;
    b.addEventListener("focusin", (event) => { last = event.target; lastIndex = controls().indexOf(last); });
    b.addEventListener("focusout", (event) => {
      if (event.relatedTarget && !b.contains(event.relatedTarget)) { last = null; }
    });
    const restore = () => {
      const active = document.activeElement;
      if (last && !last.isConnected && (!active || active === document.body)) {
        const again = controls()[lastIndex];
        last = null;
        if (focusable(again)) again.focus();
      }
    };
    observer = new MutationObserver(() => { run(); restore(); });
    observer.observe(b, { childList: true, subtree: true });
    b.addEventListener("keydown", (event) => {
      if (!["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].includes(event.key)) return;
      if (event.target.closest && event.target.closest("[data-lm-suppress-shortcuts]")) {
        event.stopPropagation();  // the browser moves within the radio group, not JupyterLab
      }
    });
  };
  start();
  model.on("change:rules", run);
  model.on("msg:custom", (msg) => {
    const b = box();
    if (b && msg && msg.focus) { run(); focusLater(b, [].concat(msg.focus), 40); }
  });
  return () => { if (observer) observer.disconnect(); };
}
export default { render };
"""


class AriaPatch(anywidget.AnyWidget):
    """An invisible widget that gives the controls of its box ARIA roles, names and focus.

    Put it in the same ``VBox``/``HBox`` as the controls (see the module docstring for
    the rules).  Without a browser it does nothing and shows nothing.

    >>> AriaPatch().rules
    []
    """

    _esm = _ESM
    _css = FOCUS_CSS
    rules = traitlets.List(traitlets.Dict()).tag(sync=True)

    def move_focus(self, *selectors: str) -> None:
        """Move the keyboard focus to the first enabled, visible element of the box that
        matches the first selector with a match (waits up to 2 s for one)."""
        if selectors:  # (a message to the browser; without one nothing happens)
            self.send({"focus": list(selectors)})


class Looks:
    """The ``layout`` and ``style`` of a view's widgets, one model per distinct look.

    Every ipywidgets control otherwise opens a Layout and a Style model of its own (a
    message to the browser each); widgets may share them, and nothing in the kit changes
    one after it is built.  Make one ``Looks`` per view (a quiz, a form), not per module,
    so that closing a view's widgets never leaves another view without its looks.

    >>> import ipywidgets as W
    >>> looks = Looks()
    >>> a, b = W.HTML("a", **looks(W.HTML)), W.HTML("b", **looks(W.HTML))
    >>> a.layout is b.layout and a.style is b.style
    True
    >>> looks(W.Button, width="auto")["layout"].width
    'auto'
    """

    def __init__(self) -> None:
        self._made: dict[tuple, object] = {}

    def __call__(self, kind: type, *, style: dict | None = None, **layout: str) -> dict:
        """``layout=`` and (if ``kind`` has one) ``style=`` keyword arguments for a ``kind`` widget."""
        import ipywidgets as W

        out = {"layout": self._one(W.Layout, layout)}
        trait = kind.class_traits().get("style")
        if trait is not None:
            out["style"] = self._one(trait.klass, style or {})
        return out

    def _one(self, cls: type, traits: dict):
        key = (cls, tuple(sorted(traits.items())))
        if key not in self._made:
            self._made[key] = cls(**traits)
        return self._made[key]
