"""diplonews against spaCy's small English pipeline on the dev corpus, one process each.

Issue 13 asks that one diplonews process stay at least ten times faster than spaCy's small
English pipeline (``en_core_web_sm``: tokenizer, tagger, parser, NER, lemmatizer), the usual
first step of the statistical extractors diplonews is meant to replace. spaCy is not a
dependency of diplonews; install it beside it in a separate environment to run this:

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install spacy -e .
    /tmp/spacy-venv/bin/python -m spacy download en_core_web_sm   # or any copy of the model
    /tmp/spacy-venv/bin/python bench/versus_spacy.py --model en_core_web_sm

Both run over the same texts in the same process, alternately, ``--passes`` times; the best
pass of each counts, in CPU seconds (this machine's wall clock drifts by a third within
minutes). diplonews runs with its default rules, spaCy with its whole pipeline through
``nlp.pipe`` (its fastest single-process path). Loading either is not counted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from diplonews.parser import Parser

DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "dev"


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline to load")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()

    import spacy  # not a dependency of diplonews: see the docstring

    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    chars = sum(len(t) for t in texts)
    nlp = spacy.load(args.model)
    parser = Parser.default()
    for text in texts[:3]:  # first-use pattern compiling and spaCy's warm-up are not counted
        parser.parse(text, published="2023-06-20")
        nlp(text)

    def run_diplonews() -> None:
        for text in texts:
            parser.parse(text, published="2023-06-20")

    def run_spacy() -> None:
        for _ in nlp.pipe(texts):
            pass

    best = {"diplonews": float("inf"), "spacy": float("inf")}
    for _ in range(args.passes):
        best["diplonews"] = min(best["diplonews"], cpu_seconds(run_diplonews))
        best["spacy"] = min(best["spacy"], cpu_seconds(run_spacy))

    print(f"dev corpus: {len(texts)} articles, {chars:,} characters; best of {args.passes} passes")
    print(f"spaCy {spacy.__version__}, pipeline {args.model} ({', '.join(nlp.pipe_names)})")
    for name, seconds in best.items():
        print(f"{name:10} {seconds:7.3f} CPU s  {chars / seconds:>10,.0f} chars per CPU second")
    print(f"diplonews is {best['spacy'] / best['diplonews']:.1f}x spaCy's speed")


if __name__ == "__main__":
    main()
