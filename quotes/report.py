"""Sourcing tables: who is quoted, how, and how much, over one article or many.

Rows are built once (``build_report`` for an article, ``combine`` for a total) and printed as a
table, CSV or JSON; ``page`` draws its charts from the same rows.

Counting rules, stated once:

- the kinds are ``direct``, ``partial`` and ``indirect`` (reported speech without quote
  marks), the words of the JSON Lines contract, in every table, CSV and JSON;
- ``words`` are the words inside quote marks: direct and partial quotes only, because a
  reported sentence is the journalist's wording, not the source's;
- attributions with no speaker are one row, ``(unattributed)`` (its type is ``unknown``, as in
  the JSON Lines, but the by-type table counts it as ``unattributed``, apart from speakers
  found whose type is unknown), so every table adds up to the article's attributions;
- shares of attributions are over all attributions; the named/anonymous share of *sources* is
  over distinct attributed speakers (a conduit that only carried words is not a source).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable, Iterator, Sequence

import attrs

from .lexicon import Honorific, honorifics
from .model import ArticleResult, Attribution, Kind, SpeakerType
from .render import UNATTRIBUTED, attributions_table, to_csv
from .tables import DEFAULT_WIDTH, Column, format_table, wrap_lines

_NO_STYLE = Honorific(None, False)
UNATTRIBUTED_TYPE = "unattributed"  # the by-type row of attributions with no speaker
TOTAL = "(total)"
NO_AFFILIATION = "-"


@attrs.frozen
class Tally:
    """Counts by kind and quoted words for one group of attributions."""

    direct: int = 0
    partial: int = 0
    indirect: int = 0
    words: int = 0

    @property
    def attributions(self) -> int:
        return self.direct + self.partial + self.indirect

    @classmethod
    def of(cls, attributions: Iterable[Attribution]) -> "Tally":
        kinds: Counter[Kind] = Counter()
        words = 0
        for a in attributions:
            kinds[a.kind] += 1
            if a.kind is not Kind.INDIRECT:
                words += a.words
        return cls(kinds[Kind.DIRECT], kinds[Kind.PARTIAL], kinds[Kind.INDIRECT], words)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.direct + other.direct,
            self.partial + other.partial,
            self.indirect + other.indirect,
            self.words + other.words,
        )


@attrs.frozen
class SpeakerRow:
    name: str
    type: str
    named: bool
    affiliation: str | None
    via: tuple[str, ...]  # conduits that carried this speaker's words, in order of first use
    tally: Tally
    articles: int = 1  # in a total: how many articles quote this source


@attrs.frozen
class GroupRow:
    """One speaker type or one affiliation."""

    key: str
    sources: int
    tally: Tally


@attrs.frozen
class Report:
    """The sourcing tables of one article, or the total over many (``article == TOTAL``)."""

    article: str
    speakers: tuple[SpeakerRow, ...]
    by_type: tuple[GroupRow, ...]
    by_affiliation: tuple[GroupRow, ...]
    tally: Tally
    named: int  # attributions to a named speaker
    anonymous: int  # attributions to an unnamed one
    unattributed: int
    named_sources: int
    anonymous_sources: int
    articles: int = 1

    @property
    def sources(self) -> int:
        return self.named_sources + self.anonymous_sources

    def shares(self) -> dict[str, float | None]:
        """Fractions in [0, 1]; None where the denominator is zero."""
        return {
            "named": _share(self.named, self.tally.attributions),
            "anonymous": _share(self.anonymous, self.tally.attributions),
            "unattributed": _share(self.unattributed, self.tally.attributions),
            "direct": _share(self.tally.direct, self.tally.attributions),
            "partial": _share(self.tally.partial, self.tally.attributions),
            "indirect": _share(self.tally.indirect, self.tally.attributions),
            "named_sources": _share(self.named_sources, self.sources),
            "anonymous_sources": _share(self.anonymous_sources, self.sources),
        }


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _speaker_key(a: Attribution) -> tuple[str, str, bool]:
    if a.speaker is None:
        return (UNATTRIBUTED, SpeakerType.UNKNOWN.value, False)
    return (a.speaker.name, a.speaker.type.value, a.speaker.named)


def build_report(result: ArticleResult) -> Report:
    """The sourcing tables of one article; speakers in order of first attribution."""
    groups: dict[object, list[Attribution]] = {}
    for a in result.attributions:
        groups.setdefault(a.speaker.id if a.speaker else None, []).append(a)
    speakers = []
    for attributions in groups.values():
        first = attributions[0]
        name, type_, named = _speaker_key(first)
        via = tuple(dict.fromkeys(a.via for a in attributions if a.via))
        speakers.append(SpeakerRow(
            name=name,
            type=type_,
            named=named,
            affiliation=first.speaker.affiliation if first.speaker else None,
            via=via,
            tally=Tally.of(attributions),
        ))
    return _assemble(result.name, tuple(speakers), articles=1)


def _name_key(name: str) -> tuple[str, ...]:
    """A person's name words less honorifics and styles: "Mr Blair" -> (blair,), "Sir
    Menzies Campbell" -> (menzies, campbell)."""
    words = [w.lower().rstrip(".") for w in name.split()]
    kept = [w for w in words if w not in honorifics() and w != "justice"]
    return tuple(kept or words)


