"""Sorted hash keys searched by their top 16 bits: shared by the compact tables of
``linter.segment`` (64-bit word hashes) and ``linter.ngrams`` (32-bit n-gram hashes).

A table of sorted keys is cut into 65,536 buckets by the keys' top 16 bits; a bucket's bounds are
found by binary search the first time it is asked for and kept, so each look-up bisects only
its bucket (a few keys) instead of the whole table."""
from __future__ import annotations

from array import array
from bisect import bisect_left


def new_bounds() -> array:
    """Bucket bounds, none known yet: two slots per bucket (start, end), -1 = not searched."""
    return array("q", [-1]) * (2 << 16)


def find(keys, bounds: array, k: int, bits: int) -> int:
    """Index of ``k`` (a ``bits``-bit key) in the sorted ``keys``, or -1."""
    low = bits - 16
    b = (k >> low) << 1
    lo = bounds[b]
    if lo < 0:
        lo = bounds[b] = bisect_left(keys, (k >> low) << low)
        bounds[b + 1] = bisect_left(keys, (k | ((1 << low) - 1)) + 1, lo)
    hi = bounds[b + 1]
    i = bisect_left(keys, k, lo, hi)
    return i if i < hi and keys[i] == k else -1
