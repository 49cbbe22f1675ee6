"""Flatten an :class:`~diplonews.model.Article` into dyadic event records (PLOVER / CAMEO).

Event datasets (ICEWS, Phoenix, POLECAT) describe diplomacy as *source → target* records,
each with an event type, a date, coded actors and the sentence it came from. A parse already
holds everything such a record needs; this module only maps it, without re-reading the text,
so the mapping is deterministic and can be tested item by item. ``docs/events.md`` holds the
mapping table and the reasons for each choice.

Codes follow the ``CAMEO2PLOVER-2021`` crosswalk of the PLOVER project (the CAMEO code
decides the PLOVER type and mode), with two deliberate departures, both documented:
demands are ``REQUEST`` (PLOVER's current name of the 2021 ``DEMAND`` type), and plain
statements, which PLOVER does not code at all, are ``STATEMENT`` with CAMEO ``010``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from diplonews.model import Agreement, Article, DatePrecision, Demand, Meeting, Statement

__all__ = [
    "CAMEO_TO_PLOVER",
    "Event",
    "EventActor",
    "EventType",
    "batch_events",
    "to_events",
]

EventType = Literal["CONSULT", "AGREE", "SUPPORT", "REQUEST", "STATEMENT"]

CAMEO_TO_PLOVER: dict[str, tuple[EventType, str | None]] = {
    "010": ("STATEMENT", None),  # make public statement: not a PLOVER event (see docs/events.md)
    "030": ("AGREE", None),  # express intent to cooperate
    "036": ("AGREE", None),  # express intent to meet or negotiate
    "040": ("CONSULT", None),  # consult
    "041": ("CONSULT", "phone"),  # discuss by telephone
    "042": ("CONSULT", "visit"),  # make a visit
    "043": ("CONSULT", "host"),  # host a visit
    "044": ("CONSULT", "third-party"),  # meet at a 'third' location
    "057": ("SUPPORT", None),  # sign formal agreement
    "100": ("REQUEST", None),  # demand (PLOVER 2021: DEMAND)
}
"""The CAMEO codes this module emits and the PLOVER (event, mode) each one maps to."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventActor(_Frozen):
    """One side of an event: the article's actor, with CAMEO-style country and role codes."""

    id: str = Field(description="The actor's id in the article.")
    name: str = Field(description="Canonical name.")
    kind: str = Field(description="person, country, organization or group.")
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 code, e.g. 'USA'.")
    code: str | None = Field(
        default=None,
        description="CAMEO actor code: 'USA' for a country itself, 'USAGOV' for a person or body "
        "of its state; None when the actor has no known country.",
    )


class Event(_Frozen):
    """One dyadic event record, following the PLOVER JSON conventions."""

    id: str = Field(description="'{article_id}:{item kind}{index}:{source}>{target}', stable per parse.")
    article_id: str = Field(description="The id given, or the first 12 hex digits of the text's SHA-1.")
    date: str | None = Field(description="ISO date at its precision: '2023-06-19', '2023-06' or '2023'.")
    date_precision: DatePrecision | None = Field(description="Granularity of ``date``.")
    date_source: Literal["item", "published"] | None = Field(
        description="'item' when the text dates the event; 'published' when only the publication "
        "date is known (an upper bound); None when neither is."
    )
    actor: EventActor = Field(description="The source: who met, agreed, demanded or said.")
    recipient: EventActor | None = Field(description="The target, if the item names one.")
    event: EventType = Field(description="PLOVER event type (STATEMENT is a diplonews extension).")
    mode: str | None = Field(default=None, description="PLOVER mode: phone, visit, host, third-party, multilateral.")
    cameo: str = Field(description="CAMEO event code, e.g. '042'.")
    item_kind: Literal["meeting", "statement", "demand", "agreement"] = Field(
        description="The kind of item the event was made from."
    )
    content: str | None = Field(
        default=None, description="What was said, demanded or agreed; a meeting's kind."
    )
    evidence: str | None = Field(description="Text of the item's first evidence span.")
    rule: str = Field(description="Id of the rule that produced the item.")


@dataclass(frozen=True)
class _Countries:
    """What the shipped gazetteers say about countries, keyed the way an Article refers to them."""

    alpha3: dict[str, str]
    """Country actor id (slug) → alpha-3 code."""
    by_form: dict[str, str]
    """Casefolded name, alias or metonym (capital) → country actor id."""


@lru_cache(maxsize=1)
def _countries() -> _Countries:
    # Imported here: the gazetteer module pulls in the mention machinery, which an exporter
    # that only maps finished Articles should not pay for at import time.
    from diplonews.mentions.gazetteer import slug
    from diplonews.rules.loader import default_gazetteers

    alpha3: dict[str, str] = {}
    by_form: dict[str, str] = {}
    for _source, gazetteer in default_gazetteers():
        for entry in gazetteer.countries:
            cid = slug(entry.name)
            if entry.alpha3:
                alpha3[cid] = entry.alpha3
            for form in (entry.name, *entry.aliases, *entry.metonyms):
                by_form.setdefault(form.replace("\u2019", "'").casefold(), cid)
    return _Countries(alpha3, by_form)


def _country_of(article: Article, actor_id: str) -> str | None:
    """The country actor id an actor belongs to: itself, its country, or its body's country."""
    actor = article.actor(actor_id)
    if actor is None:
        return None
    if actor.kind == "country":
        return actor.id
    if actor.country is not None:
        return actor.country
    body = article.actor(actor.affiliation)
    return body.country if body is not None and body.kind != "country" else (body.id if body else None)


