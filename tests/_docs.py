"""Running the Python blocks of a Markdown page, shared by the executable-docs tests.

A page's ```python blocks run in order in one namespace, as a reader would type them; each
block compiles under a name with its page, number and line, so a failure points at the doc.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(text: str) -> list[str]:
    """The bodies of the page's ```python blocks, in order."""
    return [m.group(1) for m in BLOCK.finditer(text)]


def run_blocks(doc: Path, name: str, *, stdout: io.StringIO | None = None) -> dict[str, Any]:
    """Execute every python block of ``doc`` in one namespace; return the namespace."""
    text = doc.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": name}
    for number, block in enumerate(python_blocks(text), start=1):
        line = text[: text.index(block)].count("\n") + 1
        code = compile(block, f"{doc.name}:block{number}:line{line}", "exec")
        with contextlib.redirect_stdout(stdout if stdout is not None else io.StringIO()):
            exec(code, namespace)
    return namespace


def cli_reference() -> str:
    """docs/cli.md: ``diplonews --help`` and every subcommand's ``--help``, at 100 columns."""
    import argparse
    import os

    os.environ["COLUMNS"] = "100"
    from diplonews.cli import build_argparser

    parser = build_argparser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parts = [
        "# CLI reference\n\n",
        "Generated from the argument parser (`python tests/_docs.py` rewrites this page); "
        "`tests/test_docs_site.py` fails when a subcommand or option is missing here.\n\n",
        "## `diplonews`\n\n```text\n", parser.format_help(), "```\n",
    ]
    for name, sub in action.choices.items():
        parts += [f"\n## `diplonews {name}`\n\n```text\n", sub.format_help(), "```\n"]
    return "".join(parts)


