"""Time-bounded fuzzing of ``diplonews.parse``: no crash, no hang, span invariants hold.

Usage::

    python bench/fuzz.py --minutes 10 [--seed 0] [--out bench/fuzz-failures]
    python bench/fuzz.py --scaling 1,2,5,10     # parse N MB of dev text: time and invariants

Inputs mix four sources: random text over awkward alphabets (controls, NULs, lone surrogates,
right-to-left and CJK scripts, every quotation mark), mutated dev articles (random slices, quote
insertion, character flips, concatenations, CRLF, punctuation removal), soups of diplomatic
sentence fragments, and rare large inputs. Each input is parsed in a worker process so a hang
is caught (the worker is killed after a size-scaled time limit) rather than stalling the loop.
A failure is a raised exception, a hang, or a broken invariant (see ``check_article``); the
first few inputs of each failure signature are saved to the output folder as ``.txt`` (UTF-8,
lone surrogates kept via ``surrogatepass``) with a ``.json`` note. The last line printed is the
summary that ``docs/robustness.md`` quotes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"

QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "`", "″"]
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    " .,;:!?-—–()[]{}/\\…\n\n\r\t",
    "".join(QUOTES),
    "مرحبا بالعالم وزير الخارجية قال",  # Arabic
    "שלום עולם שר החוץ אמר",  # Hebrew
    "外交部长王毅会见美国国务卿布林肯。「」，、",  # CJK
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\u200e\u200f\u202e\ufeff",
    "\ud800\udbff\udc00\udfff",  # lone surrogates
    "éèêëçñøåßÆŒ İıǅ ﬁ ﬂ Å Ω K",  # case-folding oddities that change length
    "⟦⟧apcogndlq0123456789",  # the masking token alphabet
    "\U0001f600\U0001f1fa\U0001f1f8\U00010000\U0010ffff",  # astral
]
FRAGMENTS = [
    "Secretary of State", "Foreign Minister", "President", "Prime Minister", "spokesperson",
    "Antony Blinken", "Wang Yi", "Xi Jinping", "Sergei Lavrov", "John Kerry", "Kerry", "Lavrov",
    "the United States", "China", "Russia", "the European Union", "NATO", "Beijing", "Geneva",
    "said", "told reporters", "urged", "called on", "demanded that", "met", "held talks with",
    "agreed to", "signed", "will visit", "stressed", "to lift sanctions", "not to interfere",
    "on Monday", "yesterday", "last week", "on June 19", "2023-06-19", "in", "and", "that", ",",
    ".", ":", ";", "“", "”", '"', "«", "»", "'", "\n", "\n\n", " ", "the two sides", "They", "He",
]


def check_article(text: str, article: Any) -> list[str]:
    """Broken invariants of a parse result, as messages (empty when all hold).

    The invariants: the result keeps the text verbatim; every evidence span and actor mention
    lies inside it with ``text[start:end] == span.text``; every actor id an item refers to is
    in the actors table; actor ids are unique; no rule failed to build an item.
    """
    problems: list[str] = []
    if article.text != text:
        problems.append("article.text differs from the input")

    def span_ok(where: str, span: Any) -> None:
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            problems.append(f"{where}: span {span.start}:{span.end} {span.text!r} not in the text")

    ids = [a.id for a in article.actors]
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate actor ids: {sorted(k for k, v in Counter(ids).items() if v > 1)}")
    for actor in article.actors:
        for mention in actor.mentions:
            span_ok(f"actor {actor.id}", mention)
    known = set(ids)
    kinds = ["meetings", "statements", "demands", "agreements", *article.extra_items]
    for kind in kinds:
        for item in article.items(kind):
            if not item.evidence:
                problems.append(f"{kind} item from {item.rule} has no evidence")
            for ev in item.evidence:
                span_ok(f"{kind} {item.rule}", ev)
            for name in type(item).actor_fields:
                value = getattr(item, name)
                for ref in value if isinstance(value, list) else [value]:
                    if ref is not None and ref not in known:
                        problems.append(f"{kind} {item.rule}: {name} {ref!r} is not an actor")
    problems.extend(f"build error: {e[:200]}" for e in article.errors if "could not build" in e)
    return problems


# ---- input generators ----------------------------------------------------------------------
def _load_dev() -> list[tuple[str, str]]:
    found = []
    for txt in sorted(DEV.glob("*.txt")):
        gold = txt.with_name(txt.stem + ".gold.json")
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
        found.append((txt.read_text(encoding="utf-8"), published or "2023-06-20"))
    return found


def random_text(rng: random.Random) -> str:
    pools = rng.sample(ALPHABETS, rng.randint(1, 4))
    chars = "".join(pools)
    n = int(10 ** rng.uniform(0, 4.3))
    return "".join(rng.choice(chars) for _ in range(n))


def fragment_soup(rng: random.Random) -> str:
    return " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 300)))


def mutate(text: str, rng: random.Random, dev: list[tuple[str, str]]) -> str:
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        n = len(text)
        if op == 0 and n:  # random slice
            a = rng.randrange(n)
            text = text[a:a + rng.randint(1, n)]
        elif op == 1:  # quote insertion
            for _ in range(rng.randint(1, 20)):
                i = rng.randint(0, len(text))
                text = text[:i] + rng.choice(QUOTES) + text[i:]
        elif op == 2 and n:  # character flips
            chars = list(text)
            for _ in range(rng.randint(1, max(1, n // 50))):
                chars[rng.randrange(n)] = rng.choice(rng.choice(ALPHABETS))
            text = "".join(chars)
        elif op == 3:  # concatenation
            text = text + rng.choice(["\n", "\n\n", " ", ""]) + rng.choice(dev)[0]
        elif op == 4:
            text = text.replace("\n", "\r\n")
        elif op == 5:  # punctuation removal
            text = text.translate(str.maketrans("", "", ".,;:!?"))
        elif op == 6:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        elif op == 7 and n:  # duplicate a stretch
            a = rng.randrange(n)
            b = min(n, a + rng.randint(1, 2000))
            text = text[:b] + text[a:b] * rng.randint(1, 5) + text[b:]
        elif op == 8:  # strip all quotation marks, or all newlines
            text = text.translate({ord(q): None for q in QUOTES}) if rng.random() < 0.5 else text.replace("\n", " ")
    return text


def make_input(rng: random.Random, dev: list[tuple[str, str]]) -> tuple[str, str, object]:
    roll = rng.random()
    text, published = rng.choice(dev)
    if roll < 0.25:
        source, text = "random", random_text(rng)
    elif roll < 0.40:
        source, text = "fragments", fragment_soup(rng)
    elif roll < 0.98:
        source, text = "mutated-dev", mutate(text, rng, dev)
    else:
        source = "large"
        text = "\n".join(rng.choice(dev)[0] for _ in range(rng.randint(5, 20)))
        text = mutate(text, rng, dev)
    when: object = rng.choice([None, published, dt.date.fromisoformat(published),
                               dt.datetime.fromisoformat(published + "T12:00:00")])
    return source, text, when


# ---- worker ---------------------------------------------------------------------------------
def _worker(conn: Connection) -> None:
    import diplonews

    diplonews.parse("warm up", published="2023-06-20")
    while True:
        job = conn.recv()
        if job is None:
            return
        text, when, twice = job
        try:
            started = time.perf_counter()
            article = diplonews.parse(text, published=when)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - started
            problems = check_article(text, article)
            if twice and diplonews.parse(text, published=when).model_dump() != article.model_dump():  # type: ignore[arg-type]
                problems.append("not deterministic: a second parse differs")
            conn.send(("ok", problems, elapsed))
        except Exception:
            conn.send(("crash", [traceback.format_exc(limit=8)], 0.0))


class Runner:
    """One worker process; restarted after a hang."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()

    def run(self, text: str, when: object, twice: bool, limit: float) -> tuple[str, list[str], float]:
        self.conn.send((text, when, twice))
        if self.conn.poll(limit):
            result: tuple[str, list[str], float] = self.conn.recv()
            return result
        self.proc.kill()
        self.proc.join()
        self._start()
        return "hang", [f"no result within {limit:.0f}s"], limit

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(5)


