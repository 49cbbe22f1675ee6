"""What a builder knows about the match it turns into an item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from diplonews.mentions.base import Mention
from diplonews.mentions.mask import MaskedSentence

__all__ = ["DROPPED", "Cues", "MatchContext", "dropped"]

DROPPED = "_dropped"
"""Key a builder sets in a match's values to say which of its filters turned the match into no
item; ``diplonews explain`` shows it, so a rule writer learns why a match produced nothing."""


def dropped(values: dict[str, Any], reason: str) -> list[dict[str, Any]]:
    """No item from this match, and why (the builder filter that refused it)."""
    values[DROPPED] = reason
    return []


_CUE_REACH = 24
"""How far before a match a cue may start and still run into it ('there were no talks between')."""


@dataclass(frozen=True)
class Cues:
    """Compiled cue-word patterns from the lexicon (future, cancelled, reaffirmed, sign…)."""

    future: regex.Pattern[str]
    cancel: regex.Pattern[str]
    reaffirm: regex.Pattern[str]
    sign: regex.Pattern[str]
    hypothetical: regex.Pattern[str]
    possibility: regex.Pattern[str]
    contest: regex.Pattern[str]
    owned_event: regex.Pattern[str]  # "NAME's official visit": a date after it is that event's

    def nonfactual(self, ctx: MatchContext) -> bool:
        """Whether the match, or the rest of its sentence, makes the event hypothetical or denies
        it: 'could sign', 'has no plans to meet', 'would meet … only if', 'no talks between'.
        Text well before the match is not read: a clause there speaks of something else; a cue
        that runs into the match ('no talks between') is part of it."""
        start = ctx.match_start
        for cue in self.hypothetical.finditer(ctx.sentence.masked, max(0, start - _CUE_REACH)):
            if cue.end() > start:
                return True
        return False


@dataclass(frozen=True)
class MatchContext:
    """The sentence a match was found in, and the text around it."""

    text: str
    sentence: MaskedSentence
    match_start: int  # masked offsets
    match_end: int
    cues: Cues

    @property
    def sentence_text(self) -> str:
        return self.text[self.sentence.start:self.sentence.end]

    def mentions(self, flag: str) -> list[Mention]:
        return [m for m in self.sentence.tokens if flag in m.flags]
