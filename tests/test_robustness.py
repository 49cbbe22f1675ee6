"""Hostile and degenerate inputs: ``diplonews.parse`` returns a valid Article for any ``str``.

Each case also checks the span invariants (``tests/_invariants.py``): whatever the parser found
in junk, every evidence span and actor mention must quote the original text exactly. Wrong
argument types fail fast with a typed error that names what was expected.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

import diplonews
from _invariants import all_items, assert_invariants, dev_texts

PUBLISHED = dt.date(2023, 6, 20)
DEV = dev_texts()
MEETING = "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday."
HTML = """<!DOCTYPE html><html><head><title>Blinken &amp; Xi</title>
<script>var s = "Kerry said \\"no\\""; if (a < b && c > d) { alert('x'); }</script>
<style>p { content: "“"; }</style></head>
<body><p>U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in
<b>Beijing</b> on Monday.</p><p>&ldquo;We made progress,&rdquo; Blinken told reporters.&nbsp;
Wang Yi urged the United States to &quot;lift sanctions&quot;.</p><!-- comment -->
<a href="https://example.com/?a=1&b=2">link</a></body></html>"""


def parse(text: str) -> diplonews.Article:
    article = diplonews.parse(text, published=PUBLISHED)
    assert_invariants(text, article)
    return article


CASES: dict[str, str] = {
    "empty": "",
    "whitespace": " \t\n\r\n \u00a0\u2003\u3000\n\n",
    "latin1-junk": (bytes(range(256)) * 40).decode("latin-1"),
    "random-bytes": random.Random(7).randbytes(30_000).decode("utf-8", errors="replace"),
    "html": HTML,
    "arabic": "قال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة تدعو إلى وقف إطلاق النار. "
              "والتقى الوزير نظيره الإيراني في بكين يوم الاثنين.",
    "hebrew": "שר החוץ אמר כי ישראל תפעל. \"אנחנו לא נוותר\", אמר השר. נפגש עם בלינקן בירושלים.",
    "cjk": "外交部长王毅在北京会见美国国务卿布林肯。王毅表示：「中方敦促美方停止打压中国。」双方同意保持沟通。",
    "mixed-scripts": MEETING + " 王毅表示。 قال الوزير. " + "Xi said “hello world again” today.",
    "unbalanced-quotes": "“We will not back down, Lavrov said. ”And then” he left. \"Open ‘nested “deep "
                         "quote” inside’ and never closed. Blinken said “we agree.",
    "nested-quotes": "Blinken said: “Wang told me ‘we must “never” give up’ and I agreed,” he said. "
                     "“‘“‘“deep”’”’” Xi said.",
    "10k-curly-quotes": "“" * 10_000,
    "10k-straight-quotes": '"' * 10_000,
    "10k-alternating-quotes": "“”" * 5_000 + MEETING,
    "quotes-around-words": " ".join(f"“{w}”" for w in MEETING.split()) * 200,
    "one-long-sentence": " ".join(["Blinken met Xi and Wang urged the United States to lift sanctions"] * 1_600)[:100_000],
    "one-long-word": "a" * 100_000,
    "no-punctuation-lines": "\n".join(
        ["Blinken met Xi in Beijing on Monday", "Wang urged Washington to lift sanctions",
         "the two sides agreed to keep talking"] * 300),
    "nul-chars": MEETING.replace(" ", "\x00") + "\x00" * 100 + MEETING,
    "control-chars": "".join(chr(c) for c in range(32)) * 50 + MEETING + "\x7f\x85\u2028\u2029\u202e",
    "lone-surrogates": "Blinken \ud800 met Xi \udfff in Beijing. “\udc00 we agree \ud83d,” Kerry said.",
    "crlf": MEETING.replace(" on Monday.", " on\r\nMonday.\r\n\r\n") + "“We made progress,” Blinken said.\r\n",
    "cr-only": MEETING + "\r“We made progress,” Blinken said.\r\rWang met Kerry.",
    "astral-and-emoji": "🇺🇸 Blinken 🤝 Xi 🇨🇳 met in Beijing. 𝐁𝐥𝐢𝐧𝐤𝐞𝐧 said “𝓱𝓮𝓵𝓵𝓸 there everyone.”",
    "case-folding-changes-length": "İSTANBUL ǅ ﬁ ß " + MEETING.upper() + " ẞ ŉ ΐ",
    "zero-width-and-bidi": "\u200b".join(MEETING) + "\u202eBlinken said \u200f“we agree on this”\u200e.",
    "mask-token-lookalikes": "⟦apc1⟧ met ⟦d2⟧ ⟦q3⟧ said ⟦⟧ " + MEETING + " ⟦a999999⟧",
    "placeholder-lookalikes": "{speaker:ACTOR} said {QUOTE} to {ACTORS}. " + MEETING,
    "regex-metachars": r"(?P<x>.*)+ \1 [^]* \\ $^ " + MEETING,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_text_gives_a_valid_article(name: str) -> None:
    text = CASES[name]
    article = parse(text)
    assert isinstance(article, diplonews.Article)
    # A valid Article round-trips through pydantic validation.
    assert diplonews.Article.model_validate(article.model_dump()).model_dump() == article.model_dump()


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00", "“", "\ud800"])
def test_trivial_text_finds_nothing(text: str) -> None:
    article = parse(text)
    assert all_items(article) == []
    assert article.actors == []
    assert article.errors == []


def test_real_sentence_survives_noise_around_it() -> None:
    """Junk before and after must not stop the parser from seeing a clean sentence."""
    noisy = CASES["latin1-junk"][:3000] + "\n\n" + MEETING + "\n\n" + "“" * 500
    article = parse(noisy)
    names = {a.name for m in article.meetings for a in map(article.actor, m.participants) if a}
    assert {"Antony Blinken", "Xi Jinping"} <= names


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_text_finds_what_lf_text_finds(newline: str) -> None:
    text = DEV[0]
    lf = parse(text)
    other = parse(text.replace("\n", newline))
    assert [(m.rule, sorted(m.participants)) for m in other.meetings] == \
        [(m.rule, sorted(m.participants)) for m in lf.meetings]
    assert [s.content for s in other.statements] == [s.content for s in lf.statements]


def test_lone_surrogates_keep_offsets_into_the_original() -> None:
    text = "\ud800" * 3 + MEETING
    article = parse(text)
    assert article.meetings
    assert all(ev.start >= 3 for m in article.meetings for ev in m.evidence)


def test_html_page_parses_its_visible_sentence() -> None:
    article = parse(HTML)
    assert any(m.location and m.location.name == "Beijing" for m in article.meetings) or article.meetings


@pytest.fixture(scope="module")
def megabyte() -> tuple[str, diplonews.Article]:
    corpus = "\n\n".join(DEV)
    text = (corpus * (1_000_000 // len(corpus) + 1))[:1_000_000]
    return text, diplonews.parse(text, published=PUBLISHED)


def test_one_megabyte_of_dev_text(megabyte: tuple[str, diplonews.Article]) -> None:
    text, article = megabyte
    assert_invariants(text, article)
    assert article.meetings and article.statements and article.demands
    # The last spans still point into the end of the megabyte, not into a truncated copy.
    assert max(ev.end for _, item in all_items(article) for ev in item.evidence) > 900_000


# ---- argument types --------------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, b"Blinken met Xi.", bytearray(b"x"), 42, 3.5, ["Blinken met Xi."],
                                   {"text": "x"}, memoryview(b"x")])
def test_non_str_text_is_a_type_error_naming_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"text must be str, got " + type(value).__name__):
        diplonews.parse(value)  # type: ignore[arg-type]


def test_parser_method_rejects_bytes_too() -> None:
    with pytest.raises(TypeError, match="must be str"):
        diplonews.Parser.default().parse(b"Blinken met Xi.")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [
    dt.date(2023, 6, 20), dt.datetime(2023, 6, 20, 23, 59), dt.datetime(2023, 6, 20, tzinfo=dt.UTC),
    "2023-06-20", " 2023-06-20\n", "2023-06-20T10:00:00", "2023-06-20T10:00:00Z", "2023-06-20 10:00+02:00",
])
def test_published_accepts_dates_datetimes_and_iso_strings(value: object) -> None:
    article = diplonews.parse("Blinken met Xi yesterday.", published=value)  # type: ignore[arg-type]
    assert article.published == dt.date(2023, 6, 20)


def test_published_none_leaves_relative_dates_unresolved() -> None:
    article = diplonews.parse(MEETING.replace("on Monday", "yesterday"), published=None)
    assert article.published is None
    dates = [m.date for m in article.meetings if m.date is not None]
    assert all(d.value is None for d in dates if d.relative)


@pytest.mark.parametrize("value", ["yesterday", "", "   ", "2023-13-01", "2023-02-30", "20/06/2023",
                                   "June 20, 2023", "2023-06-20garbage", "2023-06-20T99:00"])
def test_published_garbage_string_is_a_value_error(value: str) -> None:
    with pytest.raises(ValueError, match="published must be an ISO date"):
        diplonews.parse("Blinken met Xi.", published=value)


@pytest.mark.parametrize("value", [20230620, 1687219200.0, b"2023-06-20", ["2023-06-20"], (2023, 6, 20),
                                   dt.time(12, 0), dt.timedelta(days=1)])
def test_published_wrong_type_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match=r"published must be a datetime.date, datetime or ISO string, got "
                       + type(value).__name__):
        diplonews.parse("Blinken met Xi.", published=value)  # type: ignore[arg-type]


# ---- known defects and their regressions ----------------------------------------------------
def test_quotation_with_no_earlier_speaker_records_no_build_error() -> None:
    """Once a pydantic 'speaker: Field required' error per orphan quotation (found by bench/fuzz.py)."""
    article = parse("“We will keep talking to each other about everything,” the two ministers agreed.\n\n"
                    "“Nothing is settled until everything is settled.”")
    assert not [e for e in article.errors if "could not build" in e]


@pytest.mark.parametrize("text", [
    "China has accused them. Coast guard vessels took part.\n\n"
    "“We urge the US side not to use the Philippines to stir up trouble.”",
    "Talks ended.\n\n“I stressed the need for China to release the detained crew.”",
])
def test_quoted_demand_with_no_speaker_to_inherit_records_no_build_error(text: str) -> None:
    """Once 'demander: Field required' per quoted "We urge…" with no named speaker before it
    (found by bench/fuzz.py): a rule inheriting a required field from nothing builds nothing."""
    article = parse(text)
    assert not [e for e in article.errors if "could not build" in e]
    assert all(d.demander for d in article.demands)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Executives of eBay Jane Holt said the talks were useful.", "jane-holt"),
    ("Users of iPads Mark Owen, the trade minister, said prices would fall.", "mark-owen"),
])
def test_a_name_starts_where_a_word_starts(text: str, speaker: str) -> None:
    """A capital inside a word ("eBay", "iPads") does not begin a name. Once it did ("Bay Jane
    Holt"), and all-capitals text, where every letter is such a capital, took twice as long."""
    article = diplonews.parse(text)
    assert [s.speaker for s in article.statements] == [speaker]


def test_parse_leaves_the_garbage_collector_as_it_found_it() -> None:
    """A parse pauses Python's cyclic collector (flat time per character on big documents) and
    must hand it back in the state it was in, also after rejecting an input."""
    import gc

    assert gc.isenabled()
    parse(MEETING)
    assert gc.isenabled()
    with pytest.raises(TypeError):
        parse(b"bytes")  # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()
    try:
        parse(MEETING)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_batch_gives_one_record_per_hostile_input() -> None:
    from diplonews.batch import parse_many

    inputs: list[object] = ["", "\ud800 Blinken met Xi.", b"bytes", {"text": 5}, None,
                            {"text": "x", "published": "garbage"}, CASES["10k-curly-quotes"], MEETING]
    records = list(parse_many(inputs))  # type: ignore[arg-type]
    assert [r.id for r in records] == [str(i) for i in range(len(inputs))]
    assert [r.ok for r in records] == [True, True, False, False, False, False, True, True]


def test_run_batch_survives_a_lone_surrogate_in_jsonl(tmp_path: Path) -> None:
    from diplonews.batch import run_batch

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": "\\ud800 x"}\n{"id": "c", "text": "ok"}\n',
                      encoding="utf-8")
    run_batch(source, tmp_path / "out.jsonl")
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3
