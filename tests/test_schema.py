"""The committed JSON Schema is the one the code exports, and a parse validates against its shape."""

from __future__ import annotations

import json
from pathlib import Path

import diplonews
from diplonews.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == diplonews.Article.model_json_schema(), "regenerate: diplonews schema > docs/schema.json"


def test_schema_command_prints_the_schema(capsys: object) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert json.loads(out)["title"] == "Article"


def test_parse_json_has_the_contract_fields() -> None:
    text = (ROOT / "seeds" / "blinken-xi-beijing.txt").read_text(encoding="utf-8")
    dumped = diplonews.parse(text, published="2023-06-20").model_dump(mode="json")
    assert set(dumped) >= {"actors", "meetings", "statements", "demands", "agreements"}
    meeting = dumped["meetings"][0]
    assert set(meeting) >= {"participants", "date", "location", "status", "rule", "evidence"}
    assert meeting["date"]["value"] == "2023-06-19"
    ids = {a["id"] for a in dumped["actors"]}
    assert set(meeting["participants"]) <= ids
