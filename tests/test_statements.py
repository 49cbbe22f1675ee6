"""Statements on fresh sentences: quotation finding, ranked attribution, reporting forms, negatives.

Every sentence here is written for this file (business, sport, domestic politics and diplomacy,
several outlets' styles) and none is taken from a corpus. Speakers are introduced by a title so
that the tests do not depend on which bare names the actor finder knows.
"""

from __future__ import annotations

import pytest

import diplonews
from _speech import Said, quoted, said


# ---- finding quotations ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ('The mayor called the plan "a waste of public money" on Monday.', ["a waste of public money"]),
    ("The mayor called the plan \u201ca waste of public money\u201d on Monday.", ["a waste of public money"]),
    ("The mayor called the plan \u2018a waste of public money\u2019 on Monday.", ["a waste of public money"]),
    ("The mayor called the plan 'a waste of public money' on Monday.", ["a waste of public money"]),
    ("Le maire a parl\u00e9 d'\u00abun gaspillage total\u00bb hier.", ["un gaspillage total"]),
    # a single-quoted stretch inside a double-quoted one is part of it, not a quotation of its own
    ("\u201cShe told me \u2018not now\u2019 and left,\u201d the coach said.", ["She told me \u2018not now' and left,"]),
    # single and double quotations in one paragraph are both found
    ("He called it 'a historic day' and added: \u201cWe won.\u201d", ["a historic day", "We won."]),
    # an opening mark never closed runs to the paragraph's end
    ("\u201cWe will rebuild the stadium and we will do it with local firms\nNext paragraph.",
     ["We will rebuild the stadium and we will do it with local firms"]),
    # a closing mark with no opening one opens the quotation at the paragraph's start
    ("Output will double by the autumn,\u201d the chief executive said.", ["Output will double by the autumn,"]),
])
def test_quotations_are_found(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Prices in the '90s were lower, and rock 'n' roll was king.",
    "The players' union and the owners' group met on Friday.",
    "It was 'unacceptable', the senator said.",  # one straight-quoted word: too often no quotation
])
def test_apostrophes_are_not_quotations(text: str) -> None:
    assert quoted(text) == []


# ---- the ranked attribution of a quotation --------------------------------------------------
def test_rank1_the_quotations_own_sentence(parser: diplonews.Parser) -> None:
    assert said(parser, "\u201cWe will appeal the verdict,\u201d said Attorney General Maria Lopez.") == [
        ("Maria Lopez", "direct", "We will appeal the verdict")]


def test_rank2_an_attribution_sentence_right_after(parser: diplonews.Parser) -> None:
    # "?" ends a sentence: the attribution is a sentence of its own, after the quotation
    text = "\u201cIs this the end of the road for the club?\u201d Mayor Daniel Okafor asked."
    assert said(parser, text) == [("Daniel Okafor", "direct", "Is this the end of the road for the club?")]


def test_rank2_an_announcing_sentence_right_before(parser: diplonews.Parser) -> None:
    # the next paragraph lost its opening mark, so the two are not joined into one sentence
    text = ("Governor Ellen Park said in a statement on Friday:\n\n"
            "The bridge will reopen in May and tolls will not rise.\u201d")
    assert said(parser, text) == [
        ("Ellen Park", "direct", "The bridge will reopen in May and tolls will not rise.")]


@pytest.mark.parametrize("lead_in", ["disagreed.", "was not impressed.", "struck a different note.\n\n"])
def test_rank2_a_lead_in_sentence_names_the_next_voice(parser: diplonews.Parser, lead_in: str) -> None:
    text = ("\u201cThe depot stays open,\u201d said Mayor Marta Silva. "
            f"Councillor Jonas Abebe {lead_in} \u201cThe depot has lost money for six years.\u201d")
    assert said(parser, text) == [
        ("Marta Silva", "direct", "The depot stays open"),
        ("Jonas Abebe", "direct", "The depot has lost money for six years.")]


