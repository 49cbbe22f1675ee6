r"""Literal strings that every match of a regex must contain: the rules' cheap prefilter.

Most rules match in a few sentences of an article, yet running a rule's regex over a sentence
where it cannot match still costs a full scan: the regex engine tries its start at every actor
token and backtracks through the optional parts. A rule that needs "signed", "inked" or
"concluded" cannot match a sentence containing none of them, and ``"signed" in sentence`` costs
a fraction of a microsecond. This module reads a compiled rule's regex source and derives such
requirements (a set of strings, one of which any match contains), so the engine skips the rule
where the sentence lacks them.

The analysis must never claim a requirement that a real match could violate. Anything it does
not fully understand (verbose mode, conditionals, named lists, unusual escapes) yields no
requirement at all, so an unusual user pattern is simply always run. Requirements are compared
case-folded, which is a superset of what the regex engine's case-insensitive matching accepts.

Mention tokens count too. A rule that needs a quotation (``{QUOTE}``, a token with the flag
"q") cannot match a sentence without one, whatever its words. The analysis recognizes the
token patterns the placeholders expand to and requires the marker ``⟦q⟧``; the prefilter adds
one marker per flag the sentence's tokens carry to the text it looks in.

Word edges count as well. A string such as "led" is in "called", so a rule needing the word
"led" would run on every sentence with "called" in it. The word lists and verb forms the
placeholders expand to are fenced by ``(?<![\w-])`` and ``(?![\w-])``; the analysis reads those
as markers (``_START``, ``_END``) that the prefilter's copy of the sentence carries at every
start and end of a run of ``[\w-]`` characters, so "led" is then looked for as a word. Markers
inside a string follow from its own characters (a letter then a space is a word end); only at a
string's edges do they come from the regex, and they are dropped wherever a neighbouring
character is unknown, so a marked string never claims more than the regex asserts. A ``\s``
is never part of a word either: the string before it ends a word there and the one after it
starts one ("and" in ``\s+and\s+`` is looked for as a word, not inside "demand").

Checking is cheap too (``Prefilter``): a sentence can contain a string only if it contains
each three-character piece of it, so strings are indexed by their rarest trigram, and one set
intersection with the sentence's trigrams names the few strings worth a substring test.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

import regex

from diplonews.rules.placeholders import TOKEN

__all__ = ["SOURCE_PIECES", "Choice", "Prefilter", "Requirement", "TextGate", "analyse", "case_free_sets",
           "compile_caseless", "optional_branches", "requirements"]

Requirement = frozenset[str]
"""Strings (case-folded) of which every match contains at least one."""
Choice = tuple[tuple[Requirement, ...], ...]
"""One conjunction of requirements per branch of an alternation: every match holds all the
requirements of at least one of them."""

_GRAM = 3
_MAX_STRINGS = 2000
_MIN_LENGTH = _GRAM
_KEEP = 3
_KEEP_TOP = 5  # requirements kept per rule: each more one can only refuse more sentences
_KEEP_CHOICES = 4  # choices kept per rule (each costs a subset test per branch and sentence)
_MAX_BRANCHES = 12  # an alternation of more branches gives no choice (its words are a trie)
_MAX_CHECKED = 384  # more strings than this cost the prefilter more than they save
# A token placeholder's expansion in a rule's source, its flag captured; and the tokens of a
# masked sentence, whose letters are their flags.
_TOKEN_PATTERN = regex.compile(regex.escape(TOKEN).replace(regex.escape("{flag}"), "([a-z])"))
_TOKEN = regex.compile(r"⟦([a-z]+)\d+⟧", regex.IGNORECASE)  # as loose as a rule's token pattern
_START, _END = "\x01", "\x02"  # a run of [\w-] characters starts / ends here
_MARKS = _START + _END
_WORD_RUN = regex.compile(r"[\w-]+", regex.UNICODE)  # the runs the rules' word fences delimit
# The pieces of a regex source that a scan for groups must see whole: an escape or a character
# class (whose first "]" is literal) can hide a parenthesis; a named group's opening carries its
# name (group 1); a bare parenthesis opens or closes a group.
SOURCE_PIECES = regex.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?P?<([^\W\d]\w*)>|[()]", regex.DOTALL)
_FENCE_BEFORE, _FENCE_AFTER = r"<![\w-])", r"![\w-])"  # after "(?": the fences of a word


@lru_cache(maxsize=4096)
def _in_word(char: str) -> bool:
    r"""Whether the regex engine counts ``char`` as part of a word run (``[\w-]``)."""
    return _WORD_RUN.fullmatch(char) is not None


def _norm(string: str) -> str:
    """``string`` with markers at its inner word edges, and at its outer edges where the
    regex asserted one; a marker contradicted by its neighbour is dropped (the regex cannot
    match there, so any claim holds)."""
    real = string.translate(_NO_MARKS)
    if not real:
        return "".join(m for m in _MARKS if m in string)
    out: list[str] = []
    lead = string[:len(string) - len(string.lstrip(_MARKS))]
    if _START in lead and _in_word(real[0]):
        out.append(_START)
    previous: bool | None = None
    for char in real:
        word = _in_word(char)
        if previous is not None and word != previous:
            out.append(_START if word else _END)
        out.append(char)
        previous = word
    trail = string[len(string.rstrip(_MARKS)):]
    if _END in trail and previous:
        out.append(_END)
    return "".join(out)


def _real_length(string: str) -> int:
    return len(string.translate(_NO_MARKS))


def _checkable(string: str) -> str:
    """A finished requirement string: an edge marker whose outer side is unknown says nothing
    the sentence's copy would show (a start fence before an unknown character, say), so it goes."""
    if string.startswith(_END):
        string = string[1:]
    if string.endswith(_START):
        string = string[:-1]
    return string


