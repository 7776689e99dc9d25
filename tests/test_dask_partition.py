"""quotes.batch.partition (no Dask needed): a file cut into partitions, each read alone, gives
exactly the rows, ids, row numbers, errors and warnings of the whole file; CSV is cut only
where a record ends; analyze_partition reads mappings as the batch reads JSON objects; --dask
without the extra is one line.

The articles here are invented for these tests.
"""
from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from quotes.batch import BatchOptions, analyze_partition, read_partition
from quotes.batch.cluster import DASK_EXTRA, expand_inputs, parse_address, partition_bytes, progress_line
from quotes.batch.partition import Partition, PartitionResult, plan_file, shift_lines
from quotes.batch.write import BatchStats
from quotes.cli import main
from quotes.errors import QuotesError

from .conftest import ROOT

FIXTURES = ROOT / "fixtures" / "batch"
GOOD = '"The harbour will reopen in May," the port director said.'
PARAGRAPHS = [GOOD, "Residents said the ferry had been late all winter.",
              "\u201cWe were never told,\u201d said Ana Ruiz, who runs the bakery on the quay.",
              "The council met on Tuesday.\r\nIt did not vote."]


def multiline_csv(rows: int, terminator: str = "\r\n") -> bytes:
    """A CSV whose bodies hold paragraphs (line breaks inside quoted fields), with rows that are
    empty, short (a missing field) or malformed (text after a closing quote) along the way."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(["id", "headline", "body"])
    for n in range(rows):
        if n % 11 == 5:
            out.write(f"s{n},a short row{terminator}")
        elif n % 13 == 7:
            out.write(f'm{n},"Cut" short,x{terminator}')
        else:
            body = "\n\n".join(PARAGRAPHS[(n + k) % len(PARAGRAPHS)] for k in range(n % 4)) + f" (story {n})"
            writer.writerow([f"r{n}", f"Story {n}", body if n % 9 else ""])
    return out.getvalue().encode("utf-8")


def jsonl_with_bad_lines(rows: int) -> bytes:
    lines = []
    for n in range(rows):
        if n % 7 == 3:
            lines.append('{"id": "broken", "body": ')
        elif n % 7 == 5:
            lines.append("")  # a blank line is no row
        elif n % 7 == 6:
            lines.append(json.dumps({"id": n, "headline": "no body"}))
        else:
            lines.append(json.dumps({"id": f"j{n}", "body": PARAGRAPHS[n % len(PARAGRAPHS)]}))
    return ("\n".join(lines) + "\n").encode("utf-8")


def whole_and_parts(path, options: BatchOptions, format: str, block: int, delimiter: str | None = ","):
    """(rows and warnings of the whole file, of its partitions read alone, the partitions)."""
    whole_warnings: list[str] = []
    with open(path, "rb") as stream:
        whole = list(options.read(stream, source=str(path), format=format,
                                  delimiter=delimiter if format == "csv" else None, warn=whole_warnings.append))
    partitions = plan_file(str(path), format=format, delimiter=delimiter if format == "csv" else None,
                           size=path.stat().st_size, block=block)
    part_warnings: list[str] = []
    parts = [row for p in partitions for row in read_partition(p, options, warn=part_warnings.append)]
    return (whole, whole_warnings), (parts, part_warnings), partitions


CASES = [
    # (name, bytes, format, id column)
    ("mixed.csv", (FIXTURES / "mixed.csv").read_bytes(), "csv", "id"),
    ("mixed.csv, ids are row numbers", (FIXTURES / "mixed.csv").read_bytes(), "csv", None),
    ("mixed.jsonl", (FIXTURES / "mixed.jsonl").read_bytes(), "jsonl", "id"),
    ("mixed.jsonl, ids are row numbers", (FIXTURES / "mixed.jsonl").read_bytes(), "jsonl", None),
    ("multi-line fields, CRLF", multiline_csv(40), "csv", "id"),
    ("multi-line fields, LF, byte-order mark", b"\xef\xbb\xbf" + multiline_csv(40, "\n"), "csv", None),
    ("multi-line fields, CR", multiline_csv(40, "\r"), "csv", "id"),
    ("bad JSON lines and blank lines", jsonl_with_bad_lines(40), "jsonl", "id"),
]


@pytest.mark.parametrize("name, data, format, id_column", CASES, ids=[c[0] for c in CASES])
def test_partitions_read_alone_give_the_whole_files_rows(tmp_path, name, data, format, id_column):
    path = tmp_path / f"in.{format}"
    path.write_bytes(data)
    options = BatchOptions(text_column="body", id_column=id_column)
    counts = set()
    # every block size, up to one partition per row, for the small files; some for the others
    blocks = range(1, len(data) + 2) if len(data) < 1500 else (1, 37, 100, 333, 1000, 4000, len(data))
    for block in blocks:
        (whole, whole_warnings), (parts, part_warnings), partitions = whole_and_parts(path, options, format, block)
        assert parts == whole, block
        assert part_warnings == whole_warnings, block
        counts.add(len(partitions))
    assert max(counts) > 5 and min(counts) == 1  # really cut, and whole at the largest block


def test_a_csv_is_cut_where_a_record_ends_not_at_a_line_break(tmp_path):
    """A cut at the first line break after the block size would fall inside a quoted field:
    the plan cuts after the record instead, and the rows are the whole file's."""
    path = tmp_path / "in.csv"
    data = multiline_csv(30)
    path.write_bytes(data)
    options = BatchOptions(text_column="body", id_column="id")
    block = 200
    (whole, _), (parts, _), partitions = whole_and_parts(path, options, "csv", block)
    assert parts == whole and len(partitions) > 3
    naive = data.index(b"\n", block) + 1
    assert naive < partitions[1].start  # the record there spans lines
    # negative: read from the naive cut, the same bytes make other rows
    naive_part = Partition(path=str(path), location=str(path), format="csv", delimiter=",", number=2, total=2,
                           part=2, parts=2, start=naive, header=data[: data.index(b"\r\n") + 2], header_lines=1)
    assert [r.text for r in read_partition(naive_part, options)][:2] != [r.text for r in whole if r.row >= 2][:2]


