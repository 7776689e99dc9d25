"""Linking: a paragraph's frames and the quotes no frame claimed, as candidates in text order.

Receives: a paragraph's units and the frames read in them. Hands on: ``Candidate``s. A frame
becomes a candidate with its kind; a quote no cue claims is credited by a colon before it
('Jones: "..."'), shares a neighbouring quote's speaker (same paragraph, a continued quote, the
previous paragraph), takes the subject of the sentence before, or stays unattributed. Quoted
words inside a sentence are the words of that sentence's subject when it can speak; else they
are titles, nicknames or scare quotes and no attribution at all. So are a few words that modify
a noun ('the "VAR" check') in a sentence with no speech verb, the charge a passive subject
undergoes ('convicted of "gross misconduct"'), and what a document is ('a "landmark"').
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

import regex

from ..model import Kind
from .credits import Frame
from .doc import Doc
from .marks import Quote, is_title, quote_inner
from .phrases import antecedent, clause_subject, head, subject_after, subject_before
from .units import Unit, overlapping_quotes, token_at
from .words import (
    ADVERB,
    CAN_SPEAK,
    CAP,
    DETERMINERS,
    IRREGULAR_PAST,
    NP,
    OPENERS,
    POSSESSIVE,
    PRONOUNS,
    RELATIVES,
    SPEECH_FORM,
    SPEECH_NOUNS,
    TIME_WORDS,
    WORD,
    document_nouns,
    speaker_nouns,
)


class Candidate(NamedTuple):
    """A detected attribution before its speaker is resolved (character spans)."""

    kind: Kind
    content: tuple[int, int]
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    via: tuple[int, int] | None = None
    # Index of an earlier candidate whose speaker this one shares ("... ," he said. "B.").
    shares_speaker_with: int | None = None
    how: str = "cue"  # cue, same-paragraph, previous-paragraph, continuation, colon, clause, previous-sentence, none
    paragraph: int = 0
    # What a relative pronoun mention stands for: "the committee, which said" -> "the committee".
    refers_to: tuple[int, int] | None = None


HAS_LETTER = regex.compile(r"[^\W\d_]")
# Words before quoted words that name something rather than quote anyone.
NAMING_WORDS = frozenset("so-called dubbed nicknamed named titled entitled called".split())
NAMING_PAIRS = frozenset((("known", "as"), ("billed", "as"), ("referred", "to")))


def last_char_before(text: str, start: int, i: int) -> str:
    """The last character of ``text[start:i].rstrip()``, or "" (without copying the slice)."""
    while i > start and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > start else ""


def is_sentence_initial(text: str, unit: Unit, quote: Quote) -> bool:
    """Does the quote open its sentence (or follow a colon)? Then it is a direct quote."""
    last = last_char_before(text, unit.start, quote.start)
    # (The sentence splitter does not end a sentence before two apostrophes: "said. ''We")
    return not last or last == ":" or (last in ".!?" and text.startswith("''", quote.start))


def kind_of(text: str, unit: Unit, frame: Frame) -> Kind:
    """Direct when the frame's words are a quote that opens its sentence or follows a lead-in."""
    quote = frame.quote
    if quote is not None and frame.content[0] >= quote.inner_start and frame.content[1] <= quote.inner_end:
        first_word = quote.inner_start  # the first character past leading "…. "
        while first_word < quote.inner_end and text[first_word] in "…. ":
            first_word += 1
        first_char = text[first_word] if first_word < quote.inner_end else ""
        lead_in = last_char_before(text, unit.start, quote.start)
        if is_sentence_initial(text, unit, quote) or lead_in in (",", ":") or (first_char.isupper() and lead_in and lead_in in "dlsy"):
            return Kind.DIRECT
        return Kind.PARTIAL
    if overlapping_quotes(unit, *frame.content):
        return Kind.PARTIAL
    return Kind.INDIRECT


