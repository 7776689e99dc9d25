"""Speech cues, and where the words they report begin and end.

Receives: a ``Doc`` and a ``Unit``. Hands on: the unit's cues (token index of the first and last
word, and the speech verb from the lexicon), the tests that tell a reported clause from a noun
phrase after a cue, and where reported content ends.
"""
from __future__ import annotations

import bisect
import itertools
import operator
from typing import Sequence

from ..lexicon import SpeechVerb, speech_verbs
from .doc import Doc
from .phrases import base_form_noun, skip_adverbials
from .units import Unit
from .words import (
    ADVERB,
    AUXILIARIES,
    CAP,
    CLAUSE_OPENERS,
    CLOSING_MARKS,
    CREDIT_PAIRS,
    CUE_FIRST,
    DETERMINERS,
    FINITE,
    IRREGULAR_PAST,
    LOWERCASE,
    NP,
    PARTICIPLE_SUFFIX,
    POSSESSIVE,
    SPEECH_FORM,
    SUBJECT_PRONOUNS,
    TIME_LEADS,
    TIME_WORDS,
    WORD,
    speaker_nouns,
)

ACCORDING_TO = SpeechVerb("according to", False, False)
# "Kim's statement read": the statement stands for its author.
STATEMENT = SpeechVerb("statement", False, False)
NOT_DETERMINERS = DETERMINERS - {"that"}

Cue = tuple[int, int, SpeechVerb]  # first token, last token, verb


def match_cue(d: Doc, unit: Unit, i: int) -> tuple[int, SpeechVerb] | None:
    """The speech cue starting at token i: (its width in tokens, the verb)."""
    if d.quoted[i] or not d.flags[i] & WORD:
        return None
    if i > unit.lo and capital_in_name(d, i):
        return None
    low = d.low
    verbs = speech_verbs()
    word = low[i]
    if i + 1 < unit.hi and (word, low[i + 1]) in CREDIT_PAIRS:
        # ("As per the statement, ...": South Asian English for "according to", read as it is;
        # "as per usual", "as per the plan" name no source: the speaker test rules them out.)
        return 2, ACCORDING_TO
    if word in ("statement", "statements") and i + 1 < unit.hi and low[i + 1] in ("read", "reads", "said", "says"):
        return 2, STATEMENT
    if i + 2 < unit.hi and (word, low[i + 1], low[i + 2]) in verbs:
        return 3, verbs[(word, low[i + 1], low[i + 2])]  # "made it clear", "demanded to know"
    if i + 1 < unit.hi and (word, low[i + 1]) in verbs:
        return 2, verbs[(word, low[i + 1])]
    verb = verbs.get((word,))
    if verb is None:
        return None
    before = low[i - 1] if i > unit.lo else ""
    # "the claim", "Putin's claim", "a report": the noun, not the verb.
    if before in NOT_DETERMINERS or before.endswith("’s") or before.endswith("'s"):
        return None
    # "to say", "will not say": an infinitive or a refusal reports nothing.
    if before in ("to", "not", "n't", "never") and verb.lemma != "say":
        return None
    if before == "to":
        return None
    # "told the union in writing that ...", "confirmed in writing": a manner phrase (how the
    # words were given), not a second cue that would report the same clause again.
    if before == "in" and word == "writing":
        return None
    if base_form_noun(d, unit, i, word, verb.lemma):
        return None
    return 1, verb


def cues_in(d: Doc, unit: Unit, cue_first: Sequence[int]) -> list[Cue]:
    """The unit's cues in order. ``cue_first`` holds the article's tokens that may start one
    (most tokens start none, so the full match runs on few)."""
    found: list[Cue] = []
    after = unit.lo  # a cue's second word cannot start another cue
    for at in range(bisect.bisect_left(cue_first, unit.lo), bisect.bisect_left(cue_first, unit.hi)):
        i = cue_first[at]
        if i < after:
            continue
        cue = match_cue(d, unit, i)
        if cue:
            found.append((i, i + cue[0] - 1, cue[1]))
            after = i + cue[0]
    return found


def capital_in_name(d: Doc, i: int) -> bool:
    """A capitalized cue word after a word, outside the headline, is part of a name ("United
    States", "a campaign called North East Says No"), not a cue. (At a sentence's start the
    caller does not ask.)"""
    return bool(d.flags[i] & CAP and d.flags[i - 1] & WORD) and not d.in_headline(i)


