"""The event export: the PLOVER/CAMEO mapping table, case by case, and the seed article."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import diplonews
from diplonews.cli import main
from diplonews.events import CAMEO_TO_PLOVER, Event, batch_events, to_events
from diplonews.model import (
    Actor,
    Agreement,
    Article,
    DateValue,
    Demand,
    Evidence,
    Meeting,
    Place,
    Statement,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-xi-beijing.txt"

ACTORS = [
    Actor(id="united-states", name="United States", kind="country"),
    Actor(id="china", name="China", kind="country"),
    Actor(id="france", name="France", kind="country"),
    Actor(id="blinken", name="Antony Blinken", kind="person", country="united-states"),
    Actor(id="wang", name="Wang Yi", kind="person", country="china"),
    Actor(id="macron", name="Emmanuel Macron", kind="person", country="france"),
    Actor(id="mfa", name="Foreign Ministry", kind="organization", country="china"),
    Actor(id="mao", name="Mao Ning", kind="person", affiliation="mfa"),
    Actor(id="guterres", name="António Guterres", kind="person"),
]
EV = [Evidence(start=0, end=4, text="They met in Paris.", rule="r.test")]


def article(**items: object) -> Article:
    return Article(text="x", published=dt.date(2023, 6, 20), actors=ACTORS, **items)  # type: ignore[arg-type]


def meeting(participants: list[str], *, kind: str = "meeting", status: str = "held",
            place: str | None = None, broader: list[str] | None = None, date: DateValue | None = None) -> Meeting:
    location = Place(name=place, kind="city", broader=broader or []) if place else None
    return Meeting(rule="r.test", evidence=EV, participants=participants, kind=kind,
                   status=status, location=location, date=date)  # type: ignore[arg-type]


def by_pair(events: list[Event]) -> dict[tuple[str, str | None], Event]:
    return {(e.actor.id, e.recipient.id if e.recipient else None): e for e in events}


# (participants, kind, status, place, broader) -> {(source, target): (cameo, event, mode)}
MEETING_CASES = [
    pytest.param(["blinken", "wang"], "meeting", "held", None, None,
                 {("blinken", "wang"): ("040", "CONSULT", None), ("wang", "blinken"): ("040", "CONSULT", None)},
                 id="no-place-consult"),
    pytest.param(["blinken", "wang"], "call", "held", "Beijing", None,
                 {("blinken", "wang"): ("041", "CONSULT", "phone"), ("wang", "blinken"): ("041", "CONSULT", "phone")},
                 id="call-is-phone-even-with-place"),
    pytest.param(["blinken", "wang"], "talks", "held", "Beijing", None,
                 {("blinken", "wang"): ("042", "CONSULT", "visit"), ("wang", "blinken"): ("043", "CONSULT", "host")},
                 id="capital-of-target-is-visit"),
    pytest.param(["blinken", "wang"], "talks", "held", "Great Hall of the People", ["Beijing", "China"],
                 {("blinken", "wang"): ("042", "CONSULT", "visit"), ("wang", "blinken"): ("043", "CONSULT", "host")},
                 id="venue-resolved-through-broader"),
    pytest.param(["blinken", "wang"], "talks", "held", "Paris", None,
                 {("blinken", "wang"): ("044", "CONSULT", "third-party"),
                  ("wang", "blinken"): ("044", "CONSULT", "third-party")},
                 id="third-country-location"),
    pytest.param(["blinken", "wang"], "meeting", "held", "Great Hall of the People", None,
                 {("blinken", "wang"): ("040", "CONSULT", None), ("wang", "blinken"): ("040", "CONSULT", None)},
                 id="unknown-venue-is-plain-consult"),
    pytest.param(["blinken", "guterres"], "meeting", "held", "Beijing", None,
                 {("blinken", "guterres"): ("040", "CONSULT", None), ("guterres", "blinken"): ("040", "CONSULT", None)},
                 id="stateless-participant-no-visit-inferred"),
    pytest.param(["blinken", "wang"], "visit", "planned", "Beijing", None,
                 {("blinken", "wang"): ("036", "AGREE", None), ("wang", "blinken"): ("036", "AGREE", None)},
                 id="planned-is-intent-to-meet"),
    pytest.param(["blinken"], "visit", "held", None, None,
                 {("blinken", None): ("040", "CONSULT", None)},
                 id="single-participant-no-recipient"),
]


@pytest.mark.parametrize(("participants", "kind", "status", "place", "broader", "expected"), MEETING_CASES)
def test_meeting_mapping(participants: list[str], kind: str, status: str, place: str | None,
                         broader: list[str] | None, expected: dict[tuple[str, str | None], tuple[str, str, str | None]]
                         ) -> None:
    events = to_events(article(meetings=[meeting(participants, kind=kind, status=status, place=place,
                                                 broader=broader)]))
    got = {pair: (e.cameo, e.event, e.mode) for pair, e in by_pair(events).items()}
    assert got == expected
    assert all(e.item_kind == "meeting" and e.content == kind for e in events)


def test_multilateral_meeting_emits_every_ordered_pair() -> None:
    events = to_events(article(meetings=[meeting(["blinken", "wang", "macron"], kind="summit", place="Paris")]))
    assert len(events) == 6
    assert {(e.cameo, e.event, e.mode) for e in events} == {("040", "CONSULT", "multilateral")}
    assert len({e.id for e in events}) == 6


def test_multilateral_call_stays_phone() -> None:
    events = to_events(article(meetings=[meeting(["blinken", "wang", "macron"], kind="call")]))
    assert {(e.cameo, e.mode) for e in events} == {("041", "phone")}


def test_cancelled_meeting_yields_no_event() -> None:
    assert to_events(article(meetings=[meeting(["blinken", "wang"], status="cancelled")])) == []


def test_meeting_date_from_item_else_publication() -> None:
    dated = meeting(["blinken", "wang"], date=DateValue(value="2023-06", precision="month", text="in June",
                                                         relative=False))
    undated = meeting(["blinken", "wang"])
    unresolved = meeting(["blinken", "wang"], date=DateValue(value=None, precision="day", text="yesterday",
                                                              relative=True))
    events = to_events(article(meetings=[dated, undated, unresolved]))
    dates = {(e.id.split(":")[1], e.date, e.date_precision, e.date_source) for e in events}
    assert dates == {("meeting0", "2023-06", "month", "item"), ("meeting1", "2023-06-20", "day", "published"),
                     ("meeting2", "2023-06-20", "day", "published")}


def test_no_publication_date_and_no_item_date_is_null() -> None:
    art = Article(text="x", actors=ACTORS, meetings=[meeting(["blinken", "wang"])])
    assert {(e.date, e.date_precision, e.date_source) for e in to_events(art)} == {(None, None, None)}


@pytest.mark.parametrize(("status", "cameo", "event"), [
    ("reached", "030", "AGREE"), ("reaffirmed", "030", "AGREE"), ("planned", "030", "AGREE"),
    ("signed", "057", "SUPPORT"),
])
def test_agreement_mapping(status: str, cameo: str, event: str) -> None:
    agreement = Agreement(rule="r.test", evidence=EV, parties=["blinken", "wang"], content="a ceasefire",
                          status=status)  # type: ignore[arg-type]
    events = to_events(article(agreements=[agreement]))
    assert set(by_pair(events)) == {("blinken", "wang"), ("wang", "blinken")}
    assert {(e.cameo, e.event, e.content, e.date_source) for e in events} == {
        (cameo, event, "a ceasefire", "published")}


@pytest.mark.parametrize("polarity", ["positive", "negative"])
def test_demand_is_request_from_demander_to_addressee(polarity: str) -> None:
    demand = Demand(rule="r.test", evidence=EV, demander="wang", addressee="united-states",
                    action="lift sanctions", polarity=polarity)  # type: ignore[arg-type]
    [event] = to_events(article(demands=[demand]))
    assert (event.event, event.cameo, event.mode) == ("REQUEST", "100", None)
    assert (event.actor.code, event.recipient and event.recipient.code) == ("CHNGOV", "USA")
    assert event.content == "lift sanctions"


def test_item_without_known_source_yields_nothing() -> None:
    demand = Demand(rule="r.test", evidence=EV, demander=None, addressee="china", action="talk")
    statement = Statement(rule="r.test", evidence=EV, speaker="nobody", content="hi", kind="direct")
    assert to_events(article(demands=[demand], statements=[statement])) == []


def test_statement_is_cameo_010_and_can_be_left_out() -> None:
    statement = Statement(rule="r.test", evidence=EV, speaker="mao", content="Taiwan is part of China",
                          kind="indirect", verb="said", addressee="united-states")
    [event] = to_events(article(statements=[statement]))
    assert (event.event, event.cameo, event.recipient and event.recipient.id) == ("STATEMENT", "010", "united-states")
    # Mao Ning has no country of her own; her ministry's country codes her.
    assert (event.actor.country, event.actor.code) == ("CHN", "CHNGOV")
    assert to_events(article(statements=[statement]), include_statements=False) == []


@pytest.mark.parametrize(("actor_id", "country", "code"), [
    ("united-states", "USA", "USA"), ("china", "CHN", "CHN"), ("blinken", "USA", "USAGOV"),
    ("mfa", "CHN", "CHNGOV"), ("mao", "CHN", "CHNGOV"), ("guterres", None, None),
])
def test_actor_codes_come_from_the_gazetteer(actor_id: str, country: str | None, code: str | None) -> None:
    demand = Demand(rule="r.test", evidence=EV, demander=actor_id, addressee=None, action="act")
    [event] = to_events(article(demands=[demand]))
    assert (event.actor.country, event.actor.code, event.recipient) == (country, code, None)


def test_ids_evidence_rule_and_article_id() -> None:
    art = article(demands=[Demand(rule="demand.x", evidence=EV, demander="wang", addressee="china", action="a")])
    [named] = to_events(art, article_id="doc-7")
    assert (named.id, named.article_id, named.evidence, named.rule) == (
        "doc-7:demand0:wang>china", "doc-7", "They met in Paris.", "demand.x")
    [anonymous] = to_events(art)
    assert len(anonymous.article_id) == 12 and anonymous.id.startswith(anonymous.article_id + ":")


def test_every_emitted_code_is_in_the_crosswalk() -> None:
    for cameo, (event, _mode) in CAMEO_TO_PLOVER.items():
        assert len(cameo) == 3 and cameo.isdigit() and event.isupper()


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    return diplonews.parse(SEED.read_text(encoding="utf-8"), published=dt.date(2023, 6, 20)).to_events(
        article_id="seed")


def test_seed_blinken_xi_consult(seed_events: list[Event]) -> None:
    consults = [e for e in seed_events if e.event == "CONSULT" and {e.actor.name, e.recipient and e.recipient.name}
                == {"Antony Blinken", "Xi Jinping"}]
    assert {(e.actor.country, e.recipient and e.recipient.country) for e in consults} == {("USA", "CHN"),
                                                                                            ("CHN", "USA")}
    assert {(e.date, e.date_source) for e in consults} == {("2023-06-19", "item")}
    assert all(e.cameo.startswith("04") and "Blinken" in (e.evidence or "") for e in consults)


def test_seed_wang_yi_demands_lifting_sanctions(seed_events: list[Event]) -> None:
    requests = [e for e in seed_events if e.event == "REQUEST" and e.actor.name == "Wang Yi"]
    assert requests and all(e.cameo == "100" and e.actor.code == "CHNGOV" for e in requests)
    lift = [e for e in requests if "lift illegal unilateral sanctions against China" in (e.content or "")]
    assert len(lift) == 1
    assert lift[0].recipient is not None and lift[0].recipient.code == "USA"
    assert (lift[0].date, lift[0].date_source) == ("2023-06-20", "published")


def test_seed_agreements(seed_events: list[Event]) -> None:
    agree = [e for e in seed_events if e.event == "AGREE" and e.item_kind == "agreement"]
    stabilize = [e for e in agree if "stabilize" in (e.content or "")]
    assert {(e.actor.name, e.recipient and e.recipient.name) for e in stabilize} == {
        ("Antony Blinken", "Xi Jinping"), ("Xi Jinping", "Antony Blinken")}
    assert all(e.cameo == "030" for e in agree)


def test_seed_events_are_json_serializable(seed_events: list[Event]) -> None:
    for event in seed_events:
        assert Event.model_validate_json(event.model_dump_json()) == event
    assert len({e.id for e in seed_events}) == len(seed_events)


def test_batch_events_flag_writes_event_lines(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out, events_path = tmp_path / "out.jsonl", tmp_path / "events.jsonl"
    assert main(["batch", str(folder), str(out), "--quiet", "--events", str(events_path)]) == 0
    lines = [json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines()]
    assert lines and {line["article_id"] for line in lines} == {"seed"}
    assert {line["event"] for line in lines} >= {"CONSULT", "REQUEST", "AGREE"}
    assert [e.model_dump(mode="json") for e in batch_events(out)] == lines
