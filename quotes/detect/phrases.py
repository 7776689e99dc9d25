"""Speaker noun phrases: who stands before or after a cue, or opens the clause.

Receives: a ``Doc`` and a ``Unit`` (token indices are document-wide; a unit's tokens are
[unit.lo, unit.hi)). Hands on: token ranges ``(a, b)`` of noun phrases, or None. These are
the pattern readers the frames use when there is no parse (or the parse has no subject).
"""
from __future__ import annotations

import functools

from ..lexicon import place_index, post_modifiers, speech_verbs, word_set
from .doc import Doc
from .units import Unit, inner_dot
from .words import (
    ADJECTIVE_NAMES,
    ADVERB,
    AUXILIARIES,
    BOUNDARY_WORDS,
    CAN_SPEAK,
    CAP,
    CLOSING_MARKS,
    DASHES,
    DETERMINERS,
    FINITE,
    FINITE_WORDS,
    IRREGULAR_PAST,
    LEAD_PREPOSITIONS,
    LOWERCASE,
    NAME_ABBREVIATION,
    NAME_PREPOSITIONS,
    NP,
    NP_PREPOSITIONS,
    OF_HEADS,
    OPENERS,
    PARTICIPLE_SUFFIX,
    PREPOSITIONS_IN_NAMES,
    PRONOUNS,
    QUOTE_CHARS,
    RELATIVES,
    SPEECH_FORM,
    TIME_LEADS,
    TIME_WORDS,
    WORD,
    POSSESSIVE,
    document_nouns,
    speaker_nouns,
)

# Company suffixes whose period belongs to the name.
COMPANY_SUFFIXES = frozenset("co inc corp ltd plc llc bros cos".split())
CLAUSE_REACH = 40  # tokens a shared subject may stand before its cue
# A finite verb does not follow these: "to claim", "that claims", "a series of tweets".
NOT_BEFORE_VERBS = frozenset("to that which who of in on for with by from at about".split())


def paren_open(d: Doc, j: int, floor: int) -> int | None:
    """For a ")" at j closing a short aside after a name ("Jim Jordan (R-Ohio)"), its "(" index."""
    words = d.words
    k = j - 1
    while k >= floor and j - k <= 6:
        if words[k] == "(":
            return k if k - 1 >= floor and d.flags[k - 1] & CAP else None
        if words[k] in (")", ",", ";") or words[k] in QUOTE_CHARS:
            return None
        k -= 1
    return None


def head(d: Doc, span: tuple[int, int]) -> int:
    """The last word of a noun phrase, a bracketed tag aside ("Jim Jordan (R-Ohio)")."""
    last = span[1] - 1
    if d.words[last] == ")":
        opening = paren_open(d, last, span[0])
        if opening is not None and opening > span[0]:
            return opening - 1
    return last


# Adverbs between an auxiliary and its verb that no -ly marks ("Mr Ebbers, 63, has always
# insisted", "has long argued"): read as a noun they were taken for the speaker.
MID_ADVERBS = frozenset("always also often still already just ever once long even".split())


def skip_back(d: Doc, j: int, floor: int, hi: int) -> int:
    """Step left over auxiliaries, adverbs and time phrases ("have said", "on Monday said")."""
    low, flags = d.low, d.flags
    while j >= floor:
        word = low[j]
        if (word in AUXILIARIES and flags[j] & LOWERCASE) or flags[j] & ADVERB or word in TIME_WORDS or word in MID_ADVERBS:  # ("Will wrote": a name)
            j -= 1
        elif word in TIME_LEADS and j + 1 < hi and low[j + 1] in TIME_WORDS:
            j -= 1
        elif len(word) == 4 and word.isdigit() and j > floor and low[j - 1] in ("in", "since"):
            j -= 2  # "who in 2010 said"
        else:
            break
    return j


def skip_adverbials(d: Doc, k: int, limit: int) -> int:
    """Step right over "on Monday", "last week", "publicly" after a cue."""
    low = d.low
    while k < limit:
        word = low[k]
        if word in TIME_WORDS or d.flags[k] & ADVERB or word in ("again", "also", "then", "later", "earlier"):
            k += 1
        elif word in TIME_LEADS and k + 1 < limit and low[k + 1] in TIME_WORDS:
            k += 2
        else:
            break
    return k


