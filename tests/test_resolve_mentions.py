"""What one mention says, by construction: roles by domain, honorifics, types without a model.

Every mention here is invented. Positive and negative cases sit side by side in each table.
"""
import pytest

from quotes.model import Gender, SpeakerType
from quotes.resolve import parse_mention

PERSON, ORG, MEDIA, GROUP, UNKNOWN = (
    SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP, SpeakerType.UNKNOWN,
)  # fmt: skip


def said(mention):
    parsed = parse_mention(mention)
    return parsed.name, parsed.type, parsed.named


# ---------------------------------------------------------------------------------------
# Roles outside US politics are roles: the name after them is the person


@pytest.mark.parametrize(
    "mention, name, role",
    [
        # sport
        ("Wales winger Gareth Pryce", "Gareth Pryce", "Wales winger"),
        ("Harbour City striker Tomas Reyes", "Tomas Reyes", "Harbour City striker"),
        ("Rovers boss Dan Hale", "Dan Hale", "Rovers boss"),
        ("Former world champion Mia Stone", "Mia Stone", "Former world champion"),
        ("the club's new goalkeeper Ivo Kranj", "Ivo Kranj", "club's new goalkeeper"),
        # business
        ("Acme Foods chief executive Lena Marsh", "Lena Marsh", "Acme Foods chief executive"),
        ("Harbour Bank economist Raj Patel", "Raj Patel", "Harbour Bank economist"),
        ("former finance officer Carl Wendt", "Carl Wendt", "former finance officer"),
        # British politics
        ("Tory backbencher Hugh Pym", "Hugh Pym", "Tory backbencher"),
        ("Shadow Home Secretary Ruth Abel", "Ruth Abel", "Shadow Home Secretary"),
        ("Labour MP Colin Rudd", "Colin Rudd", "Labour MP"),
        ("First Minister Iain Dow", "Iain Dow", "First Minister"),
        # elsewhere
        ("Vice-President Ana Sole", "Ana Sole", "Vice-President"),
        ("Finance Minister Ola Berg", "Ola Berg", "Finance Minister"),
        # A surname that is also a role word stays a name after a given name.
        ("Oona King", "Oona King", None),
        ("John Major", "John Major", None),
    ],
)
def test_role_and_name(mention, name, role):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.role, parsed.type, parsed.named) == (name, role, PERSON, True)


@pytest.mark.parametrize(
    "mention, name, kind, named",
    [
        # Negatives: a role with no name is nobody named.
        ("a defender", "defender", PERSON, False),
        ("the striker", "striker", PERSON, False),
        ("the Harbour MP", "Harbour MP", PERSON, False),
        ("the Prime Minister", "Prime Minister", PERSON, False),
        # A role of an organization: the organization is no name of the person.
        ("a spokeswoman for Harbour Watch", "spokeswoman for Harbour Watch", PERSON, False),
    ],
)
def test_roles_without_a_name(mention, name, kind, named):
    assert said(mention) == (name, kind, named)


# ---------------------------------------------------------------------------------------
# Honorifics: gender, and styles a name keeps


@pytest.mark.parametrize(
    "mention, name, honorific, gender",
    [
        ("Mr Rowe", "Rowe", "Mr", Gender.MALE),
        ("Ms King", "King", "Ms", Gender.FEMALE),
        ("Mrs. Hale", "Hale", "Mrs.", Gender.FEMALE),
        ("Dr Ann Hale", "Ann Hale", "Dr", None),
        # Sir, Lord, Lady, Dame stay in the name the article gives.
        ("Sir Peter Lane", "Sir Peter Lane", "Sir", Gender.MALE),
        ("Lord Ashby", "Lord Ashby", "Lord", Gender.MALE),
        ("Dame Eva Holt", "Dame Eva Holt", "Dame", Gender.FEMALE),
        ("Mr Justice Penn", "Mr Justice Penn", "Mr", Gender.MALE),
        # Negative: no honorific, no gender, whatever the first name.
        ("Mary Rowe", "Mary Rowe", None, None),
    ],
)
def test_honorifics(mention, name, honorific, gender):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.honorific, parsed.gender) == (name, honorific, gender)


# ---------------------------------------------------------------------------------------
# Types without a model


