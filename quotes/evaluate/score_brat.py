"""Scoring the analyzer on a PolNeAR-style brat directory.

Receives the :class:`BratGold` attributions of each article (:mod:`.brat`) and the analyzer's
result; hands on a :class:`BratReport` that keeps every pairing, with recall per subset,
precision, speaker accuracy, misses and false positives, and its own rows and JSON. Definitions:

- *match*: :func:`.rules.spans_match`; *speaker right*: :func:`.rules.speaker_correct`, where any
  matching system attribution may be right.
- *recall* of a subset: matched gold / gold in it. *Precision*: system attributions matching some
  gold attribution (any subset, with or without a source) / all system attributions.
- *speaker accuracy* of a subset: over matched gold with a Source, the share judged right.
"""
from __future__ import annotations

import os
import time
from typing import Any, ClassVar, Iterator, Sequence

import attrs

from ..model import ArticleResult
from .brat import SUBSETS, BratGold, brat_pairs, parse_ann
from .common import Ratio, SystemItem, fraction, ratio_row, read_text, safe_analyze, snippet
from .rules import spans_match, speaker_correct


@attrs.frozen
class GoldMatch:
    """One gold attribution and the system attributions (by position) that match it."""

    gold: BratGold
    matches: tuple[int, ...]
    speaker_ok: bool | None  # None when unmatched or the gold has no Source

    @property
    def found(self) -> bool:
        return bool(self.matches)


@attrs.frozen
class BratArticle:
    name: str
    gold: tuple[GoldMatch, ...]
    system: tuple[SystemItem, ...]
    error: str | None = None  # the analyzer's exception, when it raised on this article


def score_article(
    name: str, gold: Sequence[BratGold], result: ArticleResult | None, error: str | None = None
) -> BratArticle:
    """Pair one article's gold and system attributions under the brat rules."""
    system = result.attributions if result is not None else ()
    matched_system: set[int] = set()
    outcomes = []
    for item in gold:
        matches = tuple(i for i, a in enumerate(system) if spans_match(item.content, a.content.start, a.content.end))
        matched_system.update(matches)
        speaker_ok = None
        if matches and item.source is not None:
            speaker_ok = any(speaker_correct(item.source, item.source_text or "", system[i]) for i in matches)
        outcomes.append(GoldMatch(item, matches, speaker_ok))
    items = tuple(SystemItem.of(a, i in matched_system) for i, a in enumerate(system))
    return BratArticle(name, tuple(outcomes), items, error)


@attrs.frozen
class Miss:
    article: str
    gold_id: str
    subsets: tuple[str, ...]
    start: int
    end: int
    content: str
    source: str | None
    cue: str | None


@attrs.frozen
class FalsePositive:
    article: str
    index: int
    kind: str
    start: int
    end: int
    content: str
    cue: str | None
    speaker: str | None