def test_rank3_the_previous_speaker_not_the_last_name(parser: diplonews.Parser) -> None:
    text = ("\u201cThe offer undervalues the company,\u201d said Chief Executive Laura Finch, who met "
            "Senator Tom Briggs on Monday. \u201cWe expect a better one before the vote.\u201d")
    assert said(parser, text) == [
        ("Laura Finch", "direct", "The offer undervalues the company"),
        ("Laura Finch", "direct", "We expect a better one before the vote.")]


def test_rank3_a_continuation_paragraph(parser: diplonews.Parser) -> None:
    text = ("\u201cWe gave everything tonight,\u201d said Mayor Marta Silva after the final.\n\n"
            "\u201cThe city will celebrate this team for years.\u201d")
    assert said(parser, text) == [
        ("Marta Silva", "direct", "We gave everything tonight"),
        ("Marta Silva", "direct", "The city will celebrate this team for years.")]


@pytest.mark.parametrize("text", [
    "\u201cNobody expected the market to turn this fast.\u201d\n\nShares closed lower.",
    ("\u201cWe gave everything,\u201d said Mayor Marta Silva.\n\nThe final ended 2-1.\n\n"
     "Fans stayed late.\n\nThe parade is on Sunday.\n\n\u201cWhat a season this has been.\u201d"),
])
def test_rank4_no_speaker_no_statement(parser: diplonews.Parser, text: str) -> None:
    assert not [s for s in said(parser, text) if "season" in s[2] or "market" in s[2]]


def test_a_pronoun_does_not_reach_a_name_seen_only_inside_quotes(parser: diplonews.Parser) -> None:
    text = ("\u201cMayor Daniel Okafor never returned my calls,\u201d Senator Tom Briggs said. "
            "\u201cThe city deserves better than this,\u201d he said.")
    assert [s[0] for s in said(parser, text)] == ["Tom Briggs", "Tom Briggs"]


def test_a_pronoun_is_not_the_person_its_own_quotation_addresses(parser: diplonews.Parser) -> None:
    text = ("Chief Executive Laura Finch opened the plant on Monday.\n\n"
            "\u201cThe workers built this in a year,\u201d Finch said.\n\n"
            "\u201cI also thank you, Governor Ellen Park, for your patience with all of us,\u201d she added.")
    assert [s[0] for s in said(parser, text)] == ["Laura Finch", "Laura Finch"]


@pytest.mark.parametrize(("text", "speaker"), [
    # After a statement, a pronoun is its speaker, not the last name mentioned ...
    ("Praising Coach Ruth Adeyemi, Chief Executive Laura Finch said: \u201cThe club is in good hands.\u201d "
     "She added that a new stadium would open in 2027.", "Laura Finch"),
    ("After Senator Tom Briggs left the stage, Chief Executive Laura Finch said the plant would hire locally. "
     "Furthermore, she stated that a new stadium would open in 2027.", "Laura Finch"),
    ("\u201cThe club is in good hands,\u201d said Chief Executive Laura Finch, standing beside Coach Ruth "
     "Adeyemi. \u201cWe expect more trophies.\u201d\n\nShe also said that a new stadium would open in 2027.",
     "Laura Finch"),
    # ... unless a person has since been named as the subject of a sentence.
    ("\u201cThe club is in good hands,\u201d said Chief Executive Laura Finch. Senator Tom Briggs then took "
     "the floor. He said that a new stadium would open in 2027.", "Tom Briggs"),
    ("\u201cThe club is in good hands,\u201d said Chief Executive Laura Finch.\n\nLater, Senator Tom Briggs "
     "addressed reporters. He said that a new stadium would open in 2027.", "Tom Briggs"),
])
def test_a_pronoun_goes_to_the_last_speaker_or_a_subject_named_since(
        parser: diplonews.Parser, text: str, speaker: str) -> None:
    assert [s[0] for s in said(parser, text) if "stadium" in s[2]] == [speaker]


def test_a_new_speaker_takes_over_the_continuation(parser: diplonews.Parser) -> None:
    text = ("\u201cWe will cut the fares,\u201d said Mayor Daniel Okafor.\n\n"
            "Governor Ellen Park was not in office then but says the deal is fair.\n\n"
            "\u201cThe city and the state can both live with it.\u201d")
    assert [s[0] for s in said(parser, text)] == ["Daniel Okafor", "Ellen Park", "Ellen Park"]


