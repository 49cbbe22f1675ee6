"""Parse many articles, in order, with bounded memory, on one or several processes.

A corpus run must not stop at the first bad record, must not lose track of any record, and
must not grow with the corpus. So :func:`parse_many` yields exactly one :class:`BatchRecord`
per input, in input order, whether the input parsed or not, and it keeps only a small, fixed
window of work in flight: input is read lazily, chunks are handed to workers as earlier
chunks come back. (``multiprocessing.Pool.imap`` is not used because it drains the whole
input iterator into its task queue up front.) Each worker process receives the parser once,
through the pool initializer, and reuses it for every chunk.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import itertools
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from diplonews.model import Article
from diplonews.parser import Parser, coerce_published, default_parser
from diplonews.text.inputs import InputError, binary_reason, read_text_file

__all__ = ["BadRecord", "BatchRecord", "BatchStats", "count_records", "parse_many", "read_dates", "read_folder",
           "read_jsonl", "read_records", "run_batch", "with_dates"]

_CHUNK_CHARS = 50_000
"""About how many characters of text one worker task carries: big enough to amortize the
inter-process round trip, small enough that the in-flight window stays a few megabytes."""
_MAX_CHUNK = 16
_WINDOW_PER_WORKER = 3


@dataclass(frozen=True)
class BadRecord:
    """An input that is already known to be broken (e.g. a line that is not JSON).

    Passing it to :func:`parse_many` yields an error record in its place, so a reader can
    report a malformed line without breaking the one-output-per-input promise.
    """

    id: str
    error: str


@dataclass(frozen=True)
class BatchRecord:
    """The outcome of one input: its article, or why there is none."""

    id: str
    article: Article | None = None
    error: str | None = None
    chars: int = 0

    @property
    def ok(self) -> bool:
        return self.article is not None

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines shape: ``{"id", "ok", "result"}`` or ``{"id", "ok", "error"}``."""
        if self.article is not None:
            return {"id": self.id, "ok": True, "result": self.article.model_dump(mode="json")}
        return {"id": self.id, "ok": False, "error": self.error}

    def to_json(self) -> str:
        """One compact JSON line (no trailing newline)."""
        if self.article is not None:
            head = json.dumps({"id": self.id, "ok": True}, ensure_ascii=False)[:-1]
            try:
                # model_dump_json is much faster than json.dumps(model_dump()) on big articles.
                return f'{head}, "result": {self.article.model_dump_json()}}}'
            except ValueError:
                # A lone surrogate (legal in JSON input as "\ud800") cannot be encoded as UTF-8;
                # json.dumps escapes it, so the record is still written whole.
                return json.dumps(self.to_dict(), ensure_ascii=True)
        return json.dumps(self.to_dict(), ensure_ascii=True)


Task = tuple[str, str, dt.date | None, tuple[str, ...]] | BatchRecord
"""What travels to a worker: a validated (id, text, published, input warnings), or a finished error."""

WARNINGS_KEY = "__warnings"
"""Key under which a reader passes decoding warnings of a record along to its parse's ``errors``."""


def _task(position: int, record: object) -> Task:
    """Validate one input in the calling process, so only plain str/date data is pickled."""
    if isinstance(record, BadRecord):
        return BatchRecord(record.id, error=record.error)
    if isinstance(record, str):
        return (str(position), record, None, ())
    if not isinstance(record, Mapping):
        return BatchRecord(str(position), error=f"record must be a str or a mapping, got {type(record).__name__}")
    raw_id = record.get("id")
    rid = str(position) if raw_id is None else str(raw_id)
    text = record.get("text")
    if not isinstance(text, str):
        return BatchRecord(rid, error=f"text must be str, got {type(text).__name__}")
    reason = binary_reason(text)
    if reason is not None:
        # ok:true with no items would pass binary junk off as an article with nothing in it.
        return BatchRecord(rid, error=f"InputError: text does not look like text: {reason}", chars=len(text))
    try:
        published = coerce_published(record.get("published"))
    except (TypeError, ValueError) as exc:
        return BatchRecord(rid, error=f"bad published date: {exc}", chars=len(text))
    warnings = record.get(WARNINGS_KEY) or ()
    return (rid, text, published, tuple(str(w) for w in warnings))


