"""Running a capability suite: load a folder of capabilities, check every case, compare to a baseline.

A suite is a folder of TOML files. Each may hold ``[[capability]]`` tables (see
:class:`~diplonews.capability.template.Capability`), ``[lexicon.NAME]`` arrays that add to the
shipped lexicons, and one ``[suite]`` table of settings (``rules`` files added to the parser,
``published`` date, ``floor`` for capabilities the baseline does not know, ``negative_floor``
over all negative cases). ``baseline.json`` beside them, when present, holds each capability's
pass-rate floor and its known failures: the run fails when a capability falls under its floor
or a known failure starts passing (so the baseline is kept exact, and progress is recorded).
"""

from __future__ import annotations

import json
import math
import random
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from diplonews.capability.check import forbidden, found, satisfies, signature
from diplonews.capability.lexicon import Lexicons, default_lexicons, entries_from, merge
from diplonews.capability.perturb import perturb, respell_specs
from diplonews.capability.template import (
    Capability,
    Expansion,
    bind_specs,
    expand,
    lexicon_of,
    template_text,
)
from diplonews.model import Article

__all__ = [
    "BASELINE",
    "Baseline",
    "CapabilityResult",
    "Case",
    "Suite",
    "SuiteReport",
    "SuiteSettings",
    "load_suite",
    "run_suite",
]

BASELINE = "baseline.json"
"""The baseline's file name inside a suite folder."""


class SuiteSettings(BaseModel):
    """The ``[suite]`` table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] = Field(default_factory=list)
    published: str = "2024-03-05"
    floor: float = Field(default=1.0, ge=0.0, le=1.0)
    negative_floor: float = Field(default=0.0, ge=0.0, le=1.0)


@dataclass
class Baseline:
    """Per capability: the pass-rate floor and the keys of the cases known to fail."""

    floors: dict[str, float] = field(default_factory=dict)
    expected_failures: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Baseline:
        data = json.loads(path.read_text(encoding="utf-8"))
        caps: Mapping[str, Any] = data.get("capabilities", {})
        return cls({k: float(v["floor"]) for k, v in caps.items()},
                   {k: list(v.get("expected_failures", [])) for k, v in caps.items()})

    def to_json(self) -> dict[str, Any]:
        return {"capabilities": {name: {"floor": self.floors[name],
                                        "expected_failures": sorted(self.expected_failures.get(name, []))}
                                 for name in sorted(self.floors)}}


@dataclass
class Suite:
    """Capabilities, the lexicons their slots use, settings and the baseline, as loaded."""

    capabilities: list[Capability]
    lexicons: Lexicons
    settings: SuiteSettings = field(default_factory=SuiteSettings)
    baseline: Baseline | None = None
    root: Path | None = None

    def rule_paths(self) -> list[Path]:
        """The suite's rule files, relative to its folder."""
        base = self.root or Path()
        return [base / r for r in self.settings.rules]


def load_suite(folder: str | Path, *, lexicons: Lexicons | None = None) -> Suite:
    """Every capability of a folder's ``*.toml`` files (sorted by file name), with its baseline."""
    root = Path(folder)
    if not root.is_dir():
        raise OSError(f"not a suite folder: {root}")
    caps: list[Capability] = []
    extra: list[Lexicons] = []
    settings: dict[str, Any] = {}
    for path in sorted(root.glob("*.toml")):
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: {exc}") from exc
        unknown = set(data) - {"capability", "lexicon", "suite"}
        if unknown:
            raise ValueError(f"{path}: unknown top-level keys {sorted(unknown)} "
                             "(expected [[capability]], [lexicon.NAME] or [suite])")
        for raw in data.get("capability", []):
            try:
                caps.append(Capability.model_validate(raw))
            except ValueError as exc:
                raise ValueError(f"{path}: capability {raw.get('name', '?')!r}: {exc}") from exc
        extra.append(entries_from(data.get("lexicon", {})))
        settings.update(data.get("suite", {}))
    names = [c.name for c in caps]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"{root}: capability names must be unique: {dupes}")
    baseline_path = root / BASELINE
    return Suite(caps, merge(lexicons if lexicons is not None else default_lexicons(), *extra),
                 SuiteSettings.model_validate(settings),
                 Baseline.read(baseline_path) if baseline_path.is_file() else None, root)


# ---- checking one case -----------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One checked case: its text, whether it passed, and what came out instead."""

    capability: str
    key: str
    text: str
    passed: bool
    expected: str = ""
    found: tuple[str, ...] = ()


