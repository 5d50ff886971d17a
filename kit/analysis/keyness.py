"""Keyness: which words are relatively more frequent in one text than in another.

The statistics (Dunning's log-likelihood G2 and Hardie's log ratio) are written out
here with the standard library only, so a teacher can follow them line by line.
"""
from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from ..corpus.documents import Document, documents_of
from ..corpus.tokens import Stopwords
from ..errors import InvalidArgument, SmallReferenceWarning
from ..errors import shown as echo
from ..options import flag, whole_number
from .frequency import term_counts

__all__ = ["keyness", "g2", "log_ratio", "log_ratio_note", "expected_counts", "chi2_sf", "stars"]

#: Critical values of chi-square with 1 degree of freedom and the stars they earn.
CRITICAL = ((15.13, "****"), (10.83, "***"), (6.63, "**"), (3.84, "*"))
_P_LEVELS = ((0.0001, "****"), (0.001, "***"), (0.01, "**"), (0.05, "*"))
COLUMNS = ["term", "count_target", "count_reference", "per_1000_target", "per_1000_reference",
           "g2", "log_ratio", "p_value", "stars", "low_expected", "log_ratio_note"]
#: What ``log_ratio_note`` says when the log ratio is not the plain ratio of two observed rates.
NOTE_BOUND = "bound: one count is 0, replaced by 0.5 (at least this far from 0)"
NOTE_EMPTY = ("empty: one count is 0 and replacing it by 0.5 would point the wrong way "
              "(the texts differ in length); too rare to estimate")


def expected_counts(a: int, b: int, c: int, d: int) -> tuple[float, float, float, float]:
    """Expected counts ``E11, E12, E21, E22`` of the 2x2 table if both texts used the term alike.

    >>> expected_counts(3, 1, 4, 6)     # (a+b)*c/N, (a+b)*d/N, (N-a-b)*c/N, (N-a-b)*d/N
    (1.6, 2.4, 2.4, 3.6)
    """
    n, r1 = c + d, a + b
    r2 = n - r1
    return r1 * c / n, r1 * d / n, r2 * c / n, r2 * d / n


_expected = expected_counts


