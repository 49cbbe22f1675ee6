"""The ``diplonews`` command line: parse, schema (and more subcommands as they land)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from diplonews.model import Article
from diplonews.parser import Parser, coerce_published
from diplonews.rules.errors import RuleError

__all__ = ["main"]


def _parser_from(args: argparse.Namespace) -> Parser:
    parser = Parser.default()
    if getattr(args, "rules", None):
        parser = parser.with_rules(*args.rules)
    if getattr(args, "gazetteer", None):
        parser = parser.with_gazetteer(*args.gazetteer)
    return parser


def _read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _table(article: Article) -> str:
    def name(actor_id: str | None) -> str:
        actor = article.actor(actor_id)
        return actor.name if actor else "-"

    lines = []
    for m in article.meetings:
        lines.append(f"MEETING    {' + '.join(name(p) for p in m.participants)}"
                     f" | {m.status} | {m.date.value if m.date else '-'} | {m.location.name if m.location else '-'}"
                     f" | {m.rule}")
    for s in article.statements:
        lines.append(f"STATEMENT  {name(s.speaker)} ({s.kind}): {s.content[:100]} | {s.rule}")
    for d in article.demands:
        lines.append(f"DEMAND     {name(d.demander)} -> {name(d.addressee)}: {d.action[:100]} | {d.rule}")
    for a in article.agreements:
        lines.append(f"AGREEMENT  {' + '.join(name(p) for p in a.parties)}: {a.content[:100]} | {a.rule}")
    return "\n".join(lines) + ("\n" if lines else "")


def _cmd_parse(args: argparse.Namespace) -> int:
    parser = _parser_from(args)
    article = parser.parse(_read_input(args.file), published=args.published)
    if args.format == "table":
        sys.stdout.write(_table(article))
    else:
        sys.stdout.write(article.model_dump_json(indent=2) + "\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(Article.model_json_schema(), indent=2) + "\n")
    return 0


def _published(value: str) -> dt.date | None:
    try:
        return coerce_published(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def build_argparser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="diplonews", description="Structured records of diplomacy from news text.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one article and print its items")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--published", type=_published, default=None, help="publication date, YYYY-MM-DD")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--rules", action="append", help="a rule file (TOML/JSON) to add; repeatable")
    p.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    p.set_defaults(func=_cmd_parse)
    s = sub.add_parser("schema", help="print the JSON Schema of a parse result")
    s.set_defaults(func=_cmd_schema)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_argparser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except RuleError as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
