"""Layouts other than one paragraph per line: hard-wrapped plain text and HTML pages.

The same article, wrapped at any common width or served as a page, must give the same items
as its one-paragraph-per-line form, with every span still quoting the text as given.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pytest

import diplonews
from _invariants import all_items, assert_invariants
from diplonews.text.layout import soft_breaks
from diplonews.text.markup import looks_like_html
from diplonews.text.normalize import normalize

PUBLISHED = dt.date(2024, 3, 14)

ARTICLE = [
    "OSLO, March 13 - Norwegian Foreign Minister Ingrid Haldorsen held talks with her Chilean "
    "counterpart Tomas Ibarra in Oslo on Wednesday, the ministry said.",
    "\u201cOur two countries share a long coastline and a long friendship, and today we agreed to "
    "deepen both,\u201d Haldorsen told reporters after the meeting.",
    "Ibarra urged Norway to lift its tariffs on Chilean salmon feed before the end of the year.",
    "The two ministers signed a memorandum of understanding on Antarctic research, under which "
    "scientists from both countries will share two polar stations.",
    "Ibarra said the agreement would also open Chilean ports to Norwegian research vessels.",
]
PLAIN = "\n".join(ARTICLE)


def _signature(article: diplonews.Article) -> list[tuple[str, str, str]]:
    """What a reader compares: each item's kind, rule and evidence words, spacing aside."""
    return sorted(
        (kind, item.rule, " ".join(" ".join(ev.text.split()) for ev in item.evidence))
        for kind, item in all_items(article)
    )


def _parse(text: str) -> diplonews.Article:
    article = diplonews.parse(text, published=PUBLISHED)
    assert_invariants(text, article)
    return article


def _wrapped(width: int, separator: str = "\n\n", newline: str = "\n") -> str:
    return separator.join(textwrap.fill(p, width) for p in ARTICLE).replace("\n", newline)


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><title>Norway and Chile</title>"
        "<script>var said = 'Oslo met Santiago';</script></head>\n"
        f"<body><article>\n{body}</article><!-- footer said nothing --></body></html>"
    )


def test_the_plain_article_has_an_item_of_every_kind() -> None:
    kinds = {kind for kind, _ in all_items(_parse(PLAIN))}
    assert kinds == {"meetings", "statements", "demands", "agreements"}


@pytest.mark.parametrize(
    ("width", "separator", "newline"),
    [(60, "\n\n", "\n"), (72, "\n\n", "\n"), (80, "\n\n", "\n"), (72, "\n\n", "\r\n"), (66, "\n", "\n")],
    ids=["60-columns", "72-columns", "80-columns", "72-columns-crlf", "66-columns-no-blank-lines"],
)
def test_a_hard_wrapped_article_gives_the_items_of_its_plain_form(width: int, separator: str, newline: str) -> None:
    assert _signature(_parse(_wrapped(width, separator, newline))) == _signature(_parse(PLAIN))


@pytest.mark.parametrize("margin", ["\n", "\n \n\n", "   "], ids=["newline", "blank-lines", "spaces"])
def test_blank_lines_before_the_headline_change_nothing(margin: str) -> None:
    headline = "Haldorsen meets Ibarra as Norway and Chile widen polar research ties\n"
    framed, bare = _parse(margin + headline + PLAIN), _parse(headline + PLAIN)
    assert _signature(framed) == _signature(bare)
    assert sorted((a.name, len(a.mentions)) for a in framed.actors) == \
        sorted((a.name, len(a.mentions)) for a in bare.actors)


def test_an_html_page_gives_the_items_of_its_plain_form() -> None:
    assert _signature(_parse(_page(ARTICLE))) == _signature(_parse(PLAIN))


def test_a_page_with_its_paragraphs_wrapped_in_the_source_gives_the_same_items() -> None:
    assert _signature(_parse(_page([textwrap.fill(p, 70) for p in ARTICLE]))) == _signature(_parse(PLAIN))


