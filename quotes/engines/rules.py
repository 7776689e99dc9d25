"""The default engine: paragraphs, sentences and tokens from patterns, no model.

Every pattern here is linear: no nested quantifiers, so hostile input (long runs of
punctuation or capitals) cannot make it backtrack.
"""
from __future__ import annotations

import bisect
import itertools
import re
from array import array

from typing import Iterator, Sequence

import regex

from .base import Analysis, Sentence

# Words, numbers with inner punctuation (12,000  U.S.  Moscow's  back-to-back), or one
# non-space character. Curly apostrophes count as word-internal so "Moscow’s" stays one token
# and detection sees the possessive.
# Invisible characters (soft hyphen, zero-width spaces and joiners, word joiner, a byte-order
# mark inside the text) stay inside the word they stand in and are never tokens of their own,
# so "Ja\u200bne said" still holds the word "Jane" for detection (its flags ignore them).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
TOKEN = regex.compile(
    rf"\w[\w{INVISIBLE}]*(?:[-'’.,]\w[\w{INVISIBLE}]*)*\.?(?<=\w\.\w\.|\w)|[^\w\s{INVISIBLE}]", regex.V1
)
PARAGRAPH = regex.compile(r"[^\r\n]+")

# A sentence may end after . ! ? (or an ellipsis), optionally followed by closing quotes or
# brackets, when whitespace and then an opening character come next (a quote mark, or two
# apostrophes as some archives print one, before a capital or a digit).
SENTENCE_END = regex.compile(r"[.!?…]+[\"”’'\)\]]*(?=\s+(?:''|[\"“‘'(\[])?[\p{Lu}\d])")

# "Mr. Smith", "U.S. officials", "Sept. 11": a period after these does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj sgt capt adm cmdr st jr sr inc corp co ltd
    no vs etc rev hon jan feb mar apr aug sep sept oct nov dec u.s u.k u.n d.c e.g i.e a.m p.m
    ft mt pres supt dept gov't univ""".split()
)


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """One paragraph per non-empty line: news exports put one paragraph on a line."""
    spans = []
    for match in PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return tuple(spans)


def _is_abbreviation(text: str, period: int) -> bool:
    word_start = period
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:period].lower().rstrip(".")
    if not word:
        return False
    # A single capital ("John F. Kennedy") is an initial, not a sentence end.
    return word in ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end]."""
    spans = []
    begin = start
    for match in SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return spans


_MATCH = type(TOKEN.match("a"))
_START, _END, _GROUP = _MATCH.start, _MATCH.end, _MATCH.group

# The same token pattern in the standard library's re, whose split() is the fastest way to cut
# a paragraph into tokens. re and regex disagree on what \w and \s are for some characters
# (combining marks, superscripts, newer Unicode), so re is used only on text made of characters
# both agree on; any other character sends the paragraph to the regex pattern above.
_TOKEN_RE = re.compile(rf"(\w[\w{INVISIBLE}]*(?:[-'’.,]\w[\w{INVISIBLE}]*)*(?:\.(?<=\w\.\w\.)|(?<=\w))|[^\w\s{INVISIBLE}])")


def _agreeing_characters() -> re.Pattern[str]:
    """A pattern that finds any character outside the common ranges where re and regex agree."""
    word, space = regex.compile(r"\w", regex.V1), regex.compile(r"\s", regex.V1)
    re_word, re_space = re.compile(r"\w"), re.compile(r"\s")
    # ASCII, Latin-1, Latin Extended A and B, Greek, Cyrillic, general punctuation, currency.
    ranges = [(0x00, 0x24F), (0x370, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20BF)]
    agree = [
        chr(c)
        for lo, hi in ranges
        for c in range(lo, hi + 1)
        if bool(word.match(chr(c))) == bool(re_word.match(chr(c))) and bool(space.match(chr(c))) == bool(re_space.match(chr(c)))
    ]
    return re.compile("[^" + "".join(re.escape(c) for c in agree) + "]")


_DISAGREEING = _agreeing_characters()


class _Words(dict):
    """One string object per distinct token text, so a long article's words array holds
    references to a few thousand strings rather than a new string per token."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 200_000:
            self.clear()
        self[word] = word
        return word


