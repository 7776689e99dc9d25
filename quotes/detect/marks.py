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
    opens with a quote mark, an unclosed quote is a multi-paragraph quote instead.

    ``marks``: the positions of the quote-mark characters in text[start:end], when the caller
    found them already (``mark_positions``).
    """
    if marks is None:
        marks = list(map(_START, QUOTE_MARK.finditer(text, start, end)))
    stack: list[tuple[str, int, int]] = []  # (kind, position, opener id)
    parent: list[int | None] = []  # opener id -> the opener it was nested in
    matched: dict[int, int] = {}  # opener id -> position of its closing mark
    position: list[int] = []
    open_count = {"single": 0, "double": 0}  # openers of each kind on the stack
    wide: set[int] = set()  # positions of two-apostrophe marks (''He said,'' in some archives)
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
            opener = len(position)
            position.append(i)
            parent.append(stack[-1][2] if stack else None)
            stack.append((kind, i, opener))
            open_count[kind] += 1
            continue
        # Close the innermost open quote of this kind; openers above it never closed. (With
        # none of this kind open there is nothing to search: thousands of stray closers stay
        # linear.)
        if not open_count[kind]:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                matched[stack[depth][2]] = i
                for closed, _, _ in stack[depth:]:
                    open_count[closed] -= 1
                del stack[depth:]
                break
    if stack and next_paragraph_opens:
        bottom = stack[0][2]
        matched[bottom] = end  # runs on into the next paragraph
    quotes = []
    top_level: list[bool] = []
    for opener, pos in enumerate(position):
        up = parent[opener]
        # Top level when no matched quote encloses it (unmatched openers are transparent).
        is_top = up is None or (up not in matched and top_level[up])
        top_level.append(is_top)
        if is_top and opener in matched:
            close = matched[opener]
            inner = pos + (2 if pos in wide else 1)
            if close == end:
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


def quote_inner(text: str, quote: Quote) -> tuple[int, int]:
    """The quoted words without the marks and the punctuation at either end."""
    return trim(text, quote.inner_start, quote.inner_end)
