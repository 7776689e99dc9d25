"""Rows built once from results, then printed as a table, CSV, JSON or JSON Lines.

``attribution_row`` is the JSON Lines contract other tools rely on: its first fields and
their order do not change; new fields go at the end.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable

from .model import ArticleResult, Attribution, Speaker
from .tables import DEFAULT_WIDTH, Column, format_table

UNATTRIBUTED = "(unattributed)"  # the speaker column of an attribution with no speaker

CONTRACT_FIELDS = (
    "article", "index", "kind", "text", "start", "end", "cue", "speaker", "speaker_mention",
    "speaker_start", "speaker_end", "speaker_type", "named", "role", "affiliation", "gender",
    "via", "confidence",
)


def attribution_row(article: str, attribution: Attribution) -> dict[str, Any]:
    a = attribution
    speaker = a.speaker
    mention = a.speaker_mention
    return {
        "article": article,
        "index": a.index,
        "kind": a.kind.value,
        "text": a.content.text,
        "start": a.content.start,
        "end": a.content.end,
        "cue": a.cue.text if a.cue else None,
        "speaker": speaker.name if speaker else None,
        "speaker_mention": mention.text if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "speaker_type": speaker.type.value if speaker else "unknown",
        "named": speaker.named if speaker else False,
        "role": speaker.role if speaker else None,
        "affiliation": speaker.affiliation if speaker else None,
        "gender": speaker.gender.value if speaker and speaker.gender else None,
        "via": a.via,
        "confidence": round(a.confidence, 2),
        "cue_start": a.cue.start if a.cue else None,
        "cue_end": a.cue.end if a.cue else None,
        "speaker_id": speaker.id if speaker else None,
        "reason": a.reason,
    }


def attribution_rows(result: ArticleResult) -> list[dict[str, Any]]:
    return [attribution_row(result.name, a) for a in result.attributions]


def speaker_dict(speaker: Speaker) -> dict[str, Any]:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "type": speaker.type.value,
        "named": speaker.named,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "gender": speaker.gender.value if speaker.gender else None,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in speaker.mentions],
    }


def summary_dict(result: ArticleResult) -> dict[str, Any]:
    s = result.summary
    return {
        "attributions": s.attributions,
        "by_kind": dict(s.by_kind),
        "by_type": dict(s.by_type),
        "named": s.named,
        "anonymous": s.anonymous,
        "unattributed": s.unattributed,
        "sources": s.sources,
    }


def result_dict(result: ArticleResult) -> dict[str, Any]:
    return {
        "article": result.name,
        "engine": result.engine,
        "attributions": attribution_rows(result),
        "speakers": [speaker_dict(s) for s in result.speakers],
        "summary": summary_dict(result),
    }


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


# A cell that begins with one of these is run as a formula when the file is opened in Excel,
# LibreOffice or Google Sheets (CSV injection: OWASP; ASVS 1.2.10 adds NUL). A quote such as
# "=HYPERLINK(...)" or "-5% ..." is the article's own text, so CSV output neutralizes such cells
# with a leading apostrophe, which spreadsheets read as "this is text" and do not show.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet runs: a string that begins like a formula gets a
    leading apostrophe; anything else (numbers too: -5 is a number, not a formula) is as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def csv_cells(row: dict[str, Any], *, raw: bool = False) -> dict[str, Any]:
    """A row for every CSV quotes writes: cells made spreadsheet-safe, or as they are (``raw``).
    (``spreadsheet_safe`` inlined: a batch writes this for every cell of every row.)"""
    if raw:
        return row
    first = _FORMULA_FIRST
    return {key: "'" + value if value.__class__ is str and value[:1] in first else value for key, value in row.items()}


def to_csv(rows: list[dict[str, Any]], fields: Iterable[str] | None = None, *, raw: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields or (rows[0].keys() if rows else CONTRACT_FIELDS)), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(csv_cells(row, raw=raw) for row in rows)
    return buffer.getvalue()


ATTRIBUTION_COLUMNS = (
    Column("#", numeric=True),
    Column("kind"),
    Column("speaker", weight=2, minimum=10),
    Column("cue", weight=1, minimum=6),
    Column("words", weight=3, minimum=12, max_lines=4),  # a preview: the first four lines
)


def attributions_table(result: ArticleResult, width: int = DEFAULT_WIDTH) -> str:
    """One row per attribution, ``width`` columns wide: names and cues wrap, never cut; the
    quoted words are shown up to four lines."""
    rows = []
    for a in result.attributions:
        who = a.speaker.name if a.speaker else UNATTRIBUTED
        if a.via:
            who += f" via {a.via}"
        rows.append([a.index, a.kind.value, who, a.cue.text if a.cue else None, a.content.text])
    return format_table(ATTRIBUTION_COLUMNS, rows, width)
