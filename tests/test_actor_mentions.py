"""Actor mentions on fresh sentences: group noun phrases, persons no gazetteer knows, titles,
affiliations, datelines, and the capitalized words that are not actors."""

from __future__ import annotations

import pytest

from _actors import actor_view, named, parse_article
from diplonews import Article


def _names(article: Article) -> set[str]:
    return {a.name for a in article.actors}


# ---- descriptive group phrases ------------------------------------------------------------

@pytest.mark.parametrize(("text", "demander", "addressee"), [
    ("The mediators urged Libya's rival governments to hold elections.",
     ("mediators", "group", None), ("Libya's rival governments", "group", "libya")),
    ("Serbia urged the West to respect its borders.",
     ("Serbia", "country", None), ("West", "group", None)),
    ("Western allies urged the rebels to release the hostages.",
     ("Western allies", "group", None), ("rebels", "group", None)),
    ("Nordic donors called on Somalia's warring clans to stop the fighting.",
     ("Nordic donors", "group", None), ("Somalia's warring clans", "group", "somalia")),
])
def test_group_phrases_fill_demand_slots(text: str, demander: tuple[str, str, str | None],
                                         addressee: tuple[str, str, str | None]) -> None:
    article = parse_article(text)
    assert len(article.demands) == 1
    demand = article.demands[0]
    assert actor_view(article, demand.demander) == demander
    assert actor_view(article, demand.addressee) == addressee


@pytest.mark.parametrize(("text", "participants"), [
    ("Pakistani and Afghan negotiators met in Doha on Sunday.", ["Pakistan", "Afghanistan"]),
    ("Envoys from Egypt and Qatar met in Cairo on Tuesday.", ["Egypt", "Qatar"]),
    ("Delegates from Chile, Peru and Bolivia met in Lima on Friday.", ["Chile", "Peru", "Bolivia"]),
])
def test_coordinated_anchors_stand_for_each_country(text: str, participants: list[str]) -> None:
    article = parse_article(text)
    assert len(article.meetings) == 1
    assert [article.actor(p).name for p in article.meetings[0].participants] == participants  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Nordic diplomats said the vote had been fair.", ("Nordic diplomats", "group", None)),
    ("Republican lawmakers said the budget would be cut.", ("Republican lawmakers", "group", None)),
    ("Two Egyptian security sources said the talks would resume.",
     ("Egyptian security sources", "group", "egypt")),
    ("Senior officials from Kenya said the road would open in May.",
     ("Kenyan officials", "group", "kenya")),
])
def test_group_phrases_speak(text: str, speaker: tuple[str, str, str | None]) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [speaker]


@pytest.mark.parametrize("text", [
    "Israeli settlers moved into the West Bank town on Monday.",
    "The west of the country was flooded on Monday.",
    "Officials met at Union Station on Labor Day.",
    "The Celtics beat the Hornets in overtime on Sunday.",
])
def test_capitalized_places_and_teams_are_not_collective_actors(text: str) -> None:
    names = _names(parse_article(text))
    assert not names & {"West", "Union Station", "Labor Day", "Celtics", "Hornets", "Union", "Labor"}


