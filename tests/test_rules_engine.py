"""The rule engine and the custom-rules API: errors, merging, overlap, timeouts, user kinds, CLI."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import regex

import diplonews
from diplonews.cli import main
from diplonews.rules.builder import example, pattern, rule, rule_file, words
from diplonews.rules.engine import group_names
from diplonews.selfcheck import RuleCheckFailure, check_rules

CORPUS = Path(__file__).resolve().parent / "corpus" / "dev"
KERRY_SAID = "Secretary of State John Kerry said the talks were useful."


class Sanction(diplonews.Item):
    """A user-defined item kind: who imposed which measures on whom."""

    actor_fields = frozenset({"imposer", "target"})

    imposer: str | None = None
    target: str | None = None
    measure: str | None = None


class Mark(diplonews.Item):
    """A bare kind with no finisher and no merging, so overlap outcomes show unaltered."""

    content: str


def names(article: diplonews.Article, ids: list[str | None]) -> list[str]:
    return [a.name for a in (article.actor(i) for i in ids) if a is not None]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- error codes ---------------------------------------------------------------------------

RULE = '[[rules]]\nid = "my.rule"\nkind = "statement"\n'
BAD_RULE_FILES = [
    ("DN101", "bad.toml", "rules = [\n", None, "not valid TOML"),
    ("DN101", "bad.json", '{"rules": [', None, "not valid JSON"),
    ("DN102", "unknown.toml", RULE + 'pattern = "x"\ncolour = "red"\n', "my.rule", "colour"),
    ("DN102", "type.toml", RULE + 'pattern = "x"\npriority = "high"\n', "my.rule", "priority"),
    ("DN103", "regex.toml", RULE + 'pattern = "(?P<content>unclosed"\n', "my.rule", "invalid regular expression"),
    ("DN104", "placeholder.toml", RULE + 'pattern = "{speaker:SPEAKR} x"\n', "my.rule", "{SPEAKR}"),
    ("DN105", "cycle.toml", '[placeholders.A]\npattern = "{B}"\n[placeholders.B]\npattern = "x{A}"\n',
     None, "A -> B -> A"),
    ("DN106", "dup.toml", RULE + 'pattern = "x"\n' + RULE + 'pattern = "y"\n', "my.rule", "duplicate"),
    ("DN107", "kind.toml", '[[rules]]\nid = "my.rule"\nkind = "sanction"\npattern = "x"\n', "my.rule",
     "unknown item kind 'sanction'"),
    ("DN107", "field.toml", RULE + 'pattern = "(?P<mood>x)"\n', "my.rule", "no field(s) mood"),
]


@pytest.mark.parametrize(("code", "name", "text", "rule_id", "detail"), BAD_RULE_FILES,
                         ids=[f"{c}-{n}" for c, n, *_ in BAD_RULE_FILES])
def test_bad_rule_file_raises_its_code_naming_file_and_rule(
    parser: diplonews.Parser, tmp_path: Path, code: str, name: str, text: str, rule_id: str | None,
    detail: str,
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_rules(path)
    err = info.value
    assert err.code == code
    assert err.source == str(path)
    assert str(path) in str(err) and f"[{code}]" in str(err) and detail in str(err)
    assert err.rule == rule_id
    if rule_id is not None:
        assert f"rule {rule_id!r}" in str(err)


@pytest.mark.parametrize(("name", "text", "detail"), [
    ("kind.toml", '[[actors]]\nname = "Kaja Kallas"\nkind = "persn"\n', "actors.0.kind"),
    ("short.json", '{"actors": [{"name": "Kaja Kallas", "aliases": ["K"]}]}', "too short"),
    ("junk.toml", 'actors = "Kaja Kallas"\n', "actors"),
])
def test_bad_gazetteer_raises_dn109_naming_file(parser: diplonews.Parser, tmp_path: Path, name: str,
                                                text: str, detail: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_gazetteer(path)
    assert info.value.code == "DN109"
    assert str(path) in str(info.value) and detail in str(info.value)


def test_python_rule_with_wrong_type_raises_dn102_naming_rule() -> None:
    with pytest.raises(diplonews.RuleError) as info:
        rule("my.rule", kind="statement", pattern="x", priority="high")  # type: ignore[arg-type]
    assert info.value.code == "DN102" and info.value.rule == "my.rule" and "<python>" in str(info.value)


def test_python_rule_file_with_duplicate_ids_raises_dn106() -> None:
    one = rule("my.rule", kind="statement", pattern="x")
    with pytest.raises(diplonews.RuleError) as info:
        rule_file(one, rule_file(one))
    assert info.value.code == "DN106" and info.value.rule == "my.rule"


# ---- merging user files: override, disable, enabled=false, extend ------------------------------

STRICT_SAYS_THAT = {"rules": [{
    "id": "statement.speaker-says-that", "kind": "statement", "set": {"kind": "indirect"},
    "pattern": "{speaker:ACTOR}\\s+{verb:SAY}\\s+that\\s+{content:CLAUSE}{CLAUSE_END}",
}]}


def test_user_rule_with_same_id_replaces_the_default(parser: diplonews.Parser) -> None:
    rule_id = "statement.speaker-says-that"
    assert [s.rule for s in parser.parse(KERRY_SAID).statements] == [rule_id]
    custom = parser.with_rules(STRICT_SAYS_THAT)
    assert len(custom.rules) == len(parser.rules)
    replaced = custom.rules.by_id(rule_id)
    assert replaced is not None and replaced.source == "<python>"
    assert replaced.spec.pattern == STRICT_SAYS_THAT["rules"][0]["pattern"]
    assert custom.parse(KERRY_SAID).statements == []  # the user's rule wants "that"
    with_that = custom.parse(KERRY_SAID.replace("said", "said that")).statements
    assert [(s.rule, s.content) for s in with_that] == [(rule_id, "the talks were useful")]


def test_without_rules_switches_a_rule_off(parser: diplonews.Parser) -> None:
    rule_id = "statement.speaker-says-that"
    off = parser.without_rules(rule_id)
    assert off.rules.by_id(rule_id) is None and len(off.rules) == len(parser.rules) - 1
    assert all(s.rule != rule_id for s in off.parse(KERRY_SAID).statements)


@pytest.mark.parametrize("source", ["toml", "python"])
def test_enabled_false_keeps_a_rule_out(parser: diplonews.Parser, tmp_path: Path, source: str) -> None:
    spec = {"id": "statement.speaker-says-that", "kind": "statement", "enabled": False,
            "pattern": "{speaker:ACTOR}\\s+{verb:SAY}\\s+{content:CLAUSE}{CLAUSE_END}"}
    if source == "toml":
        path = write(tmp_path, "off.toml", '[[rules]]\nid = "statement.speaker-says-that"\n'
                     'kind = "statement"\nenabled = false\npattern = "{speaker:ACTOR} {verb:SAY}"\n')
        off = parser.with_rules(path)
    else:
        off = parser.with_rules(rule_file(rule(**spec)))  # type: ignore[arg-type]
    assert off.rules.by_id("statement.speaker-says-that") is None
    assert off.parse(KERRY_SAID).statements == []


@pytest.mark.parametrize(("verb", "sentence"), [
    ("opined", "Foreign Minister Sergei Lavrov opined that the talks were useful."),
    ("intoned", "Secretary of State John Kerry intoned that the ceasefire was holding."),
])
def test_extend_adds_a_reporting_verb(parser: diplonews.Parser, verb: str, sentence: str) -> None:
    assert parser.parse(sentence).statements == []
    extended = parser.with_rules({"extend": {"SAY": [verb]}})
    article = extended.parse(sentence)
    assert [s.verb for s in article.statements] == [verb]
    assert article.statements[0].content == sentence.split(" that ")[1].rstrip(".")
    assert names(article, [article.statements[0].speaker])[0].endswith(("Lavrov", "Kerry"))


def test_extend_of_an_unknown_word_list_is_dn104(parser: diplonews.Parser) -> None:
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_rules({"extend": {"SAYING_VERBS": ["opined"]}})
    assert info.value.code == "DN104"


def test_a_word_list_takes_in_another(parser: diplonews.Parser) -> None:
    """A list several finders share is written once: '{NAME}' in a word list stands for its words."""
    table = parser.with_rules({"placeholders": {
        "TRADE_WORD": {"words": ["Rail", "Dairy"]},
        "BODY_END": {"words": ["{TRADE_WORD}", "Bank"]},
    }}).placeholders
    assert table.words("BODY_END") == ["Rail", "Dairy", "Bank"]
    assert regex.fullmatch(table.expand("{BODY_END}"), "Dairy")
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_rules({"placeholders": {"ODD": {"words": ["{NO_SUCH_LIST}"]}}})
    assert info.value.code == "DN104"
    with pytest.raises(diplonews.RuleError) as cycle:
        parser.with_rules({"placeholders": {"ONE": {"words": ["{TWO}"]}, "TWO": {"words": ["{ONE}"]}}})
    assert cycle.value.code == "DN105"


def test_irregular_pasts_come_from_the_inflections(parser: diplonews.Parser) -> None:
    """IRREGULAR_PAST is derived from [inflections]: irregular pasts only, never a past spelled
    like the lemma ('set') or regularly ('visited', listed against a doubled consonant)."""
    pasts = set(parser.placeholders.words("IRREGULAR_PAST"))
    assert {"took", "knew", "heard", "led"} <= pasts
    assert not {"set", "put", "visited", "issued"} & pasts
    with_verb = parser.with_rules({"inflections": {"slay": ["slew", "slain"]}})
    assert "slew" in with_verb.placeholders.words("IRREGULAR_PAST")


# ---- overlap policies ---------------------------------------------------------------------

OVERLAP_SENTENCE = "The European Union imposed sweeping new sanctions on Russian banks."
OVERLAP_RULES = [
    rule("mark.a", kind="mark", priority=1, pattern="(?P<content>imposed sweeping)"),  # first
    rule("mark.b", kind="mark", priority=2, pattern="(?P<content>sweeping new sanctions on russian banks)"),
    rule("mark.c", kind="mark", priority=9, pattern="(?P<content>sweeping new)"),  # highest priority
]


@pytest.mark.parametrize(("policy", "kept"), [
    ("all", ["mark.a", "mark.b", "mark.c"]),
    ("longest", ["mark.b"]),
    ("first", ["mark.a"]),
    ("priority", ["mark.c"]),
])
def test_overlap_policy_decides_which_matches_stay(parser: diplonews.Parser, policy: str,
                                                   kept: list[str]) -> None:
    marked = parser.with_kind("mark", Mark, "marks").with_rules(
        rule_file(OVERLAP_RULES, overlap=policy))  # type: ignore[arg-type]
    items = marked.parse(OVERLAP_SENTENCE).extra_items["marks"]
    assert sorted(i.rule for i in items) == kept
    for item in items:
        assert item.evidence[0].text.lower() == item.content.lower()  # type: ignore[attr-defined]


# ---- timeout ------------------------------------------------------------------------------

@pytest.mark.parametrize("slow", ["(?P<content>(x|xx)+y)", "(?P<content>((x|x)+)+y)"])
def test_a_catastrophic_rule_times_out_and_the_parse_goes_on(parser: diplonews.Parser, slow: str) -> None:
    timed = parser.with_rules({"rules": [{"id": "user.slow", "kind": "statement", "pattern": slow}]}
                              ).with_timeout(0.05)
    article = timed.parse(KERRY_SAID + " He then wrote " + "x" * 60 + ".")
    assert any("user.slow" in e and "timed out" in e for e in article.errors)
    assert [s.content for s in article.statements] == ["the talks were useful"]
    assert names(article, [article.statements[0].speaker]) == ["John Kerry"]


# ---- inheritance ---------------------------------------------------------------------------------

def test_inherit_plus_equals_adds_the_donor_to_a_list_field(parser: diplonews.Parser) -> None:
    rule = {"id": "user.quoted-visit", "kind": "meeting",
            "pattern": "^[\"\u201c]?\\s*I\\s+visited\\s+{participants:ACTORS}",
            "inherit": ["participants+=statement.speaker"]}
    mine = parser.without_rules("meeting.quoted-first-person").with_rules({"rules": [rule]})
    article = mine.parse("\u201cI visited Ethiopian Prime Minister Abiy Ahmed in Addis Ababa,\u201d "
                         "Kenyan President William Ruto said.")
    visits = [m for m in article.meetings if m.rule == "user.quoted-visit"]
    assert [names(article, m.participants) for m in visits] == [["William Ruto", "Abiy Ahmed"]]
    alone = mine.parse("I visited Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.")
    assert not [m for m in alone.meetings if m.rule == "user.quoted-visit" and len(m.participants) > 1]


# ---- one document's sentences at once ---------------------------------------------------------

def test_find_each_gives_each_sentence_what_find_gives_it(parser: diplonews.Parser) -> None:
    sentences = [s.masked for s in parser.masked_sentences(
        "Blinken met Wang Yi in Beijing on Monday. The ministers urged Russia to withdraw. "
        "“We will keep talking,” he said. Kenya and Ethiopia signed a trade deal.")]
    kinds: list[list[str] | None] = [None, ["statement"], None, ["meeting", "agreement"]]
    together = parser.rules.find_each([*sentences, None], [*kinds, None], skip={"statement.speaker-says-that"})
    assert together[-1] == ([], [])
    alone = [parser.rules.find(text, allowed, skip={"statement.speaker-says-that"})
             for text, allowed in zip(sentences, kinds, strict=True)]
    assert together[:-1] == alone
    assert [[m.rule.kind for m in found] for found, _ in alone][1] in ([], ["statement"])
    assert any(found for found, _ in alone)


# ---- immutability, pickling, threads ---------------------------------------------------------

def test_with_methods_return_new_parsers_and_leave_the_original(parser: diplonews.Parser) -> None:
    before = parser.parse(KERRY_SAID).model_dump()
    count, timeout = len(parser.rules), parser.rules.timeout
    derived = [
        parser.with_rules({"extend": {"SAY": ["opined"]}}),
        parser.without_rules("statement.speaker-says-that"),
        parser.with_gazetteer({"actors": [{"name": "Kaja Kallas"}]}),
        parser.with_kind("sanction", Sanction, "sanctions"),
        parser.with_timeout(1.5),
        parser.only_rules(STRICT_SAYS_THAT),
    ]
    assert all(d is not parser and isinstance(d, diplonews.Parser) for d in derived)
    assert len(parser.rules) == count and parser.rules.timeout == timeout
    assert "sanction" not in parser.kinds and derived[3].kinds["sanction"].model is Sanction
    assert derived[4].rules.timeout == 1.5
    assert len(derived[5].rules) == 1
    assert parser.parse(KERRY_SAID).model_dump() == before


def corpus_texts(n: int = 6) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:n]]


def test_pickled_parser_parses_identically(parser: diplonews.Parser) -> None:
    custom = (parser.with_kind("sanction", Sanction, "sanctions")
              .with_rules(SANCTION_FILE, {"extend": {"SAY": ["opined"]}})
              .with_gazetteer(KALLAS).with_timeout(0.5))
    clone = pickle.loads(pickle.dumps(custom))
    assert clone is not custom and [r.id for r in clone.rules.rules] == [r.id for r in custom.rules.rules]
    for text in [*corpus_texts(), SANCTION_TEXT]:
        assert clone.parse(text, published="2023-06-20") == custom.parse(text, published="2023-06-20")


def test_parsing_in_threads_gives_the_same_results(parser: diplonews.Parser) -> None:
    texts = corpus_texts() * 2
    expected = [parser.parse(t, published="2023-06-20").model_dump() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: parser.parse(t, published="2023-06-20").model_dump(), texts))
    assert got == expected
    assert any(e["statements"] for e in expected)  # the comparison is not between empty parses


# ---- user kinds, gazetteers ----------------------------------------------------------------

SANCTION_RULE = rule(
    "sanction.imposed", kind="sanction",
    pattern="{imposer:ACTOR}\\s+imposed\\s+{measure:SANCTIONS}\\s+(?:on|against)\\s+{target:ACTOR}",
    examples=[example("The United States imposed new sanctions on Iran.", imposer="United States",
                      target="Iran", measure="new sanctions")],
    counterexamples=["The United States lifted sanctions on Iran."],
)
SANCTION_FILE = rule_file(SANCTION_RULE, placeholders={
    "SANCTIONS": pattern("(?:{SANCTION_ADJ}\\s+)*sanctions"),
    "SANCTION_ADJ": words("new", "sweeping", "fresh", "additional", "economic", "financial"),
})
SANCTION_TEXT = "The European Union imposed sweeping new sanctions on Russia on Friday."


@pytest.mark.parametrize(("text", "imposer", "target", "measure"), [
    (SANCTION_TEXT, "European Union", "Russia", "sweeping new sanctions"),
    ("The United States imposed additional economic sanctions against Iran.", "United States", "Iran",
     "additional economic sanctions"),
    ("Britain imposed sanctions on Belarus.", "United Kingdom", "Belarus", "sanctions"),
])
def test_user_kind_is_filled_by_rules(parser: diplonews.Parser, text: str, imposer: str, target: str,
                                      measure: str) -> None:
    sanctions = parser.with_kind("sanction", Sanction, "sanctions").with_rules(SANCTION_FILE)
    article = sanctions.parse(text)
    found = article.extra_items["sanctions"]
    assert len(found) == 1 and isinstance(found[0], Sanction)
    item = found[0]
    assert names(article, [item.imposer, item.target]) == [imposer, target]
    assert item.measure == measure and item.rule == "sanction.imposed"
    assert article.items("sanctions") == found
    assert article.model_dump(mode="json")["extra_items"]["sanctions"][0]["measure"] == measure


KALLAS = {"actors": [{"name": "Kaja Kallas", "kind": "person", "country": "Estonia",
                      "title": "High Representative", "aliases": ["Kaya Kallas", "Kallas"]}]}


@pytest.mark.parametrize("text", [
    "Kaya Kallas said the sanctions would stay in place.",
    "Kallas said the sanctions would stay in place.",
    "Kaja Kallas said the sanctions would stay in place.",
])
def test_user_gazetteer_adds_a_person_with_aliases(parser: diplonews.Parser, text: str) -> None:
    article = parser.with_gazetteer(KALLAS).parse(text)
    assert [s.content for s in article.statements] == ["the sanctions would stay in place"]
    speaker = article.actor(article.statements[0].speaker)
    assert speaker is not None
    assert (speaker.name, speaker.kind, speaker.country) == ("Kaja Kallas", "person", "estonia")


# ---- check_rules ---------------------------------------------------------------------------

def test_default_rules_pass_their_own_examples(parser: diplonews.Parser) -> None:
    failures = parser.check_rules()
    assert failures == [], "\n".join(str(f) for f in failures)


def test_default_rules_have_examples_to_check(parser: diplonews.Parser) -> None:
    specs = [r.spec for r in parser.rules.rules]
    assert sum(len(s.examples) for s in specs) >= 10
    failures = parser.check_rules()
    assert {f.rule for f in failures} <= {s.id for s in specs}
    assert all(f.source.startswith("diplonews/data/rules/") for f in failures)


def test_check_rules_passes_a_good_user_rule(parser: diplonews.Parser) -> None:
    sanctions = parser.with_kind("sanction", Sanction, "sanctions").with_rules(SANCTION_FILE)
    assert [f for f in check_rules(sanctions) if f.rule == "sanction.imposed"] == []


@pytest.mark.parametrize(("spec", "expected", "found", "counter"), [
    (rule("user.wrong-speaker", kind="statement", set={"kind": "indirect"},
          pattern="{speaker:ACTOR}\\s+{verb:SAY}\\s+{content:CLAUSE}{CLAUSE_END}",
          examples=[example(KERRY_SAID, speaker="Lavrov")]),
     "speaker='Lavrov'", "speaker='John Kerry'", False),
    (rule("user.never", kind="statement", pattern="{speaker:ACTOR}\\s+(?P<verb>whispered)\\s+{content:CLAUSE}",
          examples=[KERRY_SAID]),
     "any item", "no item from this rule", False),
    (rule("user.typo", kind="statement", set={"kind": "indirect"},
          pattern="{speaker:ACTOR}\\s+{verb:SAY}\\s+{content:CLAUSE}{CLAUSE_END}",
          examples=[example(KERRY_SAID, speakr="Kerry")]),
     "speakr='Kerry'", "has no field(s) speakr", False),
    (rule("user.too-eager", kind="statement", set={"kind": "indirect"},
          pattern="{speaker:ACTOR}\\s+{verb:SAY}\\s+{content:CLAUSE}{CLAUSE_END}",
          counterexamples=[KERRY_SAID]),
     "not to fire", "the talks were useful", True),
])
def test_check_rules_reports_what_failed(parser: diplonews.Parser, spec: diplonews.RuleSpec, expected: str,
                                         found: str, counter: bool) -> None:
    failures = [f for f in parser.with_rules(rule_file(spec)).check_rules() if f.rule == spec.id]
    assert len(failures) == 1
    failure = failures[0]
    assert isinstance(failure, RuleCheckFailure)
    assert (failure.source, failure.sentence, failure.counterexample) == ("<python>", KERRY_SAID, counter)
    assert expected in failure.expected and found in failure.found
    assert spec.id in str(failure) and KERRY_SAID in str(failure)


@pytest.mark.parametrize(("expect", "ok"), [
    ({"speaker": "John Kerry"}, True),
    ({"speaker": "Kerry"}, True),  # surname
    ({"speaker": "john kerry"}, True),
    ({"speaker": "Sergei Lavrov"}, False),
    ({"content": "talks were useful"}, True),  # expected inside found
    ({"content": "the talks were useful, officials said"}, True),  # found inside expected
    ({"content": "the talks failed"}, False),
    ({"speaker": "Kerry", "content": "useful", "verb": "said"}, True),
])
def test_check_rules_compares_forgivingly(parser: diplonews.Parser, expect: dict[str, str], ok: bool) -> None:
    spec = rule("user.said", kind="statement", set={"kind": "indirect"}, priority=100,
                pattern="{speaker:ACTOR}\\s+{verb:SAY}\\s+{content:CLAUSE}{CLAUSE_END}",
                examples=[(KERRY_SAID, expect)])
    failures = [f for f in parser.with_rules(rule_file(spec)).check_rules() if f.rule == "user.said"]
    assert (failures == []) is ok


# ---- CLI ----------------------------------------------------------------------------------

def test_cli_parse_with_user_rules_and_gazetteer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = write(tmp_path, "verbs.toml", '[extend]\nSAY = ["opined"]\n')
    gazetteer = write(tmp_path, "people.json", json.dumps(KALLAS))
    article = write(tmp_path, "article.txt", "Kaya Kallas opined that the sanctions would stay in place.\n")
    code = main(["parse", str(article), "--rules", str(rules), "--gazetteer", str(gazetteer),
                 "--published", "2024-03-01"])
    assert code == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert out["published"] == "2024-03-01"
    [statement] = out["statements"]
    assert (statement["speaker"], statement["verb"]) == ("kaja-kallas", "opined")
    assert statement["content"] == "the sanctions would stay in place"
    assert any(a["id"] == "kaja-kallas" and a["name"] == "Kaja Kallas" for a in out["actors"])


def test_cli_reports_a_bad_rule_file_with_its_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = write(tmp_path, "broken.toml", RULE + 'pattern = "{speaker:SPEAKR}"\n')
    article = write(tmp_path, "article.txt", KERRY_SAID)
    assert main(["parse", str(article), "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert "DN104" in err and str(rules) in err and "my.rule" in err


# ---- lazy compilation ---------------------------------------------------------------------------
def test_shipped_rules_know_their_groups_before_they_compile(parser: diplonews.Parser) -> None:
    """Shipped patterns compile when a sentence first needs them; the fields a rule fills are
    read from its source meanwhile, and must be the groups the compiled pattern has."""
    for compiled in parser.rules.rules:
        assert compiled.names == frozenset(compiled.pattern.groupindex), compiled.id


@pytest.mark.parametrize(("source", "names"), [
    (r"(?P<speaker>a)\s+(?<content>b)", {"speaker", "content"}),
    (r"\(?P<escaped>a\)|(?P<real>b)", {"real"}),
    (r"[(?P<inside_a_class>]|(?:x)|(?<!y)(?<=z)", set()),
    (r"[]](?P<after_a_class>c)", {"after_a_class"}),
])
def test_group_names_are_read_past_escapes_and_classes(source: str, names: set[str]) -> None:
    assert group_names(source) == names
    assert set(regex.compile(source).groupindex) == names


# ---- rules that need a donor no rule makes --------------------------------------------------------
def test_a_rule_without_its_turn_donor_is_not_run(parser: diplonews.Parser) -> None:
    """statement.transcript-turn takes its speaker only from the turn under way; a sentence
    with no turn is not matched against it, and one inside a turn still is."""
    rule_id = "statement.transcript-turn"
    assert parser._needs_donor == {"turn": frozenset({rule_id})}
    sentence = "We have the votes and we will pass this bill before the spring recess."
    assert [m.rule.id for m in parser.rules.find(sentence)[0]] == [rule_id]
    assert parser.rules.find(sentence, skip={rule_id})[0] == []
    assert parser.parse(sentence).statements == []
    turn = parser.parse(f"Prime Minister Jane Holt: We have the votes. {sentence}")
    assert [s.rule for s in turn.statements][-1:] == [rule_id]