def join_person_names(names: Iterable[str]) -> dict[str, str]:
    """One person's forms across a corpus under one name, when the corpus leaves no doubt:
    "Mr Blair" and "Blair" become "Tony Blair" when "Tony Blair" is the only full name with
    that surname; the fuller of two forms of one full name wins ("Sir Menzies Campbell" over
    "Menzies Campbell"). With two full names for a surname ("Tony Blair", "Cherie Blair"), or
    short forms of both genders ("Mr Roe", "Ms Roe"), the short forms stay as they are.
    Returns only the names that change."""
    names = list(dict.fromkeys(names))
    full: dict[str, dict[tuple[str, ...], list[str]]] = {}
    short: dict[str, list[str]] = {}
    for name in names:
        key = _name_key(name)
        if len(key) > 1:
            full.setdefault(key[-1], {}).setdefault(key, []).append(name)
        elif key:
            short.setdefault(key[0], []).append(name)
    joined: dict[str, str] = {}
    for surname, people in full.items():
        for forms in people.values():
            best = max(forms, key=lambda f: (len(f.split()), f))
            joined.update((f, best) for f in forms if f != best)
        genders = {(honorifics().get(n.split()[0].lower()) or _NO_STYLE).gender for n in short.get(surname, ())} - {None}
        if len(people) == 1 and len(genders) <= 1:
            best = max(next(iter(people.values())), key=lambda f: (len(f.split()), f))
            joined.update((f, best) for f in short.get(surname, ()))
    return joined


def combine(reports: Sequence[Report], *, article: str = TOTAL) -> Report:
    """The total over many articles: a source is one row across articles when its canonical
    name and type agree, after one person's forms are joined ("Mr Blair" in one article,
    "Tony Blair" in another: ``join_person_names``). That joins "Donald Trump" in two
    articles (right) and also two different "officials" groups (wrong, but an unnamed group
    has no identity to tell apart)."""
    people = join_person_names(row.name for report in reports for row in report.speakers if row.type == SpeakerType.PERSON.value and row.named)
    merged: dict[tuple[str, str, bool], SpeakerRow] = {}
    for report in reports:
        for row in report.speakers:
            if row.name in people and row.type == SpeakerType.PERSON.value and row.named:
                row = attrs.evolve(row, name=people[row.name])
            key = (row.name, row.type, row.named)
            seen = merged.get(key)
            if seen is None:
                merged[key] = row
            else:
                merged[key] = attrs.evolve(
                    seen,
                    affiliation=seen.affiliation or row.affiliation,
                    via=tuple(dict.fromkeys(seen.via + row.via)),
                    tally=seen.tally + row.tally,
                    articles=seen.articles + row.articles,
                )
    return _assemble(article, tuple(merged.values()), articles=sum(r.articles for r in reports))


def _assemble(article: str, speakers: tuple[SpeakerRow, ...], *, articles: int) -> Report:
    total = sum((s.tally for s in speakers), Tally())
    attributed = [s for s in speakers if s.name != UNATTRIBUTED]
    # Rank speakers by how much they are quoted; ties keep article order (sorted is stable).
    speakers = tuple(sorted(speakers, key=lambda s: (s.name == UNATTRIBUTED, -s.tally.attributions, -s.tally.words)))
    by_type = _groups(speakers, lambda s: UNATTRIBUTED_TYPE if s.name == UNATTRIBUTED else s.type,
                      order=[*(t.value for t in SpeakerType), UNATTRIBUTED_TYPE])
    by_affiliation = _groups(speakers, lambda s: s.affiliation or NO_AFFILIATION)
    return Report(
        article=article,
        speakers=speakers,
        by_type=by_type,
        by_affiliation=by_affiliation,
        tally=total,
        named=sum(s.tally.attributions for s in attributed if s.named),
        anonymous=sum(s.tally.attributions for s in attributed if not s.named),
        unattributed=sum(s.tally.attributions for s in speakers if s.name == UNATTRIBUTED),
        named_sources=sum(1 for s in attributed if s.named),
        anonymous_sources=sum(1 for s in attributed if not s.named),
        articles=articles,
    )


