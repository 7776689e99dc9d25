"""Conduits: the outlet that carried a source's words, or a hearer who is none.

Receives: for each attribution, the span detection read after "told", "in a statement to",
"in an interview with", "according to" (``Candidate.via``), parsed, and the speakers found.
Hands on: the conduit's name for each attribution, or None.

"X told Y": Y is the listener, never the speaker. When Y is an outlet ("told BBC Radio Five
Live", "told the Financial Times", "told Norwich's website", "in a statement to Newsnight"),
it is the conduit; when Y is anyone else ("told reporters", "told MPs", "told a jury", "told
the Commons") it is a hearer and no conduit. Outlets are recognised by ``types.is_outlet_name``
(the words outlet names are made of) as well as by the list of outlets, and by a descriptor
before the name ("public broadcaster ZDF"). An outlet's journalist leaves the outlet ("CNN's
Jake Tapper" -> "CNN"); its programme is the conduit whole ("NPR's Morning Edition"). An outlet
no name is given for is the conduit as the article describes it ("told a local radio station"
-> "local radio station"), as GUIDE.md gives "according to state media" -> "state media";
a definite one ("told the paper") is the outlet of that medium named before, if any.

An outlet that "reported" words it was earlier said to have been given ("the State Department
said in a statement to Yonhap ... , Yonhap reported") is the conduit of that earlier speaker.

A conduit named in a leading phrase carries the sentence's words ("Interviewed on Radio Five's
Morning Show, Jane Roe said ..."), and an interview goes on: the same speaker's next words,
right after, reached the reporter the same way (no prose about something else in between, no
other audience named).
"""
from __future__ import annotations

import bisect

import attrs
import regex

from ..detect import Candidate
from ..lexicon import medium_words, outlet_descriptors, outlet_media, programme_words
from ..model import Kind, SpeakerType
from .entities import Entity, Registry
from .mentions import ParsedMention, parse_mention
from .reasons import Link

MEDIA = SpeakerType.MEDIA
PERSON = SpeakerType.PERSON
# The word right before a conduit's name: "public broadcaster ZDF" -> "broadcaster".
_WORD_BEFORE = regex.compile(r"([\w-]+)\s+$")
# "CNN's Jake Tapper": an owner's possessive and what it owns.
_OWNED = regex.compile(r"(?:the\s+)?(.+?)(?:'s|’s)\s+(.+)")
# "Interviewed on X,", "Speaking to X,", "Writing in X,", "In an interview with X,".
LEADING = regex.compile(
    r"(?:(?:Interviewed|Speaking|Talking|Writing)\s+(?:on|to|in|with|for|by)|In\s+an\s+interview\s+(?:with|on|for))\s+([^,.;:“”\"]{2,80}?)\s*,"
)
_LEADING_FIRST = frozenset("ISTW")  # the first letters LEADING can match at
ACCORDING = regex.compile(r"according\s+to\s+(?:the\s+)?$", regex.IGNORECASE)
# Words between two attributions that still belong to the same interview.
NEAR = 80


def _described(text: str, start: int) -> str | None:
    """The descriptor right before a conduit's name ("French daily" Le Monde), or None."""
    found = _WORD_BEFORE.search(text, max(0, start - 24), start)
    word = found.group(1) if found else None  # (lower-case: "Radio" is a name's own word)
    return word if word in outlet_descriptors() else None


def conduit_mention(text: str, span: tuple[int, int]) -> tuple[ParsedMention, tuple[int, int]]:
    """The conduit a via span names, read as a mention, and the span it stands on.

    A name after an outlet's descriptor is the outlet's ("public broadcaster ZDF", "Mexican
    daily El Universal"), unless the descriptor is a person's trade too and the name a
    person's ("veteran broadcaster Jane Roe" is a hearer). An outlet's journalist ("CNN's
    Jake Tapper") leaves the outlet as conduit; an outlet's programme ("NPR's Morning
    Edition") is the conduit whole, as the annotated sets write "BBC Radio 2's Jeremy Vine
    show". (A programme whose title is two words like a name and holds no programme word,
    "ABC's Jane Street", reads as a journalist: wrong but rare.)"""
    said = text[span[0] : span[1]]
    parsed = parse_mention(said)
    owned = _OWNED.fullmatch(said)
    if owned is not None:
        owner = parse_mention(owned.group(1))
        if owner.type is MEDIA:
            title = owned.group(2).split()
            # A name's words, all capitalized, none a programme's or a medium's ("the Early Show").
            names = 2 <= len(title) <= 3 and all(w[:1].isupper() and w.lower() not in programme_words() for w in title)
            if names and title[-1].lower() not in medium_words() and parse_mention(owned.group(2)).type is PERSON:
                return owner, (span[0] + owned.start(1), span[0] + owned.end(1))
            name = said[4:] if said.startswith("the ") else said
            return attrs.evolve(parsed, name=name, type=MEDIA, named=True), span
    if parsed.type is not MEDIA:
        words = said.split()
        if words[0] in ("the", "a", "an") and words[-1] in outlet_descriptors():
            return attrs.evolve(parsed, type=MEDIA), span  # unnamed: "a regional television channel"
        descriptor = _described(text, span[0])
        if descriptor is not None and not (descriptor == "broadcaster" and parsed.type is PERSON):
            return attrs.evolve(parsed, type=MEDIA), span
    return parsed, span


