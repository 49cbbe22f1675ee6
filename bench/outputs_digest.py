"""Every output of the installed diplonews on the test articles and capability cases, as one JSON.

A speed change must not change a single output. Scores cannot show that (a lost item and a
gained one cancel out), so this script records each parse whole: every ``NAME.txt`` under
``tests/corpus/*/`` (parsed with the publication date its gold file gives, as the scorer does)
and every text the capability suite parses (including invariance perturbations). Record the
outputs of the old code, change the code, and compare:

    .venv/bin/python bench/outputs_digest.py --out /tmp/before.json
    .venv/bin/python bench/outputs_digest.py --against /tmp/before.json   # exit 1 on any change

Only the outputs are written, never the held-out texts' scores or the cases' pass marks: this
is a regression check of the code, not an evaluation.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from diplonews.capability import load_suite, run_suite
from diplonews.evaluate import load_gold, published_of
from diplonews.parser import Parser

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpus"
SUITE = ROOT / "tests" / "capabilities"


class _Recorder:
    """A parser stand-in for the capability runner that keeps every result it hands back."""

    def __init__(self, parser: Parser, into: dict[str, Any]):
        self._parser = parser
        self._into = into

    def parse(self, text: str, published: str) -> Any:
        article = self._parser.parse(text, published=published)
        self._into[f"{published}|{text}"] = article.model_dump(mode="json")
        return article


def articles(parser: Parser) -> dict[str, Any]:
    """Each corpus article's parse, keyed ``folder/name``."""
    found: dict[str, Any] = {}
    for text_path in sorted(CORPORA.glob("*/*.txt")):
        gold_path = text_path.with_name(text_path.name[: -len(".txt")] + ".gold.json")
        published = published_of(load_gold(gold_path)) if gold_path.is_file() else None
        article = parser.parse(text_path.read_text(encoding="utf-8"), published=published)
        found[f"{text_path.parent.name}/{text_path.stem}"] = article.model_dump(mode="json")
    return found


def capability_cases() -> dict[str, Any]:
    """Each text the capability suite parses, keyed ``published|text``."""
    suite = load_suite(SUITE)
    parser = Parser.default()
    if suite.settings.rules:
        parser = parser.with_rules(*suite.rule_paths())
    found: dict[str, Any] = {}
    run_suite(suite, _Recorder(parser, found))
    return found


def digest() -> dict[str, Any]:
    return {"articles": articles(Parser.default()), "capabilities": capability_cases()}


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """``section: key`` of every output that is missing, new or changed."""
    changed = []
    for section in sorted(set(old) | set(new)):
        before, after = old.get(section, {}), new.get(section, {})
        for key in sorted(set(before) | set(after)):
            if key not in before:
                changed.append(f"{section}: new {key!r}")
            elif key not in after:
                changed.append(f"{section}: missing {key!r}")
            elif before[key] != after[key]:
                changed.append(f"{section}: changed {key!r}")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="write the outputs to this JSON file")
    parser.add_argument("--against", type=Path, help="compare with an earlier --out file; exit 1 on a change")
    args = parser.parse_args()
    if args.out is None and args.against is None:
        parser.error("give --out, --against or both")
    result = digest()
    if args.out is not None:
        args.out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    counts = ", ".join(f"{len(v)} {k}" for k, v in result.items())
    if args.against is None:
        print(f"recorded {counts}")
        return
    changed = differences(json.loads(args.against.read_text(encoding="utf-8")), result)
    for line in changed:
        print(line)
    print(f"{len(changed)} of {counts} differ from {args.against}")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