def _groups(speakers: Sequence[SpeakerRow], key, *, order: Sequence[str] = ()) -> tuple[GroupRow, ...]:
    tallies: dict[str, Tally] = {}
    sources: Counter[str] = Counter()
    for s in speakers:
        k = key(s)
        tallies[k] = tallies.get(k, Tally()) + s.tally
        if s.name != UNATTRIBUTED:
            sources[k] += 1
    rows = [GroupRow(k, sources[k], t) for k, t in tallies.items()]
    rank = {k: n for n, k in enumerate(order)}
    rows.sort(key=lambda r: (rank.get(r.key, len(rank)), r.key == NO_AFFILIATION, -r.tally.attributions))
    return tuple(rows)


def reports_for(results: Iterable[ArticleResult]) -> list[Report]:
    """One report per article and, when there are several, the total last."""
    reports = [build_report(r) for r in results]
    if len(reports) > 1:
        reports.append(combine(reports))
    return reports


# Rows: one flat list with a ``table`` column, so CSV, JSON and the text tables agree.

ROW_FIELDS = (
    "article", "table", "name", "type", "named", "affiliation", "via", "sources",
    "direct", "partial", "indirect", "attributions", "words", "share",
)


def _tally_fields(t: Tally, whole: int) -> dict[str, Any]:
    return {
        "direct": t.direct,
        "partial": t.partial,
        "indirect": t.indirect,
        "attributions": t.attributions,
        "words": t.words,
        "share": _round(_share(t.attributions, whole)),
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def report_rows(report: Report) -> list[dict[str, Any]]:
    whole = report.tally.attributions
    base = dict.fromkeys(ROW_FIELDS)
    rows: list[dict[str, Any]] = []
    for s in report.speakers:
        rows.append({**base, "article": report.article, "table": "speaker", "name": s.name, "type": s.type,
                     "named": s.named, "affiliation": s.affiliation, "via": "; ".join(s.via) or None,
                     "sources": None if s.name == UNATTRIBUTED else 1, **_tally_fields(s.tally, whole)})
    for table, groups in (("type", report.by_type), ("affiliation", report.by_affiliation)):
        for g in groups:
            rows.append({**base, "article": report.article, "table": table, "name": g.key,
                         "sources": g.sources, **_tally_fields(g.tally, whole)})
    shares = report.shares()
    for name, count, sources in (
        ("named", report.named, report.named_sources),
        ("anonymous", report.anonymous, report.anonymous_sources),
        ("unattributed", report.unattributed, None),
    ):
        rows.append({**base, "article": report.article, "table": "share", "name": name, "sources": sources,
                     "attributions": count, "share": _round(shares[name])})
    for name, count in (("direct", report.tally.direct), ("partial", report.tally.partial),
                        ("indirect", report.tally.indirect)):
        rows.append({**base, "article": report.article, "table": "share", "name": name,
                     "attributions": count, "share": _round(shares[name])})
    return rows


def report_dict(report: Report) -> dict[str, Any]:
    shares = report.shares()
    return {
        "article": report.article,
        "articles": report.articles,
        "attributions": report.tally.attributions,
        "direct": report.tally.direct,
        "partial": report.tally.partial,
        "indirect": report.tally.indirect,
        "words": report.tally.words,
        "named": report.named,
        "anonymous": report.anonymous,
        "unattributed": report.unattributed,
        "sources": report.sources,
        "named_sources": report.named_sources,
        "anonymous_sources": report.anonymous_sources,
        "shares": {k: _round(v) for k, v in shares.items()},
        "speakers": [
            {"name": s.name, "type": s.type, "named": s.named, "affiliation": s.affiliation, "via": list(s.via),
             "articles": s.articles, "direct": s.tally.direct, "partial": s.tally.partial,
             "indirect": s.tally.indirect, "attributions": s.tally.attributions, "words": s.tally.words}
            for s in report.speakers
        ],
        "by_type": [_group_dict(g) for g in report.by_type],
        "by_affiliation": [_group_dict(g) for g in report.by_affiliation],
    }


def _group_dict(g: GroupRow) -> dict[str, Any]:
    return {"name": g.key, "sources": g.sources, "direct": g.tally.direct, "partial": g.tally.partial,
            "indirect": g.tally.indirect, "attributions": g.tally.attributions, "words": g.tally.words}


def to_json(reports: Sequence[Report]) -> str:
    """One object for one article; otherwise the articles and the total."""
    if len(reports) == 1:
        data: Any = report_dict(reports[0])
    else:
        data = {"articles": [report_dict(r) for r in reports[:-1]], "total": report_dict(reports[-1])}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_report_csv(reports: Sequence[Report], *, raw: bool = False) -> str:
    return to_csv([row for r in reports for row in report_rows(r)], ROW_FIELDS, raw=raw)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


SPEAKER_COLUMNS = (
    Column("speaker", weight=3, minimum=10),  # "Kim Jong Un via North Korean state media", as in analyze
    Column("type"),
    Column("direct", numeric=True), Column("partial", numeric=True), Column("indirect", numeric=True),
    Column("words", numeric=True),
    Column("affiliation", weight=1),
)


def _group_columns(title: str) -> tuple[Column, ...]:
    return (Column(title, weight=1, minimum=10), Column("sources", numeric=True),
            Column("direct", numeric=True), Column("partial", numeric=True), Column("indirect", numeric=True),
            Column("words", numeric=True))


def report_table(report: Report, width: int = DEFAULT_WIDTH, *, result: ArticleResult | None = None) -> str:
    """The sourcing tables as text, ``width`` columns wide: long names wrap, never cut. With
    the article's ``result``, its attributions table comes first (what ``analyze`` prints)."""
    s = report.shares()
    t = report.tally
    head = f"== {report.article} ==" + (f" ({report.articles} articles)" if report.article == TOTAL else "")
    lines = [
        f"{t.attributions} attributions, {t.words} words quoted",
        f"by kind: direct {t.direct} ({_pct(s['direct'])}), partial {t.partial} "
        f"({_pct(s['partial'])}), indirect {t.indirect} ({_pct(s['indirect'])})",
        f"by speaker: named {report.named} ({_pct(s['named'])}), anonymous {report.anonymous} "
        f"({_pct(s['anonymous'])}), unattributed {report.unattributed} ({_pct(s['unattributed'])})",
        f"{report.sources} sources: named {report.named_sources} ({_pct(s['named_sources'])}), "
        f"anonymous {report.anonymous_sources} ({_pct(s['anonymous_sources'])})",
    ]
    return "\n".join([
        head,
        *([attributions_table(result, width), ""] if result is not None else []),
        wrap_lines(lines, width),
        "",
        speakers_table(report, width),
        "",
        _group_table("type", report.by_type, width),
        "",
        _group_table("affiliation", report.by_affiliation, width),
    ]) + "\n"


def speakers_table(report: Report, width: int = DEFAULT_WIDTH) -> str:
    rows = [[s.name + (f" via {'; '.join(s.via)}" if s.via else ""), "-" if s.name == UNATTRIBUTED else s.type,
             s.tally.direct, s.tally.partial, s.tally.indirect, s.tally.words, s.affiliation] for s in report.speakers]
    return format_table(SPEAKER_COLUMNS, rows, width)


def _group_table(title: str, groups: Sequence[GroupRow], width: int) -> str:
    rows = [[g.key, g.sources, g.tally.direct, g.tally.partial, g.tally.indirect, g.tally.words] for g in groups]
    return format_table(_group_columns(title), rows, width)


def to_table(reports: Sequence[Report], width: int = DEFAULT_WIDTH) -> str:
    return "\n".join(report_table(r, width) for r in reports)


def analysis_tables(results: Iterable[ArticleResult], width: int = DEFAULT_WIDTH) -> Iterator[str]:
    """What ``analyze`` prints, article by article as each is analysed: its attributions, then
    the tables ``report`` prints for it; and, for several articles, the same total."""
    built = []
    for result in results:
        built.append(build_report(result))
        yield ("\n" if len(built) > 1 else "") + report_table(built[-1], width, result=result)
    if len(built) > 1:
        yield "\n" + report_table(combine(built), width)
