"""Print the inflected reporting verbs that ``00-lexicon.toml`` lists as ``SAY``.

A maintenance tool, not part of the library: the lemmas below are facts taken from VerbNet 3.4
(University of Colorado Boulder, https://verbs.colorado.edu/verbnet/, XML as published in
github.com/cu-clear/verbnet, directory verbnet3.4; VerbNet licence: free use with attribution),
classes say-37.7, tell-37.2, complain-37.8, advise-37.9, transfer_mesg-37.1.1, confess-37.10,
lecture-37.11, promise-37.13, inquire-37.1.2 and a selection of manner_speaking-37.3 (only the
members news uses to introduce a quotation), plus a few news verbs VerbNet files elsewhere
(marked ``news``). Members that rarely introduce speech in news (be_like, go, blabber, sniff,
snitch, preach…) are left out. "speak" is left out ("spoke with" is a
meeting), so are "propose" and "recommend" (proposals are demands, not reports), and "quote"
has a rule of its own ("quoted X as saying"). Run
``python tools/reporting_verbs.py --write`` to rewrite the generated part of the ``SAY`` word list
in ``00-lexicon.toml`` when the lemmas change (the hand-kept words after the marker stay).
"""

from __future__ import annotations

import sys
from pathlib import Path

LEMMAS: dict[str, list[str]] = {
    "say-37.7": [
        "add", "allege", "disclose", "divulge", "exclaim", "insinuate", "insist", "reply", "respond",
        "retort", "utter", "venture", "voice", "write", "announce", "articulate", "blurt", "claim",
        "confess", "confide", "convey", "declare", "interject", "mention", "observe", "proclaim",
        "recount", "reiterate", "relate", "reveal", "say", "state", "volunteer", "repeat",
        "remark", "note", "report", "suggest", "hint",
    ],
    "tell-37.2": ["inform", "notify", "remind", "tell"],
    "complain-37.8": ["boast", "brag", "complain", "gripe", "grumble", "moan", "object", "whine"],
    "advise-37.9": ["alert", "assure", "caution", "counsel", "instruct", "warn", "admonish", "advise"],
    "transfer_mesg-37.1.1": [
        "explain", "elucidate", "expound", "justify", "narrate", "recap", "recite", "relay",
        "corroborate", "communicate", "outline", "summarize", "summarise", "dictate",
    ],
    "confess-37.10": ["admit", "acknowledge"],
    "lecture-37.11": ["lecture", "rant", "rave", "testify", "theorize", "pontificate",
                      "elaborate", "comment"],
    "promise-37.13": ["pledge", "promise", "guarantee", "vow"],
    "inquire-37.1.2": ["ask", "enquire", "inquire"],
    "manner_speaking-37.3": [
        "bark", "bellow", "gasp", "groan", "growl", "hiss", "holler", "mumble", "murmur", "mutter",
        "roar", "scream", "shout", "shriek", "snap", "snarl", "sigh", "stammer", "stutter", "wail",
        "whisper", "yell",
    ],
    "news": [
        "affirm", "argue", "assert", "caution", "concede", "conclude", "confirm", "contend",
        "counter", "deny", "emphasize", "emphasise", "estimate", "highlight", "indicate",
        "joke", "lament", "maintain", "muse", "predict", "quip", "reason", "rebut",
        "recall", "reckon", "reflect", "regret", "rejoin", "speculate", "stress", "submit",
        "surmise", "tweet", "post", "underline", "underscore", "urge", "write back", "speak out",
        "point out", "spell out", "sum up", "go on to say", "make clear",
    ],
}

IRREGULAR: dict[str, tuple[str, str]] = {  # lemma: (past, past participle)
    "say": ("said", "said"), "tell": ("told", "told"), "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"), "go": ("went", "gone"), "make": ("made", "made"),
    "admit": ("admitted", "admitted"), "quip": ("quipped", "quipped"), "snap": ("snapped", "snapped"),
    "brag": ("bragged", "bragged"), "rebut": ("rebutted", "rebutted"), "submit": ("submitted", "submitted"),
    "regret": ("regretted", "regretted"), "recap": ("recapped", "recapped"), "sum": ("summed", "summed"),
}


def third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb: str) -> tuple[str, str]:
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        form = verb + "d"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        form = verb[:-1] + "ied"
    else:
        form = verb + "ed"
    return form, form


def forms(lemma: str) -> list[str]:
    """Present (third person), past and past participle; a phrase inflects its first word."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    simple, participle = past(head)
    return sorted({third_person(head) + tail, simple + tail, participle + tail})


# Present forms that are more often plural nouns right after a name ("Chinese claims in the sea",
# "Reuters reports"): left out, the past and perfect forms stay.
NOUN_LIKE = frozenset({
    "states", "reports", "notes", "posts", "quotes", "claims", "comments", "reasons", "counters",
    "reflects", "pledges", "promises", "vows", "objects", "lectures", "estimates", "guarantees",
    "hints", "regrets", "moans", "whispers", "yells", "shouts", "screams", "roars", "sighs", "gasps",
    "groans", "growls", "hisses", "snaps", "barks", "wails", "murmurs", "rants", "raves", "recaps",
    "tweets", "answers", "replies", "responds", "concludes", "stresses", "volunteers", "muses",
    "voices", "relays", "outlines", "summarises", "summarizes", "counsels", "alerts", "quips",
})


def all_forms() -> list[str]:
    seen: dict[str, None] = {}
    for lemmas in LEMMAS.values():
        for lemma in lemmas:
            for form in forms(lemma):
                if form.split(" ")[0] not in NOUN_LIKE:
                    seen.setdefault(form, None)
    return sorted(seen)


LEXICON = Path(__file__).resolve().parent.parent / "src/diplonews/data/rules/00-lexicon.toml"
MARKER = "  # news phrases, participles and demands"


def wrapped(words: list[str]) -> str:
    lines: list[str] = []
    line = " "
    for word in words:
        item = f' "{word}",'
        if len(line) + len(item) > 100:
            lines.append(line)
            line = " "
        line += item
    lines.append(line)
    return "\n".join(lines)


def write() -> None:
    text = LEXICON.read_text(encoding="utf-8")
    head = text.index("words = [", text.index("[placeholders.SAY]")) + len("words = [\n")
    tail = text.index(MARKER, head)
    LEXICON.write_text(text[:head] + wrapped(all_forms()) + "\n" + text[tail:], encoding="utf-8")


if __name__ == "__main__":
    lemmas = {lemma for group in LEMMAS.values() for lemma in group}
    print(f"{len(lemmas)} lemmas, {len(all_forms())} forms")
    if "--write" in sys.argv:
        write()
    else:
        print(wrapped(all_forms()))
