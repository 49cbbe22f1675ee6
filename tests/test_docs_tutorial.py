"""docs/tutorial.md and docs/events.md are executable: their Python blocks run, in order."""

from __future__ import annotations

import io

import pytest

from _docs import DOCS, ROOT, python_blocks, run_blocks

DOC = DOCS / "tutorial.md"


def test_docs_tutorial_runs_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) >= 6
    monkeypatch.chdir(ROOT)  # the tutorial reads seeds/… relative to the repository root
    out = io.StringIO()
    namespace = run_blocks(DOC, "docs_tutorial", stdout=out)
    # What the tutorial promises its reader holds: its own rule fired and events were exported.
    assert any(d.rule == "demand.lobbied-to" for d in namespace["updated"].demands)
    assert {"CONSULT", "AGREE", "REQUEST"} <= {e.event for e in namespace["events"]}
    assert '"event": "CONSULT"' in out.getvalue()


def test_docs_events_example_runs() -> None:
    namespace = run_blocks(DOCS / "events.md", "docs_events")
    assert {e.cameo for e in namespace["events"]} == {"042", "043"}
