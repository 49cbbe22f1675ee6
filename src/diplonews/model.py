"""The domain model of a parse: what diplonews promises to its users.

Everything here is a pydantic v2 model, so a parse validates, serializes to the JSON shape in
``docs/contract.md`` (``Article.model_dump(mode="json")``) and exports a JSON Schema. Items refer to
actors by ``id``; the article's ``actors`` table holds each actor once, with every alias the
article used, so a record stays small and an actor's identity is stable across items.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny

if TYPE_CHECKING:
    from diplonews.events import Event

ActorKind = Literal["person", "country", "organization", "group"]
DatePrecision = Literal["day", "month", "year"]
MeetingStatus = Literal["held", "planned", "cancelled"]
StatementKind = Literal["direct", "indirect"]
Polarity = Literal["positive", "negative"]
AgreementStatus = Literal["reached", "reaffirmed", "signed", "planned"]

__all__ = [
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementStatus",
    "Article",
    "DatePrecision",
    "DateValue",
    "Demand",
    "Evidence",
    "Item",
    "Meeting",
    "MeetingStatus",
    "Place",
    "Polarity",
    "Span",
    "Statement",
    "StatementKind",
    "UnknownKindError",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the original text: ``text == article.text[start:end]`` always holds."""

    start: int = Field(ge=0, description="Offset of the first character in the original text.")
    end: int = Field(ge=0, description="Offset one past the last character in the original text.")
    text: str = Field(description="The original characters of the span.")


class Evidence(Span):
    """A span that supports an item, with the rule that matched there.

    A merged item keeps one evidence entry per mention, so every mention stays traceable.
    """

    rule: str = Field(description="Id of the rule that matched this mention.")


class Actor(_Frozen):
    """A person, country, organization or group that takes part in an item."""

    id: str = Field(description="Stable id within the article, derived from the canonical name.")
    name: str = Field(description="Canonical name: a person's full name, a country's short name.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    title: str | None = Field(default=None, description="Title phrase, e.g. 'Chinese President'.")
    country: str | None = Field(default=None, description="Id of the country actor it belongs to.")
    affiliation: str | None = Field(
        default=None, description="Id of the body the actor speaks for (a spokesperson's ministry)."
    )
    aliases: list[str] = Field(
        default_factory=list, description="Other ways the article refers to the actor."
    )
    mentions: list[Span] = Field(default_factory=list, description="Where the article names it.")


class DateValue(_Frozen):
    """A date at the precision the text supports ('last year' is a year, not a day)."""

    value: str | None = Field(
        description="ISO date at its precision: '2023-06-19', '2023-06' or '2023'; "
        "None when relative and no publication date was given."
    )
    precision: DatePrecision = Field(description="Granularity of ``value``.")
    text: str = Field(description="The original expression, e.g. 'yesterday'.")
    relative: bool = Field(description="Whether the value was resolved against the publication date.")


class Place(_Frozen):
    """Where something happened: the most specific place named, and broader ones."""

    name: str = Field(description="The most specific place: a venue, city or country.")
    kind: Literal["venue", "city", "region", "country"] = Field(description="What sort of place.")
    broader: list[str] = Field(
        default_factory=list, description="Broader places named with it (city, country)."
    )


class Item(BaseModel):
    """Base of every extracted item, the built-in kinds and user-defined ones alike."""

    model_config = ConfigDict(extra="forbid")

    actor_fields: ClassVar[frozenset[str]] = frozenset()
    """Fields that hold actor ids; rule groups filling them take the actors they contain."""

    rule: str = Field(description="Id of the rule that produced the item (its first mention).")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Every span the item was found in, in text order."
    )


class Meeting(Item):
    """One real-world meeting, talk, visit, summit or call, all its mentions merged."""

    actor_fields: ClassVar[frozenset[str]] = frozenset({"participants"})

    participants: list[str] = Field(description="Ids of the actors who met.")
    date: DateValue | None = Field(default=None, description="When it happened or will happen.")
    location: Place | None = Field(default=None, description="Where it happened.")
    status: MeetingStatus = Field(default="held", description="held, planned or cancelled.")
    kind: str = Field(default="meeting", description="talks, call, visit, summit, meeting…")
    duration: str | None = Field(default=None, description="Duration as worded, e.g. 'three hours'.")


class Statement(Item):
    """Something an actor said or wrote, attributed in the text."""

    actor_fields: ClassVar[frozenset[str]] = frozenset({"speaker", "addressee"})

    speaker: str | None = Field(description="Id of the actor who said it.")
    content: str = Field(description="What was said, without attribution or quotation marks.")
    kind: StatementKind = Field(description="direct (quoted) or indirect (reported).")
    verb: str | None = Field(default=None, description="The reporting verb or phrase.")
    addressee: str | None = Field(default=None, description="Id of the actor spoken to, if given.")