def quote_holder(d: Doc, unit: Unit, quote: Quote) -> tuple[int, int] | None:
    """The subject of the clause holding quoted words, when it can speak and the words are no title."""
    text, low, flags = d.text, d.low, d.flags
    start, end = quote_inner(text, quote)
    if end - start < 2 or not HAS_LETTER.search(text, start, end):
        return None  # no words quoted
    if is_title(text, quote):
        return None  # “American Skin”, “War On Drugs”: a title
    q = token_at(d, unit, quote.start)
    if q > unit.lo and (low[q - 1] in NAMING_WORDS or (q - 1 > unit.lo and (low[q - 2], low[q - 1]) in NAMING_PAIRS)):
        return None  # "the so-called “anti-Davos”", "a plan known as “Fast Track”": a name
    # "Trump's claim that there were “thousands of shootings”": the owner of the words.
    for j in range(q - 1, max(q - 14, unit.lo), -1):
        if d.quoted[j] or d.words[j] in (",", ";", ":"):
            break
        if low[j] in SPEECH_NOUNS:
            k = j - 1
            if k > unit.lo and not flags[k] & POSSESSIVE:
                k -= 1  # "Stumpf's repeated emphasis"
            if flags[k] & POSSESSIVE and flags[k] & CAP:
                owner = subject_before(d, unit, k + 1)
                if owner is not None and owner[1] == k + 1:
                    return owner
            break
    owner = utterance_owner(d, unit, q, quote)
    if owner is not None:
        return owner
    agent = passive_agent(d, unit, q, quote)
    if agent is not None:
        return agent
    np = clause_subject(d, unit, q)
    if np is None or np[1] > q or any(d.quoted[np[0] : np[1]]) or not flags[np[1] - 1] & CAN_SPEAK:
        return None
    # A scare quote, a charge or a description: nobody in the sentence said the words.
    if labels_a_noun(d, unit, q, quote) and not speaks_in(d, unit):
        return None
    if undergoes_passive(d, np, q) or is_no_speech(d, unit, np):
        return None
    return np


BE_FORMS = frozenset("is are was were be been being".split())
# At most this many words: a label or a scare quote, not someone's sentence.
LABEL_WORDS = 4


def labels_a_noun(d: Doc, unit: Unit, q: int, quote: Quote) -> bool:
    """'the "VAR" check', 'a federal "supermax" prison', 'her "unity" lunch': a few quoted
    words after a determiner (or a possessive, or a determiner and an adjective) and before a
    noun modify that noun. They are a scare quote or a name, whoever the sentence is about.
    (Misses a label the subject did coin: 'Trump's "beautiful" wall' is read as a scare quote.)"""
    low, flags = d.low, d.flags
    start, end = quote_inner(d.text, quote)
    # ('the words "radical Islam," another moment': a comma inside the marks ends the phrase.)
    if len(d.text[start:end].split()) > LABEL_WORDS or not d.text[quote.inner_end - 1].isalnum() or q <= unit.lo:
        return False
    before = q - 1
    if low[before] not in DETERMINERS and not flags[before] & POSSESSIVE:
        adjective = flags[before] & NP and not flags[before] & CAP and low[before] not in PRONOUNS
        if not (before > unit.lo and adjective and low[before - 1] in DETERMINERS):
            return False
    after = token_at(d, unit, quote.end)
    if after >= unit.hi or d.quoted[after] or not flags[after] & NP or flags[after] & (CAP | ADVERB):
        return False
    return low[after] not in NOT_NOUNS and low[after] not in UTTERANCE_NOUNS


def utterance_owner(d: Doc, unit: Unit, q: int, quote: Quote) -> tuple[int, int] | None:
    """'Critics mocked the minister's "let them walk" comment': words before a noun for
    something said belong to the possessive owner of that noun, not to the clause's subject."""
    after = token_at(d, unit, quote.end)
    if q <= unit.lo or after >= unit.hi or d.low[after] not in UTTERANCE_NOUNS or not d.flags[q - 1] & POSSESSIVE:
        return None
    owner = subject_before(d, unit, q)
    if owner is None or owner[1] != q:
        return None
    lo = owner[0]
    while lo < q - 1 and not d.flags[lo] & CAP and d.low[lo] not in DETERMINERS:
        lo += 1  # 'to attack Ms Hale's': the verb before is no part of the owner
    owner = (lo, q)
    word = d.low[q - 1][:-2]  # without its 's
    return owner if d.flags[q - 1] & CAP or word in speaker_nouns() else None


