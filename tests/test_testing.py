"""diplonews.testing: partial specs pass on real sentences, and failures say what was found instead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import diplonews
from diplonews.testing import assert_extracts, assert_not_extracts, item_matches

SEED = Path(__file__).resolve().parent.parent / "seeds" / "blinken-xi-beijing.txt"
WANG = "Chinese Foreign Minister Wang Yi urged the United States to lift sanctions and stop meddling."


@pytest.fixture(scope="module")
def seed() -> diplonews.Article:
    return diplonews.parse(SEED.read_text(encoding="utf-8"), published=dt.date(2023, 6, 20))


@pytest.mark.parametrize("spec", [
    {"demander": "Wang Yi", "addressee": "United States", "action": "lift sanctions"},
    {"demander": "Wang", "addressee": "U.S.", "action": "Lift   sanctions!"},   # surname, variant, case
    {"demander": "wang-yi", "action": "stop meddling", "polarity": "negative"},  # id, closed vocabulary
    {"action": "lift the sanctions"},                                          # token F1 >= 0.8
    {"rule": "demand.verb-addressee-to", "addressee": lambda a: a is not None and a.kind == "country"},
])
def test_demand_specs_that_hold(spec: dict[str, Any]) -> None:
    assert_extracts(WANG, demands=[spec])


@pytest.mark.parametrize("spec", [
    {"demander": "United States"},         # the wrong actor
    {"action": "impose sanctions"},        # different wording
    {"polarity": "Negative", "action": "lift sanctions"},
])
def test_demand_specs_that_fail(spec: dict[str, Any]) -> None:
    with pytest.raises(AssertionError):
        assert_extracts(WANG, demands=[spec])


def test_seed_items_with_partial_specs(seed: diplonews.Article) -> None:
    article = assert_extracts(
        seed,
        meetings=[{"participants": ["Xi", "Blinken"], "date": "2023-06-19", "location": "Great Hall of the People",
                   "status": "held"}],
        statements=[{"speaker": "Wang", "kind": "direct", "content": "“We need to shoulder”"}],
        demands=[{"demander": "Wang Yi", "action": "not to misjudge China"}],
    )
    assert article is seed
    assert_extracts(seed, meetings=[{"participants": ["Blinken"], "date": "yesterday"}])  # date by its words


def test_nearest_candidate_is_the_item_sharing_most_words(seed: diplonews.Article) -> None:
    with pytest.raises(AssertionError) as info:
        assert_extracts(seed, statements=[{"speaker": "Blinken", "content": "We need to shoulder"}])
    nearest = next(line for line in str(info.value).splitlines() if "nearest:" in line)
    assert "speaker=Wang Yi" in nearest and "We need to shoulder our responsibilities" in nearest
    assert "(differs in: speaker)" in nearest


def test_failure_names_missing_item_nearest_candidate_and_rule() -> None:
    with pytest.raises(AssertionError) as info:
        assert_extracts(WANG, demands=[{"demander": "Wang", "action": "lift all tariffs"},
                                       {"action": "stop meddling"}])
    message = str(info.value)
    assert "1 of 2 expected demands not found" in message
    assert "missing demand: {'demander': 'Wang', 'action': 'lift all tariffs'}" in message
    nearest = next(line for line in message.splitlines() if "nearest:" in line)
    assert "action='lift sanctions'" in nearest and "(differs in: action)" in nearest
    assert "rule: demand.verb-addressee-to" in message
    assert "found demands (2):" in message and "action='stop meddling'" in message


def test_each_spec_needs_its_own_item() -> None:
    one = {"demander": "Wang", "action": "lift sanctions"}
    assert_extracts(WANG, demands=[one])
    with pytest.raises(AssertionError, match="already used by another spec"):
        assert_extracts(WANG, demands=[one, one])


def test_unknown_field_is_reported_not_ignored() -> None:
    with pytest.raises(AssertionError, match="Demand has no field 'actoin'"):
        assert_extracts(WANG, demands=[{"actoin": "lift sanctions"}])


def test_nothing_found_says_so() -> None:
    with pytest.raises(AssertionError) as info:
        assert_extracts("The weather in Geneva was mild.", agreements=[{"content": "stabilize ties"}])
    assert "nearest: none" in str(info.value) and "found agreements (0):" in str(info.value)


def test_assert_not_extracts() -> None:
    assert_not_extracts("The weather in Geneva was mild.",
                        meetings=[{}], statements=[{}], demands=[{}], agreements=[{}])
    assert_not_extracts(WANG, demands=[{"action": "impose sanctions"}])
    with pytest.raises(AssertionError) as info:
        assert_not_extracts(WANG, demands=[{"action": "stop meddling"}])
    message = str(info.value)
    assert "unexpected demand matching {'action': 'stop meddling'}" in message
    assert "rule: demand.verb-addressee-to" in message
    assert "Wang Yi urged the United States" in message  # the evidence


def test_item_matches_on_lists_ignores_order_and_needs_distinct_actors(seed: diplonews.Article) -> None:
    meeting = next(m for m in seed.meetings if len(m.participants) == 2
                   and seed.actor(m.participants[0]) is not None
                   and seed.actor(m.participants[0]).name == "Antony Blinken")  # type: ignore[union-attr]
    assert item_matches(meeting, {"participants": ["Xi Jinping", "Antony Blinken"]}, seed)
    assert not item_matches(meeting, {"participants": ["Blinken", "Blinken"]}, seed)
    assert not item_matches(meeting, {"participants": ["Blinken", "Wang Yi"]}, seed)
