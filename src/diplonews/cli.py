"""The ``diplonews`` command line: parse, schema (and more subcommands as they land)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from diplonews.kinds import KindError, load_kind
from diplonews.model import Article
from diplonews.parser import Parser, coerce_published
from diplonews.rules.errors import RuleError
from diplonews.text.inputs import InputError, decode_bytes, read_text_file

__all__ = ["main"]


def _parser_from(args: argparse.Namespace) -> Parser:
    parser = Parser.default()
    for spec in getattr(args, "kind", None) or ():
        # Kinds first: a rule file's rules of a custom kind need the kind registered (DN107).
        name, plural, model = load_kind(spec)
        parser = parser.with_kind(name, model, plural)
    if getattr(args, "rules", None):
        parser = parser.with_rules(*args.rules)
    if getattr(args, "gazetteer", None):
        parser = parser.with_gazetteer(*args.gazetteer)
    return parser


def _read_input(path: str) -> str:
    return _read_checked(path)[0]


def _read_checked(path: str) -> tuple[str, list[str]]:
    """The text of FILE (or stdin) and its decoding warnings; InputError for binary input."""
    if path == "-":
        return decode_bytes(sys.stdin.buffer.read(), name="standard input")
    return read_text_file(path)


def _parse_file(parser: Parser, path: str, published: dt.date | None) -> Article:
    """Parse FILE; text that had to be repaired carries its decoding warnings in ``errors``."""
    text, warnings = _read_checked(path)
    article = parser.parse(text, published=published)
    article.errors[:0] = warnings
    return article


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
    # Errors and warnings (a rule that timed out, a skipped over-long sentence, repaired
    # bytes) belong on screen: a table without them looks like a clean parse.
    lines.extend(f"ERROR      {error}" for error in article.errors)
    return "\n".join(lines) + ("\n" if lines else "")


def _cmd_parse(args: argparse.Namespace) -> int:
    parser = _parser_from(args)
    article = _parse_file(parser, args.file, args.published)
    if args.format == "table":
        sys.stdout.write(_table(article))
    else:
        sys.stdout.write(article.model_dump_json(indent=2) + "\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(Article.model_json_schema(), indent=2) + "\n")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from diplonews.batch import read_dates, run_batch

    show = not args.quiet and sys.stderr.isatty()
    try:
        dates = read_dates(args.dates) if args.dates else None
    except ValueError as exc:
        print(f"diplonews batch: {exc}", file=sys.stderr)
        return 2
    try:
        stats = run_batch(args.input, args.output, workers=args.workers, parser=_parser_from(args),
                          progress=sys.stderr if show else None, published=args.published, dates=dates)
    except KeyboardInterrupt:
        print("\ndiplonews batch: interrupted; every line written so far is a complete record",
              file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"diplonews batch: {stats.summary()}", file=sys.stderr)
    if args.events:
        from diplonews.events import batch_events

        count = 0
        with open(args.events, "w", encoding="utf-8") as out:
            for event in batch_events(args.output):
                out.write(event.model_dump_json() + "\n")
                count += 1
        if not args.quiet:
            print(f"diplonews batch: {count} events written to {args.events}", file=sys.stderr)
    return _batch_status(stats.records, stats.errors, strict=args.strict)


def _batch_status(records: int, errors: int, *, strict: bool) -> int:
    """Exit status of a batch run: 1 when nothing was parsed (every record failed, or there
    were none), and with ``--strict`` when any record failed; else 0."""
    if records == 0:
        print("diplonews batch: no input records", file=sys.stderr)
        return 1
    if errors == records:
        print(f"diplonews batch: all {records} records failed", file=sys.stderr)
        return 1
    if strict and errors:
        print(f"diplonews batch: {errors} of {records} records failed (--strict)", file=sys.stderr)
        return 1
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from diplonews.export import ExportError, read_results, to_rows, write_csv, write_parquet

    try:
        # Parquet keeps types (lists of actor names, dates); CSV cells are flat text.
        tables = to_rows(read_results(args.input), typed=args.format == "parquet")
        written = (write_csv if args.format == "csv" else write_parquet)(tables, args.outdir)
    except ExportError as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2
    for kind, path in written.items():
        print(f"{path}\t{len(tables[kind])} rows", file=sys.stderr)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from diplonews.evaluate import evaluate, format_table, golden_pairs

    # A table of zeros for a mistyped folder looks like a result; refuse instead.
    if not Path(args.dir).is_dir():
        print(f"diplonews eval: no such folder: {args.dir}", file=sys.stderr)
        return 2
    if not golden_pairs(args.dir):
        print(f"diplonews eval: no NAME.gold.json files in {args.dir} (nothing to score against)",
              file=sys.stderr)
        return 2
    report = evaluate(args.dir, _parser_from(args))
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), indent=1) + "\n")
    else:
        sys.stdout.write(format_table(report, show=args.show))
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from diplonews.explain import coverage, explain, format_coverage, format_explanation

    parser = _parser_from(args)
    if args.coverage:
        sys.stdout.write(format_coverage(coverage(args.coverage, parser)))
        return 0
    if not args.file:
        print("diplonews explain: give a FILE or --coverage DIR", file=sys.stderr)
        return 2
    result = explain(_read_input(args.file), args.published, parser)
    sys.stdout.write(format_explanation(result, masked=args.masked))
    return 0


def _add_kind_option(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``--kind`` for every subcommand that takes rule files: rules of a custom kind need it."""
    for command in sub.choices.values():
        if any("--rules" in action.option_strings for action in command._actions):
            command.add_argument("--kind", action="append", metavar="[NAME[,PLURAL]=]MODULE:CLASS",
                                 help="register a custom item kind (a diplonews.Item subclass) for rules "
                                 "to fill; NAME defaults to the class name in lower case; repeatable")


