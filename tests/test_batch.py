"""quotes.batch: one summary row per input row, in order, whatever the row holds; streaming,
bounded memory, jobs, and whole rows after an interrupt.

fixtures/batch/mixed.csv and mixed.jsonl are invented: good rows, empty, blank, binary,
cp1252, short, multi-line and malformed rows, a duplicate id and a truncated last line.
"""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from quotes import batch
from quotes.cli import main
from quotes.errors import QuotesError
from quotes.render import CONTRACT_FIELDS

from .conftest import ROOT

FIXTURES = ROOT / "fixtures" / "batch"

# (id, a substring of the error or "" for none, has attributions)
MIXED_CSV = [
    ("a1", "", True),
    ("a2", "empty text", False),
    ("a1", "", True),  # a duplicate id is kept: rows are by position
    ("bin", "binary", False),
    ("cp1252", "", True),  # not UTF-8: read as cp1252, not lost
    ("ws", "empty text", False),
    ("short", "row has 2 fields, the header has 3", False),
    ("nl", "", True),  # newlines inside a quoted field
    ("", "unexpected end of data", False),  # the truncated last line
]
MIXED_JSONL = [
    ("j1", "", True),
    ("j2", "empty text", False),
    ("", "malformed JSON at line 3", False),
    ("", "is a JSON list, not an object", False),
    ("j5", "no 'body' field", False),
    ("j6", "null", False),
    ("j7", "binary", False),
    ("8", "", True),  # a number id is written as its digits; the blank line is no row
    ("j1", "", True),
    ("", "truncated last line", False),
]


def run(tmp_path, *args: str) -> tuple[int, list[dict], list[dict]]:
    attributions, summary = tmp_path / "attributions.csv", tmp_path / "summary.csv"
    code = main(["batch", *args, "--attributions", str(attributions), "--summary", str(summary)])
    if code:
        return code, [], []
    read = lambda p: list(csv.DictReader(p.open(encoding="utf-8", newline="")))  # noqa: E731
    return code, read(attributions), read(summary)


@pytest.mark.parametrize("name, expected", [("mixed.csv", MIXED_CSV), ("mixed.jsonl", MIXED_JSONL)])
def test_one_summary_row_per_input_row_in_order(tmp_path, capsys, name, expected):
    code, attributions, summary = run(tmp_path, str(FIXTURES / name), "--text-column", "body", "--id-column", "id")
    assert code == 0
    assert [int(r["row"]) for r in summary] == list(range(1, len(expected) + 1))
    for row, (row_id, error, found) in zip(summary, expected):
        assert row["article"] == row_id
        assert (error in row["error"]) if error else row["error"] == ""
        assert (int(row["attributions"]) > 0) == found, row
    # Every attribution belongs to a summary row without an error, and the counts agree.
    by_row = {r["row"]: r for r in summary}
    for a in attributions:
        assert by_row[a["row"]]["error"] == "" and by_row[a["row"]]["article"] == a["article"]
    assert len(attributions) == sum(int(r["attributions"]) for r in summary)


