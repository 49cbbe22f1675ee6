"""Hostile rule files: bad rules fail with the right RuleError code, slow rules are cut off,
and nothing a rule file does leaves the default parser broken."""

from __future__ import annotations

import random
import string
from pathlib import Path
from typing import Any

import pytest

import diplonews
from _invariants import assert_invariants
from diplonews import Parser, RuleError

DEMAND = "Wang Yi urged the United States to lift sanctions."


def default_still_works() -> None:
    article = Parser.default().parse(DEMAND)
    assert [d.action for d in article.demands] == ["lift sanctions"]


# ---- timeouts ----------------------------------------------------------------------------------
# Four greedy groups and a back-reference defeat the regex module's guards: polynomial blow-up.
EVIL = {"rules": [{"id": "evil.backtrack", "kind": "statement", "pattern": r"(.*)(.*)(.*)(.*)\4(?<=#)"}]}


def test_catastrophic_pattern_is_stopped_by_the_timeout() -> None:
    parser = Parser.default().with_rules(EVIL).with_timeout(0.05)
    text = "# " + "word " * 40 + "end.\n" + DEMAND
    article = parser.parse(text)
    assert_invariants(text, article)
    assert article.errors and all("evil.backtrack" in e and "timed out" in e for e in article.errors)
    # The other rules still ran on the same text, and the parser stays usable.
    assert [d.action for d in article.demands] == ["lift sanctions"]
    again = parser.parse(DEMAND)
    assert [d.action for d in again.demands] == ["lift sanctions"]
    default_still_works()


def test_timeout_error_names_the_rule_and_its_source(tmp_path: Path) -> None:
    path = tmp_path / "evil.json"
    import json

    path.write_text(json.dumps(EVIL), encoding="utf-8")
    article = Parser.default().with_rules(path).with_timeout(0.02).parse("# " + "word " * 40 + "end.")
    assert article.errors == [f"rule 'evil.backtrack' ({path}) timed out after 0.02s"]


# ---- big word lists --------------------------------------------------------------------------
def test_enormous_word_list_via_extend_compiles_and_parses() -> None:
    """20,000 words through ``extend`` into a placeholder one rule uses. (Extending a list that
    dozens of default rules share, like SAY, recompiles it into each of them: see
    docs/robustness.md for the measured cost.)"""
    rng = random.Random(0)
    words = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 12)))
                    for _ in range(20_000)})
    base: dict[str, Any] = {
        "placeholders": {"MUSE": {"words": ["mused"]}},
        "rules": [{"id": "user.muse", "kind": "statement", "pattern": "{speaker:ACTOR}\\s+{verb:MUSE}\\s+that\\s+"
                   "(?P<content>[^.]+)", "set": {"kind": "indirect"}}],
    }
    parser = Parser.default().with_rules(base, {"extend": {"MUSE": words}})
    text = f"Chinese Foreign Minister Wang Yi {words[12_345]} that the talks were candid and constructive."
    article = parser.parse(text)
    assert_invariants(text, article)
    assert any(s.verb == words[12_345] and s.rule == "user.muse" for s in article.statements)
    default_still_works()