def _event_actor(article: Article, actor_id: str) -> EventActor | None:
    actor = article.actor(actor_id)
    if actor is None:
        return None
    country = _country_of(article, actor_id)
    alpha3 = _countries().alpha3.get(country) if country is not None else None
    code = None
    if alpha3 is not None:
        code = alpha3 if actor.kind == "country" else f"{alpha3}GOV"
    return EventActor(id=actor.id, name=actor.name, kind=actor.kind, country=alpha3, code=code)


def _place_country(meeting: Meeting) -> str | None:
    """The country a meeting took place in, if its place or a broader place is a known country
    or capital ('Beijing' → china); venues alone ('Great Hall of the People') say nothing."""
    if meeting.location is None:
        return None
    forms = _countries().by_form
    for name in (meeting.location.name, *meeting.location.broader):
        cid = forms.get(name.replace("\u2019", "'").casefold())
        if cid is not None:
            return cid
    return None


def _meeting_code(article: Article, meeting: Meeting, source: str, target: str | None) -> str:
    """The CAMEO code of one direction of a held meeting (see docs/events.md, 'Meetings')."""
    if meeting.kind == "call":
        return "041"
    if len(meeting.participants) > 2:
        return "040"  # mode 'multilateral' is set by the caller
    place = _place_country(meeting)
    if place is None or target is None:
        return "040"
    mine, theirs = _country_of(article, source), _country_of(article, target)
    if mine is None or theirs is None or mine == theirs:
        return "040"
    if place == theirs:
        return "042"
    if place == mine:
        return "043"
    return "044"


def _pairs(ids: list[str]) -> list[tuple[str, str | None]]:
    """Every ordered pair of distinct actors (both directions), or (actor, None) for one."""
    unique = list(dict.fromkeys(ids))
    if len(unique) == 1:
        return [(unique[0], None)]
    return [(a, b) for a in unique for b in unique if a != b]


def _article_id(article: Article, article_id: str | None) -> str:
    if article_id is not None:
        return article_id
    return hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:12]


def to_events(article: Article, *, article_id: str | None = None,
              include_statements: bool = True) -> list[Event]:
    """The article's meetings, agreements, demands and statements as dyadic event records.

    Meetings and agreements are symmetric, so they yield one event per *ordered* pair of
    participants (both directions), as event datasets do for CONSULT; demands and statements
    yield one event from the demander or speaker. Items without a known source actor, and
    cancelled meetings, yield none. ``include_statements=False`` keeps to the PLOVER types.
    Items of user-defined kinds (``extra_items``) are not mapped.
    """
    aid = _article_id(article, article_id)
    published = article.published.isoformat() if article.published is not None else None
    events: list[Event] = []

    def emit(kind: Literal["meeting", "statement", "demand", "agreement"], index: int,
             item: Meeting | Statement | Demand | Agreement, source: str | None, target: str | None,
             cameo: str, mode: str | None = None, content: str | None = None) -> None:
        actor = _event_actor(article, source) if source is not None else None
        if actor is None:
            return
        recipient = _event_actor(article, target) if target is not None else None
        date: str | None = published
        precision: DatePrecision | None = "day" if published is not None else None
        date_source: Literal["item", "published"] | None = "published" if published is not None else None
        if isinstance(item, Meeting) and item.date is not None and item.date.value is not None:
            date, precision, date_source = item.date.value, item.date.precision, "item"
        event, crosswalk_mode = CAMEO_TO_PLOVER[cameo]
        events.append(Event(
            id=f"{aid}:{kind}{index}:{source}>{target or ''}",
            article_id=aid,
            date=date,
            date_precision=precision,
            date_source=date_source,
            actor=actor,
            recipient=recipient,
            event=event,
            mode=mode or crosswalk_mode,
            cameo=cameo,
            item_kind=kind,
            content=content,
            evidence=item.evidence[0].text if item.evidence else None,
            rule=item.rule,
        ))

    for i, meeting in enumerate(article.meetings):
        if meeting.status == "cancelled":
            continue
        for source, target in _pairs(meeting.participants):
            if meeting.status == "planned":
                emit("meeting", i, meeting, source, target, "036", content=meeting.kind)
                continue
            code = _meeting_code(article, meeting, source, target)
            multilateral = len(set(meeting.participants)) > 2 and code == "040"
            emit("meeting", i, meeting, source, target, code,
                 mode="multilateral" if multilateral else None, content=meeting.kind)
    for i, agreement in enumerate(article.agreements):
        code = "057" if agreement.status == "signed" else "030"
        for source, target in _pairs(agreement.parties) if agreement.parties else []:
            emit("agreement", i, agreement, source, target, code, content=agreement.content)
    for i, demand in enumerate(article.demands):
        emit("demand", i, demand, demand.demander, demand.addressee, "100", content=demand.action)
    if include_statements:
        for i, statement in enumerate(article.statements):
            emit("statement", i, statement, statement.speaker, statement.addressee, "010",
                 content=statement.content)
    return events


def batch_events(batch_output: str | os.PathLike[str]) -> Iterator[Event]:
    """The events of every parsed record of a ``diplonews batch`` JSON Lines output, in order;
    each record's ``id`` becomes the events' ``article_id``. Error records yield nothing."""
    with open(batch_output, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("ok"):
                yield from to_events(Article.model_validate(record["result"]), article_id=str(record["id"]))
