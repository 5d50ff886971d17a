"""Median time of the quiz widget's Check handler: from the click to the feedback HTML
being set (marking, recording the attempt to the progress store with fsync, rendering),
and of the marking alone (``kit.check``: reading the answer, alternatives, mistakes).

    python benchmarks/bench_quiz.py

Target: median <= 10 ms.  The progress store goes to a temporary folder.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 10.0
CLICKS = 200


def main() -> None:
    os.environ["KIT_PROGRESS_DIR"] = tempfile.mkdtemp(prefix="bench-quiz-")
    import kit

    box = kit.quiz("00_start_here", record=True)
    responses = {  # alternate a wrong and a right answer for a few question types
        "futile-sentence": ("cho 2.3", "cho 3.2"),
        "cho-paragraph-3-sentences": ("7", "8"),
        "cho-date-clues": None,  # checkboxes, handled below
        "yang-date-clue": ("a summit", "Beijing Winter Olympics"),
        "match-ids": None,
    }
    panels = [p for p in box.panels if p.q.id in responses]
    times = {p.q.id: [] for p in panels}
    for i in range(CLICKS):
        p = panels[i % len(panels)]
        right = (i // len(panels)) % 2 == 1
        p.retry.click()  # unlock (not timed)
        _answer(p, responses[p.q.id], right)
        start = time.perf_counter()
        p.check.click()
        assert p.feedback.value, "no feedback rendered"
        times[p.q.id].append((time.perf_counter() - start) * 1000)
    all_ms = [t for ts in times.values() for t in ts]
    median = statistics.median(all_ms)
    print(f"Check handler, {len(all_ms)} clicks over {len(panels)} question types (recording on, fsync):")
    for qid, ts in times.items():
        print(f"  {qid:<28} median {statistics.median(ts):6.2f} ms")
    print(f"median {median:.2f} ms (p90 {statistics.quantiles(all_ms, n=10)[-1]:.2f} ms); "
          f"target <= {TARGET_MS:.0f} ms: {'OK' if median <= TARGET_MS else 'TOO SLOW'}")
    print(f"ratio to target: {median / TARGET_MS:.2f}")
    marking = []
    for i in range(CLICKS):
        p = panels[i % len(panels)]
        _answer(p, responses[p.q.id], i % 2 == 1)
        response = p.response()
        start = time.perf_counter()
        kit.check(p.q, response)
        marking.append((time.perf_counter() - start) * 1000)
    print(f"marking alone (kit.check): median {statistics.median(marking):.3f} ms")
    print(f"attempts saved: {len(kit.progress())}")


def _answer(p, pair, right: bool) -> None:
    if p.q.type == "multiple":
        for box in p.input.children:
            box.value = box.description in (p.q.key if right else p.q.key[:1])
    elif p.q.type == "matching":
        values = list(p.q.key.values())
        for n, dropdown in enumerate(p.input.children):
            dropdown.value = values[n] if right else values[n - 1]
    else:
        p.input.value = pair[1] if right else pair[0]


if __name__ == "__main__":
    main()
