"""diplonews.explain: every item is tied to its rule match and the text each group captured."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplonews.cli import main
from diplonews.explain import coverage, explain, format_coverage, format_explanation

WANG = "Chinese Foreign Minister Wang Yi urged the United States to lift sanctions and stop meddling."


def test_demand_explained_by_rule_groups_and_masked_sentence() -> None:
    result = explain(WANG)
    demands = [e for e in result.items if e.kind == "demands"]
    assert [e.item.action for e in demands] == ["lift sanctions", "stop meddling"]
    match = demands[0].matches[0]
    assert match.rule == demands[0].item.rule == "demand.verb-addressee-to"
    groups = {g.name: g for g in match.groups}
    assert groups["demander"].text == "Chinese Foreign Minister Wang Yi"
    assert groups["demander"].masked.startswith("⟦")  # rules see a token, not the name
    assert groups["addressee"].text == "the United States"
    assert groups["action"].text == "to lift sanctions and stop meddling"
    for g in match.groups:
        assert WANG[g.start:g.end] == g.text
    text = format_explanation(result)
    assert "DEMAND #1: [demand.verb-addressee-to]" in text
    assert "demander = 'Chinese Foreign Minister Wang Yi'" in text


def test_offsets_point_into_the_original_text_with_odd_spacing() -> None:
    text = "Chinese Foreign Minister  Wang Yi\u00a0urged the United States to lift sanctions."
    result = explain(text)
    match = next(e for e in result.items if e.kind == "demands").matches[0]
    assert all(text[g.start:g.end] == g.text for g in match.groups)
    assert text[match.start:match.end] == match.text


def test_coverage_counts_rules_and_lists_those_never_fired(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WANG, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The weather in Geneva was mild.", encoding="utf-8")
    result = coverage(tmp_path)
    assert result.documents == 2
    assert result.matches["demand.verb-addressee-to"] == 1
    assert result.evidence["demand.verb-addressee-to"] == 2  # one match, split into two demands
    assert "demand.verb-addressee-to" not in result.never_fired
    assert "agreement.agreed-to" in result.never_fired
    assert "never fired: " in format_coverage(result)


def test_cli_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(WANG, encoding="utf-8")
    assert main(["explain", str(path), "--published", "2023-06-20"]) == 0
    assert "action = 'to lift sanctions and stop meddling'" in capsys.readouterr().out
    assert main(["explain", "--coverage", str(tmp_path)]) == 0
    assert "rules fired" in capsys.readouterr().out
    assert main(["explain"]) == 2
