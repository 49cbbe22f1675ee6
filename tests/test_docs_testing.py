"""docs/testing.md is executable: its Python blocks run, in order, in one namespace."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parent.parent / "docs" / "testing.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(text: str) -> list[str]:
    return [m.group(1) for m in BLOCK.finditer(text)]


def test_docs_testing_python_blocks_run_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = python_blocks(text)
    assert len(blocks) >= 8
    namespace: dict[str, Any] = {"__name__": "docs_testing"}
    for number, block in enumerate(blocks, start=1):
        line = text[: text.index(block)].count("\n") + 1
        code = compile(block, f"{DOC.name}:block{number}:line{line}", "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)


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
