"""Verb groups from verb classes: a list of lemmas becomes every form a rule may meet.

A rule that says "a demand verb" should accept "urged", "is urging", "had urged", "will urge",
"is expected to urge" and "has been urging" alike, and refuse "did not urge". Listing those
strings rule by rule is how the first rule packs lost recall on fresh text, so a placeholder
may instead name lemmas (``verbs = ["urge", "call on"]``) and this module generates the
inflections (regular morphology plus an irregular table that is data) and combines them with
the auxiliaries, modals, adverbs and "be set/expected/due to" chains the lexicon defines.

Forms a pattern can ask for, as ``{NAME}`` or ``{NAME.form}``:

========== ==========================================================================
finite     (default) an affirmative verb group in any tense, aspect or modality
ing        the present participle alone: ", urging …", "by urging …"
passive    be/get + past participle: "was urged", "has been asked", "will be signed", "is expected to be received"
participle the past participle alone: "an accord signed by …"
base       the bare lemma: "to sign"
past       the simple past alone: "urged"
negated    a negated verb group: "did not meet", "won't sign", "has never met"
future     a group that speaks of the future: "will meet", "is set to meet", "plans to meet"
========== ==========================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from diplonews.rules.trie import trie_regex

__all__ = ["FORMS", "VerbForms", "inflect", "verb_group"]

FORMS = ("finite", "ing", "passive", "participle", "base", "past", "negated", "future")

_VOWELS = frozenset("aeiou")
# Final syllables that are stressed, so the consonant doubles: commit -> committed.
_STRESSED_ENDINGS = ("mit", "fer", "pel", "trol", "cur", "gret", "bid", "but", "mat", "vet")
_UNSTRESSED_FER = ("offer", "differ", "suffer", "proffer")


@dataclass(frozen=True)
class VerbForms:
    """The five forms of one verb; multi-word lemmas inflect their first word only."""

    base: str
    third: str
    past: str
    participle: str
    ing: str


def _doubles(word: str) -> bool:
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in _VOWELS:
        return False
    if not (word[-2] in _VOWELS and word[-3] not in _VOWELS):
        return False
    syllables = sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))
    if syllables == 1:
        return True
    return word.endswith(_STRESSED_ENDINGS) and not word.endswith(_UNSTRESSED_FER)


def _regular(word: str) -> tuple[str, str, str]:
    """Third person, past and -ing of a regular verb."""
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = word + "es"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    if word.endswith("e"):
        past = word + "d"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        past = word[:-1] + "ied"
    elif _doubles(word):
        past = word + word[-1] + "ed"
    else:
        past = word + "ed"
    if word.endswith("ie"):
        ing = word[:-2] + "ying"
    elif word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        ing = word[:-1] + "ing"
    elif _doubles(word):
        ing = word + word[-1] + "ing"
    else:
        ing = word + "ing"
    return third, past, ing


def inflect(lemma: str, irregular: Mapping[str, Sequence[str]] | None = None) -> VerbForms:
    """The forms of ``lemma``; ``irregular`` maps a verb to ``[past, participle]`` or to
    ``[third, past, participle, ing]`` where regular morphology gets it wrong.

    >>> inflect("commit").past, inflect("meet", {"meet": ["met", "met"]}).participle
    ('committed', 'met')
    >>> inflect("call on").ing
    'calling on'
    """
    head, _, rest = " ".join(lemma.split()).partition(" ")
    tail = f" {rest}" if rest else ""
    third, past, ing = _regular(head)
    participle = past
    known = (irregular or {}).get(head.lower())
    if known is not None:
        if len(known) == 2:
            past, participle = known
        elif len(known) == 4:
            third, past, participle, ing = known
    return VerbForms(head + tail, third + tail, past + tail, participle + tail, ing + tail)


def _british(lemma: str, irregular: Mapping[str, Sequence[str]] | None) -> VerbForms | None:
    """The British forms of a verb ending in one vowel (or "ia", "ua", "ue") and "l", which double
    the "l" whatever the stress ("travelled", "cancelled", "initialled", "fuelled" beside
    "traveled", "canceled"); None for others ("appealed", "failed").

    >>> _british("cancel", None).past, _british("call off", None)
    ('cancelled', None)
    """
    head, _, rest = " ".join(lemma.split()).partition(" ")
    if (irregular or {}).get(head.lower()) is not None or not regex.search(r"(?:[^aeiou][aeiou]|ia|ua|ue)l$", head) \
            or _doubles(head):
        return None
    tail = f" {rest}" if rest else ""
    base = inflect(lemma, irregular)
    return VerbForms(base.base, base.third, f"{head}led{tail}", f"{head}led{tail}", f"{head}ling{tail}")


@dataclass(frozen=True)
class _Auxiliaries:
    """Regex sources of the function words a verb group is built from (lexicon word lists)."""

    modal: str
    be: str
    have: str
    do: str
    prospective: str
    intend: str
    adverb: str
    aim_noun: str
    """Nouns of an aim or a choice: 'the only option … is to sign' names no arrangement."""
    openers: tuple[str, ...]
    """The words that open a finite group before its verb: will, shall, modals, do, have, be,
    and the verbs of intending."""


def _aux(words: Callable[[str], list[str]]) -> _Auxiliaries:
    def listed(name: str, default: Iterable[str]) -> list[str]:
        return words(name) or list(default)

    def rx(found: list[str]) -> str:
        return r"(?<![\w-])(?:" + trie_regex(found) + r")(?![\w-])"

    modal = listed("VG_MODAL", ["will", "would", "shall", "should", "can", "could", "may", "might", "must"])
    be = listed("VG_BE", ["is", "are", "was", "were", "am", "be", "been", "being", "'s", "'re"])
    have = listed("VG_HAVE", ["has", "have", "had", "having", "'ve", "'d"])
    do = listed("VG_DO", ["did", "does", "do"])
    intend = listed("VG_INTEND", ["plan", "plans", "planned", "planning", "intend", "intends", "intended"])
    return _Auxiliaries(
        modal=rx(modal), be=rx(be), have=rx(have), do=rx(do),
        prospective=rx(listed("VG_PROSPECTIVE", ["set", "expected", "scheduled", "due", "slated", "poised",
                                                 "going", "about"])),
        intend=rx(intend),
        adverb=rx(listed("VG_ADVERB", ["also", "again", "already", "now", "still", "further", "reportedly"])),
        aim_noun=rx(listed("VG_AIM_NOUN", ["option", "options", "aim", "aims", "goal", "goals", "task", "tasks",
                                           "plan", "plans", "priority", "priorities", "challenge", "challenges",
                                           "objective", "objectives", "idea", "hope", "way", "solution",
                                           "intention", "purpose", "mission", "step", "choice", "job"])),
        openers=(*_FUTURE_MARKERS, *modal, *be, *have, *do, *intend),
    )


_NEGATION = r"(?:not|never|n't)"
_FUTURE_MARKERS = ("will", "shall", "'ll")


def verb_group(
    lemmas: Sequence[str],
    form: str,
    words: Callable[[str], list[str]],
    irregular: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Regex source for the verb groups of ``lemmas`` in ``form`` (one of :data:`FORMS`).

    ``words`` looks up the lexicon's auxiliary word lists by name (``VG_MODAL``, ``VG_BE``…);
    a missing list falls back to the common English auxiliaries.
    """
    if form not in FORMS:
        raise ValueError(f"unknown verb form {form!r} (known: {', '.join(FORMS)})")
    forms = [inflect(lemma, irregular) for lemma in lemmas if lemma.strip()]
    forms += [f for lemma in lemmas if (f := _british(lemma, irregular)) is not None]

    def pick(attr: str) -> str:
        return r"(?<![\w-])(?:" + trie_regex(getattr(f, attr) for f in forms) + r")(?![\w-])"

    base, third, past, participle, ing = (pick(a) for a in ("base", "third", "past", "participle", "ing"))
    aux = _aux(words)
    adv = rf"(?:{aux.adverb}\s+){{0,2}}"
    to_base = rf"to\s+{adv}{base}"
    future = (
        rf"(?:(?:{'|'.join(_FUTURE_MARKERS)})\s+{adv}(?:be\s+{adv}{ing}|{base})"
        rf"|{aux.be}\s+{adv}{aux.prospective}\s+{adv}{to_base}"
        # "agreed on Monday to hold talks": a date may stand between the intent and its infinitive.
        rf"|{aux.intend}\s+(?:(?:(?:on|in|at|by)\s+)?⟦[a-z]*d[a-z]*\d+⟧\s+)?{adv}{to_base}"
        # "is to pay a visit", "are to meet": 'be' + infinitive is an arrangement still ahead, but
        # not after a noun of aim or choice, where it only names that aim ("the only option left
        # for both sides is to sign a deal").
        rf"|(?<!{aux.aim_noun}(?:[^\S\n]+[^\s,.;:]+){{0,6}}[^\S\n]+){aux.be}\s+{adv}{to_base})"
    )
    if form == "future":
        return future
    if form == "ing":
        return ing
    if form == "participle":
        return participle
    if form == "base":
        return base
    if form == "past":
        return past
    if form == "passive":
        # "is expected to be received", "plans to be hosted": a prospective passive is a passive too.
        return (rf"(?:(?:{aux.modal}|{aux.do})\s+{adv}be|{aux.have}\s+{adv}been"
                rf"|{aux.be}\s+{adv}{aux.prospective}\s+{adv}to\s+be|{aux.intend}\s+{adv}to\s+be"
                rf"|{aux.be}|got|gets|get)\s+{adv}{participle}")
    if form == "negated":
        head = rf"(?:(?:{aux.modal}|{aux.do}|{aux.be}|{aux.have})\s*{_NEGATION}|won't|can't|cannot|never)"
        return (rf"{head}\s+{adv}(?:(?:have|has|had)\s+{adv})?(?:been\s+{adv}|be\s+{adv})?"
                rf"(?:{base}|{participle}|{ing}|{to_base})")
    # A bare form after a negation, "to" or a form of "be" belongs to another group (negated,
    # infinitive, passive), which the other forms describe.
    negation_before = r"(?<!\b(?:not|never|cannot)\s)(?<!n't\s)"
    bare_guard = r"(?<!\b(?:to|is|are|was|were|be|been|being|has|have|had)\s)"
    # Every finite group opens with an auxiliary or a form of the verb. Saying so first lets
    # the regex engine refuse a word that opens none (most words a rule tries here) with one
    # trie, instead of trying each of the alternatives below, and their tries, in turn.
    openers = {*aux.openers, *(getattr(f, a).split()[0] for f in forms for a in ("past", "third", "base"))}
    return (
        rf"(?=(?:{trie_regex(sorted(openers))}))"
        + negation_before
        + "(?:"
        + "|".join([
            future,
            rf"(?:{aux.modal}|{aux.do})\s+{adv}(?:have\s+{adv}(?:been\s+{adv}{ing}|{participle})"
            rf"|be\s+{adv}{ing}|{base})",
            rf"{aux.have}\s+{adv}(?:been\s+{adv}{ing}|{participle})",
            rf"{aux.be}\s+{adv}{ing}",
            rf"{bare_guard}(?:{past}|{third}|{base})",
        ])
        + ")"
    )
