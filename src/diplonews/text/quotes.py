"""Quotations, found on raw paragraphs before any sentence splitting.

Sentence splitters cut quotes apart ("“Is this acceptable?” Wang asked."), so marks are paired
first, by direction, within one paragraph. A missing mark never sinks the article: a closing
mark with no opening one opens the quote at the paragraph start, an opening mark never closed
runs to the paragraph end. Guillemets and low-9 marks arrive here as curly double marks
(``text.normalize``). Single marks quote too (headline style, British outlets, quotes within
reported speech), but only outside a double-quoted stretch, where they are nested quotes, and a
straight single pair must hold two words or more: a lone word between apostrophes ("the
'90s", "rock 'n' roll") is too often no quotation at all. A straight single mark opens only
after a space, a bracket, a dash or a colon: after a full stop it is a possessive's apostrophe
("Apex Corp.'s shares … analysts' forecasts" holds no quotation).

Typewritten and typeset copy bends the marks in three common ways, all read here: two
apostrophes stand for one double mark (''like this''); German and Central European copy opens
low and closes with the mark English uses to open („so“), which reaches this module as two
opening marks, so an opening mark that touches the word before it and not the word after it
closes, and a closing mark that touches the word after it and not the one before opens
(”so”); and a quotation announced by a colon whose opening mark was lost ("she said: We
won.”) starts after the colon.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Quote", "find_quotes"]

_OPEN, _CLOSE, _STRAIGHT = "\u201c", "\u201d", '"'
# What may stand right before an opening mark besides a space: a bracket, a dash, a slash, a colon.
_BEFORE_OPENING = "([{—–-/:"
_MARKS = regex.compile(r"[\u201c\u201d\"]|(?<!')''(?!')")
_COLON = regex.compile(r":\s+(?=\S)")
_TURN = regex.compile(r"(?P<label>\p{Lu}[\p{Lu}.'-]*\p{Lu}\.?(?:[^\S\n]+\p{Lu}[\p{Lu}.'-]*){0,2}"
                      r"|\p{Lu}\p{Ll}+(?:['-]\p{Lu}\p{Ll}+)?(?:[^\S\n]+\p{Lu}\p{Ll}+(?:['-]\p{Lu}\p{Ll}+)?)?|Q|A):[^\S\n]+(?=\S)")
_SINGLE = regex.compile(
    r"(?<![\p{L}\p{N}])\u2018(?=\S)([^\u2018\n]{1,2000}?\S)'(?![\p{L}\p{N}])"
    r"|(?<![^\s(\[{\u2014\u2013/:-])'(?=\p{L}(?:[^'\n]|(?<=\p{L})'(?=\p{L})){0,600}?\s)((?:[^'\n\u2018]|(?<=\p{L})'(?=\p{L})){1,600}?[\p{L}\p{N}.,!?])'(?![\p{L}\p{N}])"
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


def _straight_role(text: str, pos: int, width: int, para_start: int, para_end: int) -> str:
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + width] if pos + width < para_end else " "
    if before.isspace() or before in _BEFORE_OPENING:
        return "" if after.isspace() else "open"
    return "close"


def _closes_like(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """An opening mark set the way closing marks are: after a word or its punctuation, before
    a space, punctuation or the paragraph end ("„so“ she said"); or, while a quotation is open,
    a stray opening mark that ends the paragraph ("… because of injury. “")."""
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < para_end else " "
    if not text[pos + 1:para_end].strip():
        return True
    return not before.isspace() and before not in _BEFORE_OPENING and (after.isspace() or after in ",.;:!?)")


def _opens_like(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """A closing mark set the way opening marks are, with no quotation open: after a space, a
    colon or a bracket and touching the word after it ("The chairman said: ”In line with …")."""
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < para_end else " "
    return (before.isspace() or before in _BEFORE_OPENING) and after.isalnum()


def _announced_start(text: str, start: int, end: int) -> int | None:
    """Where a quotation announced by a colon begins, when its opening mark is missing."""
    found = None
    for match in _COLON.finditer(text, start, end):
        found = match.end()
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_quotes(text: str, para_start: int, para_end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    for match in _MARKS.finditer(text, para_start, para_end):
        pos = match.start()
        mark = match.group()
        width = len(mark)
        if mark == _OPEN:
            role = "close" if open_at is not None and _closes_like(text, pos, para_start, para_end) else "open"
        elif mark == _CLOSE:
            role = "open" if open_at is None and _opens_like(text, pos, para_start, para_end) else "close"
        else:
            role = _straight_role(text, pos, width, para_start, para_end)
        if role == "open":
            if open_at is not None:
                cs, ce = _trimmed(text, open_at + open_width, pos)
                if ce > cs:
                    quotes.append(Quote(open_at, ce, cs, ce, closed=False))
            open_at, open_width = pos, width
        elif role == "close":
            if open_at is not None:
                cs, ce = _trimmed(text, open_at + open_width, pos)
                if ce > cs:
                    quotes.append(Quote(open_at, pos + width, cs, ce))
                open_at = None
            else:
                since = quotes[-1].end if quotes else para_start
                announced = _announced_start(text, since, pos)
                start = announced if announced is not None else para_start if not quotes else None
                if start is not None:
                    cs, ce = _trimmed(text, start, pos)
                    if ce > cs:
                        quotes.append(Quote(cs, pos + width, cs, ce, opened=False))
    if open_at is not None:
        cs, ce = _trimmed(text, open_at + open_width, para_end)
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


def _turns(text: str, paragraph_spans: list[tuple[int, int]]) -> dict[int, int]:
    """Where each transcript turn's words start, by paragraph start: paragraphs opened by a
    speaker's label ("BLITZER: …", "Okafor: …") or a printed interview's "Q: …" / "A: …", in a
    text where one label opens two paragraphs or more (a speaker speaks twice; "UPDATE:" and
    "CORRECTION:" once each are a page's notes)."""
    found: dict[int, tuple[int, str]] = {}
    for start, end in paragraph_spans:
        match = _TURN.match(text, start, end)
        if match is not None:
            found[start] = (match.end(), match.group("label"))
    labels = [label for _, label in found.values()]
    return {start: words for start, (words, label) in found.items() if labels.count(label) >= 2}


def find_quotes(text: str, paragraph_spans: list[tuple[int, int]]) -> list[Quote]:
    """All quotations of the text, in order, none overlapping. A transcript turn with no
    quotation marks of its own is one quotation: the words after its label, however many
    sentences they run to."""
    found: list[Quote] = []
    turns = _turns(text, paragraph_spans) if ":" in text else {}
    for start, end in paragraph_spans:
        words = turns.get(start)
        if words is not None and _MARKS.search(text, words, end) is None:
            found.append(Quote(words, end, words, end, opened=False, closed=False))
            continue
        found.extend(_paragraph_quotes(text, start, end))
    return found
