"""Names in the prose: people introduced with a title before they speak.

Receives: a ``Doc`` (and the engine's entities, when it found any). Hands on: character spans
of person mentions anywhere in the text, so that resolution can join a later short form to
them: "Russian President Vladimir Putin's war" makes "Putin claimed" resolve to the full name.
"""
from __future__ import annotations

import itertools
from typing import Sequence

from ..engines.base import Entity
from ..lexicon import place_index, word_set
from .doc import Doc
from .words import CAP


def titled_names(d: Doc, entities: Sequence[Entity] = ()) -> list[tuple[int, int]]:
    """Spans of role + name phrases (the rules engine's person finder), or the engine's PERSON
    entities when it has any."""
    if entities:
        return [(e.start, e.end) for e in entities if e.label == "PERSON"]
    titles = word_set("roles.txt")
    low, flags, n = d.low, d.flags, d.n
    spans: list[tuple[int, int]] = []
    # Only tokens that are a title word can start a span: found by C-level maps over the
    # lower-case forms before any Python-level check.
    i = 0
    for at in itertools.compress(range(n), map(titles.__contains__, low)):
        if at < i:
            continue
        i = at
        if i + 2 < n and flags[i + 1] & CAP and flags[i + 2] & CAP:
            j = i + 1
            while j < n and j - i <= 4 and flags[j] & CAP and low[j] not in titles:
                j += 1
            if j - (i + 1) >= 2:
                # Take the role with the name ("Russian President Vladimir Putin") for its affiliation.
                k = i
                while k > 0 and flags[k - 1] & CAP and place_index().get(low[k - 1]):
                    k -= 1
                spans.append((d.starts[k], d.ends[j - 1]))
            i = j
        else:
            i += 1
    return spans
