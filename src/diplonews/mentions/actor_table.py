"""The actors of one article as they are found: canonical names, titles, aliases, mentions.

Finders add mentions in text order; a person named in part ("Blinken") joins the person named
in full ("Antony Blinken"), found through an index of name words so that long texts stay linear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from diplonews.mentions.gazetteer import Gazetteer, KnownActor, slug
from diplonews.model import Actor, ActorKind, Span

__all__ = ["LOOKBACK", "ActorRecord", "ActorTable"]

@dataclass
class ActorRecord:
    """An actor as the article builds it up, mention by mention."""

    id: str
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def add(self, surface: str, start: int, end: int) -> None:
        surface = " ".join(surface.split())
        if surface != self.name and surface not in self.aliases and surface.lower() not in _PRONOUNS:
            self.aliases.append(surface)
        self.mentions.append((start, end))


_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it", "his", "them"})
# How far back (in mentions) a reference looks for its antecedent; keeps long texts linear.
LOOKBACK = 200


class ActorTable:
    """The actors of one article, by id."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.records: dict[str, ActorRecord] = {}
        self._order: list[str] = []
        self._by_token: dict[str, list[ActorRecord]] = {}

    def known(self, actor: KnownActor) -> ActorRecord:
        record = self.records.get(actor.id)
        if record is None and actor.kind == "person":
            record = self._existing_person(set(actor.name.split()), actor.name.split())
        if record is None:
            kind: ActorKind = actor.kind if actor.kind in ("person", "country", "organization", "group") \
                else "organization"  # type: ignore[assignment]
            record = self._add(ActorRecord(actor.id, actor.name, kind, actor.title, actor.country))
            if actor.country and actor.country not in self.records:
                parent = self.gazetteer.by_id(actor.country)
                if parent is not None:
                    self.known(parent)
        return record

    def with_token(self, token: str) -> list[ActorRecord]:
        """Persons whose name contains this word, latest first."""
        return list(reversed(self._by_token.get(token.casefold(), [])))

    def latest(self, count: int) -> list[ActorRecord]:
        """The most recently created actors, latest first."""
        return [self.records[i] for i in reversed(self._order[-count:])]

    def _index(self, record: ActorRecord) -> None:
        # Keyed case-folded: "MOTEGI Toshimitsu" and a later "Minister Motegi" share a word.
        for token in set(record.name.casefold().split()):
            bucket = self._by_token.setdefault(token, [])
            if record not in bucket:
                bucket.append(record)

    def _add(self, record: ActorRecord) -> ActorRecord:
        self.records[record.id] = record
        self._order.append(record.id)
        if record.kind == "person":
            self._index(record)
        return record

    def person(self, name: str, title: str | None, country: str | None) -> ActorRecord:
        """The person with this name: an existing one it extends or names in part, or a new one."""
        tokens = set(name.split())
        record = self._existing_person(tokens, name.split())
        if record is None:
            actor_id = slug(name)
            while actor_id in self.records:
                actor_id += "-2"
            return self._add(ActorRecord(actor_id, name, "person", title, country))
        if len(tokens) > len(set(record.name.split())):
            if record.name not in record.aliases:
                record.aliases.append(record.name)
            record.name = name
            self._index(record)
        if title and not record.title:
            record.title = title
        if country and not record.country:
            record.country = country
        return record

    def _existing_person(self, tokens: set[str], ordered: list[str] | None = None) -> ActorRecord | None:
        """The person these name words refer to: same words in part ("Blinken"), or the same
        name spelt differently ("Sergei"/"Sergey Lavrov", a dropped letter in "Vladimir Puti")."""
        words = ordered or sorted(tokens)
        candidates: dict[str, ActorRecord] = {}
        for token in tokens:  # a shared given name or surname finds the candidates
            for r in self._by_token.get(token.casefold(), []):
                candidates.setdefault(r.id, r)
        folded = {t.casefold() for t in tokens}
        for record in reversed(list(candidates.values())):
            theirs = record.name.split()
            # The same words in part, in another order or case, are the same name ("MOTEGI
            # Toshimitsu", "Motegi").
            theirs_folded = {t.casefold() for t in theirs}
            if folded <= theirs_folded or theirs_folded <= folded or _spelt_alike(words, theirs):
                return record
        return None

    def descriptive(self, name: str, kind: ActorKind, title: str | None, country: str | None) -> ActorRecord:
        actor_id = slug(name)
        record = self.records.get(actor_id)
        if record is None:
            record = self._add(ActorRecord(actor_id, name, kind, title, country))
        return record

    def to_models(self, original_span: Callable[[int, int], Span]) -> list[Actor]:
        return [
            Actor(id=r.id, name=r.name, kind=r.kind, title=r.title, country=r.country,
                  affiliation=r.affiliation, aliases=list(r.aliases),
                  mentions=[original_span(s, e) for s, e in r.mentions])
            for r in self.records.values() if r.mentions
        ]


def _spelt_alike(mine: list[str], theirs: list[str]) -> bool:
    """Two full names that differ only in spelling: same surname and given-name initial, or same
    given name and a surname one letter longer or shorter."""
    if len(mine) < 2 or len(theirs) < 2:
        return False
    if mine[-1] == theirs[-1] and mine[0][0] == theirs[0][0]:
        return True
    a, b = sorted((mine[-1], theirs[-1]), key=len)
    return mine[0] == theirs[0] and len(a) >= 4 and len(b) == len(a) + 1 and b.startswith(a)
