"""Resolution, construction by construction: what a mention says, and which entity it joins.

Every sentence here is invented. Positive and negative cases sit side by side in each table.
"""
import pytest

import quotes
from quotes.model import Gender, SpeakerType
from quotes.render import attribution_rows
from quotes.resolve import parse_mention

PERSON, ORG, MEDIA, GROUP, UNKNOWN = (
    SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP, SpeakerType.UNKNOWN,
)  # fmt: skip


def speakers(text):
    """(speaker name or None) for each attribution, in order."""
    return [a.speaker.name if a.speaker else None for a in quotes.analyze(text).attributions]


def attribution(text, index=-1):
    return quotes.analyze(text).attributions[index]


# ---------------------------------------------------------------------------------------
# One mention: name, role, type, named, affiliation, gender


@pytest.mark.parametrize(
    "mention, name, role, kind, named, affiliation",
    [
        # Names with titles and roles: the role is everything before the name.
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman", PERSON, True, "Russia"),
        ("North Korean leader Kim Jong Un", "Kim Jong Un", "North Korean leader", PERSON, True, "North Korea"),
        ("Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky", "Ukrainian President", PERSON, True, "Ukraine"),
        ("Sen. Ann Hale", "Ann Hale", "Sen.", PERSON, True, None),
        ("Mr. Peskov", "Peskov", None, PERSON, True, None),
        ("Jane Roe", "Jane Roe", None, PERSON, True, None),
        # Bracketed party tags and "of the" organizations are no part of the name.
        ("Rep. Tom Bell (R-Ohio)", "Tom Bell", "Rep.", PERSON, True, None),
        ("Mr. Hale of the Harbor Club", "Hale", None, PERSON, True, None),
        # States and their capitals speak as organizations (metonyms).
        ("North Korea", "North Korea", None, ORG, True, "North Korea"),
        ("Pyongyang", "North Korea", None, ORG, True, "North Korea"),
        ("Moscow", "Russia", None, ORG, True, "Russia"),
        ("the Kremlin", "Kremlin", None, ORG, True, "Russia"),
        ("Russia and North Korea", "Russia and North Korea", None, ORG, True, None),
        # Organizations, with their country from a prefix.
        ("The U.S. State Department", "U.S. State Department", None, ORG, True, "United States"),
        ("the ministry", "ministry", None, ORG, False, None),
        # Media: outlets by name, generic media, and a document standing for its paper.
        ("Yonhap", "Yonhap", None, MEDIA, True, "South Korea"),
        ("South Korea's Yonhap News", "Yonhap News", None, MEDIA, True, "South Korea"),
        ("North Korean state media", "North Korean state media", None, MEDIA, False, "North Korea"),
        ("state media", "state media", None, MEDIA, False, None),
        ("the Rodong Sinmun article", "Rodong Sinmun", None, MEDIA, True, "North Korea"),
        # Unnamed groups and people: never named, whatever their capitals.
        ("officials", "officials", None, GROUP, False, None),
        # One unnamed person is a person (named false); a group is an unnamed plural set.
        ("a senior official", "senior official", "senior official", PERSON, False, None),
        ("sources", "sources", None, GROUP, False, None),
        ("U.S., Ukrainian and South Korean officials", "U.S., Ukrainian and South Korean officials", None, GROUP, False, None),
        ("Ukrainian forces", "Ukrainian forces", None, GROUP, False, "Ukraine"),
    ],
)
def test_parse_mention(mention, name, role, kind, named, affiliation):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.role, parsed.type, parsed.named, parsed.affiliation) == (name, role, kind, named, affiliation)


@pytest.mark.parametrize(
    "mention, gender",
    [
        # Gender only from honorifics (and, later, pronouns); never from a first name.
        ("Mr. Peskov", Gender.MALE),
        ("Mrs. Hale", Gender.FEMALE),
        ("Ms. Ann Hale", Gender.FEMALE),
        ("Dr. Ann Hale", None),
        ("Jane Roe", None),
        ("John Smith", None),
        ("Kremlin spokesman Dmitry Peskov", None),
        ("he", Gender.MALE),
        ("she", Gender.FEMALE),
        ("they", None),
    ],
)
def test_gender_only_from_honorifics_and_pronouns(mention, gender):
    assert parse_mention(mention).gender is gender


