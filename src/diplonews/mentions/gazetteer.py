"""Known actors: countries, organizations and user entries, and the surface forms naming them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
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


_BEFORE = r"(?<![\w.-])"
_AFTER = r"(?![\w-]|\.\w)"
_CAPITAL = regex.compile(r"[\p{Lu}\p{Lt}\p{N}]")
_MAX_SCANNERS = 40
# A hyphen between two capitalized words ("US-China"), and the few words on either side of it
# that may make up a name ("Sudan-South Sudan", "EU-United Kingdom").
_PAIR_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}.])-(?=[\p{Lu}\p{N}])")
_PAIR_REACH = 40
_WORDS_BEFORE = regex.compile(r"[\p{L}\p{N}.'&]+(?:[^\S\n][\p{L}\p{N}.'&]+){0,2}$")
_WORDS_AFTER = regex.compile(r"[\p{L}\p{N}.'&]+(?:[^\S\n][\p{L}\p{N}.'&]+){0,2}")
_SPACE = regex.compile(r"[^\S\n]")
_NOT_BEFORE = regex.compile(r"[\w.-]")
_NOT_AFTER = regex.compile(r"[\w-]|\.\w")


def _scanners(forms: list[str]) -> list[regex.Pattern[str]]:
    """Patterns that together find every form, each starting with a lookahead the regex engine
    can search for in a tight loop (a capital, or a form's first two characters).

    A single pattern of all forms makes the engine try the whole trie at every character
    (the leading lookbehind defeats its first-character search), which cost more than half a
    microsecond per character. Forms starting with a capital share one scanner; the few that do
    not ("al-Assad", "the Sudan") are grouped by their first two characters. At any position at
    most one scanner can match, so merging their matches reproduces one pattern's results.
    """
    capital = [f for f in forms if _CAPITAL.match(f)]
    by_start: dict[str, list[str]] = {}
    for form in forms:
        if not _CAPITAL.match(form):
            by_start.setdefault(form[:2], []).append(form)
    scanners = [regex.compile(rf"(?=[\p{{Lu}}\p{{Lt}}\p{{N}}]){_BEFORE}(?:{trie_regex(capital)}){_AFTER}")]
    if len(by_start) > _MAX_SCANNERS or any(" " in start for start in by_start):
        rest = [f for group in by_start.values() for f in group]
        scanners.append(regex.compile(rf"{_BEFORE}(?:{trie_regex(rest)}){_AFTER}"))
    else:
        scanners.extend(regex.compile(rf"(?={regex.escape(start)}){_BEFORE}(?:{trie_regex(group)}){_AFTER}")
                        for start, group in by_start.items())
    return scanners


class Gazetteer:
    """Surface forms of known actors, and the compiled scanners that find them in a text."""

    def __init__(self, files: Iterable[tuple[str, GazetteerFile]]):
        self.actors: dict[str, KnownActor] = {}
        self.forms: dict[str, SurfaceForm] = {}
        source_of: dict[str, str] = {}  # which file each actor came from, for error messages
        for source, gaz in files:
            source_of.update((slug(e.name), source) for e in (*gaz.countries, *gaz.organizations, *gaz.actors))
            for entry in gaz.countries:
                self._add(entry, "country", source)
            for entry in gaz.organizations:
                self._add(entry, entry.kind if entry.kind != "person" else "organization", source)
            for entry in gaz.actors:
                self._add(entry, entry.kind, source)
        for actor in self.actors.values():
            if actor.country is not None and actor.country not in self.actors:
                near = difflib.get_close_matches(actor.country, list(self.actors), n=1)
                hint = f"; did you mean {self.actors[near[0]].name!r}?" if near else ""
                raise RuleError("DN109", f"actor {actor.name!r} names unknown country {actor.country!r}{hint}",
                                source=source_of.get(actor.id))
        self._scanners = _scanners(list(self.forms))
        self._demonyms: dict[str, str] = {}
        for form, surface in self.forms.items():
            if surface.role == "demonym":
                self._demonyms.setdefault(surface.actor.id, form)

    def find(self, text: str, pair_head: regex.Pattern[str] | None = None) -> Iterator[tuple[int, int, str]]:
        """Start, end and surface of each form named in ``text``: leftmost, longest, no overlaps.
        With ``pair_head``, also both names of a hyphenated pair that the pattern matches right
        after ("US-China talks")."""
        found = [(m.start(), -m.end()) for scanner in self._scanners
                 for m in scanner.finditer(text, overlapped=True)]
        if pair_head is not None and "-" in text:
            found.extend(self._hyphen_pairs(text, pair_head))
        found.sort()
        taken = 0
        for start, negative_end in found:
            if start >= taken:
                taken = -negative_end
                yield start, taken, text[start:taken]

    def _hyphen_pairs(self, text: str, head: regex.Pattern[str]) -> Iterator[tuple[int, int]]:
        """Both names of a hyphenated pair before a head noun ("US-China talks", "the third round
        of Sudan-South Sudan negotiations"), as (start, -end). A form never touches a hyphen
        otherwise ("Saudi-led" and "Afro-" are no names), so a pair is read only where the words on
        both sides of the hyphen are whole names, not demonyms ("Arab-Israeli" is an adjective), the
        pair is no name itself ("Guinea-Bissau" is found whole by the scanners), and the head says
        the two sides act together: "China-Brazil ties" stays one modifier."""
        for hyphen in _PAIR_HYPHEN.finditer(text):
            at = hyphen.start()
            left = self._name_ending(text, at)
            right = self._name_starting(text, at + 1) if left is not None else None
            if left is not None and right is not None and head.match(text, right):
                yield left, -at
                yield at + 1, -right

    def _name_ending(self, text: str, end: int) -> int | None:
        words = _WORDS_BEFORE.search(text, max(0, end - _PAIR_REACH), end)
        if words is None:
            return None
        starts = [words.start(), *(m.end() for m in _SPACE.finditer(text, words.start(), end))]
        for start in starts:  # the longest name first
            if (start == 0 or _NOT_BEFORE.match(text, start - 1) is None) and self._pairable(text[start:end]):
                return start
        return None

    def _name_starting(self, text: str, start: int) -> int | None:
        words = _WORDS_AFTER.match(text, start, min(len(text), start + _PAIR_REACH))
        if words is None:
            return None
        ends = [m.start() for m in _SPACE.finditer(text, start, words.end())] + [words.end()]
        for end in reversed(ends):
            candidate = text[start:end].rstrip(".")
            if candidate and _NOT_AFTER.match(text, start + len(candidate)) is None and self._pairable(candidate):
                return start + len(candidate)
        return None

    def _pairable(self, surface: str) -> bool:
        form = self.forms.get(surface)
        return form is not None and form.role != "demonym"

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

    def demonym(self, actor_id: str) -> str | None:
        """The first demonym listed for an actor ("Chinese" for China), if any."""
        return self._demonyms.get(actor_id)

    def by_id(self, actor_id: str) -> KnownActor | None:
        return self.actors.get(actor_id)
