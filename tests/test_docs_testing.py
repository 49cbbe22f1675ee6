"""docs/testing.md is executable: its Python blocks run, in order, in one namespace."""

from __future__ import annotations

import contextlib
import io
from typing import Any

from _docs import DOCS, python_blocks, run_blocks

DOC = DOCS / "testing.md"


def test_docs_testing_python_blocks_run_in_order() -> None:
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) >= 8
    run_blocks(DOC, "docs_testing")


def test_docs_testing_shows_the_real_failure_message() -> None:
    """The ```text block after the failing example is what that example prints."""
    text = DOC.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": "docs_testing"}
    out = io.StringIO()
    for block in python_blocks(text):
        with contextlib.redirect_stdout(out if "message = str(failure)" in block else io.StringIO()):
            exec(compile(block, DOC.name, "exec"), namespace)
        if "message = str(failure)" in block:
            break
    shown = text.split("which prints:\n\n```text\n", 1)[1].split("```", 1)[0]
    assert out.getvalue() == shown
