"""What a mention is: a stretch of text that rules treat as one token."""

from __future__ import annotations

from dataclasses import dataclass, field

from diplonews.model import DateValue, Place

__all__ = ["Mention"]


@dataclass
class Mention:
    """One mention in the normalized text.

    ``flags`` are the token letters of ``rules.placeholders.TOKEN_FLAGS``; ``actor_ids`` lists
    the actors it refers to (several for "the two sides"); ``date``/``place`` are set for
    mentions that can stand for a date or a place.
    """

    start: int
    end: int
    flags: str
    actor_ids: tuple[str, ...] = ()
    date: DateValue | None = None
    place: Place | None = None
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
