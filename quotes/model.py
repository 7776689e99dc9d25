"""Value objects: what an analysis of one article returns.

Everything here is an immutable attrs class with tuple fields, so a result can be
shared between threads, cached and compared in tests without defensive copies.
"""
from __future__ import annotations

import enum
from collections import Counter

import attrs

# Below this confidence an attributed speaker is an uncertain link: a weak join such as a
# quote credited to the speaker of an earlier paragraph or sentence, an ambiguous short name or
# a description nobody in the article matches (see ``resolve.CONFIDENCE``). Names at the cue
# (0.9), pronouns (0.7) and a neighbouring quote's speaker (0.75) are above it. The page marks
# uncertain links and ``check`` reads the same definition: ``Attribution.uncertain``.
UNCERTAIN_BELOW = 0.6


class Kind(str, enum.Enum):
    """How the words reach the reader."""

    DIRECT = "direct"  # a full quoted sentence or more
    PARTIAL = "partial"  # quoted words inside a reported sentence
    INDIRECT = "indirect"  # reported speech without quote marks


class SpeakerType(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"  # unnamed people: "officials", "a senior official", "sources"
    UNKNOWN = "unknown"


class Gender(str, enum.Enum):
    FEMALE = "female"
    MALE = "male"


@attrs.frozen
class Span:
    """A stretch of the article: ``article[start:end] == text``.

    Spans are made from the article's own offsets (``Span.of``), never read from outside, so
    they carry no validators: an article makes tens of thousands of them."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, start: int, end: int) -> "Span":
        return cls(start, end, article[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@attrs.frozen
class Speaker:
    """One source of the article, however many ways the text names it."""

    id: int
    name: str
    type: SpeakerType
    named: bool
    role: str | None = None
    affiliation: str | None = None
    gender: Gender | None = None
    mentions: tuple[Span, ...] = ()


@attrs.frozen
class Attribution:
    """One quoted or reported statement and who it is credited to."""

    index: int
    kind: Kind
    content: Span
    cue: Span | None
    speaker_mention: Span | None
    speaker: Speaker | None
    via: str | None
    confidence: float
    # How the speaker was found, for a reader to check: "name at cue", "short name 'Mr Blair'
    # -> Tony Blair", "pronoun 'he' -> previous speaker Michael Owen", "unresolved pronoun 'she'".
    reason: str = ""

    @property
    def words(self) -> int:
        return len(self.content.text.split())

    @property
    def uncertain(self) -> bool:
        """A speaker is given but joined weakly (confidence below ``UNCERTAIN_BELOW``).

        An attribution with no speaker is unattributed, not uncertain: nothing is claimed."""
        return self.speaker is not None and self.confidence < UNCERTAIN_BELOW


@attrs.frozen
class Summary:
    """Counts over one article's attributions."""

    attributions: int
    by_kind: tuple[tuple[str, int], ...]
    by_type: tuple[tuple[str, int], ...]
    named: int
    anonymous: int
    unattributed: int
    sources: int

    @classmethod
    def of(cls, attributions: tuple[Attribution, ...]) -> "Summary":
        kinds = Counter(a.kind.value for a in attributions)
        types = Counter(
            (a.speaker.type.value if a.speaker else SpeakerType.UNKNOWN.value) for a in attributions
        )
        named = sum(1 for a in attributions if a.speaker is not None and a.speaker.named)
        unattributed = sum(1 for a in attributions if a.speaker is None)
        return cls(
            attributions=len(attributions),
            by_kind=tuple((k.value, kinds.get(k.value, 0)) for k in Kind),
            by_type=tuple((t.value, types.get(t.value, 0)) for t in SpeakerType),
            named=named,
            anonymous=len(attributions) - named - unattributed,
            unattributed=unattributed,
            sources=len({a.speaker.id for a in attributions if a.speaker is not None}),
        )


@attrs.frozen
class ArticleResult:
    """Everything quotes found in one article."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    speakers: tuple[Speaker, ...]
    engine: str = "rules"

    @property
    def summary(self) -> Summary:
        return Summary.of(self.attributions)