def speaks_in(d: Doc, unit: Unit) -> bool:
    """Does a speech verb stand in the sentence outside its quotes ('He added, that there is
    a "fair" process', 'as her manager suggested')? Then a label may be the speaker's word,
    though no frame claimed it."""
    flags, quoted = d.flags, d.quoted
    return any(flags[j] & SPEECH_FORM and not quoted[j] for j in range(unit.lo, unit.hi))


# Words after the quote that do not make it a noun's modifier ('he "fabricated" the story').
NOT_NOUNS = TIME_WORDS | DETERMINERS | PRONOUNS | frozenset("him them us me".split())
# Nouns for something said: 'Romney's "47 percent" comment', 'her "basket" remark' quote a
# speaker's words, though the words stand before a noun like a label.
UTTERANCE_NOUNS = SPEECH_NOUNS | frozenset("remark response answer reply retort jibe gaffe speech question questions message".split())


# Passives whose subject did utter the words ('He was quoted as ...', 'She is reported to
# have called ...', 'He was asked about his "..." comment').
SPOKEN_PASSIVES = frozenset("quoted heard overheard recorded filmed taped caught reported said asked".split())
# The prepositions a passive's charge or citation follows: 'convicted of', 'praised for'.
PASSIVE_PREPOSITIONS = frozenset("of for with over as".split())
# Past tenses that are active before such a preposition ('Minister warned of "chaos"').
ACTIVE_BEFORE_OF = frozenset("warned spoke talked complained boasted hinted joked pleaded".split())


def undergoes_passive(d: Doc, np: tuple[int, int], q: int) -> bool:
    """'She was praised for her "calm leadership"', 'He was convicted of "gross misconduct"':
    the subject of a passive (with no "by" agent: see ``passive_agent``) undergoes the act;
    the quoted words are the actor's label for it (a charge, a citation), not the subject's.
    Only when the passive is the subject's own verb and its preposition leads to the quote."""
    low = d.low
    for j in range(np[1], min(np[1] + 3, q - 1)):
        if low[j] not in BE_FORMS:
            if j == np[1] and d.in_headline(j) and low[j] not in ACTIVE_BEFORE_OF:
                # Headlines drop the "is": 'Labour accused of "EU propaganda"'.
                return low[j].endswith("ed") and low[j + 1] in PASSIVE_PREPOSITIONS and q - j <= 3
            continue
        verb = j + 2 if d.flags[j + 1] & ADVERB and j + 2 < q else j + 1  # "was widely praised"
        past = low[verb].endswith("ed") or low[verb] in IRREGULAR_PAST
        # The quote must be the object of the preposition right after the verb, at most a
        # determiner or a possessive between ('convicted of "gross misconduct"', 'praised for
        # her "calm leadership"'): further on, it may sit in another clause.
        near = verb + 1 < q and low[verb + 1] in PASSIVE_PREPOSITIONS and q - verb <= 3
        return past and near and low[verb] not in SPOKEN_PASSIVES
    return False


# Verbs after which a sentence's clause reports what someone heard, not what its subject
# said: 'The court heard he had shown "no remorse"' (a witness's or a lawyer's words).
HEARD = frozenset("heard told learned learnt".split())


def is_no_speech(d: Doc, unit: Unit, np: tuple[int, int]) -> bool:
    """The subject cannot have said the words: a document that *is* something ('The ruling
    was a "landmark"': a description, not the ruling's words), or the subject of a clause
    that reports what a court or a jury heard."""
    low = d.low
    if np[1] + 1 < unit.hi and low[np[1]] in BE_FORMS and low[np[1] - 1] in document_nouns():
        verb = low[np[1] + 1]  # ('The complaint is based on rules that ...': a passive, not a copula)
        if not (verb.endswith("ed") or verb in IRREGULAR_PAST):
            return True
    # (The subject found may run through the verb: "The court heard he" for want of a parse.)
    return any(low[k] in HEARD for k in range(max(np[0] - 1, unit.lo), np[1] - 1))


