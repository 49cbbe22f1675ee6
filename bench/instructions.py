"""Instructions per character of parsing the dev corpus: a speed measure that noise cannot move.

On a shared virtual machine, timings of the same code drift by a third within minutes, which
hides any change smaller than that. The number of machine instructions a parse executes does
not drift: this script counts them with valgrind's cachegrind, once for building the parser
alone and once with PASSES passes over the dev corpus, and reports the difference per pass and
per character. Compare two versions of the code by pointing it at their source folders:

    .venv/bin/python bench/instructions.py                 # the installed diplonews
    .venv/bin/python bench/instructions.py --src /tmp/old/src --src src

Needs ``valgrind`` on the PATH; each count takes about half a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "dev"

_WORKLOAD = """
import sys
from pathlib import Path
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from diplonews.parser import Parser
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
parser = Parser.default()
for rule in parser.rules.rules:  # patterns compile on first use: count that with the building
    rule.pattern
for _ in range(int(sys.argv[3])):
    for text in texts:
        parser.parse(text, published="2023-06-20")
"""


def count(src: str, passes: int) -> int:
    """Instructions executed by the workload (valgrind's "I refs")."""
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _WORKLOAD, src, str(DEV), str(passes)],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"})  # set order, hence work, the same every run
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", action="append", default=[],
                        help="a diplonews source folder to measure (repeatable; default: the installed one)")
    parser.add_argument("--passes", type=int, default=2, help="passes over the dev corpus (default 2)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in DEV.glob("*.txt"))
    print(f"{'source':40s} {'instructions/pass':>18s} {'per char':>9s}")
    for src in args.src or [""]:
        per_pass = (count(src, args.passes) - count(src, 0)) // args.passes
        print(f"{src or '(installed)':40s} {per_pass:18,d} {per_pass / chars:9,.0f}")


if __name__ == "__main__":
    main()
