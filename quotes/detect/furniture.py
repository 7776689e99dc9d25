"""Page furniture: the words a news page adds around a story, which nobody in it said.

Receives: the article's text and its paragraphs. Hands on: for each paragraph, where its story
words begin: after a live-blog timestamp ("10:42", "Posted at 14:05", "Updated 3 hours ago"), a
dateline ("LONDON, Nov 29 (Reuters) -", "WASHINGTON (AP) —", "Kyiv, Ukraine —") or a section
label ("Q&A:", "Analysis:", "Live:"); or its end, for a paragraph that is furniture through and
through: a byline ("By Jane Smith, BBC News"), a credit line ("(Reporting by Anna Kell; Editing
by Mark Ross)", "... contributed to this report."), an update or correction note, a photo credit
or caption line, a "Read more:" link. Detection reads only the story words, so none of these
opens a reported clause, names a speaker or a conduit ("(Reuters)" in a dateline is the wire that
filed the story, not the source of its first sentence), or holds a name a later "the minister
said" could be taken for.

A paragraph costs a look at its first characters and two or three anchored patterns, compiled
once: no work per token.
What it gets wrong: a story whose first words are an acronym and a dash ("NATO — the alliance
— said") reads the acronym as a dateline; a byline with no "By" ("Jane Smith, Political
Correspondent") is read as prose.
"""
from __future__ import annotations

import functools
from typing import Sequence

import regex

from ..lexicon import word_set

# A clock time, with the forms live pages and wires write: "10:42", "10.42am", "9.05 p.m.",
# "1042 GMT" (the four-digit form only with a zone, else it is a year or a number).
_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|PDT|PT|IST|JST|AEST|AEDT|local\s+time)"
_CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE})?"
    rf"|(?:[01]\d|2[0-3])[0-5]\d\s*{_ZONE}"
    r"|\d{1,2}\s*[ap]\.?m\.?(?:\s*" + _ZONE + r")?)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_AGO = r"\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago"
# Where the story words start: a capital, a digit or a quote mark (a time before a lower-case
# word is a sentence's own: "10.30 was the hour the polls closed" is no timestamp).
_STORY = r"(?=[\p{Lu}\d\"“‘'(])"
_SEPARATOR = r"(?:\s*(?:--|[-–—|:•])\s*|\s+)"

# A live-blog entry's time, alone or after "Updated", "Posted at", "Last updated".
TIMESTAMP = (
    rf"\s*(?:(?:Last\s+)?(?:[Uu]pdated|[Pp]osted|[Pp]ublished)(?:\s+(?:at|on))?\s*:?\s*)?"
    rf"(?:{_CLOCK}|{_AGO}|{_DATE},?\s+{_CLOCK})(?=\s|[-–—|:•]){_SEPARATOR}{_STORY}"
    rf"|\s*(?:Last\s+)?(?:[Uu]pdated|[Pp]osted|[Pp]ublished)(?:\s+on)?\s*:?\s*{_DATE}(?=\s|[-–—|:•]){_SEPARATOR}{_STORY}"
)

# A time on a line of its own ("10:42", "Published 3 hours ago").
LONE_STAMP = regex.compile(
    rf"\s*(?:(?:Last\s+)?(?:[Uu]pdated|[Pp]osted|[Pp]ublished)(?:\s+(?:at|on))?\s*:?\s*)?(?:{_CLOCK}|{_AGO}|{_DATE}(?:,?\s+{_CLOCK})?)\s*$"
)

# A dateline: a place in capitals ("WASHINGTON", "ST. LOUIS, Mo.", "LONDON, Nov 29"), or in
# title case with a region or the wire after it ("Kyiv, Ukraine —", "Paris (AFP) -"), then a
# dash; or the wire alone ("(CNN) --", "(Reuters) -"). A hyphen counts as a dash only after a
# space ("AFL-CIO", "AP-GfK poll" open no story).
_CAPS_PLACE = r"\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3}"
_TITLE_WORDS = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}"
_WIRE = r"\(\s*\p{Lu}[\p{L}.&/ ]{0,24}\)"  # no hyphen: "(R-Ohio)" is a senator's party
_DASH = r"(?:\s*(?:--|[–—])|\s+-)\s*"
DATELINE = (
    rf"\s*(?:"
    rf"{_CAPS_PLACE}(?:,\s*{_TITLE_WORDS})?(?:,\s*{_DATE})?(?:\s*{_WIRE})?{_DASH}"
    rf"|{_TITLE_WORDS}(?:,\s*{_TITLE_WORDS}(?:\s*{_WIRE})?|\s*{_WIRE}){_DASH}"
    rf"|{_WIRE}(?:{_DASH})?"
    rf"){_STORY}"
)
# South Asian papers end a dateline in capitals with a colon ("NEW DELHI:"). So do a headline
# that quotes someone ("TRUMP: I will win") and a transcript's turns ("BLITZER: Welcome
# back"): this form is read only in a paragraph of a story's length, not followed by another
# such turn, and of four letters or more ("AP: Trump chair ..." credits the wire).
COLON_DATELINE = regex.compile(rf"\s*(?=[\p{{Lu}}.'’ -]{{4}}){_CAPS_PLACE}\s*:\s+{_STORY}")
COLON_DATELINE_WORDS = 20  # fewer words than this: a headline
# How many of the story's first paragraphs may hold a dateline (a headline and a standfirst may
# come first; bylines and times on their own do not count).
DATELINE_REACH = 3


