"""Lexicons: the words a capability's slots are filled from, kept as data.

A lexicon is a named list of entries. An entry is a table with the ``text`` a template inserts
and whatever attributes other slots or expectations refer to (``name``, ``surname``, ``country``,
``demonym``, ``capital``, ``pronoun``, a verb's ``base`` and irregular parts). A plain string is
an entry whose text is the string. The library ships lexicons in ``diplonews/data/lexicons``
(persons with titles from many countries, countries with demonyms and capitals, organisations,
cities, venues, dates, descriptive groups and verb classes); a suite adds or extends its own
under a ``[lexicon]`` table. Nested tables name lexicons with dots: ``verb.demand_to``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["Entry", "Lexicons", "default_lexicons", "entries_from", "load_lexicons", "merge"]

Entry = dict[str, str]
"""One filler: ``text`` plus attributes, all strings."""

Lexicons = dict[str, list[Entry]]
"""Lexicon name to its entries, in file order."""


def _entry(value: object, where: str) -> Entry:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, Mapping):
        entry = {str(k): str(v) for k, v in value.items()}
        if "text" not in entry:
            if "base" in entry:
                entry["text"] = entry["base"]
            elif "name" in entry:
                entry["text"] = entry["name"]
            else:
                raise ValueError(f"lexicon {where}: an entry needs 'text' (or 'name' / 'base'): {dict(value)!r}")
        return entry
    raise ValueError(f"lexicon {where}: entries are strings or tables, got {value!r}")


def entries_from(data: Mapping[str, Any], prefix: str = "") -> Lexicons:
    """The lexicons in a parsed TOML table: arrays are lexicons, tables nest names with dots."""
    out: Lexicons = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, list):
            out[name] = [_entry(v, name) for v in value]
        elif isinstance(value, Mapping):
            out.update(entries_from(value, f"{name}."))
        else:
            raise ValueError(f"lexicon {name}: expected a list of entries or a table, got {value!r}")
    return out


def merge(*parts: Mapping[str, list[Entry]]) -> Lexicons:
    """Lexicons combined; a later part's entries extend an earlier lexicon of the same name."""
    out: Lexicons = {}
    for part in parts:
        for name, entries in part.items():
            seen = {e["text"] for e in out.get(name, [])}
            out.setdefault(name, []).extend(e for e in entries if e["text"] not in seen)
    return out


def load_lexicons(paths: Iterable[str | Path]) -> Lexicons:
    """Lexicons read from TOML files, whose top-level keys are lexicon names."""
    parts = []
    for path in paths:
        with open(path, "rb") as handle:
            parts.append(entries_from(tomllib.load(handle)))
    return merge(*parts)


_DEFAULT: Lexicons | None = None


def default_lexicons() -> Lexicons:
    """The lexicons shipped with diplonews (read once)."""
    global _DEFAULT
    if _DEFAULT is None:
        folder = resources.files("diplonews") / "data" / "lexicons"
        parts = []
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".toml"):
                parts.append(entries_from(tomllib.loads(item.read_text(encoding="utf-8"))))
        _DEFAULT = merge(*parts)
    return {name: list(entries) for name, entries in _DEFAULT.items()}
