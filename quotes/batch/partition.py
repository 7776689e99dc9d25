"""Batch input cut into partitions, and the functions that analyse one: for Dask (``cluster.py``),
Spark or any engine that maps a function over the parts of a corpus.

Receives CSV or JSON Lines files and the batch's options (``BatchOptions``); hands on
``Partition``s (a byte range of one file, with what it needs to be read alone: the CSV header,
the row and line numbers it starts at) and, per partition, a ``PartitionResult``: the
``RowResult``s of ``analyze_row``, the very function the local batch uses, for rows read by
``read_rows``, the very reader it uses. A partition's rows, ids, row numbers and errors are
exactly the local batch's for the same rows of the same file.

Cutting a file: a file of up to ``block`` bytes is one partition. A larger one is scanned once,
front to back, by the client: JSON Lines is cut after any line (a row is one line), CSV after
any record as the ``csv`` module reads it with ``read_rows``' settings, because a quoted field
may hold line breaks and a cut at an arbitrary line break could fall inside a field. The scan
counts rows and lines as ``read_rows`` does, so each partition knows where it starts.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import uuid
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

import attrs

from ..articles import unreadable
from .jobs import RowResult, analyze_row, attribution_fields, batch_gc, summary_fields
from .read import InputRow, object_row, raise_field_size_limit, read_rows
from .write import BatchStats, RowWriter

# Under --dask every output row says which input file it comes from: with several files, row
# numbers and ids (the row number when there is no id column) repeat from file to file.
def file_attribution_fields(keep: Sequence[str] = ()) -> tuple[str, ...]:
    """The attributions CSV's columns on Dask: ``file`` first, as several files are read."""
    return ("file", *attribution_fields(keep))


def file_summary_fields(keep: Sequence[str] = ()) -> tuple[str, ...]:
    return ("file", *summary_fields(keep))


@attrs.frozen
class BatchOptions:
    """How every row is read and analysed, in one place: ``read_rows`` and ``analyze_row`` get
    their options from here and nowhere else, on the client and on every worker."""

    text_column: str
    id_column: str | None = None
    format: str | None = None  # csv or jsonl; None: by extension, else the first byte
    delimiter: str | None = None  # None: sniffed, per file
    encoding: str | None = None
    engine: str = "rules"
    model_dir: str | None = None
    keep: tuple[str, ...] = ()  # the --keep columns, carried into every output after the id

    def read(self, stream: IO[bytes], *, source: str, format: str | None = None, delimiter: str | None = None,
             warn: Callable[[str], None] | None = None, say: Callable[[str], None] | None = None) -> Iterator[InputRow]:
        """``read_rows`` with these options; ``format`` and ``delimiter`` as found for one file."""
        return read_rows(stream, source=source, text_column=self.text_column, id_column=self.id_column,
                         format=format or self.format, delimiter=delimiter or self.delimiter,
                         encoding=self.encoding, warn=warn, say=say, keep=self.keep)

    def analyze(self, row: InputRow) -> RowResult:
        return analyze_row(row, engine=self.engine, model_dir=self.model_dir, keep=self.keep)


@attrs.frozen
class Partition:
    """Bytes ``start`` to ``end`` (None: the end) of one input file, read alone."""

    path: str  # as given: the ``file`` column and messages
    location: str  # where a worker opens it: the absolute path
    format: str  # csv or jsonl
    delimiter: str | None  # CSV: as given or sniffed for the whole file
    number: int  # 1-based, in the run: files in order, each file front to back
    total: int  # partitions in the run
    part: int  # 1-based, in its file
    parts: int  # partitions of its file
    start: int = 0
    end: int | None = None
    first_row: int = 1  # the row number of its first row in the whole file
    first_line: int = 1  # the line number its bytes start at
    header: bytes = b""  # CSV not starting at 0: the file's header record, read first
    header_lines: int = 0  # the lines that header spans

    def describe(self, rows: int) -> str:
        """'news.csv, rows 2001-3000' once its ``rows`` are known."""
        span = f"rows {self.first_row}-{self.first_row + rows - 1}" if rows else "no rows"
        return f"{self.path}, {span}"

    def names(self) -> tuple[str, str]:
        """Its two files under --out-dir: '<file stem>.<part>.attributions.csv' and
        '.summary.csv', the part zero-padded to the width of the file's count of parts."""
        stem = f"{Path(self.path).stem}.{self.part:0{len(str(self.parts))}d}"
        return f"{stem}.attributions.csv", f"{stem}.summary.csv"


