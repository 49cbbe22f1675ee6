"""What the statement tests read off a parse, shared so that every statement test file asserts
on the same view: (speaker's name, kind, content) triples and the quotations the finder sees."""

from __future__ import annotations

import diplonews
from diplonews.text.normalize import normalize
from diplonews.text.paragraphs import paragraphs
from diplonews.text.quotes import find_quotes

Said = tuple[str, str, str]  # (speaker's name, kind, content)
PUBLISHED = "2024-03-04"


def said(parser: diplonews.Parser, text: str) -> list[Said]:
    article = parser.parse(text, PUBLISHED)
    return [(article.actor(s.speaker).name if s.speaker else "", s.kind, s.content)
            for s in article.statements]


def quoted(text: str) -> list[str]:
    """The content of every quotation the finder sees, before any attribution."""
    norm = normalize(text).text
    return [norm[q.content_start:q.content_end] for q in find_quotes(norm, paragraphs(norm))]
