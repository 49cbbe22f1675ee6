"""Meetings: participants from the match; date, place, status and kind from the sentence."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext

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
        places = [m for m in ctx.mentions("l") if m.place is not None]
        venues = [m for m in places if m.place and m.place.kind == "venue"]
        chosen = (venues or places)[:1]
        if chosen and chosen[0].place is not None:
            values["location"] = chosen[0].place
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