@pytest.mark.parametrize("row, expected", [
    # (a mapping, (id, text or None, a substring of the error or ""))
    ({"id": "a", "body": GOOD}, ("a", GOOD, "")),
    ({"id": 7, "body": GOOD}, ("7", GOOD, "")),
    ({"id": "b", "body": GOOD.encode("cp1252")}, ("b", GOOD, "")),  # a binary column, decoded as a file is
    ({"id": "c", "body": ""}, ("c", None, "empty text")),
    ({"id": "d", "body": None}, ("d", None, "no text")),
    ({"id": "e", "body": 12}, ("e", None, "JSON int")),
    ({"id": "f", "text": GOOD}, ("f", None, "no 'body' field")),
    ({"id": "g", "body": "\x00" * 20}, ("g", None, "binary")),
    ({"body": GOOD}, ("41", GOOD, "")),  # no id: the row number, as in JSON Lines
])
def test_analyze_partition_reads_mappings_as_json_objects(row, expected):
    [result] = analyze_partition([row], BatchOptions(text_column="body", id_column="id"), first_row=41)
    row_id, text, error = expected
    assert (result.summary["row"], result.summary["article"]) == (41, row_id)
    assert (error in result.summary["error"]) if error else result.summary["error"] == ""
    assert (len(result.attributions) > 0) == (text is not None)


@pytest.mark.parametrize("row, kept", [
    ({"id": "a", "body": GOOD, "outlet": "Harbor Herald", "date": "2026-11-29"}, ("Harbor Herald", "2026-11-29")),
    ({"id": "b", "body": GOOD, "outlet": 7}, ("7", None)),  # a number as its JSON text; a missing key: empty
    ({"id": "c", "outlet": "Valley Voice", "date": None}, ("Valley Voice", None)),  # no text: kept all the same
])
def test_analyze_partition_carries_the_kept_columns_of_a_mapping(row, kept):
    options = BatchOptions(text_column="body", id_column="id", keep=("outlet", "date"))
    [result] = analyze_partition([row], options)
    assert (result.summary["outlet"], result.summary["date"]) == kept
    assert all((a["outlet"], a["date"]) == kept for a in result.attributions)


def test_analyze_partition_numbers_rows_from_first_row_and_keeps_input_rows():
    options = BatchOptions(text_column="text")
    results = list(analyze_partition([{"text": GOOD}, {"text": ""}, {"text": PARAGRAPHS[2]}], options, first_row=10))
    assert [(r.summary["row"], r.summary["article"]) for r in results] == [(10, "10"), (11, "11"), (12, "12")]
    assert [r.summary["error"] for r in results] == ["", "empty text", ""]
    assert {a["row"] for r in results for a in r.attributions} == {10, 12}
    from quotes.batch import InputRow, analyze_row

    row = InputRow(3, "x", GOOD)
    assert list(analyze_partition([row], options)) == [analyze_row(row)]