@attrs.frozen
class PartitionResult:
    """What a partition gives back: its rows' results in input order (none when the worker
    wrote them under --out-dir), their counts, and the warnings its rows raised."""

    partition: Partition
    results: tuple[RowResult, ...]
    stats: BatchStats
    warnings: tuple[str, ...] = ()


def analyze_partition(rows: Iterable[InputRow | Mapping[str, Any]], options: BatchOptions, *,
                      first_row: int = 1) -> list[RowResult]:
    """Rows in, a ``RowResult`` per row out (its summary row and attribution rows, as dicts
    with the batch CSVs' columns), in order; a bad row gets its ``error``, nothing raises for
    one. A row is an ``InputRow`` (``read_rows``) or a mapping such as a JSON object, a Dask
    bag's dict or a Spark ``Row.asDict()``, read as ``BatchOptions`` says: its text from
    ``text_column``, its id from ``id_column`` (else its row number, counted from
    ``first_row``). A list, not a generator: Dask sends a partition's result between
    processes, and a generator cannot be pickled."""
    return [options.analyze(row if isinstance(row, InputRow) else input_row(row, n, options))
            for n, row in enumerate(rows, first_row)]


def input_row(value: Mapping[str, Any], number: int, options: BatchOptions) -> InputRow:
    """A mapping as the batch reads a JSON Lines object (``read.object_row``): the same checks,
    the same errors."""
    return object_row(value, number, text_column=options.text_column, id_column=options.id_column,
                      keep=options.keep, source=f"row {number}", encoding=options.encoding, warn=None)


# ---------------------------------------------------------------- cutting files

class _Cut(NamedTuple):
    start: int  # byte offset
    row: int  # the row number of the first row after it
    line: int  # the line number it starts


def plan_file(path: str, *, format: str, delimiter: str | None, size: int, block: int) -> list[Partition]:
    """One file's partitions, numbered within the file; ``Partition.number`` and ``total`` are
    set by ``number_partitions`` once every file is planned."""
    location = os.path.abspath(path)
    one = Partition(path=path, location=location, format=format, delimiter=delimiter, number=0, total=0,
                    part=1, parts=1)
    if size <= block:
        return [one]
    try:
        with open(location, "rb") as handle:
            if format == "csv":
                cuts, header, header_lines = _csv_cuts(handle, delimiter or ",", block)
            else:
                (cuts, header, header_lines) = (_jsonl_cuts(handle, block), b"", 0)
    except OSError as error:
        raise unreadable(path, error, folder_hint="batch reads CSV or JSON Lines files") from None
    return [attrs.evolve(one, part=k, parts=len(cuts), start=cut.start, first_row=cut.row, first_line=cut.line,
                         end=cuts[k].start if k < len(cuts) else None,
                         header=header if cut.start else b"", header_lines=header_lines if cut.start else 0)
            for k, cut in enumerate(cuts, 1)]


def number_partitions(partitions: Sequence[Partition]) -> list[Partition]:
    return [attrs.evolve(p, number=n, total=len(partitions)) for n, p in enumerate(partitions, 1)]


def _jsonl_cuts(handle: IO[bytes], block: int) -> list[_Cut]:
    """Cuts after the line that reaches ``block`` bytes past the last cut. As ``read_rows``: a
    line is up to a newline, and a line of only white space is no row."""
    cuts = [_Cut(0, 1, 1)]
    offset = rows = 0
    for number, raw in enumerate(handle, 1):
        offset += len(raw)
        if not raw.strip():
            continue  # a blank line is no row: it stays with the row before
        rows += 1
        if offset - cuts[-1].start >= block:
            cuts.append(_Cut(offset, rows + 1, number + 1))
    return _without_empty_tail(cuts, rows)


