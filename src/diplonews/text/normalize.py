"""Normalization that never loses the way back to the original text.

Rules see a tidy text (one kind of apostrophe, no invisible characters, words broken across
lines re-joined, the lines of a hard-wrapped paragraph joined, an HTML page read as its visible
text); users see spans of the text they gave. ``NormalizedText`` holds both and converts
offsets, so every piece of evidence quotes the original characters.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from diplonews.text.layout import soft_breaks
from diplonews.text.markup import ENTITY, MARKUP, decode_entity, looks_like_html

__all__ = ["NormalizedText", "normalize"]

_REPLACEMENTS: dict[str, str] = {
    "\u2019": "'",  # right single quote: in news text almost always an apostrophe
    "\u02bc": "'",
    "\u2032": "'",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u3000": " ",
    "\t": " ",
    "\u201e": "\u201c",  # low-9 quote opens like a curly opening quote
    "\u00ab": "\u201c",
    "\u00bb": "\u201d",
    "\u201f": "\u201c",
    "\u2033": '"',
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2010": "-",
    "\u2011": "-",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\x00": " ",
}

# One pass over the text: single characters to replace, a word broken at a line end
# ("highest-\nlevel": keep the hyphen, drop the break), a line wrapped mid-sentence and a
# character reference; a page's markup too when the text is HTML.
_BROKEN = r"(?P<broken>(?<=\p{L}-)\n(?=\p{Ll}))"
_CHARACTERS = r"\r\n|[" + regex.escape("".join(k for k in _REPLACEMENTS if len(k) == 1)) + "]"
_REWRITE = regex.compile(
    _BROKEN + r"|(?P<wrapped>(?<=[\p{Ll},;])\n(?=\p{Ll}))|" + ENTITY + "|" + _CHARACTERS
)
_REWRITE_WRAPPED = regex.compile(
    r"(?P<broken>(?<=\p{L}-)\r?\n(?=\p{L}))|" + ENTITY + "|" + _CHARACTERS
)
"""For hard-wrapped text, whose wrapper broke compounds at their hyphens ("Vice-|President")."""
_REWRITE_PAGE = regex.compile(_BROKEN + r"|(?si:" + MARKUP + ")|" + ENTITY + "|" + _CHARACTERS)
_DROPPED = ("broken", "hidden", "comment", "tag")
_SPACED = ("wrapped", "source_break")


def _replacement(match: regex.Match[str]) -> str:
    kind = match.lastgroup
    if kind in _DROPPED:
        return ""
    if kind in _SPACED:
        return " "
    if kind == "block":
        return "\n"
    if kind == "entity":
        decoded = decode_entity(match.group())
        return _REPLACEMENTS.get(decoded, decoded)
    return _REPLACEMENTS[match.group()]


def _unwrapped(text: str, breaks: list[int]) -> str:
    """The text with the line breaks inside hard-wrapped paragraphs made spaces (same length)."""
    pieces: list[str] = []
    last = 0
    for offset in breaks:
        pieces.append(text[last:offset])
        pieces.append(" ")
        last = offset + 1
    pieces.append(text[last:])
    return "".join(pieces)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized text and the anchors mapping its offsets back to the original."""

    original: str
    text: str
    norm_anchors: tuple[int, ...] = ()
    orig_anchors: tuple[int, ...] = ()

    def to_original(self, offset: int) -> int:
        """Map an offset in ``text`` to the matching offset in ``original``."""
        i = bisect.bisect_right(self.norm_anchors, offset) - 1
        if i < 0:
            return min(offset, len(self.original))
        return min(self.orig_anchors[i] + (offset - self.norm_anchors[i]), len(self.original))


def normalize(text: str) -> NormalizedText:
    """Normalize quotes, spaces, invisible characters, broken lines and markup, keeping offsets."""
    original = text
    if looks_like_html(text):
        rewrite = _REWRITE_PAGE
    elif breaks := soft_breaks(text):
        rewrite = _REWRITE_WRAPPED
        text = _unwrapped(text, breaks)
    else:
        rewrite = _REWRITE
    pieces: list[str] = []
    norm_anchors: list[int] = []
    orig_anchors: list[int] = []
    last = 0
    out_len = 0
    for match in rewrite.finditer(text):
        start, end = match.span()
        new = _replacement(match)
        pieces.append(text[last:start])
        out_len += start - last
        if len(new) != end - start:
            norm_anchors.append(out_len)
            orig_anchors.append(start)
            pieces.append(new)
            out_len += len(new)
            norm_anchors.append(out_len)
            orig_anchors.append(end)
        else:
            pieces.append(new)
            out_len += len(new)
        last = end
    pieces.append(text[last:])
    return NormalizedText(original, "".join(pieces), tuple(norm_anchors), tuple(orig_anchors))