# Paragraphs that are furniture whole. Credit lines: "(Reporting by ...; Editing by ...)",
# "Additional reporting by ...", "Writing by ...".
CREDIT_LINE = r"\s*\(?\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|research|compiled|produced|translated|graphics)\s+by\b"
# "Associated Press writer Sam Ito contributed to this report.", "Jo Roe contributed reporting."
CONTRIBUTED = regex.compile(r"(?i)\bcontributed(?:\s+\w+){0,2}\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b[^.]{0,60}\.?\s*\)?\s*$")
# Notes on the story itself: "This story has been updated.", "An earlier version of this article
# misstated ...", "Correction: ...".
NOTE = (
    r"\s*(?:\(?this\s+(?:story|article|report|piece|post)\s+(?:has\s+been|was|is\s+being|will\s+be)\s+(?:updated|amended|corrected|edited|changed)"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:story|article|report|piece)|(?:correction|clarification)\s*:)"
)
# Photo credits and captions: "(Photo: Getty Images)", "Image source, Reuters", "Image caption,
# ...", "(AP Photo/Evan Vucci)"; and links to other stories: "Read more: ...", "Related: ...".
CAPTION = (
    r"\s*\(?\s*(?:(?:photo|photograph|picture|image|video|graphic)s?\s*:|(?:photo|image|picture|video|media)\s+(?:source|caption|credit)s?\s*[:,]"
    r"|\p{Lu}+\s+photo\s*/|caption\s*:|credit\s*:|(?:read\s+more|related|see\s+also|also\s+read|more\s+on\s+this\s+story)\s*:)"
)
# "By Jane Smith, BBC News", "By JANE ROE and TOM LEE | Updated 3 hours ago": "By" and a
# capital, then no word in lower case but these.
BYLINE = regex.compile(r"\s*By\s+\p{Lu}")
# "BYLINE: Amber Phillips.", "Byline: ...": a byline that says so.
BYLINE_LABEL = r"\s*by(?:line)?\s*:"
_BYLINE_WORDS = frozenset("and in at of for the de van von der da di le la with news agencies agency staff writer writers correspondent correspondents reporter reporters editor updated ago hours minutes mins".split())
# All of them but the byline and "contributed", as one pattern (one call a paragraph; the forms
# above are its pieces, written apart to be read).
WHOLE = regex.compile("(?i)" + "|".join(f"(?:{form})" for form in (CREDIT_LINE, NOTE, CAPTION, BYLINE_LABEL)))
BYLINE_LENGTH = 16  # words: a byline is short
CREDIT_LENGTH = 300  # characters: a longer paragraph that ends so is a story's, credit and all


@functools.cache
def _label_pattern() -> str:
    """A section label and its colon ("Q&A:", "Live updates:"): section_labels.txt."""
    labels = sorted((r"\s+".join(map(regex.escape, line.split())) for line in word_set("section_labels.txt")), key=len, reverse=True)
    return rf"\s*(?i:{'|'.join(labels)})\s*[:|]\s*{_STORY}"


@functools.cache
def _label_words() -> int:
    """The most words a section label has (any number, should one hold a colon or a bar)."""
    labels = word_set("section_labels.txt")
    if any(":" in label or "|" in label for label in labels):
        return 1 << 30
    return max(len(label.split()) for label in labels)


@functools.cache
def _label() -> regex.Pattern:
    return regex.compile(_label_pattern())


@functools.cache
def _prefix() -> regex.Pattern:
    """A timestamp, a label or a dateline (group "dateline", which only the story's first
    paragraphs may hold): one pattern, compiled on first use, one call a paragraph."""
    return regex.compile(f"(?:{TIMESTAMP})|(?:{_label_pattern()})|(?P<dateline>{DATELINE})")


