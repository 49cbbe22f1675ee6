"""Demand constructions, each with fresh sentences in several wordings and negatives beside them.

The sentences are written for these tests (other people, countries and verbs than any article
the rules were developed on), so they check a construction, not a text.
"""

from __future__ import annotations

from typing import Any

import pytest

from diplonews import Parser
from diplonews.testing import assert_extracts, assert_not_extracts

PARSER = Parser.default()


def _demands(text: str) -> list[Any]:
    return PARSER.parse(text).demands


# ---- verb groups of the demand class, in every tense and aspect -----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kenya is urging Somalia to reopen its border with Ethiopia.",
        "Kenya had urged Somalia to reopen its border with Ethiopia.",
        "Kenya will press Somalia to reopen its border with Ethiopia.",
        "Kenya continues to urge Somalia to reopen its border with Ethiopia.",
        "Kenya has repeatedly called on Somalia to reopen its border with Ethiopia.",
        "Kenya is expected to ask Somalia to reopen its border with Ethiopia.",
        "Kenya wants Somalia to reopen its border with Ethiopia.",
        "Kenya expects Somalia to reopen its border with Ethiopia.",
        "Kenya appealed to Somalia to reopen its border with Ethiopia.",
    ],
)
def test_demand_verb_groups(text: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": "Kenya", "addressee": "Somalia", "action": "reopen its border with Ethiopia"}])


@pytest.mark.parametrize(
    "text",
    [
        "Kenya did not urge Somalia to reopen its border with Ethiopia.",
        "Kenya never asked Somalia to reopen its border with Ethiopia.",
        "Kenya invited Somalia to attend the summit in Nairobi.",
        "Kenya summoned Somalia's ambassador to protest the incident.",
        "Kenya pressed ahead with plans to reopen its border with Ethiopia.",
        "Kenya welcomed efforts to reopen the border with Ethiopia.",
        # a text that is vetoed or debated, not issued, demands nothing
        "Russia vetoed a resolution demanding that Ukraine release the detained traders.",
        "The council debated a resolution calling for the release of the detained traders.",
    ],
)
def test_not_a_demand(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])


# ---- addressees that are no known actor: a group head after the demand verb is the addressee ----
@pytest.mark.parametrize(
    ("text", "demander", "addressee", "action"),
    [
        ("Ghana urged all sides to observe the truce.", "Ghana", None, "observe the truce"),
        ("Peru called on the rival factions to lay down their arms.", "Peru", "rival factions",
         "lay down their arms"),
        ("Norway asked both parties to return to the negotiating table.", "Norway", "parties",
         "return to the negotiating table"),
        ("Chile told the protest leaders to clear the highway.", "Chile", "protest leaders", "clear the highway"),
    ],
)
def test_descriptive_addressee_keeps_the_demand(text: str, demander: str, addressee: str | None,
                                                action: str) -> None:
    article = assert_extracts(text, parser=PARSER, demands=[{"demander": demander, "action": action}])
    names = {(found.name if (found := article.actor(d.addressee)) else None) for d in article.demands}
    assert names == {addressee}


def test_first_of_several_addressees() -> None:
    assert_extracts("Japan urged both Cambodia and Thailand to withdraw their troops from the temple.",
                    parser=PARSER, demands=[{"demander": "Japan", "addressee": "Cambodia",
                                             "action": "withdraw their troops from the temple"}])


def test_actor_then_description() -> None:
    assert_extracts("Ireland called on Israel and other parties to allow aid into the enclave.",
                    parser=PARSER, demands=[{"demander": "Ireland", "addressee": "Israel",
                                             "action": "allow aid into the enclave"}])


# ---- polarity: "not to", "warned X against" -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "addressee", "action"),
    [
        ("Poland warned Belarus against staging provocations on the frontier.", "Belarus",
         "not staging provocations on the frontier"),
        ("Egypt cautioned Ethiopia against filling the reservoir without a deal.", "Ethiopia",
         "not filling the reservoir without a deal"),
        ("Vietnam urged China not to deploy more vessels near the islands.", "China",
         "not to deploy more vessels near the islands"),
    ],
)
def test_negative_demands(text: str, addressee: str, action: str) -> None:
    article = assert_extracts(text, parser=PARSER, demands=[{"addressee": addressee, "action": action}])
    assert article.demands[0].polarity == "negative"


