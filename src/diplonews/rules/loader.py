"""Reading rule files and gazetteers (TOML or JSON) into validated schema objects.

Default data ships inside the package (``diplonews/data``) and is read with
``importlib.resources``; user files are read from paths. Either way, what comes back is a
validated ``RuleFile`` or ``GazetteerFile``, or a ``RuleError`` naming the file.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from diplonews.rules.errors import RuleError
from diplonews.rules.schema import ActorEntry, GazetteerFile, PlaceholderSpec, RuleExample, RuleFile, RuleSpec

__all__ = ["default_gazetteers", "default_rule_files", "is_shipped", "load_gazetteer", "load_rule_file", "validate"]

_Model = TypeVar("_Model", bound=BaseModel)
_MAX_FILE_BYTES = 50_000_000


def _parse_text(text: str, source: str) -> Any:
    try:
        if source.endswith(".json"):
            return json.loads(text)
        return tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise RuleError("DN101", f"not valid {'JSON' if source.endswith('.json') else 'TOML'}: {exc}",
                        source=source) from exc


def validate(model: type[_Model], data: Any, source: str, code: str) -> _Model:
    """``data`` as a ``model`` (a rule file or gazetteer), or a ``RuleError`` naming the file,
    the rule, and for a misspelt key the key it probably meant."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(_problem(err) for err in exc.errors()[:5])
        raise RuleError(code, problems, source=source, rule=_rule_id(data, exc)) from exc


_validate = validate


def _known_keys() -> list[str]:
    return sorted({name for model in (RuleFile, RuleSpec, RuleExample, PlaceholderSpec, GazetteerFile, ActorEntry)
                   for name in model.model_fields})


def _problem(err: Any) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "<root>"
    if err["type"] == "extra_forbidden" and err["loc"]:
        key = str(err["loc"][-1])
        near = difflib.get_close_matches(key, _known_keys(), n=1, cutoff=0.7)
        return f"{where}: unknown key {key!r}" + (f" (did you mean {near[0]!r}?)" if near else "")
    return f"{where}: {err['msg']}"


def _rule_id(data: Any, exc: ValidationError) -> str | None:
    """The id of the rule the first schema error is in, so the message can name it."""
    loc = exc.errors()[0]["loc"] if exc.errors() else ()
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and isinstance(data, dict):
        rules = data.get("rules")
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule_id = rules[loc[1]].get("id")
            return rule_id if isinstance(rule_id, str) else None
    return None


def _read(path: str | Path) -> tuple[str, str]:
    source = str(path)
    try:
        p = Path(path)
        if p.stat().st_size > _MAX_FILE_BYTES:
            raise RuleError("DN101", f"file larger than {_MAX_FILE_BYTES} bytes", source=source)
        return p.read_text(encoding="utf-8"), source
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError("DN101", f"cannot read file: {exc}", source=source) from exc


def load_rule_file(path: str | Path) -> RuleFile:
    """A user rule file (``.toml`` or ``.json``), validated."""
    text, source = _read(path)
    return _validate(RuleFile, _parse_text(text, source), source, "DN102")


def load_gazetteer(path: str | Path) -> GazetteerFile:
    """A user gazetteer file (``.toml`` or ``.json``), validated."""
    text, source = _read(path)
    return _validate(GazetteerFile, _parse_text(text, source), source, "DN109")


def _package_files(folder: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    root = resources.files("diplonews").joinpath("data", folder)
    found = [(f"{_SHIPPED_PREFIX}{folder}/{entry.name}", entry.read_text(encoding="utf-8"))
             for entry in root.iterdir() if entry.name.endswith(suffixes)]
    return sorted(found)


_SHIPPED_PREFIX = "diplonews/data/"


def is_shipped(source: str) -> bool:
    """Whether a rule file's source names one of the files shipped with diplonews."""
    return source.startswith(_SHIPPED_PREFIX)


def default_rule_files() -> list[tuple[str, RuleFile]]:
    """The rule files shipped with diplonews, by name order (lexicon first)."""
    return [(source, _validate(RuleFile, _parse_text(text, source), source, "DN102"))
            for source, text in _package_files("rules", (".toml", ".json"))]


def default_gazetteers() -> list[tuple[str, GazetteerFile]]:
    """The gazetteers shipped with diplonews."""
    return [(source, _validate(GazetteerFile, _parse_text(text, source), source, "DN109"))
            for source, text in _package_files("gazetteer", (".toml", ".json"))]