CORPORA = ROOT / "tests" / "corpus"
# Every folder under tests/corpus, what it is, and (held-out folders) its score when first run,
# before anyone read its misses; the folder's README records the commit of that first score.
CORPUS_ROLES: dict[str, tuple[str, str]] = {
    "dev": ("tuned on: the 80 dev articles; the 45 g-/h-/i- ones first scored 0.569", "0.737"),
    "dev-extra": ("tuned on (was the first held-out folder)", "—"),
    "dev2": ("tuned on: new outlets and regions, and quote-rich ordinary news", "0.798"),
    "dev3": ("tuned on: more new outlets and countries, and quote-rich ordinary news", "0.734"),
    "dev4": ("tuned on: diplomatic news of small states and their neighbours, new outlets", "0.762"),
    "dev5": ("tuned on: phone calls, press conferences, summits and wires from ten new outlets and regions", "0.728"),
    "dev6": ("tuned on: state portals, a ministry transcript, binational commissions, small outlets and blog "
             "reprints", "0.731"),
    "dev7": ("tuned on: demands and agreements from wires, regional dailies, a government information service, "
             "agency readouts and a broadcaster", "0.753"),
    "dev8": ("tuned on: meetings and reported speech: summit bilaterals, visits, calls, postponed and cancelled "
             "meetings from twelve new outlets", "0.735"),
    "dev9": ("tuned on: demands and agreements: Security Council, AU and bloc calls, ultimatums, MoUs, "
             "\"agreed to\" from twelve new outlets", "0.690"),
    "dev10": ("tuned on: reported speech in ordinary public-affairs news: councils, unions, state and county "
              "politics, twelve new outlets", "0.676"),
    "dev11": ("tuned on: demands, agreements and meetings from the Caucasus, Balkans, Central Asia, West and "
              "Central Africa, South-East Asia, the Pacific and the Nordic-Baltic region, thirteen new outlets", "0.638"),
    "dev12": ("tuned on: quotations in ordinary news: courts, business, sport, health, local news, twelve new "
              "outlets", "0.771"),
    "dev13": ("tuned on: meetings and what was said at them: readouts, agency wires and newspapers from the "
              "Caribbean, Gulf, East Africa, the Balkans, Central Asia and South-East Asia, twelve new outlets",
              "0.746"),
    "dev14": ("tuned on: demands and agreements in international and domestic-political wire stories from six "
              "regions, twelve new outlets", "0.610"),
    "dev15": ("tuned on: demands of regional bodies, the UN, ministries, parties, unions and rights groups, "
              "reported, quoted, passive and nominal, twelve new outlets", "0.629"),
    "dev16": ("tuned on: demands by communiqués, summits, resolutions and ministries of regional bodies; "
              "passives, quoted and nominal demands, twelve new outlets", "0.593"),
    "dev17": ("tuned on: agreements signed, renewed, proposed, rejected and collapsed: loans, MoUs, ceasefires, "
              "prisoner swaps, twelve new outlets", "0.692"),
    "dev18": ("tuned on: summits and multi-party meetings and the demands made at them, organs of regional "
              "bodies, twelve new outlets", "0.651"),
    "dev19": ("tuned on: ordinary news dense in quotations: business, domestic politics, courts, police, "
              "science and sport, twelve new outlets", "0.729"),
    "dev20": ("tuned on: demands and agreements in wires, readouts and joint statements from six regions, "
              "twelve new outlets", "0.531"),
    "dev21": ("tuned on: demand-dense press releases, agency copies and NGO statements, agreements that count "
              "and that do not, twelve new outlets", "0.606"),
    "speech": ("tuned on: speeches and interviews for quotation attribution", "0.844"),
    "fresh": ("held out: diplomatic news from other outlets", "0.667"),
    "fresh2": ("held out: wire stories dense in demands and agreements", "0.446"),
    "fresh3": ("held out: readouts, regional press and UN releases", "0.659"),
    "fresh4": ("held out: Caucasus, Balkans, Nordic, Caribbean, Pacific releases and wires", "0.638"),
    "fresh5": ("held out: Latin American, African, Asian state-agency, UN and ministry texts", "0.720"),
    "fresh6": ("held out: Baltic, Maghreb, Horn of Africa, Mekong, Pacific and Andean texts", "0.642"),
    "fresh7": ("held out: Caucasus, Central American, West African, South Asian, Nordic, Pacific and Gulf texts",
               "0.746"),
    "fresh8": ("held out: Central Asian, South-East Asian, Andean, Latin American, East African, Balkan, "
               "Guyanese, Pacific and Maghreb texts", "0.667"),
    "fresh9": ("held out: South Asian, Baltic, Nordic, Horn of Africa, Caribbean, Melanesian, Caucasus, "
               "South-East Asian, Great Lakes and West African texts", "0.795"),
    "fresh10": ("held out: Central Asian, Balkan, Andean, Pacific, Nordic, South Asian, Southern African, "
                "Maghreb and Gulf texts, a transcript and government portals", "0.519"),
    "general": ("held out: business, domestic politics and sport", "0.233"),
    "general2": ("held out: courts, labour, elections, science, sport and a Q&A transcript", "0.519"),
    "general3": ("held out: labour, business, state politics, courts, local news, sport transcripts", "0.593"),
    "general4": ("held out: business, sport, island and Pacific politics, courts, health, science, local news",
                 "0.835"),
    "fresh11": ("held out: diplomatic wires, newspapers, a broadcaster and government statements from every "
                "region, twelve new outlets", "0.760"),
    "fresh12": ("held out: an agency wire, national papers, broadcasters and government releases from every "
                "region, twelve new outlets", "0.699"),
    "fresh13": ("held out: readouts, wires, national papers and broadcasters from every region, twelve new "
                "outlets", "0.715"),
    "fresh14": ("held out: bilateral visits, summits, readouts and treaties from every region, twelve new "
                "outlets", "0.698"),
}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def accuracy_page(reports: dict[str, Any]) -> str:
    """docs/accuracy.md from one ``evaluate`` report per corpus folder (name -> EvalReport)."""
    lines = [
        "# Accuracy\n\n",
        "Scores of the default rules on every annotated folder under `tests/corpus/`, with the "
        "scorer `diplonews eval` (`docs/annotation.md` says what counts as a match). Generated "
        "by `python tests/_docs.py`; `tests/test_accuracy.py` fails when this page no longer "
        "matches the code.\n\n",
        "Folders marked *tuned on* are training data: rules were written while reading their "
        "misses. *Held out* folders were scored before anyone read them and are never used to "
        "write a rule; their figures are what a new feed can expect. *First score* is the "
        "micro-F1 when the folder was first run (for tuned folders, before the redesign of "
        "December 2026).\n\n",
        "| folder | articles | role | P | R | micro-F1 | first score |\n",
        "|--|--:|--|--:|--:|--:|--:|\n",
    ]
    for name, (role, first) in CORPUS_ROLES.items():
        report = reports[name]
        lines.append(f"| `{name}` | {len(report.documents)} | {role} | {report.precision:.3f} | "
                     f"{report.recall:.3f} | **{report.micro_f1:.3f}** | {first} |\n")
    for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13",
                 "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "fresh", "fresh2", "fresh3",
                 "fresh4", "fresh5", "fresh6", "fresh7",
                 "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "general", "general2", "general3", "general4"):
        report = reports[name]
        lines += [f"\n## `{name}` by kind\n\n",
                  "| kind | tp | fp | fn | dup | P | R | F1 |\n",
                  "|--|--:|--:|--:|--:|--:|--:|--:|\n"]
        for kind, s in report.kinds.items():
            figures = (f"{s.precision:.3f} | {s.recall:.3f} | {_f1(s.tp, s.fp, s.fn):.3f}"
                       if s.tp + s.fp + s.fn else "— | — | —")
            lines.append(f"| {kind} | {s.tp} | {s.fp} | {s.fn} | {s.dup} | {figures} |\n")
        slots = [f"{kind[:-1]}.{slot} {s.slots_ok[slot]}/{total}"
                 for kind, s in report.kinds.items() for slot, total in sorted(s.slots_total.items())]
        if slots:
            lines.append("\nSlots: " + ", ".join(slots) + ".\n")
    return "".join(lines)


def all_reports() -> dict[str, Any]:
    from diplonews.evaluate import evaluate

    return {name: evaluate(CORPORA / name) for name in CORPUS_ROLES}


if __name__ == "__main__":
    (DOCS / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (DOCS / "accuracy.md").write_text(accuracy_page(all_reports()), encoding="utf-8")
