"""Show the maths of keyness for one term: the 2x2 table, expected counts, G2 and log ratio.

Everything :func:`kit.keyness` computes for a row, written out with the numbers filled
in, so a student can redo it on paper.  Pure: no widgets, no printing.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..corpus.documents import Document
from ..errors import InvalidArgument, UnknownTerm, WrongType, did_you_mean
from ..errors import shown as echo
from ..options import renamed_options
from .keyness import chi2_sf, expected_counts, g2, keyness, log_ratio, log_ratio_note

__all__ = ["explain_keyness", "KeynessExplanation"]


@dataclass
class KeynessExplanation:
    """The worked keyness of one term; ``str()`` gives the whole working as text."""

    term: str
    target: str
    reference: str
    table: pd.DataFrame
    expected: pd.DataFrame
    g2: float
    log_ratio: float
    p_value: float
    g2_steps: list[str] = field(default_factory=list)
    log_ratio_steps: list[str] = field(default_factory=list)
    note: str = ""

    def __str__(self) -> str:
        return "\n".join([
            f"Keyness of {echo(self.term)}: {self.target} (target) against {self.reference} (reference)",
            "", "Observed counts (the 2x2 table):", self.table.to_string(),
            "", "Expected counts if both texts used the term at the same rate:", self.expected.to_string(),
            "", "G2 (log-likelihood):", *self.g2_steps,
            "", "Log ratio (effect size):", *self.log_ratio_steps,
        ])


def _cell(o: float, e: float) -> str:
    return f"{o} × ln({o}/{e:.4g})" if o > 0 else "0 (an empty cell adds 0)"


@renamed_options(term="query")
def explain_keyness(target: Document | Sequence[Document], reference: Document | Sequence[Document], query: str, *,
                    stem: bool = False) -> KeynessExplanation:
    """The 2x2 table, expected counts and the G2 and log-ratio arithmetic of one term.

    Parameters
    ----------
    target, reference : Document or list of Documents
        As for :func:`kit.keyness`.
    query : str
        One word as :func:`kit.keyness` lists it (lower case, e.g. ``"u.s."``).
        Stopwords are allowed here (they count in the text sizes anyway).
    stem : bool
        Compare Snowball stems (the term is then a stem).

    Returns
    -------
    KeynessExplanation
        ``table`` and ``expected`` (DataFrames, rows "term"/"other words", columns the two
        texts), ``g2``, ``log_ratio``, ``p_value`` (same values as the keyness row),
        ``g2_steps`` and ``log_ratio_steps`` (lines of arithmetic), ``note``.

    Examples
    --------
    >>> from kit import load_text
    >>> t = load_text("China China China Korea.", id="t")
    >>> r = load_text("Korea Korea Japan Japan Japan China.", id="r")
    >>> x = explain_keyness(t, r, "china")
    >>> x.table
                 t  r
    china        3  1
    other words  1  5
    >>> round(x.g2, 4), round(x.log_ratio, 4)
    (3.5548, 2.1699)
    >>> x.log_ratio_steps[0]
    'log2((a/c) / (b/d)) = log2((3/4) / (1/6)) = log2(0.75 / 0.1667) = log2(4.5) = 2.17'
    """
    term = query
    if not isinstance(term, str):
        raise WrongType(f"query must be a word (str), not {type(term).__name__}. Example: 'wedge'.")
    word = term.strip().lower()
    if not word or len(word.split()) > 1:
        raise InvalidArgument(f"query={echo(term)}: give one word, e.g. 'wedge' (keyness counts single words).")
    full = keyness(target, reference, stopwords=False, stem=stem)
    tid, rid = full.attrs["target"], full.attrs["reference"]
    c, d = full.attrs["target_tokens"], full.attrs["reference_tokens"]
    rows = full[full.term == word]
    if rows.empty:
        raise UnknownTerm(f"{echo(term)} occurs in neither {tid} nor {rid}.{did_you_mean(word, list(full.term))} "
                          "Pick a word from kit.keyness(target, reference).term.")
    a, b = int(rows.count_target.iloc[0]), int(rows.count_reference.iloc[0])
    n = c + d
    e11, e12, e21, e22 = expected_counts(a, b, c, d)
    table = pd.DataFrame({tid: [a, c - a], rid: [b, d - b]}, index=[word, "other words"])
    expected = pd.DataFrame({tid: [e11, e21], rid: [e12, e22]}, index=[word, "other words"]).round(3)
    value, ratio = g2(a, b, c, d), log_ratio(a, b, c, d)
    observed = (a, b, c - a, d - b)
    terms = [o * math.log(o / e) if o > 0 else 0.0 for o, e in zip(observed, (e11, e12, e21, e22))]
    more = tid if a / c > b / d else rid if a / c < b / d else "neither"
    g2_steps = [
        f"a = {a} (term in {tid}), b = {b} (term in {rid}), c = {c} and d = {d} tokens, N = c + d = {n}",
        f"E11 = (a+b)×c/N = {a + b}×{c}/{n} = {e11:.3f};  E12 = (a+b)×d/N = {a + b}×{d}/{n} = {e12:.3f}",
        f"E21 = (N-a-b)×c/N = {n - a - b}×{c}/{n} = {e21:.3f};  E22 = (N-a-b)×d/N = {n - a - b}×{d}/{n} = {e22:.3f}",
        "G2 = 2 × [" + " + ".join(_cell(o, e) for o, e in zip(observed, (e11, e12, e21, e22))) + "]",
        "   = 2 × [" + f"{terms[0]:.4f}" + "".join(f" {'-' if t < 0 else '+'} {abs(t):.4f}" for t in terms[1:])
        + f"] = {abs(value):.3f}",
        f"Sign: {a}/{c} = {a / c * 1000:.2f} per 1,000 vs {b}/{d} = {b / d * 1000:.2f} per 1,000, "
        f"more frequent in {more} -> G2 = {value:+.3f}",
        f"p = erfc(sqrt(|G2|/2)) = {chi2_sf(abs(value)):.4f}"
        + ("; an expected count is below 5, so treat p with caution" if min(e11, e12, e21, e22) < 5 else ""),
    ]
    note = log_ratio_note(a, b, c, d)
    if a > 0 and b > 0:
        lr_steps = [f"log2((a/c) / (b/d)) = log2(({a}/{c}) / ({b}/{d})) = log2({a / c:.4g} / {b / d:.4g}) "
                    f"= log2({(a / c) / (b / d):.4g}) = {ratio:.2f}"]
    else:
        raw = math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d)) if a + b else math.nan
        lr_steps = [f"A count is 0, so a/c ÷ b/d is infinite or undefined. With 0.5 for the 0: "
                    f"log2(({max(a, 0.5)}/{c}) / ({max(b, 0.5)}/{d})) = {raw:.2f}"]
        lr_steps.append("Kept as a bound: the difference is at least this large." if not math.isnan(ratio)
                        else "Left empty: that value points the wrong way (the texts differ in length), "
                             "so no honest estimate exists for so rare a word.")
    lr_steps.append("+1 = twice as frequent in the target, -1 = half; G2 says how sure, log ratio how big.")
    return KeynessExplanation(word, tid, rid, table, expected, value, ratio, chi2_sf(abs(value)),
                              g2_steps, lr_steps, note)
