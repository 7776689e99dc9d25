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
        # Negative: two senators in focus, neither the speaker before: no telling which, so
        # the description is a source of its own rather than a guess.
        (
            "Sen. Mara Quist and Sen. Carl Webb met on Tuesday. \"We found common ground,\" the senator said.",
            "common ground",
            "senator",
        ),
        # ... but when one of them spoke last, the description is that one.
        (
            "Sen. Mara Quist spoke first. Sen. Carl Webb then said the bill was dead.\n\n"
            "\"It will not pass,\" the senator said.",
            "will not pass",
            "Carl Webb",
        ),
        # ... and two Democrats in focus leave "the Democrat" unresolved.
        (
            "Democrat Ana Ruiz and Democrat Tom Hale met on Tuesday. \"We found common ground,\" the Democrat said.",
            "common ground",
            "Democrat",
        ),
        # Several senators named before, but the description's own sentence has a subject:
        # the tag after a colon's quote is about that subject.
        (
            "Sen. Ana Ruiz and Sen. Carl Webb opposed the plan.\n\n"
            "Tom Hale defends his record in a new advert: \"I kept my word,\" the senator says.",
            "kept my word",
            "Tom Hale",
        ),
        # Negative: someone the words fit is named after the subject in the same sentence.
        (
            "Tom Hale sat beside Sen. Carl Webb at the hearing, and \"we agreed on everything,\" the senator said.",
            "agreed on everything",
            "Carl Webb",
        ),
        # Negative: a subject the article gave another role is not taken; the minister is.
        (
            "Foreign Minister Ana Ruiz said the talks had failed.\n\n"
            "Tom Hale, the opposition leader, attacked the plan: \"It is a disaster,\" the minister said.",
            "is a disaster",
            "Ana Ruiz",
        ),
        # Negative: a subject the article gave another title is not taken.
        (
            "Sen. Ana Ruiz and Sen. Carl Webb opposed the plan.\n\n"
            "Gov. Tom Hale defends his record in a new advert: \"I kept my word,\" the senator says.",
            "kept my word",
            "senator",
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


# ---------------------------------------------------------------------------------------
# A party-member noun ("the Democrat", "the Tory") points back to the person in focus, as a
# demonym does; where the article gave that person a party, it must agree.


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # The person in focus, whose party the article has not said.
        (
            "Gov. Paul Adler on Monday signed a bill on school meals. \"No child should go hungry,\" the Democrat said.",
            "go hungry",
            "Paul Adler",
        ),
        # "the Tory" for a Conservative named with her party.
        (
            "Conservative MP Jane Frost voted against the bill. \"It is badly drafted,\" the Tory said.",
            "badly drafted",
            "Jane Frost",
        ),
        # "the Conservative" (singular, with the article) is the member, not the party.
        (
            "Tory MP Jane Frost voted against the bill on Monday. She sat alone.\n\n"
            "\"I could not support it,\" the Conservative said.",
            "could not support",
            "Jane Frost",
        ),
        # Two people in focus: the one of the named party, not the last subject.
        (
            "Republican Sen. Carl Webb opened the debate. Democratic Sen. Ana Ruiz replied at length.\n\n"
            "\"We found common ground,\" the Republican said.",
            "common ground",
            "Carl Webb",
        ),
        # Two conjoined subjects are both in focus: the one of the named party, though the
        # other was the subject since.
        (
            "Democratic Sen. Ana Ruiz and Republican Sen. Carl Webb met on Tuesday. Ruiz spoke first.\n\n"
            "\"We found common ground,\" the Republican said.",
            "common ground",
            "Carl Webb",
        ),
        # Negative: the only person in focus is of the other party: a new source, not her.
        (
            "Republican state Sen. Mara Quist attacked the bill. \"It will hurt farmers,\" the Democrat said.",
            "hurt farmers",
            "Democrat",
        ),
        # Negative: the plural is the party itself, an organization.
        (
            "Conservative MP Jane Frost voted against the bill. The Tories said it was badly drafted.",
            "badly drafted",
            "Conservative Party",
        ),
    ],
)
def test_party_member_noun_points_back(text, words, expected):
    assert speaker_of(text, words).name == expected


def test_party_member_noun_with_an_article_is_somebody_new():
    # "a Republican" is an unnamed member, never the person in focus.
    found = speaker_of("Gov. Paul Adler signed the bill. A Republican said it would cost too much.", "cost too much")
    assert (found.name, found.named, found.affiliation) == ("Republican", False, "Republican Party")


