"""The audit's numbers: ``Article`` values (read.py) in, one ``Cell`` of counts per group and
period (and per group over all periods, and over all groups) out, in an ``Audit``.

Definitions, stated once (the README says the same):

- an *article* is one input row of the batch; with a summary CSV every article is counted,
  those with no attributions too, but an article whose summary row has an ``error`` is counted
  apart, as ``errors``, not as an article (its text was never analysed, so its zero would be a
  lie); without a summary, articles are those with at least one attribution;
- an *attribution* is one row of the attributions CSV; one with no speaker is *unattributed*:
  it counts among attributions and kinds, never as a source;
- a *source* is one speaker (the ``speaker`` column, the canonical name quotes chose in that
  article) in one article: quoted three times in one article, once in another, it is two
  sources; the named/anonymous and speaker-type shares are over sources, the kind shares over
  attributions, and the gender shares over *person* sources (the gender of an organization is
  no question), with ``unknown`` where the text gave no pronoun or honorific;
- the most-quoted list joins a speaker across articles by canonical name and type, after one
  person's forms are joined as ``quotes report`` joins them ("Mr Blair" and "Blair" under
  "Tony Blair" when the corpus has one full name for that surname: ``report.join_person_names``).

Memory: counters per cell, and per cell one counter per distinct speaker; nothing per row.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import attrs

from ..model import SpeakerType
from ..report import join_person_names
from .periods import UNKNOWN_PERIOD
from .read import KINDS, NO_VALUE, TYPES, Article, Plan

ALL_PERIODS = "(all)"  # a group's cell over every period
TOTAL = "(total)"  # the cell over every group
GENDERS = ("female", "male", "unknown")
PERSON = SpeakerType.PERSON.value

SpeakerKey = tuple[str, str, bool]  # (canonical name, type, named)


@attrs.frozen
class Source:
    """One speaker across the articles of a cell."""

    name: str
    type: str
    named: bool
    attributions: int
    articles: int


@attrs.frozen
class Cell:
    """The counts of one group in one period (``ALL_PERIODS``; None without ``--period``)."""

    group: tuple[str, ...]
    period: str | None
    articles: int
    errors: int
    attributions: int
    unattributed: int
    kinds: tuple[int, ...]  # in KINDS order, over attributions
    named_sources: int
    anonymous_sources: int
    types: tuple[int, ...]  # in TYPES order, over sources
    genders: tuple[int, ...]  # in GENDERS order, over person sources
    speakers: int  # distinct speakers across articles, after joining a person's forms
    top: tuple[Source, ...]  # the most quoted, most first
    total: bool = False  # the cell over every group (its group reads "(total)")

    @property
    def sources(self) -> int:
        return self.named_sources + self.anonymous_sources

    @property
    def person_sources(self) -> int:
        return sum(self.genders)

    @property
    def is_total(self) -> bool:
        return self.total


@attrs.frozen
class Audit:
    plan: Plan
    cells: tuple[Cell, ...]
    summary: bool  # articles counted from a summary CSV
    unknown_periods: int  # articles whose date cell is empty or not a date this reads
    empty_groups: int  # articles with an empty --by cell, in the (none) group
    seconds: float = 0.0

    @property
    def total(self) -> Cell | None:
        """The cell over everything: the total of several groups, or the one group's own cell
        over all its periods; None when there is nothing."""
        return next((c for c in self.cells if c.is_total), None) or next(
            (c for c in self.cells if c.period in (None, ALL_PERIODS)), None)

    def groups(self) -> list[tuple[str, ...]]:
        return list(dict.fromkeys(c.group for c in self.cells if not c.is_total))


class _Tally:
    """One cell's counters while the rows stream by."""

    __slots__ = ("articles", "errors", "attributions", "unattributed", "kinds", "named", "anonymous",
                 "types", "genders", "speakers")

    def __init__(self) -> None:
        self.articles = self.errors = self.attributions = self.unattributed = 0
        self.named = self.anonymous = 0
        self.kinds: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.genders: Counter[str] = Counter()
        self.speakers: dict[SpeakerKey, list[int]] = {}  # -> [attributions, articles]

    def add(self, article: Article, sources: dict[SpeakerKey, list]) -> None:
        if article.error:
            self.errors += 1
            return
        self.articles += 1
        for row in article.rows:
            self.attributions += 1
            self.kinds[row.kind] += 1
            self.unattributed += row.speaker is None
        for key, (count, gender) in sources.items():
            _, type_, named = key
            self.named += named
            self.anonymous += not named
            self.types[type_] += 1
            if type_ == PERSON:
                self.genders[gender if gender in GENDERS else "unknown"] += 1
            seen = self.speakers.setdefault(key, [0, 0])
            seen[0] += count
            seen[1] += 1


