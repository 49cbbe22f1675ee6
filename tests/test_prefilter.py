"""Speed-ups must not change results: the rule prefilter, the gazetteer's split scanners and
the title scanners that run only where titles start.

The prefilter skips a rule in a sentence lacking strings every match needs; these tests pin
down which strings it derives, that it gives up on syntax it does not model, and that it never
skips a sentence the rule's regex matches (on the corpora, the rules' own examples and
generated text). The gazetteer finds names with several fast scanners; they must find exactly
what one pattern of all forms finds. Title patterns tried only at title starts must find what
scanning the whole text with them finds, and so must patterns that match their opener and drop
it (``\\K``) what they found when they looked behind for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplonews
from diplonews.mentions.actors import _line_starts, _with_words_before
from diplonews.mentions.gazetteer import Gazetteer
from diplonews.mentions.spans import matches_at
from diplonews.rules.literals import (
    Prefilter,
    TextGate,
    _caseless,
    analyse,
    case_free_sets,
    optional_branches,
    requirements,
)
from diplonews.rules.trie import trie_regex
from diplonews.text.normalize import normalize

PARSER = diplonews.Parser.default()
CORPORA = sorted(Path(__file__).parent.glob("corpus/*/*.txt"))
PROPERTY = settings(derandomize=True, deadline=None, max_examples=200,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("pattern", "expected"), [
    # "\s" is no word character: a word beside it is fenced there ("\x01" starts, "\x02" ends a word)
    (r"(?:signed|inked)\s+(?:a|the)\s+deal", [{"inked\x02", "signed\x02"}, {"\x01deal"}]),
    (r"\bsa(?:id|ys|y)\b", [{"say", "said"}]),  # "says" contains "say": checking "say" is enough
    (r"(?P<who>⟦[a-z]*a[a-z]*\d+⟧)\s+(?:held|had)\s+talks", [{"\x01talks"}, {"\x01held\x02", "\x01had\x02"}, {"⟦a⟧"}]),
    (r"AGREED\s+to", [{"agreed\x02"}]),  # case-folded: case-insensitive rules match any case
    (r"(?:met|visited)?\s+Paris", [{"\x01paris"}]),  # an optional part is never required
    (r"(?:met|talked)\s+with|received", [{"met\x02", "talked\x02", "received"}]),  # per branch, not "with"
    (r"(?:has|had)\s+(?:met|seen)", [{"\x01met", "\x01seen"}, {"has\x02", "had\x02"}]),  # verb first
    (r"talk(?:s|ed)+", [{"talks", "talked"}]),
])
def test_requirements_name_the_strings_every_match_contains(pattern: str, expected: list[set[str]]) -> None:
    assert [set(r) for r in requirements(pattern)] == expected


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"⟦[a-z]*a[a-z]*\d+⟧\s+said:\s+⟦[a-z]*q[a-z]*\d+⟧", {"a", "q"}),  # a speaker and a quotation
    (r"⟦[a-z]*p[a-z]*\d+⟧|⟦[a-z]*c[a-z]*\d+⟧", set()),  # either token: neither is required
    (r"(?:⟦[a-z]*d[a-z]*\d+⟧)?\s+⟦[a-z]*l[a-z]*\d+⟧", {"l"}),  # an optional token is not
    (r"(?=⟦[a-z]*q[a-z]*\d+⟧)x", set()),  # nor one in a look-ahead
    (r"⟦[a-z]*q[a-z]*\d+⟧?", set()),  # nor a token whose closing bracket may be missing
])
def test_requirements_name_the_mention_tokens_every_match_contains(pattern: str, flags: set[str]) -> None:
    markers = {next(iter(r)) for r in requirements(pattern) if len(r) == 1 and next(iter(r)).startswith("⟦")}
    assert markers == {f"⟦{flag}⟧" for flag in flags}


def test_prefilter_sees_the_flags_of_a_sentences_tokens() -> None:
    prefilter = Prefilter([[frozenset({"⟦q⟧"})], [frozenset({"⟦d⟧"})]])
    assert prefilter.possible("⟦apc0⟧ said: ⟦q1⟧") == [True, False]
    assert prefilter.possible("⟦ap0⟧ met ⟦dl1⟧") == [False, True]
    assert prefilter.possible("A sentence without a mention.") == [False, False]


@pytest.mark.parametrize("pattern", [
    r"(?x) signed \s+ deal",  # verbose mode: spaces are not literal
    r"(?P<w>said)\s+(?P=w)",  # backreference
    r"\L<words>\s+deal",  # named list
    r"[[:alpha:]]+\s+deal(?",  # unbalanced
    r"(?(1)signed|inked)",  # conditional
    r"a\s+b",  # only strings too short to filter by
])
def test_unmodelled_syntax_or_short_strings_yield_no_requirement(pattern: str) -> None:
    assert requirements(pattern) == []


@pytest.mark.parametrize(("pattern", "expected"), [
    # a mark most sentences lack is required although shorter than a trigram
    (r"(?:⟦[a-z]*a[a-z]*\d+⟧;\s+)+and\s+⟦[a-z]*a[a-z]*\d+⟧", [{"⟧;"}, {"and\x02"}, {"⟦a⟧"}]),
    (r"transcript\s*:\s+", [{"transcript"}, {":"}]),
    (r"⟦[a-z]*a[a-z]*\d+⟧,\s+⟦[a-z]*a[a-z]*\d+⟧", [{"⟦a⟧"}]),  # a comma is in nearly every sentence
    (r"(?:;|\s+and)\s+x", [{";", "\x01and"}]),  # a mark in one branch, a word in the other
])
def test_rare_punctuation_is_required_though_short(pattern: str, expected: list[set[str]]) -> None:
    assert [set(r) for r in requirements(pattern)] == expected


def test_prefilter_looks_for_short_strings_directly() -> None:
    prefilter = Prefilter([[frozenset({";"}), frozenset({"\x01talks"})], [frozenset({":", "--"})]])
    assert prefilter.possible("⟦a0⟧ held talks with ⟦a1⟧; ⟦a2⟧ and ⟦a3⟧") == [True, False]
    assert prefilter.possible("⟦a0⟧ held talks with ⟦a1⟧ and ⟦a2⟧") == [False, False]
    assert prefilter.possible("⟦a0⟧ -- ⟦a1⟧") == [False, True]


def test_prefilter_checks_every_requirement_of_a_rule() -> None:
    prefilter = Prefilter([[frozenset({"signed", "inked"}), frozenset({"deal"})], []])
    assert prefilter.possible("They SIGNED the deal.") == [True, True]
    assert prefilter.possible("They signed it.") == [False, True]
    assert prefilter.possible("A deal was reached.") == [False, True]


def test_a_choice_keeps_each_branchs_requirements_together() -> None:
    """'held talks with' or 'visited': the union ("talks" or "visited") admits a sentence with
    "talks" alone; the choice admits it only with "held" beside it."""
    source = r"⟦a1⟧\s+(?:held\s+talks\s+with|visited)\s+⟦c2⟧"
    requires, choices = analyse(source)
    assert choices
    prefilter = Prefilter([requires], choices=[choices])
    assert prefilter.possible("⟦a1⟧ held talks with ⟦c2⟧") == [True]
    assert prefilter.possible("⟦a1⟧ visited ⟦c2⟧") == [True]
    assert prefilter.possible("⟦a1⟧ said talks went well in ⟦c2⟧") == [False]


def _sentences() -> list[str]:
    masked: list[str] = []
    for path in CORPORA:
        masked.extend(s.masked for s in PARSER.masked_sentences(path.read_text(encoding="utf-8")))
    for rule in PARSER.rules.rules:
        for example in [*(e.text for e in rule.spec.examples), *rule.spec.counterexamples]:
            masked.extend(s.masked for s in PARSER.masked_sentences(example))
    return masked


def test_prefilter_never_skips_a_sentence_a_rule_matches() -> None:
    sentences = _sentences()
    skipped = matched = 0
    for sentence in sentences:
        for rule, possible in zip(PARSER.rules.rules, PARSER.rules._prefilter.possible(sentence), strict=True):
            if rule.pattern.search(sentence):
                matched += 1
                assert possible, (rule.id, sentence)
            elif not possible:
                skipped += 1
    assert matched > 500
    assert skipped > len(sentences) * len(PARSER.rules) / 2  # and it does skip most rule runs


WORDS = ["⟦apc1⟧", "⟦apc2⟧", "⟦q3⟧", "⟦d4⟧", "⟦al5⟧", "⟦apn6⟧", "⟦am7⟧", "and", "the", "Signed", "signed", "agreed", "to", "met", "with", "talks",
         "held", "said", "that", "deal", "a", "urged", "must", "“", "”", ",", ".", "phone", "call", "on"]


@PROPERTY
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_prefilter_is_sound_on_generated_sentences(words: list[str]) -> None:
    sentence = " ".join(words)
    for rule, possible in zip(PARSER.rules.rules, PARSER.rules._prefilter.possible(sentence), strict=True):
        if not possible:
            assert rule.pattern.search(sentence) is None, rule.id


def _one_pattern(gazetteer: Gazetteer) -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\w.-])(?:{trie_regex(gazetteer.forms)})(?![\w-]|\.\w)")


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_gazetteer_scanners_find_what_one_pattern_finds(path: Path) -> None:
    text = normalize(path.read_text(encoding="utf-8")).text
    expected = [(m.start(), m.end(), m.group()) for m in _one_pattern(PARSER.gazetteer).finditer(text)]
    assert list(PARSER.gazetteer.find(text)) == expected


FORMS = ["al-Assad", "the Sudan", "Sudan", "von der Leyen", "mainland China", "China", "dpa",
         "United States", "the States", "States", "EU", "U.S."]


@PROPERTY
@given(st.lists(st.sampled_from([*FORMS, "x", "-", ".", " ", "'s", "al", "the", "von"]), max_size=25))
def test_gazetteer_scanners_agree_on_generated_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [(m.start(), m.end(), m.group()) for m in _one_pattern(PARSER.gazetteer).finditer(text)]
    assert list(PARSER.gazetteer.find(text)) == expected


def _title_scans(text: str) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    finder = PARSER._actors
    starts = sorted({m.start() for m in finder._title_start.finditer(text, overlapped=True)})
    anchored = [
        [m.span() for m in matches_at(finder._title_name, text, starts)],
        [m.span() for m in matches_at(finder._title_comma_name, text, starts)],
        [m.span() for m in matches_at(finder._title_ref, text, _with_words_before(text, starts, 3))],
    ]
    scanned = [[m.span() for m in pattern.finditer(text)]
               for pattern in (finder._title_name, finder._title_comma_name, finder._title_ref)]
    return anchored, scanned


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_title_patterns_tried_at_title_starts_find_what_a_full_scan_finds(path: Path) -> None:
    anchored, scanned = _title_scans(normalize(path.read_text(encoding="utf-8")).text)
    assert anchored == scanned


TITLE_PIECES = ["the", "The", "a", "an", "senior", "foreign", "ministry", "Foreign Minister", "President",
                "Vice President", "U.S.", "Chinese", "spokesperson", "Secretary of State", "Wang Yi",
                "Antony Blinken", "of", "and", ",", "\n", "  ", " ", "x", "-"]


@PROPERTY
@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=25))
def test_title_patterns_agree_on_generated_text(pieces: list[str]) -> None:
    for glue in (" ", ""):
        anchored, scanned = _title_scans(glue.join(pieces))
        assert anchored == scanned


# ---- the finders' sentence gate: words every match needs, tested as plain substrings ------------
def _finder_patterns() -> list[tuple[str, str]]:
    table = PARSER.placeholders
    return [(name, table.expand("{" + name + "}")) for name in ("DESCRIPTIVE_SPEAKER", "DESCRIPTIVE_ADDRESSEE")
            if name in table.names]


@pytest.mark.parametrize(("name", "source"), _finder_patterns())
def test_text_gate_admits_every_sentence_its_pattern_matches(name: str, source: str) -> None:
    pattern, gate = regex.compile(source, regex.IGNORECASE), TextGate(source)
    matched = 0
    for path in CORPORA:
        for piece in regex.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            if pattern.search(piece):
                matched += 1
                assert gate.admits(piece), f"{name}: the gate rejects a sentence it matches: {piece!r}"
    assert matched, f"{name} matched nothing on the corpora: the test checks nothing"


@pytest.mark.parametrize(
    ("text", "admitted"),
    [
        ("The envoy urged rival militias to hand over their heavy weapons.", True),
        ("Chile asked tribal elders to reopen the mountain road.", True),
        ("The harvest was late this year across the southern valleys.", False),
        ("The militias withdrew from the town overnight.", False),  # a group head, no demand verb
    ],
)
def test_text_gate_rejects_sentences_lacking_the_needed_words(text: str, admitted: bool) -> None:
    source = PARSER.placeholders.expand("{DESCRIPTIVE_ADDRESSEE}")
    assert TextGate(source).admits(text) is admitted


def test_characters_called_caseless_have_no_case_variant_in_the_engine() -> None:
    """``case_free_sets`` trusts ``_caseless``; the engine's own case table must agree."""
    from regex import _regex, _regex_core

    flags = _regex_core.IGNORECASE | _regex_core.UNICODE
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF and _caseless(chr(code)):
            assert _regex.get_all_cases(flags, code) == [code], f"U+{code:04X} has case variants"


_EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)


def _class_sources() -> list[str]:
    pieces = regex.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", regex.DOTALL)
    found = {p.group() for rule in PARSER.rules.rules for p in pieces.finditer(rule.expanded)}
    found |= {"[\\w-]", "[^\\W\\d]", "[\\p{L}\\p{N}-]", "[\\s\\S]", "[^\\s,]", "[\\d.]"}
    return sorted(c for c in found if c.startswith("["))


@pytest.mark.parametrize("klass", _class_sources())
def test_a_class_matched_case_sensitively_matches_the_same_characters(klass: str) -> None:
    """Every class of the shipped rules, over every code point: as rewritten, matched
    case-sensitively, it takes exactly the characters it takes case-insensitively as written."""
    written = regex.compile(klass, regex.IGNORECASE | regex.UNICODE).findall(_EVERY_CHARACTER)
    rewritten = regex.compile(case_free_sets(klass), regex.IGNORECASE | regex.UNICODE).findall(_EVERY_CHARACTER)
    assert rewritten == written


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"[^,;]{2,140}?,", r"(?-i:[^,;]){2,140}?,"),
        (r"(?<![\w-])met", r"(?<!(?-i:[\w-]))met"),
        (r"[\s:,.]|[0-9]", r"(?-i:[\s:,.])|(?-i:[0-9])"),
        (r"[a-z]+|[K]|[\x41]|[^\p{L}]", r"[a-z]+|[K]|[\x41]|[^\p{L}]"),  # letters keep their case variants
        (r"[\p{L}'-]", r"(?-i:[\u0345\p{L}'-])"),
        (r"(?x)[^,] # verbose", r"(?x)[^,] # verbose"),  # flags that change classes: left alone
        (r"\[^,]", r"\[^,]"),
    ],
)
def test_case_free_sets_scope_only_classes_case_cannot_change(source: str, expected: str) -> None:
    assert case_free_sets(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    (r"(?:the\s+)?x", r"(?:the\s+|)x"),
    (r"(?:a(?:b)?)?", r"(?:a(?:b|)|)"),
    (r"(?:a)??(?:b)?+(?P<n>c)?(?i:d)?(?>e)?", r"(?:a)??(?:b)?+(?P<n>c)?(?i:d)?(?>e)?"),
    (r"[(?:]x)?\(?:y\)?", r"[(?:]x)?\(?:y\)?"),
    (r"(?:a)?)", r"(?:a)?)"),
])
def test_optional_branches_rewrite_only_greedy_optional_plain_groups(source: str, expected: str) -> None:
    assert optional_branches(source) == expected


