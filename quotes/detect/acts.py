"""Directive and evaluative speech acts: "urged residents to stay indoors", "accused the firm of
lying", "criticised the plan for ignoring ...", "called on the council to act".

Receives: a ``Doc``, a ``Unit``, and the token after a cue whose verb names the word that
follows its object (``SpeechVerb.act``: "to", "of", "for"). Hands on: the token of that word,
when the tokens between form the verb's object; the object and what follows it are what was
said (the content starts at the object, as the annotation guide's gold does).
"""
from __future__ import annotations

from ..lexicon import SpeechVerb
from .doc import Doc
from .units import Unit
from .words import DETERMINERS, FINITE, IRREGULAR_PAST, LOWERCASE, NP, POSSESSIVE, SUBJECT_PRONOUNS, TIME_WORDS, WORD

# An object longer than this is more likely a clause the act word belongs to.
MAX_OBJECT = 12
# Words that open an object without being part of a speaker's phrase.
OBJECT_WORDS = frozenset("him her them us me everyone anyone everybody anybody someone all both".split())
# Relative pronouns inside the object: "asked anyone who saw the car to call".
OBJECT_RELATIVES = frozenset(("who", "whom", "which"))
# What may open the reason after "criticised X for": a possessive or a negation.
REASON_LEADS = frozenset("his her its their our my your not".split())
# Words that may stand between two parts of one object: "the people of the town", "MPs and peers".
OBJECT_JOINS = frozenset(("of", "and", "or", "in", "from", "at"))


def act_word_at(d: Doc, unit: Unit, k: int, verb: SpeechVerb) -> int | None:
    """The token of the verb's act word ("to", "of", "for") after an object starting at token k,
    or for a verb that asks, of the word opening an indirect question ("asked him whether").

    None when token k opens no object ("asked for a refund", "urged on by", "called on Monday"),
    or a clause comes first ("told reporters she plans to run", "told MPs the plan to cut
    jobs was dead": a subject pronoun, a finite verb, "that", or a second determiner not after
    "of" or a relative pronoun starts a reported clause, which the other readings handle).
    Misses an object with a comma or a quote in it."""
    n = unit.hi
    low, flags, quoted = d.low, d.flags, d.quoted
    if k < n and verb.question and _question_at(d, k, n):
        return k  # "asked whether ...", "asked who ...": no object
    if k >= n or quoted[k] or low[k] in TIME_WORDS or not (flags[k] & (NP | POSSESSIVE) or low[k] in OBJECT_WORDS):
        return None
    relative = False
    for j in range(k, min(n, k + MAX_OBJECT)):
        word = low[j]
        if quoted[j] or not flags[j] & WORD:
            return None  # a comma, a dash, a quote: the object is no plain noun phrase
        if verb.question and j > k and not relative and _question_at(d, j, n, after=low[j - 1]):
            return j  # "asked the minister whether ...", "asked him who ..."
        if word == verb.act and j > k:
            return j if _act_goes_on(d, j, n, verb) else None
        if word == "that" and j > k:
            return None  # "told reporters that ...": a reported clause
        if word in OBJECT_RELATIVES and j > k:
            relative = True  # its clause may hold a verb and a determiner of its own
            continue
        if relative:
            continue
        if j > k and (word in SUBJECT_PRONOUNS or flags[j] & FINITE):
            return None  # "told reporters she plans to ...", "told MPs prices rose to ..."
        if j > k and word in DETERMINERS and low[j - 1] not in OBJECT_JOINS:
            return None  # "told MPs the plan to cut jobs was dead"
        if not (flags[j] & (NP | POSSESSIVE) or word in OBJECT_WORDS or word in OBJECT_JOINS or word == "not"):
            return None
    return None


# Words that open an indirect question after "asked" wherever they stand ...
QUESTION_WORDS = frozenset("whether if what how why".split())
# ... and words that do so only right after the verb or an object pronoun ("asked him who"),
# since after a noun they open a relative clause ("asked anyone who saw the van to call").
QUESTION_WORDS_AFTER_PRONOUN = frozenset("who whom when where which".split())


def _question_at(d: Doc, j: int, n: int, after: str = "") -> bool:
    """Does an indirect question start at token j ("whether he would run")? ``after`` is the
    word before it, when an object stands between the verb and j."""
    word = d.low[j]
    if j + 1 >= n or d.quoted[j] or d.quoted[j + 1]:
        return False
    if word in QUESTION_WORDS:
        return True
    return word in QUESTION_WORDS_AFTER_PRONOUN and (not after or after in OBJECT_WORDS)


def _act_goes_on(d: Doc, j: int, n: int, verb: SpeechVerb) -> bool:
    """After "to" a verb must follow ("urged voters to stay", not "asked questions to the
    minister"); after "for" a reason: a verb in -ing or a possessive ("criticised the bank for
    failing", "for its handling", not "criticised the plans for the stadium", where "for"
    belongs to the object); after "of" anything ("accused X of "running scared"")."""
    if j + 1 >= n:
        return False
    nxt = d.low[j + 1]
    if verb.act == "for":
        return nxt.endswith("ing") or nxt in REASON_LEADS
    if verb.act != "to":
        return True
    return bool(d.flags[j + 1] & LOWERCASE) and nxt not in DETERMINERS and nxt not in TIME_WORDS and not d.quoted[j + 1]


# Words after which the act's own words may hold a clause with a finite verb of its own.
CLAUSE_LEADS = QUESTION_WORDS | OBJECT_RELATIVES | frozenset(("that", "when", "where"))


def modifier_act_end(d: Doc, unit: Unit, k: int) -> int | None:
    """Where an act read as a noun's modifier ends: "Trump's tweets accusing the judge of bias
    are "lies"", "the mayor's letter urging voters to stay home was "a disgrace"": an -ing act
    right after a noun, with no comma, is part of that noun phrase, and the phrase's own verb
    ("are", "was", "drew") ends what the act said; the words after it are the sentence's, not
    the act's. The token of that verb (outside quotes, after token k), or None; None too once a
    clause of the act's own may have begun ("asking X whether she would", "accusing X of
    saying he was", "urging everyone who was there to"). What it gets wrong: a verb form no
    flag marks finite ("tweets accusing X of bias make ...")."""
    low, flags, quoted = d.low, d.flags, d.quoted
    for j in range(k, unit.hi):
        if quoted[j] or low[j] in CLAUSE_LEADS or low[j].endswith("ing"):
            return None  # the act's own quoted words ("accusing X of "lying""), or its own clause
        if (flags[j] & FINITE and low[j - 1] not in NOT_BEFORE_FINITE) or low[j] in IRREGULAR_PAST:
            return j
    return None


# Before an -ed word, words that make it a participle of the act's own words: "calling on him
# to be banned", "urging that it be scrapped".
NOT_BEFORE_FINITE = frozenset("to be been being get got".split())
