"""Verb classes expand to every verb group a rule may meet, and to nothing negated."""

from __future__ import annotations

import pytest
import regex

from diplonews import Parser
from diplonews.rules.errors import RuleError
from diplonews.rules.verbs import inflect

PARSER = Parser.default()


def _matches(placeholder: str, text: str) -> str | None:
    found = regex.search(PARSER.placeholders.expand("{" + placeholder + "}"), text, regex.IGNORECASE)
    return found.group(0) if found else None


@pytest.mark.parametrize(
    ("lemma", "past", "ing", "third"),
    [
        ("commit", "committed", "committing", "commits"),
        ("plan", "planned", "planning", "plans"),
        ("visit", "visited", "visiting", "visits"),
        ("offer", "offered", "offering", "offers"),
        ("agree", "agreed", "agreeing", "agrees"),
        ("ratify", "ratified", "ratifying", "ratifies"),
        ("press", "pressed", "pressing", "presses"),
        ("lobby", "lobbied", "lobbying", "lobbies"),
        ("call on", "called on", "calling on", "calls on"),
    ],
)
def test_regular_inflection(lemma: str, past: str, ing: str, third: str) -> None:
    forms = inflect(lemma)
    assert (forms.past, forms.ing, forms.third) == (past, ing, third)


def test_irregular_table_overrides_morphology() -> None:
    assert inflect("hold talks with", {"hold": ["held", "held"]}).past == "held talks with"


@pytest.mark.parametrize(
    "group",
    ["pressed", "presses", "is pressing", "was pressing", "had pressed", "has been pressing",
     "will press", "would press", "could press", "is expected to press", "are set to press",
     "plans to press", "has also pressed", "will once again press", "did press", "might have pressed",
     "is due to press", "were scheduled to press"],
)
def test_finite_groups_of_a_class_all_match(group: str) -> None:
    assert _matches("DEMAND_VERB", f"The envoy {group} the rebels to disarm.") == group


@pytest.mark.parametrize(
    "group",
    ["did not press", "has not pressed", "never pressed", "won't press", "would not have pressed",
     "is not pressing", "cannot press"],
)
def test_negated_groups_are_not_finite_but_are_negated(group: str) -> None:
    sentence = f"The envoy {group} the rebels to disarm."
    assert _matches("DEMAND_VERB", sentence) is None
    assert _matches("DEMAND_VERB.negated", sentence) == group


@pytest.mark.parametrize(
    ("sentence", "group"),
    [("Kenya was pressed by donors to cut spending.", "was pressed"),
     ("Kenya has been pressed to cut spending.", "has been pressed"),
     ("Kenya will be pressed to cut spending.", "will be pressed")],
)
def test_passive_groups(sentence: str, group: str) -> None:
    assert _matches("DEMAND_VERB.passive", sentence) == group
    assert _matches("DEMAND_VERB", sentence) is None


@pytest.mark.parametrize(
    ("sentence", "future"),
    [("The premiers will meet in Lima.", "will meet"),
     ("The premiers are expected to meet in Lima.", "are expected to meet"),
     ("The premiers plan to meet in Lima.", "plan to meet"),
     ("The premiers met in Lima.", None),
     ("The premiers have met in Lima.", None)],
)
def test_future_form_tells_planned_from_held(sentence: str, future: str | None) -> None:
    assert _matches("MEET_TOGETHER_CLASS.future", sentence) == future


def test_a_user_extends_a_verb_class_and_gets_all_its_forms() -> None:
    parser = PARSER.with_rules({"extend": {"DEMAND_VERB": ["beckon"]}})
    rx = parser.placeholders.expand("{DEMAND_VERB}")
    assert regex.search(rx, "She is beckoning them to come.", regex.I)
    assert regex.search(rx, "She had beckoned them.", regex.I)


def test_a_form_on_a_word_list_or_an_unknown_form_is_a_rule_error() -> None:
    with pytest.raises(RuleError, match="DN104"):
        PARSER.placeholders.expand("{SAY.passive}")
    with pytest.raises(RuleError, match="unknown verb form"):
        PARSER.placeholders.expand("{DEMAND_VERB.pluperfect}")
