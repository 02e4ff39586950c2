"""Interval arithmetic over numpy arrays, rounded outward.

Each operation takes and returns ``(lo, hi)`` pairs of float arrays; ``-inf``/``inf`` stand
for open sides. Every result is widened by a few units in the last place (:data:`SLACK`)
so that floating-point rounding can only make an interval larger: a value exactly on a
rounding edge of a printed figure is never judged outside it. The engine evaluates every
relation on whole columns at once, which is what makes a million claims cheap.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Pair = tuple[Array, Array]

#: Relative outward widening after each operation. A float64 operation errs by at most
#: 1.1e-16 relative; a chain of a dozen stays far below this, and no printed figure has
#: twelve significant digits, so the slack never hides a real contradiction.
SLACK = 1e-12


def arr(x: object) -> Array:
    return np.atleast_1d(np.asarray(x, dtype=np.float64))


def widen(lo: Array, hi: Array) -> Pair:
    """Round outward: the interval can only grow."""
    with np.errstate(invalid="ignore"):
        lo2 = lo - np.abs(lo) * SLACK - 1e-300
        hi2 = hi + np.abs(hi) * SLACK + 1e-300
    return np.where(np.isnan(lo2), -np.inf, lo2), np.where(np.isnan(hi2), np.inf, hi2)


def add(a: Pair, b: Pair) -> Pair:
    with np.errstate(invalid="ignore"):
        return widen(a[0] + b[0], a[1] + b[1])


def sub(a: Pair, b: Pair) -> Pair:
    with np.errstate(invalid="ignore"):
        return widen(a[0] - b[1], a[1] - b[0])


def _products(a: Pair, b: Pair) -> Pair:
    with np.errstate(invalid="ignore", over="ignore"):
        cands = np.stack([a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]])
    # 0 × ∞ is NaN in IEEE arithmetic; as a bound of a product of intervals it is 0.
    cands = np.where(np.isnan(cands), 0.0, cands)
    return cands.min(axis=0), cands.max(axis=0)


def mul(a: Pair, b: Pair) -> Pair:
    lo, hi = _products(a, b)
    return widen(lo, hi)


#: Below this a bound is zero widened, not a number anyone printed.
_ZERO = 1e-200


def div(a: Pair, b: Pair) -> Pair:
    """a / b.

    Where b touches 0 from one side only (an amount printed 不到10万元 is [0, 10] 万元) its
    reciprocal is a half-line, [1/10, ∞); where 0 is strictly inside b, or b is 0, the result
    is unbounded.
    """
    blo, bhi = b
    low_zero = np.abs(blo) <= _ZERO
    high_zero = np.abs(bhi) <= _ZERO
    unbounded = ((blo < -_ZERO) & (bhi > _ZERO)) | (low_zero & high_zero)
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_lo = np.where(high_zero, -np.inf, 1.0 / bhi)
        inv_hi = np.where(low_zero, np.inf, 1.0 / blo)
    lo, hi = _products(a, (inv_lo, inv_hi))
    lo = np.where(unbounded, -np.inf, lo)
    hi = np.where(unbounded, np.inf, hi)
    return widen(lo, hi)


def scale(a: Pair, k: float) -> Pair:
    lo, hi = a[0] * k, a[1] * k
    if k < 0:
        lo, hi = hi, lo
    return widen(lo, hi)


def shift(a: Pair, k: float) -> Pair:
    return widen(a[0] + k, a[1] + k)


def power(a: Pair, n: Array) -> Pair:
    """a ** n for a ≥ 0 (growth factors) and n > 0; negative parts are clipped to 0."""
    lo = np.clip(a[0], 0, None)
    hi = np.clip(a[1], 0, None)
    with np.errstate(invalid="ignore", over="ignore"):
        return widen(lo**n, hi**n)


def overlaps(a: Pair, b: Pair) -> npt.NDArray[np.bool_]:
    """Whether the intervals share at least one point (edges included)."""
    return np.maximum(a[0], b[0]) <= np.minimum(a[1], b[1])


def gap(a: Pair, b: Pair) -> Array:
    """Relative distance between two intervals (0 when they overlap), for ranking fixes."""
    lo = np.maximum(a[0], b[0])
    hi = np.minimum(a[1], b[1])
    scale_ = np.maximum(np.abs(lo), np.abs(hi))
    with np.errstate(invalid="ignore", divide="ignore"):
        g = np.where(lo <= hi, 0.0, (lo - hi) / np.where(scale_ == 0, 1.0, scale_))
    return np.where(np.isnan(g), np.inf, g)


def intersect(a: Pair, b: Pair) -> Pair:
    return np.maximum(a[0], b[0]), np.minimum(a[1], b[1])
