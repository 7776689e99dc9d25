"""Reading brat standoff annotations laid out as PolNeAR.

Receives ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_ANNOTATOR.ann`` (the first .ann by
file name is the article's gold); hands on :class:`BratGold` attributions with their spans
resolved against the article, each knowing the subsets it belongs to. Each ``E`` line whose
trigger is ``Attribution`` or ``Attribution-no-source`` and that has a Content is one gold
attribution. The subsets:

- *quoted*: gold with a Source whose content fragments hold a double quote mark (``" “ ”``).
- *speech*: gold with a Source whose cue's first word is a form in :data:`SPEECH_WORDS`.
- *speech-indirect*: speech gold whose content holds no double quote mark.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from ..errors import GoldFormatError
from .common import fail
from .rules import Fragments, merge

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

_LETTERS = re.compile(r"[^\W\d_]+")


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
    return cue_word(cue) in SPEECH_WORDS


def cue_word(cue: str) -> str | None:
    """The cue's first word, lower-cased and letters only ("Said:" -> "said"); None if it has none."""
    words = _LETTERS.findall(cue.lower())
    return words[0] if words else None


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


def _text_bound(body: str, article_length: int, path: str, line: int) -> _TextBound:
    match = _T_BODY.match(body)
    if not match:
        raise fail(path, line, f"cannot read the span of {body[:60]!r} (want 'Label START END')")
    fragments = []
    for piece in match.group(2).split(";"):
        start, end = (int(n) for n in piece.split())
        if not 0 <= start <= end <= article_length:
            raise fail(path, line, f"span {start}-{end} is outside the article (length {article_length})")
        fragments.append((start, end))
    return _TextBound(match.group(1), merge(fragments), line)


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
            raise fail(path, number, f"not a brat annotation line: {raw[:60]!r}")
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
        raise fail(path, line, f"event {ident} has no trigger")
    roles: dict[str, list[tuple[int, int]]] = {}
    for position, arg in enumerate(args):
        role, colon, target = arg.partition(":")
        if not colon or not target:
            raise fail(path, line, f"event argument {arg!r} is not ROLE:ID")
        if target not in bounds:
            raise fail(path, line, f"event {ident} refers to {target}, which no T line defines")
        if position == 0:
            if role not in _ATTRIBUTION_EVENTS:
                return None
            continue
        roles.setdefault(re.sub(r"\d+$", "", role), []).extend(bounds[target].fragments)
    if "Content" not in roles:
        return None
    content = merge(roles["Content"])
    source = merge(roles["Source"]) if "Source" in roles else None
    cue = merge(roles["Cue"]) if "Cue" in roles else None
    return BratGold(
        id=ident,
        line=line,
        content=content,
        content_text=_join(article, content),
        source=source,
        source_text=_join(article, source) if source else None,
        cue_text=_join(article, cue) if cue else None,
    )


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