# ---- passives ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Ecuador was urged by Colombia to tighten controls at the border.",
        "Ecuador has been asked by Colombia to tighten controls at the border.",
        "Ecuador is being pressed by Colombia to tighten controls at the border.",
    ],
)
def test_passive_with_agent(text: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": "Colombia", "addressee": "Ecuador", "action": "tighten controls at the border"}])


# ---- "X told Y (that) it must …" ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The World Bank told Ghana it must cut its budget deficit.",
        "The World Bank told Ghana that it should cut its budget deficit.",
        "The World Bank reminded Ghana that it must cut its budget deficit.",
    ],
)
def test_told_it_must(text: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": "World Bank", "addressee": "Ghana", "action": "cut its budget deficit"}])


# ---- reported speech with a modal, anywhere in the sentence or attributed at its end ----------------------
@pytest.mark.parametrize(
    ("text", "demander", "addressee", "action"),
    [
        ("Foreign Minister Ana Ruiz said Ecuador must honour the fishing accord.", "Ana Ruiz", "Ecuador",
         "honour the fishing accord"),
        ("Foreign Minister Ana Ruiz said on Monday that Ecuador should honour the fishing accord.", "Ana Ruiz",
         "Ecuador", "honour the fishing accord"),
        ("Ethiopia must pull its troops out of the border town, Foreign Minister Ahmed Fiqi said.", "Ahmed Fiqi",
         "Ethiopia", "pull its troops out of the border town"),
        ("Serbia needs to recognise the election results, Chancellor Olaf Scholz said on Friday.", "Scholz",
         "Serbia", "recognise the election results"),
    ],
)
def test_modal_in_reported_speech(text: str, demander: str, addressee: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": demander, "addressee": addressee, "action": action}])


def test_modal_with_a_thing_as_subject_has_no_addressee() -> None:
    article = assert_extracts("Prime Minister Luis Montenegro said the fishing accord should be renewed quickly.",
                              parser=PARSER, demands=[{"demander": "Montenegro", "action": "be renewed quickly"}])
    assert article.demands[0].addressee is None


@pytest.mark.parametrize(
    "text",
    ["Foreign Minister Ana Ruiz said she must leave for Quito tonight.",
     "Foreign Minister Ana Ruiz said we should be proud of the result."],
)
def test_own_obligation_is_not_a_demand(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])


# ---- participles and coordinated demand verbs: the sentence's subject demands --------------------------------
@pytest.mark.parametrize(
    ("text", "demander", "addressee", "action"),
    [
        ("The Arab League said it was alarmed by the shelling, calling on Israel to pull back from the city.",
         "Arab League", "Israel", "pull back from the city"),
        ("Canada condemned the raid and urged Venezuela to free the detained reporters.", "Canada", "Venezuela",
         "free the detained reporters"),
        ("Brazil issued a statement urging Paraguay to release the seized cargo.", "Brazil", "Paraguay",
         "release the seized cargo"),
    ],
)
def test_participle_demands(text: str, demander: str, addressee: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": demander, "addressee": addressee, "action": action}])


def test_participle_that_clause_is_split() -> None:
    assert_extracts(
        "The African Union condemned the attacks, demanding that all militias immediately disarm and leave "
        "the camps.", parser=PARSER,
        demands=[{"demander": "African Union", "action": "immediately disarm"},
                 {"demander": "African Union", "action": "leave the camps"}])


# ---- conjunctions of actions -------------------------------------------------------------------------
def test_verbal_conjunction_splits() -> None:
    assert_extracts(
        "Germany urged Russia to halt the strikes, pull its forces back and compensate the victims.",
        parser=PARSER,
        demands=[{"action": "halt the strikes"}, {"action": "pull its forces back"},
                 {"action": "compensate the victims"}])


def test_infinitive_inside_an_action_is_not_split() -> None:
    article = assert_extracts("Mexico asked Cuba to work with Haiti to secure the ports and avoid new clashes.",
                              parser=PARSER, demands=[{"action": "work with Haiti to secure the ports"}])
    assert len(article.demands) == 1


def test_nominal_list_splits() -> None:
    assert_extracts(
        "Austria called for an immediate truce, the release of all hostages and for talks on a lasting settlement.",
        parser=PARSER,
        demands=[{"action": "an immediate truce"}, {"action": "the release of all hostages"},
                 {"action": "talks on a lasting settlement"}])


def test_nominal_object_of_an_infinitive_stays_whole() -> None:
    article = PARSER.parse("Uruguay called for dialogue between the two capitals to secure calm, the rule of "
                           "law and the return of refugees.")
    assert [d.action for d in article.demands] == [
        "dialogue between the two capitals to secure calm, the rule of law and the return of refugees"]


# ---- nominal demands -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "demander", "action"),
    [
        ("Jordan called for an immediate halt to the bombardment.", "Jordan", "an immediate halt to the bombardment"),
        ("Norway is pressing for a swift return to talks.", "Norway", "a swift return to talks"),
        ("Foreign Minister Penny Wong again voiced her call for the swift release of the detained journalist.",
         "Penny Wong", "the swift release of the detained journalist"),
        ("Finland reiterated Estonia's main demand: that the pipeline be inspected jointly.", "Finland",
         "the pipeline be inspected jointly"),
        ("Senegal called for the detained activists to be freed at once.", "Senegal", "be freed at once"),
    ],
)
def test_nominal_demands(text: str, demander: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"demander": demander, "action": action}])


