"""Scoring the analyzer on one article against its gold JSON file.

Receives the :class:`GoldItem` objects of a gold file and their places in the article
(:mod:`.goldfile`) and the analyzer's result; hands on a :class:`GoldReport`: one
:class:`GoldItemRow` per item (found or not, and speaker, via, type and kind judged against the
system attribution that fits its words best) and the system attributions, each knowing whether it
matched any item. Matching and name comparison are :mod:`.rules`.
"""
from __future__ import annotations

import os
from typing import Any, ClassVar, Sequence

import attrs

from ..model import Attribution
from .common import Ratio, SystemItem, ratio_row, read_text, safe_analyze, snippet
from .goldfile import GoldItem, locate_items, read_gold_file, resolve_article_path
from .rules import gold_item_matches, names_match, pick, same_outlet


@attrs.frozen
class GoldItemRow:
    """One gold item, where it was located, and how the system did on it."""

    item: GoldItem
    start: int
    end: int
    system: int | None  # position of the system attribution judged (None: not found)
    system_kind: str | None = None
    system_speaker: str | None = None
    system_type: str | None = None
    system_via: str | None = None
    speaker_ok: bool | None = None  # None: not found
    via_ok: bool | None = None  # None: not found, or the item says nothing about a conduit
    type_ok: bool | None = None  # None: not found, or the item has no type
    kind_ok: bool | None = None

    @property
    def found(self) -> bool:
        return self.system is not None


def judge_item(item: GoldItem, where: tuple[int, int], system: Sequence[Attribution]) -> GoldItemRow:
    """Score one located gold item against the system attributions of its article."""
    candidates = [i for i, a in enumerate(system) if gold_item_matches(where, a.content.start, a.content.end)]
    chosen = pick(where, system, candidates)
    if chosen is None:
        return GoldItemRow(item, where[0], where[1], None)
    attribution = system[chosen]
    speaker = attribution.speaker
    if item.speaker is None:
        speaker_ok = speaker is None
    else:
        speaker_ok = speaker is not None and names_match(speaker.name, (item.speaker, *item.aliases))
    via_ok = None
    if item.has_via:
        via_ok = attribution.via is None if item.via is None else same_outlet(attribution.via, item.via)
    type_ok = None if item.type is None else (speaker is not None and speaker.type == item.type)
    return GoldItemRow(
        item,
        where[0],
        where[1],
        chosen,
        system_kind=attribution.kind.value,
        system_speaker=speaker.name if speaker else None,
        system_type=speaker.type.value if speaker else None,
        system_via=attribution.via,
        speaker_ok=speaker_ok,
        via_ok=via_ok,
        type_ok=type_ok,
        kind_ok=attribution.kind == item.kind,
    )


def _flag(value: bool | None) -> str:
    return "" if value is None else ("ok" if value else "NO")