# Rows that once ended a whole run with a traceback, and rows close to them that are fine:
# (family, JSON Lines line, article written, a substring of the error or "" for none, attributions?)
GOOD = '"We will win," Jane Roe said.'
BAD_ROWS = [
    ("good before", json.dumps({"id": "ok1", "body": GOOD}), "ok1", "", True),
    ("deep nesting", '{"id": "deep", "body": ' + "[" * 100_000 + "]" * 100_000 + "}", "", "nested too deep", False),
    ("deep nesting, object", '{"id": "deep2", "x": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}", "", "nested too deep", False),
    ("shallow nesting elsewhere", json.dumps({"id": "nest", "x": [[[[1]]]], "body": GOOD}), "nest", "", True),
    ("huge integer", '{"id": "bigint", "body": "x", "n": ' + "9" * 5000 + "}", "", "a number too long to read", False),
    ("huge integer id", '{"id": ' + "7" * 5000 + ', "body": "x"}', "", "a number too long to read", False),
    ("long integer within the limit", '{"id": ' + "7" * 40 + ", \"body\": " + json.dumps(GOOD) + "}", "7" * 40, "", True),
    ("huge float text", '{"id": "bigfloat", "body": 1e999999}', "bigfloat", "text is a JSON float", False),
    ("huge float id", '{"id": 1e999999, "body": ' + json.dumps(GOOD) + "}", "inf", "", True),
    ("lone high surrogate text", '{"id": "s1", "body": "\\ud800 Jane said so."}', "s1", "lone surrogate", False),
    ("lone low surrogate text", '{"id": "s2", "body": "\\udc80 Jane said so."}', "s2", "lone surrogate", False),
    ("reversed surrogate pair text", '{"id": "s3", "body": "\\udc00\\ud800"}', "s3", "lone surrogate", False),
    ("surrogate pair text", '{"id": "s4", "body": "\\ud83d\\ude00 ' + GOOD.replace('"', '\\"') + '"}', "s4", "", True),
    ("lone surrogate id", '{"id": "\\ud800", "body": ' + json.dumps(GOOD) + "}", "\ufffd", "", True),
    ("row is an array", '["id", "body"]', "", "is a JSON list, not an object", False),
    ("row is a string", '"just text"', "", "is a JSON str, not an object", False),
    ("text is a number", '{"id": "num", "body": 5}', "num", "text is a JSON int", False),
    ("text is null", '{"id": "null", "body": null}', "null", "no text", False),
    ("text is a list", '{"id": "list", "body": ["a"]}', "list", "text is a JSON list", False),
    ("text is an object", '{"id": "obj", "body": {"a": 1}}', "obj", "text is a JSON dict", False),
    ("analyzer raises", json.dumps({"id": "boom", "body": "BOOM " + GOOD}), "boom", "analysis failed: RuntimeError: boom", False),
    ("good after", json.dumps({"id": "ok2", "body": GOOD}), "ok2", "", True),
]


@pytest.fixture(scope="module", params=[1, 2], ids=["jobs1", "jobs2"])
def bad_rows_run(request, tmp_path_factory):
    """One batch over every BAD_ROWS line, with an analyzer that raises on 'BOOM'; the pool
    forks after the patch, so workers raise too."""
    import quotes

    folder = tmp_path_factory.mktemp(f"bad{request.param}")
    source = folder / "bad.jsonl"
    source.write_text("".join(line + "\n" for _, line, *_ in BAD_ROWS), encoding="utf-8")
    real = quotes.analyze

    def analyze(text, **kwargs):
        if text.startswith("BOOM"):
            raise RuntimeError("boom")
        return real(text, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes, "analyze", analyze)
        code, attributions, summary = run(folder, str(source), "--text-column", "body", "--id-column", "id",
                                          "--jobs", str(request.param))
    return code, attributions, summary


@pytest.mark.parametrize("n", range(len(BAD_ROWS)), ids=[family for family, *_ in BAD_ROWS])
def test_a_row_never_stops_the_batch(bad_rows_run, n):
    code, attributions, summary = bad_rows_run
    assert code == 0 and len(summary) == len(BAD_ROWS)
    _, _, article, error, found = BAD_ROWS[n]
    row = summary[n]
    assert int(row["row"]) == n + 1 and row["article"] == article
    assert (error in row["error"]) if error else row["error"] == "", row["error"]
    assert (int(row["attributions"]) > 0) == found
    assert len([a for a in attributions if a["row"] == row["row"]]) == int(row["attributions"])


ARTICLE = ('Officials said the vote, held on Monday; was fair.\n"We will win," Jane Roe said. '
           'Rates rose 3%|4% and\tfell.')


def _csv_bytes(delimiter: str, header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("delimiter, header, column, expected", [
    # the usual exports, with articles that hold every candidate delimiter and span lines
    (",", ["id", "text"], "text", ","),
    (";", ["id", "text"], "text", ";"),  # once: "no column 'text'; the columns are: 'id;text'"
    ("\t", ["id", "headline", "text"], "text", "\t"),
    ("|", ["id", "text", "source"], "text", "|"),
    (";", ["text", "id"], "text", ";"),
    # a header whose names hold another candidate: the text column decides
    (";", ["id", "a,b", "text"], "text", ";"),
    (",", ["id", "a;b", "text"], "text", ","),
    # one column: no delimiter is needed, and a comma is the default
    (",", ["text"], "text", ","),
    (";", ["text"], "text", ","),
    # negative: no candidate gives the text column; the sniffer's guess stands, for the error
    (";", ["id", "body"], "text", ";"),
])
def test_sniff_delimiter(delimiter, header, column, expected):
    rows = [[f"r{i}" if h != column else ARTICLE for h in header] for i in range(3)]
    assert batch.sniff_delimiter(_csv_bytes(delimiter, header, rows)[: batch.read.SNIFF_BYTES], column) == expected


@pytest.mark.parametrize("value, delimiter", [
    (";", ";"), (",", ","), ("|", "|"), ("\t", "\t"), ("tab", "\t"), ("TAB", "\t"), ("\\t", "\t"),
    ("semicolon", ";"), (":", ":"),
    ("", None), (";;", None), ('"', None), ("\n", None), ("\r", None), ("tabs", None),
])
def test_parse_delimiter(value, delimiter):
    if delimiter is None:
        with pytest.raises(QuotesError, match="--delimiter must be one character"):
            batch.parse_delimiter(value)
    else:
        assert batch.parse_delimiter(value) == delimiter


@pytest.mark.parametrize("delimiter, args, said, code", [
    (";", [], "columns separated by semicolons (sniffed; --delimiter to choose)", 0),
    ("\t", [], "columns separated by tabs", 0),
    (",", [], "columns separated by commas", 0),
    (";", ["--delimiter", ";"], None, 0),  # chosen, so not said
    ("\t", ["--delimiter", "tab"], None, 0),
    # negative: the wrong delimiter chosen by hand names the columns it found, and how
    (";", ["--delimiter", ","], "no column 'text'; the columns are: 'id;text' (separated by commas)", 2),
])
def test_a_csv_with_any_delimiter_is_read(tmp_path, capsys, delimiter, args, said, code):
    source = tmp_path / "in.csv"
    source.write_bytes(_csv_bytes(delimiter, ["id", "text"], [["a", ARTICLE], ["b", "Officials said so."]]))
    got = run(tmp_path, str(source), "--text-column", "text", "--id-column", "id", *args)
    err = capsys.readouterr().err
    assert got[0] == code
    if code == 0:
        assert [(r["article"], r["error"]) for r in got[2]] == [("a", ""), ("b", "")]
        assert int(got[2][0]["attributions"]) >= 2
    assert (said in err) if said else "sniffed" not in err


def test_delimiter_is_for_csv_only(tmp_path, capsys):
    assert run(tmp_path, str(FIXTURES / "mixed.jsonl"), "--text-column", "body", "--delimiter", ";")[0] == 2
    assert "--delimiter is for CSV input" in capsys.readouterr().err


def test_attributions_csv_has_the_contract_fields_first(tmp_path):
    code, attributions, _ = run(tmp_path, str(FIXTURES / "mixed.csv"), "--text-column", "body", "--id-column", "id")
    assert tuple(attributions[0])[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS
    first = attributions[0]
    assert (first["article"], first["kind"], first["text"], first["speaker"]) == ("a1", "direct", "We will win the vote", "Jane Roe")


def test_summary_counts_add_up(tmp_path):
    _, _, summary = run(tmp_path, str(FIXTURES / "mixed.csv"), "--text-column", "body", "--id-column", "id")
    for row in summary:
        kinds = sum(int(row[k]) for k in ("direct", "partial", "indirect"))
        types = sum(int(row[t]) for t in ("person", "organization", "media", "group", "unknown"))
        who = sum(int(row[w]) for w in ("named", "anonymous", "unattributed"))
        assert kinds == types == who == int(row["attributions"])
        assert int(row["sources"]) == int(row["named_sources"]) + int(row["anonymous_sources"])
    assert list(summary[0]) == list(batch.SUMMARY_FIELDS)


@pytest.mark.parametrize("name, args, names", [
    ("mixed.csv", ["--text-column", "text"], "'id', 'headline', 'body'"),
    ("mixed.csv", ["--text-column", "body", "--id-column", "ID"], "'id', 'headline', 'body'"),
    ("mixed.jsonl", ["--text-column", "text"], "'id', 'body'"),
])
def test_a_missing_column_names_the_columns_and_exits_2(tmp_path, capsys, name, args, names):
    code, _, _ = run(tmp_path, str(FIXTURES / name), *args)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert names in err
    assert not (tmp_path / "summary.csv").exists()  # no output before the input is known good


@pytest.mark.parametrize("args, message", [
    (["missing.csv", "--text-column", "body"], "no such file"),
    ([str(FIXTURES), "--text-column", "body"], "is a folder"),
    ([str(FIXTURES / "mixed.csv"), "--text-column", "body", "--jobs", "0"], "--jobs"),
])
def test_input_errors_exit_2(tmp_path, capsys, args, message):
    assert run(tmp_path, *args)[0] == 2
    assert message in capsys.readouterr().err


def test_a_huge_field_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    body = '"It is big," Jane Roe said. ' + "Filler text goes on. " * 60_000  # ~1.3 MB, over csv's default limit
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "body"], ["big", body], ["small", "Officials said so."]])
    _, attributions, summary = run(tmp_path, str(path), "--text-column", "body", "--id-column", "id")
    assert [(r["article"], r["error"]) for r in summary] == [("big", ""), ("small", "")]
    assert int(summary[0]["chars"]) == len(body)


