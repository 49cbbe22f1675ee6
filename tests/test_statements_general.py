"""Speech in ordinary news (issue 16): the forms political, court, business and sport copy uses.

Each case is a sentence written for this file (no corpus text), with the exact statements
expected as (speaker, kind, content); negatives expect nothing.
"""

from __future__ import annotations

import pytest

import diplonews
from _speech import said


@pytest.mark.parametrize(("text", "expected"), [
    # descriptive speakers of ordinary news
    ("Police said four men were detained after the match.",
     [("police", "indirect", "four men were detained after the match")]),
    ("The airline said it would cancel forty flights on Friday.",
     [("airline", "indirect", "it would cancel forty flights on Friday")]),
    ("A lawyer for the landlord said the eviction notices were lawful.",
     [("lawyer for the landlord", "indirect", "the eviction notices were lawful")]),
    ("The county clerk's office said the ballots had been counted twice.",
     [("county clerk's office", "indirect", "the ballots had been counted twice")]),
    ("Her attorney said the singer had paid every tax bill on time.",
     [("attorney", "indirect", "the singer had paid every tax bill on time")]),
    # a definite title refers back to the person who bears it
    ("Circuit Judge Omar Haddad heard the appeal on Monday. The judge said the contract was void.",
     [("Omar Haddad", "indirect", "the contract was void")]),
    # an addressee before 'that' is not part of what was said
    ("Mayor Ines Duarte told the transport committee that the tram line would open in May.",
     [("Ines Duarte", "indirect", "the tram line would open in May")]),
    ("Chief financial officer Ruth Abara told investors on a call that margins would improve.",
     [("Ruth Abara", "indirect", "margins would improve")]),
    # present tense with plural subjects, and wishes said aloud
    ("Economists warn that food prices will keep rising through the summer.",
     [("economists", "indirect", "food prices will keep rising through the summer")]),
    ("Coach Pavel Novak hopes his squad can reach the final next year.",
     [("Pavel Novak", "indirect", "his squad can reach the final next year")]),
    # a person no gazetteer knows, with a perfect reporting verb
    ("Ruth Abara has repeatedly said the refinery would stay open.",
     [("Ruth Abara", "indirect", "the refinery would stay open")]),
    # a name written family name first, then the family name alone, is one person
    ("Trade envoy Tanaka Hiro arrived in Lima on Monday. Tanaka said the tariff talks were useful.",
     [("Tanaka Hiro", "indirect", "the tariff talks were useful")]),
    # verbs whose object is the audience: what was said follows of/on/about
    ("Health Minister Lena Holt briefed the cabinet on the cost of the new vaccination plan.",
     [("Lena Holt", "indirect", "the cost of the new vaccination plan")]),
    ("Governor Ines Duarte reassured the growers of her support for the irrigation scheme.",
     [("Ines Duarte", "indirect", "her support for the irrigation scheme")]),
    ("Mayor Ines Duarte assured residents of the harbour district that the ferry would keep running.",
     [("Ines Duarte", "indirect", "the ferry would keep running")]),
    # a place between the verb (or its audience) and a clause with no 'that'
    ("Chief executive Ruth Abara told analysts in Frankfurt the plant would be sold.",
     [("Ruth Abara", "indirect", "the plant would be sold")]),
    # person nouns of ordinary news speak as a group (plural) or as one unnamed person
    ("Shopkeepers say the new bypass has emptied the high street.",
     [("shopkeepers", "indirect", "the new bypass has emptied the high street")]),
    ("Local fishermen said the quota cuts would end their trade.",
     [("local fishermen", "indirect", "the quota cuts would end their trade")]),
    ("\u201cWe were never asked,\u201d a retired teacher said.",
     [("retired teacher", "direct", "We were never asked")]),
    # a role before a name the text introduces in apposition: the name speaks
    ("The lead plaintiff, Orla Brennan, maintained that the dam had been built on her land.",
     [("Orla Brennan", "indirect", "the dam had been built on her land")]),
    # a lower-case role before a name, after the clause or after 'according to'
    ("The ferry will stop running in winter, harbour master Ilse Vandeven said.",
     [("Ilse Vandeven", "indirect", "The ferry will stop running in winter")]),
    ("The bridge stays shut until spring, according to county engineer Mabel Oakes.",
     [("Mabel Oakes", "indirect", "The bridge stays shut until spring")]),
    # the agent of a passive verb of saying
    ("Winger Tomas Reyna was told by his surgeon that he would be out for a year.",
     [("surgeon", "indirect", "he would be out for a year")]),
    # a role with a possessive after a named person is someone else, not an unsure "the striker"
    ("Tomas Reyna was told by his surgeon that he would be out for a year.",
     [("surgeon", "indirect", "he would be out for a year")]),
    # "the fact that" only announces the clause that was said
    ("Mayor Ines Duarte highlighted the fact that the tram line would open in May.",
     [("Ines Duarte", "indirect", "the tram line would open in May")]),
    ("The coach underlined the fact that his squad had lost only twice.",
     [("coach", "indirect", "his squad had lost only twice")]),
    # the source a report came from closes the clause, it is not part of what was said
    ("Mayor Ines Duarte said the tram line would open in May, according to local radio.",
     [("Ines Duarte", "indirect", "the tram line would open in May")]),
    # a standfirst the body repeats, its end run into the lead for want of a full stop: one
    # statement, with the content the repetition shows to be whole
    ("Coach Pavel Novak said the club would sign two new defenders before the window closes "
     "The club confirmed the sale of its stadium on Monday.\n"
     "Coach Pavel Novak said the club would sign two new defenders before the window closes.",
     [("Pavel Novak", "indirect", "the club would sign two new defenders before the window closes")]),
])
def test_ordinary_news_speech(parser: diplonews.Parser, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(parser, text) == expected


@pytest.mark.parametrize("text", [
    "Police closed the road for three hours on Sunday.",
    "The airline's hopes of a merger faded last year.",
    "A lawyer for the landlord arrived late to the hearing.",
    "The judge adjourned the hearing until next month.",
    "Mayor Ines Duarte told the family in person.",
    "The talks between the two unions concluded in Geneva on Friday without any agreement.",
    "Ruth Abara testified in Frankfurt on Monday for three hours.",
    # a reported question asserts nothing; 'said nothing as' and 'Having said that' report nothing
    "The mayor asked whether the ferry could run through the winter.",
    "Reporters asked the coach why the captain had been left out.",
    "The manager said nothing as he left the ground.",
    "Having said that, the owner seemed pleased with the season.",
])


def test_ordinary_news_no_speech(parser: diplonews.Parser, text: str) -> None:
    assert said(parser, text) == []


def test_speaker_roles_are_the_plurals_of_speaker_role(parser: diplonews.Parser) -> None:
    """SPEAKER_ROLES is written out for the prefilter; it must hold every plural of SPEAKER_ROLE."""
    table = parser.placeholders
    plurals = set(table.words("SPEAKER_ROLES"))

    def plural(word: str) -> str:
        for end, repl in (("woman", "women"), ("man", "men"), ("wife", "wives")):
            if word.endswith(end):
                return word[: -len(end)] + repl
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            return word[:-1] + "ies"
        return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")

    assert {plural(w) for w in table.words("SPEAKER_ROLE")} <= plurals | set(table.words("SPEAKER_PEOPLE"))


def test_speaker_lists_say_each_word_once(parser: diplonews.Parser) -> None:
    """A role is no office (extract/speakers.py reads SPEAKER_ROLE as roles only), and a plural
    is listed in one of the two plural lists."""
    table = parser.placeholders
    assert not set(table.words("SPEAKER_ROLE")) & set(table.words("SPEAKER_PERSON"))
    assert not set(table.words("SPEAKER_ROLES")) & set(table.words("SPEAKER_PEOPLE"))