@pytest.mark.parametrize("error, by, shifted", [
    ("malformed CSV at line 3: unexpected end of data", 10, "malformed CSV at line 13: unexpected end of data"),
    ("row has 2 fields, the header has 3 (line 4)", 10, "row has 2 fields, the header has 3 (line 14)"),
    ("cannot read line 2: nested too deep to read", 5, "cannot read line 7: nested too deep to read"),
    ("malformed JSON at line 9 column 3: Expecting value", 1, "malformed JSON at line 10 column 3: Expecting value"),
    ("line 4 is a JSON list, not an object", 100, "line 104 is a JSON list, not an object"),
    ("no 'body' field on line 5", 2, "no 'body' field on line 7"),
    # negative: no line number of the file, or nothing to shift
    ("empty text", 10, "empty text"),
    ("text is a JSON int, not a string", 10, "text is a JSON int, not a string"),
    ("malformed CSV at line 3: unexpected end of data", 0, "malformed CSV at line 3: unexpected end of data"),
    (None, 10, None),
])
def test_shift_lines(error, by, shifted):
    assert shift_lines(error, by) == shifted


@pytest.mark.parametrize("total, threads, size", [
    (10 << 30, 8, 16 << 20),  # a large archive: capped, so a retry repeats little
    (256 << 20, 8, 8 << 20),  # four partitions per worker thread
    (5 << 20, 2, 1 << 20),  # small: not under 1 MB
    (0, 0, 1 << 20),
])
def test_partition_bytes(total, threads, size):
    assert partition_bytes(total, threads) == size


@pytest.mark.parametrize("value, parsed", [
    ("tcp://10.0.0.5:8786", ("tcp://10.0.0.5:8786", None)),
    ("10.0.0.5:8786", ("10.0.0.5:8786", None)),
    ("local:3", (None, 3)),
    ("local:0", "1 or more"),
    ("local:two", "1 or more"),
    ("scheduler", "scheduler address"),
])
def test_parse_address(value, parsed):
    if isinstance(parsed, tuple):
        assert parse_address(value) == parsed
    else:
        with pytest.raises(QuotesError, match=parsed):
            parse_address(value)


def test_local_without_a_count_has_a_worker_per_core():
    import os

    assert parse_address("local") == (None, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                      else os.cpu_count())


def test_inputs_expand_globs_in_sorted_order_and_once(tmp_path):
    for name in ("b.csv", "a.csv", "c.jsonl"):
        (tmp_path / name).write_text("id,body\n")
    assert expand_inputs([str(tmp_path / "c.jsonl"), str(tmp_path / "*.csv")]) == [
        str(tmp_path / n) for n in ("c.jsonl", "a.csv", "b.csv")]
    with pytest.raises(QuotesError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.tsv")])
    with pytest.raises(QuotesError, match="given twice"):
        expand_inputs([str(tmp_path / "a.csv"), str(tmp_path / "*.csv")])
    with pytest.raises(QuotesError, match="not stdin"):
        expand_inputs(["-"])


@pytest.mark.parametrize("part, parts, first_row, rows, names, line", [
    (1, 1, 1, 3, ("news.1.attributions.csv", "news.1.summary.csv"), "partition 4/9 done (in/news.csv, rows 1-3)"),
    (3, 12, 2001, 1000, ("news.03.attributions.csv", "news.03.summary.csv"),
     "partition 4/9 done (in/news.csv, rows 2001-3000)"),
    (2, 2, 5, 0, ("news.2.attributions.csv", "news.2.summary.csv"), "partition 4/9 done (in/news.csv, no rows)"),
])
def test_partition_names_and_progress_line(part, parts, first_row, rows, names, line):
    partition = Partition(path="in/news.csv", location="/x/in/news.csv", format="csv", delimiter=",", number=4,
                          total=9, part=part, parts=parts, first_row=first_row)
    assert partition.names() == names
    assert progress_line(PartitionResult(partition, (), BatchStats(rows, 0, 0, 0))) == line


def test_dask_without_the_extra_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    code = main(["batch", str(FIXTURES / "mixed.csv"), "--text-column", "body", "--dask", "local:1",
                 "--attributions", str(tmp_path / "a.csv"), "--summary", str(tmp_path / "s.csv")])
    assert code == 2
    said = capsys.readouterr().err
    assert said == f"quotes: {DASK_EXTRA}\n" == "quotes: --dask needs the dask extra: pip install 'quotes[dask]'\n"
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.parametrize("args, message", [
    ([str(FIXTURES / "mixed.csv"), str(FIXTURES / "mixed.jsonl")], "several files (or a glob) need --dask"),
    ([str(FIXTURES / "mixed.csv"), "--out-dir", "out"], "--out-dir is for --dask"),
])
def test_the_local_batch_refuses_what_only_dask_does(tmp_path, capsys, args, message):
    code = main(["batch", *args, "--text-column", "body", "--attributions", str(tmp_path / "a.csv"),
                 "--summary", str(tmp_path / "s.csv")])
    assert code == 2 and message in capsys.readouterr().err


def test_the_local_batch_needs_an_output(tmp_path, capsys):
    assert main(["batch", str(FIXTURES / "mixed.csv"), "--text-column", "body"]) == 2
    assert "nothing to write" in capsys.readouterr().err