_NO_MARKS = str.maketrans("", "", _MARKS)
_MARKED_RUN = _START + r"\g<0>" + _END  # a word run between its markers, as a replacement template


class _Unsupported(Exception):
    """A construct the analysis does not model; the pattern gets no requirement."""


@dataclass
class _Facts:
    """What is known of the strings a piece of pattern can match."""

    exact: frozenset[str] | None = None
    """All strings it can match, when that language is finite and small."""
    prefix: frozenset[str] | None = None
    """Non-empty strings of which every match starts with one."""
    required: list[Requirement] = field(default_factory=list)
    """Requirements that all hold for every match."""
    flags: frozenset[str] = frozenset()
    """Flags of which every match contains a mention token."""
    gap: bool = False
    """Every match is one or more characters outside words (``\\s+``): a word next to it
    ends or starts there, which the strings beside it can carry as markers."""
    choices: list[Choice] = field(default_factory=list)
    """Choices that all hold for every match (from the alternations every match goes through)."""


_EMPTY = _Facts(exact=frozenset({""}))
_OPAQUE = _Facts()
_GAP = _Facts(gap=True)


def requirements(source: str) -> list[Requirement]:
    """Up to five requirements every match of the regex ``source`` satisfies (empty: none known).

    ``source`` is compiled without the VERBOSE flag (the engine never sets it); an inline
    ``(?x)`` is one of the constructs the analysis refuses.
    """
    return analyse(source)[0]


def analyse(source: str) -> tuple[list[Requirement], list[Choice]]:
    """The requirements of ``source`` (as :func:`requirements`) and up to four choices.

    A requirement of an alternation is the union of one requirement per branch, so a single
    branch with a short or common word ("met" beside "held talks with") makes it pass nearly
    every sentence. A choice keeps each branch's requirements together instead: "held" and
    "talks", or "met". A sentence with "talks" but neither "held" nor "met" holds the union of
    the first requirements, and no branch of the choice. Common words ("with") stay out of
    choices: looking for them in every sentence costs more than the runs they refuse.
    """
    try:
        parser = _Parser(source)
        facts = parser.alternation()
        if parser.pos != len(source):
            return [], []
    except (_Unsupported, IndexError, ValueError):
        return [], []
    candidates = [r for r in (_useful(r) for r in facts.required) if r is not None]
    if facts.exact is not None and (useful := _useful(facts.exact)) is not None:
        candidates.append(useful)
    chosen: list[Requirement] = []
    for candidate in sorted(set(candidates), key=_selectivity):
        if not any(_implies(c, candidate) for c in chosen):
            chosen.append(candidate)
        if len(chosen) == _KEEP_TOP:
            break
    flags = [frozenset({_marker(flag)}) for flag in sorted(facts.flags)]
    return chosen + flags, _best_choices(facts.choices, chosen)


def _best_choices(choices: list[Choice], chosen: list[Requirement]) -> list[Choice]:
    """The choices that can refuse a sentence the chosen requirements admit, strongest first.

    A choice whose branches each hold one requirement says no more than their union, which the
    requirements already hold where it is useful; nor does one with a branch whose every
    requirement a chosen one implies (it holds wherever the rule runs at all). A choice is as
    strong as its weakest branch, and that as its best requirement.
    """
    kept: dict[Choice, tuple[bool, int, int, tuple[str, ...]]] = {}
    for choice in choices:
        if all(len(branch) < 2 for branch in choice):
            continue
        if any(all(any(_implies(c, r) for c in chosen) for r in branch) for branch in choice):
            continue
        kept[choice] = max(_selectivity(branch[0]) for branch in choice)
    return sorted(kept, key=kept.__getitem__)[:_KEEP_CHOICES]