def _csv_cuts(handle: IO[bytes], delimiter: str, block: int) -> tuple[list[_Cut], bytes, int]:
    """Cuts after the record that reaches ``block`` bytes past the last cut, the header's bytes
    and its lines. The csv module reads records as ``read_rows`` does (the same line breaks,
    strict, the same delimiter), from lines whose bytes are counted, so a cut is where a record
    ends however many line breaks its quoted fields hold. A malformed record is a row, and the
    reader goes on at the next line, as there."""
    raise_field_size_limit()
    offset = len(codecs.BOM_UTF8) if handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8 else 0
    handle.seek(offset)
    # Record boundaries depend only on the delimiter, quote marks and line breaks: with an ASCII
    # delimiter latin-1 reads each byte as one character, so lengths are byte counts (fast).
    ascii = delimiter.isascii()
    text = io.TextIOWrapper(handle, encoding="latin-1" if ascii else "utf-8", errors="surrogateescape", newline="")
    read = [offset]

    def lines() -> Iterator[str]:
        for line in text:
            read[0] += len(line) if ascii else len(line.encode("utf-8", "surrogateescape"))
            yield line

    reader = csv.reader(lines(), strict=True, delimiter=delimiter)
    next(reader, None)  # the header, checked before the plan
    header_end, header_lines = read[0], reader.line_num
    cuts = [_Cut(0, 1, 1)]
    rows = 0
    while True:
        try:
            if not next(reader):
                continue  # a blank line is no row
        except StopIteration:
            break
        except csv.Error:
            pass  # a malformed record is a row with its error
        rows += 1
        if read[0] - cuts[-1].start >= block:
            cuts.append(_Cut(read[0], rows + 1, reader.line_num + 1))
    handle.seek(0)
    return _without_empty_tail(cuts, rows), handle.read(header_end), header_lines


def _without_empty_tail(cuts: list[_Cut], rows: int) -> list[_Cut]:
    # A cut after the last row (the file ends with blank lines, or exactly there) would make a
    # partition with no rows: the bytes after the last row go with the partition before.
    while len(cuts) > 1 and cuts[-1].row > rows:
        cuts.pop()
    return cuts


# ---------------------------------------------------------------- reading and analysing one

def read_partition(partition: Partition, options: BatchOptions,
                   warn: Callable[[str], None] | None = None) -> Iterator[InputRow]:
    """The partition's rows, numbered, named and with errors as in the whole file: its bytes
    after a prefix that makes ``read_rows`` read them as it reads the file (the CSV header; for
    JSON Lines after the first partition one object with the columns, which stands for the
    file as the first object does there, and is dropped), then renumbered."""
    try:
        with open(partition.location, "rb") as handle:
            handle.seek(partition.start)
            data = handle.read() if partition.end is None else handle.read(partition.end - partition.start)
    except OSError as error:
        raise unreadable(partition.path, error, folder_hint="batch reads CSV or JSON Lines files") from None
    prefix, prefix_rows, prefix_lines = _prefix(partition, options)
    row_shift = partition.first_row - 1 - prefix_rows
    line_shift = partition.first_line - 1 - prefix_lines
    heard = None if warn is None else (lambda message: warn(_shift_warning(message, partition.path, row_shift)))
    rows = options.read(io.BytesIO(prefix + data), source=partition.path, format=partition.format,
                        delimiter=partition.delimiter, warn=heard)
    for row in rows:
        if row.row <= prefix_rows:
            continue
        number = row.row + row_shift
        yield attrs.evolve(row, row=number, id=str(number) if options.id_column is None else row.id,
                           error=shift_lines(row.error, line_shift))