def cue_first_tokens(d: Doc, sentence_firsts: set[int]) -> list[int]:
    """Indices of the tokens that may start a cue, in order: flagged as a cue's first word, and
    not ruled out by the look at their neighbours that ``match_cue`` would make anyway ("United
    States", "make sure", "a point" start no cue). A paragraph without one is skipped whole.
    ``sentence_firsts``: the first token of each of the engine's sentences (a unit starts at
    one, where ``match_cue`` lets a capital start a cue)."""
    verbs = speech_verbs()
    low, flags = d.low, d.flags
    found = []
    for i in itertools.compress(range(d.n), map(operator.and_, flags, itertools.repeat(CUE_FIRST))):
        if i > 0 and i not in sentence_firsts and capital_in_name(d, i):
            continue
        if not flags[i] & SPEECH_FORM:
            # Only the first word of a longer cue ("point out", "according to"): its next word
            # must follow.
            nxt = low[i + 1] if i + 1 < d.n else ""
            third = low[i + 2] if i + 2 < d.n else ""
            if not ((low[i], nxt) in verbs or (low[i], nxt, third) in verbs or (low[i], nxt) in CREDIT_PAIRS
                    or (low[i] in ("statement", "statements") and nxt in ("read", "reads", "said", "says"))):
                continue
        found.append(i)
    return found


def _coordination_cuts(d: Doc, unit: Unit, cue_starts: Sequence[int]) -> tuple[list[int], list[int]]:
    """The cues (in order) that follow ",", "and" or "but", and where each cuts content off."""
    words, low = d.words, d.low
    at: list[int] = []
    cuts: list[int] = []
    for c in cue_starts:
        before = c - 1
        while before >= unit.lo and low[before] in AUXILIARIES:
            before -= 1
        if before < unit.lo:
            continue
        word = low[before]
        if word in (",", "and", "but") or words[before] == ",":
            cut = before
            if word in ("and", "but") and before > unit.lo and words[before - 1] == ",":
                cut = before - 1
            at.append(c)
            cuts.append(cut)
    return at, cuts


def content_end(d: Doc, unit: Unit, cue_starts: Sequence[int], k: int, unit_end: int) -> int:
    """Where reported content that starts at token k ends, as a character offset.

    It runs to the end of the sentence, except before a coordinated cue that shares the
    subject (", saying ...", "and vowed that ...") or a credit (", according to ..."), which
    report something else.
    """
    # Only cues after a comma or "and"/"but" (over auxiliaries) can end it; they are found once
    # per unit, so a sentence with thousands of cues stays linear.
    cuts_of = unit.memo.get("cuts")
    if cuts_of is None:
        cuts_of = unit.memo["cuts"] = _coordination_cuts(d, unit, cue_starts)
    at, cuts = cuts_of
    for i in range(bisect.bisect_right(at, k), len(at)):
        if cuts[i] > k:
            return d.starts[cuts[i]]
    return unit_end


def looks_like_clause(d: Doc, k: int, limit: int, *, fronted: bool = True) -> bool:
    """Do the words after a cue report a statement ("a monument will be ...") or name a thing?"""
    if k >= limit:
        return False
    words, low, flags, quoted = d.words, d.low, d.flags, d.quoted
    if low[k] in CLAUSE_OPENERS or low[k] in SUBJECT_PRONOUNS or _contracted_subject(low[k]):
        return True  # "said she plans to run", "say it underscores", "said it's time"
    if low[k] == "to":
        return False  # "agreed to a buyout", "agreed to suspend sales": an infinitive or an object
    if _present_tense_after_noun(d, k, limit):
        return True
    for j in range(k, min(limit, k + 15)):
        if quoted[j]:
            continue
        if words[j] in (";", ":") or low[j] == "but":
            return False  # ("promised a figure but have yet to ...": the verb is another clause's)
        if words[j] == "," and fronted and j - k <= 5 and _adverbial(d, k, j):
            # "said too often, the ER becomes ...", "said in 2015, the firm had ...": a fronted
            # adverbial, then the clause (but 'saying last week, "That ..."' leads in a quote).
            return not (j + 1 < limit and quoted[j + 1]) and looks_like_clause(d, j + 1, limit, fronted=False)
        if flags[j] & FINITE or low[j] in IRREGULAR_PAST and j > k:
            return True  # "said a monument will ...", "said talks went on"
    return False


