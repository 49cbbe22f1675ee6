"""Agreement constructions, each with fresh sentences and the negatives that sit beside it.

Every case names the construction it covers; the sentences are written for these tests (other
people, countries and verbs than any corpus article) so that passing them means the rule
generalises, not that it remembers a text.
"""

from __future__ import annotations

import pytest

from diplonews import Parser

PARSER = Parser.default()


def _agreements(text: str) -> list[tuple[frozenset[str], str, str]]:
    article = PARSER.parse(text)
    names = {actor.id: actor.name for actor in article.actors}
    return [(frozenset(names.get(p, p) for p in item.parties), item.content, item.rule)
            for item in article.agreements]


def _has(text: str, parties: set[str], content: str) -> bool:
    found = _agreements(text)
    return any(set(p) >= parties and c == content for p, c, _ in found)


POSITIVE = [
    # verb groups of AGREE_VERB, any tense, with or without a partner
    ("Chile and Peru have agreed to share water from the Lauca river.",
     {"Chile", "Peru"}, "share water from the Lauca river"),
    ("Ghana and Togo are expected to agree on a new customs code.",
     {"Ghana", "Togo"}, "a new customs code"),
    ("Pakistan agreed with Afghanistan to reopen the Torkham crossing.",
     {"Pakistan", "Afghanistan"}, "reopen the Torkham crossing"),
    ("Uruguay had concurred with Paraguay on joint patrols of the river border.",
     {"Uruguay", "Paraguay"}, "joint patrols of the river border"),
    # headline: "X, Y agree to …" gives both parties
    ("Kenya, Ethiopia agree to reopen border crossings",
     {"Kenya", "Ethiopia"}, "reopen border crossings"),
    # agreed that: plural subject, or a partner
    ("Ghana and Togo agreed that the border commission should meet every quarter.",
     {"Ghana", "Togo"}, "the border commission should meet every quarter"),
    # noun after REACH_VERB / SIGN_VERB, in any tense
    ("Ghana reached a staff-level agreement with the IMF on a $3 billion loan.",
     {"Ghana", "International Monetary Fund"}, "a staff-level agreement with the IMF on a $3 billion loan"),
    ("Vietnam and Laos struck a deal to build a railway.",
     {"Vietnam", "Laos"}, "a deal to build a railway"),
    ("Brazil and Argentina are expected to sign a trade accord next week.",
     {"Brazil", "Argentina"}, "a trade accord"),
    ("Jordan has signed an accord establishing a water-sharing council with Syria.",
     {"Jordan", "Syria"}, "an accord establishing a water-sharing council with Syria"),
    ("Peru and Bolivia had hammered out a pact on lake fisheries.",
     {"Peru", "Bolivia"}, "a pact on lake fisheries"),
    # joint decisions need a plural subject
    ("Senegal and Mauritania resolved to share the revenue of their offshore gas field.",
     {"Senegal", "Mauritania"}, "share the revenue of their offshore gas field"),
    ("Mongolia and Kazakhstan decided to open a direct air route.",
     {"Mongolia", "Kazakhstan"}, "open a direct air route"),
    # a further verb of the same plural subject
    ("Mali and Niger reviewed the security situation along their border and agreed to set up joint patrols.",
     {"Mali", "Niger"}, "set up joint patrols"),
    # noun frames
    ("The truce between Armenia and Azerbaijan has held for a month.",
     {"Armenia", "Azerbaijan"}, "The truce between Armenia and Azerbaijan"),
    ("An accord signed by Morocco and Mauritania sets out new fishing quotas.",
     {"Morocco", "Mauritania"}, "An accord"),
    ("A fisheries pact was signed by Senegal and Gambia on Thursday.",
     {"Senegal", "Gambia"}, "A fisheries pact"),
    ("Vanuatu's policing agreement with Australia drew criticism at home.",
     {"Vanuatu", "Australia"}, "policing agreement with Australia"),
    ("President Boric welcomed the signing of a lithium agreement with Bolivia.",
     {"Boric", "Bolivia"}, "a lithium agreement with Bolivia"),
    # an earlier agreement
    ("The ministers reviewed the consensus reached between Nigeria and Cameroon in Yaounde.",
     {"Nigeria", "Cameroon"}, "the consensus reached between Nigeria and Cameroon in Yaounde"),
    ("Chad and Sudan reviewed the measures agreed upon at their last border summit.",
     {"Chad", "Sudan"}, "the measures agreed upon at their last border summit"),
    ("The envoy urged Sudan and South Sudan to respect the 2012 oil transit accord.",
     {"Sudan", "South Sudan"}, "the 2012 oil transit accord"),
    # "it was agreed that X and Y …"
    ("It was agreed that Laos and Cambodia would open a second border crossing next year.",
     {"Laos", "Cambodia"}, "Laos and Cambodia would open a second border crossing"),
]


@pytest.mark.parametrize(("text", "parties", "content"), POSITIVE, ids=[c[0][:40] for c in POSITIVE])
def test_agreement_construction(text: str, parties: set[str], content: str) -> None:
    assert _has(text, parties, content), _agreements(text)


def test_the_two_leaders_resolve_to_the_leaders_just_named() -> None:
    text = ("President Mahama met Burkinabe leader Ibrahim Traore in Accra on Monday. "
            "The two leaders signed a pact on cross-border trade.")
    assert _has(text, {"Mahama", "Ibrahim Traore"}, "a pact on cross-border trade"), _agreements(text)


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Samoa and Tonga agreed on strengthening maritime patrols for fisheries, and also welcome the "
         "contribution of the regional agencies.", ["strengthening maritime patrols for fisheries"]),
        ("Samoa and Tonga agreed on strengthening maritime patrols, and on widening the fisheries zone.",
         ["strengthening maritime patrols", "widening the fisheries zone"]),
        # an infinitive list is no gerund list, whatever its first verb ends in
        ("Chile and Peru agreed to bring back the detained fishermen, and to reopen the consulates.",
         ["bring back the detained fishermen", "reopen the consulates"]),
    ],
)
def test_a_gerund_list_ends_at_a_bare_verb(text: str, contents: list[str]) -> None:
    assert sorted(c for _, c, _ in _agreements(text)) == contents


