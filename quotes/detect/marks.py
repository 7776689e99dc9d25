"""Quote marks: the top-level quotes of one paragraph, found in one linear pass.

Receives: the article text and a paragraph's character range. Hands on: ``Quote`` spans (with
and without their marks) in text order, the quotes nested inside them belonging to them.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence


class Quote(NamedTuple):
    """A top-level quote: ``start``/``end`` include the marks, ``inner_*`` the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    open_ended: bool = False  # runs on into the next paragraph (no closing mark here)


QUOTE_MARK = re.compile("[“”\"‘’'«»]")
OPENING_CONTEXT = frozenset(" \t([{—–-/“‘\"'«")


def _mark_role(text: str, i: int, start: int, end: int, single_open: bool, double_open: bool) -> str | None:
    """Is the mark at i an opener, a closer, or (for single marks) an apostrophe?"""
    c = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if c in "“«":
        return "open-double"
    if c in "”»":
        if not double_open and (before in OPENING_CONTEXT or before.isspace()) and after.isalnum():
            return "open-double"  # ”Fortunately, ...” : a closing mark typed as an opener
        return "close-double"
    if c == '"':
        # A straight mark opens after a space or an opening bracket, closes otherwise.
        if before in OPENING_CONTEXT or before.isspace():
            if double_open and (after.isspace() or after in ",.;:!?"):
                return "close-double"
            return "open-double"
        return "close-double"
    if c == "‘" or (c == "'" and (before in OPENING_CONTEXT or before.isspace())):
        # An opening single mark must be followed by a word: "'90s" and "‘em" are rare enough.
        return "open-single" if (after.isalnum() or after in "“\"…") else None
    # ’ or ' after a word: an apostrophe inside a word ("don’t", "Moscow’s"); a closer only when
    # a single quote is open, so plural possessives ("nations’ pact") stay apostrophes.
    if before.isalnum() and after.isalnum():
        return None
    return "close-single" if single_open else None


_START = re.Match.start


def mark_positions(text: str) -> list[int]:
    """Where every quote-mark character of the text stands (one pass, for all paragraphs)."""
    return list(map(_START, QUOTE_MARK.finditer(text)))


def scan_quotes(
    text: str, start: int, end: int, *, next_paragraph_opens: bool = False, marks: Sequence[int] | None = None
) -> list[Quote]:
    """Top-level quotes in text[start:end], one pass, linear in the paragraph's length.

    Nested quotes (single inside double, or double inside single in British style) belong to
    their outer quote. A mark that never closes is dropped, and the quotes inside it become
    top-level again, so one stray mark cannot swallow the paragraph; when the next paragraph
    opens with a quote mark, an unclosed quote is a multi-paragraph quote instead. A quote that
    never closes but holds a new opening mark of its own kind right after a finished sentence
    is a multi-paragraph quote whose paragraph breaks were lost (``_lost_breaks``).

    ``marks``: the positions of the quote-mark characters in text[start:end], when the caller
    found them already (``mark_positions``).
    """
    if marks is None:
        marks = list(map(_START, QUOTE_MARK.finditer(text, start, end)))
    pairs = _pair_marks(text, start, end, marks)
    unmarked, continued = _lost_breaks(text, start, end, pairs)
    stack = [o for o in pairs.stack if o not in pairs.matched]
    if stack and next_paragraph_opens:
        pairs.matched[stack[0]] = end  # the outermost still open runs on into the next paragraph
    elif stack and stack[-1] in continued:
        pairs.matched[stack[-1]] = end  # the last part of a run-together quote, never closed
        unmarked[stack[-1]] = end
    return _top_level(end, pairs, unmarked)


class _Pairs:
    """Openers in text order with what they were nested in, and where each one closed."""

    __slots__ = ("position", "kind", "parent", "matched", "stack", "wide")

    def __init__(self) -> None:
        self.position: list[int] = []
        self.kind: list[str] = []
        self.parent: list[int | None] = []  # opener id -> the opener it was nested in
        self.matched: dict[int, int] = {}  # opener id -> position of its closing mark
        self.stack: list[int] = []  # openers still open at the paragraph's end, outermost first
        self.wide: set[int] = set()  # positions of two-apostrophe marks (''He said,'' in some archives)


