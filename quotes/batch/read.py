"""Reading batch input: CSV or JSON Lines rows, one at a time, each with its text or why it
has none. Only a problem with the whole input (it cannot be opened, the text or id column does
not exist) raises."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from typing import IO, Any, Callable, Iterator, Mapping, Sequence

import attrs

from ..articles import SURROGATE, decode, unreadable
from ..errors import InputError, QuotesError

FORMATS = ("csv", "jsonl")


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
    """One input row: its 1-based position, its id and either its text or why there is none;
    ``kept`` holds the values of the ``--keep`` columns, in the order asked for (``kept_value``)."""

    row: int
    id: str
    text: str | None
    error: str | None = None
    kept: tuple[str | None, ...] = ()


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


class InputBytes(io.RawIOBase):
    """A binary input read once, front to back: its first bytes can be looked at before the
    reading starts (``head``), and ``position`` counts the bytes handed on so far (progress)."""

    def __init__(self, stream: IO[bytes]):
        super().__init__()
        self._stream = stream
        self._read = getattr(stream, "read1", stream.read)
        self._pending = b""
        self.position = 0

    def readable(self) -> bool:
        return True

    def head(self, size: int) -> bytes:
        """Up to ``size`` first bytes (fewer only at the end of the input), still to be read."""
        while len(self._pending) < size:
            more = self._stream.read(size - len(self._pending))
            if not more:
                break
            self._pending += more
        return self._pending[:size]

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._pending:
            data, self._pending = self._pending[: len(buffer)], self._pending[len(buffer) :]
        else:
            data = self._read(len(buffer))
        buffer[: len(data)] = data
        self.position += len(data)
        return len(data)


SNIFF_BYTES = 16 * 1024  # what the format and the CSV delimiter are told from
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}


def parse_delimiter(value: str) -> str:
    """``--delimiter``: one character, or 'tab' (also a typed backslash-t)."""
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    delimiter = named.get(value.lower(), value)
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise QuotesError(f"--delimiter must be one character other than a quote mark or a line break "
                          f"(or 'tab'), not {value!r}")
    return delimiter


def parse_keep(values: str | Sequence[str] | None) -> tuple[str, ...]:
    """``--keep``: column names separated by commas, the option given once or more, in order.
    An empty name or a name given twice is an error (it would make two columns of one name)."""
    if not values:
        return ()
    names = [name.strip() for value in ([values] if isinstance(values, str) else values) for name in value.split(",")]
    if "" in names:
        raise QuotesError(f"--keep takes column names separated by commas, not {','.join(names)!r}")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise QuotesError(f"--keep names {', '.join(repr(n) for n in twice)} more than once")
    return tuple(names)


def kept_value(value: Any) -> str | None:
    """A ``--keep`` cell: text as it is (made printable, as an id is); a JSON number, true or
    false, list or object as its JSON text (7, 2.5, true, ["a"]); None for a missing key or a
    JSON null, which CSV writes as an empty cell and SQLite stores as NULL."""
    if value is None:
        return None
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return printable(json.dumps(value, ensure_ascii=False))


def sniff_delimiter(head: bytes, text_column: str) -> str:
    """The CSV delimiter, from the input's first bytes: what ``csv.Sniffer`` (limited to
    comma, semicolon, tab and pipe) finds in them, or else in the header line alone, as long as
    it makes a header with the text column; else the first of those four that does; else the
    sniffer's guess, else a comma. Articles quoted over many lines defeat the sniffer on the
    whole sample, which is why the header line and the text column have a say."""
    sample = head.decode("utf-8", "replace").removeprefix("\ufeff")
    guesses = []
    for text in (sample, sample.split("\n", 1)[0] + "\n"):
        try:
            guesses.append(csv.Sniffer().sniff(text, delimiters="".join(DELIMITERS)).delimiter)
        except csv.Error:
            pass
    for delimiter in (*guesses, *DELIMITERS):
        if text_column in _header(sample, delimiter):
            return delimiter
    return guesses[0] if guesses else ","


def _header(sample: str, delimiter: str) -> list[str]:
    try:
        return [h.strip() for h in next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])]
    except csv.Error:
        return []


def read_rows(
    stream: IO[bytes],
    *,
    source: str,
    text_column: str,
    id_column: str | None = None,
    format: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    warn: Callable[[str], None] | None = None,
    say: Callable[[str], None] | None = None,
    keep: Sequence[str] = (),
) -> Iterator[InputRow]:
    """Input rows, one at a time, from a binary stream of CSV or JSON Lines. ``warn`` hears
    about rows read with a fallback; ``say`` hears which delimiter was sniffed. Each row's
    ``kept`` has the values of the ``keep`` columns (a column missing from the CSV header or
    the first JSON object raises, as a missing text column does)."""
    counted = stream if isinstance(stream, InputBytes) else InputBytes(stream)
    head = counted.head(SNIFF_BYTES)
    buffered = io.BufferedReader(counted)
    fmt = format or detect_format(source, head[:64])
    if fmt == "csv":
        sniffed = delimiter is None
        return _csv_rows(buffered, source=source, text_column=text_column, id_column=id_column,
                         delimiter=sniff_delimiter(head, text_column) if sniffed else delimiter, encoding=encoding,
                         warn=warn, say=say if sniffed else None, keep=tuple(keep))
    if fmt == "jsonl":
        if delimiter is not None:
            raise QuotesError(f"{source}: --delimiter is for CSV input, and this is JSON Lines")
        return _jsonl_rows(buffered, source=source, text_column=text_column, id_column=id_column,
                           encoding=encoding, warn=warn, keep=tuple(keep))
    raise QuotesError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")


def _missing_column(source: str, column: str, existing: Sequence[str], what: str = "columns",
                    delimiter: str | None = None) -> QuotesError:
    names = ", ".join(repr(c) for c in existing) or "none"
    split = f" (separated by {DELIMITERS.get(delimiter, repr(delimiter))})" if delimiter else ""
    return QuotesError(f"{source}: no column {column!r}; the {what} are: {names}{split}")


def _text(value: Any, *, source: str, encoding: str | None, warn,
          escaped_bytes: bool = True) -> tuple[str | None, str | None]:
    """(text, error) for one field. Bytes that are not UTF-8 arrive as surrogate escapes and
    are decoded the way files are (``articles.decode``: cp1252 fallback, binary refused). When
    the row's bytes were all UTF-8 (``escaped_bytes`` False), a surrogate can only come from a
    JSON escape ("\\udc80") and is not text."""
    if value is None:
        return None, "no text (field missing or null)"
    if not isinstance(value, str):
        return None, f"text is a JSON {type(value).__name__}, not a string"
    if not escaped_bytes and SURROGATE.search(value):
        return None, "text has an invalid character (lone surrogate)"
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


def _csv_rows(stream, *, source, text_column, id_column, delimiter, encoding, warn, say, keep) -> Iterator[InputRow]:
    raise_field_size_limit()
    # surrogateescape keeps undecodable bytes until we know which field they are in, so one
    # bad row does not stop the file; utf-8-sig drops a byte-order mark from the first header.
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    # strict: a quoted field still open at the end of the file (a truncated last line) or
    # garbage after a closing quote is an error for that row, not silently accepted text.
    reader = csv.reader(text_stream, strict=True, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{source}: empty input, no header row") from None
    except csv.Error as error:
        raise InputError(f"{source}: cannot read the CSV header: {error}") from None
    header = [h.strip() for h in header]
    for column in (text_column, *([id_column] if id_column is not None else ()), *keep):
        if column not in header:
            raise _missing_column(source, column, header, delimiter=delimiter)
    if say is not None:  # said once the header is known good: an error stays one line
        say(f"{source}: CSV with columns separated by {DELIMITERS.get(delimiter, repr(delimiter))} "
            "(sniffed; --delimiter to choose)")
    unknown_id = _unknown_id(id_column)
    text_at = header.index(text_column)
    id_at = header.index(id_column) if id_column is not None else None
    kept_at = [header.index(column) for column in keep]
    unknown_kept = (None,) * len(keep)
    position = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            position += 1
            yield InputRow(position, unknown_id(position), None, f"malformed CSV at line {reader.line_num}: {error}",
                           unknown_kept)
            continue
        if not fields:
            continue  # a blank line is no row in CSV (the csv module yields [] for it)
        position += 1
        try:
            row_id = _id(fields[id_at] if id_at is not None and id_at < len(fields) else None, position)
            # A row with too few fields keeps what it has, as its id does: None past its end.
            kept = tuple(kept_value(fields[at]) if at < len(fields) else None for at in kept_at)
            if len(fields) != len(header):
                yield InputRow(position, row_id, None,
                               f"row has {len(fields)} fields, the header has {len(header)} (line {reader.line_num})",
                               kept)
                continue
            text, error = _text(fields[text_at], source=f"{source} row {position}", encoding=encoding, warn=warn)
        except Exception as error:  # noqa: BLE001 - whatever a row holds, the run goes on
            yield InputRow(position, unknown_id(position), None, f"cannot read line {reader.line_num}: {_why(error)}",
                           unknown_kept)
            continue
        yield InputRow(position, row_id, text, error, kept)


def _unknown_id(id_column: str | None) -> Callable[[int], str]:
    # A row too broken to read has no id; without an id column the id is the row number.
    return (lambda position: "") if id_column is not None else str


def _id(value: Any, position: int) -> str:
    if value is None:
        return str(position)
    if isinstance(value, str):
        # An id goes into CSV cells: keep it printable even if its bytes were not UTF-8.
        return printable(value)
    return printable(json.dumps(value, ensure_ascii=False) if not isinstance(value, (int, float)) else str(value))


def _jsonl_rows(stream, *, source, text_column, id_column, encoding, warn, keep) -> Iterator[InputRow]:
    checked = False
    position = 0
    unknown_id = _unknown_id(id_column)
    unknown_kept = (None,) * len(keep)
    for line_number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue  # blank lines separate nothing in JSON Lines
        position += 1
        if line_number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            value, escaped_bytes = _json_object(raw, line_number)
        except _BadRow as bad:
            yield InputRow(position, unknown_id(position), None, str(bad), unknown_kept)
            continue
        if not checked:
            # The first object stands for the file: a column it lacks is a usage error.
            for column in (text_column, *([id_column] if id_column is not None else ()), *keep):
                if column not in value:
                    raise _missing_column(source, column, list(value), what="first object's keys")
            checked = True
        try:
            row = object_row(value, position, text_column=text_column, id_column=id_column, keep=keep,
                             source=f"{source} row {position}", encoding=encoding, warn=warn,
                             escaped_bytes=escaped_bytes, where=f" on line {line_number}")
        except Exception as error:  # noqa: BLE001 - whatever a row holds, the run goes on
            yield InputRow(position, unknown_id(position), None, f"cannot read line {line_number}: {_why(error)}",
                           unknown_kept)
            continue
        yield row


def object_row(value: Mapping[str, Any], position: int, *, text_column: str, id_column: str | None,
               keep: Sequence[str], source: str, encoding: str | None, warn: Callable[[str], None] | None,
               escaped_bytes: bool = True, where: str = "") -> InputRow:
    """One object as an input row: a JSON Lines object's, or any mapping's (``partition.input_row``:
    a Dask bag's dict, a Spark ``Row.asDict()``): its id (else its ``position``), its kept
    values, and its text or why it has none (``where`` ends the message of a missing text
    field: ' on line 7'). It may raise for what a row holds: the caller says the row cannot be read."""
    row_id = _id(value.get(id_column) if id_column is not None else None, position)
    kept = tuple(kept_value(value.get(column)) for column in keep)
    if text_column not in value:
        return InputRow(position, row_id, None, f"no {text_column!r} field{where}", kept)
    text = value[text_column]
    if isinstance(text, (bytes, bytearray)):  # a binary column (JSON has none): its bytes are decoded as a file's
        text = bytes(text).decode("utf-8", "surrogateescape")
    text, error = _text(text, source=source, encoding=encoding, warn=warn, escaped_bytes=escaped_bytes)
    return InputRow(position, row_id, text, error, kept)


class _BadRow(Exception):
    """A line that is not a JSON object; the message is the row's error."""


def _json_object(raw: bytes, line_number: int) -> tuple[dict[str, Any], bool]:
    """The line's object, and whether bytes that are not UTF-8 were kept as surrogate escapes."""
    try:
        line, escaped_bytes = raw.decode("utf-8"), False
    except UnicodeDecodeError:
        line, escaped_bytes = raw.decode("utf-8", "surrogateescape"), True
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        tail = "" if raw.endswith(b"\n") else " (truncated last line?)"
        raise _BadRow(f"malformed JSON at line {line_number} column {error.colno}: {error.msg}{tail}") from None
    except Exception as error:  # noqa: BLE001 - RecursionError, ValueError and whatever else json raises
        raise _BadRow(f"cannot read line {line_number}: {_why(error)}") from None
    if not isinstance(value, dict):
        raise _BadRow(f"line {line_number} is a JSON {type(value).__name__}, not an object")
    return value, escaped_bytes


def _why(error: Exception) -> str:
    """One line for an exception a row raised while being read."""
    if isinstance(error, RecursionError):
        return "nested too deep to read"
    if isinstance(error, ValueError) and "integer string conversion" in str(error):
        return f"a number too long to read (over {sys.get_int_max_str_digits()} digits)"
    return printable(f"{type(error).__name__}: {error}")


def printable(text: str) -> str:
    """Text for a CSV cell in UTF-8: bytes kept as surrogate escapes are decoded as UTF-8 where
    they can be, and any other lone surrogate becomes U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return SURROGATE.sub("\ufffd", text)
