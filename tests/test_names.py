"""People named in the prose (detect/names.py): who a later short form or pronoun can join.

Every sentence here is invented. Positive and negative cases sit side by side in each table.
"""
import pytest

from quotes.detect import detect
from quotes.engines import get_engine


def names(text):
    detection = detect(get_engine("rules").analyze(text))
    return [text[s:e] for s, e in detection.names]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Two name words or more.
        ("The fire was seen by Linda Okafor on Monday.", ["Linda Okafor"]),
        ("However, Linda Okafor disagreed.", ["Linda Okafor"]),
        # A role before the name comes with it, capitalized or not.
        ("Prime Minister Alan Rowe visited the plant.", ["Prime Minister Alan Rowe"]),
        ("The deal pleased Wales winger Gareth Pryce.", ["Wales winger Gareth Pryce"]),
        # An honorific and a surname; styles a name keeps.
        ("Later Mr Rowe left. Mr. Hale stayed.", ["Mr Rowe", "Mr. Hale"]),
        ("But Sir Peter Lane was not there.", ["Sir Peter Lane"]),
        # An initial inside a name.
        ("The plan came from Mary J. Okafor in May.", ["Mary J. Okafor"]),
        # A possessive ends the owner: "Britain's Dan Hale".
        ("It was Britain's Dan Hale who won.", ["Dan Hale"]),
        # The surname alone of a name found, anywhere in the prose.
        ("Hale was late. Dan Hale said sorry. Hale's car broke down.", ["Hale", "Dan Hale", "Hale's"]),
    ],
)
def test_people_named_in_the_prose(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: organizations, places, outlets, things.
        "The report by Harbour Rights Watch came out in May.",
        "Troops from North Korea were sent to Russia.",
        "Shares fell on Wall Street on Monday.",
        "The vote on the Common Farm Policy was close.",
        "The story ran on BBC News at six.",
        # A headline's last word and the next paragraph's first are no name.
        "Roe joins Harbour from Rovers\n\nHarbour have signed him until May.",
        # One capitalized word names nobody by itself.
        "Hale was late again.",
        # Names inside quote marks are somebody's words, not the prose.
        "The crowd chanted “Dan Hale, Dan Hale” all night.",
    ],
)
def test_no_person_named(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, count",
    [
        ("Hale was late. Dan Hale said sorry. Hale's car broke down.", 3),
        ("Prime Minister Alan Rowe met Mr. Hale and Sir Peter Lane.", 3),
        ("Hale was late again.", 0),
    ],
)
def test_name_spans_index_as_they_iterate(text, count):
    # The spans are kept as two arrays of offsets; indexing, slicing and iterating agree.
    spans = detect(get_engine("rules").analyze(text)).names
    assert len(spans) == count
    assert [spans[i] for i in range(len(spans))] == list(spans) == spans[:]
    assert all(text[s:e] and s < e for s, e in spans)
