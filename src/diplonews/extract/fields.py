"""Turning a match's named groups into field values, whatever the item kind.

An actor field takes the ids of the actor tokens inside its group; a date or place field takes
its token's value; any other field takes the group's text (tokens expanded back to words).
Which is which comes from the item model: ``actor_fields`` and the field's annotation.
"""

from __future__ import annotations

import typing
from typing import Any

from diplonews.extract.context import MatchContext
from diplonews.model import DateValue, Item, Place
from diplonews.rules.engine import RuleMatch

__all__ = ["field_roles", "group_values"]


def field_roles(model: type[Item]) -> dict[str, str]:
    """Each field's role: 'actor', 'actors', 'date', 'place' or 'text'."""
    actor_fields: set[str] = set(getattr(model, "actor_fields", set()))
    roles: dict[str, str] = {}
    hints = typing.get_type_hints(model)
    for name in model.model_fields:
        hint = hints.get(name)
        text = repr(hint)
        if name in actor_fields:
            roles[name] = "actors" if text.startswith("list") else "actor"
        elif "DateValue" in text:
            roles[name] = "date"
        elif "Place" in text:
            roles[name] = "place"
        else:
            roles[name] = "text"
    return roles


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-\u2014\u2013")


def group_values(match: RuleMatch, ctx: MatchContext, roles: dict[str, str]) -> dict[str, Any]:
    """Field values from a match's groups, by the field's role."""
    values: dict[str, Any] = {}
    sentence = ctx.sentence
    for name, spans in match.groups.items():
        role = roles.get(name, "text")
        if role in ("actor", "actors"):
            ids: list[str] = []
            for s, e in spans:
                for mention in sentence.tokens_in(s, e):
                    for actor_id in mention.actor_ids:
                        if actor_id not in ids:
                            ids.append(actor_id)
            values[name] = ids if role == "actors" else (ids[0] if ids else None)
            values[f"_{name}_groups"] = [
                [a for mention in sentence.tokens_in(s, e) for a in mention.actor_ids] for s, e in spans]
            if role == "actor" and len(ids) > 1:
                values[f"_{name}_all"] = ids
                values[f"_{name}_span"] = sentence.to_text(*spans[0])
        elif role in ("date", "place"):
            for s, e in spans:
                for mention in sentence.tokens_in(s, e):
                    value: DateValue | Place | None = mention.date if role == "date" else mention.place
                    if value is not None:
                        values[name] = value
                        break
        else:
            s, e = spans[0]
            start, end = sentence.to_text(s, e)
            values[name] = _clean(ctx.text[start:end])
            values[f"_{name}_span"] = (start, end)
            if len(spans) > 1:  # a group captured twice: a quotation split by its attribution
                values[f"_{name}_spans"] = [sentence.to_text(s, e) for s, e in spans]
    return values
