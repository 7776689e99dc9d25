"""Detection: quote spans, speech cues and the speaker mention at each cue.

Receives: the neutral ``Analysis`` (any engine). Hands on: a ``Detection``: ``Candidate``s in
text order, each a content span with its kind, cue, speaker mention and conduit, or a link to
the candidate whose speaker it shares; and the person names found in the prose. Resolution
(``quotes.resolve``) turns mentions into speakers.

The pipeline, one module a stage:

    doc      the engine's token arrays, with lower-case forms and flags per token
    furniture  where each paragraph's story words start: after a timestamp, a dateline or a
             section label; none in a byline, a credit line or a caption
    marks    the top-level quotes of each paragraph (a linear scanner)
    units    quote-aware sentences: a boundary inside a quote does not count
    cues     speech cues from the lexicon; where reported words end
    phrases  speaker noun phrases before and after a cue
    frames   each cue read as who / what / how (credits: according to, dashes, conduits;
             syntax: subject and complement from a parse, when there is one; acts: the
             object of "urged X to", "accused X of", "asked X whether")
    linking  frames and free quotes in text order, free quotes linked to a neighbour
    names    people named with a title anywhere in the prose (for resolution to join to)
"""
from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

from ..engines.base import Analysis
from .cues import cue_first_tokens
from .doc import Doc
from .frames import frames_in_unit
from .furniture import is_lone_stamp, story_starts
from .linking import Candidate, Linker, frame_paragraph
from .marks import Quote, mark_positions, paragraph_opens_with_quote, scan_quotes
from .names import NameSpans, titled_names
from .transcript import transcript_turns
from .units import units_of

__all__ = ["Candidate", "Detection", "NameSpans", "Quote", "detect", "scan_quotes"]


class Detection(NamedTuple):
    """What detection hands to resolution."""

    candidates: list[Candidate]  # in text order
    names: NameSpans  # person mentions in the prose, as character spans
    # Page furniture, as character spans in text order: a paragraph's timestamp, dateline or
    # label up to where its story starts, or a whole byline or credit line. No one's subject.
    furniture: tuple[tuple[int, int], ...] = ()


def _may_hold_cue(d: Doc, cue_first: list[int], start: int, end: int) -> bool:
    """Does a token that may start a cue lie in text[start:end]?"""
    at = bisect.bisect_left(cue_first, bisect.bisect_left(d.starts, start))
    return at < len(cue_first) and d.starts[cue_first[at]] < end


def _sentences(analysis: Analysis, starts: list[int], p_start: int, p_end: int, story: int) -> list[tuple[int, int]]:
    """The engine's sentences of one paragraph: use its cut rather than cutting again. Those
    of a furniture prefix (a timestamp, a dateline) are left out, or start where the story does."""
    lo = bisect.bisect_left(starts, p_start)
    hi = bisect.bisect_left(starts, p_end)
    if story == p_start:
        return [(s.start, min(s.end, p_end)) for s in analysis.sentences[lo:hi]]
    return [(max(s.start, story), min(s.end, p_end)) for s in analysis.sentences[lo:hi] if s.end > story]


def _without_furniture(names: NameSpans, furniture: list[tuple[int, int]]) -> NameSpans:
    """The names outside the page's furniture: "By Jane Smith" names no one in the story."""
    if not furniture:
        return names
    starts = [a for a, _ in furniture]

    def inside(span: tuple[int, int]) -> bool:
        at = bisect.bisect_right(starts, span[0]) - 1
        return at >= 0 and span[0] < furniture[at][1]

    return NameSpans(span for span in names if not inside(span))


def detect(analysis: Analysis) -> Detection:
    """Every attribution candidate in the article, in text order, and the names around them."""
    d = Doc(analysis)
    text, paragraphs = analysis.text, analysis.paragraphs
    stories = story_starts(text, paragraphs)
    furniture = [(p[0], story) for p, story in zip(paragraphs, stories) if story > p[0]]
    firsts = {s.first_token for s in analysis.sentences}
    firsts.update(bisect.bisect_left(d.starts, a) for _, a in furniture)  # a story opens a sentence
    cue_first = cue_first_tokens(d, firsts)
    marks = mark_positions(text)
    sentence_starts = [s.start for s in analysis.sentences]
    linker = Linker(d)
    # (The names are read before the quotes are marked only for an article with a transcript.)
    turns = transcript_turns(text, paragraphs, lambda: titled_names(d, analysis.entities))
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        story = stories[p_index]
        if story >= p_end:
            # A byline, a credit line, a caption: nothing to read, and quotes link across it;
            # a time alone parts a live page's entries, as a paragraph with no subject would.
            if is_lone_stamp(text, p_start, p_end):
                linker.quiet(lambda: [])
            continue
        turn = turns.get(p_index)
        if turn is not None:
            # A transcript turn is one direct attribution, like a paragraph in quote marks. The
            # speech it reports ("My agent says I need a rest") is still read as in any paragraph,
            # unlike words in quote marks: the paragraph reads as prose, and PolNeAR's annotators
            # credit such speech (19 of 20 items in its train transcripts), as they did before.
            linker.turn(p_index, turn.content, turn.mention, turn.via)
        m_lo, m_hi = bisect.bisect_left(marks, story), bisect.bisect_left(marks, p_end)
        quotes: list[Quote] = []
        if m_hi > m_lo:
            nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            next_opens = nxt is not None and paragraph_opens_with_quote(text, *nxt)
            quotes = scan_quotes(text, story, p_end, next_paragraph_opens=next_opens, marks=marks[m_lo:m_hi])
        sentences = functools.partial(_sentences, analysis, sentence_starts, p_start, p_end, story)
        if not quotes and not _may_hold_cue(d, cue_first, story, p_end):
            # Most paragraphs quote nobody: with no quote and no word a cue starts with, no
            # frame can be read. The next paragraph may still need the last sentence's subject.
            linker.quiet(lambda story=story, p_end=p_end, sentences=sentences: units_of(d, story, p_end, (), sentences()))
            continue
        units = units_of(d, story, p_end, quotes, sentences())
        framed, claimed = frame_paragraph(d, units, lambda unit: frames_in_unit(d, unit, cue_first), newsroom=turn is None)
        linker.paragraph(p_index, story, units, quotes, framed, claimed)
    return Detection(linker.candidates, _without_furniture(titled_names(d, analysis.entities), furniture), tuple(furniture))