def passive_agent(d: Doc, unit: Unit, q: int, quote: Quote) -> tuple[int, int] | None:
    """'Her comments were described as "irresponsible" by the council': in a passive, the
    agent after "by" said the words, not the subject ("Her comments")."""
    low = d.low
    first = q
    while first - 1 > unit.lo and (d.quoted[first - 1] or low[first - 1] in ("and", "or", ",")):
        first -= 1  # back to the first of 'as "irresponsible" and "outrageous"'
    passive = any(
        low[j] in BE_FORMS and (low[j + 1].endswith("ed") or low[j + 1] in IRREGULAR_PAST) for j in range(max(unit.lo, first - 6), first - 1)
    )
    if not passive:
        return None
    j = token_at(d, unit, quote.end)
    while j < unit.hi and j - q <= 20 and (d.quoted[j] or low[j] in ("and", "or", ",")):
        j += 1  # 'as "irresponsible" and "outrageous" by ...'
    if j + 1 >= unit.hi or low[j] != "by":
        return None
    agent = subject_after(d, unit, j + 1, unit.hi)
    return agent if agent is not None and d.flags[head(d, agent)] & CAN_SPEAK else None


def colon_speaker(d: Doc, unit: Unit, quote: Quote) -> tuple[int, int] | None:
    """The speaker of a quote after a colon: a bare name ("Jones: ...") or the subject of the
    clause the colon ends ("Limbaugh continued: ...", "she had posted: ...")."""
    c = token_at(d, unit, quote.start) - 1
    if c <= unit.lo or d.words[c] != ":" or d.quoted[c]:
        return None
    np = subject_before(d, unit, c)
    if np is not None and np[1] == c and d.flags[c - 1] & CAN_SPEAK and (np[0] == unit.lo or not d.flags[np[0] - 1] & WORD):
        return np
    np = clause_subject(d, unit, c)
    return np if np is not None and np[1] <= c and d.flags[head(d, np)] & CAN_SPEAK else None


def inner_tag(d: Doc, unit: Unit, quote: Quote) -> tuple[tuple[int, int], int] | None:
    """A speech tag set off by commas inside one quote ('"Too often, he says, they get it."',
    where the marks around the tag were left out): the speaker's tokens and the verb's index."""
    words, flags = d.words, d.flags
    lo = token_at(d, unit, quote.inner_start)
    hi = token_at(d, unit, quote.inner_end)
    for c in range(lo + 1, hi - 3):
        if words[c] != ",":
            continue
        j = c + 1
        while j < hi and j - c <= 4 and flags[j] & NP and not flags[j] & SPEECH_FORM:
            j += 1
        if c + 1 < j < hi - 1 and flags[j] & SPEECH_FORM and words[j + 1] == "," and flags[j - 1] & CAN_SPEAK:
            return (c + 1, j), j
    return None


def after_copula_colon(d: Doc, unit: Unit, quote: Quote) -> bool:
    """'The question is: "Should ...?"': the quote is what something is, not what anyone said."""
    c = token_at(d, unit, quote.start) - 1
    return c - 1 >= unit.lo and d.words[c] == ":" and d.low[c - 1] in ("is", "was", "are", "were", "be", "reads", "read")


def reporter_voice(d: Doc, mention: tuple[int, int]) -> bool:
    """Is the mention the newsroom: "we" outside quote marks ("We asked readers what they
    thought")? Inside them it is the quoted speaker's, and resolves as any pronoun does. ("I"
    is left alone: outside quote marks it is a column's writer or an interview's unmarked
    answer, which PolNeAR counts as sources.) What it gets wrong: an unmarked answer in the
    plural ("A: We said no"), read as no one."""
    a, b = mention
    return b - a == 1 and d.low[a] == "we" and not d.quoted[a]


def opens_unit(d: Doc, unit: Unit, i: int) -> bool:
    """Does token i open its sentence, after an opener at most ("But we asked")? A "we" found
    further in before a colon is often no subject of what is quoted ("If we lived in normal
    times, a reader would ask: ..."). (A "we" that holds quoted words is left alone: 'We need
    to "make sure ..."' is as often a quote mark out of place in a source's own words.)"""
    return i == unit.lo or (i - 1 == unit.lo and d.low[i - 1] in OPENERS)


