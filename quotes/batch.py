"""Batch analysis of a CSV or JSON Lines file, streamed.

Memory stays flat whatever the input's length: rows are read one at a time, at most a bounded
number are in flight (also with ``jobs`` > 1), and each output row is written and flushed as
soon as it is done, in input order.

Nothing is lost: every input row gets exactly one summary row, in input order. A row that
cannot be analysed (empty text, binary data, malformed CSV or JSON, a missing field, even an
analyzer crash) gets its reason in the ``error`` column and the run goes on. Only a problem with
the whole input (it cannot be opened, the text or id column does not exist) stops the run, as a
``QuotesError``.
"""
from __future__ import annotations

import collections
import contextlib
import csv
import gc
import io
import json
import multiprocessing
import os
import signal
import sys
import threading
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

import attrs

from .articles import decode, unreadable
from .errors import InputError, QuotesError
from .model import ArticleResult, Kind, SpeakerType
from .render import CONTRACT_FIELDS, attribution_row

FORMATS = ("csv", "jsonl")

ATTRIBUTION_FIELDS = CONTRACT_FIELDS + ("row",)
SUMMARY_FIELDS = (
    "row", "article", "chars", "attributions",
    *(k.value for k in Kind),
    *(t.value for t in SpeakerType),
    "named", "anonymous", "unattributed", "sources", "named_sources", "anonymous_sources",
    "error",
)


