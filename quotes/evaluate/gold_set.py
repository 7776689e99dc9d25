"""Scoring the analyzer on a folder of gold JSON files, the layout of the BBC development set.

Receives a folder holding ``NAME.gold.json`` files, each with its article found as for one file
(:func:`.goldfile.resolve_article_path`: the "article" field, read beside the gold file among
other places); hands on a :class:`GoldSetReport`: one :class:`.score_gold.GoldReport` per
article, the :class:`.score_gold.GoldFigures` of each and of all together, and the listing of
every miss, wrong speaker and extra with its sentence (:class:`Slip`, from :func:`slips`).

Every gold file is read and checked before the analyzer runs, so a malformed one stops the run
at once with a :class:`quotes.errors.GoldFormatError` naming the file, the line and the problem.
The rules (what finds an item, whose speaker is right) are those of one file: :mod:`.rules`.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, ClassVar, Sequence

import attrs

from ..errors import GoldFormatError
from .common import fraction, ratio_row, sentence_around, snippet
from .score_gold import GoldFigures, GoldReport, load_gold, score_gold

GOLD_SUFFIX = ".gold.json"


def gold_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The ``*.gold.json`` files directly in ``directory``, sorted by name."""
    return sorted(Path(directory).glob(f"*{GOLD_SUFFIX}"))


@attrs.frozen
class Slip:
    """One thing to look at: a required item missed, one found with the wrong speaker, or a system
    attribution that finds no gold item (an extra)."""

    what: str  # "miss", "wrong speaker" or "extra"
    article: str
    offset: int
    kind: str  # the gold item's kind; for an extra, the system's
    words: str  # the gold item's words; for an extra, the system's
    gold_speaker: str | None
    system_speaker: str | None
    mention: str | None  # the words the system took for the speaker
    sentence: str  # the sentence around the words, or a window of it

    families: ClassVar[tuple[str, ...]] = ("miss", "wrong speaker", "extra")


def _article_slips(report: GoldReport) -> list[Slip]:
    text, name = report.text, report.name

    def mention(index: int | None) -> str | None:
        where = report.system[index].mention if index is not None else None
        return text[where[0] : where[1]] if where else None

    out = []
    for row in report.items:
        if row.item.optional or row.speaker_ok:
            continue
        what = "wrong speaker" if row.found else "miss"
        out.append(
            Slip(what, name, row.start, row.item.kind.value, row.item.content, row.item.speaker,
                 row.system_speaker, mention(row.system), sentence_around(text, row.start, row.end))
        )  # fmt: skip
    for position, extra in enumerate(report.system):
        if not extra.matched:
            out.append(
                Slip("extra", name, extra.start, extra.kind, snippet(extra.text, 160), None, extra.speaker,
                     mention(position), sentence_around(text, extra.start, extra.end))
            )  # fmt: skip
    return out


def slips(reports: Sequence[GoldReport]) -> tuple[Slip, ...]:
    """Misses, then wrong speakers, then extras; each family in article order, then by offset."""
    order = {name: n for n, name in enumerate(Slip.families)}
    found = [(n, s) for n, report in enumerate(reports) for s in _article_slips(report)]
    found.sort(key=lambda pair: (order[pair[1].what], pair[0], pair[1].offset))
    return tuple(s for _, s in found)


@attrs.frozen
class GoldSetReport:
    """Scores of one run over a folder of gold files; every article's report kept for listings."""

    directory: str
    engine: str
    articles: tuple[GoldReport, ...]
    seconds: float = 0.0

    summary_headers: ClassVar[tuple[str, ...]] = ("measure", "value", "count")
    row_headers: ClassVar[tuple[str, ...]] = (
        "article", "required", "found", "full quotes", "speaker", "end to end",
        "precision", "type", "via", "kind", "error",
    )  # fmt: skip

    def figures(self) -> GoldFigures:
        return GoldFigures.of(self.articles)

    @property
    def exceptions(self) -> tuple[tuple[str, str], ...]:
        return tuple((a.name, a.error) for a in self.articles if a.error is not None)

    def slips(self) -> tuple[Slip, ...]:
        return slips(self.articles)

    def summary_rows(self) -> list[list[Any]]:
        f = self.figures()
        return [
            ["articles", len(self.articles), ""],
            ["required", f.required, ""],
            ["optional", f.optional, ""],
            ["system", f.system, ""],
            ratio_row("required found", f.found),
            ratio_row("full quotes found", f.full_quotes),
            ratio_row("speaker right (of found)", f.speaker),
            ratio_row("end to end", f.end_to_end),
            ratio_row("precision", f.precision),
            ratio_row("type right", f.type),
            ratio_row("via right (named via)", f.via),
            ratio_row("kind right", f.kind),
            ["exceptions", len(self.exceptions), ""],
            ["seconds", round(self.seconds, 2), ""],
        ]

    def rows(self) -> list[list[Any]]:
        """One row per article (found/total per figure), then a total row."""
        rows = [_figure_row(a.name, a.figures(), a.error) for a in self.articles]
        rows.append(_figure_row("total", self.figures(), f"{len(self.exceptions)} raised" if self.exceptions else None))
        return rows

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        """JSON-ready figures, in total and per article; ``details`` adds every slip."""
        out: dict[str, Any] = {
            "directory": self.directory,
            "engine": self.engine,
            "articles": len(self.articles),
            "seconds": round(self.seconds, 3),
            "total": self.figures().to_dict(),
            "per_article": [
                {"article": a.name, "gold": a.gold_path, "text": a.article_path, **a.figures().to_dict(),
                 "error": a.error}
                for a in self.articles
            ],  # fmt: skip
            "exceptions": [{"article": n, "error": e} for n, e in self.exceptions],
        }
        if details:
            out["slips"] = [attrs.asdict(s) for s in self.slips()]
        return out


def _figure_row(name: str, f: GoldFigures, error: str | None) -> list[Any]:
    ratios = (f.found, f.full_quotes, f.speaker, f.end_to_end, f.precision, f.type, f.via, f.kind)
    return [name, f.required, *(fraction(r) for r in ratios), snippet(error, 60) if error else ""]


def evaluate_gold_dir(
    directory: str | os.PathLike[str], *, engine: str = "rules", limit: int | None = None
) -> GoldSetReport:
    """Score the analyzer on every ``*.gold.json`` in ``directory`` (the first ``limit`` by name).

    All gold files are read, checked and located first; then each article is analysed. An
    analyzer exception is kept in that article's report (its items count as missed), as for one
    file; an engine that cannot run at all stops the run.
    """
    began = time.perf_counter()
    paths = gold_files(directory)
    if not paths:
        raise GoldFormatError(f"{directory}: no *{GOLD_SUFFIX} files here")
    if limit is not None:
        paths = paths[: max(limit, 0)]
    loaded = [load_gold(path) for path in paths]
    reports = tuple(score_gold(gold, engine=engine) for gold in loaded)
    return GoldSetReport(str(directory), engine, reports, time.perf_counter() - began)