def test_adding_a_quotation_after_reported_speech(parser: diplonews.Parser) -> None:
    text = "Prime Minister Jane Holt said the vote had been fair, adding: \u201cWe will govern for everyone.\u201d"
    assert said(parser, text) == [("Jane Holt", "indirect", "the vote had been fair"),
                                  ("Jane Holt", "direct", "We will govern for everyone.")]


def test_a_split_quotation_is_one_statement(parser: diplonews.Parser) -> None:
    text = "\u201cWe played well,\u201d Prime Minister Ana Ruiz said after the match, \u201cbut we did not finish.\u201d"
    assert said(parser, text) == [("Ana Ruiz", "direct", "We played well but we did not finish.")]


# ---- British style: single quotation marks ---------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a name no gazetteer knows, after a closing single mark
    ("'The harbour will reopen before the winter storms,' Okonjo said.",
     [("Okonjo", "direct", "The harbour will reopen before the winter storms")]),
    ("\u2018We were never told about the levy,\u2019 Brannigan said on Friday.",
     [("Brannigan", "direct", "We were never told about the levy")]),
    # a quotation that opens with a contraction
    ("'It's the fairest offer the union has had in years,' Harriet Pell said.",
     [("Harriet Pell", "direct", "It's the fairest offer the union has had in years")]),
    ("\u2018We've waited long enough for this bridge,\u2019 Councillor Aled Rhys said.",
     [("Aled Rhys", "direct", "We've waited long enough for this bridge")]),
])
def test_single_quoted_quotations_are_attributed(parser: diplonews.Parser, text: str, expected: list[Said]) -> None:
    assert said(parser, text) == expected


# ---- "…, saying": the subject of the main clause speaks --------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Brazil's football federation rejected the transfer offer, saying it undervalued a player of his age.",
     [("Brazil", "indirect", "it undervalued a player of his age")]),
    ("Spain welcomed the ruling while Portugal appealed against it, saying the court had ignored the evidence.",
     [("Portugal", "indirect", "the court had ignored the evidence")]),
    ("Senator Tom Briggs attacked Governor Ellen Park's budget, saying \u201cit is a gift to the rich.\u201d",
     [("Tom Briggs", "direct", "it is a gift to the rich.")]),
])
def test_saying_after_a_main_clause(parser: diplonews.Parser, text: str, expected: list[Said]) -> None:
    assert said(parser, text) == expected