def _unmarked(requirement: Requirement) -> tuple[str, ...]:
    """A requirement's strings without their word-edge markers, shortest first, none containing
    another: a weaker requirement, checked by plain substring tests in a case-folded text (no
    marked copy of it needed), which is cheaper where few texts are checked against it."""
    kept: list[str] = []
    for string in sorted({s.translate(_NO_MARKS) for s in requirement}, key=len):
        if not any(k in string for k in kept):
            kept.append(string)
    return tuple(kept)


class TextGate:
    """Whether a text can hold a match of one pattern, by plain substring tests.

    For a finder that runs one large pattern over every sentence (descriptive speakers,
    descriptive addressees): most sentences lack the words any match needs, and testing for
    them costs far less than trying the pattern's lookbehinds at every position. The words come
    from the pattern itself, so an edit to its data keeps the gate right. They are a few hundred,
    so they are found as the rules' strings are, through the text's trigrams (``Prefilter``).
    """

    def __init__(self, source: str):
        self._filter = Prefilter([[frozenset(_unmarked(r)) for r in requirements(source)]], marked=False)

    def admits(self, text: str) -> bool:
        """False only when no match of the pattern can occur in ``text``."""
        return self._filter.possible(text)[0]


def _implies(stronger: Requirement, weaker: Requirement) -> bool:
    """Whether a text holding ``stronger`` surely holds ``weaker``, which then filters nothing
    more (the word "\x01deal\x02" and the string "deal")."""
    return all(any(w in s for w in weaker) for s in stronger)


def _marker(flag: str) -> str:
    """What stands for "a mention token with this flag" in requirements and checked text."""
    return f"⟦{flag}⟧"


def _searchable(text: str) -> str:
    """``text`` as the prefilter looks in it: case-folded, with a marker per token flag.

    The markers follow a NUL, so no requirement string can run from the text into them.
    """
    folded = _WORD_RUN.sub(_MARKED_RUN, text).casefold()
    flags = {flag for letters in _TOKEN.findall(text) for flag in letters.lower()}
    return folded + "\0" + "".join(_marker(flag) for flag in sorted(flags)) if flags else folded


# Word-edge markers stand at every word's start and end, and mention tokens are in every
# sentence: all of them are commoner than any letter.
_LETTERS_BY_FREQUENCY = _START + _END + " ⟦⟧etaoinshrdlcumwfgypbvkjxqz"


# The commonest trigrams of English text, and word endings as common: letters that are rare
# one by one can still make a trigram most words have ("ing").
_COMMON_GRAMS = frozenset({"the", "and", "ing", "ion", "tio", "ent", "ati", "for", "her", "ter",
    "hat", "tha", "ere", "ate", "his", "con", "res", "ver", "all", "ons", "nce", "men", "ith",
    "ted", "ers", "pro", "thi", "wit", "are", "ess", "not", "ive", "was", "ect", "rea", "com",
    "eve", "per", "int", "est", "sta", "cti", "ica", "ist", "ear", "ain", "one", "our", "iti",
    "rat", "ng" + _END, "ed" + _END, "es" + _END})


def _rarest_gram(string: str) -> str:
    """The trigram of ``string`` made of the least frequent English letters, and not one of
    the commonest trigrams: the best filter.

    Characters not in the list (digits, punctuation, other scripts) count as rarest.
    """
    def rarity(gram: str) -> tuple[bool, int]:
        return (gram not in _COMMON_GRAMS,
                sum(_LETTERS_BY_FREQUENCY.find(c) % len(_LETTERS_BY_FREQUENCY) for c in gram))

    return max((string[i:i + _GRAM] for i in range(len(string) - _GRAM + 1)), key=rarity)