def _is_byline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a byline: "By", then names, outlets and the odd connector only?"""
    if not BYLINE.match(text, start, end):
        return False
    words = text[start:end].split()
    if len(words) > BYLINE_LENGTH or text[end - 1] in ".?!\"”":
        return False
    return all(not w[:1].islower() or w.strip(",;|").lower() in _BYLINE_WORDS for w in words[1:])


def whole_furniture(text: str, start: int, end: int) -> bool:
    """Is the paragraph text[start:end] furniture through and through (no story words)?"""
    return bool(
        _may_open_whole(text, start, end) and WHOLE.match(text, start, end)
        or (text.startswith("By", start) and _is_byline(text, start, end))
        or (end - start <= CREDIT_LENGTH and text.find("ontributed", start, end) >= 0 and CONTRIBUTED.search(text, start, end))
    )


def _may_open_whole(text: str, start: int, end: int) -> bool:
    """A look at the paragraph's first characters before ``WHOLE``: each of its forms opens
    with a space, a bracket or the start of one of its words ("Reporting by", "This story",
    "Photo:", "By"), but for "AP Photo/...", which has its slash. (Characters outside ASCII
    go to the pattern: its case-insensitive match may fold them.)"""
    head = text[start : start + 4]
    return not head.isascii() or head[:1].isspace() or head[:1] == "(" or head.lower().startswith(_WHOLE_OPENINGS) or text.find("/", start, end) >= 0


# The first letters (four at most) of each word a WHOLE form may open with.
_WHOLE_OPENINGS = (
    "addi", "furt", "repo", "writ", "edit", "rese", "comp", "prod", "tran", "grap",  # credit lines
    "this", "an", "corr", "clar",  # notes
    "phot", "pict", "imag", "vide", "medi", "capt", "cred", "read", "rela", "see", "also", "more",  # captions, links
    "by",  # "Byline:"
)


def _may_open_furniture(text: str, start: int, end: int, dateline: bool) -> bool:
    """A cheap look at the paragraph's first characters, before any pattern: a timestamp opens
    with a digit, a lead word or a month, a dateline with a word in capitals or a comma, bracket
    or dash soon after, a label with a colon or bar after it. A dateline counts only in the
    story's first paragraphs; past them a paragraph needs a timestamp's opening or a colon or
    bar within a label's few words, which most paragraphs lack."""
    if not dateline:
        first = text[start : start + 1]
        if not (first.isdigit() or first.isspace() or text.startswith(_STAMP_OPENINGS, start)):
            # Past the first paragraphs, with no timestamp's opening: a label, whose colon or
            # bar (the first in the paragraph: no label holds one) ends its few words.
            colon, bar = text.find(":", start, end), text.find("|", start, end)
            stop = bar if colon < 0 or 0 <= bar < colon else colon
            if stop < 0 or len(text[start:stop].split(maxsplit=_label_words())) > _label_words():
                return False
    head = text[start : start + 60]
    return head[:1].isdigit() or head[1:2].isupper() or any(mark in head for mark in _OPENING_MARKS) or head.startswith(_STAMP_WORDS)


_OPENING_MARKS = (":", "|", "(", ",", "—", "–", " -")
_STAMP_WORDS = ("Updated", "updated", "Posted", "posted", "Published", "published", "Last")
# A timestamp's first word: a lead word, or a date's month ("Nov 29, 10:42").
_STAMP_OPENINGS = _STAMP_WORDS + ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _prefix_end(text: str, start: int, end: int, dateline: bool) -> int:
    """Where the story words start after the paragraph's timestamp, dateline or label (each
    may follow the one before: "Updated 10:42 Live: ...")."""
    at = start
    prefix = _prefix()
    for _ in range(3):
        if not _may_open_furniture(text, at, end, dateline):
            break
        found = prefix.match(text, at, end)
        if found is None or found.end() >= end or (not dateline and found.group("dateline") is not None):
            break
        at = found.end()
    return at


def _colon_dateline_end(text: str, paragraphs: Sequence[tuple[int, int]], index: int) -> int | None:
    """Where a dateline such as "NEW DELHI:" ends in paragraph ``index``, if it has one."""
    start, end = paragraphs[index]
    found = COLON_DATELINE.match(text, start, end)
    if found is None or len(text[found.end() : end].split()) < COLON_DATELINE_WORDS:
        return None
    if index + 1 < len(paragraphs) and _CAPS_COLON.match(text, *paragraphs[index + 1]):
        return None  # "BLITZER: ...", then "CRUZ: ...": a transcript's turns
    return found.end()


_CAPS_COLON = regex.compile(rf"\s*{_CAPS_PLACE}\s*:")


def story_starts(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[int]:
    """For each paragraph, where its story words start: after its furniture prefix, or at its
    end for a paragraph that is all furniture."""
    starts = []
    seen = 0  # paragraphs of the story so far (a headline, a standfirst; not a byline)
    for index, (start, end) in enumerate(paragraphs):
        if whole_furniture(text, start, end):
            starts.append(end)
            continue
        if is_lone_stamp(text, start, end):
            starts.append(end)
            continue
        early = seen < DATELINE_REACH
        colon = _colon_dateline_end(text, paragraphs, index) if early else None
        starts.append(_prefix_end(text, start if colon is None else colon, end, early))
        seen += 1
    return starts


def is_lone_stamp(text: str, start: int, end: int) -> bool:
    """Is the paragraph a time alone ("Posted at 10:50")? Furniture, but one that parts a live
    page's entries: a quote after it continues no earlier entry."""
    return (text[start : start + 1].isdigit() or text.startswith(_STAMP_WORDS, start)) and LONE_STAMP.match(text, start, end) is not None


def label_end(text: str, start: int, end: int) -> int:
    """Where a section label at text[start:end] ends ("Q&A: Why ..."), else ``start``."""
    if text.find(":", start, end) < 0 and text.find("|", start, end) < 0:
        return start  # a label ends at a colon or a bar
    found = _label().match(text, start, end)
    return found.end() if found is not None and found.end() < end else start
