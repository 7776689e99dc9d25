"""Conduits: the outlet that carried a source's words, or a hearer who is none.

Receives: for each attribution, the span detection read after "told", "in a statement to",
"in an interview with", "according to" (``Candidate.via``), parsed, and the speakers found.
Hands on: the conduit's name for each attribution, or None.

"X told Y": Y is the listener, never the speaker. When Y is an outlet ("told BBC Radio Five
Live", "told the Financial Times", "told Norwich's website", "in a statement to Newsnight"),
it is the conduit; when Y is anyone else ("told reporters", "told MPs", "told a jury", "told
the Commons") it is a hearer and no conduit. Outlets are recognised by ``types.is_outlet_name``
(the words outlet names are made of) as well as by the list of outlets.

An outlet that "reported" words it was earlier said to have been given ("the State Department
said in a statement to Yonhap ... , Yonhap reported") is the conduit of that earlier speaker.
"""
from __future__ import annotations

from ..detect import Candidate
from ..model import Kind, SpeakerType
from .entities import Entity
from .mentions import ParsedMention
from .reasons import Link

MEDIA = SpeakerType.MEDIA


def conduit_name(parsed: ParsedMention) -> str | None:
    """The conduit a via span names, as written there, or None for a hearer."""
    if parsed.type is not MEDIA:
        return None  # "told reporters", "told the Commons": a hearer
    return parsed.name


def reporting_conduit(index: int, candidates: list[Candidate], link: Link, via_entities: dict[int, Entity], final: dict[int, Link]) -> tuple[Link, Entity] | None:
    """When an outlet 'reports' a direct quote it was earlier given, the earlier giver and the
    outlet as conduit; None otherwise."""
    entity = link.entity
    cand = candidates[index]
    if entity is None or entity.type is not MEDIA or cand.kind is not Kind.DIRECT or cand.cue is None:
        return None
    for earlier in range(index - 1, -1, -1):
        if candidates[earlier].paragraph < cand.paragraph - 2:
            break
        given = final.get(earlier)
        if via_entities.get(earlier) is entity and given is not None and given.entity is not None:
            reason = f"outlet {entity.name} reporting words given to it by {given.entity.name}"
            return Link(given.entity, reason, 0.7), entity
    return None