def test_stdin_is_read_as_jsonl_by_its_first_byte(tmp_path, monkeypatch):
    data = (FIXTURES / "mixed.jsonl").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    _, _, summary = run(tmp_path, "-", "--text-column", "body", "--id-column", "id")
    assert len(summary) == len(MIXED_JSONL)


def test_without_an_id_column_the_id_is_the_row_number(tmp_path):
    _, _, summary = run(tmp_path, str(FIXTURES / "mixed.csv"), "--text-column", "body")
    assert [r["article"] for r in summary] == [str(n) for n in range(1, len(MIXED_CSV) + 1)]


def _generated(path, n: int) -> None:
    texts = ['"We will win," Jane Roe said.', "", "Officials said the count was late.",
             "\x00\x00\x00\x00 binary", '"Fine," the mayor said, according to Reuters.']
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "body"])
        for i in range(n):
            w.writerow([f"r{i % 7}", texts[i % len(texts)] + f" Paragraph {i}."])


def test_jobs_give_the_same_rows_in_the_same_order(tmp_path):
    source = tmp_path / "in.csv"
    _generated(source, 120)
    outputs = []
    for jobs in ("1", "2"):
        folder = tmp_path / f"jobs{jobs}"
        folder.mkdir()
        assert run(folder, str(source), "--text-column", "body", "--id-column", "id", "--jobs", jobs)[0] == 0
        outputs.append(((folder / "summary.csv").read_text(), (folder / "attributions.csv").read_text()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("\n") == 121


class _Rows:
    """An input that counts how far it has been read."""

    def __init__(self, n: int):
        self.n, self.read = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.read += 1
            yield batch.InputRow(i + 1, str(i), f'"Row {i}," Jane Roe said.')


class _Watch(io.StringIO):
    """An output that records how far the input had been read at each flush."""

    def __init__(self, rows: _Rows):
        super().__init__()
        self.rows, self.seen = rows, []

    def flush(self):
        self.seen.append(self.rows.read)


@pytest.mark.parametrize("jobs, ahead", [(1, 1), (2, 4 * 2 * 8 + 8)])  # window of 4*jobs chunks of 8
def test_rows_are_written_as_they_are_done_not_read_ahead(jobs, ahead):
    rows = _Rows(300)
    summary = _Watch(rows)
    batch.run_batch(rows, io.StringIO(), summary, jobs=jobs, progress=False)
    # seen[0] is the header; row k is written once at most k + ahead rows were read.
    lags = [read - k for k, read in enumerate(summary.seen[1:], 1)]
    assert len(lags) == 300 and max(lags) <= ahead
    if jobs > 1:
        assert max(lags) > 1  # the pool really worked ahead


def test_an_interrupt_during_a_write_waits_for_the_whole_row():
    class Interrupting(io.StringIO):
        def write(self, s):
            signal.raise_signal(signal.SIGINT)  # Ctrl-C arrives in the middle of the row
            return super().write(s)

    out = Interrupting()
    with pytest.raises(KeyboardInterrupt):
        batch.RowWriter(out, ["a", "b"])
    assert out.getvalue() == "a,b\n"


@pytest.fixture(scope="module")
def large_input(tmp_path_factory):
    source = tmp_path_factory.mktemp("large") / "in.csv"
    _generated(source, 20_000)
    return source


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc), or [] where that cannot be read."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs, sig, whom, code", [
    (1, signal.SIGINT, "process", 130),
    (2, signal.SIGINT, "process", 130),
    (2, signal.SIGINT, "group", 130),  # Ctrl-C on a terminal reaches the workers too
    (1, signal.SIGTERM, "process", 143),  # kill PID
    (2, signal.SIGTERM, "process", 143),
    (2, signal.SIGTERM, "group", 143),  # a service manager stopping the whole group
    (2, signal.SIGKILL, "process", -signal.SIGKILL),  # nothing can be deferred: only quiet workers asked
], ids=lambda v: getattr(v, "name", str(v)))
def test_a_killed_or_interrupted_run_ends_quietly_with_whole_rows(tmp_path, large_input, jobs, sig, whom, code):
    summary, attributions, err = tmp_path / "s.csv", tmp_path / "a.csv", tmp_path / "err.txt"
    with err.open("wb") as err_out:
        process = subprocess.Popen(
            [sys.executable, "-m", "quotes", "batch", str(large_input), "--text-column", "body", "--id-column", "id",
             "--attributions", str(attributions), "--summary", str(summary), "--jobs", str(jobs)],
            stderr=err_out, cwd=ROOT, start_new_session=True,
        )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not summary.exists() or summary.stat().st_size < 20_000):
            time.sleep(0.05)
        workers = _children(process.pid)
        if whom == "group":
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
        assert process.wait(timeout=60) == code
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_running(w) for w in workers):
            time.sleep(0.1)
        assert not any(_running(w) for w in workers), "workers outlived the run"
    finally:  # the test stops what it started, whatever happened
        for pid in [process.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
    said = err.read_text(encoding="utf-8")
    assert "Traceback" not in said and "Error" not in said, said
    if sig == signal.SIGKILL:
        return  # a row being written when SIGKILL lands is cut: no process can prevent that
    assert said.splitlines()[-1] == ("quotes: interrupted" if sig == signal.SIGINT else "quotes: terminated")
    for path, fields in ((summary, batch.SUMMARY_FIELDS), (attributions, batch.ATTRIBUTION_FIELDS)):
        data = path.read_text(encoding="utf-8")
        assert data.endswith("\n")
        rows = list(csv.reader(io.StringIO(data)))
        assert rows[0] == list(fields) and all(len(r) == len(fields) for r in rows)
    done = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert 0 < len(done) < 20_000
    assert [int(r["row"]) for r in done] == list(range(1, len(done) + 1))
    # every attribution written belongs to a summary row written (attributions go first, so at
    # most the rows of one more input row may be there)
    written = {r["row"] for r in csv.DictReader(attributions.open(encoding="utf-8"))}
    assert {int(r) for r in written} <= set(range(1, len(done) + 2))


CLEAN = {"in.jsonl": "".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in enumerate([GOOD, "", GOOD])),
         "in.csv": 'id,body\n1,"""We will win,"" Jane Roe said."\n2,\n', "one.csv": 'id,body\n1,"""Yes,"" Jane Roe said."\n'}


