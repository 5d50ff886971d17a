"""recommendations() on long unpunctuated text: time and growth at 10x the size.

Before the split of kit/argumentation/comparison.py the extractor re-read the whole sentence before each
cue, so one long sentence made it quadratic (200 KB took 16.5 s in the issue's test,
65 s on the text below).  Target: 200 KB in <= 2 s, and 10x the text <= 20x the time.

    python benchmarks/bench_course.py [--size 200000]
"""
from __future__ import annotations

import argparse
import json
import time
import warnings

import kit
from kit.argumentation.recommendations import recommendations

UNIT = ("people in the region say the government should act now and the neighbours "
        "watch the border closely for signs of change ")


def long_text(n_chars: int):
    """A text of ``n_chars`` characters with no full stop: one sentence, a cue every 120 characters."""
    text = (UNIT * (n_chars // len(UNIT) + 1))[:n_chars]
    doc = kit.load_text(text, id="long")
    len(doc.sentences)  # split once, outside the timing
    return doc


def seconds(doc, repeat: int = 3) -> float:
    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            start = time.perf_counter()
            recommendations(doc)
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    args = parser.parse_args()
    small = seconds(long_text(args.size))
    large = seconds(long_text(args.size * 10), repeat=1)
    ratio = large / small
    print(f"recommendations, {args.size:,} chars without a full stop: {small:.2f} s (target <= 2 s)")
    print(f"10x the text ({args.size * 10:,} chars): {large:.2f} s, growth {ratio:.1f}x (target <= 20x)")
    print("BENCH " + json.dumps({"bench": "course", "metrics": [
        {"measure": f"recommendations on {args.size // 1000} KB unpunctuated", "median": round(small, 3),
         "unit": "s", "target": 2, "ok": small <= 2},
        {"measure": "recommendations growth at 10x size", "median": round(ratio, 2), "unit": "x",
         "target": 20, "ok": ratio <= 20, "note": f"{large:.2f} s at {args.size * 10 // 1000} KB"},
    ]}))


if __name__ == "__main__":
    main()
