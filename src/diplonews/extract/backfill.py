"""Filling a meeting's missing date and place from the article around it.

Wire stories and readouts give the main meeting's date and place once — in the dateline
("BEIJING, Oct. 22 (Xinhua) --"), a date line, or the lead sentence — and then speak of "the
talks" without repeating them. A held meeting whose own sentences name no date takes the
nearest day-precision date before it (a meeting named before any date, in the headline, the
lead's date just after it); one with no place takes the dateline's place.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence

from diplonews.mentions.base import Mention
from diplonews.model import Demand, Meeting, Place

__all__ = ["backfill_addressees", "backfill_meetings", "backfill_whereabouts"]


def backfill_meetings(meetings: Sequence[Meeting], dates: Sequence[Mention], dateline: Mention | None,
                      to_original: Callable[[int], int], published: dt.date | None = None) -> None:
    """Set ``date`` and ``location`` of held meetings that lack them, in place.

    Only a date near the publication date is a candidate: news reports recent meetings, and a
    historical date nearby ("the Geneva Agreement of February 17, 1966") is background.
    """
    dated = [(to_original(m.start), m) for m in dates
             if m.date is not None and m.date.value and m.date.precision == "day" and _recent(m.date.value, published)]
    starts = [pos for pos, _ in dated]
    for meeting in meetings:
        if meeting.status != "held" or not meeting.evidence:
            continue
        first = meeting.evidence[0].start
        if meeting.date is None and dated:
            i = bisect.bisect_left(starts, first) - 1
            if i >= 0:
                meeting.date = dated[i][1].date
            elif starts[0] - meeting.evidence[0].end <= _LEAD_REACH:
                # Named first in the headline: the lead sentence right after it dates it.
                meeting.date = dated[0][1].date
        if meeting.location is None and dateline is not None and dateline.place is not None:
            meeting.location = dateline.place


def backfill_whereabouts(meetings: Sequence[Meeting], stays: Sequence[tuple[int, frozenset[str], Place]]) -> None:
    """Give a held meeting with no place the place where one of its participants was last said
    to be ("the Secretary-General is in the UAE. He also held bilateral meetings with …"), in place.

    ``stays`` are (original offset, actor ids, place) in text order; only a stay shortly before
    the meeting's first mention counts, as a traveller moves on.
    """
    for meeting in meetings:
        if meeting.status != "held" or meeting.location is not None or not meeting.evidence:
            continue
        first = meeting.evidence[0].start
        parties = set(meeting.participants)
        meeting.location = next((place for pos, who, place in reversed(stays)
                                 if pos < first and first - pos <= _STAY_REACH and who & parties), None)


# How far before a meeting a participant's stay somewhere still sets its place (characters).
_STAY_REACH = 1200
# How far after a meeting named before any date (a headline) the lead's date may stand.
_LEAD_REACH = 400
# How far before publication a day may lie and still be taken as an undated meeting's day.
_RECENT = dt.timedelta(days=92)


def _recent(value: str, published: dt.date | None) -> bool:
    if published is None:
        return True
    day = dt.date.fromisoformat(value)
    return published - _RECENT <= day <= published + dt.timedelta(days=1)


def backfill_addressees(demands: Sequence[Demand], meetings: Sequence[Meeting],
                        country_of: Callable[[str], str | None]) -> None:
    """A demand made in a meeting with no addressee named is addressed to the other side.

    Readouts say "Motegi strongly requested concrete actions" in the paragraph after "Motegi
    held a telephone talk with Wang Yi": the request goes to the counterpart of the latest
    meeting that the demander (or the demander's country) took part in.
    """
    ordered = sorted((m for m in meetings if m.evidence), key=lambda m: m.evidence[0].start)
    starts = [m.evidence[0].start for m in ordered]
    for demand in demands:
        if demand.addressee is not None or demand.demander is None or not demand.evidence:
            continue
        side = {demand.demander, country_of(demand.demander)} - {None}
        before = bisect.bisect_right(starts, demand.evidence[0].start)
        # The latest meetings before the demand, nearest first; a short look back keeps it linear.
        for meeting in reversed(ordered[max(0, before - 20):before]):
            ours = [p for p in meeting.participants if p in side or country_of(p) in side]
            others = [p for p in meeting.participants if p not in ours]
            if ours and others:
                demand.addressee = others[0]
                break
