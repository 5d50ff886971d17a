"""Fixtures for the browser tests: Debian's chromium under Playwright, and JupyterLab
serving a temporary copy of the lessons from a free localhost port with a random token.

Without /usr/bin/chromium the tests skip with the reason; under CI=true they fail
instead, since .ci/run installs chromium (never a browser downloaded by Playwright).
"""
from __future__ import annotations

import pytest

from . import browser_helpers as h


_USED: list[str] = []


@pytest.fixture(scope="session")
def screenshot_dir():
    h.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {h.SCREENSHOTS}")
    _USED.append(str(h.SCREENSHOTS))
    return h.SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    if _USED:
        terminalreporter.write_line(f"browser test screenshots: {_USED[0]}")


@pytest.fixture(scope="session")
def browser():
    if not h.CHROMIUM.exists():
        h.skip_or_fail(
            f"{h.CHROMIUM} not found: install Debian's chromium (apt-get install chromium) "
            "to run the browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        h.skip_or_fail("playwright is not installed: pip install -e '.[browser]' (make venv does)")
    with sync_playwright() as playwright:
        chromium = h.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lesson_copy(tmp_path_factory):
    """A temporary copy of notebooks/ (the browser saves outputs into it)."""
    src = h.lesson_dir()
    if not h.lessons(src):
        h.skip_or_fail(f"no lessons (*.ipynb) in {src}")
    return h.copy_lessons(src, tmp_path_factory.mktemp("browser") / "notebooks")


@pytest.fixture(scope="session")
def lab(browser, lesson_copy, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lab-server")
    server = h.start_lab(lesson_copy, tmp)
    yield server
    server.stop()
    print(f"\nJupyterLab log: {server.log}")


@pytest.fixture
def page(browser, screenshot_dir, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    console_errors: list[str] = []
    pg.on("pageerror", lambda exc: console_errors.append(str(exc)))
    pg.console_errors = console_errors
    yield pg
    for message in console_errors:  # JavaScript errors on the page: reported, not judged
        print(f"page error in {request.node.name}: {message[:300]}")
    if getattr(request.node, "rep_call_failed", False):
        shot = screenshot_dir / f"FAILED-{request.node.name}.png".replace("/", "_")
        try:
            pg.screenshot(path=str(shot))
            print(f"\nscreenshot of the failure: {shot}")
        except Exception:  # the page may be gone; the failure itself is what matters
            pass
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call_failed = report.failed
