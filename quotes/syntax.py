"""Reading a dependency parse, when the engine gave one: who is the subject of a speech verb,
what is its clausal complement.

Pure functions over the neutral tokens (document-wide ``head`` indices, UD relations); the
caller passes a sentence-sized slice and the document index of its first token. Where there is
no parse they return None and detection falls back to its patterns.
"""
from __future__ import annotations

from typing import Sequence

from .engines.base import Token
from .lexicon import word_set

# Relations that belong to a speaker's noun phrase: "Kremlin spokesman Dmitry Peskov",
# "a spokeswoman for the ministry", "Russia and North Korea", "Kim's". Appositions and relative
# clauses are left out: "Jane Roe, a spokeswoman ..., said" -> "Jane Roe".
NOUN_PHRASE = frozenset({"compound", "flat", "amod", "det", "nmod:poss", "nummod", "conj", "cc", "nmod", "case", "fixed", "goeswith"})
SUBJECT = frozenset({"nsubj", "nsubj:pass"})


def _children(tokens: Sequence[Token], offset: int) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for j, t in enumerate(tokens):
        if t.head is not None and offset <= t.head < offset + len(tokens):
            kids.setdefault(t.head - offset, []).append(j)
    return kids


def has_parse(tokens: Sequence[Token]) -> bool:
    return any(t.deprel is not None for t in tokens)


def _extent(tokens: Sequence[Token], kids: dict[int, list[int]], head: int, keep: frozenset[str] | None) -> tuple[int, int]:
    """The head and its descendants through ``keep`` relations (all when None), as [lo, hi)."""
    lo = hi = head
    stack = [head]
    while stack:
        node = stack.pop()
        for child in kids.get(node, ()):
            relation = tokens[child].deprel or ""
            if keep is None or relation in keep:
                lo, hi = min(lo, child), max(hi, child)
                stack.append(child)
    return lo, hi + 1


def subject_of(tokens: Sequence[Token], offset: int, verb: int) -> tuple[int, int] | None:
    """The speech verb's subject noun phrase as a token range [lo, hi), or None."""
    if not has_parse(tokens):
        return None
    kids = _children(tokens, offset)
    for child in kids.get(verb, ()):
        if (tokens[child].deprel or "") in SUBJECT:
            head = child
            if tokens[child].upos != "PROPN" or tokens[child].text.lower() in word_set("roles.txt"):
                # "Malaysia's Prime Minister, Najib Razak, said": the name in apposition to a
                # title is who speaks (the title stays the role, found beside the name).
                names = [k for k in kids.get(child, ()) if tokens[k].deprel == "appos" and tokens[k].upos == "PROPN"]
                head = names[0] if names else child
            lo, hi = _extent(tokens, kids, head, NOUN_PHRASE)
            while lo < hi and not tokens[lo].text[:1].isalnum():
                lo += 1
            while hi > lo and not tokens[hi - 1].text[:1].isalnum() and tokens[hi - 1].text not in ("’s", "'s"):
                hi -= 1
            return (lo, hi) if hi > lo else None
    return None


def complement_of(tokens: Sequence[Token], offset: int, verb: int) -> tuple[int, int] | None:
    """The clause a speech verb reports ("said [that] Russia would help"), after the verb."""
    if not has_parse(tokens):
        return None
    kids = _children(tokens, offset)
    for child in kids.get(verb, ()):
        if (tokens[child].deprel or "").split(":")[0] == "ccomp" and child > verb:
            lo, hi = _extent(tokens, kids, child, None)
            # The complementizer is not part of what was said.
            while lo < hi and (tokens[lo].deprel == "mark" or not tokens[lo].text[:1].isalnum()):
                lo += 1
            while hi > lo and tokens[hi - 1].upos == "PUNCT" and tokens[hi - 1].text not in "”\"’'":
                hi -= 1
            return (lo, hi) if hi > lo else None
    return None
