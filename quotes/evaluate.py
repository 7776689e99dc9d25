"""Scoring the analyzer against annotations: brat standoff laid out as PolNeAR, and gold JSON files.

Two scorers share one shape: read the annotation, run :func:`analyze` on the article, pair system
attributions with gold ones by character spans, and keep every pairing so a report can be shown
as a summary, a per-article (or per-item) table, JSON, or a list of misses and false positives.
Nothing here prints; malformed annotations raise :class:`quotes.errors.GoldFormatError` naming the
file and line.

**Brat (PolNeAR).** ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_ANNOTATOR.ann``; the first
.ann by file name is the article's gold. Each ``E`` line whose trigger is ``Attribution`` or
``Attribution-no-source`` and that has a Content is one gold attribution. The definitions:

- *match*: a system attribution matches a gold one when the characters they share are at least
  half of the gold content (its first start to its last end) or at least half of the system
  content span. Shared characters count only those inside the gold fragments, so the gap of a
  discontinuous gold span (``"A," he said, "B."``) shares nothing. Nothing shared is never a match.
- *quoted*: gold with a Source whose content fragments hold a double quote mark (``" “ ”``).
- *speech*: gold with a Source whose cue's first word is a form in :data:`SPEECH_WORDS`.
- *speech-indirect*: speech gold whose content holds no double quote mark.
- *recall* of a subset: matched gold / gold in it. *Precision*: system attributions matching some
  gold attribution (any subset, with or without a source) / all system attributions.
- *speaker accuracy* of a subset: over matched gold with a Source, the share for which some
  matching system attribution either has a speaker mention overlapping the gold Source, or a
  canonical speaker name sharing a word (titles and function words aside) with the Source text.

**Gold JSON** (the format of ``north-korea-kursk.gold.json``): see :func:`evaluate_gold_file`.
"""
from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator, Sequence, TextIO

import attrs

from .errors import EngineUnavailable, GoldFormatError, InputError
from .model import ArticleResult, Attribution, Kind, SpeakerType

__all__ = [
    "BratArticle",
    "BratGold",
    "BratReport",
    "ERROR_HEADERS",
    "FalsePositive",
    "GoldItem",
    "GoldItemRow",
    "GoldMatch",
    "GoldReport",
    "Miss",
    "Ratio",
    "SPEECH_WORDS",
    "SUBSETS",
    "SystemItem",
    "analyze",
    "brat_pairs",
    "content_occurrences",
    "dump_errors",
    "error_rows",
    "evaluate_brat",
    "evaluate_gold_file",
    "gold_item_matches",
    "is_speech_cue",
    "judge_item",
    "kinds_of_misses",
    "locate_content",
    "locate_items",
    "parse_ann",
    "read_gold_file",
    "resolve_article_path",
    "score_article",
    "shared_chars",
    "spans_match",
    "speaker_correct",
]

Fragments = tuple[tuple[int, int], ...]

SUBSETS = ("all", "quoted", "speech", "speech-indirect")

DOUBLE_QUOTES = frozenset('"“”')

# Every inflection spelled out rather than stemmed: a stemmer would let "stated" through but also
# "statesman", and "told" or "wrote" need listing anyway. "according" stands for "according to".
# Nouns count where the brief names them (statement, interview); a noun that is also a verb form
# (claims, reports, remarks, promises) counts because the cue's first word is all we look at.
SPEECH_WORDS = frozenset(
    """
    say says said saying
    tell tells told telling
    according
    add adds added adding
    ask asks asked asking
    state states stated stating statement statements
    write writes wrote written writing
    explain explains explained explaining
    note notes noted noting
    argue argues argued arguing
    claim claims claimed claiming
    insist insists insisted insisting
    acknowledge acknowledges acknowledged acknowledging
    announce announces announced announcing
    declare declares declared declaring
    report reports reported reporting
    warn warns warned warning
    tweet tweets tweeted tweeting
    continue continues continued continuing
    reply replies replied replying
    respond responds responded responding
    recall recalls recalled recalling
    suggest suggests suggested suggesting
    admit admits admitted admitting
    deny denies denied denying
    concede concedes conceded conceding
    predict predicts predicted predicting
    vow vows vowed vowing
    pledge pledges pledged pledging
    promise promises promised promising
    testify testifies testified testifying
    remark remarks remarked remarking
    interview interviews interviewed interviewing
    """.split()
)

