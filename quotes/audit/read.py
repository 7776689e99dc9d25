"""Reading batch CSVs for an audit, streamed: the attributions CSV (and the summary CSV) in,
one ``Article`` at a time out, each with its group values, its period and its attributions
reduced to the five fields an audit counts.

Columns are found by their header name, never by position, so a CSV with more columns (``quotes
batch --keep``), fewer, or in another order reads the same. A ``--by`` or ``--date-column``
column is read from the attributions CSV when it has it, else from the summary CSV, joined by
article. Articles are joined by the batch's ``row`` number when both CSVs have that column (two
input rows with one id are two articles), else by the ``article`` id.

Memory: one article's attributions at a time, the join key of every article seen (to catch an
article whose rows are not together) and, with a summary, one small record per article (its
values of the asked columns and whether it has an error). An
article's attributions must be together, as batch writes them; an article that comes back after
another has begun is an error that says so, never a silent double count.
"""
from __future__ import annotations

import csv
from typing import IO, Callable, Iterator, Sequence

import attrs

from ..batch.read import raise_field_size_limit
from ..errors import QuotesError
from ..model import Kind, SpeakerType
from ..render import FORMULA_STARTS
from .periods import period_of

NO_VALUE = "(none)"  # the group of an article whose group cell is empty
KINDS = tuple(k.value for k in Kind)
TYPES = tuple(t.value for t in SpeakerType)
NEEDED = ("kind", "speaker", "speaker_type", "named", "gender")
TRUE = frozenset({"true", "1", "yes"})
FALSE = frozenset({"false", "0", "no", ""})


class AuditError(QuotesError):
    """An attributions or summary CSV an audit cannot read, or a column it does not have."""


@attrs.frozen
class Row:
    """One attribution as the audit counts it. ``speaker`` is None when unattributed."""

    kind: str
    speaker: str | None
    speaker_type: str
    named: bool
    gender: str | None


@attrs.frozen
class Article:
    """One article: its join key, its values of the ``--by`` columns, its period (None without
    ``--period``), its attributions, and whether its summary row has an error."""

    key: str
    group: tuple[str, ...]
    period: str | None
    rows: tuple[Row, ...] = ()
    error: bool = False


@attrs.frozen
class Plan:
    """What to read: the ``--by`` columns, the date column and the period (or None)."""

    by: tuple[str, ...]
    date_column: str | None = None
    period: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return self.by + ((self.date_column,) if self.date_column else ())


def cell(value: str) -> str:
    """A cell as quotes meant it: CSVs quotes writes put an apostrophe before a cell that begins
    like a formula ("'=x"), so the apostrophe goes when it stands before one of those
    characters. (A cell that really began with an apostrophe and then "=" loses it: rare, and
    --raw-csv output has no apostrophes to take.)"""
    if value[:1] == "'" and value[1:2] and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def _open(path: str) -> IO[str]:
    try:
        # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") is not part of the first header.
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise AuditError(f"{path}: cannot read: {error.strerror or error}") from None


def _missing(path: str, column: str, header: dict[str, int], what: str) -> AuditError:
    shown = ", ".join(sorted(header, key=header.get)[:30])  # in the file's order
    return AuditError(f"{path}: no column {column!r} {what} (columns: {shown})")


def _key_column(header: dict[str, int], summary: dict[str, int] | None) -> str:
    """``row`` when both CSVs (or the one) have it: it tells apart two input rows with one id."""
    if "row" in header and (summary is None or "row" in summary):
        return "row"
    return "article"


