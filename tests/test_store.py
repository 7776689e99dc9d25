"""quotes batch --db: the same results as the CSVs, in SQLite; whole articles after any stop; the
README's queries; names and values from the input that try to inject SQL.

fixtures/batch/outlets.csv is invented (see tests/test_batch_keep.py).
"""
from __future__ import annotations

import csv
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import quotes
from quotes import batch, render, store
from quotes.cli import main
from quotes.errors import QuotesError

from .conftest import ROOT
from .test_batch import _children, _generated, _running

FIXTURES = ROOT / "fixtures" / "batch"
OUTLETS = FIXTURES / "outlets.csv"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def read_csv(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def query(db, sql: str, params=()) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def tables(db) -> set[str]:
    return {name for (name,) in query(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def cell(value, boolean: bool = False) -> str:
    """A database value as the raw CSV writes it (a boolean is stored as 1 or 0)."""
    if value is None:
        return ""
    return str(bool(value)) if boolean else str(value)


# ------------------------------------------------------------------ the same rows as the CSVs

@pytest.mark.parametrize("name, args", [
    ("outlets.csv", ["--text-column", "text", "--id-column", "id", "--keep", "outlet,date"]),
    ("mixed.csv", ["--text-column", "body", "--id-column", "id", "--keep", "headline"]),
    ("mixed.jsonl", ["--text-column", "body", "--id-column", "id"]),
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_database_holds_the_rows_of_the_csvs(tmp_path, name, args, jobs):
    a, s, db = tmp_path / "a.csv", tmp_path / "s.csv", tmp_path / "out.sqlite"
    assert main(["batch", str(FIXTURES / name), *args, "--jobs", jobs, "--quiet", "--raw-csv",
                 "--attributions", str(a), "--summary", str(s), "--db", str(db)]) == 0
    summary, attributions = read_csv(s), read_csv(a)
    keep = batch.parse_keep(args[args.index("--keep") + 1]) if "--keep" in args else ()
    fields = batch.summary_fields(keep)
    articles = query(db, f"SELECT article_id, {', '.join(store.quote(f) for f in fields)} FROM articles "
                         "ORDER BY article_id")
    assert [r[0] for r in articles] == list(range(1, len(summary) + 1))
    assert [{f: cell(v) for f, v in zip(fields, r[1:])} for r in articles] == summary
    columns = [f for f in batch.attribution_fields(keep) if f not in {"row", *keep}]
    stored = query(db, f"SELECT {', '.join('t.' + store.quote(c) for c in columns)}, a.row FROM attributions AS t "
                       "JOIN articles AS a USING (article_id) ORDER BY attribution_id")
    assert [[cell(v, c == "named") for c, v in zip([*columns, "row"], r)] for r in stored] == \
        [[row[c] for c in [*columns, "row"]] for row in attributions]
    # every article's speakers account for its attributions that have a speaker
    per_article = query(db, "SELECT a.article_id, a.attributions - a.unattributed, "
                            "(SELECT coalesce(sum(s.attributions), 0) FROM speakers AS s "
                            "WHERE s.article_id = a.article_id) FROM articles AS a")
    assert all(credited == spoken for _, credited, spoken in per_article)
    assert query(db, "PRAGMA foreign_key_check") == []


def test_the_attribution_columns_are_the_json_lines_fields():
    result = quotes.analyze('"We will win," Jane Roe said.')
    assert tuple(render.attribution_row("a", result.attributions[0])) == store.ATTRIBUTION_COLUMNS


def test_speakers_have_one_row_per_canonical_speaker_with_its_count(tmp_path):
    db = tmp_path / "out.sqlite"
    assert main(["batch", str(OUTLETS), "--text-column", "text", "--id-column", "id", "--db", str(db), "--quiet"]) == 0
    got = query(db, "SELECT s.name, s.type, s.named, s.gender, s.attributions FROM speakers AS s "
                    "JOIN articles AS a USING (article_id) WHERE a.article = 'h1' ORDER BY s.speaker_id")
    assert got == [("Maria Okafor", "person", 1, "female", 3), ("Officials", "group", 0, None, 1)]


# ------------------------------------------------------------------ outputs asked for

@pytest.mark.parametrize("outputs, message", [
    (["--db", "{tmp}/only.sqlite"], None),  # SQLite alone
    (["--summary", "{tmp}/s.csv"], None),  # one CSV alone
    (["--summary", "{tmp}/s.csv", "--db", "{tmp}/both.sqlite"], None),
    ([], "nothing to write: give --attributions and --summary (CSV), --db (SQLite), or both"),
    (["--db", "-"], "--db needs a file name; SQLite cannot be written to standard output"),
    (["--db", "{tmp}"], "is a folder; --db needs a file name"),
    (["--summary", "{tmp}/s.csv", "--db", "{tmp}/s.csv"], "--db and --summary must be different files"),
    (["--db", str(OUTLETS)], "--db and INPUT must be different files"),
    (["--db", "{tmp}/no/such/folder/x.sqlite"], "cannot write"),
])
def test_which_outputs(tmp_path, capsys, outputs, message):
    args = [a.format(tmp=tmp_path) for a in outputs]
    code = main(["batch", str(OUTLETS), "--text-column", "text", "--quiet", *args])
    err = capsys.readouterr().err
    if message is None:
        assert code == 0 and err == ""
        for path in args[1::2]:
            assert os.path.getsize(path) > 0
    else:
        assert code == 2 and len(err.splitlines()) == 1 and message in err, err


def test_a_rerun_replaces_an_earlier_database_and_its_journal(tmp_path):
    db = tmp_path / "out.sqlite"
    args = ["batch", str(OUTLETS), "--text-column", "text", "--db", str(db), "--quiet"]
    assert main(args) == 0
    first = query(db, "SELECT count(*) FROM articles")
    (tmp_path / "out.sqlite-journal").write_bytes(b"left by a killed run")
    assert main(args) == 0
    assert query(db, "SELECT count(*) FROM articles") == first == [(7,)]  # replaced, not appended to
    assert not (tmp_path / "out.sqlite-journal").exists()


@pytest.mark.parametrize("content", [b"id,text\n1,precious\n", b"x"])
def test_a_file_that_is_not_sqlite_is_not_replaced(tmp_path, capsys, content):
    db, summary = tmp_path / "out.sqlite", tmp_path / "s.csv"
    db.write_bytes(content)
    code = main(["batch", str(OUTLETS), "--text-column", "text", "--db", str(db), "--summary", str(summary)])
    assert code == 2 and "exists and is not a SQLite database" in capsys.readouterr().err
    assert db.read_bytes() == content and not summary.exists()  # nothing written, nothing lost


def test_an_empty_file_is_replaced(tmp_path):
    db = tmp_path / "out.sqlite"
    db.touch()
    assert main(["batch", str(OUTLETS), "--text-column", "text", "--db", str(db), "--quiet"]) == 0
    assert query(db, "SELECT count(*) FROM articles") == [(7,)]


# ------------------------------------------------------------------ names and values that try to inject SQL

EVIL_NAME = 'outlet"; DROP TABLE articles; --'
EVIL_VALUE = "Herald'); DROP TABLE attributions; --"
EVIL_TEXT = '"Robert\'); DROP TABLE speakers; --," Jane Roe said. "x"" OR 1=1," she added.'


def test_names_and_values_from_the_input_cannot_inject_sql(tmp_path):
    source, db = tmp_path / "in.csv", tmp_path / "out.sqlite"
    with source.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", EVIL_NAME, "[date]", "text"], ["a'1", EVIL_VALUE, "'; --", EVIL_TEXT]])
    assert main(["batch", str(source), "--text-column", "text", "--id-column", "id", "--keep", f"{EVIL_NAME},[date]",
                 "--db", str(db), "--quiet"]) == 0
    assert {"articles", "attributions", "speakers"} <= tables(db)
    names = [row[1] for row in query(db, "PRAGMA table_info(articles)")]
    assert names[:5] == ["article_id", "row", "article", EVIL_NAME, "[date]"]
    kept = query(db, f"SELECT article, {store.quote(EVIL_NAME)}, \"[date]\" FROM articles")
    assert kept == [("a'1", EVIL_VALUE, "'; --")]
    texts = [t for (t,) in query(db, "SELECT text FROM attributions ORDER BY attribution_id")]
    assert texts == [a.content.text for a in quotes.analyze(EVIL_TEXT).attributions]
    assert "DROP TABLE speakers" in texts[0]
    assert query(db, "SELECT name FROM speakers") == [("Jane Roe",)]


@pytest.mark.parametrize("name, quoted", [
    ("outlet", '"outlet"'),
    ('a"b', '"a""b"'),
    ('"', '""""'),
    ("x; DROP TABLE t", '"x; DROP TABLE t"'),
    ("index", '"index"'),  # a keyword is a name once quoted
    ("a\x00b", None),  # sqlite3 cannot take a NUL in a statement: an error, not a cut name
])
def test_quote(name, quoted):
    if quoted is None:
        with pytest.raises(QuotesError, match="NUL"):
            store.quote(name)
    else:
        assert store.quote(name) == quoted
        assert query(":memory:", f"SELECT 1 AS {quoted}") == [(1,)]


@pytest.mark.parametrize("keep, message", [
    (("article_id",), "the SQLite articles table has a column of that name"),
    (("Article_ID",), "the SQLite articles table has a column of that name"),
    (("outlet", "text"), "quotes writes a column of that name"),
])
def test_kept_names_the_database_cannot_take(tmp_path, keep, message):
    with pytest.raises(QuotesError, match=message):
        store.check(str(tmp_path / "out.sqlite"), keep)
    assert not (tmp_path / "out.sqlite").exists()


# ------------------------------------------------------------------ FTS5, with and without

def test_full_text_search_when_sqlite_has_fts5(tmp_path):
    with sqlite3.connect(":memory:") as probe:
        if not store.fts5_available(probe):
            pytest.skip("this SQLite has no FTS5")
    db = tmp_path / "out.sqlite"
    assert main(["batch", str(OUTLETS), "--text-column", "text", "--db", str(db), "--quiet"]) == 0
    assert "attributions_fts" in tables(db)
    found = query(db, "SELECT t.speaker FROM attributions_fts JOIN attributions AS t "
                      "ON t.attribution_id = attributions_fts.rowid WHERE attributions_fts MATCH ?", ("teachers",))
    assert found == [("Ana Ruiz",)]
    assert query(db, "SELECT count(*) FROM attributions_fts") == query(db, "SELECT count(*) FROM attributions")


def test_without_fts5_the_table_is_left_out_and_said(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(store, "fts5_available", lambda connection: False)
    db = tmp_path / "out.sqlite"
    assert main(["batch", str(OUTLETS), "--text-column", "text", "--delimiter", ",", "--db", str(db)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"quotes: {db}: this SQLite has no FTS5, so no full-text table (attributions_fts)"
    assert not any(name.startswith("attributions_fts") for name in tables(db))
    assert query(db, "SELECT count(*) FROM attributions WHERE text LIKE '%teachers%'") == [(1,)]


# ------------------------------------------------------------------ whole articles, committed in batches

def _result(n: int, text: str = "Yes") -> batch.RowResult:
    row = batch.InputRow(n, f"a{n}", f'"{text}," Jane Roe said.')
    return batch.analyze_row(row)


def test_rows_are_committed_every_n_articles_and_at_the_end(tmp_path):
    db = tmp_path / "out.sqlite"
    with store.open_store(str(db), every=3) as out:
        for n in range(1, 8):
            out.add(_result(n))
            # what another reader (or a run killed now) sees: whole batches of 3
            assert query(db, "SELECT count(*) FROM articles") == [(n - n % 3,)]
    assert query(db, "SELECT count(*) FROM articles") == [(7,)]


def test_an_article_that_fails_half_way_leaves_none_of_its_rows(tmp_path):
    db = tmp_path / "out.sqlite"
    good = _result(1)
    bad = batch.RowResult({**good.summary, "row": 2}, ({**good.attributions[0], "text": ["not", "a", "value"]},),
                          good.speakers)
    with store.open_store(str(db)) as out:
        out.add(good)
        with pytest.raises(QuotesError, match="cannot write"):
            out.add(bad)
        out.add(_result(3))
    assert query(db, "SELECT article_id, row FROM articles") == [(1, 1), (2, 3)]
    assert query(db, "SELECT article_id, count(*) FROM attributions GROUP BY article_id") == [(1, 1), (2, 1)]
    assert query(db, "SELECT article_id FROM speakers") == [(1,), (2,)]


def test_leaving_by_an_exception_keeps_the_articles_added(tmp_path):
    db = tmp_path / "out.sqlite"
    with pytest.raises(KeyboardInterrupt), store.open_store(str(db), every=100) as out:
        out.add(_result(1))
        out.add(_result(2))
        raise KeyboardInterrupt
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]


@pytest.fixture(scope="module")
def large_input(tmp_path_factory):
    source = tmp_path_factory.mktemp("large") / "in.csv"
    _generated(source, 20_000)
    return source


def _whole_articles(db) -> int:
    """The number of articles, after checking each has all its rows and they are numbered
    1..n in input order."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    articles = query(db, "SELECT article_id, row, attributions FROM articles ORDER BY article_id")
    assert [(a, r) for a, r, _ in articles] == [(n, n) for n in range(1, len(articles) + 1)]
    counts = dict(query(db, "SELECT article_id, count(*) FROM attributions GROUP BY article_id"))
    assert all(counts.get(a, 0) == n for a, _, n in articles)
    return len(articles)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs, sig, whom", [
    (1, signal.SIGINT, "process"),
    (2, signal.SIGINT, "group"),
    (2, signal.SIGTERM, "process"),
    (1, signal.SIGKILL, "process"),  # nothing can be deferred: the last commit stands
    (2, signal.SIGKILL, "process"),
], ids=lambda v: getattr(v, "name", str(v)))
def test_a_stopped_run_leaves_whole_articles(tmp_path, large_input, jobs, sig, whom):
    summary, db = tmp_path / "s.csv", tmp_path / "out.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "quotes", "batch", str(large_input), "--text-column", "body", "--id-column", "id",
         "--summary", str(summary), "--db", str(db), "--jobs", str(jobs), "--quiet"],
        stderr=subprocess.DEVNULL, cwd=ROOT, start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not summary.exists() or summary.stat().st_size < 30_000):
            time.sleep(0.05)
        workers = _children(process.pid)
        os.killpg(process.pid, sig) if whom == "group" else process.send_signal(sig)
        process.wait(timeout=60)
    finally:  # the test stops what it started, whatever happened
        for pid in [process.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
    written = read_csv(summary)
    n = _whole_articles(db)
    assert store.COMMIT_EVERY <= n < 20_000
    if sig == signal.SIGKILL:
        assert len(written) - store.COMMIT_EVERY <= n <= len(written)  # the rows since the last commit are lost
    else:
        assert n == len(written)  # the same whole rows as the CSV


# ------------------------------------------------------------------ the README's queries

def _section() -> str:
    at = README.index("### SQLite: `--db`")
    return README[at : README.index("\n### ", at + 1)]


def readme_queries() -> list[tuple[str, str]]:
    return re.findall(r"```sql\n(.*?)```\s*```text\n(.*?)```", _section(), re.DOTALL)


@pytest.fixture(scope="module")
def readme_db(tmp_path_factory):
    """The README's command, run from the repository, writing its database to a temporary folder."""
    command = shlex.split(re.search(r"```sh\n(.*?)```", _section(), re.DOTALL).group(1))
    assert command[:2] == ["quotes", "batch"] and "--keep" in command
    at = command.index("--db") + 1
    db = tmp_path_factory.mktemp("readme") / command[at]
    command[at] = str(db)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main([*command[1:], "--quiet"]) == 0
    finally:
        os.chdir(cwd)
    return db


def test_the_readme_has_three_queries():
    assert len(readme_queries()) == 3


@pytest.mark.parametrize("sql, shown", readme_queries(), ids=["top sources", "anonymous share", "find a quote"])
def test_the_readme_queries_print_what_it_shows(readme_db, sql, shown):
    with sqlite3.connect(readme_db) as connection:
        cursor = connection.execute(sql)
        lines = ["|".join(d[0] for d in cursor.description)]
        lines += ["|".join("" if v is None else str(v) for v in row) for row in cursor]
    assert "\n".join(lines) + "\n" == shown
