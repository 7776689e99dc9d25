"""Salience read back from the text: who a pronoun or a description at some place can mean.

Receives: the article's text and sentence starts, each speaker mention as it is resolved
(where it stands, which entity), and from the reader a way to turn a sentence's subject into
an entity. Hands on: for a pointer at a position, the nearest earlier compatible entity that
was the subject of a sentence or spoke, found by walking back sentence by sentence (a few at
most), and whether it was a speaker there.

News follows one source at a time: "he said" refers to whoever the last sentences were about,
as their subject or as a speaker, not to the last person named (an object, a name inside a
quote). A sentence whose subject is itself a pronoun continues the chain further back. Only
the sentences between a pointer and its antecedent are read, and each sentence's subject is
read once, so the cost follows the pointers, not the length of the article.
"""
from __future__ import annotations

import bisect
from typing import Callable

import regex

from .context import sentence_subject
from .entities import Entity
from .prose import Prose

# Between a subject and a person conjoined with it: "and", maybe a title or a role.
_CONJOINED = regex.compile(r"\s+and\s+(?:[\p{L}.-]+\s+){0,3}")
# How many sentences back a pointer may look before the registry's salience decides.
WALK = 8


class Walker:
    def __init__(
        self,
        text: str,
        starts: list[int],
        subject_entity: Callable[[tuple[int, int]], Entity | None],
        named_entity: Callable[[tuple[int, int]], Entity | None],
        prose: Prose,
    ) -> None:
        self.text = text
        self.starts = starts
        self.subject_entity = subject_entity  # a sentence's subject -> its entity, or None
        self.named_entity = named_entity  # a person named in the prose -> its entity
        self.prose = prose
        self._spoke_at: list[int] = []  # speaker mention starts, in text order
        self._spoke: list[Entity] = []
        self._subjects: dict[int, tuple[int, int] | None] = {}  # sentence index -> subject span
        self._entities: dict[int, Entity | None] = {}  # sentence index -> its subject's entity

    def spoke(self, start: int, entity: Entity) -> None:
        """A speaker mention at ``start`` resolved to ``entity`` (calls come in text order)."""
        if not self._spoke_at or start >= self._spoke_at[-1]:
            self._spoke_at.append(start)
            self._spoke.append(entity)

    def _subject(self, k: int) -> tuple[int, int] | None:
        if k not in self._subjects:
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            self._subjects[k] = sentence_subject(self.text, self.starts[k], end)
        return self._subjects[k]

    def back(self, start: int, accept: Callable[[Entity], bool], *, objects: bool = False, skip: tuple[int, int] | None = None) -> tuple[Entity, bool] | None:
        """The nearest compatible subject or speaker before ``start``: (entity, was a speaker);
        with ``objects``, when none is, the nearest person named at all ("Norwich have signed
        Graham Stuart. ... the 34-year-old said")."""
        found = self._back(start, accept, skip)
        found = found[:2] if found is not None else None
        if found is None and objects:
            entity = self._named_in(self.walk_start(start), start, accept)
            if entity is not None:
                return entity, entity.spoke >= 0
        return found

    def walk_start(self, start: int) -> int:
        """Where the sentences a pointer at ``start`` reads back over begin (WALK of them)."""
        k = bisect.bisect_right(self.starts, start) - 1
        return self.starts[max(0, k - WALK)] if self.starts else 0

    def _named_in(self, lo: int, hi: int, accept: Callable[[Entity], bool]) -> Entity | None:
        """The latest person named in the prose in text[lo:hi] whom ``accept`` takes."""
        for span in self.prose.named_in(lo, hi):
            entity = self.named_entity(span)
            if entity is not None and accept(entity):
                return entity
        return None

    def _entity_of_subject(self, k: int, subject: tuple[int, int]) -> Entity | None:
        """The entity of sentence k's subject, read once."""
        if k not in self._entities:
            self._entities[k] = None  # while it is read (a description reads back too)
            self._entities[k] = self.subject_entity(subject)
        return self._entities[k]

    def own_subject(self, start: int) -> Entity | None:
        """The entity of the subject of the sentence that holds ``start``, when the subject
        stands before it ("Cruz defends his record: "...," the senator says")."""
        k = bisect.bisect_right(self.starts, start) - 1
        subject = self._subject(k) if k >= 0 else None
        if subject is None or subject[1] > start:
            return None
        return self._entity_of_subject(k, subject)

    def _conjoined(self, subject: tuple[int, int], hi: int) -> list[tuple[int, int]]:
        """A person named right after the subject and "and", a subject too ("Sen. Ana Ruiz and
        Sen. Carl Webb met"): one span at most, before ``hi``."""
        end = subject[1]
        if not self.text.startswith(" and ", end):
            return []
        found = self.prose.named_in(end, min(hi, end + 40))
        if not found:
            return []
        span = found[-1]  # the earliest of them
        return [span] if _CONJOINED.fullmatch(self.text, end, span[0]) else []

    def named_since(self, start: int, accept: Callable[[Entity], bool], anyone: Callable[[Entity], bool]) -> Entity | None:
        """A person named in the prose before ``start`` (an object, "Republican state Sen.
        Brian Jones criticized the law") that ``accept`` takes, named after the last sentence
        whose subject or speaker ``anyone`` takes: a subject or a speaker who came since
        outranks an object named before ("Labour MP Oona King. Mr Galloway said ... The
        Glasgow Kelvin MP accused" is Mr Galloway)."""
        last = self._back(start, anyone, None)
        return self._named_in(last[2] if last is not None else self.walk_start(start), start, accept)

    def _back(self, start: int, accept: Callable[[Entity], bool], skip: tuple[int, int] | None) -> tuple[Entity, bool, int] | None:
        """Sentence by sentence: its speakers, then its subject (not one inside the words the
        pointer's attribution reports, ``skip``: "But Mr Blair had been hurt, he added"), then
        a name a relative clause makes a subject ("denied by Jack Straw, who accused"); with
        where that mention stands."""
        k = bisect.bisect_right(self.starts, start) - 1
        stop = max(-1, k - WALK)
        hi = start
        while k > stop:
            lo = self.starts[k] if k >= 0 else 0
            # Speakers of this sentence before the pointer, the latest first.
            j = bisect.bisect_left(self._spoke_at, hi) - 1
            while j >= 0 and self._spoke_at[j] >= lo:
                if accept(self._spoke[j]):
                    return self._spoke[j], True, self._spoke_at[j]
                j -= 1
            subject = self._subject(k) if k >= 0 else None
            if subject is not None and skip is not None and skip[0] <= subject[0] and subject[1] <= skip[1]:
                subject = None
            if subject is not None and subject[1] <= hi:
                entity = self._entity_of_subject(k, subject)
                if entity is not None and accept(entity):
                    return entity, entity.spoke >= 0, subject[1]
                for span in self._conjoined(subject, hi):
                    entity = self.named_entity(span)
                    if entity is not None and accept(entity):
                        return entity, entity.spoke >= 0, span[1]
            for span in self.prose.named_before_who(lo, hi):
                entity = self.named_entity(span)
                if entity is not None and accept(entity):
                    return entity, entity.spoke >= 0, span[1]
            hi = lo
            k -= 1
        return None
