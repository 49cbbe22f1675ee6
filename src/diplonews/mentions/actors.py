"""Actor mentions: known names, persons found by their titles, and references back to them.

Persons need no list: a title ("Chinese President Xi Jinping", "China's top diplomat Wang
Yi", "Foreign Minister Sergey Lavrov"), an apposition ("Sergey Lavrov, Russia's foreign
minister") or an honorific introduces them, and so does the frame around a name no list
knows: a reporting verb before it ("said Dana Whitfield"), a title of any trade before it
("Rep.", "chief economist", "President of Chile"), a plural title before a list of names.
A full name in the text beats a gazetteer surname; a body named before the title is the
person's affiliation. Descriptive noun phrases ("Sudan's warring factions") come from
``mentions.groups``. Later references resolve in text order: a surname or given name to the
person who bears it, a title ("the foreign minister", "America's top diplomat") to the latest
person holding it, "he"/"she" to the latest subject, "the two sides" or "both senators" to the
latest pair of actors, "the U.S. side" to the country. Datelines hold no actors.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, pairwise

import regex

from diplonews.mentions.actor_table import LOOKBACK, ActorRecord, ActorTable
from diplonews.mentions.base import Mention
from diplonews.mentions.gazetteer import Gazetteer, KnownActor
from diplonews.mentions.groups import Anchor, GroupPhraseFinder
from diplonews.mentions.org_names import OrgNameFinder
from diplonews.mentions.spans import SpanSet, matches_at
from diplonews.rules.placeholders import PlaceholderTable
from diplonews.rules.trie import trie_regex
from diplonews.text.sentences import Sentence

__all__ = ["ActorFinder", "subject_like"]

# An initial may be glued to the word after it ("U.Khurelsukh", as Mongolian and Burmese names
# are often written): one token, whose canonical name drops the initial like a spaced one.
_TOKEN = r"(?:\p{Lu}(?:\.(?=\p{Lu}\p{Ll})\p{Lu})?(?:[\p{Ll}\p{Lu}-]|'(?=\p{L}{2}))*\p{L}(?!\p{L})|\p{Lu}\.)"
_GLUED_INITIAL = regex.compile(r"(?<![\p{L}.])(\p{Lu}\.)(?=\p{Lu}\p{Ll})")
_INITIAL = regex.compile(r"^\p{Lu}\.$")
_OBJECT_CUE = frozenset(
    ["with", "to", "by", "of", "for", "from", "meeting", "met", "told", "urged", "called", "visited", "between", "and", "on", "hosted", "received", "counterpart", "about", "against", "toward", "towards", "at", "in"]
)


# A sentence opened by a participle clause not yet closed by its comma: "Speaking through his
# spokesperson NAME, …" (the names in it are not the subject). A lower-case word after the
# participle tells it from a name ending in -ing ("Beijing envoy NAME").
_IN_FRONTED_PARTICIPLE = regex.compile(r"(?:^|(?<=[.!?][\u201d\"']?[^\S\n]{1,3})|(?<=\n))\p{Lu}\p{Ll}+ing[^\S\n]+\p{Ll}"
                                       r"[^,.;:!?\n\u201c\u201d\"]*$")


def subject_like(text: str, start: int) -> bool:
    """Whether a name at ``start`` may be a clause's subject: no preposition or verb of
    meeting just before it ("with", "met", "told" mark the one acted on), and not inside a
    participle clause that opens its sentence."""
    before = text[max(0, start - 20):start].split()
    if before and before[-1].lower().strip(",") in _OBJECT_CUE:
        return False
    return _IN_FRONTED_PARTICIPLE.search(text, max(0, start - 150), start) is None



# Verbs whose object a body named after them is, beside _OBJECT_CUE: "Kenya pressed Uganda to
# …", "Peru thanked Chile" (Uganda and Chile are no subjects a later "It" continues).
_BODY_OBJECT_CUE = frozenset(["pressed", "asked", "thanked", "praised", "criticised", "criticized",
                              "summoned", "congratulated", "condemned", "accused", "warned", "invited",
                              "blamed", "welcomed", "hailed", "lauded", "commended", "joined"])
_LEADING_THE = regex.compile(r"(?i:\bthe)[^\S\n]+$")
_AS_SOURCE = regex.compile(r"\b(?i:according)[^\S\n]+to[^\S\n]+(?:(?i:the)[^\S\n]+)?$")


def _body_subject_like(text: str, start: int) -> bool:
    """Whether a body's name at ``start`` may be its clause's subject: subject_like, its article
    set aside ("with the Netherlands"), and no verb of acting on it just before."""
    lead = _LEADING_THE.search(text, max(0, start - 6), start)
    at = lead.start() if lead else start
    before = text[max(0, at - 20):at].split()
    return subject_like(text, at) and not (before and before[-1].lower().strip(",") in _BODY_OBJECT_CUE)


# Where a sentence's first word stands: the text's start, a line's start, or after a sentence end.
# A quotation closes with a double mark, or with a single one right after its last punctuation
# (the British style: "'We will sign,' the minister said"), here and in the patterns below.
_SENTENCE_START = r"(?:^|(?<=(?:[.!?\u201d\"]|[.!?]')\s{1,3})|(?<=\n))"
# Words that may follow a name without making it a modifier of a later name ("said Jo Lee
# in Boston", against "said Acme Bank manager Jo Lee").
_LINKING_WORDS = ("in|at|of|on|for|from|with|to|and|or|after|before|during|as|who|when|while|that|the|a|an|by"
                  "|said|says|told|added|also|has|had|have|is|was|were|will|would")
_COUNTING_WORDS = frozenset(["the", "two", "both", "three", "four", "all"])
_NEWLINE = regex.compile(r"\n")
_WORD = regex.compile(r"\p{L}[\p{L}'-]*")
_MINOR_WORDS = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by",
                          "from", "as", "vs", "but", "nor", "per", "via", "into", "over", "after"])


# A person named as the partner of a with-phrase ("in his meeting with NAME", "after talks with
# NAME"): what stands just before the name.
_WITH_OBJECT = regex.compile(r"\bwith[^\S\n]+(?:[\w'’.-]+[^\S\n]+){0,5}$")


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str  # known, person, surname, title_ref, pronoun, group, side, np_group
    rank: int
    data: dict[str, object] = field(default_factory=dict)


class _TextScans:
    """Scans of one text that several finders read, each made once, on first use: the words
    written in lower case, and the full names (``ActorFinder._full_name``, overlapping)."""

    def __init__(self, text: str, full_name: regex.Pattern[str]):
        self._text = text
        self._full_name = full_name
        self._lower: set[str] | None = None
        self._full: list[regex.Match[str]] | None = None

    @property
    def lower(self) -> set[str]:
        if self._lower is None:
            self._lower = set(_LOWER_WORD.findall(self._text))
        return self._lower

    @property
    def full_names(self) -> list[regex.Match[str]]:
        if self._full is None:
            self._full = list(self._full_name.finditer(self._text, overlapped=True))
        return self._full


_LOWER_WORD = regex.compile(r"(?<![\w-])\p{Ll}[\p{Ll}-]*")


def _with_words_before(text: str, starts: Sequence[int], words: int) -> list[int]:
    """``starts`` and the starts of up to ``words`` words before each, on the same line."""
    found = set(starts)
    for start in starts:
        i = start
        for _ in range(words):
            j = i
            while j > 0 and text[j - 1] != "\n" and text[j - 1].isspace():
                j -= 1
            k = j
            while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                k -= 1
            if j == i or k == j:
                break
            found.add(k)
            i = k
    return sorted(found)


def _line_starts(text: str) -> list[int]:
    """Where a ``^`` of a MULTILINE pattern can match: the text's start and after each newline."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def _colon_line_starts(text: str) -> list[int]:
    """Where a transcript label can start: a ``^`` of a MULTILINE pattern (the text's start,
    after each newline) on a line that holds a colon, which every label ends with. Most lines
    have none, and a label scan tried at their starts finds nothing."""
    starts: set[int] = set()
    colon = text.find(":")
    while colon >= 0:
        line = text.rfind("\n", 0, colon) + 1
        starts.add(line)
        end = text.find("\n", colon)
        colon = text.find(":", end) if end >= 0 else -1
    return sorted(starts)


# What separates two items of a comma list of names: "Kenya, Uganda", "the EAC (East Africa), the SADC".
_LIST_COMMA = regex.compile(r"\)?\s*(?:\([^()]{0,40}\))?\s*,\s*(?:the\s+)?")


def _plural(title: str) -> str:
    """A title's plural: 'ministers', 'congressmen', 'secretaries', 'chiefs of staff'."""
    head, sep, rest = title.partition(" of ")
    if head.endswith("man"):
        head = head[:-3] + "men"
    elif head.endswith("y") and not head.endswith(("ay", "ey", "oy")):
        head = head[:-1] + "ies"
    elif head.endswith(("s", "x", "ch", "sh")):
        head += "es"
    else:
        head += "s"
    return head + sep + rest


def _caseless(words: Iterable[str]) -> list[str]:
    """Words for a trie matched case-insensitively, each once: "President" and "president"
    then share a branch instead of making the engine try both (ASCII words only, whose lower
    case matches exactly what they match)."""
    return sorted({w.lower() if w.isascii() else w for w in words})


def _opt(value: object) -> str | None:
    return str(value) if value else None


def _canonical_person(name: str, postnominals: frozenset[str] = frozenset()) -> str:
    """A person's name without honorifics, middle initials and the letters of a rank after it:
    'Antony J. Blinken' → 'Antony Blinken', 'Anil Nandlall SC' → 'Anil Nandlall'."""
    parts = [p for p in _GLUED_INITIAL.sub(r"\1 ", name).split() if not _INITIAL.match(p)]
    while len(parts) > 2 and parts[-1].rstrip(",") in postnominals:
        parts.pop()
    return " ".join(parts) if parts else name


# Months that are also surnames (May, March, August, June, April): see ActorFinder.
_SURNAME_MONTHS = "May|March|August|June|April"


_BRACKET_OPEN = regex.compile(r"[^\S\n]*\([^\S\n]*")
_BRACKET_CLOSE = regex.compile(r"[^\S\n]*\)")


