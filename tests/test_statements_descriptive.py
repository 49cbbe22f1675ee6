"""Statements whose speaker no gazetteer knows, and quotations typed the way copy types them.

Issue 16: a descriptive phrase next to a reporting verb ("officials said", "the ministry said",
"a senior aide told reporters") is a speaker; the reporting forms around it ("according to",
"in a statement", trailing adjuncts) must leave the reported clause clean; and quotation marks
bent by typewriters or other languages' conventions still quote. Every sentence is written for
this file; none comes from a corpus.
"""

from __future__ import annotations

import pytest

import diplonews
from _speech import quoted, said


# ---- quotation marks as copy types them -----------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # two apostrophes stand for one double mark
    ("''We will keep the plant open. Jobs come first,'' the chairman said.",
     ["We will keep the plant open. Jobs come first,"]),
    ("The union called the offer ''an insult to nurses'' and walked out.", ["an insult to nurses"]),
    # low-9 opening, closed by the mark English uses to open
    ("\u201eWir bleiben hier\u201c, sagte der Sprecher.", ["Wir bleiben hier"]),
    ("The bank wrote that it \u201ewill not raise fees this year\u201c and left it there.",
     ["will not raise fees this year"]),
    # a closing mark set as an opening one (after a space or colon, touching the next word)
    ("The chairman said: \u201dWe will strike on Monday.\u201d Talks resume today.",
     ["We will strike on Monday."]),
    ("The plant stays open, \u201dfor now\u201d, the owner said.", ["for now"]),
    # a colon announces a quotation whose opening mark was lost
    ("\u201cWe won,\u201d the captain said. She added: We will win again next season.\u201d",
     ["We won,", "We will win again next season."]),
])
def test_bent_quotation_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "The shop's owner said the owners' meeting was cancelled.",
    "He scored in the '90s and the '00s.",
])
def test_apostrophes_are_no_quotation(text: str) -> None:
    assert quoted(text) == []


# ---- descriptive speakers -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("The harbour will stay closed until the storm passes, port officials said.",
     [("port officials", "indirect", "The harbour will stay closed until the storm passes")]),
    ("Two senior diplomats told reporters the vote had been postponed.",
     [("two senior diplomats", "indirect", "the vote had been postponed")]),
    # two modifiers joined by "and"; states named by what they are
    ("Foreign and finance ministers of the bloc said the talks would resume in June.",
     [("foreign and finance ministers of the bloc", "indirect", "the talks would resume in June")]),
    ("Western countries said the vote had been rigged.",
     [("western countries", "indirect", "the vote had been rigged")]),
    ("A senior trade official said the tariffs would be lifted soon.",
     [("senior trade official", "indirect", "the tariffs would be lifted soon")]),
    ("The merger is off, said a government source.",
     [("government source", "indirect", "The merger is off")]),
    ("\u201cWe are not leaving the table,\u201d one negotiator said.",
     [("negotiator", "direct", "We are not leaving the table")]),
    ("The strike ended on Friday, negotiators and mediators said.",
     [("negotiators and mediators", "indirect", "The strike ended on Friday")]),
    # commentators and witnesses who speak are speakers too: what they said is on record
    ("Analysts said the currency would weaken further.",
     [("analysts", "indirect", "the currency would weaken further")]),
    ("The currency will weaken further, economists said.",
     [("economists", "indirect", "The currency will weaken further")]),
    ("Witnesses told reporters the convoy had turned back.",
     [("witnesses", "indirect", "the convoy had turned back")]),
])
def test_descriptive_people_speak(parser: diplonews.Parser, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(parser, text) == expected


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The European Commission opened an inquiry on Monday. The commission said the subsidies had distorted trade.",
     "European Commission", "the subsidies had distorted trade"),
    ("The African Union sent observers to the vote. The communique said the count had been orderly.",
     "African Union", "the count had been orderly"),
    ("The Human Rights Council met in Geneva. The council deplores the arrests of reporters in the capital.",
     "United Nations Human Rights Council", "the arrests of reporters in the capital"),
])
def test_bodies_and_documents_stand_for_the_body_named_before(
        parser: diplonews.Parser, text: str, speaker: str, content: str) -> None:
    assert (speaker, "indirect", content) in said(parser, text)


@pytest.mark.parametrize("text", [
    "The officials said to be close to the minister resigned on Monday.",
    "The statement said the count had been orderly.",  # a document with no body named before it
    "Reports from officials and sources suggested the talks had stalled.",
])
def test_no_descriptive_speaker(parser: diplonews.Parser, text: str) -> None:
    assert said(parser, text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    # 'they' continues the group that was the subject, not the group asked to act
    ("Prosecutors filed charges on Monday. They said the case was strong.", "prosecutors"),
    ("The observers urged all citizens to stay calm. They said the count had been orderly.", "observers"),
    ("The mediators called on the rebels to disarm. They said the count had been orderly.", "mediators"),
])
def test_they_continues_the_subject_group(parser: diplonews.Parser, text: str, speaker: str | None) -> None:
    second = [s for s in said(parser, text) if s[2] == "the case was strong" or s[2] == "the count had been orderly"]
    assert [s[0] for s in second] == ([speaker] if speaker else [])


# ---- reporting forms and what stays in the content --------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a forward-looking clause keeps its date; a past one leaves it to the reporting verb
    ("Interior Minister Carla Mendes said the checkpoints would close next month.",
     ("Carla Mendes", "indirect", "the checkpoints would close next month")),
    ("Trade Minister Paulo Dias told reporters the new tariffs will take effect on Friday.",
     ("Paulo Dias", "indirect", "the new tariffs will take effect on Friday")),
    ("Trade Minister Paulo Dias said the shipment had arrived on Monday.",
     ("Paulo Dias", "indirect", "the shipment had arrived")),
    # what follows 'according to X' qualifies the source, not the content
    ("The cargo was seized near the coast, according to Navy Chief Luis Ortega in a radio interview.",
     ("Luis Ortega", "indirect", "The cargo was seized near the coast")),
    ("The envoys will meet again in the spring, according to a statement issued by the African Union on Monday.",
     ("African Union", "indirect", "The envoys will meet again in the spring")),
    # a body's statement in the present tense
    ("The African Union condemns the attack on the aid convoy.",
     ("African Union", "indirect", "the attack on the aid convoy")),
])
def test_reporting_forms(parser: diplonews.Parser, text: str, expected: tuple[str, str, str]) -> None:
    assert said(parser, text) == [expected]
