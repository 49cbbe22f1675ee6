"""Accuracy floor on the dev corpus: a change that loses more than a little micro-F1 fails here.

The floor is the micro-F1 measured when this test was written minus 0.03, rounded down to two
decimals; raise it when accuracy improves for good. The table is printed (``pytest -s`` or on
failure) so a drop shows which kind lost.
"""

from __future__ import annotations

from pathlib import Path

from diplonews.evaluate import evaluate, format_table

DEV = Path(__file__).resolve().parent / "corpus" / "dev"
FLOOR = 0.73  # measured 0.766 on 2026-11-28


def test_dev_corpus_micro_f1_stays_above_floor() -> None:
    report = evaluate(DEV)
    print(format_table(report))
    assert len(report.documents) == len(list(DEV.glob("*.gold.json"))) > 0
    assert report.micro_f1 >= FLOOR, f"micro-F1 {report.micro_f1:.3f} fell below {FLOOR}\n{format_table(report)}"
