"""kit.widgets.checklist: kit.check_exercise is the model's check plus the checklist widget,
shown for a written exercise only (the model, kit.assessment.exercises, imports no widget)."""
from __future__ import annotations

import textwrap

import pytest

import kit
from kit.assessment import exercises
from kit.widgets import checklist

WRITTEN = textwrap.dedent("""\
    id: 98_test
    title: Test exercises
    exercises:
      - id: "98.1"
        type: written
        prompt: In two sentences, what does Cho think of the wedge strategy?
        model_answer: Cho thinks it "would be futile" [cho 3.2].
        checklist: [names the strategy, gives Cho's judgment]
        cites: [cho 3.2]
      - id: "98.2"
        type: numeric
        prompt: How many points does the checklist of exercise 98.1 list?
        answer: 2
        cites: []
    """)


@pytest.fixture
def shown(monkeypatch):
    registry = exercises.build_registry([("tests/98_test.yaml", WRITTEN)])
    monkeypatch.setattr(exercises, "registry", lambda *, corpus=None: registry)
    seen = []
    monkeypatch.setattr(checklist, "show_checklist", lambda q: seen.append(q.id))
    return seen


def test_the_public_check_exercise_is_the_widget_front_end():
    assert kit.check_exercise is checklist.check_exercise


def test_a_written_exercise_shows_its_checklist(shown, capsys):
    result = kit.check_exercise("98.1", "Cho says the wedge is futile [cho 3.2].")
    assert result.status == "written" and shown == ["98.1"]
    assert "[ ] 2. gives Cho's judgment" in capsys.readouterr().out   # the printed list, from the model


def test_other_exercises_and_the_model_show_no_checklist(shown):
    assert kit.check_exercise("98.2", 3).status == "incorrect"
    assert exercises.check_exercise("98.1", "Cho says the wedge is futile [cho 3.2].").status == "written"
    assert shown == []


def test_outside_a_notebook_nothing_is_displayed(monkeypatch):
    # plain Python (no kernel): show_checklist returns without building a widget
    built = []
    monkeypatch.setattr(checklist, "self_assessment", lambda q: built.append(q))
    checklist.show_checklist(object())
    assert built == []