# ---- malformed files -------------------------------------------------------------------------
BAD_FILES = {
    "broken.toml": ("[[rules]\nid = 'x'", "DN101"),
    "unterminated.toml": ('[[rules]]\nid = "x\nkind = "statement"', "DN101"),
    "broken.json": ('{"rules": [', "DN101"),
    "trailing-comma.json": ('{"rules": [],}', "DN101"),
    "not-utf8.toml": (b"\xff\xfe[[rules]]", "DN101"),
    "empty-id.toml": ('[[rules]]\nid = ""\nkind = "statement"\npattern = "x"', "DN102"),
    "priority-type.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "x"\npriority = "high"', "DN102"),
    "rules-not-list.json": ('{"rules": "all of them"}', "DN102"),
    "unknown-key.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "x"\npatern = "y"', "DN102"),
    "root-is-list.json": ("[1, 2, 3]", "DN102"),
    "words-and-pattern.toml": ('[placeholders.X]\nwords = ["a"]\npattern = "b"', "DN102"),
    "bad-regex.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "(unclosed"', "DN103"),
    "unknown-placeholder.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "{NO_SUCH_THING}"', "DN104"),
    "extend-unknown.toml": ('[extend]\nNO_SUCH_LIST = ["a"]', "DN104"),
    "cycle.toml": ('[placeholders.A]\npattern = "x{B}"\n[placeholders.B]\npattern = "y{A}"\n'
                   '[[rules]]\nid = "x"\nkind = "statement"\npattern = "{A}"', "DN105"),
    "self-cycle.toml": ('[placeholders.SELF]\npattern = "a{SELF}"', "DN105"),
    "duplicate-id.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "a"\n'
                          '[[rules]]\nid = "x"\nkind = "statement"\npattern = "b"', "DN106"),
    "unknown-kind.toml": ('[[rules]]\nid = "x"\nkind = "treaty"\npattern = "a"', "DN107"),
    "unknown-field.toml": ('[[rules]]\nid = "x"\nkind = "statement"\npattern = "{mood:ACTOR}"', "DN107"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_rule_file_raises_rule_error_with_code(name: str, tmp_path: Path) -> None:
    content, code = BAD_FILES[name]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        Parser.default().with_rules(path)
    assert info.value.code == code
    assert str(info.value).startswith(f"[{code}]") and name in str(info.value)
    default_still_works()


def test_missing_rule_file_is_dn101(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as info:
        Parser.default().with_rules(tmp_path / "nowhere.toml")
    assert info.value.code == "DN101"
    default_still_works()


@pytest.mark.parametrize(("mapping", "code"), [
    ({"rules": [{"id": "x", "kind": "statement"}]}, "DN102"),
    ({"rules": [{"id": "x", "kind": "statement", "pattern": 42}]}, "DN102"),
    ({"overlap": "sometimes"}, "DN102"),
    ({"placeholders": {"A": {"pattern": "{B}"}, "B": {"pattern": "{A}"}}}, "DN105"),
    ({"rules": [{"id": "x", "kind": "statement", "pattern": "{speaker:NOBODY}"}]}, "DN104"),
])
def test_bad_rule_mapping_raises_rule_error_with_code(mapping: dict[str, Any], code: str) -> None:
    with pytest.raises(RuleError) as info:
        Parser.default().with_rules(mapping)
    assert info.value.code == code
    default_still_works()


@pytest.mark.parametrize("gazetteer", [
    {"actors": [{"name": "", "kind": "person"}]},
    {"actors": [{"name": "X Y", "kind": "wizard"}]},
    {"countries": [{"name": "Atlantis", "alpha3": "atl"}]},
    {"actors": [{"name": "Jo Bloggs", "country": "Atlantis"}]},
    {"actors": [{"name": "Jo Bloggs", "aliases": ["J"]}]},
])
def test_bad_gazetteer_is_dn109(gazetteer: dict[str, Any]) -> None:
    with pytest.raises(RuleError) as info:
        Parser.default().with_gazetteer(gazetteer)
    assert info.value.code == "DN109"
    default_still_works()


def test_rule_error_is_a_value_error_and_module_parse_unaffected() -> None:
    with pytest.raises(ValueError, match=r"\[DN104\]"):
        Parser.default().with_rules({"extend": {"NOPE": ["x"]}})
    assert [d.action for d in diplonews.parse(DEMAND).demands] == ["lift sanctions"]


def test_a_word_list_past_the_limit_is_refused_before_compiling() -> None:
    from diplonews.rules.schema import MAX_WORDS

    words = [f"w{i}" for i in range(MAX_WORDS + 1)]
    with pytest.raises(diplonews.RuleError) as caught:
        diplonews.Parser.default().with_rules({"extend": {"SAY": words}})
    assert caught.value.code == "DN102"
    assert "at most 50000" in str(caught.value)
