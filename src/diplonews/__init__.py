"""diplonews: structured records of diplomacy from news text.

>>> import diplonews
>>> article = diplonews.parse(
...     "Secretary of State John Kerry and Foreign Minister Sergey Lavrov met in Geneva on Friday.",
...     published="2013-05-10")
>>> [sorted(article.actor(p).name for p in m.participants) for m in article.meetings]
[['John Kerry', 'Sergey Lavrov']]
"""

from __future__ import annotations

import datetime as dt

from diplonews.model import (
    Actor,
    Agreement,
    Article,
    DateValue,
    Demand,
    Evidence,
    Item,
    Meeting,
    Place,
    Span,
    Statement,
)
from diplonews.parser import Parser, default_parser
from diplonews.rules.builder import rule
from diplonews.rules.errors import RuleError
from diplonews.rules.schema import ActorEntry, GazetteerFile, RuleFile, RuleSpec

__all__ = [
    "Actor",
    "ActorEntry",
    "Agreement",
    "Article",
    "DateValue",
    "Demand",
    "Evidence",
    "GazetteerFile",
    "Item",
    "Meeting",
    "Parser",
    "Place",
    "RuleError",
    "RuleFile",
    "RuleSpec",
    "Span",
    "Statement",
    "__version__",
    "parse",
    "rule",
]

__version__ = "0.1.0"


def parse(text: str, published: dt.date | dt.datetime | str | None = None) -> Article:
    """Parse one article with the default rules; ``published`` anchors relative dates."""
    return default_parser().parse(text, published=published)
