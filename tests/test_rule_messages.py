"""Rule errors point at the mistake as the user wrote it: positions in their pattern, every
unknown placeholder with a suggestion, the key a typo meant, the file a bad gazetteer entry is in."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplonews
from diplonews.rules.placeholders import PlaceholderSpan, user_position


def _error(parser: diplonews.Parser, tmp_path: Path, body: str, name: str = "mine.toml") -> diplonews.RuleError:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_rules(path)
    return info.value


RULE = '[[rules]]\nid = "my.rule"\nkind = "demand"\n'


@pytest.mark.parametrize(("pattern", "position", "inside"), [
    (r"{demander:ACTOR}\\s+pressed\\s+(?P<action>.+", 42, None),   # the pattern's end, not the expansion's
    (r"(?P<action>x{2,1}) {demander:ACTOR}", 13, None),             # before any placeholder
])
def test_dn103_position_is_in_the_users_pattern(parser: diplonews.Parser, tmp_path: Path, pattern: str,
                                                position: int, inside: str | None) -> None:
    error = _error(parser, tmp_path, RULE + f'pattern = "{pattern}"\n')
    assert error.code == "DN103"
    message = str(error)
    assert f"at position {position} of the pattern" in message
    written = pattern.replace("\\\\", "\\")
    lines = message.splitlines()
    assert lines[-2].strip() == written and lines[-1].index("^") - lines[-2].index(written[0]) == position


def test_user_position_maps_through_expansions() -> None:
    spans = [PlaceholderSpan(0, 7, 0, 100, "ACTOR"), PlaceholderSpan(10, 15, 103, 203, "SAY")]
    assert user_position(101, spans) == (8, None)      # between the two placeholders
    assert user_position(150, spans) == (10, "SAY")    # inside an expansion: the placeholder's start
    assert user_position(210, spans) == (22, None)     # after both


def test_dn104_names_every_unknown_placeholder_with_suggestions(parser: diplonews.Parser, tmp_path: Path) -> None:
    error = _error(parser, tmp_path, RULE + 'pattern = "{demander:ACTRO} {URGEE} {addressee:ACTOR} {QWXZ}"\n')
    message = str(error)
    assert error.code == "DN104"
    assert "{ACTRO} (did you mean {ACTOR}?)" in message
    assert "{URGEE}" in message and "{QWXZ}" in message
    assert "{QWXZ} (did you mean" not in message  # nothing close: no guess


@pytest.mark.parametrize(("line", "typo", "meant"), [
    ('patern = "{demander:ACTOR} x"\n', "patern", "pattern"),
    ('pattern = "{demander:ACTOR} x"\nprority = 3\n', "prority", "priority"),
    ('pattern = "{demander:ACTOR} x"\ncounterexample = ["x"]\n', "counterexample", "counterexamples"),
])
def test_misspelt_key_gets_a_suggestion(parser: diplonews.Parser, tmp_path: Path, line: str, typo: str,
                                        meant: str) -> None:
    error = _error(parser, tmp_path, RULE + line)
    assert error.code == "DN102"
    assert f"unknown key {typo!r} (did you mean {meant!r}?)" in str(error)


def test_misspelt_key_in_a_mapping_gets_the_same_message(parser: diplonews.Parser) -> None:
    with pytest.raises(diplonews.RuleError, match=r"did you mean 'pattern'\?"):
        parser.with_rules({"rules": [{"id": "x.y", "kind": "demand", "patern": "x"}]})


def test_dn109_names_its_file_and_the_country_meant(parser: diplonews.Parser, tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text('[[actors]]\nname = "Mia Amor Mottley"\ncountry = "Barbadoes"\n'
                    '[[countries]]\nname = "Barbados"\n', encoding="utf-8")
    with pytest.raises(diplonews.RuleError) as info:
        parser.with_gazetteer(path)
    assert info.value.code == "DN109" and info.value.source == str(path)
    assert str(path) in str(info.value) and "did you mean 'Barbados'?" in str(info.value)
