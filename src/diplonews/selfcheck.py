"""Running rules' own examples and counterexamples, so a rule file proves what it claims.

A rule's ``examples`` are sentences it must turn into an item with given field values; its
``counterexamples`` are sentences it must leave alone. Both are checked through a full parse
with the parser the rule lives in, because that is how a rule really runs: with the rules of its
own file competing for the same words (the overlap policy is per file and kind) and with the
mention finders deciding what is an actor. A rule that only works in isolation is not a working
rule. The one thing switched off is the rules of the same kind from *other* files: they never
compete with this rule, they can only produce a duplicate item that merging folds into one, which
would hide whose item it was.

Comparison is deliberately forgiving, because examples are written by people: an actor field
matches an expected value by the actor's canonical name, any alias, or its surname; a text field
matches when either string contains the other, ignoring case.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from diplonews.model import Article, Item

if TYPE_CHECKING:
    from diplonews.parser import Parser

__all__ = ["RuleCheckFailure", "check_rules"]


@dataclass(frozen=True)
class RuleCheckFailure:
    """One example or counterexample that did not behave as its rule says it should."""

    rule: str
    source: str
    sentence: str
    expected: str
    found: str
    counterexample: bool = False
    masked: tuple[str, ...] = ()
    """The sentence as the rules saw it (names, dates, quotations as tokens): most failures
    are explained there, e.g. a name that was not recognized as an actor stays plain words."""

    def __str__(self) -> str:
        what = "counterexample" if self.counterexample else "example"
        seen = "".join(f"\n  the rules saw: {m}" for m in self.masked)
        return (f"rule {self.rule!r} ({self.source}) {what} {self.sentence!r}: "
                f"expected {self.expected}; found {self.found}{seen}")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _actor_names(article: Article, actor_id: str) -> set[str]:
    actor = article.actor(actor_id)
    if actor is None:
        return {_fold(actor_id)}
    names = {_fold(actor.name), _fold(actor_id), *(_fold(a) for a in actor.aliases)}
    names.add(_fold(actor.name.split()[-1]))
    return names


def _candidates(article: Article, item: Item, field: str) -> list[str]:
    """What a field holds, as strings an expected value may be compared against."""
    value: Any = getattr(item, field, None)
    values = value if isinstance(value, list) else [value]
    found: list[str] = []
    for v in values:
        if v is None:
            continue
        if field in type(item).actor_fields and isinstance(v, str):
            found.extend(sorted(_actor_names(article, v)))
        elif isinstance(v, BaseModel):
            found.extend(_fold(str(x)) for x in v.model_dump().values() if isinstance(x, str))
        else:
            found.append(_fold(str(v)))
    return found


def _matches(article: Article, item: Item, field: str, expected: str) -> bool:
    want = _fold(expected)
    if field in type(item).actor_fields:
        return want in _candidates(article, item, field)
    return any(want in got or (got and got in want) for got in _candidates(article, item, field))


def _describe(article: Article, item: Item, fields: Iterable[str]) -> str:
    parts = []
    for field in fields:
        value: Any = getattr(item, field, None)
        if field in type(item).actor_fields:
            ids = value if isinstance(value, list) else [value]
            shown: Any = [a.name if (a := article.actor(i)) else i for i in ids if i is not None]
            value = shown if isinstance(getattr(item, field, None), list) else (shown[0] if shown else None)
        elif isinstance(value, BaseModel):
            value = value.model_dump(exclude_defaults=True)
        parts.append(f"{field}={value!r}")
    return "{" + ", ".join(parts) + "}"


def _from_rule(article: Article, rule_id: str) -> list[Item]:
    """Items the rule produced or contributed a mention to (merging may keep another's id)."""
    found: list[Item] = []
    for plural in ("meetings", "statements", "demands", "agreements", *article.extra_items):
        for item in article.items(plural):
            if item.rule == rule_id or any(ev.rule == rule_id for ev in item.evidence):
                found.append(item)
    return found


def _fired_rules(article: Article) -> list[str]:
    seen: list[str] = []
    for plural in ("meetings", "statements", "demands", "agreements", *article.extra_items):
        for item in article.items(plural):
            for ev in item.evidence:
                if ev.rule not in seen:
                    seen.append(ev.rule)
    return seen


def _masked(parser: Parser, text: str) -> tuple[str, ...]:
    return tuple(s.masked for s in parser.masked_sentences(text))


def check_rules(parser: Parser, sources: Collection[str] | None = None) -> list[RuleCheckFailure]:
    """Every enabled rule's examples and counterexamples run through ``parser``; the failures.

    An empty list means every rule does what its examples say. Each failure names the rule, the
    file it came from, the sentence, what was expected and what the parse produced instead.
    """
    failures: list[RuleCheckFailure] = []
    checkers: dict[tuple[str, str], Parser] = {}
    for compiled in parser.rules.rules:
        if sources is not None and compiled.source not in sources:
            continue
        spec = compiled.spec
        group = (compiled.source, compiled.kind)
        if group not in checkers:
            others = [r.id for r in parser.rules.rules if r.kind == compiled.kind and r.source != compiled.source]
            checkers[group] = parser.without_rules(*others) if others else parser
        checker = checkers[group]
        for example in spec.examples:
            article = checker.parse(example.text)
            items = _from_rule(article, spec.id)
            expect = {k: ([v] if isinstance(v, str) else list(v)) for k, v in example.expect.items()}
            wanted = ", ".join(f"{k}={v!r}" for k, v in example.expect.items()) or "any item"
            expected = f"an item from this rule with {wanted}"
            model = parser.kinds[spec.kind].model
            missing = sorted(set(expect) - set(model.model_fields))
            if missing:
                failures.append(RuleCheckFailure(spec.id, compiled.source, example.text, expected,
                                                 f"kind {spec.kind!r} has no field(s) {', '.join(missing)}"))
                continue
            if any(all(_matches(article, item, k, v) for k, vs in expect.items() for v in vs)
                   for item in items):
                continue
            if items:
                found = "; ".join(_describe(article, item, expect) for item in items)
            else:
                fired = _fired_rules(article)
                found = "no item from this rule" + (f" (rules that fired: {', '.join(fired)})"
                                                   if fired else "")
                if article.errors:
                    found += f"; errors: {'; '.join(article.errors)}"
            failures.append(RuleCheckFailure(spec.id, compiled.source, example.text, expected, found,
                                             masked=_masked(checker, example.text)))
        for sentence in spec.counterexamples:
            article = checker.parse(sentence)
            items = _from_rule(article, spec.id)
            if items:
                found = "; ".join(_describe(article, item, sorted(type(item).model_fields.keys() - {"rule", "evidence"}))
                                  for item in items)
                failures.append(RuleCheckFailure(spec.id, compiled.source, sentence,
                                                 "the rule not to fire", found, counterexample=True,
                                                 masked=_masked(checker, sentence)))
    return failures
