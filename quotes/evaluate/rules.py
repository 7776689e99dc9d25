"""The pairing rules: when a system attribution matches a gold one, and when its speaker is right.

Receives character spans (gold fragments or located gold words, system content spans) and system
:class:`Attribution` objects; hands on yes/no answers and which system attribution to judge. The
readers (:mod:`.brat`, :mod:`.goldfile`) produce the spans, the scorers (:mod:`.score_brat`,
:mod:`.score_gold`) ask these questions; no rule is written twice.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..model import Attribution

Fragments = tuple[tuple[int, int], ...]

# Words of a canonical speaker name that say nothing about who it is: titles, honorifics and
# function words. Without this "President Obama" would be credited for any Source holding
# "president". Country words stay in, so "U.S. State Department" still credits a Source "the U.S.
# ambassador": the rule is deliberately lenient, it measures whether the right thing was found.
NAME_STOPWORDS = frozenset(
    """
    a an and the of for in on at to by with from or
    mr mrs ms miss dr prof sir dame lord lady rev jr sr
    president vice prime minister secretary sen senator rep representative gov governor
    gen general lt col capt sgt adm judge justice chairman chairwoman chair
    spokesman spokeswoman spokesperson leader chief director former
    mayor councilman councilwoman ambassador king queen prince princess pope
    """.split()
)

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


def merge(fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Sorted, with touching or overlapping fragments joined, so no character counts twice."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def shared_chars(fragments: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of ``start:end`` fall inside the (sorted, disjoint) fragments."""
    return sum(max(0, min(e, end) - max(s, start)) for s, e in fragments)


def spans_match(gold: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """The brat match rule: shared characters >= half the gold content or half the system span.

    The gold length runs from its first start to its last end, gap included, as the content span
    is defined; shared characters are counted only inside its fragments. Half is inclusive
    (5 shared of 10 matches). A span that shares nothing never matches, which also keeps an
    empty system span from matching everything.
    """
    if not gold:
        return False
    shared = shared_chars(gold, start, end)
    if shared == 0:
        return False
    return 2 * shared >= gold[-1][1] - gold[0][0] or 2 * shared >= end - start


def _name_words(name: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(name.lower().replace("’", "'")):
        word = re.sub(r"'s$", "", word).strip(".'-")
        # One-letter words are initials ("J. Smith"): too common to say anything on their own.
        if len(word) > 1 and word not in NAME_STOPWORDS:
            words.add(word)
    return frozenset(words)


def speaker_correct(source: Sequence[tuple[int, int]], source_text: str, system: Attribution) -> bool:
    """The brat speaker rule for one system attribution against one gold Source.

    Right when the system's speaker mention overlaps the gold Source (the same words were taken
    as the speaker), or when a content word of the canonical speaker name occurs among the Source
    text's words (the mention was "he" but resolution found "Jane Roe" and the Source says "Roe").
    The word test cannot tell two Clintons apart; it errs on the lenient side.
    """
    mention = system.speaker_mention
    if mention is not None and shared_chars(source, mention.start, mention.end) > 0:
        return True
    if system.speaker is None:
        return False
    return bool(_name_words(system.speaker.name) & _name_words(source_text))


def gold_item_matches(gold: tuple[int, int], start: int, end: int) -> bool:
    """The gold-file match rule: a system attribution finds a gold item when its words contain the
    item's words, that is when the located gold words lie inside the system content span.

    This is the rule the BBC set's README states ("its words contain the item's content, quote
    marks, case and spacing aside"); :func:`.goldfile.locate_content` has already forgiven quote
    style, case and spacing in finding where the gold words are. Locating first, rather than
    comparing strings, keeps repeated words apart: a system attribution holding the body's
    "excellent" does not find the headline's. A system span that starts a little late ("would
    rather go" for gold "they would rather go") finds nothing: the rule is containment, no overlap.
    """
    return start <= gold[0] and gold[1] <= end


def pick(gold: tuple[int, int], system: Sequence[Attribution], candidates: Sequence[int]) -> int | None:
    """The system attribution to judge a found gold item by, when several contain its words: the one
    starting nearest them, then the tightest, then the first."""
    return min(candidates, key=lambda i: (gold[0] - system[i].content.start, len(system[i].content), i), default=None)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'"})
_AROUND = re.compile(r"^[\W_]+|[\W_]+$")
_POSSESSIVE = re.compile(r"'s?(?=\s|$)")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def normalize_name(name: str) -> str:
    """A speaker's or outlet's name reduced for comparison; two names are the same when these agree.

    What is set aside, in this order:

    - curly apostrophes: ’ ‘ ʼ become ' ("O’Connor" = "O'Connor");
    - case ("BBC Sport" = "bbc sport");
    - runs of whitespace, which become one space, and space at either end;
    - punctuation around the whole name ("Ortiz," "(BRC)" "“Labour”"); inside a name it stays,
      so "S&P", "U.S." and "Sven-Goran" keep their marks;
    - a possessive 's, or a bare ' after a plural, at the end of a word ("Ortiz's" = "Ortiz",
      "Manufacturers'" = "Manufacturers");
    - one leading "the", "a" or "an" ("the Conservative Party" = "Conservative Party",
      "a council spokeswoman" = "council spokeswoman").

    Nothing else: titles, honorifics and first names stay, so "Blair", "Mr Blair" and "Tony Blair"
    are three names, and "Jane Bellamy" is never "Mark Bellamy" or "Mr Bellamy". A gold file lists
    the forms the article uses as aliases; a system name must be the canonical name or one of them.
    """
    flat = " ".join(name.translate(_APOSTROPHES).casefold().split())
    flat = _POSSESSIVE.sub("", _AROUND.sub("", flat))
    return _AROUND.sub("", _ARTICLE.sub("", flat))


def names_match(system_name: str | None, gold_names: Iterable[str | None]) -> bool:
    """Whether the system's speaker name is one of the gold names (the canonical one or an alias),
    compared under :func:`normalize_name`. No name, or one that normalizes to nothing, never is."""
    mine = normalize_name(system_name or "")
    return bool(mine) and mine in {normalize_name(n) for n in gold_names if n}


_NUMBERS = dict(zip("one two three four five six seven eight nine ten".split(), map(str, range(1, 11))))
_MEDIUM_WORDS = frozenset({"newspaper", "paper", "website", "programme", "program", "show"})


def _outlet_words(name: str) -> list[str]:
    words = [_NUMBERS.get(w, w) for w in normalize_name(name).split()]
    return words[:-1] if len(words) > 1 and words[-1] in _MEDIUM_WORDS else words


def same_outlet(system_via: str | None, gold_via: str | None) -> bool:
    """Whether the system's conduit is the gold one: the same name under :func:`normalize_name`,
    with numbers one to ten read as digits ("Radio Four" = "Radio 4") and a last word that names
    the medium set aside ("The Guardian newspaper" = "Guardian", "Jeremy Vine show" = "Jeremy
    Vine"); or one name is the other with more words in front, when the shorter has two words or
    more ("BBC Radio Five Live" = "Five Live", but "Financial Times" is not "Times").
    """
    if not system_via or not gold_via:
        return False
    mine, theirs = _outlet_words(system_via), _outlet_words(gold_via)
    if not mine or not theirs:
        return False
    short, long = sorted((mine, theirs), key=len)
    return short == long or (len(short) >= 2 and long[-len(short):] == short)
