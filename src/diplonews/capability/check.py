"""Checking one parse against a case: expected items, forbidden items, and invariance signatures.

Kept apart from running a suite because it is the part that knows how items are compared: the
spec matching of :mod:`diplonews.testing` plus what capabilities add to it (``~NAME`` for an
actor of or for NAME, ``A|B`` for either actor, specs on the actor table, and the signature that
writes every filler as its slot name so that two texts can be compared across a swap).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from diplonews.capability.perturb import to_american
from diplonews.evaluate import name_variants, norm, token_f1
from diplonews.model import Actor, Article, Item

__all__ = ["forbidden", "found", "satisfies", "signature"]


def _affiliated(expected: str, article: Article) -> Callable[[Actor | None], bool]:
    """``~Kenya``: the actor is Kenya, or a person or body of Kenya."""
    want = name_variants(expected)

    def check(actor: Actor | None) -> bool:
        if actor is None:
            return False
        own = name_variants(actor.name) | {norm(actor.id.replace("-", " "))}
        linked = {norm(x.replace("-", " ")) for x in (actor.country, actor.affiliation) if x}
        return bool(want & (own | linked))
    return check


def _actor_value(value: object, article: Article) -> object:
    """``~NAME`` (NAME or one of its own) and ``A|B`` (either actor) as predicates; names as they are."""
    from diplonews.testing import _actor_matches

    if not isinstance(value, str):
        return value
    if "|" in value:
        options = [_actor_value(v.strip(), article) for v in value.split("|")]

        def either(actor: Actor | None) -> bool:
            if actor is None:
                return False
            return any(o(actor) if callable(o) else _actor_matches(o, actor.id, article) for o in options)
        return either
    if value.startswith("~"):
        return _affiliated(value[1:], article)
    return value


def _resolve(spec: Mapping[str, Any], model: type[Item], article: Article) -> dict[str, Any]:
    """A spec with its special actor values (``~NAME``, ``A|B``) turned into predicates."""
    out: dict[str, Any] = {}
    for key, value in spec.items():
        if key in model.actor_fields:
            value = ([_actor_value(v, article) for v in value] if isinstance(value, list)
                     else _actor_value(value, article))
        out[key] = value
    return out


def _actor_spec_matches(actor: Actor, spec: Mapping[str, Any], article: Article) -> bool:
    for key, want in spec.items():
        if key == "name":
            names = name_variants(actor.name) | {norm(a) for a in actor.aliases}
            if not name_variants(str(want)) & names:
                return False
        elif key == "alias":
            if norm(str(want)) not in {norm(a) for a in actor.aliases} | {norm(actor.name)}:
                return False
        elif key in ("country", "affiliation"):
            got = getattr(actor, key)
            if want is None:
                if got is not None:
                    return False
            elif got is None or not name_variants(str(want)) & {norm(got.replace("-", " "))}:
                other = article.actor(got)
                if other is None or not name_variants(str(want)) & name_variants(other.name):
                    return False
        elif key == "kind":
            if actor.kind != want:
                return False
        elif key == "title":
            if not actor.title or token_f1(str(want), actor.title) < 0.8:
                return False
        else:
            raise ValueError(f"actor specs take name, alias, kind, title, country, affiliation; not {key!r}")
    return True


def _describe_actor(actor: Actor) -> str:
    extra = ", ".join(f"{k}={v}" for k, v in (("kind", actor.kind), ("title", actor.title),
                                              ("country", actor.country), ("aliases", actor.aliases)) if v)
    return f"{actor.name} ({extra})"


def found(kind: str, article: Article) -> list[str]:
    """One line per item of the kind (or per actor), as failures show what came out instead."""
    from diplonews.testing import describe_item

    if kind == "actors":
        return [_describe_actor(a) for a in article.actors]
    return [describe_item(item, article) for item in article.items(kind)]


def satisfies(kind: str, specs: Sequence[Mapping[str, Any]], article: Article, exact: bool) -> bool:
    """Whether each spec is met by a distinct item (with ``exact``, and no other item of the kind)."""
    from diplonews.testing import _assign

    if kind == "actors":
        used: set[int] = set()
        for spec in specs:
            hit = next((i for i, a in enumerate(article.actors)
                        if i not in used and _actor_spec_matches(a, spec, article)), None)
            if hit is None:
                return False
            used.add(hit)
        return True
    items = article.items(kind)
    if not items and specs:
        return False
    model = type(items[0]) if items else Item
    resolved = [_resolve(s, model, article) for s in specs]
    assigned = _assign(resolved, items, article)
    return len(assigned) == len(specs) and (not exact or len(items) == len(specs))


def forbidden(kind: str, specs: Sequence[Mapping[str, Any]], article: Article) -> bool:
    """Whether any item of the kind matches any of the specs."""
    from diplonews.testing import item_matches

    if kind == "actors":
        return any(_actor_spec_matches(a, s, article) for a in article.actors for s in specs)
    items = article.items(kind)
    return any(item_matches(item, _resolve(s, type(item), article), article) for item in items for s in specs)


def signature(kind: str, article: Article, fillers: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The items of a kind with every filler written as its slot name: equal across invariant texts."""
    names = {slot: name_variants(e.get("name", e["text"])) for slot, e in fillers.items()}
    texts = sorted(((norm(to_american(e["text"])), slot) for slot, e in fillers.items() if e["text"].strip()),
                   key=lambda p: -len(p[0]))

    def actor(actor_id: str | None) -> str:
        a = article.actor(actor_id)
        if a is None:
            return "-"
        own = name_variants(a.name)
        linked = {norm(x.replace("-", " ")) for x in (a.country,) if x}
        for slot, variants in names.items():
            if variants & own:
                return f"<{slot}>"
        for slot, variants in names.items():
            if variants & linked:
                return f"<{slot}'s>"
        return norm(a.name)

    def text(value: str) -> str:
        out = f" {norm(to_american(value))} "
        for words, slot in texts:
            if words:
                out = out.replace(f" {words} ", f" <{slot}> ")
        return out.strip()

    if kind == "actors":
        return sorted(f"{actor(a.id)}|{a.kind}" for a in article.actors)
    rows = []
    for item in article.items(kind):
        parts = []
        for key, value in item:
            if key in ("rule", "evidence", "date", "location", "duration", "verb"):
                continue
            if key in type(item).actor_fields:
                shown = (sorted(actor(v) for v in value) if isinstance(value, list) else actor(value))
                parts.append(f"{key}={shown}")
            elif isinstance(value, str):
                parts.append(f"{key}={text(value)}")
            else:
                parts.append(f"{key}={value}")
        rows.append("; ".join(parts))
    return sorted(rows)