class Prefilter:
    """Which of a list of rules a sentence can possibly match, from their requirements.

    Each string of a requirement is filed under its rarest trigram. A sentence's trigrams,
    intersected with those (one set operation), name the few strings worth looking for; the
    requirements holding are those with a string found. Work grows with what the sentence
    contains, not with the number of rules. A rule's choices (``analyse``) are read from the
    same requirements found, and only for a rule whose requirements all hold.
    """

    def __init__(self, rules: Sequence[Sequence[Requirement]], *, marked: bool = True,
                 choices: Sequence[Sequence[Choice]] = ()):
        self._marked = marked
        """Whether the requirements' strings carry word-edge markers and token flags (masked
        sentences); unmarked strings are looked for in the text as it is, case-folded."""
        in_choices = {r for per_rule in choices for choice in per_rule for branch in choice for r in branch}
        distinct = sorted({r for reqs in rules for r in reqs} | in_choices, key=_selectivity)
        index = {r: i for i, r in enumerate(distinct)}
        # Each string once, with every requirement it satisfies: requirements share strings
        # (a verb's forms are in every rule using the verb), and one test then serves them all.
        by_gram: dict[tuple[str, ...], dict[str, list[int]]] = {}
        short: dict[str, list[int]] = {}
        for i, requirement in enumerate(distinct):
            for string in sorted(requirement):
                if len(string) < _GRAM:  # a rare mark (``_rare_mark``): looked for directly
                    short.setdefault(string, []).append(i)
                else:
                    by_gram.setdefault(tuple(_rarest_gram(string)), {}).setdefault(string, []).append(i)
        self._short = [(string, tuple(found)) for string, found in short.items()]
        # Trigrams as tuples of characters: zip() makes a sentence's set of them faster than slicing.
        self._strings = {gram: [(string, tuple(found)) for string, found in strings.items()]
                         for gram, strings in by_gram.items()}
        self._grams = frozenset(self._strings)
        self._needs = [frozenset(index[r] for r in reqs) for reqs in rules]
        self._choices = [[[frozenset(index[r] for r in branch) for branch in choice] for choice in per_rule]
                         for per_rule in choices] or [[] for _ in rules]
        self._choosing = [i for i, per_rule in enumerate(self._choices) if per_rule]

    def possible(self, text: str) -> list[bool]:
        """For each rule, whether ``text`` contains what it requires."""
        folded = _searchable(text) if self._marked else text.casefold()
        holding: set[int] = set()
        # The text's trigrams are only probed against the few hundred filed, never collected
        # into a set of their own: building that set costs three times the probing.
        for gram in self._grams.intersection(zip(folded, folded[1:], folded[2:], strict=False)):
            for string, requirements in self._strings[gram]:
                if string in folded:
                    holding.update(requirements)
        for string, requirements in self._short:
            if string in folded:
                holding.update(requirements)
        possible = [needs <= holding for needs in self._needs]
        for rule in self._choosing:
            if possible[rule]:
                possible[rule] = all(any(branch <= holding for branch in choice) for choice in self._choices[rule])
        return possible


# Auxiliaries and prepositions that news sentences nearly all contain: a requirement holding
# one of them passes almost every sentence, however long its other strings. A verb group's
# "has"/"been"/"with" branch should be filed under the verb's own forms instead.
_COMMON_WORDS = frozenset({
    "the", "and", "for", "with", "from", "that", "this", "has", "have", "had", "having", "been",
    "being", "was", "were", "are", "will", "would", "could", "should", "not", "its", "his", "her",
    "their", "said", "says", "also",
})


def _selectivity(requirement: Requirement) -> tuple[bool, int, int, tuple[str, ...]]:
    """Strings that are not common words, long strings (rare in text) and few strings (quick
    to check): best first."""
    common = any(_common(s) for s in requirement)
    return (common, -min(min(len(s) for s in requirement), 8), len(requirement), tuple(sorted(requirement)))


@lru_cache(maxsize=65536)
def _common(string: str) -> bool:
    """Whether ``string`` is in nearly every sentence: a common word, or a piece of one not
    fenced as a word (the "ave" of "have", the "lso" of "also": a trie's suffix)."""
    real = string.translate(_NO_MARKS).strip()
    if real in _COMMON_WORDS:
        return True
    return _START not in string and _END not in string and any(real in word for word in _COMMON_WORDS)


# Punctuation in nearly every sentence, and the brackets of the mention tokens every sentence
# holds; any other mark (";", ":", "(") is rarer than most words.
_COMMON_MARKS = frozenset(",.-'’⟦⟧")


def _rare_mark(string: str) -> bool:
    """Whether ``string`` is short yet worth requiring: punctuation, some of it a mark most
    sentences lack (a rule listing items with ";"), which no trigram can stand for."""
    real = string.translate(_NO_MARKS)
    return all(not _in_word(c) and not c.isspace() for c in real) and \
        any(c not in _COMMON_MARKS for c in real)


def _useful(strings: frozenset[str]) -> Requirement | None:
    """The minimal form of a requirement, or None when it would pass nearly every sentence."""
    if not strings or len(strings) > _MAX_CHECKED or \
            any(_real_length(s) < _MIN_LENGTH and not _rare_mark(s) for s in strings):
        return None
    kept: list[str] = []
    for s in sorted({_checkable(s) for s in strings}, key=len):
        if not any(k in s for k in kept):  # a string containing a kept one adds nothing
            kept.append(s)
    return frozenset(kept)


