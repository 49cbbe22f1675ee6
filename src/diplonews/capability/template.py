"""Templates: a capability written once, expanded into many sentences with their expected items.

``{official} {urge:past} {country} to {action}.`` names three slots and a verb. Each slot is
filled from a lexicon (the slot's name, without trailing digits, or the lexicon the capability's
``slots`` table assigns), so ``{country}`` and ``{country2}`` are two *different* countries.
A slot may show an attribute of its filler (``{official.surname}``, ``{country.demonym}``), a
verb its form (``{urge:past_perfect}``, or alternatives ``{urge:past|present_perfect}``), and
``{=talks|a meeting}`` chooses among literal words. A slot whose name is a verb of a ``verb.*``
lexicon is that verb; a slot assigned a verb class ranges over the class.

Expectations use the same slots: ``demander = "{official}"`` is the filler's canonical ``name``
(its text when it has none), ``"{official.surname}"`` an attribute, ``"~{country}"`` any actor
of or for that country (its government, a minister, the country itself), and
``"{country}|{country2}"`` either actor. Expansion is
deterministic: the full product when it fits in ``sample`` cases, otherwise a seeded sample
spread over the templates.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from diplonews.capability.inflect import inflect
from diplonews.capability.lexicon import Entry, Lexicons

__all__ = ["Capability", "Expansion", "TemplateSpec", "bind_specs", "expand", "fill", "lexicon_of", "template_text"]

CapabilityType = Literal["mft", "inv", "neg"]

SLOT = re.compile(r"\{(=[^{}]*|[A-Za-z_]\w*(?:\.\w+)?(?::[\w|]+)?)\}")
"""``{=a|b}``, ``{slot}``, ``{slot.attr}``, ``{slot:form}``, ``{slot.attr:form|form}``."""

_TEXT_FORMS = {"cap", "lower", "upper"}


def _match_any() -> list[dict[str, Any]]:
    return [{}]


class TemplateSpec(BaseModel):
    """A template with expectations (or a negative's forbidden items) of its own, overriding the
    capability's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    expect: list[dict[str, Any]] | None = None
    forbid: list[dict[str, Any]] | None = None


class Capability(BaseModel):
    """One behaviour of the parser, as templates plus what every expansion must (not) yield.

    ``type`` is ``mft`` (minimum functionality: each expansion yields the expected items, and
    with ``exact`` no other item of ``kind``), ``inv`` (invariance: each ``perturb`` of an
    expansion yields the same items as the expansion) or ``neg`` (no item of ``kind`` matches
    a ``forbid`` spec; ``{}`` matches any). An ``mft`` capability or template may ``forbid`` too:
    an item that matches its spec fails the case even when the expected items are there (a
    boundary that must not run on, a second actor that must not appear). ``kind`` is an item kind by plural name, or
    ``actors`` to check the article's actor table. ``group`` reports the capability under
    another heading (``actors`` for coreference checks on statements, say).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: str
    type: CapabilityType = "mft"
    group: str | None = None
    description: str = ""
    templates: list[str | TemplateSpec] = Field(min_length=1)
    slots: dict[str, str] = Field(default_factory=dict)
    expect: list[dict[str, Any]] = Field(default_factory=list)
    forbid: list[dict[str, Any]] = Field(default_factory=_match_any)
    exact: bool = True
    perturb: list[str] = Field(default_factory=list)
    sample: int = Field(default=60, ge=1)
    seed: int = 14
    published: str | None = None
    floor: float | None = Field(default=None, ge=0.0, le=1.0)

    @property
    def heading(self) -> str:
        """The kind this capability reports under."""
        return self.group or self.kind


@dataclass(frozen=True)
class Expansion:
    """One generated sentence, the fillers it used and the items it must yield."""

    capability: str
    template: int
    text: str
    expect: list[dict[str, Any]]
    fillers: dict[str, Entry] = field(default_factory=dict)
    choices: tuple[str, ...] = ()
    """The verb forms and literal words picked, in template order."""
    forbid: list[dict[str, Any]] = field(default_factory=list)
    """Items this sentence must not yield, with its fillers in them (a negative's, or an mft's own)."""

    @property
    def key(self) -> str:
        """Stable identity of the case (its text), used by baselines."""
        return self.text


# ---- template parsing ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Ref:
    slot: str
    attr: str | None
    forms: tuple[str, ...]
    literal: tuple[str, ...] = ()


def _refs(template: str) -> list[_Ref]:
    out = []
    for m in SLOT.finditer(template):
        body = m.group(1)
        if body.startswith("="):
            out.append(_Ref("", None, (), tuple(body[1:].split("|"))))
            continue
        head, _, forms = body.partition(":")
        slot, _, attr = head.partition(".")
        out.append(_Ref(slot, attr or None, tuple(forms.split("|")) if forms else ()))
    return out


def _verb_entry(name: str, lexicons: Lexicons) -> Entry | None:
    for lex, entries in lexicons.items():
        if lex.startswith("verb."):
            for entry in entries:
                if entry.get("base", entry["text"]).replace(" ", "_") == name:
                    return entry
    return None


def lexicon_of(slot: str, capability: Capability, lexicons: Lexicons) -> list[Entry]:
    """The fillers a slot ranges over: its assigned lexicon, its own name's, or a fixed verb."""
    if slot in capability.slots:
        name = capability.slots[slot]
        if name not in lexicons:
            raise ValueError(f"capability {capability.name}: slot {slot!r} names unknown lexicon {name!r}")
        return lexicons[name]
    base = slot.rstrip("0123456789")
    if base in lexicons:
        return lexicons[base]
    verb = _verb_entry(slot, lexicons)
    if verb is not None:
        return [verb]
    raise ValueError(f"capability {capability.name}: slot {{{slot}}} is neither a lexicon "
                     f"(known: {', '.join(sorted(lexicons))}), a verb of a verb.* lexicon, nor in 'slots'")


def _render(ref: _Ref, entry: Entry | None, form: str | None, literal: str | None) -> str:
    if literal is not None:
        return literal
    assert entry is not None
    text = entry.get(ref.attr, "") if ref.attr else entry["text"]
    if ref.attr and ref.attr not in entry:
        raise ValueError(f"filler {entry['text']!r} has no attribute {ref.attr!r}")
    if form is None:
        return text
    if form == "cap":
        return text[:1].upper() + text[1:]
    if form == "lower":
        return text.lower()
    if form == "upper":
        return text.upper()
    return inflect(entry, form)


def _tidy(text: str) -> str:
    """One space between words, none before punctuation, and every sentence begins in capitals."""
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = re.sub(r" ([,.;:?!])", r"\1", text)
    text = re.sub(r"([.!?][\"”’]? )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    text = re.sub(r"\b(\w+s)'s\b", r"\1'", text)  # the Philippines' president
    return text[:1].upper() + text[1:]


def fill(template: str, fillers: Mapping[str, Entry], choices: Sequence[str] = ()) -> str:
    """A template's text with its slots filled; ``choices`` picks forms and literals in order."""
    refs = _refs(template)
    picks = iter(choices)
    parts: list[str] = []
    last = 0
    for m, ref in zip(SLOT.finditer(template), refs, strict=True):
        parts.append(template[last:m.start()])
        if ref.literal:
            parts.append(_render(ref, None, None, next(picks)))
        else:
            form = None
            if ref.forms:
                form = next(picks) if len(ref.forms) > 1 else ref.forms[0]
            parts.append(_render(ref, fillers[ref.slot], form, None))
        last = m.end()
    parts.append(template[last:])
    return _tidy("".join(parts))


# ---- expectations ----------------------------------------------------------------------------
_EXPECT_REF = re.compile(r"\{([A-Za-z_]\w*)(?:\.(\w+))?\}")


def _bind(value: object, fillers: Mapping[str, Entry]) -> object:
    if isinstance(value, str):
        def sub(m: re.Match[str]) -> str:
            entry = fillers.get(m.group(1))
            if entry is None:
                return m.group(0)
            if m.group(2):
                if m.group(2) not in entry:
                    raise ValueError(f"filler {entry['text']!r} has no attribute {m.group(2)!r}")
                return entry[m.group(2)]
            return entry.get("name", entry["text"])
        return _EXPECT_REF.sub(sub, value)
    if isinstance(value, list):
        return [_bind(v, fillers) for v in value]
    if isinstance(value, Mapping):
        return {k: _bind(v, fillers) for k, v in value.items()}
    return value


def bind_specs(specs: Sequence[Mapping[str, Any]], fillers: Mapping[str, Entry]) -> list[dict[str, Any]]:
    """Specs with ``{slot}`` references replaced by the fillers' names or attributes.

    A reference to a slot the template does not fill is an error in the capability, not a
    failing case: it would otherwise compare an item with the literal text ``{slot}``.
    """
    bound = [{k: _bind(v, fillers) for k, v in spec.items()} for spec in specs]
    left = _EXPECT_REF.search(repr(bound))
    if left:
        raise ValueError(f"expectation refers to {left.group(0)}, which this template does not fill "
                         f"(its slots: {', '.join(sorted(fillers)) or 'none'}); give the template its own expect")
    return bound


# ---- expansion -------------------------------------------------------------------------------
def _identities(entry: Entry) -> set[str]:
    return {v.casefold() for k, v in entry.items() if k in ("name", "country")}


def _compatible(fillers: Mapping[str, Entry], lexicon_names: Mapping[str, int]) -> bool:
    """Different slots get different fillers, and no two name the same actor or country."""
    seen: set[str] = set()
    texts: set[tuple[int, str]] = set()
    for slot, entry in fillers.items():
        marker = (lexicon_names[slot], entry["text"])
        if marker in texts:
            return False
        texts.add(marker)
        ids = _identities(entry)
        if ids & seen:
            return False
        seen |= ids
    return True


@dataclass(frozen=True)
class _Plan:
    index: int
    text: str
    expect: list[dict[str, Any]]
    forbid: list[dict[str, Any]]
    slots: tuple[str, ...]
    pools: tuple[list[Entry], ...]
    choices: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        return math.prod(len(p) for p in self.pools) * math.prod(len(c) for c in self.choices)

    def combos(self) -> Iterator[tuple[tuple[Entry, ...], tuple[str, ...]]]:
        for entries in itertools.product(*self.pools):
            for picks in itertools.product(*self.choices):
                yield entries, picks

    def draw(self, rng: random.Random) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
        return (tuple(rng.choice(p) for p in self.pools), tuple(rng.choice(c) for c in self.choices))


def template_text(capability: Capability, index: int) -> str:
    """The text of a capability's template by index."""
    spec = capability.templates[index]
    return spec if isinstance(spec, str) else spec.text


def _plans(capability: Capability, lexicons: Lexicons) -> list[_Plan]:
    plans = []
    for index, spec in enumerate(capability.templates):
        text = spec if isinstance(spec, str) else spec.text
        expect = capability.expect if isinstance(spec, str) or spec.expect is None else spec.expect
        if not isinstance(spec, str) and spec.forbid is not None:
            forbid = spec.forbid
        elif capability.type == "neg" or "forbid" in capability.model_fields_set:
            forbid = capability.forbid
        else:
            forbid = []  # an expectation alone: nothing is forbidden beside it
        refs = _refs(text)
        slots = tuple(dict.fromkeys(r.slot for r in refs if not r.literal))
        pools = tuple(lexicon_of(s, capability, lexicons) for s in slots)
        for slot, pool in zip(slots, pools, strict=True):
            if not pool:
                raise ValueError(f"capability {capability.name}: slot {{{slot}}} has an empty lexicon")
        choices = tuple(r.literal or r.forms for r in refs if r.literal or len(r.forms) > 1)
        plans.append(_Plan(index, text, expect, forbid, slots, pools, choices))
    return plans


def expand(capability: Capability, lexicons: Lexicons) -> list[Expansion]:
    """Every case of a capability, in a stable order (seeded sampling when the product is large)."""
    plans = _plans(capability, lexicons)
    out: list[Expansion] = []
    seen: set[str] = set()
    total = sum(p.size for p in plans)
    rng = random.Random(f"{capability.seed}:{capability.name}")
    quota = [capability.sample // len(plans) + (1 if i < capability.sample % len(plans) else 0)
             for i in range(len(plans))]

    def add(plan: _Plan, entries: tuple[Entry, ...], picks: tuple[str, ...]) -> bool:
        fillers = dict(zip(plan.slots, entries, strict=True))
        pool_ids = {s: id(p) for s, p in zip(plan.slots, plan.pools, strict=True)}
        if not _compatible(fillers, pool_ids):
            return False
        text = fill(plan.text, fillers, picks)
        if text in seen:
            return False
        seen.add(text)
        out.append(Expansion(capability.name, plan.index, text, bind_specs(plan.expect, fillers), fillers, picks,
                             bind_specs(plan.forbid, fillers)))
        return True

    for plan, want in zip(plans, quota, strict=True):
        if total <= capability.sample or plan.size <= want:
            for entries, picks in plan.combos():
                add(plan, entries, picks)
            continue
        got, tries = 0, 0
        while got < want and tries < want * 30:
            tries += 1
            got += add(plan, *plan.draw(rng))
    return out



