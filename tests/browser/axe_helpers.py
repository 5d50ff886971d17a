"""axe-core in the browser tests: inject the copy shipped by the PyPI package
``axe-playwright-python`` (nothing is downloaded), scan only the notebook's output areas,
and sort what it finds into failures (critical, serious) and a report (the rest).

JupyterLab needs three things before axe's colour-contrast rule looks at anything:
``body { overflow: visible }`` (JupyterLab's zero-height body otherwise counts as hiding
the page), a window tall enough for the whole notebook, and the notebook scrolled to its
top.  :func:`scan_outputs` does them and returns how many elements the contrast rule
examined, so a test can check that it really did.
"""
from __future__ import annotations

import json
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

from . import browser_helpers as h

RULE_SETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = {"critical", "serious"}
OUTPUTS = ".jp-OutputArea-output"
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
REPORTS = h.SCREENSHOTS  # axe-<where>.json files land beside the screenshots


def axe_source() -> str:
    """The text of axe.min.js from the installed axe-playwright-python package."""
    spec = find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        h.skip_or_fail("axe-playwright-python is not installed: pip install -e '.[browser]' (make venv does)")
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")


def set_lab_theme(lab, theme: str) -> None:
    """Write JupyterLab's theme setting for the server's user; pages opened after this use it."""
    target = Path(lab.env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"theme": THEMES[theme], "adaptive-theme": False}), encoding="utf-8")


def wait_theme(page, theme: str, timeout: float = 30) -> None:
    """Wait until the page shows the theme (JupyterLab marks <body data-jp-theme-name=...>)."""
    page.wait_for_function(
        "(name) => document.body.dataset.jpThemeName === name", arg=THEMES[theme], timeout=timeout * 1000)


def switch_lab_theme(page, theme: str) -> None:
    """Settings > Theme > (theme) in the open JupyterLab page, as a student would; waits for it."""
    page.click(".lm-MenuBar-item:has(.lm-MenuBar-itemLabel:text-is('Settings'))")
    page.hover(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Theme'))")
    page.click(f".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('{THEMES[theme]}'))")
    wait_theme(page, theme)
    page.wait_for_timeout(500)  # the theme's stylesheet applied


_PREPARE_JS = """(selector) => {
  const style = document.createElement('style');
  style.id = 'kit-axe-prepare';
  style.textContent = 'body { overflow: visible !important; }';
  document.head.appendChild(style);
  const scroller = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')
      || document.scrollingElement;
  let height = 0;
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    height = Math.max(height, r.bottom + (scroller ? scroller.scrollTop : 0));
  }
  return Math.ceil(Math.max(height, (scroller || document.body).scrollHeight || 0));
}"""

_SCROLL_TOP_JS = """() => {
  for (const el of document.querySelectorAll('.jp-WindowedPanel-outer, .jp-Notebook, #main, body, html')) {
    el.scrollTop = 0;
  }
  window.scrollTo(0, 0);
}"""

_RUN_JS = """async ([selector, tags]) => {
  const result = await axe.run({ include: [selector] },
                               { runOnly: { type: 'tag', values: tags } });
  const slim = (r) => ({ id: r.id, impact: r.impact, help: r.help,
                        nodes: r.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
                                                   summary: (n.failureSummary || '').slice(0, 300) })) });
  const count = (list) => (list.find(r => r.id === 'color-contrast') || { nodes: [] }).nodes.length;
  return { violations: result.violations.map(slim),
           contrast: { passes: count(result.passes), violations: count(result.violations),
                       incomplete: count(result.incomplete) } };
}"""


def scan_outputs(page, where: str, *, selector: str = OUTPUTS, max_height: int = 40_000) -> dict:
    """Run axe (WCAG 2.1 A/AA rules) over the elements matching ``selector``.

    Returns ``{"violations": [...], "contrast": {"passes", "violations", "incomplete"},
    "failing": [...], "report": path}``; the full result is also written to ``report``.
    """
    page.add_script_tag(content=axe_source())
    height = page.evaluate(_PREPARE_JS, selector)
    size = page.viewport_size or {"width": 1280, "height": 900}
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height + 200, max_height))})
    page.wait_for_timeout(500)  # let JupyterLab lay the taller window out
    page.evaluate(_SCROLL_TOP_JS)
    result = page.evaluate(_RUN_JS, [selector, RULE_SETS])
    result["failing"] = [v for v in result["violations"] if v["impact"] in FAILING]
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"axe-{where}.json"
    report.write_text(json.dumps(result, indent=1), encoding="utf-8")
    result["report"] = str(report)
    page.set_viewport_size(size)
    return result


def scan_light_and_dark(page, where: str) -> dict:
    """Scan a JupyterLab page's outputs in the light theme, switch it live to the dark
    theme (Settings > Theme) and scan again: ``{"light": result, "dark": result}``.
    ``where`` names the reports, with ``{theme}`` standing for the theme."""
    scans = {"light": scan_outputs(page, where.replace("{theme}", "light"))}
    switch_lab_theme(page, "dark")
    scans["dark"] = scan_outputs(page, where.replace("{theme}", "dark"))
    return scans


def summary(result: dict) -> str:
    """One line: the rules violated (impact, elements) and the contrast-checked count."""
    rules = Counter()
    for v in result["violations"]:
        rules[f"{v['id']} ({v['impact']})"] += len(v["nodes"])
    c = result["contrast"]
    found = ", ".join(f"{k}: {n}" for k, n in sorted(rules.items())) or "none"
    return (f"violations {found}; colour contrast examined {c['passes'] + c['violations']} elements "
            f"({c['incomplete']} left for a human)")


def check(result: dict, where: str) -> None:
    """Fail on critical/serious violations and on a contrast rule that examined nothing."""
    print(f"\naxe {where}: {summary(result)}; report {result['report']}")
    details = "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                        + ", ".join(f"{n['target']} [{n['summary'][:150]}]" for n in v["nodes"][:3])
                        for v in result["failing"])
    assert not result["failing"], f"axe in {where}: {details} (full report {result['report']})"
    c = result["contrast"]
    assert c["passes"] + c["violations"] > 0, (
        f"axe in {where}: the colour-contrast rule examined no element (the page was not prepared)")


def skip_without_axe() -> None:
    if find_spec("axe_playwright_python") is None:
        h.skip_or_fail("axe-playwright-python is not installed (browser extra)")


__all__ = ["scan_outputs", "check", "summary", "set_lab_theme", "switch_lab_theme", "wait_theme", "THEMES"]
