"""The neutral analysis every NLP engine fills, and the engine protocol.

Detection and resolution read only these types, never an engine's own objects, so a
new engine (stanza, spaCy, a gold CoNLL-U file) plugs in by filling an ``Analysis``.
Offsets are character offsets into the article; token indices are document-wide.
"""
from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

import attrs


class Token(NamedTuple):
    """One token. A NamedTuple, not an attrs class: an article makes thousands of them and
    tuple construction is twice as fast, which the batch throughput target needs."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None  # document index of the head token; None for the root or no parse
    deprel: str | None = None


@attrs.frozen
class Sentence:
    start: int
    end: int
    first_token: int  # document index of the sentence's first token
    last_token: int  # one past its last token


@attrs.frozen
class Entity:
    """A named-entity span; label uses OntoNotes names (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    text: str
    label: str


@attrs.frozen
class CorefChain:
    """Character spans that refer to one thing, in text order; ``representative`` indexes them."""

    mentions: tuple[tuple[int, int], ...]
    representative: int = 0


@attrs.frozen
class Analysis:
    text: str
    engine: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...] = ()
    coref: tuple[CorefChain, ...] = ()

    @property
    def has_parse(self) -> bool:
        return any(t.deprel is not None for t in self.tokens)



@runtime_checkable
class Engine(Protocol):
    name: str

    def analyze(self, text: str) -> Analysis:
        """Fill the neutral analysis for one article."""
