"""Meeting constructions, each in fresh wordings with negatives beside it.

Every case names a construction (verb group, plural subject, noun frame, purpose clause,
attendance, passive, status) and says exactly which meetings a sentence holds: the set of
participants' names, the status, and where given the date or place. The sentences are written
for these tests (other people, countries and verbs than any corpus article).
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplonews import Article, parse

PUBLISHED = dt.date(2024, 5, 10)  # a Friday


def _meetings(text: str) -> list[tuple[frozenset[str], str]]:
    article = parse(text, published=PUBLISHED)
    return [(frozenset(_name(article, p) for p in m.participants), m.status) for m in article.meetings]


def _name(article: Article, actor_id: str) -> str:
    actor = article.actor(actor_id)
    return actor.name if actor is not None else actor_id


def _order(item: tuple[frozenset[str], str]) -> tuple[list[str], str]:
    return sorted(item[0]), item[1]


def _expect(text: str, *expected: tuple[set[str], str]) -> None:
    found = _meetings(text)
    wanted = [(frozenset(names), status) for names, status in expected]
    assert sorted(found, key=_order) == sorted(wanted, key=_order), found


# ---- verb groups in every tense, aspect and modality ---------------------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi.", "held"),
        ("Kenyan President William Ruto is hosting Ethiopian Prime Minister Abiy Ahmed this week.", "held"),
        ("Kenyan President William Ruto has hosted Ethiopian Prime Minister Abiy Ahmed.", "held"),
        ("Kenyan President William Ruto received Ethiopian Prime Minister Abiy Ahmed at State House.", "held"),
        ("Kenyan President William Ruto spoke by phone with Ethiopian Prime Minister Abiy Ahmed.", "held"),
        ("Kenyan President William Ruto spoke on Tuesday with Ethiopian Prime Minister Abiy Ahmed.", "held"),
        ("Kenyan President William Ruto held a lengthy phone call with Ethiopian Prime Minister Abiy Ahmed.",
         "held"),
        ("Kenyan President William Ruto will meet Ethiopian Prime Minister Abiy Ahmed next week.", "planned"),
        ("Kenyan President William Ruto is scheduled to hold talks with Ethiopian Prime Minister Abiy Ahmed.",
         "planned"),
        ("Kenyan President William Ruto is expected to host Ethiopian Prime Minister Abiy Ahmed.", "planned"),
        ("Kenyan President William Ruto plans to meet Ethiopian Prime Minister Abiy Ahmed.", "planned"),
    ],
)
def test_verb_groups_of_meeting(text: str, status: str) -> None:
    _expect(text, ({"William Ruto", "Abiy Ahmed"}, status))


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto did not meet Ethiopian Prime Minister Abiy Ahmed.",
        "Kenyan President William Ruto has never met Ethiopian Prime Minister Abiy Ahmed.",
        "Kenyan President William Ruto won't meet Ethiopian Prime Minister Abiy Ahmed.",
        "Kenyan President William Ruto criticised Ethiopian Prime Minister Abiy Ahmed.",
        "Kenyan President William Ruto thanked Ethiopian Prime Minister Abiy Ahmed for his support.",
        "Kenyan President William Ruto called Ethiopian Prime Minister Abiy Ahmed a reliable partner.",
        "Kenyan President William Ruto called on Ethiopian Prime Minister Abiy Ahmed to withdraw troops.",
    ],
)
def test_negated_or_other_verbs_are_no_meeting(text: str) -> None:
    _expect(text)


def test_passive_greeted_by() -> None:
    _expect("Visiting Indian Prime Minister Narendra Modi was greeted by Kenyan President William Ruto.",
            ({"Narendra Modi", "William Ruto"}, "held"))


def test_summoned_ambassador_is_a_meeting() -> None:
    _expect("Japanese Foreign Minister Yoko Kamikawa summoned Chinese Ambassador Wu Jianghao on Monday.",
            ({"Yoko Kamikawa", "Wu Jianghao"}, "held"))


# ---- plural and coordinated subjects -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Lima.",
         {"Gabriel Boric", "Dina Boluarte"}, "held"),
        ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte are scheduled to hold talks.",
         {"Gabriel Boric", "Dina Boluarte"}, "planned"),
        ("The foreign ministers of Ghana and Togo met for talks in Accra on Thursday.", {"Ghana", "Togo"}, "held"),
    ],
)
def test_plural_subjects(text: str, names: set[str], status: str) -> None:
    _expect(text, (names, status))


@pytest.mark.xfail(strict=True, reason="known gap: since group actors ('her counterparts from A, B and C' "
                   "stand for each country), a second match naming every party absorbs the last separate "
                   "meeting in merging")
def test_separate_meetings_with_each_party() -> None:
    _expect("German Foreign Minister Annalena Baerbock held separate talks with her counterparts from "
            "Poland, Lithuania and Latvia on the margins of the summit.",
            ({"Annalena Baerbock", "Poland"}, "held"), ({"Annalena Baerbock", "Lithuania"}, "held"),
            ({"Annalena Baerbock", "Latvia"}, "held"))


# ---- noun frames -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The talks between Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev "
         "lasted two hours.", {"Nikol Pashinyan", "Ilham Aliyev"}),
        ("During a video call with Argentine President Javier Milei on Tuesday, Italian Prime Minister "
         "Giorgia Meloni praised his reforms.", {"Javier Milei", "Giorgia Meloni"}),
        ("Chilean President Gabriel Boric's meeting with Spanish Prime Minister Pedro Sanchez ended early.",
         {"Gabriel Boric", "Pedro Sanchez"}),
        ("The reforms will continue, said Polish Foreign Minister Radoslaw Sikorski after talks with "
         "Ukrainian Foreign Minister Andrii Sybiha.", {"Radoslaw Sikorski", "Andrii Sybiha"}),
        ("The talks between presidents Amara Kone and Lars Vikström lasted three hours.",
         {"Amara Kone", "Lars Vikström"}),
        ("A phone call between Foreign Ministers Ines Duarte and Tomasz Nowicki took place on Monday.",
         {"Ines Duarte", "Tomasz Nowicki"}),
    ],
)
def test_noun_frames(text: str, names: set[str]) -> None:
    _expect(text, (names, "held"))


# ---- a later surname in a noun frame, possessive or capitalised at the sentence start ----------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kenyan Foreign Minister Rose Nyambura landed on Monday. Nyambura's talks with Thai Foreign "
         "Minister Anan Srisuk dwelt on rice exports.", {"Rose Nyambura", "Anan Srisuk"}),
        ("Belgian Prime Minister Joris van den Berg flew in on Sunday. Van den Berg's meeting with Irish "
         "Prime Minister Niamh Walsh ran late.", {"Joris van den Berg", "Niamh Walsh"}),
    ],
)
def test_surname_noun_frames(text: str, names: set[str]) -> None:
    _expect(text, (names, "held"))


# ---- two parties doing something during a meeting met there ---------------------------------
@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        ("Zambian President Mwila Banda and Malawian President Chikondi Phiri reviewed the railway "
         "project during a meeting in Lusaka.", {"Mwila Banda", "Chikondi Phiri"}, "held"),
        ("Norway and Iceland went over the fishing quotas in a video call on Tuesday.",
         {"Norway", "Iceland"}, "held"),
        ("Uruguay and Paraguay will take stock of the river treaty during talks in Asuncion next week.",
         {"Uruguay", "Paraguay"}, "planned"),
    ],
)
def test_coordinated_subject_during_a_meeting(text: str, names: set[str], status: str) -> None:
    _expect(text, (names, status))


@pytest.mark.parametrize("text", [
    "Envoy Lars Holm urged Sudan and Chad to settle the border row during talks in Geneva.",
    "Sudan and Chad were asked to raise the refugee question in talks next month.",
    "Norway and Iceland have never discussed the quotas during a meeting.",
])
def test_asked_or_never_during_a_meeting_is_no_meeting(text: str) -> None:
    assert _meetings(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ecuador's president hopes for a possible meeting between Colombian President Gustavo Petro and "
         "Venezuelan President Nicolas Maduro in the coming weeks.", {"Gustavo Petro", "Nicolas Maduro"}),
        ("Tanzanian President Samia Suluhu Hassan met Zambian President Hakainde Hichilema. The two leaders "
         "also discussed their planned summit in Lusaka.", {"Samia Suluhu Hassan", "Hakainde Hichilema"}),
    ],
)
def test_future_noun_frames_are_planned(text: str, names: set[str]) -> None:
    assert (frozenset(names), "planned") in _meetings(text)


def test_appositive_host_before_the_party() -> None:
    _expect("Later that day the Turkish president will meet with the summit's host, Kyrgyz President "
            "Sadyr Japarov.", ({"Sadyr Japarov", "Turkish president"}, "planned"))


def test_visit_by_to_country() -> None:
    _expect("The state visit by Indonesian President Prabowo Subianto to Japan produced several accords.",
            ({"Prabowo Subianto", "Japan"}, "held"))


def test_call_from() -> None:
    _expect("Qatari Emir Tamim bin Hamad Al Thani received a phone call from French President Emmanuel Macron.",
            ({"Tamim bin Hamad Al Thani", "Emmanuel Macron"}, "held"))


# ---- purpose clauses and visits -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Canadian Prime Minister Mark Carney will fly to Mexico City next week to meet President "
         "Claudia Sheinbaum.", {"Mark Carney", "Claudia Sheinbaum"}),
        ("Chinese Foreign Minister Wang Yi arrived in Islamabad on Sunday for talks with Pakistani Prime "
         "Minister Shehbaz Sharif.", {"Wang Yi", "Shehbaz Sharif"}),
        ("Prime Minister Anthony Albanese invited Vietnamese President Vo Van Thuong to visit Australia.",
         {"Vo Van Thuong", "Australia"}),
    ],
)
def test_purpose_clauses_are_planned(text: str, names: set[str]) -> None:
    found = _meetings(text)
    assert (frozenset(names), "planned") in found, found


@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        ("Japanese Prime Minister Shigeru Ishiba arrived in Manila on Tuesday for a two-day official visit.",
         {"Shigeru Ishiba", "Philippines"}, "held"),
        ("Brazilian President Luiz Inacio Lula da Silva will travel to Beijing next month for a state visit.",
         {"Luiz Inacio Lula da Silva", "China"}, "planned"),
    ],
)
def test_visit_to_a_country(text: str, names: set[str], status: str) -> None:
    _expect(text, (names, status))


# ---- summits -----------------------------------------------------------------------------
def test_leaders_attending_one_summit_meet() -> None:
    _expect("Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev attended the "
            "regional summit in Astana.", ({"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}, "held"))


def test_summit_attended_by() -> None:
    found = _meetings("The summit in Lusaka was also attended by Zambian President Hakainde Hichilema, "
                      "Malawian President Lazarus Chakwera and Tanzanian President Samia Suluhu Hassan.")
    assert found == [(frozenset({"Hakainde Hichilema", "Lazarus Chakwera", "Samia Suluhu Hassan"}), "held")]


# ---- cancelled and postponed ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Spanish Prime Minister Pedro Sanchez postponed his planned trip to Morocco because of the storm.",
         {"Pedro Sanchez", "Morocco"}),
        ("Ghana has called off the summit in Accra on Friday with Togolese President Faure Gnassingbe.",
         {"Ghana", "Faure Gnassingbe"}),
        ("Talks between Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti were "
         "postponed.", {"Aleksandar Vucic", "Albin Kurti"}),
    ],
)
def test_cancelled_meetings(text: str, names: set[str]) -> None:
    _expect(text, (names, "cancelled"))


# ---- dates and places -------------------------------------------------------------------------
def test_weekday_is_the_latest_such_day_and_place_is_not_a_participant() -> None:
    article = parse("Indian External Affairs Minister S. Jaishankar met Uzbek Foreign Minister Bakhtiyor "
                    "Saidov in Tashkent on Wednesday.", published=PUBLISHED)
    (meeting,) = article.meetings
    assert meeting.date is not None and meeting.date.value == "2024-05-08"
    assert meeting.location is not None and meeting.location.name == "Tashkent"


def test_future_weekday_for_a_planned_meeting() -> None:
    article = parse("Kenyan President William Ruto will meet Ethiopian Prime Minister Abiy Ahmed on Monday.",
                    published=PUBLISHED)
    (meeting,) = article.meetings
    assert meeting.status == "planned"
    assert meeting.date is not None and meeting.date.value == "2024-05-13"


# ---- one item per real-world meeting ------------------------------------------------------------
def test_country_and_its_leader_are_one_meeting() -> None:
    found = _meetings("Chilean President Gabriel Boric met Spanish Prime Minister Pedro Sanchez on Thursday. "
                      "Boric's visit to Spain is his first as president.")
    assert len(found) == 1 and {"Gabriel Boric", "Pedro Sanchez"} <= found[0][0], found


def test_two_persons_of_one_country_stay_two_meetings() -> None:
    found = _meetings("Chilean President Gabriel Boric met Spanish Prime Minister Pedro Sanchez on Thursday. "
                      "Boric also met Spanish King Felipe VI on Thursday.")
    assert (frozenset({"Gabriel Boric", "Pedro Sanchez"}), "held") in found
    assert len(found) == 2, found


def test_a_description_and_the_name_it_stands_for_are_one_meeting() -> None:
    found = _meetings("Brazilian Foreign Minister Mauro Vieira met his Chilean counterpart on Monday. "
                      "Vieira told reporters he had also met Chilean officials in Santiago on Monday.")
    assert len(found) == 1, found


@pytest.mark.parametrize(
    ("text", "meets"),
    [
        ("Iran said the date for the next round of talks with the United States had been set.", True),
        ("Iran called for a new round of talks with the United States.", False),
        ("The summit in Arusha brought together Kenyan President William Ruto and Ugandan President "
         "Yoweri Museveni.", True),
        ("A week after the summit, the flood brought together Kenyan President William Ruto and Ugandan "
         "President Yoweri Museveni.", False),
    ],
)
def test_talks_asked_for_and_meetings_that_bring_together(text: str, meets: bool) -> None:
    assert bool(parse(text, published=PUBLISHED).meetings) is meets


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Chilean President Gabriel Boric and Argentine President Javier Milei met on Sunday, the first time "
         "since Argentina closed a border crossing in Mendoza.", None),
        ("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on Monday, their first "
         "meeting since the clashes in Busia.", "Kampala"),
    ],
)
def test_a_place_in_a_since_clause_is_another_events(text: str, place: str | None) -> None:
    meetings = parse(text, published=PUBLISHED).meetings
    assert len(meetings) == 1
    assert (meetings[0].location.name if meetings[0].location else None) == place


def test_the_host_country_as_place_does_not_split_a_meeting_from_its_capital() -> None:
    found = _meetings("Ghanaian President John Mahama met Senegalese President Bassirou Diomaye Faye in "
                      "Dakar on Tuesday. Mahama's visit to Senegal was his first abroad this year.")
    assert len(found) == 1, found
    article = parse("Ghanaian President John Mahama met Senegalese President Bassirou Diomaye Faye in "
                    "Dakar on Tuesday. Mahama's visit to Senegal was his first abroad this year.",
                    published=PUBLISHED)
    assert article.meetings[0].location is not None and article.meetings[0].location.name == "Dakar"


def test_two_described_parties_of_different_countries_stay_two_meetings() -> None:
    found = _meetings("Brazilian Foreign Minister Mauro Vieira met Chilean officials on Monday. "
                      "Vieira also met Peruvian officials on Monday.")
    assert len(found) == 2, found


# ---- denials that run into the meeting noun, and sporting contests ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "There were no talks between Chilean President Ana Rojas and Bolivian President Luis Mamani.",
        "So far there has been no meeting between Chilean President Ana Rojas and Bolivian President Luis Mamani.",
        "Ghana will meet Morocco in the Africa Cup of Nations quarter-final in Abidjan on Sunday.",
        "Japan met Australia in a friendly match in Sydney on Tuesday.",
        "Norway and Sweden met in the handball championship in Oslo.",
        "The rivalry between presidents Amara Kone and Lars Vikström deepened last year.",
    ],
)
def test_denied_meetings_and_sports_fixtures_are_no_meeting(text: str) -> None:
    _expect(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a person meeting at a sporting event is still a meeting
        ("Chilean President Ana Rojas met Bolivian President Luis Mamani at the football final in Lima.",
         {"Ana Rojas", "Luis Mamani"}),
        # a cue well before the match speaks of something else
        ("Officials saw no deal on tariffs, and talks between Chile and Bolivia resumed on Monday.",
         {"Chile", "Bolivia"}),
    ],
)
def test_contest_and_denial_cues_keep_real_meetings(text: str, names: set[str]) -> None:
    _expect(text, (names, "held"))


# ---- a meeting inside a relative clause or an adverbial participle ---------------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Estonian Foreign Minister Maarja Tamm, who met Georgian Prime Minister Levan Beridze on Friday, "
         "said the visa talks would resume.", {"Maarja Tamm", "Levan Beridze"}),
        ("Shortly after meeting Omani Foreign Minister Salim Al-Harthi in Muscat, Latvian President Ilze "
         "Ozola flew home.", {"Salim Al-Harthi", "Ilze Ozola"}),
    ],
)
def test_relative_and_participle_clauses(text: str, names: set[str]) -> None:
    _expect(text, (names, "held"))


@pytest.mark.parametrize("text", [
    "After meeting the deadline on Monday, Finance Minister Ines Duarte said the budget was safe.",
    "Estonian Foreign Minister Maarja Tamm, who did not meet Georgian Prime Minister Levan Beridze, left early.",
])
def test_meeting_a_target_or_a_denied_meeting_is_no_meeting(text: str) -> None:
    assert _meetings(text) == []


# ---- venues by shape: a venue noun before its name, a body's headquarters, a common noun ----
@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Ghanaian President John Mahama received Ivorian President Alassane Ouattara at the Palazzo Chigi.",
         "Palazzo Chigi"),
        ("Brazilian President Luiz Inacio Lula da Silva hosted Chilean President Gabriel Boric at the Palácio "
         "da Alvorada on Tuesday.", "Palácio da Alvorada"),
        ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at the African Union "
         "headquarters in Addis Ababa.", "African Union headquarters"),
        ("Thai Prime Minister Srettha Thavisin held talks with Cambodian Prime Minister Hun Manet at the "
         "royal palace.", "royal palace"),
        ("Indian Prime Minister Narendra Modi received Nepalese Prime Minister Pushpa Kamal Dahal at his "
         "official residence on Monday.", "official residence"),
    ],
)
def test_venue_shapes_are_the_meeting_place(text: str, venue: str) -> None:
    article = parse(text, published=PUBLISHED)
    assert len(article.meetings) == 1
    location = article.meetings[0].location
    assert location is not None and location.name == venue and location.kind == "venue"


@pytest.mark.parametrize("text", [
    "Demonstrators gathered outside the presidential palace in Lima on Sunday.",
    "Colombian President Gustavo Petro gave a speech at the Casa Rosada.",
])
def test_a_venue_alone_is_no_meeting(text: str) -> None:
    assert parse(text, published=PUBLISHED).meetings == []


# ---- travel with a purpose clause: the person met, not the place visited -------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Turkish Foreign Minister Hakan Fidan will visit Geneva on Monday for talks with Russian Foreign "
         "Minister Sergei Lavrov.", {"Hakan Fidan", "Sergei Lavrov"}),
        ("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani flew to Cairo to hold talks with Egyptian "
         "President Abdel Fattah al-Sisi.", {"Mohammed bin Abdulrahman Al Thani", "Abdel Fattah al-Sisi"}),
        ("Japanese Foreign Minister Yoko Kamikawa arrived in Manila for a meeting with Philippine President "
         "Ferdinand Marcos Jr.", {"Yoko Kamikawa", "Ferdinand Marcos Jr"}),
    ],
)
def test_travel_for_talks_is_one_meeting_with_the_host(text: str, names: set[str]) -> None:
    _expect(text, (names, "planned"))


def test_partial_mention_by_a_participants_country_joins_and_gives_its_place() -> None:
    # "the government of Ethiopia held discussions" names one party, the country of a participant
    # of the meeting before it: it is that meeting, set in the place it names.
    article = parse("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday. "
                    "In Nakuru, the government of Ethiopia held discussions on trade.", published=PUBLISHED)
    [meeting] = article.meetings
    assert {_name(article, p) for p in meeting.participants} == {"William Ruto", "Abiy Ahmed"}
    assert meeting.location is not None and meeting.location.name == "Nakuru"


def test_next_day_counts_from_the_day_named_before() -> None:
    article = parse("Kenyan President William Ruto arrived in Addis Ababa on Monday. The next day, he held "
                    "talks with Ethiopian Prime Minister Abiy Ahmed.", published=PUBLISHED)
    [meeting] = article.meetings
    assert meeting.date is not None and meeting.date.value == "2024-05-07"


# ---- two days named for one pair: two meetings; consecutive days or a range: one -------------
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Chilean President Gabriel Boric and Bolivian President Luis Arce met in La Paz on 2 and 6 April.",
         ["2024-04-02", "2024-04-06"]),
        ("Chilean President Gabriel Boric held talks with Bolivian President Luis Arce on April 2 and 6.",
         ["2024-04-02", "2024-04-06"]),
        ("Chilean President Gabriel Boric spoke with Bolivian President Luis Arce on 2 April and again on 6 April.",
         ["2024-04-02", "2024-04-06"]),
        ("Chilean President Gabriel Boric and Bolivian President Luis Arce met in La Paz on 2 and 3 April.",
         ["2024-04-02"]),
        ("Chilean President Gabriel Boric held talks with Bolivian President Luis Arce from 2 to 6 April.",
         ["2024-04-02"]),
    ],
)
def test_days_apart_are_separate_meetings(text: str, days: list[str]) -> None:
    article = parse(text, published=PUBLISHED)
    assert sorted(m.date.value for m in article.meetings if m.date is not None) == days
    assert all({_name(article, p) for p in m.participants} == {"Gabriel Boric", "Luis Arce"}
               for m in article.meetings)


# ---- a with-phrase opening the sentence names whom the subject talked to ---------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("With his Bolivian counterpart Luis Arce, Chilean President Gabriel Boric discussed lithium exports.",
         "held"),
        ("With Bolivian President Luis Arce, Chilean President Gabriel Boric also reviewed the water dispute.",
         "held"),
        ("With Bolivian President Luis Arce, Chilean President Gabriel Boric will discuss port access.", "planned"),
        ("Speaking with Bolivian President Luis Arce by phone, Chilean President Gabriel Boric thanked him.",
         "held"),
        ("Talking with Bolivian President Luis Arce in Santiago, Chilean President Gabriel Boric praised the deal.",
         "held"),
    ],
)
def test_fronted_with_phrase_of_talking(text: str, status: str) -> None:
    _expect(text, ({"Gabriel Boric", "Luis Arce"}, status))


@pytest.mark.parametrize(
    "text",
    [
        "With Bolivian President Luis Arce's backing, Chilean President Gabriel Boric won the vote.",
        "With Bolivian President Luis Arce absent, Chilean President Gabriel Boric signed the decree.",
        "Speaking with reporters in Santiago, Chilean President Gabriel Boric praised the deal.",
    ],
)
def test_with_phrases_that_are_no_conversation(text: str) -> None:
    _expect(text)


# ---- a country's possessive with a bare apostrophe ("Laos' President") -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean President Gabriel Boric held separate meetings with Barbados' Prime Minister Mia Mottley "
         "and Foreign Minister Kerrie Symmonds.",
         [({"Gabriel Boric", "Mia Mottley"}, "held"), ({"Gabriel Boric", "Kerrie Symmonds"}, "held")]),
        ("Chilean President Gabriel Boric met Barbados’ Prime Minister Mia Mottley in Bridgetown.",
         [({"Gabriel Boric", "Mia Mottley"}, "held")]),
    ],
)
def test_bare_apostrophe_possessive_of_a_country(text: str, expected: list[tuple[set[str], str]]) -> None:
    _expect(text, *expected)


@pytest.mark.parametrize(("text", "status"), [
    # a future main clause after "after/following" + meeting noun: the meeting is ahead too
    ("After talks with Indonesian President Joko Widodo next week, Canadian Prime Minister Justin Trudeau will fly to Manila.",
     "planned"),
    ("Following his meeting with Indonesian President Joko Widodo on Friday, Trudeau will travel to Seoul.", "planned"),
    # a reporting verb before it: the clause looks back on the talks, the future is what was said
    ("Trudeau told reporters after talks with Indonesian President Joko Widodo that exports would rise.", "held"),
    # 'be' + infinitive of a visit verb is an arrangement still ahead
    ("French President Emmanuel Macron is to pay a state visit to Ghana next month.", "planned"),
])
def test_status_after_a_meeting_noun(text: str, status: str) -> None:
    found = parse(text, published=PUBLISHED).meetings
    assert found and all(m.status == status for m in found)


def test_call_for_a_duration_is_a_call() -> None:
    found = parse("Blinken had a call for about 30 minutes with Wang Yi", published=PUBLISHED).meetings
    assert [m.kind for m in found] == ["call"]
