"""docs/rules.md is executable: its Python blocks run, in order, in one namespace."""

from __future__ import annotations

from _docs import DOCS, python_blocks, run_blocks

DOC = DOCS / "rules.md"


def test_docs_rules_has_python_blocks() -> None:
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) >= 10


def test_docs_rules_python_blocks_run_in_order() -> None:
    run_blocks(DOC, "docs_rules")
