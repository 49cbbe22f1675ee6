"""A fixed set of character spans that answers "does this stretch overlap any of them?".

Several finders add mentions only where no earlier mention stands. A linear scan of the earlier
spans for each candidate makes a large text quadratic; sorted starts with the running maximum
of the ends answer each question with one bisection: a stretch overlaps some span iff a span
starting before its end ends after its start.

``matches_at`` is the other question finders ask about positions: what a scan would find, when
only a few known positions can start a match.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

import regex

__all__ = ["SpanSet", "matches_at"]


class SpanSet:
    """Spans ``(start, end)``, end exclusive, fixed once built."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


def matches_at(pattern: regex.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` yields, for a pattern whose matches can only begin at
    ``starts`` (ascending) and are never empty: each start not inside the previous match is tried."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match