def _prefix(partition: Partition, options: BatchOptions) -> tuple[bytes, int, int]:
    """(bytes read before the partition's, rows and lines they make)."""
    if partition.start == 0:
        return b"", 0, 0
    if partition.format == "csv":
        # A header ending in a lone CR would join an LF that starts the partition into one
        # line break (CR LF) that the file does not have there: end it with CR LF itself.
        header = partition.header + b"\n" if partition.header.endswith(b"\r") else partition.header
        return header, 0, partition.header_lines
    columns = [options.text_column, *([options.id_column] if options.id_column is not None else [])]
    return json.dumps(dict.fromkeys(columns)).encode() + b"\n", 1, 1


# The shapes read_rows gives a line number in an error (read.py); the number is the line in the
# partition's bytes after its prefix, shifted here to the line in the file.
_LINE_NUMBER = re.compile(r"^(malformed (?:CSV|JSON) at line |cannot read line |line )(\d+)"
                          r"|( field on line |\(line )(\d+)(\)?)$")


def shift_lines(error: str | None, by: int) -> str | None:
    if not error or not by:
        return error

    def shifted(match: re.Match) -> str:
        if match.group(2) is not None:
            return f"{match.group(1)}{int(match.group(2)) + by}"
        return f"{match.group(3)}{int(match.group(4)) + by}{match.group(5)}"

    return _LINE_NUMBER.sub(shifted, error, count=1)


def _shift_warning(message: str, path: str, by: int) -> str:
    """'news.csv row 3: ...' (a row's text read with a fallback) names the row in the file."""
    head = f"{path} row "
    number, sep, rest = message[len(head):].partition(":")
    if by and message.startswith(head) and sep and number.isdigit():
        return f"{head}{int(number) + by}:{rest}"
    return message


def run_partition(partition: Partition, options: BatchOptions, out_dir: str | None = None,
                  raw_csv: bool = False) -> PartitionResult:
    """A partition read, analysed and counted: the task a Dask worker runs. With ``out_dir`` it
    also writes the partition's two CSVs there (``Partition.names``) and hands on no rows."""
    warnings: list[str] = []
    with batch_gc():
        results = tuple(analyze_partition(read_partition(partition, options, warn=warnings.append), options))
    stats = count(results)
    if out_dir is not None:
        write_partition(partition, results, out_dir, raw_csv=raw_csv, keep=options.keep)
        results = ()
    return PartitionResult(partition, results, stats, tuple(warnings))


def count(results: Sequence[RowResult]) -> BatchStats:
    return BatchStats(rows=len(results), errors=sum(bool(r.summary["error"]) for r in results),
                      attributions=sum(len(r.attributions) for r in results),
                      chars=sum(r.summary["chars"] for r in results))


def with_file(partition: Partition, results: Iterable[RowResult]) -> Iterator[RowResult]:
    """The rows with the ``file`` column first (the speakers, keyed by their article, as they are)."""
    for result in results:
        yield RowResult({"file": partition.path, **result.summary},
                        tuple({"file": partition.path, **a} for a in result.attributions), result.speakers)


def write_partition(partition: Partition, results: Sequence[RowResult], out_dir: str, *, raw_csv: bool,
                    keep: Sequence[str] = ()) -> None:
    """The partition's two CSVs in ``out_dir``, each written under a temporary name and then
    renamed: a file with the final name is whole, also when a worker dies while writing and
    the partition is run again."""
    for name, fields, rows in zip(partition.names(), (file_attribution_fields(keep), file_summary_fields(keep)),
                                  _columns(with_file(partition, results))):
        # A name of its own for each attempt (two attempts at one partition may overlap when a
        # worker is thought dead and is not), made as open() makes files: the usual permissions.
        partial = os.path.join(out_dir, f".{name}.{uuid.uuid4().hex}.partial")
        try:
            with open(partial, "x", encoding="utf-8", newline="") as handle:
                RowWriter(handle, fields, raw=raw_csv).write(*rows)
            os.replace(partial, os.path.join(out_dir, name))
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(partial)
            raise


def _columns(results: Iterable[RowResult]) -> tuple[list[dict], list[dict]]:
    attributions: list[dict] = []
    summaries: list[dict] = []
    for result in results:
        attributions.extend(result.attributions)
        summaries.append(result.summary)
    return attributions, summaries