def test_a_halt_to_is_not_an_addressee() -> None:
    article = PARSER.parse("Jordan called for a halt to the shelling.")
    assert [(d.action, d.addressee) for d in article.demands] == [("a halt to the shelling", None)]


# ---- calls inside quotations, by the quotation's speaker ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "“We urge Tehran to resume full cooperation with the inspectors,” Foreign Minister Ana Ruiz said.",
        "“We expect Tehran to resume full cooperation with the inspectors,” Foreign Minister Ana Ruiz said.",
        "“As partners, we call on Tehran to resume full cooperation with the inspectors,” "
        "Foreign Minister Ana Ruiz said.",
    ],
)
def test_quoted_we_urge(text: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": "Ana Ruiz", "addressee": "Iran", "action": "resume full cooperation with the inspectors"}])


def test_demanded_words_in_a_quotation() -> None:
    assert_extracts("Foreign Minister Ana Ruiz pressed Caracas “to free every political prisoner without delay.”",
                    parser=PARSER, demands=[{"demander": "Ana Ruiz", "addressee": "Venezuela",
                                             "action": "free every political prisoner without delay"}])


# ---- what trails an action is not part of it ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Tanzania urged Burundi to reopen the crossing, according to a statement released on Sunday.",
        "Tanzania urged Burundi to reopen the crossing, the foreign ministry said.",
        "Tanzania urged Burundi to reopen the crossing, in order to ease the movement of traders.",
        # a second verb phrase of the demander's own
        "Tanzania urged Burundi to reopen the crossing, and pointed to the losses of traders on both sides.",
        "Tanzania urged Burundi to reopen the crossing, and also criticized the delays at the port.",
    ],
)
def test_trailing_attribution_is_trimmed(text: str) -> None:
    actions = [d.action for d in _demands(text)]
    assert actions == ["reopen the crossing"]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The senator called for an independent inquiry into the shooting, and later praised the police chief.",
         "an independent inquiry into the shooting"),
        # base verbs coordinated inside the action stay in it
        ("The union urged Kenya to reopen the plant and rehire the workers.", "reopen the plant and rehire the workers"),
        # a base verb in -eed and a participle continuing a passive action stay in it too
        ("The envoy urged the parties to sign the ceasefire, and proceed to talks on a settlement.",
         "sign the ceasefire, and proceed to talks on a settlement"),
        ("Qatar called for the hostages to be freed, and returned to their families.",
         "be freed, and returned to their families"),
    ],
)
def test_second_verb_phrase_ends_the_action(text: str, action: str) -> None:
    assert [d.action for d in _demands(text)] == [action]


# ---- "expect" demands of actors, forecasts of things ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Brazil expects inflation to ease next year.",
     "Chile expects copper prices to recover by the spring."],
)
def test_expecting_a_thing_is_a_forecast(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])


def test_said_it_expects_an_actor_to() -> None:
    assert_extracts("The African Union said it expects Sudan to return to the talks in Jeddah.",
                    parser=PARSER, demands=[{"demander": "African Union", "addressee": "Sudan",
                                             "action": "return to the talks in Jeddah"}])


# ---- the one a thing is demanded from is the addressee ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "addressee", "action"),
    [
        ("Ghana sought firm guarantees from Togo on the safety of its traders.", "Togo",
         "firm guarantees from Togo on the safety of its traders"),
        ("Morocco demanded an explanation from Algeria over the closure of the airspace.", "Algeria",
         "an explanation from Algeria over the closure of the airspace"),
    ],
)
def test_demanded_from(text: str, addressee: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"addressee": addressee, "action": action}])


# ---- a demand relayed through another clause after the reporting verb ----------------------------------------
def test_relayed_modal() -> None:
    assert_extracts("Mercosur said its presidents met in Asuncion and agreed that Venezuela must release the "
                    "opposition leaders.", parser=PARSER,
                    demands=[{"demander": "Mercosur", "addressee": "Venezuela",
                              "action": "release the opposition leaders"}])


def test_a_call_for_calm_and_a_demand_verb_after_it() -> None:
    assert_extracts("Qatar called for calm on both sides and urged Israel to allow fuel into the territory.",
                    parser=PARSER,
                    demands=[{"demander": "Qatar", "action": "calm on both sides"},
                             {"demander": "Qatar", "addressee": "Israel", "action": "allow fuel into the territory"}])


@pytest.mark.parametrize(
    ("text", "demander", "actions"),
    [
        ("Nigeria's repeated calls for the rebels to lay down their arms went unanswered.", "Nigeria",
         ["lay down their arms"]),
        ("The summit came after the ECOWAS deadline for the coup leaders to release the president and restore order.",
         "ECOWAS", ["release the president", "restore order"]),
    ],
)
def test_nominal_demand_of_someone(text: str, demander: str, actions: list[str]) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"demander": demander, "action": a} for a in actions])


