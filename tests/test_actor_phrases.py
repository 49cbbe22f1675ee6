"""Actor phrases no gazetteer knows, on fresh sentences: organisations named by the shape of
their names (a head word, an of-phrase, a defined acronym), plural nouns that speak as a group,
persons set off by an age or a 'who' clause; and capitalized words that only look like them."""

from __future__ import annotations

import pytest

from _actors import actor_view, named, parse_article

# ---- organisations ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The Tana River Irrigation Board said the canal would be dredged in April.",
     ("Tana River Irrigation Board", "organization", None)),
    ("The Movement for Civic Renewal said the vote count had been rigged.",
     ("Movement for Civic Renewal", "organization", None)),
    ("The Ministry of Fisheries and Marine Resources said the quota would be cut.",
     ("Ministry of Fisheries and Marine Resources", "organization", None)),
    ("The Ghanaian Cocoa Farmers Association warned that prices would fall further.",
     ("Ghanaian Cocoa Farmers Association", "organization", "ghana")),
    ("The Peru Mining Chamber said exports had doubled.",
     ("Peru Mining Chamber", "organization", "peru")),
])
def test_organisation_names_speak(text: str, speaker: tuple[str, str, str | None]) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [speaker]


def test_defined_acronym_is_the_same_body() -> None:
    article = parse_article("The Sahel Grain Reserve Agency (SGRA) met donors in Dakar on Monday. "
                     "The SGRA urged Mali to release the seized trucks.")
    assert len(article.demands) == 1
    demand = article.demands[0]
    assert actor_view(article, demand.demander) == ("Sahel Grain Reserve Agency", "organization", None)
    assert actor_view(article, demand.addressee) == ("Mali", "country", None)


@pytest.mark.parametrize(("text", "speaker"), [
    ("MONUTAR said the convoy had reached the border town.", "MONUTAR"),
    ("The KWPA has said the reservoir was full.", "KWPA"),
])
def test_acronyms_that_speak_are_bodies(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [(speaker, "organization", None)]


def test_a_known_body_inside_a_longer_name() -> None:
    article = parse_article("The Coastal Water Security Council said the dam was safe.")
    assert [actor_view(article, s.speaker) for s in article.statements] == [
        ("Coastal Water Security Council", "organization", None)]


@pytest.mark.parametrize("text", [
    "Commuters waited at Union Station for two hours on Monday.",
    "Settlers moved into a West Bank village on Monday.",
    "Unlike Parliament, the senate has no say on the budget.",
    "In June Parliament will vote on the budget.",
    "Party members gathered in Lusaka on Sunday.",
    "Fans watched the Champions League final in a bar.",
    "Ghana Signs Cocoa Deal With Coastal Growers Union",
])
def test_capitalized_words_that_name_no_body(text: str) -> None:
    assert not named(parse_article(text), "organization")


# ---- groups that speak ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Economists said the currency would weaken further.", "economists"),
    ("Rebel commanders say the bridge has been retaken.", "rebel commanders"),
    ("The bridge has been retaken, militants said on Friday.", "militants"),
    ("\u201cWe are not leaving,\u201d demonstrators said.", "demonstrators"),
])
def test_plural_nouns_speak_as_groups(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [(speaker, "group", None)]


def test_a_speaking_group_asks() -> None:
    article = parse_article("Campaigners urged Chile to ban bottom trawling.")
    assert [(actor_view(article, d.demander), actor_view(article, d.addressee)) for d in article.demands] == [
        (("campaigners", "group", None), ("Chile", "country", None))]


# ---- persons ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Mirela Antonescu, 58, said the harvest had been lost.", "Mirela Antonescu"),
    ("Kofi Asante-Darko, who chairs the panel, said the report was ready.", "Kofi Asante-Darko"),
    ("Rustam Nazarov, whose brother was detained, said the trial was unfair.", "Rustam Nazarov"),
])
def test_persons_before_an_age_or_a_who_clause(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [(speaker, "person", None)]


@pytest.mark.parametrize("text", [
    "Many Syrians, who fled the war, said the camps were full.",
    "Some Farmers, who lost their land, said the dam was to blame.",
])
def test_quantified_plurals_are_no_persons(text: str) -> None:
    assert not named(parse_article(text), "person")
