"""Names in the prose: the people an article names, speaking or not.

Receives: a ``Doc`` (and the engine's entities, when it found any). Hands on: ``NameSpans``,
the character spans of person mentions outside quotes, in text order, so that resolution can
give a speaker the fullest name the article uses anywhere and point pronouns at who was last
the subject:

- a role and a name: "Russian President Vladimir Putin", "England forward Michael Owen";
- a run of two or more name words: "Cynthia Cooper", "Linford Christie" (not when a word of
  it is an organization, place, outlet or role word: "Human Rights Watch", "North Korea");
- an honorific and a name: "Mr Blair", "Sir Menzies", "Ms Cooper";
- later, the surname alone of a name found: "Owen" after "Michael Owen".

Only capitalized tokens are looked at in Python: they are picked out of the flags by C-level
``compress`` and ``map``, and each is visited once, so the pass is linear in the article.
"""
from __future__ import annotations

import functools
import itertools
import operator
from array import array
from typing import Iterable, Iterator, Sequence

from ..engines.base import Entity
from ..lexicon import honorifics, media_outlets, media_words, outlet_name_words, parties, place_index, word_set
from .doc import Doc
from .words import CAP, DETERMINERS, LOWER, NAME_ABBREVIATION, OPENERS, PRONOUNS, TIME_WORDS, BOUNDARY_WORDS

# Capitalized words that open a sentence or a clause and are no part of a name after them.
LEADING = DETERMINERS | OPENERS | PRONOUNS | TIME_WORDS | BOUNDARY_WORDS | frozenset(
    "former ex speaking asked when if as his her their its our my one two three four five six seven eight nine ten".split()
)


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Lower-case words that are never a word of a person's name (read from the lexicon)."""
    words = set(word_set("roles.txt")) | set(word_set("organizations.txt")) | set(word_set("groups.txt"))
    words |= set(media_words()) | set(outlet_name_words()) | set(parties()) | set(place_index())
    words |= set(word_set("things.txt")) | set(TIME_WORDS) | LEADING
    # Months that are also names: "Theresa May", "June Hale".
    return frozenset(words - {"may", "june", "april", "august", "will", "bill", "king", "prince", "major"})


@functools.cache
def _role_words() -> frozenset[str]:
    return word_set("roles.txt")


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _name_word(word: str, low: str) -> bool:
    """A capitalized word that can be part of a person's name."""
    if low.endswith(("'s", "’s")):
        low, word = low[:-2], word[:-2]
    return bool(low) and low not in _not_name_words() and not _is_acronym(word) and word[:1].isupper()


@functools.lru_cache(maxsize=8192)
def _in_name(word: str) -> bool:
    """A token a name runs through: a name word, a style a name keeps ("Sir"), an initial's
    period (one answer per distinct word: runs repeat the same names)."""
    low = word.lower()
    styles = honorifics()
    return word == "." or _name_word(word, low) or (low in styles and styles[low].kept)


def _chains(caps: list[int], flags: list[int]) -> list[tuple[int, int]]:
    """Two or more capitalized tokens in a row, as token ranges [a, b); the one token after a
    capitalized abbreviation ("Mr ." "W .") joins. Read off the capitalized tokens' indices,
    so Python sees only those, not every token of the article."""
    chains = []
    a = last = -3  # before any token: no index is one or two after it
    for i in caps:
        if i == last + 1 or (i == last + 2 and flags[last] & NAME_ABBREVIATION):
            last = i
            continue
        if last > a:
            chains.append((a, last + 1))
        a = last = i
    if last > a:
        chains.append((a, last + 1))
    return chains


def _runs(d: Doc, caps: list[int]) -> list[tuple[int, int]]:
    """Runs of two or more capitalized tokens outside quotes, as token ranges [a, b)."""
    quoted, text, starts, ends = d.quoted, d.text, d.starts, d.ends
    runs = []
    for a, b in _chains(caps, d.flags):
        while a < b and quoted[a]:
            a += 1
        while b > a and quoted[b - 1]:
            b -= 1
        # A line break ends a run: a headline's last word is no first name.
        if b - a >= 2 and text.find("\n", starts[a], ends[b - 1]) >= 0:
            for i in range(a, b - 1):
                if "\n" in text[ends[i] : starts[i + 1]]:
                    if i + 1 - a >= 2:
                        runs.append((a, i + 1))
                    a = i + 1
        if b - a >= 2:
            runs.append((a, b))
    return runs


