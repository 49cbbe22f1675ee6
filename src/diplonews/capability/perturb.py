"""Invariance perturbations: changes to a sentence that must not change what is extracted.

Each perturbation rewrites an expansion's text (a dateline in front, a fronted adverbial,
another quotation-mark style, British or American spelling) or re-fills one of its slots
(``swap:country`` puts another country in). The suite compares the items of both texts with
the fillers abstracted to slot names, so a swap is invariant when the new name lands in the
same roles. A perturbation that leaves the text unchanged yields no case.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from typing import Any

from diplonews.capability.lexicon import Entry, Lexicons
from diplonews.capability.template import Expansion, fill

__all__ = ["AMERICAN_TO_BRITISH", "PERTURBATIONS", "perturb", "respell_specs", "to_american"]

_DATELINE_CITIES = ("GENEVA", "NAIROBI", "JAKARTA", "LIMA", "OSLO", "HANOI", "ACCRA", "QUITO")
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_DATELINE_FORMS = ("{city}, {month} {day} (Wire) - ", "{city} (Wire) — ", "{city}, {month} {day} — ")
_ADVERBIALS = ("On Tuesday, ", "Earlier this week, ", "In a statement, ", "Meanwhile, ",
               "In a separate development, ", "Late on Monday, ")
_DETERMINERS = re.compile(r"^(The|A|An|Both|Its|Their|His|Her)\b")

AMERICAN_TO_BRITISH: dict[str, str] = {
    "organization": "organisation", "organizations": "organisations", "criticized": "criticised",
    "criticize": "criticise", "emphasized": "emphasised", "emphasize": "emphasise",
    "emphasizes": "emphasises", "recognize": "recognise", "recognized": "recognised",
    "normalize": "normalise", "normalization": "normalisation", "stabilize": "stabilise",
    "stabilization": "stabilisation", "prioritize": "prioritise", "apologize": "apologise",
    "defense": "defence", "program": "programme", "programs": "programmes", "center": "centre",
    "labor": "labour", "honor": "honour", "favor": "favour", "dialog": "dialogue",
    "modernize": "modernise", "authorize": "authorise", "authorized": "authorised",
    "finalize": "finalise", "finalized": "finalised", "neighboring": "neighbouring",
    "neighbor": "neighbour", "neighbors": "neighbours", "mobilize": "mobilise", "realize": "realise",
    "minimize": "minimise", "utilize": "utilise", "jeopardize": "jeopardise", "civilian": "civilian",
    "harmonize": "harmonise", "organize": "organise", "organized": "organised", "criticizing": "criticising",
}
_BRITISH_TO_AMERICAN = {b: a for a, b in AMERICAN_TO_BRITISH.items() if a != b}


def _respell(text: str, table: Mapping[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        new = table.get(word.lower())
        if new is None:
            return word
        return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return re.sub(r"[A-Za-z]+", sub, text)


def to_american(text: str) -> str:
    """British spellings of the table turned American (used to compare texts across spellings)."""
    return _respell(text, _BRITISH_TO_AMERICAN)


def respell_specs(name: str, specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Expected items under a spelling perturbation: their words respelled the same way."""
    table = {"british": AMERICAN_TO_BRITISH, "american": _BRITISH_TO_AMERICAN}.get(name)
    if table is None:
        return specs

    def walk(value: object) -> object:
        if isinstance(value, str):
            return _respell(value, table)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value
    return [{k: walk(v) for k, v in spec.items()} for spec in specs]


def _dateline(case: Expansion, rng: random.Random) -> str:
    form = rng.choice(_DATELINE_FORMS)
    head = form.format(city=rng.choice(_DATELINE_CITIES), month=rng.choice(_MONTHS), day=rng.randint(1, 28))
    return head + case.text


def _lower_first(text: str) -> str:
    return _DETERMINERS.sub(lambda m: m.group(1).lower(), text, count=1)


def _adverbial(case: Expansion, rng: random.Random) -> str:
    if case.text.startswith(("\"", "“", "'", "‘")):
        return case.text
    return rng.choice(_ADVERBIALS) + _lower_first(case.text)


def _curly(case: Expansion, rng: random.Random) -> str:
    out, opening = [], True
    for ch in case.text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def _single(case: Expansion, rng: random.Random) -> str:
    """British news style: single quotation marks (only where the text has no apostrophe)."""
    if "'" in case.text or "’" in case.text:
        return case.text
    return _curly(case, rng).replace("“", "‘").replace("”", "’")


def _british(case: Expansion, rng: random.Random) -> str:
    return _respell(case.text, AMERICAN_TO_BRITISH)


def _american(case: Expansion, rng: random.Random) -> str:
    return to_american(case.text)


PERTURBATIONS: dict[str, Callable[[Expansion, random.Random], str]] = {
    "dateline": _dateline,
    "adverbial": _adverbial,
    "curly_quotes": _curly,
    "single_quotes": _single,
    "british": _british,
    "american": _american,
}
"""Text perturbations by name; ``swap:SLOT`` (a new filler for SLOT) is handled by :func:`perturb`."""


def perturb(name: str, case: Expansion, template: str, pools: Mapping[str, list[Entry]],
            rng: random.Random, lexicons: Lexicons) -> tuple[str, dict[str, Entry]]:
    """The perturbed text of a case and the fillers it uses (changed only by a swap)."""
    if name.startswith("swap:"):
        slot = name[5:]
        if slot not in case.fillers:  # this template lacks the slot: no case
            return case.text, dict(case.fillers)
        taken = {t for s, e in case.fillers.items() if s != slot for t in (e.get("name", e["text"]),
                                                                             e.get("country", ""))}
        options = [e for e in pools[slot] if e is not case.fillers[slot] and e["text"] != case.fillers[slot]["text"]
                   and e.get("name", e["text"]) not in taken and e.get("country", "-") not in taken]
        if not options:
            return case.text, dict(case.fillers)
        fillers = dict(case.fillers)
        fillers[slot] = rng.choice(options)
        return fill(template, fillers, case.choices), fillers
    if name not in PERTURBATIONS:
        raise ValueError(f"unknown perturbation {name!r}; known: {', '.join(PERTURBATIONS)}, swap:SLOT")
    return PERTURBATIONS[name](case, rng), dict(case.fillers)

