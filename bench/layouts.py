"""How much a gold folder's score depends on the layout of its texts.

    .venv/bin/python bench/layouts.py                        # tests/corpus/dev, every layout
    .venv/bin/python bench/layouts.py tests/corpus/dev2 --layouts wrap-72,html

Users feed diplonews text in shapes the gold folders do not have: hard-wrapped paragraphs,
HTML pages, British single quotation marks, page furniture. Each layout here rewrites every
``NAME.txt`` of the folder (the gold files stay as they are: the scorer matches items by their
content, not their offsets) into a temporary folder and scores it with ``diplonews.evaluate``;
a layout the reader handles scores what the plain folder scores. Run it on a tuning folder:
it prints only the summed counts, but a held-out folder should stay unread all the same.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from diplonews.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
QUOTE_MARKS = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _straight(text: str) -> str:
    return "".join(QUOTE_MARKS.get(c, c) for c in text)


def _single(text: str, opening: str, closing: str) -> str:
    return re.sub(r'"([^"\n]*)"', lambda m: opening + m.group(1) + closing, _straight(text))


def _furniture(text: str) -> str:
    paragraphs = text.split("\n")
    out = [paragraphs[0], "By Jane Smith, Staff Writer", "Updated 3 hours ago"]
    for i, paragraph in enumerate(paragraphs[1:]):
        out.append(paragraph)
        if i % 3 == 2:
            out.append("Advertisement")
    out.append("Share this article: Facebook Twitter WhatsApp")
    return "\n".join(out)


def _capital_headline(text: str) -> str:
    first, _, rest = text.partition("\n")
    if len(first) > 150 or first.rstrip().endswith((".", '"', "\u201d")):
        return text  # the article opens with its lead, not a headline
    return first.upper() + "\n" + rest


LAYOUTS: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    "wrap-72": lambda t: "\n\n".join(textwrap.fill(p, 72) for p in _paragraphs(t)),
    "wrap-60-no-blank-lines": lambda t: "\n".join(textwrap.fill(p, 60) for p in _paragraphs(t)),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "blank-lines-between": lambda t: "\n\n".join(_paragraphs(t)),
    "leading-blank-lines": lambda t: "\n\n  \n" + t,
    "one-line": lambda t: " ".join(p.strip() for p in _paragraphs(t)),
    "html": lambda t: "<html><body>" + "".join(f"<p>{html.escape(p)}</p>\n" for p in _paragraphs(t)) + "</body></html>",
    "straight-quotes": _straight,
    "single-quotes-curly": lambda t: _single(t, "\u2018", "\u2019"),
    "single-quotes-straight": lambda t: _single(t, "'", "'"),
    "furniture": _furniture,
    "capital-headline": _capital_headline,
}


def _score(folder: Path) -> str:
    result = evaluate(folder)
    kinds = result.kinds
    tp, fp, fn = (sum(getattr(s, a) for s in kinds.values()) for a in ("tp", "fp", "fn"))
    by_kind = " ".join(f"{name[:2]} {s.tp}/{s.fp}/{s.fn}" for name, s in kinds.items())
    return f"tp {tp:4d} fp {fp:3d} fn {fn:4d} F1 {result.micro_f1:.3f} | {by_kind}"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "corpus" / "dev"))
    args.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated: " + ", ".join(LAYOUTS))
    options = args.parse_args()
    source = Path(options.folder)
    names = options.layouts.split(",")
    unknown = [n for n in names if n not in LAYOUTS]
    if unknown:
        print(f"unknown layout(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            target = Path(tmp) / name
            target.mkdir()
            for path in sorted(source.iterdir()):
                if path.suffix == ".txt":
                    text = LAYOUTS[name](path.read_text(encoding="utf-8"))
                    (target / path.name).write_text(text, encoding="utf-8", newline="")
                elif path.name.endswith(".gold.json"):
                    shutil.copy(path, target / path.name)
            print(f"{name:24s} {_score(target)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
