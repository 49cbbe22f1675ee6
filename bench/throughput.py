"""Throughput, memory, per-stage time and size scaling of diplonews on the dev corpus.

    .venv/bin/python bench/throughput.py            # full: >= 20 MB corpus, docs up to 10 MB
    .venv/bin/python bench/throughput.py --quick    # ~1 MB corpus, docs up to 1 MB
    .venv/bin/python bench/throughput.py --profile  # also: top functions of a cProfile run

The corpus repeats tests/corpus/dev/*.txt (each copy gets its own id) and is generated lazily,
so the peak memory reported is the parser's, not the corpus's. Peak RSS comes from
``getrusage``: ``self`` is this process over its whole life so far (it only grows), ``workers``
the largest worker process. CPU seconds count this process and its workers, so chars per
CPU second is comparable across runs on a busy machine, where wall-clock rates are not. Stage times call the parser's internals one stage at a time, the
same way ``Parser.parse`` does; ``rules`` is rule matching alone and ``build`` the rest of
``Parser._build`` (items, merging, the Article).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import platform
import pstats
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplonews.batch import parse_many
from diplonews.parser import Parser, coerce_published
from diplonews.text.normalize import normalize
from diplonews.text.paragraphs import paragraphs
from diplonews.text.quotes import find_quotes
from diplonews.text.sentences import split_sentences

DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "dev"
PUBLISHED = "2023-06-20"


def dev_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]


def corpus(texts: list[str], min_chars: int) -> Iterator[dict[str, Any]]:
    """Copies of the dev articles until ``min_chars`` characters have been produced."""
    produced = 0
    for n, text in enumerate(itertools.cycle(texts)):
        if produced >= min_chars:
            return
        produced += len(text)
        yield {"id": f"doc{n}", "text": text, "published": PUBLISHED}


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (workers), user + system."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_corpus(texts: list[str], min_chars: int, workers: int) -> dict[str, float]:
    start = time.perf_counter()
    cpu = cpu_seconds()
    chars = articles = errors = 0
    for record in parse_many(corpus(texts, min_chars), workers=workers):
        chars += record.chars
        articles += 1
        errors += 0 if record.ok else 1
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    return {"workers": workers, "cpu": cpu, "chars_cpu_s": chars / cpu, "chars": chars, "articles": articles, "errors": errors, "seconds": seconds,
            "chars_s": chars / seconds, "articles_s": articles / seconds,
            "peak_self_mb": peak_mb(resource.RUSAGE_SELF), "peak_workers_mb": peak_mb(resource.RUSAGE_CHILDREN)}


def stage_times(parser: Parser, texts: list[str], rounds: int) -> dict[str, float]:
    """Seconds spent in each pipeline stage over ``rounds`` passes of ``texts``."""
    p: Any = parser  # the stages are private; this is a benchmark, not an API
    when = coerce_published(PUBLISHED)
    total: dict[str, float] = dict.fromkeys(
        ["normalize", "paragraphs", "quotes", "sentences", "actors", "dates", "places", "mask", "rules",
         "build"], 0.0)

    def timed(name: str, fn: Any, *args: Any) -> Any:
        t0 = time.perf_counter()
        out = fn(*args)
        total[name] += time.perf_counter() - t0
        return out

    analysed = ["paragraphs", "quotes", "sentences", "actors", "dates", "places"]
    for _ in range(rounds):
        for text in texts:
            norm = timed("normalize", normalize, text)
            t = norm.text
            before = sum(total[s] for s in analysed)
            paras = timed("paragraphs", paragraphs, t)
            quotes = timed("quotes", find_quotes, t, paras)
            sentences = timed("sentences", split_sentences, t, paras, quotes)
            timed("actors", p._actors.find, t, sentences)
            para_starts = {start for start, _ in paras}
            for s in sentences:
                timed("dates", p._dates.find, t, s.start, s.end, when)
                timed("places", p._places.find, t, s.start, s.end, s.start in para_starts)
            stages_here = sum(total[s] for s in analysed) - before
            # Masking is what _analyse does beyond the stages above, which it repeats.
            t0 = time.perf_counter()
            masked, table = p._analyse(norm, when)
            total["mask"] += max(time.perf_counter() - t0 - stages_here, 0.0)
            t0 = time.perf_counter()
            for sentence in masked:
                p.rules.match(sentence.masked, kinds=p._quoted_kinds if sentence.in_quote else None)
            rules = time.perf_counter() - t0
            total["rules"] += rules
            t0 = time.perf_counter()
            p._build(norm, when, masked, table)
            total["build"] += max(time.perf_counter() - t0 - rules, 0.0)
    return total


def scaling(parser: Parser, texts: list[str], sizes: list[int], rounds: int = 3) -> list[dict[str, float]]:
    """Documents of each size cut from the dev articles concatenated, timed in CPU seconds.

    Below the corpus's length a size is every slice of that length, so each size reads the
    same mix of text (the first 10 KB alone is not typical of the corpus); above it, the
    corpus repeated. A shared machine's speed drifts by tens of percent within minutes, so
    sizes are timed in interleaved rounds (each parsing at least 1 MB) and keep their best
    round. Items and peak memory come from the first round, in ascending size.
    """
    joined = "\n\n".join(texts)
    docs: dict[int, list[str]] = {}
    for size in sizes:
        if size < len(joined):
            docs[size] = [joined[i:i + size] for i in range(0, len(joined) - size + 1, size)]
        else:
            docs[size] = [(joined * (size // len(joined) + 1))[:size]]
    best = dict.fromkeys(sizes, float("inf"))
    outcome: dict[int, tuple[int, int, float]] = {}
    for round_ in range(rounds):
        for size in sizes:
            repeats = max(1, 1_000_000 // (size * len(docs[size])))
            t0 = time.process_time()
            items = errors = 0
            for _ in range(repeats):
                for doc in docs[size]:
                    article = parser.parse(doc, published=PUBLISHED)
                    items += len(article.meetings) + len(article.statements) + len(article.demands) + len(article.agreements)
                    errors += len(article.errors)
                    del article
            best[size] = min(best[size], (time.process_time() - t0) / repeats)
            if round_ == 0:
                outcome[size] = (items // repeats, errors // repeats, peak_mb(resource.RUSAGE_SELF))
    return [{"chars": size * len(docs[size]), "size": size, "seconds": best[size],
             "us_per_char": best[size] / (size * len(docs[size])) * 1e6, "items": outcome[size][0],
             "errors": outcome[size][1], "peak_self_mb": outcome[size][2]} for size in sizes]


def profile(parser: Parser, texts: list[str], rounds: int, top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(rounds):
        for text in texts:
            parser.parse(text, published=PUBLISHED)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a ~1 MB corpus and documents up to 1 MB")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (default 2)")
    ap.add_argument("--mb", type=float, default=None, help="corpus size in MB (default 20, quick 1)")
    ap.add_argument("--max-doc-mb", type=float, default=None,
                    help="largest single document of the scaling run (default 10, quick 1)")
    ap.add_argument("--profile", action="store_true", help="print cProfile hotspots of ~20 dev passes")
    args = ap.parse_args()
    texts = dev_texts()
    mb = args.mb if args.mb is not None else (1.0 if args.quick else 20.0)
    min_chars = int(mb * 1_000_000)
    if args.max_doc_mb is None:
        args.max_doc_mb = 1.0 if args.quick else 10.0
    sizes = [n for n in (10_000, 100_000, 1_000_000, 10_000_000) if n <= args.max_doc_mb * 1_000_000]

    print(f"machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
          f"Python {platform.python_version()} on {platform.system()} {platform.release()}")
    print(f"dev corpus: {len(texts)} articles, {sum(map(len, texts)):,} chars; run corpus >= {min_chars:,} chars\n")

    t0 = time.perf_counter()
    parser = Parser.default()
    print(f"Parser.default() build: {time.perf_counter() - t0:.3f} s; "
          f"peak RSS after build {peak_mb(resource.RUSAGE_SELF):.0f} MB\n")

    print(f"{'workers':>7} {'articles':>9} {'chars':>12} {'seconds':>8} {'chars/s':>10} {'articles/s':>10} "
          f"{'errors':>6} {'peak self MB':>12} {'peak worker MB':>14} {'CPU s':>7} {'chars/CPU s':>11}")
    for workers in (1, args.workers):
        r = run_corpus(texts, min_chars, workers)
        print(f"{r['workers']:>7} {r['articles']:>9,} {r['chars']:>12,} {r['seconds']:>8.1f} {r['chars_s']:>10,.0f} "
              f"{r['articles_s']:>10,.1f} {r['errors']:>6} {r['peak_self_mb']:>12.0f} {r['peak_workers_mb']:>14.0f} {r['cpu']:>7.1f} {r['chars_cpu_s']:>11,.0f}")

    rounds = 3 if args.quick else 10
    stages = stage_times(parser, texts, rounds)
    whole = sum(stages.values())
    chars = sum(map(len, texts)) * rounds
    print(f"\nstage times over {rounds} passes of the dev corpus ({chars:,} chars, {whole:.2f} s in stages):")
    print(f"{'stage':>10} {'seconds':>8} {'share':>6} {'us/char':>8}")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"{name:>10} {seconds:>8.3f} {seconds / whole:>6.1%} {seconds / chars * 1e6:>8.2f}")

    rounds_scaling = 2 if args.quick else 3
    print(f"\nsingle-document scaling (slices of the dev text concatenated; best of {rounds_scaling} interleaved rounds):")
    print(f"{'doc chars':>11} {'docs':>5} {'CPU s':>8} {'us/char':>8} {'items':>6} {'errors':>6} {'peak self MB':>12}")
    for row in scaling(parser, texts, sizes, rounds_scaling):
        print(f"{row['size']:>11,} {row['chars'] // row['size']:>5} {row['seconds']:>8.2f} {row['us_per_char']:>8.2f} "
              f"{row['items']:>6} {row['errors']:>6} {row['peak_self_mb']:>12.0f}")

    if args.profile:
        print("\ncProfile of 20 passes over the dev corpus:")
        print(profile(parser, texts, 20, 25))
    return 0


if __name__ == "__main__":
    sys.exit(main())
