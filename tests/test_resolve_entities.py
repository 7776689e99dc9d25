"""Entities and canonical names: one source, however many ways an article names it.

The canonical name is the fullest proper name the article gives the entity anywhere, in a
sentence where it speaks or not. Every sentence here is invented; positive and negative cases
sit side by side in each table.
"""
import pytest

import quotes


def speakers(text):
    return [a.speaker.name if a.speaker else None for a in quotes.analyze(text).attributions]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The full name from a sentence where the person does not speak.
        (
            "Maria Lind, the bank's former auditor, gave evidence on Monday.\nMs Lind said the accounts were false.",
            ["Maria Lind"],
        ),
        (
            "Prime Minister Alan Rowe visited the plant on Friday.\nMr Rowe said the jobs were safe.",
            ["Alan Rowe"],
        ),
        # ... or from a later sentence.
        (
            "Mr Rowe said the jobs were safe.\nAlan Rowe has led the party since May.",
            ["Alan Rowe"],
        ),
        # A surname the article never completes keeps its honorific.
        ("Mr Rowe said the jobs were safe. Ms Dale said they were not.", ["Mr Rowe", "Ms Dale"]),
        # Styles a name keeps stay in it; the short form joins.
        (
            "Sir Peter Lane said the plan was sound.\nSir Peter said it would work by May.",
            ["Sir Peter Lane", "Sir Peter Lane"],
        ),
        ("Lord Ashby said the bill was flawed.", ["Lord Ashby"]),
        # A surname alone joins the full name given earlier.
        (
            "Wales winger Gareth Pryce said he was fit.\nPryce said the game would be hard.",
            ["Gareth Pryce", "Gareth Pryce"],
        ),
        # Negatives: another person with the same surname stays another person.
        ("Jane Roe said the vote was close. Tom Roe said the count was wrong.", ["Jane Roe", "Tom Roe"]),
        # ... and an honorific of the other gender does not join.
        ("Mr Roe said the vote was close. Ms Roe said it was wrong.", ["Mr Roe", "Ms Roe"]),
    ],
)
def test_canonical_person_names(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Acronyms join the full name whose initials they are, either way round.
        (
            "The British Retail Group said sales fell in May. The BRG said June would be better.",
            ["British Retail Group", "British Retail Group"],
        ),
        (
            "The BRG said sales fell in May. The British Retail Group said June would be better.",
            ["British Retail Group", "British Retail Group"],
        ),
        # ... also when the article spells it out only in a sentence where it does not speak.
        (
            "Bond news\n\nStandard & Poor's upgraded the bonds on Monday. S&P said the risks had gone.",
            ["Standard & Poor's"],
        ),
        (
            "Jobs news\n\nFigures from the Office for National Statistics came out on Monday. The ONS said jobs were up.",
            ["Office for National Statistics"],
        ),
        # Negative: an acronym with other initials is another organization.
        (
            "The British Retail Group said sales fell in May. The CBI said June would be better.",
            ["British Retail Group", "CBI"],
        ),
        # Parties: every form of the party is the party.
        (
            "The Tories said the tax was unfair. The Conservatives said they would cut it.",
            ["Conservative Party", "Conservative Party"],
        ),
        # A shorter form of an organization joins the longer one.
        (
            "The Harbour Housing Trust said rents would rise. The trust said it had no choice.",
            ["Harbour Housing Trust", "Harbour Housing Trust"],
        ),
    ],
)
def test_organizations_join(text, expected):
    assert speakers(text) == expected


def test_types_reach_the_speaker():
    result = quotes.analyze("Retail news\n\nThe BRG said sales fell in May. Mr Dale's lawyers said he was innocent. Acme Ltd said it would appeal.")
    assert [a.speaker.type.value for a in result.attributions] == ["organization", "group", "organization"]


def test_a_weak_guess_takes_the_type_the_article_gives():
    # "Telcona" alone could be anyone; "mobile firm Telcona" says it is a company.
    result = quotes.analyze("Mobile firm Telcona has 40 million users.\nTelcona said the deal was off.")
    assert [(a.speaker.name, a.speaker.type.value) for a in result.attributions] == [("Telcona", "organization")]
    # Negative: nothing says what Juninho is, so a name alone is a person.
    result = quotes.analyze("The club has 40 million fans.\nJuninho said the deal was off.")
    assert [(a.speaker.name, a.speaker.type.value) for a in result.attributions] == [("Juninho", "person")]


@pytest.mark.parametrize(
    "text, speaker, reason_has",
    [
        # An unnamed mention the next words name; a document named with its author.
        ("Exports news\n\nThe organisation, the EEF, said that exports had fallen in May.", "EEF", "named right after it"),
        ("Sales news\n\nSales fell sharply, according to a report this week from the Harbour Retail Group.", "Harbour Retail Group", "named right after it"),
        # Negatives: nothing named after it.
        ("Exports news\n\nThe organisation said that exports had fallen in May.", "organisation", "no one earlier fits"),
        # "from X said": X is no subject; the sentence's is.
        ("Mr Roe, who on Monday won damages from the Daily Gazette said he would stand again.", "Mr Roe", "is no subject"),
        # An institution is a source of its own, not the organization last named.
        ("The Harbour Trust said rents would rise in May. The government said it would help tenants.", "government", "unnamed source"),
        # "the party" points back to a party.
        ("The Greens want a land tax. The party says it would raise two billion pounds.", "Green Party", "description"),
        # An owner before a name is its affiliation, which a description can match.
        (
            "The Harbour Party's Ann Lee has demanded answers. The Harbour Party's parliamentary leader said the plan had failed.",
            "Ann Lee",
            "description",
        ),
    ],
)
def test_mentions_mended_by_the_words_around_them(text, speaker, reason_has):
    a = quotes.analyze(text).attributions[-1]
    assert a.speaker.name == speaker and reason_has in a.reason
