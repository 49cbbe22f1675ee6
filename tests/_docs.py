"""Running the Python blocks of a Markdown page, shared by the executable-docs tests.

A page's ```python blocks run in order in one namespace, as a reader would type them; each
block compiles under a name with its page, number and line, so a failure points at the doc.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(text: str) -> list[str]:
    """The bodies of the page's ```python blocks, in order."""
    return [m.group(1) for m in BLOCK.finditer(text)]


def run_blocks(doc: Path, name: str, *, stdout: io.StringIO | None = None) -> dict[str, Any]:
    """Execute every python block of ``doc`` in one namespace; return the namespace."""
    text = doc.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": name}
    for number, block in enumerate(python_blocks(text), start=1):
        line = text[: text.index(block)].count("\n") + 1
        code = compile(block, f"{doc.name}:block{number}:line{line}", "exec")
        with contextlib.redirect_stdout(stdout if stdout is not None else io.StringIO()):
            exec(code, namespace)
    return namespace


def cli_reference() -> str:
    """docs/cli.md: ``diplonews --help`` and every subcommand's ``--help``, at 100 columns."""
    import argparse
    import os

    os.environ["COLUMNS"] = "100"
    from diplonews.cli import build_argparser

    parser = build_argparser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parts = [
        "# CLI reference\n\n",
        "Generated from the argument parser (`python tests/_docs.py` rewrites this page); "
        "`tests/test_docs_site.py` fails when a subcommand or option is missing here.\n\n",
        "## `diplonews`\n\n```text\n", parser.format_help(), "```\n",
    ]
    for name, sub in action.choices.items():
        parts += [f"\n## `diplonews {name}`\n\n```text\n", sub.format_help(), "```\n"]
    return "".join(parts)


if __name__ == "__main__":
    (DOCS / "cli.md").write_text(cli_reference(), encoding="utf-8")