def raise_field_size_limit() -> int:
    """Let one CSV field hold a whole (huge) article: as large as this platform's C long."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return limit
        except OverflowError:
            limit //= 2


@attrs.frozen
class InputRow:
    """One input row: its 1-based position, its id and either its text or why there is none."""

    row: int
    id: str
    text: str | None
    error: str | None = None


# --- reading -----------------------------------------------------------------------------------


def detect_format(path: str, head: bytes) -> str:
    """By extension, else by the first non-blank byte: ``{`` is JSON Lines, anything else CSV."""
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    return "jsonl" if head.lstrip()[:1] == b"{" else "csv"


@contextlib.contextmanager
def open_input(path: str) -> Iterator[io.BufferedReader]:
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise unreadable(path, error, folder_hint="batch reads a CSV or JSON Lines file") from None
    with handle:
        yield handle


def read_rows(
    stream: IO[bytes],
    *,
    source: str,
    text_column: str,
    id_column: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[InputRow]:
    """Input rows, one at a time, from a binary stream of CSV or JSON Lines."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    fmt = format or detect_format(source, buffered.peek(64)[:64])
    if fmt == "csv":
        return _csv_rows(buffered, source=source, text_column=text_column, id_column=id_column,
                         encoding=encoding, warn=warn)
    if fmt == "jsonl":
        return _jsonl_rows(buffered, source=source, text_column=text_column, id_column=id_column,
                           encoding=encoding, warn=warn)
    raise QuotesError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")


def _missing_column(source: str, column: str, existing: Sequence[str], what: str = "columns") -> QuotesError:
    names = ", ".join(repr(c) for c in existing) or "none"
    return QuotesError(f"{source}: no column {column!r}; the {what} are: {names}")


def _text(value: Any, *, source: str, encoding: str | None, warn) -> tuple[str | None, str | None]:
    """(text, error) for one field. Bytes that are not UTF-8 arrive as surrogate escapes and
    are decoded the way files are (``articles.decode``: cp1252 fallback, binary refused)."""
    if value is None:
        return None, "no text (field missing or null)"
    if not isinstance(value, str):
        return None, f"text is a JSON {type(value).__name__}, not a string"
    try:
        text = decode(value.encode("utf-8", "surrogateescape"), source=source, encoding=encoding, warn=warn)
    except UnicodeEncodeError:
        # A lone surrogate that did not come from a byte (JSON "\ud800"): not text either.
        return None, "text has an invalid character (lone surrogate)"
    except QuotesError as error:
        return None, str(error).removeprefix(f"{source}: ")
    if not text.strip():
        return None, "empty text"
    return text, None


def _csv_rows(stream, *, source, text_column, id_column, encoding, warn) -> Iterator[InputRow]:
    raise_field_size_limit()
    # surrogateescape keeps undecodable bytes until we know which field they are in, so one
    # bad row does not stop the file; utf-8-sig drops a byte-order mark from the first header.
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    # strict: a quoted field still open at the end of the file (a truncated last line) or
    # garbage after a closing quote is an error for that row, not silently accepted text.
    reader = csv.reader(text_stream, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{source}: empty input, no header row") from None
    except csv.Error as error:
        raise InputError(f"{source}: cannot read the CSV header: {error}") from None
    header = [h.strip() for h in header]
    if text_column not in header:
        raise _missing_column(source, text_column, header)
    if id_column is not None and id_column not in header:
        raise _missing_column(source, id_column, header)
    unknown_id = _unknown_id(id_column)
    text_at = header.index(text_column)
    id_at = header.index(id_column) if id_column is not None else None
    position = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            position += 1
            yield InputRow(position, unknown_id(position), None, f"malformed CSV at line {reader.line_num}: {error}")
            continue
        if not fields:
            continue  # a blank line is no row in CSV (the csv module yields [] for it)
        position += 1
        row_id = _id(fields[id_at] if id_at is not None and id_at < len(fields) else None, position)
        if len(fields) != len(header):
            yield InputRow(position, row_id, None,
                           f"row has {len(fields)} fields, the header has {len(header)} (line {reader.line_num})")
            continue
        text, error = _text(fields[text_at], source=f"{source} row {position}", encoding=encoding, warn=warn)
        yield InputRow(position, row_id, text, error)


def _unknown_id(id_column: str | None) -> Callable[[int], str]:
    # A row too broken to read has no id; without an id column the id is the row number.
    return (lambda position: "") if id_column is not None else str


def _id(value: Any, position: int) -> str:
    if value is None:
        return str(position)
    if isinstance(value, str):
        # An id goes into CSV cells: keep it printable even if its bytes were not UTF-8.
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, (int, float)) else str(value)


def _jsonl_rows(stream, *, source, text_column, id_column, encoding, warn) -> Iterator[InputRow]:
    checked = False
    position = 0
    unknown_id = _unknown_id(id_column)
    for line_number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue  # blank lines separate nothing in JSON Lines
        position += 1
        if line_number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            value = json.loads(raw.decode("utf-8", "surrogateescape"))
        except json.JSONDecodeError as error:
            tail = "" if raw.endswith(b"\n") else " (truncated last line?)"
            yield InputRow(position, unknown_id(position), None, f"malformed JSON at line {line_number} column {error.colno}: {error.msg}{tail}")
            continue
        if not isinstance(value, dict):
            yield InputRow(position, unknown_id(position), None, f"line {line_number} is a JSON {type(value).__name__}, not an object")
            continue
        if not checked:
            # The first object stands for the file: a column it lacks is a usage error.
            if text_column not in value:
                raise _missing_column(source, text_column, list(value), what="first object's keys")
            if id_column is not None and id_column not in value:
                raise _missing_column(source, id_column, list(value), what="first object's keys")
            checked = True
        row_id = _id(value.get(id_column) if id_column is not None else None, position)
        if text_column not in value:
            yield InputRow(position, row_id, None, f"no {text_column!r} field on line {line_number}")
            continue
        text, error = _text(value[text_column], source=f"{source} row {position}", encoding=encoding, warn=warn)
        yield InputRow(position, row_id, text, error)


# --- analysing ---------------------------------------------------------------------------------


@attrs.frozen
class RowResult:
    summary: dict[str, Any]
    attributions: tuple[dict[str, Any], ...]


def summary_row(row: InputRow, result: ArticleResult | None, error: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(SUMMARY_FIELDS, 0)
    out.update(row=row.row, article=row.id, chars=len(row.text) if row.text else 0, error=error or "")
    if result is not None:
        s = result.summary
        out.update(dict(s.by_kind))
        out.update(dict(s.by_type))
        named_sources = {a.speaker.id for a in result.attributions if a.speaker and a.speaker.named}
        anonymous_sources = {a.speaker.id for a in result.attributions if a.speaker and not a.speaker.named}
        out.update(attributions=s.attributions, named=s.named, anonymous=s.anonymous, unattributed=s.unattributed,
                   sources=s.sources, named_sources=len(named_sources), anonymous_sources=len(anonymous_sources))
    return out


def analyze_row(row: InputRow, *, engine: str = "rules", model_dir: str | None = None) -> RowResult:
    """One input row to its summary row and attribution rows; never raises for a bad row."""
    if row.error is not None or row.text is None:
        return RowResult(summary_row(row, None, row.error or "no text"), ())
    from . import analyze

    try:
        result = analyze(row.text, engine=engine, name=row.id, model_dir=model_dir)
    except QuotesError:
        raise  # an engine that cannot run is the run's problem, not this row's
    except Exception as error:  # noqa: BLE001 - one article must not sink a batch of thousands
        return RowResult(summary_row(row, None, f"analysis failed: {type(error).__name__}: {error}"), ())
    rows = tuple({**attribution_row(row.id, a), "row": row.row} for a in result.attributions)
    return RowResult(summary_row(row, result), rows)


def _analyze_chunk(chunk: list[InputRow], engine: str, model_dir: str | None) -> list[RowResult]:
    return [analyze_row(r, engine=engine, model_dir=model_dir) for r in chunk]


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the parent, which stops them and keeps the output whole.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*BATCH_GC_THRESHOLDS)


# An analysis makes tens of thousands of short-lived tuples that reference counting frees; at
# the default gen-0 threshold (700) the cycle collector runs every few sentences and finds
# nothing. A higher one made the batch about a quarter faster on PolNeAR, with the same peak
# memory (benchmarks/batch_throughput.py).
BATCH_GC_THRESHOLDS = (50_000, 50, 100)


@contextlib.contextmanager
def _batch_gc() -> Iterator[None]:
    previous = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _chunks(rows: Iterable[InputRow], size: int) -> Iterator[list[InputRow]]:
    chunk: list[InputRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_rows(
    rows: Iterable[InputRow],
    *,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    chunksize: int = 8,
    in_flight: int | None = None,
) -> Iterator[RowResult]:
    """Results in input order. With ``jobs`` > 1 the rows go to a process pool in chunks, at
    most ``in_flight`` chunks at a time: ``Pool.imap`` would read the whole input ahead (its
    feeder thread has no back-pressure), so the window is kept here instead."""
    if jobs <= 1:
        for row in rows:
            yield analyze_row(row, engine=engine, model_dir=model_dir)
        return
    window = in_flight or 4 * jobs
    with multiprocessing.get_context().Pool(jobs, initializer=_ignore_sigint) as pool:
        pending: collections.deque = collections.deque()
        chunks = _chunks(rows, chunksize)
        for chunk in chunks:
            pending.append(pool.apply_async(_analyze_chunk, (chunk, engine, model_dir)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# --- writing -----------------------------------------------------------------------------------


class _DeferInterrupt:
    """Hold Ctrl-C (and SIGTERM) while one row is written and flushed, then deliver it: an
    interrupted run leaves only whole rows. Only the main thread can install handlers; elsewhere
    this does nothing."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __enter__(self) -> "_DeferInterrupt":
        self.caught: list[tuple[int, Any]] = []
        self.saved: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self.saved[sig] = signal.signal(sig, lambda s, f: self.caught.append((s, f)))
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)
        for sig, frame in self.caught[:1]:
            handler = self.saved[sig]
            if callable(handler):
                handler(sig, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(sig)


class RowWriter:
    """A CSV file written one whole, flushed row at a time."""

    def __init__(self, handle: IO[str], fields: Sequence[str]):
        self.handle = handle
        self.fields = tuple(fields)
        self._buffer = io.StringIO()
        self._writer = csv.DictWriter(self._buffer, fieldnames=self.fields, extrasaction="ignore", lineterminator="\n")
        self._writer.writeheader()
        self._emit()

    def _emit(self) -> None:
        line = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        with _DeferInterrupt():
            self.handle.write(line)
            self.handle.flush()

    def write(self, *rows: dict[str, Any]) -> None:
        if rows:
            self._writer.writerows(rows)
            self._emit()


@contextlib.contextmanager
def open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
    with handle:
        yield handle


@attrs.frozen
class BatchStats:
    rows: int
    errors: int
    attributions: int
    chars: int


def run_batch(
    rows: Iterable[InputRow],
    attributions_out: IO[str],
    summary_out: IO[str],
    *,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    progress: bool | None = None,
    chunksize: int = 8,
) -> BatchStats:
    """Analyse every row and write both CSVs as rows finish; returns the counts."""
    from tqdm import tqdm

    attribution_writer = RowWriter(attributions_out, ATTRIBUTION_FIELDS)
    summary_writer = RowWriter(summary_out, SUMMARY_FIELDS)
    if progress is None:
        progress = sys.stderr.isatty()
    n = errors = found = chars = 0
    with _batch_gc(), tqdm(disable=not progress, unit=" rows", file=sys.stderr, dynamic_ncols=True) as bar:
        for result in analyze_rows(rows, jobs=jobs, engine=engine, model_dir=model_dir, chunksize=chunksize):
            # Attributions first: a summary row promises its attribution rows are written.
            attribution_writer.write(*result.attributions)
            summary_writer.write(result.summary)
            n += 1
            errors += bool(result.summary["error"])
            found += len(result.attributions)
            chars += result.summary["chars"]
            bar.update()
    return BatchStats(rows=n, errors=errors, attributions=found, chars=chars)


def batch_file(
    input_path: str,
    *,
    text_column: str,
    attributions_path: str,
    summary_path: str,
    id_column: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    progress: bool | None = None,
    warn: Callable[[str], None] | None = None,
) -> BatchStats:
    """The whole command: read INPUT, write the two CSVs. Column errors surface before any
    output file is created."""
    if attributions_path == summary_path and attributions_path != os.devnull:
        raise QuotesError("--attributions and --summary must be different files")
    if "-" == attributions_path == summary_path:
        raise QuotesError("only one of --attributions and --summary can be - (stdout)")
    with open_input(input_path) as stream:
        source = "stdin" if input_path == "-" else input_path
        rows = read_rows(stream, source=source, text_column=text_column, id_column=id_column,
                         format=format, encoding=encoding, warn=warn)
        first = next(rows, None)  # reads the header: a missing column raises here
        everything = rows if first is None else _prepend(first, rows)
        with open_output(attributions_path) as attributions_out, open_output(summary_path) as summary_out:
            return run_batch(everything, attributions_out, summary_out, jobs=jobs, engine=engine,
                             model_dir=model_dir, progress=progress)


def _prepend(first: InputRow, rest: Iterator[InputRow]) -> Iterator[InputRow]:
    yield first
    yield from rest
