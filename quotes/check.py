"""Newsroom checks: rules an article's sourcing should pass before it runs.

Each rule is a small function from one ``ArticleResult`` (and its thresholds) to failures;
each failure names the article, the rule and the evidence (the quotes that show it).

- ``unattributed-direct-quote``: a direct quote nobody is credited with.
- ``anonymous-share``: more than ``max_anonymous_share`` of the article's attributed sources
  (distinct speakers with at least one attribution) are anonymous. An article with no
  attributed sources has no share and passes this rule (``named-sources`` catches it).
- ``named-sources``: fewer than ``min_named_sources`` named sources.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

import attrs

from .model import ArticleResult, Attribution, Kind

RULES = ("unattributed-direct-quote", "anonymous-share", "named-sources")


@attrs.frozen
class Evidence:
    quote: str
    start: int
    end: int
    speaker: str | None

    @classmethod
    def of(cls, a: Attribution) -> "Evidence":
        return cls(a.content.text, a.content.start, a.content.end, a.speaker.name if a.speaker else None)


@attrs.frozen
class Failure:
    article: str
    rule: str
    message: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "rule": self.rule,
            "message": self.message,
            "evidence": [attrs.asdict(e) for e in self.evidence],
        }


@attrs.frozen
class Thresholds:
    max_anonymous_share: float = 0.5
    min_named_sources: int = 1

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.max_anonymous_share <= 1.0:
            raise ValueError(f"max_anonymous_share must be between 0 and 1, not {self.max_anonymous_share}")
        if self.min_named_sources < 0:
            raise ValueError(f"min_named_sources must be 0 or more, not {self.min_named_sources}")


def _first_by_source(result: ArticleResult, *, named: bool) -> dict[int, Attribution]:
    """Each attributed source (named or not) with its first attribution, in article order."""
    first: dict[int, Attribution] = {}
    for a in result.attributions:
        if a.speaker is not None and a.speaker.named is named:
            first.setdefault(a.speaker.id, a)
    return first


def unattributed_direct_quotes(result: ArticleResult, limits: Thresholds) -> list[Failure]:
    return [
        Failure(result.name, "unattributed-direct-quote",
                f"direct quote at {a.content.start}-{a.content.end} has no speaker", (Evidence.of(a),))
        for a in result.attributions
        if a.kind is Kind.DIRECT and a.speaker is None
    ]


def anonymous_share(result: ArticleResult, limits: Thresholds) -> list[Failure]:
    anonymous = _first_by_source(result, named=False)
    named = _first_by_source(result, named=True)
    total = len(anonymous) + len(named)
    if not total:
        return []
    share = len(anonymous) / total
    if share <= limits.max_anonymous_share:
        return []
    names = ", ".join(a.speaker.name for a in anonymous.values() if a.speaker)
    return [Failure(
        result.name, "anonymous-share",
        f"{len(anonymous)} of {total} sources are anonymous ({share:.0%} > {limits.max_anonymous_share:.0%}): {names}",
        tuple(Evidence.of(a) for a in anonymous.values()),
    )]


def named_sources(result: ArticleResult, limits: Thresholds) -> list[Failure]:
    named = _first_by_source(result, named=True)
    if len(named) >= limits.min_named_sources:
        return []
    found = ", ".join(a.speaker.name for a in named.values() if a.speaker) or "none"
    # The evidence is what the article leans on instead: its other attributions' first quotes.
    others = _first_by_source(result, named=False)
    unattributed = [a for a in result.attributions if a.speaker is None][:1]
    return [Failure(
        result.name, "named-sources",
        f"{len(named)} named sources, at least {limits.min_named_sources} asked (named: {found})",
        tuple(Evidence.of(a) for a in [*named.values(), *others.values(), *unattributed]),
    )]


CHECKS = (unattributed_direct_quotes, anonymous_share, named_sources)


def check_article(result: ArticleResult, limits: Thresholds = Thresholds()) -> list[Failure]:
    return [failure for rule in CHECKS for failure in rule(result, limits)]


@attrs.frozen
class CheckReport:
    articles: tuple[str, ...]
    failures: tuple[Failure, ...]

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "articles": list(self.articles),
            "failures": [f.to_dict() for f in self.failures],
        }


def check_all(results: Iterable[ArticleResult], limits: Thresholds = Thresholds()) -> CheckReport:
    names: list[str] = []
    failures: list[Failure] = []
    for result in results:
        names.append(result.name)
        failures.extend(check_article(result, limits))
    return CheckReport(tuple(names), tuple(failures))


def _quote(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= width else text[: width - 1] + "…") + "”"


def format_text(report: CheckReport) -> str:
    lines: list[str] = []
    for f in report.failures:
        lines.append(f"FAIL {f.article}: {f.rule}: {f.message}")
        for e in f.evidence:
            who = e.speaker or "(no speaker)"
            lines.append(f"    {e.start}-{e.end} {who}: {_quote(e.quote)}")
    n = len(report.articles)
    if report.passed:
        lines.append(f"all checks passed ({n} article{'s' if n != 1 else ''})")
    else:
        failing = len({f.article for f in report.failures})
        lines.append(f"{len(report.failures)} failure{'s' if len(report.failures) != 1 else ''} "
                     f"in {failing} of {n} article{'s' if n != 1 else ''}")
    return "\n".join(lines) + "\n"


def format_json(report: CheckReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
