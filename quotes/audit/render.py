"""An ``Audit`` as a table, CSV or JSON, from the same breakdowns (``page`` draws them too).

``breakdowns`` is the one place that says what each share is of: kinds of attributions,
named/anonymous and types of sources, genders of person sources. CSV is long (one row per
cell and measure: ``table``, ``name``, ``count``, ``of``, ``share``), so a spreadsheet pivots
it however it likes; JSON nests the same numbers by cell.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

import attrs

from ..render import to_csv
from ..tables import DEFAULT_WIDTH, Column, format_table, wrap_lines
from .measure import ALL_PERIODS, GENDERS, Audit, Cell
from .periods import UNKNOWN_PERIOD
from .read import KINDS, NO_VALUE, TYPES

ROW_FIELDS = ("period", "table", "name", "type", "named", "count", "articles", "of", "share")


@attrs.frozen
class Breakdown:
    """One stacked bar: what is counted (``table``), over what (``of``, ``whole`` of it), and the parts."""

    table: str
    title: str
    of: str
    whole: int
    parts: tuple[tuple[str, int], ...]


def breakdowns(cell: Cell) -> tuple[Breakdown, ...]:
    return (
        Breakdown("named", "sources", "sources", cell.sources,
                  (("named", cell.named_sources), ("anonymous", cell.anonymous_sources))),
        Breakdown("kind", "attributions by kind", "attributions", cell.attributions, tuple(zip(KINDS, cell.kinds))),
        Breakdown("type", "sources by type", "sources", cell.sources, tuple(zip(TYPES, cell.types))),
        Breakdown("gender", "person sources by gender", "person sources", cell.person_sources,
                  tuple(zip(GENDERS, cell.genders))),
    )


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def group_label(audit: Audit, cell: Cell) -> str:
    """'outlet: Harbour Post', 'outlet: Harbour Post, desk: (none)'; 'all groups' for the total."""
    if cell.is_total:
        return "all groups"
    return ", ".join(f"{column}: {value}" for column, value in zip(audit.plan.by, cell.group))


def period_label(audit: Audit, cell: Cell) -> str:
    """'month 2026-11', 'all months', 'month unknown'; '' without --period."""
    if cell.period is None:
        return ""
    if cell.period == ALL_PERIODS:
        return f"all {audit.plan.period}s"
    return f"{audit.plan.period} {cell.period}"


def title(audit: Audit, cell: Cell) -> str:
    return " · ".join(p for p in (group_label(audit, cell), period_label(audit, cell)) if p)


def notes(audit: Audit) -> list[str]:
    """What a reader must know to trust the numbers: how articles were counted, and the
    articles in the unknown period or the (none) group, never dropped."""
    out = [("articles: every row of the summary CSV; one whose row has an error is counted as an error, not an article"
            if audit.summary else "articles: those with at least one attribution (give --summary to count every article)")]
    if audit.unknown_periods:
        out.append(f"{_n(audit.unknown_periods, 'article')} with an empty or unreadable {audit.plan.date_column!r} "
                   f"{'are' if audit.unknown_periods != 1 else 'is'} in the period {UNKNOWN_PERIOD!r}")
    if audit.empty_groups:
        out.append(f"{_n(audit.empty_groups, 'article')} with an empty {' or '.join(map(repr, audit.plan.by))} "
                   f"{'are' if audit.empty_groups != 1 else 'is'} in the group {NO_VALUE!r}")
    return out


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


# ------------------------------------------------------------------ rows (CSV)

def audit_rows(audit: Audit) -> list[dict[str, Any]]:
    """One row per cell and measure, and one per most-quoted source."""
    fields = row_fields(audit)
    rows: list[dict[str, Any]] = []
    for cell in audit.cells:
        base = dict.fromkeys(fields)
        base.update(zip(audit.plan.by, cell.group))
        base["period"] = cell.period
        rows.extend({**base, **values} for values in _measures(cell))
    return rows


def _measures(cell: Cell) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"table": "total", "name": name, "count": getattr(cell, name)}
                                 for name in ("articles", "errors", "attributions", "sources", "speakers")]
    out.append({"table": "total", "name": "unattributed", "count": cell.unattributed, "of": "attributions",
                "share": share(cell.unattributed, cell.attributions)})
    for b in breakdowns(cell):
        out.extend({"table": b.table, "name": name, "count": count, "of": b.of, "share": share(count, b.whole)}
                   for name, count in b.parts)
    out.extend({"table": "source", "name": s.name, "type": s.type, "named": s.named, "count": s.attributions,
                "articles": s.articles, "of": "attributions", "share": share(s.attributions, cell.attributions)}
               for s in cell.top)
    return out


def row_fields(audit: Audit) -> tuple[str, ...]:
    fields = ROW_FIELDS if audit.plan.period else ROW_FIELDS[1:]
    return audit.plan.by + fields


def to_audit_csv(audit: Audit, *, raw: bool = False) -> str:
    return to_csv(audit_rows(audit), row_fields(audit), raw=raw)


# ------------------------------------------------------------------ JSON

def cell_dict(audit: Audit, cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {
        "group": None if cell.is_total else dict(zip(audit.plan.by, cell.group)),
        "period": cell.period,
        "articles": cell.articles, "errors": cell.errors, "attributions": cell.attributions,
        "unattributed": cell.unattributed, "sources": cell.sources, "speakers": cell.speakers,
    }
    for b in breakdowns(cell):
        out[b.table] = {"of": b.of, "whole": b.whole, "counts": dict(b.parts),
                        "shares": {name: share(count, b.whole) for name, count in b.parts}}
    out["most_quoted"] = [attrs.asdict(s) for s in cell.top]
    return out


def to_json(audit: Audit) -> str:
    data = {
        "by": list(audit.plan.by), "period": audit.plan.period, "date_column": audit.plan.date_column,
        "notes": notes(audit),
        "cells": [cell_dict(audit, c) for c in audit.cells],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------ text

TOP_COLUMNS = (
    Column("most quoted", weight=3, minimum=12), Column("type"), Column("named"),
    Column("attributions", numeric=True), Column("articles", numeric=True),
)


def _line(b: Breakdown) -> str:
    parts = ", ".join(f"{name} {count} ({pct(count, b.whole)})" for name, count in b.parts)
    return f"{b.title} ({b.whole}): {parts}"


def cell_summary(cell: Cell) -> str:
    """'12 articles (and 1 with an error), 40 attributions (3 unattributed), 25 sources, 20
    distinct speakers': a cell's first line, in the table and on the page."""
    errors = f" (and {cell.errors} with an error)" if cell.errors else ""
    return (f"{_n(cell.articles, 'article')}{errors}, {_n(cell.attributions, 'attribution')} "
            f"({cell.unattributed} unattributed), {_n(cell.sources, 'source')}, {_n(cell.speakers, 'distinct speaker')}")


def cell_table(audit: Audit, cell: Cell, width: int = DEFAULT_WIDTH) -> str:
    lines = [cell_summary(cell), *(_line(b) for b in breakdowns(cell))]
    out = [f"== {title(audit, cell)} ==", wrap_lines(lines, width)]
    if cell.top:
        rows = [[s.name, s.type, "yes" if s.named else "no", s.attributions, s.articles] for s in cell.top]
        out += ["", format_table(TOP_COLUMNS, rows, width)]
    return "\n".join(out) + "\n"


def to_table(audit: Audit, width: int = DEFAULT_WIDTH) -> str:
    blocks = [cell_table(audit, c, width) for c in audit.cells] or ["no articles\n"]
    return "\n".join(blocks) + "\n" + wrap_lines([f"note: {n}" for n in notes(audit)], width) + "\n"


def summary_line(audit: Audit) -> str:
    """'audited 100000 attributions in 812 articles in 1.9 s' (stderr, after the output)."""
    total = audit.total
    attributions = total.attributions if total else 0
    articles = total.articles if total else 0
    return f"audited {_n(attributions, 'attribution')} in {_n(articles, 'article')} in {audit.seconds:.1f} s"


def by_column_clash(by: Sequence[str]) -> str | None:
    """A --by column named like one of the CSV's own columns would be overwritten by it."""
    return next((c for c in by if c in ROW_FIELDS), None)
