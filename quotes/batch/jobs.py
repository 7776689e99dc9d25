"""Analysing batch rows, in this process or in worker processes (pool.py), always in input order."""
from __future__ import annotations

import contextlib
import gc
from typing import Any, Iterable, Iterator

import attrs

from ..errors import EngineUnavailable
from ..model import ArticleResult, Kind, SpeakerType
from ..render import CONTRACT_FIELDS, attribution_row
from .read import InputRow, printable

ATTRIBUTION_FIELDS = CONTRACT_FIELDS + ("row",)
SUMMARY_FIELDS = (
    "row", "article", "chars", "attributions",
    *(k.value for k in Kind),
    *(t.value for t in SpeakerType),
    "named", "anonymous", "unattributed", "sources", "named_sources", "anonymous_sources",
    "error",
)


@attrs.frozen
class RowResult:
    summary: dict[str, Any]
    attributions: tuple[dict[str, Any], ...]


def summary_row(row: InputRow, result: ArticleResult | None, error: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(SUMMARY_FIELDS, 0)
    out.update(row=row.row, article=row.id, chars=len(row.text) if row.text else 0, error=error or "")
    if result is not None:
        s = result.summary
        out.update(dict(s.by_kind))
        out.update(dict(s.by_type))
        named_sources = {a.speaker.id for a in result.attributions if a.speaker and a.speaker.named}
        anonymous_sources = {a.speaker.id for a in result.attributions if a.speaker and not a.speaker.named}
        out.update(attributions=s.attributions, named=s.named, anonymous=s.anonymous, unattributed=s.unattributed,
                   sources=s.sources, named_sources=len(named_sources), anonymous_sources=len(anonymous_sources))
    return out


def analyze_row(row: InputRow, *, engine: str = "rules", model_dir: str | None = None) -> RowResult:
    """One input row to its summary row and attribution rows; never raises for a bad row."""
    if row.error is not None or row.text is None:
        return RowResult(summary_row(row, None, row.error or "no text"), ())
    from .. import analyze

    try:
        result = analyze(row.text, engine=engine, name=row.id, model_dir=model_dir)
        rows = tuple({**attribution_row(row.id, a), "row": row.row} for a in result.attributions)
    except EngineUnavailable:
        raise  # an engine that cannot run is the run's problem, not this row's
    except Exception as error:  # noqa: BLE001 - one article must not sink a batch of thousands
        return RowResult(summary_row(row, None, printable(f"analysis failed: {type(error).__name__}: {error}")), ())
    return RowResult(summary_row(row, result), rows)


def _analyze_chunk(chunk: list[InputRow], engine: str, model_dir: str | None) -> list[RowResult]:
    return [analyze_row(r, engine=engine, model_dir=model_dir) for r in chunk]


# An analysis makes tens of thousands of short-lived tuples that reference counting frees; at
# the default gen-0 threshold (700) the cycle collector runs every few sentences and finds
# nothing. A higher one made the batch about a quarter faster on PolNeAR, with the same peak
# memory (benchmarks/batch_throughput.py).
BATCH_GC_THRESHOLDS = (50_000, 50, 100)


@contextlib.contextmanager
def _batch_gc() -> Iterator[None]:
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
) -> Iterator[RowResult]:
    """Results in input order. With ``jobs`` > 1 the rows go to worker processes in chunks, at
    most ``in_flight`` chunks (default 4 per job) at a time, so the input is not read ahead."""
    if jobs <= 1:
        for row in rows:
            yield analyze_row(row, engine=engine, model_dir=model_dir)
        return
    from .pool import Workers

    with Workers(jobs, _analyze_chunk, (engine, model_dir), initializer=_set_batch_gc) as workers:
        for results in workers.ordered(_chunks(rows, chunksize), in_flight or 4 * jobs):
            yield from results


def _set_batch_gc() -> None:
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
