"""Demands: one item per demanded action, conjunctions split, polarity kept."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext, dropped

__all__ = ["DemandSplitter"]

_NEGATIVE = regex.compile(r"^(?:not|never|stop|cease|refrain|end|halt|avoid|do not|don't|no longer)\b",
                          regex.IGNORECASE)


_LEAD = regex.compile(r"^(?:that\s+)?(?:to\s+)?", regex.IGNORECASE)
_TO = regex.compile(r"^to\s+")
_PARALLEL = regex.compile(r"^(?:not|to|do\s+not|don't|stop|never|cease)\b", regex.IGNORECASE)


class DemandSplitter:
    """Splits 'stop A, lift B and do not C' into actions, using the lexicon's action verbs."""

    def __init__(self, action_verbs: list[str]):
        verbs = "|".join(sorted((regex.escape(v) for v in action_verbs), key=len, reverse=True))
        lead = r"(?:to\s+|not\s+|also\s+|further\s+|earnestly\s+|immediately\s+|\w+ly\s+)?"
        self._split_listed = regex.compile(
            rf"(?:,\s*(?:and|or)\s+|;\s*(?:and\s+)?|,\s+|\s+as\s+well\s+as\s+)(?={lead}(?:{verbs})\b)",
            regex.IGNORECASE)
        self._split_and = regex.compile(rf"\s+and\s+(?={lead}(?:{verbs})\b)", regex.IGNORECASE)
        self._gerund_and = regex.compile(r",?\s+and\s+(?=\p{Ll}+ing\b)")
        self._gerund_lead = regex.compile(r"^(?:(?:stop|cease|refrain\s+from|avoid|keep|continue|start|resume)\s+)?"
                                          r"\p{Ll}+ing\b", regex.IGNORECASE)

    @staticmethod
    def _rejoin(pieces: list[str]) -> list[str]:
        kept = [pieces[0]]
        for piece in pieces[1:]:
            if _PARALLEL.match(piece):
                kept.append(piece)
            else:
                kept[-1] = f"{kept[-1]} and {piece}"
        return kept

    def split(self, action: str) -> list[str]:
        """The separate actions of a coordinated demand."""
        parts: list[str] = []
        for chunk in self._split_listed.split(action):
            # A plain 'and' inside an embedded infinitive ("work with China to manage A and avoid B")
            # joins that infinitive's verbs, not separate demands.
            pieces = self._split_and.split(chunk)
            if " to " in f" {pieces[0]} ":
                pieces = self._rejoin(pieces)
            for piece in pieces:
                if self._gerund_lead.match(piece.strip()):
                    parts.extend(self._gerund_and.split(piece))
                else:
                    parts.append(piece)
        return [p.strip(" ,;") for p in parts if p and p.strip(" ,;")]

    def finish(self, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        action = values.get("action")
        if not action:
            return dropped(values, "no action")
        action = _LEAD.sub("", action.strip())
        action = action.rstrip(" ,.;")
        if action.count("\u201c") <= action.count("\u201d") - 1 or "\u201c" not in action:
            action = action.rstrip("\u201d\"")
        parts = self.split(action)
        items = []
        for part in parts or [action]:
            part = _TO.sub("", part)
            if len(part.split()) < 2 and part.lower() not in ("stop", "withdraw", "leave"):
                continue
            item = dict(values)
            item["action"] = part
            item["polarity"] = "negative" if _NEGATIVE.match(part) else "positive"
            items.append(item)
        return items or dropped(values, f"every demanded action under 2 words: {action!r}")
