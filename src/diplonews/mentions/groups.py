"""Descriptive group actors: noun phrases that name no one but still fill an actor slot.

"Sudan's warring factions", "Iranian and Saudi diplomats", "officials from Armenia and
Azerbaijan", "Western allies", "the rebels": a chunk of optional quantifier, anchor,
modifiers and a group head noun. The anchor says whose group it is: a country or body named
before the head (a demonym, a name, a possessive; several of them coordinated) or after it
("from"/"of"), or a regional adjective. A country after "in" places a group that has no owner
of its own ("all parties in Myanmar"), and names it so. A few heads ("the rebels") need no anchor. Heads,
modifiers, quantifiers and regional adjectives are word lists of the lexicon; this module only
knows the shape of the phrase. Each phrase is found from its anchor or its head, so the cost
is linear in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from diplonews.mentions.gazetteer import KnownActor
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.rules.trie import trie_regex

__all__ = ["Anchor", "GroupPhrase", "GroupPhraseFinder"]

_SP = r"[^\S\n]+"
_ANCHOR_KINDS = frozenset({"country", "organization", "group"})


@dataclass(frozen=True)
class Anchor:
    """A known actor's mention that may own a group phrase."""

    start: int
    end: int
    actor: KnownActor
    role: str  # the gazetteer role of the surface: name, alias, metonym, demonym


@dataclass(frozen=True)
class GroupPhrase:
    """One descriptive phrase: its span, a canonical name, and the actors that anchor it.

    Several anchors ("Iranian and Saudi diplomats") make a phrase that stands for each of
    them; one anchor makes a group of its own with that country or body; none a group with
    no country ("Western allies", "the rebels").
    """

    start: int
    end: int
    name: str
    anchors: tuple[KnownActor, ...]


