"""Quotations, found on raw paragraphs before any sentence splitting.

Sentence splitters cut quotes apart ("“Is this acceptable?” Wang asked."), so marks are paired
first, by direction, within one paragraph. A missing mark never sinks the article: a closing
mark with no opening one opens the quote at the paragraph start, an opening mark never closed
runs to the paragraph end. Guillemets and low-9 marks arrive here as curly double marks
(``text.normalize``). Single marks quote too (headline style, British outlets, quotes within
reported speech), but only outside a double-quoted stretch, where they are nested quotes, and a
straight single pair must hold two words or more: a lone word between apostrophes ("the
'90s", "rock 'n' roll") is too often no quotation at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Quote", "find_quotes"]

_OPEN, _CLOSE, _STRAIGHT = "\u201c", "\u201d", '"'
_MARKS = regex.compile(r'[\u201c\u201d"]')
_SINGLE = regex.compile(
    r"(?<![\p{L}\p{N}])\u2018(?=\S)([^\u2018\n]{1,2000}?\S)'(?![\p{L}\p{N}])"
    r"|(?<![\p{L}\p{N}'])'(?=\p{L}[^'\n]{0,600}?\s)((?:[^'\n\u2018]|(?<=\p{L})'(?=\p{L})){1,600}?[\p{L}\p{N}.,!?])'(?![\p{L}\p{N}])"
)


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include its marks, ``content_*`` exclude them."""

    start: int
    end: int
    content_start: int
    content_end: int
    opened: bool = True
    closed: bool = True


def _straight_role(text: str, pos: int, para_start: int, para_end: int) -> str:
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < para_end else " "
    if before.isspace() or before in "([{—–-/:":
        return "" if after.isspace() else "open"
    return "close"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_quotes(text: str, para_start: int, para_end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for match in _MARKS.finditer(text, para_start, para_end):
        pos = match.start()
        mark = match.group()
        role = "open" if mark == _OPEN else "close" if mark == _CLOSE else _straight_role(
            text, pos, para_start, para_end
        )
        if role == "open":
            if open_at is not None:
                cs, ce = _trimmed(text, open_at + 1, pos)
                if ce > cs:
                    quotes.append(Quote(open_at, ce, cs, ce, closed=False))
            open_at = pos
        elif role == "close":
            if open_at is not None:
                cs, ce = _trimmed(text, open_at + 1, pos)
                if ce > cs:
                    quotes.append(Quote(open_at, pos + 1, cs, ce))
                open_at = None
            elif not quotes:
                cs, ce = _trimmed(text, para_start, pos)
                if ce > cs:
                    quotes.append(Quote(para_start, pos + 1, cs, ce, opened=False))
    if open_at is not None:
        cs, ce = _trimmed(text, open_at + 1, para_end)
        if ce > cs:
            quotes.append(Quote(open_at, para_end, cs, ce, closed=False))
    return _with_single_quotes(text, para_start, para_end, quotes)


def _with_single_quotes(text: str, para_start: int, para_end: int, quotes: list[Quote]) -> list[Quote]:
    """The double-quoted stretches and, in the gaps between them, single-quoted ones."""
    gaps: list[tuple[int, int]] = []
    pos = para_start
    for q in quotes:
        gaps.append((pos, q.start))
        pos = q.end
    gaps.append((pos, para_end))
    singles: list[Quote] = []
    for start, end in gaps:
        if end - start < 4:
            continue
        for match in _SINGLE.finditer(text, start, end):
            group = 1 if match.start(1) >= 0 else 2
            singles.append(Quote(match.start(), match.end(), match.start(group), match.end(group)))
    if not singles:
        return quotes
    return sorted([*quotes, *singles], key=lambda q: q.start)


def find_quotes(text: str, paragraph_spans: list[tuple[int, int]]) -> list[Quote]:
    """All quotations of the text, in order, none overlapping."""
    found: list[Quote] = []
    for start, end in paragraph_spans:
        found.extend(_paragraph_quotes(text, start, end))
    return found
