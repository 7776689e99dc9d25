"""Writing batch output: two CSVs, each row whole and flushed as soon as it is done, and any
other sink of whole results (SQLite, ``store.py``), the same rows, an interrupt held off while
one result goes to all of them."""
from __future__ import annotations

import contextlib
import csv
import io
import os
import signal
import stat
import sys
import threading
from typing import IO, Any, Callable, Iterable, Iterator, Protocol, Sequence

import attrs

from ..errors import InputError
from ..render import csv_cells
from .jobs import RowResult, analyze_rows, attribution_fields, batch_gc, summary_fields
from .read import InputRow


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
    """A CSV file written one whole, flushed row at a time; cells spreadsheet-safe unless ``raw``
    (``render.csv_cells``)."""

    def __init__(self, handle: IO[str], fields: Sequence[str], *, raw: bool = False):
        self.handle = handle
        self.fields = tuple(fields)
        self.raw = raw
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
            self._writer.writerows(csv_cells(row, raw=self.raw) for row in rows)
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

    def line(self) -> str:
        """'1438 rows, 10865 attributions, 0 rows with errors'"""
        def count(n: int, what: str) -> str:
            return f"{n} {what}{'s' if n != 1 else ''}"

        return (f"{count(self.rows, 'row')}, {count(self.attributions, 'attribution')}, "
                f"{count(self.errors, 'row')} with errors")


class ResultSink(Protocol):
    """Where whole results go besides the CSVs: ``store.Store`` (SQLite) is one."""

    def add(self, result: RowResult) -> None: ...


def run_batch(
    rows: Iterable[InputRow],
    attributions_out: IO[str] | None,
    summary_out: IO[str] | None,
    *,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    progress: bool | None = None,
    chunksize: int = 8,
    size: int | None = None,
    position: Callable[[], int] | None = None,
    raw_csv: bool = False,
    keep: Sequence[str] = (),
    store: ResultSink | None = None,
) -> BatchStats:
    """Analyse every row and write it as it finishes: to the attributions and summary CSVs
    (either may be None: not written), with the ``keep`` columns after ``article``, and to
    ``store`` (``store.Store``); returns the counts.

    The progress bar (on stderr; by default when it is a terminal) counts rows, or, given the
    input's ``size`` in bytes and a ``position`` that says how many have been read, bytes, with
    a total and the time left."""
    write = result_writer(attributions_out, summary_out, keep=keep, store=store, raw_csv=raw_csv)
    if progress is None:
        progress = sys.stderr.isatty()
    by_bytes = size is not None and position is not None
    n = errors = found = chars = 0
    results = analyze_rows(rows, jobs=jobs, engine=engine, model_dir=model_dir, chunksize=chunksize, keep=keep)
    # closing(): an interrupt stops the pool here and now, not whenever the generator is collected.
    with batch_gc(), contextlib.closing(results), _progress_bar(progress, size if by_bytes else None) as bar:
        for result in results:
            write(result)
            n += 1
            errors += bool(result.summary["error"])
            found += len(result.attributions)
            chars += result.summary["chars"]
            if by_bytes:
                bar.set_postfix_str(f"{n} rows", refresh=False)
                bar.update(position() - bar.n)  # type: ignore[misc]
            else:
                bar.update()
    return BatchStats(rows=n, errors=errors, attributions=found, chars=chars)


def result_writer(attributions_out: IO[str] | None, summary_out: IO[str] | None, *, keep: Sequence[str] = (),
                  store: ResultSink | None = None, raw_csv: bool = False,
                  columns: tuple[Sequence[str], Sequence[str]] | None = None) -> Callable[[RowResult], None]:
    """One function that writes a result to every output, as one step an interrupt waits for:
    after Ctrl-C the CSVs and the database hold the same whole rows. ``columns``: the two CSVs'
    columns, when not the local batch's for ``keep`` (a Dask run puts ``file`` first)."""
    attribution_columns, summary_columns = columns or (attribution_fields(keep), summary_fields(keep))
    attribution_writer = summary_writer = None
    if attributions_out is not None:
        attribution_writer = RowWriter(attributions_out, attribution_columns, raw=raw_csv)
    if summary_out is not None:
        summary_writer = RowWriter(summary_out, summary_columns, raw=raw_csv)

    def write(result: RowResult) -> None:
        with _DeferInterrupt():
            # Attributions first: a summary row promises its attribution rows are written.
            if attribution_writer is not None:
                attribution_writer.write(*result.attributions)
            if summary_writer is not None:
                summary_writer.write(result.summary)
            if store is not None:
                store.add(result)

    return write


def _progress_bar(show: bool, size: int | None):
    from tqdm import tqdm

    if size is None:
        return tqdm(disable=not show, unit=" rows", file=sys.stderr, dynamic_ncols=True)
    return tqdm(disable=not show, total=size, unit="B", unit_scale=True, unit_divisor=1024,
                file=sys.stderr, dynamic_ncols=True)


def input_size(stream: IO[bytes]) -> int | None:
    """The size in bytes of an input that is a regular file (also stdin redirected from one)."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None
