"""The rule engine: compiled rules, matched against masked sentences, overlaps resolved.

The engine knows nothing about meetings or quotes: it runs patterns and reports which named
groups matched where. What the groups mean is the builders' business (``extract/``). A pattern
compiles once per process, when a sentence first needs it; a parser shares its rule set across
documents and threads (compiled ``regex`` patterns are immutable and thread-safe). A rule runs on a sentence
only if the sentence holds the literal strings its pattern cannot match without
(``rules.literals``): most rules are ruled out by a set operation instead of a regex scan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TypeVar

import regex

from diplonews.rules.errors import RuleError
from diplonews.rules.literals import (
    SOURCE_PIECES,
    Choice,
    Prefilter,
    Requirement,
    analyse,
    case_free_sets,
    optional_branches,
)
from diplonews.rules.placeholders import PlaceholderSpan, PlaceholderTable, user_position
from diplonews.rules.schema import OverlapPolicy, RuleSpec

__all__ = ["CompiledRule", "RuleMatch", "RuleSet", "compile_rule", "group_names"]

_FLAGS = regex.IGNORECASE | regex.UNICODE
_T = TypeVar("_T")


_PATTERNS: dict[str, regex.Pattern[str]] = {}
"""Compiled patterns by expanded pattern, for the life of the process.

