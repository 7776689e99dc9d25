"""Credits that are no subject-verb pair, and conduits.

Receives: a ``Doc`` and a ``Unit``. Hands on: frames for "According to X, ..." and
"..., according to X", for a quote credited by a dash ('"..." - Commissioner Jane Roe'), and
the conduit spans of "said in a statement to Yonhap", "told Yonhap", ", according to state
media", "told public broadcaster ZDF" (the name after its descriptor), "told a local radio
station" (an outlet with no name), "said on Fox News Sunday", "wrote in an op-ed in the Times".
"""
from __future__ import annotations

import bisect
from typing import NamedTuple, Sequence

from ..lexicon import SpeechVerb, media_outlets, medium_words, outlet_descriptors, outlet_name_words
from .cues import content_end
from .doc import Doc
from .marks import Quote, quote_inner, trim
from .phrases import subject_after
from .units import Unit, closes_quote, quote_at
from .words import CAN_SPEAK, CAP, DASHES, DETERMINERS, FINITE, IRREGULAR_PAST, NP, OPENERS, SUBJECT_PRONOUNS

CREDIT = SpeechVerb("credit", False, False)


class Frame(NamedTuple):
    """One cue read as who said what: token indices are document-wide."""

    cue_first: int
    cue_last: int
    verb: SpeechVerb
    mention: tuple[int, int] | None  # token index range [a, b)
    content: tuple[int, int]  # character span
    via: tuple[int, int] | None  # character span
    quote: Quote | None  # the quote the frame introduces or credits, when it is one quote
    inherit: bool = False  # no subject of its own: shares the sentence's subject


def dash_credit(d: Doc, unit: Unit) -> Frame | None:
    """'"Public safety comes first." - Commissioner Jane Roe': a quote credited by a dash."""
    if not unit.quotes or unit.quotes[0].start > unit.start:
        return None
    quote = unit.quotes[0]
    k = bisect.bisect_left(d.starts, quote.end, unit.lo, unit.hi)
    if k >= unit.hi or d.words[k] not in DASHES:
        return None
    mention = subject_after(d, unit, k + 1, unit.hi)
    if mention is None or any(d.words[x] not in ".,;" for x in range(mention[1], unit.hi)):
        return None
    return Frame(k, k, CREDIT, mention, quote_inner(d.text, quote), None, quote)


def opening_quote(d: Doc, unit: Unit, content_end: int, lead: int) -> Quote | None:
    """The quote that opens the unit and ends right before a trailing credit at ``lead``."""
    if not unit.quotes or unit.quotes[0].start > d.starts[unit.lo] + 1:
        return None
    opening = unit.quotes[0]
    if opening.end >= content_end - 1 and opening.end <= d.ends[lead]:
        return opening
    return None


def read_according_to(d: Doc, unit: Unit, first: int, last: int, verb: SpeechVerb, cue_starts: Sequence[int], *, floor: int) -> Frame | None:
    """'According to X, ...' and '..., according to X.'"""
    text, words = d.text, d.words
    n = unit.hi
    mention = subject_after(d, unit, last + 1, n)
    if mention is None:
        return None
    if d.low[first] == "as" and not d.flags[mention[1] - 1] & CAN_SPEAK:
        # "As per" names a source only with a word that can speak after it ("as per the
        # statement", "as per police"); far more often than "according to" it cites a rule
        # or a plan ("as per the norms", "as per schedule").
        return None
    lead = first - 1
    if lead < unit.lo or d.low[lead] in OPENERS:
        # Leading credit: the content follows the noun phrase and its comma.
        k = mention[1]
        if k < n and words[k] == ",":
            k += 1
        if k >= n:
            return None
        start, end = trim(text, d.starts[k], content_end(d, unit, cue_starts, k, unit.end))
        quote = quote_at(unit, d.starts[k])
        if quote is not None and quote.end >= end:
            return Frame(first, last, verb, mention, quote_inner(text, quote), None, quote)
        return Frame(first, last, verb, mention, (start, end), None, None) if end > start else None
    if words[lead] == "," or closes_quote(d, unit, lead):
        end_of_content = d.starts[lead] if words[lead] == "," else d.ends[lead]
        opening = opening_quote(d, unit, end_of_content, lead)
        if opening is not None:
            return Frame(first, last, verb, mention, quote_inner(text, opening), None, opening)
        start, end = trim(text, max(d.starts[unit.lo], floor), end_of_content)
        return Frame(first, last, verb, mention, (start, end), None, None) if end > start else None
    # In the middle of a sentence: the whole sentence is credited.
    start, end = trim(text, d.starts[unit.lo], unit.end)
    return Frame(first, last, verb, mention, (start, end), None, None)