@pytest.mark.parametrize(
    "mention, name, kind, named",
    [
        # Acronyms are organizations ...
        ("the BRG", "BRG", ORG, True),
        ("GKN", "GKN", ORG, True),
        ("S&P", "S&P", ORG, True),
        ("The IAAF", "IAAF", ORG, True),
        # ... unless they are outlets or people's roles.
        ("BBC", "BBC", MEDIA, True),
        ("MPs", "MPs", GROUP, False),
        # Parties are organizations, under one name whatever form the press uses.
        ("the Tories", "Conservative Party", ORG, True),
        ("Lib Dems", "Liberal Democrats", ORG, True),
        ("Labour", "Labour Party", ORG, True),
        ("the SNP", "Scottish National Party", ORG, True),
        # Companies: an ampersand or a suffix makes one name, not two.
        ("Standard & Poor's", "Standard & Poor's", ORG, True),
        ("Marsh & Co", "Marsh & Co", ORG, True),
        ("Acme Widgets Ltd", "Acme Widgets Ltd", ORG, True),
        # A capitalized name after a word for a company is the company.
        ("mobile firm Telcona", "Telcona", ORG, True),
        ("oil giant Petrova", "Petrova", ORG, True),
        ("US behemoth General Widget", "General Widget", ORG, True),
        # Clubs and teams speak as organizations.
        ("Harbour Rovers", "Harbour Rovers", ORG, True),
        # Plural roles are groups; an owner stays in the group's name.
        ("lawyers", "lawyers", GROUP, False),
        ("Prosecution lawyers", "Prosecution lawyers", GROUP, False),
        ("Mr Dale's lawyers", "Mr Dale's lawyers", GROUP, False),
        ("economists", "economists", GROUP, False),
        ("Many local firms", "Many local firms", GROUP, False),
        ("campaigners", "campaigners", GROUP, False),
        # One unnamed person is a person, not a group.
        ("one local woman", "one local woman", PERSON, False),
        ("a senior official", "senior official", PERSON, False),
    ],
)
def test_types(mention, name, kind, named):
    assert said(mention) == (name, kind, named)


@pytest.mark.parametrize(
    "mention, name",
    [
        # Outlets by the words their names are made of, not by a list.
        ("BBC Radio Five Live", "BBC Radio Five Live"),
        ("Radio Harbour's the Early Show", "Radio Harbour's the Early Show"),
        ("the Daily Gazette", "Daily Gazette"),
        ("the Harbour Times", "Harbour Times"),
        ("the Sun", "Sun"),
        ("the Evening Star", "Evening Star"),
        ("Norwich's website", "Norwich's website"),
        ("the Jeremy Vine show", "Jeremy Vine show"),
        ("Sky Sports News", "Sky Sports News"),
    ],
)
def test_outlets_by_their_words(mention, name):
    assert said(mention) == (name, MEDIA, True)


@pytest.mark.parametrize(
    "mention, kind",
    [
        # Negatives: outlet words in other names.
        ("the Post Office", ORG),
        ("Sun Li", PERSON),
        ("Sunday Hale", PERSON),
    ],
)
def test_no_outlets(mention, kind):
    assert parse_mention(mention).type is kind


@pytest.mark.parametrize(
    "mention, name",
    [
        # A loose boundary's leftovers are no part of the name.
        ("Telcona now", "Telcona"),
        ("Henson himself", "Henson"),
    ],
)
def test_trailing_words(mention, name):
    assert parse_mention(mention).name == name


@pytest.mark.parametrize(
    "mention, speaks",
    [
        # Heads that cannot speak: what was said, or no noun for a speaker at all.
        ("Her comments", False),
        ("His claims", False),
        ("Opinion polls", False),
        ("leave", False),
        ("information they", False),
        # Heads that can.
        ("he", True),
        ("officials", True),
        ("the firm", True),
        ("Jane Roe", True),
        ("the 25-year-old", True),
    ],
)
def test_heads_that_cannot_speak(mention, speaks):
    assert parse_mention(mention).speaks is speaks


@pytest.mark.parametrize(
    "mention, age, description",
    [
        ("the 25-year-old", 25, True),
        ("83-year-old Ida Penn", 83, False),
        ("the defender", None, True),
        ("a defender", None, False),
    ],
)
def test_ages_and_descriptions(mention, age, description):
    parsed = parse_mention(mention)
    assert (parsed.age, parsed.description) == (age, description)