def _signature(status: str, problems: list[str]) -> str:
    if status == "crash":
        lines = [ln.strip() for ln in problems[0].strip().splitlines()]
        return f"crash: {lines[-1][:120]} @ {next((ln for ln in reversed(lines) if ln.startswith('File')), '')}"
    if status == "hang":
        return "hang"
    first = next((p for p in problems if not p.startswith("build error")), problems[0])
    if first.startswith("build error"):
        rule = first.split("rule ", 1)[-1].split(":", 1)[0]
        return f"build error: rule {rule} could not build an item"
    return first.split(":")[0] + ": " + first.split(":", 2)[-1][:60]


def scaling(sizes_mb: list[float]) -> int:
    """Parse repeated dev text of each size once; print time, throughput and broken invariants.

    Linear time shows as a flat seconds-per-MB column. Run it on an idle machine: it measures
    wall time of one parse per size, so other load inflates the figures.
    """
    import diplonews

    corpus = "\n\n".join(text for text, _ in _load_dev())
    diplonews.parse("warm up")
    broken = 0
    for mb in sizes_mb:
        n = int(mb * 1_000_000)
        text = (corpus * (n // len(corpus) + 1))[:n]
        started = time.perf_counter()
        article = diplonews.parse(text, published="2023-06-20")
        elapsed = time.perf_counter() - started
        problems = check_article(text, article)
        broken += bool(problems)
        print(f"{mb:6.2f} MB  {elapsed:7.2f} s  {elapsed / mb:6.2f} s/MB  {len(article.actors)} actors  "
              f"{sum(len(article.items(k)) for k in ('meetings', 'statements', 'demands', 'agreements'))} items  "
              f"{'OK' if not problems else problems[:3]}", flush=True)
    return 1 if broken else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "fuzz-failures")
    ap.add_argument("--keep", type=int, default=5, help="inputs saved per failure signature")
    ap.add_argument("--scaling", help="comma-separated sizes in MB: time one parse of each and exit")
    args = ap.parse_args(argv)
    if args.scaling:
        return scaling([float(x) for x in args.scaling.split(",")])

    rng = random.Random(args.seed)
    dev = _load_dev()
    runner = Runner()
    deadline = time.monotonic() + args.minutes * 60
    tried = 0
    chars = 0
    by_source: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    signatures: Counter[str] = Counter()
    slowest = (0.0, 0)
    worst_rate = (0.0, 0, "")  # seconds per million characters, for inputs of 2,000+ characters
    progress = time.monotonic()
    try:
        while time.monotonic() < deadline:
            source, text, when = make_input(rng, dev)
            twice = len(text) < 5000 and rng.random() < 0.1
            limit = 20.0 + len(text) / 10_000
            status, problems, elapsed = runner.run(text, when, twice, limit)
            tried += 1
            chars += len(text)
            by_source[source] += 1
            if elapsed > slowest[0]:
                slowest = (elapsed, len(text))
            if len(text) >= 2000 and elapsed / len(text) * 1e6 > worst_rate[0]:
                worst_rate = (elapsed / len(text) * 1e6, len(text), text)
            if status != "ok" or problems:
                broken = [p for p in problems if not p.startswith("build error")]
                kind = status if status != "ok" else "invariant" if broken else "build-error"
                failures[kind] += 1
                sig = _signature(status, problems)
                signatures[sig] += 1
                if signatures[sig] <= args.keep:
                    args.out.mkdir(parents=True, exist_ok=True)
                    name = f"{kind}-{tried:06d}"
                    (args.out / f"{name}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
                    note = {"source": source, "published": str(when), "status": status,
                            "signature": sig, "problems": problems[:10], "encoding": "utf-8/surrogatepass"}
                    (args.out / f"{name}.json").write_text(json.dumps(note, indent=1), encoding="utf-8")
                    print(f"FAIL {name} [{source}, {len(text)} chars] {sig}", flush=True)
            if time.monotonic() - progress > 60:
                progress = time.monotonic()
                print(f"... {tried} inputs, {sum(failures.values())} failures", flush=True)
    finally:
        runner.close()
    for sig, count in signatures.most_common():
        print(f"  {count:6d}  {sig}")
    if worst_rate[2]:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "slowest-rate-input.txt").write_bytes(worst_rate[2].encode("utf-8", "surrogatepass"))
    print(f"sources: {dict(by_source)}; {chars / 1e6:.1f}M chars; slowest parse {slowest[0]:.2f}s "
          f"({slowest[1]} chars); worst rate {worst_rate[0]:.1f}s per million chars "
          f"({worst_rate[1]} chars, saved as slowest-rate-input.txt)")
    total = sum(failures.values())
    detail = ", ".join(f"{v} {k}" for k, v in sorted(failures.items())) or "none"
    print(f"fuzz: {tried} inputs tried in {args.minutes:g} min, {total} failures ({detail})", flush=True)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
