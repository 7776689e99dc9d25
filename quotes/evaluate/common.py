"""What the readers and scorers share: reading files, failing, ratios, the analyzer seam.

Receives paths, analyzer output, counts and spans; hands on article text (offsets kept), typed
errors (:class:`GoldFormatError` naming file and line), :class:`Ratio` figures, the
:class:`SystemItem` every report keeps of a system attribution, the analyzer's result or its
exception, and the sentence around a span for listings.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from ..errors import EngineUnavailable, GoldFormatError, InputError
from ..model import ArticleResult, Attribution


def fail(path: str, line: int | None, problem: str) -> GoldFormatError:
    where = f"{path}:{line}" if line is not None else path
    return GoldFormatError(f"{where}: {problem}")


def read_text(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters: brat counts both, and translating them would
    # shift every later offset.
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: {error}") from error


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


def snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# A sentence ends at . ! or ? (with any closing quote marks) before whitespace, or at a line break:
# the BBC texts and most plain-text news keep one paragraph a line. Abbreviations ("Mr.", "U.S.")
# end a "sentence" too early; for showing where a slip is, that only shortens the context.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s+|$)|\n")


def sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence (or sentences) holding ``text[start:end]``, on one line; when that is longer
    than ``width``, a ``width``-character window of it around the span, with … where it is cut."""
    left = 0
    for boundary in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        left = boundary.end()
    after = _SENTENCE_END.search(text, max(end - 1, left))
    right = after.start() + len(after.group().rstrip()) if after else len(text)
    if right - left > width:
        room = max(width - (end - start), 0)
        low = max(left, start - room // 2)
        high = min(right, low + width)
        low = max(left, high - width)
        cut = ("…" if low > left else "") + text[low:high] + ("…" if high < right else "")
        return " ".join(cut.split())
    return " ".join(text[left:right].split())


def fraction(ratio: Ratio) -> str:
    return f"{ratio.hit}/{ratio.total}" if ratio.total else ""


def ratio_row(label: str, ratio: Ratio) -> list[Any]:
    value = ratio.value
    return [label, round(value, 3) if value is not None else "", f"{ratio.hit}/{ratio.total}"]


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


def safe_analyze(text: str, *, engine: str, name: str) -> tuple[ArticleResult | None, str | None]:
    """The analyzer's result, or None and its exception as text; an engine that cannot run stops.

    The analyzer is looked up as ``quotes.evaluate.analyze`` at each call, so tests replace it
    there (``monkeypatch.setattr(quotes.evaluate, "analyze", fake)``).
    """
    from .. import evaluate  # the package, imported late: it imports this module

    try:
        return evaluate.analyze(text, engine=engine, name=name), None
    except EngineUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - the point is to survive and count any failure
        return None, f"{type(error).__name__}: {error}"