# ---- running a suite -------------------------------------------------------------------------
@dataclass
class CapabilityResult:
    """A capability's cases and how it stands against its floor and known failures."""

    capability: Capability
    cases: list[Case]
    floor: float
    expected_failures: set[str] = field(default_factory=set)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.cases)

    @property
    def rate(self) -> float:
        return self.passed / len(self.cases) if self.cases else 1.0

    @property
    def failures(self) -> list[Case]:
        return [c for c in self.cases if not c.passed]

    @property
    def unexpected_passes(self) -> list[Case]:
        """Known failures that now pass: the baseline must be rewritten to record the progress."""
        return [c for c in self.cases if c.passed and c.key in self.expected_failures]

    @property
    def new_failures(self) -> list[Case]:
        return [c for c in self.failures if c.key not in self.expected_failures]

    @property
    def ok(self) -> bool:
        return self.rate + 1e-9 >= self.floor and not self.unexpected_passes


@dataclass
class SuiteReport:
    """Every capability's result, with totals per kind and over negative cases."""

    results: list[CapabilityResult]
    negative_floor: float = 0.0
    has_baseline: bool = False

    @property
    def cases(self) -> int:
        return sum(len(r.cases) for r in self.results)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """Kind (or group) to (passed, cases)."""
        out: dict[str, tuple[int, int]] = {}
        for r in self.results:
            done, total = out.get(r.capability.heading, (0, 0))
            out[r.capability.heading] = (done + r.passed, total + len(r.cases))
        return dict(sorted(out.items()))

    def by_type(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for r in self.results:
            done, total = out.get(r.capability.type, (0, 0))
            out[r.capability.type] = (done + r.passed, total + len(r.cases))
        return dict(sorted(out.items()))

    @property
    def negative_rate(self) -> float:
        """Share of negative cases that yield nothing of their kind, known gaps included."""
        done, total = self.by_type().get("neg", (0, 0))
        return done / total if total else 1.0

    @property
    def negative_rate_without_known_gaps(self) -> float:
        """The same share over the negative cases the baseline does not list as known failures.

        ``negative_floor`` applies to this figure: a known gap is recorded (and reported in the
        true rate), a new false positive is not tolerated past the floor.
        """
        cases = [(c, r) for r in self.results if r.capability.type == "neg" for c in r.cases
                 if c.key not in r.expected_failures]
        return sum(c.passed for c, _ in cases) / len(cases) if cases else 1.0

    def problems(self) -> list[str]:
        """Why the run fails; empty when it passes."""
        out = []
        for r in self.results:
            if r.rate + 1e-9 < r.floor:
                out.append(f"{r.capability.name}: pass rate {r.rate:.3f} under its floor {r.floor:.3f}")
            if r.unexpected_passes:
                out.append(f"{r.capability.name}: {len(r.unexpected_passes)} known failure(s) now pass; "
                           "rewrite the baseline (--write-baseline)")
        if self.negative_rate_without_known_gaps + 1e-9 < self.negative_floor:
            out.append(f"negative cases (known gaps aside): {self.negative_rate_without_known_gaps:.3f} "
                       f"under the floor {self.negative_floor:.3f}")
        return out

    @property
    def ok(self) -> bool:
        return not self.problems()

    def baseline(self) -> Baseline:
        """A baseline at this run's figures: floors at the measured rates, failures as known."""
        return Baseline({r.capability.name: math.floor(r.rate * 10000) / 10000 for r in self.results},
                        {r.capability.name: sorted(c.key for c in r.failures) for r in self.results})

    def with_baseline(self, baseline: Baseline) -> SuiteReport:
        """This run judged against a baseline (no re-run): floors and known failures applied."""
        results = [CapabilityResult(r.capability, r.cases, baseline.floors.get(r.capability.name, r.floor),
                                    set(baseline.expected_failures.get(r.capability.name, [])))
                   for r in self.results]
        return SuiteReport(results, self.negative_floor, True)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": self.problems(),
            "capabilities": len(self.results),
            "cases": self.cases,
            "kinds": {k: {"passed": p, "cases": n, "rate": round(p / n, 4) if n else 1.0}
                      for k, (p, n) in self.by_kind().items()},
            "types": {k: {"passed": p, "cases": n, "rate": round(p / n, 4) if n else 1.0}
                      for k, (p, n) in self.by_type().items()},
            "negative_rate": round(self.negative_rate, 4),
            "negative_rate_without_known_gaps": round(self.negative_rate_without_known_gaps, 4),
            "results": [{"name": r.capability.name, "kind": r.capability.heading, "type": r.capability.type,
                         "cases": len(r.cases), "passed": r.passed, "rate": round(r.rate, 4),
                         "floor": r.floor, "ok": r.ok,
                         "failures": [{"text": c.text, "key": c.key, "expected": c.expected,
                                       "found": list(c.found), "known": c.key in r.expected_failures}
                                      for c in r.failures],
                         "unexpected_passes": [c.key for c in r.unexpected_passes]}
                        for r in self.results],
        }


