"""Scoring the analyzer on one article against its gold JSON file.

Receives the :class:`GoldItem` objects of a gold file and their places in the article
(:mod:`.goldfile`) and the analyzer's result; hands on a :class:`GoldReport`: one
:class:`GoldItemRow` per item (found or not, and speaker, via, type and kind judged against the
system attribution that fits its words best) and the system attributions, each knowing whether it
matched any item. Matching and name comparison are :mod:`.rules`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar, Sequence

import attrs

from ..model import Attribution, Kind
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
    text: str = attrs.field(default="", repr=False, eq=False)  # the article, for listings

    summary_headers: ClassVar[tuple[str, ...]] = ("measure", "value", "count")
    row_headers: ClassVar[tuple[str, ...]] = (
        "#", "opt", "kind", "content", "gold speaker", "system speaker", "sys kind",
        "found", "speaker", "via", "type", "kind ok",
    )  # fmt: skip

    @property
    def name(self) -> str:
        """The article's name: the gold file's name less ``.gold.json``."""
        return Path(self.gold_path).name.removesuffix(".gold.json").removesuffix(".json")

    def figures(self) -> GoldFigures:
        return GoldFigures.of([self])

    def found(self) -> Ratio:
        return self.figures().found

    def optional_found(self) -> Ratio:
        optional = [r for r in self.items if r.item.optional]
        return Ratio(sum(r.found for r in optional), len(optional))

    @property
    def extras(self) -> tuple[SystemItem, ...]:
        """System attributions matching no gold item, optional ones included."""
        return tuple(s for s in self.system if not s.matched)

    def speaker_right(self) -> Ratio:
        return self.figures().speaker

    def via_right(self) -> Ratio:
        """Over required items found that say anything about a conduit, "none" included: the
        system must then have none too. :attr:`GoldFigures.via` counts named conduits only."""
        judged = [r.via_ok for r in self.items if not r.item.optional and r.found and r.via_ok is not None]
        return Ratio(sum(judged), len(judged))

    def type_right(self) -> Ratio:
        return self.figures().type

    def kind_right(self) -> Ratio:
        return self.figures().kind

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


@attrs.frozen
class GoldFigures:
    """The figures of one or more gold reports, counted over all their items together.

    All are over required items unless said; optional items never count as required, and a system
    attribution that finds one is not an extra.

    - *found*: required items some system attribution finds (:func:`gold_item_matches`);
      *full quotes*: the same over required items of kind direct.
    - *speaker*: of the required items found, those whose system speaker is the canonical one: its
      name equals the gold speaker or one of the aliases under :func:`.rules.normalize_name`.
    - *end to end*: required items found with the speaker right, over all required items.
    - *precision*: system attributions that find any gold item, optional ones included, over all.
    - *type*, *kind*: of the required items found (type: those the gold gives a type).
    - *via*: of the required items found whose gold ``via`` names a conduit, those whose system
      conduit is the same outlet (:func:`.rules.same_outlet`).
    """

    required: int
    optional: int
    system: int
    found: Ratio
    full_quotes: Ratio
    speaker: Ratio
    end_to_end: Ratio
    precision: Ratio
    type: Ratio
    via: Ratio
    kind: Ratio

    @classmethod
    def of(cls, reports: Sequence[GoldReport]) -> GoldFigures:
        rows = [r for report in reports for r in report.items]
        required = [r for r in rows if not r.item.optional]
        found = [r for r in required if r.found]
        direct = [r for r in required if r.item.kind is Kind.DIRECT]
        system = [s for report in reports for s in report.system]
        typed = [bool(r.type_ok) for r in found if r.type_ok is not None]
        conduits = [bool(r.via_ok) for r in found if r.item.via is not None]
        speaker_right = sum(bool(r.speaker_ok) for r in found)
        return cls(
            required=len(required),
            optional=len(rows) - len(required),
            system=len(system),
            found=Ratio(len(found), len(required)),
            full_quotes=Ratio(sum(r.found for r in direct), len(direct)),
            speaker=Ratio(speaker_right, len(found)),
            end_to_end=Ratio(speaker_right, len(required)),
            precision=Ratio(sum(s.matched for s in system), len(system)),
            type=Ratio(sum(typed), len(typed)),
            via=Ratio(sum(conduits), len(conduits)),
            kind=Ratio(sum(bool(r.kind_ok) for r in found), len(found)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            key: value.to_dict() if isinstance(value, Ratio) else value
            for key, value in attrs.asdict(self, recurse=False).items()
        }


@attrs.frozen
class LoadedGold:
    """A gold file read and checked: its items, its article and where each item's words are."""

    gold_path: str
    article_path: Path
    text: str = attrs.field(repr=False)
    items: tuple[GoldItem, ...]
    places: tuple[tuple[int, int], ...]


def load_gold(path: str | os.PathLike[str], article: str | os.PathLike[str] | None = None) -> LoadedGold:
    """Read a gold file and its article and locate every item, or raise naming the file and line."""
    article_field, items = read_gold_file(path)
    article_path = resolve_article_path(path, article_field, article)
    text = read_text(article_path)
    places = locate_items(text, items, path=str(path))
    return LoadedGold(str(path), article_path, text, items, tuple(places))


def score_gold(gold: LoadedGold, *, engine: str = "rules") -> GoldReport:
    """Run the analyzer on a loaded gold file's article and judge every item (see
    :func:`evaluate_gold_file`)."""
    result, error = safe_analyze(gold.text, engine=engine, name=gold.article_path.stem)
    system = result.attributions if result is not None else ()
    rows = tuple(judge_item(item, where, system) for item, where in zip(gold.items, gold.places))
    matched = {
        i
        for where in gold.places
        for i, a in enumerate(system)
        if gold_item_matches(where, a.content.start, a.content.end)
    }
    return GoldReport(
        gold_path=gold.gold_path,
        article_path=str(gold.article_path),
        engine=engine,
        items=rows,
        system=tuple(SystemItem.of(a, i in matched) for i, a in enumerate(system)),
        error=error,
        text=gold.text,
    )


def evaluate_gold_file(
    path: str | os.PathLike[str], *, engine: str = "rules", article: str | os.PathLike[str] | None = None
) -> GoldReport:
    """Score the analyzer on one article against a gold JSON file.

    Each gold item's ``content`` (the start of its words) is located in the article (see
    :func:`locate_content`); a system attribution finds it under :func:`gold_item_matches`.
    Required items found count toward recall; optional ones neither count nor, when matched,
    make an extra. Speaker, via, type and kind are judged on required items found, against the
    system attribution that fits the gold words best. An analyzer exception is kept in
    :attr:`GoldReport.error` (every item is then missed), as in :func:`evaluate_brat`.
    """
    return score_gold(load_gold(path, article), engine=engine)