def _concat(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(_norm(a + b) for a, b in product(left, right))


def _sequence(items: list[_Facts]) -> _Facts:
    required: list[Requirement] = []
    run: frozenset[str] = frozenset({""})
    exact: frozenset[str] | None = frozenset({""})
    prefix: frozenset[str] | None = None
    prefix_open = True  # still inside the leading run of exactly known items
    for item in items:
        required.extend(item.required)
        if exact is not None:
            exact = _concat(exact, item.exact) if item.exact is not None else None
        if item.gap:
            # The run ends before a non-word character and the next one starts after one:
            # a word at either edge is fenced there ("and" in "\\s+and\\s+" is a word).
            closed = frozenset(_norm(s + _END) for s in run)
            required.append(closed)
            if prefix_open:
                prefix, prefix_open = closed, False
            run = frozenset({_START})
            continue
        if item.exact is not None:
            joined = _concat(run, item.exact)
            if joined is None:
                required.append(run)
                if prefix_open:
                    prefix, prefix_open = run, False
                run = item.exact
            else:
                run = joined
            continue
        ended = _concat(run, item.prefix) if item.prefix is not None else None
        required.append(ended if ended is not None else run)
        if prefix_open:
            prefix, prefix_open = (ended if ended is not None else run), False
        run = frozenset({""})
    required.append(run)
    if prefix_open:
        prefix = run
    if prefix is not None and "" in prefix:
        prefix = None
    flags = frozenset().union(*(item.flags for item in items))
    return _Facts(exact=exact, prefix=prefix, required=[r for r in required if "" not in r], flags=flags,
                  choices=[c for item in items for c in item.choices])


def _alternatives(branches: list[_Facts]) -> _Facts:
    if len(branches) == 1:
        return branches[0]
    exact: frozenset[str] | None = frozenset()
    prefix: frozenset[str] | None = frozenset()
    # The union of each branch's best requirement, and of each one's best that the first does
    # not imply: a branch that asserts a verb beside its subject ("officials" before "said")
    # gives both.
    unions: list[frozenset[str] | None] = [frozenset()] * _KEEP
    # Each branch's own requirements, kept together: a choice (see ``analyse``). None once a
    # branch has none, which makes the choice hold everywhere.
    conjunctions: list[tuple[Requirement, ...]] | None = [] if len(branches) <= _MAX_BRANCHES else None
    for branch in branches:
        if exact is not None:
            exact = exact | branch.exact if branch.exact is not None else None
        if prefix is not None:
            first = branch.prefix if branch.prefix is not None else _nonempty(branch.exact)
            prefix = prefix | first if first is not None else None
        if any(u is not None for u in unions):
            options = {r for r in (_useful(r) for r in branch.required) if r is not None}
            if branch.exact is not None and (whole := _useful(branch.exact)) is not None:
                options.add(whole)
            ranked = sorted(options, key=_selectivity)
            picked = ranked[:1]
            picked.extend(r for r in ranked[1:] if not _implies(ranked[0], r))
            for k, union in enumerate(unions):
                unions[k] = union | picked[k] if union is not None and k < len(picked) else None
            if conjunctions is not None:
                rare = tuple(r for r in picked[:_KEEP] if not _selectivity(r)[0])
                conjunctions = [*conjunctions, rare] if rare else None
        elif conjunctions is not None:
            conjunctions = None
    if exact is not None and len(exact) > _MAX_STRINGS:
        exact = None
    flags = frozenset.intersection(*(branch.flags for branch in branches))
    return _Facts(exact=exact, prefix=prefix, required=[u for u in unions if u], flags=flags,
                  choices=[tuple(conjunctions)] if conjunctions else [])


def _assertion(inner: _Facts) -> _Facts:
    """A positive lookaround: zero width, with the requirements of what it asserts."""
    required = list(inner.required)
    for strings in (inner.exact, inner.prefix):
        if strings is not None:
            required.append(strings)
    return _Facts(exact=frozenset({""}), required=[r for r in required if "" not in r], choices=inner.choices)


def _nonempty(strings: frozenset[str] | None) -> frozenset[str] | None:
    return strings if strings is not None and "" not in strings else None


def _repeat(item: _Facts, low: int, high: int | None) -> _Facts:
    if high == 0:
        return _EMPTY
    if low == 0:
        optional = item.exact | {""} if item.exact is not None and high == 1 else None
        return _Facts(exact=optional)
    if low == 1 and high == 1:
        return item
    return _Facts(prefix=item.prefix if item.prefix is not None else _nonempty(item.exact),
                  required=[*item.required, *([item.exact] if item.exact is not None else [])],
                  flags=item.flags, gap=item.gap, choices=item.choices)


_ZERO_WIDTH_ESCAPES = frozenset("bBAZzmMG")
_CLASS_ESCAPES = frozenset("sSwWdDX")
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


_GROUP_FACTS: dict[str, _Facts] = {}
"""Facts of groups already read, by their text (never mutated once made)."""
_MEMO_MIN_LENGTH = 48  # shorter groups are read again faster than they are looked up
_MEMO_MAX_CHARS = 8_000_000
_memo_chars = 0


def _remember(text: str, facts: _Facts) -> None:
    global _memo_chars
    if _memo_chars + len(text) > _MEMO_MAX_CHARS:
        _GROUP_FACTS.clear()
        _memo_chars = 0
    _GROUP_FACTS[text] = facts
    _memo_chars += len(text)


class _Parser:
    """A recursive-descent reader of the subset of ``regex`` syntax the rules use."""

    def __init__(self, source: str):
        self.source = source
        self.pos = 0
        self._ends: dict[int, int] | None = None

    def _peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def _take(self) -> str:
        char = self.source[self.pos]
        self.pos += 1
        return char

    def alternation(self) -> _Facts:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        return _alternatives(branches)

    def _sequence(self) -> _Facts:
        items: list[_Facts] = []
        while self._peek() not in ("", "|", ")"):
            atom = self._atom()
            items.append(self._quantified(atom))
        return _sequence(items)

    def _quantified(self, atom: _Facts) -> _Facts:
        char = self._peek()
        if char == "?":
            low, high = 0, 1
        elif char == "*":
            low, high = 0, None
        elif char == "+":
            low, high = 1, None
        elif char == "{":
            end = self.source.index("}", self.pos)
            body = self.source[self.pos + 1:end]
            lo, comma, hi = body.partition(",")
            if not (lo.isdigit() or (comma and not lo)) or not (hi.isdigit() or not hi):
                raise _Unsupported(body)
            low = int(lo) if lo else 0
            high = (int(hi) if hi else None) if comma else low
            self.pos = end
        else:
            return atom
        self.pos += 1
        if self._peek() in ("?", "+"):
            self.pos += 1
        return _repeat(atom, low, high)

    def _atom(self) -> _Facts:
        char = self._take()
        if char == "(":
            return self._group()
        if char == "[":
            self._skip_class()
            return _OPAQUE
        if char == "\\":
            return self._escape()
        if char == ".":
            return _OPAQUE
        if char in "^$":
            return _EMPTY
        if char in "*+?{":
            raise _Unsupported(char)
        if char == "⟦" and (token := _TOKEN_PATTERN.match(self.source, self.pos - 1)) is not None and \
                self.source[token.end():token.end() + 1] not in ("?", "*", "+", "{"):
            # A whole mention token of a flag: the bracket carries the flag; the rest of the
            # token is read as usual, so its strings are what they would be without it.
            return _Facts(exact=frozenset({char}), flags=frozenset({token.group(1)}))
        return _Facts(exact=frozenset({char.casefold()}))

    def _closing(self) -> dict[int, int]:
        """Where each group of the source ends (just past its ``)``), by where it opens."""
        if self._ends is None:
            self._ends = {}
            opened: list[int] = []
            for piece in SOURCE_PIECES.finditer(self.source):
                if piece.group().startswith("("):
                    opened.append(piece.start())
                elif piece.group() == ")" and opened:
                    self._ends[opened.pop()] = piece.end()
        return self._ends

    def _group(self) -> _Facts:
        """A group's facts, read once per distinct group text: the placeholders expand to the
        same verb groups and word lists in rule after rule, and a group's facts depend on its
        text alone."""
        start = self.pos - 1
        end = self._closing().get(start)
        if end is None or end - start < _MEMO_MIN_LENGTH:
            return self._group_read()
        text = self.source[start:end]
        known = _GROUP_FACTS.get(text)
        if known is not None:
            self.pos = end
            return known
        facts = self._group_read()
        if self.pos == end:
            _remember(text, facts)
        return facts

    def _group_read(self) -> _Facts:
        if self._peek() != "?":
            return self._close(self.alternation())
        self.pos += 1
        source, at = self.source, self.pos
        if source.startswith(_FENCE_BEFORE, at):
            self.pos += len(_FENCE_BEFORE)
            return _Facts(exact=frozenset({_START}))
        if source.startswith(_FENCE_AFTER, at):
            self.pos += len(_FENCE_AFTER)
            return _Facts(exact=frozenset({_END}))
        for opener in ("!", "<!"):
            if source.startswith(opener, at):
                # A negative lookaround consumes nothing and requires nothing: it is stepped
                # over unread.
                end = self._closing().get(at - 2)
                if end is None:
                    raise _Unsupported("unbalanced group")
                self.pos = end
                return _EMPTY
        for opener in ("=", "<="):
            if source.startswith(opener, at):
                # A positive lookaround consumes nothing, but what it asserts is in the text
                # (the prefilter looks in the whole sentence, as the lookaround does): its
                # requirements hold beside the sequence's, and the run of exact strings
                # around it goes on as if it were not there.
                self.pos += len(opener)
                return _assertion(self._close(self.alternation()))
        if source.startswith((":", ">"), at):
            self.pos += 1
            return self._close(self.alternation())
        if source.startswith(("P<", "<"), at):
            self.pos = self.source.index(">", self.pos) + 1
            return self._close(self.alternation())
        if source.startswith("P=", at):
            raise _Unsupported("backreference")
        flags = ""
        while self._peek().isalpha() or self._peek() == "-":
            flags += self._take()
        if not flags or any(f not in "imsuw-" for f in flags):
            raise _Unsupported(flags or source[at:at + 2])
        if self._take() == ")":
            return _EMPTY  # global inline flags: case folding already covers "i"
        self.pos -= 1
        if self._take() != ":":
            raise _Unsupported(flags)
        return self._close(self.alternation())

    def _close(self, facts: _Facts) -> _Facts:
        if self._take() != ")":
            raise _Unsupported("unbalanced group")
        return facts

    def _skip_class(self) -> None:
        if self._peek() == "^":
            self.pos += 1
        if self._peek() == "]":
            self.pos += 1
        while True:
            char = self._take()
            if char == "\\":
                self._take()
            elif char == "[":
                raise _Unsupported("nested set")
            elif char == "]":
                return

    def _escape(self) -> _Facts:
        char = self._take()
        if char in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if char == "s":
            return _GAP
        if char in _CLASS_ESCAPES:
            return _OPAQUE
        if char in "pP":
            if self._peek() == "{":
                self.pos = self.source.index("}", self.pos) + 1
            else:
                self._take()
            return _OPAQUE
        if char in _CONTROL_ESCAPES:
            return _Facts(exact=frozenset({_CONTROL_ESCAPES[char]}))
        if char in _HEX_DIGITS:
            digits = self.source[self.pos:self.pos + _HEX_DIGITS[char]]
            self.pos += len(digits)
            return _Facts(exact=frozenset({chr(int(digits, 16)).casefold()}))
        if char.isalnum() or char == "_":
            raise _Unsupported("\\" + char)
        return _Facts(exact=frozenset({char.casefold()}))


# Inline flags that change what a character class means or where one ends (verbose mode,
# version 1 set operations, full case folding, ASCII or locale classes): a pattern using any
# of them keeps its classes as written.
_CLASS_FLAGS = regex.compile(r"\(\?[a-zA-Z-]*[abefLpruwxV]")
_CLASS_ESCAPE = regex.compile(r"\\(?:[pP]\{\w+\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", regex.DOTALL)
# Class escapes of sets whose case variants are in the set (a word character's variants are
# word characters), and what a positive class must add to hold every character one of its
# members is a case variant of: U+0345 (a combining mark, not a letter) is a variant of the
# Greek iota. Tests check both against the engine, for every code point.
_CASE_CLOSED_ESCAPES = {r"\w": "", r"\s": "", r"\d": "", r"\p{N}": "", r"\p{L}": r"\u0345"}
_NEGATED_ESCAPES = frozenset({r"\W", r"\S", r"\D"})
_LARGEST_RANGE = 256
# Categories without case: punctuation, separators, digits, symbols other than "So" (which
# holds circled letters) and assigned control characters. Letters and marks can have case
# variants in the engine's tables even where Python's own (older) tables show none.
_CASELESS_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp", "Nd", "No",
                                  "Sm", "Sc", "Sk", "Cc", "Cf"})