def _date_word(d: Doc, j: int, floor: int) -> bool:
    """Is token j part of a date ("September 27", "on Monday") rather than of a name ("the
    Sunday Times", "Monday Club")?"""
    low = d.low
    if low[j] in TIME_WORDS:
        return not (j + 1 < d.n and d.flags[j + 1] & CAP)
    return low[j].isdigit() and j - 1 >= floor and low[j - 1] in TIME_WORDS


def _gather_left(d: Doc, unit: Unit, end: int, floor: int) -> int:
    """From ``end`` leftwards over the words of one noun phrase; the index before its start."""
    words, low, flags = d.words, d.low, d.flags
    nouns = speaker_nouns()
    j = end
    has_and = False
    while j >= floor:
        word = low[j]
        if _date_word(d, j, floor):
            break  # "On September 27 they published": a date is no part of who speaks
        if word == "and" and j - 1 >= floor and j < end and (flags[j - 1] & CAP or j + 1 < end and flags[j - 1] & NP and not flags[j - 1] & CAN_SPEAK):
            # "Russia and North Korea"; modifiers joined before their noun ("the 200m and
            # 400m record holder"), not two speakers ("officials and experts")
            has_and = True
            j -= 1
            continue
        if words[j] == "," and has_and and j - 1 >= floor and flags[j - 1] & CAP and low[j - 1] not in OPENERS and flags[j + 1] & CAP:
            j -= 1  # "U.S., Ukrainian and South Korean officials": a list of modifiers
            continue
        if word in PREPOSITIONS_IN_NAMES and j - 1 >= floor and j < end and (low[j - 1] in nouns or word == "of" and (flags[j - 1] & CAP and low[j - 1] not in DETERMINERS or low[j - 1] in OF_HEADS)):
            j -= 1  # "a spokeswoman for the ministry", "head of the agency", "Mr. Morgan of the Sierra Club"
            continue
        if word == "to" and j - 1 >= floor and j < end and low[j - 1] in word_set("roles_to.txt"):
            j -= 1  # "an aide to Ortega", "a senior adviser to the governor"
            continue
        if words[j] == "." and inner_dot(d, j, unit.lo, unit.hi):
            j -= 1  # "Mr. Podesta", "Benjamin J. Rhodes"
            continue
        if words[j] == "." and j == end and j - 1 >= floor and low[j - 1] in COMPANY_SUFFIXES and d.ends[j - 1] == d.starts[j]:
            j -= 1  # "Samsung Electronics Co. said": the period ends the company's name
            continue
        if words[j] == ")" and j == end:
            opening = paren_open(d, j, floor)  # "Rep. Jim Jordan (R-Ohio)"
            if opening is not None:
                j = opening - 1
                continue
        if not flags[j] & NP:
            break
        j -= 1
    return j


def subject_before(d: Doc, unit: Unit, i: int, floor: int | None = None, *, appositions: bool = True) -> tuple[int, int] | None:
    """The noun phrase that speaks through the cue at token i, as a token range, or None.

    Walks left from the cue over auxiliaries and time phrases, then gathers the noun phrase up
    to a clause boundary. Coordinations of names ("Russia and North Korea", "U.S., Ukrainian and
    South Korean officials") are kept whole; an apposition ("Jane Roe, a spokeswoman for the
    ministry, said") yields the name before it.
    """
    floor = unit.lo if floor is None else floor
    words, low = d.words, d.low
    end = skip_back(d, i - 1, floor, unit.hi)
    if end >= floor and low[end] in RELATIVES:
        return (end, end + 1)  # "McConnell, who in 2010 said", "the department which reported"
    if end >= floor and (words[end] == "," or words[end] in DASHES):
        return name_before_apposition(d, unit, end, floor) if appositions else None
    described = described_start(d, unit, end, floor)
    if described is not None:
        stop = end + 1
        while stop < i and d.low[stop] == "anonymously":
            stop += 1  # "an official who spoke anonymously said": that adverb is the clause's (others the cue's)
        return (described, stop)  # "people familiar with the talks said"
    first = _gather_left(d, unit, end, floor) + 1
    while first <= end and (low[first] in OPENERS or low[first] in ("and", "but", "or")):
        first += 1
    if first > end or end - first >= 12:
        return None
    if all(w in DETERMINERS or w.isdigit() or w == "what" for w in low[first : end + 1]):
        return None
    if low[first] == "what":
        first += 1  # "what he called": the speaker is "he"
    return _widen(d, unit, first, end, floor)


