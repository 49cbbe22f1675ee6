"""Time per character of hostile inputs, against the seed article's.

A parser that is linear on news can still go quadratic on a text made of one construction
repeated ("U.S. U.S. U.S. …", ten thousand quotation marks, a page of capitalised names). This
script parses such inputs and prints each one's CPU time per character as a multiple of the
seed article's; it exits non-zero when one is above ``--max-ratio`` (5 by default), so a
regression shows here instead of as a hang on a user's feed. Timings, not assertions in tests:

    .venv/bin/python bench/hostile.py [--max-ratio 5]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import diplonews

SEED = Path(__file__).resolve().parent.parent / "seeds" / "blinken-xi-beijing.txt"

INPUTS: dict[str, Callable[[], str]] = {
    "repeated 'U.S. '": lambda: "U.S. " * 20_000,
    "10,000 straight quotation marks": lambda: '"' * 10_000,
    "nested curly quotes": lambda: "“" * 5_000 + "”" * 5_000,
    "unbalanced quotes with words": lambda: "“He said it " * 5_000,
    "all capitals": lambda: "THE PRESIDENT SAID TALKS WILL GO ON IN GENEVA. " * 2_000,
    "titled names": lambda: "Mr. John Smith met Ms. Jane Doe. " * 3_000,
    "one line of names and commas": lambda: "Kenya, Uganda, " * 10_000,
    "dates": lambda: "on Monday, March 3, 2024, " * 4_000,
    "reporting verbs": lambda: "said told urged met agreed " * 4_000,
    "HTML": lambda: "<div><p>Minister <b>Ana Ruiz</b> said</p></div>\n" * 2_000,
    "HTML of unclosed scripts and tags": lambda: ("<p><script>" + " " * 50 + "<a href=x ") * 2_000,
    "hard-wrapped titled names": lambda: textwrap.fill("Mr. John Smith met Ms. Jane Doe. " * 3_000, 72),
    "binary junk": lambda: bytes(range(256)).decode("latin-1") * 400,
}


def _cpu_per_char(parser: diplonews.Parser, text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        parser.parse(text)
        best = min(best, time.process_time() - start)
    return best / max(len(text), 1)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--max-ratio", type=float, default=5.0)
    args.add_argument("--rounds", type=int, default=3)
    options = args.parse_args()
    parser = diplonews.Parser.default()
    seed = SEED.read_text(encoding="utf-8")
    base = _cpu_per_char(parser, seed, options.rounds * 3)
    print(f"seed: {base * 1e6:.2f} µs/char")
    worst = 0.0
    for name, make in INPUTS.items():
        text = make()
        ratio = _cpu_per_char(parser, text, options.rounds) / base
        worst = max(worst, ratio)
        print(f"{name:36} {len(text):>9,} chars {ratio:6.2f}x the seed's time per char")
    print(f"worst: {worst:.2f}x (limit {options.max_ratio}x)")
    return 0 if worst <= options.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