@attrs.frozen
class GoldReport:
    """Scores of one article against its gold JSON file."""

    gold_path: str
    article_path: str
    engine: str
    items: tuple[GoldItemRow, ...]
    system: tuple[SystemItem, ...]
    error: str | None = None  # the analyzer's exception, when it raised

    summary_headers: ClassVar[tuple[str, ...]] = ("measure", "value", "count")
    row_headers: ClassVar[tuple[str, ...]] = (
        "#", "opt", "kind", "content", "gold speaker", "system speaker", "sys kind",
        "found", "speaker", "via", "type", "kind ok",
    )  # fmt: skip

    def _required_found(self) -> list[GoldItemRow]:
        return [r for r in self.items if not r.item.optional and r.found]

    def found(self) -> Ratio:
        required = [r for r in self.items if not r.item.optional]
        return Ratio(sum(r.found for r in required), len(required))

    def optional_found(self) -> Ratio:
        optional = [r for r in self.items if r.item.optional]
        return Ratio(sum(r.found for r in optional), len(optional))

    @property
    def extras(self) -> tuple[SystemItem, ...]:
        """System attributions matching no gold item, optional ones included."""
        return tuple(s for s in self.system if not s.matched)

    def _accuracy(self, field: str) -> Ratio:
        judged = [getattr(r, field) for r in self._required_found() if getattr(r, field) is not None]
        return Ratio(sum(judged), len(judged))

    def speaker_right(self) -> Ratio:
        return self._accuracy("speaker_ok")

    def via_right(self) -> Ratio:
        return self._accuracy("via_ok")

    def type_right(self) -> Ratio:
        return self._accuracy("type_ok")

    def kind_right(self) -> Ratio:
        return self._accuracy("kind_ok")

    def summary_rows(self) -> list[list[Any]]:
        return [
            ratio_row("required found", self.found()),
            ratio_row("optional found", self.optional_found()),
            ["system", len(self.system), ""],
            ["extras", len(self.extras), ""],
            ratio_row("speaker right", self.speaker_right()),
            ratio_row("via right", self.via_right()),
            ratio_row("type right", self.type_right()),
            ratio_row("kind right", self.kind_right()),
            ["exception", self.error or "", ""],
        ]

    def rows(self) -> list[list[Any]]:
        return [
            [
                r.item.index + 1,
                "opt" if r.item.optional else "",
                r.item.kind.value,
                snippet(r.item.content, 50),
                r.item.speaker or "",
                r.system_speaker or "",
                r.system_kind or "",
                "ok" if r.found else "NO",
                _flag(r.speaker_ok),
                _flag(r.via_ok),
                _flag(r.type_ok),
                _flag(r.kind_ok),
            ]
            for r in self.items
        ]

    def extra_rows(self) -> list[list[Any]]:
        """The extras as (offset, kind, speaker, words) rows."""
        return [[s.start, s.kind, s.speaker or "", snippet(s.text, 80)] for s in self.extras]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "article": self.article_path,
            "engine": self.engine,
            "required_found": self.found().to_dict(),
            "optional_found": self.optional_found().to_dict(),
            "system": len(self.system),
            "extras": len(self.extras),
            "speaker_right": self.speaker_right().to_dict(),
            "via_right": self.via_right().to_dict(),
            "type_right": self.type_right().to_dict(),
            "kind_right": self.kind_right().to_dict(),
            "error": self.error,
            "items": [
                {
                    "index": r.item.index + 1,
                    "line": r.item.line,
                    "optional": r.item.optional,
                    "kind": r.item.kind.value,
                    "content": r.item.content,
                    "start": r.start,
                    "speaker": r.item.speaker,
                    "found": r.found,
                    "system_kind": r.system_kind,
                    "system_speaker": r.system_speaker,
                    "system_type": r.system_type,
                    "system_via": r.system_via,
                    "speaker_ok": r.speaker_ok,
                    "via_ok": r.via_ok,
                    "type_ok": r.type_ok,
                    "kind_ok": r.kind_ok,
                }
                for r in self.items
            ],
            "extra_attributions": [attrs.asdict(s) for s in self.extras],
        }


def evaluate_gold_file(
    path: str | os.PathLike[str], *, engine: str = "rules", article: str | os.PathLike[str] | None = None
) -> GoldReport:
    """Score the analyzer on one article against a gold JSON file.

    Each gold item's ``content`` (the start of its words) is located in the article (see
    :func:`locate_content`); a system attribution matches it under :func:`gold_item_matches`.
    Required items found count toward recall; optional ones neither count nor, when matched,
    make an extra. Speaker, via, type and kind are judged on required items found, against the
    system attribution that fits the gold words best. An analyzer exception is kept in
    :attr:`GoldReport.error` (every item is then missed), as in :func:`evaluate_brat`.
    """
    article_field, items = read_gold_file(path)
    article_path = resolve_article_path(path, article_field, article)
    text = read_text(article_path)
    places = locate_items(text, items, path=str(path))
    result, error = safe_analyze(text, engine=engine, name=article_path.stem)
    system = result.attributions if result is not None else ()
    rows = tuple(judge_item(item, where, system) for item, where in zip(items, places))
    matched = {
        i for where in places for i, a in enumerate(system) if gold_item_matches(where, a.content.start, a.content.end)
    }
    return GoldReport(
        gold_path=str(path),
        article_path=str(article_path),
        engine=engine,
        items=rows,
        system=tuple(SystemItem.of(a, i in matched) for i, a in enumerate(system)),
        error=error,
    )