def _name_run_ends(d: Doc, unit: Unit) -> list[int]:
    """For each token of the unit (by index - unit.lo), where the run of capitalized words
    (and "the", "of") from it ends."""
    flags, low = d.flags, d.low
    ends = [unit.hi] * (unit.hi - unit.lo + 1)
    for j in range(unit.hi - 1, unit.lo - 1, -1):
        # (a number after a capital stays in the name: "BBC Radio 2's", "Channel 4")
        inside = flags[j] & CAP or low[j] in ("the", "of") or (low[j][:1].isdigit() and j > unit.lo and flags[j - 1] & CAP)
        ends[j - unit.lo] = ends[j - unit.lo + 1] if inside else j
    return ends


# Nouns after an outlet's name that belong to it: "BBC Radio 2's Jeremy Vine show".
OUTLET_TAILS = frozenset(("show", "programme", "program", "website", "newspaper", "magazine", "channel", "station", "podcast", "blog"))


# Capitalized words after a descriptor that are no outlet's name: "told the paper Monday".
NOT_AFTER_DESCRIPTOR = frozenset(
    "i monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def _past_descriptor(d: Doc, k: int, limit: int) -> int:
    """Where the name starts after the words that describe the outlet: "public broadcaster
    ZDF", "the French daily Le Monde", "Japan's state broadcaster NHK", "the news agency
    Reuters" (the conduit is the name, as "told the BBC" gives "BBC"); k when there are none.
    A person's role before a name ("told station chief Tom Roe") ends in no descriptor."""
    descriptors, low, flags = outlet_descriptors(), d.low, d.flags
    for j in range(k, min(limit - 1, k + 6)):
        # (a capitalized descriptor is the name's own word: "BBC Radio Five Live")
        if low[j] in descriptors and not flags[j] & CAP and flags[j + 1] & CAP and low[j + 1] not in NOT_AFTER_DESCRIPTOR:
            return j + 1
        if not flags[j] & NP or d.quoted[j]:
            break
    return k


def _unnamed_outlet(d: Doc, k: int, limit: int) -> tuple[int, int] | None:
    """An outlet no name is given for: "told a local radio station", "told the paper he ...".
    The descriptor must end the hearer's noun phrase ("told the station manager" is a person)."""
    low, flags = d.low, d.flags
    if k >= limit or low[k] not in ("the", "a", "an"):
        return None
    descriptors = outlet_descriptors()
    for j in range(k + 1, min(limit, k + 5)):
        if not flags[j] & NP or d.quoted[j] or low[j] in SUBJECT_PRONOUNS or low[j] in DETERMINERS:
            return None
        after = j + 1
        if after >= limit or not flags[after] & NP or low[after] in SUBJECT_PRONOUNS or low[after] in DETERMINERS or low[after] in NOT_AFTER_DESCRIPTOR:
            return (d.starts[k], d.ends[j]) if low[j] in descriptors else None  # the phrase ends here
    return None


def via_span(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, int] | None:
    """The outlet after "a statement to", "an interview with", "told": capitalized words, after
    any words that describe the outlet; else an unnamed outlet ("a local radio station")."""
    k = _past_descriptor(d, k, limit)
    if k >= limit:
        j = k
    else:
        ends = unit.memo.get("name_runs")
        if ends is None:
            ends = unit.memo["name_runs"] = _name_run_ends(d, unit)
        j = min(limit, ends[k - unit.lo])
    while j > k and d.low[j - 1] in ("the", "of"):
        j -= 1
    if j == k:
        return _unnamed_outlet(d, k, limit)
    if j < limit and d.low[j] in OUTLET_TAILS:
        j += 1
    return (d.starts[k], d.ends[j - 1])


def find_that(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, tuple[int, int] | None] | None:
    """'said in a statement to Yonhap that ...': the index after 'that', and the conduit if any."""
    words, low, flags, quoted = d.words, d.low, d.flags, d.quoted
    via = None
    j = k
    while j < limit and j - k <= 12:
        word = low[j]
        if quoted[j] or words[j] in (",", ";", ":", ".") or flags[j] & FINITE or word in IRREGULAR_PAST:
            return None
        if word == "that":
            return j + 1, via
        if word in ("to", "with") and j > k and low[j - 1] in ("statement", "interview", "remarks", "comments", "letter", "email"):
            via = via_span(d, unit, j + 1, limit)
        j += 1
    return None


def _trailing_via_hit(d: Doc, unit: Unit, j: int, n: int) -> bool:
    """Does a credit that ``trailing_via`` answers with start at token j?"""
    low = d.low
    if low[j] == "according" and low[j + 1] == "to" and subject_after(d, unit, j + 2, n):
        return True
    return low[j] in ("in", "to") and j + 1 < n and low[j + 1] in ("a", "an") and j + 3 < n and low[j + 2] in ("statement", "interview")


def _trailing_via_at(d: Doc, unit: Unit, j: int, n: int) -> tuple[int, int] | None:
    """The conduit the credit at token j names ("according to X", "in a statement to X")."""
    if d.low[j] == "according":
        span = subject_after(d, unit, j + 2, n)
        return (d.starts[span[0]], d.ends[span[1] - 1]) if span else None
    return via_span(d, unit, j + 4, n) if d.low[j + 3] in ("to", "with") else None


def trailing_via(d: Doc, unit: Unit, k: int) -> tuple[int, int] | None:
    """', according to the North Korean state media report' after a credited speaker."""
    n = unit.hi
    # Only the first credit at or after k can answer: the unit's credits are found once.
    hits = unit.memo.get("credits")
    if hits is None:
        low = d.low
        hits = unit.memo["credits"] = [
            j for j in range(unit.lo, n - 2) if low[j] in ("according", "in", "to") and _trailing_via_hit(d, unit, j, n)
        ]
    at = bisect.bisect_left(hits, k)
    return _trailing_via_at(d, unit, hits[at], n) if at < len(hits) else None


# Words that open a sentence with the occasion the words were given on, before the speaker:
# "In a statement to Newsnight, Lord Goldsmith said", "Interviewed on BBC Radio 2, he said",
# "Speaking to the BBC, she said", "Writing in the Times, he argued".
OCCASION_NOUNS = frozenset(("statement", "interview", "letter", "email", "message", "remarks", "comments", "op-ed", "article", "column", "essay", "piece"))
OCCASION_PARTICIPLES = frozenset(("interviewed", "speaking", "writing", "talking", "appearing"))


def leading_via(d: Doc, unit: Unit, before: int) -> tuple[int, int] | None:
    """The outlet an opening phrase names, when that phrase ends with a comma before token
    ``before`` (the speaker's first word)."""
    low, lo = d.low, unit.lo
    k = lo
    if k < before and low[k] == "in" and k + 2 < before and low[k + 1] in ("a", "an", "his", "her", "their", "its") and low[k + 2] in OCCASION_NOUNS:
        k += 3
    elif k < before and low[k] in OCCASION_PARTICIPLES:
        k += 1
    else:
        return None
    if k + 1 >= before or low[k] not in ("to", "with", "on", "in", "by"):
        return None
    comma = next((j for j in range(k + 1, before) if d.words[j] == ","), None)
    if comma is None or comma != before - 1:
        return None
    return _named_outlet(d, unit, k + 1, comma)


# Participles in an aside between a speaker and its cue that name where the words appeared:
# "The book, being serialised in the Guardian, says", "The memo, published by Politico, said".
APPEARED_IN = frozenset(("serialised", "serialized", "published", "printed", "quoted", "reported", "broadcast", "aired", "posted"))


def aside_via(d: Doc, unit: Unit, mention_end: int, cue: int) -> tuple[int, int] | None:
    """The outlet an aside between the speaker and the cue names, if any."""
    low = d.low
    k = mention_end
    if k >= cue or d.words[k] != ",":
        return None
    k += 1
    if k < cue and low[k] == "being":
        k += 1
    if k + 3 < cue and low[k] == "in" and low[k + 1] in ("a", "an") and low[k + 2] in OCCASION_NOUNS:
        # ", in an interview with Harbour Radio,"
        return _named_outlet(d, unit, k + 4, cue) if low[k + 3] in ("with", "to", "on", "for") else None
    # (and ", speaking to Bloomberg Television," ", interviewed on Radio Harbour,": the
    # occasion's participles, as a leading phrase has them)
    if k + 2 >= cue or low[k] not in APPEARED_IN and low[k] not in OCCASION_PARTICIPLES or low[k + 1] not in ("in", "by", "on", "to", "with"):
        return None
    return _named_outlet(d, unit, k + 2, cue)


def _named_outlet(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, int] | None:
    """The conduit ``via_span`` reads from token k, when a capital or "the" opens it ("in
    the Guardian", "to Bloomberg Television"; not "to a colleague")."""
    if k >= limit or not (d.flags[k] & CAP or d.low[k] == "the"):
        return None
    return via_span(d, unit, k, limit)



# Last words of a place's name that may hold an outlet's word ("Times Square", "Radio City Hall").
PLACE_NOUNS = frozenset("square street road avenue hall park centre center office building house tower court city".split())


def _outlet_words(d: Doc, span: tuple[int, int], described: bool) -> bool:
    """Do the words of a span name an outlet: after a descriptor, a known outlet (or one's
    programme, "NPR's Morning Edition"), or a name with an outlet's word ("Radio", "Times")
    or ending in a medium ("the Today programme")? Places and days ("in Washington", "on
    Monday") are none."""
    if described:
        return True
    words = d.text[span[0] : span[1]].split()
    if words[0].lower() == "the":
        words = words[1:]
    outlets, names = media_outlets(), outlet_name_words()
    whole = " ".join(words).lower()
    owner = whole.partition("'s ")[0].partition("’s ")[0]
    if whole in outlets or owner in outlets:
        return True
    if words[-1].lower() in PLACE_NOUNS:
        return False  # "said in Times Square", "said at the Post Office": a place
    if any(w[:1].isupper() and w.lower().removesuffix("'s").removesuffix("’s") in names for w in words):
        return True
    return len(words) > 1 and words[-1] in medium_words() and words[-2][:1].isupper()


def _outlet_at(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, int] | None:
    """The span of an outlet named at token k, or None when the words there name none."""
    span = _named_outlet(d, unit, k, limit)
    return span if span is not None and _outlet_words(d, span, span[0] != d.starts[k] and d.low[k] != "the") else None


def occasion_via(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, int] | None:
    """The outlet the words were given on or in, right after the verb: "said on Fox News
    Sunday", "wrote in the Harbour Times", "said in an interview on CNN", "wrote in an
    op-ed in The New York Times" (an op-ed reaches the reporter through its paper, as
    "told the BBC" does). Only a name read as an outlet counts: "said on Monday", "said in
    Washington" name none."""
    low = d.low
    if k + 1 >= limit or low[k] not in ("on", "in"):
        return None
    at = k + 2 if low[k + 1] in ("a", "an", "his", "her", "their", "its") else k + 1  # ("in comments to")
    if low[k] == "in" and at + 1 < limit and low[at] in OCCASION_NOUNS:
        j = at + 1
        if low[j] in ("published", "aired", "broadcast") and j + 1 < limit:
            j += 1  # "in an interview published in the Harbour Times"
        return _outlet_at(d, unit, j + 1, limit) if low[j] in ("in", "on", "with", "to", "for") else None
    return _outlet_at(d, unit, k + 1, limit)
