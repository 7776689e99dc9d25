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
``write`` (whole, flushed, spreadsheet-safe CSV rows; the progress bar); on many machines,
``partition`` (files cut into byte ranges read alone, and ``analyze_partition``, the function
Dask or Spark maps over them) and ``cluster`` (the run on Dask, imported only for --dask).
"""
from __future__ import annotations

import os
from typing import Callable, Iterator

from ..errors import QuotesError
from .jobs import ATTRIBUTION_FIELDS, SUMMARY_FIELDS, RowResult, analyze_row, analyze_rows, summary_row
from .partition import BatchOptions, Partition, PartitionResult, analyze_partition, read_partition, run_partition
from .pool import Terminated, sigterm_unwinds
from .read import (FORMATS, InputBytes, InputRow, detect_format, open_input, parse_delimiter, raise_field_size_limit,
                   read_rows, sniff_delimiter)
from .write import BatchStats, RowWriter, input_size, open_output, run_batch

__all__ = [
    "ATTRIBUTION_FIELDS", "FORMATS", "SUMMARY_FIELDS", "BatchOptions", "BatchStats", "InputRow", "Partition",
    "PartitionResult", "RowResult", "RowWriter", "Terminated", "analyze_partition", "analyze_row", "analyze_rows",
    "batch_file", "detect_format", "open_input", "open_output",
    "parse_delimiter", "raise_field_size_limit", "read_partition", "read_rows", "run_batch", "run_partition",
    "sniff_delimiter", "summary_row",
]


def batch_file(
    input_path: str,
    *,
    text_column: str,
    attributions_path: str,
    summary_path: str,
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
    """The whole command: read INPUT, write the two CSVs. Column errors surface before any
    output file is created. ``warn`` hears about rows read with a fallback, ``say`` what the
    run found out by itself (the CSV delimiter); ``delimiter`` is as ``--delimiter`` takes it."""
    if delimiter is not None:
        delimiter = parse_delimiter(delimiter)
    if attributions_path == summary_path and attributions_path != os.devnull:
        raise QuotesError("--attributions and --summary must be different files")
    if "-" == attributions_path == summary_path:
        raise QuotesError("only one of --attributions and --summary can be - (stdout)")
    with open_input(input_path) as stream:
        source = "stdin" if input_path == "-" else input_path
        counted = InputBytes(stream)
        rows = read_rows(counted, source=source, text_column=text_column, id_column=id_column,
                         format=format, delimiter=delimiter, encoding=encoding, warn=warn, say=say)
        first = next(rows, None)  # reads the header: a missing column raises here
        everything = rows if first is None else _prepend(first, rows)
        with sigterm_unwinds(), open_output(attributions_path) as attributions_out, \
                open_output(summary_path) as summary_out:
            return run_batch(everything, attributions_out, summary_out, jobs=jobs, engine=engine,
                             model_dir=model_dir, progress=progress, size=input_size(stream),
                             position=lambda: counted.position, raw_csv=raw_csv)


def _prepend(first: InputRow, rest: Iterator[InputRow]) -> Iterator[InputRow]:
    yield first
    yield from rest