def _cmd_check_rules(args: argparse.Namespace) -> int:
    """Run a rule file's own examples and counterexamples; exit 1 if any fails."""
    parser = _parser_from(args).with_rules(*args.rulefile)
    sources = set(args.rulefile)
    mine = [r for r in parser.rules.rules if r.source in sources]
    failures = parser.check_rules(sources=sources)
    examples = sum(len(r.spec.examples) for r in mine)
    counter = sum(len(r.spec.counterexamples) for r in mine)
    for failure in failures:
        print(f"FAIL {failure}")
    summary = (f"{len(mine)} rules, {examples} examples, {counter} counterexamples: "
               f"{len(failures)} failed" if failures else "all pass")
    print(f"diplonews check-rules: {summary}", file=sys.stderr if failures else sys.stdout)
    return 1 if failures else 0


def _add_check_rules(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    c = sub.add_parser("check-rules", help="run a rule file's own examples and counterexamples",
                       epilog="Exit status: 0 when every example and counterexample of the file behaves "
                       "as written, 1 when one does not, 2 when the file itself is invalid (a DN1xx error).")
    c.add_argument("rulefile", nargs="+", help="rule files (TOML/JSON), checked with the default rules")
    c.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    c.add_argument("--kind", action="append", metavar="[NAME[,PLURAL]=]MODULE:CLASS",
                   help="register a custom item kind the file's rules fill; repeatable")
    c.set_defaults(func=_cmd_check_rules)


REBASELINE = "diplonews check tests/capabilities --write-baseline --markdown docs/capabilities.md"
"""The one command that re-measures the default capability suite (see docs/capabilities.md)."""


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        return _run_check(args)
    except ValueError as exc:  # a malformed capability or lexicon: say where, without a traceback
        print(f"diplonews check: {exc}", file=sys.stderr)
        return 2


def _run_check(args: argparse.Namespace) -> int:
    from diplonews.capability import format_markdown, format_report, load_suite, run_suite

    suite = load_suite(args.suite)
    if args.floor is not None:
        suite.settings = suite.settings.model_copy(update={"floor": args.floor})
    if args.write_baseline:
        suite.baseline = None
    parser = _parser_from(args).with_rules(*suite.rule_paths())
    report = run_suite(suite, parser, only=args.only or ())
    if args.write_baseline:
        if args.only:
            print("diplonews check: --write-baseline needs the whole suite (no --only)", file=sys.stderr)
            return 2
        from diplonews.capability.suite import BASELINE

        baseline = report.baseline()
        (Path(args.suite) / BASELINE).write_text(json.dumps(baseline.to_json(), indent=1,
                                                            ensure_ascii=False) + "\n", encoding="utf-8")
        report = report.with_baseline(baseline)
    if args.markdown:
        Path(args.markdown).write_text(format_markdown(report, command=REBASELINE), encoding="utf-8")
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(report, show=args.show))
    return 0 if report.ok else 1


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
    b = sub.add_parser("batch", help="parse a JSON Lines file or a folder of .txt files into JSON Lines",
                       epilog="Exit status: 0 when at least one record parsed; 1 when every record failed "
                       "or there were none, and with --strict when any record failed; 2 for unreadable "
                       "input or bad options. A failed record is a line {\"id\", \"ok\": false, \"error\"}; "
                       "a binary .txt file is one.")
    b.add_argument("input", help='JSON Lines of {"id","text","published"}, or a folder of .txt files')
    b.add_argument("output", help="JSON Lines output: one line per input, in input order")
    b.add_argument("--workers", type=int, default=1, help="processes to parse with (0: one per CPU)")
    b.add_argument("--quiet", action="store_true", help="no progress and no summary on stderr")
    b.add_argument("--events", metavar="PATH",
                   help="also write PLOVER/CAMEO event records (JSON Lines) to PATH; see docs/events.md")
    b.add_argument("--rules", action="append", help="a rule file (TOML/JSON) to add; repeatable")
    b.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    b.add_argument("--published", type=_published, default=None,
                   help="publication date, YYYY-MM-DD, for records that carry none")
    b.add_argument("--dates", metavar="CSV",
                   help="publication dates per record: a CSV with columns id,published (id: file stem)")
    b.add_argument("--strict", action="store_true", help="exit 1 if any record failed (default: only if all did)")
    b.set_defaults(func=_cmd_batch)
    e = sub.add_parser("export", help="flatten a batch output into CSV or Parquet tables")
    e.add_argument("input", help="a JSON Lines file written by 'diplonews batch'")
    e.add_argument("outdir", help="folder for one table per item kind")
    e.add_argument("--format", choices=["csv", "parquet"], default="csv")
    e.set_defaults(func=_cmd_export)
    v = sub.add_parser("eval", help="score the parses of a NAME.txt + NAME.gold.json corpus",
                       epilog="Exit status 2 when DIR does not exist or holds no NAME.gold.json file. "
                       "In the table, a kind with nothing to find and nothing found scores 1.000, "
                       "as in the pytest plugin (--json keeps the reference scorer's 0.0).")
    v.add_argument("dir", help="folder of NAME.txt + NAME.gold.json pairs")
    v.add_argument("--json", action="store_true", help="print the figures as JSON")
    v.add_argument("--show", action="store_true", help="also list misses, false positives and wrong slots")
    v.add_argument("--rules", action="append", help="a rule file (TOML/JSON) to add; repeatable")
    v.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    v.set_defaults(func=_cmd_eval)
    x = sub.add_parser("explain", help="show the rule, evidence and captured groups behind each item")
    x.add_argument("file", nargs="?", help="a text file, or - for standard input")
    x.add_argument("--published", type=_published, default=None, help="publication date, YYYY-MM-DD")
    x.add_argument("--coverage", metavar="DIR", help="instead: how often each rule fired over a folder")
    x.add_argument("--masked", action="store_true", help="also print every sentence as the rules see it")
    x.add_argument("--rules", action="append", help="a rule file (TOML/JSON) to add; repeatable")
    x.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    x.set_defaults(func=_cmd_explain)
    k = sub.add_parser("check", help="run a capability suite: pass rates per capability and kind")
    k.add_argument("suite", help="folder of capability TOML files (and its baseline.json)")
    k.add_argument("--show", action="store_true", help="also list every failing case and what came out instead")
    k.add_argument("--json", action="store_true", help="print the figures and failures as JSON")
    k.add_argument("--only", action="append", metavar="PREFIX", help="only capabilities whose name starts so")
    k.add_argument("--floor", type=float, default=None,
                   help="pass-rate floor for capabilities the baseline does not list (default: the suite's, 1.0)")
    k.add_argument("--write-baseline", action="store_true",
                   help="record this run as SUITE/baseline.json: floors at the measured rates, failures as known")
    k.add_argument("--markdown", metavar="PATH", help="also write the per-capability table as a Markdown page")
    k.add_argument("--rules", action="append", help="a rule file (TOML/JSON) to add; repeatable")
    k.add_argument("--gazetteer", action="append", help="an actor gazetteer (TOML/JSON) to add; repeatable")
    k.set_defaults(func=_cmd_check)
    _add_kind_option(sub)
    _add_check_rules(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_argparser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except RuleError as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2
    except (OSError, InputError, KindError) as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
