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
    """The gold-file match rule: the located gold words lie inside the system content span, or
    the two share at least half of the shorter of them.

    Gold words are only the start of the content, so "inside" is the usual case; the overlap arm
    catches a system span that starts a little late or stops inside short gold words.
    """
    gold_start, gold_end = gold
    if start <= gold_start and gold_end <= end:
        return True
    shared = max(0, min(gold_end, end) - max(gold_start, start))
    return shared > 0 and 2 * shared >= min(gold_end - gold_start, end - start)


def norm_name(name: str) -> str:
    flat = " ".join(name.replace("’", "'").casefold().split())
    return flat[4:] if flat.startswith("the ") else flat


def pick(gold: tuple[int, int], system: Sequence[Attribution], candidates: Sequence[int]) -> int | None:
    """The system attribution to judge a found gold item by: one that holds the gold words, then
    the one sharing most of them, starting nearest, tightest."""

    def key(i: int) -> tuple[bool, int, int, int, int]:
        span = system[i].content
        contained = span.start <= gold[0] and gold[1] <= span.end
        shared = max(0, min(gold[1], span.end) - max(gold[0], span.start))
        return (not contained, -shared, abs(span.start - gold[0]), len(span), i)

    return min(candidates, key=key) if candidates else None
