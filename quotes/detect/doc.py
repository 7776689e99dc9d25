"""The article as detection reads it: the engine's token arrays, with each token's lower-case
form, its flags and whether it stands inside a quote.

Receives: an ``Analysis``. Hands on: a ``Doc`` of parallel lists indexed by document token
index. Every later stage works on index ranges into it; no stage builds an object per token.
"""
from __future__ import annotations

from ..engines.base import Analysis
from .furniture import label_end
from .words import FLAGS, LOWER, acronyms_in


def headline_end(analysis: Analysis) -> int:
    """Where the article's headline ends (0 when it has none): a first paragraph of up to 20
    words, followed by more, that does not end like a sentence ("Owen determined to stay in
    Madrid"), is in title case ("Obama Says Museum Will Tell of 'Suffering.'") or opens with a
    section label ("Q&A: Why are egg prices so high?": only a headline is labelled so)."""
    paragraphs = analysis.paragraphs
    if len(paragraphs) < 2:
        return 0
    start, end = paragraphs[0]
    text = analysis.text
    words = text[start:end].split()
    if len(words) > 20:
        return 0
    last = text[end - 1]
    sentence = last in ".!?…" or (last in "\"”’')" and end - 2 >= start and text[end - 2] in ".!?…")
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    title_case = len(content) >= 3 and sum(w[:1].isupper() or not w[:1].isalpha() for w in content) >= 0.8 * len(content)
    return end if not sentence or title_case or label_end(text, start, end) > start else 0


# Words a title-case headline leaves in lower case.
_SMALL_WORDS = frozenset("a an the and or but of in on at to for from by with as is".split())


class Doc:
    """Parallel arrays over the article's tokens (``words[i] == text[starts[i]:ends[i]]``)."""

    __slots__ = ("text", "starts", "ends", "words", "low", "flags", "quoted", "heads", "deprels", "upos", "n", "headline_end")

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.starts = analysis.starts
        self.ends = analysis.ends
        self.words = analysis.words
        # Two C-level maps over cached look-ups: a word seen before costs a dictionary hit.
        self.low: list[str] = list(map(LOWER.__getitem__, analysis.words))
        self.flags: list[int] = list(map(FLAGS.__getitem__, analysis.words))
        acronyms_in(analysis.words, self.low, self.flags)  # "The WHO said": no relative "who"
        # Filled unit by unit (slices over each quote's tokens): 1 inside a quote or its marks.
        self.quoted = bytearray(len(analysis.words))
        parse = analysis.parse
        self.heads = parse.heads if parse is not None else None
        self.deprels = parse.deprels if parse is not None else None
        self.upos = parse.upos if parse is not None else None
        self.n = len(analysis.words)
        self.headline_end = headline_end(analysis)

    def in_headline(self, index: int) -> bool:
        return self.starts[index] < self.headline_end

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Character span of the tokens [lo, hi)."""
        return self.starts[lo], self.ends[hi - 1]
