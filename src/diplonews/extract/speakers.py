"""Descriptive speakers: actors that only a reporting verb reveals (issue 16).

News attributes much of what it reports to people and bodies it does not name: "officials
said", "a senior security official told reporters", "…, said the ministry", "according to
diplomats familiar with the talks". No gazetteer lists them, yet each is the speaker of its
sentence. This finder reads the stretches of a sentence that no actor mention covers, and
where the lexicon's ``DESCRIPTIVE_SPEAKER`` pattern (10-statements.toml) finds such a phrase
beside a reporting verb, it adds an actor mention for it:

* a group of officials ("officials", "Western diplomats") or one official ("a senior aide")
  is a new descriptive actor named by the phrase without its article;
* a body named by what it is ("the ministry", "the regional body") is the latest known body
  with that word in its name, else a new descriptive body;
* a document that speaks ("the statement said", "the report added") stands for the latest
  body named before it; without one it stays no speaker.

It never replaces a mention the actor finder made: the speaker rules see the same tokens as
before wherever an actor was already found. Words of people who are no diplomatic actors
(analysts, witnesses, residents) are not in its word lists, so they stay unattributed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from diplonews.mentions.actor_table import ActorRecord, ActorTable
from diplonews.mentions.base import Mention
from diplonews.rules.literals import TextGate
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.text.quotes import Quote
from diplonews.text.sentences import Sentence

__all__ = ["SpeakerFinder"]

_ARTICLE = regex.compile(r"^(?:the|a|an|one|his|her|their|its)\s+", regex.IGNORECASE)
_DEFINITE = regex.compile(r"^(?:the|his|her|their|its)\s+", regex.IGNORECASE)
# How far back (in characters) a body word or a document looks for the body it stands for.
_REACH = 2500


class SpeakerFinder:
    """Adds mentions for descriptive speakers beside reporting verbs (see the module doc)."""

    def __init__(self, table: PlaceholderTable):
        names = set(table.names)
        self._pattern: regex.Pattern[str] | None = None
        self._gate: TextGate | None = None
        if "DESCRIPTIVE_SPEAKER" in names:
            expanded = table.expand("{DESCRIPTIVE_SPEAKER}")
            self._pattern = regex.compile(expanded, regex.IGNORECASE)
            # A phrase's head word and a reporting verb: most sentences have no head word, and
            # a scan of the pattern's lookbehinds at every position costs more than the check.
            self._gate = TextGate(expanded)

    def find(self, text: str, sentences: Sequence[Sentence], mentions: list[Mention],
             actors: ActorTable, quotes: Sequence[Quote]) -> list[Mention]:
        """``mentions`` (the actor finder's, in text order) with the descriptive speakers added."""
        if self._pattern is None:
            return mentions
        taken = sorted((m.start, m.end) for m in mentions)
        taken.extend((q.start, q.end) for q in quotes)
        taken.sort()
        starts = [s for s, _ in taken]
        added: list[Mention] = []
        for sentence in sentences:
            piece = text[sentence.start:sentence.end]
            if self._gate is not None and not self._gate.admits(piece):
                continue
            for match in self._pattern.finditer(piece):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if _overlaps(taken, starts, start, end):
                    continue
                first = not piece[:match.start()].strip()
                mention = self._mention(text, match, start, end, first, mentions, actors)
                if mention is not None:
                    added.append(mention)
        if not added:
            return mentions
        return sorted([*mentions, *added], key=lambda m: m.start)

    def _mention(self, text: str, match: regex.Match[str], start: int, end: int, first: bool,
                 mentions: list[Mention], actors: ActorTable) -> Mention | None:
        surface = " ".join(text[start:end].split())
        name = _ARTICLE.sub("", surface)
        if first and name[:1].isupper() and not name.split()[0].isupper():
            name = name[0].lower() + name[1:]  # "Officials said": the capital is the sentence's
        record: ActorRecord | None
        if match.start("people") >= 0:
            record, flags = actors.descriptive(name, "group", None, None), "ag"
        elif match.start("person") >= 0:
            # "the judge said" after "District Judge Karen Webb": the person who bears that title
            titled = _latest_titled(mentions, actors, start, match.group("person").lower()) \
                if _DEFINITE.match(surface) else None
            record = titled if titled is not None else actors.descriptive(name, "person", None, None)
            flags = "ap"
        elif match.start("body") >= 0:
            head = match.group("body").lower()
            record = _latest_body(mentions, actors, start, head)
            if record is None:
                record = actors.descriptive(name, "organization", None, None)
            flags = "ao"
        else:
            record, flags = _latest_body(mentions, actors, start, None), "ao"
            if record is None:
                return None
        record.add(surface, start, end)
        return Mention(start, end, flags, (record.id,), source="descriptive-speaker")


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end) - 1
    while i >= 0:
        s, e = spans[i]
        if e > start and s < end:
            return True
        if e <= start and s < start - 2000:  # spans are short: nothing further back reaches
            return False
        i -= 1
    return False


def _latest_body(mentions: list[Mention], actors: ActorTable, pos: int, head: str | None) -> ActorRecord | None:
    """The latest organization mentioned before ``pos`` (with ``head`` in its name or aliases, when
    given), within reach."""
    i = bisect.bisect_left([m.start for m in mentions], pos) - 1
    while i >= 0 and mentions[i].start >= pos - _REACH:
        for actor_id in mentions[i].actor_ids:
            record = actors.records.get(actor_id)
            if record is None or record.kind != "organization":
                continue
            names = " ".join([record.name, *record.aliases]).lower()
            if head is None or regex.search(rf"(?<![\w-]){regex.escape(head)}(?![\w-])", names):
                return record
        i -= 1
    return None


def _latest_titled(mentions: list[Mention], actors: ActorTable, pos: int, head: str) -> ActorRecord | None:
    """The latest person named before ``pos``, within reach, whose title has the word ``head``:
    a definite description ("the judge", "the coach") refers back to the one who bears it."""
    i = bisect.bisect_left([m.start for m in mentions], pos) - 1
    pattern = regex.compile(rf"(?<![\w-]){regex.escape(head)}(?![\w-])", regex.IGNORECASE)
    while i >= 0 and mentions[i].start >= pos - _REACH:
        for actor_id in mentions[i].actor_ids:
            record = actors.records.get(actor_id)
            if record is not None and record.kind == "person" and record.title and pattern.search(record.title):
                return record
        i -= 1
    return None
