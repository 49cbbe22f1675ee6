"""Parse Dask bags and series of articles, one parser per partition.

Install with ``pip install 'diplonews[dask]'``. Nothing here imports dask: the functions call
methods of the collection they are given, so this module stays importable (and type-checks)
without the extra. The parser travels to workers pickled as its configuration and compiles
once per partition, not per article; with no parser given, each worker process builds the
default one once and keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from diplonews.model import Article
from diplonews.parser import Parser, default_parser

__all__ = ["parse_bag", "parse_series"]

Published = dt.date | dt.datetime | str | None


def _parse_partition(records: Iterable[str | Mapping[str, Any]], parser: Parser | None,
                     published: Published) -> list[Article]:
    chosen = parser if parser is not None else default_parser()
    out: list[Article] = []
    for record in records:
        if isinstance(record, Mapping):
            out.append(chosen.parse(record["text"], published=record.get("published", published)))
        else:
            out.append(chosen.parse(record, published=published))
    return out


def parse_bag(bag: Any, published: Published = None, parser: Parser | None = None) -> Any:
    """A ``dask.bag.Bag`` of :class:`~diplonews.Article`, one per element of ``bag``.

    Elements are texts, or mappings with ``text`` and optional ``published`` (which wins over
    the ``published`` argument). Unlike :func:`diplonews.batch.parse_many`, a bad element
    raises, as Dask expects of a map; validate first if the input is untrusted.
    """
    return bag.map_partitions(_parse_partition, parser, published)


def _parse_texts(texts: Any, parser: Parser | None, published: Published) -> Any:
    chosen = parser if parser is not None else default_parser()
    return texts.map(lambda text: chosen.parse(text, published=published))


def parse_series(series: Any, published: Published = None, parser: Parser | None = None) -> Any:
    """A ``dask.dataframe.Series`` of :class:`~diplonews.Article` (object dtype), same index."""
    name = series.name if series.name is not None else "article"
    return series.map_partitions(_parse_texts, parser, published, meta=(name, "object"))
