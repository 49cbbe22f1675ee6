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