@pytest.mark.parametrize("mention", ["he", "she", "they", "it", "who"])
def test_pronouns_are_pronouns(mention):
    parsed = parse_mention(mention)
    assert parsed.pronoun == mention and parsed.type is UNKNOWN and not parsed.named


@pytest.mark.parametrize("mention", ["the spokesman", "the North Korean leader", "the minister"])
def test_definite_roles_are_descriptions(mention):
    parsed = parse_mention(mention)
    assert parsed.description and parsed.type is PERSON and not parsed.named


@pytest.mark.parametrize("mention", ["a spokesman", "Kremlin spokesman Dmitry Peskov", "officials", "Pyongyang"])
def test_other_mentions_are_no_descriptions(mention):
    assert not parse_mention(mention).description


# ---------------------------------------------------------------------------------------
# Appositions give the role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Jane Roe, a spokeswoman for the ministry, said the talks had failed.", "Jane Roe", "spokeswoman for the ministry"),
        ("“We lost,” said Tom Bell, a spokesman for the party.", "Tom Bell", "spokesman for the party"),
        # Negative: no role word in the aside, no role.
        ("Jane Roe, 52, said the talks had failed.", "Jane Roe", None),
    ],
)
def test_apposition_role(text, name, role):
    speaker = attribution(text).speaker
    assert (speaker.name, speaker.role) == (name, role)


# ---------------------------------------------------------------------------------------
# Later mentions join earlier entities


@pytest.mark.parametrize(
    "text, expected",
    [
        # Surnames and short names join the full name seen before.
        (
            "North Korean leader Kim Jong Un said the war was over. Kim said a monument would rise.",
            ["Kim Jong Un", "Kim Jong Un"],
        ),
        (
            "Kremlin spokesman Dmitry Peskov said talks would go on. Mr. Peskov said more would follow.",
            ["Dmitry Peskov", "Dmitry Peskov"],
        ),
        # Named in the prose before speaking: "Putin's war" then "Putin claimed".
        (
            "Russian President Vladimir Putin's war went on. Putin claimed his forces had won.",
            ["Vladimir Putin"],
        ),
        # "Kim's statement read": the statement stands for its author.
        (
            "North Korean leader Kim Jong Un said the war was over.\n“Glory to the soldiers,” Kim's statement read.",
            ["Kim Jong Un", "Kim Jong Un"],
        ),
        # A surname first, the full name later: one person.
        ("Peskov said talks would go on. Dmitry Peskov said more would follow.", ["Dmitry Peskov", "Dmitry Peskov"]),
        # Negative: two people with the same surname stay two.
        (
            "Jane Roe said the vote was close. Tom Roe said the count was wrong.",
            ["Jane Roe", "Tom Roe"],
        ),
        # Negative: a new full name is a new person, not the last one.
        ("Jane Roe said the vote was close. Ann Hale said it was not.", ["Jane Roe", "Ann Hale"]),
        # Organizations: a shorter form joins the longer one.
        (
            "The U.S. State Department said the talks failed. The State Department said it would try again.",
            ["U.S. State Department", "U.S. State Department"],
        ),
        # Metonyms join the state they stand for.
        ("North Korea said the troops were heroes. Pyongyang said a monument would rise.", ["North Korea", "North Korea"]),
    ],
)
def test_later_mentions_join(text, expected):
    assert speakers(text) == expected


def test_same_surname_keeps_two_entities():
    result = quotes.analyze("Jane Roe said the vote was close. Tom Roe said the count was wrong. Roe said no more.")
    names = {s.name for s in result.speakers}
    assert {"Jane Roe", "Tom Roe"} <= names


# ---------------------------------------------------------------------------------------
# Pronouns and descriptions point back


