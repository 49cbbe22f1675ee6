"""Rules written in Python: small functions that build the same validated objects a TOML file does.

A rule file on disk and a rule built here end as the same ``RuleSpec``/``RuleFile``, so the
parser, the error codes and ``check_rules`` treat them alike. The builder exists so a program
can keep its few extra rules next to the code that uses them, with editor completion and
without a data file, while validation still happens up front and reports a ``RuleError``:

>>> from diplonews.rules.builder import example, rule, rule_file
>>> spec = rule("sanction.imposed", kind="sanction",
...             pattern="{imposer:ACTOR} imposed sanctions on {target:ACTOR}",
...             examples=[example("The United States imposed sanctions on Iran.", target="Iran")])
>>> spec.id, spec.examples[0].expect
('sanction.imposed', {'target': 'Iran'})
>>> len(rule_file(spec, overlap="longest").rules)
1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from diplonews.rules.errors import RuleError
from diplonews.rules.schema import OverlapPolicy, PlaceholderSpec, RuleExample, RuleFile, RuleSpec

__all__ = ["example", "pattern", "rule", "rule_file", "words"]

_SOURCE = "<python>"
_Model = TypeVar("_Model", bound=BaseModel)
ExampleLike = RuleExample | str | tuple[str, Mapping[str, str | list[str]]] | Mapping[str, Any]


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
                     for err in exc.errors()[:5])


def _build(model: type[_Model], data: Mapping[str, Any], code: str, rule_id: str | None) -> _Model:
    """Validate like a file would be validated, so a mistake carries the same code and names."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise RuleError(code, _problems(exc), source=_SOURCE, rule=rule_id) from exc


def example(text: str, /, **expect: str | list[str]) -> RuleExample:
    """A sentence the rule must match, with field values the item must hold (forgiving match)."""
    return _build(RuleExample, {"text": text, "expect": expect}, "DN102", None)


def _example(value: ExampleLike, rule_id: str) -> RuleExample | Mapping[str, Any]:
    if isinstance(value, (RuleExample, Mapping)):
        return value
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, tuple) and len(value) == 2:
        return {"text": value[0], "expect": dict(value[1])}
    raise RuleError("DN102", f"an example is a str, (text, expect) pair, mapping or RuleExample, "
                    f"not {type(value).__name__}", source=_SOURCE, rule=rule_id)


def rule(
    id: str,
    *,
    kind: str,
    pattern: str,
    priority: int = 0,
    enabled: bool = True,
    description: str = "",
    set: Mapping[str, str] | None = None,
    inherit: Iterable[str] = (),
    examples: Iterable[ExampleLike] = (),
    counterexamples: Iterable[str] = (),
) -> RuleSpec:
    """One rule, validated now (schema errors raise ``RuleError`` DN102 naming the rule).

    The pattern itself is compiled when the rule reaches a parser (``Parser.with_rules``),
    because only then are the placeholders and item kinds it may use known.
    """
    data = {
        "id": id, "kind": kind, "pattern": pattern, "priority": priority, "enabled": enabled,
        "description": description, "set": dict(set or {}), "inherit": list(inherit),
        "examples": [_example(e, id) for e in examples], "counterexamples": list(counterexamples),
    }
    return _build(RuleSpec, data, "DN102", id)


def words(*items: str, description: str = "") -> PlaceholderSpec:
    """A word-list placeholder: ``{NAME}`` matches any of the words (longest first)."""
    return PlaceholderSpec(words=list(items), description=description)


def pattern(source: str, description: str = "") -> PlaceholderSpec:
    """A pattern placeholder: a regex that may use other placeholders by ``{NAME}``."""
    return PlaceholderSpec(pattern=source, description=description)


def rule_file(
    *parts: RuleSpec | RuleFile | Sequence[RuleSpec],
    overlap: OverlapPolicy = "priority",
    placeholders: Mapping[str, PlaceholderSpec] | None = None,
    extend: Mapping[str, Iterable[str]] | None = None,
    disable: Iterable[str] = (),
) -> RuleFile:
    """One rule file composed of rules, lists of rules and other rule files, in order.

    Composed files contribute their rules, placeholders, ``extend`` words and ``disable`` ids;
    placeholders given here win over theirs. The result is one file with one overlap policy, so,
    as in a file on disk, two rules with the same id are an error (DN106) rather than a silent
    override: to replace a rule, pass a second file to ``Parser.with_rules``.
    """
    rules: list[RuleSpec] = []
    merged_placeholders: dict[str, PlaceholderSpec] = {}
    merged_extend: dict[str, list[str]] = {}
    disabled: list[str] = []
    for part in parts:
        if isinstance(part, RuleSpec):
            rules.append(part)
        elif isinstance(part, RuleFile):
            rules.extend(part.rules)
            merged_placeholders.update(part.placeholders)
            for name, added in part.extend.items():
                merged_extend.setdefault(name, []).extend(added)
            disabled.extend(part.disable)
        else:
            rules.extend(part)
    merged_placeholders.update(placeholders or {})
    for name, more in (extend or {}).items():
        merged_extend.setdefault(name, []).extend(more)
    disabled.extend(disable)
    seen: set[str] = set()
    for spec in rules:
        if not isinstance(spec, RuleSpec):
            raise RuleError("DN102", f"a rule file is composed of rules and rule files, not "
                            f"{type(spec).__name__}", source=_SOURCE)
        if spec.id in seen:
            raise RuleError("DN106", "duplicate rule id", source=_SOURCE, rule=spec.id)
        seen.add(spec.id)
    return _build(RuleFile, {"overlap": overlap, "placeholders": merged_placeholders,
                             "extend": merged_extend, "rules": rules, "disable": disabled}, "DN102", None)
