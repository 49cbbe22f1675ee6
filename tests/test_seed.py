"""The seed article, end to end: the items an analyst would check first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import diplonews

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def article() -> diplonews.Article:
    text = (SEEDS / "blinken-xi-beijing.txt").read_text(encoding="utf-8")
    return diplonews.parse(text, published=dt.date(2023, 6, 20))


def names(article: diplonews.Article, ids: list[str]) -> set[str]:
    return {a.name for a in (article.actor(i) for i in ids) if a}


def test_blinken_xi_meeting_is_held_yesterday(article: diplonews.Article) -> None:
    meeting = next(m for m in article.meetings if names(article, m.participants) >= {"Antony Blinken", "Xi Jinping"})
    assert meeting.status == "held"
    assert meeting.date is not None and meeting.date.value == "2023-06-19"
    assert meeting.date.text == "yesterday"


def test_wang_demands_are_split(article: diplonews.Article) -> None:
    actions = [d.action for d in article.demands]
    assert "lift illegal unilateral sanctions against China" in actions
    assert any(a.startswith("stop suppressing China") for a in actions)
    negative = [d for d in article.demands if d.action.startswith("not to misjudge")]
    assert negative and negative[0].polarity == "negative"


def test_evidence_quotes_the_original_text(article: diplonews.Article) -> None:
    items = [*article.meetings, *article.statements, *article.demands, *article.agreements]
    assert items
    for item in items:
        assert item.rule
        for ev in item.evidence:
            assert article.text[ev.start:ev.end] == ev.text


def test_quote_missing_its_opening_mark_is_still_a_statement(article: diplonews.Article) -> None:
    assert any(s.kind == "direct" and s.content.startswith("We need to shoulder") for s in article.statements)


def test_scare_quote_is_not_a_statement(article: diplonews.Article) -> None:
    assert not any(s.content.strip("“”\"") == "China threat" for s in article.statements)


def test_docstring_examples_run() -> None:
    import doctest

    import diplonews.parser

    for module in (diplonews, diplonews.parser):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
