"""SQLite output for ``quotes batch --db``: the batch's results as tables, with the standard library.

Receives the ``RowResult``s a batch makes (``batch.jobs``: summary row, attribution rows and
speakers of one input row), in input order, and hands on one SQLite file:

- ``articles``: one row per input row: ``article_id`` (the key, 1, 2, ... in the order written),
  ``row`` and ``article`` (the input's position and id; an id may repeat), the ``--keep``
  columns, the summary CSV's counts and ``error`` (NULL when the row was analysed).
- ``attributions``: one row per attribution: ``attribution_id``, ``article_id`` (a foreign key
  to ``articles``) and the JSON Lines fields (``ATTRIBUTION_COLUMNS``).
- ``speakers``: one row per canonical speaker per article: ``article_id``, ``speaker_id`` and
  the speaker's name, type, named, role, affiliation, gender and number of attributions (a
  conduit, "according to Yonhap", is a speaker with none of its own).
- indexes on the article keys and on speaker names, and ``attributions_fts``, an FTS5 index of
  the quoted words (``text``), when this Python's SQLite has FTS5 (``fts5_available``, asked at
  run time); without it the table is left out and the rest is the same.

Whole articles only: an article's rows go in together (inside a savepoint, so a failure half way
through takes none of them) and are committed every ``every`` articles and at the end, so a run
killed at any moment leaves a file of whole articles. Column names come from the user's input
(``--keep``): every identifier is quoted and every value bound as a parameter.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import Callable, Iterator, Sequence

from .batch.jobs import JSON_LINES_FIELDS, SPEAKER_FIELDS, SUMMARY_FIELDS, RowResult, summary_fields
from .batch.read import printable
from .errors import InputError, QuotesError

# The fields ``quotes analyze --format jsonl`` writes, in its order (render.attribution_row).
ATTRIBUTION_COLUMNS = JSON_LINES_FIELDS
SPEAKER_COLUMNS = SPEAKER_FIELDS[1:]  # the article is the article_id
ARTICLE_KEY = "article_id"
# Committing is what costs (a sync to disk); every 100 articles is a fraction of a second of
# analysis to lose when a run is killed, and a few commits a second at most.
COMMIT_EVERY = 100
SQLITE_MAGIC = b"SQLite format 3\x00"
# Whole numbers: the summary's row and counts (one per kind and speaker type, whatever those
# are), and an attribution's index, offsets and speaker id.
INTEGER = frozenset({
    *(field for field in SUMMARY_FIELDS if field not in ("article", "error")),
    "index", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "speaker_id",
})
REAL = frozenset({"confidence"})


def quote(name: str) -> str:
    """An SQL identifier for any name: in double quotes, a double quote in it doubled."""
    if "\x00" in name:
        raise QuotesError(f"a column name cannot hold a NUL character: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def fts5_available(connection: sqlite3.Connection) -> bool:
    """Whether this SQLite was built with FTS5 (most are; some system builds are not)."""
    return any(option == "ENABLE_FTS5" for (option,) in connection.execute("PRAGMA compile_options"))


def _column_type(name: str, kept: frozenset[str]) -> str:
    if name in kept:
        return "TEXT"
    return "INTEGER" if name in INTEGER else "REAL" if name in REAL else "TEXT"


# External content: the words are stored once, in attributions; the index points at them.
FTS_TABLE = ("CREATE VIRTUAL TABLE attributions_fts USING fts5(text, content='attributions', "
             "content_rowid='attribution_id')")


def article_fields(keep: Sequence[str], files: bool = False) -> tuple[str, ...]:
    """The articles table's columns after its key: the summary CSV's, led by ``file`` when the
    batch read several files (``--dask``), so that file and row tell an input row apart."""
    return ("file", *summary_fields(keep)) if files else summary_fields(keep)


def schema(keep: Sequence[str], files: bool = False) -> list[str]:
    """The statements that make the tables and indexes (every identifier quoted); FTS_TABLE
    is apart."""
    kept = frozenset(printable(k) for k in keep)
    article_columns = ", ".join(f"{quote(c)} {_column_type(c, kept)}" for c in article_fields(keep, files))
    attribution_columns = ", ".join(f"{quote(c)} {_column_type(c, frozenset())}" for c in ATTRIBUTION_COLUMNS)
    speaker_columns = ", ".join(f"{quote(c)} {_column_type(c, frozenset())}" for c in SPEAKER_COLUMNS)
    key = f"{ARTICLE_KEY} INTEGER NOT NULL REFERENCES articles({ARTICLE_KEY})"
    return [
        f"CREATE TABLE articles ({ARTICLE_KEY} INTEGER PRIMARY KEY, {article_columns})",
        f"CREATE TABLE attributions (attribution_id INTEGER PRIMARY KEY, {key}, {attribution_columns})",
        f"CREATE TABLE speakers ({key}, {speaker_columns}, PRIMARY KEY ({ARTICLE_KEY}, speaker_id))",
        "CREATE INDEX articles_article ON articles(article)",
        f"CREATE INDEX attributions_{ARTICLE_KEY} ON attributions({ARTICLE_KEY})",
        "CREATE INDEX attributions_speaker ON attributions(speaker)",
        "CREATE INDEX speakers_name ON speakers(name)",
    ]


def _insert(table: str, columns: Sequence[str]) -> str:
    return (f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


class Store:
    """An open database the batch adds whole results to (``open_store`` makes one)."""

    def __init__(self, connection: sqlite3.Connection, path: str, keep: Sequence[str], *, fts: bool, every: int,
                 files: bool = False):
        self.connection = connection
        self.path = path
        self.fts = fts
        self.every = every
        self.articles = 0  # added and not rolled back: also the last article_id
        self.attributions = 0
        self._article_columns = (ARTICLE_KEY, *article_fields(keep, files))
        self._insert_article = _insert("articles", self._article_columns)
        self._insert_attribution = _insert("attributions", ("attribution_id", ARTICLE_KEY, *ATTRIBUTION_COLUMNS))
        self._insert_speaker = _insert("speakers", (ARTICLE_KEY, *SPEAKER_COLUMNS))

    def add(self, result: RowResult) -> None:
        """One input row's article, attributions and speakers, all or none; committed with the
        ``every``-th article."""
        article_id = self.articles + 1
        summary = {**result.summary, ARTICLE_KEY: article_id, "error": result.summary.get("error") or None}
        first = self.attributions + 1
        attributions = [(first + n, article_id, *(a.get(c) for c in ATTRIBUTION_COLUMNS))
                        for n, a in enumerate(result.attributions)]
        speakers = [(article_id, *(s.get(c) for c in SPEAKER_COLUMNS)) for s in result.speakers]
        db = self.connection
        try:
            if not db.in_transaction:
                db.execute("BEGIN")
            db.execute("SAVEPOINT article")
            try:
                db.execute(self._insert_article, [summary.get(c) for c in self._article_columns])
                db.executemany(self._insert_attribution, attributions)
                db.executemany(self._insert_speaker, speakers)
                if self.fts:
                    db.executemany("INSERT INTO attributions_fts (rowid, text) VALUES (?, ?)",
                                   [(row[0], a.get("text")) for row, a in zip(attributions, result.attributions)])
            except BaseException:
                db.execute("ROLLBACK TO article")
                raise
            finally:
                db.execute("RELEASE article")
        except sqlite3.Error as error:
            raise QuotesError(f"{self.path}: cannot write: {error}") from None
        self.articles = article_id
        self.attributions += len(attributions)
        if self.articles % self.every == 0:
            self.commit()

    def commit(self) -> None:
        try:
            if self.connection.in_transaction:
                self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise QuotesError(f"{self.path}: cannot write: {error}") from None


@contextlib.contextmanager
def open_store(path: str, *, keep: Sequence[str] = (), every: int = COMMIT_EVERY, fts: bool | None = None,
               say: Callable[[str], None] | None = None, files: bool = False) -> Iterator[Store]:
    """A new SQLite file at ``path`` for a batch with the ``keep`` columns, committed every
    ``every`` articles and when left, also by an exception or an interrupt: the articles added
    by then are whole. An existing SQLite file there is replaced, as ``--attributions`` replaces
    a CSV; a file that is not SQLite is left alone (an error). ``fts`` None: FTS5 when this
    SQLite has it (``say`` hears when it has not). ``files``: the results carry a ``file`` (the
    run read several files), kept in the articles table."""
    if every < 1:
        raise ValueError(f"commit every {every} articles?")
    statements = check(path, keep, files)
    _replace(path)
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise InputError(f"{path}: cannot write: {error}") from None
    try:
        with_fts = fts5_available(connection) if fts is None else fts
        if fts is None and not with_fts and say is not None:
            say(f"{path}: this SQLite has no FTS5, so no full-text table (attributions_fts)")
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:  # one transaction: a file has all the tables or none
            connection.execute("BEGIN")
            for statement in [*statements, FTS_TABLE] if with_fts else statements:
                connection.execute(statement)
        store = Store(connection, path, keep, fts=with_fts, every=every, files=files)
        try:
            yield store
        finally:
            store.commit()
    except sqlite3.Error as error:
        raise QuotesError(f"{path}: cannot write: {error}") from None
    finally:
        connection.close()


def check(path: str, keep: Sequence[str] = (), files: bool = False) -> list[str]:
    """The schema for ``keep``, once the names and the path are known good: called before any
    output is touched. Refuses a kept column named ``article_id`` or holding a NUL, and a path
    that cannot be replaced (``check_path``)."""
    clashes = [k for k in keep if printable(k).casefold() == ARTICLE_KEY]
    if clashes:
        raise QuotesError(f"--keep {clashes[0]!r}: the SQLite articles table has a column of that name; "
                          "rename it in the input")
    statements = schema(keep, files)
    check_path(path)
    return statements


def check_path(path: str) -> None:
    """Refuse a ``--db`` that cannot be replaced: standard output, a folder, or an existing
    file that is not SQLite (a CSV given by mistake)."""
    if path == "-":
        raise QuotesError("--db needs a file name; SQLite cannot be written to standard output")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a folder; --db needs a file name")
    try:
        with open(path, "rb") as existing:
            head = existing.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
    if head and head != SQLITE_MAGIC:
        raise InputError(f"{path}: exists and is not a SQLite database; quotes replaces only its own kind of file")


def _replace(path: str) -> None:
    """Remove an earlier SQLite file at ``path``, with its journal (a journal left by a killed
    run would otherwise be played back into the new file)."""
    for leftover in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(leftover)
