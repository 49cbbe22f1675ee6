"""Assertions for unit-testing rules: "this sentence yields that item", with a useful failure.

A rule writer wants to state only what matters (the demander and the action, not the evidence
offsets or the strength), to compare names the way a reader does ("Blinken" for Antony Blinken,
"U.S." for the United States) and text without caring about case, punctuation or quote style,
and, when it fails, to see what the parser found instead and which rule produced it. Plain
``assert`` on a parse gives none of that. These helpers raise ``AssertionError`` and need no
test framework.

>>> from diplonews.testing import assert_extracts
>>> article = assert_extracts(
...     "Wang Yi urged the United States to lift sanctions.",
...     demands=[{"demander": "Wang", "addressee": "U.S.", "action": "lift sanctions"}],
... )

Specs are partial: every key given must match, keys left out are not checked.

* Actor fields (``participants``, ``speaker``, ``demander``, ``addressee``, ``parties``…) take
  names: the canonical name, an alias, the id, a person's surname or a country variant match.
  A list field matches when every expected name is among the item's actors (order ignored).
* Free-text fields (``content``, ``action``, ``verb``…) match tolerantly: ignoring case,
  punctuation and quotation marks, the expected text is contained in the found text, or their
  token F1 reaches 0.8.
* Closed-vocabulary fields (``status``, ``kind``, ``polarity``…) match exactly, ignoring case.
* ``date`` takes the ISO value ("2023-06-19") or the original words ("yesterday");
  ``location`` takes a place's name or a broader place. A dict compares field by field.
* ``rule`` takes a rule id. Any value may also be a one-argument predicate (a callable).
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from diplonews.evaluate import name_variants, norm, token_f1
from diplonews.model import Actor, Article, Item, UnknownKindError

if typing.TYPE_CHECKING:
    from diplonews.parser import Parser

__all__ = ["Spec", "assert_extracts", "assert_not_extracts", "describe_item", "item_matches"]

Spec = Mapping[str, Any]
"""A partial description of an item: field name to expected value."""

TEXT_F1 = 0.8
"""Token F1 at which two free-text values count as the same wording."""

_BUILTIN = ("meetings", "statements", "demands", "agreements")


# ---- field comparison ------------------------------------------------------------------------
def _text_matches(expected: str, found: str) -> bool:
    want, got = norm(expected), norm(found)
    if not want:
        return not got
    return want in got or token_f1(want, got) >= TEXT_F1


def _actor_matches(expected: object, actor_id: str | None, article: Article) -> bool:
    if expected is None:
        return actor_id is None
    if callable(expected):
        return bool(expected(article.actor(actor_id)))
    if actor_id is None:
        return False
    actor = article.actor(actor_id)
    want = name_variants(str(expected))
    names = {norm(actor_id.replace("-", " "))}
    if actor is not None:
        names |= name_variants(actor.name) | {norm(a) for a in actor.aliases}
    if want & names:
        return True
    if actor is not None and actor.kind == "person":
        mine, theirs = set(norm(str(expected)).split()), set(norm(actor.name).split())
        return bool(mine) and (mine <= theirs or theirs <= mine)  # a surname, or a fuller name
    return False


def _literal_field(model: type[BaseModel], name: str) -> bool:
    """Whether a field holds a closed vocabulary (a Literal), compared exactly."""
    info = model.model_fields.get(name)
    if info is None:
        return False
    annotation = info.annotation
    options = typing.get_args(annotation) if typing.get_origin(annotation) is typing.Union else (annotation,)
    return any(typing.get_origin(option) is typing.Literal for option in options)


def _value_matches(expected: object, found: object, model: type[BaseModel], name: str) -> bool:
    if callable(expected) and not isinstance(expected, type):
        return bool(expected(found))
    if expected is None:
        return found is None
    if found is None:
        return False
    if isinstance(found, BaseModel):
        if isinstance(expected, Mapping):
            return all(_value_matches(v, getattr(found, k, None), type(found), k) for k, v in expected.items())
        return _scalar_model_matches(str(expected), found)
    if isinstance(found, list):
        wanted = expected if isinstance(expected, list) else [expected]
        return all(any(_value_matches(w, f, model, name) for f in found) for w in wanted)
    if isinstance(expected, str) and isinstance(found, str):
        if name == "rule" or _literal_field(model, name):
            return expected.casefold() == found.casefold()
        return _text_matches(expected, found)
    return expected == found


def _scalar_model_matches(expected: str, found: BaseModel) -> bool:
    """A date or place given as one string: its value, words or (for places) a name in it."""
    data = found.model_dump()
    if "precision" in data:  # a DateValue
        return expected == data.get("value") or norm(expected) == norm(data.get("text") or "")
    names = [data.get("name"), *(data.get("broader") or [])]
    return any(isinstance(n, str) and _text_matches(expected, n) for n in names)


def item_matches(item: Item, spec: Spec, article: Article) -> bool:
    """Whether an item satisfies every key of a partial spec."""
    return not _mismatches(item, spec, article)


def _mismatches(item: Item, spec: Spec, article: Article) -> list[str]:
    """The spec keys an item fails, empty when it matches."""
    model = type(item)
    failed: list[str] = []
    for key, expected in spec.items():
        if key not in model.model_fields:
            raise AssertionError(f"{model.__name__} has no field {key!r} (fields: "
                                 f"{', '.join(sorted(model.model_fields))})")
        found = getattr(item, key)
        if key in model.actor_fields:
            if isinstance(found, list):
                wanted = expected if isinstance(expected, list) else [expected]
                ok = _actors_cover(wanted, found, article)
            else:
                ok = _actor_matches(expected, found, article)
        else:
            ok = _value_matches(expected, found, model, key)
        if not ok:
            failed.append(key)
    return failed


def _actors_cover(wanted: Sequence[object], found: Sequence[str], article: Article) -> bool:
    """Every expected actor names a distinct actor of the list."""
    used: set[int] = set()
    for w in wanted:
        hit = next((i for i, a in enumerate(found) if i not in used and _actor_matches(w, a, article)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


# ---- rendering -------------------------------------------------------------------------------
def _actor_name(article: Article, actor_id: str | None) -> str:
    actor: Actor | None = article.actor(actor_id)
    return actor.name if actor else str(actor_id)


def _render_value(article: Article, item: Item, key: str, value: object) -> str:
    if key in type(item).actor_fields:
        if isinstance(value, list):
            return "[" + ", ".join(_actor_name(article, v) for v in value) + "]"
        return _actor_name(article, value if isinstance(value, str) else None)
    if isinstance(value, BaseModel):
        data = value.model_dump()
        return str(data.get("value") or data.get("name") or data)
    return repr(value)


def describe_item(item: Item, article: Article) -> str:
    """One line per item: its fields with actor names instead of ids, then its rule."""
    shown = [f"{k}={_render_value(article, item, k, v)}" for k, v in item if k not in ("rule", "evidence")
             and v not in (None, [], "")]
    return f"[{item.rule}] " + ", ".join(shown)


def _spec_words(spec: Spec) -> str:
    def flat(value: object) -> str:
        if isinstance(value, Mapping):
            return " ".join(flat(v) for v in value.values())
        if isinstance(value, list | tuple):
            return " ".join(flat(v) for v in value)
        return "" if callable(value) else str(value)
    return flat(spec)


def _nearest(spec: Spec, items: Sequence[Item], article: Article) -> tuple[Item, list[str]] | None:
    """The found item sharing most words with the spec, and the keys it fails."""
    if not items:
        return None
    words = _spec_words(spec)
    wanted = Counter(norm(words).split())

    def overlap(item: Item) -> tuple[float, int, float]:
        # Share of the spec's words the item contains (long items are not penalized), then the
        # fewest failing keys, then token F1.
        shown = describe_item(item, article)
        common = sum((wanted & Counter(norm(shown).split())).values())
        share = common / sum(wanted.values()) if wanted else 0.0
        return share, -len(_mismatches(item, spec, article)), token_f1(words, shown)

    best = max(items, key=overlap)
    return best, _mismatches(best, spec, article)


# ---- assertions ------------------------------------------------------------------------------
def _parse(text: str | Article, published: dt.date | dt.datetime | str | None,
           parser: Parser | None) -> Article:
    if isinstance(text, Article):
        return text
    if parser is None:
        from diplonews.parser import default_parser

        parser = default_parser()
    return parser.parse(text, published=published)


def _expected(meetings: Sequence[Spec], statements: Sequence[Spec], demands: Sequence[Spec],
              agreements: Sequence[Spec], items: Mapping[str, Sequence[Spec]] | None
              ) -> dict[str, Sequence[Spec]]:
    wanted: dict[str, Sequence[Spec]] = {"meetings": meetings, "statements": statements,
                                         "demands": demands, "agreements": agreements}
    wanted.update(items or {})
    return {kind: specs for kind, specs in wanted.items() if specs}


def _assign(specs: Sequence[Spec], items: Sequence[Item], article: Article) -> dict[int, int]:
    """A one-to-one assignment of specs to items that satisfies as many specs as possible."""
    fits = [[j for j, item in enumerate(items) if item_matches(item, spec, article)] for spec in specs]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(specs)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def _listing(kind: str, items: Sequence[Item], article: Article) -> list[str]:
    lines = [f"  found {kind} ({len(items)}):"]
    lines += [f"    {describe_item(item, article)}" for item in items] or ["    (none)"]
    return lines


def assert_extracts(
    text: str | Article,
    *,
    published: dt.date | dt.datetime | str | None = None,
    parser: Parser | None = None,
    meetings: Sequence[Spec] = (),
    statements: Sequence[Spec] = (),
    demands: Sequence[Spec] = (),
    agreements: Sequence[Spec] = (),
    items: Mapping[str, Sequence[Spec]] | None = None,
) -> Article:
    """Parse ``text`` and check that every spec is satisfied by a distinct item of its kind.

    ``items`` holds specs for user-defined kinds, by plural name. Items the specs do not
    mention are allowed. Returns the parse, for further checks. On failure the message shows
    each missing spec, the nearest item found (most words in common, with its rule and the
    keys it fails), and every item found of that kind.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this function's source
    article = _parse(text, published, parser)
    problems: list[str] = []
    for kind, specs in _expected(meetings, statements, demands, agreements, items).items():
        try:
            found = article.items(kind)
        except UnknownKindError as exc:
            problems.append(f"{exc} (register a custom kind with Parser.with_kind)")
            continue
        assigned = _assign(specs, found, article)
        missing = [spec for i, spec in enumerate(specs) if i not in assigned]
        if not missing:
            continue
        problems.append(f"{len(missing)} of {len(specs)} expected {kind} not found")
        for spec in missing:
            problems.append(f"  missing {_singular(kind)}: {dict(spec)!r}")
            near = _nearest(spec, found, article)
            if near is None:
                problems.append("    nearest: none")
            else:
                item, failed = near
                why = f" (differs in: {', '.join(failed)})" if failed else " (already used by another spec)"
                problems.append(f"    nearest: {describe_item(item, article)}{why}")
                problems.append(f"    rule: {item.rule}")
        problems.extend(_listing(kind, found, article))
    if problems:
        raise AssertionError("assert_extracts failed:\n" + "\n".join(problems) + _errors(article))
    return article