@pytest.mark.parametrize("name, args, err", [
    # not a terminal: no progress bar, but the summary line always, so logs have it
    ("in.jsonl", [], "quotes: 3 rows, 2 attributions, 1 row with errors\n"),
    ("in.csv", [], "quotes: {path}: CSV with columns separated by commas (sniffed; --delimiter to choose)\n"
                   "quotes: 2 rows, 1 attribution, 1 row with errors\n"),
    ("one.csv", ["--delimiter", ","], "quotes: 1 row, 1 attribution, 0 rows with errors\n"),
    # --quiet: nothing at all on a clean run
    ("in.jsonl", ["--quiet"], ""),
    ("in.csv", ["--quiet"], ""),
])
def test_stderr_has_the_summary_line_unless_quiet(tmp_path, capsys, name, args, err):
    path = tmp_path / name
    path.write_text(CLEAN[name], encoding="utf-8")
    assert run(tmp_path, str(path), "--text-column", "body", *args)[0] == 0
    assert capsys.readouterr().err == err.format(path=path)


def test_quiet_still_warns_about_rows(tmp_path, capsys):
    run(tmp_path, str(FIXTURES / "mixed.csv"), "--text-column", "body", "--quiet")
    assert capsys.readouterr().err.splitlines() == [
        f"quotes: {FIXTURES / 'mixed.csv'} row 5: not valid UTF-8 at byte 0; read as cp1252 (use --encoding to choose)"]