@attrs.frozen
class BratReport:
    """Scores of one run over a brat directory; every pairing kept for the errors view."""

    directory: str
    engine: str
    articles: tuple[BratArticle, ...]
    seconds: float = 0.0

    summary_headers: ClassVar[tuple[str, ...]] = ("measure", "value", "count")
    row_headers: ClassVar[tuple[str, ...]] = (
        "article", "gold", "quoted", "speech", "speech-indirect", "system", "precision", "speaker", "error",
    )  # fmt: skip

    def golds(self, subset: str = "all") -> Iterator[tuple[BratArticle, GoldMatch]]:
        for article in self.articles:
            for match in article.gold:
                if match.gold.in_subset(subset):
                    yield article, match

    def gold_count(self, subset: str = "all") -> int:
        return sum(1 for _ in self.golds(subset))

    @property
    def system_count(self) -> int:
        return sum(len(a.system) for a in self.articles)

    def recall(self, subset: str = "all") -> Ratio:
        matches = [m for _, m in self.golds(subset)]
        return Ratio(sum(m.found for m in matches), len(matches))

    def precision(self) -> Ratio:
        items = [s for a in self.articles for s in a.system]
        return Ratio(sum(s.matched for s in items), len(items))

    def speaker_accuracy(self, subset: str = "quoted") -> Ratio:
        judged = [m.speaker_ok for _, m in self.golds(subset) if m.speaker_ok is not None]
        return Ratio(sum(judged), len(judged))

    @property
    def exceptions(self) -> tuple[tuple[str, str], ...]:
        return tuple((a.name, a.error) for a in self.articles if a.error is not None)

    def misses(self, subset: str = "all") -> tuple[Miss, ...]:
        return tuple(
            Miss(
                article.name, m.gold.id, m.gold.subsets, m.gold.start, m.gold.end,
                m.gold.content_text, m.gold.source_text, m.gold.cue_text,
            )  # fmt: skip
            for article, m in self.golds(subset)
            if not m.found
        )

    def false_positives(self) -> tuple[FalsePositive, ...]:
        return tuple(
            FalsePositive(a.name, s.index, s.kind, s.start, s.end, s.text, s.cue, s.speaker)
            for a in self.articles
            for s in a.system
            if not s.matched
        )

    def summary_rows(self) -> list[list[Any]]:
        rows: list[list[Any]] = [["articles", len(self.articles), ""]]
        rows += [[f"gold {s}", self.gold_count(s), ""] for s in SUBSETS]
        rows.append(["system", self.system_count, ""])
        for subset in SUBSETS:
            rows.append(ratio_row(f"recall {subset}", self.recall(subset)))
        rows.append(ratio_row("precision", self.precision()))
        rows.append(ratio_row("speaker quoted", self.speaker_accuracy("quoted")))
        rows.append(ratio_row("speaker speech", self.speaker_accuracy("speech")))
        rows.append(["exceptions", len(self.exceptions), ""])
        rows.append(["seconds", round(self.seconds, 2), ""])
        return rows

    def rows(self) -> list[list[Any]]:
        """One row per article: found/gold per subset, matched/system, speaker right/judged."""
        rows = []
        for article in self.articles:
            one = BratReport(self.directory, self.engine, (article,))
            rows.append(
                [
                    article.name,
                    len(article.gold),
                    *(fraction(one.recall(s)) for s in ("quoted", "speech", "speech-indirect")),
                    len(article.system),
                    fraction(one.precision()),
                    fraction(one.speaker_accuracy("all")),
                    snippet(article.error, 60) if article.error else "",
                ]
            )
        return rows

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        """JSON-ready figures; ``details`` adds every miss and false positive."""
        out: dict[str, Any] = {
            "directory": self.directory,
            "engine": self.engine,
            "articles": len(self.articles),
            "seconds": round(self.seconds, 3),
            "gold": {s: self.gold_count(s) for s in SUBSETS},
            "system": self.system_count,
            "recall": {s: self.recall(s).to_dict() for s in SUBSETS},
            "precision": self.precision().to_dict(),
            "speaker_accuracy": {s: self.speaker_accuracy(s).to_dict() for s in ("quoted", "speech")},
            "exceptions": [{"article": n, "error": e} for n, e in self.exceptions],
        }
        if details:
            out["misses"] = [attrs.asdict(m) for m in self.misses()]
            out["false_positives"] = [attrs.asdict(f) for f in self.false_positives()]
        return out


def evaluate_brat(
    directory: str | os.PathLike[str], *, engine: str = "rules", limit: int | None = None
) -> BratReport:
    """Score the analyzer on every annotated article of a PolNeAR-style brat directory.

    ``limit`` takes the first articles by name. The analyzer's own failures are caught per
    article and kept in :attr:`BratReport.exceptions`; that article's gold then counts as missed.
    An engine that cannot run at all (:class:`EngineUnavailable`) stops the run instead.
    """
    began = time.perf_counter()
    pairs = brat_pairs(directory)
    if limit is not None:
        pairs = pairs[: max(limit, 0)]
    articles = []
    for name, text_path, ann_path in pairs:
        text = read_text(text_path)
        gold = parse_ann(read_text(ann_path), text, path=str(ann_path))
        result, error = safe_analyze(text, engine=engine, name=name)
        articles.append(score_article(name, gold, result, error))
    return BratReport(str(directory), engine, tuple(articles), time.perf_counter() - began)