def test_rules_with_case_free_sets_match_what_they_matched() -> None:
    """The rewritten patterns find the same spans and groups as the rules as written."""
    flags = regex.IGNORECASE | regex.UNICODE
    texts = [path.read_text(encoding="utf-8") for path in CORPORA[:40]]
    texts += [example.text for rule in PARSER.rules.rules for example in rule.spec.examples]
    sentences = [sentence.masked for text in texts for sentence in PARSER.masked_sentences(text)]
    rules = [r for r in PARSER.rules.rules if case_free_sets(r.expanded) != r.expanded][::8]
    assert rules
    for rule in rules:
        written = regex.compile(rule.expanded, flags)
        for sentence in sentences:
            found = [(m.span(), m.capturesdict()) for m in rule.pattern.finditer(sentence)]
            assert found == [(m.span(), m.capturesdict()) for m in written.finditer(sentence)], rule.id
def _looked_behind(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """A pattern of the form ``OPENER\\KREST`` as ``(?<=OPENER)REST``: the slow form it replaces."""
    opener, rest = pattern.pattern.split(r"\K", 1)
    return regex.compile(rf"(?<={opener}){rest}", pattern.flags)


def _signed_and_speaking(text: str) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    """Byline, transcript and speaking-group matches as the finders get them, and as one scan of
    each in its original form (opening lookbehind, ``^``) finds them."""
    finder, groups = PARSER._actors, PARSER._actors._groups
    transcript = finder._transcript_name
    fast = [[m.span() for m in finder._byline_name.finditer(text)],
            [m.span() for m in matches_at(transcript, text, _line_starts(text))],
            [m.span() for m in groups._speaking_phrases(text)]]
    opener, phrase = groups._speaking.pattern.split(r"\K", 1)
    speaking = regex.compile(rf"(?:^|(?<={opener})){phrase}")
    slow = [[m.span() for m in pattern.finditer(text)]
            for pattern in (_looked_behind(finder._byline_name), transcript, speaking)]
    return fast, slow


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_patterns_that_drop_their_opener_find_what_a_lookbehind_finds(path: Path) -> None:
    fast, slow = _signed_and_speaking(normalize(path.read_text(encoding="utf-8")).text)
    assert fast == slow


OPENER_PIECES = ["\u201c", "\u201d", '"', "'", "\u2019", "\u2014", "\u2013", "-", "--", " ", "  ", "\n", ",", ".",
                 "?", "Dana Whitfield", "DANA WHITFIELD", "Minister", "Jo Lee", ":", "officials", "Analysts",
                 "Western diplomats", "said", "say", "U.S.", "x", "(", "Jr."]


@PROPERTY
@given(st.lists(st.sampled_from(OPENER_PIECES), max_size=25))
def test_patterns_that_drop_their_opener_agree_on_generated_text(pieces: list[str]) -> None:
    for glue in (" ", ""):
        fast, slow = _signed_and_speaking(glue.join(pieces))
        assert fast == slow
