"""Date expressions, resolved against the publication date at the precision the text gives.

"yesterday" is a day, "in March" a month, "last year" a year. A bare weekday is the latest
such day on or before publication, unless its sentence speaks of the future. Without a
publication date, relative expressions keep ``value=None``: the clock is never consulted.
"""

from __future__ import annotations

import datetime as dt

import regex
from dateutil.relativedelta import relativedelta

from diplonews.mentions.base import Mention
from diplonews.model import DatePrecision, DateValue

__all__ = ["DateFinder"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December" \
     r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_W = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The last day of a span whose first day is the date: "7 and 9 February", "11-12 October",
# "September 25 and 27", "from September 3 to 6".
_UPTO = r"\s*(?:-|\u2013|and|to|&)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
# Every alternative starts a word; the leading \b says so once, which lets the regex engine
# skip the insides of words instead of trying each alternative at every character.
_DATE = regex.compile(
    rf"\b(?:(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)"
    rf"|{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:{_UPTO}(?=,|\s*(?:[.;:)]|$)|\s+(?:in|at|on|with|when|where|during|and)\b))?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:{_UPTO})?\s+(?:of\s+)?(?P<month2>January|February|March|April|May|June|July"
    rf"|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?"
    rf"|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:,?\s+(?P<year2>(?:19|20)\d{{2}})\b)?"
    rf"|(?<=\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ll]ate|[Ee]arly|[Mm]id-?|[Oo]f|[Tt]his|[Ll]ast|[Nn]ext)\s+)"
    rf"(?P<month3>January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"(?:\s+(?P<year3>(?:19|20)\d{{2}}))?\b"
    rf"|(?P<month4>January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+(?P<year4>(?:19|20)\d{{2}})\b"
    rf"|(?:(?P<wrel>last|next|this|on|On|Last|Next|This)\s+)?\b{_W}(?:'s)?"
    rf"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
    rf"|(?P<rel>(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>week|month|year|weekend))\b"
    rf"|(?P<shift>[Tt]he\s+(?:next|following|previous)\s+day|[Aa]\s+day\s+(?:later|earlier))\b"
    rf"|(?P<day_word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Tt]his(?=\s+(?:morning|afternoon|evening)\b))\b"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?<=\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Uu]ntil|[Bb]y)\s+)(?P<year5>(?:19|20)\d{{2}})\b(?!-))"
)


def _shifted(m: regex.Match[str], anchor: DateValue | None) -> DateValue | None:
    """"the next day", "a day earlier": a day from the latest day named before, else nothing."""
    if anchor is None or not anchor.value:
        return None
    words = m.group("shift").lower()
    step = -1 if any(w in words for w in ("previous", "earlier")) else 1
    day = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=step)
    return DateValue(value=day.isoformat(), precision="day", text=m.group(), relative=True)


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


class DateFinder:
    """Finds date mentions in a sentence and resolves them."""

    def __init__(self, future_cue: regex.Pattern[str]):
        self.future_cue = future_cue

    def find(self, text: str, start: int, end: int, published: dt.date | None,
             anchor: DateValue | None = None) -> list[Mention]:
        """The dates of one sentence. ``anchor`` is the latest day named before it, which "the
        next day" and "a day earlier" count from; a day found in the sentence becomes the anchor
        of what follows it."""
        found: list[Mention] = []
        for m in _DATE.finditer(text, start, end):
            if m.group("shift"):
                value = _shifted(m, anchor)
            else:
                # The tense that matters is the nearby verb's: in "said on Thursday that Kerry will
                # meet Lavrov on Friday", Thursday is past and Friday is future.
                window_start = max(start, m.start() - 60)
                future = self.future_cue.search(text, window_start, m.start()) is not None
                value = self._resolve(m, published, future)
            if value is not None:
                found.append(Mention(m.start(), m.end(), "d", date=value, source="date"))
                if value.precision == "day" and value.value:
                    anchor = value
        return found

    @staticmethod
    def _resolve(m: regex.Match[str], published: dt.date | None, future: bool) -> DateValue | None:
        text = m.group()

        def made(value: str | None, precision: DatePrecision, relative: bool) -> DateValue:
            return DateValue(value=value, precision=precision, text=text, relative=relative)

        def day_value(year: int | None, month: int, day: int) -> DateValue | None:
            if year is None:
                if published is None:
                    return made(None, "day", True)
                year = published.year
                try:
                    candidate = dt.date(year, month, day)
                except ValueError:
                    return None
                if not future and candidate > published + dt.timedelta(days=7):
                    year -= 1
                elif future and candidate < published - dt.timedelta(days=7):
                    year += 1
                relative = True
            else:
                relative = False
            try:
                return made(dt.date(year, month, day).isoformat(), "day", relative)
            except ValueError:
                return None

        if m.group("iso"):
            try:
                return made(dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))).isoformat(),
                            "day", False)
            except ValueError:
                return None
        if m.group("day"):
            return day_value(int(m.group("year")) if m.group("year") else None, _month(m.group("month")),
                             int(m.group("day")))
        if m.group("day2"):
            return day_value(int(m.group("year2")) if m.group("year2") else None, _month(m.group("month2")),
                             int(m.group("day2")))
        for mk, yk in (("month3", "year3"), ("month4", "year4")):
            if m.group(mk):
                month = _month(m.group(mk))
                if m.group(yk):
                    return made(f"{int(m.group(yk)):04d}-{month:02d}", "month", False)
                if published is None:
                    return made(None, "month", True)
                year = published.year
                if future and month < published.month:
                    year += 1
                elif not future and month > published.month:
                    year -= 1
                return made(f"{year:04d}-{month:02d}", "month", True)
        if m.group("weekday"):
            if published is None:
                return made(None, "day", True)
            target = _WEEKDAYS[m.group("weekday").lower()]
            rel = (m.group("wrel") or "").lower()
            if rel == "next" or (future and rel != "last"):
                # "had been due to meet on Friday" in Friday's paper is that day; "next Friday" is not.
                delta = (target - published.weekday()) % 7 or (7 if rel == "next" else 0)
                return made((published + dt.timedelta(days=delta)).isoformat(), "day", True)
            delta = (published.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            return made((published - dt.timedelta(days=delta)).isoformat(), "day", True)
        if m.group("rel"):
            if published is None:
                return made(None, "year" if m.group("unit") == "year" else "month", True)
            unit = m.group("unit")
            word = m.group("rel").lower().split()[-2]
            step = {"last": -1, "next": 1, "this": 0}[word]
            if unit == "year":
                return made(f"{published.year + step:04d}", "year", True)
            if unit == "month":
                d = published + relativedelta(months=step)
                return made(f"{d.year:04d}-{d.month:02d}", "month", True)
            lead = m.group("rel").lower().split()[0]
            days = 7 * step + {"earlier": -2, "later": 2}.get(lead, 0)
            d = published + dt.timedelta(days=days)
            return made(f"{d.year:04d}-{d.month:02d}", "month", True)
        if m.group("day_word"):
            if published is None:
                return made(None, "day", True)
            shift = {"yesterday": -1, "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}[m.group("day_word").lower()]
            return made((published + dt.timedelta(days=shift)).isoformat(), "day", True)
        if m.group("year5"):
            return made(m.group("year5"), "year", False)
        return None
