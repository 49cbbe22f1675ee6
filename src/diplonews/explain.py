"""Why did the parser produce this item? Rule, evidence, and what each placeholder captured.

A parse only records the rule id and evidence span of each item. To debug a rule one also needs
the sentence as the rules saw it (names and dates masked into tokens) and the text each named
group (``{demander:ACTOR}``, ``action``) captured; ``explain`` re-runs the rule matching over
the masked sentences and ties every match back to the items whose evidence it produced.
``coverage`` runs over a corpus and counts how often each rule matched and produced evidence,
which shows rules that never fire (dead, or shadowed by a higher-priority rule).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from diplonews.evaluate import golden_pairs, load_gold, published_of
from diplonews.model import Article, Item
from diplonews.parser import coerce_published, default_parser
from diplonews.testing import describe_item
from diplonews.text.inputs import read_text_file
from diplonews.text.normalize import normalize

if TYPE_CHECKING:
    from diplonews.parser import Parser

__all__ = ["Coverage", "Explanation", "GroupValue", "ItemExplanation", "MatchExplanation", "coverage",
           "explain", "format_coverage", "format_explanation"]

_MAX_SENTENCE = 5_000  # the parser skips longer "sentences" (runaway splits); so do we


@dataclass(frozen=True)
class GroupValue:
    """What one named group of a rule captured: original text and the masked form rules saw."""

    name: str
    text: str
    masked: str
    start: int
    end: int


@dataclass(frozen=True)
class MatchExplanation:
    """One rule match in one masked sentence, with offsets into the original text."""

    rule: str
    kind: str
    start: int
    end: int
    text: str
    masked_sentence: str
    groups: tuple[GroupValue, ...]
    dropped_by: str | None = None
    """For a match that produced no item: the builder filter that refused it, if one did."""


@dataclass(frozen=True)
class ItemExplanation:
    """An item of the parse and the rule matches that produced its evidence."""

    kind: str
    index: int
    item: Item
    summary: str
    matches: tuple[MatchExplanation, ...]


@dataclass
class Explanation:
    """A parse with every item explained, and the rule matches that produced no item."""

    article: Article
    items: list[ItemExplanation] = field(default_factory=list)
    matches: list[MatchExplanation] = field(default_factory=list)
    """Every kept rule match, in text order."""
    sentences: list[str] = field(default_factory=list)
    """The masked sentences, as the rules saw them (names, dates and quotes as tokens)."""
    unused: list[MatchExplanation] = field(default_factory=list)
    """Matches whose item was dropped (failed to build) or merged away without evidence."""


def _matches(text: str, published: dt.date | None, parser: Parser
             ) -> tuple[list[MatchExplanation], list[str], dict[tuple[str, int, int], Callable[[], str | None]]]:
    """Every kept rule match, as the parser finds them, mapped to the original text; and, by
    (rule, start, end), how to ask why a match built no item (asked only of unused matches)."""
    norm = normalize(text)
    non_statement = [k for k in parser.kinds if k != "statement"]
    found: list[MatchExplanation] = []
    refused: dict[tuple[str, int, int], Callable[[], str | None]] = {}
    sentences = parser.masked_sentences(text, published)
    for sentence in sentences:
        if len(sentence.masked) > _MAX_SENTENCE:
            continue
        matches, _ = parser.rules.match(sentence.masked, kinds=non_statement if sentence.in_quote else None)
        for match in matches:

            def original(start: int, end: int) -> tuple[int, int]:
                s, e = sentence.to_text(start, end)  # noqa: B023 - used within this iteration
                return norm.to_original(s), norm.to_original(e)

            start, end = original(match.start, match.end)
            groups = []
            for name, spans in match.groups.items():
                for gs, ge in spans:
                    os_, oe = original(gs, ge)
                    groups.append(GroupValue(name, text[os_:oe], sentence.masked[gs:ge], os_, oe))
            groups.sort(key=lambda g: (g.start, g.name))
            found.append(MatchExplanation(match.rule.id, match.rule.kind, start, end, text[start:end],
                                          sentence.masked, tuple(groups)))
            refused[(match.rule.id, start, end)] = partial(parser.dropped_reason, match, sentence, norm)
    return found, [s.masked for s in sentences], refused


def explain(text: str, published: dt.date | dt.datetime | str | None = None,
            parser: Parser | None = None) -> Explanation:
    """Parse ``text`` and explain each item by the rule matches behind its evidence."""
    parser = parser or default_parser()
    when = coerce_published(published)
    article = parser.parse(text, published=when)
    matches, sentences, refused = _matches(text, when, parser)
    by_span = {(m.rule, m.start, m.end): m for m in matches}
    used: set[tuple[str, int, int]] = set()
    result = Explanation(article, matches=matches, sentences=sentences)
    kinds = ["meetings", "statements", "demands", "agreements", *article.extra_items]
    for kind in kinds:
        for i, item in enumerate(article.items(kind)):
            keys = [(e.rule, e.start, e.end) for e in item.evidence]
            used.update(keys)
            found = tuple(by_span[k] for k in dict.fromkeys(keys) if k in by_span)
            result.items.append(ItemExplanation(kind, i, item, describe_item(item, article), found))
    result.unused = [replace(m, dropped_by=refused[(m.rule, m.start, m.end)]())
                     for m in matches if (m.rule, m.start, m.end) not in used]
    return result


def _match_lines(match: MatchExplanation, indent: str) -> list[str]:
    lines = [f"{indent}{match.rule} @ {match.start}-{match.end}: {match.text!r}",
             f"{indent}  masked: {match.masked_sentence}"]
    for g in match.groups:
        masked = f"   (masked {g.masked!r})" if g.masked != g.text else ""
        lines.append(f"{indent}  {g.name} = {g.text!r}{masked}")
    return lines


def format_explanation(explanation: Explanation, masked: bool = False) -> str:
    """The explanation as text: one block per item, then matches that produced no item.

    ``masked`` adds every sentence as the rules saw it: the place to look when a rule that
    should match does not (a name not recognized as an actor stays plain words).
    """
    lines: list[str] = []
    for entry in explanation.items:
        lines.append(f"{entry.kind[:-1].upper()} #{entry.index}: {entry.summary}")
        for ev in entry.item.evidence:
            lines.append(f"  evidence [{ev.rule}] {ev.start}-{ev.end}: {ev.text!r}")
        for match in entry.matches:
            lines.extend(_match_lines(match, "  "))
        lines.append("")
    if explanation.unused:
        lines.append("MATCHES THAT PRODUCED NO ITEM:")
        for match in explanation.unused:
            lines.extend(_match_lines(match, "  "))
            lines.append(f"    dropped by {match.dropped_by}" if match.dropped_by else
                         "    built an item that was merged away or lost an overlap to another match")
    for error in explanation.article.errors:
        lines.append(f"ERROR {error}")
    if masked:
        lines.append("SENTENCES AS THE RULES SAW THEM:")
        lines.extend(f"  {sentence}" for sentence in explanation.sentences)
    return "\n".join(lines).rstrip() + "\n"


@dataclass
class Coverage:
    """How often each rule matched, and produced evidence, over a corpus."""

    documents: int = 0
    matches: Counter[str] = field(default_factory=Counter)
    evidence: Counter[str] = field(default_factory=Counter)
    rules: list[str] = field(default_factory=list)
    """Every enabled rule of the parser, in rule order."""

    @property
    def never_fired(self) -> list[str]:
        """Rules that never matched any sentence of the corpus."""
        return [r for r in self.rules if not self.matches[r]]


def coverage(corpus_dir: str | Path, parser: Parser | None = None) -> Coverage:
    """Rule matches and evidence counts over every ``NAME.txt`` of a directory.

    Publication dates come from ``NAME.gold.json`` when present.
    """
    parser = parser or default_parser()
    root = Path(corpus_dir)
    result = Coverage(rules=[r.id for r in parser.rules.rules])
    gold_of = {name: gold for name, _, gold in golden_pairs(root)}
    for text_path in sorted(root.glob("*.txt")):
        gold = gold_of.get(text_path.name[: -len(".txt")])
        published = published_of(load_gold(gold)) if gold and gold.exists() else None
        text, _ = read_text_file(text_path)  # a binary file is an InputError naming it
        explanation = explain(text, published, parser)
        result.documents += 1
        result.matches.update(m.rule for m in explanation.matches)
        for entry in explanation.items:
            result.evidence.update(ev.rule for ev in entry.item.evidence)
    return result


def format_coverage(result: Coverage) -> str:
    """A table of rules by matches and evidence, then the rules that never fired."""
    width = max((len(r) for r in result.rules), default=10)
    lines = [f"{'rule':<{width}}  {'matches':>7}  {'evidence':>8}"]
    for rule in sorted(result.rules, key=lambda r: (-result.matches[r], r)):
        lines.append(f"{rule:<{width}}  {result.matches[rule]:>7}  {result.evidence[rule]:>8}")
    never = result.never_fired
    lines.append(f"\n{result.documents} documents; {len(result.rules) - len(never)} of {len(result.rules)} "
                 f"rules fired")
    if never:
        lines.append("never fired: " + ", ".join(never))
    return "\n".join(lines) + "\n"
