"""Demand and agreement constructions added together: nominal agents, trailers, threats,
planned/passive/back-referenced agreements, with negatives beside each.

Sentences are written for these tests (other names, places and wordings than any article the
rules were developed on), so they check a construction, not a text.
"""

from __future__ import annotations

import pytest

from diplonews import Parser
from diplonews.testing import assert_extracts, assert_not_extracts

PARSER = Parser.default()


# ---- demands: the doer named inside a nominal demand is its addressee -----------------------------
@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Peru called for an end to incursions by Ecuador into the river valley.", "Ecuador"),
        ("The African Union demanded a halt to the shelling by Sudan.", "Sudan"),
        ("Norway urged a lasting truce between Armenia and Azerbaijan.", "Armenia"),
        ("Qatar pressed for direct talks between the leaders of Ethiopia and Eritrea.", "Ethiopia"),
    ],
)
def test_nominal_demand_agent_is_addressee(text: str, addressee: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"addressee": addressee}])


def test_nominal_demand_without_agent_keeps_no_addressee() -> None:
    article = PARSER.parse("Chile called for a swift return to the negotiating table.")
    assert [d.addressee for d in article.demands] == [None]


# ---- demands: trailing attribution is not part of the action --------------------------------------
@pytest.mark.parametrize(
    "trailer",
    ["according to a statement released on Friday", "the foreign ministry said in a statement",
     "a spokesperson for the ministry added", "the envoy stressed on Tuesday"],
)
def test_trailing_attribution_cut(trailer: str) -> None:
    assert_extracts(f"Ghana urged Togo to reopen the coastal border post, {trailer}.", parser=PARSER,
                    demands=[{"demander": "Ghana", "addressee": "Togo", "action": "reopen the coastal border post"}])


# ---- demands: conditional threats ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Uruguay threatened to leave the customs union if Argentina did not scrap its export levies.",
        "Uruguay vowed to quit the customs union if Argentina failed to scrap its export levies.",
        "Uruguay warned that it would walk out if Argentina refused to scrap its export levies.",
        "If Argentina does not scrap its export levies, Uruguay will leave the customs union.",
    ],
)
def test_conditional_threat(text: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": "Uruguay", "addressee": "Argentina", "action": "scrap its export levies"}])


@pytest.mark.parametrize(
    "text",
    [
        "Uruguay threatened to leave the customs union last year.",
        "President Luis Lacalle Pou called on Javier Milei at his residence in Buenos Aires.",
        "Demand for beef from Argentina has fallen, Uruguay said.",
    ],
)
def test_not_a_demand(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])


# ---- demands: participle of a demand-for verb ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Peru condemned the raid on its embassy, calling for an independent inquiry into the deaths.",
         "an independent inquiry into the deaths"),
        ("Peru rejected the border plan, insisting on a binding referendum.", "a binding referendum"),
    ],
)
def test_participle_demand_for(text: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"demander": "Peru", "action": action}])


# ---- agreements: planned, passive, back-referenced; negatives ----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Laos and Vietnam will sign a treaty on river navigation next month.",
        "Laos and Vietnam are expected to sign a treaty on river navigation on Friday.",
    ],
)
def test_planned_agreement(text: str) -> None:
    assert_extracts(text, parser=PARSER, agreements=[
        {"parties": ["Laos", "Vietnam"], "content": "a treaty on river navigation", "status": "planned"}])


@pytest.mark.parametrize(
    "text",
    [
        "An accord on grain exports was signed by Laos and Thailand on Friday.",
        "A grain export accord was concluded between Laos and Thailand on Friday.",
    ],
)
def test_passive_agreement(text: str) -> None:
    assert_extracts(text, parser=PARSER, agreements=[{"parties": ["Laos", "Thailand"]}])


def test_back_reference_is_the_same_agreement() -> None:
    article = PARSER.parse("Laos and Thailand signed an accord on grain exports on Friday. "
                           "The pact was signed by Laos and Thailand after two years of talks.")
    assert [a.content for a in article.agreements] == ["an accord on grain exports"]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Mining signed a deal with Atlas Cement to supply limestone.",
        "Banco Austral agreed to buy Corvina Airlines for $1 billion.",
        "Laos and Thailand refused to sign the accord on grain exports.",
        "Laos and Thailand shared deep concern over the border clashes.",
    ],
)
def test_not_an_agreement(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, agreements=[{}])


# ---- demands: a descriptive group that only the demand makes an actor is its addressee ------------
@pytest.mark.parametrize(
    ("text", "addressee", "action"),
    [
        ("Chile urged tribal elders to reopen the mountain road.", "tribal elders", "reopen the mountain road"),
        ("The envoy called on all rival militias to hand over their heavy weapons.", "rival militias",
         "hand over their heavy weapons"),
        ("The Arab League demanded that all foreign fighters leave the province within a month.",
         "foreign fighters", "leave the province within a month"),
        ("Norway condemned the raid, demanding that all members of the rebel alliance immediately free "
         "the aid workers.", "rebel alliance", "immediately free the aid workers"),
        ("Ghana asked neighbouring states to stabilize fuel prices.", "neighbouring states",
         "stabilize fuel prices"),
    ],
)
def test_descriptive_group_addressee(text: str, addressee: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"addressee": addressee, "action": action}])


@pytest.mark.parametrize(
    "text",
    [
        "Chile met tribal elders to discuss the mountain road.",
        "The envoy praised rival militias for handing over their heavy weapons.",
        "The Arab League said foreign fighters had begun to leave the province.",
    ],
)
def test_descriptive_group_without_demand(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])
