"""Detection: quote spans, speech cues and the speaker mention at each cue.

The article is read paragraph by paragraph. A small scanner finds the top-level quotes of
each paragraph; the paragraph is then cut into quote-aware sentences ("units": a sentence
boundary inside a quote does not count) and every speech cue outside quotes is read as a
*frame*: who (the mention), what (the content) and how (the cue). Quotes that no frame
claims inherit the speaker of a neighbouring quote, or stay unattributed.

Everything here works on the neutral ``Analysis``; nothing knows which engine filled it.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Sequence

import attrs
import regex

from . import syntax
from .engines.base import Analysis, Token
from .lexicon import SpeechVerb, media_words, place_index, speech_verbs, word_set
from .model import Kind

# ---------------------------------------------------------------------------------------
# Quote marks


@attrs.frozen
class Quote:
    """A top-level quote: ``start``/``end`` include the marks, ``inner_*`` the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    open_ended: bool = False  # runs on into the next paragraph (no closing mark here)


QUOTE_CHARS = frozenset("“”\"‘’'«»")
QUOTE_MARK = re.compile("[“”\"‘’'«»]")
OPENING_CONTEXT = frozenset(" \t([{—–-/“‘\"'«")


def _mark_role(text: str, i: int, start: int, end: int, single_open: bool, double_open: bool) -> str | None:
    """Is the mark at i an opener, a closer, or (for single marks) an apostrophe?"""
    c = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if c in "“«":
        return "open-double"
    if c in "”»":
        if not double_open and (before in OPENING_CONTEXT or before.isspace()) and after.isalnum():
            return "open-double"  # ”Fortunately, ...” : a closing mark typed as an opener
        return "close-double"
    if c == '"':
        # A straight mark opens after a space or an opening bracket, closes otherwise.
        if before in OPENING_CONTEXT or before.isspace():
            if double_open and (after.isspace() or after in ",.;:!?"):
                return "close-double"
            return "open-double"
        return "close-double"
    if c == "‘" or (c == "'" and (before in OPENING_CONTEXT or before.isspace())):
        # An opening single mark must be followed by a word: "'90s" and "‘em" are rare enough.
        return "open-single" if (after.isalnum() or after in "“\"…") else None
    # ’ or ' after a word: an apostrophe inside a word ("don’t", "Moscow’s"); a closer only when
    # a single quote is open, so plural possessives ("nations’ pact") stay apostrophes.
    if before.isalnum() and after.isalnum():
        return None
    return "close-single" if single_open else None


def scan_quotes(text: str, start: int, end: int, *, next_paragraph_opens: bool = False) -> list[Quote]:
    """Top-level quotes in text[start:end], one pass, linear in the paragraph's length.

    Nested quotes (single inside double, or double inside single in British style) belong to
    their outer quote. A mark that never closes is dropped, and the quotes inside it become
    top-level again, so one stray mark cannot swallow the paragraph; when the next paragraph
    opens with a quote mark, an unclosed quote is a multi-paragraph quote instead.
    """
    stack: list[tuple[str, int, int]] = []  # (kind, position, opener id)
    parent: list[int | None] = []  # opener id -> the opener it was nested in
    matched: dict[int, int] = {}  # opener id -> position of its closing mark
    position: list[int] = []
    open_count = {"single": 0, "double": 0}  # openers of each kind on the stack
    wide: set[int] = set()  # positions of two-apostrophe marks (''He said,'' in some archives)
    for mark in QUOTE_MARK.finditer(text, start, end):  # visits the marks only, not every character
        i = mark.start()
        if text[i] == "'" and i + 1 < end and text[i + 1] == "'" and i - 1 not in wide:
            # Two apostrophes are one double mark: opening after a space, closing after a word.
            before = text[i - 1] if i > start else " "
            after = text[i + 2] if i + 2 < end else " "
            wide.add(i)
            if before in OPENING_CONTEXT or before.isspace():
                role = "close-double" if open_count["double"] and (after.isspace() or after in ",.;:!?") else "open-double"
            else:
                role = "close-double"
        elif i - 1 in wide:
            continue  # the second apostrophe of a pair
        else:
            role = _mark_role(text, i, start, end, open_count["single"] > 0, open_count["double"] > 0)
        if role is None:
            continue
        action, kind = role.split("-")
        if action == "open":
            opener = len(position)
            position.append(i)
            parent.append(stack[-1][2] if stack else None)
            stack.append((kind, i, opener))
            open_count[kind] += 1
            continue
        # Close the innermost open quote of this kind; openers above it never closed. (With
        # none of this kind open there is nothing to search: thousands of stray closers stay
        # linear.)
        if not open_count[kind]:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                matched[stack[depth][2]] = i
                for closed, _, _ in stack[depth:]:
                    open_count[closed] -= 1
                del stack[depth:]
                break
    if stack and next_paragraph_opens:
        bottom = stack[0][2]
        matched[bottom] = end  # runs on into the next paragraph
    quotes = []
    top_level: list[bool] = []
    for opener, pos in enumerate(position):
        up = parent[opener]
        # Top level when no matched quote encloses it (unmatched openers are transparent).
        is_top = up is None or (up not in matched and top_level[up])
        top_level.append(is_top)
        if is_top and opener in matched:
            close = matched[opener]
            inner = pos + (2 if pos in wide else 1)
            if close == end:
                quotes.append(Quote(pos, end, inner, end, open_ended=True))
            else:
                quotes.append(Quote(pos, close + (2 if close in wide else 1), inner, close))
    return quotes


def paragraph_opens_with_quote(text: str, start: int, end: int) -> bool:
    return start < end and text[start] in "“\"‘'«"


# ---------------------------------------------------------------------------------------
# Word classes. Sets of lower-case words; each says why it exists.

# Words that sit between a subject and its speech verb: "have said", "also said",
# "had obliquely acknowledged", "on Monday said".
AUXILIARIES = frozenset(
    """has have had is was were are will would could can should may might must did does do
    also previously reportedly repeatedly publicly later earlier then again already recently
    once never not still often frequently further simply just first initially finally
    quickly privately separately has've""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend fall spring summer winter
    january february march april may june july august september october november december
    jan feb mar apr aug sept oct nov dec""".split()
)
TIME_LEADS = frozenset("on last this early late earlier later since next over".split())
# Tokens at which a subject noun phrase cannot extend further to the left.
BOUNDARY_WORDS = frozenset(
    """that who whom which while when as because after before since if but with without
    though although whereas where said says say told tells according than so and or nor
    is was were are be been being
    on in at to by into about over under against between through during within upon across
    behind beyond toward towards like among around off up down out via per of for from""".split()
)
DETERMINERS = frozenset("the a an this that these those his her their its our my your some many several two three four".split())
PRONOUNS = frozenset("he she they it we i you".split())
# Sentence adverbs that may open a sentence before its subject.
OPENERS = frozenset(
    """previously nonetheless however but and so meanwhile still yet now also instead
    separately later earlier then indeed further moreover overall worse here there
    thus therefore besides finally ultimately perhaps maybe clearly notably specifically
    similarly likewise additionally importantly nevertheless otherwise again today tonight
    yesterday""".split()
)
# A finite verb in the words after a cue means they form a clause: "said a monument *will*".
FINITE = frozenset(
    "is are was were will would can could should may might must has have had does do did am shall won't".split()
)
CLAUSE_OPENERS = frozenset("that if whether how why what when where who".split())
PREPOSITIONS_IN_NAMES = frozenset("of for at from".split())
PARTICIPLE_SUFFIX = "ing"
CLOSING_MARKS = frozenset("”\"’'»")
OPENING_MARKS = frozenset("“\"‘'«")
DASHES = frozenset("-—–―")
# Abbreviations whose period stays inside a name: "Mr. Peskov", "Sen. Claire McCaskill".
NAME_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov gen lt col maj sgt capt adm cmdr st jr sr rev hon pres supt messrs mt ft fr".split()
)


