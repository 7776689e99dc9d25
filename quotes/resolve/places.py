"""Where a speaker belongs: the country, party or organization a mention's words point to.

Receives: the words of a mention, or of an owner before it ("South Korea's", "the SNP's"). Hands
on: places, demonyms and metonyms among them (``places_in``), the one country or party they
name (``affiliation_of``) and the affiliation an owner gives (``owner_affiliation``). Lexicon
look-ups only (``types``); split from ``mentions``, which reads the rest of a mention.
"""
from __future__ import annotations

import functools

from . import types as T


def places_in(words: list[str]) -> list[tuple[int, int, str]]:
    """Places, demonyms and metonyms among the words, longest first, left to right: (first word,
    how many words, the country)."""
    found = []
    low = list(map(T.word_key, words))
    wide = T.place_prefixes()
    n = len(low)
    i = 0
    while i < n:
        # Only a word that opens a place name of two or three words ("north", "new") is
        # looked up with the words after it.
        for width in (3, 2, 1) if low[i] in wide or " " in low[i] else (1,):
            if i + width <= n:
                hit = T.place(" ".join(low[i : i + width]))
                if hit is not None:
                    found.append((i, width, hit[0]))
                    i += width
                    break
        else:
            i += 1
    return found


def affiliation_of(words: list[str]) -> str | None:
    """The one country that demonyms, names or metonyms in these words point to, else the one
    party they name ("Tory backbencher" -> Conservative Party)."""
    return _affiliation(tuple(words)) if words else None


@functools.lru_cache(maxsize=8192)
def _affiliation(words: tuple[str, ...]) -> str | None:
    words = list(words)
    unique = list(dict.fromkeys(country for _, _, country in places_in(words)))
    if len(unique) == 1:
        return unique[0]
    if unique:
        return None
    parties = {p.name for w in words if w[:1].isupper() and (p := T.party(T.strip_possessive(w))) is not None}
    return parties.pop() if len(parties) == 1 else None


def owner_affiliation(words: list[str]) -> str | None:
    """What an owner before a name or role says the speaker belongs to: a country ("South
    Korea's"), a party ("the SNP's" -> Scottish National Party), an organization ("GE's",
    "the Harbour Party's"), an outlet ("the Guardian's"); a person owner ("Mr Dale's lawyers")
    is none."""
    name = " ".join(words)
    party = T.party(name)
    if party is not None:
        return party.name
    place = speaking_place(words)
    if place is not None:
        return place[0]
    country = affiliation_of(words)
    if country is not None:
        return country
    if T.is_acronym(name) or T.is_known_organization(name) or any(T.is_org_word(w) for w in words[1:] or words):
        return name
    if T.outlet_country(name)[0]:
        return name  # "the Guardian's Jane Roe", "the Guardian's economics editor": its journalist
    return None


def place_words(words: list[str]) -> set[int]:
    """Indices of the words that are part of a place, demonym or metonym ("North Korean")."""
    return {i + k for i, width, _ in places_in(words) for k in range(width)}


def speaking_place(words: list[str]) -> tuple[str, str] | None:
    hit = T.place(" ".join(words))
    return hit if hit and hit[1] in ("country", "metonym") else None
