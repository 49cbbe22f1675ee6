"""Demands: one item per demanded action, conjunctions split, polarity kept."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext

__all__ = ["DemandSplitter"]

_NEGATIVE = regex.compile(r"^(?:not|never|stop|cease|refrain|end|halt|avoid|do not|don't|no longer)\b",
                          regex.IGNORECASE)


class DemandSplitter:
    """Splits 'stop A, lift B and do not C' into actions, using the lexicon's action verbs."""

    def __init__(self, action_verbs: list[str]):
        verbs = "|".join(sorted((regex.escape(v) for v in action_verbs), key=len, reverse=True))
        self._split = regex.compile(
            rf"(?:,\s*(?:and|or)\s+|;\s*(?:and\s+)?|,\s+|\s+and\s+|\s+as\s+well\s+as\s+)"
            rf"(?=(?:to\s+|not\s+|also\s+|further\s+|earnestly\s+|immediately\s+|\w+ly\s+)?(?:{verbs})\b)",
            regex.IGNORECASE,
        )

    def finish(self, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        action = values.get("action")
        if not action:
            return []
        action = regex.sub(r"^(?:that\s+)?(?:to\s+)?", "", action.strip(), flags=regex.IGNORECASE)
        action = action.rstrip(" ,.;\u201d\"")
        parts = [p.strip(" ,;") for p in self._split.split(action) if p and p.strip(" ,;")]
        items = []
        for part in parts or [action]:
            part = regex.sub(r"^to\s+", "", part)
            if len(part.split()) < 2 and part.lower() not in ("stop", "withdraw", "leave"):
                continue
            item = dict(values)
            item["action"] = part
            item["polarity"] = "negative" if _NEGATIVE.match(part) else "positive"
            items.append(item)
        return items
