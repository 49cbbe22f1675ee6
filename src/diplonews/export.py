"""Flat tables from parse results, for spreadsheets, SQL and dataframes.

A parse result is nested (items → actor ids → actors table; dates and places as objects), which
is right for programs but awkward for analysts. :func:`to_rows` flattens every item into one
row: the article id, the item's index, actor fields replaced by actor *names* (joined with
``"; "`` when there are several), nested fields spread into ``field_subfield`` columns, the rule
and the first evidence span (so every row can still be checked against the text). An
``articles`` table gives one row per input, including the inputs that failed.
"""

from __future__ import annotations

import csv
import importlib
import json
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from diplonews.batch import BatchRecord
from diplonews.model import Agreement, Article, Demand, Item, Meeting, Statement

__all__ = ["ExportError", "read_results", "to_rows", "write_csv", "write_parquet"]

Row = dict[str, Any]
_BUILTIN: dict[str, type[Item]] = {"meetings": Meeting, "statements": Statement, "demands": Demand,
                                   "agreements": Agreement}
_ARTICLE_COLUMNS = ["article_id", "ok", "error", "published", "chars", "actors", *_BUILTIN]
_TAIL = ["rule", "evidence_start", "evidence_end", "evidence_text", "evidence_count"]


class ExportError(RuntimeError):
    """An export that cannot be done (e.g. Parquet without pyarrow installed)."""


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X | None`` annotations, if any."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _columns(model: type[Item]) -> list[str]:
    """A kind's columns, known before any row exists, so empty tables still get a header."""
    columns = ["article_id", "item"]
    for name, info in model.model_fields.items():
        if name in ("rule", "evidence"):
            continue
        nested = _nested_model(info.annotation)
        if nested is None:
            columns.append(name)
        else:
            columns.extend(f"{name}_{sub}" for sub in nested.model_fields)
    return columns + _TAIL


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def _flat_item(article_id: str, index: int, item: Mapping[str, Any], actor_fields: frozenset[str] | None,
               names: Mapping[str, str]) -> Row:
    row: Row = {"article_id": article_id, "item": index}
    for key, value in item.items():
        if key in ("rule", "evidence") or (value is None and actor_fields is not None):
            continue  # a built-in kind's columns are known up front; None is an empty cell
        ids = value if isinstance(value, list) else [value]
        # Extra kinds come back from JSON without their model: a field whose values are all
        # actor ids is taken to be an actor field.
        is_actor = (key in actor_fields if actor_fields is not None
                    else bool(ids) and all(isinstance(v, str) and v in names for v in ids))
        if is_actor:
            resolved = [names.get(v, v) for v in ids if v is not None]
            row[key] = "; ".join(resolved) if resolved else None
        elif isinstance(value, Mapping):
            for sub, subvalue in value.items():
                row[f"{key}_{sub}"] = _cell(subvalue)
        else:
            row[key] = _cell(value)
    evidence = item.get("evidence") or []
    first = evidence[0] if evidence else {}
    row.update({"rule": item.get("rule"), "evidence_start": first.get("start"),
                "evidence_end": first.get("end"), "evidence_text": first.get("text"),
                "evidence_count": len(evidence)})
    return row


def _as_result(position: int, record: BatchRecord | Article | Mapping[str, Any]
               ) -> tuple[str, Mapping[str, Any] | None, str | None]:
    if isinstance(record, Article):
        return str(position), record.model_dump(mode="json"), None
    if isinstance(record, BatchRecord):
        result = record.article.model_dump(mode="json") if record.article is not None else None
        return record.id, result, record.error
    rid = str(record.get("id", position))
    result = record.get("result")
    error = record.get("error")
    if not isinstance(result, Mapping) and not (record.get("ok") is False and isinstance(error, str)):
        # An events file, a gold file, any other JSON: flattening it would give rows that say
        # ok=False with no error, which look like failed parses rather than a wrong input.
        keys = ", ".join(sorted(map(str, record))[:6]) or "none"
        raise ExportError(f"record {position + 1} is not a 'diplonews batch' result "
                          f"(expected keys id, ok and result or error; found {keys})")
    return rid, result if isinstance(result, Mapping) else None, error


