"""Analysts' tables keep their types: actor lists stay lists, dates are dates, actors have a table."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

import diplonews
from diplonews.batch import parse_many
from diplonews.cli import main
from diplonews.export import to_rows, write_csv, write_parquet

TEXT = ("Indian External Affairs Minister Subrahmanyam Jaishankar and Chinese Foreign Minister Wang Yi "
        "met in Moscow on Thursday. Jaishankar said the two sides had agreed to keep talking.")
PUBLISHED = "2020-09-12"


@pytest.fixture(scope="module")
def article() -> diplonews.Article:
    return diplonews.parse(TEXT, published=PUBLISHED)


def test_to_frames_types_lists_and_dates(article: diplonews.Article) -> None:
    pd = pytest.importorskip("pandas")
    frames = article.to_frames(article_id="a1")
    assert {"articles", "actors", "meetings", "statements", "demands", "agreements"} <= set(frames)
    meetings = frames["meetings"]
    assert set(meetings.loc[0, "participants"]) == {"Subrahmanyam Jaishankar", "Wang Yi"}
    assert pd.api.types.is_datetime64_any_dtype(meetings["date_start"])
    assert meetings.loc[0, "date_start"] == pd.Timestamp("2020-09-10")
    assert pd.api.types.is_integer_dtype(meetings["evidence_start"])
    assert pd.api.types.is_datetime64_any_dtype(frames["articles"]["published"])
    actors = frames["actors"].set_index("name")
    assert "Jaishankar" in actors.loc["Subrahmanyam Jaishankar", "aliases"]
    assert actors.loc["Wang Yi", "country"] in ("China", "china")  # a name when China is in the table
    assert (frames["actors"]["article_id"] == "a1").all()


def test_empty_kinds_still_have_their_columns(article: diplonews.Article) -> None:
    pytest.importorskip("pandas")
    assert "action" in article.to_frames()["demands"].columns


def test_parquet_keeps_types(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT, "published": PUBLISHED}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), str(out), "--quiet"]) == 0
    assert main(["export", str(out), str(tmp_path / "pq"), "--format", "parquet"]) == 0
    meetings = pq.read_table(tmp_path / "pq" / "meetings.parquet")
    assert meetings.schema.field("participants").type == pa.list_(pa.string())
    assert meetings.schema.field("date_start").type == pa.date32()
    assert set(meetings.column("participants")[0].as_py()) == {"Subrahmanyam Jaishankar", "Wang Yi"}
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert articles.column("published")[0].as_py() == dt.date(2020, 9, 12)
    actors = pq.read_table(tmp_path / "pq" / "actors.parquet")
    assert actors.schema.field("aliases").type == pa.list_(pa.string())


def test_csv_stays_flat_text(tmp_path: Path) -> None:
    written = write_csv(to_rows(parse_many([{"id": "a", "text": TEXT, "published": PUBLISHED}]), typed=True),
                        tmp_path)
    with open(written["meetings"], encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert set(row["participants"].split("; ")) == {"Subrahmanyam Jaishankar", "Wang Yi"}
    assert row["date_start"] == "2020-09-10"
    with open(written["actors"], encoding="utf-8", newline="") as handle:
        assert {r["name"] for r in csv.DictReader(handle)} >= {"Wang Yi", "Subrahmanyam Jaishankar"}


def test_untyped_parquet_still_writes(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    assert write_parquet(to_rows(parse_many([TEXT])), tmp_path)["meetings"].exists()