POST_REACH = 16  # tokens a speaker noun's post-modifier may run before the cue
# Words that open a clause inside a post-modifier, whose own subject may be the cue's.
CLAUSE_LINKS = frozenset("that when where if whether because while although since until".split())


@functools.cache
def _modifier_firsts() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The lexicon's post-modifiers by their first word, compiled once."""
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for words in post_modifiers():
        firsts.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in firsts.items()}


@functools.cache
def _modifier_openers() -> frozenset[str]:
    """The words a post-modifier may open with: "who", "which" and the lexicon's first words."""
    return frozenset(_modifier_firsts()) | {"who", "which"}


def _modifier_at(d: Doc, j: int, end: int) -> bool:
    """Does a speaker noun's post-modifier start at token j and leave an object before the cue
    at ``end``: a lexicon phrase ("familiar with", "close to") or "who" and its verb ("who
    attended")? A noun phrase after "who" is the subject of its own verb ("officials who the
    minister said ..."), so no post-modifier."""
    low = d.low
    if low[j] in ("who", "which"):  # ("which" after an organization: "the fund which manages it")
        after = j + 1
        return after <= end and not (low[after] in DETERMINERS or low[after] in PRONOUNS or d.flags[after] & CAP)
    stop = _lexicon_modifier(d, j, end + 1)
    # The object is a noun phrase: a finite verb in it means a clause of its own.
    return stop is not None and not any(d.flags[x] & FINITE for x in range(stop, end + 1))


def _lexicon_modifier(d: Doc, j: int, limit: int) -> int | None:
    """Where the words of a lexicon post-modifier ("familiar with", "close to") starting at
    token j end, when they end before ``limit``; else None."""
    low = d.low
    for words in _modifier_firsts().get(low[j], ()):
        stop = j + len(words)
        if stop < limit and tuple(low[j:stop]) == words:
            return stop
    return None


def _modifier_end(d: Doc, j: int, limit: int) -> int | None:
    """After a speaker noun, where a lexicon post-modifier starting at token j and its object
    noun phrase end ("close to the club", "familiar with the matter"), or None."""
    stop = _lexicon_modifier(d, j, limit)
    if stop is None:
        return None
    low, flags = d.low, d.flags
    k = stop
    # (a noun in -ing ends the phrase before punctuation: "the closed-door meeting.")
    while k < limit and k - stop < 8 and (flags[k] & NP or low[k] == "of" or low[k].endswith("ing") and (k + 1 >= limit or not flags[k + 1] & WORD)) and low[k] not in TIME_WORDS:
        k += 1
    return k if k > stop else None