def _inside_name(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``pos`` falls inside a known actor's name ("the United Nations"); ``spans`` are
    the names' spans sorted, ``starts`` their starts."""
    at = bisect.bisect_left(starts, pos) - 1
    return at >= 0 and spans[at][0] < pos < spans[at][1]


def _same_kind_of_owner(a: KnownActor, b: KnownActor) -> bool:
    """Whether two owners may share one group: both countries, or both bodies."""
    return (a.kind == "country") == (b.kind == "country")


class GroupPhraseFinder:
    """Compiled phrase shapes over the lexicon's group words; one per parser."""

    def __init__(self, table: PlaceholderTable, demonym: Callable[[str], str | None]):
        words = {w for name in ("GROUP_HEAD", "GROUP_NOUN") for w in table.words(name)}
        head = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        head = rf"(?<![\w-])(?:{head})(?![\w-])"
        mod = table.expand("{GROUP_MODIFIER}")
        mods = rf"(?:{_SP}(?:{mod})){{0,2}}"
        self._demonym = demonym
        # After an anchor: "'s warring factions", " diplomats", " security sources".
        # The anchor's acronym in brackets may stand between: "the Southern African Development
        # Community (SADC) foreign ministers".
        # After a name, communiqué style capitalises the head: "ECOWAS Heads of State", "the EU
        # Foreign Ministers".
        self._tail = regex.compile(rf"(?P<alias>[^\S\n]*\(\p{{Lu}}[\p{{Lu}}\d&.-]{{1,9}}\))?(?P<poss>['\u2019]s)?"
                                   rf"(?P<mods>(?i:{mods})){_SP}(?P<head>(?i:{head}))")
        # Before an anchor: "officials from ", "the leaders of the ". Found from the
        # preposition (a plain scan), then the one or two words before it are looked up.
        self._heads = {w.lower() for w in words}
        self._of = regex.compile(rf"{_SP}(?P<prep>from|of|in){_SP}(?:the{_SP})?")
        self._last_words = regex.compile(r"(?:(?P<two>[\w-]+)[^\S\n]+)?(?P<one>[\w-]+)$")
        self._mods_before = regex.compile(rf"(?:(?:{mod}){_SP}){{1,2}}$")
        # A capitalized word right before a group's modifiers owns the group ("Arab diplomats",
        # "Western envoys"), unless it is an article or a quantifier opening the sentence ("All parties").
        self._capitalized_before = regex.compile(rf"\b(?P<word>\p{{Lu}}[\p{{L}}-]*){_SP}(?:(?:{mod}){_SP}){{0,2}}$")
        self._quantifiers = frozenset({"the", *(w.lower() for w in table.words("GROUP_QUANTIFIER"))})
        self._placed_heads = frozenset(w.lower() for w in table.words("GROUP_HEAD_PLACED"))
        # "A group of UN experts", "Two Egyptian officials": a quantifier opening the sentence too
        self._quantifier = regex.compile(table.expand(r"(?:{GROUP_QUANTIFIER})") + rf"{_SP}$", regex.IGNORECASE)
        self._region = regex.compile(
            table.expand(r"(?P<region>{REGION_ADJECTIVE}(?:[^\S\n]+(?:and|&)[^\S\n]+(?:{REGION_ADJECTIVE}))?)")
            + rf"(?P<mods>{mods}){_SP}(?P<head>{head})")
        # An acronym no gazetteer knows anchors a group as well: "FARC guerrillas", "M23 rebels".
        self._acronym = regex.compile(
            rf"(?<![\w.-])(?P<acronym>\p{{Lu}}[\p{{Lu}}\d]{{1,7}})(?P<mods>{mods}){_SP}(?P<head>{head})")
        # "the opposition alliance": a head alone that modifies a body word after it is no head.
        body = rf"(?!{_SP}(?i:{trie_regex(table.words('SPEAKER_BODY'))})(?![\w-]))" \
            if "SPEAKER_BODY" in table.names else ""
        self._alone = regex.compile(
            rf"\b(?i:the){_SP}(?P<mods>(?:(?:{mod}){_SP})?)" + table.expand(r"(?P<head>{GROUP_HEAD_ALONE})") + body)
        collective = [w.removeprefix("the ") for w in table.words("COLLECTIVE_ACTOR") if not w.endswith("'s")]
        self._collective = regex.compile(
            rf"\b(?i:the){_SP}(?P<head>{'|'.join(regex.escape(w) for w in collective)})(?![\w-])(?!{_SP}\p{{Lu}})")
        # "Analysts said", "Rebel commanders say", "…, officials said": a plural that speaks or
        # asks on its own at a sentence start, after a quotation or after a comma.
        speaking_words = [*table.words("GROUP_HEAD_SPEAKING"), *table.words("GROUP_SPEAKING_MODIFIER")]
        speaking = trie_regex(table.words("GROUP_HEAD_SPEAKING"))
        speaking_mod = trie_regex(table.words("GROUP_SPEAKING_MODIFIER"))
        verbs = table.expand("{SAY}|{DEMAND_TO}")
        phrase = (rf"(?P<phrase>(?i:(?:{speaking_mod}){_SP}){{0,2}}(?i:{speaking}))(?![\w-])"
                  rf"(?={_SP}(?:also{_SP}|have{_SP}|had{_SP}|have{_SP}long{_SP})?(?:{verbs})\b)")
        opener = r"(?:[.!?\u201d\"][^\S\n]{1,3}|\n|,[^\S\n])"
        # A phrase opens the text (``_speaking_first``) or follows an opener. When every word
        # starts with a letter, the opener is matched and dropped from the match (\K) instead
        # of looked behind for: the engine searches for an opening character class in a tight
        # loop, but tries a pattern that opens with a lookbehind at every character (four times
        # the cost). The matches are the same, as no opener character can start or end a
        # phrase: a match never overlaps the opener of the next, nor an opener a phrase.
        if all(w[:1].isalnum() for w in speaking_words):
            self._speaking_first = regex.compile(rf"\b{phrase}")
            self._speaking = regex.compile(rf"{opener}\K\b{phrase}")
        else:
            self._speaking_first = regex.compile(phrase)
            self._speaking = regex.compile(rf"(?<={opener}){phrase}")
        self._headline_comma = regex.compile(rf",{_SP}")
        self._headline_verb = regex.compile(rf"{_SP}(?!and\b|or\b)\p{{Ll}}")
        self._coord_before = regex.compile(rf"(?:{_SP}(?:and|&|or)|[^\S\n]*,(?:{_SP}and)?){_SP}$")
        self._coord_after = regex.compile(rf"(?:{_SP}(?:and|&)|[^\S\n]*,(?:{_SP}and)?){_SP}(?:the{_SP})?")

    def find(self, text: str, anchors: Sequence[Anchor]) -> list[GroupPhrase]:
        usable = [a for a in anchors if a.actor.kind in _ANCHOR_KINDS]
        by_end = {a.end: a for a in usable}
        by_start = {a.start: a for a in usable}
        found: list[GroupPhrase] = []
        for anchor in usable:
            tail = self._tail.match(text, anchor.end)
            if tail is None:
                continue
            chain = [anchor]
            start = anchor.start
            joined = False  # a list is closed by "and": "Qatari, Egyptian and US mediators"
            # Owners of one kind coordinate: "Iranian and Saudi diplomats" (the phrase stands for
            # each country), "ASEAN and GCC leaders" (one group of both bodies); a country beside a
            # body does not ("Russia and Security Council members" are two actors).
            while (coord := self._coord_before.search(text, max(0, start - 8), start)) is not None and \
                    (before := by_end.get(coord.start())) is not None and \
                    _same_kind_of_owner(before.actor, anchor.actor):
                joined = joined or "," not in coord.group() or "and" in coord.group()
                chain.insert(0, before)
                start = before.start
            if len(chain) > 1 and not joined:
                continue  # "Japan, China leaders": a headline's list, whose members are unclear
            bodies = len(chain) > 1 and anchor.actor.kind != "country"
            if bodies and (tail.group("poss") or tail.group("alias")):
                chain, start, bodies = [anchor], anchor.start, False  # "the EU and AU's envoys": the last body's
            if tail.group("poss") and len(chain) > 1:
                continue  # "Iran and Russia's allies": whose allies is unclear
            start = self._with_quantifier(text, start)
            if bodies:
                # "ASEAN and GCC leaders", "EU and AU officials": the people of two bodies act as one
                # group, named as written and affiliated to the first body; they speak, demand and
                # agree as one (countries' people stand for each country instead).
                name = " ".join(text[chain[0].start:tail.end()].split())
                owners: tuple[KnownActor, ...] = (chain[0].actor,)
            else:
                named = text[anchor.start:tail.start("alias")] + text[tail.end("alias"):tail.end()] \
                    if tail.group("alias") else text[anchor.start:tail.end()]
                name = " ".join(named.split()) if len(chain) == 1 else ""
                owners = tuple(a.actor for a in chain)
            found.append(GroupPhrase(start, tail.end(), name, owners))
        spans = sorted((a.start, a.end) for a in anchors)
        span_starts = [start for start, _ in spans]
        for m in self._of.finditer(text):
            first = by_start.get(m.end())
            if first is None:
                continue
            words = self._last_words.search(text, max(0, m.start() - 40), m.start())
            if words is None:
                continue
            two = f"{words.group('two')} {words.group('one')}".lower() if words.group("two") else ""
            if two in self._heads:
                head_start = words.start()
            elif words.group("one").lower() in self._heads:
                head_start = words.start("one")
            else:
                continue
            chain = [first]
            end = first.end
            while (coord := self._coord_after.match(text, end)) is not None and \
                    (after := by_start.get(coord.end())) is not None:
                chain.append(after)
                end = after.end
            if len(chain) > 1 and any(a.actor.kind != "country" for a in chain):
                chain, end = [first], first.end
            start = head_start
            mods = self._mods_before.search(text, max(0, start - 40), start)
            if mods is not None:
                start = mods.start()
            head = " ".join(text[start:m.start()].split())
            head = head[:1].lower() + head[1:] if head[:1].isupper() and head[1:2].islower() else head
            if m.group("prep") == "in":
                # "all parties in Myanmar" (GROUP_HEAD_PLACED): the parties there, so the group has
                # no anchor; one that has an owner of its own keeps it ("Kenyan officials in
                # Vietnam", "Arab diplomats in Egypt"), and a head inside a name is none ("the
                # United Nations in …"). Only one country, by its name: "parties in Kenya and
                # Uganda" is unclear, and "envoys in Lima" are somewhere, not a country's.
                owner = self._capitalized_before.search(text, max(0, start - 40), head_start)
                owned = any(by_end.get(at) is not None for at in range(max(0, start - 3), start)) or \
                    (owner is not None and owner.group("word").lower() not in self._quantifiers)
                placed = text[head_start:m.start()].lower()
                if placed not in self._placed_heads or first.actor.kind != "country" or \
                        first.role not in ("name", "alias") or owned or len(chain) > 1 or \
                        _inside_name(head_start, spans, span_starts):
                    continue
                place = " ".join(text[first.start:first.end].split())
                found.append(GroupPhrase(self._with_quantifier(text, start), end, f"{head} in {place}", ()))
                continue
            owner_name = self._demonym(first.actor.id) or " ".join(text[first.start:first.end].split())
            name = f"{owner_name} {head}" if len(chain) == 1 else ""
            found.append(GroupPhrase(self._with_quantifier(text, start), end, name,
                                     tuple(a.actor for a in chain)))
        for anchor in usable:
            # A headline coordinates with a comma: "Kenya, Ethiopia agree to…" at a line start.
            if anchor.start and text[anchor.start - 1] != "\n":
                continue
            comma = self._headline_comma.match(text, anchor.end)
            second = by_start.get(comma.end()) if comma is not None else None
            if second is not None and self._headline_verb.match(text, second.end) and \
                    self._tail.match(text, second.end) is None and \
                    anchor.actor.kind == second.actor.kind == "country":
                found.append(GroupPhrase(anchor.start, second.end, "", (anchor.actor, second.actor)))
        for m in self._region.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue
            found.append(GroupPhrase(self._with_quantifier(text, start), m.end(),
                                     " ".join(m.group().split()), ()))
        for m in self._acronym.finditer(text):
            found.append(GroupPhrase(self._with_quantifier(text, m.start()), m.end(),
                                     " ".join(m.group().split()), ()))
        for m in self._speaking_phrases(text):
            name = " ".join(m.group("phrase").split())
            if name[1:2].islower():
                name = name[:1].lower() + name[1:]
            found.append(GroupPhrase(m.start(), m.end(), name, ()))
        for pattern in (self._alone, self._collective):
            for m in pattern.finditer(text):
                name = " ".join(text[m.start("head") if pattern is self._collective else m.start(
                    "mods"):m.end()].split())
                found.append(GroupPhrase(m.start(), m.end(), name, ()))
        return found

    def _speaking_phrases(self, text: str) -> list[regex.Match[str]]:
        """The plurals that speak on their own ("Analysts said"), as one scan would find them."""
        first = self._speaking_first.match(text)
        found = [first] if first else []
        found += self._speaking.finditer(text, first.end() if first else 0)
        return found

    def _with_quantifier(self, text: str, start: int) -> int:
        """The phrase's start moved back over a quantifier: 'two Egyptian security sources'."""
        q = self._quantifier.search(text, max(0, start - 20), start)
        if q is not None and (q.start() == 0 or not text[q.start() - 1].isalnum()):
            return q.start()
        return start