def _rows(handle: IO[str], path: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(handle)
    try:
        for record in reader:
            yield reader.line_num, record
    except csv.Error as error:
        raise AuditError(f"{path}: line {reader.line_num}: {error}") from None
    except UnicodeDecodeError:
        raise AuditError(f"{path}: not UTF-8 text; quotes batch writes UTF-8") from None


def _value(record: list[str], at: int | None) -> str:
    return cell(record[at]) if at is not None and at < len(record) else ""


# A batch run on Dask over several files numbers rows per file and puts the file first: there an
# input row is named by file and row together.
FILE_SEPARATOR = "\x1f"


def _keyer(header: dict[str, int], key_column: str, with_file: bool) -> Callable[[list[str]], str]:
    """A function from a record to its article's join key: the key column's value, after the
    ``file`` column's when the rows came from several files."""
    key_at = header[key_column]
    if not with_file:
        return lambda record: _value(record, key_at)
    file_at = header["file"]
    return lambda record: f"{_value(record, file_at)}{FILE_SEPARATOR}{_value(record, key_at)}"


def _shown(key: str) -> str:
    file, _, row = key.rpartition(FILE_SEPARATOR)
    return f"{file}, row {row}" if file else repr(key)


def _header(rows: Iterator[tuple[int, list[str]]], path: str, what: str) -> dict[str, int]:
    """The first record as {column: its index}; a name given twice is its first column."""
    try:
        _, names = next(rows)
    except StopIteration:
        raise AuditError(f"{path}: empty file, not {what} from quotes batch") from None
    return {name: n for n, name in reversed(list(enumerate(names)))}


def read_summary(path: str, plan: Plan, attribution_header: dict[str, int]) -> tuple[str, dict[str, tuple]]:
    """The summary CSV as {join key: (its values of the asked columns, "" where it has no such
    column; whether its row has an error)}, and the join column."""
    raise_field_size_limit()
    with _open(path) as handle:
        rows = _rows(handle, path)
        header = _header(rows, path, "a summary CSV")
        key = _key_column(attribution_header, header)
        if key not in header:
            raise _missing(path, key, header, "to join the attributions by")
        for column in plan.columns:
            if column not in header and column not in attribution_header:
                raise AuditError(f"no column {column!r} in the attributions CSV nor in {path}")
        at = [header.get(c) for c in plan.columns]
        error_at = header.get("error")
        key_of = _keyer(header, key, "file" in header and "file" in attribution_header)
        return key, {key_of(r): (tuple(_value(r, i) for i in at), bool(_value(r, error_at).strip())) for _, r in rows}


def _parse_row(record: list[str], at: dict[str, int], path: str, line: int) -> Row:
    kind = _value(record, at["kind"])
    if kind not in KINDS:
        raise AuditError(f"{path}: line {line}: kind {kind!r} is not one of {', '.join(KINDS)}")
    speaker_type = _value(record, at["speaker_type"]) or SpeakerType.UNKNOWN.value
    if speaker_type not in TYPES:
        raise AuditError(f"{path}: line {line}: speaker_type {speaker_type!r} is not one of {', '.join(TYPES)}")
    named = _value(record, at["named"]).strip().lower()
    if named not in TRUE and named not in FALSE:
        raise AuditError(f"{path}: line {line}: named {named!r} is not True or False")
    speaker = _value(record, at["speaker"]).strip()
    return Row(kind, speaker or None, speaker_type, named in TRUE, _value(record, at["gender"]).strip().lower() or None)


def read_articles(path: str, plan: Plan, *, summary_path: str | None = None) -> Iterator[Article]:
    """Every article, streamed: those with attributions in the attributions CSV's order, then
    (with a summary) those without any, in the summary's order, error rows among them."""
    raise_field_size_limit()
    with _open(path) as handle:
        rows = _rows(handle, path)
        header = _header(rows, path, "an attributions CSV")
        for column in NEEDED + ("article",):
            if column not in header:
                raise _missing(path, column, header, "(not an attributions CSV from quotes batch?)")
        key_column, joined, with_file = _key_column(header, None), None, "file" in header
        if summary_path is not None:
            key_column, joined = read_summary(summary_path, plan, header)
            with_file = with_file and bool(joined) and FILE_SEPARATOR in next(iter(joined))
        else:
            for column in plan.columns:
                if column not in header:
                    raise _missing(path, column, header, "(is it in the summary CSV? then add --summary SUMMARY.csv)")
        at = {c: header[c] for c in NEEDED}
        yield from _stream(rows, at, header, (key_column, with_file), plan, path, joined)


def _stream(rows, at, header, key: tuple[str, bool], plan: Plan, path: str, joined: dict[str, tuple] | None) -> Iterator[Article]:
    key_column = key[0]
    key_of = _keyer(header, *key)
    locate = _locator(plan, header, joined)
    done: set[str] = set()
    current: str | None = None
    first: list[str] = []
    buffer: list[Row] = []
    for line, record in rows:
        if not record:
            continue
        key = key_of(record)
        if key != current:
            if current is not None:
                yield _article(current, first, buffer, locate, plan)
                done.add(current)
            if key in done:
                raise AuditError(f"{path}: line {line}: the attributions of article {_shown(key)} are not together; "
                                 f"audit reads them as quotes batch writes them (sort the CSV by {key_column})")
            current, first, buffer = key, record, []
        buffer.append(_parse_row(record, at, path, line))
    if current is not None:
        yield _article(current, first, buffer, locate, plan)
        done.add(current)
    for key, (_, error) in (joined or {}).items():
        if key not in done:
            yield _article(key, None, [], locate, plan, error=error)


def _locator(plan: Plan, header: dict[str, int], joined: dict[str, tuple] | None) -> Callable[[str, list[str] | None], list[str]]:
    """A function (join key, the article's first attributions record or None) -> its values of
    the asked columns: from the record when the attributions CSV has the column, else from the
    summary row. (An article with no attributions has no record: its values come from the
    summary; a column only the attributions CSV has is empty for it, shown as (none).)"""
    here = [header.get(c) for c in plan.columns]
    nothing = ("",) * len(here)

    def locate(key: str, record: list[str] | None) -> list[str]:
        there = joined.get(key, (nothing, False))[0] if joined is not None else nothing
        return [_value(record, at) if record is not None and at is not None else there[n] for n, at in enumerate(here)]

    return locate


def _article(key: str, record: list[str] | None, rows: Sequence[Row], locate, plan: Plan, *, error: bool = False) -> Article:
    values = locate(key, record)
    group = tuple(v.strip() or NO_VALUE for v in values[:len(plan.by)])
    period = period_of(values[-1], plan.period) if plan.period is not None and plan.date_column else None
    return Article(key, group, period, tuple(rows), error)
