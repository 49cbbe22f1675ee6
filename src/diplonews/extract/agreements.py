"""Agreements: parties and what they agreed, with reached/reaffirmed/signed status."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext

__all__ = ["finish_agreement"]

_LEAD = regex.compile(r"^(?:to|that|on|upon)\s+", regex.IGNORECASE)


def finish_agreement(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    content = values.get("content")
    if not content or not values.get("parties"):
        return []
    content = _LEAD.sub("", content.strip()).rstrip(" ,.;")
    if len(content.split()) < 2:
        return []
    values["content"] = content
    if "status" not in values:
        matched = ctx.sentence.masked[ctx.match_start:ctx.match_end]
        if ctx.cues.reaffirm.search(ctx.sentence.masked):
            values["status"] = "reaffirmed"
        elif ctx.cues.sign.search(matched):
            values["status"] = "signed"
        else:
            values["status"] = "reached"
    return [values]
