"""Scoring the analyzer against annotations: brat standoff laid out as PolNeAR, and gold JSON files.

Two scorers share one shape: read the annotation, run :func:`analyze` on the article, pair system
attributions with gold ones by character spans, and keep every pairing so a report can be shown
as a summary, a per-article (or per-item) table, JSON, or a list of misses and false positives.
Nothing here prints; malformed annotations raise :class:`quotes.errors.GoldFormatError` naming the
file and line.

The modules follow the data:

- :mod:`.brat` reads PolNeAR's ``text/`` and ``attributions/*.ann`` into gold attributions;
- :mod:`.goldfile` reads ``*.gold.json`` files and locates each item's words in its article;
- :mod:`.rules` says when a system attribution matches gold and when its speaker is right;
- :mod:`.score_brat` and :mod:`.score_gold` run the analyzer and build the reports, and
  :mod:`.gold_set` gathers the reports of a folder of gold files;
- :mod:`.layout` tells which of these a ``--gold`` path is;
- :mod:`.render` lays reports out as tables or JSON and lists what went wrong;
- :mod:`.common` holds what they share (file reading, errors, ratios, the analyzer call).

This package re-exports the names other code and the tests use.
"""
from __future__ import annotations

from ..model import ArticleResult
from .brat import SPEECH_WORDS, SUBSETS, BratGold, brat_pairs, is_speech_cue, parse_ann
from .common import Ratio, SystemItem
from .gold_set import GoldSetReport, Slip, evaluate_gold_dir, slips
from .goldfile import (
    GoldItem,
    content_occurrences,
    locate_content,
    locate_items,
    read_gold_file,
    resolve_article_path,
)
from .layout import evaluate_path
from .render import ERROR_HEADERS, SLIP_HEADERS, dump_errors, error_rows, format_report, kinds_of_misses, slip_rows
from .rules import (
    gold_item_matches,
    names_match,
    normalize_name,
    same_outlet,
    shared_chars,
    spans_match,
    speaker_correct,
)
from .score_brat import BratArticle, BratReport, FalsePositive, GoldMatch, Miss, evaluate_brat, score_article
from .score_gold import GoldFigures, GoldItemRow, GoldReport, evaluate_gold_file, judge_item

__all__ = [
    "BratArticle",
    "BratGold",
    "BratReport",
    "ERROR_HEADERS",
    "FalsePositive",
    "GoldFigures",
    "GoldItem",
    "GoldItemRow",
    "GoldMatch",
    "GoldReport",
    "GoldSetReport",
    "Miss",
    "Ratio",
    "SPEECH_WORDS",
    "SLIP_HEADERS",
    "SUBSETS",
    "Slip",
    "SystemItem",
    "analyze",
    "brat_pairs",
    "content_occurrences",
    "dump_errors",
    "error_rows",
    "evaluate_brat",
    "evaluate_gold_dir",
    "evaluate_gold_file",
    "evaluate_path",
    "format_report",
    "gold_item_matches",
    "is_speech_cue",
    "judge_item",
    "kinds_of_misses",
    "locate_content",
    "locate_items",
    "names_match",
    "normalize_name",
    "parse_ann",
    "read_gold_file",
    "resolve_article_path",
    "same_outlet",
    "score_article",
    "shared_chars",
    "slip_rows",
    "slips",
    "spans_match",
    "speaker_correct",
]


def analyze(text: str, *, engine: str = "rules", name: str = "article") -> ArticleResult:
    """The analyzer being scored. The scorers look it up here at each call, so tests can replace it."""
    import quotes  # the package imports nothing from here; importing late keeps it that way

    return quotes.analyze(text, engine=engine, name=name)
