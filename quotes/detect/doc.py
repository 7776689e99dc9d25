"""The article as detection reads it: the engine's token arrays, with each token's lower-case
form, its flags and whether it stands inside a quote.

Receives: an ``Analysis``. Hands on: a ``Doc`` of parallel lists indexed by document token
index. Every later stage works on index ranges into it; no stage builds an object per token.
"""
from __future__ import annotations

from ..engines.base import Analysis
from .words import FLAGS, LOWER


class Doc:
    """Parallel arrays over the article's tokens (``words[i] == text[starts[i]:ends[i]]``)."""

    __slots__ = ("text", "starts", "ends", "words", "low", "flags", "quoted", "heads", "deprels", "upos", "n")

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.starts = analysis.starts
        self.ends = analysis.ends
        self.words = analysis.words
        # Two C-level maps over cached look-ups: a word seen before costs a dictionary hit.
        self.low: list[str] = list(map(LOWER.__getitem__, analysis.words))
        self.flags: list[int] = list(map(FLAGS.__getitem__, analysis.words))
        # Filled unit by unit (slices over each quote's tokens): 1 inside a quote or its marks.
        self.quoted = bytearray(len(analysis.words))
        parse = analysis.parse
        self.heads = parse.heads if parse is not None else None
        self.deprels = parse.deprels if parse is not None else None
        self.upos = parse.upos if parse is not None else None
        self.n = len(analysis.words)

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Character span of the tokens [lo, hi)."""
        return self.starts[lo], self.ends[hi - 1]
