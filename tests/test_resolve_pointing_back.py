"""Organizations and people pointed back to: a generic description of an organization ("the
group", "the company"), a first name alone for someone named in full, and a relation ("her
sister", "his wife") for the person the article named with it.

Every article here is invented. Each table holds positive cases and negatives (articles that
look alike but must not change), each with a comment saying what it shows.
"""
import pytest

import quotes


def speaker_of(text, words):
    """The speaker's name of the attribution whose content holds ``words``."""
    for a in quotes.analyze(text).attributions:
        if words in a.content.text:
            return a.speaker.name if a.speaker else None
    raise AssertionError(f"no attribution holds {words!r}")


# ---------------------------------------------------------------------------------------
# A generic organization head points back to the nearest organization it fits: an earlier
# organization that was once called so ("The group said") does not keep the word.


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "The group" went to the charity; two sentences on, another organization speaks and
        # "the militant group" is that one, the one the article is about now.
        (
            "Oxfam said the army had blocked aid. The group said trucks had waited for days.\n\n"
            "Hezbollah said it had agreed to the truce. The militant group said it expected a reply by Friday.",
            "expected a reply",
            "Hezbollah",
        ),
        # The same with "the company": the later firm, the subject of the sentence before
        # (its suffix says it is a company), not the one called "the company" before.
        (
            "Zentro Corp recalled its yoghurt. The company said no one had fallen ill.\n\n"
            "Brevik Dairy Ltd announced a recall of its own. The company said the two were unrelated.",
            "two were unrelated",
            "Brevik Dairy Ltd",
        ),
        # A company noun the article gave the nearer firm ("the carmaker") does not stop
        # "the company" from meaning it.
        (
            "Lumen Air said its forecast was too high. The group said fuel was dearer.\n\n"
            "Halvor Motors, the carmaker, reported a loss. The company said demand had weakened.",
            "demand had weakened",
            "Halvor Motors",
        ),
        # Negative: the nearer organization is a ministry by its own name, which "the
        # company" cannot mean; the company called so before keeps the word.
        (
            "Zentro Corp recalled its yoghurt. The company said no one had fallen ill.\n\n"
            "The Health Ministry opened an inquiry. The company said it would cooperate fully.",
            "cooperate fully",
            "Zentro Corp",
        ),
        # Negative: nothing spoke in between; "the group" stays with the charity.
        (
            "Oxfam accused the army of blocking aid. The group said trucks had waited for days. "
            "The group said it would publish its figures next week.",
            "publish its figures",
            "Oxfam",
        ),
        # Negative: a head in the earlier organization's own name ("the Bank") is a name, not
        # an alias, and a nearer firm does not take it.
        (
            "The Bank of England said rates would rise. Barclays said mortgage costs would climb. "
            "The Bank said inflation was still too high.",
            "still too high",
            "Bank of England",
        ),
    ],
)
def test_generic_organization_head_points_to_nearest_that_fits(text, words, expected):
    assert speaker_of(text, words) == expected


# ---------------------------------------------------------------------------------------
# A first name alone for a person named in full ("Lina Park ... Lina said").


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # Named in full with a relative; the first name alone joins the full name.
        (
            'Dara Holt and her brother Sam both spoke at the inquest. "We were never told," Dara said.',
            "never told",
            "Dara Holt",
        ),
        # Feature style: named in full in one paragraph, by first name in the next.
        (
            "Marisol Vega opened her bakery in 2019.\n\n"
            '"I baked through the night," Marisol said.',
            "baked through the night",
            "Marisol Vega",
        ),
        # Named in full only after the quote: the fullest name the article gives.
        (
            '"It went well," Tobias said. Tobias Lind met the panel on Monday.',
            "went well",
            "Tobias Lind",
        ),
        # Negative: two people share the first name; neither is the speaker's full name.
        (
            'Dara Holt and Dara Quinn both spoke at the inquest. "We were never told," Dara said.',
            "never told",
            "Dara",
        ),
        # Negative: the word is another person's surname; news calls people by surname,
        # so it is that person.
        (
            'Ruth Owen and Owen Marsh both spoke at the inquest. "We were never told," Owen said.',
            "never told",
            "Ruth Owen",
        ),
    ],
)
def test_first_name_alone_joins_full_name(text, words, expected):
    assert speaker_of(text, words) == expected


# ---------------------------------------------------------------------------------------
# A relation named with a person ("her sister Mia", "his wife, Ann,") gives that person the
# relation: a later "her sister said" is her.


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # A kin noun right before a first name.
        (
            "Dara Holt and her sister Nell both spoke at the inquest. Her sister said she had lost faith in the police.",
            "lost faith",
            "Nell",
        ),
        # A kin noun in apposition, between commas.
        (
            "Piet Lang came with his wife, Greta, to the hearing. His wife said the process had taken years.",
            "taken years",
            "Greta",
        ),
        # A role noun before a full name.
        (
            "Sofia Brandt hired her lawyer Emil Kort last spring. Her lawyer said the case would go to trial.",
            "go to trial",
            "Emil Kort",
        ),
        # The name first, the relation after it between commas.
        (
            "Greta Lang, his wife, sat beside Piet Lang. His wife said the process had taken years.",
            "taken years",
            "Greta Lang",
        ),
        # The relation as a sentence's subject is the person too, so "he said" after it
        # points back to him.
        (
            "Sofia Brandt hired her lawyer Emil Kort last spring. Her lawyer filed an appeal on Monday. "
            "He said the case would go to trial.",
            "go to trial",
            "Emil Kort",
        ),
        # Negative: another possessive ("his lawyer" is not "her lawyer Emil Kort").
        (
            "Sofia Brandt hired her lawyer Emil Kort last spring. His lawyer said the case would go to trial.",
            "go to trial",
            "His lawyer",
        ),
        # Negative: two sisters named; "her sister" could be either.
        (
            "Dara Holt came with her sister Nell and her sister Ida. Her sister said she had lost faith in the police.",
            "lost faith",
            "Her sister",
        ),
        # Negative: another relation ("her mother") than the one named.
        (
            "Dara Holt and her sister Nell both spoke at the inquest. Her mother said she had lost faith in the police.",
            "lost faith",
            "Her mother",
        ),
    ],
)
def test_relation_points_to_person_named_with_it(text, words, expected):
    assert speaker_of(text, words) == expected
