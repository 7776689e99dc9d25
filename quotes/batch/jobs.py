"""Analysing batch rows, in this process or in worker processes (pool.py), always in input order.

Receives ``InputRow``s (read.py) and hands on one ``RowResult`` per row: the summary row, the
attribution rows and the speakers, as dicts the CSV writer (write.py) and SQLite (store.py) take
alike. The column lists, with the ``--keep`` columns in their place, come from here."""
from __future__ import annotations

import collections
import contextlib
import gc
from typing import Any, Iterable, Iterator, Sequence

import attrs

from ..errors import EngineUnavailable, QuotesError
from ..model import ArticleResult, Kind, SpeakerType
from ..render import CONTRACT_FIELDS, attribution_row
from .read import InputRow, printable

ATTRIBUTION_FIELDS = CONTRACT_FIELDS + ("row",)
# Every field of an attribution row (render.attribution_row, what --format jsonl writes): the
# CSV takes the contract's, SQLite all of them.
JSON_LINES_FIELDS = CONTRACT_FIELDS + ("cue_start", "cue_end", "speaker_id", "reason")
SUMMARY_FIELDS = (
    "row", "article", "chars", "attributions",
    *(k.value for k in Kind),
    *(t.value for t in SpeakerType),
    "named", "anonymous", "unattributed", "sources", "named_sources", "anonymous_sources",
    "error",
)
SPEAKER_FIELDS = ("article", "speaker_id", "name", "type", "named", "role", "affiliation", "gender", "attributions")


def check_keep(keep: Sequence[str]) -> None:
    """A kept column may not take the name of a column quotes writes, in any letter case (SQLite's
    names ignore case, and two columns ``Text`` and ``text`` would puzzle a reader anyway)."""
    ours = {field.casefold() for field in (*ATTRIBUTION_FIELDS, *JSON_LINES_FIELDS, *SUMMARY_FIELDS)}
    clashes = [column for column in keep if column.casefold() in ours]
    if clashes:
        raise QuotesError(f"--keep {clashes[0]!r}: quotes writes a column of that name; rename it in the input")
    if len({column.casefold() for column in keep}) != len(keep):
        raise QuotesError(f"--keep {', '.join(repr(c) for c in keep)}: two names differ only in letter case")


def attribution_fields(keep: Sequence[str] = ()) -> tuple[str, ...]:
    """The attributions CSV's columns: the kept input columns right after ``article``."""
    check_keep(keep)
    return (ATTRIBUTION_FIELDS[0], *(printable(k) for k in keep), *ATTRIBUTION_FIELDS[1:])


def summary_fields(keep: Sequence[str] = ()) -> tuple[str, ...]:
    """The summary CSV's columns: ``row, article``, the kept input columns, then the counts."""
    check_keep(keep)
    return (*SUMMARY_FIELDS[:2], *(printable(k) for k in keep), *SUMMARY_FIELDS[2:])


@attrs.frozen
class RowResult:
    """What one input row gives: its summary row, its attribution rows (the JSON Lines fields,
    with ``row`` and the kept columns) and its speakers (``SPEAKER_FIELDS``, for SQLite)."""

    summary: dict[str, Any]
    attributions: tuple[dict[str, Any], ...]
    speakers: tuple[dict[str, Any], ...] = ()


def _kept(row: InputRow, keep: Sequence[str]) -> dict[str, Any]:
    if len(keep) != len(row.kept):
        # A caller's mistake, not a bad row: the names and the values must come from one --keep.
        raise ValueError(f"{len(keep)} kept column names for {len(row.kept)} kept values (row {row.row})")
    return dict(zip((printable(k) for k in keep), row.kept))


