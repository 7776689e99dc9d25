"""Interview and broadcast transcripts: words printed after a speaker's label, no quote marks.

Each answer paragraph is one direct attribution of the labelled speaker (the article presents the
words as said); the interviewer's questions are the named interviewer's, or the outlet's when the
label is the outlet or "Q" and the article names the outlet. Every article here is invented.
"""
import pytest

import quotes


def items(text):
    """(kind, first words, speaker, via) of each attribution."""
    result = quotes.analyze(text)
    return [(a.kind.value, a.content.text.split()[0], a.speaker.name if a.speaker else None, a.via) for a in result.attributions]


INTRO = "In an interview with the Harbour Gazette, the ferry company's new chief, Mara Lindqvist, spoke about the strike."


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Name: words" after an announced interview: the outlet asks, the person answers via it.
        (
            INTRO + "\n\nGazette: Why did the talks fail?\n\nLindqvist: Nobody came to the table. We waited all night.",
            [("direct", "Why", "Harbour Gazette", None), ("direct", "Nobody", "Mara Lindqvist", "Harbour Gazette")],
        ),
        # One labelled paragraph is enough after an announced interview.
        (
            "Tomas Berg spoke to the Valley Echo about his first season.\n\nBerg: I never expected to play every game.",
            [("direct", "I", "Tomas Berg", "Valley Echo")],
        ),
        # Q and A: the question is the outlet's, the answer the person the article introduced.
        (
            INTRO + "\n\nQ: Will the ferries run on Monday?\n\nA: Yes, every one of them. The crews have agreed.",
            [("direct", "Will", "Harbour Gazette", None), ("direct", "Yes,", "Mara Lindqvist", "Harbour Gazette")],
        ),
        # Q and A with no outlet named: the question is the article's own voice, no attribution.
        (
            "We put five questions to Mara Lindqvist, the ferry company's chief.\n\nQ: Will the ferries run?\n\nA: Yes. The crews have agreed.",
            [("direct", "Yes.", "Mara Lindqvist", None)],
        ),
        # Broadcast capitals: the anchor's question and the guest's answer, each its speaker's.
        # (The capitals are the print convention: the canonical name is the name in title case.)
        (
            "The senator appeared on Sunday's programme.\n\nJOE HARLAN: Senator, will you run again?\n\n"
            "SEN. JANE ROE (D-NY): Not this year. My family comes first.\n\nHARLAN: And next year?\n\nROE: Ask me then.",
            [("direct", "Senator,", "Joe Harlan", None), ("direct", "Not", "Jane Roe", None), ("direct", "And", "Joe Harlan", None), ("direct", "Ask", "Jane Roe", None)],
        ),
        # Capitals with no announcement: two broadcast turns are a transcript by themselves.
        (
            "PELL: Do you regret the vote?\n\nMORROW: I regret nothing. I would vote the same way today.",
            [("direct", "Do", "Pell", None), ("direct", "I", "Morrow", None)],
        ),
        # Mixed case with no announcement: a speaker who speaks twice makes it a conversation.
        (
            "Ivo: Where were you last night?\n\nPia: At the depot. The buses broke down.\n\nIvo: All of them?\n\nPia: Every single one.",
            [("direct", "Where", "Ivo", None), ("direct", "At", "Pia", None), ("direct", "All", "Ivo", None), ("direct", "Every", "Pia", None)],
        ),
        # "MR NAME:" in capitals joins the name the article gave in full; "INTERVIEWER:" is the
        # outlet's side, and "sat down with" names the outlet too.
        (
            "Dan Ferris, the club's new owner, sat down with the Harbour Courier this week.\n\n"
            "MR FERRIS: I grew up two streets from the ground.\n\nINTERVIEWER: Will you sack the manager?\n\n"
            "MR FERRIS: No. He has my full support.",
            [("direct", "I", "Dan Ferris", "Harbour Courier"), ("direct", "Will", "Harbour Courier", None), ("direct", "No.", "Dan Ferris", "Harbour Courier")],
        ),
        # "Question:"/"Answer:" spelled out; the outlet unnamed ("We spoke to"): answers only.
        (
            "We spoke to the novelist Ada Quill about her new book.\n\nQuestion: Why set it in Leeds?\n\n"
            "Answer: Because I was born there. I know every street.",
            [("direct", "Because", "Ada Quill", None)],
        ),
        # A headline announces too ("Q&A: ..."), but the intro nearest the first turn names who
        # was interviewed; the name after "of" is where she works, not who answers.
        (
            "Q&A: The ferry boss\n\nIn an interview with the Harbour Gazette, the chief of Northsea Ferries, "
            "Mara Lindqvist, spoke about the strike.\n\nQ: Will the ferries run?\n\nA: Yes. The crews have agreed.",
            [("direct", "Will", "Harbour Gazette", None), ("direct", "Yes.", "Mara Lindqvist", "Harbour Gazette")],
        ),
        # The outlet conveys the guest's words, not its own anchor's.
        (
            "Governor Ada Brill told Channel Nine's Sunday Report that the state would recover.\n\n"
            "JOE HARLAN: Governor, when will the roads reopen?\n\nBRILL: By Friday. We have crews out.\n\n"
            "HARLAN: All of them?\n\nBRILL: Every one.",
            [
                ("indirect", "the", "Ada Brill", "Channel Nine's Sunday Report"),
                ("direct", "Governor,", "Joe Harlan", None),
                ("direct", "By", "Ada Brill", "Channel Nine's Sunday Report"),
                ("direct", "All", "Joe Harlan", None),
                ("direct", "Every", "Ada Brill", "Channel Nine's Sunday Report"),
            ],
        ),
        # Speech reported inside a turn is read as in prose; its "I" is the turn's speaker.
        (
            "Tomas Berg spoke to the Valley Echo about his first season.\n\nBerg: I told the coach that I was ready.",
            [("direct", "I", "Tomas Berg", "Valley Echo"), ("indirect", "I", "Tomas Berg", None)],
        ),
        # The label runs on over an unlabelled paragraph spoken in the first person.
        (
            "PELL: Do you regret the vote?\n\nMORROW: I regret nothing.\n\nI would vote the same way today, and I said so then.\n\nPELL: Thank you.",
            [("direct", "Do", "Pell", None), ("direct", "I", "Morrow", None), ("direct", "I", "Morrow", None), ("direct", "Thank", "Pell", None)],
        ),
    ],
)
def test_transcript_turns(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A headline kicker and section labels: one label alone, or labels from the lexicon.
        "Brexit: What happens next\n\nThe talks resume on Monday in Brussels.",
        "Analysis: Why the talks failed.\n\nLive: Ministers meet in Brussels.\n\nUpdate: The meeting has ended.",
        "Q&A: Why are prices high?\n\nPrices rose by four percent in the year to May.",
        # Notes to the reader and warnings.
        "Note: Some readers may find the images distressing.\n\nWarning: This story contains strong language.",
        # A dateline in capitals, even under a headline that announces an interview.
        "Minister gives first interview since the vote\n\nNEW DELHI: The government cut fuel taxes on Monday.",
        # Captions a scrape keeps.
        "Image caption: Crowds gathered outside the court.\n\nMedia caption: The moment the verdict was read.",
        # Times and list items.
        "The first train left at 10:42 and the last at 23:15.\n\nPrice: £5.\n\nVenue: The Old Hall.",
        # One labelled sentence with no interview announced: a headline kicker, however it ends.
        "Sanders: Clinton must win the primary.\n\nThe senator spoke in Concord on Monday.",
        # Figures after names: a table of results, not words said.
        "The count so far.\n\nHalvorsen: 1,204.\n\nBrandt: 998.\n\nHalvorsen: 1,310.",
        # The writer's "So:" and "Bottom line:" open their own sentences.
        "So: the plan is dead.\n\nSo: What now?\n\nBottom line: Nobody knows.",
        # A list of names, each with a verdict: nobody speaks twice and no interview is announced.
        "Here is what each candidate needs.\n\nHalvorsen: Win by a mile.\n\nBrandt: Hold on to second place.\n\nOkafor: A late surge.",
        # Headline-case words after the label: a headline, not a sentence said.
        "Mayor Lind: Council Tax Rise Is Reasonable.\n\nMayor Lind: Budget Cuts Are Over.",
        # A label word that is part of a sentence going on in lower case.
        "Officials: the figures, released on Monday, show a fall.\n\nOfficials: the fall is the first in a decade.",
    ],
)
def test_labels_that_are_no_turns(text):
    assert quotes.analyze(text).attributions == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        # A colon lead-in that works today keeps its speaker and kind.
        ('Jane Roe said: "We will not give in."\n\nTom Berg said: "Nor will we."', [("direct", "We", "Jane Roe", None), ("direct", "Nor", "Tom Berg", None)]),
        ('The ministry\'s statement: "The border stays open."', [("direct", "The", "ministry", None)]),
        # A label before words in quote marks is the colon lead-in's, not a transcript turn.
        ('Roe: "We will not give in."', [("direct", "We", "Roe", None)]),
    ],
)
def test_colon_lead_ins_stay(text, expected):
    assert items(text) == expected
