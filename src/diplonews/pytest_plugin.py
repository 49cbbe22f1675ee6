"""pytest plugin: golden-corpus tests and parser fixtures for projects that write diplonews rules.

Installed with diplonews (entry point ``pytest11: diplonews``), so it loads in every pytest run;
it therefore does nothing unless asked. It adds:

* ini ``diplonews_golden_dirs`` (lines) and option ``--diplonews-golden DIR`` (repeatable):
  every ``NAME.txt`` + ``NAME.gold.json`` pair in those directories becomes one test item,
  parsed with the project parser and scored with :mod:`diplonews.evaluate`'s matching.
* ini ``diplonews_golden_min_f1``: when set, an article passes when its micro-F1 (over the
  four kinds) reaches this floor. When unset, an article passes when no required (non-optional)
  gold item is missed; false positives are reported but do not fail it. Either way the failure
  lists every miss, false positive and wrong slot, and articles that pass with problems are
  summarized at the end of the run.
* ini ``diplonews_rules`` (lines): rule files added to the default parser for the golden tests
  and the ``diplonews_project_parser`` fixture. Relative paths count from the rootdir.
* fixtures ``diplonews_parser`` (the default parser) and ``diplonews_project_parser``.

Golden directories named in the ini file are added to a run that collects its default paths
(a bare ``pytest``); a run given explicit paths only gets those named with
``--diplonews-golden`` or golden files under its paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplonews.evaluate import DocumentScore, load_gold, published_of, score_article
from diplonews.parser import Parser, default_parser

__all__ = ["GoldenFile", "GoldenItem", "GoldenMismatch", "project_parser"]

_GOLD_SUFFIX = ".gold.json"
_PARSER_KEY = pytest.StashKey[Parser]()
_SEEN_KEY = pytest.StashKey[set[Path]]()
_PASSED_WITH_PROBLEMS_KEY = pytest.StashKey[list[DocumentScore]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("diplonews", "diplonews golden-corpus tests")
    group.addoption("--diplonews-golden", action="append", default=[], metavar="DIR",
                    help="collect NAME.txt + NAME.gold.json pairs in DIR as tests (repeatable)")
    parser.addini("diplonews_golden_dirs", "directories of NAME.txt + NAME.gold.json golden pairs",
                  type="linelist", default=[])
    parser.addini("diplonews_golden_min_f1", "per-article micro-F1 floor for golden tests; unset: fail on "
                  "any missed required item", default="")
    parser.addini("diplonews_rules", "rule files added to the default parser for golden tests and "
                  "the diplonews_project_parser fixture", type="linelist", default=[])


def _ini_dirs(config: pytest.Config) -> list[Path]:
    return [(config.rootpath / d).resolve() for d in config.getini("diplonews_golden_dirs")]


def _option_dirs(config: pytest.Config) -> list[Path]:
    base = config.invocation_params.dir
    return [(base / d).resolve() for d in config.getoption("diplonews_golden") or []]


def _golden_dirs(config: pytest.Config) -> list[Path]:
    return [*_ini_dirs(config), *_option_dirs(config)]


def project_parser(config: pytest.Config) -> Parser:
    """The default parser plus the ``diplonews_rules`` files, built once per session."""
    if _PARSER_KEY not in config.stash:
        rules = [config.rootpath / r for r in config.getini("diplonews_rules")]
        parser = default_parser()  # shared and built once per process: pytester runs reuse it
        config.stash[_PARSER_KEY] = parser.with_rules(*rules) if rules else parser
    return config.stash[_PARSER_KEY]


def _min_f1(config: pytest.Config) -> float | None:
    raw = str(config.getini("diplonews_golden_min_f1")).strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError as exc:
        raise pytest.UsageError(f"diplonews_golden_min_f1 must be a number, got {raw!r}") from exc


def _is_golden(config: pytest.Config, path: Path) -> bool:
    if not path.name.endswith(_GOLD_SUFFIX):
        return False
    text = path.with_name(path.name[: -len(_GOLD_SUFFIX)] + ".txt")
    return text.exists() and path.resolve().parent in _golden_dirs(config)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> GoldenFile | None:
    """Golden files met while collecting the run's own paths (``pytest seeds/``)."""
    config = parent.config
    if not _is_golden(config, file_path):
        return None
    config.stash.setdefault(_SEEN_KEY, set()).add(file_path.resolve())
    result: GoldenFile = GoldenFile.from_parent(parent, path=file_path)
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Add golden dirs that lie outside the collected paths (before -k/-m deselection)."""
    dirs = _option_dirs(config)
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        dirs = [*_ini_dirs(config), *dirs]
    seen = config.stash.setdefault(_SEEN_KEY, set())
    for directory in dict.fromkeys(dirs):
        if not directory.is_dir():
            raise pytest.UsageError(f"diplonews golden directory not found: {directory}")
        for gold in sorted(directory.glob("*" + _GOLD_SUFFIX)):
            if gold.resolve() in seen or not _is_golden(config, gold):
                continue
            seen.add(gold.resolve())
            collector = GoldenFile.from_parent(session, path=gold)
            items.extend(collector.collect())


class GoldenMismatch(Exception):
    """A golden article scored below what the configuration accepts."""

    def __init__(self, score: DocumentScore, reason: str):
        super().__init__(reason)
        self.score = score
        self.reason = reason


class GoldenFile(pytest.File):
    """A ``NAME.gold.json`` file: one test item for its article."""

    def collect(self) -> Iterator[GoldenItem]:
        name = self.path.name[: -len(_GOLD_SUFFIX)]
        yield GoldenItem.from_parent(self, name=name)


class GoldenItem(pytest.Item):
    """Parse one golden article and score it against its annotation."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.score: DocumentScore | None = None

    @property
    def text_path(self) -> Path:
        return self.path.with_name(self.name + ".txt")

    def runtest(self) -> None:
        gold = load_gold(self.path)
        text = self.text_path.read_text(encoding="utf-8")
        article = project_parser(self.config).parse(text, published=published_of(gold))
        score = score_article(article, gold, name=self.name)
        self.score = score
        self.user_properties.append(("diplonews_f1", round(score.f1, 4)))
        floor = _min_f1(self.config)
        f1 = _article_f1(score)
        if floor is not None and f1 < floor:
            raise GoldenMismatch(score, f"micro-F1 {f1:.3f} is below diplonews_golden_min_f1 {floor}")
        if floor is None and score.misses:
            raise GoldenMismatch(score, f"{len(score.misses)} required gold item(s) missed")
        if score.problems():
            self.config.stash.setdefault(_PASSED_WITH_PROBLEMS_KEY, []).append(score)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | Any:
        if isinstance(excinfo.value, GoldenMismatch):
            score = excinfo.value.score
            lines = [f"golden article {self.name}: {excinfo.value.reason}",
                     f"  P {score.precision:.3f}  R {score.recall:.3f}  F1 {_article_f1(score):.3f}",
                     *(f"  {p}" for p in score.problems())]
            return "\n".join(lines)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"diplonews golden: {self.name}"


def _article_f1(score: DocumentScore) -> float:
    """Micro-F1 of an article; 1.0 when there was nothing to find and nothing was found."""
    counted = sum(k.tp + k.fp + k.fn for k in score.kinds.values())
    return score.f1 if counted else 1.0


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    scores = config.stash.get(_PASSED_WITH_PROBLEMS_KEY, [])
    if not scores:
        return
    terminalreporter.section("diplonews golden articles passed with problems")
    for score in scores:
        terminalreporter.write_line(
            f"{score.name}: F1 {_article_f1(score):.3f}, {len(score.misses)} missed, "
            f"{len(score.false_positives)} false, {len(score.wrong_slots)} wrong slots")
    terminalreporter.write_line("(details: diplonews eval DIR --show)")


@pytest.fixture(scope="session")
def diplonews_parser() -> Parser:
    """The default parser (diplonews's own rules only)."""
    return default_parser()


@pytest.fixture(scope="session")
def diplonews_project_parser(pytestconfig: pytest.Config) -> Parser:
    """The default parser plus the rule files listed in the ``diplonews_rules`` ini option."""
    return project_parser(pytestconfig)