def frame_paragraph(d: Doc, units: Sequence[Unit], frames_of, newsroom: bool = True) -> tuple[list[tuple[Unit, Frame]], set[Quote]]:
    """Every unit's frames, each with a speaker (a frame without one shares the unit's last
    speaker or its clause's subject), and the quotes they claim. ``newsroom``: a "we" outside
    quote marks is the article's own (not in a transcript turn, where it is the speaker's)."""
    framed: list[tuple[Unit, Frame]] = []
    claimed: set[Quote] = set()
    for unit in units:
        unit_mention = None  # the mention of this unit's last frame so far
        for frame in frames_of(unit):
            if frame.inherit or frame.mention is None:
                mention = unit_mention if unit_mention is not None else clause_subject(d, unit, frame.cue_first)
                if mention is None:
                    continue
                frame = frame._replace(mention=mention)
            if newsroom and reporter_voice(d, frame.mention):
                # "We asked an economist to explain", "we told the company its figures were
                # wrong": the article's own words are no attribution (GUIDE.md), nor are the
                # quotes the newsroom frames anyone else's; a frame sharing this subject is its
                # too. (PolNeAR counts "We asked readers what ..." as a source's speech.)
                claimed.update(unit.quotes[at] for at in overlapping_quotes(unit, *frame.content))
                unit_mention = frame.mention
                continue
            framed.append((unit, frame))
            if not frame.verb.np_object or d.flags[head(d, frame.mention)] & CAN_SPEAK:
                unit_mention = frame.mention  # ("a class called “Perception”" is no speaker to share)
            for at in overlapping_quotes(unit, *frame.content):
                claimed.add(unit.quotes[at])
    return framed, claimed


