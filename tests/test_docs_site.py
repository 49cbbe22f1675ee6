"""The documentation site: every page in the mkdocs nav exists, and the CLI reference is complete."""

from __future__ import annotations

import argparse
import re

import pytest

from _docs import DOCS, ROOT
from diplonews.cli import build_argparser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_argparser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_nav_page_exists() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r":\s*([\w/-]+\.md)\s*$", config, re.MULTILINE)
    assert "index.md" in pages and "events.md" in pages and "tutorial.md" in pages
    missing = [page for page in pages if not (DOCS / page).is_file()]
    assert missing == []


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_cli_reference_documents_each_subcommand_and_its_options(name: str) -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"## `diplonews {name}`" in reference, f"docs/cli.md lacks a section for {name!r}"
    section = reference.split(f"## `diplonews {name}`", 1)[1].split("\n## ", 1)[0]
    options = {opt for a in _subcommands()[name]._actions for opt in a.option_strings if opt.startswith("--")}
    assert sorted(opt for opt in options if opt not in section) == []