@pytest.mark.parametrize(
    "before, titled, party",
    [
        ("Republican state Sen. ", False, "Republican Party"),  # party, modifier, title
        ("Tory backbench MP ", False, "Conservative Party"),  # party, modifier, role
        ("Republican state ", True, "Republican Party"),  # the name span holds the title
        ("Republican lawmakers and ", False, None),  # the party is the lawmakers'
        ("Republican voters and ", True, None),  # ... the voters'
        ("Growing state ", True, None),  # no party word
        ("Democrat ", False, "Democratic Party"),  # a member noun right before the name
        ("Tories ", False, None),  # ... but not the party's name
        ("Republican Sen. ", True, "Republican Party"),  # party and title
    ],
)
def test_party_before_a_titled_name(before, titled, party):
    from quotes.resolve.context import party_before

    assert party_before(before + "Jo Roe", len(before), titled) == party


# ---------------------------------------------------------------------------------------
# A role in an apposition with no article: "Jo Roe, director of the Harbour Trust, said".


@pytest.mark.parametrize(
    "text, name, role, affiliation",
    [
        # A role and the organization after "of".
        ('"It is done," said Jo Roe, director of the Harbour Trust.', "Jo Roe", "director", "Harbour Trust"),
        # Modifiers before the role, "at" before the organization.
        ('"Rates will fall," said Ida Penn, deputy chief economist at Penn Capital.', "Ida Penn", "deputy chief economist", "Penn Capital"),
        # A style before the name; the organization opens with a particle.
        ("Dr Omar Haddad, director of al-Noor Hospital, told reporters the wards were full.", "Omar Haddad", "director", "al-Noor Hospital"),
        # The role alone, before the speech verb.
        ("Jo Roe, spokeswoman, said the talks had stalled.", "Jo Roe", "spokeswoman", None),
        # With an article, the organization is split off the same way.
        ('"It is done," said Jo Roe, the general secretary of the Harbour Trust.', "Jo Roe", "general secretary", "Harbour Trust"),
        # Negative: a lower-case organization keeps the role whole, as before.
        ("Jo Roe, a spokeswoman for the ministry, said the talks had stalled.", "Jo Roe", "spokeswoman for the ministry", None),
        # Negative: a clause, not a role.
        ("Jo Roe, who is director of the Harbour Trust, said the talks had stalled.", "Jo Roe", None, None),
        # Negative: a participle, not a role.
        ("Jo Roe said the talks had stalled, adding that the director of the Harbour Trust was away.", "Jo Roe", None, None),
        # Negative: no role word in the aside.
        ("Jo Roe, visibly tired, said the talks had stalled.", "Jo Roe", None, None),
    ],
)
def test_role_in_an_apposition_without_an_article(text, name, role, affiliation):
    found = quotes.analyze(text).attributions[0].speaker
    assert (found.name, found.role, found.affiliation) == (name, role, affiliation)


# ---------------------------------------------------------------------------------------
# A description in apposition before a name gives its role: "The chancellor, Jo Roe, said".


@pytest.mark.parametrize(
    "text, words, name, role",
    [
        # The role is the description's; a later "the chancellor" joins her.
        (
            "The chancellor, Mara Quist, insisted the plans were fair. Tom Hale disagreed.\n\n"
            "\"We made the right choices,\" the chancellor said.",
            "right choices",
            "Mara Quist",
            "chancellor",
        ),
        # Modifiers in the description are kept.
        ("The shadow health secretary, Wes Hale, said the figures were grim.", "figures were grim", "Wes Hale", "shadow health secretary"),
        # Inside a sentence, after an opening phrase.
        ("On Monday the finance minister, Ana Ruiz, said taxes would rise.", "taxes would rise", "Ana Ruiz", "finance minister"),
        # Negative: no role word in the description.
        ("The winner, Ana Ruiz, said the race was hard.", "race was hard", "Ana Ruiz", None),
        # Negative: a list, not an apposition (no comma closes the name).
        ("The chancellor, Ana Ruiz and Tom Hale met on Monday. Ms Ruiz said the plan was fair.", "plan was fair", "Ana Ruiz", None),
    ],
)
def test_description_in_apposition_before_a_name(text, words, name, role):
    found = speaker_of(text, words)
    assert (found.name, found.role) == (name, role)


@pytest.mark.parametrize(
    "text, role",
    [
        # The abbreviated title is shown spelled out.
        ('"We will appeal," said Gov. Paul Adler.', "governor"),
        ('"The line is holding," said Lt. Gen. Arthur Boyle.', "lieutenant general"),
        # Negative: a role without an abbreviation is shown as written.
        ('"We will appeal," said Harbour Bank chief economist Ida Penn.', "Harbour Bank chief economist"),
    ],
)
def test_abbreviated_title_is_spelled_out_in_the_role(text, role):
    assert quotes.analyze(text).attributions[0].speaker.role == role
