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


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "As per" is South Asian English for "according to", before or after the words.
        ("As per police, the accused fled after the incident.", "police"),
        ("As per officials, twelve people were hurt in the blast.", "officials"),
        ("Twelve people were hurt in the blast, as per hospital officials.", "hospital officials"),
        # "According to" as before.
        ("According to police, the accused fled after the incident.", "police"),
    ],
)
def test_as_per_credits_a_source(text, speaker):
    assert [name for _, name, _ in found(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # "As per" cites a rule, a plan or a habit far more often: no word after it can speak.
        "As per the rules, the company must file its accounts by March.",
        "The vote was held as per the norms laid down in 2019.",
        "Trains ran as per schedule on Monday.",
        "As per usual, the meeting ran late.",
        "He was paid as per his contract.",
    ],
)
def test_as_per_a_rule_credits_nobody(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A record no author is named for is the source itself, whoever spoke before it.
        ('"It is a breakthrough," said Jo Marsh. According to the study, the method cut costs by half.', "study"),
        ('"We will fight it," said Jo Marsh. The lawsuit alleges that the firm hid its losses.', "lawsuit"),
        ('"We will wait," said Jo Marsh. Three members voted for a cut, according to minutes published on Tuesday.', "minutes"),
        ('"We will wait," said Jo Marsh. According to court filings, the firm owed $2m.', "court filings"),
        ('"It is over," said Jo Marsh. The affidavit says the guard saw the car.', "affidavit"),
    ],
)
def test_a_record_with_no_author_speaks_for_itself(text, speaker):
    assert [name for _, name, _ in found(text)][-1] == speaker
    assert found(text)[-1][2] == "organization"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # An author named with the record is the source, as before.
        ("According to a report by the Audit Office, the scheme lost money.", "Audit Office"),
        # What one person wrote or said points back to whoever the article credited with it.
        ('A spokeswoman for Acme issued a statement. "We regret the delay," the statement said.', "spokeswoman for Acme"),
        ('"I was never told," Jo Marsh said. In her book, Jo Marsh writes that the deal was done. The book says the deal was done in May.', "Jo Marsh"),
        # A record owned by a pronoun is its owner's.
        ('"I was never told," Jo Marsh said. Her report says the money was spent.', "Jo Marsh"),
    ],
)
def test_a_record_of_someone_points_back(text, speaker):
    assert [name for _, name, _ in found(text)][-1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # An acronym spelled like a small word is a name, not the pronoun, verb or adverb.
        ("The WHO has said the outbreak is not yet a global emergency.", "WHO"),
        ("IS said it had carried out the attack.", "IS"),
        ("The IT ministry said the portal would reopen on Monday.", "IT ministry"),
        ("NOW, the women's group, said the ruling was a setback.", "NOW"),
        # ... and takes the name the article spells out for it.
        ("Cases rose, the World Health Organization (WHO) reported. The WHO has said the outbreak is not yet a global emergency.", "World Health Organization"),
        # Negatives: the words themselves, and capitals that shout.
        ("The minister, who said the portal would reopen, left early.", "minister"),
        ('"It was a mistake," said Tom Reid, who said he would resign.', "Tom Reid"),
        ("WHO IS TO BLAME, the paper asked on Monday.", "paper"),
    ],
)
def test_acronyms_spelled_like_words(text, speaker):
    assert [name for _, name, _ in found(text)][-1] == speaker


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        # A role abbreviation is a person's role, not an organization's acronym.
        ("The PM said the country would become a developed nation by 2047.", "PM", "person"),
        ("The CM said more roads would be built next year.", "CM", "person"),
        ("The local MLA said the road would be repaired.", "local MLA", "person"),
        # ... and points back to the person given the role spelled out, or the other way round.
        ("Prime Minister Narendra Rao met Chief Minister Asha Patil on Monday. The PM said the talks went well.", "Narendra Rao", "person"),
        ("Prime Minister Narendra Rao met Chief Minister Asha Patil on Monday. The CM said the talks went well.", "Asha Patil", "person"),
        ('Acme chief executive Jane Roe met the finance director, Tom Bell. "We are growing," the CEO said.', "Jane Roe", "person"),
        ('Acme CEO Jane Roe met the finance director, Tom Bell. "We are growing," the chief executive said.', "Jane Roe", "person"),
        ('Jane Roe, the Labour MP for Harbourside, met Tom Bell. "We will win," the MP said.', "Jane Roe", "person"),
        # Negatives: an acronym that is no role stays an organization; "pm" the hour is no one.
        ("The FDA said the drug could cause liver damage.", "FDA", "organization"),
        ("The meeting ended at 5 pm, police said.", "police", "organization"),
    ],
)
def test_role_abbreviations_are_people(text, speaker, kind):
    assert found(text)[-1][1:] == (speaker, kind)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A role tied by "to" to whom it serves keeps its phrase, as "a spokesman for Y" does.
        ("An aide to Ortega said the staff had helped write the bill.", "aide to Ortega"),
        ("An aide to Ortega, who spoke on condition of anonymity, said the staff had helped.", "aide to Ortega"),
        ("A senior adviser to the governor said the staff had helped write the bill.", "senior adviser to the governor"),
        ("Aides to the president said the staff had helped write the bill.", "Aides to the president"),
        # Negatives: "to" after a verb or another noun ties nobody to a speaker.
        ("The minister spoke to Ortega and said the staff had helped.", "minister"),
        ("The aide went to Ortega and said the staff had helped.", "aide"),  # "went to"
        ("Speaking to Ortega, the aide said the staff had helped.", "aide"),  # a leading phrase
    ],
)
def test_a_role_to_someone_keeps_its_phrase(text, speaker):
    assert [name for _, name, _ in found(text)] == [speaker]