An expanded rule runs to tens of kilobytes of regex (every verb group spelled out in all its
forms), and compiling it costs far more than matching it. Patterns compile on first use, so a
parser built for one sentence, or derived with ``with_rules`` after extending a verb class,
compiles only the rules a sentence can match; every parser in the process shares the result."""
_REQUIREMENTS: dict[str, tuple[tuple[Requirement, ...], tuple[Choice, ...]]] = {}
_CACHE_LIMIT = 2048


def _remember(cache: dict[str, _T], key: str, value: _T) -> _T:
    if len(cache) >= _CACHE_LIMIT:
        cache.pop(next(iter(cache)))
    cache[key] = value
    return value


def _pattern(expanded: str) -> regex.Pattern[str]:
    found = _PATTERNS.get(expanded)
    if found is None:
        try:
            found = regex.compile(optional_branches(case_free_sets(expanded)), _FLAGS)
        except regex.error:
            found = regex.compile(expanded, _FLAGS)  # the error, at its place in the rule's pattern
        _remember(_PATTERNS, expanded, found)
    return found


def _requirements(expanded: str) -> tuple[tuple[Requirement, ...], tuple[Choice, ...]]:
    found = _REQUIREMENTS.get(expanded)
    if found is None:
        requires, choices = analyse(expanded)
        found = _remember(_REQUIREMENTS, expanded, (tuple(requires), tuple(choices)))
    return found


def group_names(expanded: str) -> frozenset[str]:
    """The named groups of a pattern, read from its source without compiling it."""
    return frozenset(m.group(1) for m in SOURCE_PIECES.finditer(expanded) if m.group(1))


@dataclass(frozen=True)
class CompiledRule:
    """A validated rule with its expanded pattern and the policy of the file it came from."""

    spec: RuleSpec
    expanded: str
    """The rule's pattern with every placeholder spelled out: what the regex engine runs."""
    source: str
    overlap: OverlapPolicy
    requires: tuple[Requirement, ...] = ()
    """Strings of which a sentence must contain one (from each set) for the rule to be tried;
    "\x01" / "\x02" in a string mark where a word must start / end."""
    choices: tuple[Choice, ...] = ()
    """For each, requirements of which a sentence must hold all of one branch's
    (``rules.literals.analyse``)."""
    names: frozenset[str] = frozenset()
    """The pattern's named groups."""

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern, compiled the first time any parser needs it."""
        return _pattern(self.expanded)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def kind(self) -> str:
        return self.spec.kind

    def fields(self) -> set[str]:
        """Names of the item fields this rule can fill."""
        return set(self.names) | set(self.spec.set)


@dataclass(frozen=True)
class RuleMatch:
    """Where a rule matched in a masked sentence, and the spans of its named groups."""

    rule: CompiledRule
    start: int
    end: int
    groups: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _regex_problem(exc: regex.error, pattern: str, spans: list[PlaceholderSpan]) -> str:
    """The regex error at its place in the pattern the user wrote, not in the expansion (whose
    offsets run thousands of characters past anything in the rule file)."""
    message = getattr(exc, "msg", None) or str(exc)
    position = getattr(exc, "pos", None)
    if position is None:
        return f"invalid regular expression: {message}"
    where, inside = user_position(position, spans)
    place = f"inside {{{inside}}} at position {where}" if inside else f"at position {where}"
    if "\n" in pattern:
        return f"invalid regular expression: {message} ({place} of the pattern)"
    return f"invalid regular expression: {message} ({place} of the pattern)\n    {pattern}\n    {' ' * where}^"


def compile_rule(
    spec: RuleSpec, table: PlaceholderTable, source: str, overlap: OverlapPolicy, *, eager: bool = True
) -> CompiledRule:
    """A rule ready to run. ``eager`` compiles its pattern now, so that an error in a user's
    rule is reported when the file is loaded; the shipped rules are tested and compile lazily."""
    expanded, spans = table.expand_mapped(spec.pattern, source=source, rule=spec.id)
    if eager:
        try:
            _pattern(expanded)
        except regex.error as exc:
            raise RuleError("DN103", _regex_problem(exc, spec.pattern, spans), source=source, rule=spec.id) from exc
    requires, choices = _requirements(expanded)
    return CompiledRule(spec, expanded, source, overlap, requires, choices, group_names(expanded))


def _select(matches: list[RuleMatch], policy: OverlapPolicy) -> list[RuleMatch]:
    if policy == "all" or len(matches) < 2:
        return matches
    if policy == "longest":
        order = sorted(matches, key=lambda m: (-(m.end - m.start), m.start, -m.rule.spec.priority))
    elif policy == "first":
        order = sorted(matches, key=lambda m: (m.start, -m.rule.spec.priority, -(m.end - m.start)))
    else:
        order = sorted(matches, key=lambda m: (-m.rule.spec.priority, -(m.end - m.start), m.start))
    kept: list[RuleMatch] = []
    for match in order:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


class RuleSet:
    """An ordered, immutable collection of compiled rules."""

    def __init__(self, rules: Iterable[CompiledRule], timeout: float = 0.25):
        self.rules: tuple[CompiledRule, ...] = tuple(r for r in rules if r.spec.enabled)
        self.timeout = timeout
        self._prefilter = Prefilter([rule.requires for rule in self.rules],
                                    choices=[rule.choices for rule in self.rules])

    def __len__(self) -> int:
        return len(self.rules)

    def by_id(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def match(self, masked: str, kinds: Sequence[str] | None = None) -> tuple[list[RuleMatch], list[str]]:
        """The matches kept by each rule file's overlap policy, and the errors (timeouts)."""
        found, errors = self.find(masked, kinds)
        return self.select(found), errors

    @staticmethod
    def select(matches: Sequence[RuleMatch]) -> list[RuleMatch]:
        """Apply each rule file's overlap policy among matches of one kind from that file."""
        groups: dict[tuple[str, str], list[RuleMatch]] = {}
        for m in matches:
            groups.setdefault((m.rule.source, m.rule.kind), []).append(m)
        kept: list[RuleMatch] = []
        for group in groups.values():
            kept.extend(_select(group, group[0].rule.overlap))
        kept.sort(key=lambda m: (m.start, m.rule.kind))
        return kept

    def find(self, masked: str, kinds: Sequence[str] | None = None,
             skip: Collection[str] = ()) -> tuple[list[RuleMatch], list[str]]:
        """Every match of every rule in a masked sentence, before overlaps are resolved; the
        rules whose ids are in ``skip`` are not run (the caller knows they can yield nothing)."""
        return self.find_each([masked], [kinds], skip)[0]

    def find_each(self, sentences: Sequence[str | None], kinds: Sequence[Sequence[str] | None],
                  skip: Collection[str] = ()) -> list[tuple[list[RuleMatch], list[str]]]:
        """``find`` for each of a document's masked sentences (``None``: not searched), with the
        kinds each may yield.

        The loop runs rule by rule over the sentences, not sentence by sentence over the rules:
        an expanded rule compiles to megabytes of engine nodes, and one rule kept hot in the
        processor's caches across a whole document matches twice as fast as 150 rules taking
        turns on each sentence. Each sentence's matches come out as ``find`` gives them.
        """
        # Which sentences each rule may match: the prefilter's answer per sentence, turned
        # around once so that the loop below visits only the pairs worth a regex run.
        if len(kinds) != len(sentences):
            raise ValueError(f"{len(sentences)} sentences but {len(kinds)} sets of kinds")
        tried: list[list[int]] = [[] for _ in self.rules]
        every = range(len(self.rules))
        for at, text in enumerate(sentences):
            if text is not None:
                for index in compress(every, self._prefilter.possible(text)):
                    tried[index].append(at)
        found: list[list[RuleMatch]] = [[] for _ in sentences]
        errors: list[list[str]] = [[] for _ in sentences]
        for rule, which in zip(self.rules, tried, strict=True):
            if not which or (skip and rule.id in skip):
                continue
            kind, names, pattern = rule.kind, rule.names, None
            for at in which:
                allowed = kinds[at]
                if allowed is not None and kind not in allowed:
                    continue
                text = sentences[at]
                assert text is not None
                if pattern is None:
                    pattern = rule.pattern
                out = found[at]
                try:
                    # concurrent=False: the engine would otherwise release and retake the GIL
                    # around every match, thousands of times per article, for no other thread.
                    for m in pattern.finditer(text, timeout=self.timeout, concurrent=False):
                        if m.end() == m.start():
                            continue
                        groups = {
                            name: [span for span in m.spans(name) if span[1] > span[0]]
                            for name in names
                        }
                        out.append(RuleMatch(rule, m.start(), m.end(), {k: v for k, v in groups.items() if v}))
                except TimeoutError:
                    errors[at].append(f"rule {rule.id!r} ({rule.source}) timed out after {self.timeout}s")
        for out in found:
            out.sort(key=lambda m: (m.start, m.rule.kind))
        return list(zip(found, errors, strict=True))
