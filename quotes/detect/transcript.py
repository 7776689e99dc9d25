"""Transcript turns: a speaker's words printed after a label and a colon, with no quote marks.

Receives: the article text, its paragraphs and the person names found in the prose. Hands on:
``Turn``s, one a paragraph: the words (a direct attribution: the article presents them as said),
the speaker mention and the conduit. Interviews and broadcast transcripts print them so:

    In an interview with the Courier, the club's new owner, Dan Ferris, talked about his plans.
    Courier: Why did you buy the club?          -> the Courier's question
    Ferris: I grew up two streets away.         -> Dan Ferris, via the Courier
    Q: And the manager?  /  A: He stays.        -> Q: the outlet; A: the person interviewed
    TAPPER: Senator, will you run?  /  SEN. JANE ROE (D-NY): Not this year.

The interviewer's questions: a named interviewer ("TAPPER:", "KATE BOULDUAN:") is a source like
any other, since the article presents the words as said by that person (GUIDE.md counts "ask";
PolNeAR credits such questions to the interviewer too). A "Q:" is the outlet's when the article
names the outlet the interview was given to, and otherwise the article's own voice, like its
narration: no attribution.

A label is a paragraph's opening run of capitalized name words (or "Q"/"A"), an aside in
brackets ("(D-NY)") allowed, then a colon; the words after it start a sentence and end one. A
label from ``section_labels.txt`` ("Analysis:", "Note:", "Price:") is never a speaker. One such
paragraph alone is a headline or a kicker far more often than a transcript ("Brexit: What
happens next", "Sanders: Clinton must win"), so the labelled paragraphs are read as turns only
when the article has at least two of them and they look like a conversation: a speaker who
speaks twice, a Q with an A, broadcast capitals ("TAPPER:"), or an interview or transcript
announced before the first one; a single labelled paragraph counts only after such an
announcement. (A list of candidates each followed by a verdict, "Sanders: Win in a walk.",
"Cruz: Hang on.", has no speaker twice and no announcement, so it stays prose.)
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple, Sequence

from ..lexicon import place_index, word_set

# The opening label: up to five capitalized words (name particles allowed between them), an
# optional aside in brackets, a colon and a space. Times ("10:42") and "Q&A:" never match.
LABEL = re.compile(
    r"(?P<label>[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|de|da|di|du|del|der|van|von|bin|al|la|le)){0,4})"
    r"(?: ?\((?P<aside>[^()\n]{1,30})\))? ?: +"
)
# The interview announced before the first turn ("In an interview with ...", "spoke to",
# "Partial transcript follows"). Read in the few paragraphs before it only.
ANNOUNCED = re.compile(
    r"\b(?:interview(?:s|ed)?|transcripts?|Q&A|questions|spoke (?:to|with)|talked (?:to|with)|sat down with|in conversation with)\b",
    re.IGNORECASE,
)
# The outlet the interview was given to: "an interview with the Courier", "told the Courier",
# "spoke to the Courier" (a person after these words is the one interviewed, not an outlet).
OUTLET = re.compile(
    r"\b(?:interview with|spoke to|spoke with|talked to|talked with|sat down with|told) (?P<outlet>(?:the )?[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,3})"
)
AFFILIATED = re.compile(r"\b(?:of|at|for|from|by|in) (?:the )?$")
# A paragraph that continues the last speaker's turn speaks in the first person ("Specifically,
# I've heard from ..."); the writer's own commentary between turns rarely does. (A writer who
# says "I" between two turns is read as the speaker: wrong, and rare in news.)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|we|we're|we’re|our|us)\b")
SENTENCE_END = frozenset(".?!…\"”’')—–-")
# Labels for the outlet's side of an interview; "INTERVIEWER:" is no one's name.
QUESTION_LABELS = frozenset(("q", "question", "interviewer", "reporter"))
ANSWER_LABELS = frozenset(("a", "answer"))
LOOK_BACK = 3  # paragraphs before the first turn searched for the announcement


class Turn(NamedTuple):
    """One paragraph of a transcript: a direct attribution."""

    paragraph: int
    content: tuple[int, int]
    mention: tuple[int, int] | None  # the label, or the person or outlet a Q/A stands for
    via: tuple[int, int] | None  # the outlet the interview was given to


class _Label(NamedTuple):
    paragraph: int
    label: tuple[int, int]
    content: tuple[int, int]
    role: str  # "q", "a" or "name"


def _headline_case(words: str) -> bool:
    """'Donald Trump Is Right, Say Police': most words capitalized, a headline after a kicker."""
    tokens = [w for w in words.split() if w[:1].isalpha()]
    return len(tokens) >= 3 and sum(w[0].isupper() for w in tokens) >= 0.7 * len(tokens)


def _label(text: str, p_index: int, start: int, end: int) -> _Label | None:
    """The paragraph's speaker label and words, when it opens with one."""
    stop = min(end, start + 80)
    if not ("A" <= text[start : start + 1] <= "Z") or text.find(":", start, stop) < 0:
        return None  # no capital to open a label, or no colon to close it: most paragraphs
    m = LABEL.match(text, start, stop)
    if m is None:
        return None
    label = m.group("label").rstrip(".")
    low = label.lower()
    if low in word_set("section_labels.txt") or low in place_index() or any(c.isdigit() for c in label):
        return None  # a page label, or a dateline ("NEW DELHI: The government said ...")
    c_start, c_end = m.end(), end
    while c_end > c_start and text[c_end - 1].isspace():
        c_end -= 1
    if c_end <= c_start or not (text[c_start].isupper() or text[c_start] in "([…—"):
        # No words, a sentence going on in lower case, a figure ("Clinton: 1,769." in a table of
        # results, "Price: £5") or a quote that the colon lead-in reads already.
        return None
    words = text[c_start:c_end]
    if text[c_end - 1] not in SENTENCE_END or _headline_case(words):
        return None  # a headline or a list item ("Price: £5"), not someone's sentence
    role = "q" if low in QUESTION_LABELS else "a" if low in ANSWER_LABELS else "name"
    return _Label(p_index, (m.start(), m.start() + len(label)), (c_start, c_end), role)


