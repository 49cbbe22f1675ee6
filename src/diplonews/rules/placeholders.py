"""The pattern language: ``{field:TYPE}`` and ``{TYPE}`` placeholders expanded to regex.

Before rules run, every mention in a sentence (actor, date, place, quotation) is replaced by an
atomic token such as ``⟦apc3⟧``: brackets, letters saying what the mention can stand for, and
its number. Token placeholders (``ACTOR``, ``DATE``…) match those tokens, so a rule never has to
re-describe what a name or a date looks like. Word-list and pattern placeholders come from data
(the lexicon) and may use one another. ``{speaker:ACTOR}`` captures into the item field
``speaker``; ``{SAY}`` matches without capturing; ``{verb:SAY}`` captures a word list. A verb
class placeholder (``verbs = [...]``) also takes a form: ``{DEMAND_VERB.passive}`` (see
:mod:`diplonews.rules.verbs`).
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from diplonews.rules.errors import RuleError
from diplonews.rules.schema import PlaceholderSpec
from diplonews.rules.trie import trie_regex
from diplonews.rules.verbs import FORMS, verb_group

__all__ = ["TOKEN", "TOKEN_CLASSES", "TOKEN_FLAGS", "PlaceholderTable", "token_pattern"]

# The letters a mention token carries; a token placeholder matches tokens with its letter.
TOKEN_FLAGS: dict[str, str] = {
    "a": "any actor",
    "p": "a person",
    "c": "a country",
    "o": "an organization or body",
    "g": "a group actor ('Indonesian officials')",
    "m": "a reference to several actors ('the two sides', 'they')",
    "n": "a pronoun",
    "l": "a place",
    "d": "a date",
    "q": "a quotation",
}
TOKEN_CLASSES: dict[str, str] = {
    "ACTOR": "a",
    "PERSON": "p",
    "COUNTRY": "c",
    "ORG": "o",
    "GROUP": "g",
    "PLURAL": "m",
    "PRONOUN": "n",
    "PLACE": "l",
    "DATE": "d",
    "QUOTE": "q",
}
_PLACEHOLDER = regex.compile(
    r"(?<!\\[pPN])\{(?:(?P<field>[a-z_][a-z0-9_]*):)?(?P<name>[A-Z][A-Z0-9_]*)(?:\.(?P<form>[a-z]+))?\}"
)


TOKEN = r"⟦[a-z]*{flag}[a-z]*\d+⟧"
"""Regex source of one mention token carrying ``{flag}`` (its letters are sorted flags)."""


def token_pattern(flag: str) -> str:
    """Regex for one mention token carrying ``flag``; actors and places absorb a leading 'the'."""
    token = TOKEN.format(flag=flag)
    # "\b(?<!-)" is "(?<![\w-])" before a word, in a form the regex engine tests faster.
    return token if flag in "dq" else rf"(?:\b(?<!-)(?:the|a|an)\s+)?{token}"


def _words_regex(words: list[str]) -> str:
    return r"(?<![\w-])(?:" + trie_regex(words) + r")(?![\w-])"


class PlaceholderTable:
    """Placeholders by name, expanded (recursively, cycle-checked) to regex source once."""

    def __init__(
        self,
        specs: Mapping[str, PlaceholderSpec],
        sources: Mapping[str, str] | None = None,
        inflections: Mapping[str, list[str]] | None = None,
    ):
        self._specs = dict(specs)
        self._sources = dict(sources or {})
        self._inflections = {k.lower(): v for k, v in (inflections or {}).items()}
        self._expanded: dict[str, str] = {}
        for name in self._specs:
            self._expand_named(name, ())

    @property
    def names(self) -> list[str]:
        return sorted([*self._specs, *TOKEN_CLASSES, "ACTORS"])

    def words(self, name: str) -> list[str]:
        spec = self._specs.get(name)
        return list(spec.words or []) if spec else []

    def verbs(self, name: str) -> list[str]:
        """The lemmas of a verb-class placeholder (empty for other kinds)."""
        spec = self._specs.get(name)
        return list(spec.verbs or []) if spec else []

    def _expand_form(self, name: str, form: str, source: str | None, rule: str | None) -> str:
        key = f"{name}.{form}"
        if key not in self._expanded:
            spec = self._specs.get(name)
            if spec is None or spec.verbs is None:
                raise RuleError("DN104", f"{{{key}}}: only a verb-class placeholder (verbs = [...]) takes a "
                                f"form", source=source, rule=rule)
            if form not in FORMS:
                raise RuleError("DN104", f"{{{key}}}: unknown verb form {form!r} (known: {', '.join(FORMS)})",
                                source=source, rule=rule)
            self._expanded[key] = verb_group(spec.verbs, form, self.words, self._inflections)
        return self._expanded[key]

    def _expand_named(self, name: str, stack: tuple[str, ...]) -> str:
        if name in self._expanded:
            return self._expanded[name]
        if name in TOKEN_CLASSES:
            return token_pattern(TOKEN_CLASSES[name])
        if name == "ACTORS":
            # One actor, or a list of them ending in "and"/"&". Written as one actor and an
            # optional rest, not as two alternatives that both start with an actor, so the
            # regex engine tests each position for an actor once instead of twice (nearly
            # halves the time of rules that start with ACTORS; same matches).
            one = r"(?:(?:his|her|their|its)\s+)?" + token_pattern("a")
            return rf"(?:{one}(?:(?:\s*,\s*{one})*,?\s+(?:and|&)\s+{one})?)"
        source = self._sources.get(name)
        if name in stack:
            cycle = " -> ".join([*stack[stack.index(name):], name])
            raise RuleError("DN105", f"placeholders refer to each other in a cycle: {cycle}", source=source)
        spec = self._specs.get(name)
        if spec is None:
            raise RuleError("DN104", f"unknown placeholder {{{name}}}", source=source)
        if spec.words is not None:
            result = _words_regex(spec.words)
        elif spec.verbs is not None:
            result = verb_group(spec.verbs, "finite", self.words, self._inflections)
        else:
            assert spec.pattern is not None
            result = self.expand(spec.pattern, source=source, _stack=(*stack, name))
        self._expanded[name] = result
        return result

    def expand(
        self, pattern: str, *, source: str | None = None, rule: str | None = None,
        _stack: tuple[str, ...] = (),
    ) -> str:
        """Regex source for a pattern: placeholders replaced, captured ones as named groups."""

        def replace(match: regex.Match[str]) -> str:
            name, field, form = match.group("name"), match.group("field"), match.group("form")
            if name not in self._specs and name not in TOKEN_CLASSES and name != "ACTORS":
                raise RuleError("DN104", f"unknown placeholder {{{name}}}", source=source, rule=rule)
            if form is not None:
                body = self._expand_form(name, form, source, rule)
            else:
                body = self._expand_named(name, _stack)
            return f"(?P<{field}>{body})" if field else f"(?:{body})"

        return _PLACEHOLDER.sub(replace, pattern)
