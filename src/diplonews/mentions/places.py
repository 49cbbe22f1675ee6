"""Places: venues, cities and countries where something happens.

A place is recognised by its shape, not by a list of cities: a venue is a capitalized phrase
ending in a venue noun ("the Great Hall of the People") or led by one ("the Palais des
Nations"), or a common venue noun with its role ("the presidential palace"), a city or region is a capitalized
name after "in"/"at" that names no actor. Capitals and countries from the gazetteer become
places after a locative preposition.
"""

from __future__ import annotations

import regex

from diplonews.mentions.base import Mention
from diplonews.model import Place
from diplonews.rules.placeholders import PlaceholderTable

__all__ = ["PlaceFinder"]

_CAP = r"\p{Lu}[\p{L}.-]*\p{L}"


class PlaceFinder:
    """Finds venue and city mentions; compiled once per parser."""

    def __init__(self, table: PlaceholderTable):
        venue_noun = table.expand("{VENUE_NOUN}")
        not_name = "|".join(regex.escape(w) for w in table.words("NOT_A_NAME") if w not in
                            {"Hall", "Palace", "House", "Hotel", "Center", "Centre", "Building",
                             "People", "Square", "Airport", "Island", "Islands"})
        head_first = table.expand("{VENUE_HEAD_FIRST}")
        common = table.expand("{VENUE_COMMON}")
        # A name used as a modifier is no place: "relating to Nepal-India ties".
        attributive = table.expand("{PLACE_AS_MODIFIER}")
        # A venue after a locative: capitalized words ending in a venue noun ("the Akasaka
        # Palace"), a venue noun before its name ("the Palais des Nations"), a body's
        # headquarters ("the UN headquarters"), or a common noun with its role ("the
        # presidential palace", "his official residence").
        self._venue = regex.compile(
            rf"(?<=\b(?:at|in|inside|to)\s+)(?:(?:the|his|her|their|its)\s+)?(?P<name>"
            rf"(?:{_CAP}\s+){{0,5}}(?:{venue_noun})(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})?"
            rf"|{head_first}\s+(?:(?:de|des|del|di|da|do|du|della|dos|das|la|le|los)\s+){{0,2}}{_CAP}(?:\s+{_CAP}){{0,2}}"
            rf"|(?:{_CAP}\s+){{1,4}}headquarters|{common})(?![\w-])"
        )
        self._city = regex.compile(
            rf"(?<=\b(?:[Ii]n|[Aa]t|to|[Ff]rom|visit|visits|visiting|visited|toured|touring|left|arrived in)\s+)(?<!\b[Aa]ccording\s+to\s+)"
            rf"(?P<name>(?>(?!(?:{not_name})\b){_CAP}(?:\s+(?:de\s+|del\s+)?(?!(?:{not_name})\b){_CAP}){{0,2}}))"
            rf"(?!\s+(?:{attributive})\b)"
        )
        # "BEIJING, Oct. 22 (Xinhua) --", "MEXICO CITY — …", "Tel Aviv, MINA – …", an agency
        # before its city ("RSS (KATHMANDU, 29 March) –"), a city before its bracketed country
        # ("New Delhi [India], June 4 (ANI):"), a city before its agency ("Ankara (UNA) –"), or a
        # line holding only a place ("New York").
        self._dateline = regex.compile(
            r"^(?:\p{Lu}{2,}\s*\((?P<paren>\p{Lu}{3,}(?:\s+\p{Lu}{2,}){0,2}),"
            r"|(?P<bracket>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})\s*\[[^\]\n]{1,30}\],"
            r"|(?P<agency>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})\s*\([^()\n]{1,40}\)\s*(?:\u2014|\u2013|--?)\s"
            r"|(?P<name>\p{Lu}{3,}(?:\s+\p{Lu}{2,}){0,2})\s*(?:,|\u2014|\u2013|--|\()"
            r"|(?!By\s)(?P<line>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})$"
            r"|(?P<mixed>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s+\p{Lu}{2,}\s*[\u2013\u2014-])", regex.MULTILINE)

    def find(self, text: str, start: int, end: int, paragraph_start: bool) -> list[Mention]:
        found: list[Mention] = []
        for m in self._venue.finditer(text, start, end):
            found.append(Mention(m.start("name"), m.end("name"), "l",
                                 place=Place(name=m.group("name"), kind="venue"), source="venue"))
        for m in self._city.finditer(text, start, end):
            name = m.group("name").rstrip(".")
            found.append(Mention(m.start("name"), m.start("name") + len(name), "l",
                                 place=Place(name=name, kind="city"), source="city"))
        dateline = self._dateline.match(text, start, end) if paragraph_start else None
        if dateline:
            group = next(g for g in ("paren", "bracket", "agency", "name", "line", "mixed") if dateline.group(g))
            found.append(Mention(dateline.start(group), dateline.end(group), "l",
                                 place=Place(name=dateline.group(group).title(), kind="city"),
                                 source="dateline"))
        return found
