"""Speed of the counting pipeline on synthetic texts of 10k, 100k and 1M tokens.

    python benchmarks/bench_frequency.py [--repeats 3]

Each synthetic text repeats the corpus sentences (both op-eds, in order, five
sentences to a paragraph) until it has the number of tokens asked for.  One run
measures, per size (median of ``--repeats`` runs, a fresh Document each time so
nothing is reused between runs):

* ``sentences``   doc.sentences: Punkt sentence splitting (KWIC needs sentence ids)
* ``tokens``      kit.tokens(doc)
* ``frequencies`` kit.frequencies(doc)            (tokenises and counts)
* ``keyness``     kit.keyness(doc, reference)     (reference: the Yang op-ed; reuses
                  the counts frequencies() just made for doc)
* ``kwic``        kit.kwic(doc, "North Korea")    (skipped if kit.kwic is not there)
* ``total``       the five above, end to end
* ``count``       tokens + frequencies + keyness only (no sentences, no KWIC)
* ``nltk``        baseline: NLTK's TreebankWordTokenizer + FreqDist on the same text

and prints the ratios total / nltk and count / nltk and the growth per 10x in size
(10 = linear).  Target: 1M tokens end to end <= 2 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kit  # noqa: E402
from kit.corpus import Document  # noqa: E402

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


def timed(func, *args, **kwargs) -> float:
    start = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - start


def nltk_baseline(text: str) -> None:
    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    FreqDist(TreebankWordTokenizer().tokenize(text))


def run_once(text: str, reference, has_kwic: bool) -> dict[str, float]:
    doc = Document(id="synthetic", text=text)
    out = {
        "sentences": timed(lambda: doc.sentences),
        "tokens": timed(kit.tokens, doc),
        "frequencies": timed(kit.frequencies, doc),
        "keyness": timed(kit.keyness, doc, reference),
    }
    out["kwic"] = timed(kit.kwic, doc, "North Korea") if has_kwic else float("nan")
    out["total"] = sum(v for v in out.values() if v == v)
    out["count"] = out["tokens"] + out["frequencies"] + out["keyness"]
    out["nltk"] = timed(nltk_baseline, text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    try:
        kit.kwic  # noqa: B018
        has_kwic = True
    except (AttributeError, ImportError):
        has_kwic = False
        print("note: kit.kwic is not available yet; the kwic column is skipped")
    reference = kit.load_corpus()["yang"]
    probe = Document(id="probe", text=synthetic_text(1000))
    kit.tokens(probe)
    if "sentences" in probe.__dict__:
        print("note: kit.tokens(doc) also split the document into sentences (Punkt), which it "
              "does not need; see the sentences column for what that costs")
    cols = ["sentences", "tokens", "frequencies", "keyness", "kwic", "total", "count", "nltk"]
    print(f"median of {args.repeats} runs, seconds")
    print(f"{'size':>10} {'real':>9} " + " ".join(f"{c:>11}" for c in cols)
          + f" {'total/nltk':>11} {'count/nltk':>11}")
    totals, counts = [], []
    for size in SIZES:
        text = synthetic_text(size)
        real = len(kit.tokens(text))
        runs = [run_once(text, reference, has_kwic) for _ in range(args.repeats)]
        med = {c: statistics.median(r[c] for r in runs) if has_kwic or c != "kwic" else float("nan")
               for c in cols}
        totals.append(med["total"])
        counts.append(med["count"])
        print(f"{size:>10,} {real:>9,} " + " ".join(f"{med[c]:>11.3f}" for c in cols)
              + f" {med['total'] / med['nltk']:>11.2f} {med['count'] / med['nltk']:>11.2f}")
    for name, series in (("total", totals), ("count", counts)):
        growth = ", ".join(f"{b / a:.1f}x" for a, b in zip(series, series[1:]))
        print(f"growth of {name} per 10x tokens: {growth} (10x = linear)")
    for name, value in (("end to end", totals[-1]), ("counting only", counts[-1])):
        verdict = "meets" if value <= 2.0 else "MISSES"
        print(f"1M tokens {name}: {value:.2f} s ({verdict} the 2 s target)")


if __name__ == "__main__":
    main()
