"""Pronouns point back to the most salient compatible speaker.

Receives: a pronoun mention ("he", "she", "they", "it", "who") and the registry's salience
order. Hands on: a ``Link`` to the entity it refers to, or an unresolved one.

"he said" in news refers to the person the story is following: the one last the subject of a
sentence or of a speech act, not the last person named (an object, a name inside a quote). So
he/she go to the most salient person of a compatible gender (the gender only from the text:
honorifics and pronouns already resolved); a quote's own speaker is preferred when it is as
salient. What it gets wrong: a pronoun for someone only ever named as an object ("His claims
were denied by Jack Straw. He said ..."), and two people of unknown gender taking turns.
"""
from __future__ import annotations

from ..model import SpeakerType
from .entities import Entity, Registry
from .mentions import ParsedMention
from .reasons import Link
from .salience import Walker

PERSON, ORG, MEDIA, GROUP = SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP


def _accept(parsed: ParsedMention):
    word = parsed.pronoun
    if word in ("he", "she"):
        return lambda e: e.type is PERSON  # named or not: "a spokesman said ... He added"
    if word in ("they", "we"):
        return lambda e: e.type is GROUP or e.type is ORG or (e.type is MEDIA and word == "they")
    if word in ("it", "which"):
        return lambda e: e.type in (ORG, MEDIA)
    if word == "who":
        return lambda e: e.type in (PERSON, GROUP)
    return None


def resolve_pronoun(parsed: ParsedMention, registry: Registry, start: int, walker: Walker | None = None, content: tuple[int, int] | None = None) -> Link:
    """The entity a pronoun at ``start`` refers to: read back sentence by sentence for the
    nearest compatible subject or speaker, else the registry's most salient."""
    word = parsed.pronoun or ""
    base = _accept(parsed)
    if base is None:
        # "I", "you": the speaker is in the quote's frame, not here.
        return Link(None, f"unresolved pronoun '{parsed.text}'", 0.0, speaks=False)
    gender = parsed.gender

    def accept(e: Entity) -> bool:
        return base(e) and (gender is None or e.gender is None or e.gender is gender)

    found = walker.back(start, accept, objects=word in ("he", "she"), skip=content) if walker is not None and word != "who" else None
    if found is not None:
        entity, spoke = found
        kind, how = ("pronoun-speaker", "previous speaker") if spoke else ("pronoun", "subject before it,")
    elif word == "who":
        entity = registry.most_salient(accept, any_mention=True)
        kind, how = "pronoun", "the name before it"
    else:
        entity = registry.most_salient(accept)
        kind, how = "pronoun", "last subject"
        if entity is not None and gender is not None and entity.gender is None:
            # A person whose gender the text has said is a better antecedent than one it has
            # not, when that person spoke since the other was last the subject.
            known = registry.most_salient(lambda e: accept(e) and e.gender is gender)
            if known is not None and known.spoke > entity.last_seen:
                entity = known
        if entity is not None and entity.spoke >= 0 and registry.last_speaker(accept) is entity:
            kind, how = "pronoun-speaker", "previous speaker"
    if entity is None:
        return Link(None, f"unresolved pronoun '{parsed.text}'", 0.0)
    if gender is not None and entity.gender is None:
        entity.gender = gender  # gender only from the text: the pronoun that refers to it
    return Link.of(entity, kind, f"pronoun '{parsed.text}' -> {how} {entity.name}")
