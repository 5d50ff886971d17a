"""The hostile-case harness (tests/project/guard.py) tells each way a call can end apart."""
from __future__ import annotations

import os
import signal
import time

import pytest

from guard import Outcome, assert_contained, run_guarded
from kit.errors import InvalidArgument


def _raise_kit():
    raise InvalidArgument("query: 5 is not text. Fix: pass a word, e.g. 'wedge'.")


def _spin():
    while True:
        pass


def _sleep_in_c():
    time.sleep(30)  # no CPU time used: only the parent's wall-clock limit stops it


def _allocate(mb):
    return len(bytearray(mb * 1024 * 1024))


def test_ok_returns_the_repr_of_the_result():
    outcome = run_guarded(sorted, [3, 1, 2])
    assert outcome.kind == "ok" and outcome.message == "[1, 2, 3]"


def test_keyword_arguments_reach_the_call():
    assert run_guarded(sorted, [1, 3, 2], reverse=True).message == "[3, 2, 1]"


def test_a_kit_error_is_named_with_its_message():
    outcome = run_guarded(_raise_kit)
    assert (outcome.kind, outcome.error) == ("kit_error", "InvalidArgument")
    assert "not text" in outcome.message


def test_another_error_is_other_error():
    outcome = run_guarded(int, "x")
    assert (outcome.kind, outcome.error) == ("other_error", "ValueError")


def test_a_python_loop_times_out_in_the_child():
    start = time.monotonic()
    outcome = run_guarded(_spin, seconds=0.5)
    assert outcome.kind == "timeout"
    assert time.monotonic() - start < 3


def test_a_call_deaf_to_the_timer_is_killed_by_the_parent():
    start = time.monotonic()
    outcome = run_guarded(_sleep_in_c, seconds=0.3)
    assert outcome.kind == "timeout" and "killed" in outcome.message
    assert time.monotonic() - start < 6  # 3 * 0.3 + 2 s


def test_memory_over_the_allowance_is_memory():
    assert run_guarded(_allocate, 400, extra_mb=200).kind == "memory"


def test_memory_under_the_allowance_is_ok():
    assert run_guarded(_allocate, 50, extra_mb=200).message == str(50 * 1024 * 1024)


def test_a_child_that_dies_is_reported():
    died = run_guarded(lambda: os.kill(os.getpid(), signal.SIGTERM))
    assert died.kind == "other_error" and "SIGTERM" in died.message


def test_the_parent_is_untouched():
    before = os.getpid()
    run_guarded(_allocate, 10)
    assert os.getpid() == before
    assert _allocate(1) == 1024 * 1024  # no limit leaked into the parent


def test_assert_contained_fails_on_a_hang_and_passes_on_a_kit_error():
    assert isinstance(assert_contained(_raise_kit), Outcome)
    with pytest.raises(AssertionError, match="timeout"):
        assert_contained(_spin, seconds=0.3)