def _caseless(char: str) -> bool:
    """Whether ``char`` has no case variant (punctuation, digits, spaces, the token brackets)."""
    return unicodedata.category(char) in _CASELESS_CATEGORIES and char.lower() == char.upper() == char


def _class_member(escape: str) -> str | None:
    """The character an escape inside a class stands for; None for a class escape."""
    if escape[1] in "xuU":
        return chr(int(escape[2:], 16))
    if escape[1] in _CONTROL_ESCAPES:
        return _CONTROL_ESCAPES[escape[1]]
    if escape[1].isalnum() or escape[1] == "_":
        return None
    return escape[1]


def _case_closure(body: str, negated: bool) -> str | None:
    """What a class body (between its brackets and "^") must add to match case-sensitively
    what it matches case-insensitively: usually nothing; None when the analysis cannot tell
    (letters, other properties, ranges of letters)."""
    members: list[str] = []
    added = ""
    at = 0
    while at < len(body):
        if body[at] == "[":
            return None  # a POSIX class ("[:alpha:]") or a nested set
        if body[at] == "\\":
            escape = _CLASS_ESCAPE.match(body, at)
            if escape is None:
                return None
            at = escape.end()
            char = _class_member(escape.group())
            if char is None:
                closure = _CASE_CLOSED_ESCAPES.get(escape.group())
                if escape.group() in _NEGATED_ESCAPES:
                    closure = ""
                if closure is None or (closure and negated):
                    return None  # a negated class would have to drop the variants instead
                added += closure
                continue
            members.append(char)
        else:
            members.append(body[at])
            at += 1
        if body.startswith("-", at) and at + 1 < len(body):
            # A range: its last character follows the "-"; every character between counts.
            end = _CLASS_ESCAPE.match(body, at + 1)
            last = _class_member(end.group()) if end is not None else body[at + 1]
            if last is None:
                return None
            at = end.end() if end is not None else at + 2
            first = members.pop()
            if not 0 <= ord(last) - ord(first) <= _LARGEST_RANGE:
                return None
            members.extend(chr(code) for code in range(ord(first), ord(last) + 1))
    return added if all(_caseless(char) for char in members) else None


