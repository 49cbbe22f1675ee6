"""Verb forms for templates: ``{urge:present_progressive}`` is "is urging".

A capability says *which construction* it tests (a tense, an aspect, a voice, a negation or a
modal) and the lexicon says *which verbs*; inflecting here keeps the two independent, so one
template line covers every verb of a class in every form. Lexicon entries give the base form and
only the irregular parts (``past``, ``participle``); the rest follows English spelling rules.
A multi-word verb ("call on", "sit down with") inflects its first word and keeps the rest.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FORMS", "inflect", "principal_parts"]

_VOWELS = "aeiou"
_DOUBLE = frozenset({"b", "d", "g", "m", "n", "p", "t", "r"})


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _doubles(verb: str) -> bool:
    """Short stressed verbs ending consonant-vowel-consonant double it: 'stop' -> 'stopped'."""
    return (len(verb) >= 3 and verb[-1] in _DOUBLE and verb[-2] in _VOWELS and verb[-3] not in _VOWELS
            and sum(c in _VOWELS for c in verb) == 1)


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if _doubles(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if _doubles(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def principal_parts(entry: Mapping[str, str]) -> dict[str, str]:
    """base, s (3rd person singular), past, participle and ing of a verb entry."""
    base = entry.get("base") or entry["text"]
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    parts = {
        "base": base,
        "s": _third_person(head) + tail,
        "past": _past(head) + tail,
        "ing": _gerund(head) + tail,
    }
    for key in ("s", "past", "ing"):
        if key in entry:
            parts[key] = entry[key]
    parts["participle"] = entry.get("participle", parts["past"])
    return parts


# Each form: a template over the principal parts, singular subject then plural subject.
FORMS: dict[str, tuple[str, str]] = {
    "base": ("{base}", "{base}"),
    "infinitive": ("to {base}", "to {base}"),
    "ing": ("{ing}", "{ing}"),
    "participle": ("{participle}", "{participle}"),
    "present": ("{s}", "{base}"),
    "past": ("{past}", "{past}"),
    "present_progressive": ("is {ing}", "are {ing}"),
    "past_progressive": ("was {ing}", "were {ing}"),
    "present_perfect": ("has {participle}", "have {participle}"),
    "past_perfect": ("had {participle}", "had {participle}"),
    "present_perfect_progressive": ("has been {ing}", "have been {ing}"),
    "future": ("will {base}", "will {base}"),
    "going_to": ("is going to {base}", "are going to {base}"),
    "future_progressive": ("will be {ing}", "will be {ing}"),
    "would": ("would {base}", "would {base}"),
    "could": ("could {base}", "could {base}"),
    "may": ("may {base}", "may {base}"),
    "might": ("might {base}", "might {base}"),
    "should": ("should {base}", "should {base}"),
    "must": ("must {base}", "must {base}"),
    "present_negative": ("does not {base}", "do not {base}"),
    "past_negative": ("did not {base}", "did not {base}"),
    "past_negative_contracted": ("didn't {base}", "didn't {base}"),
    "perfect_negative": ("has not {participle}", "have not {participle}"),
    "never": ("never {past}", "never {past}"),
    "future_negative": ("will not {base}", "will not {base}"),
    "present_passive": ("is {participle}", "are {participle}"),
    "past_passive": ("was {participle}", "were {participle}"),
    "perfect_passive": ("has been {participle}", "have been {participle}"),
    "future_passive": ("will be {participle}", "will be {participle}"),
    "progressive_passive": ("is being {participle}", "are being {participle}"),
}
"""Every form a template may ask for; ``FORM_pl`` agrees with a plural subject."""


def inflect(entry: Mapping[str, str], form: str) -> str:
    """The verb of ``entry`` in ``form`` (a key of :data:`FORMS`, optionally suffixed ``_pl``)."""
    plural = form.endswith("_pl")
    key = form[:-3] if plural else form
    if key not in FORMS:
        raise ValueError(f"unknown verb form {form!r}; forms: {', '.join(sorted(FORMS))} (add _pl for plural)")
    return FORMS[key][1 if plural else 0].format(**principal_parts(entry))