def described_start(d: Doc, unit: Unit, end: int, floor: int) -> int | None:
    """'People familiar with the talks said', 'Three people with knowledge of the plan said', 'a
    person who attended the meeting said': where a speaker noun phrase starts whose post-modifier
    runs up to the cue at ``end``, else None. Without this the pattern reads the modifier's
    object ("the talks") as who speaks.

    The noun before the modifier must be a speaker noun (so "The deal with the talks said" is
    no speaker) and open its clause; a comma, dash or quote mark on the way stops the search
    (asides are appositions, and "the rise in prices, officials said" has its own subject).
    """
    words, low, flags, quoted = d.words, d.low, d.flags, d.quoted
    if low[end] in PRONOUNS:
        return None  # "the congressman who won in 2009 when he said": the pronoun speaks
    stop = max(floor, end - POST_REACH)
    openers = _modifier_openers()
    if openers.isdisjoint(low[stop + 1 : end + 1]):
        return None  # no "who", "which" or lexicon post-modifier in reach: most cues
    for j in range(end, stop, -1):
        if quoted[j] or not flags[j] & WORD or low[j] in CLAUSE_LINKS:
            return None  # "the judges who ruled that Texas ... said": a clause of its own
        if low[j] in openers and _modifier_at(d, j, end):
            noun = j - 1
            if noun < floor or low[noun] not in speaker_nouns() or not flags[noun] & CAN_SPEAK:
                return None
            start = _gather_left(d, unit, noun, floor) + 1
            before = start - 1
            clean = before < floor or not flags[before] & WORD or words[before] in CLOSING_MARKS or low[before] in OPENERS or low[before] in TIME_WORDS or low[before] in ("and", "but")
            while start < noun and (low[start] in OPENERS or low[start] in ("and", "but", "or", "even")):
                start += 1  # "So even economists who ...": the phrase starts at its noun
            return start if clean else None
    return None


def antecedent(d: Doc, unit: Unit, relative: int, floor: int) -> tuple[int, int] | None:
    """'McConnell, who in 2010 said', 'the committee, which said', 'officials who said': the
    phrase the relative pronoun stands for, when it can speak (else the pronoun itself)."""
    end = relative - 1 if relative - 1 >= floor and d.words[relative - 1] == "," else relative
    np = subject_before(d, unit, end, floor, appositions=False)
    if np is None or np[1] != end or not d.flags[head(d, np)] & CAN_SPEAK:
        return None
    # "criticism from the audit committee, which said": the pronoun stands for the object of
    # the last preposition ("of" stays inside a name: "the House of Lords, which said").
    start = np[0]
    for j in range(np[1] - 1, np[0], -1):
        if d.low[j] in PREPOSITIONS_IN_NAMES and d.low[j] != "of":
            start = j + 1
            break
        if d.flags[j] & LOWERCASE and (d.low[j] in IRREGULAR_PAST or d.flags[j] & FINITE):
            start = j + 1  # "The fans met officials who said": a verb ends the clause before the phrase
            break
    return (start, np[1])


def _widen(d: Doc, unit: Unit, first: int, end: int, floor: int) -> tuple[int, int]:
    """A phrase [first, end] read leftwards, widened or narrowed by what stands before it."""
    words, low, flags = d.words, d.low, d.flags
    # Apposition: "Jane Roe, a spokeswoman for the ministry, said" -> "Jane Roe".
    if low[first] in ("a", "an", "the") and first - 2 >= floor and words[first - 1] == ",":
        name_end = first - 2
        k = name_end
        while k >= floor and flags[k] & CAP and low[k] not in OPENERS and low[k] not in BOUNDARY_WORDS:
            k -= 1
        # Not after a preposition: "In Chelsea, the mayor said" is the mayor speaking.
        if k < name_end and (k < floor or not flags[k] & WORD and words[k] != ","):
            return (k + 1, name_end + 1)
    # "retired Air Force general Lloyd Newton": a participle opening the phrase after a quote.
    if first - 1 >= floor and low[first - 1].endswith(("ed", "ing")) and flags[first - 1] & LOWERCASE and (
        first - 1 == floor or words[first - 2] in CLOSING_MARKS or words[first - 2] == ","
    ) and flags[first] & CAP:
        first -= 1
    # "a narrator in the Clinton ad asks", "Protesters marching through the streets chanted":
    # the phrase after a preposition belongs to the speaker before it, when that one opens
    # the clause.
    p = first - 1
    if p - 1 >= floor and low[p] in NP_PREPOSITIONS:
        k = p - 1
        if flags[k] & LOWERCASE and low[k].endswith(PARTICIPLE_SUFFIX):
            k -= 1
        top = k
        while k >= floor and top - k < 6 and flags[k] & NP:
            k -= 1
        start = k + 1
        clean = k < floor or words[k] in CLOSING_MARKS or words[k] in (",", "—", "–") or low[k] in OPENERS
        if start <= top and clean and end + 1 - start <= 12 and low[top] not in DETERMINERS:
            return (start, end + 1)
    return (first, end + 1)