class Demand(Item):
    """One demanded action: an actor calls on another to do, or not do, something."""

    actor_fields: ClassVar[frozenset[str]] = frozenset({"demander", "addressee"})

    demander: str | None = Field(description="Id of the actor who demands.")
    addressee: str | None = Field(default=None, description="Id of the actor called upon.")
    action: str = Field(description="What the addressee is to do, as a verb phrase.")
    polarity: Polarity = Field(default="positive", description="negative for 'not to…', 'stop…'.")
    strength: str | None = Field(default=None, description="urge, demand, call, ask, must, should…")


class Agreement(Item):
    """One real-world agreement, all its mentions merged."""

    actor_fields: ClassVar[frozenset[str]] = frozenset({"parties"})

    parties: list[str] = Field(description="Ids of the actors who agreed.")
    content: str = Field(description="What was agreed, as the article words it.")
    status: AgreementStatus = Field(default="reached", description="reached, reaffirmed, signed…")


BUILTIN_KINDS = ("meetings", "statements", "demands", "agreements")


class UnknownKindError(KeyError):
    """An item kind the article has no list for (neither built in nor registered)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown kind"


def _kind_key(kind: str, extra: dict[str, list[Item]]) -> str:
    for candidate in (kind, f"{kind}s"):
        if candidate in BUILTIN_KINDS or candidate in extra:
            return candidate
    known = [*BUILTIN_KINDS, *extra]
    near = difflib.get_close_matches(kind, known, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    raise UnknownKindError(f"unknown kind {kind!r} (known: {', '.join(known)}){hint}")


class Article(BaseModel):
    """The result of a parse: the text, its actors and the items found in it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The text as given to the parser.")
    published: dt.date | None = Field(default=None, description="Reference for relative dates.")
    actors: list[Actor] = Field(
        default_factory=list, description="Every actor the items refer to, once each, with its aliases."
    )
    meetings: list[Meeting] = Field(default_factory=list, description="Meetings, in order of first mention.")
    statements: list[Statement] = Field(
        default_factory=list, description="Statements, in order of first mention."
    )
    demands: list[Demand] = Field(default_factory=list, description="Demands, in order of first mention.")
    agreements: list[Agreement] = Field(
        default_factory=list, description="Agreements, in order of first mention."
    )
    extra_items: dict[str, list[SerializeAsAny[Item]]] = Field(
        default_factory=dict, description="Items of user-defined kinds, by kind name."
    )
    errors: list[str] = Field(
        default_factory=list,
        description="What went wrong on this text: rules that failed (timed out), sentences "
        "skipped as too long, bytes that were not valid UTF-8, input that is not text.",
    )

    def actor(self, key: str | None) -> Actor | None:
        """The actor with this id, else with this canonical name, else with this alias (case
        ignored); None when there is none. Items hold ids; people hold names."""
        if key is None:
            return None
        found = next((a for a in self.actors if a.id == key), None)
        if found is not None:
            return found
        folded = " ".join(key.split()).casefold()
        found = next((a for a in self.actors if a.name.casefold() == folded), None)
        if found is not None:
            return found
        return next((a for a in self.actors if any(alias.casefold() == folded for alias in a.aliases)), None)

    def items(self, kind: str) -> list[Item]:
        """Items of a kind by name, plural or singular: 'meetings' or 'meeting', … or a
        user-defined kind. An unknown kind is a ``KeyError``, not an empty list that looks like
        "nothing found"."""
        plural = _kind_key(kind, self.extra_items)
        if plural in BUILTIN_KINDS:
            return list(getattr(self, plural))
        return list(self.extra_items[plural])

    def kinds(self) -> list[str]:
        """The plural names of every item kind this article has a list for."""
        return [*BUILTIN_KINDS, *self.extra_items]

    def to_frames(self, article_id: str = "0") -> dict[str, Any]:
        """The parse as pandas DataFrames: ``articles``, ``actors`` and one per item kind, actor
        fields as names, list columns as lists, dates as datetime64; see
        :func:`diplonews.export.to_frames`. Needs pandas (``pip install 'diplonews[pandas]'``)."""
        from diplonews.export import to_frames  # export imports this module

        return to_frames([{"id": article_id, "ok": True, "result": self.model_dump(mode="json")}])

    def to_events(self, *, article_id: str | None = None, include_statements: bool = True) -> list[Event]:
        """The items as dyadic PLOVER/CAMEO event records; see :func:`diplonews.events.to_events`."""
        from diplonews.events import to_events  # events imports this module

        return to_events(self, article_id=article_id, include_statements=include_statements)
