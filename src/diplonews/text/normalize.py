"""Normalization that never loses the way back to the original text.

Rules see a tidy text (one kind of apostrophe, no invisible characters, words broken across
lines re-joined); users see spans of the text they gave. ``NormalizedText`` holds both and
converts offsets, so every piece of evidence quotes the original characters.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

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
# ("highest-\nlevel": keep the hyphen, drop the break) and a line wrapped mid-sentence.
_REWRITE = regex.compile(
    r"(?P<broken>(?<=\p{L}-)\n(?=\p{Ll}))"
    r"|(?P<wrapped>(?<=[\p{Ll},;])\n(?=\p{Ll}))"
    r"|\r\n|[" + regex.escape("".join(k for k in _REPLACEMENTS if len(k) == 1)) + "]"
)


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
    """Normalize quotes, spaces, invisible characters and broken lines, keeping offsets."""
    pieces: list[str] = []
    norm_anchors: list[int] = []
    orig_anchors: list[int] = []
    last = 0
    out_len = 0
    for match in _REWRITE.finditer(text):
        start, end = match.span()
        if match.group("broken") is not None:
            new = ""
        elif match.group("wrapped") is not None:
            new = " "
        else:
            new = _REPLACEMENTS[match.group()]
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
    return NormalizedText(text, "".join(pieces), tuple(norm_anchors), tuple(orig_anchors))
