"""Newsroom checks: rules an article's sourcing should pass before it runs.

Each rule is a small function from one ``ArticleResult`` (and its thresholds) to failures;
each failure names the article, the rule (a stable id, below), the numbers it measured and the
evidence: the quotes that show it, each with its line, column and paragraph.

- ``unattributed-direct-quote``: a direct quote nobody is credited with. Its evidence says why
  (``REASONS``): no cue claims it, its cue names nobody, or its speaker is a pronoun with
  nothing to point to.
- ``anonymous-share``: more than ``max_anonymous_share`` of the article's attributed sources
  (distinct speakers with at least one attribution) are anonymous. An article with no
  attributed sources has no share and passes this rule (``too-few-named-sources`` catches it).
- ``too-few-named-sources``: fewer than ``min_named_sources`` named sources.

A quote credited on a weak link (``Attribution.uncertain``: a pronoun joined by salience alone,
the speaker of an earlier paragraph) is no failure, but it is no fact either: evidence marks its
speaker as uncertain with the reason resolution gave, and each article's uncertain direct quotes
are listed apart (``uncertain`` in the JSON) for an editor to confirm.
"""
from __future__ import annotations

import bisect
import json
from typing import Any, Iterable, Sequence

import attrs
import regex

from .model import ArticleResult, Attribution, Kind

RULES = ("unattributed-direct-quote", "anonymous-share", "too-few-named-sources")

# Why a quote has no speaker: id -> what it means (the id is in the JSON output).
REASONS = {
    "no-cue": "no speech verb or credit claims it, and no neighbouring quote lends a speaker",
    "cue-without-speaker": "its cue names nobody",
    "unresolved-pronoun": "its speaker is a pronoun with nothing to point to",
    "unresolved-mention": "its speaker mention could not be joined to a source",
}


def reason(a: Attribution) -> tuple[str, str] | None:
    """(reason id, words) for an attribution without a speaker; None when it has one."""
    if a.speaker is not None:
        return None
    if a.speaker_mention is None:
        if a.cue is None:
            return "no-cue", REASONS["no-cue"]
        return "cue-without-speaker", f"its cue {_quote(a.cue.text)} names nobody"
    from .resolve import parse_mention

    mention = _quote(a.speaker_mention.text)
    if parse_mention(a.speaker_mention.text).pronoun is not None:
        return "unresolved-pronoun", f"the pronoun {mention} has no one named before it to point to"
    return "unresolved-mention", f"{mention} could not be joined to a source"


LINE_BREAK = regex.compile(r"\r\n|\r|\n")


class Lines:
    """Line and column (both from 1, columns in characters) of offsets into one text; CRLF,
    CR and LF each end a line. A paragraph is a line, as the rules engine reads articles."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def paragraph(self, offset: int, words: int = 8) -> str:
        """The first words of the paragraph (line) that holds ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        stop = self.starts[line] if line < len(self.starts) else len(self.text)
        found = self.text[self.starts[line - 1] : stop].split()
        return " ".join(found[:words]) + (" …" if len(found) > words else "")


@attrs.frozen
class Evidence:
    quote: str
    start: int
    end: int
    line: int
    column: int
    paragraph: str  # the first words of the paragraph the quote starts in
    speaker: str | None
    reason: str | None = None  # a REASONS id when the quote has no speaker
    uncertain: bool = False  # the speaker is given on a weak link
    speaker_reason: str = ""  # how resolution found the speaker (Attribution.reason)

    @classmethod
    def of(cls, a: Attribution, lines: Lines) -> "Evidence":
        line, column = lines.line_column(a.content.start)
        why = reason(a)
        return cls(a.content.text, a.content.start, a.content.end, line, column, lines.paragraph(a.content.start),
                   a.speaker.name if a.speaker else None, why[0] if why else None, a.uncertain, a.reason)

    def speaker_text(self) -> str:
        if self.speaker is None:
            return "(unattributed)"
        return f"{self.speaker}? (uncertain: {self.speaker_reason})" if self.uncertain else self.speaker


@attrs.frozen
class Failure:
    article: str
    rule: str
    message: str
    evidence: tuple[Evidence, ...]
    numbers: dict[str, int | float] = attrs.field(factory=dict)  # what the rule measured and its limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "rule": self.rule,
            "message": self.message,
            "numbers": dict(self.numbers),
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
    lines = Lines(result.text)
    failures = []
    for a in result.attributions:
        if a.kind is Kind.DIRECT and a.speaker is None:
            evidence = Evidence.of(a, lines)
            why = reason(a)
            failures.append(Failure(
                result.name, "unattributed-direct-quote",
                f"direct quote has no speaker: {why[1] if why else ''}",
                (evidence,)))
    return failures


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
    lines = Lines(result.text)
    return [Failure(
        result.name, "anonymous-share",
        f"{len(anonymous)} of {total} sources are anonymous ({share:.0%} > {limits.max_anonymous_share:.0%}): {names}",
        tuple(Evidence.of(a, lines) for a in anonymous.values()),
        {"anonymous_sources": len(anonymous), "sources": total, "anonymous_share": share,
         "max_anonymous_share": limits.max_anonymous_share},
    )]