def g2(a: int, b: int, c: int, d: int) -> float:
    """Signed log-likelihood G2 of a term seen ``a`` times in ``c`` target tokens and
    ``b`` times in ``d`` reference tokens (4-term form over the 2x2 table).

    >>> round(g2(10, 0, 100, 100), 3)   # 2*(10*ln 2 + 90*ln(90/95) + 100*ln(100/95))
    14.39
    """
    observed = (a, b, c - a, d - b)
    value = 2 * sum(o * math.log(o / e) for o, e in zip(observed, _expected(a, b, c, d)) if o > 0)
    value = max(value, 0.0)  # rounding can give -1e-15 for equal rates
    return value if a / c >= b / d else -value


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's log ratio ``log2((a/c) / (b/d))``; never pointing against the observed rates.

    * Both counts > 0: the plain ``log2((a/c) / (b/d))``.
    * One count is 0: the zero is replaced by 0.5, ``log2((max(a, .5)/c) / (max(b, .5)/d))``.
      Read as a **bound**: if the absent word's true rate is below half an occurrence
      in that text, the difference is at least this large.  It is kept only when its
      sign agrees with the observed rates (the text that uses the word is the text it
      points to); otherwise (e.g. 1 in 757 tokens against 0 in 363: log2(363/378.5)
      = -0.06, pointing at the text that never uses the word) the result is ``nan``.
    * Both 0: ``nan``.

    :func:`log_ratio_note` says which case a value is.

    >>> log_ratio(8, 2, 100, 100)       # log2(0.08 / 0.02) = log2(4)
    2.0
    >>> log_ratio(4, 0, 100, 100)       # bound: log2((4/100) / (0.5/100)) = log2(8)
    3.0
    >>> log_ratio(1, 0, 757, 363)       # 0.5 substitution would give -0.06: left empty
    nan
    """
    if a > 0 and b > 0:
        return math.log2((a / c) / (b / d))
    if a == b == 0:
        return math.nan
    value = math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))
    observed = 1 if a > 0 else -1
    return value if value * observed > 0 else math.nan


def log_ratio_note(a: int, b: int, c: int, d: int) -> str:
    """Why a log ratio is a bound or empty (``""`` when it is the plain ratio of two rates).

    >>> log_ratio_note(8, 2, 100, 100), log_ratio_note(4, 0, 100, 100)[:5], log_ratio_note(1, 0, 757, 363)[:5]
    ('', 'bound', 'empty')
    """
    if a > 0 and b > 0:
        return ""
    if a == b == 0:
        return "empty: the term occurs in neither text"
    return NOTE_EMPTY if math.isnan(log_ratio(a, b, c, d)) else NOTE_BOUND


def chi2_sf(x: float) -> float:
    """P(X >= x) for chi-square with 1 degree of freedom: ``erfc(sqrt(x / 2))``.

    >>> round(chi2_sf(3.841459), 4)
    0.05
    """
    return math.erfc(math.sqrt(max(x, 0.0) / 2))


def stars(value: float, *, p: float | None = None) -> str:
    """``*`` to ``****`` for |G2| >= 3.84, 6.63, 10.83, 15.13 (p < .05, .01, .001, .0001).

    With ``p=`` (a corrected p-value) the stars follow p instead.

    >>> stars(-7.0), stars(2.0), stars(20.0, p=0.02)
    ('**', '', '*')
    """
    if p is not None:
        return next((s for level, s in _P_LEVELS if p < level), "")
    return next((s for crit, s in CRITICAL if abs(value) >= crit), "")


#: A reference text under this many word tokens is small: keyness warns.
SMALL_REFERENCE = 500
#: ... and so is a reference this many times smaller than the target.
SIZE_RATIO = 5


def small_reference_message(c: int, d: int, *, target: str = "the target",
                            reference: str = "the reference") -> str | None:
    """The warning for a reference of ``d`` tokens against a target of ``c``, or None.

    >>> small_reference_message(5000, 363, target="mine", reference="cho")[:60]
    'The reference (cho) has only 363 words, against 5,000 in the'
    >>> small_reference_message(363, 757) is None
    True
    """
    if d >= SMALL_REFERENCE and c <= SIZE_RATIO * d:
        return None
    return (
        f"The reference ({reference}) has only {d:,} words, against {c:,} in the target ({target}). "
        "With so small a reference, most words are rare in it, so few differences can earn stars "
        "(weak stars do not mean 'no difference'), and the log ratios of rare words are unsteady. "
        f"Read the table with care, or use a longer reference (at least {SMALL_REFERENCE} words and "
        f"not {SIZE_RATIO} times shorter than the target), e.g. several texts pooled: "
        "kit.keyness(target, [text1, text2])."
    )


def _pool(docs, *, stopwords, stem) -> tuple[Counter, int]:
    counts: Counter = Counter()
    total = 0
    for doc in docs:
        c, n = term_counts(doc, lower=True, stopwords=stopwords, stem=stem)
        counts.update(c)
        total += n
    return counts, total


def keyness(target: Document | Sequence[Document], reference: Document | Sequence[Document], *, stopwords: Stopwords = True,
            min_count: int = 1, correction: str | None = None, stem: bool = False) -> pd.DataFrame:
    """Words relatively more frequent in ``target`` than in ``reference``, and the other way round.

    Parameters
    ----------
    target, reference : Document or list of Documents
        A list is pooled into one text.  The two must not share a document.
    stopwords : bool, "nltk" or set of str
        Leave stopwords out of the table (they still count in the text sizes).
    min_count : int
        Keep terms seen at least this often in both texts together.
    correction : None or "bonferroni"
        Bonferroni: ``p_value`` is multiplied by the number of terms tested (at most 1)
        and the stars follow the corrected p.
    stem : bool
        Compare Snowball stems instead of words.

    Returns
    -------
    DataFrame with ``term, count_target, count_reference, per_1000_target,
    per_1000_reference, g2, log_ratio, p_value, stars, low_expected, log_ratio_note``,
    sorted by ``g2``: key words of the target first, of the reference last.

    Notes
    -----
    For each term, ``a`` = count in the target, ``b`` = count in the reference,
    ``c`` and ``d`` = word tokens of target and reference (stopwords included, as in
    :func:`kit.summary`), ``N = c + d``.  The 2x2 table and its expected counts::

                     target    reference
        term         a         b            E11 = (a+b)*c/N   E12 = (a+b)*d/N
        other words  c-a       d-b          E21 = (N-a-b)*c/N E22 = (N-a-b)*d/N

    * ``g2 = 2 * sum(O * ln(O / E))`` over the four cells, no continuity correction;
      a cell with ``O = 0`` adds 0.  The sign is ``+`` when ``a/c > b/d`` (key for the
      target) and ``-`` when the term is relatively more frequent in the reference.
    * ``log_ratio = log2((a/c) / (b/d))`` (Hardie 2014) when both counts are above 0.
      An effect size: +1 = twice as frequent in the target, -1 = half.  It always
      points the same way as the observed rates (and as ``g2``).
    * When one count is 0 the ratio is infinite.  The zero is replaced by 0.5 and the
      result is a **bound** (``log_ratio_note`` starts "bound"): the difference is at
      least this large if the absent word's rate is under half an occurrence in that
      text.  When the 0.5 would make the value point the wrong way (a word seen once
      in the longer text and never in the shorter one: Yang 1 in 757 tokens vs Cho 0 in
      363 gives ``log2((1/757)/(0.5/363)) = -0.06``), no estimate is honest:
      ``log_ratio`` is ``NaN`` and ``log_ratio_note`` starts "empty" and says why.
    * ``p_value = erfc(sqrt(|g2| / 2))``, the chi-square survival function with 1 df.
    * ``stars``: ``*`` |g2| >= 3.84 (p < .05), ``**`` 6.63 (.01), ``***`` 10.83 (.001),
      ``****`` 15.13 (.0001).
    * ``low_expected``: some expected count is below 5, the usual warning sign that
      the test is unreliable (most words of two op-eds).
    * A :class:`~kit.SmallReferenceWarning` (once per call) when the reference has
      fewer than ``SMALL_REFERENCE`` (500) word tokens or is more than ``SIZE_RATIO``
      (5) times shorter than the target.

    Examples
    --------
    >>> from kit import load_text
    >>> a = load_text("China and Korea. China again. China now.", id="a")
    >>> b = load_text("Korea and Japan. Korea again. Japan now.", id="b")
    >>> keyness(a, b)[["term", "count_target", "count_reference", "log_ratio"]]
        term  count_target  count_reference  log_ratio
    0  china             3                0   2.584963
    1  korea             1                2  -1.000000
    2  japan             0                2  -2.000000
    """
    tdocs, rdocs = documents_of(target, "keyness"), documents_of(reference, "keyness")
    for t in tdocs:
        for r in rdocs:
            if t is r or t.text == r.text:
                raise InvalidArgument(
                    f"The target {echo(t.id)} is also in the reference ({echo(r.id)}): keyness compares "
                    "two different texts. Example: kit.keyness(corpus['cho'], corpus['yang'])."
                )
    whole_number(min_count, "min_count", "keyness", low=1, example="kit.keyness(target, reference, min_count=2)")
    stem = flag(stem, "stem", "keyness", "kit.keyness(target, reference, stem=True)")
    if correction is not None and (not isinstance(correction, str) or correction != "bonferroni"):
        raise InvalidArgument(f"correction={echo(correction)} is not known. Use None or 'bonferroni'.")
    tc, c = _pool(tdocs, stopwords=stopwords, stem=stem)
    rc, d = _pool(rdocs, stopwords=stopwords, stem=stem)
    message = small_reference_message(c, d, target=", ".join(x.id for x in tdocs),
                                      reference=", ".join(x.id for x in rdocs))
    if message:
        warnings.warn(message, SmallReferenceWarning, stacklevel=2)
    terms = [t for t in set(tc) | set(rc) if tc[t] + rc[t] >= min_count]
    rows = []
    for term in terms:
        a, b = tc[term], rc[term]
        value = g2(a, b, c, d)
        rows.append([term, a, b, a / c * 1000, b / d * 1000, value, log_ratio(a, b, c, d),
                     chi2_sf(abs(value)), "", min(_expected(a, b, c, d)) < 5,
                     log_ratio_note(a, b, c, d)])
    for row in rows:
        if correction == "bonferroni":
            row[7] = min(1.0, row[7] * len(rows))
            row[8] = stars(row[5], p=row[7])
        else:
            row[8] = stars(row[5])
    rows.sort(key=lambda r: (-r[5], r[0]))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out.attrs.update(target=", ".join(x.id for x in tdocs), reference=", ".join(x.id for x in rdocs),
                     target_tokens=c, reference_tokens=d, correction=correction)
    return out
