"""Vocabulary and mention gaps that other outlets' copy shows: reporting verbs of other house
styles, acronyms spelled like words ("the WHO"), role abbreviations ("the PM"), "as per", a
document credited with no author, and a role tied to its person by "to" ("an aide to X").
Every sentence here is invented.
"""
import pytest

import quotes


def found(text):
    """(kind, speaker name, speaker type) of each attribution of one article."""
    return [
        (a.kind.value, a.speaker.name if a.speaker else None, a.speaker.type.value if a.speaker else None)
        for a in quotes.analyze(text).attributions
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # Reporting verbs of South Asian, court and feature copy open a reported clause ...
        ("The party leader opined that the bill was unconstitutional.", "party leader"),
        ("The petitioner averred that the land had been taken without notice.", "petitioner"),
        ("The ministry clarified that no new tax would be levied.", "ministry"),
        ("Ms Rao rued that the scheme had reached so few farmers.", "Ms Rao"),
        ("The coach bemoaned that his players had no rest between games.", "coach"),
        ("Mr Bose affirmed that the company would honour every contract.", "Mr Bose"),
        ("The witness attested that she had seen the car leave at noon.", "witness"),
        ("Mr Lal surmised that the voters had simply stayed at home.", "Mr Lal"),
        # ... or follow the quote they report.
        ('"The matter is sub judice," the spokesperson averred.', "spokesperson"),
        ('"We were robbed," the manager fumed.', "manager"),
        ('"Not again," Ms Tan muttered.', "Ms Tan"),
        ('"This is a historic day," the chief minister proclaimed.', "chief minister"),
    ],
)
def test_reporting_verbs_of_other_house_styles(text, speaker):
    assert [(kind, name) for kind, name, _ in found(text)][:1] in ([("indirect", speaker)], [("direct", speaker)])


@pytest.mark.parametrize(
    "text",
    [
        # A verb with a common sense that is no speech reports nothing there.
        "The spending underlines the risk the party is taking.",  # a fact underlines
        "The company submitted an application for a licence in May.",  # submitted a form
        "Residents wondered about the noise for weeks.",  # no words reported
        "The reasons for the delay are unclear.",  # "reason" is no verb here
        "The protest outside parliament lasted three days.",  # nor "protest"
    ],
)
def test_verbs_with_other_senses_report_nothing(text):
    assert found(text) == []