def _run(parser: Parser, task: Task) -> BatchRecord:
    if isinstance(task, BatchRecord):
        return task
    rid, text, published, warnings = task
    try:
        article = parser.parse(text, published=published)
        article.errors[:0] = warnings
        return BatchRecord(rid, article=article, chars=len(text))
    except Exception as exc:  # one bad article must not end a corpus run
        return BatchRecord(rid, error=f"{type(exc).__name__}: {exc}", chars=len(text))


_WORKER_PARSER: Parser | None = None


def _init_worker(parser: Parser | None) -> None:
    global _WORKER_PARSER
    # Ctrl-C reaches the whole process group; the main process handles it and ends the pool,
    # so workers ignore it instead of each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_PARSER = parser if parser is not None else default_parser()


def _run_chunk(tasks: list[Task]) -> list[BatchRecord]:
    parser = _WORKER_PARSER if _WORKER_PARSER is not None else default_parser()
    return [_run(parser, t) for t in tasks]


def _chunks(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    """Group tasks by size of text, so one huge article travels alone and small ones batch."""
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += 0 if isinstance(task, BatchRecord) else len(task[1])
        if size >= _CHUNK_CHARS or len(chunk) >= _MAX_CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def parse_many(
    records: Iterable[str | Mapping[str, Any] | BadRecord],
    workers: int = 1,
    parser: Parser | None = None,
) -> Iterator[BatchRecord]:
    """Parse every record and yield one :class:`BatchRecord` per record, in input order.

    ``records`` are texts (their id is their 0-based position) or mappings with ``text``
    and optional ``id`` and ``published`` (a date or ISO string). Bad records — text that is
    not a string, an unreadable date, a parser exception — become error records; they never
    stop the run. ``workers`` > 1 parses in that many processes (0 or less: one per CPU);
    at most a few chunks per worker are in flight, so memory stays flat for any input size.
    """
    if workers <= 0:
        workers = os.cpu_count() or 1
    tasks = (_task(i, r) for i, r in enumerate(records))
    if workers == 1:
        chosen = parser if parser is not None else default_parser()
        for task in tasks:
            yield _run(chosen, task)
        return
    window = workers * _WINDOW_PER_WORKER
    pool = multiprocessing.get_context().Pool(workers, initializer=_init_worker, initargs=(parser,))
    try:
        pending: collections.deque[Any] = collections.deque()
        chunks = _chunks(tasks)
        for chunk in itertools.islice(chunks, window):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
        while pending:
            done: list[BatchRecord] = pending.popleft().get()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.apply_async(_run_chunk, (nxt,)))
            yield from done
        pool.close()
        pool.join()
    finally:
        pool.terminate()


# ---- files: the ``diplonews batch`` command ----------------------------------------------


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[Mapping[str, Any] | BadRecord]:
    """Records from a JSON Lines file, lazily; a line that is not a JSON object becomes a
    :class:`BadRecord` named ``line N`` (1-based) so the output still has one line per input.
    Blank lines are not records and are skipped."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
                warnings: list[str] = []
            except UnicodeDecodeError as exc:
                line = raw.decode("utf-8", errors="replace")
                warnings = [f"line {number} is not valid UTF-8 (first bad byte at {exc.start}); "
                            "invalid bytes replaced with U+FFFD"]
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(f"line {number}", f"malformed JSON: {exc}")
                continue
            if not isinstance(value, dict):
                yield BadRecord(f"line {number}", f"expected a JSON object, got {type(value).__name__}")
                continue
            if value.get("id") is None:
                value["id"] = f"line {number}"
            if warnings:
                value[WARNINGS_KEY] = warnings
            yield value


def read_folder(path: str | os.PathLike[str]) -> Iterator[Mapping[str, Any] | BadRecord]:
    """Records from the ``*.txt`` files of a folder, in name order; the id is the file stem."""
    for file in sorted(Path(path).glob("*.txt")):
        try:
            text, warnings = read_text_file(file)
        except OSError as exc:
            yield BadRecord(file.stem, f"cannot read {file.name}: {exc}")
            continue
        except InputError as exc:
            yield BadRecord(file.stem, f"InputError: {exc}")
            continue
        record: dict[str, Any] = {"id": file.stem, "text": text}
        if warnings:
            record[WARNINGS_KEY] = warnings
        yield record


def count_records(path: str | os.PathLike[str]) -> int:
    """How many records :func:`read_records` will yield (a cheap pass, for progress ETA)."""
    source = Path(path)
    if source.is_dir():
        return sum(1 for _ in source.glob("*.txt"))
    with open(source, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def read_records(path: str | os.PathLike[str]) -> Iterator[Mapping[str, Any] | BadRecord]:
    """A folder of ``.txt`` files or a JSON Lines file of ``{"id","text","published"}``."""
    return read_folder(path) if Path(path).is_dir() else read_jsonl(path)


def read_dates(path: str | os.PathLike[str]) -> dict[str, dt.date]:
    """Publication dates by record id from a CSV file with columns ``id`` and ``published``.

    A folder of ``.txt`` files carries no dates, and without them "yesterday" stays unresolved;
    this map supplies one per file (the id is the file stem). A bad date is an error naming its
    line, not a silently undated record.
    """
    dates: dict[str, dt.date] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"id", "published"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: a dates file needs the columns id,published")
        for line, row in enumerate(reader, 2):
            try:
                when = coerce_published(row["published"])
            except ValueError as exc:
                raise ValueError(f"{path}, line {line}: {exc}") from exc
            if when is not None:
                dates[row["id"]] = when
    return dates


def with_dates(records: Iterable[Mapping[str, Any] | BadRecord], published: dt.date | None = None,
               dates: Mapping[str, dt.date] | None = None) -> Iterator[Mapping[str, Any] | BadRecord]:
    """Records with a publication date filled in where they have none: from ``dates`` by id,
    else ``published``. A record's own date always wins."""
    for record in records:
        if isinstance(record, BadRecord) or record.get("published") not in (None, ""):
            yield record
            continue
        when = (dates or {}).get(str(record.get("id")), published)
        yield record if when is None else {**record, "published": when}