# ---- reporting forms ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Finance Minister Rachel Obuya says the budget will be balanced within two years.",
     ("Rachel Obuya", "indirect", "the budget will be balanced within two years")),
    ("Finance Minister Rachel Obuya tells lawmakers that the budget will be balanced within two years.",
     ("Rachel Obuya", "indirect", "the budget will be balanced within two years")),
    ("Finance Minister Rachel Obuya has said the budget will be balanced within two years.",
     ("Rachel Obuya", "indirect", "the budget will be balanced within two years")),
    ("Finance Minister Rachel Obuya recalls that the budget was balanced only once before.",
     ("Rachel Obuya", "indirect", "the budget was balanced only once before")),
    ("Senator Tom Briggs conceded that the amendment would fail.",
     ("Tom Briggs", "indirect", "the amendment would fail")),
    ("Senator Tom Briggs has denied the charge.", ("Tom Briggs", "indirect", "the charge")),
    ("The budget will be balanced within two years, according to Finance Minister Rachel Obuya.",
     ("Rachel Obuya", "indirect", "The budget will be balanced within two years")),
    ("The budget will be balanced within two years, Finance Minister Rachel Obuya said in a statement.",
     ("Rachel Obuya", "indirect", "The budget will be balanced within two years")),
    ("The budget will be balanced within two years, Finance Minister Rachel Obuya told reporters.",
     ("Rachel Obuya", "indirect", "The budget will be balanced within two years")),
    ("The Daily Ledger quoted Finance Minister Carla Mendes as saying the budget would be cut.",
     ("Carla Mendes", "indirect", "the budget would be cut")),
    ("A spokesman for Chancellor Olaf Scholz said President Emmanuel Macron had insisted that the summit go ahead.",
     ("Emmanuel Macron", "indirect", "the summit go ahead")),
    ("Ukrainian President Volodymyr Zelensky said on Tuesday in his nightly video address that "
     "Russian forces had been pushed back near the city.",
     ("Volodymyr Zelensky", "indirect", "Russian forces had been pushed back near the city")),
    # a forward-looking clause keeps its deadline: it is part of what was said
    ("Governor Ellen Park said the state will not raise taxes by next year.",
     ("Ellen Park", "indirect", "the state will not raise taxes by next year")),
    ("\u201cWe will fight this in court,\u201d Governor Ellen Park wrote on social media.",
     ("Ellen Park", "direct", "We will fight this in court")),
    ("\u201cThe permit was lawful,\u201d Governor Ellen Park has insisted.",
     ("Ellen Park", "direct", "The permit was lawful")),
    ("Shares fell after Chief Executive Laura Finch warned that margins would shrink.",
     ("Laura Finch", "indirect", "margins would shrink")),
    ("\u201cWe were the better side,\u201d Rovers manager Laura Kim said.",
     ("Laura Kim", "direct", "We were the better side")),
    ("\u201cGrowth will slow next year,\u201d said IMF chief economist Dr. Maury Obstfeld.",
     ("Maury Obstfeld", "direct", "Growth will slow next year")),
    ("The new stadium, said Mayor Daniel Okafor, would open in the spring.",
     ("Daniel Okafor", "indirect", "The new stadium would open in the spring")),
    ("The budget, Finance Minister Rachel Obuya said, will be balanced within two years.",
     ("Rachel Obuya", "indirect", "The budget will be balanced within two years")),
    ("Finance Minister Rachel Obuya is warning that the budget will not balance.",
     ("Rachel Obuya", "indirect", "the budget will not balance")),
    ("Mayor Daniel Okafor pointed out that the stadium had been paid for in cash.",
     ("Daniel Okafor", "indirect", "the stadium had been paid for in cash")),
    ("\u201cThe minister is unwell and has cancelled his visits,\u201d said a short statement from "
     "Deputy Minister Ana Ruiz.", ("Ana Ruiz", "direct", "The minister is unwell and has cancelled his visits")),
    ("Speaking after the vote, Senator Joan Whitaker, the committee chair said that \u201cthe bill is dead.\u201d",
     ("Joan Whitaker", "direct", "the bill is dead.")),
    ("Prime Minister Jane Holt: We have the votes and we will pass this bill.",
     ("Jane Holt", "direct", "We have the votes and we will pass this bill")),
])
def test_reporting_forms(parser: diplonews.Parser, text: str, expected: Said) -> None:
    assert said(parser, text) == [expected]


def test_a_dash_signed_quotation(parser: diplonews.Parser) -> None:
    text = ("Dock strike enters its third week\n\n\u201cOur members deserve a fair wage and we will keep "
            "striking.\u201d \u2015 Union leader Sarah Owusu")
    assert said(parser, text) == [
        ("Sarah Owusu", "direct", "Our members deserve a fair wage and we will keep striking.")]


# ---- what is not a statement ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mayor Jane Holt said as much in an interview with a local radio station.",
    "President Emmanuel Macron said so on Monday.",
    "The chief negotiator for the union, Paula Reyes, confirmed this in a statement on Friday.",
    "Secretary of State Antony Blinken spoke by phone with Foreign Minister Wang Yi on Tuesday.",
    "Prime Minister Jane Holt said on Monday.",
    "Governor Ellen Park declined to comment.",
    # a title-case headline, and a title-case subheading inside the body
    "Woman Who Accused Senator Tom Briggs Says She Will Drop Her Claim\n\nThe hearing was postponed.",
    "The hearing was postponed.\n\nSenator Tom Briggs Says Budget Deal Is Close\n\nTalks resume today.",
])
def test_not_statements(parser: diplonews.Parser, text: str) -> None:
    assert said(parser, text) == []
