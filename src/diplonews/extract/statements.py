"""Statements: who said what, quoted or reported."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext, dropped

__all__ = ["finish_statement"]

_LEAD = regex.compile(r"^(?:that|,|:|\s)+", regex.IGNORECASE)
_QUOTE_MARKS = "\u201c\u201d\"'\u2018\u2019 "


def finish_statement(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    content = values.get("content")
    if not content or not values.get("speaker"):
        # an unattributed quotation is not a statement
        return dropped(values, "no speaker" if content else "no content")
    span = values.get("_content_span")
    is_quote = False
    if span is not None:
        tokens = [m for m in ctx.sentence.tokens if m.start >= span[0] and m.end <= span[1]]
        is_quote = len(tokens) == 1 and "q" in tokens[0].flags and tokens[0].start == span[0] \
            and tokens[0].end == span[1]
    if is_quote:
        content = content.strip(_QUOTE_MARKS).rstrip(",").strip(_QUOTE_MARKS)
    else:
        content = _LEAD.sub("", content).rstrip(" ,.")
    if len(content.split()) < (2 if is_quote else 3):
        return dropped(values, f"{'quoted' if is_quote else 'indirect'} statement content under "
                               f"{2 if is_quote else 3} words: {content!r}")
    values["content"] = content
    values.setdefault("kind", "direct" if is_quote else "indirect")
    return [values]