def test_spans_of_a_page_quote_the_page() -> None:
    page = _page(ARTICLE)
    article = _parse(page)
    quote = next(s for s in article.statements if s.rule and "Our two countries" in (s.content or ""))
    assert any("&ldquo;" in page[ev.start:ev.end] or "Our two countries" in page[ev.start:ev.end] for ev in quote.evidence)


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        "The ministers met in Quito on Friday.\nThey discussed fishing rights, the border river and a new "
        "consular office.\nNo agreement was signed.\nBoth sides said the talks were useful and would "
        "go on.\nThe next round is due in June.\n",
        "Talks in Lima\nBy a staff reporter\n\nThe ministers met on Monday.\nThey will meet again in May.\n",
        # a short wire story, one sentence of 70-80 characters per line
        "Tanzanian President Amani Kisiwa met Zambian leaders in Dodoma on Tuesday.\n"
        "Kisiwa told journalists: \"We will finish the rail link by the end of 2027.\n"
        "The two delegations also discussed fishing rights and the Lake Tanganyika port.\n"
        "A Zambian minister called the talks \"open and warm\" and said Lusaka needed coal.\n"
        "The meeting lasted four hours, officials in Dodoma told the state broadcaster.\n",
        # a transcript: every turn opens with a speaker label
        "Press briefing by Foreign Minister Tomas Ibarra, full transcript of the session\n"
        "IBARRA: We will meet the Norwegian delegation again in Oslo later this month.\n"
        "REPORTER: Will the salmon tariffs be on the table when the two ministers meet?\n"
        "IBARRA: Norway must lift the tariffs before the fishing season opens in spring.\n"
        "REPORTER: And what did the Norwegian side ask of Chile during the last round?\n",
    ],
    ids=["one-paragraph-per-line", "short-paragraph-lines", "headline-and-short-lines", "wire-sentence-lines",
         "transcript-turns"],
)
def test_text_that_is_not_wrapped_keeps_its_line_breaks(text: str) -> None:
    assert soft_breaks(text) == []


def test_list_items_of_a_wrapped_text_keep_their_breaks() -> None:
    text = ("The communique listed what the ministers had agreed on during their two days of talks in\n"
            "the capital, and it named three projects that would start at once:\n"
            "- a joint patrol of the border river\n"
            "- a hotline between the two coast guards\n"
            "- a yearly review of the fishing quotas\n")
    normalized = normalize(text).text
    assert "talks in the capital" in normalized
    assert normalized.count("\n- ") == 3


def test_a_hyphenated_word_broken_across_a_wrapped_line_is_joined() -> None:
    text = textwrap.fill("The delegation, which arrived on Tuesday for a series of high-", 70) + "\n" + \
        textwrap.fill("level consultations on trade, was received by the prime minister in the capital.", 70) + \
        "\n\n" + textwrap.fill("The visit, the first in a decade by a minister from either country, ended " * 2, 70)
    assert "high-level consultations" in normalize(text).text


def test_a_compound_broken_at_its_hyphen_before_a_capital_is_joined() -> None:
    text = ("On the second day of the visit the minister called on the Prime Minister\n"
            "and then on the council's Vice-\n"
            "President, a former ambassador who had chaired the talks on the river\n"
            "border for most of the last decade and knew both delegations well.\n\n"
            "The minister left for home on Friday after three days of talks in the\n"
            "capital, his first visit since the two countries reopened embassies.\n")
    assert "the council's Vice-President, a former" in normalize(text).text


@pytest.mark.parametrize(
    ("text", "is_page"),
    [
        ("<p>One.</p><p>Two.</p>", True),
        ("<!DOCTYPE html><title>x</title>", True),
        ("If a < b and c > d the minister said nothing.", False),
        ("The <b> tag was mentioned once by the minister.", False),
        ("Plain text with no markup at all.", False),
        ("Write to <a.kamau@mfa.example> or <b.njoroge@mfa.example> before Friday.", False),
    ],
)
def test_a_page_is_told_from_plain_text(text: str, is_page: bool) -> None:
    assert looks_like_html(text) is is_page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AT&amp;T and caf&eacute; talks", "AT&T and café talks"),
        ("&ldquo;We agree,&rdquo; she said.", "\u201cWe agree,\u201d she said."),
        ("don&#39;t and &#x2019;", "don't and '"),
        ("an unknown &bogus; reference", "an unknown &bogus; reference"),
    ],
)
def test_character_references_are_decoded_in_any_text(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>" + "<script>" * 5000 + "</p></body></html>",
        "<p>" + "<b>" * 20000 + "</p>",
        "<div>" + "<!--" * 5000,
        "<p>" + "a < b " * 5000 + "</p>",
    ],
    ids=["unclosed-scripts", "many-tags", "unclosed-comments", "stray-less-than"],
)
def test_broken_pages_parse_cleanly(page: str) -> None:
    _parse(page)
