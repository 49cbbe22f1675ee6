"""Agreements: parties and what they agreed, with reached/reaffirmed/signed status."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext, dropped

__all__ = ["finish_agreement"]

_LEAD = regex.compile(r"^(?:to|that|on|upon)\s+", regex.IGNORECASE)


_FURTHER = regex.compile(r"(?:,\s*|;\s*)and\s+(?=(?:to\s+)?(?:also\s+)?\p{Ll}+\s)")
# "to A and to B": the repeated "to" marks a second infinitive, not a list inside A.
_AND_TO = regex.compile(r"(?:,|;)?\s+and\s+(?=to\s+(?:also\s+)?\p{Ll}+\s)")


def finish_agreement(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    """Build agreements; 'agreed to A, and to B' is two agreements of the same parties."""
    content = values.get("content")
    further = _AND_TO if content and content.lstrip().lower().startswith("to ") and _AND_TO.search(content) \
        else _FURTHER
    if content and further.search(content):
        parts = [p for p in further.split(content) if p.strip()]
        # "A, B, and C" is one list; only "A, and B" (no other comma) joins two agreements.
        listed = further is _FURTHER and any("," in p for p in parts[:-1])
        if not listed and all(_starts_like_action(p) for p in parts[1:]):
            return [item for part in parts for item in _finish_one({**values, "content": part}, ctx)]
    return _finish_one(values, ctx)


def _starts_like_action(part: str) -> bool:
    words = _LEAD.sub("", part.strip()).split()
    return bool(words) and words[0].lower() not in _NOT_VERBS


_NOT_VERBS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "other", "all", "both", "more", "most", "many"])


_GENERIC = frozenset(["agreement", "agreements", "deal", "deals", "pact", "pacts", "accord", "accords", "treaty",
                      "understanding", "memorandum", "document", "documents", "arrangement"])
_BY = regex.compile(r"\bby\s+\S")
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "such"])


def _finish_one(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    content = values.get("content")
    if not content or not values.get("parties"):
        return dropped(values, "no parties" if content else "no content")
    possible = ctx.cues.possibility.search(ctx.sentence.masked, ctx.match_start, ctx.match_end)
    if ctx.cues.nonfactual(ctx) or possible:
        return dropped(values, "hypothetical or denied agreement (HYPOTHETICAL_CUE, POSSIBILITY_CUE)")
    content = _LEAD.sub("", content.strip()).rstrip(" ,.;")
    words = content.split()
    matched = ctx.sentence.masked[ctx.match_start:ctx.match_end]
    # "the pact", "an agreement": a bare generic noun names no content of its own, unless its
    # clause says who signed it ("the treaty was signed by X and Y"); "a ceasefire" does.
    bare = len(words) == 2 and words[0].lower() in _DETERMINERS and words[1].lower() in _GENERIC
    if len(words) < 2:
        return dropped(values, f"agreement content under 2 words: {content!r}")
    if bare and not _BY.search(matched):
        return dropped(values, f"agreement content is a bare generic noun: {content!r}")
    values["content"] = content
    if "status" not in values:
        if ctx.cues.reaffirm.search(ctx.sentence.masked):
            values["status"] = "reaffirmed"
        elif ctx.cues.sign.search(matched):
            values["status"] = "signed"
        else:
            values["status"] = "reached"
    return [values]
