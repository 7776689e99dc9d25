"""Units: quote-aware sentences, as index ranges into the article's token arrays.

Receives: a paragraph's quotes (from ``marks``) and the engine's sentences. Hands on: ``Unit``s,
sentences in which a boundary inside a quote does not count, each with its quotes and the
look-ups every cue of the unit shares (built once per unit, so thousands of cues and quotes in
one sentence stay linear). Marks the unit's quoted tokens in ``Doc.quoted``.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from ..engines.rules import split_sentences
from .doc import Doc
from .marks import Quote
from .words import CAP, CLOSING_MARKS, NAME_ABBREVIATION, NP, SPEECH_FORM


class Unit:
    """One quote-aware sentence: characters [start, end), tokens [lo, hi) of the Doc."""

    __slots__ = ("start", "end", "lo", "hi", "quotes", "parsed", "quote_starts", "quote_ends", "inner_ends", "memo")

    def __init__(self, start: int, end: int, lo: int, hi: int, quotes: tuple[Quote, ...], parsed: bool) -> None:
        self.start, self.end, self.lo, self.hi = start, end, lo, hi
        self.quotes = quotes  # in order, not overlapping
        self.parsed = parsed  # does any token carry a dependency relation?
        if quotes:
            self.quote_starts = [q.start for q in quotes]
            self.quote_ends = [q.end for q in quotes]
            self.inner_ends = [q.inner_end for q in quotes]
        else:
            self.quote_starts = self.quote_ends = self.inner_ends = ()  # (read, never written)
        self.memo: dict = {}  # per-unit look-ups built on first use (name runs, credits, cuts)


def inner_dot(d: Doc, j: int, lo: int, hi: int) -> bool:
    """Is token j a period inside a name ("Mr. Peskov", "Benjamin J. Rhodes")?"""
    if d.words[j] != "." or j == lo or j + 1 >= hi:
        return False
    if d.ends[j - 1] != d.starts[j] or not d.flags[j + 1] & CAP:
        return False
    return bool(d.flags[j - 1] & NAME_ABBREVIATION)


def _credits_back(d: Doc, i: int, end: int) -> bool:
    """Do the tokens from i open with a short credit ("Graham asked", "asked the mayor")?"""
    j = i
    n = d.n
    while j < n and d.starts[j] < end and j - i < 16:
        if d.flags[j] & SPEECH_FORM:
            return True
        if not (d.flags[j] & NP or inner_dot(d, j, 0, n) or d.words[j] in (",", "(", ")") or d.low[j] in ("in", "of", "for", "at", "to")):
            return False
        j += 1
    return False


def _sentence_spans(d: Doc, start: int, end: int, quotes: Sequence[Quote], sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraph's sentences, joined where a boundary falls inside a quote."""
    text = d.text
    # Quotes come from scan_quotes in order of their start, so every look-up below is a
    # bisection or a sweep: linear however many quotes a paragraph holds.
    inner_starts = [q.inner_start for q in quotes]
    reach: list[int] = []  # reach[k]: the furthest inner_end among quotes[: k + 1]
    for q in quotes:
        reach.append(max(q.inner_end, reach[-1]) if reach else q.inner_end)
    spans: list[tuple[int, int]] = []
    for s, e in sentences or split_sentences(text, start, end):
        k = bisect.bisect_left(inner_starts, s) - 1  # quotes with inner_start < s
        if spans and k >= 0 and reach[k] >= s:
            spans[-1] = (spans[-1][0], e)
        elif spans and text[spans[-1][1] - 1] in CLOSING_MARKS and text[spans[-1][1] - 2] in "?!" and _credits_back(d, bisect.bisect_left(d.starts, s), e):
            spans[-1] = (spans[-1][0], e)  # '"Who knows?" Graham asked.' is one sentence
        else:
            spans.append((s, e))
    return spans


def units_of(d: Doc, start: int, end: int, quotes: Sequence[Quote], sentences: Sequence[tuple[int, int]] = ()) -> list[Unit]:
    """Quote-aware sentences of one paragraph, from the engine's sentences (or the rules')."""
    starts, ends, quoted = d.starts, d.ends, d.quoted
    quote_starts = [q.start for q in quotes]
    units = []
    for s, e in _sentence_spans(d, start, end, quotes, sentences):
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        while hi > lo and ends[hi - 1] > e:
            hi -= 1  # tokens do not overlap: only the last ones can run past the sentence
        unit_quotes = tuple(quotes[bisect.bisect_left(quote_starts, s) : bisect.bisect_left(quote_starts, e)])
        for q in unit_quotes:
            # A token is quoted when a quote of its unit starts at or before it and ends after.
            a = bisect.bisect_left(starts, q.start, lo, hi)
            b = bisect.bisect_left(starts, q.end, lo, hi)
            if b > a:
                quoted[a:b] = b"\x01" * (b - a)
        parsed = d.deprels is not None and any(r is not None for r in d.deprels[lo:hi])
        units.append(Unit(s, e, lo, hi, unit_quotes, parsed))
    return units


def token_at(d: Doc, unit: Unit, position: int) -> int:
    """Index of the unit's first token starting at or after ``position`` (a bisection)."""
    return bisect.bisect_left(d.starts, position, unit.lo, unit.hi)


def quote_at(unit: Unit, position: int) -> Quote | None:
    """The unit's quote that opens at ``position``, if any."""
    at = bisect.bisect_left(unit.quote_starts, position)
    if at < len(unit.quote_starts) and unit.quote_starts[at] == position:
        return unit.quotes[at]
    return None


def quotes_within(unit: Unit, start: int, end: int) -> list[Quote]:
    """The unit's quotes with ``start <= q.start`` and ``q.end <= end``, in order."""
    found = []
    for at in range(bisect.bisect_left(unit.quote_starts, start), len(unit.quotes)):
        q = unit.quotes[at]
        if q.start >= end:
            break
        if q.end <= end:
            found.append(q)
    return found


def overlapping_quotes(unit: Unit, start: int, end: int) -> range:
    """Indices of the unit's quotes whose words overlap text[start:end] (they are in order)."""
    first = bisect.bisect_right(unit.inner_ends, start)
    stop = first
    while stop < len(unit.quotes) and unit.quotes[stop].inner_start < end:
        stop += 1
    return range(first, stop)


def closes_quote(d: Doc, unit: Unit, index: int) -> bool:
    """Is token ``index`` the closing mark of one of the unit's quotes (not an apostrophe)?"""
    if d.words[index] not in CLOSING_MARKS:
        return False
    at = bisect.bisect_left(unit.quote_ends, d.ends[index])
    return at < len(unit.quote_ends) and unit.quote_ends[at] == d.ends[index]
