"""Frames: each speech cue of a unit read as who (the mention), what (the content), how (the cue).

Receives: a ``Doc`` and one ``Unit`` with its cues. Hands on: ``Frame``s in cue order. The
construction families, in the order ``read_frame`` tries them:

- who speaks: the parse's subject, else the phrase before the cue (subject-first, "X said"),
  or after it when inverted ('"...," said X'); a participle after a comma shares the subject;
- trailing credits: '"...," he said.' and '..., officials said.' credit what came before;
- lead-ins and colons: 'He said: "..."', 'said, "..."';
- reported clauses: the parse's complement, "said (that) ...", "vowed to ...";
- object quotes: verbs whose noun-phrase object holds quoted words ('hailing the "heroes"').

"According to" and dash credits are in ``credits``.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from ..lexicon import SpeechVerb, place_index
from . import syntax
from .acts import act_word_at, modifier_act_end
from .credits import Frame, aside_via, dash_credit, find_that, leading_via, occasion_via, opening_quote, read_according_to, trailing_via, via_span
from .cues import Cue, content_end, cues_in, looks_like_clause, noun_then_verb, tail_is_adverbial
from .doc import Doc
from .marks import is_title, quote_inner, trim
from .phrases import authorless_document, described_start, object_of_verb, skip_adverbials, skip_back, subject_after, subject_before
from .units import Unit, closes_quote, quote_at, quotes_within
from .words import (
    ADJECTIVE_NAMES,
    ADVERB,
    CAN_SPEAK,
    CAP,
    DASHES,
    DETERMINERS,
    FINITE,
    NP,
    OPENING_MARKS,
    PARTICIPLE_SUFFIX,
    PROMISE_VERBS,
    PRONOUNS,
    RELATIVES,
    SUBJECT_PRONOUNS,
    speaker_nouns,
)


def frames_in_unit(d: Doc, unit: Unit, cue_first: Sequence[int]) -> list[Frame]:
    """Read every speech cue of one quote-aware sentence as a frame."""
    cues = cues_in(d, unit, cue_first)
    if not cues and not unit.quotes:
        return []  # no cue and no quote to credit: most sentences of a paragraph
    cue_starts = [c[0] for c in cues]
    frames: list[Frame] = []
    credit = dash_credit(d, unit)
    if credit is not None:
        frames.append(credit)
    consumed: set[int] = set()
    for first, last, verb in cues:
        if first in consumed:
            continue
        # A trailing credit reaches back no further than the previous cue of its sentence:
        # "A, X said, and B, Y said" credits B to Y, not A and B (and N cues stay linear).
        floor = _floor(d, unit, frames) if frames else unit.start
        frame = read_frame(d, unit, (first, last, verb), cue_starts, floor=floor)
        if frame is None or (frame.verb.act and frames and _act_inside(d, frame, frames)):
            continue
        if frame.via is not None:
            # The "according to" that named the conduit is not a frame of its own.
            for at in range(bisect.bisect_right(cue_starts, last), len(cue_starts)):
                c = cue_starts[at]
                if d.starts[c] >= frame.via[1]:
                    break  # cue_starts is in order: no later cue can overlap the conduit
                if d.ends[c] > frame.via[0] - 15:
                    consumed.add(c)
        if frame.verb.act and frame.quote is None:
            consumed.update(_act_consumes(d, unit, frame))
        frames.append(frame)
    if len(frames) > 1 and any(_modifies_noun(d, f) for f in frames):
        # ... and one inside the words a later trailing cue credits ("The mayor's letter
        # urging voters to stay home was "a disgrace," Ann Roe said").
        frames = [f for f in frames if not (_modifies_noun(d, f) and _act_inside(d, f, [g for g in frames if g is not f]))]
    return frames


def _modifies_noun(d: Doc, frame: Frame) -> bool:
    """An act in -ing right after its noun, with no comma ("letters accusing X of ..."): a
    modifier of the noun, no clause of its own."""
    return bool(frame.verb.act) and frame.mention is not None and frame.mention[1] == frame.cue_first and d.low[frame.cue_first].endswith("ing")


def _act_inside(d: Doc, frame: Frame, frames: Sequence[Frame]) -> bool:
    """'She says his tweets accusing Ann Roe of lying are "false"': an act in -ing inside the
    words another cue of the sentence reports describes something in them (its content would
    run on past the clause's verb and swallow the reported words)."""
    if not frame.verb.act or not d.low[frame.cue_first].endswith("ing"):
        return False
    at = d.starts[frame.cue_first]
    return any(f.content[0] <= at < f.content[1] for f in frames)


def _act_consumes(d: Doc, unit: Unit, frame: Frame) -> tuple[int, ...]:
    """'criticised the government for claiming ...', 'accused him of saying ...': the claim
    is the object's, reported by the act's speaker; the participle after the act word reads
    no frame of its own (it would credit the act's speaker with it)."""
    k = bisect.bisect_left(d.starts, frame.content[0], unit.lo, unit.hi)
    j = act_word_at(d, unit, k, frame.verb)
    return (j + 1,) if j is not None and d.low[j] == frame.verb.act else ()


def _floor(d: Doc, unit: Unit, frames: Sequence[Frame]) -> int:
    """Where a trailing credit's words may start: after the previous frame of the sentence,
    but not after an act in a relative clause, which sits inside the words credited ("Her
    relatives, who asked police to show them the video, saw it, lawyers said")."""
    for frame in reversed(frames):
        relative = frame.mention is not None and d.low[frame.mention[0]] in RELATIVES
        # (nor after an act that modifies a noun, inside the words credited too: "The mayor's
        # letter urging voters to stay home was "a disgrace," Ann Roe said")
        if not (frame.verb.act and frame.quote is None and (relative or _modifies_noun(d, frame))):
            return frame_end(d, frame)
    return unit.start


def frame_end(d: Doc, frame: Frame) -> int:
    """Where a frame's cue and its speaker end ("according to Smith" ends after Smith)."""
    end = d.ends[frame.cue_last]
    if frame.mention is not None:
        end = max(end, d.ends[frame.mention[1] - 1])
    return end


class _Who:
    """Who speaks through one cue, and where the words after the speaker start."""

    __slots__ = ("mention", "inherit", "inverted", "after", "participle", "comma_before")

    def __init__(self, mention, inherit, inverted, after, participle, comma_before) -> None:
        self.mention, self.inherit, self.inverted = mention, inherit, inverted
        self.after, self.participle, self.comma_before = after, participle, comma_before


# Prepositions before a participle cue: "hit back by saying", "criticised X for claiming".
PARTICIPLE_LEADS = frozenset("by for after before while when in without".split())


def _who(d: Doc, unit: Unit, first: int, last: int, verb: SpeechVerb) -> _Who | None:
    """The speaker of a cue: the parse's subject, the phrase before, or (inverted) after it."""
    words, lo = d.words, unit.lo
    after, before = last + 1, first - 1
    inherit = inverted = False
    participle = d.low[first].endswith(PARTICIPLE_SUFFIX)
    comma_before = first > lo and words[max(skip_back(d, before, lo, unit.hi), lo)] == ","
    verb_token = last if verb.lemma == "statement" else first
    mention = syntax.subject_of(d, unit, verb_token) if unit.parsed else None
    if mention is not None and mention[0] > last:
        inverted, after = True, mention[1]
    elif mention is None:
        # ", arguing that ...": a participle after a comma shares the clause's subject; the
        # words before the comma are no apposition ("in Tulsa, Oklahoma, arguing").
        if not (participle and comma_before):
            mention = subject_before(d, unit, first)
    prev = skip_back(d, before, lo, unit.hi)
    prev_text = words[prev] if prev >= lo else ""
    dropped = participle and mention is not None and (
        not d.flags[mention[1] - 1] & CAN_SPEAK or object_of_verb(d, unit, mention[0]) or authorless_document(d, unit, mention)
    )
    if dropped:
        # "started the debate saying ...", "issued a statement calling ...": the object does
        # not speak; "unleashed a series of tweets saying ...": words nobody owns in the
        # phrase are the clause subject's. The participle shares the clause's subject.
        mention = None
    if mention is None:
        if participle and (dropped or prev >= lo and (prev_text == "," or prev_text in DASHES or closes_quote(d, unit, prev) or d.low[prev] in PARTICIPLE_LEADS)):
            inherit = True  # ", saying ...", "- saying ...", "by saying ..." share the sentence's subject
        elif prev >= lo and (prev_text == "," or closes_quote(d, unit, prev) or prev_text in DASHES):
            mention = subject_after(d, unit, after, unit.hi)
            if mention is not None and mention[1] < unit.hi and d.flags[mention[1]] & FINITE:
                mention = None  # "Some, such as Ann Bell, said they would ...": a clause, not "said X"
            if mention is not None:
                inverted = True
                after = mention[1]
            elif prev_text == ",":
                inherit = True
        elif prev >= lo and d.low[prev] in ("and", "but", "or"):
            inherit = True  # "claimed ... and vowed that ..."
        elif prev < lo:
            mention = subject_after(d, unit, after, unit.hi)  # "Said Smith: ..."
            inverted = mention is not None
            after = mention[1] if mention else after
        if mention is None and not inherit:
            return None
    return _Who(mention, inherit, inverted, after, participle, comma_before)


# Verbs that give something a name: with a quoted title after them, they quote nobody.
NAMING_VERBS = frozenset("call calls called calling dub dubs dubbed dubbing label labels labelled labeled labelling labeling brand brands branded branding".split())


def _nickname(d: Doc, unit: Unit, verb: int, inner: Sequence) -> bool:
    """'fans call him "The New Maradona"', 'dubbed the plan "Fast Track"': a title given right
    after a naming verb and its object is a name, not quoted words."""
    if len(inner) != 1 or d.low[verb] not in NAMING_VERBS or not is_title(d.text, inner[0]):
        return False
    mark = bisect.bisect_left(d.starts, inner[0].start, unit.lo, unit.hi)
    return mark - verb <= 4 and "," not in d.words[verb:mark]


def _passive(d: Doc, unit: Unit, first: int) -> bool:
    """'whose attendance was announced', 'they were told', 'is said to': a form of "be" before
    a past participle makes the subject what was spoken of or to, not who spoke ("was saying"
    is no passive)."""
    if d.low[first].endswith(PARTICIPLE_SUFFIX):
        return False
    j = first - 1
    while j >= unit.lo and d.flags[j] & ADVERB:
        j -= 1  # "was publicly announced"
    if d.low[first] in PAST_PARTICIPLES:
        # "The book, written in 2004, says", "a letter written by the mayor": without "has"
        # or "had" before it, a participle describes a thing.
        return not (j >= unit.lo and d.low[j] in ("has", "have", "had", "having"))
    return j >= unit.lo and d.low[j] in BE_FORMS


# Speech verbs' past participles that are no past tense ("wrote" is one, "written" is not).
PAST_PARTICIPLES = frozenset(("written", "spoken", "sworn", "sung", "shown"))


BE_FORMS = frozenset("is are was were be been being am 's".split())


def listener_end(d: Doc, k: int, n: int) -> int:
    """Where the hearer after "told" ends: one noun phrase. "told the BBC he was happy", "told
    MPs a new paper was ready", "told Newsnight the government had ...": a subject pronoun or a
    second determiner starts the reported clause (a name's "of" stays inside: "the House of
    Commons")."""
    low, flags = d.low, d.flags
    j = k
    if j < n and low[j] in DETERMINERS:
        j += 1
    while j < n and low[j] not in SUBJECT_PRONOUNS and low[j] not in DETERMINERS and low[j] != "that":
        if flags[j] & NP or (low[j] == "of" and j > k and flags[j - 1] & CAP and j + 1 < n and flags[j + 1] & CAP):
            j += 1
        else:
            break
    return j


def _noun_not_verb(d: Doc, unit: Unit, first: int, verb: SpeechVerb, who: _Who) -> bool:
    """'notes', 'reports', 'claims' are plural nouns as often as verbs: as verbs they need a
    subject that can speak ("The Post reports", "she notes"), not "weapons and notes". A
    two-word cue's first word is the one to test ("made additional appeals to voters to ...")."""
    if not d.low[first].endswith("s") or verb.lemma in ("say", "tell", "statement") or who.inverted:
        return False
    top = who.mention[1] - 1 if who.mention and not who.inherit else None
    if top is not None and described_start(d, unit, top, unit.lo) == who.mention[0]:
        return False  # "A person familiar with the plan claims": the noun before the modifier speaks
    if top is None or not (d.flags[top] & CAP or d.low[top] in PRONOUNS or d.low[top] in speaker_nouns()):
        return True
    # "Republican claims", "Russian reports": adjectives before a noun
    return d.low[top] in ADJECTIVE_NAMES or place_index().get(d.low[top], ("", ""))[1] == "demonym"


def read_frame(d: Doc, unit: Unit, cue: Cue, cue_starts: Sequence[int], *, floor: int) -> Frame | None:
    """One cue as a frame, or None when the words around it report nothing."""
    first, last, verb = cue
    if verb.lemma == "according to":
        return read_according_to(d, unit, first, last, verb, cue_starts, floor=floor)
    if _passive(d, unit, first):
        return None
    if verb.act and last + 1 < unit.hi and d.low[last + 1] == verb.act:
        # "Labour accused of 'propaganda'", "a driver urged to slow down": an act's word right
        # after it, with no object between, is a passive without its "be" (headlines, reduced
        # relatives): the subject is spoken to or of.
        return None
    who = _who(d, unit, first, last, verb)
    if who is None or _noun_not_verb(d, unit, first, verb, who):
        return None
    n = unit.hi
    via = None
    k = who.after
    act = act_word_at(d, unit, skip_adverbials(d, k, n), verb) if verb.act and not who.inverted else None
    if verb.lemma == "tell" and not who.inverted:
        # "told Yonhap that ...", "told reporters on Monday that ...": the hearer, maybe an outlet.
        via = via_span(d, unit, k, n)
        k = listener_end(d, k, n)
    if via is None and who.mention is not None and not who.inverted:
        # "In a statement to Newsnight, X said"; "The book, serialised in the Guardian, says"
        via = leading_via(d, unit, who.mention[0]) or aside_via(d, unit, who.mention[1], first)
    via = via or occasion_via(d, unit, k, n)  # "said on Fox News Sunday", "wrote in the Times"
    k = skip_adverbials(d, k, n)
    if k + 1 < n and d.low[k] == "to" and verb.lemma not in PROMISE_VERBS:
        # "admitted to jurors he was willing", "explained to the court that ...": a hearer
        # before the reported clause.
        j = listener_end(d, k + 1, n)
        if j > k + 1 and d.flags[j - 1] & CAN_SPEAK and (j < n and d.low[j] == "that" or looks_like_clause(d, j, n)):
            via = via or via_span(d, unit, k + 1, n)
            k = j
    trailing = _trailing(d, unit, cue, who, via, k, floor)
    if trailing is not None:
        return trailing or None
    if act is not None:
        return _act(d, unit, cue, who, via, skip_adverbials(d, who.after, n), cue_starts)
    lead_in = _lead_in(d, unit, cue, who, via, k)
    if lead_in is not None:
        return lead_in or None
    return _reported(d, unit, cue, who, via, k, cue_starts)


def _trailing(d: Doc, unit: Unit, cue: Cue, who: _Who, via, k: int, floor: int) -> Frame | bool | None:
    """A trailing cue credits what came before it: '"...," he said.' / '..., officials said.'

    None when the cue does not trail; False when it trails but credits nothing."""
    first, last, verb = cue
    mention = who.mention
    mention_start = mention[0] if mention and not who.inverted else first
    lead = mention_start - 1
    credits_before = lead >= unit.lo and (d.words[lead] == "," or closes_quote(d, unit, lead) or d.words[lead] in DASHES)
    if not credits_before or who.inherit:
        return None
    content_end = d.starts[lead] if d.words[lead] == "," else d.ends[lead]
    # '"...," Merkel told reporters after the meeting that ...': an opening quote is what the
    # cue right after it credits, whatever follows.
    opening = opening_quote(d, unit, content_end, lead)
    if opening is None and not tail_is_adverbial(d, k, unit.hi):
        return None
    via = via or trailing_via(d, unit, k)
    if opening is not None:
        return Frame(first, last, verb, mention, quote_inner(d.text, opening), via, opening)
    begin = max(d.starts[unit.lo], floor)
    if begin >= content_end:
        return False
    start, end = trim(d.text, begin, content_end)
    if end <= start or verb.np_object:
        return False
    return Frame(first, last, verb, mention, (start, end), via, None)


def _lead_in(d: Doc, unit: Unit, cue: Cue, who: _Who, via, k: int) -> Frame | bool | None:
    """A lead-in: 'He said: "..."', 'said, "..."', 'said "...'. None when there is none;
    False when a cue that only trails ("added to the list") has no lead-in or "that"."""
    first, last, verb = cue
    words, n = d.words, unit.hi
    lead_in = k + 1 < n and words[k] in (":", ",") and words[k + 1] in OPENING_MARKS and quote_at(unit, d.starts[k + 1]) is not None
    # (an inflected form only: "state media claimed" holds the noun "state")
    clause = d.low[last] != verb.lemma and noun_then_verb(d, k, n)
    if verb.trailing_only and not lead_in and not (k < n and d.low[k] == "that" and not d.quoted[k]) and not clause:
        return False  # "added to the list" is no speech, "added that ...", "added sales rose" are
    j = k
    if j < n and words[j] in (":", ","):
        j += 1
    if j < n and words[j] in OPENING_MARKS:
        quote = quote_at(unit, d.starts[j])
        if quote is not None:
            return Frame(first, last, verb, who.mention, quote_inner(d.text, quote), via, quote, who.inherit)
    return None


def _reported(d: Doc, unit: Unit, cue: Cue, who: _Who, via, k: int, cue_starts: Sequence[int]) -> Frame | None:
    """Reported words after the cue: a clause, a promise's infinitive, or quoted words in its object."""
    first, last, verb = cue
    text, n = d.text, unit.hi
    mention, inherit = who.mention, who.inherit
    # With a parse, the verb's clausal complement is what was said.
    verb_token = last if verb.lemma == "statement" else first
    complement = syntax.complement_of(d, unit, verb_token) if unit.parsed else None
    if complement is not None and complement[0] > last and not verb.np_object:
        start, stop = trim(text, d.starts[complement[0]], d.ends[complement[1] - 1])
        if stop > start:
            that = find_that(d, unit, k, n)
            return Frame(first, last, verb, mention, (start, stop), via or (that[1] if that else None), None, inherit)
    # A reported clause: "said (on Monday) (in a statement to Y) that ...", "said a monument will".
    that = find_that(d, unit, k, n)
    if that is not None:
        k, via = that[0], that[1] or via
    elif verb.lemma in PROMISE_VERBS and k + 1 < n and d.low[k] == "to" and not d.quoted[k] and not (who.participle and not who.comma_before):
        pass  # "vowed to build a wall": the promise is the content
    elif verb.np_object or not looks_like_clause(d, k, n):
        return _object_quotes(d, unit, cue, who, via, k, cue_starts)
    if k >= n:
        return None
    end = content_end(d, unit, cue_starts, k, unit.end)
    start, stop = trim(text, d.starts[k], end)
    if stop <= start:
        return None
    if verb.np_object and not quotes_within(unit, start, stop + 1):
        return None
    return Frame(first, last, verb, mention, (start, stop), via, None, inherit)


def _act(d: Doc, unit: Unit, cue: Cue, who: _Who, via, k: int, cue_starts: Sequence[int]) -> Frame | None:
    """A directive or evaluative act: "urged residents to stay indoors", "accused the firm of
    lying". The object and what follows it are the content (see ``acts``)."""
    first, last, verb = cue
    end = content_end(d, unit, cue_starts, k, unit.end)
    if who.participle and not who.comma_before and who.mention is not None and who.mention[1] == first:
        # "Trump's tweets accusing the judge of bias are "lies"": the act modifies the noun;
        # its words end at the noun phrase's own verb.
        verb_at = modifier_act_end(d, unit, k)
        end = min(end, d.starts[verb_at]) if verb_at is not None else end
    if who.mention is not None and d.low[who.mention[0]] in RELATIVES:
        # "Ann Roe, who accused the firm of lying, may run": a relative clause ends at its comma.
        comma = next((j for j in range(k, unit.hi) if d.words[j] == "," and not d.quoted[j]), unit.hi)
        end = min(end, d.starts[comma]) if comma < unit.hi else end
    start, stop = trim(d.text, d.starts[k], end)
    if stop <= start:
        return None
    mention, inherit = who.mention, who.inherit
    if who.participle and mention is not None and mention[0] > unit.lo and d.low[mention[0] - 1] == "to":
        # "sent a letter to the board asking them to ...": the addressee asks nothing; the
        # participle shares the clause's subject.
        mention, inherit = None, True
    return Frame(first, last, verb, mention, (start, stop), via, None, inherit)


def _object_quotes(d: Doc, unit: Unit, cue: Cue, who: _Who, via, k: int, cue_starts: Sequence[int]) -> Frame | None:
    """Quoted words in the object: 'hailing the "excellent soldiers" for their "heroic feats"'."""
    first, last, verb = cue
    end = content_end(d, unit, cue_starts, k, unit.end)
    next_cue = bisect.bisect_right(cue_starts, last)  # cue_starts is in order
    if next_cue < len(cue_starts):
        end = min(end, d.starts[cue_starts[next_cue]])
    inner = quotes_within(unit, d.starts[k] if k < unit.hi else unit.end, end)
    if not inner or _nickname(d, unit, last, inner):
        return None
    start = inner[0].inner_start
    stop = inner[-1].inner_end
    return Frame(first, last, verb, who.mention, trim(d.text, start, stop), via, inner[0] if len(inner) == 1 else None, who.inherit)
