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
import datetime as dt
import importlib
import json
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from diplonews.batch import BatchRecord
from diplonews.model import Agreement, Article, DateValue, Demand, Item, Meeting, Statement

__all__ = ["ExportError", "read_results", "to_frames", "to_rows", "write_csv", "write_parquet"]

Row = dict[str, Any]
_BUILTIN: dict[str, type[Item]] = {"meetings": Meeting, "statements": Statement, "demands": Demand,
                                   "agreements": Agreement}
_ARTICLE_COLUMNS = ["article_id", "ok", "error", "published", "chars", "actors", *_BUILTIN]
_ACTOR_COLUMNS = ["article_id", "id", "name", "kind", "title", "country", "affiliation", "aliases", "mentions"]
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
            if nested is DateValue:
                columns.append(f"{name}_start")
    return columns + _TAIL


def _cell(value: Any, typed: bool = False) -> Any:
    if isinstance(value, list) and not typed:
        return "; ".join(str(v) for v in value)
    return value


def _date_start(value: object) -> dt.date | None:
    """The first day of an ISO date at any precision ('2023-06' -> 2023-06-01), for a typed column."""
    if not isinstance(value, str):
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _flat_item(article_id: str, index: int, item: Mapping[str, Any], actor_fields: frozenset[str] | None,
               names: Mapping[str, str], typed: bool = False) -> Row:
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
            if typed:
                row[key] = resolved if isinstance(value, list) else (resolved[0] if resolved else None)
            else:
                row[key] = "; ".join(resolved) if resolved else None
        elif isinstance(value, Mapping):
            for sub, subvalue in value.items():
                row[f"{key}_{sub}"] = _cell(subvalue, typed)
            if {"value", "precision", "relative"} <= value.keys():  # a DateValue
                start = _date_start(value.get("value"))
                row[f"{key}_start"] = start if typed or start is None else start.isoformat()
        else:
            row[key] = _cell(value, typed)
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


def _actor_rows(article_id: str, actors: list[Mapping[str, Any]], names: Mapping[str, str],
                typed: bool) -> list[Row]:
    rows = []
    for actor in actors:
        aliases = list(actor.get("aliases") or [])
        rows.append({"article_id": article_id, "id": actor.get("id"), "name": actor.get("name"),
                     "kind": actor.get("kind"), "title": actor.get("title"),
                     "country": names.get(actor.get("country") or "", actor.get("country")),
                     "affiliation": names.get(actor.get("affiliation") or "", actor.get("affiliation")),
                     "aliases": aliases if typed else "; ".join(aliases),
                     "mentions": len(actor.get("mentions") or [])})
    return rows


def to_rows(records: Iterable[BatchRecord | Article | Mapping[str, Any]], *,
            typed: bool = False) -> dict[str, list[Row]]:
    """Flat rows by table: ``articles``, ``actors``, the four built-in kinds (always present,
    maybe empty) and any user-defined kind found. ``records`` are :class:`BatchRecord`\\ s,
    lines of a ``diplonews batch`` output (as dicts), or bare :class:`Article`\\ s (id =
    position).

    By default cells are flat text, for CSV: several actors as ``"A; B"``. With ``typed``,
    lists stay lists (several actors, aliases, broader places) and dates are ``datetime.date``
    (``published``, ``date_start``: the first day of an item date at its precision), for
    Parquet and dataframes.
    """
    tables: dict[str, list[Row]] = {"articles": [], "actors": [], **{kind: [] for kind in _BUILTIN}}
    for position, record in enumerate(records):
        rid, result, error = _as_result(position, record)
        if result is None:
            tables["articles"].append({"article_id": rid, "ok": False, "error": error})
            continue
        names = {a["id"]: a["name"] for a in result.get("actors", [])}
        published = result.get("published")
        summary: Row = {"article_id": rid, "ok": True, "error": None,
                        "published": _date_start(published) if typed and published else published,
                        "chars": len(result.get("text", "")), "actors": len(names)}
        tables["actors"].extend(_actor_rows(rid, result.get("actors", []), names, typed))
        kinds: list[tuple[str, list[Any], frozenset[str] | None]] = [
            (kind, result.get(kind, []), model.actor_fields) for kind, model in _BUILTIN.items()]
        kinds += [(kind, found, None) for kind, found in result.get("extra_items", {}).items()]
        for kind, found, actor_fields in kinds:
            summary[kind] = len(found)
            rows = tables.setdefault(kind, [])
            rows.extend(_flat_item(rid, i, item, actor_fields, names, typed) for i, item in enumerate(found))
        tables["articles"].append(summary)
    return tables


def _table_columns(kind: str, rows: list[Row]) -> list[str]:
    model = _BUILTIN.get(kind)
    fixed = {"articles": _ARTICLE_COLUMNS, "actors": _ACTOR_COLUMNS}
    columns = _columns(model) if model is not None else fixed.get(kind, [])
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
            writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
        written[kind] = path
    return written


def _csv_cell(value: Any) -> Any:
    """Typed rows written as CSV: lists joined with '; ', dates in ISO form."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _arrow_column(pa: Any, values: list[Any]) -> Any:
    """An Arrow column; list columns of strings stay lists; all-null and mixed-type columns
    (possible in user kinds) become strings."""
    if all(v is None for v in values):
        return pa.array(values, pa.string())
    present = [v for v in values if v is not None]
    if all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in present):
        return pa.array(values, pa.list_(pa.string()))
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


def to_frames(records: Iterable[BatchRecord | Article | Mapping[str, Any]]) -> dict[str, Any]:
    """One pandas DataFrame per table of :func:`to_rows` (typed): ``articles``, ``actors``,
    each item kind. List columns hold lists; ``published`` and the ``<date>_start`` of each
    item date are datetime64.

    pandas is optional (``pip install 'diplonews[pandas]'``); without it this raises
    :class:`ExportError`.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ExportError("DataFrames need pandas: pip install 'diplonews[pandas]'") from exc
    frames: dict[str, Any] = {}
    for kind, rows in to_rows(records, typed=True).items():
        columns = _table_columns(kind, rows)
        frame = pd.DataFrame.from_records(rows, columns=columns)
        for column in columns:
            if column == "published" or (column.endswith("_start") and f"{column[:-6]}_value" in columns):
                frame[column] = pd.to_datetime(frame[column], errors="coerce")
        frames[kind] = frame
    return frames