def test_nominal_without_demander_is_not_a_demand() -> None:
    assert_not_extracts("The deadline for the rebels to lay down their arms passed quietly.", parser=PARSER,
                        demands=[{}])


@pytest.mark.parametrize(
    ("text", "addressee", "action"),
    [
        ("Fiji asked Australia for more patrol boats to guard its fisheries.", "Australia",
         "more patrol boats to guard its fisheries"),
        ("Kenya pressed Uganda for answers on the missing activists.", "Uganda", "answers on the missing activists"),
    ],
)
def test_asked_someone_for(text: str, addressee: str, action: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[{"addressee": addressee, "action": action}])


@pytest.mark.parametrize(
    "text",
    ["Foreign Minister Ana Ruiz thanked Peru for its support.",
     "Strong demand pushed prices to record highs, Foreign Minister Ana Ruiz said."],
)
def test_not_asking(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{}])


# ---- 'joined X in urging …' and 'adopted a resolution calling on …' ----------------------------------
@pytest.mark.parametrize(
    ("text", "demanders"),
    [
        ("Ghana joined Togo in urging Burkina Faso to release the detained traders.", ["Ghana", "Togo"]),
        ("Estonia has joined Latvia and Lithuania in calling on Belarus to release the detained traders.",
         ["Estonia", "Latvia", "Lithuania"]),
        ("The African Union adopted a resolution urging Sudan to release the detained traders.", ["African Union"]),
        ("Norway issued a statement calling on Russia to release the detained traders.", ["Norway"]),
        ("Chile has passed a motion demanding that Bolivia release the detained traders.", ["Chile"]),
    ],
)
def test_joined_in_and_adopted_text(text: str, demanders: list[str]) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": name, "action": "release the detained traders"} for name in demanders])


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the first actor is the object of a preposition or of another verb: it demands nothing
        ("Talks between Ghana and Togo called on Burkina Faso to release the detained traders.", "Ghana"),
        ("Kenya hosted Sudan and Ethiopia urged Eritrea to release the detained traders.", "Sudan"),
        ("A letter from Chile and Peru asked Bolivia to release the detained traders.", "Chile"),
    ],
)
def test_coordinated_demanders_not_objects(text: str, absent: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{"demander": absent}])


def test_two_titles_of_one_person_are_one_demander() -> None:
    text = "Ghanaian Foreign Minister and Regional Bloc Chair Kofi Mensah has called for regional unity."
    assert_not_extracts(text, parser=PARSER, demands=[{"demander": "Ghanaian Foreign Minister"}])


def test_listed_apposition_is_no_joint_subject() -> None:
    text = ("The envoys of five states, including Ghana, Togo, Benin and Niger, issued a joint statement "
            "urging Mali to release the detained traders.")
    for name in ("Togo", "Benin", "Niger"):
        assert_not_extracts(text, parser=PARSER, demands=[{"demander": name}])


# ---- communiqué reports: gatherings that speak, described addressees ------------------------------
@pytest.mark.parametrize(
    ("text", "demander"),
    [
        ("The East African Community held a summit in Arusha. The summit urged Burundi to free the detained reporters.",
         "East African Community"),
        ("Leaders gathered in Lusaka for a summit of the African Union. The summit urged Burundi to free the detained "
         "reporters.", "African Union"),
        ("The 12th ECOWAS Summit opened in Abuja on Sunday. The summit urged Burundi to free the detained reporters.",
         "Economic Community of West African States"),
    ],
)
def test_gathering_speaks_for_the_body_it_was_named_with(text: str, demander: str) -> None:
    assert_extracts(text, parser=PARSER, demands=[
        {"demander": demander, "addressee": "Burundi", "action": "free the detained reporters"}])


@pytest.mark.parametrize(
    "text",
    [
        "Tanzania hosted a summit attended by the African Union. The summit urged Burundi to free the detained reporters.",
        "Leaders met in Arusha to discuss the future of the African Union. The summit urged Burundi to free the detained "
        "reporters.",
        "Representatives of the African Union attended the conference. The conference urged Burundi to free the detained "
        "reporters.",
    ],
)
def test_gathering_not_named_with_a_body_speaks_for_none(text: str) -> None:
    assert_not_extracts(text, parser=PARSER, demands=[{"demander": "African Union"}])


@pytest.mark.parametrize("participle", ["concerned", "involved"])
def test_described_addressee_with_a_participle(participle: str) -> None:
    assert_extracts(f"The African Union urged all parties {participle} to free the detained reporters.", parser=PARSER,
                    demands=[{"demander": "African Union", "addressee": "parties",
                              "action": "free the detained reporters"}])