def _contracted_subject(word: str) -> bool:
    """"it's", "they're", "there's": a subject and its verb in one token."""
    for mark in ("'", "’"):
        head, found, _ = word.partition(mark)
        if found and (head in SUBJECT_PRONOUNS or head in ("there", "that", "here", "you")):
            return True
    return False


# Verbs in -s that are no plural noun before "on": "said growth depends on exports", "said the
# deal hinges on a vote" ("results", "lies", "talks" can be nouns and stay out).
PREPOSITIONAL_VERBS = frozenset("depends relies hinges".split())


def _present_tense_after_noun(d: Doc, k: int, limit: int) -> bool:
    """"say Scott deserves the seat", "said the transition reflects ...": a short noun phrase,
    then a verb in the present."""
    words, low, flags, quoted = d.words, d.low, d.flags, d.quoted
    nouns = speaker_nouns()
    for j in range(k + 1, min(limit, k + 6)):
        word = words[j]
        if quoted[j]:
            break
        if word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and flags[j - 1] & NP and word not in nouns:
            # (not before "of", "in", ",": "the talks on", "business interests in" are nouns;
            # but a verb that always takes its preposition is one: "said policy depends on")
            if low[j] in PREPOSITIONAL_VERBS and j + 1 < limit and low[j + 1] in ("on", "upon"):
                return True
            return j + 1 < limit and low[j + 1] not in ("of", "and", "or", "for", "in", "on", ",") and words[j + 1] not in (",", ".", ";")
        if not flags[j] & (NP | POSSESSIVE):
            break
    return False


FRONTED_LEADS = frozenset("too so now then still also however instead often in on at after before since for during by despite unlike".split())


def _adverbial(d: Doc, k: int, comma: int) -> bool:
    """Are the tokens [k, comma) a short adverbial ("too often", "in 2015", "last week")?"""
    if comma <= k or not (d.flags[k] & ADVERB or d.low[k] in FRONTED_LEADS or d.low[k] in TIME_LEADS or d.low[k] in TIME_WORDS):
        return False
    return not any(d.flags[j] & FINITE for j in range(k, comma))


def noun_then_verb(d: Doc, k: int, limit: int) -> bool:
    """A short noun phrase, then a past or finite verb: "added underlying lending rose", the
    only clause a verb that otherwise trails ("add", "continue") may take without "that"."""
    j = k
    # (nouns in -ing count: "added underlying lending rose")
    while j < limit and j - k < 5 and (d.flags[j] & NP or d.low[j].endswith("ing") and d.flags[j] & LOWERCASE) and not d.quoted[j]:
        if d.low[j] in CLAUSE_OPENERS or d.flags[j] & FINITE or d.low[j] in IRREGULAR_PAST:
            break
        j += 1
    return k < j < limit and (d.flags[j] & FINITE or d.low[j] in IRREGULAR_PAST) and not d.quoted[j]


# What may follow the comma after a trailing credit: asides (", according to ...", ", who ...",
# ", a spokesman for ...") and a new clause joined by a conjunction (", because ...", ", but ...").
TAIL_WORDS = frozenset(
    ("according", "who", "which", "a", "an", "the", "citing", "in", "on", "at", "as", "and", "but", "because", "although", "though", "while", "since", "so")
)
TAIL_PREPOSITIONS = frozenset(
    ("in", "on", "at", "during", "to", "with", "from", "after", "before", "while", "outside", "via", "through", "last", "this", "earlier", "late")
)


def tail_is_adverbial(d: Doc, k: int, limit: int) -> bool:
    """After a trailing cue ("..., he said on Monday.") only adverbials and asides may follow."""
    words, low = d.words, d.low
    k = skip_adverbials(d, k, limit)
    while k < limit:
        if words[k] in (".", "!", "?", "…") or words[k] in CLOSING_MARKS:
            k += 1
            continue
        if words[k] in (",", ";", "—", "–", "(", ")"):
            nxt = low[k + 1] if k + 1 < limit else ""
            # ", according to ...", ", adding ...", ", who ...", ", a spokesman for ..."
            return k + 1 >= limit or nxt in TAIL_WORDS or nxt.endswith(PARTICIPLE_SUFFIX)
        if low[k] in TAIL_PREPOSITIONS:
            # "said at a rally in Ohio": a prepositional phrase without a verb of its own.
            return not any(d.flags[j] & FINITE or low[j] == "that" for j in range(k, limit) if not d.quoted[j])
        return False
    return True
