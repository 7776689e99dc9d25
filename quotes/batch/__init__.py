"""Batch analysis of a CSV or JSON Lines file, streamed.

Memory stays flat whatever the input's length: rows are read one at a time, at most a bounded
number are in flight (also with ``jobs`` > 1), and each output row is written and flushed as
soon as it is done, in input order.

Nothing is lost: every input row gets exactly one summary row, in input order. A row that
cannot be analysed (empty text, binary data, malformed CSV or JSON, a missing field, even an
analyzer crash) gets its reason in the ``error`` column and the run goes on. Only a problem with
the whole input (it cannot be opened, the text or id column does not exist) stops the run, as a
``QuotesError``.

By stage: ``read`` (CSV or JSON Lines rows, delimiter, decoding), ``jobs`` (a row to its
output rows), ``pool`` (worker processes for ``jobs`` > 1, and stopping on a signal) and
``write`` (whole, flushed, spreadsheet-safe CSV rows; the progress bar). ``--keep`` columns
travel from ``read`` (``InputRow.kept``) through ``jobs`` (``attribution_fields``,
``summary_fields``) into every output; ``quotes.store`` writes the same results to SQLite.
On many machines: ``partition`` (files cut into byte ranges read alone, and
``analyze_partition``, the function Dask or Spark maps over them) and ``cluster`` (the run on Dask, imported only for --dask).
"""
from __future__ import annotations

import contextlib
import os
from typing import Callable, Iterator, Sequence

from ..errors import QuotesError
from .jobs import (ATTRIBUTION_FIELDS, SPEAKER_FIELDS, SUMMARY_FIELDS, RowResult, analyze_row, analyze_rows,
                   attribution_fields, check_keep, speaker_rows, summary_fields, summary_row)
from .partition import BatchOptions, Partition, PartitionResult, analyze_partition, read_partition, run_partition
from .pool import Terminated, sigterm_unwinds
from .read import (FORMATS, InputBytes, InputRow, detect_format, kept_value, open_input, parse_delimiter, parse_keep,
                   raise_field_size_limit, read_rows, sniff_delimiter)
from .write import BatchStats, RowWriter, input_size, open_output, run_batch

__all__ = [
    "ATTRIBUTION_FIELDS", "FORMATS", "SPEAKER_FIELDS", "SUMMARY_FIELDS", "BatchOptions", "BatchStats", "InputRow",
    "Partition", "PartitionResult", "RowResult", "RowWriter", "Terminated", "analyze_partition", "analyze_row",
    "analyze_rows", "attribution_fields", "batch_file", "check_keep", "detect_format", "kept_value", "open_input",
    "open_output", "parse_delimiter", "parse_keep", "raise_field_size_limit", "read_partition", "read_rows",
    "run_batch", "run_partition", "sniff_delimiter", "speaker_rows", "summary_fields", "summary_row",
]


def batch_file(
    input_path: str,
    *,
    text_column: str,
    attributions_path: str | None = None,
    summary_path: str | None = None,
    db_path: str | None = None,
    keep: Sequence[str] = (),
    id_column: str | None = None,
    format: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    progress: bool | None = None,
    warn: Callable[[str], None] | None = None,
    say: Callable[[str], None] | None = None,
    raw_csv: bool = False,
) -> BatchStats:
    """The whole command: read INPUT, write the CSVs and the SQLite file asked for (at least
    one), with the ``keep`` columns (names, as ``parse_keep`` makes them) carried over. Column
    errors surface before any output file is created. ``warn`` hears about rows read with a
    fallback, ``say`` what the run found out by itself (the CSV delimiter, a SQLite without
    FTS5); ``delimiter`` is as ``--delimiter`` takes it."""
    if delimiter is not None:
        delimiter = parse_delimiter(delimiter)
    keep = tuple(keep)
    check_keep(keep)
    check_outputs([input_path], attributions_path, summary_path, db_path, keep)
    with open_input(input_path) as stream:
        source = "stdin" if input_path == "-" else input_path
        counted = InputBytes(stream)
        rows = read_rows(counted, source=source, text_column=text_column, id_column=id_column,
                         format=format, delimiter=delimiter, encoding=encoding, warn=warn, say=say, keep=keep)
        first = next(rows, None)  # reads the header: a missing column raises here
        everything = rows if first is None else _prepend(first, rows)
        with contextlib.ExitStack() as outputs:
            outputs.enter_context(sigterm_unwinds())
            attributions_out, summary_out = (outputs.enter_context(open_output(p)) if p else None
                                             for p in (attributions_path, summary_path))
            store = None
            if db_path is not None:
                from ..store import open_store

                store = outputs.enter_context(open_store(db_path, keep=keep, say=say))
            return run_batch(everything, attributions_out, summary_out, jobs=jobs, engine=engine,
                             model_dir=model_dir, progress=progress, size=input_size(stream),
                             position=lambda: counted.position, raw_csv=raw_csv, keep=keep, store=store)


def check_outputs(inputs: Sequence[str], attributions: str | None, summary: str | None, db: str | None,
                  keep: Sequence[str], *, files: bool = False) -> None:
    """The outputs asked for, before any is opened: at least one, the CSVs apart, and a --db
    that is none of the inputs nor a CSV and can be replaced (``files``: the run reads several
    files, and the database keeps which)."""
    if not (attributions or summary or db):
        raise QuotesError("nothing to write: give --attributions and --summary (CSV), --db (SQLite), or both")
    if attributions and attributions == summary and attributions != os.devnull:
        raise QuotesError("--attributions and --summary must be different files")
    if attributions and "-" == attributions == summary:
        raise QuotesError("only one of --attributions and --summary can be - (stdout)")
    if db:
        from .. import store

        where = os.path.realpath(db)
        given = [("INPUT", path) for path in inputs] + [("--attributions", attributions), ("--summary", summary)]
        for option, path in given:
            if path and path != "-" and os.path.realpath(path) == where:
                raise QuotesError(f"--db and {option} must be different files")
        store.check(db, keep, files)


def _prepend(first: InputRow, rest: Iterator[InputRow]) -> Iterator[InputRow]:
    yield first
    yield from rest