def _join_bracketed_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The Southern African Development Community (SADC) urged …": a name and its alias in
    brackets right after it are one mention, so that rules see one actor where the text names one
    ("⟦SADC⟧ foreign ministers urged", not "⟦…⟧ (⟦…⟧) foreign ministers")."""
    joined: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and m.actor_ids and nxt.actor_ids == m.actor_ids and "q" not in m.flags
                and (opened := _BRACKET_OPEN.match(text, m.end)) is not None and opened.end() == nxt.start
                and (closed := _BRACKET_CLOSE.match(text, nxt.end)) is not None):
            joined.append(Mention(m.start, closed.end(), m.flags, m.actor_ids, m.date, m.place, m.source,
                                  dict(m.extra)))
            i += 2
            continue
        joined.append(m)
        i += 1
    return joined


class ActorFinder:
    """Compiled finders for actor mentions; one per parser, shared by all documents."""

    def __init__(self, gazetteer: Gazetteer, table: PlaceholderTable):
        self.gazetteer = gazetteer
        # "US-China talks", "a Kenya-Ethiopia trade summit": a hyphenated pair of names before a
        # meeting noun, with at most one modifier between (in lower case: a title-case headline's
        # "Talks" is read as words) names both sides; before any other noun ("China-Brazil ties",
        # "the Chile-Peru dispute overshadowed talks") the pair stays one modifier.
        self._pair_head = regex.compile(
            rf"[^\S\n]+(?:(?!\p{{Ll}}+ed\b)[\w'’-]+[^\S\n]+)?(?:{table.expand('{MEETING_NOUN}')})(?![\w-])")
        not_name = trie_regex(table.words("NOT_A_NAME"))
        token = rf"(?!(?:{not_name})\b){_TOKEN}"
        # A month name never starts a name but may end one ("Foreign Minister Helen March told"),
        # unless a day or a year follows it ("President Ruto May 5") or an event noun does
        # ("President Ruto's August visit", written without the possessive): then it is a date.
        later = (rf"(?:{token}|(?:{_SURNAME_MONTHS})(?![\w-])(?![^\S\n]*(?:\d|,[^\S\n]*\d))"
                 rf"(?![^\S\n]+(?:visit|trip|tour|meeting|summit|talks|session|elections?|deadline|report|round)s?\b))")
        # A name: capitalized words, with inner particles ("bin", "van der", "Sheikh") between
        # them and a suffix ("Jr.") after.
        inner = table.expand("{NAME_INNER}")
        suffix = table.expand("{NAME_SUFFIX}")
        # A bare initial may open a name written without its dot ("S Jaishankar"); never "A" or
        # "I", which open sentences.
        initial = r"(?:(?![AI][^\S\n])\p{Lu}[^\S\n]+(?=\p{Lu}\p{Ll}))?"
        name = (rf"(?P<name>{initial}{token}(?:[^\S\n]+(?:(?:{inner})[^\S\n]+){{0,2}}(?:[ae]l-)?{later}){{0,3}}"
                rf"(?:,?[^\S\n]+(?:{suffix})(?!\w))?)")
        # Titles before a name: offices (TITLE) and the wider PERSON_TITLE ("Rep.", "analyst").
        title = table.expand("{TITLE}")
        person_title = table.expand("{TITLE}|{PERSON_TITLE}")
        plural_title = trie_regex(_caseless({_plural(w) for w in [*table.words("TITLE"), *table.words("PERSON_TITLE")]
                                          if w[-1:].isalpha()}))
        # Grouped: a bare alternation would bind the space after it to its last word list only.
        modifier = table.expand("(?:{TITLE_MODIFIER}|{ROLE_MODIFIER})")
        honorific = table.expand("{HONORIFIC}")
        self._not_name = regex.compile(rf"^(?:{not_name})$")
        self._inner_words = frozenset(table.words("NAME_INNER"))
        self._postnominals = frozenset(table.words("NAME_POSTNOMINAL"))
        # Three patterns start at a title ("President Xi", "the Foreign Minister", "Minister of
        # Foreign Affairs, Wang Yi"). One scan finds where titles start; the three are then tried
        # only there (and, for "the ministry spokesman", at the few words before), which gives
        # what scanning with each would give at a third of the cost. Title and body patterns
        # open with \b: they start a word, and saying so lets the regex engine skip the
        # insides of words instead of trying every title at every letter.
        # Only where a title starts matters here, so the words need no end boundary.
        title_words = [*table.words("TITLE"), *table.words("PERSON_TITLE")]
        self._title_start = regex.compile(
            rf"\b(?i:(?:{modifier}[^\S\n]+)?(?:{trie_regex(_caseless([*title_words, *map(_plural, title_words)]))}))")
        # The same starts in the lower-cased text, by a case-sensitive pattern of the lower-cased
        # words: the engine then compares characters instead of case-folding each one, a third
        # faster. Lower-casing keeps every character's length, word and space classes and
        # case-insensitive identity, so the starts found are the same, except where a character
        # lower-cases to two ("İ") or matches a letter it does not lower-case to (the long "ſ"
        # matches "s"): such texts are scanned with the pattern above (``_title_starts``).
        folded_modifiers = trie_regex(sorted({w.lower() for name in ("TITLE_MODIFIER", "ROLE_MODIFIER")
                                              for w in table.words(name)}))
        folded_titles = trie_regex(sorted({w.lower() for w in [*title_words, *map(_plural, title_words)]}))
        self._folded_title_start = regex.compile(
            rf"\b(?:(?<![\w-])(?:{folded_modifiers})(?![\w-])[^\S\n]+)?(?:{folded_titles})")
        self._title_name = regex.compile(
            rf"\b(?P<title>(?i:(?:{modifier}[^\S\n]+)?(?:{person_title})(?:(?:[^\S\n]+and|[^\S\n]+of|,)?[^\S\n]+(?:{person_title}))?))"
            rf"(?:[^\S\n]+(?i:{honorific})){{0,2}}[^\S\n]+{name}"
        )
        # A name begins a word: "\b" keeps "eBay Jane Holt" from naming "Bay Jane Holt", and
        # spares all-capitals text an attempt at every letter of every word.
        self._name_title = regex.compile(
            rf"\b{name},[^\S\n]+(?!(?i:in|at|on|with|after|during|for|from|to|by|of|as|who|which|where|when|while|but|and)\b)"
            # a pronoun opens a clause, not an apposition ("Frankly, I met the envoy")
            rf"(?!(?i:we|he|she|they|it|you)\b|I\b)"
            rf"(?:the[^\S\n]+|a[^\S\n]+|an[^\S\n]+)?(?P<appos>[^,.;\n]{{0,80}}?\b(?i:{person_title})\b[^,.;\n]{{0,60}}?)(?=[,.;]|[^\S\n]+(?:in|at|on|during|and)[^\S\n]+\p{{Lu}})"
        )
        # "Rafael Carmona is the system's director.": a sentence that introduces a person of two
        # or three names by a title after "is"/"was" names that person. Two names at least: one
        # word may be a country ("Germany is the largest investor").
        self._name_is_title = regex.compile(
            rf"(?:^|(?<=[.!?][\"\u201d\u2019]?[^\S\n]+)|(?<=\n))(?P<name>{token}(?:[^\S\n]+{later}){{1,2}})"
            rf"[^\S\n]+(?:is|was)[^\S\n]+(?:the|a|an)[^\S\n]+"
            rf"(?P<appos>[^,.;:\n\u201c\u201d\"]{{0,60}}?\b(?i:{person_title})\b[^,.;:\n\u201c\u201d\"]{{0,40}}?)(?=[.;]|$)")
        # "Minister of Foreign Affairs, International Trade and Worship of Argentina, NAME": a
        # comma inside the of-phrase only before words ending in a portfolio (PORTFOLIO), so
        # that "Minister of Finance, Jo Lee" keeps its comma for the name.
        portfolio = table.expand("{PORTFOLIO}")
        portfolio_comma = rf",[^\S\n]+(?=(?:\p{{Lu}}[\p{{L}}-]*[^\S\n]+){{0,2}}{portfolio})"
        portfolio_words = rf"(?:\p{{Lu}}[\p{{L}}-]*[^\S\n]+){{0,2}}{portfolio}"
        self._portfolio_of = regex.compile(
            rf"(?:[^\S\n]+(?:(?i:in)[^\S\n]+(?i:charge)[^\S\n]+)?(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{portfolio_words})?"
            rf"(?:(?:,[^\S\n]+|,?[^\S\n]+and[^\S\n]+){portfolio_words})*")
        self._title_comma_name = regex.compile(
            rf"\b(?P<title>(?i:(?:{modifier}[^\S\n]+)?{person_title}))(?:[^\S\n]+(?:to|of|for|in|at|from)[^\S\n]+(?:the[^\S\n]+)?\p{{Lu}}[\p{{L}}.'-]*"
            rf"(?:(?:[^\S\n]+(?:(?:of|and|&|to)[^\S\n]+(?:the[^\S\n]+)?)?|{portfolio_comma})\p{{Lu}}[\p{{L}}.'-]*){{0,9}}"
            rf"|[^\S\n]+(?:of|for)[^\S\n]+\p{{Ll}}[\p{{Ll}}-]+(?:[^\S\n]+(?:and[^\S\n]+)?\p{{Ll}}[\p{{Ll}}-]+){{0,2}})?,[^\S\n]+(?:(?i:{honorific})[^\S\n]+)*{name}"
            # the name ends at a stop, or at a place phrase left without its comma ("the Zambian
            # Foreign Minister, Ruth Banda at the State Lodge")
            rf"(?=[,.;:)]|[^\S\n]+(?:at|in|on|during)[^\S\n]+(?:the[^\S\n]+)?\p{{Lu}})")
        self._honorific = regex.compile(rf"(?:{honorific})(?:[^\S\n]+(?:{honorific}))?[^\S\n]+{name}")
        verbs = table.expand("{SAY}|{MEET}|{DEMAND_TO}|{AGREE}|{SIGN}")
        say = table.expand("{SAY}|{MEET_VERB}")
        # "The rebels said they had agreed …": a 'they' right after its clause's subject and
        # verb of saying is that subject, not the last pair named.
        self._said_they = regex.compile(
            table.expand(r"[^\S\n]+(?:(?:also|later|have|has|had)[^\S\n]+)?(?:{SAY})(?:[^\S\n]+that)?[^\S\n]+"),
            regex.IGNORECASE)
        self._bare_attribution = regex.compile(
            rf"(?<=(?:[,\u201d\"]|[.!?,]')[^\S\n]*|(?:[,\u201d\"]|[.!?,]')[^\S\n]+(?:[Hh]e|[Ss]he)[^\S\n]+(?:told|said)[^\S\n]+)(?P<name>{token})(?=[^\S\n]+(?:also[^\S\n]+)?(?i:{say}))")
        self._full_name = regex.compile(
            rf"(?<![\p{{L}}.])(?P<first>\p{{Lu}}\p{{Ll}}+)(?:[^\S\n]+(?:\p{{Lu}}\.|(?:{inner})(?=[^\S\n]+\p{{Lu}})))?[^\S\n]+(?P<last>{_TOKEN})")
        self._possessive_name = regex.compile(
            rf"'s[^\S\n]+(?P<name>{token}(?:[^\S\n]+{token})?)(?![\p{{L}}'])(?=[^\S\n]+(?:\p{{Ll}}+s\b|will\b|would\b|has\b|had\b|is\b|was\b|(?i:{say})))")
        event_verbs = table.expand("{SAY}|{MEET_TOGETHER}|{AGREE}|{SIGN}")
        self._bare_pair = regex.compile(
            rf"(?<![\p{{L}}'-][^\S\n]?)(?P<a>{_TOKEN})[^\S\n]+and[^\S\n]+(?P<b>{_TOKEN})"
            rf"(?=[^\S\n]+(?:also[^\S\n]+|have[^\S\n]+|had[^\S\n]+)?(?i:{event_verbs}))")
        self._bare_speaker = regex.compile(rf"{_SENTENCE_START}(?P<name>{_TOKEN})(?=[^\S\n]+(?:also[^\S\n]+)?(?i:{say}))")
        # "Google said …", "“…,” said Okonkwo.": one capitalized word as the subject of a
        # reporting verb in the third person singular or past ("Critics say" is a plural noun),
        # or right after the verb and before the clause ends (_lone_names).
        # The same word after a common noun saying what kind of company it is ("research firm
        # Genscape said", "the consultancy Quorvel told clients") is that company.
        company_noun = trie_regex(table.words("COMPANY_NOUN"))
        self._lone_subject = regex.compile(
            rf"(?:{_SENTENCE_START}|(?<=\b(?i:{company_noun})[^\S\n]+))(?P<name>{token})(?=[^\S\n]+(?:(?:also|has|had|later|earlier)[^\S\n]+)?"
            rf"(?i:{table.expand('{SAY}')})\b)(?=[^\S\n]+(?:\p{{Ll}}+[^\S\n]+)?(?:said|told|wrote|made|went|\p{{Ll}}+ed|\p{{Ll}}*[^s\W]s)\b)")
        # "Dana Whitfield was blunt.", "a lawsuit filed by Dana Whitfield,": a two-word name (or one
        # with a particle inside: "Paul St. Pierre runs the depot.")
        # opening a sentence before a lower-case word, or after a lower-case word.
        self._opening_name = regex.compile(
            rf"(?:(?P<opening>^|(?<=(?:[.!?\u201d\"]|[.!?]')[^\S\n]{{1,3}})|(?<=\n))|(?<=\p{{Ll}}[^\S\n]+))(?P<first>\p{{Lu}}\p{{Ll}}+)[^\S\n]+(?:(?:{inner})[^\S\n]+(?=\p{{Lu}}))?(?P<last>{_TOKEN})"
            rf"(?=,?[^\S\n]+\p{{Ll}}|[^\S\n]*[,.;:])")
        self._sentence_end = regex.compile(r"[.!?][\u201d\"']?[^\S\n]|\n")
        self._lone_object = regex.compile(r"[^\S\n]*(?:[,.;:!?)]|$)", regex.MULTILINE)
        # Heads of descriptive speakers ("Police said", "Prosecutors allege"), which
        # extract/speakers.py reads as unnamed groups and bodies: no lone names.
        self._group_heads = frozenset(w.lower() for name in ("GROUP_HEAD_SPEAKING", "SPEAKER_PEOPLE",
                                                             "SPEAKER_PERSON", "SPEAKER_BODY",
                                                             "SPEAKER_ROLE", "SPEAKER_ROLES")
                                      if name in table.names for w in table.words(name))
        self._not_label = frozenset(table.words("NOT_A_SPEAKER_LABEL"))
        # "said Rep. Tom Hale", "said Dana Whitfield at Harbor Capital": a name right after a reporting
        # verb is a person, known or not; a title after the name ("said Acme analyst Jo Lee")
        # means the capitalized words were a body, not a name.
        # "according to Dana Whitfield", "quoted Dana Whitfield as saying" (NAME_CUE) cue a
        # person the same way.
        report = table.expand("{SAY}|{NAME_CUE}")
        self._said_name = regex.compile(
            rf"\b(?P<verb>{report})[^\S\n]+(?:(?!(?:{_LINKING_WORDS}|his|her|their|its|also|then|later|earlier)\b)"
            rf"\p{{Ll}}[\p{{Ll}}-]+[^\S\n]+){{0,2}}(?=\p{{Lu}})(?:(?P<title>(?i:{person_title}))[^\S\n]+)?{name}"
            rf"(?![^\S\n]+(?i:{person_title})[^\S\n]+\p{{Lu}})(?!['\u2019]s\b)"
            rf"(?![^\S\n]+(?!(?:{_LINKING_WORDS})\b)\p{{Ll}}[\p{{Ll}}-]+(?:[^\S\n]+\p{{Ll}}[\p{{Ll}}-]+)?[^\S\n]+\p{{Lu}})")
        # "met Abdou Tiani in Niamey": a full name right after a meeting verb whose object is a
        # person is one, known or not; a common noun after it ("met South Korean officials")
        # means the capitalized words were an adjective.
        self._met_name = regex.compile(
            rf"\b(?:{table.expand('{MEET_NAME_CUE}')})[^\S\n]+(?=\p{{Lu}}){name}(?!['\u2019]s\b)"
            rf"(?=[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:{_LINKING_WORDS})\b)")
        # "a summit between Presidents Lena Varga and Tomas Irigoyen": the two full names a
        # meeting noun's between-phrase joins are persons, known or not. Talks and meetings are
        # held between firms and parties too ("talks between Halvorsen Shipping and …"), so after
        # them (BETWEEN_TITLED_NOUN) the names need a plural title; summits and calls
        # (BETWEEN_PERSONS_NOUN) are between persons.
        titled = rf"(?i:(?:{modifier}[^\S\n]+)?(?:{plural_title}))[^\S\n]+"
        titled_nouns = trie_regex(table.words("BETWEEN_TITLED_NOUN"))
        person_nouns = trie_regex(table.words("BETWEEN_PERSONS_NOUN"))
        self._between_names = regex.compile(
            rf"\b(?:(?i:{titled_nouns})[^\S\n]+between[^\S\n]+{titled}"
            rf"|(?i:{person_nouns})[^\S\n]+between[^\S\n]+(?:{titled})?)(?=\p{{Lu}})")
        self._and_name = regex.compile(r"[^\S\n]+and[^\S\n]+(?=\p{Lu})")
        # Talks between two companies ("Halvorsen Shipping and Meridian Telecom") name no persons.
        self._corporate_heads = frozenset(w.lower() for w in table.words("CORPORATE_HEAD")) \
            if "CORPORATE_HEAD" in table.names else frozenset()
        # The second name ends where no possessive and no further capitalized word follows.
        self._name_after_names = regex.compile(r"(?!['\u2019]s\b)(?![^\S\n]+\p{Lu})")
        # "met Lena Varga, of Chile; Tomas Irigoyen, of Peru; and …": a full name opening an
        # item of a semicolon list, its apposition set off by a comma, is a person.
        self._semicolon_name = regex.compile(rf"(?<=;[^\S\n]+(?:and[^\S\n]+)?){name}(?=,)")
        # "“…” — Dana Whitfield": a quotation signed with a dash; "DANA WHITFIELD: …": a
        # transcript line. Both name persons, known or not.
        # The quotation mark and the dash are matched and then dropped from the match (\K)
        # instead of looked behind for: the engine searches for a pattern's opening character
        # class in a tight loop, but tries a pattern that opens with a lookbehind at every
        # character (twenty times the cost here). The matches are the same: what \K drops
        # (quotation marks, dashes, spaces) can neither end a name nor start one, so it never
        # overlaps the match before and only one place after it can start a name.
        self._byline_name = regex.compile(
            rf"[\u201d\"'\u2019][^\S\n]*(?:[\u2014\u2015\u2013]|--?)[^\S\n]*\K"
            rf"(?:(?P<title>(?i:{person_title}))[^\S\n]+)?{name}(?=[^\S\n]*(?:[,(]|$))", regex.MULTILINE)
        # Tried at the starts of lines with a colon only (``_colon_line_starts``), which a scan
        # would try at every character.
        self._transcript_name = regex.compile(
            rf"^(?:(?P<title>(?i:{person_title}))[^\S\n]+)?{name}(?=:[^\S\n]+\S)", regex.MULTILINE)
        self._titled_name_in = regex.compile(rf"^(?:[\p{{Ll}}-]+[^\S\n]+)*?(?i:{person_title})[^\S\n]+\p{{Lu}}\p{{Ll}}")
        # "Minister of Energy of Chile Rosa Vidal": a title, an of-phrase ending in a known
        # country or body, then the name.
        # An honorific may stand between ("the Foreign Minister of Chile Dr. Rosa Vidal").
        self._name_after_known = regex.compile(rf"[^\S\n]+(?:(?:Dr\.?|H\.E\.?|Prof\.)[^\S\n]+)?{name}")
        self._title_of = regex.compile(
            rf"\b(?P<title>(?i:{person_title}))[^\S\n]+(?:of|for|to)[^\S\n]+"
            rf"(?:(?:the|of|and)[^\S\n]+|\p{{Lu}}[\p{{L}}.'-]*[^\S\n]+){{0,6}}$")
        # "the deputy ministers Lars Eklund, Maja Berg and Tor Hval": a plural
        # title, then a list of names.
        self._plural_title = regex.compile(
            rf"\b(?P<title>(?i:(?:{modifier}[^\S\n]+)?(?:{plural_title})))(?![\w-]),?[^\S\n]+(?=\p{{Lu}})")
        self._name = regex.compile(name)
        self._list_sep = regex.compile(r",?[^\S\n]+and[^\S\n]+|,[^\S\n]+")
        # "the foreign ministers of A, B and C, NAME, NAME and NAME, respectively": a plural
        # title's of-list of countries, then as many names, paired in order. Searched for only
        # where "respectively" stands (rare), then read backwards to the plural title.
        self._respectively = regex.compile(r",?[^\S\n]+respectively\b")
        self._plural_title_of = regex.compile(
            rf"\b(?P<title>(?i:(?:{modifier}[^\S\n]+)?(?:[\p{{L}}-]+[^\S\n]+)?(?:{plural_title})))(?![\w-])"
            rf"[^\S\n]+(?:of|from)[^\S\n]+(?:the[^\S\n]+)?")
        # "both congressmen", "the two envoys", "the three prime ministers": a reference back
        # to the actors just named, for any plural title or group head, not a fixed list.
        self._pair_ref = regex.compile(
            rf"\b(?i:the[^\S\n]+two|both|the[^\S\n]+three|all[^\S\n]+three|the[^\S\n]+four)[^\S\n]+"
            rf"(?:(?i:{modifier}|foreign|defen[cs]e|finance|trade)[^\S\n]+)?"
            rf"(?i:{plural_title}|{table.expand('{GROUP_HEAD}')})(?![\w-])")
        self._list_ref = regex.compile(table.expand("{LIST_REF}"), regex.IGNORECASE)
        # Between two countries of one list: "A, B and C", "A, the B, and C".
        self._list_join = regex.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?:the[^\S\n]+)?")
        # "Professor Jane Lind of Oxford University said": a postmodifier naming where the
        # person works belongs to the person's mention when a reporting verb follows it.
        self._affiliation_tail = regex.compile(
            rf"[^\S\n]+(?:of|at|from)[^\S\n]+(?:the[^\S\n]+)?\p{{Lu}}[\p{{L}}&.'-]*"
            rf"(?:[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?\p{{Lu}}[\p{{L}}&.'-]*){{0,4}}(?=,?[^\S\n]+(?i:{say})\b)")
        self._comma_name = regex.compile(r",[^\S\n]+(?=\p{Lu})")
        self._of_phrase = regex.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?")
        self._offices = frozenset(w.lower() for w in title_words)
        self._not_person_end = frozenset(table.words("NOT_A_PERSON_END"))
        self._address_verb = regex.compile(table.expand("^(?:{ADDRESS_VERB})$"))
        self._party_tag = regex.compile(table.expand("{PARTY_TAG}"))
        self._dateline = regex.compile(table.expand("{DATELINE}"), regex.MULTILINE)
        self._given_name = regex.compile(r"(?<![\p{L}.'-])(?P<first>\p{Lu}\p{Ll}+)[^\S\n]+$")
        # "A Coca-Cola spokesman", "an Acme Corp official": capitalized words between an
        # article and a title name a body the unnamed person speaks for.
        self._unknown_body = regex.compile(
            rf"\b(?i:a|an|the)[^\S\n]+(?P<body>(?:(?!(?:{not_name})\b)\p{{Lu}}[\p{{L}}&.'-]*[^\S\n]+){{1,3}})$")
        self._unknown_owner = regex.compile(
            rf"(?<![\w-])(?P<owner>(?:(?!(?:{not_name})\b)\p{{Lu}}[\p{{L}}&.-]*[^\S\n]+){{0,2}}"
            rf"(?!(?:{not_name})\b)\p{{Lu}}[\p{{L}}&.-]*)(?:['\u2019]s|(?<=s)['\u2019])[^\S\n]+(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+){{0,2}}$")
        self._of_name_before = regex.compile(r"\p{Lu}[\p{L}.&'-]*[^\S\n]+(?:of|for|and)[^\S\n]+(?:the[^\S\n]+)?$")
        # "Tomas Varga, 54, said", "Halima Osei, who leads the union,": an age or a relative
        # clause of persons after a comma says that the capitalized words before it name one.
        self._aside = regex.compile(r",[^\S\n]+(?:\d{1,3},|who\b|whose\b)")
        self._not_name_start = frozenset(table.words("NOT_ORG_START"))
        # "Winger Tomas Reyna": a role or title before a name is no part of it
        self._role_words = frozenset(w.lower() for w in [*table.words("SPEAKER_ROLE"), *table.words("TITLE")])
        self._thing_words = frozenset(table.words("NAME_SHAPED_THING")) if "NAME_SHAPED_THING" in table.names \
            else frozenset()
        # "Dana Whitfield, for her part, …", "Dana Whitfield picked up teasing from her team-mates":
        # a name opening a sentence whose clause goes on, with no other name, to "his" or "her".
        self._possessive_subject = regex.compile(
            rf"(?:^|(?<=[.!?][\"\u201d\u2019]?[^\S\n]+))(?<![\p{{L}}\p{{N}}'.-]){name}"
            rf"(?=,?[^\S\n]+[^\p{{Lu}}.;:!?\n\u201c\u201d\"]{{0,80}}?(?<![\w-])(?:his|her)(?![\w-]))",
            regex.MULTILINE)
        self._name_before = regex.compile(rf"(?<![\p{{L}}\p{{N}}'.-]){name}$")
        # A name before a verb of saying, meeting or agreeing, before a passive relay ("was
        # quoted as saying"), or with an aside between ("Dana Whitfield, speaking to reporters,
        # said", "Dana Whitfield, a nurse from Springfield, said"; an aside opening with "the"
        # or a relative pronoun is left to the apposition and aside frames).
        # A name right after a locative ("… of the council in New York, called on …") is a place.
        subject_time = table.expand("{SUBJECT_TIME}") if "SUBJECT_TIME" in table.names else "(?!)"
        self._bare_subject = regex.compile(
            rf"(?<!\b(?i:in|at|near|inside|outside|from)[^\S\n]+)\b{name}(?=(?:,[^\S\n]+(?!(?:the|its|which|who|whose)\b)\p{{Ll}}[^,;.\n\u201c\u201d\"]{{2,80}},)?,?[^\S\n]+"
            rf"(?:(?:also|later|earlier|has|have|had|\p{{Ll}}+ly)[^\S\n]+){{0,2}}(?:(?i:{verbs})|{table.expand('{QUOTED_PASSIVE}')}))")
        # "Dana Whitfield on Monday urged …": a time adverbial between, for a name that no lower-case
        # word governs (after a sentence start, a dateline, an opener's comma or a title); after
        # one it is as often an object ("a team that visited Kamal Adwan on Monday said …": a place).
        self._timed_subject = regex.compile(
            rf"(?<!\p{{Ll}}[^\S\n]+)(?<![\w-]){name}(?=[^\S\n]+(?:{subject_time})[^\S\n]+(?:(?:also|later|has|have|had|\p{{Ll}}+ly)[^\S\n]+){{0,2}}"
            rf"(?:(?i:{verbs})|{table.expand('{QUOTED_PASSIVE}')}))")
        qualifier = table.expand("{TITLE_QUALIFIER}")
        rank = table.expand("{RANK_WORD}")
        self._title_ref = regex.compile(
            rf"\b(?:(?P<det>(?i:the|a|an))[^\S\n]+)?(?P<qualifier>(?:{qualifier})[^\S\n]+)?"
            rf"(?!(?i:{table.expand('{TITLE_AS_ADJECTIVE}')}))"
            rf"(?P<title>(?i:(?:{modifier}[^\S\n]+)?(?:{title})))\b(?![^\S\n]+{_TOKEN})"
        )
        self._body = regex.compile(
            rf"\b(?:(?P<det>(?i:the))[^\S\n]+)?(?P<title>(?i:{table.expand('{BODY}')}))\b(?![^\S\n]+spokes)"
            rf"(?P<of>(?=[^\S\n]+of\b))?")
        self._coordination = regex.compile(r"^[^.;:]{0,40}?\b(?:and|with|between)\b[^.;:]{0,30}$")
        self._name_after = regex.compile(rf"[^\S\n]+(?!(?:{not_name})\b)\p{{Lu}}\p{{Ll}}+(?!\p{{L}})(?!')")
        self._geo_after = regex.compile(table.expand(r"[^\S\n]+{GEO_NOUN}"))
        self._body_words = regex.compile(r"(?:\p{Lu}[\p{L}-]*[^\S\n]+){1,4}$")
        self._lead_in = regex.compile(rf"\b(?i:the|a|an)[^\S\n]+(?:(?i:{rank})[^\S\n]+)$")
        self._generic_titles = {w.lower() for w in table.words("GENERIC_TITLE")}
        self._pronoun = regex.compile(r"\b(?:[Hh]e|[Ss]he)\b")
        # "According to him, …": the object pronoun of a source phrase stands for its speaker, as
        # a subject "he" does; elsewhere "him"/"her" is an object, never a speaker.
        self._source_pronoun = regex.compile(r"(?<=\b[Aa]ccording[^\S\n]+to[^\S\n]+)(?:him|her)\b(?=[^\S\n]*,)")
        # "“…,” the 54-year-old said": an age standing for the person, as a pronoun does.
        self._age_ref = regex.compile(
            rf"\b[Tt]he[^\S\n]+\d{{1,3}}-year-old(?:[^\S\n]+\p{{Ll}}+)?(?=,?[^\S\n]+(?:also[^\S\n]+)?(?i:{say})\b)")
        self._pronoun_it = regex.compile(rf"\b[Ii]t\b(?=[^\S\n]+(?:(?:also|later|further|then|again)[^\S\n]+)?(?i:{say}))")
        # "(Concerning Syria,) the final statement emphasized …. It also stressed …": a sentence
        # whose subject is a document that speaks; the "it" after it is the document, so its
        # issuer, a body named in that sentence or the one before.
        self._document_subject = regex.compile(
            rf"[\s\"\u201c]*(?:[^,.;:\n]{{0,60}},[^\S\n]+)?(?i:the|its|their)[^\S\n]+"
            rf"(?:[\p{{L}}-]+[^\S\n]+){{0,2}}?(?i:{trie_regex(table.words('SPEAKER_DOCUMENT'))})\b(?![^\S\n]+of\b)")
        self._group = regex.compile(table.expand("{GROUP_PHRASE}"), regex.IGNORECASE)
        self._side = regex.compile(table.expand(r"(?P<det>(?i:the)[^\S\n]+)?(?P<noun>{SIDE})\b"))
        self._groups = GroupPhraseFinder(table, gazetteer.demonym)
        self._orgs = OrgNameFinder(table)
        self._word = regex.compile(r"\p{Lu}[\p{L}'-]+")
        self._modifiers = {w.lower() for w in table.words("TITLE_MODIFIER")}
        self._title_groups = [[w.lower() for w in table.words(name)]
                              for name in ("TOP_DIPLOMAT", "MONARCH", "HEAD_OF_STATE", "HEAD_OF_GOVERNMENT",
                                           "PM_SHORT")]

    # ---- candidates -------------------------------------------------------------------------
    @staticmethod
    def _known_before(text: str, pos: int, known: dict[int, _Candidate]) -> _Candidate | None:
        """The known actor that ends just before ``pos``, spaces and a possessive "'s" between."""
        j = pos
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if text[max(0, j - 2):j] == "'s":
            j -= 2
        return known.get(j)

    def _country_before(self, text: str, pos: int, known: dict[int, _Candidate]) -> tuple[str | None, int]:
        """The country named just before ``pos`` ("Chinese ", "China's ", "U.S. "), and its start."""
        cand = self._known_before(text, pos, known)
        if cand is None:
            return None, pos
        actor = cand.data["actor"]
        assert isinstance(actor, KnownActor)
        if actor.kind == "country":
            return actor.id, cand.start
        if actor.country:
            return actor.country, cand.start
        if actor.kind == "organization":
            return None, cand.start  # "UN Special Envoy Ana Ruiz": the body is part of the title
        return None, pos

    def _country_after(self, text: str, pos: int, known: dict[int, _Candidate]) -> tuple[str | None, int]:
        """The country named in an of-phrase at ``pos`` (" of the UAE"), and where it ends."""
        of = self._of_phrase.match(text, pos)
        cand = known.get(of.end()) if of is not None else None
        actor = cand.data["actor"] if cand is not None else None
        if cand is None or not isinstance(actor, KnownActor) or actor.kind != "country" or \
                cand.data.get("role") == "demonym":
            return None, pos  # "a spokesman of the Pakistani military": the body's, not a country's
        named = self._comma_name.match(text, cand.end)
        if named is not None and not self._title_start.match(text, named.end()):
            return None, pos  # "the Minister of Egypt, H.E Sameh Shoukry": the title of the name after it
        return actor.id, cand.end

    def _body_before(self, text: str, pos: int, known: dict[int, _Candidate]) -> _Candidate | None:
        """The organization named just before a title ("IMF chief economist"): the person's
        affiliation."""
        cand = self._known_before(text, pos, known)
        if cand is None:
            return None
        actor = cand.data["actor"]
        assert isinstance(actor, KnownActor)
        return cand if actor.kind == "organization" else None

    @staticmethod
    def _body_at(start: int, known: dict[int, _Candidate]) -> _Candidate | None:
        """The organization whose name opens a titled mention ("Acme Bank spokesperson Jo
        Lee", where the title began inside the body's name)."""
        cand = known.get(start)
        actor = cand.data["actor"] if cand is not None else None
        return cand if isinstance(actor, KnownActor) and actor.kind == "organization" else None

    def _title_starts(self, text: str) -> list[int]:
        """Where a title (or a modifier and a title) starts, nested ones included."""
        folded = text.lower()
        if len(folded) == len(text) and "\u017f" not in text:
            return sorted({m.start() for m in self._folded_title_start.finditer(folded, overlapped=True)})
        return sorted({m.start() for m in self._title_start.finditer(text, overlapped=True)})

    def _candidates(self, text: str) -> list[_Candidate]:
        cands: list[_Candidate] = []
        known_by_end: dict[int, _Candidate] = {}
        known_by_start: dict[int, _Candidate] = {}
        anchors: list[Anchor] = []
        scans = _TextScans(text, self._full_name)
        for start, end, surface in self.gazetteer.find(text, self._pair_head):
            form = self.gazetteer.lookup(surface)
            if form is None or self._geo_after.match(text, end):
                continue
            if form.role == "metonym" and self._name_after.match(text, end):
                continue  # "Santiago Ruiz", "Victoria Hale": a first name, not a capital
            cand = _Candidate(start, end, "known", 3, {"actor": form.actor, "role": form.role})
            known_by_end[end] = cand
            known_by_start[start] = cand
            anchors.append(Anchor(start, end, form.actor, form.role))
            if form.role != "demonym":
                cands.append(cand)
        for phrase in self._groups.find(text, anchors):
            cands.append(_Candidate(phrase.start, phrase.end, "np_group", 5,
                                    {"name": phrase.name, "anchors": phrase.anchors}))
        for cand in list(known_by_end.values()):
            side = self._side.match(text, cand.end + 1) if text[cand.end:cand.end + 1] == " " else None
            actor = cand.data["actor"]
            assert isinstance(actor, KnownActor)
            if side and actor.kind == "country":
                start = cand.start
                if text[max(0, start - 4):start].lower() == "the ":
                    start -= 4
                cands.append(_Candidate(start, side.end(), "side", 6, {"country": actor.id}))
        title_starts = self._title_starts(text)
        for m in matches_at(self._title_name, text, title_starts):
            country, start = self._country_before(text, m.start(), known_by_end)
            if country is None:
                # "Brazilian Central Bank Governor Ana Lima": a body's capitalized name may
                # stand between the country and the title.
                body = self._body_words.search(text, max(0, m.start() - 80), m.start())
                if body is not None:
                    country, start = self._country_before(text, body.start(), known_by_end)
            title = " ".join(text[start:m.end("title")].split())
            cands.append(_Candidate(start, m.end(), "person", 8,
                                    {"name": m.group("name"), "title": title, "country": country,
                                     "body": self._body_before(text, m.start(), known_by_end)
                                     or self._body_at(start, known_by_start)}))
        for m in [*self._name_title.finditer(text), *self._name_is_title.finditer(text)]:
            appos = m.group("appos")
            if self._titled_name_in.search(appos):
                continue  # "beat the Hawks, coach Tom Reed said": the title is Reed's
            country = None
            for _, _, surface in self.gazetteer.find(appos):
                form = self.gazetteer.lookup(surface)
                if form is not None:
                    country = form.actor.id if form.actor.kind == "country" else form.actor.country
                    break
            cands.append(_Candidate(m.start(), m.end("name"), "person", 7,
                                    {"name": m.group("name"), "title": " ".join(appos.split()),
                                     "country": country}))
        for m in matches_at(self._title_comma_name, text, title_starts):
            country, start = self._country_before(text, m.start(), known_by_end)
            gap = text[m.end("title"):m.start("name")]
            if country is None and len(gap) > 3:  # "his peer from Chile, Ana Ruiz"
                country = next((c for _, _, f in self.gazetteer.find(gap)
                                if (form := self.gazetteer.lookup(f)) is not None
                                and (c := form.actor.id if form.actor.kind == "country" else form.actor.country)),
                               None)
            if country is None and (owner := self._unknown_owner.search(text, max(0, m.start() - 60), m.start())):
                start = owner.start("owner")  # "Connecticut's tax commissioner, Kevin Sullivan"
            cands.append(_Candidate(start, m.end("name"), "person", 7,
                                    {"name": m.group("name"), "title": m.group("title"), "country": country,
                                     "apposed": True}))
        for m in self._honorific.finditer(text):
            cands.append(_Candidate(m.start(), m.end(), "person", 6,
                                    {"name": m.group("name"), "title": None, "country": None}))
        self._titled_lists(text, title_starts, known_by_end, cands)
        said_lone: list[tuple[regex.Match[str], bool]] = []  # "said Okonkwo.": for _lone_names
        for m in self._said_name.finditer(text):
            inverted = text[max(0, m.start() - 3):m.start()].rstrip(" ,").endswith(("\u201d", '"', "'", "?"))
            if " " not in m.group("name") and not m.group("title"):
                said_lone.append((m, inverted))
            if m.group("title") or ((inverted or not self._address_verb.match(m.group("verb")))
                                    and self._unknown_full_name(m.group("name"))):
                cands.append(_Candidate(m.start("title") if m.group("title") else m.start("name"), m.end(),
                                        "person", 7 if m.group("title") else 2,
                                        {"name": m.group("name"), "title": m.group("title"), "country": None}))
        for m in chain(self._met_name.finditer(text), self._semicolon_name.finditer(text)):
            if self._unknown_full_name(m.group("name")):
                cands.append(_Candidate(m.start("name"), m.end("name"), "person", 2,
                                        {"name": m.group("name"), "title": None, "country": None}))
        self._signed_names(text, cands)
        if "between" in text:
            for m in self._between_names.finditer(text):
                left = self._name.match(text, m.end())
                joined = self._and_name.match(text, left.end()) if left is not None else None
                right = self._name.match(text, joined.end()) if joined is not None else None
                if left is None or right is None or self._name_after_names.match(text, right.end()) is None \
                        or any(one.group("name").split()[-1].lower() in self._corporate_heads for one in (left, right)):
                    continue
                for one in (left, right):
                    if self._unknown_full_name(one.group("name")):
                        cands.append(_Candidate(one.start("name"), one.end("name"), "person", 2,
                                                {"name": one.group("name"), "title": None, "country": None}))
        for m in chain(self._bare_subject.finditer(text), self._timed_subject.finditer(text)):
            if self._of_name_before.search(text, max(0, m.start() - 40), m.start()):
                continue  # "the Federal Reserve Bank of New York said": the end of a body's name
            if self._unknown_full_name(m.group("name")):
                cands.append(_Candidate(m.start(), m.end(), "person", 2,
                                        {"name": m.group("name"), "title": None, "country": None}))
        self._aside_names(text, cands, scans)
        speaking = {m.group("name") for m in self._bare_speaker.finditer(text)}
        speaking.update(m.group("name") for m, _ in said_lone if self._lone_object.match(text, m.end("name")))
        speaking = {n for n in speaking if not self._not_name.match(n) and self.gazetteer.lookup(n) is None}
        if speaking:
            # "Eklund told journalists", "said Eklund.": a surname that speaks is a person when the text also
            # gives the full name ("Lars Eklund") somewhere. One pass finds all full names.
            seen_full: set[int] = set()
            for f in scans.full_names:
                first = f.group("first")
                if f.group("last") in speaking and f.start() not in seen_full and \
                        not self._not_name.match(first) and self.gazetteer.lookup(first) is None:
                    seen_full.add(f.start())
                    cands.append(_Candidate(f.start(), f.end(), "person", 2,
                                            {"name": f.group(), "title": None, "country": None}))
        for end, cand in known_by_end.items():
            # Headlines: "Chile's Vidal", "Kenya's Otieno".
            actor = cand.data["actor"]
            assert isinstance(actor, KnownActor)
            owned = self._possessive_name.match(text, end) if actor.kind == "country" else None
            if owned and not self._not_name.match(owned.group("name").split()[0]) and \
                    self.gazetteer.lookup(owned.group("name").split()[0]) is None:
                cands.append(_Candidate(cand.start, owned.end(), "person", 5,
                                        {"name": owned.group("name"), "title": None, "country": actor.id}))
        for m in self._bare_pair.finditer(text):
            # "Eklund and Hval met": two bare names coordinated before an event verb.
            for group in ("a", "b"):
                name = m.group(group)
                if not self._not_name.match(name) and self.gazetteer.lookup(name) is None:
                    cands.append(_Candidate(m.start(group), m.end(group), "person", 1,
                                            {"name": name, "title": None, "country": None}))
        for m in self._bare_attribution.finditer(text):
            name = m.group("name")
            if name not in self._not_name_start and not self._not_name.match(name) and self.gazetteer.lookup(name) is None:
                cands.append(_Candidate(m.start(), m.end(), "person", 1,
                                        {"name": name, "title": None, "country": None}))
        for m in matches_at(self._title_ref, text, _with_words_before(text, title_starts, 3)):
            head = m.start("qualifier") if m.group("qualifier") else m.start("title")
            country, start = self._country_before(text, head, known_by_end)
            det = m.group("det")
            end = m.end()
            if country is None:
                # "the Foreign Minister of France", "Minister in Charge of Energy, Water and
                # Environment of Morocco": the country after the title (and its portfolios) is
                # the holder's, and tells two ministers named only by title apart.
                # (the title may hold the first portfolio: "the Minister of Foreign Affairs and
                # Cooperation of Chile")
                portfolios = self._portfolio_of.match(text, end)
                portfolios = portfolios if portfolios is not None and portfolios.end() > end else None
                if (det or "").lower() == "the" or portfolios is not None:
                    country, end = self._country_after(text, portfolios.end() if portfolios else end,
                                                       known_by_start)
            if country is None and start != head:
                # "the UN secretary-general", "NATO's secretary general": the holder of a known
                # body's office, whom a name given before may already hold.
                holder_of = self._known_before(text, head, known_by_end)
                body_actor = holder_of.data["actor"] if holder_of is not None else None
                if isinstance(body_actor, KnownActor) and body_actor.kind == "organization":
                    the = _LEADING_THE.search(text, max(0, start - 6), start)
                    cands.append(_Candidate(the.start() if the is not None else start, end, "title_ref", 4,
                                            {"title": m.group("title"), "country": None, "body": body_actor.id,
                                             "qualifier": (m.group("qualifier") or "").strip(),
                                             "indefinite": False}))
                    continue
            if det is None and country is None:
                body = self._unknown_body.search(text, max(0, head - 60), head)
                if body is not None and not any(self.gazetteer.lookup(w) for w in body.group("body").split()):
                    cands.append(_Candidate(body.start(), m.end(), "body_person", 4, {
                        "title": m.group("title"), "body": " ".join(body.group("body").split()),
                        "body_span": (body.start("body"), body.start("body") + len(body.group("body").rstrip()))}))
                elif (owner := self._unknown_owner.search(text, max(0, head - 60), head)) is not None and \
                        (known := known_by_end.get(owner.end("owner"))) is not None and \
                        isinstance(known.data["actor"], KnownActor) and known.data["actor"].kind == "country" \
                        and known.data.get("role") != "demonym" and owner.end() > owner.end("owner") + 3:
                    # "Ireland's housing minister": a portfolio no title list holds, after a known
                    # country, is that country's office holder, as "Ireland's foreign minister" is.
                    portfolio = " ".join(regex.sub(r"^['\u2019]s?", "", text[owner.end("owner"):m.end()]).split())
                    cands.append(_Candidate(owner.start("owner"), m.end(), "title_ref", 4,
                                            {"title": portfolio, "country": known.data["actor"].id,
                                             "qualifier": "", "indefinite": False}))
                elif (owner := self._unknown_owner.search(text, max(0, head - 60), head)) is not None and \
                        self.gazetteer.lookup(owner.group("owner")) is None:
                    # "Ohio's tax commissioner": an unnamed office holder of a place or body no
                    # gazetteer knows, named by the words that describe it.
                    desc = " ".join(text[owner.start("owner"):m.end()].split())
                    cands.append(_Candidate(owner.start("owner"), m.end(), "described", 4, {"name": desc}))
                continue
            if (det is not None and country is None) or (det is not None and start == head):
                start = m.start()
            elif det is not None and text[max(0, start - 4):start].lower() in ("the ", " an") :
                start -= 4 if text[max(0, start - 4):start].lower() == "the " else 0
            lead = self._lead_in.search(text, max(0, start - 20), start)
            if lead is not None and country is not None:
                start = lead.start()
                det = det or "the"
            cands.append(_Candidate(start, end, "title_ref", 4,
                                    {"title": m.group("title"), "country": country,
                                     "qualifier": (m.group("qualifier") or "").strip(),
                                     "indefinite": (det or "").lower() in ("a", "an")}))
        for m in self._body.finditer(text):
            if self.gazetteer.lookup(m.group("title")) is not None:
                continue  # "the Foreign Office" is a known body, not a description
            country, start = self._country_before(text, m.start("title"), known_by_end)
            if m.group("of") is not None:
                # "the Government of Eswatini" stands for Eswatini, as a country's name does, so a
                # rule sees one actor where "urged the government of X to …" names one; "the
                # ministry of finance" or "the government of the day" names no country
                of_country, end = self._country_after(text, m.end(), known_by_start)
                actor = self.gazetteer.by_id(of_country) if of_country is not None and country is None else None
                if actor is not None and m.group("title").lower() == "government":
                    cands.append(_Candidate(m.start(), end, "known", 4, {"actor": actor, "role": "metonym"}))
                continue
            if country is None and m.group("det") is None:
                continue
            if country is not None and text[max(0, start - 4):start].lower() == "the ":
                start -= 4
            elif country is None:
                start = m.start()
            cands.append(_Candidate(start, m.end(), "body", 4,
                                    {"title": " ".join(m.group("title").split()), "country": country}))
        for pattern in (self._pronoun, self._age_ref, self._source_pronoun):
            for m in pattern.finditer(text):
                cands.append(_Candidate(m.start(), m.end(), "pronoun", 1))
        for m in self._pronoun_it.finditer(text):
            cands.append(_Candidate(m.start(), m.end(), "pronoun_it", 1))
        for pattern in (self._group, self._pair_ref):
            for m in pattern.finditer(text):
                cands.append(_Candidate(m.start(), m.end(), "group", 1))
        for m in self._list_ref.finditer(text):
            cands.append(_Candidate(m.start(), m.end(), "list_ref", 2))
        self._org_names(text, anchors, cands)
        self._lone_names(text, said_lone, cands, scans)
        self._named_again(text, cands, scans)
        return self._shape_fixes(text, cands)

    def _lone_names(self, text: str, said: list[tuple[regex.Match[str], bool]],
                    cands: list[_Candidate], scans: _TextScans) -> None:
        """One capitalized word no gazetteer knows as the speaker: "Google said …", "“…,” said
        Okonkwo." A word the text also writes in lower case, or a sentence-initial plural
        ("Critics said") that the text never capitalizes mid-sentence, is an ordinary word, and
        a surname whose full name the text gives is left to the full name. The speaker is a
        body when it is the subject (companies speak so most), a person when named after the
        verb. A word of any name already found ("Wang" of "Wang Yi", whichever order the name
        is written in) is left to that name."""
        taken = SpanSet((c.start, c.end) for c in cands)
        full_ends: set[str] | None = None

        def lone(word: str, sentence_start: bool) -> bool:
            nonlocal full_ends
            if len(word) < 3 or word in self._not_name_start or self._not_name.match(word) \
                    or word.lower() in self._group_heads or self.gazetteer.lookup(word) is not None:
                return False
            if full_ends is None:
                full_ends = {f.group("last") for f in scans.full_names}
                full_ends.update(w for c in cands for w in text[c.start:c.end].split() if w[:1].isupper())
            if word.lower() in scans.lower or word in full_ends:
                return False
            return not sentence_start or not word.endswith("s") or \
                regex.search(rf"(?<=\p{{Ll}}[,;]?[^\S\n]+){regex.escape(word)}\b", text) is not None

        for m in self._lone_subject.finditer(text):
            if not taken.overlaps(m.start(), m.end()) and lone(m.group("name"), True):
                cands.append(_Candidate(m.start(), m.end(), "org", 1,
                                        {"name": m.group("name"), "country": None, "surface_end": m.end()}))
        for m, inverted in said:
            name = m.group("name")
            if text[m.end("verb"):m.start("name")].strip() or not self._lone_object.match(text, m.end("name")):
                continue
            if (inverted or not self._address_verb.match(m.group("verb"))) and \
                    not taken.overlaps(m.start("name"), m.end("name")) and lone(name, False):
                cands.append(_Candidate(m.start("name"), m.end("name"), "person", 1,
                                        {"name": name, "title": None, "country": None}))

    def _named_again(self, text: str, cands: list[_Candidate], scans: _TextScans) -> None:
        """A full name no gazetteer knows opening a sentence ("Dana Whitfield was blunt.") or
        inside one ("a suit filed by Dana Whitfield,") is a person when the text goes on to use
        its last word alone ("… Whitfield said"), or, opening a sentence, a personal pronoun in
        the next sentence ("… she said"): bodies and places are named again by their whole
        names, people by surname or pronoun. Only words no other candidate holds are read."""
        taken = SpanSet((c.start, c.end) for c in cands)
        for m in self._opening_name.finditer(text):
            first, last = m.group("first"), m.group("last")
            if taken.overlaps(m.start(), m.end()) or first in self._not_name_start or self._not_name.match(first) \
                    or self._not_name.match(last) or last in self._not_person_end \
                    or not self._unknown_full_name(f"{first} {last}"):
                continue
            if first.lower() in scans.lower or last.lower() in scans.lower:
                continue
            alone = regex.search(rf"(?<!{regex.escape(first)}[^\S\n]+)(?<![\p{{L}}-]){regex.escape(last)}(?![\p{{L}}-])",
                                 text, pos=m.end())
            follows = self._pronoun.search(text, m.end(), m.end() + 300)
            if alone is None and (m.group("opening") is None or follows is None
                                  or not self._sentence_end.search(text, m.end(), follows.start())):
                continue
            cands.append(_Candidate(m.start(), m.end(), "person", 2, {"name": m.group(), "title": None, "country": None}))

    def _speaker_label(self, name: str, text: str) -> bool:
        """One word labelling two transcript lines or more ("BLITZER: …", "Okafor: …"): a
        speaker, unless the word is a page's furniture ("UPDATE:",
        "Photos:"), an ordinary word the text also writes in lower case, or a known name."""
        word = name.title() if name.isupper() else name
        return len(regex.findall(rf"(?m)^{regex.escape(name)}:", text)) >= 2 and " " not in name and len(word) >= 3 and word not in self._not_name_start \
            and word not in self._not_label and not self._not_name.match(word) \
            and self.gazetteer.lookup(word) is None and self.gazetteer.lookup(name) is None \
            and regex.search(rf"(?<![\w-]){regex.escape(word.lower())}(?![\w-])", text) is None

    def _unknown_full_name(self, name: str) -> bool:
        """Two words or more, none of them (nor the whole) a name the gazetteer knows: a
        person's full name read from its place in the sentence, not from a list."""
        tokens = name.split()
        return len(tokens) >= 2 and not any(self.gazetteer.lookup(t) for t in [name, *tokens])

    def _signed_names(self, text: str, cands: list[_Candidate]) -> None:
        """Persons who sign what they say: a dash byline after a quotation ("“…” — Dana
        Whitfield") and the speaker of a transcript line ("DANA WHITFIELD: …"). A transcript
        label in mixed case ("Read More: …") is a name only if the text names its last word
        again elsewhere; one in capitals is the transcript convention and is taken as it stands
        ("DANA WHITFIELD" becomes "Dana Whitfield")."""
        found = list(matches_at(self._transcript_name, text, _colon_line_starts(text)))
        labels = len(found) if "\n" in text else 0
        signed = ((self._byline_name.finditer(text), False), (iter(found), True))
        for matches, transcript in signed:
            for m in matches:
                name = m.group("name")
                if not m.group("title") and not self._unknown_full_name(name) and \
                        not (transcript and labels >= 2 and self._speaker_label(name, text)):
                    continue
                if transcript and not name.isupper() and text.count(name.split()[-1]) < 2:
                    continue
                if name.isupper():
                    name = name.title()
                start = m.start("title") if m.group("title") else m.start("name")
                cands.append(_Candidate(start, m.end(), "person", 7 if m.group("title") else 2,
                                        {"name": name, "title": m.group("title"), "country": None}))

    def _org_names(self, text: str, anchors: list[Anchor], cands: list[_Candidate]) -> None:
        """Organisations named by the shape of their names, where no other mention already
        holds the name's head word (a gazetteer body, "the foreign ministry", a title)."""
        covered = bytearray(len(text))
        for cand in cands:
            if cand.kind not in ("pronoun", "pronoun_it", "group") and self._plausible(cand):
                covered[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        for org in self._orgs.find(text, covered, anchors):
            cands.append(_Candidate(org.start, org.end, "org", 3,
                                    {"name": org.name, "country": org.country, "parent": org.parent,
                                     "surface_end": org.name_end if org.name_end >= 0 else org.end}))

    def _aside_names(self, text: str, cands: list[_Candidate], scans: _TextScans) -> None:
        """Persons named before an age or a "who" clause ("Tomas Varga, 54, said"), or opening a
        sentence whose clause refers back to them by "his" or "her" ("Dana Whitfield, for her
        part, …"): a later "she said" has them to refer to."""
        asides = (self._name_before.search(text, max(0, a.start() - 80), a.start()) for a in self._aside.finditer(text))
        for m in itertools.chain(asides, self._possessive_subject.finditer(text)):
            if m is None:
                continue
            tokens = m.group("name").split()
            if tokens[0] in self._not_name_start or tokens[0].lower() in self._role_words or \
                    any(t.strip(",.'\u2019") in self._thing_words for t in tokens) or \
                    not self._unknown_full_name(m.group("name")):
                continue  # "Many Kenyans, who…": a quantifier opens no name
            before = text[max(0, m.start() - 3):m.start()].strip()
            # At a sentence start a common word is capitalized too ("Many Kenyans, who…").
            if (not before or before[-1] in ".!?\"\u201c") and tokens[0].lower() in scans.lower:
                continue
            cands.append(_Candidate(m.start(), m.end(), "person", 2,
                                    {"name": m.group("name"), "title": None, "country": None}))

    def _titled_lists(self, text: str, title_starts: list[int], known_by_end: dict[int, _Candidate],
                      cands: list[_Candidate]) -> None:
        """Persons named after a title's of-phrase or in a list after a plural title."""
        for end, known in known_by_end.items():
            actor = known.data["actor"]
            assert isinstance(actor, KnownActor)
            if actor.kind not in ("country", "organization") or known.data.get("role") == "demonym":
                continue
            after = self._name_after_known.match(text, end)
            if after is None or len(after.group("name").split()) < 2:
                continue
            title = self._title_of.search(text, max(0, known.start - 100), known.start)
            if title is None:
                continue
            country = actor.id if actor.kind == "country" else actor.country
            cands.append(_Candidate(title.start(), after.end(), "person", 8, {
                "name": after.group("name"), "title": " ".join(text[title.start():end].split()),
                "country": country}))
        by_start_known = {c.start: c for c in known_by_end.values()}
        if "respectively" in text:
            self._respective_names(text, by_start_known, cands)
        for m in matches_at(self._plural_title, text, title_starts):
            names: list[regex.Match[str]] = []
            pos = m.end()
            while (one := self._name.match(text, pos)) is not None:
                names.append(one)
                # "Foreign Ministers Lena Varga of Chile and Tomas Irigoyen of Peru": an of-phrase
                # naming each one's country may follow each name.
                name_end = one.end()
                of_country = self._of_phrase.match(text, name_end)
                if of_country is not None and of_country.end() in by_start_known:
                    name_end = by_start_known[of_country.end()].end
                sep = self._list_sep.match(text, name_end)
                if sep is None or len(names) >= 6:
                    break
                pos = sep.end()
            if len(names) < 2:
                continue
            country, _ = self._country_before(text, m.start(), known_by_end)
            for one in names:
                if self.gazetteer.lookup(one.group("name")) is not None:
                    continue  # a known person keeps the gazetteer's identity
                cands.append(_Candidate(one.start(), one.end(), "person", 7, {
                    "name": one.group("name"), "title": m.group("title"), "country": country}))

    def _respective_names(self, text: str, by_start: dict[int, _Candidate], cands: list[_Candidate]) -> None:
        """Persons paired in order with the countries of a plural title's of-list: 'the foreign
        ministers of A, B and C, NAME, NAME and NAME, respectively'. Each name is a person of
        the country in its place; the lists must have the same length, two at least."""
        for r in self._respectively.finditer(text):
            window = max(0, r.start() - 400)
            stop = max(text.rfind(".", window, r.start()), text.rfind("\n", window, r.start()))
            titles = list(self._plural_title_of.finditer(text, max(window, stop + 1), r.start()))
            if not titles:
                continue
            title = titles[-1]
            countries: list[str | None] = []
            pos = title.end()
            while (known := by_start.get(pos)) is not None and len(countries) < 8:
                actor = known.data["actor"]
                assert isinstance(actor, KnownActor)
                countries.append(actor.id if actor.kind == "country" else actor.country)
                sep = self._list_join.match(text, known.end)
                if sep is None:
                    break
                pos = sep.end()
                if "and" in sep.group().split():
                    last = by_start.get(pos)
                    if last is None:
                        break
                    actor = last.data["actor"]
                    assert isinstance(actor, KnownActor)
                    countries.append(actor.id if actor.kind == "country" else actor.country)
                    comma = self._comma_name.match(text, last.end)
                    pos = comma.end() if comma is not None else -1
                    break
            if len(countries) < 2 or pos < 0:
                continue
            names: list[regex.Match[str]] = []
            while len(names) < len(countries) and (one := self._name.match(text, pos)) is not None:
                names.append(one)
                sep = self._list_sep.match(text, one.end())
                if sep is None:
                    break
                pos = sep.end()
            if len(names) != len(countries) or names[-1].end() != r.start():
                continue
            for one, country in zip(names, countries, strict=True):
                if self.gazetteer.lookup(one.group("name")) is not None:
                    continue  # a known person keeps the gazetteer's identity
                cands.append(_Candidate(one.start(), one.end(), "person", 7, {
                    "name": one.group("name"), "title": title.group("title"), "country": country}))

    def _outside_title_case(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        """Drops persons found only by their shape inside a title-case line ("Woman Who Accused
        Senator Drops Her Claim"): there every word is capitalized, so capitals say nothing,
        unless the body names the same person too.

        Only lines holding a person candidate are looked at, and each name word is searched
        for once, so the cost stays linear however many such lines a text has.
        """
        if not any(c.kind in ("person", "org") for c in cands):
            return cands
        breaks = [m.start() for m in _NEWLINE.finditer(text)]
        headline: dict[int, tuple[int, bool]] = {}  # line start -> (line end, title case)

        def line_of(pos: int) -> tuple[int, int, bool]:
            i = bisect.bisect_left(breaks, pos)
            start = breaks[i - 1] + 1 if i else 0
            if start not in headline:
                end = breaks[i] if i < len(breaks) else len(text)
                line = text[start:end]
                # Most lines are paragraphs, long or ending in a full stop: their words go unread.
                short = len(line) <= 200 and line.rstrip()[-1:] not in ".\"\u201d"
                content = [w for w in _WORD.findall(line[:400]) if w.lower() not in _MINOR_WORDS] if short else []
                headline[start] = (end, short and len(content) >= 4
                                   and sum(w[0].isupper() for w in content) >= 0.8 * len(content))
            return start, *headline[start]

        suspects = [c for c in cands if c.kind in ("person", "org") and line_of(c.start)[2]]
        if not suspects:
            return cands
        seen: dict[str, bool] = {}

        def outside(word: str) -> bool:
            if word not in seen:
                seen[word] = False
                pos = text.find(word)
                while pos != -1:
                    _, end, title_case = line_of(pos)
                    if not title_case:
                        seen[word] = True
                        break
                    pos = text.find(word, end)
            return seen[word]

        # A person is confirmed by any of its name words, an organisation by its whole name.
        dropped = {id(c) for c in suspects if not any(outside(w) for w in (
            str(c.data.get("name", "")).split() if c.kind == "person" else [str(c.data.get("name", ""))]))}
        return [c for c in cands if id(c) not in dropped]

    def _shape_fixes(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        """What the candidates' surroundings change: a party tag joins its legislator's
        mention, a gazetteer surname after an unknown given name ("said Bradley Tusk") is
        someone else, and nothing inside a dateline is an actor."""
        # A dateline opens a line: only line starts are tried.
        datelines = [(m.start(), m.end()) for pos in _line_starts(text)
                     if (m := self._dateline.match(text, pos)) is not None]
        if datelines:
            starts = [a for a, _ in datelines]
            cands = [c for c in cands if (i := bisect.bisect_right(starts, c.start) - 1) < 0
                     or c.start >= datelines[i][1]]
        cands = self._outside_title_case(text, cands)
        shadowed: set[str] = set()
        for cand in list(cands):
            if cand.kind == "person":
                tag = self._party_tag.match(text, cand.end)
                if tag is not None:
                    cand.end = tag.end()
                tail = self._affiliation_tail.match(text, cand.end)
                if tail is not None:
                    cand.end = tail.end()
                continue
            actor = cand.data.get("actor")
            if cand.kind != "known" or not isinstance(actor, KnownActor) or actor.kind != "person":
                continue
            surface = text[cand.start:cand.end]
            given = self._given_name.search(text, max(0, cand.start - 30), cand.start)
            if given is None or " " in surface or surface not in actor.name.split():
                continue
            first = given.group("first")
            if self._not_name.match(first) or self.gazetteer.lookup(first) is not None or \
                    first in actor.name.split():
                continue
            cands.remove(cand)
            shadowed.add(surface)
            cands.append(_Candidate(given.start(), cand.end, "person", 7,
                                    {"name": f"{first} {surface}", "title": None, "country": None}))
        if shadowed:
            # Later bare mentions of that surname are the person the text named in full.
            for cand in cands:
                if cand.kind == "known" and text[cand.start:cand.end] in shadowed:
                    cand.kind, cand.rank = "surname", 2
                    cand.data = {"name": text[cand.start:cand.end]}
        return cands

    def _plausible(self, cand: _Candidate) -> bool:
        """A person candidate whose 'name' is a known place or body ("On Syria, the Foreign
        Secretary…") or that follows a bare generic title ("official London residence") is not one."""
        if cand.kind != "person":
            return True
        name = str(cand.data.get("name", ""))
        if name.split()[-1:] and name.split()[-1] in self._not_person_end:
            return False  # "Oxford University", "Union Station"
        whole, first = self.gazetteer.lookup(name), self.gazetteer.lookup(name.split()[0])
        if whole is not None and whole.actor.kind != "person":
            return False
        # A first word naming a country or body ("Syria Foreign…") is no given name; a capital's
        # name often is one ("Santiago", "Victoria").
        if first is not None and first.actor.kind != "person" and first.role != "metonym":
            return False
        surface = str(cand.data.get("title") or "")
        title = surface.lower().split()
        # "official London residence": a bare generic title before a capitalized word; set off
        # by a comma ("his peer from Chile, Ana Ruiz") or capitalized as a form of address
        # ("Minister Erjavec", "Envoy Dlamini") the title does introduce a name.
        return (bool(cand.data.get("apposed")) or surface[:1].isupper()
                or not (len(title) == 1 and title[0] in self._generic_titles))

    @staticmethod
    def _select(cands: list[_Candidate]) -> list[_Candidate]:
        """Non-overlapping candidates, longest (then highest rank) first.

        Taken characters are marked in a bytearray, so each check and mark costs the length of
        the candidate, not the number of candidates kept: linear in the text.
        """
        order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.rank, c.start))
        if not order:
            return []
        taken = bytearray(max(c.end for c in order))
        kept: list[_Candidate] = []
        for cand in order:
            if taken.find(1, cand.start, cand.end) != -1:
                continue
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
        return sorted(kept, key=lambda c: c.start)

    # ---- resolution -------------------------------------------------------------------------
    def find(self, text: str, sentences: Sequence[Sentence], quoted: SpanSet | None = None
             ) -> tuple[list[Mention], ActorTable]:
        """The actor mentions and the table of actors they name. ``quoted`` holds the quotations:
        a person named inside one is no subject a later "he" or "she" refers to."""
        table = ActorTable(self.gazetteer)
        selected = self._select([c for c in self._candidates(text) if self._plausible(c)])
        persons_first_pass = [c for c in selected if c.kind == "person"]
        # The proper word-suffixes of the names seen so far: a set, so that a page of names
        # stays linear.
        named_tails: set[tuple[str, ...]] = set()
        for c in persons_first_pass:
            name = str(c.data["name"])
            c.data["canonical"] = _canonical_person(name, self._postnominals)
            words = tuple(str(c.data["canonical"]).casefold().split())
            if len(words) > 1 and words in named_tails:
                # "Van Aalst said" after "Pieter van Aalst": a capitalised particle opening a
                # sentence makes a surname look like a new two-word name.
                c.kind, c.rank, c.data = "surname", 2, {"name": str(c.data["canonical"])}
                continue
            named_tails.update(words[i:] for i in range(1, len(words)))
        persons_first_pass = [c for c in persons_first_pass if c.kind == "person"]
        name_tokens = {tok for c in persons_first_pass for tok in str(c.data["canonical"]).split()
                       if len(tok) > 1 and not self._not_name.match(tok)}
        extra: list[_Candidate] = []
        # A particle the full name puts before a word ("Pieter van Aalst", "Mark St. Clare"): a
        # later "van Aalst", "Van Aalst" or "St. Clare" is one mention with it.
        particle_of = {b: a for c in persons_first_pass
                       for a, b in pairwise(str(c.data["canonical"]).split())
                       if a.islower() or a in self._inner_words}
        if name_tokens:
            for m in self._word.finditer(text):
                word, start, end = m.group(), m.start(), m.end()
                if word.endswith("'s"):  # "Wekesa's talks": the possessive is no part of the name
                    word, end = word[:-2], end - 2
                elif word.endswith("s'"):  # "Solberg-Aas' talks": so is a bare apostrophe after s
                    word, end = word[:-1], end - 1
                if word in name_tokens and self.gazetteer.lookup(word) is None:
                    particle = particle_of.get(word)
                    if particle and text[max(0, start - len(particle) - 1):start].lower() == particle.lower() + " ":
                        start -= len(particle) + 1
                    extra.append(_Candidate(start, end, "surname", 2, {"name": word}))
        if extra:
            covered = SpanSet((c.start, c.end) for c in selected)
            free = [c for c in extra if not covered.overlaps(c.start, c.end)]
            selected = self._select(selected + free)

        sentence_starts = [s.start for s in sentences]

        def sentence_of(pos: int) -> int:
            return max(0, bisect.bisect_right(sentence_starts, pos) - 1)

        mentions: list[Mention] = []
        persons_seen: list[tuple[int, int, str, bool]] = []  # (sentence, start, id, subject-like)
        bodies_seen: list[str] = []
        recent_bodies: list[tuple[int, str]] = []  # (sentence, id) of each body named
        # Bodies named as a clause's subject: (sentence, id). A sentence-opening "It said / It
        # called on …" continues the subject of the sentence before, not its object ("Kenya urged
        # Uganda to …. It also called on …" is Kenya again).
        body_subjects: list[tuple[int, str]] = []
        # Bodies cited as a source ("According to the UNHCR, …"): a following "It said" continues
        # the voice of the sentence before, ahead of a subject in its subordinate clause.
        body_sources: list[tuple[int, str]] = []
        # sentence, actor id, end of the last mention, and whether it continued a comma list
        previous: tuple[int, str, int, bool] | None = None
        pairs: list[tuple[int, tuple[str, ...], bool]] = []
        # Lists of countries named together ("the United States, Japan and Australia") and the
        # list being read: sentence, countries (each once, in order), names read, end of its last
        # name. A list of two names or more is in ``country_lists`` once, as its growing dict: a
        # copy per name made a line of ten thousand names quadratic.
        country_lists: list[tuple[int, dict[str, None]]] = []
        run: tuple[int, dict[str, None], int, int] | None = None
        by_sentence: dict[int, list[str]] = {}
        # A headline names people by surname before the body gives their full names ("Wekesa
        # meets Salcedo"): its surnames that match no one yet are resolved after the body. The
        # headline is the first line with text: a scraped page often opens with blank lines.
        headline_end = text.find("\n", len(text) - len(text.lstrip()))
        forward: list[_Candidate] = []

        for cand in selected:
            sent = sentence_of(cand.start)
            surface = text[cand.start:cand.end]
            record: ActorRecord | None = None
            ids: tuple[str, ...] = ()
            flags = "a"
            if cand.kind == "known":
                actor = cand.data["actor"]
                assert isinstance(actor, KnownActor)
                record = table.known(actor)
                flags += {"country": "c", "person": "p", "group": "g"}.get(record.kind, "o")
                if cand.data.get("role") == "metonym" and record.kind == "country":
                    flags += "l"
            elif cand.kind == "person":
                record = table.person(str(cand.data["canonical"]), _opt(cand.data.get("title")),
                                      _opt(cand.data.get("country")))
                body = cand.data.get("body")
                if isinstance(body, _Candidate) and record.affiliation is None:
                    owner = body.data["actor"]
                    assert isinstance(owner, KnownActor)
                    org = table.known(owner)
                    org.add(text[body.start:body.end], body.start, body.end)
                    record.affiliation = org.id
                    record.country = record.country or org.country
                if record.country:
                    parent = self.gazetteer.by_id(record.country)
                    if parent is not None:
                        table.known(parent)
                flags += "p"
                surface = str(cand.data["name"])
            elif cand.kind == "body_person":
                # "A Coca-Cola spokesman": an unnamed person, affiliated with the body named.
                body_name = str(cand.data["body"])
                span = cand.data["body_span"]
                assert isinstance(span, tuple)
                org = table.descriptive(body_name, "organization", None, None)
                org.add(body_name, span[0], span[1])
                desc = f"{body_name} {cand.data['title']}"
                record = table.descriptive(desc, "person", str(cand.data["title"]), None)
                record.affiliation = record.affiliation or org.id
                flags += "p"
            elif cand.kind == "org":
                country = _opt(cand.data.get("country"))
                parent = self.gazetteer.by_id(country) if country else None
                if parent is not None:
                    country = table.known(parent).id
                record = table.descriptive(str(cand.data["name"]), "organization", None, country)
                parent_id = _opt(cand.data.get("parent"))
                if parent_id is not None and (parent_body := self.gazetteer.by_id(parent_id)) is not None:
                    parent_record = table.known(parent_body)
                    if not parent_record.mentions:
                        parent_record.mentions.append((cand.start, cand.end))  # keeps the affiliation in the table
                    record.affiliation = record.affiliation or parent_record.id
                surface = text[cand.start:int(str(cand.data["surface_end"]))]
                flags += "o"
            elif cand.kind == "described":
                desc = str(cand.data["name"])
                record = table.descriptive(desc, "person", desc, None)
                flags += "p"
            elif cand.kind == "surname":
                record = self._latest_with_token(table, persons_seen, str(cand.data["name"]))
                flags += "p"
                if record is None and cand.end <= headline_end:
                    forward.append(cand)
            elif cand.kind == "title_ref":
                qualified = f"{cand.data.get('qualifier') or ''} {cand.data['title']}".strip()
                # "the Acting President" is first the person titled so, then any president.
                record = None if qualified.lower() == self._equivalent_titles(qualified)[0] else self._by_title(
                    table, persons_seen, [qualified.lower()], _opt(cand.data.get("country")),
                    bool(cand.data.get("indefinite")), sent)
                record = record or self._by_title(table, persons_seen, self._equivalent_titles(qualified),
                                                  _opt(cand.data.get("country")), bool(cand.data.get("indefinite")),
                                                  sent)
                title = str(cand.data["title"])
                body_actor = self.gazetteer.by_id(str(cand.data["body"])) if cand.data.get("body") else None
                if record is not None and body_actor is not None and \
                        record.affiliation != table.known(body_actor).id:
                    record = None  # an officer of the same title whom no text ties to this body
                if record is None and body_actor is not None:
                    record = table.descriptive(f"{body_actor.name} {title}", "person", title, None)
                    record.affiliation = record.affiliation or table.known(body_actor).id
                elif record is None and cand.data.get("country"):
                    cname = self._country_name(str(cand.data["country"]))
                    desc = f"{cname} {title}".strip()
                    record = table.descriptive(desc, "person", desc, str(cand.data["country"]))
                elif record is None and title[:1].isupper() and not cand.data.get("indefinite"):
                    record = table.descriptive(title, "person", title, None)
                elif record is None and cand.data.get("indefinite"):
                    # "a ministry official": an unnamed person, named by the words that describe it.
                    desc = " ".join(f"{cand.data.get('qualifier') or ''} {title}".split())
                    record = table.descriptive(desc, "person", desc, None)
                flags += "p"
            elif cand.kind == "body":
                record = self._body_record(table, str(cand.data["title"]), _opt(cand.data.get("country")))
                flags += "o"
            elif cand.kind == "side":
                actor = self.gazetteer.by_id(str(cand.data["country"]))
                record = table.known(actor) if actor else None
                flags += "c"
            elif cand.kind == "np_group":
                record, ids = self._group_record(table, cand, surface)
                flags += "g" if record is not None else "m"
            elif cand.kind == "pronoun":
                record = self._subject(table, persons_seen, sent, cand.start, text)
                flags += "pn"
                surface = ""
            elif cand.kind == "pronoun_it" and sent > 0 and \
                    self._document_subject.match(text, sentence_starts[sent - 1]) is not None and \
                    (issuer := next((i for s_, i in reversed(recent_bodies) if sent - 2 <= s_ < sent
                                     and table.records[i].kind == "organization"), None)) is not None:
                # the document's issuer: a body named in its sentence or the one before; with
                # none there, the "it" is read as any other
                record = table.records[issuer]
                flags += "no"
                surface = ""
            elif cand.kind == "pronoun_it":
                subject = next((i for s_, i in reversed(body_sources) if s_ == sent - 1), None) or next(
                    (i for s_, i in reversed(body_subjects) if sent - 1 <= s_ <= sent), None)
                record = table.records[subject] if subject is not None else next(
                    (table.records[i] for i in reversed(bodies_seen)), None)
                flags += "n" + ("o" if record is not None and record.kind == "organization" else "c")
                surface = ""
            elif cand.kind == "group":
                speaker = mentions[-1] if mentions and sentence_of(mentions[-1].start) == sent else None
                if speaker is not None and surface.lower() == "they" and self._plural_speaker(speaker, table) \
                        and self._said_they.fullmatch(text, speaker.end, cand.start):
                    ids = speaker.actor_ids
                else:
                    ids = self._titled_pair(table, persons_seen, surface) or self._latest_pair(
                        pairs, sent, self._other_office(table, surface))
                flags += "m"
            elif cand.kind == "list_ref":
                # "officials from those nations": the countries of the list named in this
                # sentence or the one before; none named, no one.
                ids = next((tuple(found) for s, found in reversed(country_lists) if sent - s <= 1), ())
                flags += "m"
            if record is not None and record.kind == "country" and cand.kind == "known":
                if run is not None and run[0] == sent and self._list_join.fullmatch(text, run[3], cand.start):
                    run[1].setdefault(record.id)
                    run = (sent, run[1], run[2] + 1, cand.end)
                    if run[2] == 2:
                        country_lists.append((sent, run[1]))
                else:
                    run = (sent, {record.id: None}, 1, cand.end)
            if record is not None:
                record.add(surface, cand.start, cand.end) if surface else record.mentions.append(
                    (cand.start, cand.end))
                ids = (record.id,)
                if record.kind == "person" and cand.kind != "pronoun":
                    is_subject = subject_like(text, cand.start)
                    # "a surety not below the position of a director": an unnamed person only
                    # mentioned as an object is no one a later "he" or "she" refers to.
                    if is_subject or not cand.data.get("indefinite"):
                        persons_seen.append((sent, cand.start, record.id, is_subject
                                             and not (quoted is not None and quoted.overlaps(cand.start, cand.end))))
                elif record.kind in ("organization", "country") and cand.kind not in ("pronoun_it", "side"):
                    bodies_seen.append(record.id)
                    recent_bodies.append((sent, record.id))
                    if _body_subject_like(text, cand.start) and not (
                            quoted is not None and quoted.overlaps(cand.start, cand.end)):
                        body_subjects.append((sent, record.id))
                    elif record.kind == "organization" and _AS_SOURCE.search(text, max(0, cand.start - 20), cand.start):
                        body_sources.append((sent, record.id))
            if not ids:
                continue
            if len(ids) > 1:
                pairs.append((sent, ids, False))  # "officials from Armenia and Azerbaijan"
            elif cand.kind != "group":
                bucket = by_sentence.setdefault(sent, [])
                for i in ids:
                    if i not in bucket:
                        bucket.append(i)
                persons = [i for i in bucket if table.records[i].kind == "person"]
                if len(persons) >= 2:
                    pairs.append((sent, tuple(persons[:2]), True))
                elif previous is not None and previous[0] == sent and previous[1] not in ids and \
                        not previous[3] and self._coordination.search(text[previous[2]:cand.start]):
                    # Bodies pair up only when coordinated: "Iran and the United States"; the
                    # last two of a longer list ("endorsed by the EAC, the SADC and the AU") are
                    # no two sides.
                    pairs.append((sent, (previous[1], ids[0]), False))
                same_sentence = previous is not None and previous[0] == sent
                if same_sentence and previous is not None and previous[1] in ids:
                    listed = previous[3]  # the name again, as its acronym: "the African Union (AU)"
                else:
                    listed = same_sentence and previous is not None and \
                        _LIST_COMMA.fullmatch(text, previous[2], cand.start) is not None
                previous = (sent, ids[0], cand.end, listed)
            mentions.append(Mention(cand.start, cand.end, flags, ids, source=cand.kind))
        for cand in forward:
            found = next(iter(table.with_token(str(cand.data["name"]))), None)
            if found is not None:
                found.mentions.append((cand.start, cand.end))
                mentions.append(Mention(cand.start, cand.end, "ap", (found.id,), source=cand.kind))
        if forward:
            mentions.sort(key=lambda m: m.start)
        return _join_bracketed_aliases(text, mentions), table

    def _group_record(self, table: ActorTable, cand: _Candidate, surface: str
                      ) -> tuple[ActorRecord | None, tuple[str, ...]]:
        """A group phrase's actor: a group of its own with its country or body, or, for a
        phrase anchored by several countries ("Iranian and Saudi diplomats"), those countries."""
        anchors = cand.data["anchors"]
        assert isinstance(anchors, tuple)
        if len(anchors) > 1:
            ids: list[str] = []
            for actor in anchors:
                record = table.known(actor)
                record.mentions.append((cand.start, cand.end))
                ids.append(record.id)
            return None, tuple(dict.fromkeys(ids))
        name = str(cand.data["name"]) or " ".join(surface.split())
        if not anchors and name[:1].islower():
            # "the opposition" after "the Venezuelan opposition": the latest group of that kind.
            for record in table.latest(LOOKBACK):
                if record.kind == "group" and record.name.lower().endswith(" " + name.lower()):
                    return record, ()
        country: str | None = None
        affiliation: str | None = None
        if anchors:
            owner = anchors[0]
            assert isinstance(owner, KnownActor)
            if owner.kind == "country":
                country = owner.id
            else:
                body = table.known(owner)
                if not body.mentions:
                    body.mentions.append((cand.start, cand.end))  # keeps the affiliation in the table
                affiliation, country = body.id, owner.country
            if country is not None:
                parent = self.gazetteer.by_id(country)
                if parent is not None:
                    country = table.known(parent).id
        record = table.descriptive(name, "group", None, country)
        record.affiliation = record.affiliation or affiliation
        return record, ()

    def _country_name(self, country_id: str) -> str:
        actor = self.gazetteer.by_id(country_id)
        if actor is None:
            return ""
        return self.gazetteer.demonym(country_id) or actor.name

    @staticmethod
    def _latest_with_token(table: ActorTable, seen: list[tuple[int, int, str, bool]], token: str
                           ) -> ActorRecord | None:
        words = token.casefold().split()
        for _, _, actor_id, _ in reversed(seen[-LOOKBACK:]):
            name = table.records[actor_id].name
            if token in name.split() or (len(words) > 1 and name.casefold().split()[-len(words):] == words):
                return table.records[actor_id]
        return next(iter(table.with_token(words[-1] if len(words) > 1 else token)), None)

    def _body_record(self, table: ActorTable, title: str, country: str | None) -> ActorRecord | None:
        """'Seoul's foreign ministry' is a new body; 'the foreign ministry' the latest one of its kind."""
        head = title.lower()
        if country is None:
            for record in table.latest(LOOKBACK):
                if record.kind == "organization" and record.title and record.title.lower().endswith(head):
                    return record
            # "the foreign ministry" with no country named anywhere before: a body of its own.
            return table.descriptive(head, "organization", head, None)
        name = f"{self._country_name(country)} {title[:1].upper()}{title[1:]}".strip()
        return table.descriptive(name, "organization", title, country)

    def _equivalent_titles(self, title: str) -> list[str]:
        words = title.lower().split()
        while len(words) > 1 and words[0] in self._modifiers:
            words = words[1:]
        want = " ".join(words)
        return next((group for group in self._title_groups if group and want == group[0]), [want])

    def _by_title(self, table: ActorTable, seen: list[tuple[int, int, str, bool]], titles: list[str],
                  country: str | None, indefinite: bool, sentence: int) -> ActorRecord | None:
        """The person a title reference ("the president", "Vanuatu's prime minister") names: the
        latest person holding the title, of the country the reference names. A person of unknown
        country named in the same sentence is not taken for a country's office holder: "Albanese
        met Vanuatu's prime minister" names two people."""
        if indefinite:
            return None
        if country is not None and any(t in self._generic_titles for t in titles):
            for _, _, actor_id, _ in reversed(seen[-LOOKBACK:]):
                if table.records[actor_id].country == country:
                    return table.records[actor_id]
            return None
        for seen_sentence, _, actor_id, _ in reversed(seen[-LOOKBACK:]):
            record = table.records[actor_id]
            have = (record.title or "").lower()
            if have and any(have.endswith(want) or want in have.split(",")[0] for want in titles) and (
                    country is None or record.country == country
                    or (record.country is None and seen_sentence != sentence)):
                return record
        return None

    @staticmethod
    def _subject(table: ActorTable, seen: list[tuple[int, int, str, bool]], sent: int, pos: int,
                 text: str) -> ActorRecord | None:
        earlier = [s for s in seen[-LOOKBACK:] if s[1] < pos]
        if not earlier:
            return None
        same = [s for s in earlier if s[0] == sent]
        if same and all(_WITH_OBJECT.search(text, max(0, s[1] - 60), s[1]) for s in same) \
                and any(s[0] < sent for s in earlier):
            # "In his meeting with NAME, he …": the partner of a with-phrase is not the one the
            # subject pronoun refers to; the subject named before is.
            same, earlier = [], [s for s in earlier if s[0] < sent]
        if same:
            subjects = [s for s in same if s[3]]
            return table.records[(subjects or same)[0][2]]
        last_sentence = earlier[-1][0]
        group = [s for s in earlier if s[0] == last_sentence]
        subjects = [s for s in group if s[3]]
        return table.records[(subjects or group)[0][2]]

    @staticmethod
    def _plural_speaker(mention: Mention, table: ActorTable) -> bool:
        """Whether a mention may be what a 'they' after its verb of saying stands for: several
        actors ("Kenya and Uganda said they …"), or a group the gazetteer knows ("The Houthis
        said they …"). An unnamed plural ("Officials said they …") often reports on others."""
        if len(mention.actor_ids) > 1:
            return True
        record = table.records.get(mention.actor_ids[0]) if mention.actor_ids else None
        return record is not None and record.kind == "group" and mention.source == "known"

    @staticmethod
    def _titled_pair(table: ActorTable, seen: list[tuple[int, int, str, bool]], phrase: str) -> tuple[str, ...]:
        """'the two presidents': the latest two persons whose title names that office."""
        words = phrase.lower().split()
        office = words[-1].rstrip("s") if words else ""
        if len(office) < 4 or office in {"side", "countrie", "nation", "part", "two", "they", "delegation"}:
            return ()
        found: list[str] = []
        for _, _, actor_id, _ in reversed(seen[-LOOKBACK:]):
            title = (table.records[actor_id].title or "").lower()
            if office in title and actor_id not in found:
                found.append(actor_id)
            if len(found) == 2:
                return (found[1], found[0])
        return ()

    def _other_office(self, table: ActorTable, phrase: str) -> Callable[[tuple[str, ...]], bool]:
        """Whether a pair of persons holds offices other than the one a phrase names: "both
        foreign ministers" is not two persons titled "President". Generic heads ("the two
        leaders") name no office and exclude no one."""
        words = [w for w in phrase.lower().split() if w not in _COUNTING_WORDS][-2:]
        office = " ".join(words)
        office = office[:-1] if office.endswith("s") else office
        if not words or office in self._generic_titles or office not in self._offices:
            return lambda pair: False  # "the two sides", "both leaders"

        def other(pair: tuple[str, ...]) -> bool:
            titles = [(table.records[i].title or "").lower() for i in pair]
            return all(t and office not in t for t in titles)
        return other

    @staticmethod
    def _latest_pair(pairs: list[tuple[int, tuple[str, ...], bool]], sent: int,
                     other_office: Callable[[tuple[str, ...]], bool]) -> tuple[str, ...]:
        """The two sides of the current exchange: the latest pair of persons within a few
        sentences (the principals of a meeting) that does not hold another office than the
        phrase names, else the latest pair of any actors."""
        earlier = [(s, pair, persons) for s, pair, persons in pairs[-LOOKBACK:] if s <= sent]
        for s, pair, persons in reversed(earlier):
            if persons and sent - s <= 8 and not other_office(pair):
                return pair
        return earlier[-1][1] if earlier else ()
