"""Hard-wrapped plain text: which line breaks only wrap a paragraph's lines.

The pipeline reads one paragraph per line (a quotation never pairs its marks across a line,
a sentence ends at a line). Plain-text feeds, e-mail newsletters and text pulled from PDFs
instead break every paragraph into lines of at most 60-80 characters, with a blank line (or
an indent) between paragraphs; read line by line, a sentence such as "Foreign Minister\\nJane
Doe met ..." falls apart at the break and loses its items.

Such text gives itself away: almost every line that has a non-blank line after it is full,
meaning the next line's first word would not have fitted on it and the line does not end a
sentence. A document is read as wrapped
only when most of its continued lines are full and its lines are short; then each full line's
break is a wrap, and every other break (after a short line or a sentence's end, before a list
marker, a transcript's speaker label or an indented line) stays a paragraph break. Text written one paragraph per line never qualifies:
its lines are long and of every length.
"""

from __future__ import annotations

import itertools

import regex

__all__ = ["soft_breaks"]

_MIN_CONTINUED = 3
"""A document needs at least this many continued lines before its layout can be judged."""
_MAX_WIDTH = 110
"""Wrapped feeds use 60-80 columns (some 100); lines longer than this are paragraphs."""
_MIN_FULL_SHARE = 0.6
_SLACK = 2
"""A line counts as full when the next word would have brought it within this many columns of
the width (wrappers differ on whether the trailing space counts)."""

_LIST_ITEM = regex.compile(r"[^\S\n]*(?:[-*\u2022\u2013\u2014>]|\d{1,2}[.)]|\(?[a-z]\))[^\S\n]")
_FIRST_WORD = regex.compile(r"[^\S\n]*(\S+)")
_SENTENCE_END = regex.compile(r"[.!?:][\"'\u201d\u2019)]*[^\S\n]*\r?$")
"""A line ending a sentence is taken as a paragraph's end: wrappers break mid-sentence far more
often than at a full stop, and text written one (short) paragraph per line ends every line so."""
_LABEL = regex.compile(r"[^\S\n]*(?:\p{Lu}[\p{Lu}.'-]+(?:[^\S\n]+\p{Lu}[\p{Lu}.'-]+){0,2}|Q|A):[^\S\n]")
"""A transcript's speaker label ("RUIZ: ", "Q: ") opens a turn of its own."""
_BROKEN_WORD = regex.compile(r"\p{L}-\r?\n\p{L}")
"""A word hyphenated across the break ("Vice-" and "President", "high-" and "level"): wrappers
break compounds at their hyphen, so the normalizer joins the halves without a space."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def soft_breaks(text: str) -> list[int]:
    """Offsets of the newline characters (a "\\r" before one included) that wrap lines of one
    paragraph, in increasing order; empty unless the whole text is laid out hard-wrapped."""
    lines: list[tuple[int, str]] = []  # (offset of the line's newline or -1 at the end, content)
    start = 0
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        lines.append((newline, text[start:end].rstrip("\r")))
        if newline < 0:
            break
        start = newline + 1
    widths = sorted(len(content.rstrip()) for _, content in lines if content.strip())
    if not widths:
        return []
    width = widths[(len(widths) - 1) * 9 // 10]
    if width > _MAX_WIDTH:
        return []
    continued: list[tuple[int, bool]] = []
    for (newline, content), (_, following) in itertools.pairwise(lines):
        if not content.strip() or not following.strip():
            continue
        word = _FIRST_WORD.match(following)
        next_word = len(word.group(1)) if word else 0
        full = len(content.rstrip()) + 1 + next_word > width - _SLACK and not _SENTENCE_END.search(content)
        opens_block = (_LIST_ITEM.match(following) is not None or _LABEL.match(following) is not None
                       or _indent(following) > _indent(content))
        continued.append((newline, full and not opens_block))
    if len(continued) < _MIN_CONTINUED or sum(full for _, full in continued) < _MIN_FULL_SHARE * len(continued):
        return []
    breaks: list[int] = []
    for newline, full in continued:
        if full and not _BROKEN_WORD.search(text, max(0, newline - 3), newline + 2):
            if newline > 0 and text[newline - 1] == "\r":
                breaks.append(newline - 1)
            breaks.append(newline)
    return breaks