def _proper_name(d: Doc, a: int, b: int) -> bool:
    """Are the tokens [a, b) one proper name of up to five words ("Ernie LeBlanc")?"""
    if not 0 < b - a <= 5:
        return False
    return all(d.flags[x] & CAP or (d.words[x] == "." and d.flags[x - 1] & NAME_ABBREVIATION) for x in range(a, b))


def _role_head(d: Doc, a: int, top: int) -> int:
    """The noun a phrase [a, top] is about: the word before its first preposition when what
    follows it is a proper name ("correspondent" of "Our correspondent in Glasgow", "leader" of
    "the leader of the Harbour Party"), else top."""
    for p in range(a + 1, top):
        if d.low[p] in NAME_PREPOSITIONS:
            first = p + 2 if d.low[p + 1] == "the" else p + 1  # "of the Harbour Party"
            return p - 1 if first <= top and all(d.flags[x] & CAP for x in range(first, top + 1)) else top
    return top


def name_before_apposition(d: Doc, unit: Unit, comma: int, floor: int) -> tuple[int, int] | None:
    """'Jane Roe, a spokeswoman for the ministry, said': the name before the apposition.

    Up to three asides may stand between the name and its verb ("Quina Jones, 25, a nurse,
    said", "Sanders, who lost the primaries, said"), set off by commas or by dashes ("Kall --
    co-editor of a book, Debating Trump -- said"); the name itself is a capitalized run or a
    speaker noun phrase that starts its clause.
    """
    words, low, flags = d.words, d.low, d.flags
    nouns = speaker_nouns()
    right = comma
    marks = DASHES if words[comma] in DASHES else (",",)
    while marks is DASHES and right - 1 >= floor and words[right - 1] in DASHES:
        right -= 1  # "--" is two tokens
    for _ in range(3):
        k = right - 1
        while k >= floor and words[k] not in marks and right - k <= 25:
            if words[k] in QUOTE_CHARS or words[k] in (";", ":"):
                return None  # (a period inside a unit is an abbreviation's: "R-Ky.")
            k -= 1
        if k < floor or words[k] not in marks or k == right - 1:
            return None
        while marks is DASHES and k - 1 >= floor and words[k - 1] in DASHES:
            k -= 1
        relative = any(low[x] in ("who", "whose", "which") for x in range(k + 1, right))
        # (a participle opening the aside is no verb of a clause: ", being serialised in the
        # Guardian,", ", published by Politico,")
        opens = k + 2 if k + 1 < right and low[k + 1] == "being" else k + 1
        if not relative and any(flags[x] & FINITE and not (x == opens and low[x] not in FINITE_WORDS) for x in range(k + 1, right)):
            return None
        # A name that itself stands before an aside would end before the comma at k, not at
        # it, so it is never wanted here: not looking for one keeps ", x, x, x, ..." from
        # recursing once per comma (a RecursionError on hostile input).
        np = subject_before(d, unit, k, floor, appositions=False)
        if np is not None and np[1] == k:
            a, b = np
            top = b - 1
            if words[top] == ")":
                top = (paren_open(d, b - 1, a) or a + 1) - 1
            before_name = low[a - 1] if a > floor else ""
            # (not after a preposition: "Cory James, 22, of Flint, Mich., said" is no "Flint")
            clean_start = a == floor or not flags[a - 1] & WORD or (before_name in BOUNDARY_WORDS and before_name not in NAME_PREPOSITIONS) or before_name in OPENERS
            if clean_start and low[a] not in OPENERS and not flags[_role_head(d, a, top)] & CAP and _proper_name(d, k + 1, right):
                # "His father, Ernie LeBlanc, says": the name in apposition speaks; so after a
                # role with a place or body after it ("Our correspondent in Glasgow, Lorna
                # Gordon, says", "The mayor of Leeds, Jo Lee, said"), a name that can rename
                # only the role. (After "the company" the name renames the company.)
                return (k + 1, right)
            if clean_start and (flags[top] & CAP or low[top] in nouns or described_start(d, unit, b - 1, floor) == a) and low[a] not in OPENERS:
                return np  # (or "People familiar with the talks, who asked ..., said")
        right = k
    return None


