"""Masked sentences: each mention replaced by one token, so rules see the sentence's shape.

"U.S. Secretary of State Antony Blinken met yesterday with Chinese President Xi Jinping"
becomes "⟦ap0⟧ met ⟦d1⟧ with ⟦ap2⟧": a rule says ``{ACTOR} met {DATE}? with {ACTOR}`` and
never re-describes names or dates. Offsets in the masked text map back to the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from diplonews.mentions.base import Mention
from diplonews.text.quotes import Quote

__all__ = ["MaskedSentence", "mask_sentence"]


@dataclass(frozen=True)
class MaskedSentence:
    """A sentence as rules see it, with the way back to normalized-text offsets."""

    start: int
    end: int
    paragraph: int
    masked: str
    tokens: tuple[Mention, ...]
    _masked_starts: tuple[int, ...]
    _norm_starts: tuple[int, ...]
    _token_of_piece: tuple[int, ...]  # -1 for plain text pieces
    in_quote: bool = False  # the inside of a quotation, scanned for events its speaker reports

    def to_text(self, masked_start: int, masked_end: int) -> tuple[int, int]:
        """Normalized-text span of a masked span (tokens expand to their mention)."""
        return self._point(masked_start, True), self._point(masked_end, False)

    def _point(self, pos: int, is_start: bool) -> int:
        i = bisect.bisect_right(self._masked_starts, pos if is_start else pos - 1) - 1
        i = max(i, 0)
        token = self._token_of_piece[i]
        if token >= 0:
            mention = self.tokens[token]
            return mention.start if is_start else mention.end
        return self._norm_starts[i] + (pos - self._masked_starts[i])

    def placed_tokens(self) -> list[tuple[int, Mention]]:
        """Each mention with the offset of its token in ``masked``, in order. Read from the
        masking itself, not by searching ``masked``: the text may hold lookalikes of tokens."""
        return [(ms, self.tokens[t]) for ms, t in zip(self._masked_starts, self._token_of_piece, strict=True)
                if t >= 0]

    def tokens_in(self, masked_start: int, masked_end: int) -> list[Mention]:
        """The mentions whose tokens lie inside a masked span."""
        found = []
        for i, ms in enumerate(self._masked_starts):
            t = self._token_of_piece[i]
            if t >= 0 and masked_start <= ms < masked_end:
                found.append(self.tokens[t])
        return found


def _choose(mentions: Sequence[Mention]) -> list[Mention]:
    """Non-overlapping mentions: quotations first, then longer ones; equal spans merge flags."""
    order = sorted(mentions, key=lambda m: ("q" not in m.flags, -(m.end - m.start), m.start))
    kept: list[Mention] = []
    # The kept spans never overlap, so sorted by start the only one that can overlap a new span
    # is the last to start before it ends: one bisection per mention keeps this linear-logarithmic.
    starts: list[int] = []
    by_start: list[Mention] = []
    for m in order:
        i = bisect.bisect_left(starts, m.end) - 1
        clash = by_start[i] if i >= 0 and by_start[i].end > m.start else None
        if clash is None:
            kept.append(m)
            j = bisect.bisect_left(starts, m.start)
            starts.insert(j, m.start)
            by_start.insert(j, m)
        elif "q" not in clash.flags and "l" in m.flags and "a" in clash.flags and (
                clash.start, clash.end) == (m.start, m.end):
            clash.flags = "".join(sorted(set(clash.flags) | {"l"}))
            clash.place = clash.place or m.place
    return sorted(kept, key=lambda m: m.start)


def quote_mentions(quotes: Sequence[Quote]) -> list[Mention]:
    return [Mention(q.start, q.end, "q", source="quote") for q in quotes]


def mask_sentence(text: str, start: int, end: int, paragraph: int, mentions: Sequence[Mention],
                  in_quote: bool = False) -> MaskedSentence:
    inside = _choose([m for m in mentions if start <= m.start and m.end <= end])
    pieces: list[str] = []
    masked_starts: list[int] = []
    norm_starts: list[int] = []
    token_of: list[int] = []
    pos = start
    out = 0
    for index, m in enumerate(inside):
        if m.start > pos:
            masked_starts.append(out)
            norm_starts.append(pos)
            token_of.append(-1)
            pieces.append(text[pos:m.start])
            out += m.start - pos
        token = f"⟦{m.flags}{index}⟧"
        masked_starts.append(out)
        norm_starts.append(m.start)
        token_of.append(index)
        pieces.append(token)
        out += len(token)
        pos = m.end
    masked_starts.append(out)
    norm_starts.append(pos)
    token_of.append(-1)
    pieces.append(text[pos:end])
    return MaskedSentence(start, end, paragraph, "".join(pieces), tuple(inside), tuple(masked_starts),
                          tuple(norm_starts), tuple(token_of), in_quote)
