"""Sourcing audits of a corpus: the CSVs ``quotes batch`` writes in, counts and shares per group
of the corpus's own columns (an outlet, a desk) and per period out, as tables, CSV, JSON or a
self-contained HTML page.

By stage: ``periods`` (dates to months, weeks, years), ``read`` (the CSVs, streamed, one article
at a time), ``measure`` (the counts, per group and period), ``render`` (table, CSV, JSON) and
``page`` (the HTML page and its SVG charts).
"""
from __future__ import annotations

import time

import attrs

from .measure import ALL_PERIODS, GENDERS, TOTAL, Audit, Cell, Source, measure
from .periods import PERIODS, UNKNOWN_PERIOD, parse_date, period_of
from .read import NO_VALUE, AuditError, Plan, read_articles
from .render import by_column_clash

__all__ = [
    "ALL_PERIODS", "GENDERS", "NO_VALUE", "PERIODS", "TOTAL", "UNKNOWN_PERIOD", "Audit", "AuditError", "Cell",
    "Plan", "Source", "audit_file", "measure", "parse_date", "period_of", "read_articles",
]


def audit_file(attributions_path: str, *, by: tuple[str, ...] | list[str], summary_path: str | None = None,
               period: str | None = None, date_column: str | None = None, top: int = 5) -> Audit:
    """The audit of one batch's CSVs, read once, streamed; ``seconds`` is the time it took."""
    by = tuple(dict.fromkeys(by))
    if not by:
        raise AuditError("name at least one column to group by (--by COL)")
    clash = by_column_clash(by)
    if clash:
        raise AuditError(f"--by {clash!r}: the audit's CSV has a column of that name; rename the column")
    if period is not None and period not in PERIODS:
        raise AuditError(f"--period is one of {', '.join(PERIODS)}, not {period!r}")
    if period is not None and not date_column:
        raise AuditError("--period needs --date-column COL, the column with each article's date")
    if date_column and period is None:
        raise AuditError("--date-column needs --period month, week or year")
    if top < 0:
        raise AuditError(f"--top must be 0 or more, not {top}")
    plan = Plan(by, date_column, period)
    started = time.perf_counter()
    result = measure(read_articles(attributions_path, plan, summary_path=summary_path), plan,
                     summary=summary_path is not None, top=top)
    return attrs.evolve(result, seconds=time.perf_counter() - started)