def optional_branches(source: str) -> str:
    """``source`` with each greedy optional group ``(?:X)?`` spelled ``(?:X|)``.

    Both try X first and then nothing, so they match the same text with the same groups. The
    regex engine makes a repeat of the first, with backtracking guards that it allocates when a
    search starts and clears at every position it tries; an expanded rule holds a thousand such
    groups, and that bookkeeping costs more than the guards save on an optional group (one
    pass at most). The second is a plain alternation. Lazy (``??``) and possessive (``?+``)
    optionals, and groups of other kinds (named, atomic, with flags), stay as written.
    """
    opened: list[bool] = []  # for each group open at this point: whether it is ``(?:``
    closing: list[int] = []  # where the ")?" of each rewritten group stands
    for piece in SOURCE_PIECES.finditer(source):
        text = piece.group()
        if text == "(" or piece.group(1) is not None:
            opened.append(source.startswith("(?:", piece.start()))
        elif text == ")":
            if not opened:
                return source  # unbalanced: left for the compiler to report
            after = piece.end()
            if opened.pop() and source[after:after + 1] == "?" and source[after + 1:after + 2] not in ("?", "+"):
                closing.append(piece.start())
    if opened or not closing:
        return source
    out: list[str] = []
    done = 0
    for at in closing:
        out.append(source[done:at])
        out.append("|)")
        done = at + 2
    out.append(source[done:])
    return "".join(out)


