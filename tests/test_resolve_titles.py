"""Descriptions and titles that point back to a named person, and roles in appositions.

Every sentence here is invented. Each table holds positive cases and negatives (sentences
that look alike but must not change), each with a comment saying what it shows.
"""
import pytest

import quotes


def speakers(text):
    return [a.speaker.name if a.speaker else None for a in quotes.analyze(text).attributions]


def speaker_of(text, words):
    """The speaker of the attribution whose content holds ``words``."""
    for a in quotes.analyze(text).attributions:
        if words in a.content.text:
            return a.speaker
    raise AssertionError(f"no attribution holds {words!r}")


# ---------------------------------------------------------------------------------------
# An abbreviated title before a name is spelled out by a later description.


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "Sen." is spelled "the senator": the senator named as the subject (read as
        # "Republican" alone) of the sentence before, not the governor who spoke earlier.
        (
            "Gov. Paul Adler said the tax would pass. Adler spoke in Boise.\n\n"
            "Republican state Sen. Mara Quist attacked the bill. \"It is a raid on families,\" the senator said.",
            "raid on families",
            "Mara Quist",
        ),
        # "Rep." is spelled "the congresswoman".
        (
            "Mayor Tom Hale opened the bridge on Friday. Hale cut the ribbon.\n\n"
            "Democratic Rep. Lena Ortiz praised the builders. \"They worked through winter,\" the congresswoman said.",
            "worked through winter",
            "Lena Ortiz",
        ),
        # "Gen." is spelled "the general"; "Lt." before it changes nothing.
        (
            "Defence Secretary Jon Pike visited the base. Pike met the troops.\n\n"
            "Lt. Gen. Arthur Boyle briefed reporters. \"The line is holding,\" the general said.",
            "line is holding",
            "Arthur Boyle",
        ),
        # "Det. Insp." is spelled "the detective".
        (
            "Mayor Ruth Kent said the town was safe. Kent asked for calm.\n\n"
            "Det. Insp. Owen Price led the search. \"We are following every lead,\" the detective said.",
            "following every lead",
            "Owen Price",
        ),
        # "Prof" (a style) is spelled "the professor".
        (
            "Health minister Ann Cole announced the study. Cole said it would start in May.\n\n"
            "Prof Neil Batt will lead it. \"It is the largest trial yet,\" the professor said.",
            "largest trial yet",
            "Neil Batt",
        ),
        # Negative: the title is nobody's here ("the admiral" is a new source): the senator
        # who is the story's subject does not take it.
        (
            "Sen. Mara Quist said the navy needed ships. \"We are short of ships,\" the admiral said.",
            "short of ships",
            "admiral",
        ),
        # Negative: a subject who spoke since the object was named keeps the description that
        # fits both ("Rep." and "MP" spell "lawmaker"; the speaker in focus is the antecedent).
        (
            "Sen. Mara Quist met Rep. Lena Ortiz on Monday.\n\n"
            "Ortiz said the vote would be close. \"We need two more votes,\" the lawmaker said.",
            "two more votes",
            "Lena Ortiz",
        ),
    ],
)
def test_abbreviated_title_is_spelled_out_by_a_description(text, words, expected):
    assert speaker_of(text, words).name == expected