class _Runner:
    def __init__(self, suite: Suite, parse: Callable[[str, str], Article]):
        self.suite = suite
        self._parse = parse
        self._cache: dict[tuple[str, str], Article] = {}

    def parse(self, text: str, published: str) -> Article:
        key = (text, published)
        if key not in self._cache:
            self._cache[key] = self._parse(text, published)
        return self._cache[key]

    def check(self, cap: Capability) -> list[Case]:
        published = cap.published or self.suite.settings.published
        cases: list[Case] = []
        expansions = expand(cap, self.suite.lexicons)
        for exp in expansions:
            if cap.type == "inv":
                cases.extend(self._invariance(cap, exp, published))
                continue
            article = self.parse(exp.text, published)
            if cap.type == "neg":
                ok = not forbidden(cap.kind, exp.forbid, article)
                cases.append(Case(cap.name, exp.key, exp.text, ok, f"no {cap.kind} matching {exp.forbid}",
                                  () if ok else tuple(found(cap.kind, article))))
            else:
                ok = satisfies(cap.kind, exp.expect, article, cap.exact) and \
                    not (exp.forbid and forbidden(cap.kind, exp.forbid, article))
                wanted = _show_specs(exp.expect, cap.exact) + (
                    f"; and no {cap.kind} matching {exp.forbid}" if exp.forbid else "")
                cases.append(Case(cap.name, exp.key, exp.text, ok, wanted,
                                  () if ok else tuple(found(cap.kind, article))))
        return cases

    def _invariance(self, cap: Capability, exp: Expansion, published: str) -> Iterable[Case]:
        base = self.parse(exp.text, published)
        template = template_text(cap, exp.template)
        pools = {slot: lexicon_of(slot, cap, self.suite.lexicons) for slot in exp.fillers}
        base_ok = not exp.expect or satisfies(cap.kind, exp.expect, base, cap.exact)
        for name in cap.perturb:
            rng = random.Random(f"{cap.seed}:{name}:{exp.text}")
            text, fillers = perturb(name, exp, template, pools, rng, self.suite.lexicons)
            if text == exp.text:
                continue
            article = self.parse(text, published)
            same = signature(cap.kind, base, exp.fillers) == signature(cap.kind, article, fillers)
            specs = respell_specs(name, bind_specs(_unbound(cap, exp), fillers))
            ok = same and base_ok and (not specs or satisfies(cap.kind, specs, article, cap.exact))
            detail: tuple[str, ...] = ()
            if not ok:
                before = [f"original: {row}" for row in found(cap.kind, base)] or ["original: (nothing)"]
                after = [f"perturbed: {row}" for row in found(cap.kind, article)] or ["perturbed: (nothing)"]
                detail = (*before, *after)
            yield Case(cap.name, f"{name}: {text}", text, ok,
                       f"same {cap.kind} as {exp.text!r}" + (f" and {_show_specs(specs, cap.exact)}" if specs else ""),
                       detail)


def _unbound(cap: Capability, exp: Expansion) -> list[dict[str, Any]]:
    spec = cap.templates[exp.template]
    if isinstance(spec, str) or spec.expect is None:
        return cap.expect
    return spec.expect


def _show_specs(specs: Sequence[Mapping[str, Any]], exact: bool) -> str:
    shown = "; ".join(json.dumps(s, ensure_ascii=False) for s in specs) or "(no items)"
    return f"{'exactly ' if exact else ''}{shown}"


def run_suite(suite: Suite, parser: Any = None, *, only: Sequence[str] = ()) -> SuiteReport:
    """Check every case of a suite with ``parser`` (default: the default parser plus the suite's rules)."""
    if parser is None:
        from diplonews.parser import Parser

        parser = Parser.default()
        if suite.settings.rules:
            parser = parser.with_rules(*suite.rule_paths())
    runner = _Runner(suite, lambda text, published: parser.parse(text, published=published))
    baseline = suite.baseline
    results = []
    for cap in suite.capabilities:
        if only and not any(cap.name.startswith(prefix) for prefix in only):
            continue
        if baseline is not None and cap.name in baseline.floors:
            floor = baseline.floors[cap.name]
            known = set(baseline.expected_failures.get(cap.name, []))
        else:
            floor = cap.floor if cap.floor is not None else suite.settings.floor
            known = set()
        results.append(CapabilityResult(cap, runner.check(cap), floor, known))
    return SuiteReport(results, suite.settings.negative_floor, baseline is not None)