def summary_row(row: InputRow, result: ArticleResult | None, error: str | None = None,
                keep: Sequence[str] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"row": row.row, "article": row.id, **_kept(row, keep)}
    out.update(dict.fromkeys(SUMMARY_FIELDS[2:], 0))
    out.update(chars=len(row.text) if row.text else 0, error=error or "")
    if result is not None:
        s = result.summary
        out.update(dict(s.by_kind))
        out.update(dict(s.by_type))
        named_sources = {a.speaker.id for a in result.attributions if a.speaker and a.speaker.named}
        anonymous_sources = {a.speaker.id for a in result.attributions if a.speaker and not a.speaker.named}
        out.update(attributions=s.attributions, named=s.named, anonymous=s.anonymous, unattributed=s.unattributed,
                   sources=s.sources, named_sources=len(named_sources), anonymous_sources=len(anonymous_sources))
    return out


def speaker_rows(article: str, result: ArticleResult) -> tuple[dict[str, Any], ...]:
    """One row per canonical speaker of the article, with how many attributions it has: a
    conduit ("according to Yonhap") is one of the article's speakers and may have none."""
    counts = collections.Counter(a.speaker.id for a in result.attributions if a.speaker)
    return tuple({"article": article, "speaker_id": s.id, "name": s.name, "type": s.type.value, "named": s.named,
                  "role": s.role, "affiliation": s.affiliation, "gender": s.gender.value if s.gender else None,
                  "attributions": counts[s.id]} for s in result.speakers)


def analyze_row(row: InputRow, *, engine: str = "rules", model_dir: str | None = None,
                keep: Sequence[str] = ()) -> RowResult:
    """One input row to its summary row and attribution rows; never raises for a bad row.
    ``keep`` names the row's ``kept`` values (the ``--keep`` columns, in the same order)."""
    kept = _kept(row, keep)
    if row.error is not None or row.text is None:
        return RowResult(summary_row(row, None, row.error or "no text", keep), ())
    from .. import analyze

    try:
        result = analyze(row.text, engine=engine, name=row.id, model_dir=model_dir)
        rows = tuple({**attribution_row(row.id, a), **kept, "row": row.row} for a in result.attributions)
        speakers = speaker_rows(row.id, result)
    except EngineUnavailable:
        raise  # an engine that cannot run is the run's problem, not this row's
    except Exception as error:  # noqa: BLE001 - one article must not sink a batch of thousands
        why = printable(f"analysis failed: {type(error).__name__}: {error}")
        return RowResult(summary_row(row, None, why, keep), ())
    return RowResult(summary_row(row, result, keep=keep), rows, speakers)


def _analyze_chunk(chunk: list[InputRow], engine: str, model_dir: str | None, keep: tuple[str, ...]) -> list[RowResult]:
    return [analyze_row(r, engine=engine, model_dir=model_dir, keep=keep) for r in chunk]


# An analysis makes tens of thousands of short-lived tuples that reference counting frees; at
# the default gen-0 threshold (700) the cycle collector runs every few sentences and finds
# nothing. A higher one made the batch about a quarter faster on PolNeAR, with the same peak
# memory (benchmarks/batch_throughput.py).
BATCH_GC_THRESHOLDS = (50_000, 50, 100)


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """The batch's gc thresholds (``BATCH_GC_THRESHOLDS``) while a run analyses rows in this
    process: the local batch (write.py) and a Dask partition (partition.py)."""
    previous = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _chunks(rows: Iterable[InputRow], size: int) -> Iterator[list[InputRow]]:
    chunk: list[InputRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_rows(
    rows: Iterable[InputRow],
    *,
    jobs: int = 1,
    engine: str = "rules",
    model_dir: str | None = None,
    chunksize: int = 8,
    in_flight: int | None = None,
    keep: Sequence[str] = (),
) -> Iterator[RowResult]:
    """Results in input order. With ``jobs`` > 1 the rows go to worker processes in chunks, at
    most ``in_flight`` chunks (default 4 per job) at a time, so the input is not read ahead."""
    if jobs <= 1:
        for row in rows:
            yield analyze_row(row, engine=engine, model_dir=model_dir, keep=keep)
        return
    from .pool import Workers

    with Workers(jobs, _analyze_chunk, (engine, model_dir, tuple(keep)), initializer=_set_batch_gc) as workers:
        for results in workers.ordered(_chunks(rows, chunksize), in_flight or 4 * jobs):
            yield from results


def _set_batch_gc() -> None:
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