@pytest.mark.parametrize(
    "text",
    [
        # "honour" holds no "our" that opens an agreement's name
        "The minister said Ghana and Peru would honour the accord that the two sides struck.",
        "Ghana and Peru signed a final agreement on Monday.",
        "The envoy said Ghana and Peru must implement the deal they reached.",
    ],
)
def test_a_generic_noun_with_an_empty_modifier_names_no_agreement(text: str) -> None:
    assert _agreements(text) == []


def test_to_a_and_to_b_is_two_agreements() -> None:
    text = ("Chile and Peru agreed to reopen the consulates in Arica and to organise a visit by "
            "fishermen before the end of the year.")
    contents = {c for _, c, _ in _agreements(text)}
    assert contents == {"reopen the consulates in Arica",
                        "organise a visit by fishermen before the end of the year"}


NEGATIVE = [
    # a unilateral commitment is no agreement
    "The United States is committed to the security of its allies.",
    "Norway pledged to double its aid to the Sahel.",
    # agreeing with a view, or that something is so, is an opinion
    "Germany agreed with the assessment of the panel.",
    "Spain agreed that the proposal was premature.",
    # failing, refusing, not signing
    "Colombia and Ecuador failed to agree on a border protocol.",
    "Bolivia did not sign the treaty.",
    "Kenya and Somalia have not agreed on the maritime boundary.",
    # an agreement still sought, proposed or brokered by a go-between
    "Talks aimed at reaching a ceasefire between Sudan and Chad stalled.",
    "The ceasefire brokered by Qatar took effect at dawn.",
    "Russia's ceasefire proposal was rejected.",
    "The talks between Peru and Chile concluded in Lima without any agreement.",
    # a joint position that is condolence or concern is no agreement
    "Kenya and Uganda shared their concern about the floods.",
    # a bare anaphoric noun, with no signers
    "The agreement was criticised by opposition lawmakers.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_not_an_agreement(text: str) -> None:
    assert _agreements(text) == []


MORE = [
    # an indefinite agreement noun after "agreed to" is content ("a ceasefire"), a bare generic one is not
    ("Eritrea and Djibouti agreed to a truce, the mediators said on Tuesday.",
     {"Eritrea", "Djibouti"}, "a truce"),
    # a topic between the noun and "between"
    ("The memorandum of understanding on fisheries between Senegal and Mauritania was renewed.",
     {"Senegal", "Mauritania"}, "The memorandum of understanding on fisheries between Senegal and Mauritania"),
    # "X and Y's agreement"
    ("Latvia and Estonia's agreement on rail gauges was delayed.",
     {"Latvia", "Estonia"}, "Latvia and Estonia's agreement on rail gauges"),
    # announcing a deal together
    ("President Lungu and President Hichilema announced a deal on copper exports.",
     {"Lungu", "Hichilema"}, "a deal on copper exports"),
]


@pytest.mark.parametrize(("text", "parties", "content"), MORE, ids=[c[0][:40] for c in MORE])
def test_more_agreement_frames(text: str, parties: set[str], content: str) -> None:
    assert _has(text, parties, content), _agreements(text)


def test_plural_noun_subject_stands_for_the_last_meeting() -> None:
    text = ("Foreign Minister Pandor met Lesotho's foreign minister in Pretoria on Monday. "
            "The interlocutors agreed to simplify border crossings for traders.")
    assert _has(text, {"Pandor"}, "simplify border crossings for traders"), _agreements(text)


def test_plural_noun_subject_in_a_condition_is_no_agreement() -> None:
    text = ("Foreign Minister Pandor met Lesotho's foreign minister in Pretoria on Monday. "
            "A summit will follow when the parties could agree to end the dispute.")
    assert all(c != "end the dispute" for _, c, _ in _agreements(text))


def test_impersonal_it_was_agreed_takes_the_last_meeting() -> None:
    text = ("Prime Minister Fiala met Slovak Prime Minister Fico in Prague on Friday. "
            "It was agreed that the joint government session would take place in the spring.")
    assert _has(text, {"Fiala"}, "the joint government session would take place in the spring"), _agreements(text)


def test_impersonal_it_was_agreed_without_a_meeting_is_dropped() -> None:
    assert _agreements("It was agreed that the joint session would take place in the spring.") == []


@pytest.mark.parametrize("text", [
    # a wish or a failure inside an apposition is no pending verb group of the agreement itself
    "Peru and Chile, hoping to end a decades-old dispute, signed a maritime border treaty on Monday.",
    "Ghana and Togo, which failed to agree last year, signed a border deal on Monday.",
])
def test_pending_words_in_apposition_keep_the_agreement(text: str) -> None:
    assert _agreements(text)


@pytest.mark.parametrize("text", [
    # the verb group right before the content makes the agreement sought, not reached
    "Peru and Chile hope to sign a maritime border treaty.",
    "Peru and Chile sought to reach a border deal on Monday.",
    "Ghana and Togo failed to agree on a border deal on Monday.",
    # 'be' + infinitive after a noun of aim or choice names that aim, no arrangement
    "The only option left for Kenya and Somalia is to sign a border deal, analysts said.",
])
def test_sought_or_aimed_agreement_is_none(text: str) -> None:
    assert not _agreements(text)
