"""The neutral analysis every NLP engine fills, and the engine protocol.

Detection and resolution read only these types, never an engine's own objects, so a
new engine (stanza, spaCy, a gold CoNLL-U file) plugs in by filling an ``Analysis``.
Offsets are character offsets into the article; token indices are document-wide.
"""
from __future__ import annotations

from array import array
from typing import NamedTuple, Protocol, Sequence, runtime_checkable

import attrs


class Token(NamedTuple):
    """One token as an object: what a model adapter builds before ``Analysis.from_tokens``, and
    what ``Analysis.tokens`` gives back. Detection itself reads the arrays."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None  # document index of the head token; None for the root or no parse
    deprel: str | None = None


class Sentence(NamedTuple):
    """A sentence: characters [start, end), tokens [first_token, last_token). A NamedTuple:
    a batch makes tens of thousands of them."""

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
class Parse:
    """What a model adds per token, parallel to the token arrays (one entry per token)."""

    lemmas: tuple[str | None, ...]
    upos: tuple[str | None, ...]
    heads: tuple[int | None, ...]  # document index of each token's head; None for a root
    deprels: tuple[str | None, ...]


@attrs.frozen
class Analysis:
    """One article as every engine leaves it.

    Tokens are parallel arrays, not one object per token: ``words[i]`` is
    ``text[starts[i]:ends[i]]``. An engine that parses adds ``parse``; ``tokens`` builds Token
    objects on demand for code outside the hot path (tests, the stanza adapter's checks).
    """

    text: str
    engine: str
    starts: Sequence[int]
    ends: Sequence[int]
    words: Sequence[str]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    parse: Parse | None = None
    entities: tuple[Entity, ...] = ()
    coref: tuple[CorefChain, ...] = ()

    @classmethod
    def from_tokens(
        cls,
        text: str,
        engine: str,
        tokens: Sequence[Token],
        sentences: Sequence[Sentence],
        paragraphs: tuple[tuple[int, int], ...],
        entities: Sequence[Entity] = (),
        coref: Sequence[CorefChain] = (),
    ) -> "Analysis":
        """An analysis from Token objects (as a model adapter makes them); the parse is kept
        only when some token carries a dependency relation."""
        parse = None
        if any(t.deprel is not None for t in tokens):
            parse = Parse(
                tuple(t.lemma for t in tokens),
                tuple(t.upos for t in tokens),
                tuple(t.head for t in tokens),
                tuple(t.deprel for t in tokens),
            )
        return cls(
            text=text,
            engine=engine,
            starts=array("q", (t.start for t in tokens)),
            ends=array("q", (t.end for t in tokens)),
            words=[t.text for t in tokens],
            sentences=tuple(sentences),
            paragraphs=paragraphs,
            parse=parse,
            entities=tuple(entities),
            coref=tuple(coref),
        )

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens as objects, built on each call: for tests and adapters, not hot loops."""
        p = self.parse
        if p is None:
            return tuple(Token(s, e, w) for s, e, w in zip(self.starts, self.ends, self.words))
        return tuple(
            Token(*fields) for fields in zip(self.starts, self.ends, self.words, p.lemmas, p.upos, p.heads, p.deprels)
        )

    @property
    def has_parse(self) -> bool:
        return self.parse is not None


@runtime_checkable
class Engine(Protocol):
    name: str

    def analyze(self, text: str) -> Analysis:
        """Fill the neutral analysis for one article."""
