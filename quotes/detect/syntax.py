"""Reading a dependency parse, when the engine gave one: who is the subject of a speech verb,
what is its clausal complement.

Receives: a ``Doc`` whose ``heads``/``deprels``/``upos`` arrays the engine filled (document-wide
head indices, UD relations) and a parsed ``Unit``. Hands on: token ranges, or None; where there
is no subject or complement the frames fall back to their patterns.
"""
from __future__ import annotations

from ..lexicon import word_set
from .doc import Doc
from .units import Unit
from .words import WORD

# Relations that belong to a speaker's noun phrase: "Kremlin spokesman Dmitry Peskov",
# "a spokeswoman for the ministry", "Russia and North Korea", "Kim's". Appositions and relative
# clauses are left out: "Jane Roe, a spokeswoman ..., said" -> "Jane Roe".
NOUN_PHRASE = frozenset({"compound", "flat", "amod", "det", "nmod:poss", "nummod", "conj", "cc", "nmod", "case", "fixed", "goeswith"})
SUBJECT = frozenset({"nsubj", "nsubj:pass"})


def _children(d: Doc, unit: Unit) -> dict[int, list[int]]:
    """Each token's dependents inside the unit (built once per unit)."""
    kids = unit.memo.get("kids")
    if kids is None:
        kids = unit.memo["kids"] = {}
        heads = d.heads
        for j in range(unit.lo, unit.hi):
            h = heads[j]
            if h is not None and unit.lo <= h < unit.hi:
                kids.setdefault(h, []).append(j)
    return kids


def _extent(d: Doc, kids: dict[int, list[int]], head: int, keep: frozenset[str] | None) -> tuple[int, int]:
    """The head and its descendants through ``keep`` relations (all when None), as [lo, hi)."""
    lo = hi = head
    stack = [head]
    while stack:
        node = stack.pop()
        for child in kids.get(node, ()):
            relation = d.deprels[child] or ""
            if keep is None or relation in keep:
                lo, hi = min(lo, child), max(hi, child)
                stack.append(child)
    return lo, hi + 1


def subject_of(d: Doc, unit: Unit, verb: int) -> tuple[int, int] | None:
    """The speech verb's subject noun phrase as a token range [lo, hi), or None."""
    kids = _children(d, unit)
    deprels, upos, flags = d.deprels, d.upos, d.flags
    for child in kids.get(verb, ()):
        if (deprels[child] or "") in SUBJECT:
            head = child
            if upos[child] != "PROPN" or d.low[child] in word_set("roles.txt"):
                # "Malaysia's Prime Minister, Najib Razak, said": the name in apposition to a
                # title is who speaks (the title stays the role, found beside the name).
                names = [k for k in kids.get(child, ()) if deprels[k] == "appos" and upos[k] == "PROPN"]
                head = names[0] if names else child
            lo, hi = _extent(d, kids, head, NOUN_PHRASE)
            while lo < hi and not flags[lo] & WORD:
                lo += 1
            while hi > lo and not flags[hi - 1] & WORD and d.words[hi - 1] not in ("’s", "'s"):
                hi -= 1
            return (lo, hi) if hi > lo else None
    return None


def complement_of(d: Doc, unit: Unit, verb: int) -> tuple[int, int] | None:
    """The clause a speech verb reports ("said [that] Russia would help"), after the verb."""
    kids = _children(d, unit)
    deprels = d.deprels
    for child in kids.get(verb, ()):
        if (deprels[child] or "").split(":")[0] == "ccomp" and child > verb:
            lo, hi = _extent(d, kids, child, None)
            # The complementizer is not part of what was said.
            while lo < hi and (deprels[lo] == "mark" or not d.flags[lo] & WORD):
                lo += 1
            while hi > lo and d.upos[hi - 1] == "PUNCT" and d.words[hi - 1] not in "”\"’'":
                hi -= 1
            return (lo, hi) if hi > lo else None
    return None