# ---- persons no gazetteer knows ---------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("\u201cWe are not worried,\u201d said Dana Whitfield at Harbor Capital.", "Dana Whitfield"),
    ("Sen. Maria Ortiz (D-N.M.) said the bill would pass.", "Maria Ortiz"),
    ("\u201cThe vote is close,\u201d said Rep. Tom Hale of Ohio.", "Tom Hale"),
    ("Chadian President Idriss Abdel Karim Mahamat said the border would reopen.",
     "Idriss Abdel Karim Mahamat"),
    ("Dutch envoy Pieter van der Berg said the talks had stalled.", "Pieter van der Berg"),
    ("The Celtics beat the Hornets, coach Ime Udoka said.", "Ime Udoka"),
    ("Paraguay's President Santiago Ruiz said the summit would go on.", "Santiago Ruiz"),
])
def test_unknown_persons_speak(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [article.actor(s.speaker).name for s in article.statements] == [speaker]  # type: ignore[union-attr]
    assert not {"Rep", "Sen", "Celtics", "Hornets"} & _names(article)


@pytest.mark.parametrize(("text", "person"), [
    ("Nigerian envoy Musa Bello met Abdou Tiani in Niamey on Tuesday.", "Abdou Tiani"),
    ("The Chilean minister held talks with Ruth Achterberg, the Dutch trade envoy.", "Ruth Achterberg"),
    ("Kenya's foreign minister spoke by phone with Tomas Lindqvist on Sunday.", "Tomas Lindqvist"),
])
def test_a_name_after_a_meeting_verb_is_a_person(text: str, person: str) -> None:
    assert "person" in {a.kind for a in parse_article(text).actors if a.name == person}


@pytest.mark.parametrize(("text", "words"), [
    ("The envoy met South Korean officials in Seoul on Monday.", "South Korean"),
    ("The envoy met Southeast Asian leaders.", "Southeast Asian"),
    ("The delegation visited Buenos Aires on Monday.", "Buenos Aires"),
    ("The minister received Nobel Prize laureates at the palace.", "Nobel Prize"),
])
def test_an_adjective_or_a_place_after_a_meeting_verb_is_no_person(text: str, words: str) -> None:
    assert words not in named(parse_article(text), "person")


def test_party_tag_joins_the_mention() -> None:
    text = "Sen. Maria Ortiz (D-N.M.) said the bill would pass."
    actor = next(a for a in parse_article(text).actors if a.name == "Maria Ortiz")
    assert actor.mentions[0].text == "Sen. Maria Ortiz (D-N.M.)"


def test_full_name_beats_a_gazetteer_surname() -> None:
    article = parse_article("\u201cIt was a long day,\u201d said Helen Merkel, a teacher in Bonn. "
                     "Merkel said the school had closed.")
    assert [article.actor(s.speaker).name for s in article.statements] == ["Helen Merkel"] * 2  # type: ignore[union-attr]
    assert "Angela Merkel" not in _names(article)


def test_titled_lists_and_of_phrases_name_each_person() -> None:
    article = parse_article("The deputy ministers Lars Eklund, Maja Berg and Tor Hval held talks in Oslo. "
                     "Ruto spoke with President of Uzbekistan Dilshod Karimov on Monday.")
    assert {"Lars Eklund", "Maja Berg", "Tor Hval", "Dilshod Karimov"} <= _names(article)
    karimov = next(a for a in article.actors if a.name == "Dilshod Karimov")
    assert karimov.country == "uzbekistan"


@pytest.mark.parametrize("text", [
    "Woman Who Accused Senator Drops Her Claim\n\nThe court closed the case on Monday.",
    "Man Who Sued Mayor Wins Appeal\n\nThe ruling came on Friday.",
])
def test_title_case_headline_words_are_not_persons(text: str) -> None:
    assert not named(parse_article(text), "person")


def test_title_case_headline_person_named_again_in_the_body_is_kept() -> None:
    article = parse_article("Chadian President Idriss Mahamat Visits Niamey For Talks\n\n"
                     "Mahamat arrived in Niamey on Monday, his office said.")
    assert "Idriss Mahamat" in _names(article)


# ---- affiliation --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "person", "body"), [
    ("World Bank chief economist Lena Horvath said growth would slow.", "Lena Horvath", "World Bank"),
    ("A Nestle spokeswoman said the recall was voluntary.", "Nestle spokeswoman", "Nestle"),
    ("An Acme Logistics official said the port would reopen.", "Acme Logistics official", "Acme Logistics"),
])
def test_the_person_speaks_and_the_body_is_the_affiliation(text: str, person: str, body: str) -> None:
    article = parse_article(text)
    [statement] = article.statements
    speaker = article.actor(statement.speaker)
    assert speaker is not None and speaker.name == person and speaker.kind == "person"
    affiliation = article.actor(speaker.affiliation) if speaker.affiliation else None
    assert affiliation is not None and affiliation.name == body