# Capitalized adjectives that are no speaker before a noun-or-verb ("Republican claims").
ADJECTIVE_NAMES = frozenset("republican democratic democrat conservative liberal federal gop".split())
# Nouns for words said, owned by whoever said them ("Trump's claim that ...").
SPEECH_NOUNS = frozenset(
    """claim claims statement statements assertion assertions remarks comments comment words promise
    pledge warning warnings accusation accusations argument contention description characterization
    emphasis insistence suggestion prediction complaint allegation allegations declaration tweet
    tweets quip vow plea call demand denial admission boast""".split()
)
# Words before "of" in a speaker's noun phrase ("one of the officials", "the mother of three").
OF_HEADS = frozenset(
    """one some many several most all none each both member members head chief mother father wife
    husband son daughter friend friends leader leaders founder president director chairman""".split()
)
# Prepositions inside a speaker's phrase ("a narrator in the ad", "protesters outside the court").
NP_PREPOSITIONS = frozenset("in at from through outside inside near on".split())
NAME_PREPOSITIONS = frozenset("of in from at for on with to by near".split())
# Speech verbs whose infinitive is what was said ("vowed to build a wall").
PROMISE_VERBS = frozenset("vow pledge promise threaten".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
# Relative pronouns that speak for the noun phrase before them ("McConnell, who said ...").
RELATIVES = frozenset(("who", "which"))


def _lower(token: Token) -> str:
    return token.text.lower()


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


def _is_adverb(token: Token) -> bool:
    word = token.text
    return word.islower() and len(word) > 4 and word.endswith("ly")


@functools.cache
def _speaker_nouns() -> frozenset[str]:
    return word_set("roles.txt") | word_set("groups.txt") | word_set("organizations.txt") | word_set("documents.txt") | media_words()


def _is_finite(token: Token) -> bool:
    word = _lower(token)
    if word in FINITE or word.endswith("n't") or word.endswith("n’t"):
        return True
    # A past-tense verb ("they improved"): a lower-case word ending in -ed.
    return token.text.islower() and len(word) > 4 and word.endswith("ed")


def _inner_dot(tokens: Sequence[Token], j: int) -> bool:
    """Is token j a period inside a name ("Mr. Peskov", "Benjamin J. Rhodes")?"""
    if tokens[j].text != "." or j == 0 or j + 1 >= len(tokens):
        return False
    prev = tokens[j - 1]
    if prev.end != tokens[j].start or not _is_capitalized(tokens[j + 1]):
        return False
    word = prev.text
    return word.lower() in NAME_ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _paren_open(tokens: Sequence[Token], j: int, floor: int) -> int | None:
    """For a ")" at j closing a short aside after a name ("Jim Jordan (R-Ohio)"), its "(" index."""
    k = j - 1
    while k >= floor and j - k <= 6:
        if tokens[k].text == "(":
            return k if k - 1 >= floor and _is_capitalized(tokens[k - 1]) else None
        if tokens[k].text in ("(", ")", ",", ";") or tokens[k].text in QUOTE_CHARS:
            return None
        k -= 1
    return None


# ---------------------------------------------------------------------------------------
# Units: quote-aware sentences


@attrs.frozen
class Unit:
    start: int
    end: int
    tokens: tuple[Token, ...]
    quoted: tuple[bool, ...]  # is each token inside a quote (or a quote mark)?
    quotes: tuple[Quote, ...]
    first_index: int = 0  # document index of tokens[0], to read dependency heads
    # Built once per unit so per-cue look-ups are bisections, not scans (hostile input can put
    # thousands of cues and quotes in one sentence). Quotes are in order and do not overlap.
    parsed: bool = False  # does any token carry a dependency relation?
    quote_starts: tuple[int, ...] = ()
    quote_ends: tuple[int, ...] = ()
    inner_ends: tuple[int, ...] = ()


def _credits_back(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Do the tokens from i open with a short credit ("Graham asked", "asked the mayor")?"""
    nouns = _speaker_nouns()
    verbs = speech_verbs()
    j = i
    while j < len(tokens) and tokens[j].start < end and j - i < 16:
        if (_lower(tokens[j]),) in verbs:
            return True
        if not (_np_word(tokens[j], nouns) or _inner_dot(tokens, j) or tokens[j].text in (",", "(", ")") or _lower(tokens[j]) in ("in", "of", "for", "at", "to")):
            return False
        j += 1
    return False


def _units(text: str, start: int, end: int, quotes: Sequence[Quote], tokens: Sequence[Token], token_starts: Sequence[int], *, has_parse: bool = True, sentences: Sequence[tuple[int, int]] = ()) -> list[Unit]:
    """Quote-aware sentences of one paragraph, from the engine's sentences (or the rules')."""
    from .engines.rules import split_sentences

    # Quotes come from scan_quotes in order of their start, so every look-up below is a
    # bisection or a sweep: linear however many quotes a paragraph holds.
    quote_starts = [q.start for q in quotes]
    inner_starts = [q.inner_start for q in quotes]
    reach: list[int] = []  # reach[k]: the furthest inner_end among quotes[: k + 1]
    for q in quotes:
        reach.append(max(q.inner_end, reach[-1]) if reach else q.inner_end)
    spans = []
    for s, e in sentences or split_sentences(text, start, end):
        # A boundary inside a quote is not a boundary: join it to the next sentence.
        k = bisect.bisect_left(inner_starts, s) - 1  # quotes with inner_start < s
        if spans and k >= 0 and reach[k] >= s:
            spans[-1] = (spans[-1][0], e)
        elif spans and text[spans[-1][1] - 1] in CLOSING_MARKS and text[spans[-1][1] - 2] in "?!" and _credits_back(tokens, bisect.bisect_left(token_starts, s), e):
            spans[-1] = (spans[-1][0], e)  # '"Who knows?" Graham asked.' is one sentence
        else:
            spans.append((s, e))
    units = []
    for s, e in spans:
        lo = bisect.bisect_left(token_starts, s)
        hi = bisect.bisect_left(token_starts, e)
        while hi > lo and tokens[hi - 1].end > e:
            hi -= 1  # tokens do not overlap: only the last ones can run past the sentence
        unit_tokens = tuple(tokens[lo:hi])
        unit_quotes = tuple(quotes[bisect.bisect_left(quote_starts, s) : bisect.bisect_left(quote_starts, e)])
        if unit_quotes:
            quoted = []
            j, furthest = 0, -1  # sweep: quotes starting at or before the token, furthest end
            for t in unit_tokens:
                while j < len(unit_quotes) and unit_quotes[j].start <= t.start:
                    furthest = max(furthest, unit_quotes[j].end)
                    j += 1
                quoted.append(t.start < furthest)
        else:
            quoted = [False] * len(unit_tokens)
        units.append(
            Unit(
                s, e, unit_tokens, tuple(quoted), unit_quotes, lo,
                parsed=has_parse and any(t.deprel is not None for t in unit_tokens),
                quote_starts=tuple(q.start for q in unit_quotes),
                quote_ends=tuple(q.end for q in unit_quotes),
                inner_ends=tuple(q.inner_end for q in unit_quotes),
            )
        )
    return units


# ---------------------------------------------------------------------------------------
# Frames


@attrs.frozen
class Candidate:
    """A detected attribution before its speaker is resolved."""

    kind: Kind
    content: tuple[int, int]
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    via: tuple[int, int] | None = None
    # Index of an earlier candidate whose speaker this one shares ("... ," he said. "B.").
    shares_speaker_with: int | None = None
    how: str = "cue"  # cue, same-paragraph, previous-paragraph, continuation, none
    paragraph: int = 0


@attrs.frozen
class _Frame:
    cue_first: int  # token indices in the unit
    cue_last: int
    verb: SpeechVerb
    mention: tuple[int, int] | None  # token index range [a, b)
    content: tuple[int, int]  # character span
    via: tuple[int, int] | None  # character span
    quote: Quote | None  # the quote the frame introduces or credits, when it is one quote
    inherit: bool = False  # no subject of its own: shares the sentence's subject


@functools.cache
def _cue_first_words() -> frozenset[str]:
    """Every word a cue can start with, for a quick test before ``_match_cue``."""
    return frozenset(form[0] for form in speech_verbs()) | {"according", "statement", "statements"}


def _match_cue(tokens: Sequence[Token], i: int, quoted: Sequence[bool]) -> tuple[int, SpeechVerb] | None:
    """The speech cue starting at token i: (its width in tokens, the verb)."""
    verbs = speech_verbs()
    if quoted[i] or not _is_word(tokens[i]):
        return None
    word = _lower(tokens[i])
    if word == "according" and i + 1 < len(tokens) and _lower(tokens[i + 1]) == "to":
        return 2, SpeechVerb("according to", False, False)
    if word in ("statement", "statements") and i + 1 < len(tokens) and _lower(tokens[i + 1]) in ("read", "reads", "said", "says"):
        # "Kim's statement read": the statement stands for its author.
        return 2, SpeechVerb("statement", False, False)
    if i + 1 < len(tokens) and (word, _lower(tokens[i + 1])) in verbs:
        return 2, verbs[(word, _lower(tokens[i + 1]))]
    verb = verbs.get((word,))
    if verb is None:
        return None
    before = _lower(tokens[i - 1]) if i > 0 else ""
    # "the claim", "Putin's claim", "a report": the noun, not the verb.
    if before in DETERMINERS - {"that"} or before.endswith("’s") or before.endswith("'s"):
        return None
    # "to say", "will not say": an infinitive or a refusal reports nothing.
    if before in ("to", "not", "n't", "never") and verb.lemma != "say":
        return None
    if before == "to":
        return None
    if _base_form_noun(tokens, i, word, verb):
        return None
    return 1, verb


def _base_form_noun(tokens: Sequence[Token], i: int, word: str, verb: SpeechVerb) -> bool:
    """'his campaign promise', 'a trade report': a base form after a singular noun is a noun."""
    if word != verb.lemma or i == 0:
        return False
    prev = tokens[i - 1]
    low = _lower(prev)
    if not prev.text.islower() or not _is_word(prev) or low.endswith("s"):
        return False
    return not (low in PRONOUNS or low in AUXILIARIES or low in FINITE or low in TIME_WORDS or _is_adverb(prev) or low in BOUNDARY_WORDS or low in _speaker_nouns())


def _skip_back(tokens: Sequence[Token], j: int, floor: int) -> int:
    """Step left over auxiliaries, adverbs and time phrases ("have said", "on Monday said")."""
    while j >= floor:
        word = _lower(tokens[j])
        if (word in AUXILIARIES and tokens[j].text.islower()) or _is_adverb(tokens[j]) or word in TIME_WORDS:  # ("Will wrote": a name)
            j -= 1
        elif word in TIME_LEADS and j + 1 < len(tokens) and _lower(tokens[j + 1]) in TIME_WORDS:
            j -= 1
        elif len(word) == 4 and word.isdigit() and j > floor and _lower(tokens[j - 1]) in ("in", "since"):
            j -= 2  # "who in 2010 said"
        else:
            break
    return j


def _np_word(token: Token, nouns: frozenset[str]) -> bool:
    """Can this token be part of a speaker noun phrase?"""
    word = _lower(token)
    if not _is_word(token):
        return False
    if _is_capitalized(token) or word in DETERMINERS or word in PRONOUNS or word in nouns:
        return word not in BOUNDARY_WORDS
    if word in BOUNDARY_WORDS or word in FINITE or word in AUXILIARIES:
        return False
    # Lower-case words: adjectives and nouns ("state media", "a senior official"), but not verbs.
    return not (word.endswith("ed") or word.endswith("ing"))


def subject_before(tokens: Sequence[Token], i: int, floor: int = 0, *, appositions: bool = True) -> tuple[int, int] | None:
    """The noun phrase that speaks through the cue at token i, as a token range, or None.

    Walks left from the cue over auxiliaries and time phrases, then gathers the noun phrase up
    to a clause boundary. Coordinations of names ("Russia and North Korea", "U.S., Ukrainian and
    South Korean officials") are kept whole; an apposition ("Jane Roe, a spokeswoman for the
    ministry, said") yields the name before it.
    """
    nouns = _speaker_nouns()
    end = _skip_back(tokens, i - 1, floor)
    if end >= floor and _lower(tokens[end]) in RELATIVES:
        return (end, end + 1)  # "McConnell, who in 2010 said", "the department which reported"
    if end >= floor and tokens[end].text == ",":
        return _name_before_apposition(tokens, end, floor) if appositions else None
    j = end
    has_and = False
    while j >= floor:
        tok = tokens[j]
        word = _lower(tok)
        if word == "and" and j - 1 >= floor and _is_capitalized(tokens[j - 1]) and j < end:
            has_and = True
            j -= 1
            continue
        if tok.text == "," and has_and and j - 1 >= floor and _is_capitalized(tokens[j - 1]) and _lower(tokens[j - 1]) not in OPENERS and _is_capitalized(tokens[j + 1]):
            j -= 1  # "U.S., Ukrainian and South Korean officials": a list of modifiers
            continue
        if word in PREPOSITIONS_IN_NAMES and j - 1 >= floor and j < end and (_lower(tokens[j - 1]) in nouns or word == "of" and (_is_capitalized(tokens[j - 1]) and _lower(tokens[j - 1]) not in DETERMINERS or _lower(tokens[j - 1]) in OF_HEADS)):
            j -= 1  # "a spokeswoman for the ministry", "head of the agency", "Mr. Morgan of the Sierra Club"
            continue
        if tok.text == "." and _inner_dot(tokens, j):
            j -= 1  # "Mr. Podesta", "Benjamin J. Rhodes"
            continue
        if tok.text == ")" and j == end:
            opening = _paren_open(tokens, j, floor)  # "Rep. Jim Jordan (R-Ohio)"
            if opening is not None:
                j = opening - 1
                continue
        if not _np_word(tok, nouns):
            break
        j -= 1
    first = j + 1
    while first <= end and (_lower(tokens[first]) in OPENERS or _lower(tokens[first]) in ("and", "but", "or")):
        first += 1
    if first > end or end - first >= 12:
        return None
    words = [_lower(t) for t in tokens[first : end + 1]]
    if all(w in DETERMINERS or w.isdigit() or w == "what" for w in words):
        return None
    if words[0] == "what":
        first += 1  # "what he called": the speaker is "he"
        words = words[1:]
    # Apposition: "Jane Roe, a spokeswoman for the ministry, said" -> "Jane Roe".
    if words[0] in ("a", "an", "the") and first - 2 >= floor and tokens[first - 1].text == ",":
        name_end = first - 2
        k = name_end
        while k >= floor and _is_capitalized(tokens[k]) and _lower(tokens[k]) not in OPENERS and _lower(tokens[k]) not in BOUNDARY_WORDS:
            k -= 1
        # Not after a preposition: "In Chelsea, the mayor said" is the mayor speaking.
        if k < name_end and (k < floor or not _is_word(tokens[k]) and tokens[k].text != ","):
            return (k + 1, name_end + 1)
    # "retired Air Force general Lloyd Newton": a participle opening the phrase after a quote.
    if first - 1 >= floor and _lower(tokens[first - 1]).endswith(("ed", "ing")) and tokens[first - 1].text.islower() and (
        first - 1 == floor or tokens[first - 2].text in CLOSING_MARKS or tokens[first - 2].text == ","
    ) and _is_capitalized(tokens[first]):
        first -= 1
    # "a narrator in the Clinton ad asks", "Protesters marching through the streets chanted":
    # the phrase after a preposition belongs to the speaker before it, when that one opens
    # the clause.
    p = first - 1
    if p - 1 >= floor and _lower(tokens[p]) in NP_PREPOSITIONS:
        k = p - 1
        if tokens[k].text.islower() and _lower(tokens[k]).endswith(PARTICIPLE_SUFFIX):
            k -= 1
        head = k
        while k >= floor and head - k < 6 and _np_word(tokens[k], nouns):
            k -= 1
        start = k + 1
        clean = k < floor or tokens[k].text in CLOSING_MARKS or tokens[k].text in (",", "—", "–") or _lower(tokens[k]) in OPENERS
        if start <= head and clean and end + 1 - start <= 12 and _lower(tokens[head]) not in DETERMINERS:
            return (start, end + 1)
    return (first, end + 1)


def _name_before_apposition(tokens: Sequence[Token], comma: int, floor: int) -> tuple[int, int] | None:
    """'Jane Roe, a spokeswoman for the ministry, said': the name before the apposition.

    Up to three asides may stand between the name and its verb ("Quina Jones, 25, a nurse,
    said", "Sanders, who lost the primaries, said"); the name itself is a capitalized run or a
    speaker noun phrase that starts its clause.
    """
    nouns = _speaker_nouns()
    right = comma
    for _ in range(3):
        k = right - 1
        while k >= floor and tokens[k].text != "," and right - k <= 25:
            text = tokens[k].text
            if text in QUOTE_CHARS or text in (";", ":"):
                return None  # (a period inside a unit is an abbreviation's: "R-Ky.")
            k -= 1
        if k < floor or tokens[k].text != "," or k == right - 1:
            return None
        aside = tokens[k + 1 : right]
        relative = any(_lower(t) in ("who", "whose", "which") for t in aside)
        if not relative and any(_is_finite(t) for t in aside):
            return None
        # A name that itself stands before an aside would end before the comma at k, not at
        # it, so it is never wanted here: not looking for one keeps ", x, x, x, ..." from
        # recursing once per comma (a RecursionError on hostile input).
        np = subject_before(tokens, k, floor, appositions=False)
        if np is not None and np[1] == k:
            a, b = np
            head = tokens[b - 1]
            if head.text == ")":
                head = tokens[(_paren_open(tokens, b - 1, a) or a + 1) - 1]
            before_name = _lower(tokens[a - 1]) if a > floor else ""
            # (not after a preposition: "Cory James, 22, of Flint, Mich., said" is no "Flint")
            clean_start = a == floor or not _is_word(tokens[a - 1]) or (before_name in BOUNDARY_WORDS and before_name not in NAME_PREPOSITIONS) or before_name in OPENERS
            if clean_start and (_is_capitalized(head) or _lower(head) in nouns) and _lower(tokens[a]) not in OPENERS:
                return np
        right = k
    return None


def subject_after(tokens: Sequence[Token], k: int, limit: int) -> tuple[int, int] | None:
    """An inverted subject: "said North Korean leader Kim Jong Un", "said the spokesman"."""
    nouns = _speaker_nouns()
    if k >= limit:
        return None
    first = tokens[k]
    if not (_is_capitalized(first) or _lower(first) in DETERMINERS or _lower(first) in PRONOUNS):
        # "according to local officials": lower-case words that lead to a speaker noun.
        ahead = tokens[k : min(limit, k + 4)]
        # ... or to a name: "said conservative activist Bob Klaus".
        leads = any(_lower(t) in nouns for t in ahead) or any(_is_capitalized(t) and _lower(t) not in DETERMINERS for t in ahead[1:])
        if not leads or not _np_word(first, nouns):
            return None
    j = k
    while j < limit and j - k < 10:
        tok = tokens[j]
        word = _lower(tok)
        if word in TIME_LEADS or word in TIME_WORDS and not _is_capitalized(tok):
            break
        if word in TIME_WORDS:
            break
        if word in PREPOSITIONS_IN_NAMES and j > k and _lower(tokens[j - 1]) in nouns:
            j += 1
            continue
        if tok.text == "." and _inner_dot(tokens, j):
            j += 1
            continue
        if word == "and" and j + 1 < limit and _is_capitalized(tokens[j + 1]):
            j += 1
            continue
        if not _np_word(tok, nouns) or word in ("in", "on", "at", "during", "to"):
            break
        j += 1
    if all(_lower(t) in DETERMINERS for t in tokens[k:j]):
        return None
    return (k, j) if j > k else None


def _skip_adverbials(tokens: Sequence[Token], k: int, limit: int) -> int:
    """Step right over "on Monday", "last week", "publicly" after a cue."""
    while k < limit:
        word = _lower(tokens[k])
        if word in TIME_WORDS or _is_adverb(tokens[k]) or word in ("again", "also", "then", "later", "earlier"):
            k += 1
        elif word in TIME_LEADS and k + 1 < limit and _lower(tokens[k + 1]) in TIME_WORDS:
            k += 2
        else:
            break
    return k


def _find_that(tokens: Sequence[Token], quoted: Sequence[bool], k: int, limit: int) -> tuple[int, tuple[int, int] | None] | None:
    """'said in a statement to Yonhap that ...': the index after 'that', and the conduit if any."""
    via = None
    j = k
    while j < limit and j - k <= 12:
        word = _lower(tokens[j])
        if quoted[j] or tokens[j].text in (",", ";", ":", ".") or _is_finite(tokens[j]) and word != "had":
            return None
        if word == "that":
            return j + 1, via
        if word in ("to", "with") and j > k and _lower(tokens[j - 1]) in ("statement", "interview", "remarks", "comments", "letter", "email"):
            via = _via_span(tokens, j + 1, limit)
        j += 1
    return None


def _find_that_via(tokens: Sequence[Token], quoted: Sequence[bool], k: int, limit: int) -> tuple[int, int] | None:
    found = _find_that(tokens, quoted, k, limit)
    return found[1] if found else None


def _via_span(tokens: Sequence[Token], k: int, limit: int) -> tuple[int, int] | None:
    """The outlet after "a statement to", "an interview with", "told": capitalized words."""
    j = k if k >= limit else min(limit, _per_unit(tokens, _name_run_ends)[k])
    while j > k and _lower(tokens[j - 1]) in ("the", "of"):
        j -= 1
    if j == k:
        return None
    return (tokens[k].start, tokens[j - 1].end)


def _name_run_ends(tokens: Sequence[Token]) -> list[int]:
    """For each index, where the run of capitalized words (and "the", "of") from it ends."""
    ends = [len(tokens)] * (len(tokens) + 1)
    for j in range(len(tokens) - 1, -1, -1):
        ends[j] = ends[j + 1] if _is_capitalized(tokens[j]) or _lower(tokens[j]) in ("the", "of") else j
    return ends


# Look-ups built once per unit's tokens and reused by every cue in it, so that thousands of
# cues in one sentence stay linear. One entry: the tokens it was built for, by identity.
_UNIT_MEMO: tuple[object, dict] = (None, {})


def _per_unit(tokens: Sequence[Token], build):
    global _UNIT_MEMO
    owner, memo = _UNIT_MEMO
    if owner is not tokens:
        owner, memo = tokens, {}
        _UNIT_MEMO = (owner, memo)
    if build not in memo:
        memo[build] = build(tokens)
    return memo[build]


def _looks_like_clause(tokens: Sequence[Token], quoted: Sequence[bool], k: int, limit: int) -> bool:
    """Do the words after a cue report a statement ("a monument will be ...") or name a thing?"""
    if k >= limit:
        return False
    if _lower(tokens[k]) in CLAUSE_OPENERS or _lower(tokens[k]) in SUBJECT_PRONOUNS:
        return True  # "said she plans to run", "say it underscores"
    # "say Scott deserves the seat", "said the transition reflects ...": a short noun phrase,
    # then a verb in the present.
    nouns = _speaker_nouns()
    for j in range(k + 1, min(limit, k + 6)):
        word = tokens[j].text
        if quoted[j]:
            break
        if word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and _np_word(tokens[j - 1], nouns) and word not in nouns:
            if j + 1 >= limit or _lower(tokens[j + 1]) not in ("of", "and", "or", "for", "in", "on", ",") and tokens[j + 1].text not in (",", ".", ";"):
                return True
            break
        if not (_np_word(tokens[j], nouns) or _lower(tokens[j]).endswith(("’s", "'s"))):
            break
    for j in range(k, min(limit, k + 15)):
        if quoted[j]:
            continue
        if tokens[j].text in (";", ":"):
            return False
        if _is_finite(tokens[j]) or _lower(tokens[j]) in IRREGULAR_PAST and j > k:
            return True  # "said a monument will ...", "said talks went on"
    return False


def _tail_is_adverbial(tokens: Sequence[Token], quoted: Sequence[bool], k: int, limit: int) -> bool:
    """After a trailing cue ("..., he said on Monday.") only adverbials and asides may follow."""
    k = _skip_adverbials(tokens, k, limit)
    while k < limit:
        tok = tokens[k]
        word = _lower(tok)
        if tok.text in (".", "!", "?", "…") or tok.text in CLOSING_MARKS:
            k += 1
            continue
        if tok.text in (",", ";", "—", "–", "(", ")"):
            nxt = _lower(tokens[k + 1]) if k + 1 < limit else ""
            # ", according to ...", ", adding ...", ", who ...", ", a spokesman for ..."
            return k + 1 >= limit or nxt in ("according", "who", "which", "a", "an", "the", "citing", "in", "on", "at", "as", "and") or nxt.endswith(PARTICIPLE_SUFFIX)
        if word in ("in", "on", "at", "during", "to", "with", "from", "after", "before", "while", "outside", "via", "through", "before", "last", "this", "earlier", "late"):
            # "said at a rally in Ohio": a prepositional phrase without a verb of its own.
            rest = range(k, limit)
            return not any(_is_finite(tokens[j]) or _lower(tokens[j]) == "that" for j in rest if not quoted[j])
        return False
    return True


def _content_end(tokens: Sequence[Token], quoted: Sequence[bool], cues: Sequence[int], k: int, unit_end: int) -> int:
    """Where reported content that starts at token k ends, as a character offset.

    It runs to the end of the sentence, except before a coordinated cue that shares the
    subject (", saying ...", "and vowed that ...") or a credit (", according to ..."), which
    report something else.
    """
    # Only cues after a comma or "and"/"but" (over auxiliaries) can end it; they are found once
    # per unit, so a sentence with thousands of cues stays linear.
    at, cuts = cues.coordination_cuts(tokens) if isinstance(cues, _CueStarts) else _coordination_cuts(tokens, cues)
    for i in range(bisect.bisect_right(at, k), len(at)):
        if cuts[i] > k:
            return tokens[cuts[i]].start
    return unit_end


def _coordination_cuts(tokens: Sequence[Token], cues: Sequence[int]) -> tuple[list[int], list[int]]:
    """The cues (in order) that follow ",", "and" or "but", and where each cuts content off."""
    at: list[int] = []
    cuts: list[int] = []
    for c in cues:
        before = c - 1
        while before >= 0 and _lower(tokens[before]) in AUXILIARIES:
            before -= 1
        if before < 0:
            continue
        word = _lower(tokens[before])
        if word in (",", "and", "but") or tokens[before].text == ",":
            cut = before
            if word in ("and", "but") and tokens[before - 1].text == ",":
                cut = before - 1
            at.append(c)
            cuts.append(cut)
    return at, cuts


class _CueStarts(list):
    """The token indices where a unit's cues start, in order, with per-unit look-ups cached."""

    _cuts: tuple[list[int], list[int]] | None = None

    def coordination_cuts(self, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
        if self._cuts is None:
            self._cuts = _coordination_cuts(tokens, self)
        return self._cuts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and sentence punctuation (but keep closing quote marks)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def _quote_inner(text: str, quote: Quote) -> tuple[int, int]:
    return _trim(text, quote.inner_start, quote.inner_end)


def _frames_in_unit(text: str, unit: Unit) -> list[_Frame]:
    """Read every speech cue of one quote-aware sentence as a frame."""
    tokens, quoted = unit.tokens, unit.quoted
    cue_at: list[tuple[int, int, SpeechVerb]] = []
    first_words = _cue_first_words()
    # Most tokens start no cue: one comprehension finds the few that may, before the full check.
    after = 0  # a cue's second word cannot start another cue
    for i in [i for i, t in enumerate(tokens) if t.text.lower() in first_words]:
        if i < after:
            continue
        found = _match_cue(tokens, i, quoted)
        if found:
            cue_at.append((i, i + found[0] - 1, found[1]))
            after = i + found[0]
    cue_starts = _CueStarts(c[0] for c in cue_at)
    frames: list[_Frame] = []
    credit = _dash_credit(text, unit)
    if credit is not None:
        frames.append(credit)
    consumed: set[int] = set()
    for first, last, verb in cue_at:
        if first in consumed:
            continue
        # A trailing credit reaches back no further than the previous cue of its sentence:
        # "A, X said, and B, Y said" credits B to Y, not A and B (and N cues stay linear).
        floor = _frame_end(unit, frames[-1]) if frames else unit.start
        frame = _read_frame(text, unit, first, last, verb, cue_starts, floor=floor)
        if frame is None:
            continue
        if frame.via is not None:
            # The "according to" that named the conduit is not a frame of its own.
            for at in range(bisect.bisect_right(cue_starts, last), len(cue_starts)):
                c = cue_starts[at]
                if tokens[c].start >= frame.via[1]:
                    break  # cue_starts is in order: no later cue can overlap the conduit
                if tokens[c].end > frame.via[0] - 15:
                    consumed.add(c)
        frames.append(frame)
    return frames


def _closes_quote(unit: Unit, index: int) -> bool:
    """Is token ``index`` the closing mark of one of the unit's quotes (not an apostrophe)?"""
    token = unit.tokens[index]
    if token.text not in CLOSING_MARKS:
        return False
    at = bisect.bisect_left(unit.quote_ends, token.end)
    return at < len(unit.quote_ends) and unit.quote_ends[at] == token.end


def _dash_credit(text: str, unit: Unit) -> _Frame | None:
    """'"Public safety comes first." - Commissioner Jane Roe': a quote credited by a dash."""
    if not unit.quotes or unit.quotes[0].start > unit.start:
        return None
    quote = unit.quotes[0]
    tokens = unit.tokens
    k = next((j for j, t in enumerate(tokens) if t.start >= quote.end), len(tokens))
    if k >= len(tokens) or tokens[k].text not in DASHES:
        return None
    mention = subject_after(tokens, k + 1, len(tokens))
    if mention is None or any(t.text not in ".,;" for t in tokens[mention[1] :]):
        return None
    return _Frame(k, k, SpeechVerb("credit", False, False), mention, _quote_inner(text, quote), None, quote)


def _quote_at(unit: Unit, position: int) -> Quote | None:
    at = bisect.bisect_left(unit.quote_starts, position)
    if at < len(unit.quote_starts) and unit.quote_starts[at] == position:
        return unit.quotes[at]
    return None


def _quotes_within(unit: Unit, start: int, end: int) -> list[Quote]:
    """The unit's quotes with ``start <= q.start`` and ``q.end <= end``, in order."""
    found = []
    for at in range(bisect.bisect_left(unit.quote_starts, start), len(unit.quotes)):
        q = unit.quotes[at]
        if q.start >= end:
            break
        if q.end <= end:
            found.append(q)
    return found


def _frame_end(unit: Unit, frame: _Frame) -> int:
    """Where a frame's cue and its speaker end ("according to Smith" ends after Smith)."""
    end = unit.tokens[frame.cue_last].end
    if frame.mention is not None and frame.mention[1] > 0:
        end = max(end, unit.tokens[frame.mention[1] - 1].end)
    return end


def _read_frame(text: str, unit: Unit, first: int, last: int, verb: SpeechVerb, cue_starts: Sequence[int], *, floor: int = 0) -> _Frame | None:
    tokens, quoted = unit.tokens, unit.quoted
    n = len(tokens)
    after = last + 1
    before = first - 1

    if verb.lemma == "according to":
        return _read_according_to(text, unit, first, last, verb, cue_starts, floor=floor)

    # Who speaks: with a parse, the subject of the speech verb; else the noun phrase before the
    # cue, or, after a comma or a quote, after it.
    inherit = False
    inverted = False
    participle = _lower(tokens[first]).endswith(PARTICIPLE_SUFFIX)
    comma_before = first > 0 and tokens[max(_skip_back(tokens, before, 0), 0)].text == ","
    verb_token = last if verb.lemma == "statement" else first
    mention = syntax.subject_of(tokens, unit.first_index, verb_token) if unit.parsed else None
    if mention is not None and mention[0] > last:
        inverted, after = True, mention[1]
    elif mention is None:
        # ", arguing that ...": a participle after a comma shares the clause's subject; the
        # words before the comma are no apposition ("in Tulsa, Oklahoma, arguing").
        if not (participle and comma_before):
            mention = subject_before(tokens, first)
    prev = _skip_back(tokens, before, 0)
    prev_text = tokens[prev].text if prev >= 0 else ""
    dropped = participle and mention is not None and (not _can_speak(tokens[mention[1] - 1]) or _object_of_verb(tokens, mention[0]))
    if dropped:
        # "started the debate saying ...", "issued a statement calling ...": the object does
        # not speak; the participle shares the clause's subject.
        mention = None
    if mention is None:
        if participle and (dropped or prev >= 0 and (prev_text == "," or _closes_quote(unit, prev))):
            inherit = True  # ", saying ..." shares the sentence's subject
        elif prev >= 0 and (prev_text == "," or _closes_quote(unit, prev) or prev_text in DASHES):
            mention = subject_after(tokens, after, n)
            if mention is not None:
                inverted = True
                after = mention[1]
            elif prev_text == ",":
                inherit = True
        elif prev >= 0 and _lower(tokens[prev]) in ("and", "but", "or"):
            inherit = True  # "claimed ... and vowed that ..."
        elif prev < 0:
            mention = subject_after(tokens, after, n)  # "Said Smith: ..."
            inverted = mention is not None
            after = mention[1] if mention else after
        if mention is None and not inherit:
            return None

    # "notes", "reports", "claims" are plural nouns as often as verbs: as verbs they need a
    # subject that can speak ("The Post reports", "she notes"), not "weapons and notes".
    form = _lower(tokens[last])
    if form.endswith("s") and verb.lemma not in ("say", "tell", "statement") and not inverted:
        head = tokens[mention[1] - 1] if mention and not inherit else None
        if head is None or not (_is_capitalized(head) or _lower(head) in PRONOUNS or _lower(head) in _speaker_nouns()):
            return None
        if _lower(head) in ADJECTIVE_NAMES or place_index().get(_lower(head), ("", ""))[1] == "demonym":
            return None  # "Republican claims", "Russian reports": adjectives before a noun
    via = None
    k = after
    if verb.lemma == "tell" and not inverted:
        # "told Yonhap that ...", "told reporters on Monday that ...": the hearer, maybe an outlet.
        via = _via_span(tokens, k, n)
        while k < n and _np_word(tokens[k], _speaker_nouns()) and _lower(tokens[k]) != "that":
            k += 1
    k = _skip_adverbials(tokens, k, n)

    # A trailing cue credits what came before it: '"...," he said.' / '..., officials said.'
    mention_start = mention[0] if mention and not inverted else first
    lead = mention_start - 1
    credits_before = lead >= 0 and (tokens[lead].text == "," or _closes_quote(unit, lead) or tokens[lead].text in DASHES)
    content_end = tokens[lead].start if credits_before and tokens[lead].text == "," else tokens[lead].end if credits_before else 0
    opening = unit.quotes[0] if credits_before and unit.quotes and unit.quotes[0].start <= tokens[0].start + 1 else None
    if opening is not None and not (opening.end >= content_end - 1 and opening.end <= tokens[lead].end):
        opening = None
    if credits_before and not inherit and (opening is not None or _tail_is_adverbial(tokens, quoted, k, n)):
        # '"...," Merkel told reporters after the meeting that ...': an opening quote is what
        # the cue right after it credits, whatever follows.
        via = via or _trailing_via(tokens, k, n)
        if opening is not None:
            return _Frame(first, last, verb, mention, _quote_inner(text, opening), via, opening)
        begin = max(tokens[0].start, floor)
        if begin >= content_end:
            return None
        start, end = _trim(text, begin, content_end)
        if end <= start or verb.np_object:
            return None
        return _Frame(first, last, verb, mention, (start, end), via, None)
    lead_in = k + 1 < n and tokens[k].text in (":", ",") and tokens[k + 1].text in OPENING_MARKS and _quote_at(unit, tokens[k + 1].start) is not None
    if verb.trailing_only and not lead_in and not (k < n and _lower(tokens[k]) == "that" and not quoted[k]):
        return None  # "added to the list" is no speech, "added that ..." is

    # A lead-in: 'He said: "..."', 'said, "..."', 'said "...'.
    j = k
    if j < n and tokens[j].text in (":", ","):
        j += 1
    if j < n and tokens[j].text in OPENING_MARKS:
        quote = _quote_at(unit, tokens[j].start)
        if quote is not None:
            return _Frame(first, last, verb, mention, _quote_inner(text, quote), via, quote, inherit)

    # With a parse, the verb's clausal complement is what was said.
    complement = syntax.complement_of(tokens, unit.first_index, verb_token) if unit.parsed else None
    if complement is not None and complement[0] > last and not verb.np_object:
        start, stop = _trim(text, tokens[complement[0]].start, tokens[complement[1] - 1].end)
        if stop > start:
            return _Frame(first, last, verb, mention, (start, stop), via or _find_that_via(tokens, quoted, k, n), None, inherit)

    # A reported clause: "said (on Monday) (in a statement to Y) that ...", "said a monument will".
    that = _find_that(tokens, quoted, k, n)
    if that is not None:
        k, via = that[0], that[1] or via
    elif verb.lemma in PROMISE_VERBS and k + 1 < n and _lower(tokens[k]) == "to" and not quoted[k] and not (participle and not comma_before):
        pass  # "vowed to build a wall": the promise is the content
    elif verb.np_object or not _looks_like_clause(tokens, quoted, k, n):
        # Quoted words in the object: 'hailing the "excellent soldiers" for their "heroic feats"'.
        end = _content_end(tokens, quoted, cue_starts, k, unit.end)
        next_cue = bisect.bisect_right(cue_starts, last)  # cue_starts is in order
        if next_cue < len(cue_starts):
            end = min(end, tokens[cue_starts[next_cue]].start)
        inner = _quotes_within(unit, tokens[k].start if k < n else unit.end, end)
        if not inner:
            return None
        start = inner[0].inner_start
        stop = inner[-1].inner_end
        return _Frame(first, last, verb, mention, _trim(text, start, stop), via, inner[0] if len(inner) == 1 else None, inherit)
    if k >= n:
        return None
    end = _content_end(tokens, quoted, cue_starts, k, unit.end)
    start, stop = _trim(text, tokens[k].start, end)
    if stop <= start:
        return None
    if verb.np_object and not _quotes_within(unit, start, stop + 1):
        return None
    return _Frame(first, last, verb, mention, (start, stop), via, None, inherit)


def _trailing_via(tokens: Sequence[Token], k: int, n: int) -> tuple[int, int] | None:
    """', according to the North Korean state media report' after a credited speaker."""
    if n == len(tokens):
        # Only the first credit at or after k can answer: find it among the unit's credits.
        hits = _per_unit(tokens, _trailing_via_hits)
        at = bisect.bisect_left(hits, k)
        return _trailing_via_at(tokens, hits[at], n) if at < len(hits) else None
    for j in range(k, n - 2):
        if _trailing_via_hit(tokens, j, n):
            return _trailing_via_at(tokens, j, n)
    return None


def _trailing_via_hits(tokens: Sequence[Token]) -> list[int]:
    return [j for j in range(len(tokens) - 2) if _trailing_via_hit(tokens, j, len(tokens))]


def _trailing_via_hit(tokens: Sequence[Token], j: int, n: int) -> bool:
    """Does a credit that ``_trailing_via`` answers with start at token j?"""
    if _lower(tokens[j]) == "according" and _lower(tokens[j + 1]) == "to" and subject_after(tokens, j + 2, n):
        return True
    return _lower(tokens[j]) in ("in", "to") and j + 1 < n and _lower(tokens[j + 1]) in ("a", "an") and j + 3 < n and _lower(tokens[j + 2]) in ("statement", "interview")


def _trailing_via_at(tokens: Sequence[Token], j: int, n: int) -> tuple[int, int] | None:
    """The conduit the credit at token j names ("according to X", "in a statement to X")."""
    if _lower(tokens[j]) == "according":
        span = subject_after(tokens, j + 2, n)
        return (tokens[span[0]].start, tokens[span[1] - 1].end) if span else None
    return _via_span(tokens, j + 4, n) if _lower(tokens[j + 3]) in ("to", "with") else None


def _read_according_to(text: str, unit: Unit, first: int, last: int, verb: SpeechVerb, cue_starts: Sequence[int], *, floor: int = 0) -> _Frame | None:
    """'According to X, ...' and '..., according to X.'"""
    tokens, quoted = unit.tokens, unit.quoted
    n = len(tokens)
    mention = subject_after(tokens, last + 1, n)
    if mention is None:
        return None
    lead = first - 1
    if lead < 0 or _lower(tokens[lead]) in OPENERS:
        # Leading credit: the content follows the noun phrase and its comma.
        k = mention[1]
        if k < n and tokens[k].text == ",":
            k += 1
        if k >= n:
            return None
        start, end = _trim(text, tokens[k].start, _content_end(tokens, quoted, cue_starts, k, unit.end))
        quote = _quote_at(unit, tokens[k].start)
        if quote is not None and quote.end >= end:
            return _Frame(first, last, verb, mention, _quote_inner(text, quote), None, quote)
        return _Frame(first, last, verb, mention, (start, end), None, None) if end > start else None
    if tokens[lead].text == "," or _closes_quote(unit, lead):
        content_end = tokens[lead].start if tokens[lead].text == "," else tokens[lead].end
        opening = unit.quotes[0] if unit.quotes and unit.quotes[0].start <= tokens[0].start + 1 else None
        if opening is not None and opening.end >= content_end - 1 and opening.end <= tokens[lead].end:
            return _Frame(first, last, verb, mention, _quote_inner(text, opening), None, opening)
        start, end = _trim(text, max(tokens[0].start, floor), content_end)
        return _Frame(first, last, verb, mention, (start, end), None, None) if end > start else None
    # In the middle of a sentence: the whole sentence is credited.
    start, end = _trim(text, tokens[0].start, unit.end)
    return _Frame(first, last, verb, mention, (start, end), None, None)


def _object_of_verb(tokens: Sequence[Token], start: int) -> bool:
    """Does the noun phrase starting at token ``start`` follow a verb ("issued a statement")?"""
    if start == 0:
        return False
    prev = tokens[start - 1]
    word = _lower(prev)
    return word in IRREGULAR_PAST or (_is_finite(prev) and word not in FINITE) or (word,) in speech_verbs()


def _head(tokens: Sequence[Token], span: tuple[int, int]) -> Token:
    """The last word of a noun phrase, a bracketed tag aside ("Jim Jordan (R-Ohio)")."""
    last = span[1] - 1
    if tokens[last].text == ")":
        opening = _paren_open(tokens, last, span[0])
        if opening is not None and opening > span[0]:
            return tokens[opening - 1]
    return tokens[last]


def _can_speak(head: Token) -> bool:
    """Can a noun phrase with this last word be a speaker (a name, a pronoun, a speaker noun)?"""
    word = _lower(head)
    if word in DETERMINERS or word in OPENERS or word in BOUNDARY_WORDS or word in TIME_WORDS:
        return False
    return _is_capitalized(head) or word in PRONOUNS or word in _speaker_nouns()


# Irregular past tenses: the verb of a clause whose subject a participle shares ("Smith
# sought to calm the crowd, saying ...").
IRREGULAR_PAST = frozenset(
    """took sought made gave went came got put set led ran won lost held kept spoke began brought
    thought felt left met sent spent stood struck threw drew became broke chose fought found
    hit knew meant paid rose saw sat shook showed sold stole swore taught tore understood woke
    wore withdrew""".split()
)


def _clause_subject(tokens: Sequence[Token], quoted: Sequence[bool], cue: int) -> tuple[int, int] | None:
    """The subject a cue without one shares: that of the nearest verb before it with a subject
    that can speak ("Trump tweaked his promise when he announced his mate, calling ..." -> he),
    else the noun phrase the sentence opens with."""
    verbs = speech_verbs()
    for j in range(cue - 1, max(cue - CLAUSE_REACH, 0), -1):  # bounded: linear in the unit
        if quoted[j]:
            continue
        word = _lower(tokens[j])
        if not (_is_finite(tokens[j]) or word in IRREGULAR_PAST or ((word,) in verbs and not word.endswith(PARTICIPLE_SUFFIX))):
            continue
        if (word,) in verbs and (_base_form_noun(tokens, j, word, verbs[(word,)]) or _is_capitalized(tokens[j])):
            continue  # "the United States", "his trade promise": nouns
        before = _lower(tokens[j - 1])
        if word in AUXILIARIES and word not in FINITE or before in ("to", "that", "which", "who") or before in DETERMINERS or before.endswith(("’s", "'s")):
            continue  # "Putin's claim", "the report": nouns, not verbs
        np = subject_before(tokens, j)
        if np is not None and not any(quoted[np[0] : np[1]]) and _can_speak(tokens[np[1] - 1]):
            head = _lower(tokens[np[1] - 1])
            if head in ADJECTIVE_NAMES or place_index().get(head, ("", ""))[1] == "demonym":
                continue  # "Republican claims": an adjective, not a subject
            return np
    return _sentence_subject(tokens, quoted)


CLAUSE_REACH = 40  # tokens a shared subject may stand before its cue
LEAD_PREPOSITIONS = frozenset("amid after before in on at during following despite with without since from under while when".split())


def _sentence_subject(tokens: Sequence[Token], quoted: Sequence[bool]) -> tuple[int, int] | None:
    """The noun phrase a sentence opens with ("Ukrainian President Volodymyr Zelensky disputed").

    A leading phrase ("Amid the uproar, ...", "Continuing his speech, ...") ends at its comma.
    """
    nouns = _speaker_nouns()
    k = 0
    n = len(tokens)
    while k < n and (_lower(tokens[k]) in OPENERS or tokens[k].text == ","):
        k += 1
    if k < n and (_lower(tokens[k]) in LEAD_PREPOSITIONS or _lower(tokens[k]).endswith(PARTICIPLE_SUFFIX)):
        comma = next((j for j in range(k, min(n, k + 25)) if tokens[j].text == "," and not quoted[j]), None)
        if comma is not None:
            k = comma + 1
    j = k
    while j < n and j - k <= 10 and not quoted[j] and (_np_word(tokens[j], nouns) or _inner_dot(tokens, j) or (_lower(tokens[j]) == "and" and j + 1 < n and _is_capitalized(tokens[j + 1]))):
        j += 1
    return (k, j) if j > k and j - k <= 10 else None


# ---------------------------------------------------------------------------------------
# The article


def _is_sentence_initial(text: str, unit: Unit, quote: Quote) -> bool:
    """Does the quote open its sentence (or follow a colon)? Then it is a direct quote."""
    last = _last_char_before(text, unit.start, quote.start)
    # (The sentence splitter does not end a sentence before two apostrophes: "said. ''We")
    return not last or last == ":" or (last in ".!?" and text.startswith("''", quote.start))


def _last_char_before(text: str, start: int, i: int) -> str:
    """The last character of ``text[start:i].rstrip()``, or "" (without copying the slice)."""
    while i > start and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > start else ""


def _kind_of(text: str, unit: Unit, frame: _Frame) -> Kind:
    if frame.quote is not None and frame.content[0] >= frame.quote.inner_start and frame.content[1] <= frame.quote.inner_end:
        first_word = frame.quote.inner_start  # the first character past leading "…. "
        while first_word < frame.quote.inner_end and text[first_word] in "…. ":
            first_word += 1
        first_char = text[first_word] if first_word < frame.quote.inner_end else ""
        lead_in = _last_char_before(text, unit.start, frame.quote.start)
        if _is_sentence_initial(text, unit, frame.quote) or lead_in in (",", ":") or (first_char.isupper() and lead_in and lead_in in "dlsy"):
            return Kind.DIRECT
        return Kind.PARTIAL
    start, end = frame.content
    if _overlapping_quotes(unit, start, end):
        return Kind.PARTIAL
    return Kind.INDIRECT


def _overlapping_quotes(unit: Unit, start: int, end: int) -> range:
    """Indices of the unit's quotes whose words overlap text[start:end] (they are in order)."""
    first = bisect.bisect_right(unit.inner_ends, start)
    stop = first
    while stop < len(unit.quotes) and unit.quotes[stop].inner_start < end:
        stop += 1
    return range(first, stop)


def detect(analysis: Analysis) -> list[Candidate]:
    """Every attribution candidate in the article, in text order."""
    text = analysis.text
    tokens = analysis.tokens
    token_starts = [t.start for t in tokens]
    has_parse = analysis.has_parse  # once per article, not once per sentence
    sentence_starts = [s.start for s in analysis.sentences]
    paragraphs = analysis.paragraphs
    candidates: list[Candidate] = []
    previous_paragraph_last: int | None = None  # index of the last candidate of the previous paragraph
    previous_open_ended = False
    previous_last_unit: Unit | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        next_opens = nxt is not None and paragraph_opens_with_quote(text, *nxt)
        quotes = scan_quotes(text, p_start, p_end, next_paragraph_opens=next_opens)
        # The engine already cut sentences: use its cut rather than cutting again.
        lo = bisect.bisect_left(sentence_starts, p_start)
        hi = bisect.bisect_left(sentence_starts, p_end)
        sentences = [(s.start, min(s.end, p_end)) for s in analysis.sentences[lo:hi]]
        units = _units(text, p_start, p_end, quotes, tokens, token_starts, has_parse=has_parse, sentences=sentences)
        paragraph_candidates: list[Candidate] = []
        claimed: set[Quote] = set()
        frame_candidates: list[tuple[Unit, _Frame, int]] = []
        for unit in units:
            unit_mention = None  # the mention of this unit's last frame so far
            for frame in _frames_in_unit(text, unit):
                mention = frame.mention
                if frame.inherit or mention is None:
                    if unit_mention is not None:
                        mention = unit_mention
                    else:
                        mention = _clause_subject(unit.tokens, unit.quoted, frame.cue_first)
                    if mention is None:
                        continue
                    frame = attrs.evolve(frame, mention=mention)
                frame_candidates.append((unit, frame, len(frame_candidates)))
                if frame.mention is not None and (not frame.verb.np_object or _can_speak(_head(unit.tokens, frame.mention))):
                    unit_mention = frame.mention  # ("a class called “Perception”" is no speaker to share)
                for at in _overlapping_quotes(unit, frame.content[0], frame.content[1]):
                    claimed.add(unit.quotes[at])
        # Emit frames and free quotes in text order.
        items: list[tuple[int, str, object, Unit]] = []
        for unit, frame, _ in frame_candidates:
            items.append((frame.content[0], "frame", frame, unit))
        for unit in units:
            for q in unit.quotes:
                if q not in claimed:
                    items.append((q.inner_start, "quote", q, unit))
        items.sort(key=lambda item: (item[0], item[1]))
        last_direct_speaker: int | None = None
        pending_free: list[int] = []
        pending_units: dict[int, Unit] = {}
        # Per unit (by identity): where its first cue starts, and its frames' candidates.
        first_cue: dict[int, int] = {}
        for u, f, _ in frame_candidates:
            first_cue[id(u)] = min(first_cue.get(id(u), u.end), u.tokens[f.cue_first].start)
        unit_at = {id(u): k for k, u in enumerate(units)}
        framed_in: dict[int, list[int]] = {}  # unit id -> indices of its frames' candidates
        for _, what, obj, unit in items:
            if what == "frame":
                frame: _Frame = obj  # type: ignore[assignment]
                m = frame.mention
                mention_span = (unit.tokens[m[0]].start, unit.tokens[m[1] - 1].end) if m else None
                index = len(candidates)
                framed_in.setdefault(id(unit), []).append(index)
                candidates.append(
                    Candidate(
                        kind=_kind_of(text, unit, frame),
                        content=frame.content,
                        cue=(unit.tokens[frame.cue_first].start, unit.tokens[frame.cue_last].end),
                        mention=mention_span,
                        via=frame.via,
                        how="cue",
                        paragraph=p_index,
                    )
                )
                paragraph_candidates.append(candidates[-1])
                if frame.quote is not None:
                    last_direct_speaker = index
                    # '"A." "B," he said.': quotes before the credit in the paragraph share it.
                    for free in pending_free:
                        candidates[free] = attrs.evolve(candidates[free], shares_speaker_with=index, how="same-paragraph")
                    pending_free = []
                continue
            quote: Quote = obj  # type: ignore[assignment]
            if not (_is_sentence_initial(text, unit, quote) or (previous_open_ended and quote.start == p_start)):
                # Quoted words inside a sentence whose subject can speak ("Christie described
                # Clinton as a “disgrace”"): that subject's words. Else scare quotes, titles.
                # (Not after a cue of the same sentence: its quotes are that frame's business.)
                after_cue = first_cue.get(id(unit), unit.end) < quote.start
                holder = None if after_cue else _quote_holder(text, unit, quote)
                if holder is not None:
                    start, end = _quote_inner(text, quote)
                    span = (unit.tokens[holder[0]].start, unit.tokens[holder[1] - 1].end)
                    candidates.append(Candidate(Kind.PARTIAL, (start, end), None, span, None, None, "clause", p_index))
                    paragraph_candidates.append(candidates[-1])
                continue
            start, end = _quote_inner(text, quote)
            if end <= start:
                continue
            index = len(candidates)
            lead = _colon_speaker(unit, quote)
            if lead is not None:
                # 'Jones: "..."', 'She had posted: "..."': the colon credits its sentence's subject.
                span = (unit.tokens[lead[0]].start, unit.tokens[lead[1] - 1].end)
                candidates.append(Candidate(Kind.DIRECT, (start, end), None, span, None, None, "colon", p_index))
                paragraph_candidates.append(candidates[-1])
                last_direct_speaker = index
                continue
            if last_direct_speaker is not None:
                how, link = "same-paragraph", last_direct_speaker
            elif previous_open_ended and quote.start == p_start and previous_paragraph_last is not None:
                how, link = "continuation", previous_paragraph_last
            elif quote.start == p_start and previous_paragraph_last is not None and candidates[previous_paragraph_last].kind is Kind.DIRECT:
                how, link = "previous-paragraph", previous_paragraph_last
            else:
                how, link = "none", None
            candidates.append(Candidate(Kind.DIRECT, (start, end), None, None, None, link, how, p_index))
            paragraph_candidates.append(candidates[-1])
            if link is None:
                pending_free.append(index)
                pending_units[index] = unit
            else:
                last_direct_speaker = index
        # Free quotes nothing credited: the speaker of the sentence before, in the paragraph
        # ('X called him a master. "He showed again and again ..."') or, opening it, the
        # previous paragraph's last credit.
        for free in pending_free:
            unit = pending_units[free]
            at = unit_at[id(unit)]
            link = None
            if at > 0:
                prev_unit = units[at - 1]
                framed = framed_in.get(id(prev_unit))
                mention = None if framed else _clause_subject(prev_unit.tokens, prev_unit.quoted, len(prev_unit.tokens))
                if mention is not None and _can_speak(prev_unit.tokens[mention[1] - 1]):
                    span = (prev_unit.tokens[mention[0]].start, prev_unit.tokens[mention[1] - 1].end)
                    candidates[free] = attrs.evolve(candidates[free], mention=span, how="previous-sentence")
                    continue
                if framed:
                    link = framed[-1]
            elif previous_paragraph_last is not None and candidates[previous_paragraph_last].cue is not None:
                link = previous_paragraph_last
            elif previous_paragraph_last is None and previous_last_unit is not None:
                # 'Howard continued his remarks.' then a paragraph that is one quote.
                prev_unit = previous_last_unit
                mention = _clause_subject(prev_unit.tokens, prev_unit.quoted, len(prev_unit.tokens))
                if mention is not None and _can_speak(_head(prev_unit.tokens, mention)):
                    span = (prev_unit.tokens[mention[0]].start, prev_unit.tokens[mention[1] - 1].end)
                    candidates[free] = attrs.evolve(candidates[free], mention=span, how="previous-sentence")
                    continue
            if link is not None:
                candidates[free] = attrs.evolve(candidates[free], shares_speaker_with=link, how="previous-sentence")
        previous_open_ended = bool(quotes) and quotes[-1].open_ended
        previous_paragraph_last = len(candidates) - 1 if paragraph_candidates else None
        previous_last_unit = units[-1] if units and not quotes else None  # a paragraph of prose
    global _UNIT_MEMO
    _UNIT_MEMO = (None, {})  # hold no article's tokens after it is done
    return candidates


def _token_at(unit: Unit, position: int) -> int:
    """Index of the unit's first token starting at or after ``position`` (a bisection)."""
    return bisect.bisect_left(unit.tokens, position, key=lambda t: t.start)


HAS_LETTER = regex.compile(r"[^\W\d_]")


def _quote_holder(text: str, unit: Unit, quote: Quote) -> tuple[int, int] | None:
    """The subject of the clause holding quoted words, when it can speak and the words are no title."""
    start, end = _quote_inner(text, quote)
    if end - start < 2 or not HAS_LETTER.search(text, start, end):
        return None  # no words quoted
    words = text[start:end].split()
    if (len(words) > 1 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in", "on", "for", "to") for w in words)):
        return None  # “American Skin”, “War On Drugs”: a title
    tokens = unit.tokens
    q = _token_at(unit, quote.start)
    # "Trump's claim that there were “thousands of shootings”": the owner of the words.
    for j in range(q - 1, max(q - 14, 0), -1):
        if unit.quoted[j] or tokens[j].text in (",", ";", ":"):
            break
        if _lower(tokens[j]) in SPEECH_NOUNS:
            k = j - 1
            if k > 0 and not _lower(tokens[k]).endswith(("’s", "'s")):
                k -= 1  # "Stumpf's repeated emphasis"
            if _lower(tokens[k]).endswith(("’s", "'s")) and _is_capitalized(tokens[k]):
                owner = subject_before(tokens, k + 1)
                if owner is not None and owner[1] == k + 1:
                    return owner
            break
    np = _clause_subject(tokens, unit.quoted, q)
    if np is None or np[1] > q or any(unit.quoted[np[0] : np[1]]) or not _can_speak(tokens[np[1] - 1]):
        return None
    return np


def _colon_speaker(unit: Unit, quote: Quote) -> tuple[int, int] | None:
    """The speaker of a quote after a colon: a bare name ("Jones: ...") or the subject of the
    clause the colon ends ("Limbaugh continued: ...", "she had posted: ...")."""
    tokens = unit.tokens
    c = _token_at(unit, quote.start) - 1
    if c <= 0 or tokens[c].text != ":" or unit.quoted[c]:
        return None
    np = subject_before(tokens, c)
    if np is not None and np[1] == c and _can_speak(tokens[c - 1]) and (np[0] == 0 or not _is_word(tokens[np[0] - 1])):
        return np
    np = _clause_subject(tokens, unit.quoted, c)
    return np if np is not None and np[1] <= c else None