@pytest.mark.parametrize("stdin, bar", [
    (False, ["100%", "B/s", "10 rows]"]),  # a file: bytes read of its size, with the time left
    (True, [" rows/s]", "10 rows ["]),  # a pipe has no size: rows counted
])
def test_progress_bar_counts_bytes_of_a_file(tmp_path, capsys, monkeypatch, stdin, bar):
    path = str(FIXTURES / "mixed.jsonl")
    if stdin:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((FIXTURES / "mixed.jsonl").read_bytes())))
    batch.batch_file("-" if stdin else path, text_column="body", attributions_path=os.devnull,
                     summary_path=str(tmp_path / "s.csv"), progress=True)
    err = capsys.readouterr().err
    assert all(b in err for b in bar), err
    size = os.path.getsize(path)
    assert (f"{size}/{size}" in err) is (not stdin)


@pytest.mark.parametrize("value, text, error", [
    ("Plain text.", "Plain text.", None),
    ("", None, "empty text"),
    ("  \n ", None, "empty text"),
    (None, None, "no text"),
    (42, None, "JSON int"),
    ("\x00" * 20, None, "binary"),
    ("caf\udce9", "café", None),  # a cp1252 byte that arrived as a surrogate escape
    ("\ud800", None, "lone surrogate"),
])
def test_text_of_a_field(value, text, error):
    got, why = batch.read._text(value, source="in", encoding=None, warn=None)
    assert got == text
    assert (error in why) if error else why is None


@pytest.mark.parametrize("path, head, fmt", [
    ("in.csv", b"{", "csv"), ("in.jsonl", b"id,body", "jsonl"), ("in.ndjson", b"", "jsonl"),
    ("-", b'  {"id": 1}', "jsonl"), ("-", b"id,body", "csv"), ("data", b"", "csv"),
])
def test_detect_format(path, head, fmt):
    assert batch.detect_format(path, head) == fmt


def test_rows_json_round_trip_the_article_id_for_non_string_ids(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "body": "Officials said so."}) for i in (7, 2.5, [1])) + "\n")
    _, _, summary = run(tmp_path, str(path), "--text-column", "body", "--id-column", "id")
    assert [r["article"] for r in summary] == ["7", "2.5", "[1]"]


def test_field_size_limit_is_raised():
    assert batch.raise_field_size_limit() >= 2**31 - 1
    assert csv.field_size_limit() >= 2**31 - 1


def test_attributions_and_summary_must_differ(tmp_path, capsys):
    same = str(tmp_path / "out.csv")
    assert main(["batch", str(FIXTURES / "mixed.csv"), "--text-column", "body",
                 "--attributions", same, "--summary", same]) == 2
    assert "different files" in capsys.readouterr().err
    assert not os.path.exists(same)
