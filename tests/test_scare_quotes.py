"""Scare quotes and quoted labels: a few words in quote marks with no speech act are no attribution.

Every sentence here is invented. Each table holds the construction (positives: nothing found)
and look-alikes that are someone's words and must stay attributions.
"""
import pytest

import quotes


def found(text):
    """(kind, words, speaker) for each attribution."""
    return [
        (a.kind.value, a.content.text, a.speaker.name if a.speaker else None)
        for a in quotes.analyze(text).attributions
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # A quoted word between a determiner and a noun modifies the noun: a scare quote.
        'Fans booed as the "VAR" check dragged on.',
        # ... after a possessive ...
        'Investors dumped the firm\'s "safe" bonds overnight.',
        # ... or after a determiner and an adjective.
        'Engineers installed a new "smart" meter in every flat.',
        # Two words before the noun, with a subject that could speak.
        'The mayor opened the "green corridor" scheme on Tuesday.',
        # A passive subject undergoes the act: the quoted words name the charge ...
        'He was convicted of "gross misconduct" last year.',
        # ... or the praise (someone else's label for her, not her words) ...
        'She was praised for her "calm leadership" during the crisis.',
        # ... also with an adverb before the participle.
        'The coach was widely criticised for his "negative" tactics.',
        # A document that *is* something: a description, not the document's words.
        'The ruling was a "landmark" for gay rights.',
        'The report is "a whitewash" in the eyes of many.',
        # What a court heard: the words of a witness or a lawyer, not of the clause's subject.
        'The court heard he had shown "no remorse" for the attack.',
    ],
)
def test_scare_quotes_are_no_attribution(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A speech verb frames the sentence: the label is the speaker's word.
        (
            'Officials said the "temporary" closure could last months.',
            [("partial", 'the "temporary" closure could last months', "Officials")],
        ),
        # A quote before a noun for something said ('comment', 'remark') is the words of that
        # noun's owner, not of the clause's subject.
        (
            'Critics seized on the minister\'s "let them walk" comment.',
            [("partial", "let them walk", "minister")],
        ),
        ('Rivals queued to attack Ms Hale\'s "clean slate" remark.', [("partial", "clean slate", "Ms Hale")]),
        # Not before a noun: the clause's subject said it (called, dubbed, described ...).
        ('Critics have dubbed the scheme a "tax on jobs".', [("partial", "tax on jobs", "Critics")]),
        ('The minister denied the claims, calling them "nonsense".', [("partial", "nonsense", "minister")]),
        # A passive with its agent: the agent said it.
        ('The deal was hailed as "historic" by both sides.', [("partial", "historic", "both sides")]),
        # A passive of speech: the subject did say it.
        ('Smith was quoted as calling the plan "madness".', [("partial", "madness", "Smith")]),
    ],
)
def test_look_alikes_stay_attributions(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Titles and names were no attribution before this construction either.
        'The film "Oppenheimer" won seven Oscars.',
        'The storm, known locally as "the beast", hit on Monday.',
        'The so-called "peace plan" has been criticised by both sides.',
    ],
)
def test_titles_and_names_stay_unattributed(sentence):
    assert found(sentence) == []


BODY = "\n\nThe row over the figures went on for a second day on Monday in Westminster."


@pytest.mark.parametrize(
    "headline, expected",
    [
        # Headlines drop the "is" of a passive: the subject is accused, not the accuser.
        ("Labour accused of 'EU propaganda'", []),
        ("Club fined for 'unruly' fans", []),
        # Look-alike: an active past tense before "of" is the subject's speech.
        ("Minister warned of 'chaos'", [("partial", "chaos", "Minister")]),
    ],
)
def test_headline_passives(headline, expected):
    assert found(headline + BODY) == expected
