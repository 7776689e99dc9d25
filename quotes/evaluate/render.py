"""Showing reports: tables, JSON, and listings of what went wrong.

Receives any report (:class:`BratReport`, :class:`GoldReport`, :class:`GoldSetReport`); hands on
the text ``quotes evaluate`` prints (:func:`format_report`: tables by default, or JSON), the rows
of a brat report's misses and false positives (also as tab-separated lines for ``cut``, ``sort``
and ``grep``), the rows of a gold report's slips, and a count of brat misses by cue word. The
reports build their own summary rows, per-article rows and JSON (``summary_rows``, ``rows``,
``to_dict``); this module lays them out.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Sequence, TextIO

import attrs
from tabulate import tabulate

from .brat import cue_word
from .common import snippet
from .gold_set import GoldSetReport, Slip, slips
from .layout import Report
from .score_brat import BratReport
from .score_gold import GoldReport

ERROR_HEADERS = ("what", "article", "subsets", "offset", "cue", "source", "content")


def error_rows(report: BratReport, *, subset: str = "all") -> list[list[Any]]:
    """Misses then false positives as rows: what, article, subsets/kind, offset, cue, who, words."""
    rows: list[list[Any]] = [
        ["miss", m.article, ",".join(m.subsets) or "-", m.start, m.cue or "", m.source or "", m.content]
        for m in report.misses(subset)
    ]
    rows += [
        ["extra", f.article, f.kind, f.start, f.cue or "", f.speaker or "", f.content]
        for f in report.false_positives()
    ]
    widths = (None, None, None, None, 30, 40, 160)
    return [[snippet(v, w) if w else v for v, w in zip(row, widths)] for row in rows]


def dump_errors(report: BratReport, stream: TextIO, *, subset: str = "all") -> int:
    """Write :func:`error_rows` to ``stream`` as tab-separated lines with a header; returns the count.

    Tabs and newlines inside fields are flattened, so ``cut``/``sort``/``grep`` work on the output.
    """
    stream.write("\t".join(ERROR_HEADERS) + "\n")
    rows = error_rows(report, subset=subset)
    for row in rows:
        stream.write("\t".join(" ".join(str(f).split()) for f in row) + "\n")
    return len(rows)


def kinds_of_misses(report: BratReport, *, subset: str = "all") -> Counter[str]:
    """Misses counted by the first word of their cue: a quick look at which cues detection lacks."""
    return Counter(cue_word(m.cue or "") or "-" for m in report.misses(subset))


SLIP_HEADERS = ("what", "article", "offset", "kind", "words", "gold speaker", "system speaker", "mention", "sentence")


def slip_rows(found: Sequence[Slip]) -> list[list[Any]]:
    """One row per slip, in :data:`SLIP_HEADERS` order, long words shortened for a table."""
    return [
        [s.what, s.article, s.offset, s.kind, snippet(s.words, 60), snippet(s.gold_speaker or "", 40),
         snippet(s.system_speaker or "", 40), snippet(s.mention or "", 40), s.sentence]
        for s in found
    ]  # fmt: skip


def _report_dict(report: Report, misses: bool) -> dict[str, Any]:
    if isinstance(report, GoldReport):
        out = report.to_dict()
        if misses:
            out["slips"] = [attrs.asdict(s) for s in slips([report])]
        return out
    return report.to_dict(details=misses)


def format_report(report: Report, format: str = "table", *, misses: bool = False) -> str:
    """What ``quotes evaluate`` prints for a report: ``table`` or ``json``.

    Tables: a brat report's summary; a gold file's summary and its items; a gold folder's
    per-article figures with a total row, then the summary. ``misses`` adds the listing: a
    brat report's misses and false positives, a gold report's slips (misses, wrong speakers,
    extras, each with its sentence); in JSON, under "misses"/"false_positives" or "slips".
    """
    if format == "json":
        return json.dumps(_report_dict(report, misses), ensure_ascii=False, indent=2) + "\n"
    parts = [tabulate(report.summary_rows(), headers=report.summary_headers)]
    if isinstance(report, GoldSetReport):  # many articles: their rows first, the totals last in view
        parts.insert(0, tabulate(report.rows(), headers=report.row_headers))
    if isinstance(report, GoldReport):
        parts.append(tabulate(report.rows(), headers=report.row_headers))
    if misses and isinstance(report, BratReport):
        parts.append(tabulate(error_rows(report), headers=ERROR_HEADERS))
    elif misses:
        listed = report.slips() if isinstance(report, GoldSetReport) else slips([report])
        table = tabulate(slip_rows(listed), headers=SLIP_HEADERS)
        parts.append(table if listed else "no misses, wrong speakers or extras")
    return "\n\n".join(parts) + "\n"
