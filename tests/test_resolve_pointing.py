"""Pronouns and descriptions point back: to the most salient compatible speaker, and to the
entity a description was introduced with.

Every sentence here is invented. Positive and negative cases sit side by side in each table.
"""
import pytest

import quotes


def speakers(text):
    return [a.speaker.name if a.speaker else None for a in quotes.analyze(text).attributions]


# ---------------------------------------------------------------------------------------
# Pronouns: the one the story follows, not the last person named


@pytest.mark.parametrize(
    "text, expected",
    [
        # Across paragraphs, he/she go to the speaker being quoted.
        (
            "Wales winger Gareth Pryce says he is fit for Saturday.\n\n"
            "He has been out for a month with a knee injury.\n\n"
            "“I feel ready,” he said.",
            ["Gareth Pryce", "Gareth Pryce"],
        ),
        # A person named only as an object does not take the pronoun ...
        (
            "Tom Roe said the plan had failed. He blamed Ian Hale for the delay.\n\n"
            "“It was avoidable,” he said.",
            ["Tom Roe", "Tom Roe"],
        ),
        # ... but a new subject does.
        (
            "Tom Roe said the plan had failed. Ian Hale disagreed with him on Monday.\n\n"
            "“It was fine,” he said.",
            ["Tom Roe", "Ian Hale"],
        ),
        # Stories with several witnesses keep each quote with its own witness.
        (
            "Ms Lind said the ship tilted at noon. “We ran to the deck,” she said.\n\n"
            "Mr Okafor said he saw the fire first. “The smoke was black,” he said.\n\n"
            "Ms Lind said the crew was calm. “They helped us,” she said.",
            ["Ms Lind", "Ms Lind", "Mr Okafor", "Mr Okafor", "Ms Lind", "Ms Lind"],
        ),
        # A subject named with a role, never a speaker before, takes the pronoun.
        (
            "Tom Roe said the plan had failed.\n\n"
            "Rovers manager Dale is no fan of long balls. “We play on the ground,” he said.",
            ["Tom Roe", "Dale"],
        ),
        # A person named only in a later sentence of the prose gives the full name.
        (
            "Ms Lind said the ship tilted at noon.\n\nSara Lind, 41, was on deck at the time. “It was fast,” she said.",
            ["Sara Lind", "Sara Lind"],
        ),
        # The subject of the words a trailing cue reports is no antecedent for its pronoun.
        (
            "Tom Roe said the plan had failed.\n\nBut Mr Hale had been “hurt” by the row, he added.",
            ["Tom Roe", "Tom Roe"],
        ),
        # A relative clause makes the name before it a subject.
        (
            "Tom Roe said the plan was sound. His plan was rejected by Ian Hale, who called it a mistake. "
            "The cost was too high, he argued.",
            ["Tom Roe", "Ian Hale"],
        ),
        # Someone new introduced as a subject by a description takes the next pronoun (the
        # directive "urged people to wait" is an attribution of its own).
        (
            "Tom Roe said the plan was sound.\n\nLater, the mayor's chief adviser urged people to wait. "
            "“It is too early,” he said.",
            ["Tom Roe", "mayor's chief adviser", "mayor's chief adviser"],
        ),
        # Gender from an honorific rules out the other person ...
        (
            "Mr Okafor said the talks had failed. Ms Roe was at the meeting too.\n\n"
            "“It was a waste of time,” he said.",
            ["Mr Okafor", "Mr Okafor"],
        ),
        # ... but a first name says nothing: a new subject of unknown gender may be "he".
        (
            "Mr Okafor said the talks had failed. Ira Hale was at the meeting too.\n\n"
            "“It was a waste of time,” he said.",
            ["Mr Okafor", "Ira Hale"],
        ),
    ],
)
def test_pronouns_follow_the_story(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # they: the organization the sentence is about, not the last one that spoke.
        (
            "The Greens said the tax was unfair.\n\n"
            "The Harbour Party wants a local income tax, which they say would save money.",
            ["Green Party", "Harbour Party"],
        ),
        (
            "The Greens said the tax was unfair.\n\nThey say that the poor pay most of it.",
            ["Green Party", "Green Party"],
        ),
    ],
)
def test_plural_pronouns_follow_the_story(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: nobody to point to, or nobody compatible.
        "“We will win,” he said.",
        "The ministry said the talks failed in May. “We will win,” she said.",
    ],
)
def test_pronoun_without_antecedent_stays_unresolved(text):
    last = quotes.analyze(text).attributions[-1]
    assert last.speaker is None and last.confidence == 0 and last.reason.startswith("unresolved pronoun")


# ---------------------------------------------------------------------------------------
# Descriptions point back to who they were introduced with


@pytest.mark.parametrize(
    "text, expected",
    [
        # An age given in an apposition, or before the name.
        (
            "Tom Roe, 25, joined the club in May.\n\nThe 25-year-old said he was happy.",
            ["Tom Roe"],
        ),
        (
            "Striker Tom Roe scored twice on Saturday.\n\nThe 25-year-old said he was happy.",
            ["Tom Roe"],
        ),
        # A role given before the name.
        (
            "Rovers boss Dan Hale said the team had played well.\n\nThe Rovers boss said the title was possible.",
            ["Dan Hale", "Dan Hale"],
        ),
        # A demonym for the person the story follows.
        (
            "Midfielder Tomas Reyes said he would stay.\n\nThe Brazilian said the club was his home.",
            ["Tomas Reyes", "Tomas Reyes"],
        ),
        # A role the article never gave, for the person it follows.
        (
            "Colin Rudd said the factory would stay open.\n\nThe Harbour MP said jobs were safe.",
            ["Colin Rudd", "Colin Rudd"],
        ),
        # An organization's generic head.
        (
            "S&P, a ratings agency, said the bonds were safe. But the agency said the risks had not gone.",
            ["S&P", "S&P"],
        ),
        (
            "Telcona, a mobile firm, said profits rose in May. The firm said it would hire more staff.",
            ["Telcona", "Telcona"],
        ),
    ],
)
def test_descriptions_point_back(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, not_expected",
    [
        # Negatives: an anonymous office is a new source, not the person the story follows.
        ("Colin Rudd said the factory would stay open.\n\nThe spokesman said jobs were safe.", "Colin Rudd"),
        # ... and a description with an owner names someone of that owner.
        ("Colin Rudd said the factory would stay open.\n\nThe union's leader said jobs were not safe.", "Colin Rudd"),
    ],
)
def test_descriptions_that_are_new_sources(text, not_expected):
    assert speakers(text)[-1] != not_expected