def assert_not_extracts(
    text: str | Article,
    *,
    published: dt.date | dt.datetime | str | None = None,
    parser: Parser | None = None,
    meetings: Sequence[Spec] = (),
    statements: Sequence[Spec] = (),
    demands: Sequence[Spec] = (),
    agreements: Sequence[Spec] = (),
    items: Mapping[str, Sequence[Spec]] | None = None,
) -> Article:
    """Parse ``text`` and check that no item satisfies any of the specs (``{}`` matches any item).

    Use it for counterexamples: ``assert_not_extracts(text, agreements=[{}])`` says the
    sentence yields no agreement at all. The failure names the offending item and its rule.
    """
    __tracebackhide__ = True
    article = _parse(text, published, parser)
    problems: list[str] = []
    for kind, specs in _expected(meetings, statements, demands, agreements, items).items():
        try:
            found = article.items(kind)
        except UnknownKindError as exc:
            problems.append(f"{exc} (register a custom kind with Parser.with_kind)")
            continue
        for spec in specs:
            for item in found:
                if item_matches(item, spec, article):
                    problems.append(f"unexpected {_singular(kind)} matching {dict(spec)!r}:")
                    problems.append(f"    {describe_item(item, article)}")
                    problems.append(f"    rule: {item.rule}; evidence: "
                                    + " | ".join(repr(e.text) for e in item.evidence))
    if problems:
        raise AssertionError("assert_not_extracts failed:\n" + "\n".join(problems))
    return article


def _singular(kind: str) -> str:
    return kind[:-1] if kind.endswith("s") else kind


def _errors(article: Article) -> str:
    return ("\n  parser errors:\n" + "\n".join(f"    {e}" for e in article.errors)) if article.errors else ""



# Capability suites (templates, lexicons, ``diplonews check``) live in diplonews.capability.
from diplonews.capability import Capability, expand, load_suite, run_suite  # noqa: E402

__all__ += ["Capability", "expand", "load_suite", "run_suite"]