def conduit_name(parsed: ParsedMention) -> str | None:
    """The conduit a via span names, as written there, or None for a hearer."""
    if parsed.type is not MEDIA:
        return None  # "told reporters", "told the Commons": a hearer
    return parsed.name


def outlet_named_before(parsed: ParsedMention, said: str, registry: Registry) -> Entity | None:
    """'told the newspaper', 'told the broadcaster': a definite unnamed outlet points back to
    the outlet the article named last (among the entities still salient), as a description
    points back to a person. None for an indefinite one ("told a local radio station"), which
    is new, or when no outlet was named: then the description is the conduit as written.
    (It takes the last outlet named whatever its medium: "the paper" after a broadcaster.)"""
    if parsed.named or parsed.type is not MEDIA or not said.lower().startswith("the "):
        return None
    head = said.split()[-1].lower()
    return registry.most_salient(lambda e: e.type is MEDIA and e.named and _same_medium(head, e.name), any_mention=True)


def _same_medium(head: str, name: str) -> bool:
    """Can "the <head>" be the outlet named ``name``: no paper for a broadcaster or an agency,
    no broadcaster for a paper or an agency, a website only for an outlet named as neither
    ("Politico", not "the Harbour Times"); "outlet" can be any."""
    printed, broadcast, agencies = outlet_media()
    words = set(name.lower().replace("'s", "").replace("’s", "").split())
    if name.lower() in agencies and (head in printed or head in broadcast):
        return False
    if head in printed:
        return words.isdisjoint(broadcast)
    if head in broadcast:
        return words.isdisjoint(printed)
    if head in ("website", "site"):
        return words.isdisjoint(printed) and words.isdisjoint(broadcast)
    return True


def reporting_conduit(index: int, candidates: list[Candidate], link: Link, via_entities: dict[int, Entity], final: list[Link]) -> tuple[Link, Entity] | None:
    """When an outlet 'reports' a direct quote it was earlier given, the earlier giver and the
    outlet as conduit; None otherwise."""
    entity = link.entity
    cand = candidates[index]
    if entity is None or entity.type is not MEDIA or cand.kind is not Kind.DIRECT or cand.cue is None:
        return None
    for earlier in range(index - 1, -1, -1):
        if candidates[earlier].paragraph < cand.paragraph - 2:
            break
        given = final[earlier]  # (earlier candidates' links are final already)
        if via_entities.get(earlier) is entity and given.entity is not None:
            reason = f"outlet {entity.name} reporting words given to it by {given.entity.name}"
            return Link(given.entity, reason, 0.7), entity
    return None


def leading_conduit(text: str, sentence_start: int, mention_start: int) -> str | None:
    """An outlet in a leading phrase of the mention's sentence, or None."""
    if text[sentence_start : sentence_start + 1] not in _LEADING_FIRST:
        return None
    found = LEADING.match(text, sentence_start, mention_start)
    if found is None:
        return None
    return conduit_name(parse_mention(found.group(1)))


def continue_conduits(text: str, candidates: list[Candidate], final: list[Link], conduit: list[str | None], hearers: set[int], starts: list[int]) -> None:
    """Conduits in a leading phrase, and conduits carried on to the same speaker's next words."""
    for index, cand in enumerate(candidates):
        if conduit[index] is None and cand.mention is not None and index not in hearers:
            at = bisect.bisect_right(starts, cand.mention[0]) - 1
            lo = starts[at] if at >= 0 else 0
            conduit[index] = leading_conduit(text, lo, cand.mention[0])
        if conduit[index] is not None or index == 0 or index in hearers:
            continue
        before, entity = candidates[index - 1], final[index].entity
        if entity is None or final[index - 1].entity is not entity or conduit[index - 1] is None:
            continue
        if before.via is not None and ACCORDING.search(text, max(0, before.via[0] - 20), before.via[0]):
            continue  # "according to the report": each statement is sourced on its own
        begins = min(x[0] for x in (cand.content, cand.cue, cand.mention) if x is not None)
        if 0 <= begins - before.content[1] <= NEAR:
            conduit[index] = conduit[index - 1]  # the same interview goes on
