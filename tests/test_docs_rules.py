"""docs/rules.md is executable: its Python blocks run, in order, in one namespace."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(text: str) -> list[str]:
    return [m.group(1) for m in BLOCK.finditer(text)]


def test_docs_rules_has_python_blocks() -> None:
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) >= 10


def test_docs_rules_python_blocks_run_in_order() -> None:
    namespace: dict[str, Any] = {"__name__": "docs_rules"}
    text = DOC.read_text(encoding="utf-8")
    for number, block in enumerate(python_blocks(text), start=1):
        line = text[: text.index(block)].count("\n") + 1
        code = compile(block, f"{DOC.name}:block{number}:line{line}", "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)
