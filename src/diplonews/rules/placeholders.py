"""The pattern language: ``{field:TYPE}`` and ``{TYPE}`` placeholders expanded to regex.

Before rules run, every mention in a sentence (actor, date, place, quotation) is replaced by an
atomic token such as ``⟦apc3⟧``: brackets, letters saying what the mention can stand for, and
its number. Token placeholders (``ACTOR``, ``DATE``…) match those tokens, so a rule never has to
re-describe what a name or a date looks like. Word-list and pattern placeholders come from data
(the lexicon) and may use one another; a word list takes in another's words with an entry that is
only its name (``words = ["{TRADE_END}", "Bank"]``), so a list several finders share is written
once. ``{speaker:ACTOR}`` captures into the item field
``speaker``; ``{SAY}`` matches without capturing; ``{verb:SAY}`` captures a word list. A verb
class placeholder (``verbs = [...]``) also takes a form: ``{DEMAND_VERB.passive}`` (see
:mod:`diplonews.rules.verbs`). ``IRREGULAR_PAST`` is a word list the engine derives from the rule
files' ``[inflections]``: the irregular simple pasts ("took", "knew"), so a list of words that
are no bare verb takes them in without spelling the table out again.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from diplonews.rules.errors import RuleError
from diplonews.rules.schema import PlaceholderSpec
from diplonews.rules.trie import trie_regex
from diplonews.rules.verbs import FORMS, verb_group

__all__ = ["IRREGULAR_PAST", "TOKEN", "TOKEN_CLASSES", "TOKEN_FLAGS", "PlaceholderSpan", "PlaceholderTable",
           "token_pattern", "user_position"]

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
IRREGULAR_PAST = "IRREGULAR_PAST"
"""The built-in word list of irregular simple pasts, derived from ``[inflections]``."""
_INCLUDED = regex.compile(r"\{(?P<name>[A-Z][A-Z0-9_]*)\}")
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


def _irregular_pasts(inflections: Mapping[str, list[str]]) -> list[str]:
    """The simple pasts of ``[inflections]`` that are irregular in form: neither the lemma itself
    ("set", "put") nor a regular spelling of its past (the table lists "visited" and "issued"
    only against a wrongly doubled consonant or a dropped "e")."""
    pasts = [forms[1] if len(forms) == 4 else forms[0] for forms in inflections.values()]
    return [past for lemma, past in zip(inflections, pasts, strict=True)
            if past.lower() not in _regular_pasts(lemma)]


def _regular_pasts(lemma: str) -> set[str]:
    """The ways a regular past of ``lemma`` may be spelled: -ed, -d after "e", -ied after a
    consonant and "y", -ed after a doubled consonant."""
    spelled = {lemma, f"{lemma}ed", f"{lemma}{lemma[-1:]}ed"}
    if lemma.endswith("e"):
        spelled.add(f"{lemma}d")
    if lemma.endswith("y"):
        spelled.add(f"{lemma[:-1]}ied")
    return spelled


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
        self._words: dict[str, list[str]] = {}
        if IRREGULAR_PAST not in self._specs:
            self._words[IRREGULAR_PAST] = _irregular_pasts(self._inflections)
        for name in self._specs:
            self._expand_named(name, ())

    @property
    def names(self) -> list[str]:
        return sorted({*self._specs, *TOKEN_CLASSES, "ACTORS", IRREGULAR_PAST})

    def words(self, name: str) -> list[str]:
        """The words of a word-list placeholder, those of the lists it takes in included."""
        spec = self._specs.get(name)
        if spec is None and name == IRREGULAR_PAST:
            return list(self._words[name])
        return list(self._word_list(name, ())) if spec is not None and spec.words is not None else []

    def _word_list(self, name: str, stack: tuple[str, ...]) -> list[str]:
        if name in self._words:
            return self._words[name]
        source = self._sources.get(name)
        if name in stack:
            cycle = " -> ".join([*stack[stack.index(name):], name])
            raise RuleError("DN105", f"word lists take each other in, in a cycle: {cycle}", source=source)
        spec = self._specs[name]
        assert spec.words is not None
        result: list[str] = []
        for word in spec.words:
            included = _INCLUDED.fullmatch(word)
            if included is None:
                result.append(word)
                continue
            other = self._specs.get(included.group("name"))
            if other is None and included.group("name") == IRREGULAR_PAST:
                result += self._words[IRREGULAR_PAST]
                continue
            if other is None or other.words is None:
                raise RuleError("DN104", f"{name}: {word} names no word-list placeholder", source=source)
            result += self._word_list(included.group("name"), (*stack, name))
        self._words[name] = result
        return result

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
        if name == IRREGULAR_PAST and name not in self._specs:
            return _words_regex(self._words[name])
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
            raise RuleError("DN104", self._unknown([name]), source=source)
        if spec.words is not None:
            result = _words_regex(self._word_list(name, ()))
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
        return self.expand_mapped(pattern, source=source, rule=rule, _stack=_stack)[0]

    def expand_mapped(
        self, pattern: str, *, source: str | None = None, rule: str | None = None,
        _stack: tuple[str, ...] = (),
    ) -> tuple[str, list[PlaceholderSpan]]:
        """Regex source for a pattern, and where each placeholder went, so an error found in
        the expanded regex can be pointed at in the pattern the user wrote."""
        found = list(_PLACEHOLDER.finditer(pattern))
        unknown = [m.group("name") for m in found if not self._known(m.group("name"))]
        if unknown:
            raise RuleError("DN104", self._unknown(unknown), source=source, rule=rule)
        pieces: list[str] = []
        spans: list[PlaceholderSpan] = []
        last = length = 0
        for match in found:
            name, field, form = match.group("name"), match.group("field"), match.group("form")
            literal = pattern[last:match.start()]
            body = self._expand_form(name, form, source, rule) if form else self._expand_named(name, _stack)
            text = f"(?P<{field}>{body})" if field else f"(?:{body})"
            start = length + len(literal)
            spans.append(PlaceholderSpan(match.start(), match.end(), start, start + len(text), name))
            pieces += [literal, text]
            length = start + len(text)
            last = match.end()
        pieces.append(pattern[last:])
        return "".join(pieces), spans

    def _known(self, name: str) -> bool:
        return name in self._specs or name in TOKEN_CLASSES or name in ("ACTORS", IRREGULAR_PAST)

    def _unknown(self, names: list[str]) -> str:
        """Every unknown placeholder of a pattern, each with the closest known name."""
        parts = []
        for name in dict.fromkeys(names):
            near = difflib.get_close_matches(name, self.names, n=1, cutoff=0.6)
            parts.append(f"{{{name}}}" + (f" (did you mean {{{near[0]}}}?)" if near else ""))
        noun = "placeholder" if len(parts) == 1 else "placeholders"
        return f"unknown {noun} " + ", ".join(parts)


@dataclass(frozen=True)
class PlaceholderSpan:
    """Where one placeholder of a user's pattern sits, and where its expansion sits."""

    start: int
    end: int
    expanded_start: int
    expanded_end: int
    name: str


def user_position(position: int, spans: list[PlaceholderSpan]) -> tuple[int, str | None]:
    """The offset in the user's pattern of an offset in its expansion, and the placeholder it
    falls inside (None when it is in the user's own regex text)."""
    shift = 0
    for span in spans:
        if position < span.expanded_start:
            break
        if position < span.expanded_end:
            return span.start, span.name
        shift = span.expanded_end - span.end
    return position - shift, None
