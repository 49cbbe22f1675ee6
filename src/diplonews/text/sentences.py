"""Sentence segmentation for news, aware of quotations and abbreviations.

The hard cases are the ones wire copy is full of: "U.S." before a capital ("U.S. Government"
goes on, "...blamed the U.S. The talks" ends), titles ("Gen.", "Amb."), months ("Jan."),
initials, and sentence ends inside a closing quote. A boundary never falls inside a
quotation, so a quote of several sentences stays with its attribution.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from diplonews.text.quotes import Quote

__all__ = ["Sentence", "split_sentences"]

_CANDIDATE = regex.compile(r"[.!?]+['\u201d\")\]]*(?=\s+['\u201c\"\u2018(\[]?[\p{Lu}\p{N}])")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
_NEXT_WORD = regex.compile(r"\s+['\u201c\"\u2018(\[]?([\p{L}]+)")
# "HARBORVILLE, Ore. (AP) —": a wire tag and a dash after the dot close a dateline, not a sentence.
_WIRE_TAG = regex.compile(r"\s*\([^()\n]{1,40}\)\s*(?:--?|\u2014|\u2013)\s")

_NO_SPLIT_AFTER = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "pres", "amb", "adm", "lt", "col", "st", "dept", "no", "jr", "sr", "prof", "capt", "maj", "sgt", "cmdr", "rev", "hon", "gen", "lieut", "brig", "cpl", "fr", "messrs", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e", "vs", "al"]
)
_SENTENCE_STARTERS = frozenset(
    ["the", "he", "she", "it", "they", "we", "i", "but", "in", "a", "an", "this", "that", "those", "these", "there", "meanwhile", "however", "still", "yet", "and", "on", "at", "after", "before", "his", "her", "their", "its", "our", "when", "while", "as", "if", "for", "so", "also", "both", "some", "many", "most", "no", "one", "two", "three", "officials", "earlier", "later", "last", "next", "since", "during", "according"]
)


_OPENING_MARKS = frozenset("\u201c\"\u2018'")


@dataclass(frozen=True)
class Sentence:
    """A sentence's span in the normalized text, and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


def _is_boundary(text: str, dot_end: int, punct_start: int, para_start: int) -> bool:
    if text[punct_start] != ".":
        return True
    match = _WORD_BEFORE.search(text, max(para_start, punct_start - 30), punct_start + 1)
    if match is None:
        return True
    word = match.group(1)
    lower = word.lower().rstrip(".")
    if lower in _NO_SPLIT_AFTER or _WIRE_TAG.match(text, dot_end):
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if "." in word:  # a dotted acronym: "U.S.", "U.N."
        following = _NEXT_WORD.match(text, dot_end)
        return following is not None and following.group(1).lower() in _SENTENCE_STARTERS
    return True


def split_sentences(
    text: str, paragraph_spans: Sequence[tuple[int, int]], quotes: Sequence[Quote]
) -> list[Sentence]:
    """Sentences of every paragraph; a headline line without a full stop is one sentence."""
    quote_starts = [q.start for q in quotes]
    sentences: list[Sentence] = []
    for index, (para_start, para_end) in enumerate(paragraph_spans):
        start = para_start
        for match in _CANDIDATE.finditer(text, para_start, para_end):
            end = match.end()
            i = bisect.bisect_right(quote_starts, end - 1) - 1
            if i >= 0 and quotes[i].start < end < quotes[i].end:
                continue
            if not _is_boundary(text, end, match.start(), para_start):
                continue
            sentences.append(Sentence(start, end, index))
            start = end
            while start < para_end and text[start].isspace():
                start += 1
        if start < para_end:
            sentences.append(Sentence(start, para_end, index))
    return _join_announced_quotes(text, sentences)


def _join_announced_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """'A spokesperson said:' ending a paragraph introduces the quotation that opens the next
    one; the two are one sentence, so the quotation keeps its speaker."""
    joined: list[Sentence] = []
    for sentence in sentences:
        previous = joined[-1] if joined else None
        if previous is not None and previous.paragraph + 1 == sentence.paragraph \
                and text[previous.start:previous.end].rstrip().endswith(":") \
                and text[sentence.start:sentence.start + 1] in _OPENING_MARKS:
            joined[-1] = Sentence(previous.start, sentence.end, previous.paragraph)
        else:
            joined.append(sentence)
    return joined
