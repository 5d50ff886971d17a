"""Speed of the whole pipeline on synthetic texts of 10k, 100k and 1M tokens, side by side
with NLTK in the same run.

    python benchmarks/bench_frequency.py [--repeats 3]

Each synthetic text repeats the corpus sentences (both op-eds, in order, five
sentences to a paragraph) until it has the number of tokens asked for.  One run
measures, per size (median of ``--repeats`` runs, a fresh Document each time so
nothing is reused between runs):

* ``load``        kit.load_text(text): tidy line ends and blank lines, check for hard wrapping
* ``tokens``      kit.tokens(doc)
* ``frequencies`` kit.frequencies(doc)            (tokenises and counts)
* ``keyness``     kit.keyness(doc, reference)     (reference: the Yang op-ed; reuses
                  the counts frequencies() just made for doc)
* ``kwic``        kit.kwic(doc, "North Korea") (splits the paragraphs with a match
                  into sentences, for the sentence ids: here nearly all of them)
* ``total``       the five above, end to end (load -> frequencies -> keyness -> KWIC)
* ``sentences``   afterwards, not in the total: doc.sentences, every Sentence object
* ``count``       tokens + frequencies + keyness only (no sentences, no KWIC)
* ``nltk``        baseline: NLTK's TreebankWordTokenizer + FreqDist on the same text

Other processes may share the machine, so each step is timed twice: wall-clock and
CPU time of this process.  The ratio nltk / total (how many times faster the kit is)
is taken from the same run, so both sides meet the same load.  Targets (issue 12):
1M tokens end to end <= 1.5 s, and at least 2x faster than NLTK.  The growth per 10x
in size should be about 10 (linear).
"""
from __future__ import annotations

import argparse
import statistics
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
    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    FreqDist(TreebankWordTokenizer().tokenize(text))


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
    # Not part of the pipeline: every Sentence object of the document (kit.sentences(doc),
    # kit.show(doc)); KWIC above splits only the paragraphs holding a match.
    out["sentences"] = timed(lambda: doc.sentences)
    out["count"] = out["tokens"] + out["frequencies"] + out["keyness"]
    out["nltk"] = timed(nltk_baseline, text)
    return out


def main() -> None:
    global CLOCK
    import json
    import warnings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # the small reference warning, on every run
    reference = kit.load_corpus()["yang"]
    kit.kwic(kit.load_text("Warm up: North Korea.", id="w"), "North Korea")  # imports
    cols = ["load", "tokens", "frequencies", "keyness", "kwic", "total", "count", "nltk", "sentences"]
    results = {}
    for clock_name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        CLOCK = clock
        print(f"{clock_name} clock: median of {args.repeats} runs, seconds")
        print(f"{'size':>10} {'real':>9} " + " ".join(f"{c:>11}" for c in cols) + f" {'nltk/total':>11}")
        totals = []
        for size in SIZES:
            text = synthetic_text(size)
            real = len(kit.tokens(text))
            runs = [run_once(text, reference) for _ in range(args.repeats)]
            med = {c: statistics.median(r[c] for r in runs) for c in cols}
            ratio = statistics.median(r["nltk"] / r["total"] for r in runs)
            totals.append(med["total"])
            print(f"{size:>10,} {real:>9,} " + " ".join(f"{med[c]:>11.3f}" for c in cols) + f" {ratio:>11.2f}")
        growth = [b / a for a, b in zip(totals, totals[1:])]
        print(f"growth of total per 10x tokens: {', '.join(f'{g:.1f}x' for g in growth)} (10x = linear)")
        print(f"1M tokens end to end ({clock_name}): {totals[-1]:.2f} s, {ratio:.2f}x faster than NLTK "
              f"(targets: <= 1.5 s, >= 2x)")
        results[clock_name] = (totals[-1], ratio, growth)
    (wall, wall_ratio, _), (cpu, cpu_ratio, growth) = results["wall"], results["cpu"]
    metrics = [
        {"measure": "1M tokens load->frequencies->keyness->KWIC (wall)", "median": round(wall, 3), "unit": "s",
         "target": 1.5, "ok": wall <= 1.5, "note": f"{wall_ratio:.2f}x faster than NLTK in the same run"},
        {"measure": "1M tokens end to end (CPU time)", "median": round(cpu, 3), "unit": "s",
         "target": 1.5, "ok": cpu <= 1.5, "note": f"{cpu_ratio:.2f}x faster than NLTK (target >= 2x)"},
        {"measure": "NLTK time / kit time (CPU)", "median": round(cpu_ratio, 2), "unit": "x",
         "target": 2.0, "ok": cpu_ratio >= 2.0, "note": "higher is better"},
        {"measure": "growth of the total per 10x tokens (CPU)", "median": round(max(growth), 1), "unit": "x",
         "target": 25, "ok": max(growth) < 25, "note": ", ".join(f"{g:.1f}x" for g in growth)},
    ]
    print("BENCH " + json.dumps({"bench": "bench_frequency.py", "metrics": metrics}))


if __name__ == "__main__":
    main()
