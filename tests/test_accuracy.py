"""Accuracy floor on the dev corpus: a change that loses more than a little micro-F1 fails here.

The floor is the micro-F1 measured when this test was written minus 0.03, rounded down to two
decimals; raise it when accuracy improves for good. The table is printed (``pytest -s`` or on
failure) so a drop shows which kind lost.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from _docs import CORPUS_ROLES, DOCS, accuracy_page
from diplonews.evaluate import EvalReport, format_table
from diplonews.evaluate import evaluate as _evaluate

DEV = Path(__file__).resolve().parent / "corpus" / "dev"
FLOOR = 0.88  # measured 0.914 on all 80 articles on 2026-12-07 (0.910 on 2026-12-06; 0.884 on 2026-12-05; 0.737 before the redesign)
# Per kind: measured F1 minus about 0.03 (statements 0.911, meetings 0.871, demands 0.933,
# agreements 0.927 on 2026-12-06, 80 articles).
KIND_FLOORS = {"statements": 0.88, "meetings": 0.84, "demands": 0.90, "agreements": 0.89}
MAX_DUPLICATES = 11  # measured 8 on 2026-12-06 (9 earlier that day, 10 on 2026-12-05)


@functools.cache
def evaluate(folder: Path) -> EvalReport:
    """Each folder is parsed once per test run, however many tests read its figures."""
    return _evaluate(folder)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_dev_corpus_micro_f1_stays_above_floor() -> None:
    report = evaluate(DEV)
    print(format_table(report))
    assert len(report.documents) == len(list(DEV.glob("*.gold.json"))) > 0
    assert report.micro_f1 >= FLOOR, f"micro-F1 {report.micro_f1:.3f} fell below {FLOOR}\n{format_table(report)}"


def test_each_kind_stays_above_its_floor_and_duplicates_stay_rare() -> None:
    report = evaluate(DEV)
    for kind, floor in KIND_FLOORS.items():
        score = report.kinds[kind]
        f1 = _f1(score.tp, score.fp, score.fn)
        assert f1 >= floor, f"{kind} F1 {f1:.3f} fell below {floor}\n{format_table(report)}"
    duplicates = sum(score.dup for score in report.kinds.values())
    assert duplicates <= MAX_DUPLICATES, format_table(report)


# Folders tuned on after their first score (their READMEs keep it): a floor per folder, so a
# change that helps one article and hurts another kind of text shows here.
TUNED_FLOORS = {
    "dev-extra": 0.84,  # measured 0.870 on 2026-12-07 (0.836 on 2026-12-05) (0.862 on 2026-11-28); tuned on (see its README)
    "dev2": 0.86,  # first score 0.798 on 2026-12-05 (src of main 832615a), taken before reading; 0.889 on 2026-12-07
    "dev3": 0.83,  # first score 0.734 on 2026-12-06 (src of main d038d13), taken before reading; 0.862 after tuning
    "dev4": 0.78,  # first score 0.762 on 2026-12-06 (src of main 24dd808), taken before reading; 0.818 after tuning
    "dev5": 0.78,  # first score 0.728 on 2026-12-06 (src of main ef9fe6e), taken before reading; 0.807 after tuning
    "dev6": 0.82,  # first score 0.731 on 2026-12-06 (src of main 41d2415), taken before reading; 0.852 after tuning
    "dev7": 0.81,  # first score 0.753 on 2026-12-06 (src of main 3cf1e7e), taken before reading; 0.843 after tuning
    "dev8": 0.81,  # first score 0.735 on 2026-12-07 (src of main c2e0892), taken before reading; 0.840 after tuning
    "dev9": 0.72,  # first score 0.690 on 2026-12-07 (src of main bc24c8d), taken before reading; 0.750 after tuning
    "dev10": 0.72,  # first score 0.676 on 2026-12-07 (src of main bc24c8d), taken before reading; 0.755 after tuning
    "dev11": 0.62,  # first score 0.638 on 2026-12-07 (src of main c4a6058), taken before reading
    "dev12": 0.75,  # first score 0.771 on 2026-12-07 (src of main c4a6058), taken before reading
    "dev13": 0.72,  # first score 0.746 on 2026-12-07 (src of main 4e20f31), taken before reading
    "dev14": 0.59,  # first score 0.610 on 2026-12-07 (src of main 4e20f31), taken before reading
    "dev15": 0.61,  # first score 0.629 on 2026-12-07 (src of main 5eccec7), taken before reading
    "dev16": 0.57,  # first score 0.593 on 2026-12-07 (src of main 639dfe9), taken before reading
    "dev17": 0.67,  # first score 0.692 on 2026-12-07 (src of main 639dfe9), taken before reading
    "dev18": 0.63,  # first score 0.651 on 2026-12-07 (src of main 6026b9f), taken before reading
    "dev19": 0.71,  # first score 0.729 on 2026-12-07 (src of main 6026b9f), taken before reading
    "dev20": 0.51,  # first score 0.531 on 2026-12-07 (src of main 94f1b2e), taken before reading
    "dev21": 0.58,  # first score 0.606 on 2026-12-08 (src of main 7c52e1f), taken before reading
}


@pytest.mark.parametrize(("name", "floor"), TUNED_FLOORS.items(), ids=list(TUNED_FLOORS))
def test_other_tuned_folders_stay_above_their_floors(name: str, floor: float) -> None:
    folder = DEV.parent / name
    report = evaluate(folder)
    print(format_table(report))
    assert len(report.documents) == len(list(folder.glob("*.gold.json"))) > 0
    assert report.micro_f1 >= floor, format_table(report)


# Held-out corpora: scored before anyone read their misses (their READMEs keep that first score).
# These floors only guard against a silent fall; never tune rules on these articles.
HELD_OUT_FLOORS = {"fresh": 0.73, "fresh2": 0.63, "fresh3": 0.67, "fresh4": 0.72, "fresh5": 0.75,
                   "fresh6": 0.64, "fresh7": 0.75, "fresh8": 0.66, "fresh9": 0.77, "fresh10": 0.50, "general": 0.67,
                   "general2": 0.62, "general3": 0.69, "general4": 0.79, "fresh11": 0.74,
                   "fresh12": 0.68, "fresh13": 0.69, "fresh14": 0.67}
# measured 0.767, 0.644, 0.707, 0.760, 0.769, 0.673, 0.776, 0.688, 0.795, 0.537, 0.701, 0.650, 0.716 and 0.819 on 2026-12-06 (fourth session);
# fresh2 0.63 and fresh5 0.75 follow the merged figures (measured 0.657 and 0.779 on 2026-12-07)
# (first scores in the READMEs; fresh7 first scored 0.746 on main 832615a; fresh8 first scored 0.667
# on main d038d13, its floor is that score minus about 0.02; general4 first scored 0.835 on main 24dd808,
# its floor likewise; fresh9 first scored 0.795 on main ef9fe6e, its floor likewise; fresh10 first scored
# 0.519 on main 11dad35, its floor likewise; fresh11 first scored 0.760 on main 5eccec7, its floor likewise;
# fresh12 first scored 0.699 on main 639dfe9, its floor likewise; fresh13 first scored 0.715 on main
# 6026b9f, its floor likewise; fresh14 first scored 0.698 on main 94f1b2e, its floor likewise)


@pytest.mark.parametrize(("name", "floor"), HELD_OUT_FLOORS.items(), ids=list(HELD_OUT_FLOORS))
def test_held_out_corpora_stay_above_their_floors(name: str, floor: float) -> None:
    folder = Path(__file__).resolve().parent / "corpus" / name
    report = evaluate(folder)
    assert len(report.documents) == len(list(folder.glob("*.gold.json"))) > 0
    assert report.micro_f1 >= floor, f"{name}: {report.micro_f1:.3f} < {floor}\n{format_table(report)}"


def test_accuracy_page_matches_the_code() -> None:
    reports = {name: evaluate(DEV.parent / name) for name in CORPUS_ROLES}
    page = accuracy_page(reports)
    assert (DOCS / "accuracy.md").read_text(encoding="utf-8") == page, (
        "docs/accuracy.md is stale: run `python tests/_docs.py`")