class Linker:
    """Candidates of the article so far, and what the next paragraph needs of the previous one."""

    def __init__(self, d: Doc) -> None:
        self.d = d
        self.candidates: list[Candidate] = []
        self.previous_last: int | None = None  # the last candidate of the previous paragraph
        self.previous_open_ended = False  # did its last quote run on into this paragraph?
        self._previous_prose: Unit | None = None  # its last unit, when it held no quote
        self._prose_units = None  # or, for a paragraph detection skipped, how to make its units
        self._turn: int | None = None  # the transcript turn of the paragraph being read
        self._start_paragraph()

    def _start_paragraph(self) -> None:
        """What one paragraph's linking keeps while its items are read."""
        self._pending: list[tuple[int, Unit]] = []  # free quotes nothing credited yet
        self._framed_in: dict[Unit, list[int]] = {}  # a unit's frames' candidates
        self._free_in: dict[Unit, list[int]] = {}  # a unit's free quotes' candidates
        self._last_direct: int | None = None

    def paragraph(self, p_index: int, p_start: int, units: Sequence[Unit], quotes: Sequence[Quote], framed, claimed) -> None:
        """Emit one paragraph's frames and free quotes in text order, then link the free ones."""
        items: list[tuple[int, str, object, Unit]] = [(frame.content[0], "frame", frame, unit) for unit, frame in framed]
        for unit in units:
            items.extend((q.inner_start, "quote", q, unit) for q in unit.quotes if q not in claimed)
        items.sort(key=lambda item: (item[0], item[1]))
        first_cue: dict[Unit, int] = {}  # where each unit's first cue starts
        for unit, frame in framed:
            first_cue[unit] = min(first_cue.get(unit, unit.end), self.d.starts[frame.cue_first])
        self._start_paragraph()
        count = len(self.candidates)
        for _, what, obj, unit in items:
            if what == "frame":
                self._frame(p_index, unit, obj)  # type: ignore[arg-type]
            else:
                self._quote(p_index, p_start, unit, obj, first_cue)  # type: ignore[arg-type]
        self._link_pending(units)
        if self._turn is not None:
            self._speaker_of_turn(count)
        self.previous_open_ended = bool(quotes) and quotes[-1].open_ended
        self.previous_last = len(self.candidates) - 1 if len(self.candidates) > count else self._turn
        self._turn = None
        self._previous_prose = units[-1] if units and not quotes else None
        self._prose_units = None

    def turn(self, p_index: int, content: tuple[int, int], mention: tuple[int, int] | None, via: tuple[int, int] | None) -> None:
        """A transcript turn (``transcript``): the whole paragraph is the words of its label's
        speaker, with no cue; a free quote opening the next paragraph may share its speaker."""
        self.candidates.append(Candidate(Kind.DIRECT, content, None, mention, via, None, "transcript", p_index))
        self._turn = len(self.candidates) - 1  # the paragraph's last candidate, unless it holds more

    def _speaker_of_turn(self, first: int) -> None:
        """'A: I told the union that ...': an "I" in a transcript turn is the turn's speaker."""
        text, turn = self.d.text, self._turn
        for index in range(first, len(self.candidates)):
            cand = self.candidates[index]
            if cand.mention is not None and text[cand.mention[0] : cand.mention[1]] == "I":
                # (The mention is kept: the words that name the speaker are still "I".)
                self.candidates[index] = cand._replace(shares_speaker_with=turn, how="same-paragraph")

    def quiet(self, make_units) -> None:
        """A paragraph with no quote and no cue: no candidates; its units are made only if
        the next paragraph opens with a free quote that needs its last subject."""
        self.previous_open_ended = False
        self.previous_last, self._turn = self._turn, None
        self._previous_prose = None
        self._prose_units = make_units

    @property
    def previous_prose(self) -> Unit | None:
        """The previous paragraph's last unit, when that paragraph held no quote."""
        if self._prose_units is not None:
            units = self._prose_units()
            self._previous_prose = units[-1] if units else None
            self._prose_units = None
        return self._previous_prose

    def _frame(self, p_index: int, unit: Unit, frame: Frame) -> None:
        d = self.d
        m = frame.mention
        index = len(self.candidates)
        self._framed_in.setdefault(unit, []).append(index)
        cue = (d.starts[frame.cue_first], d.ends[frame.cue_last])
        mention = d.span(*m) if m else None
        refers = None
        if m and m[1] - m[0] == 1 and d.low[m[0]] in RELATIVES:
            found = antecedent(d, unit, m[0], unit.lo)
            refers = d.span(*found) if found else None
        kind = kind_of(d.text, unit, frame)
        self.candidates.append(Candidate(kind, frame.content, cue, mention, frame.via, None, "cue", p_index, refers))
        if frame.quote is not None:
            self._last_direct = index
            # '"A." "B," he said.': quotes before the credit in the paragraph share it.
            for free, _ in self._pending:
                self.candidates[free] = self.candidates[free]._replace(shares_speaker_with=index, how="same-paragraph")
            self._pending = []

    def _quote(self, p_index: int, p_start: int, unit: Unit, quote: Quote, first_cue: dict[Unit, int]) -> None:
        d, candidates = self.d, self.candidates
        continued = self.previous_open_ended and quote.start == p_start
        if not (is_sentence_initial(d.text, unit, quote) or continued):
            # Quoted words inside a sentence whose subject can speak ("Christie described
            # Clinton as a “disgrace”"): that subject's words. Else scare quotes, titles.
            # (Not after a cue of the same sentence: its quotes are that frame's business.)
            if first_cue.get(unit, unit.end) < quote.start:
                credit = self._trailing_credit_before(unit, quote)
                if credit is not None:
                    # '..., Mr Cook said, because the advice should be an "independent opinion"':
                    # the words after a trailing credit are the credited speaker's too; right
                    # after its comma they are the second half of a split quote ('"We will
                    # win," he said, "and soon."').
                    cand = candidates[credit]
                    tag_end = max(cand.cue[1], cand.mention[1] if cand.mention else 0)
                    kind = Kind.DIRECT if d.text[tag_end : quote.start].strip() == "," else Kind.PARTIAL
                    candidates.append(Candidate(kind, quote_inner(d.text, quote), None, None, None, credit, "same-sentence", p_index))
                return
            holder = quote_holder(d, unit, quote)
            if holder is not None:
                candidates.append(Candidate(Kind.PARTIAL, quote_inner(d.text, quote), None, d.span(*holder), None, None, "clause", p_index))
            return
        start, end = quote_inner(d.text, quote)
        if end <= start:
            return
        index = len(candidates)
        tag = inner_tag(d, unit, quote)
        if tag is not None:
            # '"Too often, he says, they get it."': the tag stands inside the one quote.
            mention, cue = tag
            candidates.append(Candidate(Kind.DIRECT, (start, end), d.span(cue, cue + 1), d.span(*mention), None, None, "cue", p_index))
            self._last_direct = index
            return
        lead = colon_speaker(d, unit, quote)
        if lead is None and after_copula_colon(d, unit, quote):
            return
        if lead is not None and reporter_voice(d, lead) and opens_unit(d, unit, lead[0]):
            return  # 'We asked the mayor: "Will you resign?"': the newsroom's own question
        if lead is not None:
            # 'Jones: "..."', 'She had posted: "..."': the colon credits its sentence's subject.
            candidates.append(Candidate(Kind.DIRECT, (start, end), None, d.span(*lead), None, None, "colon", p_index))
            self._last_direct = index
            return
        previous = self.previous_last
        if self._last_direct is not None:
            how, link = "same-paragraph", self._last_direct
        elif continued and previous is not None:
            how, link = "continuation", previous
        elif quote.start == p_start and previous is not None and candidates[previous].kind is Kind.DIRECT:
            how, link = "previous-paragraph", previous
        else:
            how, link = "none", None
        candidates.append(Candidate(Kind.DIRECT, (start, end), None, None, None, link, how, p_index))
        self._free_in.setdefault(unit, []).append(index)
        if link is None:
            self._pending.append((index, unit))
        else:
            self._last_direct = index

    def _trailing_credit_before(self, unit: Unit, quote: Quote) -> int | None:
        """The unit's last frame before the quote, when it credits the words before its cue
        (a trailing credit) and not the words after it."""
        for index in reversed(self._framed_in.get(unit, ())):
            cand = self.candidates[index]
            if cand.cue is not None and cand.cue[1] <= quote.start:
                return index if cand.content[1] <= cand.cue[0] else None
        return None

    def _link_pending(self, units: Sequence[Unit]) -> None:
        """Free quotes nothing credited: the speaker of the sentence before, in the paragraph
        ('X called him a master. "He showed again and again ..."') or, opening it, the previous
        paragraph's last credit."""
        if not self._pending:
            return
        d, candidates = self.d, self.candidates
        unit_at = {u: k for k, u in enumerate(units)}
        for free, unit in self._pending:
            at = unit_at[unit]
            link, how = None, "previous-sentence"
            if at > 0:
                prev_unit = units[at - 1]
                framed = self._framed_in.get(prev_unit)
                mention = None if framed else clause_subject(d, prev_unit, prev_unit.hi)
                if mention is not None and d.flags[mention[1] - 1] & CAN_SPEAK:
                    candidates[free] = candidates[free]._replace(mention=d.span(*mention), how="previous-sentence")
                    continue
                if framed:
                    link = framed[-1]
                elif prev_unit in self._free_in:
                    # '"First part. "Second part."' after a lost paragraph break: the quote
                    # before continues, whoever it is credited to.
                    link, how = self._free_in[prev_unit][-1], "continuation"
            elif self.previous_last is not None and candidates[self.previous_last].cue is not None:
                link = self.previous_last
            elif self.previous_last is None and self.previous_prose is not None:
                # 'Howard continued his remarks.' then a paragraph that is one quote.
                prev_unit = self.previous_prose
                mention = clause_subject(d, prev_unit, prev_unit.hi)
                if mention is not None and d.flags[head(d, mention)] & CAN_SPEAK:
                    candidates[free] = candidates[free]._replace(mention=d.span(*mention), how="previous-sentence")
                    continue
            if link is not None:
                candidates[free] = candidates[free]._replace(shares_speaker_with=link, how=how)