def _pair_marks(text: str, start: int, end: int, marks: Sequence[int]) -> _Pairs:
    """Read each mark as an opener, a closer or an apostrophe, and pair closers with openers."""
    pairs = _Pairs()
    wide, stack = pairs.wide, pairs.stack
    open_count = {"single": 0, "double": 0}  # openers of each kind on the stack
    for i in marks:  # visits the marks only, not every character
        if text[i] == "'" and i + 1 < end and text[i + 1] == "'" and i - 1 not in wide:
            # Two apostrophes are one double mark: opening after a space, closing after a word.
            before = text[i - 1] if i > start else " "
            after = text[i + 2] if i + 2 < end else " "
            wide.add(i)
            if before in OPENING_CONTEXT or before.isspace():
                role = "close-double" if open_count["double"] and (after.isspace() or after in ",.;:!?") else "open-double"
            else:
                role = "close-double"
        elif i - 1 in wide:
            continue  # the second apostrophe of a pair
        else:
            role = _mark_role(text, i, start, end, open_count["single"] > 0, open_count["double"] > 0)
        if role is None:
            continue
        action, kind = role.split("-")
        if action == "open":
            pairs.parent.append(stack[-1] if stack else None)
            stack.append(len(pairs.position))
            pairs.position.append(i)
            pairs.kind.append(kind)
            open_count[kind] += 1
            continue
        # Close the innermost open quote of this kind; openers above it never closed. (With
        # none of this kind open there is nothing to search: thousands of stray closers stay
        # linear.)
        if not open_count[kind]:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if pairs.kind[stack[depth]] == kind:
                pairs.matched[stack[depth]] = i
                for closed in stack[depth:]:
                    open_count[pairs.kind[closed]] -= 1
                del stack[depth:]
                break
    return pairs


def _sentence_end_before(text: str, start: int, i: int) -> int | None:
    """Where a finished sentence ends when only white space stands between it and ``i``."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    return j if start < j < i and text[j - 1] in ".!?…" else None


def _lost_breaks(text: str, start: int, end: int, pairs: _Pairs) -> tuple[dict[int, int], set[int]]:
    """Quotes run together by lost paragraph breaks: '"First part. "Second part."'.

    A multi-paragraph quote leaves its first paragraph unclosed and opens the next with a new
    mark; when a scrape loses the break, the new mark stands inside the unclosed quote right
    after a finished sentence. Such an unclosed opener ends at that sentence (no closing mark)
    and the new one starts a quote of its own. Quotes of one kind are never nested in
    running text, so a quote that does close ("... a "Star Wars" fan") is left alone.
    Returns the openers so ended, with where they end, and the openers that start a new part.
    """
    unmarked: dict[int, int] = {}
    continued: set[int] = set()
    children: dict[int, list[int]] = {}
    for opener, up in enumerate(pairs.parent):
        if up is not None:
            children.setdefault(up, []).append(opener)
    for opener in range(len(pairs.position)):
        if opener in pairs.matched:
            continue
        for child in children.get(opener, ()):
            if pairs.kind[child] != pairs.kind[opener]:
                continue
            at = pairs.position[child]
            after = text[at + 1] if at + 1 < end else " "
            stop = _sentence_end_before(text, start, at)
            if stop is None or after.islower():
                continue
            pairs.matched[opener] = stop
            unmarked[opener] = stop
            continued.add(child)
            # What follows the break is no longer inside this quote.
            for later in children[opener]:
                if pairs.position[later] >= at:
                    pairs.parent[later] = pairs.parent[opener]
            break
    return unmarked, continued


def _top_level(end: int, pairs: _Pairs, unmarked: dict[int, int]) -> list[Quote]:
    """The quotes no matched quote encloses (unmatched openers are transparent), in order."""
    quotes = []
    top_level: list[bool] = []
    wide = pairs.wide
    for opener, pos in enumerate(pairs.position):
        up = pairs.parent[opener]
        is_top = up is None or (up not in pairs.matched and top_level[up])
        top_level.append(is_top)
        if is_top and opener in pairs.matched:
            close = pairs.matched[opener]
            inner = pos + (2 if pos in wide else 1)
            if opener in unmarked:
                quotes.append(Quote(pos, close, inner, close))
            elif close == end:
                quotes.append(Quote(pos, end, inner, end, True))
            else:
                quotes.append(Quote(pos, close + (2 if close in wide else 1), inner, close))
    return quotes


def paragraph_opens_with_quote(text: str, start: int, end: int) -> bool:
    return start < end and text[start] in "“\"‘'«"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and sentence punctuation (but keep closing quote marks)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


TITLE_WORDS = frozenset(("of", "the", "and", "a", "in", "on", "for", "to"))


def is_title(text: str, quote: Quote) -> bool:
    """Are the quoted words a title or a name ("American Skin", "The New Maradona"): two or
    more words, each capitalized or a small function word?"""
    start, end = quote_inner(text, quote)
    words = text[start:end].split()
    return len(words) > 1 and all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in words)


def quote_inner(text: str, quote: Quote) -> tuple[int, int]:
    """The quoted words without the marks and the punctuation at either end."""
    return trim(text, quote.inner_start, quote.inner_end)