def article_sources(article: Article) -> dict[SpeakerKey, list]:
    """The article's sources: (name, type, named) -> [attributions, gender]. A speaker's gender
    is the first one its rows give (quotes writes one per speaker; a hand-made CSV may not)."""
    sources: dict[SpeakerKey, list] = {}
    for row in article.rows:
        if row.speaker is None:
            continue
        seen = sources.setdefault((row.speaker, row.speaker_type, row.named), [0, None])
        seen[0] += 1
        seen[1] = seen[1] or row.gender
    return sources


def measure(articles: Iterable[Article], plan: Plan, *, summary: bool = False, top: int = 5) -> Audit:
    """Count every article into its cells, streamed; then join names and rank the sources."""
    # The total's key is None, not a tuple of strings: an outlet really named "(total)" stays a group.
    tallies: dict[tuple[tuple[str, ...] | None, str | None], _Tally] = {}
    total_period = ALL_PERIODS if plan.period else None
    unknown = empty = 0
    for article in articles:
        sources = article_sources(article)
        targets = [(article.group, article.period), (None, total_period)]
        if plan.period:
            targets.append((article.group, ALL_PERIODS))
        for target in targets:
            tally = tallies.get(target)
            if tally is None:
                tally = tallies[target] = _Tally()
            tally.add(article, sources)
        unknown += article.period == UNKNOWN_PERIOD
        empty += NO_VALUE in article.group
    groups = {group for group, _ in tallies} - {None}
    if len(groups) <= 1:  # one group: its own cells are the total
        tallies = {k: t for k, t in tallies.items() if k[0] is not None}
    joined = join_person_names(name for t in tallies.values() for name, type_, named in t.speakers
                               if type_ == PERSON and named)
    cells = tuple(_cell(group, period, tallies[group, period], joined, top, len(plan.by))
                  for group, period in sorted(tallies, key=_order))
    return Audit(plan, cells, summary, unknown, empty)


def _order(key: tuple[tuple[str, ...] | None, str | None]) -> tuple:
    """Groups alphabetically (case aside), (none) after them and the total last; periods in
    time order, unknown after them, then the group's cell over all periods."""
    group, period = key
    return (group is None, [(v == NO_VALUE, v.casefold(), v) for v in group or ()],
            (period == ALL_PERIODS, period == UNKNOWN_PERIOD, period or ""))


def _cell(group: tuple[str, ...] | None, period: str | None, tally: _Tally, joined: dict[str, str], top: int,
          width: int) -> Cell:
    speakers: dict[SpeakerKey, list[int]] = {}
    for (name, type_, named), (count, articles) in tally.speakers.items():
        if type_ == PERSON and named:
            name = joined.get(name, name)
        seen = speakers.setdefault((name, type_, named), [0, 0])
        seen[0] += count
        seen[1] += articles
    ranked = sorted(speakers.items(), key=lambda item: (-item[1][0], -item[1][1], item[0][0].casefold(), item[0]))
    return Cell(
        group=group if group is not None else (TOTAL,) + ("",) * (width - 1), total=group is None, period=period, articles=tally.articles, errors=tally.errors, attributions=tally.attributions,
        unattributed=tally.unattributed, kinds=tuple(tally.kinds[k] for k in KINDS),
        named_sources=tally.named, anonymous_sources=tally.anonymous,
        types=tuple(tally.types[t] for t in TYPES), genders=tuple(tally.genders[g] for g in GENDERS),
        speakers=len(speakers),
        top=tuple(Source(name, type_, named, count, articles) for (name, type_, named), (count, articles) in ranked[:top]),
    )