def _names_author(d: Doc, k: int, limit: int) -> bool:
    """Do the lower-case words at k name their author after "by" ("according to figures
    released by the Office for National Statistics", "new data published by Eurostat")? Then
    they lead to a speaker as a name would: resolution reads the author after them. Only a
    capitalized author counts ("figures released by the ministry" stays unattributed, which
    misses an unnamed author)."""
    low, flags = d.low, d.flags
    for x in range(k + 1, min(limit - 1, k + 5)):
        if low[x] == "by":
            y = x + 2 if low[x + 1] == "the" else x + 1
            return y < limit and bool(flags[y] & CAP)
        if not (flags[x] & NP or low[x].endswith("ed")):
            return False
    return False


def subject_after(d: Doc, unit: Unit, k: int, limit: int) -> tuple[int, int] | None:
    """An inverted subject: "said North Korean leader Kim Jong Un", "said the spokesman"."""
    words, low, flags = d.words, d.low, d.flags
    nouns = speaker_nouns()
    if k >= limit:
        return None
    if not (flags[k] & CAP or low[k] in DETERMINERS or low[k] in PRONOUNS):
        # "according to local officials": lower-case words that lead to a speaker noun.
        ahead = range(k, min(limit, k + 4))
        # ... or to a name: "said conservative activist Bob Klaus".
        leads = any(low[x] in nouns for x in ahead) or any(flags[x] & CAP and low[x] not in DETERMINERS for x in ahead[1:]) or _names_author(d, k, limit)
        if not leads or not flags[k] & NP:
            return None
    j = k
    while j < limit and j - k < 10:
        word = low[j]
        if word in TIME_LEADS or word in TIME_WORDS:
            break
        if word in PREPOSITIONS_IN_NAMES and j > k and low[j - 1] in nouns:
            j += 1
            continue
        if j > k and low[j - 1] in nouns and word in _modifier_firsts():
            stop = _modifier_end(d, j, limit)
            if stop is not None:
                j = stop  # "said a source close to the club": the modifier and its object
                continue
        if words[j] == "." and inner_dot(d, j, unit.lo, unit.hi):
            j += 1
            continue
        if word == "and" and j + 1 < limit and flags[j + 1] & CAP:
            j += 1
            continue
        if not flags[j] & NP or word in ("in", "on", "at", "during", "to"):
            break
        j += 1
    if all(low[x] in DETERMINERS for x in range(k, j)):
        return None
    return (k, j) if j > k else None


def base_form_noun(d: Doc, unit: Unit, i: int, word: str, lemma: str) -> bool:
    """'his campaign promise', 'a trade report': a base form after a singular noun is a noun."""
    if word != lemma or i == unit.lo:
        return False
    flags = d.flags[i - 1]
    low = d.low[i - 1]
    if not flags & LOWERCASE or not flags & WORD or low.endswith("s"):
        return False
    return not (low in PRONOUNS or low in AUXILIARIES or low in FINITE_WORDS or low in TIME_WORDS or flags & ADVERB or low in BOUNDARY_WORDS or low in speaker_nouns())


def object_of_verb(d: Doc, unit: Unit, start: int) -> bool:
    """Does the noun phrase starting at token ``start`` follow a verb ("issued a statement")?"""
    if start == unit.lo:
        return False
    word = d.low[start - 1]
    flags = d.flags[start - 1]
    return word in IRREGULAR_PAST or (bool(flags & FINITE) and word not in FINITE_WORDS) or bool(flags & SPEECH_FORM)


def authorless_document(d: Doc, unit: Unit, span: tuple[int, int]) -> bool:
    """Is the phrase a document no one in it owns, after a preposition ("a series of tweets"),
    unlike "Russia's announcement" or "the ministry's statement"?"""
    start, end = span
    if start == unit.lo or d.low[start - 1] not in PREPOSITION_OBJECTS or d.low[end - 1] not in document_nouns():
        return False
    return not any(d.flags[j] & POSSESSIVE for j in range(start, end))


