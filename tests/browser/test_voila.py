"""One lesson as a dashboard: Voilà runs the first lesson with a quiz, Chromium shows
it, axe-core finds no critical or serious violation in its outputs, and a quiz question
is answered there by clicking (wrong, then right)."""
from __future__ import annotations

from . import axe_helpers as axe
from . import browser_helpers as h


def test_quiz_answered_by_clicking_in_voila(browser, lesson_copy, page, screenshot_dir, tmp_path):
    lesson, bank_id = h.first_quiz_lesson(h.lessons(h.lesson_dir()))
    if lesson is None:
        h.skip_or_fail("no lesson calls kit.quiz(...) yet")
    server = h.start_voila(lesson_copy / lesson.name, tmp_path)
    try:
        page.goto(server.url("/"), timeout=60_000)
        h.wait_voila_done(page, timeout=180)  # Voilà runs every cell, then shows the outputs
        shot = screenshot_dir / f"voila-{lesson.stem}.png"
        page.screenshot(path=str(shot), full_page=True)
        body = page.inner_text("body")
        assert "Error displaying widget" not in body, f"a widget failed to render in Voilà (see {shot})"
        errors = h.tracebacks_on_page(page)
        assert not errors, f"{lesson.name} in Voilà shows errors {errors} (see {shot})"
        page.wait_for_timeout(1000)  # the kit's accessibility patches run once the widgets are shown
        axe.check(axe.scan_outputs(page, f"voila-{lesson.stem}"), f"{lesson.name} in Voilà")
        read = h.answer_wrong_then_right(page, page, bank_id, screenshot_dir / f"voila-quiz-{lesson.stem}")
        print(f"\nVoila {lesson.name}, question {read['question']}: {read['wrong_feedback']!r} then "
              f"{read['right_feedback'][:80]!r}; screenshots in {screenshot_dir}")
        h.check_quiz_reading(read)
    finally:
        server.stop()
        print(f"Voila log: {server.log}")