_WORDS = _Words()


def _tokens(text: str, start: int, end: int, fast: bool) -> tuple[list[int], list[int], list[str]]:
    """Token starts, ends and texts in text[start:end]."""
    if fast:
        # [gap, token, gap, token, ..., gap]: running sums of the lengths are the offsets,
        # every other one a token's start, the ones between its end.
        parts = _TOKEN_RE.split(text[start:end])
        offsets = list(itertools.accumulate(map(len, parts), initial=start))
        return offsets[1:-1:2], offsets[2:-1:2], parts[1::2]
    matches = list(TOKEN.finditer(text, start, end))
    return list(map(_START, matches)), list(map(_END, matches)), list(map(_GROUP, matches))


_NARROW_LIMIT = 2 ** (8 * array("i").itemsize - 1)


class RulesEngine:
    """Pattern-based segmentation; detection and resolution add the rest from lexicons."""

    name = "rules"

    def analyze(self, text: str) -> Analysis:
        paragraphs = split_paragraphs(text)
        # Four bytes an offset while they fit (an article under 2 GB), else eight.
        width = "i" if len(text) < _NARROW_LIMIT else "q"
        starts: array[int] = array(width)
        ends: array[int] = array(width)
        words: list[str] = []
        canonical = _WORDS.__getitem__
        fast = _DISAGREEING.search(text) is None
        # One pass of the token pattern per chunk of paragraphs (between paragraphs there is
        # only white space), read by C-level maps: no Python code runs per token. Chunks bound
        # the temporary lists on a long article.
        for chunk_start, chunk_end in _chunks(paragraphs):
            c_starts, c_ends, c_words = _tokens(text, chunk_start, chunk_end, fast)
            starts.extend(c_starts)
            ends.extend(c_ends)
            words.extend(map(canonical, c_words))
        # Sentence ends are followed by white space, so no token crosses one: sentences cut
        # afterwards hold whole tokens, found by bisection.
        sentences = []
        at = 0
        for s_start, s_end in _all_sentences(text, paragraphs):
            first = bisect.bisect_left(starts, s_start, at)
            at = bisect.bisect_left(starts, s_end, first)
            sentences.append(Sentence(s_start, s_end, first, at))
        return Analysis(
            text=text,
            engine=self.name,
            starts=starts,
            ends=ends,
            words=words,
            sentences=tuple(sentences),
            paragraphs=paragraphs,
        )


_CHUNK = 1 << 16  # characters tokenized in one call, at least one paragraph


def _chunks(paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Runs of whole paragraphs of up to _CHUNK characters (or one longer paragraph)."""
    i = 0
    while i < len(paragraphs):
        start = paragraphs[i][0]
        j = i + 1
        while j < len(paragraphs) and paragraphs[j][1] - start <= _CHUNK:
            j += 1
        yield start, paragraphs[j - 1][1]
        i = j


def _all_sentences(text: str, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """``split_sentences`` over every paragraph, with one pass of the pattern over the text.

    (A sentence end found at a paragraph's last character is that paragraph's end either way;
    no end can lie between paragraphs, where there is only white space.)"""
    found = SENTENCE_END.finditer(text)
    match = next(found, None)
    for p_start, p_end in paragraphs:
        begin = p_start
        while match is not None and match.start() < p_start:
            match = next(found, None)
        while match is not None and match.end() <= p_end:
            at = match.start()
            # (an end at the paragraph's last character needs no look at abbreviations: the
            # paragraph ends there anyway)
            if match.end() < p_end and not (text[at] == "." and _is_abbreviation(text, at)):
                yield begin, match.end()
                begin = match.end()
                while begin < p_end and text[begin].isspace():
                    begin += 1
            match = next(found, None)
        if begin < p_end:
            yield begin, p_end
