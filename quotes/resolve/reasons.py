"""Why an attribution got its speaker, and how sure that makes it.

Receives: what resolution found for one attribution (the entity, how it was reached, the
words that led there). Hands on: a ``Link``: the entity, a ``reason`` a reader can check
("short name 'Mr Blair' -> Tony Blair", "pronoun 'he' -> previous speaker Michael Owen") and a
confidence that follows the reason. Below ``model.UNCERTAIN_BELOW`` (0.6) a link is uncertain:
ambiguous short names, descriptions nobody matches, quotes credited to the speaker of an
earlier paragraph or sentence, and mentions that cannot speak.
"""
from __future__ import annotations

from typing import NamedTuple

from .entities import Entity

# Confidence by kind of link. A name at the cue is the surest; a neighbour's speaker is a
# strong link in the same paragraph and a weak one across paragraphs.
CONFIDENCE = {
    "name": 0.9,
    "short-name": 0.85,
    "short-name-ambiguous": 0.5,
    "pronoun-speaker": 0.7,
    "pronoun": 0.65,
    "pronoun-coref": 0.7,
    "description": 0.7,
    "description-salient": 0.6,
    "description-unresolved": 0.5,
    "unnamed": 0.9,  # "officials", "a spokesman": the source is what the cue names
    "conduit": 0.7,
    "same-paragraph": 0.75,
    "same-sentence": 0.75,
    "continuation": 0.7,
    "previous-paragraph": 0.55,
    "colon": 0.6,
    "transcript": 0.7,  # "FERRIS: ..." in a transcript: the label names the speaker
    "clause": 0.5,
    "previous-sentence": 0.45,
    "cannot-speak-fallback": 0.5,
}


class Link(NamedTuple):
    """An attribution's speaker, why, and how sure."""

    entity: Entity | None
    reason: str
    confidence: float
    # False when the mention names nobody who can speak here ("Her comments", an "I" of the
    # quoted words): then the attribution before may lend its speaker.
    speaks: bool = True

    @classmethod
    def of(cls, entity: Entity | None, kind: str, reason: str) -> "Link":
        return cls(entity, reason, CONFIDENCE[kind] if entity is not None else 0.0)


NONE = Link(None, "no speaker found", 0.0)


def named(entity: Entity, mention: str, how: str) -> Link:
    """A name: as the article's canonical name, or a shorter form joined to it."""
    if how == "ambiguous":
        return Link.of(entity, "short-name-ambiguous", f"short name '{mention}' -> {entity.name} (one of several)")
    if mention.lower().removeprefix("the ") != entity.name.lower() and how == "short":
        return Link.of(entity, "short-name", f"short name '{mention}' -> {entity.name}")
    if entity.named:
        if entity.name.lower() not in mention.lower():
            return Link.of(entity, "short-name", f"short name '{mention}' -> {entity.name}")
        return Link.of(entity, "name", "name at cue")
    return Link.of(entity, "unnamed", "unnamed source at cue")


def shared(entity: Entity | None, how: str) -> Link:
    """A quote no cue claims, credited to a neighbouring quote's speaker."""
    where = {
        "same-paragraph": "speaker of a quote in the same paragraph",
        "same-sentence": "speaker of the credit before it in the sentence",
        "continuation": "quote continued from the previous paragraph",
        "previous-paragraph": "speaker of the previous paragraph",
        "previous-sentence": "speaker of the sentence before",
    }.get(how, how)
    if entity is None:
        return Link(None, f"free quote: {where}, who has no speaker", 0.0)
    kind = how if how in CONFIDENCE else "previous-sentence"
    return Link.of(entity, kind, f"free quote: {where}")


def capped(link: Link, how: str, why: str) -> Link:
    """A mention found by a weaker frame (a colon, a clause's subject, the sentence before):
    the reason says so and the confidence is no higher than the frame's."""
    if link.entity is None or how not in CONFIDENCE:
        return link
    return Link(link.entity, f"{why}: {link.reason}", min(link.confidence, CONFIDENCE[how]))
