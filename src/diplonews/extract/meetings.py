"""Meetings: participants from the match; date, place, status and kind from the sentence."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext
from diplonews.model import Place

__all__ = ["finish_meeting"]

_DURATION = regex.compile(
    r"\b(?:for\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+|over\s+)?(?P<a>(?:\w+|\d+)\s+(?:hours?|minutes?))"
    r"|(?P<b>(?:\w+|\d+)-(?:minute|hour)))\b", regex.IGNORECASE)
_KINDS = (("summit", "summit"), ("phone", "call"), ("telephone", "call"), ("call", "call"),
          ("video", "call"), ("virtual", "call"), ("visit", "visit"), ("talks", "talks"))


def finish_meeting(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    participants: list[str] = list(values.get("participants") or [])
    values["participants"] = participants
    window = ctx.sentence.masked
    if "date" not in values:
        dates = [m for m in ctx.mentions("d") if m.date is not None and m.date.value]
        if dates:
            values["date"] = dates[0].date
    if "location" not in values:
        place = _nearest_place(ctx)
        if place is not None:
            values["location"] = place
    if "status" not in values:
        if ctx.cues.cancel.search(window):
            values["status"] = "cancelled"
        elif ctx.cues.future.search(window[max(0, ctx.match_start - 40):ctx.match_end]):
            values["status"] = "planned"
        else:
            values["status"] = "held"
    if "kind" not in values:
        lowered = window.lower()
        values["kind"] = next((kind for word, kind in _KINDS if word in lowered), "meeting")
    if "duration" not in values:
        m = _DURATION.search(ctx.sentence_text)
        if m:
            values["duration"] = m.group("a") or m.group("b")
    groups = values.get("_participants_groups") or []
    if values["kind"] == "call" and len(groups) == 2 and len(groups[0]) == 1 and len(groups[1]) > 1:
        # "Kerry spoke by phone with Netanyahu and Abbas": one call with each.
        caller = groups[0][0]
        return [{**values, "participants": [caller, other]} for other in groups[1] if other != caller]
    return [values]


def _nearest_place(ctx: MatchContext) -> Place | None:
    """The most specific place of the match itself, else the sentence's venue or nearest place."""
    start, end = ctx.sentence.to_text(ctx.match_start, ctx.match_end)
    places = [m for m in ctx.mentions("l") if m.place is not None]
    inside = [m for m in places if start <= m.start and m.end <= end]
    venues = [m for m in places if m.place is not None and m.place.kind == "venue"]
    for group in ([m for m in inside if m in venues], venues, inside):
        if group:
            return group[0].place
    after = [m for m in places if m.start >= end]
    before = [m for m in places if m.end <= start]
    chosen = after[:1] or before[-1:]
    return chosen[0].place if chosen else None