@dataclass
class BatchStats:
    """Running totals of a batch run, for progress lines and the closing summary."""

    records: int = 0
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    items: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(self, record: BatchRecord) -> None:
        self.records += 1
        self.chars += record.chars
        if record.article is None:
            self.errors += 1
            return
        article = record.article
        for kind in ("meetings", "statements", "demands", "agreements"):
            self.items[kind] += len(getattr(article, kind))
        for kind, found in article.extra_items.items():
            self.items[kind] += len(found)

    def summary(self) -> str:
        rate = self.seconds if self.seconds > 0 else 1e-9
        kinds = ", ".join(f"{n} {k}" for k, n in self.items.items()) or "no items"
        return (f"{self.records} records, {self.errors} errors; {kinds}; "
                f"{self.chars / rate:,.0f} chars/s, {self.records / rate:,.1f} articles/s "
                f"({self.seconds:.1f} s)")


def _progress(stats: BatchStats, total: int | None) -> str:
    rate = stats.records / stats.seconds if stats.seconds > 0 else 0.0
    line = f"{stats.records}" + (f"/{total}" if total is not None else "") + f" records, {rate:,.1f}/s"
    if total is not None and rate > 0:
        line += f", ETA {max(total - stats.records, 0) / rate:,.0f} s"
    return line


def run_batch(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    workers: int = 1,
    parser: Parser | None = None,
    progress: TextIO | None = None,
    published: dt.date | None = None,
    dates: Mapping[str, dt.date] | None = None,
) -> BatchStats:
    """Parse ``source`` into the JSON Lines file ``target``, one line per input, in order.

    Each line goes out in one write and is flushed at once, so a run that is interrupted
    leaves a file of complete lines (every one valid JSON) for the records done so far.
    ``progress``, if given, receives a ``\\r``-refreshed progress line about twice a second.
    ``published`` and ``dates`` (by record id) date the records that carry no date of their own.
    """
    total = count_records(source) if progress is not None else None
    stats = BatchStats()
    start = last = time.perf_counter()
    with open(target, "wb") as out:
        records = with_dates(read_records(source), published, dates)
        for record in parse_many(records, workers=workers, parser=parser):
            out.write((record.to_json() + "\n").encode("utf-8"))
            out.flush()
            stats.add(record)
            now = time.perf_counter()
            stats.seconds = now - start
            if progress is not None and now - last >= 0.5:
                last = now
                progress.write("\r" + _progress(stats, total))
                progress.flush()
    stats.seconds = time.perf_counter() - start
    if progress is not None:
        progress.write("\r" + _progress(stats, total) + "\n")
        progress.flush()
    return stats
