"""What the actor tests read off a parse: an actor as (name, kind, country), shared by the
actor-mention and actor-phrase test files."""

from __future__ import annotations

import datetime as dt

import diplonews
from diplonews import Article

PUBLISHED = dt.date(2024, 3, 5)
ActorView = tuple[str, str, str | None]  # (name, kind, country)


def parse_article(text: str) -> Article:
    return diplonews.parse(text, published=PUBLISHED)


def actor_view(article: Article, actor_id: str | None) -> ActorView | None:
    found = article.actor(actor_id) if actor_id else None
    return (found.name, found.kind, found.country) if found else None


def named(article: Article, kind: str) -> list[str]:
    """The names of the article's actors of one kind, in the order they were found."""
    return [a.name for a in article.actors if a.kind == kind]
