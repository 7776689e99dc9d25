"""Conduits and hearers, and the reason every attribution carries.

"X told Y": Y is the listener, never the speaker; an outlet Y is the conduit (via). Every
sentence here is invented. Positive and negative cases sit side by side in each table.
"""
import json

import pytest

import quotes
from quotes.model import UNCERTAIN_BELOW
from quotes.render import CONTRACT_FIELDS, attribution_rows, to_jsonl


def first(text):
    return quotes.analyze(text).attributions[0]


@pytest.mark.parametrize(
    "text, speaker, via",
    [
        # Outlets, by the words their names are made of.
        ("Tom Roe told BBC Radio Five Live that he was fit.", "Tom Roe", "BBC Radio Five Live"),
        ("Tom Roe told the Harbour Times that he was fit.", "Tom Roe", "Harbour Times"),
        ("Tom Roe told the Sun that he was fit.", "Tom Roe", "Sun"),
        ("Tom Roe told the club's website that he was fit.", "Tom Roe", "club's website"),
        ("Tom Roe told Radio Harbour's the Early Show that he was fit.", "Tom Roe", "Radio Harbour's the Early Show"),
        ("Ms Lind said in a statement to Newsnight that the deal was off.", "Ms Lind", "Newsnight"),
        # A programme's title goes on over a small word; a day after it is no part of it.
        ("Tom Roe told BBC Radio Four's the World at One that he was fit.", "Tom Roe", "BBC Radio Four's the World at One"),
        ("Tom Roe told the Harbour Times on Monday that he was fit.", "Tom Roe", "Harbour Times"),
        # Hearers: no conduit, and never the speaker.
        ("Tom Roe told reporters that he was fit.", "Tom Roe", None),
        ("Tom Roe told MPs that the bill was flawed.", "Tom Roe", None),
        ("Tom Roe told a jury that he was innocent.", "Tom Roe", None),
        ("Tom Roe told the Commons that the bill was flawed.", "Tom Roe", None),
        ("Tom Roe told investigators he had signed the papers.", "Tom Roe", None),
    ],
)
def test_told_an_outlet_or_a_hearer(text, speaker, via):
    a = first(text)
    assert (a.speaker.name, a.via) == (speaker, via)


@pytest.mark.parametrize(
    "text, vias",
    [
        # A conduit in a leading phrase carries the sentence's words.
        ("Interviewed on Radio Harbour's Morning Show, Ms Lind said the deal was off.", ["Radio Harbour's Morning Show"]),
        ("Speaking to the Harbour Times, Ms Lind said the deal was off.", ["Harbour Times"]),
        # An interview goes on: the same speaker's next words, right after.
        (
            "Tom Roe told BBC Radio Harbour that he was fit. He said the knee was fine again.",
            ["BBC Radio Harbour", "BBC Radio Harbour"],
        ),
        # Negatives: prose about something else in between ends it ...
        (
            "Tom Roe told BBC Radio Harbour that he was fit. The club has lost six games in a row and "
            "faces the league leaders at home on Saturday in front of a full crowd. He said the knee was fine again.",
            ["BBC Radio Harbour", None],
        ),
        # ... and a report's words are each sourced on their own.
        (
            "“I am fit,” said striker Tom Roe, according to the Harbour Times. Roe said the knee was fine again.",
            ["Harbour Times", None],
        ),
        # A hearer carries nothing on.
        ("Tom Roe told reporters that he was fit. He said the knee was fine again.", [None, None]),
    ],
)
def test_conduits_carry_on_through_an_interview(text, vias):
    assert [a.via for a in quotes.analyze(text).attributions] == vias


def test_a_quote_continuing_an_interview_keeps_its_conduit():
    text = "“I feel ready,” Tom Roe told BBC Radio Five Live. “The knee is fine.”"
    assert [(a.speaker.name, a.via) for a in quotes.analyze(text).attributions] == [
        ("Tom Roe", "BBC Radio Five Live"),
        ("Tom Roe", "BBC Radio Five Live"),
    ]


@pytest.mark.parametrize(
    "text, reason, certain",
    [
        ("Tom Roe said he was fit.", "name at cue", True),
        ("Alan Rowe visited the plant.\nMr Rowe said the jobs were safe.", "short name 'Mr Rowe' -> Alan Rowe", True),
        ("Tom Roe said he was fit. “I am ready,” he said.", "pronoun 'he' -> previous speaker Tom Roe", True),
        ("Striker Tom Roe scored twice.\n\nThe 25-year-old said he was happy.", "description 'The 25-year-old' -> Tom Roe, the person the story follows", True),
        ("“I am ready,” she said.", "unresolved pronoun 'she'", None),
        ("Officials said the road would close.", "unnamed source at cue", True),
    ],
)
def test_every_attribution_says_why(text, reason, certain):
    a = quotes.analyze(text).attributions[-1]
    assert a.reason == reason
    if certain is None:
        assert a.speaker is None and a.confidence == 0
    else:
        assert (a.confidence >= UNCERTAIN_BELOW) is certain


def test_a_free_quote_says_whose_it_is():
    text = "Tom Roe said he was fit.\n\n“The knee is fine. I am ready.”"
    a = quotes.analyze(text).attributions[-1]
    assert a.speaker.name == "Tom Roe" and a.reason.startswith("free quote") and a.uncertain


def test_reason_follows_the_contract_fields():
    result = quotes.analyze("Tom Roe said he was fit.")
    row = attribution_rows(result)[0]
    assert tuple(row)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS
    assert list(row)[-1] == "reason" and json.loads(to_jsonl([row]))["reason"] == "name at cue"
