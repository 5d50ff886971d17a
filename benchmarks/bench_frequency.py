"""The 1M-token pipeline side by side with its floor and two NLTK baselines, in one run.

    python benchmarks/bench_frequency.py [--repeats 5] [--no-nltk-work]

The text repeats the corpus sentences (both op-eds, in order, five sentences to a
paragraph) to about 1M tokens.  Each round (a fresh Document, nothing reused), CPU time:

* ``kit``        load_text -> frequencies -> keyness (reference: Yang) -> kwic("North Korea")
* ``floor``      ``Counter(re.findall(r"\w+", text.lower()))``: what counting words must cost
* ``nltk``       NLTK's TreebankWordTokenizer + FreqDist on the whole text
* ``nltk_work``  NLTK doing the same work: Punkt + Treebank + FreqDist (target and
                 reference) + ConcordanceIndex looked up for "north korea"

The rounds interleave the four, so each ratio is taken within one round (the same load
on both sides); min / median / max over the rounds are reported.  Targets (issue 24):
kit <= 2.0 x the floor, NLTK Treebank+FreqDist >= 3.5 x the kit's time, NLTK doing the
same work >= 10 x; growth per 10x tokens about 10 (linear).
"""
from __future__ import annotations

import argparse
import re
import statistics
from collections import Counter
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kit  # noqa: E402
from kit.corpus.documents import Document  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)


def synthetic_text(n_tokens: int) -> str:
    corpus = kit.load_corpus()
    sents = [(s.text, len(kit.tokens(s.text))) for d in corpus.values() for s in d.sentences]
    paras, para, count, i = [], [], 0, 0
    while count < n_tokens:
        text, n = sents[i % len(sents)]
        para.append(text)
        count += n
        i += 1
        if len(para) == 5:
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    return "\n\n".join(paras)


CLOCK = time.perf_counter


def timed(func, *args, **kwargs) -> float:
    start = CLOCK()
    func(*args, **kwargs)
    return CLOCK() - start


def nltk_baseline(text: str) -> None:
    """NLTK's Treebank tokenizer + FreqDist over the whole text (counts only)."""
    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    FreqDist(TreebankWordTokenizer().tokenize(text))


def nltk_same_work(text: str, reference: str) -> None:
    """NLTK doing the kit's work: Punkt sentences, Treebank words, FreqDist (target and
    reference, for keyness), and a ConcordanceIndex looked up for "north" "korea"."""
    from nltk import FreqDist
    from nltk.text import ConcordanceIndex
    from nltk.tokenize import TreebankWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt, tb = PunktSentenceTokenizer(), TreebankWordTokenizer()
    words = [w.lower() for para in text.split("\n\n") for s in punkt.tokenize(para) for w in tb.tokenize(s)]
    FreqDist(words)
    FreqDist(w.lower() for w in tb.tokenize(reference))
    index = ConcordanceIndex(words)
    [i for i in index.offsets("north") if i + 1 < len(words) and words[i + 1] == "korea"]


_FLOOR_RE = re.compile(r"\w+")


def floor(text: str) -> None:
    """The floor: a regular expression and collections.Counter, nothing else."""
    Counter(_FLOOR_RE.findall(text.lower()))


def run_once(text: str, reference) -> dict[str, float]:
    out = {}
    start = CLOCK()
    doc = kit.load_text(text, id="synthetic")
    out["load"] = CLOCK() - start
    out["tokens"] = timed(kit.tokens, doc)
    out["frequencies"] = timed(kit.frequencies, doc)
    out["keyness"] = timed(kit.keyness, doc, reference)
    out["kwic"] = timed(kit.kwic, doc, "North Korea")
    out["total"] = sum(out.values())
    out["floor"] = timed(floor, text)
    return out


def spread(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 3), "median": round(statistics.median(values), 3),
            "max": round(max(values), 3)}


def main() -> None:
    global CLOCK
    import json
    import warnings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved rounds on 1M tokens")
    parser.add_argument("--no-nltk-work", action="store_true", help="skip NLTK doing the same work (slow)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # the small reference warning, on every run
    reference = kit.load_corpus()["yang"]
    kit.kwic(kit.load_text("Warm up: North Korea.", id="w"), "North Korea")  # imports
    nltk_baseline("warm up")
    CLOCK = time.process_time  # CPU time of this process: other work on the machine counts less
    # Growth: the kit's pipeline at 100k and 1M tokens (linear = 10x).
    small, text = synthetic_text(100_000), synthetic_text(1_000_000)
    growth = statistics.median(run_once(text, reference)["total"] for _ in range(1)) / \
        statistics.median(run_once(small, reference)["total"] for _ in range(3))
    rounds = []
    for _ in range(args.repeats):  # interleaved: each round meets the same load on every side
        r = run_once(text, reference)
        r["nltk"] = timed(nltk_baseline, text)
        if not args.no_nltk_work:
            r["nltk_work"] = timed(nltk_same_work, text, reference.text)
        rounds.append(r)
        print(" ".join(f"{k} {v:.3f}" for k, v in r.items()), flush=True)
    real = len(kit.tokens(text))
    total = spread([r["total"] for r in rounds])
    ratios = {
        "kit / floor": (spread([r["total"] / r["floor"] for r in rounds]), 2.0, "<="),
        "NLTK Treebank+FreqDist / kit": (spread([r["nltk"] / r["total"] for r in rounds]), 3.5, ">="),
    }
    if not args.no_nltk_work:
        ratios["NLTK same work / kit"] = (spread([r["nltk_work"] / r["total"] for r in rounds]), 10.0, ">=")
    parts = {k: statistics.median(r[k] for r in rounds) for k in ("load", "tokens", "frequencies", "keyness",
                                                                  "kwic", "floor")}
    print(f"{real:,} tokens, {args.repeats} interleaved rounds, CPU seconds: "
          + ", ".join(f"{k} {v:.3f}" for k, v in parts.items()))
    print(f"pipeline (load -> frequencies -> keyness -> KWIC): min {total['min']:.3f} median {total['median']:.3f} "
          f"max {total['max']:.3f} s; growth 100k -> 1M: {growth:.1f}x (10x = linear)")
    metrics = [{"measure": "1M tokens load->frequencies->keyness->KWIC (CPU)", "unit": "s", "target": None,
                "ok": None, "note": ", ".join(f"{k} {v:.2f}" for k, v in parts.items()), **total}]
    for name, (sp, target, sense) in ratios.items():
        ok = sp["median"] <= target if sense == "<=" else sp["median"] >= target
        print(f"{name}: min {sp['min']:.2f} median {sp['median']:.2f} max {sp['max']:.2f} x "
              f"(target {sense} {target} x: {'meets' if ok else 'MISSES'})")
        metrics.append({"measure": name, "unit": "x", "target": target, "ok": ok,
                        "note": f"target {sense} {target} x, same rounds", **sp})
    metrics.append({"measure": "growth of the pipeline per 10x tokens (CPU)", "median": round(growth, 1),
                    "unit": "x", "target": 25, "ok": growth < 25, "note": "10x = linear"})
    print("BENCH " + json.dumps({"bench": "bench_frequency.py", "metrics": metrics}))


if __name__ == "__main__":
    main()