def named_sources(result: ArticleResult, limits: Thresholds) -> list[Failure]:
    named = _first_by_source(result, named=True)
    if len(named) >= limits.min_named_sources:
        return []
    found = ", ".join(a.speaker.name for a in named.values() if a.speaker) or "none"
    # The evidence is what the article leans on instead: its other attributions' first quotes.
    others = _first_by_source(result, named=False)
    unattributed = [a for a in result.attributions if a.speaker is None][:1]
    lines = Lines(result.text)
    return [Failure(
        result.name, "too-few-named-sources",
        f"{len(named)} named sources, at least {limits.min_named_sources} asked (named: {found})",
        tuple(Evidence.of(a, lines) for a in [*named.values(), *others.values(), *unattributed]),
        {"named_sources": len(named), "min_named_sources": limits.min_named_sources},
    )]


CHECKS = (unattributed_direct_quotes, anonymous_share, named_sources)


def check_article(result: ArticleResult, limits: Thresholds = Thresholds()) -> list[Failure]:
    return [failure for rule in CHECKS for failure in rule(result, limits)]


@attrs.frozen
class Allowed:
    """A failure the desk accepts (``config.Allow``), reported but not failing the run."""

    failure: Failure
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.failure.to_dict(), "note": self.note}


def uncertain_direct_quotes(result: ArticleResult) -> tuple[Evidence, ...]:
    """The article's direct quotes whose speaker is given on a weak link."""
    lines = Lines(result.text)
    return tuple(Evidence.of(a, lines) for a in result.attributions if a.kind is Kind.DIRECT and a.uncertain)


@attrs.frozen
class CheckReport:
    articles: tuple[str, ...]
    failures: tuple[Failure, ...]
    allowed: tuple[Allowed, ...] = ()
    uncertain: tuple[tuple[str, tuple[Evidence, ...]], ...] = ()  # (article, its uncertain direct quotes)

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "articles": list(self.articles),
            "failures": [f.to_dict() for f in self.failures],
            "allowed": [a.to_dict() for a in self.allowed],
            "uncertain": [{"article": name, "evidence": [attrs.asdict(e) for e in found]} for name, found in self.uncertain],
        }


def check_all(results: Iterable[ArticleResult], limits: Thresholds = Thresholds(),
              allow: Sequence[Any] = ()) -> CheckReport:
    """Every article against every rule; a failure an entry of ``allow`` covers (anything with
    ``covers(article, rule)`` and ``note``, as ``config.Allow``) is set apart as allowed."""
    names: list[str] = []
    failures: list[Failure] = []
    allowed: list[Allowed] = []
    uncertain: list[tuple[str, tuple[Evidence, ...]]] = []
    for result in results:
        names.append(result.name)
        weak = uncertain_direct_quotes(result)
        if weak:
            uncertain.append((result.name, weak))
        for failure in check_article(result, limits):
            entry = next((e for e in allow if e.covers(failure.article, failure.rule)), None)
            if entry is None:
                failures.append(failure)
            else:
                allowed.append(Allowed(failure, entry.note))
    return CheckReport(tuple(names), tuple(failures), tuple(allowed), tuple(uncertain))


def _quote(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= width else text[: width - 1] + "…") + "”"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def format_text(report: CheckReport) -> str:
    lines: list[str] = []
    for f in report.failures:
        lines.append(f"FAIL {f.article}: {f.rule}: {f.message}")
        for e in f.evidence:
            lines.append(f"    line {e.line}, column {e.column}, in the paragraph {_quote(e.paragraph, 60)}")
            lines.append(f"      {e.speaker_text()}: {_quote(e.quote)}")
    for name, found in report.uncertain:
        lines.append(f"uncertain {name}: {_count(len(found), 'direct quote')} credited on a weak link, to confirm")
        for e in found:
            lines.append(f"    line {e.line}, column {e.column}: {e.speaker_text()}: {_quote(e.quote)}")
    for a in report.allowed:
        lines.append(f"allowed {a.failure.article}: {a.failure.rule}: {a.failure.message}"
                     + (f" (allowed: {a.note})" if a.note else ""))
    n = len(report.articles)
    allowed = f"; {_count(len(report.allowed), 'failure')} allowed" if report.allowed else ""
    if report.passed:
        lines.append(f"all checks passed ({_count(n, 'article')}{allowed})")
    else:
        failing = len({f.article for f in report.failures})
        lines.append(f"{_count(len(report.failures), 'failure')} in {failing} of {_count(n, 'article')}{allowed}")
    return "\n".join(lines) + "\n"


def format_json(report: CheckReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
