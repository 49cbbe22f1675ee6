"""The Parser: composes the pipeline stages around one validated, compiled rule set.

text → normalize → paragraphs, quotations, sentences → actors, dates, places → masked
sentences → rule matches → items → merged Article. A Parser is immutable once built; its
``with_*`` methods return new parsers. It pickles as its configuration (rule files,
gazetteers, item kinds) and recompiles on arrival, so it can be shipped to worker processes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from diplonews.extract.agreements import AgreementBuilder
from diplonews.extract.attribution import QuoteAttribution, QuotePatterns
from diplonews.extract.backfill import backfill_addressees, backfill_meetings, backfill_whereabouts
from diplonews.extract.context import DROPPED, Cues, MatchContext
from diplonews.extract.demands import AddresseeFinder, DemandSplitter
from diplonews.extract.fields import field_roles, group_values
from diplonews.extract.meetings import finish_meeting
from diplonews.extract.speakers import SpeakerFinder
from diplonews.extract.statements import finish_statement
from diplonews.mentions.actor_table import ActorTable
from diplonews.mentions.actors import ActorFinder
from diplonews.mentions.base import Mention
from diplonews.mentions.dates import DateFinder
from diplonews.mentions.gazetteer import Gazetteer
from diplonews.mentions.mask import MaskedSentence, mask_sentence, quote_mentions
from diplonews.mentions.places import PlaceFinder
from diplonews.mentions.spans import SpanSet
from diplonews.merge import merge_agreements, merge_demands, merge_meetings, merge_statements
from diplonews.model import (
    Agreement,
    Article,
    DateValue,
    Demand,
    Evidence,
    Item,
    Meeting,
    Place,
    Span,
    Statement,
)
from diplonews.rules.engine import CompiledRule, RuleMatch, RuleSet, compile_rule
from diplonews.rules.errors import RuleError
from diplonews.rules.loader import (
    default_gazetteers,
    default_rule_files,
    is_shipped,
    load_gazetteer,
    load_rule_file,
    validate,
)
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.rules.schema import GazetteerFile, PlaceholderSpec, RuleFile
from diplonews.text.inputs import binary_reason
from diplonews.text.normalize import NormalizedText, normalize
from diplonews.text.paragraphs import paragraphs
from diplonews.text.quotes import find_quotes
from diplonews.text.sentences import split_sentences

if TYPE_CHECKING:
    from diplonews.selfcheck import RuleCheckFailure

__all__ = ["ItemKind", "Parser", "coerce_published"]

Finisher = Callable[[dict[str, Any], MatchContext], list[dict[str, Any]]]
_MAX_SENTENCE = 5_000


@dataclass(frozen=True)
class ItemKind:
    """An item kind rules can produce: its name in rules, its key in the result, its model."""

    name: str
    plural: str
    model: type[Item]
    finish: Finisher | None = None


def coerce_published(published: object) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO string; anything else is an error."""
    if published is None or (isinstance(published, dt.date) and not isinstance(published, dt.datetime)):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, str):
        # The whole string must be an ISO date or datetime: '2023-06-20garbage' is an error,
        # not silently the 20th of June.
        try:
            return dt.datetime.fromisoformat(published.strip()).date()
        except ValueError as exc:
            raise ValueError(f"published must be an ISO date like '2023-06-20', got {published!r}") from exc
    raise TypeError(f"published must be a datetime.date, datetime or ISO string, got {type(published).__name__}")


def _as_rule_file(source: str | Path | RuleFile | Mapping[str, Any]) -> tuple[str, RuleFile]:
    if isinstance(source, RuleFile):
        return "<python>", source
    if isinstance(source, Mapping):
        return "<python>", validate(RuleFile, source, "<python>", "DN102")
    return str(source), load_rule_file(source)


def _as_gazetteer(source: str | Path | GazetteerFile | Mapping[str, Any]) -> tuple[str, GazetteerFile]:
    if isinstance(source, GazetteerFile):
        return "<python>", source
    if isinstance(source, Mapping):
        return "<python>", validate(GazetteerFile, source, "<python>", "DN109")
    return str(source), load_gazetteer(source)