def _is_conversation(text: str, labels: Sequence[_Label], announced: bool) -> bool:
    """Do the labelled paragraphs read as a transcript (see the module's docstring)?"""
    if announced:
        return True
    if len(labels) < 2:
        return False
    roles = {lab.role for lab in labels}
    if {"q", "a"} <= roles:
        return True
    names = [text[slice(*lab.label)].lower() for lab in labels if lab.role == "name"]
    if len(set(names)) < len(names):
        return True  # someone speaks twice
    return all(len(text[slice(*lab.label)]) > 1 and text[slice(*lab.label)].isupper() for lab in labels)


def _words(text: str, span: tuple[int, int]) -> set[str]:
    return {w.strip(".").lower() for w in text[span[0] : span[1]].split()}


def _gave_interview(text: str, label: tuple[int, int], interviewee: tuple[int, int] | None, outlet_words: list[str]) -> bool:
    """Is the labelled speaker the one who gave the interview?"""
    if interviewee is not None:
        return bool(_words(text, label) & _words(text, interviewee))
    return bool(outlet_words) and not _words(text, label) <= set(outlet_words)


def _in_span(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def transcript_turns(text: str, paragraphs: Sequence[tuple[int, int]], names_of: Callable[[], Sequence[tuple[int, int]]]) -> dict[int, Turn]:
    """The article's transcript turns by paragraph index (none in most articles). ``names_of``
    gives the people named in the prose, asked for only when there is a transcript."""
    labels = [lab for i, (s, e) in enumerate(paragraphs) if "A" <= text[s : s + 1] <= "Z" and (lab := _label(text, i, s, e)) is not None]
    if not labels:
        return {}
    first = labels[0].paragraph
    lead_start = paragraphs[max(0, first - LOOK_BACK)][0]
    lead_end = paragraphs[first][0]
    # The announcement nearest the first turn: a headline above it ("Q&A: The ferry boss ...")
    # announces too, but the intro paragraph is the one that names who was interviewed.
    announcement = None
    for announcement in ANNOUNCED.finditer(text, lead_start, lead_end):
        pass
    if not _is_conversation(text, labels, announcement is not None):
        return {}
    interviewee, outlet = _interview(text, paragraphs, names_of(), announcement, first)
    outlet_words = text[slice(*outlet)].lower().removeprefix("the ").split() if outlet else []
    turns: dict[int, Turn] = {}
    for k, lab in enumerate(labels):
        if lab.role == "q":
            if outlet is not None:
                turns[lab.paragraph] = Turn(lab.paragraph, lab.content, outlet, None)
            continue  # the article's own question: no source
        mention = interviewee if lab.role == "a" else lab.label
        # The outlet conveys the words of the one it interviewed ("A:", "FERRIS:" for Dan Ferris),
        # not those of its own interviewer or of a clip played on air; with nobody named as
        # interviewed, of every speaker but the outlet ("Gazette:" for "the Harbour Gazette").
        via = outlet if lab.role == "a" or _gave_interview(text, lab.label, interviewee, outlet_words) else None
        turns[lab.paragraph] = Turn(lab.paragraph, lab.content, mention, via)
        # The turn runs on over the paragraphs up to the next label when they speak as its speaker.
        stop = labels[k + 1].paragraph if k + 1 < len(labels) else len(paragraphs)
        for p in range(lab.paragraph + 1, stop):
            s, e = paragraphs[p]
            if text[s] in "“\"‘'«([" or not FIRST_PERSON.search(text, s, e):
                break
            turns[p] = Turn(p, (s, e), mention, via)
    return turns


def _interview(
    text: str, paragraphs: Sequence[tuple[int, int]], names: Sequence[tuple[int, int]], announcement: re.Match | None, first: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Who was interviewed (the first person named in the announcing paragraph, else in the
    paragraph before the first turn) and the outlet it was given to ("an interview with the
    Courier"), as spans; either may be None."""
    if announcement is not None:
        p_start, p_end = next((s, e) for s, e in paragraphs[:first] if s <= announcement.start() < e)
    elif first > 0:
        p_start, p_end = paragraphs[first - 1]
    else:
        return None, None
    found = OUTLET.search(text, p_start, p_end)
    outlet = None
    # "spoke to the Valley Echo" names an outlet; "spoke to Tomas Berg" the person interviewed.
    if found is not None and (found.group("outlet").startswith("the ") or not _in_span(names, *found.span("outlet"))):
        outlet = found.span("outlet")
    people = [(s, e) for s, e in names if p_start <= s < p_end and (outlet is None or e <= outlet[0] or s >= outlet[1])]
    # "the chief executive of Northsea Ferries, Mara Lindqvist": a name after "of", "at", "for"
    # is where someone works (a company the name pass may take for a person), not who spoke.
    person = next((span for span in people if not AFFILIATED.search(text, max(p_start, span[0] - 8), span[0])), None)
    return person or (people[0] if people else None), outlet
