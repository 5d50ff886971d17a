"""Every analysis function of the reading and counting modules grows linearly with the
text: each is timed on a text and on the same text 10 times longer (CPU time, best of
three, a fresh Document each time so no cache helps); the ratio must stay under 25
(10 is linear; the bound is generous because other processes share the machine).
benchmarks/bench_growth.py records the ratios.
"""
from __future__ import annotations

import time
import warnings

import pytest

import kit
from kit.corpus.documents import Document

BASE = 4_000  # tokens at 1x; 10x is 40,000
LIMIT = 25


def corpus_text(n_tokens: int, *, punctuated: bool = True) -> str:
    """The corpus sentences, repeated in order, five to a paragraph, until ``n_tokens``."""
    corpus = kit.load_corpus()
    sents = [s.text for d in corpus.values() for s in d.sentences]
    out, count, i = [], 0, 0
    while count < n_tokens:
        s = sents[i % len(sents)]
        out.append(s if punctuated else s.replace(".", " ").replace("?", " ").replace("!", " "))
        count += len(s.split())
        i += 1
    paras = [" ".join(out[k:k + 5]) for k in range(0, len(out), 5)]
    return ("\n\n" if punctuated else " ").join(paras)


def best_time(func, text: str, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        doc = Document(id="growth", text=text)
        start = time.process_time()
        func(doc)
        times.append(time.process_time() - start)
    return min(times)


REF = None


def _reference():
    global REF
    REF = REF or kit.load_corpus()["yang"]
    return REF


# name -> function of a fresh Document
CASES = {
    "load_text": lambda d: kit.load_text(d.text, id="x"),
    "sentences": lambda d: d.sentences,
    "tokens": lambda d: kit.tokens(d),
    "tokens-of-string": lambda d: kit.tokens(d.text),
    "frequencies": lambda d: kit.frequencies(d),
    "ngrams": lambda d: kit.ngrams(d, n=3),
    "collocations": lambda d: kit.collocations(d),
    "dispersion": lambda d: kit.dispersion(d, ["China", "North Korea"]),
    "summary": lambda d: kit.summary(d),
    "keyness": lambda d: kit.keyness(d, _reference()),
    "kwic-word": lambda d: kit.kwic(d, "China"),
    "kwic-phrase": lambda d: kit.kwic(d, "North Korea"),
    "kwic-wildcard": lambda d: kit.kwic(d, "cooperat*", sort="left"),
    "kwic-regex": lambda d: kit.kwic(d, "^reli(ant|ance)$", regex=True),
    "highlight": lambda d: kit.highlight(d, ["China", "wedge"]),
    "show": lambda d: kit.show(d),
    "actors": lambda d: kit.actors(d),
    "actors-by-doc": lambda d: kit.actors(d, by="doc"),
    "stance": lambda d: kit.stance(d, by="doc"),
}


def growth(func, *, punctuated: bool = True) -> tuple[float, float]:
    small, large = corpus_text(BASE, punctuated=punctuated), corpus_text(10 * BASE, punctuated=punctuated)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        func(Document(id="warm", text=small))  # imports and lexicons loaded before timing
        return best_time(func, small), best_time(func, large)


@pytest.mark.parametrize("name", list(CASES))
def test_linear_in_text_length(name):
    t1, t10 = growth(CASES[name])
    ratio = t10 / max(t1, 1e-4)
    assert ratio < LIMIT, f"{name}: {t1:.4f} s -> {t10:.4f} s at 10x ({ratio:.1f}x)"


@pytest.mark.parametrize("name", ["sentences", "kwic-phrase", "actors", "stance"])
def test_linear_on_unpunctuated_text(name):
    # One paragraph with no sentence ends at all: no step may rescan what it has read.
    t1, t10 = growth(CASES[name], punctuated=False)
    ratio = t10 / max(t1, 1e-4)
    assert ratio < LIMIT, f"{name} (unpunctuated): {t1:.4f} s -> {t10:.4f} s at 10x ({ratio:.1f}x)"
