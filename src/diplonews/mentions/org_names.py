"""Organisations no gazetteer knows, found from the shape of their names.

A body's name ends in a head word ("the Lake Fisheries Commission", "the National Salvation
Front", "the Kurdistan Workers' Party") or carries its distinguishing words in an of-phrase
after one ("the Ministry of Mines", "the Movement for Democratic Change"). An acronym in
brackets after the name ("the Coastal States Council (CSC)") is defined by the text, so its
later bare uses name the same body. Head words, the words that never open or sit inside a
name, and whole phrases that only look like bodies are lexicon lists (02-actors.toml); this
module knows only the shape.

Each name is grown from one head word, left over at most six capitalized words and right over
one of-phrase, so the cost is linear in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from diplonews.mentions.groups import Anchor
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.rules.trie import trie_regex

__all__ = ["OrgName", "OrgNameFinder"]

_SP = r"[^\S\n]+"
# A capitalized word ("Fisheries", "Workers'", "U.S.", "M23"): a dot only inside an
# abbreviation, so a sentence's full stop stays out of the name.
_CAP = r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\d&-]*(?:['\u2019](?:s\b)?)?|\d+)"
_MAX_LEFT = 6
_LOWER_WORD = regex.compile(r"(?<![\w-])\p{Ll}[\p{Ll}-]*")
_FIRST_CAP = regex.compile(r"\p{Lu}[\p{L}\d&-]*")
_LETTERS = regex.compile(r"[\p{L}-]+")


@dataclass(frozen=True)
class OrgName:
    """One organisation's mention: its span, canonical name, country, defined acronym and the
    known body it is an organ of."""

    start: int
    end: int
    name: str
    country: str | None
    acronym: str | None = None
    name_end: int = -1  # where the name ends, before a bracketed acronym (-1: at ``end``)
    parent: str | None = None  # the known body whose organ this is ("the Council of the League")


class OrgNameFinder:
    """Compiled name shapes over the lexicon's organisation words; one per parser."""

    def __init__(self, table: PlaceholderTable):
        heads = table.words("ORG_HEAD")
        self._head = regex.compile(rf"(?<![\w'\u2019-])(?:{trie_regex(heads)})(?![\w-])")
        self._of_heads = frozenset(table.words("ORG_OF_HEAD"))
        self._posted_heads = frozenset(table.words("ORG_POSTED_HEAD")) if "ORG_POSTED_HEAD" in table.names \
            else frozenset()
        # "… Mission in Colombia", "… Delegation to the Sudan": where a posted body's name goes on.
        self._posted = regex.compile(rf"{_SP}(?:in|to){_SP}(?:the{_SP})?(?=\p{{Lu}})")
        self._not_start = frozenset(table.words("NOT_ORG_START"))
        self._not_word = frozenset(table.words("NOT_ORG_WORD"))
        # "the All People's Congress": a word that opens sentences, inside a name after "the"
        self._start_after_article = frozenset(table.words("ORG_START_AFTER_ARTICLE"))
        self._article_before = regex.compile(rf"(?<![\w-])(?:the|The){_SP}$")
        self._not_org = frozenset(w.lower() for w in table.words("NOT_AN_ORGANIZATION"))
        self._company_heads = frozenset(w.lower() for w in table.words("CORPORATE_HEAD"))
        self._country_nouns = frozenset(table.words("COUNTRY_NOUN"))
        # One word before a position: a capitalized word (with a possessive "'s" or "s'"), or
        # one joined to the name by an ampersand or "and" ("Tiffany & Co.", "the Peace and
        # Security Council").
        self._word_before = regex.compile(
            rf"(?<![\w.'\u2019-])(?P<word>{_CAP})(?:{_SP}(?P<joiner>&|and))?{_SP}$")
        # The of-phrase after a head: "of Mines", "for the Liberation of the Enclave",
        # "of Foreign Affairs and Trade".
        self._of_phrase = regex.compile(
            rf"{_SP}(?:of|for|on){_SP}(?:the{_SP})?{_CAP}"
            rf"(?:(?:{_SP}(?:of|for|on|de|du|des){_SP}(?:the{_SP})?|{_SP}(?:and|&){_SP}|{_SP}){_CAP}){{0,6}}")
        self._acronym = regex.compile(r"[^\S\n]*\((?P<acronym>\p{Lu}[\p{Lu}\d&-]{1,9})\)")
        # "UNAMID said", "the NRC urged": an acronym no gazetteer knows that speaks or asks is a body.
        verbs = table.expand("{SAY}|{DEMAND_TO}")
        self._acronym_speaker = regex.compile(
            rf"(?<![\w.'\u2019-])(?P<acronym>\p{{Lu}}{{2}}[\p{{Lu}}\d]{{1,6}})(?![\w.-])"
            rf"(?={_SP}(?:also{_SP}|has{_SP}|had{_SP})?(?:{verbs})\b)")
        self._of_before = regex.compile(rf"(?<![\w-])of{_SP}(?:the{_SP})?$")
        self._next_cap = regex.compile(rf"{_SP}(?P<word>\p{{Lu}}[\p{{L}}-]*)")
        # A later link of the of-phrase ("… of American States on Friday"): where it may be cut.
        self._later_link = regex.compile(
            rf"{_SP}(?:of|for|on|de|du|des|and|&){_SP}(?:the{_SP})?(?P<word>\p{{Lu}}[\p{{L}}-]*)")

    def find(self, text: str, covered: bytearray, anchors: Sequence[Anchor]) -> list[OrgName]:
        """Organisation names in ``text`` whose head word no other actor mention covers
        (``covered`` marks their characters); ``anchors`` are the known actors, whose
        countries an organisation's name may hold ("the Nepal Power Authority")."""
        by_start = {a.start: a for a in anchors}
        by_end = {a.end: a for a in anchors}
        starts = sorted(by_start)
        found: list[OrgName] = []
        lower: list[frozenset[str]] = []
        for m in self._head.finditer(text):
            head = m.group()
            start, end = m.start(), m.end()
            if m.start() < len(covered) and covered[m.start()]:
                # A known body's name may end a longer one: "the Regional Water Security
                # Council" holds "Security Council"; grow from the known name's start.
                known = by_end.get(end)
                if known is None or known.actor.kind != "organization" or known.start == m.start():
                    continue
                before = self._word_before.search(text, max(0, known.start - 40), known.start)
                if (before is None or (before.group("joiner") == "and" and covered[before.start()])) and \
                        not self._organ_of_another(text, head, end, known, by_end):
                    continue
                start = known.start
            # Left: capitalized words, stopping at a sentence opener or a title.
            words = 0
            before_and: tuple[int, int] | None = None  # the name's start and length before an "and"
            while words < _MAX_LEFT:
                before = self._word_before.search(text, max(0, start - 40), start)
                if before is None:
                    break
                if before.group("joiner") == "and":
                    if covered[before.start()] or before_and is not None:
                        break  # "Russia and Security Council members": two actors
                    before_and = (start, words)
                word = before.group("word")
                bare = word.rstrip("'\u2019s") if word.endswith(("'s", "\u2019s")) else word.rstrip("'\u2019")
                after_article = word in self._start_after_article and \
                    self._article_before.search(text, max(0, before.start() - 5), before.start()) is not None
                if (word in self._not_start and not after_article) or word in self._not_word or bare in self._not_word:
                    break
                if before.start() < len(covered) and covered[before.start()] and \
                        before.start() not in by_start:
                    break  # a person's or title's mention ends here
                start = before.start()
                words += 1
            if before_and is not None and start < before_and[0] and \
                    self._article_before.search(text, max(0, start - 5), start) is None:
                start, words = before_and  # only "the Peace and Security Council" joins across "and"
            right = None
            if head in self._of_heads:
                right = self._of_phrase.match(text, end)
                if right is not None and (first := _FIRST_CAP.search(text, end, right.end())) is not None and \
                        (first.group() in self._not_start or first.group() in self._not_word):
                    right = None  # "the Council on Friday": a date, not the body's name
                if right is not None:
                    end = self._trim_known_tail(text, m.end(), self._cut_at_common_word(text, right), by_start)
            if words == 0 and right is None:
                continue  # a head word alone ("the Council", "Party officials") names no one body
            name_end = self._posted_end(text, head, end, by_start) if right is None else end
            if right is None and name_end == end and (after := self._next_cap.match(text, end)) is not None and \
                    after.group("word") not in self._not_word and after.group("word") not in self._not_start:
                continue  # "Union Station", "Council Resolution": the name goes on as something else
            if words and self._sentence_start(text, start) and self._common_word(text, start, lower):
                start = self._word_after(text, start)  # "Unlike Parliament": the opener is a common word
                words -= 1
                if words == 0 and right is None:
                    continue
            name = " ".join(text[start:name_end].split())
            if name.lower() in self._not_org:
                continue
            country = self._country_in(start, end, starts, by_start)
            end = name_end
            if head in self._country_nouns and words == 0 and right is not None and \
                    self._names_country(text, m.end(), end, by_end):
                continue  # "the Union of Comoros", "the Republic of Kenya" is the country
            acronym = self._acronym.match(text, end)
            found.append(OrgName(start, acronym.end() if acronym else end, name, country,
                                 acronym.group("acronym") if acronym else None, end,
                                 self._parent(text, end, by_end) if right is not None else None))
        found += self._acronym_uses(text, found, covered)
        found += self._short_uses(text, found, covered, lower)
        defined = {org.acronym for org in found if org.acronym}
        for m in self._acronym_speaker.finditer(text):
            if m.group("acronym") not in defined and not covered[m.start()] and \
                    m.group("acronym") not in self._not_start and not self._all_caps_line(text, m.start()):
                found.append(OrgName(m.start(), m.end(), m.group("acronym"), None))
        return found

    def _posted_end(self, text: str, head: str, end: int, by_start: dict[int, Anchor]) -> int:
        """Where a posted body's name ends: after the known country right after "in" or "to" ("the
        UN Mission in South Sudan", "the EU Delegation to Ukraine"; of two, the first: "the UN Office
        in Colombia and Ecuador"); else at its head. The country is where the body works, not whose
        it is."""
        if head not in self._posted_heads or (posted := self._posted.match(text, end)) is None:
            return end
        anchor = by_start.get(posted.end())
        if anchor is None or anchor.actor.kind != "country":
            return end
        return anchor.end

    def _organ_of_another(self, text: str, head: str, end: int, known: Anchor, by_end: dict[int, Anchor]) -> bool:
        """Whether a known body's name is here an organ of another known body: "the General
        Assembly of the Organization of American States" is not the UN's General Assembly. An
        of-phrase naming the body the known one already belongs to ("the Security Council of the
        United Nations", whose gazetteer name holds "United Nations") is no other body's."""
        if head not in self._of_heads or (right := self._of_phrase.match(text, end)) is None:
            return False
        of_end = self._cut_at_common_word(text, right)
        parent = self._parent(text, of_end, by_end)
        return parent is not None and parent != known.actor.id and \
            by_end[of_end].actor.name not in known.actor.name

    def _parent(self, text: str, end: int, by_end: dict[int, Anchor]) -> str | None:
        """The known body that ends the name after "of": the organ's parent ("the General
        Assembly of the Organization of American States", "the Council of Ministers of the
        League"), for whom the organ speaks."""
        anchor = by_end.get(end)
        if anchor is None or anchor.actor.kind != "organization" or \
                self._of_before.search(text, max(0, anchor.start - 12), anchor.start) is None:
            return None
        return anchor.actor.id

    def _cut_at_common_word(self, text: str, of_phrase: regex.Match[str]) -> int:
        """The of-phrase's end, cut before a later link to a word that opens no name ("the
        Assembly of the States on Friday" ends at "States")."""
        start = of_phrase.start() + 1
        while (link := self._later_link.search(text, start, of_phrase.end())) is not None:
            if link.group("word") in self._not_start or link.group("word") in self._not_word:
                return link.start()
            start = link.end("word")
        return of_phrase.end()

    @staticmethod
    def _all_caps_line(text: str, pos: int) -> bool:
        """Whether the line around ``pos`` is written in capitals (a shouted headline)."""
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        letters = [c for c in text[start:end if end != -1 else len(text)][:200] if c.isalpha()]
        return sum(c.isupper() for c in letters) > 0.6 * len(letters)

    @staticmethod
    def _sentence_start(text: str, pos: int) -> bool:
        i = pos
        while i > 0 and text[i - 1] in " \t\"\u201c'\u2018":
            i -= 1
        return i == 0 or text[i - 1] in ".!?\n:;"

    @staticmethod
    def _word_after(text: str, pos: int) -> int:
        """The start of the word after the one at ``pos``."""
        i = pos
        while i < len(text) and not text[i].isspace():
            i += 1
        while i < len(text) and text[i].isspace():
            i += 1
        return i

    @staticmethod
    def _common_word(text: str, pos: int, lower: list[frozenset[str]]) -> bool:
        """Whether the capitalized word at ``pos`` is written in lower case elsewhere in the
        text: then it is a common word that opens a sentence, not part of a name. The text's
        lower-case words are collected once, on first need, into ``lower``."""
        if not lower:
            lower.append(frozenset(_LOWER_WORD.findall(text)))
        word = _LETTERS.match(text, pos)
        return word is not None and word.group().lower() in lower[0]

    @staticmethod
    def _names_country(text: str, head_end: int, end: int, by_end: dict[int, Anchor]) -> bool:
        """Whether the of-phrase between ``head_end`` and ``end`` is one known country's name
        and nothing more ("of Comoros", "of the Gambia")."""
        anchor = by_end.get(end)
        return anchor is not None and anchor.actor.kind == "country" and \
            text[head_end:anchor.start].split() in (["of"], ["of", "the"])

    @staticmethod
    def _trim_known_tail(text: str, head_end: int, end: int, by_start: dict[int, Anchor]) -> int:
        """The of-phrase's end, cut before "and" when a known actor follows it ("the Ministry
        of Health and Kenya" is two actors)."""
        pos = text.find(" and ", head_end, end)
        while pos != -1:
            if (anchor := by_start.get(pos + 5)) is not None and anchor.role != "demonym":
                return pos
            pos = text.find(" and ", pos + 1, end)
        return end

    @staticmethod
    def _country_in(start: int, end: int, starts: list[int], by_start: dict[int, Anchor]) -> str | None:
        """The country of the first known actor inside a name ("the Nepal Power Authority")."""
        for i in range(bisect.bisect_left(starts, start), len(starts)):
            anchor = by_start[starts[i]]
            if anchor.start >= end:
                break
            if anchor.end <= end:
                actor = anchor.actor
                if actor.kind == "country":
                    return actor.id
                if actor.country:
                    return actor.country
        return None

    def _short_uses(self, text: str, defined: list[OrgName], covered: bytearray,
                    lower: list[frozenset[str]]) -> list[OrgName]:
        """Later uses of a company's first word alone ("Apex said" after "Apex Motors"): the
        same company, unless that word is a common one (written in lower case elsewhere) or
        another capitalized word follows it ("Apex Motors" again, "Apex Road")."""
        uses: dict[int, OrgName] = {}
        for org in defined:
            words = org.name.split()
            if words and words[0].lower() == "the":
                words = words[1:]
            if len(words) < 2 or words[-1].strip(".,").lower() not in self._company_heads:
                continue
            first = words[0]
            if first in self._not_start or first in self._not_word or not first[:1].isupper() or len(first) < 3:
                continue
            at = text.find(first, org.start)
            if at == -1 or self._common_word(text, at, lower):
                continue
            pattern = regex.compile(rf"(?<![\w-]){regex.escape(first)}(?![\w-])(?!{_SP}\p{{Lu}})")
            for m in pattern.finditer(text, org.end):
                if m.start() < len(covered) and covered[m.start()]:
                    continue
                uses.setdefault(m.start(), OrgName(m.start(), m.end(), org.name, org.country))
        return list(uses.values())

    def _acronym_uses(self, text: str, defined: list[OrgName], covered: bytearray) -> list[OrgName]:
        """Later bare uses of each acronym the text defined: the same body."""
        uses: list[OrgName] = []
        for org in defined:
            if org.acronym is None:
                continue
            pattern = regex.compile(rf"(?<![\w-]){regex.escape(org.acronym)}(?![\w-])")
            for m in pattern.finditer(text, org.end):
                if m.start() < len(covered) and covered[m.start()]:
                    continue
                uses.append(OrgName(m.start(), m.end(), org.name, org.country))
        return uses