class Parser:
    """Extracts items from diplomatic news text with a fixed, compiled set of rules.

    >>> parser = Parser.default()
    >>> article = parser.parse("Foreign Minister Wang Yi urged the United States to lift sanctions.")
    >>> [d.action for d in article.demands]
    ['lift sanctions']
    """

    def __init__(
        self,
        rule_files: Sequence[tuple[str, RuleFile]],
        gazetteers: Sequence[tuple[str, GazetteerFile]],
        kinds: Sequence[ItemKind] | None = None,
        timeout: float = 0.25,
    ):
        self._rule_files = tuple(rule_files)
        self._gazetteers = tuple(gazetteers)
        self._timeout = timeout
        self._kinds: dict[str, ItemKind] = {k.name: k for k in (kinds or ())}
        specs, sources = self._placeholders()
        inflections = {lemma: forms for _, f in self._rule_files for lemma, forms in f.inflections.items()}
        self.placeholders = PlaceholderTable(specs, sources, inflections)
        self.rules = RuleSet(self._compile_rules(), timeout=timeout)
        self.gazetteer = Gazetteer(self._gazetteers)
        self._actors = ActorFinder(self.gazetteer, self.placeholders)
        self._places = PlaceFinder(self.placeholders)
        self._speakers = SpeakerFinder(self.placeholders)  # descriptive speakers fill gaps only
        self._addressees = AddresseeFinder(self.placeholders)  # so do groups a demand is made of
        flags = regex.IGNORECASE
        self._cues = Cues(
            future=regex.compile(self.placeholders.expand("{FUTURE_CUE}"), flags),
            cancel=regex.compile(self.placeholders.expand("{CANCEL_CUE}"), flags),
            reaffirm=regex.compile(self.placeholders.expand("{REAFFIRM_CUE}"), flags),
            sign=regex.compile(self.placeholders.expand("{SIGN}"), flags),
            hypothetical=regex.compile(self.placeholders.expand("{HYPOTHETICAL_CUE}"), flags),
            possibility=regex.compile(self.placeholders.expand("{POSSIBILITY_CUE}"), flags),
            contest=regex.compile(self.placeholders.expand("{CONTEST_CUE}"), flags),
            owned_event=regex.compile(self.placeholders.expand("{OWNED_EVENT_CUE}"), flags),
            corporate_heads=frozenset(w.lower() for w in self.placeholders.words("CORPORATE_HEAD")),
            corporate_leads=frozenset(w.lower() for w in self.placeholders.words("CORPORATE_LEAD")),
        )
        self._whereabouts = regex.compile(self.placeholders.expand("{WHEREABOUTS}"), flags)
        self._dates = DateFinder(self._cues.future)
        self._splitter = DemandSplitter.from_rules(self.placeholders)
        self._agreement_builder = AgreementBuilder.from_rules(self.placeholders)
        self._quoted_kinds = [k for k in self._kinds if k != "statement"]
        self._quote_patterns = self._attribution_patterns()
        self._roles = {name: field_roles(kind.model) for name, kind in self._kinds.items()}
        self._needs_donor = self._donor_bound()

    # ---- construction ---------------------------------------------------------------------
    @classmethod
    def default(cls) -> Parser:
        """The parser with diplonews's own rules and gazetteers, built once per process.

        Building expands and analyses every rule (a few seconds; patterns compile when a
        sentence first needs them); a parser is immutable, so one
        instance serves every caller, and ``with_*`` derive new parsers from it.
        """
        cached = _DEFAULTS.get(cls)
        if cached is None:
            cached = _DEFAULTS[cls] = cls(default_rule_files(), default_gazetteers(), _builtin_kinds())
        return cached

    def _replace(self, **changes: Any) -> Parser:
        config: dict[str, Any] = {"rule_files": self._rule_files, "gazetteers": self._gazetteers,
                                  "kinds": tuple(self._kinds.values()), "timeout": self._timeout}
        config.update(changes)
        return Parser(**config)

    def with_rules(self, *sources: str | Path | RuleFile | Mapping[str, Any]) -> Parser:
        """A new parser with rule files added after the current ones (same ids override)."""
        return self._replace(rule_files=self._rule_files + tuple(_as_rule_file(s) for s in sources))

    def only_rules(self, *sources: str | Path | RuleFile | Mapping[str, Any]) -> Parser:
        """A new parser whose rules are only these files (the lexicon is kept)."""
        lexicon = [(src, RuleFile(placeholders=f.placeholders, extend=f.extend, overlap=f.overlap,
                                      inflections=f.inflections))
                   for src, f in self._rule_files]
        return self._replace(rule_files=tuple(lexicon) + tuple(_as_rule_file(s) for s in sources))

    def without_rules(self, *rule_ids: str) -> Parser:
        """A new parser with these rules switched off."""
        return self._replace(rule_files=(*self._rule_files, ("<disabled>", RuleFile(disable=list(rule_ids)))))

    def with_gazetteer(self, *sources: str | Path | GazetteerFile | Mapping[str, Any]) -> Parser:
        """A new parser that also knows these actors."""
        return self._replace(gazetteers=self._gazetteers + tuple(_as_gazetteer(s) for s in sources))

    def with_kind(self, name: str, model: type[Item], plural: str | None = None,
                  finish: Finisher | None = None) -> Parser:
        """A new parser that accepts rules of a user-defined item kind, filling ``model``."""
        if not (isinstance(model, type) and issubclass(model, Item)):
            raise TypeError("an item kind's model must subclass diplonews.Item")
        kinds = [k for k in self._kinds.values() if k.name != name]
        kinds.append(ItemKind(name, plural or name, model, finish))
        return self._replace(kinds=tuple(kinds))

    def with_timeout(self, seconds: float) -> Parser:
        """A new parser whose rules each get at most ``seconds`` per sentence."""
        return self._replace(timeout=seconds)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Parser, (self._rule_files, self._gazetteers, tuple(self._kinds.values()), self._timeout))

    def _placeholders(self) -> tuple[dict[str, PlaceholderSpec], dict[str, str]]:
        specs: dict[str, PlaceholderSpec] = {}
        sources: dict[str, str] = {}
        for source, rule_file in self._rule_files:
            for name, spec in rule_file.placeholders.items():
                specs[name] = spec
                sources[name] = source
        for source, rule_file in self._rule_files:
            for name, words in rule_file.extend.items():
                base = specs.get(name)
                if base is not None and base.verbs is not None:
                    specs[name] = base.model_copy(update={"verbs": [*base.verbs, *words]})
                    continue
                if base is None or base.words is None:
                    raise RuleError("DN104", f"cannot extend {name!r}: no word-list or verb-class placeholder "
                                    "of that name", source=source)
                specs[name] = PlaceholderSpec(words=[*base.words, *words], description=base.description)
        return specs, sources

    def _compile_rules(self) -> list[CompiledRule]:
        chosen: dict[str, CompiledRule] = {}
        disabled: set[str] = set()
        for source, rule_file in self._rule_files:
            seen: set[str] = set()
            for spec in rule_file.rules:
                if spec.id in seen:
                    raise RuleError("DN106", "duplicate rule id", source=source, rule=spec.id)
                seen.add(spec.id)
                kind = self._kinds.get(spec.kind)
                if kind is None:
                    raise RuleError("DN107", f"unknown item kind {spec.kind!r} (known: "
                                    f"{', '.join(sorted(self._kinds))})", source=source, rule=spec.id)
                compiled = compile_rule(spec, self.placeholders, source, rule_file.overlap,
                                        eager=not is_shipped(source))
                allowed = set(kind.model.model_fields) - {"rule", "evidence"}
                unknown = sorted(compiled.fields() - allowed)
                unknown += sorted({_inherit_entry(entry)[0] for entry in spec.inherit} - allowed)
                if unknown:
                    raise RuleError("DN107", f"{spec.kind} has no field(s) {', '.join(unknown)}",
                                    source=source, rule=spec.id)
                chosen.pop(spec.id, None)
                chosen[spec.id] = compiled
            disabled.update(rule_file.disable)
        return [rule for rule_id, rule in chosen.items() if rule_id not in disabled]

    def _attribution_patterns(self) -> QuotePatterns | None:
        """The lexicon's patterns for a standalone quotation's neighbours; None without them."""
        names = set(self.placeholders.names)
        if not {"QUOTE_ATTRIBUTION_AFTER", "QUOTE_ANNOUNCED"} <= names:
            return None
        flags = regex.IGNORECASE
        lead_in = (regex.compile(self.placeholders.expand("{QUOTE_LEAD_IN}"), flags)
                   if "QUOTE_LEAD_IN" in names else None)
        return QuotePatterns(
            after=regex.compile(self.placeholders.expand("{QUOTE_ATTRIBUTION_AFTER}"), flags),
            before=regex.compile(self.placeholders.expand("{QUOTE_ANNOUNCED}"), flags),
            lead_in=lead_in)

    def _donor_bound(self) -> dict[str, frozenset[str]]:
        """Rules that cannot build an item unless the sentence has a donor no rule makes, by
        that donor ("turn": the speaker of a transcript turn under way, which only
        ``QuoteAttribution`` gives). Such a rule inherits a required field its match never
        fills, from a kind that no match of the sentence can donate; where the donor is missing
        every match of it is refused (``_fields``), so it is not run at all."""
        bound: dict[str, set[str]] = {}
        for rule in self.rules.rules:
            model = self._kinds[rule.kind].model
            filled = rule.fields()
            for entry in rule.spec.inherit:
                name, _, source, _ = _inherit_entry(entry)
                source = source or rule.kind
                if source not in self._kinds and name not in filled and model.model_fields[name].is_required():
                    bound.setdefault(source, set()).add(rule.id)
        return {source: frozenset(ids) for source, ids in bound.items()}

    @property
    def kinds(self) -> dict[str, ItemKind]:
        return dict(self._kinds)

    def check_rules(self, *, sources: Collection[str] | None = None) -> list[RuleCheckFailure]:
        """Run every enabled rule's examples and counterexamples (only those of the rule files
        ``sources``, when given); the failures (empty: all good)."""
        from diplonews.selfcheck import check_rules

        return check_rules(self, sources=sources)

    # ---- parsing --------------------------------------------------------------------------
    def parse(self, text: str, published: dt.date | dt.datetime | str | None = None) -> Article:
        """Parse one article. Never raises on content; rejects non-``str`` text with TypeError."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        when = coerce_published(published)
        with _collector_paused():
            norm = normalize(text)
            stages = self._analyse(norm, when)
            article = self._build(norm, when, *stages)
        reason = binary_reason(text)
        if reason is not None:
            # Parsing binary junk "succeeds" with nothing found; say so instead of staying silent.
            article.errors.insert(0, f"input does not look like text: {reason}")
        return article

    def masked_sentences(self, text: str, published: dt.date | str | None = None) -> list[MaskedSentence]:
        """The sentences as rules see them (for explaining and debugging rules)."""
        norm = normalize(text)
        return self._analyse(norm, coerce_published(published))[0]

    def _analyse(self, norm: NormalizedText, published: dt.date | None
                 ) -> tuple[list[MaskedSentence], tuple[Any, list[Mention]]]:
        t = norm.text
        paras = paragraphs(t)
        quotes = find_quotes(t, paras)
        sentences = split_sentences(t, paras, quotes)
        actor_mentions, table = self._actors.find(t, sentences, SpanSet((q.start, q.end) for q in quotes))
        actor_mentions = self._speakers.find(t, sentences, actor_mentions, table, quotes)
        actor_mentions = self._addressees.find(t, sentences, actor_mentions, table)
        para_starts = {start for start, _ in paras}
        mentions: list[Mention] = [*actor_mentions, *quote_mentions(quotes)]
        anchor: DateValue | None = None  # the latest day named: "the next day" counts from it
        for s in sentences:
            dates = self._dates.find(t, s.start, s.end, published, anchor)
            anchor = next((d.date for d in reversed(dates) if d.date is not None and d.date.precision == "day"
                           and d.date.value), anchor)
            mentions.extend(dates)
            mentions.extend(self._places.find(t, s.start, s.end, s.start in para_starts))
        mentions.sort(key=lambda m: m.start)
        masked: list[MaskedSentence] = []
        starts = [m.start for m in mentions]
        # Long quotations are also read from the inside, for the events their speaker reports.
        inner = [q for q in quotes if q.content_end - q.content_start > 30]
        inner_starts = [q.start for q in inner]
        for s in sentences:
            lo = bisect.bisect_left(starts, s.start)
            hi = bisect.bisect_left(starts, s.end)
            masked.append(mask_sentence(t, s.start, s.end, s.paragraph, mentions[lo:hi]))
            first = bisect.bisect_left(inner_starts, s.start)
            last = bisect.bisect_left(inner_starts, s.end)
            for q in inner[first:last]:
                qlo = bisect.bisect_left(starts, q.content_start)
                qhi = bisect.bisect_left(starts, q.content_end)
                inside = [m for m in mentions[qlo:qhi] if "q" not in m.flags]
                masked.append(mask_sentence(t, q.content_start, q.content_end, s.paragraph, inside,
                                            in_quote=True))
        return masked, (table, mentions)

    def _finisher(self, kind: ItemKind) -> Finisher | None:
        if kind.finish is not None:
            return kind.finish
        return {"meeting": finish_meeting, "statement": finish_statement,
                "demand": self._splitter.finish, "agreement": self._agreement_builder.finish}.get(kind.name)

    def dropped_reason(self, match: RuleMatch, sentence: MaskedSentence, norm: NormalizedText) -> str | None:
        """Why ``match`` (in ``sentence`` of the text ``norm``) yields no item: the builder filter that
        refused it; None when it builds one. Judged without earlier items, so a rule that
        inherits a field is reported as needing it."""
        why: list[str] = []
        built = self._fields(match, sentence, norm, {}, why)
        return None if built else (why[0] if why else f"the {match.rule.kind} builder refused it")

    def _fields(self, match: RuleMatch, sentence: MaskedSentence, norm: NormalizedText,
                last: dict[str, dict[str, Any]], why: list[str] | None = None) -> list[dict[str, Any]]:
        """The field values a match yields (several for a split demand, none if rejected; then
        ``why``, if given, receives the reason)."""
        kind = self._kinds[match.rule.kind]
        ctx = MatchContext(norm.text, sentence, match.start, match.end, self._cues)
        values = group_values(match, ctx, self._roles[kind.name])
        values.update({k: v for k, v in match.rule.spec.set.items() if k not in values})
        previous = last.get(kind.name)
        for entry in match.rule.spec.inherit:
            name, joined, source_kind, source_field = _inherit_entry(entry)
            donor = last.get(source_kind) if source_kind else previous
            if joined and donor is not None and isinstance(values.get(name), list):
                given = donor.get(source_field or name)
                added = [v for v in (given if isinstance(given, list) else [given]) if v and v not in values[name]]
                values[name] = [*added, *values[name]]
            elif values.get(name) in (None, [], "") and donor is not None:
                values[name] = donor.get(source_field or name)
            if values.get(name) in (None, [], "") and kind.model.model_fields[name].is_required():
                # nothing to inherit from ("We urge…" with no speaker named before it)
                if why is not None:
                    why.append(f"no {name} in the match and no earlier {source_kind or kind.name} "
                               "to inherit it from")
                return []
        finish = self._finisher(kind)
        built = finish(values, ctx) if finish is not None else [values]
        if not built and why is not None:
            why.append(f"{kind.name} builder: {values.get(DROPPED, 'refused the match')}")
        return built

    def _stays(self, sentence: MaskedSentence, table: ActorTable, norm: NormalizedText
               ) -> list[tuple[int, frozenset[str], Place]]:
        """Persons the sentence says are somewhere ("NAME is in the UAE"): where their next
        meetings named without a place are held (WHEREABOUTS)."""
        found: list[tuple[int, frozenset[str], Place]] = []
        for m in self._whereabouts.finditer(sentence.masked):
            who = frozenset(a for t in sentence.tokens_in(m.start("who"), m.end("who")) for a in t.actor_ids)
            where = sentence.tokens_in(m.start("where"), m.end("where"))
            if not who or not where:
                continue
            place = where[0].place
            if place is None and where[0].actor_ids and (record := table.records.get(where[0].actor_ids[0])):
                place = Place(name=record.name, kind="country")
            if place is not None:
                found.append((norm.to_original(where[0].start), who, place))
        return found

    def _build(self, norm: NormalizedText, published: dt.date | None, masked: list[MaskedSentence],
               context: tuple[Any, list[Mention]]) -> Article:
        def original_span(start: int, end: int) -> Span:
            s, e = norm.to_original(start), norm.to_original(end)
            return Span(start=s, end=e, text=norm.original[s:e])

        items: dict[str, list[Item]] = {name: [] for name in self._kinds}
        last: dict[str, dict[str, Any]] = {}
        errors: list[str] = []
        # Actors named in each meeting mention's sentence, by item identity: they let a mention
        # without participants find its meeting. Kept beside the items, not in them, so an
        # Article equals its own JSON round trip.
        mentioned: dict[int, set[str]] = {}
        # Whose voice tells each demand and agreement (headline, quotation or narration): one event
        # told in two voices is one item even in other words (merge._Retellings).
        voices: dict[int, str] = {}
        told_lead = False
        stays: list[tuple[int, frozenset[str], Place]] = []  # who was said to be where, in text order
        attribution = QuoteAttribution(masked, self._quote_patterns) if self._quote_patterns else None
        # Every sentence's matches at once (RuleSet.find_each: rule by rule is twice as fast). A
        # rule that needs a donor the walk below turns out not to have is dropped from the
        # sentence's matches afterwards, as if it had never run.
        headlines = [_is_headline(s, norm.text) for s in masked]
        searched = self.rules.find_each(
            [s.masked if len(s.masked) <= _MAX_SENTENCE else None for s in masked],
            [self._quoted_kinds if s.in_quote or headline else None for s, headline in zip(masked, headlines, strict=True)])
        for index, sentence in enumerate(masked):
            if attribution is not None:
                attribution.note_names(sentence)
            if len(sentence.masked) > _MAX_SENTENCE:
                # A runaway "sentence" (no punctuation for pages) is skipped to keep parsing
                # linear; the user must hear that part of the text was never read.
                where = original_span(*sentence.to_text(0, len(sentence.masked)))
                errors.append(f"skipped a sentence of {len(sentence.masked)} characters at "
                              f"{where.start}-{where.end} (longer than {_MAX_SENTENCE}): no rules ran on it")
                continue
            if not sentence.in_quote:
                stays.extend(self._stays(sentence, context[0], norm))
            headline = headlines[index]
            voice = "quote" if sentence.in_quote else "headline" if headline else "narrative"
            if voice == "narrative" and not told_lead:
                # The story's first sentence sums it up as a headline does, and the body tells
                # the same event again in its own words (merge._merge_retold).
                voice, told_lead = "lead", True
            provisional = dict(last)
            donor = attribution.donor(index) if attribution is not None else None
            if donor is not None:  # a quotation standing alone: the ranked speaker, or none
                provisional["statement"] = donor
            turn = attribution.turn(index) if attribution is not None else None
            if turn is not None:  # a transcript turn under way: its speaker (statement.transcript-turn)
                provisional["turn"] = turn
            skip = frozenset(rule_id for source, ids in self._needs_donor.items() if source not in provisional
                             for rule_id in ids)
            matches, problems = searched[index]
            if skip:
                matches = [m for m in matches if m.rule.id not in skip]
            errors.extend(problems)
            # Build first, then resolve overlaps among the matches that yield items: a match
            # its builder rejects (a two-word "clause") must not hide a good one.
            built_by_match: dict[int, list[dict[str, Any]]] = {}
            for match in matches:
                built = self._fields(match, sentence, norm, provisional)
                if built:
                    built_by_match[id(match)] = built
                    if _donates(match.rule.kind, built[-1], provisional):
                        provisional[match.rule.kind] = built[-1]
            kept = self.rules.select([m for m in matches if id(m) in built_by_match])
            for match in kept:
                kind = self._kinds[match.rule.kind]
                start, end = sentence.to_text(match.start, match.end)
                span = original_span(start, end)
                evidence = Evidence(start=span.start, end=span.end, text=span.text, rule=match.rule.id)
                for fields in built_by_match[id(match)]:
                    if attribution is not None and kind.name == "statement":
                        attribution.repair(fields, sentence)
                        attribution.spoke(fields, sentence)
                    clean = {k: v for k, v in fields.items() if not k.startswith("_") and v is not None}
                    try:
                        item = kind.model.model_validate({**clean, "rule": match.rule.id,
                                                          "evidence": [evidence]})
                    except Exception as exc:
                        errors.append(f"rule {match.rule.id!r}: could not build {kind.name}: {exc}")
                        continue
                    if isinstance(item, Meeting):
                        mentioned[id(item)] = {a for m in sentence.tokens for a in m.actor_ids}
                    voices[id(item)] = "quote" if voice == "narrative" and _quoted_action(fields, sentence) else voice
                    items[kind.name].append(item)
                    if _donates(kind.name, fields, last):
                        last[kind.name] = fields
        table, mentions = context
        countries = {r.id: r.country for r in table.records.values()}
        # Actors named by a description ("Mexican officials", "his Indian counterpart") may stand
        # for their country when meetings merge.
        described = {r.id for r in table.records.values()
                     if r.kind == "group" or (r.kind == "person" and r.title is not None and r.title == r.name)}
        meetings = merge_meetings([i for i in items.pop("meeting", []) if isinstance(i, Meeting)],
                                  countries.get, lambda m: mentioned.get(id(m), set()), described.__contains__)
        early = norm.text[:2000]
        dateline = next((m for m in mentions if m.source == "dateline" and m.start < len(early)), None)
        backfill_whereabouts(meetings, stays)
        backfill_meetings(meetings, [m for m in mentions if "d" in m.flags], dateline, norm.to_original, published)
        statements = merge_statements([i for i in items.pop("statement", []) if isinstance(i, Statement)])
        demands = merge_demands([i for i in items.pop("demand", []) if isinstance(i, Demand)], countries.get,
                                lambda d: voices.get(id(d), "narrative"))
        backfill_addressees(demands, meetings, countries.get)
        agreements = merge_agreements([i for i in items.pop("agreement", []) if isinstance(i, Agreement)],
                                      countries.get, lambda a: voices.get(id(a), "narrative"),
                                      described.__contains__)
        # Every registered kind is listed, found or not, so ``Article.items`` can tell a kind
        # with no items from a misspelt one.
        extra = {self._kinds[name].plural: found for name, found in items.items()}
        return Article(text=norm.original, published=published, actors=table.to_models(original_span),
                       meetings=_in_text_order(meetings), statements=_in_text_order(statements),
                       demands=_in_text_order(demands), agreements=_in_text_order(agreements),
                       extra_items=extra, errors=errors)


_ItemT = TypeVar("_ItemT", bound=Item)
_SENTENCE_END = regex.compile(r"[.!?:\u201d\"')]\s*$")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector, paused for the length of one parse.

    Everything a parse allocates lives until it returns, and the collector's full passes over
    a growing heap made the time per character grow with document size (+17 % from 10 KB to
    3 MB, flat without them). Reference counting still frees all of it; the few cycles a parse
    may leave are collected once the collector resumes. A collector that was already off
    stays off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _donates(kind: str, fields: dict[str, Any], last: dict[str, dict[str, Any]]) -> bool:
    """Whether an item's fields become the latest of its kind, which later rules inherit from.

    A meeting mention naming fewer than two participants ("at the meeting", "during his visit")
    refers back to the meeting before it; the full one stays the donor, so "An accord was also
    signed at the meeting" takes both sides of it.
    """
    if kind != "meeting" or "meeting" not in last:
        return True
    return len(fields.get("participants") or []) >= 2


def _quoted_action(fields: dict[str, Any], sentence: MaskedSentence) -> bool:
    """Whether a demanded action is worded inside a quotation ("called on X “to cease …”"): the
    story then tells in a document's voice what its narration told in its own words before, and
    merging reads the two as one demand told twice (merge._merge_retold)."""
    span = fields.get("_action_span")
    if not isinstance(span, tuple):
        return False
    return any("q" in m.flags and m.start <= span[0] and span[1] <= m.end for m in sentence.tokens)


def _inherit_entry(entry: str) -> tuple[str, bool, str, str]:
    """An ``inherit`` entry's field, whether it adds to the match's own value ('+='), and the
    kind and field it is taken from ('' for the previous item of the rule's kind, its own field):
    "speaker", "demander=statement.speaker", "participants+=statement.speaker"."""
    name, _, origin = entry.partition("=")
    source_kind, _, source_field = origin.partition(".")
    return name.rstrip("+"), name.endswith("+"), source_kind, source_field


def _is_headline(sentence: MaskedSentence, text: str) -> bool:
    """The article's first line without closing punctuation: it sums up the story, and what it
    says is reported again in the body, so it yields no statement of its own."""
    return sentence.paragraph == 0 and not _SENTENCE_END.search(text, sentence.start, sentence.end)


def _in_text_order(items: list[_ItemT]) -> list[_ItemT]:
    """Items by their first mention, so output order follows the article."""
    return sorted(items, key=lambda item: item.evidence[0].start if item.evidence else 0)


def _builtin_kinds() -> tuple[ItemKind, ...]:
    return (ItemKind("meeting", "meetings", Meeting), ItemKind("statement", "statements", Statement),
            ItemKind("demand", "demands", Demand), ItemKind("agreement", "agreements", Agreement))


_DEFAULTS: dict[type[Parser], Parser] = {}


def default_parser() -> Parser:
    """The shared default parser, built on first use."""
    return Parser.default()
