"""Paragraphs: the unit inside which quotation marks are paired.

News text arrives as one paragraph per line; a quotation never pairs its marks across a
paragraph break (a quote running over paragraphs re-opens its mark in each one).
"""

from __future__ import annotations

import regex

__all__ = ["paragraphs"]

_LINE = regex.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