# ---- datelines ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parties"), [
    ("KAMPALA, May 2 (Reuters) - Uganda and Rwanda agreed to reopen the border.", ["Uganda", "Rwanda"]),
    ("Lusaka, Zambia \u2014 Zambia and Malawi signed a trade pact on Friday.", ["Zambia", "Malawi"]),
    ("ACCRA (AP) \u2014 Ghana and Togo agreed to share the cost of the bridge.", ["Ghana", "Togo"]),
    # a city with a lower-case particle, a country and an agency before the dash
    ("Dar es Salaam, Tanzania (PANA) \u2013 Kenya and Uganda agreed to reopen the border.", ["Kenya", "Uganda"]),
    ("Port of Spain, Trinidad and Tobago (AFP) - Ghana and Togo agreed to share the cost of the bridge.",
     ["Ghana", "Togo"]),
])
def test_datelines_hold_no_actors(text: str, parties: list[str]) -> None:
    article = parse_article(text)
    [agreement] = article.agreements
    assert [article.actor(p).name for p in agreement.parties] == parties  # type: ignore[union-attr]
    assert not _names(article) & {"Reuters", "Associated Press", "Kampala", "Accra", "Tanzania", "Trinidad and Tobago"}


@pytest.mark.parametrize("text", [
    "Kuleba told Le Monde the offensive would continue.",
    "The minister told Deutsche Welle on Monday that the talks would resume.",
])
def test_a_medium_after_told_is_not_a_person(text: str) -> None:
    assert not {"Le Monde", "Deutsche Welle"} & _names(parse_article(text))


@pytest.mark.parametrize(("text", "parties"), [
    ("Rep. Tom Hale and Rep. Jo Park toured the plant on Monday. The two congressmen agreed to keep it open.",
     ["Tom Hale", "Jo Park"]),
    ("Chilean Foreign Minister Rosa Vidal met Peruvian Foreign Minister Ana Ruiz in Lima. "
     "The two diplomats agreed to reopen the border.", ["Rosa Vidal", "Ana Ruiz"]),
])
def test_plural_references_resolve_to_the_two_just_named(text: str, parties: list[str]) -> None:
    article = parse_article(text)
    [agreement] = article.agreements
    assert [article.actor(p).name for p in agreement.parties] == parties  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "actor"), [
    ("The Bolivian opposition said the count had been rigged.", ("Bolivian opposition", "group", "bolivia")),
    ("The ELN guerrillas said the ceasefire would hold.", ("ELN guerrillas", "group", None)),
])
def test_collective_heads_and_unknown_acronyms_anchor_groups(text: str, actor: tuple[str, str, str | None]) -> None:
    article = parse_article(text)
    assert [actor_view(article, s.speaker) for s in article.statements] == [actor]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\u201cThe port is open,\u201d said Ahmed bin Ali al-Marri, the transport minister.", "Ahmed bin Ali al-Marri"),
    ("Lt. Gen. Sarah Cole said the base would close.", "Sarah Cole"),
    ("\u201cIt is fine,\u201d Professor Jane Lind of Oxford University said.", "Jane Lind"),
])
def test_particles_ranks_and_affiliations_in_names(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [article.actor(s.speaker).name for s in article.statements] == [speaker]  # type: ignore[union-attr]
    assert not [a for a in article.actors if a.kind == "person" and a.name != speaker]


@pytest.mark.parametrize("text", [
    "Union Pacific said profits rose on Tuesday.",
    "Labor Day sales were strong, said Home Depot.",
    "Oxford University said the lab would reopen.",
])
def test_bodies_and_days_are_not_persons(text: str) -> None:
    assert not named(parse_article(text), "person")


@pytest.mark.parametrize(("text", "parties"), [
    ("Ghana, Togo agree to share bridge costs\n\nThe two governments signed the plan in Lome.", ["Ghana", "Togo"]),
])
def test_headline_comma_coordinates_two_countries(text: str, parties: list[str]) -> None:
    article = parse_article(text)
    assert [[article.actor(p).name for p in a.parties] for a in article.agreements][:1] == [parties]  # type: ignore[union-attr]


def test_comma_after_an_introductory_phrase_does_not_coordinate() -> None:
    article = parse_article("In Ghana, Togo agreed to talks with the rebels.")
    assert all(len(a.parties) == 1 for a in article.agreements)


def test_a_bare_group_refers_back_to_the_anchored_one() -> None:
    article = parse_article("The Bolivian opposition met government envoys in Lima on Monday. "
                     "The opposition said the talks had been useful.")
    groups = [a for a in article.actors if a.kind == "group"]
    assert [g.name for g in groups] == ["Bolivian opposition"]
    assert [article.actor(s.speaker).name for s in article.statements] == ["Bolivian opposition"]  # type: ignore[union-attr]


def test_an_office_phrase_skips_a_pair_holding_another_office() -> None:
    article = parse_article("Eklund and Hval met in Oslo on Friday. The ministers said a summit between "
                     "Presidents Ana Ruiz and Tom Berg would follow. Both foreign ministers also agreed "
                     "to expand trade.")
    names = [[article.actor(p).name for p in a.parties] for a in article.agreements]  # type: ignore[union-attr]
    assert ["Ana Ruiz", "Tom Berg"] not in names


@pytest.mark.parametrize(("text", "person"), [
    ("Ohio's tax commissioner said revenue had fallen.", "Ohio's tax commissioner"),
    ("Acme's chief executive said sales were strong.", "Acme's chief executive"),
])
def test_office_holder_of_an_unknown_owner_is_a_described_person(text: str, person: str) -> None:
    article = parse_article(text)
    assert [(a.name, a.kind) for a in article.actors] == [(person, "person")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\u201cWe played well,\u201d said Riverside Rovers manager Erik Stone after the match.", "Erik Stone"),
    ("\u201cThe market is nervous,\u201d said John Wells, chief strategist at Bluebird Advisors in Boston.",
     "John Wells"),
])
def test_a_body_before_a_role_is_not_the_speaker(text: str, speaker: str) -> None:
    article = parse_article(text)
    assert [article.actor(s.speaker).name for s in article.statements] == [speaker]  # type: ignore[union-attr]
    assert named(article, "person") == [speaker]


