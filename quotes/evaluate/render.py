"""Listings of a brat report's errors, for reading and for ``cut``/``sort``/``grep``.

Receives a :class:`BratReport`; hands on rows (misses then false positives), tab-separated text
with a header, and a count of misses by the first word of their cue. The reports build their own
summary rows, per-article rows and JSON (``summary_rows``, ``rows``, ``to_dict``).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from .brat import cue_word
from .common import snippet
from .score_brat import BratReport

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
