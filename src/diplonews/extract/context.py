"""What a builder knows about the match it turns into an item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from diplonews.mentions.base import Mention
from diplonews.mentions.mask import MaskedSentence

__all__ = ["DROPPED", "Cues", "MatchContext", "dropped", "only_companies"]

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
    corporate_heads: frozenset[str] = frozenset()
    """Last words of a company's name (CORPORATE_HEAD, lower case): 'Kestrel Mining'."""
    corporate_leads: frozenset[str] = frozenset()
    """First words of a company's name (CORPORATE_LEAD, lower case): 'Banco Austral'."""

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


def only_companies(actor_ids: set[str], ctx: MatchContext, heads: frozenset[str],
                   leads: frozenset[str]) -> bool:
    """Whether every one of ``actor_ids`` is named in the sentence as a company ('Kestrel
    Mining', 'Acme Holdings Ltd', 'Banco Austral'): then a deal or a meeting between them is
    business, not diplomacy, since no state or official takes part."""
    if not heads or not actor_ids:
        return False
    named = [m for m in ctx.sentence.tokens if actor_ids & set(m.actor_ids)]
    if {a for m in named for a in m.actor_ids} & actor_ids != actor_ids:
        return False

    def company(name: list[str]) -> bool:
        return bool(name) and (name[-1].strip(".,").lower() in heads or name[0].lower() in leads)

    return all(company(ctx.text[m.start:m.end].split()) for m in named)