@functools.lru_cache(maxsize=4096)
def _read_run(words: tuple[str, ...]) -> tuple[tuple[int, int, tuple[str, str, str]], ...]:
    """The people a run of capitalized words names, as (start, end) offsets into it with the
    forms its surname may take alone: the run is cut after each possessive ("Britain's |
    Darren Campbell") and stripped of leading words that open a sentence ("But", "However",
    "The"); each piece names a person when it ends in two name words or more, or in a name
    after a role or honorific."""
    found = []
    start = 0
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")) or i == len(words) - 1:
            s = start
            while s <= i and (words[s].lower() in LEADING or words[s] == "."):
                s += 1
            if s <= i:
                piece = _person_in(words, s, i + 1)
                if piece is not None:
                    found.append((piece[0], piece[1], _surname_forms(LOWER[words[i]])))
            start = i + 1
    return tuple(found)


def _person_in(words: tuple[str, ...], a: int, b: int) -> tuple[int, int, bool] | None:
    """(start, end, titled) of the role-and-name or name in words[a:b], or None."""
    k = b
    while k > a and _in_name(words[k - 1]):
        k -= 1
    name = words[k:b]
    core = len(name) - name.count(".")  # the name's words, less the periods of initials
    if not core:
        return None  # no name
    before = [w.lower() for w in words[a:k] if w != "."] if k > a else ()
    titled = bool(before) and (before[-1] in honorifics() or not _role_words().isdisjoint(before))
    if not (core >= 2 or titled) or " ".join(name).lower() in media_outlets():
        return None  # one name word alone, or an outlet's name ("Rodong Sinmun")
    return (a if titled else k, b, titled)


def _role_start(d: Doc, a: int) -> int:
    """Take a lower-case role before the name with it, and the capitalized words before that:
    "England forward Michael Owen", "former WorldCom chief Bernie Ebbers"."""
    low, flags, roles = d.low, d.flags, _role_words()
    if a == 0 or low[a - 1] not in roles or flags[a - 1] & CAP:
        return a  # most names have no role before them
    text, starts, ends, quoted = d.text, d.starts, d.ends, d.quoted
    k = a
    # Token k-1 must stand in the same line as token k.
    while k > 0 and low[k - 1] in roles and not flags[k - 1] & CAP and "\n" not in text[ends[k - 1] : starts[k]]:
        k -= 1
    if k == a:
        return a
    while k > 0 and flags[k - 1] & CAP and not quoted[k - 1] and low[k - 1] not in LEADING and "\n" not in text[ends[k - 1] : starts[k]]:
        k -= 1
    return k


@functools.lru_cache(maxsize=4096)
def _surname_forms(last: str) -> tuple[str, str, str]:
    """A name's last word as a surname may stand alone or as an owner: "owen", "owen's"."""
    if last.endswith(("'s", "’s")):
        last = last[:-2]
    return last, last + "'s", last + "’s"


def _surnames(d: Doc, caps: list[int], surnames: set[str], covered: set[int]) -> list[tuple[int, int]]:
    """Later (and earlier) mentions of a found name by its surname alone, with an honorific
    when one stands before it: "Owen", "Mr Blair", "Owen's". Only capitalized tokens are read."""
    low, words, quoted = d.low, d.words, d.quoted
    found = []
    styles = honorifics()
    for i in caps:
        if low[i] not in surnames or i in covered or quoted[i]:
            continue
        a = i
        if a > 1 and words[a - 1] == "." and low[a - 2] in styles:
            a -= 2
        elif a > 0 and low[a - 1] in styles:
            a -= 1
        found.append((a, i + 1))
    return found


class NameSpans(Sequence[tuple[int, int]]):
    """The names' character spans as two arrays of offsets: ``spans[i] == (starts[i], ends[i])``.
    (A wire feed of quotes names 160,000 people: a tuple and two int objects each were 20 MB.)"""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i]))
        return self.starts[i], self.ends[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)


def titled_names(d: Doc, entities: Sequence[Entity] = ()) -> NameSpans:
    """Spans of the people named in the prose (or the engine's PERSON entities when it has any)."""
    if entities:
        return NameSpans((e.start, e.end) for e in entities if e.label == "PERSON")
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()  # the tokens of the names found
    surnames: set[str] = set()  # their last words, as written alone or as owners ("Owen's")
    words = d.words
    # The capitalized tokens, picked out of the flags by C-level ``compress`` and ``map``.
    caps = list(itertools.compress(range(d.n), map(operator.and_, d.flags, itertools.repeat(CAP))))
    for a, b in _runs(d, caps):  # one capitalized word names nobody by itself (surnames come below)
        for s, e, forms in _read_run(tuple(words[a:b])):
            start, end = _role_start(d, a + s), a + e
            spans.append((start, end))
            covered.update(range(start, end))
            surnames.update(forms)
    if spans:
        spans.extend(_surnames(d, caps, surnames, covered))
    spans.sort()
    names = NameSpans()
    names.starts.extend([d.starts[a] for a, _ in spans])
    names.ends.extend([d.ends[b - 1] for _, b in spans])
    return names
