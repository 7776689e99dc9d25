"""Dates to periods: a cell of a date column in, a period label (``2026-11``, ``2026-W48``,
``2026``) or ``unknown`` out.

Read: ISO dates with or without a time (``2026-11-29``, ``2026-11-29T10:00:00Z``,
``2026/11/29 10:00``), day-month-year and month-day-year with the month in words
(``29 November 2026``, ``29 Nov 2026``, ``November 29, 2026``), each optionally after a
weekday (RSS's ``Sun, 29 Nov 2026 10:00:00 +0000``). Not read, on purpose: all-number dates
other than year first (``03/04/2026`` is March in New York and April in London), two-digit
years, and anything else; those go to the ``unknown`` period, which is always shown.

The date is taken as written: ``2026-11-30T23:30:00-05:00`` is 30 November, the day the
outlet's own readers saw, not 1 December in UTC.
"""
from __future__ import annotations

import datetime as dt
import re

PERIODS = ("month", "week", "year")
UNKNOWN_PERIOD = "unknown"

MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}

_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s_])")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def parse_date(value: str) -> dt.date | None:
    """The date a cell names, or None when it names none this module reads (see above)."""
    text = value.strip().lower()
    found = _YEAR_FIRST.match(text)
    if found:
        return _date(int(found[1]), int(found[2]), int(found[3]))
    text = _WEEKDAY.sub("", text)
    found = _DAY_MONTH_YEAR.match(text)
    if found and found[2] in MONTHS:
        return _date(int(found[3]), MONTHS[found[2]], int(found[1]))
    found = _MONTH_DAY_YEAR.match(text)
    if found and found[1] in MONTHS:
        return _date(int(found[3]), MONTHS[found[1]], int(found[2]))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 2026-02-30: a date-shaped cell that is no date
        return None


def period_of(value: str, period: str) -> str:
    """The period label of a date cell: ``2026-11`` (month), ``2026-W48`` (ISO week, so a week
    that straddles New Year belongs to one year), ``2026`` (year); ``unknown`` when the cell is
    empty or not a date. The labels sort in time order as strings."""
    date = parse_date(value)
    if date is None:
        return UNKNOWN_PERIOD
    if period == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{date.year:04d}"
