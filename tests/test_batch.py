"""Corpus runs: one output per input, in order, bad inputs reported, files usable when cut short."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import diplonews
from diplonews.batch import BadRecord, BatchRecord, parse_many, read_jsonl, run_batch
from diplonews.cli import main
from diplonews.export import ExportError, read_results, to_rows, write_csv, write_parquet

MEETING = ("U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met in Geneva "
           "on Friday.")
DEMAND = "Chinese Foreign Minister Wang Yi urged the United States to lift sanctions."
STATEMENT = 'Secretary of State Antony Blinken said the talks were "candid and constructive".'


def _records() -> list[Any]:
    return [
        {"id": "a", "text": MEETING, "published": "2013-05-10"},
        {"id": "b", "text": 42, "published": "2013-05-10"},
        {"id": "c", "text": DEMAND, "published": "not a date"},
        DEMAND,
        BadRecord("line 5", "malformed JSON"),
        {"id": "f", "text": STATEMENT, "published": dt.date(2023, 6, 20)},
        {"id": 7, "text": MEETING},
        3.5,
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_every_record_accounted_for_in_order(workers: int) -> None:
    out = list(parse_many(_records(), workers=workers))
    assert [r.id for r in out] == ["a", "b", "c", "3", "line 5", "f", "7", "7"]
    assert [r.ok for r in out] == [True, False, False, True, False, True, True, False]
    errors = {r.id: r.error or "" for r in out if not r.ok}
    assert "text must be str" in errors["b"]
    assert "bad published date" in errors["c"]
    assert errors["line 5"] == "malformed JSON"
    # The position-named record (a float at index 7) keeps its own id.
    assert "must be a str or a mapping" in [r.error for r in out][7]


def test_results_equal_single_parse_and_workers_agree() -> None:
    texts = [MEETING, DEMAND, STATEMENT] * 7
    records = [{"id": f"n{i}", "text": t, "published": "2013-05-10"} for i, t in enumerate(texts)]
    single = [r.article for r in parse_many(records)]
    multi = [r.article for r in parse_many(records, workers=2)]
    expected = [diplonews.parse(t, published="2013-05-10") for t in texts]
    assert single == expected
    assert multi == expected


def test_parser_exception_becomes_error_record() -> None:
    class Boom(diplonews.Parser):
        def parse(self, text: str, published: Any = None) -> diplonews.Article:
            if "Wang" in text:
                raise RuntimeError("boom")
            return super().parse(text, published)

    base = diplonews.Parser.default()
    boom = Boom(base._rule_files, base._gazetteers, tuple(base.kinds.values()))
    out = list(parse_many([MEETING, DEMAND, MEETING], parser=boom))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].error == "RuntimeError: boom"


def test_input_is_consumed_lazily() -> None:
    """A generator input is not drained ahead of what the consumer asked for (flat memory)."""
    pulled = 0

    def source() -> Any:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield {"id": str(i), "text": MEETING}

    results = parse_many(source(), workers=2)
    first = [next(results) for _ in range(3)]
    results.close()
    assert [r.id for r in first] == ["0", "1", "2"]
    assert pulled < 1_000


def test_record_json_round_trips() -> None:
    record = next(parse_many([{"id": "x", "text": MEETING, "published": "2013-05-10"}]))
    line = json.loads(record.to_json())
    assert line == record.to_dict()
    assert line["ok"] is True and line["result"]["meetings"]
    bad = BatchRecord("y", error="nope")
    assert json.loads(bad.to_json()) == {"id": "y", "ok": False, "error": "nope"}


def test_read_jsonl_reports_malformed_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n{broken\n\n[1, 2]\n{"text": "no id"}\n', encoding="utf-8")
    out = list(read_jsonl(src))
    assert out[0] == {"id": "a", "text": "x"}
    assert isinstance(out[1], BadRecord) and out[1].id == "line 2" and "malformed JSON" in out[1].error
    assert isinstance(out[2], BadRecord) and out[2].id == "line 4"
    assert out[3] == {"id": "line 5", "text": "no id"}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_batch_on_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in [("b-demand", DEMAND), ("a-meeting", MEETING), ("c-statement", STATEMENT)]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), str(out), "--workers", "2"]) == 0
    lines = _lines(out)
    assert [line["id"] for line in lines] == ["a-meeting", "b-demand", "c-statement"]
    assert all(line["ok"] for line in lines)
    assert lines[1]["result"]["demands"][0]["action"] == "lift sanctions"
    err = capsys.readouterr().err
    assert "3 records, 0 errors" in err and "chars/s" in err


def test_cli_batch_jsonl_with_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": "m", "text": MEETING, "published": "2013-05-10"}), "{not json",
            json.dumps({"id": "n", "text": None}), json.dumps({"id": "d", "text": DEMAND, "published": "soon"})]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    lines = _lines(out)
    assert [(line["id"], line["ok"]) for line in lines] == [("m", True), ("line 2", False), ("n", False),
                                                            ("d", False)]
    assert lines[0]["result"]["published"] == "2013-05-10"


def test_run_batch_progress_counts_against_known_total(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": str(i), "text": DEMAND}) for i in range(3)) + "\n\n",
                   encoding="utf-8")
    progress = io.StringIO()
    stats = run_batch(src, tmp_path / "out.jsonl", progress=progress)
    assert progress.getvalue().rstrip("\n").split("\r")[-1].startswith("3/3 records")
    assert (stats.records, stats.errors, stats.items["demands"]) == (3, 0, 3)
    assert stats.chars == 3 * len(DEMAND)


def test_interrupted_run_leaves_complete_lines(tmp_path: Path) -> None:
    """Stop consuming mid-run, as a crash would: every line already written is whole JSON."""
    out = tmp_path / "out.jsonl"
    records = ({"id": str(i), "text": MEETING} for i in range(50))
    with open(out, "wb") as handle:
        for n, record in enumerate(parse_many(records, workers=2)):
            handle.write((record.to_json() + "\n").encode("utf-8"))
            handle.flush()
            if n == 9:
                break
    lines = _lines(out)
    assert [line["id"] for line in lines] == [str(i) for i in range(10)]


def test_export_rows_name_actors_and_keep_evidence(tmp_path: Path) -> None:
    records = list(parse_many([{"id": "m", "text": MEETING, "published": "2013-05-10"},
                               {"id": "d", "text": DEMAND}, {"id": "x", "text": 1}]))
    tables = to_rows(records)
    assert [r["article_id"] for r in tables["articles"]] == ["m", "d", "x"]
    assert tables["articles"][2]["ok"] is False
    meeting = tables["meetings"][0]
    assert set(meeting["participants"].split("; ")) == {"John Kerry", "Sergei Lavrov"}
    assert meeting["location_name"] == "Geneva"
    assert meeting["date_value"] == "2013-05-10"
    assert MEETING[meeting["evidence_start"]:meeting["evidence_end"]] == meeting["evidence_text"]
    demand = tables["demands"][0]
    assert (demand["article_id"], demand["addressee"], demand["action"]) == ("d", "United States",
                                                                             "lift sanctions")
    written = write_csv(tables, tmp_path / "csv")
    with open(written["demands"], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["action"] == "lift sanctions" and rows[0]["rule"] == demand["rule"]
    with open(written["agreements"], encoding="utf-8") as handle:
        assert handle.readline().startswith("article_id,item,parties,content,status,rule,")


def test_export_cli_from_batch_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d", "text": DEMAND}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), str(out), "--quiet"]) == 0
    with open(out, "a", encoding="utf-8") as handle:
        handle.write('{"id": "cut sh')  # a line cut short by a crash is skipped, not fatal
    assert [r["id"] for r in read_results(out)] == ["d"]
    assert main(["export", str(out), str(tmp_path / "tables")]) == 0
    with open(tmp_path / "tables" / "demands.csv", encoding="utf-8", newline="") as handle:
        assert [(r["article_id"], r["action"]) for r in csv.DictReader(handle)] == [("d", "lift sanctions")]


def test_parquet_export_or_clear_error(tmp_path: Path) -> None:
    tables = to_rows(parse_many([MEETING]))
    try:
        import pyarrow.parquet as pq
    except ImportError:
        with pytest.raises(ExportError, match="pyarrow"):
            write_parquet(tables, tmp_path)
        return
    written = write_parquet(tables, tmp_path)
    table = pq.read_table(written["meetings"])
    assert table.num_rows == 1
    assert table.column("location_name").to_pylist() == ["Geneva"]
    assert pq.read_table(written["demands"]).num_rows == 0


def test_dask_bag_and_series_match_single_process() -> None:
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from diplonews.integrations.dask import parse_bag, parse_series

    texts = [MEETING, DEMAND, STATEMENT, MEETING]
    expected = [diplonews.parse(t, published="2013-05-10") for t in texts]
    with dask.config.set(scheduler="synchronous"):
        bag = parse_bag(db.from_sequence(texts, npartitions=2), published="2013-05-10").compute()
        series = parse_series(dd.from_pandas(pd.Series(texts, name="text"), npartitions=2),
                              published="2013-05-10").compute()
        records = [{"text": MEETING, "published": "2013-05-10"}]
        from_dicts = parse_bag(db.from_sequence(records, npartitions=1)).compute()
    assert bag == expected
    assert list(series) == expected
    assert from_dicts == expected[:1]
