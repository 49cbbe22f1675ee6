"""Descriptive speakers: actors that only a reporting verb reveals (issue 16).

News attributes much of what it reports to people and bodies it does not name: "officials
said", "a senior security official told reporters", "…, said the ministry", "according to
diplomats familiar with the talks". No gazetteer lists them, yet each is the speaker of its
sentence. This finder reads the stretches of a sentence that no actor mention covers, and
where the lexicon's ``DESCRIPTIVE_SPEAKER`` pattern (10-statements.toml) finds such a phrase
beside a reporting verb, it adds an actor mention for it:

* a group of officials ("officials", "Western diplomats") or one official ("a senior aide")
  is a new descriptive actor named by the phrase without its article;
* a group with a definite article ("the ministers") continues the group just named whose name
  ends in its words ("Gulf Cooperation Council finance ministers"), else is a new group;
* a body named by what it is ("the ministry", "the regional body") is the latest known body
  with that word in its name; failing one, a BLOC_NOUN head ("the bloc", "the grouping") is
  the latest body of no one country, or the body a group just named speaks for ("SADC leaders"),
  else a new descriptive body;
* a document that speaks ("the statement said", "the report added") stands for the latest
  body named before it; without one it stays no speaker.

It never replaces a mention the actor finder made: the speaker rules see the same tokens as
before wherever an actor was already found. Words of people who are no diplomatic actors
(analysts, witnesses, residents) are not in its word lists, so they stay unattributed.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence

import regex

from diplonews.mentions.actor_table import ActorRecord, ActorTable
from diplonews.mentions.base import Mention
from diplonews.mentions.spans import SpanSet, matches_at
from diplonews.rules.literals import TextGate, compile_caseless
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.text.quotes import Quote
from diplonews.text.sentences import Sentence

__all__ = ["SpeakerFinder"]

_ARTICLE = regex.compile(r"^(?:the|a|an|one|his|her|their|its|both)\s+", regex.IGNORECASE)
_APPOSED = regex.compile(r"\s*,\s+")
_DEFINITE = regex.compile(r"^(?:the|his|her|their|its)\s+", regex.IGNORECASE)
# A group right after a verb or a preposition ("They urged all citizens to …", "called on the
# rebels to …") is its object, which a 'they' of the next sentence does not continue.
_AFTER_VERB = regex.compile(r"(?<![\w-])(?:\p{Ll}{2,}(?:ed|es)|on|upon|to|for|with|from|by|against)[^\S\n]+"
                            r"(?:(?:all|both|the|its|their|his|her)[^\S\n]+)*$")
# What may open a sentence before its subject group: "The mediators …", "All four envoys …".
_LEADS = frozenset({"", "the", "all", "both", "all the", "both the"})
# How far back (in characters) a body word or a document looks for the body it stands for.
_REACH = 2500

# The openings of DESCRIPTIVE_SPEAKER's alternatives (lookbehinds, matched case-insensitively
# like the whole pattern), each with a forward pattern whose match ends are the positions
# where the lookbehind holds and a phrase, which starts a word, can start (None: after the
# sentence's leading spaces). A scan for these ends is far cheaper than the engine's trying
# every lookbehind at every word boundary; the pattern is then tried only there.
_OPENINGS: dict[str, str | None] = {
    r"""(?<=^\s*|[,;:\u2014(]\s*|\b(?:that|and|but|while|whereas|as|after)\s+|[\u201d\u201c"']\s*)""":
        r"""[,;:\u2014(\u201d\u201c"']\s*|\b(?:that|and|but|while|whereas|as|after)\s+""",
    r"(?<=\b(?:said|says|added|adds|stated|wrote|according\s+to)\s+)":
        r"\b(?:said|says|added|adds|stated|wrote|according\s+to)\s+",
    r"(?<=\b(?:quoted|citing)\s+)": r"\b(?:quoted|citing)\s+",
    r"(?<=^\s*)": None,
}
# The opening after a passive verb of saying ("was told by …"), whose verbs are the lexicon's
# PASSIVE_SAY, and its scan: from "by" on, as the scan finds one match per start and "told "
# opens another scan's match.
_PASSIVE_OPENING = r"(?<=(?:{PASSIVE_SAY})\s+by\s+)"
_PASSIVE_SCAN = r"(?<=(?:{PASSIVE_SAY})\s+)by\s+"
_LEADING_SPACE = regex.compile(r"\s*")


def _opening_scans(table: PlaceholderTable) -> dict[str, str | None]:
    """``_OPENINGS`` with the passive opening, as the lexicon spells its verbs."""
    if "PASSIVE_SAY" not in table.names:
        return _OPENINGS
    return {**_OPENINGS, table.expand(_PASSIVE_OPENING): table.expand(_PASSIVE_SCAN)}


def _opening_scan(source: str, openings: dict[str, str | None]) -> regex.Pattern[str] | None:
    """A forward pattern finding where a match of ``source`` can start, when ``source`` is a
    word boundary before alternatives that each open with a lookbehind of ``openings``; None
    for any other shape (the pattern is then scanned whole, as before)."""
    while source.startswith("(?:") and _group_end(source, 0) == len(source):
        source = source[3:-1]
    if not source.startswith("\\b(?:") or _group_end(source, 2) != len(source):
        return None
    scans: list[str] = []
    for branch in _branches(source[5:-1]):
        opening = branch[:_group_end(branch, 0)] if branch.startswith("(?<=") else ""
        if opening not in openings:
            return None
        scan = openings[opening]
        if scan is not None:
            scans.append(scan)
    return compile_caseless("|".join(scans) or "(?!)")


def _walk(source: str, start: int) -> Iterator[tuple[int, int]]:
    """The positions of a regex source from ``start`` on, each with the nesting depth of
    groups there; escaped characters and the insides of character classes are skipped."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1:i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, depth
        i += 1


def _group_end(source: str, start: int) -> int:
    """Where the group opening at ``start`` ends (just after its ")"); -1 if it never does."""
    return next((i + 1 for i, depth in _walk(source, start) if depth == 0), -1)


def _branches(source: str) -> list[str]:
    """The top-level alternatives of a regex source."""
    cuts = [i for i, depth in _walk(source, 0) if depth == 0 and source[i] == "|"]
    return [source[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(source)], strict=True)]



def _acronym_start(name: str) -> bool:
    """Whether a phrase opens with an acronym ("US officials", "MLAs"), whose capital stays
    when a sentence-initial one is lowered: its second letter is a capital too."""
    return name.split()[0][1:2].isupper()

class SpeakerFinder:
    """Adds mentions for descriptive speakers beside reporting verbs (see the module doc)."""

    def __init__(self, table: PlaceholderTable):
        names = set(table.names)
        self._pattern: regex.Pattern[str] | None = None
        self._gate: TextGate | None = None
        self._openings: regex.Pattern[str] | None = None
        if "DESCRIPTIVE_SPEAKER" in names:
            expanded = table.expand("{DESCRIPTIVE_SPEAKER}")
            self._pattern = compile_caseless(expanded)
            # A phrase's head word and a reporting verb: most sentences have no head word, and
            # a scan of the pattern's lookbehinds at every position costs more than the check.
            self._gate = TextGate(expanded)
            self._openings = _opening_scan(expanded, _opening_scans(table))
        # A mention right after an address verb ("told The Associated Press") names who listened.
        self._audience = regex.compile(table.expand(r"\b(?:{ADDRESS_VERB})\s+(?:the\s+)?$"), regex.IGNORECASE) \
            if "ADDRESS_VERB" in names else None
        self._company_nouns = frozenset(w.lower() for w in table.words("COMPANY_NOUN"))
        self._company_heads = frozenset(w.lower() for w in table.words("CORPORATE_HEAD"))
        self._bloc_nouns = frozenset(w.lower() for w in table.words("BLOC_NOUN"))
        self._office_words = frozenset(w.lower() for w in table.words("OFFICE_MODIFIER"))
        # Roles of ordinary news that are no office ("the farmer", "the striker"; SPEAKER_PERSON
        # holds the offices): no person's title holds them, so a definite one refers back to
        # whoever the text just named.
        self._roles = frozenset(w.lower() for w in table.words("SPEAKER_ROLE"))
        self._pronoun: regex.Pattern[str] | None = None
        self._group_subject: regex.Pattern[str] | None = None
        if {"PRONOUN_SPEAKER", "GROUP_SUBJECT"} <= names:
            self._pronoun = regex.compile(table.expand("{PRONOUN_SPEAKER}"))
            self._group_subject = regex.compile(table.expand("{GROUP_SUBJECT}"), regex.IGNORECASE)

    def find(self, text: str, sentences: Sequence[Sentence], mentions: list[Mention],
             actors: ActorTable, quotes: Sequence[Quote]) -> list[Mention]:
        """``mentions`` (the actor finder's, in text order) with the descriptive speakers added."""
        if self._pattern is None:
            return mentions
        taken = SpanSet([*((m.start, m.end) for m in mentions), *((q.start, q.end) for q in quotes)])
        starts = [m.start for m in mentions]
        added: list[Mention] = []
        for sentence in sentences:
            piece = text[sentence.start:sentence.end]
            if self._gate is not None and not self._gate.admits(piece):
                continue
            for match in self._matches(piece):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if taken.overlaps(start, end) or self._names_after(text, end, mentions, starts):
                    continue
                first = not piece[:match.start()].strip()
                earlier = _Earlier(mentions, starts, actors, start)
                mention = self._mention(text, match, start, end, first, earlier, actors)
                if mention is not None:
                    added.append(mention)
        merged = sorted([*mentions, *added], key=lambda m: m.start) if added else mentions
        return self._pronoun_speakers(text, sentences, merged, actors)

    @staticmethod
    def _names_after(text: str, end: int, mentions: list[Mention], starts: list[int]) -> bool:
        """Whether a person's name stands in apposition right after the phrase ("The defendant,
        Rodney Kisch, said"): the named person speaks, the phrase only introduces them."""
        gap = _APPOSED.match(text, end)
        if gap is None:
            return False
        at = bisect.bisect_left(starts, gap.end())
        return at < len(mentions) and mentions[at].start == gap.end() and "p" in mentions[at].flags

    def _matches(self, piece: str) -> Iterator[regex.Match[str]]:
        """The pattern's matches in one sentence, tried only where an opening allows one (a
        phrase holds a head word, so no match is empty)."""
        assert self._pattern is not None
        if self._openings is None:
            return self._pattern.finditer(piece)
        starts = {m.end() for m in self._openings.finditer(piece, overlapped=True)}
        lead = _LEADING_SPACE.match(piece)
        starts.add(lead.end() if lead is not None else 0)
        return matches_at(self._pattern, piece, sorted(starts))

    def _pronoun_speakers(self, text: str, sentences: Sequence[Sentence], mentions: list[Mention],
                         actors: ActorTable) -> list[Mention]:
        """Pronouns that speak for an actor only this finder knows. "They said" speaks for the
        group that was the subject just before ("Prosecutors filed charges on Monday. They said
        …"): the latest group actor of the sentence before (same paragraph or the one before),
        else a group phrase opening that sentence. A pair of persons there ("Ana Ruiz and Tom
        Hale met. They said") is left to the actor finder, which reads 'they' as the pair (an
        optional statement per speaker). A "she said" or "it added" the actor finder could not
        resolve goes back to the unnamed person or body that the sentence before named last ("A
        police spokeswoman said … She added …")."""
        if self._pronoun is None or self._group_subject is None:
            return mentions
        replaced: dict[int, Mention] = {}
        added: list[Mention] = []
        starts = [m.start for m in mentions]
        for index, sentence in enumerate(sentences):
            piece = text[sentence.start:sentence.end]
            if index == 0 or not ("he" in piece or "It" in piece or "it" in piece):
                continue
            before = sentences[index - 1]
            if before.paragraph < sentence.paragraph - 1:
                continue
            for match in self._pronoun.finditer(piece):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                at = bisect.bisect_left(starts, start)
                current = mentions[at] if at < len(mentions) and mentions[at].start == start else None
                if current is not None and ("m" not in current.flags or match.start("they") < 0):
                    continue  # the actor finder resolved it to one actor already
                if match.start("they") >= 0:
                    record = self._group_before(text, before, mentions, starts, actors)
                    flags = "agn"
                else:
                    kind = "person" if match.start("person") >= 0 else "organization"
                    record = _last_of_kind(before, mentions, starts, actors, kind)
                    flags = "apn" if kind == "person" else "aon"
                if record is None:
                    continue
                record.mentions.append((start, end))
                mention = Mention(start, end, flags, (record.id,), source="pronoun-speaker")
                if current is not None:
                    replaced[at] = mention
                else:
                    added.append(mention)
        if not replaced and not added:
            return mentions
        kept = [replaced.get(i, m) for i, m in enumerate(mentions)]
        return sorted([*kept, *added], key=lambda m: m.start)

    def _group_before(self, text: str, before: Sentence, mentions: list[Mention], starts: list[int],
                      actors: ActorTable) -> ActorRecord | None:
        """The group a 'they' of the next sentence speaks for: the last actor mention of
        ``before`` if it is a group, else a group phrase that opens it ("Police arrived …"). A
        last group that is the object of a verb or a preposition ("The mediators called on the
        rebels to …") gives way to the group opening the sentence."""
        named = _named_mentions(before, mentions, starts)
        if named:
            last = named[-1]
            if _AFTER_VERB.search(text, max(before.start, last.start - 60), last.start) is not None:
                last = named[0]  # the last is an object: the group opening the sentence, if any
                if text[before.start:last.start].strip(" \"\u201c").lower() not in _LEADS:
                    return None
            record = actors.records.get(last.actor_ids[0])
            if len(last.actor_ids) == 1 and record is not None and record.kind == "group":
                return record
            return None
        assert self._group_subject is not None
        match = self._group_subject.match(text[before.start:before.end])
        if match is None or match.start("people") < 0:
            return None
        name = _ARTICLE.sub("", " ".join(match.group().split()))
        if name[:1].isupper() and not _acronym_start(name):
            name = name[0].lower() + name[1:]
        return actors.descriptive(name, "group", None, None)

    def _mention(self, text: str, match: regex.Match[str], start: int, end: int, first: bool,
                 earlier: _Earlier, actors: ActorTable) -> Mention | None:
        surface = " ".join(text[start:end].split())
        name = _ARTICLE.sub("", surface)
        if match.start("people") >= 0 and all(w[:1].isupper() and w[1:].islower() for w in name.split()):
            # "the Foreign Ministers": a communiqué's capitals on office words and the head, no proper
            # name; a demonym keeps its capital ("The Kenyan Officials" → "Kenyan officials")
            *mods, head = name.split()
            name = " ".join([*(w.lower() if w.lower() in self._office_words else w for w in mods), head.lower()])
        if first and name[:1].isupper() and not _acronym_start(name):
            name = name[0].lower() + name[1:]  # "Officials said": the capital is the sentence's
        record: ActorRecord | None
        if match.start("people") >= 0:
            # "the ministers" after "Finance ministers of the Gulf Cooperation Council met":
            # the group just named whose name ends in the same words, else a group of its own
            same = " " + name.lower()
            record = earlier.latest(lambda r: r.kind == "group" and f" {r.name.lower()}".endswith(same)) \
                if _DEFINITE.match(surface) else None
            record = record or actors.descriptive(name, "group", None, None)
            words = name.lower().split()
            if record.affiliation is None and len(words) >= 3 and words[-1] in self._bloc_nouns and "of" in words[-4:-2]:
                # "finance ministers of the six-nation bloc": the body "the bloc" stands for
                body = earlier.latest_mapped(lambda r: _bloc(r, actors))
                record.affiliation = body.id if body is not None else None
            flags = "ag"
        elif match.start("person") >= 0:
            # "the judge said" after "District Judge Karen Webb": the person who bears that title
            title_word = match.group("person")
            titled = earlier.latest(lambda r: r.kind == "person" and _has_word(r.title or "", title_word)) \
                if _DEFINITE.match(surface) else None
            if titled is None and title_word.lower() in self._roles and surface[:4].lower() == "the " \
                    and earlier.latest(lambda r: r.kind == "person") is not None:
                # "the striker said" after a named player: who is meant is unsure ("his surgeon"
                # is someone else's, so a person of its own)
                return None
            record = titled if titled is not None else actors.descriptive(name, "person", None, None)
            flags = "ap"
        elif match.start("body") >= 0:
            head = match.group("body")
            record = earlier.latest(lambda r: r.kind == "organization" and _has_word(_names(r), head))
            if record is None and head.lower() in self._bloc_nouns:
                # "the bloc said" after "SADC leaders met": the latest body of no one country
                record = earlier.latest_mapped(lambda r: _bloc(r, actors))
            if record is None and head.lower() in self._company_nouns:
                # "the company said" after "Apex Motors": the latest company named
                heads = self._company_heads
                record = earlier.latest(lambda r: r.kind == "organization"
                                        and r.name.split()[-1].strip(".,").lower() in heads)
            if record is None:
                record = actors.descriptive(name, "organization", None, None)
            flags = "ao"
        elif match.start("gathering") >= 0:
            record = earlier.host_of(text, match.group("gathering").split()[-1].lower())
            if record is None:
                return None
            flags = "ag" if record.kind == "group" else "ao"
        else:
            # a document is its issuer's: the actor said to issue it ("Egypt and Jordan issued a
            # joint statement"); failing one, never an outlet's that was only told something, a
            # body; failing one, a group that met ("ASEAN leaders met … Their joint statement urged …")
            audience = self._audience

            def heard(m: Mention) -> bool:
                return audience is None or audience.search(text, max(0, m.start - 20), m.start) is None

            record = earlier.issuer_of(text, match.group("document").split()[-1].lower()) \
                or earlier.latest(lambda r: r.kind == "organization", heard=heard) \
                or earlier.latest(lambda r: r.kind == "group", heard=heard)
            if record is None:
                return None
            flags = {"group": "ag", "country": "ac"}.get(record.kind, "ao")
        record.add(surface, start, end)
        return Mention(start, end, flags, (record.id,), source="descriptive-speaker")


def _bloc(record: ActorRecord, actors: ActorTable) -> ActorRecord | None:
    """The body of no one country that a record is or speaks for ("SADC", "SADC leaders")."""
    if record.kind == "group" and record.affiliation is not None:
        record = actors.records.get(record.affiliation, record)
    return record if record.kind == "organization" and record.country is None else None


class _Earlier:
    """The actors mentioned before a position, latest first, within reach: what a definite
    description ("the judge", "the ministry", "the statement") refers back to."""

    def __init__(self, mentions: list[Mention], starts: list[int], actors: ActorTable, pos: int):
        self._mentions, self._actors, self._pos = mentions, actors, pos
        self._last = bisect.bisect_left(starts, pos) - 1

    def latest_mapped(self, to: Callable[[ActorRecord], ActorRecord | None]) -> ActorRecord | None:
        """The first non-None ``to(record)`` over the actors named before, latest first."""
        found: list[ActorRecord] = []

        def accept(record: ActorRecord) -> bool:
            mapped = to(record)
            if mapped is not None:
                found.append(mapped)
            return mapped is not None

        return found[0] if self.latest(accept) is not None else None

    def host_of(self, text: str, head: str) -> ActorRecord | None:
        """The body or group a gathering was named with before ("the SADC Extraordinary Summit",
        "a summit of the African Union", "ASEAN ministers held an informal meeting"), latest first. Only
        the gathering's own name ties it to a body: one that attended it or was its topic
        ("attended by the AU", "to discuss the future of UNRWA") is not its host. A body said to
        meet ("the Security Council met …") holds the meeting it tells of."""
        named_with = _named_with(head)
        i = self._last
        while i >= 0 and self._mentions[i].start >= self._pos - _REACH:
            mention = self._mentions[i]
            record = _one_record(mention, self._actors)
            if record is not None and record.kind in ("organization", "group") and (
                    named_with[0].match(text, mention.end) or named_with[1].search(text, max(0, mention.start - 40),
                                                                                    mention.start)):
                return record
            i -= 1
        return None

    def issuer_of(self, text: str, head: str) -> ActorRecord | None:
        """The actor said before to have issued a document: "Egypt and Jordan issued a joint
        statement … The statement calls on …" is Egypt's (the first of a joint subject, as for
        demands), "the AU released a communiqué" the AU's."""
        issued = _issued(head)
        i = self._last
        while i >= 0 and self._mentions[i].start >= self._pos - _REACH:
            mention = self._mentions[i]
            record = _issuer_record(mention, self._actors)
            if record is not None and issued.match(text, mention.end):
                # the first of "A and B issued …": a mention joined to this one by "and" or a comma
                while i > 0 and (before := _issuer_record(self._mentions[i - 1], self._actors)) is not None and \
                        _JOINED.fullmatch(text, self._mentions[i - 1].end, self._mentions[i].start) and \
                        _OPENS_CLAUSE.match(text, self._mentions[i - 1].start):
                    record, i = before, i - 1
                return record
            i -= 1
        return None

    def latest(self, accept: Callable[[ActorRecord], bool],
               heard: Callable[[Mention], bool] = lambda _: True) -> ActorRecord | None:
        """The latest actor that ``accept`` takes, named in a mention that ``heard`` takes."""
        i = self._last
        while i >= 0 and self._mentions[i].start >= self._pos - _REACH:
            for actor_id in self._mentions[i].actor_ids if heard(self._mentions[i]) else ():
                record = self._actors.records.get(actor_id)
                if record is not None and accept(record):
                    return record
            i -= 1
        return None


# What may stand between a body and the gathering it holds: capitalised words, ordinals and
# words of kind ("the 44th ASEAN Summit", "the SADC Extraordinary Summit of Heads of State",
# "the UN climate conference", "ASEAN leaders' informal meeting"); a verb or an article between
# ("the IMF attended the conference", "the EU snubs summit talks") unties them.
_GATHERING_WORDS = (r"(?:['\u2019]s?)?(?:[^\S\n]+(?:\p{Lu}[\p{L}'\u2019-]*|\d+(?:st|nd|rd|th)?|of|and|(?:leaders|ministers)['\u2019]?"
                    r"|(?!(?:the|a|an|to|for|at|in|on|with|by|of|from|and|or|but|was|were|is|are)(?![\w-]))\p{Ll}[\p{Ll}-]*(?<!ed|s))){0,5}?[^\S\n]+")


# Gatherings that "X met" tells of ("the Security Council met …. The meeting called …"); a
# conference is not what a body meeting someone holds.
_MET_GATHERINGS = frozenset(["meeting", "session", "summit"])


@functools.cache
def _named_with(head: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Patterns of a gathering named with its host: right after the host's mention ("the AU
    summit", "the AU held a summit", "the UN Security Council met"), and right before it
    ("summit of the …"); compiled once per gathering word."""
    word = regex.escape(head)
    met = r"[^\S\n]+(?:also[^\S\n]+)?(?:met|gathered|convened|assembled)(?![\w-])" \
        if head.lower() in _MET_GATHERINGS else "(?!)"
    return (regex.compile(rf"{_GATHERING_WORDS}(?i:{word})(?![\w-])|{met}"
                          rf"|[^\S\n]+(?:also[^\S\n]+)?(?:held|hosted|convened|organi[sz]ed|chaired)"
                          rf"[^\S\n]+(?:a|an|the|its|their)[^\S\n]+(?:[\p{{L}}'\u2019-]+[^\S\n]+){{0,3}}?(?i:{word})(?![\w-])"),
            regex.compile(rf"(?<![\w-])(?i:{word})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?$"))


# Two issuers joined as one subject: "Egypt and Jordan", "Egypt, Jordan"; the first opens its
# clause ("Hamas attacked Israel and the UN issued …": Israel is an object, no issuer).
_JOINED = regex.compile(r"[^\S\n]*(?:,|[^\S\n]+and)[^\S\n]+(?:the[^\S\n]+)?")
_OPENS_CLAUSE = regex.compile(r"(?<=(?:^|[.!?;:\n\u201c\u201d\"]|,)[^\S\n]*(?:(?i:the|both)[^\S\n]+)?)")


def _one_record(mention: Mention, actors: ActorTable) -> ActorRecord | None:
    """The actor of a mention that names one."""
    return actors.records.get(mention.actor_ids[0]) if len(mention.actor_ids) == 1 else None


def _issuer_record(mention: Mention, actors: ActorTable) -> ActorRecord | None:
    record = _one_record(mention, actors)
    return record if record is not None and record.kind in ("country", "organization", "group") else None


@functools.cache
def _issued(head: str) -> regex.Pattern[str]:
    """A document issued by the subject it follows: " issued a joint statement", " released
    their communiqué" (compiled once per document word)."""
    return regex.compile(
        rf"[^\S\n]+(?:(?:also|jointly|have|has|had)[^\S\n]+)?"
        rf"(?:issued|released|adopted|signed|published|put[^\S\n]+out)[^\S\n]+(?:a|an|the|their|its)[^\S\n]+"
        rf"(?:[\p{{L}}-]+[^\S\n]+){{0,2}}?(?i:{regex.escape(head)})(?![\w-])")


def _names(record: ActorRecord) -> str:
    return " ".join([record.name, *record.aliases])


def _last_of_kind(before: Sentence, mentions: list[Mention], starts: list[int], actors: ActorTable,
                  kind: str) -> ActorRecord | None:
    """The actor of the last mention in ``before`` if it is one actor of ``kind``."""
    named = _named_mentions(before, mentions, starts)
    if not named or len(named[-1].actor_ids) != 1:
        return None
    last = named[-1]
    record = actors.records.get(last.actor_ids[0])
    return record if record is not None and record.kind == kind else None


def _named_mentions(sentence: Sentence, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """The mentions in ``sentence`` that name an actor outright (no pronoun), and not as a
    place: in "ASEAN leaders met in Jakarta. They said …" the speakers are the leaders, not the
    city where they met."""
    lo = bisect.bisect_left(starts, sentence.start)
    hi = bisect.bisect_left(starts, sentence.end)
    return [m for m in mentions[lo:hi] if m.actor_ids and "n" not in m.flags and "l" not in m.flags]


def _has_word(phrase: str, word: str) -> bool:
    """Whether ``word`` (one or more words) stands in ``phrase`` as whole words, any case."""
    return regex.search(rf"(?<![\w-]){regex.escape(word)}(?![\w-])", phrase, regex.IGNORECASE) is not None
