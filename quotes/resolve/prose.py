"""The people the prose names, read only when a speaker or a pointer needs them.

Receives: the person spans ``detect.names`` found (text order), and from the reader a way to
read one span into the registry. Hands on: ``complete(name, at)``, which reads, once, the full
names the article gives a surname, before ``at`` and after it ("Mr Rowe said ..." then "Alan
Rowe has led ..."), so a speaker's canonical name is the fullest the article gives anywhere;
``named_in(lo, hi)``, the people named between two places, latest first, for a description
that can only mean someone already in the story; ``named_before_who(lo, hi)``, those of
them a relative clause makes a subject; and ``named_as(owner, head, hi)``, the names given
with a relation ("her sister Mia"). A first name alone reads the full names it opens ("Lina"
-> "Lina Park") when no full name has it as a surname.

Nothing is read up front: an article's cost follows its speakers and pointers, not the number
of names in it.
"""
from __future__ import annotations

import bisect
import functools
from typing import Callable, Sequence

import regex

from ..detect.names import NameSpans
from .context import WHEN
from .entities import person_key
from .types import honorific


# ", who": the name before it is the subject of the relative clause.
RELATIVE = regex.compile(r",\s+who\b")
# A relation in apposition with a name: "her sister Mia", "his wife, Ann", "her lawyer,
# John Roe" (a modifier or two allowed: "her younger sister"); group 3 is the name.
RELATION = regex.compile(r"\b([Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]+),?\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)*)")
# The same after the name, closed by a comma: "Ann Reed, his wife, said"; group 1 is the name
# (a day or a month before the comma is none: "On CNN Tuesday, his wife, Jane, said"; which
# loses a surname that is a month: "Tom May, her husband,").
RELATION_AFTER = regex.compile(rf"(\p{{Lu}}[\p{{Ll}}'’-]+(?:\s+\p{{Lu}}[\p{{Ll}}'’-]+)*)(?<!\b(?:{WHEN})),\s+(his|her|their)\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(\p{{Ll}}[\p{{Ll}}-]+),")


def _latest_first(starts: Sequence[int], spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, ``starts`` their starts) inside text[lo:hi], the latest first."""
    a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return [spans[i] for i in range(b - 1, a - 1, -1) if spans[i][1] <= hi]


@functools.lru_cache(maxsize=8192)
def _full_name_surname(said: str) -> str | None:
    """The lower-case surname of a full name ("Alan Rowe's" -> "rowe"), None for a name that
    is no full name ("Mr Rowe", "Rowe"). Articles repeat their names: one answer per text."""
    words = said.split()
    style = honorific(words[0]) if words else None
    if len(words) > 2 or len(words) == 2 and (style is None or style.kept):  # not "Mr Rowe"
        last = words[-1]
        last = last[:-2] if last.endswith(("'s", "’s")) else last
        return last.lower()
    return None


class Prose:
    def __init__(self, text: str, spans: NameSpans, read: Callable[[tuple[int, int], bool], object]) -> None:
        self.text = text
        self.spans = spans
        self.starts = spans.starts
        self.read = read  # read(span, later): put the name into the registry
        self._by_surname: dict[str, list[tuple[int, int]]] | None = None
        self._by_first: dict[str, list[tuple[int, int]]] = {}  # full names by their first word
        self._done: set[tuple[int, int]] = set()
        self._surnames_read: set[str] = set()
        self._relations: dict[tuple[str, str], list[tuple[int, int]]] | None = None
        self._who: tuple[list[int], list[tuple[int, int]]] | None = None

    def _index(self) -> dict[str, list[tuple[int, int]]]:
        """Full names (two name words or more, or a role and a name) by their last word."""
        if self._by_surname is None:
            self._by_surname = {}
            text = self.text
            for span in self.spans:
                said = text[span[0] : span[1]]
                surname = _full_name_surname(said)
                if surname is not None:
                    self._by_surname.setdefault(surname, []).append(span)
                    key = person_key(said)
                    if len(key) > 1:
                        self._by_first.setdefault(key[0], []).append(span)
        return self._by_surname

    def complete(self, name: str, at: int) -> None:
        """Read, once per surname, the full names the prose gives the surname of ``name``;
        those after ``at`` as ``later`` (they give a name, not salience)."""
        key = person_key(name)
        if not key or key[-1] in self._surnames_read:
            return
        self._surnames_read.add(key[-1])
        spans = self._index().get(key[-1], [])
        if len(key) == 1 and not spans:
            # A first name alone, for someone named in full before or after ("Lina Park ...
            # Lina said"; features and people who share a surname): no full name has the word
            # as its surname, so those it opens are read. A surname match comes first (news
            # calls people by surname): "James said" after "Ann James" and "James Wood" is Ms
            # James. Two people sharing the first name stay two (the registry finds neither).
            spans = self._by_first.get(key[0], [])
        for span in spans:
            if span not in self._done:
                self._done.add(span)
                self.read(span, span[0] >= at)

    def named_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of the people named in text[lo:hi], the latest first."""
        return _latest_first(self.starts, self.spans, lo, hi)

    def named_before_who(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of the people named in text[lo:hi] right before ", who" (the relative clause
        makes them a subject: "denied by Jack Straw, who accused"), the latest first. They are
        picked out of the names once per article."""
        if self._who is None:
            text = self.text
            spans = [span for span in self.spans if text.startswith(",", span[1]) and RELATIVE.match(text, span[1])]
            self._who = ([s for s, _ in spans], spans)
        return _latest_first(*self._who, lo, hi)

    def named_as(self, owner: str, head: str, hi: int) -> list[tuple[int, int]]:
        """Spans of the names given right after a relation with the same possessive, before
        ``hi``: "her sister Mia", "her younger sister Mia", "Mia Park, her sister," for ("her",
        "sister"). A first name alone is no name span (``detect.names`` wants two words or a
        title), so the relations are picked out of the text itself, once per article."""
        if self._relations is None:
            self._relations = {}
            for found in RELATION.finditer(self.text):
                key = (found.group(1).lower(), found.group(2).lower())
                self._relations.setdefault(key, []).append(found.span(3))
            for found in RELATION_AFTER.finditer(self.text):
                self._relations.setdefault((found.group(2), found.group(3)), []).append(found.span(1))
        return [span for span in self._relations.get((owner, head), ()) if span[1] <= hi]

    def read_span(self, span: tuple[int, int]) -> None:
        if span not in self._done:
            self._done.add(span)
            self.read(span, False)