def to_rows(records: Iterable[BatchRecord | Article | Mapping[str, Any]]) -> dict[str, list[Row]]:
    """Flat rows by table: ``articles``, the four built-in kinds (always present, maybe
    empty) and any user-defined kind found. ``records`` are :class:`BatchRecord`\\ s, lines of
    a ``diplonews batch`` output (as dicts), or bare :class:`Article`\\ s (id = position)."""
    tables: dict[str, list[Row]] = {"articles": [], **{kind: [] for kind in _BUILTIN}}
    for position, record in enumerate(records):
        rid, result, error = _as_result(position, record)
        if result is None:
            tables["articles"].append({"article_id": rid, "ok": False, "error": error})
            continue
        names = {a["id"]: a["name"] for a in result.get("actors", [])}
        summary: Row = {"article_id": rid, "ok": True, "error": None, "published": result.get("published"),
                        "chars": len(result.get("text", "")), "actors": len(names)}
        kinds: list[tuple[str, list[Any], frozenset[str] | None]] = [
            (kind, result.get(kind, []), model.actor_fields) for kind, model in _BUILTIN.items()]
        kinds += [(kind, found, None) for kind, found in result.get("extra_items", {}).items()]
        for kind, found, actor_fields in kinds:
            summary[kind] = len(found)
            rows = tables.setdefault(kind, [])
            rows.extend(_flat_item(rid, i, item, actor_fields, names) for i, item in enumerate(found))
        tables["articles"].append(summary)
    return tables


def _table_columns(kind: str, rows: list[Row]) -> list[str]:
    model = _BUILTIN.get(kind)
    columns = _columns(model) if model is not None else (_ARTICLE_COLUMNS if kind == "articles" else [])
    seen = dict.fromkeys(columns)
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def read_results(path: str | Path) -> Iterator[Mapping[str, Any]]:
    """The records of a ``diplonews batch`` output file, lazily; unparsable lines (e.g. one
    cut short by a crash) are skipped. A file that is not UTF-8 text, or in which no line is
    a JSON object, is an :class:`ExportError` rather than an empty export."""
    found = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ExportError(f"{path} is not a 'diplonews batch' output: line {number} is not UTF-8 "
                                  f"text (byte {exc.start})") from exc
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                found += 1
                yield value
    if not found:
        raise ExportError(f"{path} holds no JSON records; expected the output of 'diplonews batch'")


def write_csv(tables: Mapping[str, list[Row]], directory: str | Path) -> dict[str, Path]:
    """Write one ``KIND.csv`` per table of :func:`to_rows` into ``directory`` (created)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for kind, rows in tables.items():
        path = out / f"{kind}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_table_columns(kind, rows), restval="")
            writer.writeheader()
            writer.writerows(rows)
        written[kind] = path
    return written


def _arrow_column(pa: Any, values: list[Any]) -> Any:
    """An Arrow column; all-null and mixed-type columns (possible in user kinds) become strings."""
    if all(v is None for v in values):
        return pa.array(values, pa.string())
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())


def write_parquet(tables: Mapping[str, list[Row]], directory: str | Path) -> dict[str, Path]:
    """Write one ``KIND.parquet`` per table; needs pyarrow (``pip install diplonews[parquet]``)."""
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'diplonews[parquet]'") from exc
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for kind, rows in tables.items():
        columns = _table_columns(kind, rows)
        data = {c: [row.get(c) for row in rows] for c in columns}
        arrays = {c: _arrow_column(pa, v) for c, v in data.items()}
        path = out / f"{kind}.parquet"
        pq.write_table(pa.table(arrays), path)
        written[kind] = path
    return written