def test_the_end_of_a_body_name_is_not_a_person() -> None:
    article = parse_article("The Federal Reserve Bank of New York said inflation had eased.")
    assert not named(article, "person")


@pytest.mark.parametrize(("text", "person", "country"), [
    ("Greek Prime Minister Eleni Vlachou held talks with Ana Duarte, PM of Portugal in Lisbon on Monday.",
     "Ana Duarte", "portugal"),
    ("The envoy met Tomas Lindqvist, ambassador of Sweden at Oslo's city hall.", "Tomas Lindqvist", "sweden"),
])
def test_an_apposition_closed_by_a_place_phrase_gives_the_country(text: str, person: str, country: str) -> None:
    assert [(a.name, a.country) for a in parse_article(text).actors if a.kind == "person"][-1] == (person, country)


@pytest.mark.parametrize(("text", "person"), [
    ("Talks between President Joao Matola and rebel leader Carlos Mbanze were held in Beira.", "Carlos Mbanze"),
    ("Opposition leader Ines Duarte said the vote had been rigged.", "Ines Duarte"),
])
def test_a_role_word_before_a_title_names_a_person(text: str, person: str) -> None:
    assert person in named(parse_article(text), "person")


@pytest.mark.parametrize("text", ["Rebel leaders met in Goma on Monday.", "The militia chief fled, police said."])
def test_a_role_and_title_without_a_name_is_no_named_person(text: str) -> None:
    assert not [name for name in named(parse_article(text), "person") if name[:1].isupper()]


# ---- hyphenated pairs of names ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "named_actors"), [
    ("The Chile-Argentina talks on fishing ended on Friday.", {"Chile", "Argentina"}),
    ("A Ghana-Togo summit is planned for May.", {"Ghana", "Togo"}),
    ("The second round of Sudan-South Sudan negotiations opened.", {"Sudan", "South Sudan"}),
    # before a noun that is no meeting, and in names and adjectives, a hyphen joins no actors
    ("Chile-Argentina relations have improved.", set()),
    ("The Arab-Israeli conflict dominated the debate.", set()),
    ("Saudi-led forces withdrew.", set()),
    ("Guinea-Bissau held talks with Senegal.", {"Guinea-Bissau", "Senegal"}),
])
def test_a_hyphenated_pair_before_a_meeting_noun_names_both_sides(text: str, named_actors: set[str]) -> None:
    assert _names(parse_article(text)) == named_actors