def compile_caseless(source: str) -> regex.Pattern[str]:
    """``regex.compile(source, regex.IGNORECASE)``, its classes that case cannot change matched
    case-sensitively (``case_free_sets``): the same matches, found faster. A source the rewrite
    cannot compile is compiled as written, so its error is reported at its own place."""
    try:
        return regex.compile(case_free_sets(source), regex.IGNORECASE)
    except regex.error:
        return regex.compile(source, regex.IGNORECASE)


def case_free_sets(source: str) -> str:
    """``source`` with each character class that case cannot change matched case-sensitively.

    The rules compile case-insensitively, and the regex engine then tests a class against
    every case variant of the character at hand, even for ``[^,;]`` or ``[\\w-]``, where the
    variants cannot change the answer. Scoped out of IGNORECASE (``(?-i:[^,;])``) the same
    class matches the same characters several times faster: ``[^,;]{2,140}?,`` scans about
    three times faster. A class of letters (``[\\p{L}'-]``) matches case-insensitively the
    one non-letter that is a letter's case variant too, so it is spelled out with it. Classes
    of case-sensitive letters (``[a-z]``) stay as written.
    """
    if _CLASS_FLAGS.search(source):
        return source
    out: list[str] = []
    done = 0
    for piece in SOURCE_PIECES.finditer(source):
        text = piece.group()
        if not text.startswith("["):
            continue
        negated = text.startswith("[^")
        body = text[2:-1] if negated else text[1:-1]
        added = _case_closure(body, negated) if body else None
        if added is not None:
            opening = "[^" if negated else "["
            out.append(f"{source[done:piece.start()]}(?-i:{opening}{added}{body}])")
            done = piece.end()
    out.append(source[done:])
    return "".join(out)
