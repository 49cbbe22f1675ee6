"""Invariants every parse result must satisfy, whatever the input (shared by robustness tests).

Kept in one place so the regression tests, the property tests and the adversarial-rule tests
check the same promises; ``bench/fuzz.py`` carries a copy (it runs without the test tree).
"""

from __future__ import annotations

from pathlib import Path

import diplonews

DEV = Path(__file__).resolve().parent / "corpus" / "dev"
ITEM_KINDS = ("meetings", "statements", "demands", "agreements")


def all_items(article: diplonews.Article) -> list[tuple[str, diplonews.Item]]:
    """Every item of the article with its kind name, built-in and user-defined kinds alike."""
    kinds = [*ITEM_KINDS, *article.extra_items]
    return [(kind, item) for kind in kinds for item in article.items(kind)]


def actor_refs(item: diplonews.Item) -> list[str]:
    """The actor ids an item refers to, through the fields its class declares as actor fields."""
    refs: list[str] = []
    for name in type(item).actor_fields:
        value = getattr(item, name)
        refs.extend(v for v in (value if isinstance(value, list) else [value]) if v is not None)
    return refs


def assert_invariants(text: str, article: diplonews.Article) -> None:
    """The text is kept verbatim, spans quote it exactly, item actor ids resolve, ids are unique."""
    assert article.text == text
    n = len(text)
    ids = [a.id for a in article.actors]
    assert len(ids) == len(set(ids)), f"duplicate actor ids in {ids}"
    for actor in article.actors:
        for span in actor.mentions:
            assert 0 <= span.start <= span.end <= n, (actor.id, span)
            assert text[span.start:span.end] == span.text, (actor.id, span)
    known = set(ids)
    for kind, item in all_items(article):
        assert item.evidence, f"{kind} item from {item.rule} has no evidence"
        for ev in item.evidence:
            assert 0 <= ev.start <= ev.end <= n, (kind, ev)
            assert text[ev.start:ev.end] == ev.text, (kind, ev)
        missing = [ref for ref in actor_refs(item) if ref not in known]
        assert not missing, f"{kind} item from {item.rule} refers to unknown actors {missing}"


def dev_texts() -> list[str]:
    """The dev corpus texts, in name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
