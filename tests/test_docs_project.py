"""The docs hold on a fresh clone: no reference to a file the repository lacks, the project's own
gold-file guide and contract, a model page that renders every field, CI that writes only where
it may, advice that works."""

from __future__ import annotations

import re
import tomllib
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import diplonews.events
import diplonews.model
from _docs import DOCS, ROOT, run_blocks

_MD_REF = re.compile(r"(?<![\w/.-])((?:[\w-]+/)*[\w-]+\.md)\b")


def _texts() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md")), *sorted((ROOT / "src").rglob("*.py"))]


@pytest.mark.parametrize("path", _texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_markdown_file_named_exists(path: Path) -> None:
    missing = []
    for name in _MD_REF.findall(path.read_text(encoding="utf-8")):
        candidates = [ROOT / name, DOCS / name, DOCS / Path(name).name, path.parent / name]
        if not any(c.exists() for c in candidates):
            missing.append(name)
    assert not missing, f"{path.name} refers to files the repository lacks: {missing}"


def test_no_reference_to_the_external_scorer() -> None:
    for path in _texts():
        assert "score.py" not in path.read_text(encoding="utf-8"), path


def test_project_carries_its_annotation_guide_and_contract() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page, must in (("annotation.md", ["optional", "published", "aliases", "duplicate"]),
                       ("contract.md", ["participants", "speaker", "demander", "parties", "errors"])):
        text = (DOCS / page).read_text(encoding="utf-8")
        assert all(word in text for word in must), page
        assert page in nav


def test_contract_examples_run() -> None:
    run_blocks(DOCS / "contract.md", "docs_contract")


def test_readme_does_not_ask_for_the_plugin_twice() -> None:
    # The plugin is an entry point (loaded automatically); "-p diplonews.pytest_plugin" on top
    # makes pytest fail with "Plugin already registered under a different name".
    assert "-p diplonews.pytest_plugin" not in (ROOT / "README.md").read_text(encoding="utf-8")
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert entry["project"]["entry-points"]["pytest11"]["diplonews"] == "diplonews.pytest_plugin"


def test_ci_builds_the_site_in_a_folder_it_made() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/tmp/" not in script
    assert "mktemp -d" in script


def _models() -> list[type[BaseModel]]:
    found = []
    for module in (diplonews.model, diplonews.events):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__:
                found.append(value)
    return found


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_model_field_has_a_description(model: type[BaseModel]) -> None:
    undocumented = [name for name, info in model.model_fields.items() if not info.description]
    assert not undocumented, f"{model.__name__}: fields without a description: {undocumented}"


def test_docs_site_renders_pydantic_fields() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "griffe_pydantic" in config
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.startswith("griffe-pydantic") for dep in extras["optional-dependencies"]["docs"])
    assert typing.get_type_hints(diplonews.model.Article)  # annotations resolve for the renderer