# Prepositions whose object is never the subject of the verb after it.
PREPOSITION_OBJECTS = frozenset("of in on for with by from at about to into".split())


def _reduced_passive(d: Doc, j: int, cue: int) -> bool:
    """Is the -ed word at j a passive participle after a noun ("a lawsuit filed by the state",
    "the rules drafted by the ministry") rather than a clause's verb? Its "by" names an agent,
    not an act ("responded by saying" is a verb), and no auxiliary or finite verb comes before
    it ("the lawsuit was filed by ..." is a clause). What it gets wrong: a past tense with "by"
    and a place ("the bus stopped by the school")."""
    low, flags = d.low, d.flags
    if not (j + 2 < cue and low[j + 1] == "by" and low[j].endswith("ed")) or low[j + 2].endswith(PARTICIPLE_SUFFIX):
        return False
    return bool(flags[j - 1] & WORD) and not flags[j - 1] & FINITE and low[j - 1] not in AUXILIARIES


def clause_subject(d: Doc, unit: Unit, cue: int) -> tuple[int, int] | None:
    """The subject a cue without one shares: that of the nearest verb before it with a subject
    that can speak ("Trump tweaked his promise when he announced his mate, calling ..." -> he),
    else the noun phrase the sentence opens with."""
    verbs = speech_verbs()
    low, flags, quoted = d.low, d.flags, d.quoted
    for j in range(cue - 1, max(cue - CLAUSE_REACH, unit.lo), -1):  # bounded: linear in the unit
        if quoted[j]:
            continue
        word = low[j]
        if not (flags[j] & FINITE or word in IRREGULAR_PAST or (flags[j] & SPEECH_FORM and not word.endswith(PARTICIPLE_SUFFIX))):
            continue
        if flags[j] & SPEECH_FORM and (base_form_noun(d, unit, j, word, verbs[(word,)].lemma) or flags[j] & CAP):
            continue  # "the United States", "his trade promise": nouns
        before = low[j - 1]
        if word in AUXILIARIES and word not in FINITE_WORDS or before in NOT_BEFORE_VERBS or before in DETERMINERS or before.endswith(("’s", "'s")):
            continue  # "Putin's claim", "the report", "a series of tweets": nouns, not verbs
        if _reduced_passive(d, j, cue):
            continue  # "slammed a lawsuit filed by the state, calling it ...": no clause of its own
        np = subject_before(d, unit, j)
        if np is not None and not any(quoted[np[0] : np[1]]) and flags[np[1] - 1] & CAN_SPEAK:
            last = low[np[1] - 1]
            if last in ADJECTIVE_NAMES or place_index().get(last, ("", ""))[1] == "demonym":
                continue  # "Republican claims": an adjective, not a subject
            return np
    return sentence_subject(d, unit)


def sentence_subject(d: Doc, unit: Unit) -> tuple[int, int] | None:
    """The noun phrase a sentence opens with ("Ukrainian President Volodymyr Zelensky disputed").

    A leading phrase ("Amid the uproar, ...", "Continuing his speech, ...") ends at its comma.
    """
    words, low, flags, quoted = d.words, d.low, d.flags, d.quoted
    k, n = unit.lo, unit.hi
    while k < n and (low[k] in OPENERS or words[k] == ","):
        k += 1
    if k < n and (low[k] in LEAD_PREPOSITIONS or low[k].endswith(PARTICIPLE_SUFFIX)):
        comma = next((j for j in range(k, min(n, k + 25)) if words[j] == "," and not quoted[j]), None)
        if comma is not None:
            k = comma + 1
    j = k
    while j < n and j - k <= 10 and not quoted[j] and (flags[j] & NP or inner_dot(d, j, unit.lo, n) or (low[j] == "and" and j + 1 < n and flags[j + 1] & CAP)):
        j += 1
    return (k, j) if j > k and j - k <= 10 else None
