"""Known actors: countries, organizations and user entries, and the surface forms naming them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from diplonews.rules.errors import RuleError
from diplonews.rules.schema import ActorEntry, GazetteerFile
from diplonews.rules.trie import trie_regex

__all__ = ["Gazetteer", "KnownActor", "slug"]

_SLUG = regex.compile(r"[^\p{L}\p{N}]+")


def slug(name: str) -> str:
    """A stable id for a canonical name."""
    return _SLUG.sub("-", name.casefold()).strip("-") or "actor"


@dataclass(frozen=True)
class KnownActor:
    """A gazetteer entry ready for lookup."""

    id: str
    name: str
    kind: str
    country: str | None
    alpha3: str | None
    title: str | None = None


@dataclass(frozen=True)
class SurfaceForm:
    actor: KnownActor
    role: str  # "name", "alias", "metonym" or "demonym"


class Gazetteer:
    """Surface forms of known actors, matched in one compiled pass over the text."""

    def __init__(self, files: Iterable[tuple[str, GazetteerFile]]):
        self.actors: dict[str, KnownActor] = {}
        self.forms: dict[str, SurfaceForm] = {}
        for source, gaz in files:
            for entry in gaz.countries:
                self._add(entry, "country", source)
            for entry in gaz.organizations:
                self._add(entry, entry.kind if entry.kind != "person" else "organization", source)
            for entry in gaz.actors:
                self._add(entry, entry.kind, source)
        for actor in self.actors.values():
            if actor.country is not None and actor.country not in self.actors:
                raise RuleError("DN109", f"actor {actor.name!r} names unknown country {actor.country!r}")
        self.pattern = regex.compile(rf"(?<![\w.-])(?:{trie_regex(self.forms)})(?![\w-]|\.\w)")

    def _add(self, entry: ActorEntry, kind: str, source: str) -> None:
        country = slug(entry.country) if entry.country else None
        actor = KnownActor(slug(entry.name), entry.name, kind, country, entry.alpha3, entry.title)
        self.actors[actor.id] = actor
        for form, role in [(entry.name, "name"), *((a, "alias") for a in entry.aliases),
                           *((m, "metonym") for m in entry.metonyms),
                           *((d, "demonym") for d in entry.demonyms)]:
            form = form.replace("\u2019", "'").strip()
            if len(form) < 2:
                raise RuleError("DN109", f"surface form {form!r} of {entry.name!r} is too short",
                                source=source)
            self.forms[form] = SurfaceForm(actor, role)

    def lookup(self, surface: str) -> SurfaceForm | None:
        """The actor a surface form names, tolerant of spacing."""
        return self.forms.get(" ".join(surface.split()))

    def by_id(self, actor_id: str) -> KnownActor | None:
        return self.actors.get(actor_id)
