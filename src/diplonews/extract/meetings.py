"""Meetings: participants from the match; date, place, status and kind from the sentence.

A rule may capture its verb group or meeting noun as ``kind`` ("is scheduled to hold talks
with", "phone call"). That wording, not the whole sentence, says whether the meeting is to come
("will meet" is planned even when the sentence also says what was done yesterday), and it is
turned into the meeting's kind here. Rules that set a kind or status themselves keep it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast, get_args

import regex

from diplonews.extract.context import MatchContext, dropped, only_companies
from diplonews.mentions.base import Mention
from diplonews.model import DateValue, MeetingStatus, Place

__all__ = ["finish_meeting"]

_DURATION = regex.compile(
    r"\b(?:for\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+|over\s+)?(?P<a>(?:\w+|\d+)\s+(?:hours?|minutes?))"
    r"|(?P<b>(?:\w+|\d+)-(?:minute|hour)))\b", regex.IGNORECASE)
_KINDS = (("summit", "summit"), ("phone", "call"), ("telephone", "call"), ("call", "call"),
          ("video", "call"), ("virtual", "call"), ("visit", "visit"), ("talks", "talks"))
# "call off" says nothing of a phone call ("the visit has been called off"); "a call for about
# 30 minutes" is one, so only the verb "call off" is struck.
_CALLED_OFF = regex.compile(r"\bcall(?:s|ed|ing)?\s+off\b")
_KIND_LABELS = frozenset({"meeting", "summit", "call", "visit", "talks"})
# A captured meeting noun (the heads of MEETING_NOUN), as opposed to a captured verb group.
_NOUN_CAPTURE = regex.compile(
    r"(?:(?:phone|telephone|video|virtual|round\s+of|joint(?:\s+press|\s+news)?)\s+)?(?:meetings?|talks|summits?|calls?|conversations?|"
    r"visits?|trip|session|discussions|negotiations|encounter|dialogue|consultations|bilateral|trilateral|"
    r"tête-à-tête|audience|conference|videoconference)$", regex.IGNORECASE)
_STATUSES = frozenset(get_args(MeetingStatus))
# Verbs whose object is a topic: a place after them is the topic's, not the meeting's.
_TOPIC_VERB = regex.compile(r"\b(?:discuss\w*|exchang\w*\s+views)\b", regex.IGNORECASE)
# A date that starts a span, not the day of an event: "his fifth visit since 2014", or the day
# of the event a "since" clause tells ("their first call since the US struck Syria on April 6").
_SINCE = regex.compile(r"\bsince\s+(?:the\s+)?(?:[^,.;:]{1,80}?\s(?:on|in)\s+)?$", regex.IGNORECASE)
# A preposition that puts a meeting noun behind the clause's event: "after talks with", "following
# their call", "at the close of talks".
_BEHIND = regex.compile(r"\b(?:after|following|at\s+the\s+(?:end|close|conclusion)\s+of)\s+(?:[\w'’-]+\s+){0,3}$",
                        regex.IGNORECASE)
# A reporting verb: "told reporters after talks with NAME that trade would grow" looks back on the
# talks; "after talks with NAME next week, he will fly on" does not report, so the future is the talks'.
_REPORTING = regex.compile(r"\b(?:said|says|say|saying|told|tells|tell|telling|announced|announces|added|adds|"
                           r"stated|states|noted|notes|declared|declares|insisted|stressed|predicted|"
                           r"explained|argued|warned)\b", regex.IGNORECASE)
# Verb groups that name several separate meetings: "held bilateral meetings with", "separate talks with".
# The stops of a tour ("the next legs of her journey will be A and B", "the tour will then take
# him to A and B") are separate visits too.
_SEVERAL = regex.compile(r"\b(?:meetings|calls|conversations|bilaterals|separate|separately|stops|legs|destinations|take\s+(?:him|her|them)\s+to)\b",
                         regex.IGNORECASE)
# One person's meetings with the counterparts of several countries: "met with counterparts from A,
# B and C", "held talks with his counterparts of A, B and C".
_COUNTERPARTS_FROM = regex.compile(r"(?:(?:his|her|their|its)\s+)?(?:[\w-]+\s+)?counterparts\s+(?:from|of)\s",
                                   regex.IGNORECASE)
# Two days of one month joined by "and": "7 and 9 February", "February 7 and 9".
_TWO_DAYS = regex.compile(
    r"^(?:(?P<a>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|&)\s*(?P<b>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?\p{L}"
    r"|\p{L}+\.?\s+(?P<c>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|&)\s*(?P<d>\d{1,2})\b)", regex.IGNORECASE)
# What joins a meeting's day to a second day of its own: "on 3 March and again on 5 March".
_AGAIN = regex.compile(r",?\s+and\s+(?:again|once\s+more|once\s+again)\s+(?:on\s+)?", regex.IGNORECASE)
# The verb of a negated or refused meeting: "did not meet", "refused to see", "was denied permission to meet".
_NEGATED = regex.compile(
    r"\b(?:not|never|n't|no\s+longer|refus\w*|declin\w*|denied|unable|fail\w*)\b", regex.IGNORECASE)


def _kind_of(words: str) -> str:
    lowered = _CALLED_OFF.sub(" ", words.lower())
    return next((kind for word, kind in _KINDS if word in lowered), "meeting")


def _status(values: dict[str, Any], ctx: MatchContext, verb: str | None) -> MeetingStatus:
    window = ctx.sentence.masked
    span = values.get("_kind_span")
    cancel = ctx.cues.cancel.search(window)
    if cancel is not None:
        # "postponed his visit after a phone conversation with NAME", "After talks with NAME, he
        # called off the summit": what the clause calls off is not the talks it looks back on.
        behind = _BEHIND.search(ctx.text, max(ctx.sentence.start, span[0] - 30), span[0]) if span else None
        where = ctx.sentence.to_text(cancel.start(), cancel.end())[0]
        if behind is None or span is None or behind.start() <= where < span[1]:
            return "cancelled"
    preset = values.get("status")
    if preset in _STATUSES:
        return cast(MeetingStatus, preset)
    if verb is not None and ctx.cues.future.search(verb):
        return "planned"
    if verb is not None:
        return "held"
    if span is not None:
        # A captured meeting noun: the words just before it ("the upcoming talks", "next week's
        # summit"), not a future elsewhere in the sentence ("…will continue, he said after talks").
        end = ctx.sentence.to_text(ctx.match_start, ctx.match_end)[1]
        before = ctx.cues.future.search(ctx.text, max(ctx.sentence.start, span[0] - 30), span[1])
        if before:
            return "planned"
        # "told reporters after talks with NAME that trade would grow": a meeting the clause
        # looks back on is over, whatever the reported words after it foresee.
        after = ctx.cues.future.search(ctx.text, end, min(ctx.sentence.end, end + 40))
        if (after and _BEHIND.search(ctx.text, max(ctx.sentence.start, span[0] - 30), span[0])
                and _REPORTING.search(ctx.text, ctx.sentence.start, after.start())):
            return "held"
        return "planned" if after else "held"
    # Without a captured verb or noun, a future cue just before or inside the match decides.
    if ctx.cues.future.search(window[max(0, ctx.match_start - 40):ctx.match_end]):
        return "planned"
    return "held"


def finish_meeting(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    participants: list[str] = list(values.get("participants") or [])
    values["participants"] = participants
    window = ctx.sentence.masked
    captured = values.get("kind")
    verb = captured if isinstance(captured, str) and not _NOUN_CAPTURE.match(captured) else None
    if verb is not None and _NEGATED.search(verb) and not ctx.cues.cancel.search(window):
        return dropped(values, "a negated meeting verb ('did not meet'), nothing called off")
    if ctx.cues.nonfactual(ctx) and not ctx.cues.cancel.search(window):
        return dropped(values, "hypothetical or denied meeting (HYPOTHETICAL_CUE)")
    if ctx.cues.contest.search(window) and not any(
            "p" in m.flags for m in ctx.sentence.tokens_in(ctx.match_start, ctx.match_end)):
        return dropped(values, "a sporting contest between teams, no person meets (CONTEST_CUE)")
    if only_companies(set(participants), ctx, ctx.cues.corporate_heads, ctx.cues.corporate_leads):
        return dropped(values, "talks between companies only are business, not diplomacy (CORPORATE_HEAD)")
    again: DateValue | None = None
    if "date" not in values:
        chosen = _nearest(ctx, [m for m in ctx.mentions("d") if m.date is not None and m.date.value
                                and not _elsewhere(ctx, m)])
        if chosen is not None:
            values["date"] = chosen.date
            again = _second_day(ctx, chosen)
    if "location" not in values:
        visit = isinstance(captured, str) and _kind_of(captured) == "visit"
        topic = verb is not None and _TOPIC_VERB.search(verb) is not None
        place = _nearest_place(ctx, [] if visit else participants, topic)
        if place is not None:
            values["location"] = place
    values["status"] = _status(values, ctx, verb)
    if isinstance(captured, str) and captured not in _KIND_LABELS:
        kind = _kind_of(captured)
        values["kind"] = kind if kind != "meeting" else _kind_of(window)
    elif captured is None:
        values["kind"] = _kind_of(window)
    if "duration" not in values:
        m = _DURATION.search(ctx.sentence_text)
        if m:
            values["duration"] = m.group("a") or m.group("b")
    if values["kind"] == "call" or (verb is not None and _SEVERAL.search(verb)):
        # "Kerry spoke by phone with Netanyahu and Abbas", "held bilateral meetings with A, B
        # and C": one meeting with each of the parties named after the verb.
        subject, others = _sides(values, ctx)
        if len(subject) == 1 and len(others) > 1:
            return _twice([{**values, "participants": [subject[0], other]} for other in others], again)
    if values["kind"] == "visit":
        # "will visit Russia and Azerbaijan", "the visit of NAME to A and B": a visit to each
        # country is a meeting of its own.
        countries = {i for m in ctx.sentence.tokens_in(ctx.match_start, ctx.match_end) if "c" in m.flags
                     for i in m.actor_ids}
        subject = [p for p in participants if p not in countries]
        others = [p for p in participants if p in countries]
        if len(subject) == 1 and len(others) > 1:
            # the place found for the joint visit is one of its countries, not every visit's
            alone = {k: v for k, v in values.items() if k != "location"}
            return _twice([{**alone, "participants": [subject[0], other]} for other in others], again)
    for mention in ctx.sentence.tokens_in(ctx.match_start, ctx.match_end):
        # One person's meetings with "counterparts from A, B and C": one meeting with each
        # (three or more countries: two may be one three-way meeting).
        if len(mention.actor_ids) > 2 and _COUNTERPARTS_FROM.match(ctx.text, mention.start, mention.end):
            subject = [p for p in participants if p not in mention.actor_ids]
            if len(subject) == 1:
                return _twice([{**values, "participants": [subject[0], other]}
                               for other in mention.actor_ids if other in participants], again)
    return _twice([values], again)


def _twice(items: list[dict[str, Any]], again: DateValue | None) -> list[dict[str, Any]]:
    """The meetings of one match, once more on a second day the sentence names for them."""
    if again is None:
        return items
    return items + [{**item, "date": again} for item in items]


def _second_day(ctx: MatchContext, chosen: Mention) -> DateValue | None:
    """A second, separate day of the same meeting(s): "met on 7 and 9 February", "talked on
    3 March and again on 5 March".

    Two days joined by "and" with a day or more between them are two meetings; consecutive
    days ("the summit on 11 and 12 October") are one event spanning both, and a range
    ("11-12 October", "from 3 to 6 May") is one event too.
    """
    date = chosen.date
    if date is None or date.value is None or date.precision != "day":
        return None
    pair = _TWO_DAYS.search(date.text)
    if pair is not None:
        first, second = int(pair.group("a") or pair.group("c")), int(pair.group("b") or pair.group("d"))
        if second - first < 2:
            return None
        try:
            day = dt.date.fromisoformat(date.value).replace(day=second)
        except ValueError:
            return None
        return DateValue(value=day.isoformat(), precision="day", text=date.text, relative=date.relative)
    after = ctx.text[chosen.end:min(ctx.sentence.end, chosen.end + 40)]
    link = _AGAIN.match(after)
    if link is None:
        return None
    later = next((m for m in ctx.mentions("d") if m.start == chosen.end + link.end()), None)
    if later is None or later.date is None or later.date.value is None or later.date.value == date.value:
        return None
    return later.date


def _sides(values: dict[str, Any], ctx: MatchContext) -> tuple[list[str], list[str]]:
    """The participants named before the captured verb group, and those named after it."""
    span = values.get("_kind_span")
    participants: list[str] = values["participants"]
    if span is None:
        groups = values.get("_participants_groups") or []
        if len(groups) == 2:
            return list(groups[0]), [p for p in groups[1] if p not in groups[0]]
        return [], []
    before: list[str] = []
    after: list[str] = []
    for mention in ctx.sentence.tokens_in(ctx.match_start, ctx.match_end):
        for actor in mention.actor_ids:
            if actor not in participants:
                continue
            side = before if mention.end <= span[0] else after
            if actor not in before and actor not in after:
                side.append(actor)
    return before, after


def _elsewhere(ctx: MatchContext, date: Mention) -> bool:
    """Whether a date (or place) of the sentence belongs to something else than the matched meeting.

    "since 2014" starts a span ("his fifth visit since 2014"), and "since the US struck Syria on
    April 6" dates another event; a date after the match with
    someone's own event before it is that event's ("held discussions about Deuba's visit to
    India from April 1"). Dates inside the match are the meeting's own.
    """
    return _SINCE.search(ctx.text, max(ctx.sentence.start, date.start - 100), date.start) is not None \
        or _after_owned_event(ctx, date)


def _after_owned_event(ctx: MatchContext, mention: Mention) -> bool:
    """Whether a date or place after the match follows someone's own event ("NAME's visit to
    India from April 1"): it is that event's, not the matched meeting's."""
    if mention.start < ctx.sentence.to_text(ctx.match_start, ctx.match_end)[1]:
        return False
    index = next((i for i, m in enumerate(ctx.sentence.tokens) if m is mention), None)
    if index is None:
        return False
    masked = ctx.sentence.masked
    at = masked.find(f"⟦{mention.flags}{index}⟧", ctx.match_end)
    return at >= 0 and ctx.cues.owned_event.search(masked, ctx.match_end, at) is not None


def _nearest(ctx: MatchContext, found: list[Mention]) -> Mention | None:
    """The first mention inside the match, else the nearest one outside it (after it on a tie)."""
    start, end = ctx.sentence.to_text(ctx.match_start, ctx.match_end)
    inside = [m for m in found if start <= m.start and m.end <= end]
    if inside:
        return inside[0]
    outside = [(m.start - end if m.start >= end else start - m.end + 1, m) for m in found]
    return min(outside, key=lambda pair: pair[0])[1] if outside else None


def _nearest_place(ctx: MatchContext, participants: list[str], topic: bool = False) -> Place | None:
    """The sentence's venue, else the nearest place that is not a participant.

    "Modi visited Nepal" names Nepal as a party and a place at once: a token the match took as a
    participant is the meeting's place only when the sentence names no other ("Tashkent", a
    participant's capital named outside the match, is a place all the same). A visit's host
    country is its place: the builder passes no participants for a visit. After a verb whose
    object is a topic ("discussed the situation in Syria") a place is the topic's, and one in a
    since-clause another event's ("… for the first time since Moscow launched strikes in Syria").
    """
    start, end = ctx.sentence.to_text(ctx.match_start, ctx.match_end)
    places = [m for m in ctx.mentions("l") if m.place is not None and not _elsewhere(ctx, m)
              and not (topic and m.start >= end)]
    venues = [m for m in places if m.place is not None and m.place.kind == "venue"]
    others = [m for m in places if not (start <= m.start and m.end <= end and set(m.actor_ids) & set(participants))]
    for group in (venues, others, places):
        chosen = _nearest(ctx, group)
        if chosen is not None:
            return chosen.place
    return None