# Words of a canonical speaker name that say nothing about who it is: titles, honorifics and
# function words. Without this "President Obama" would be credited for any Source holding
# "president". Country words stay in, so "U.S. State Department" still credits a Source "the U.S.
# ambassador": the rule is deliberately lenient, it measures whether the right thing was found.
NAME_STOPWORDS = frozenset(
    """
    a an and the of for in on at to by with from or
    mr mrs ms miss dr prof sir dame lord lady rev jr sr
    president vice prime minister secretary sen senator rep representative gov governor
    gen general lt col capt sgt adm judge justice chairman chairwoman chair
    spokesman spokeswoman spokesperson leader chief director former
    mayor councilman councilwoman ambassador king queen prince princess pope
    """.split()
)

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


def analyze(text: str, *, engine: str = "rules", name: str = "article") -> ArticleResult:
    """The analyzer being scored, looked up through this module so tests can replace it."""
    import quotes  # the package imports nothing from here; importing late keeps it that way

    return quotes.analyze(text, engine=engine, name=name)


# ----------------------------------------------------------------------------- spans and rules


def _merge(fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Sorted, with touching or overlapping fragments joined, so no character counts twice."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def shared_chars(fragments: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of ``start:end`` fall inside the (sorted, disjoint) fragments."""
    return sum(max(0, min(e, end) - max(s, start)) for s, e in fragments)


def spans_match(gold: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """The brat match rule: shared characters >= half the gold content or half the system span.

    The gold length runs from its first start to its last end, gap included, as the content span
    is defined; shared characters are counted only inside its fragments. Half is inclusive
    (5 shared of 10 matches). A span that shares nothing never matches, which also keeps an
    empty system span from matching everything.
    """
    if not gold:
        return False
    shared = shared_chars(gold, start, end)
    if shared == 0:
        return False
    return 2 * shared >= gold[-1][1] - gold[0][0] or 2 * shared >= end - start


def has_double_quote(text: str) -> bool:
    # Two apostrophes ('') stand for a double quote in PolNeAR's New York Times texts, but the
    # quoted subset is defined on the three marks alone; those quotes fall in speech-indirect.
    return any(ch in DOUBLE_QUOTES for ch in text)


def is_speech_cue(cue: str) -> bool:
    """Whether the cue's first word is a speech word: "told reporters", "according to", "said:".

    Only the first word counts, as the subset is defined: "has said" and "also told" are not in
    it (they are about one cue in twelve on PolNeAR); widen here, not in the callers, if that
    definition changes.
    """
    words = _LETTERS.findall(cue.lower())
    return bool(words) and words[0] in SPEECH_WORDS


def _name_words(name: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(name.lower().replace("’", "'")):
        word = re.sub(r"'s$", "", word).strip(".'-")
        # One-letter words are initials ("J. Smith"): too common to say anything on their own.
        if len(word) > 1 and word not in NAME_STOPWORDS:
            words.add(word)
    return frozenset(words)


def speaker_correct(source: Sequence[tuple[int, int]], source_text: str, system: Attribution) -> bool:
    """The brat speaker rule for one system attribution against one gold Source.

    Right when the system's speaker mention overlaps the gold Source (the same words were taken
    as the speaker), or when a content word of the canonical speaker name occurs among the Source
    text's words (the mention was "he" but resolution found "Jane Roe" and the Source says "Roe").
    The word test cannot tell two Clintons apart; it errs on the lenient side.
    """
    mention = system.speaker_mention
    if mention is not None and shared_chars(source, mention.start, mention.end) > 0:
        return True
    if system.speaker is None:
        return False
    return bool(_name_words(system.speaker.name) & _name_words(source_text))


# ----------------------------------------------------------------------------- brat reading


@attrs.frozen
class BratGold:
    """One gold attribution from an ``E`` line, with its spans resolved against the article."""

    id: str
    line: int
    content: Fragments
    content_text: str  # the characters inside the fragments, fragments joined by " … "
    source: Fragments | None
    source_text: str | None
    cue_text: str | None

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def quoted(self) -> bool:
        return self.source is not None and has_double_quote(self.content_text)

    @property
    def speech(self) -> bool:
        return self.source is not None and self.cue_text is not None and is_speech_cue(self.cue_text)

    @property
    def speech_indirect(self) -> bool:
        return self.speech and not has_double_quote(self.content_text)

    def in_subset(self, subset: str) -> bool:
        if subset == "all":
            return True
        if subset == "quoted":
            return self.quoted
        if subset == "speech":
            return self.speech
        if subset == "speech-indirect":
            return self.speech_indirect
        raise ValueError(f"unknown subset {subset!r}; choose one of: {', '.join(SUBSETS)}")

    @property
    def subsets(self) -> tuple[str, ...]:
        return tuple(s for s in SUBSETS[1:] if self.in_subset(s))


@attrs.frozen
class _TextBound:
    label: str
    fragments: Fragments
    line: int


_ID_LINE = re.compile(r"([TERAMN#*])(\d*)\t")
_T_BODY = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")


def _fail(path: str, line: int | None, problem: str) -> GoldFormatError:
    where = f"{path}:{line}" if line is not None else path
    return GoldFormatError(f"{where}: {problem}")


def _text_bound(body: str, article_length: int, path: str, line: int) -> _TextBound:
    match = _T_BODY.match(body)
    if not match:
        raise _fail(path, line, f"cannot read the span of {body[:60]!r} (want 'Label START END')")
    fragments = []
    for piece in match.group(2).split(";"):
        start, end = (int(n) for n in piece.split())
        if not 0 <= start <= end <= article_length:
            raise _fail(path, line, f"span {start}-{end} is outside the article (length {article_length})")
        fragments.append((start, end))
    return _TextBound(match.group(1), _merge(fragments), line)


def _join(article: str, fragments: Fragments) -> str:
    return " … ".join(article[s:e] for s, e in fragments)


def parse_ann(ann: str, article: str, *, path: str = "<ann>") -> tuple[BratGold, ...]:
    """Gold attributions of one brat standoff file, in the order of their ``E`` lines.

    Reads offsets, never the text column (it can run on to the next line, which is skipped).
    Roles are matched without their digit suffix, so ``Content2`` adds fragments to the content
    (in PolNeAR it is a second stretch of words under the same cue). ``Discard`` and ``Discuss``
    spans are read but belong to no event. An event without any Content is dropped: there is
    nothing to match it against.
    """
    bounds: dict[str, _TextBound] = {}
    events: list[tuple[str, str, int]] = []
    previous: str | None = None
    for number, raw in enumerate(ann.removeprefix("\ufeff").splitlines(), start=1):
        if not raw.strip():
            continue
        head = _ID_LINE.match(raw)
        if head is None:
            # brat writes a span's text as it is, so text holding a newline spills onto the next
            # line; that is the only thing allowed to stand on a line of its own.
            if previous in ("T", "#"):
                continue
            raise _fail(path, number, f"not a brat annotation line: {raw[:60]!r}")
        previous = head.group(1)
        ident, _, body = raw.partition("\t")
        if previous == "T":
            bounds[ident] = _text_bound(body, len(article), path, number)
        elif previous == "E":
            events.append((ident, body, number))
    golds = []
    for ident, body, number in events:
        gold = _event(ident, body, number, bounds, article, path)
        if gold is not None:
            golds.append(gold)
    return tuple(golds)


def _event(
    ident: str, body: str, line: int, bounds: dict[str, _TextBound], article: str, path: str
) -> BratGold | None:
    args = body.split()
    if not args:
        raise _fail(path, line, f"event {ident} has no trigger")
    roles: dict[str, list[tuple[int, int]]] = {}
    for position, arg in enumerate(args):
        role, colon, target = arg.partition(":")
        if not colon or not target:
            raise _fail(path, line, f"event argument {arg!r} is not ROLE:ID")
        if target not in bounds:
            raise _fail(path, line, f"event {ident} refers to {target}, which no T line defines")
        if position == 0:
            if role not in _ATTRIBUTION_EVENTS:
                return None
            continue
        roles.setdefault(re.sub(r"\d+$", "", role), []).extend(bounds[target].fragments)
    if "Content" not in roles:
        return None
    content = _merge(roles["Content"])
    source = _merge(roles["Source"]) if "Source" in roles else None
    cue = _merge(roles["Cue"]) if "Cue" in roles else None
    return BratGold(
        id=ident,
        line=line,
        content=content,
        content_text=_join(article, content),
        source=source,
        source_text=_join(article, source) if source else None,
        cue_text=_join(article, cue) if cue else None,
    )


def _read(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters: brat counts both, and translating them would
    # shift every later offset.
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: {error}") from error


def brat_pairs(directory: str | os.PathLike[str]) -> list[tuple[str, Path, Path]]:
    """(article name, text path, first .ann by file name) for each annotated article, sorted.

    An .ann is named ARTICLE_ANNOTATOR.ann; texts without any .ann are left out, as they hold no
    gold to score against.
    """
    root = Path(directory)
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise GoldFormatError(f"{root}: expected the folders text/ and attributions/ (PolNeAR layout)")
    first: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [(t.stem, t, first[t.stem]) for t in sorted(texts.glob("*.txt")) if t.stem in first]


# ----------------------------------------------------------------------------- brat scoring


@attrs.frozen
class SystemItem:
    """What the report keeps of one system attribution (not the article text)."""

    index: int
    kind: str
    start: int
    end: int
    text: str
    cue: str | None
    speaker: str | None
    speaker_type: str | None
    via: str | None
    mention: tuple[int, int] | None
    matched: bool

    @classmethod
    def of(cls, attribution: Attribution, matched: bool) -> "SystemItem":
        speaker = attribution.speaker
        mention = attribution.speaker_mention
        return cls(
            index=attribution.index,
            kind=attribution.kind.value,
            start=attribution.content.start,
            end=attribution.content.end,
            text=attribution.content.text,
            cue=attribution.cue.text if attribution.cue else None,
            speaker=speaker.name if speaker else None,
            speaker_type=speaker.type.value if speaker else None,
            via=attribution.via,
            mention=(mention.start, mention.end) if mention else None,
            matched=matched,
        )


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
class Ratio:
    hit: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {"hit": self.hit, "total": self.total, "value": None if value is None else round(value, 4)}

    def __str__(self) -> str:
        value = self.value
        return f"{value:.3f} ({self.hit}/{self.total})" if value is not None else f"- (0/{self.total})"


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


def _snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


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
            rows.append(_ratio_row(f"recall {subset}", self.recall(subset)))
        rows.append(_ratio_row("precision", self.precision()))
        rows.append(_ratio_row("speaker quoted", self.speaker_accuracy("quoted")))
        rows.append(_ratio_row("speaker speech", self.speaker_accuracy("speech")))
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
                    *(_fraction(one.recall(s)) for s in ("quoted", "speech", "speech-indirect")),
                    len(article.system),
                    _fraction(one.precision()),
                    _fraction(one.speaker_accuracy("all")),
                    _snippet(article.error, 60) if article.error else "",
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


def _fraction(ratio: Ratio) -> str:
    return f"{ratio.hit}/{ratio.total}" if ratio.total else ""


def _ratio_row(label: str, ratio: Ratio) -> list[Any]:
    value = ratio.value
    return [label, round(value, 3) if value is not None else "", f"{ratio.hit}/{ratio.total}"]


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
        text = _read(text_path)
        gold = parse_ann(_read(ann_path), text, path=str(ann_path))
        result, error = _safe_analyze(text, engine=engine, name=name)
        articles.append(score_article(name, gold, result, error))
    return BratReport(str(directory), engine, tuple(articles), time.perf_counter() - began)


def _safe_analyze(text: str, *, engine: str, name: str) -> tuple[ArticleResult | None, str | None]:
    try:
        return analyze(text, engine=engine, name=name), None
    except EngineUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - the point is to survive and count any failure
        return None, f"{type(error).__name__}: {error}"


ERROR_HEADERS = ("what", "article", "subsets", "offset", "cue", "source", "content")


def error_rows(report: BratReport, *, subset: str = "all") -> list[list[Any]]:
    """Misses then false positives as rows: what, article, subsets/kind, offset, cue, who, words."""
    rows: list[list[Any]] = [
        ["miss", m.article, ",".join(m.subsets) or "-", m.start, m.cue or "", m.source or "", m.content]
        for m in report.misses(subset)
    ]
    rows += [
        ["extra", f.article, f.kind, f.start, f.cue or "", f.speaker or "", f.content]
        for f in report.false_positives()
    ]
    widths = (None, None, None, None, 30, 40, 160)
    return [[_snippet(v, w) if w else v for v, w in zip(row, widths)] for row in rows]


def dump_errors(report: BratReport, stream: TextIO, *, subset: str = "all") -> int:
    """Write :func:`error_rows` to ``stream`` as tab-separated lines with a header; returns the count.

    Tabs and newlines inside fields are flattened, so ``cut``/``sort``/``grep`` work on the output.
    """
    stream.write("\t".join(ERROR_HEADERS) + "\n")
    rows = error_rows(report, subset=subset)
    for row in rows:
        stream.write("\t".join(" ".join(str(f).split()) for f in row) + "\n")
    return len(rows)


# ----------------------------------------------------------------------------- gold JSON


@attrs.frozen
class GoldItem:
    """One hand-annotated attribution of a gold JSON file."""

    index: int
    line: int | None
    kind: Kind
    content: str  # the start of the quoted or reported words
    speaker: str | None
    aliases: tuple[str, ...] = ()
    type: SpeakerType | None = None
    has_via: bool = False  # whether the item says anything about a conduit (null is a statement)
    via: str | None = None
    cue: str | None = None
    optional: bool = False
    where: str | None = None


def _gold_item(index: int, raw: Any, line: int | None, path: str) -> GoldItem:
    def problem(text: str) -> GoldFormatError:
        return _fail(path, line, f"attribution {index + 1}: {text}")

    if not isinstance(raw, dict):
        raise problem("is not an object")
    content = raw.get("content")
    if not isinstance(content, str) or not content.strip():
        raise problem("'content' must be a non-empty string")
    try:
        kind = Kind(raw.get("kind"))
    except ValueError:
        raise problem(f"'kind' must be one of {[k.value for k in Kind]}, not {raw.get('kind')!r}") from None
    speaker = raw.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise problem("'speaker' must be a string or null")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise problem("'aliases' must be a list of strings")
    type_ = None
    if raw.get("type") is not None:
        try:
            type_ = SpeakerType(raw["type"])
        except ValueError:
            raise problem(f"'type' must be one of {[t.value for t in SpeakerType]}, not {raw['type']!r}") from None
    via = raw.get("via")
    if via is not None and not isinstance(via, str):
        raise problem("'via' must be a string or null")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise problem("'optional' must be true or false")
    return GoldItem(
        index=index,
        line=line,
        kind=kind,
        content=content,
        speaker=speaker,
        aliases=tuple(aliases),
        type=type_,
        has_via="via" in raw,
        via=via,
        cue=raw.get("cue") if isinstance(raw.get("cue"), str) else None,
        optional=optional,
        where=raw.get("where") if isinstance(raw.get("where"), str) else None,
    )


def _item_lines(raw: str, items: list[Any]) -> list[int | None]:
    """The line on which each element of the top-level "attributions" array begins.

    The json module keeps no positions, so walk the array again with ``raw_decode``; a file whose
    layout defeats this still loads, its errors just name no line.
    """
    decoder = json.JSONDecoder()
    for found in re.finditer(r'"attributions"\s*:\s*\[', raw):
        position = found.end()
        lines: list[int | None] = []
        try:
            while len(lines) < len(items):
                while raw[position] in " \t\r\n,":
                    position += 1
                value, end = decoder.raw_decode(raw, position)
                if value != items[len(lines)]:
                    break
                lines.append(raw.count("\n", 0, position) + 1)
                position = end
        except (json.JSONDecodeError, IndexError):
            continue
        if len(lines) == len(items):
            return lines
    return [None] * len(items)


def read_gold_file(path: str | os.PathLike[str]) -> tuple[str, tuple[GoldItem, ...]]:
    """(the "article" field, the items) of a gold JSON file, validated."""
    raw = _read(Path(path))
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _fail(str(path), error.lineno, f"not JSON: {error.msg}") from None
    if not isinstance(document, dict) or not isinstance(document.get("attributions"), list):
        raise _fail(str(path), 1, 'expected an object with an "attributions" list')
    article = document.get("article")
    if article is not None and not isinstance(article, str):
        raise _fail(str(path), 1, '"article" must be a path string')
    items = document["attributions"]
    lines = _item_lines(raw, items)
    return article or "", tuple(_gold_item(i, item, lines[i], str(path)) for i, item in enumerate(items))


def resolve_article_path(
    gold_path: str | os.PathLike[str], article_field: str, article: str | os.PathLike[str] | None = None
) -> Path:
    """Where the article of a gold file is: ``article`` if given, else the "article" field read
    against the gold file's parent folder (the project root for ``gold/x.gold.json``), the gold
    file's own folder, its further ancestors (``fixtures/gold/`` inside a project), then the
    current directory."""
    if article is not None:
        return Path(article)
    if not article_field:
        raise InputError(f"{gold_path}: no \"article\" field; name the article explicitly")
    folder = Path(gold_path).resolve().parent
    bases = [folder.parent, folder, *folder.parent.parents, Path.cwd()]
    for base in bases:
        candidate = base / article_field
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_path}: article {article_field!r} not found beside the gold file or in {Path.cwd()}")


_QUOTE_CLASSES = {c: "[\"“”„″]" for c in "\"“”„″"} | {c: "['‘’‚′]" for c in "'‘’‚′"}


def _needle(content: str, *, bounded: bool) -> str:
    """A pattern for gold words that forgives quote style and whitespace, nothing else."""
    parts = []
    for piece in re.split(r"(\s+)", content.strip()):
        if not piece:
            continue
        parts.append(r"\s+" if piece.isspace() else "".join(_QUOTE_CLASSES.get(c, re.escape(c)) for c in piece))
    body = "".join(parts)
    if bounded:
        # Whole words first, so the gold "full" is not found inside "successful".
        body = (r"(?<!\w)" if re.match(r"\w", content.strip()) else "") + body
        body += r"(?!\w)" if re.search(r"\w$", content.strip()) else ""
    return body


def content_occurrences(article: str, content: str) -> list[tuple[int, int]]:
    """Every place the gold words occur, best tier first: whole words, then anywhere, then
    ignoring case; the first tier with any hit is the answer."""
    for flags in (0, re.IGNORECASE):
        for bounded in (True, False):
            hits = [(m.start(), m.end()) for m in re.finditer(_needle(content, bounded=bounded), article, flags)]
            if hits:
                return hits
    return []


def locate_content(
    article: str, content: str, *, after: int = 0, taken: frozenset[tuple[int, int]] = frozenset()
) -> tuple[int, int] | None:
    """The occurrence of gold words to score: the first at or after ``after`` that no earlier item
    has ``taken``, else the first not taken, else the first.

    Gold files list attributions in reading order, so walking forward keeps repeated words apart:
    a headline's "heroic feats" and the body's are two items and each takes its own occurrence.
    Returns None when the words are not in the article at all.
    """
    hits = content_occurrences(article, content)
    if not hits:
        return None
    free = [h for h in hits if h not in taken]
    return next((h for h in free if h[0] >= after), free[0] if free else hits[0])


def gold_item_matches(gold: tuple[int, int], start: int, end: int) -> bool:
    """The gold-file match rule: the located gold words lie inside the system content span, or
    the two share at least half of the shorter of them.

    Gold words are only the start of the content, so "inside" is the usual case; the overlap arm
    catches a system span that starts a little late or stops inside short gold words.
    """
    gold_start, gold_end = gold
    if start <= gold_start and gold_end <= end:
        return True
    shared = max(0, min(gold_end, end) - max(gold_start, start))
    return shared > 0 and 2 * shared >= min(gold_end - gold_start, end - start)


def _norm_name(name: str) -> str:
    flat = " ".join(name.replace("’", "'").casefold().split())
    return flat[4:] if flat.startswith("the ") else flat


def _pick(gold: tuple[int, int], system: Sequence[Attribution], candidates: Sequence[int]) -> int | None:
    """The system attribution to judge a found gold item by: one that holds the gold words, then
    the one sharing most of them, starting nearest, tightest."""

    def key(i: int) -> tuple[bool, int, int, int, int]:
        span = system[i].content
        contained = span.start <= gold[0] and gold[1] <= span.end
        shared = max(0, min(gold[1], span.end) - max(gold[0], span.start))
        return (not contained, -shared, abs(span.start - gold[0]), len(span), i)

    return min(candidates, key=key) if candidates else None


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
    chosen = _pick(where, system, candidates)
    if chosen is None:
        return GoldItemRow(item, where[0], where[1], None)
    attribution = system[chosen]
    speaker = attribution.speaker
    names = {_norm_name(n) for n in (item.speaker, *item.aliases) if n}
    if item.speaker is None:
        speaker_ok = speaker is None
    else:
        speaker_ok = speaker is not None and _norm_name(speaker.name) in names
    via_ok = None
    if item.has_via:
        if item.via is None:
            via_ok = attribution.via is None
        else:
            via_ok = attribution.via is not None and _norm_name(attribution.via) == _norm_name(item.via)
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
            _ratio_row("required found", self.found()),
            _ratio_row("optional found", self.optional_found()),
            ["system", len(self.system), ""],
            ["extras", len(self.extras), ""],
            _ratio_row("speaker right", self.speaker_right()),
            _ratio_row("via right", self.via_right()),
            _ratio_row("type right", self.type_right()),
            _ratio_row("kind right", self.kind_right()),
            ["exception", self.error or "", ""],
        ]

    def rows(self) -> list[list[Any]]:
        return [
            [
                r.item.index + 1,
                "opt" if r.item.optional else "",
                r.item.kind.value,
                _snippet(r.item.content, 50),
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
        return [[s.start, s.kind, s.speaker or "", _snippet(s.text, 80)] for s in self.extras]

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


def locate_items(article: str, items: Sequence[GoldItem], *, path: str = "<gold>") -> list[tuple[int, int]]:
    """Each item's place in the article, walking in file order (see :func:`locate_content`)."""
    places: list[tuple[int, int]] = []
    after = 0
    for item in items:
        where = locate_content(article, item.content, after=after, taken=frozenset(places))
        if where is None:
            raise _fail(path, item.line, f"attribution {item.index + 1}: {item.content!r} is not in the article")
        places.append(where)
        after = where[0]
    return places


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
    text = _read(article_path)
    places = locate_items(text, items, path=str(path))
    result, error = _safe_analyze(text, engine=engine, name=article_path.stem)
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


def kinds_of_misses(report: BratReport, *, subset: str = "all") -> Counter[str]:
    """Misses counted by the first word of their cue: a quick look at which cues detection lacks."""
    return Counter((_LETTERS.findall((m.cue or "").lower()) or ["-"])[0] for m in report.misses(subset))