@pytest.mark.parametrize(
    "text, expected",
    [
        # he/she: the nearest person.
        ("Jane Roe said the vote was close. “We will win,” she said.", ["Jane Roe", "Jane Roe"]),
        # A surname the article never completes keeps the honorific it was given.
        ("Mr. Peskov said talks went on. “We have a treaty,” he said.", ["Mr. Peskov", "Mr. Peskov"]),
        # ... and the pronoun's gender rules out a person of the other gender.
        ("Mr. Peskov said talks went on. Mrs. Hale said they had failed. “No,” he said.", ["Mr. Peskov", "Mrs. Hale", "Mr. Peskov"]),
        # they: the nearest group or organization, not a person.
        ("Jane Roe said the vote was close. Officials said it was not. “We disagree,” they said.", ["Jane Roe", "Officials", "Officials"]),
        # it: an organization or outlet.
        ("The ministry said the talks failed. It said it would try again.", ["ministry", "ministry"]),
        # A description joins the one person whose role it names.
        (
            "Kremlin spokesman Dmitry Peskov said talks went on. The spokesman said there was a treaty.",
            ["Dmitry Peskov", "Dmitry Peskov"],
        ),
    ],
)
def test_pronouns_and_descriptions(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” he said.",
        "They said the plant would close.",
        # "he" cannot be an organization.
        "The ministry said the talks failed. “We will win,” he said.",
    ],
)
def test_pronoun_without_antecedent_stays_unresolved(text):
    result = quotes.analyze(text)
    last = result.attributions[-1]
    assert last.speaker is None and last.confidence == 0
    row = attribution_rows(result)[-1]
    assert (row["speaker"], row["speaker_type"], row["named"], row["confidence"]) == (None, "unknown", False, 0)


def test_ambiguous_description_stays_its_own_speaker():
    # Two spokesmen: "the spokesman" may be either, so it joins neither.
    text = (
        "Kremlin spokesman Dmitry Peskov said talks went on. Ministry spokesman Ivan Bell said they had not. "
        "The spokesman said there was a treaty."
    )
    names = speakers(text)
    assert names[-1] not in ("Dmitry Peskov", "Ivan Bell")


def test_gender_from_pronoun_reaches_the_entity():
    result = quotes.analyze("Jane Roe said the vote was close. “We will win,” she said.")
    assert result.attributions[0].speaker.gender is Gender.FEMALE


def test_gender_never_from_a_first_name():
    result = quotes.analyze("Jane Roe said the vote was close.")
    assert result.attributions[0].speaker.gender is None


# ---------------------------------------------------------------------------------------
# Conduits: who carried the words


@pytest.mark.parametrize(
    "text, speaker, via",
    [
        (
            "The U.S. State Department said in a statement to Yonhap that the war must end.",
            "U.S. State Department", "Yonhap",
        ),
        ("Jane Roe told CNN that the vote was close.", "Jane Roe", "CNN"),
        (
            "“They are heroes,” said North Korean leader Kim Jong Un, according to North Korean state media.",
            "Kim Jong Un", "North Korean state media",
        ),
        # Negative: "told reporters" names hearers, not a conduit.
        ("Jane Roe told reporters that the vote was close.", "Jane Roe", None),
        ("Jane Roe said the vote was close.", "Jane Roe", None),
    ],
)
def test_conduits(text, speaker, via):
    a = attribution(text, 0)
    assert (a.speaker.name, a.via) == (speaker, via)


def test_outlet_reporting_a_statement_it_was_given_is_the_conduit():
    text = (
        "The U.S. State Department said in a statement to South Korea's Yonhap News that the war must end.\n"
        "“We are concerned by the deployment,” Yonhap reported on Monday."
    )
    last = attribution(text)
    assert (last.speaker.name, last.via) == ("U.S. State Department", "Yonhap News")


def test_outlet_reporting_on_its_own_is_the_speaker():
    # Negative: no statement was given to Yonhap, so Yonhap speaks for itself.
    last = attribution("“The deployment is large,” Yonhap reported on Monday.")
    assert (last.speaker.name, last.via) == ("Yonhap", None)
