"""Detection families seen in news from outside US politics, construction by construction.

Every sentence here is invented. Positive and negative cases sit side by side in each table.
"""
import pytest

import quotes
from quotes.detect import scan_quotes


def found(text):
    """(kind, words, speaker) for each attribution."""
    return [
        (a.kind.value, a.content.text, a.speaker.name if a.speaker else None)
        for a in quotes.analyze(text).attributions
    ]


# ---------------------------------------------------------------------------------------
# Quotes run together by lost paragraph breaks: a multi-paragraph quote leaves each paragraph
# but the last unclosed and opens the next with a new mark; scraped copy that lost the breaks
# reads '"First part. "Second part."' on one line.


@pytest.mark.parametrize(
    "paragraph, quoted",
    [
        ('He said: "We lost. "We will win next time."', ["We lost.", "We will win next time."]),
        ("She said: “One. “Two! “Three.”", ["One.", "Two!", "Three."]),
        ('"It was hard. "Nobody helped us," she said.', ["It was hard.", "Nobody helped us,"]),
        # The last part runs to the paragraph's end even when its closing mark was lost too.
        ('He said: "We lost. "We will win', ["We lost.", "We will win"]),
        # Negatives: a quote inside a quote that closes is nested, not a break ...
        ('"This is wrong. "Star Wars" is better," he said.', ['This is wrong. "Star Wars" is better,']),
        # ... a new mark not after a finished sentence is no break ...
        ('He said "yes and "no".', ["no"]),
        # ... nor one followed by a lower-case word.
        ('He said "yes. "and then" it ended.', ["and then"]),
        # Single marks in British style run together the same way.
        ("He said: ‘We lost. ‘We will win.’", ["We lost.", "We will win."]),
    ],
)
def test_lost_paragraph_breaks_split_a_quote(paragraph, quoted):
    spans = scan_quotes(paragraph, 0, len(paragraph))
    assert [paragraph[q.inner_start : q.inner_end] for q in spans] == quoted


@pytest.mark.parametrize(
    "text, expected",
    [
        # Each part keeps the speaker of the first, whether a lead-in or a credit gave it.
        (
            'Jane Roe said: "We lost. "We will win next time."',
            [("direct", "We lost", "Jane Roe"), ("direct", "We will win next time", "Jane Roe")],
        ),
        (
            'The works will take years, Jane Roe pointed out. "It is hard. "But we will finish."',
            [
                ("indirect", "The works will take years", "Jane Roe"),
                ("direct", "It is hard", "Jane Roe"),
                ("direct", "But we will finish", "Jane Roe"),
            ],
        ),
        # Negative: a closed quote after a reported sentence is no continuation of anything.
        (
            'The mayor said the road will reopen. Traffic was heavy on "Black Friday".',
            [("indirect", "the road will reopen", "mayor")],
        ),
    ],
)
def test_run_together_parts_share_their_speaker(text, expected):
    assert found(text) == expected


def words_and_mentions(text):
    """(words, speaker mention) for each attribution."""
    return [
        (a.content.text, a.speaker_mention.text if a.speaker_mention else None)
        for a in quotes.analyze(text).attributions
    ]


# ---------------------------------------------------------------------------------------
# "X told Y ...": Y is one noun phrase, the hearer; the reported clause starts after it.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ann Bell told the radio station she was happy in Spain.", [("she was happy in Spain", "Ann Bell")]),
        ("Tom Hale told MPs a new report was on its way.", [("a new report was on its way", "Tom Hale")]),
        ("Tom Hale told Channel Nine the council had a plan.", [("the council had a plan", "Tom Hale")]),
        ("The coach told reporters on Monday that the team was ready.", [("the team was ready", "The coach")]),
        ("The minister told the House of Commons that taxes would fall.", [("taxes would fall", "The minister")]),
        # A hearer after "to": "admitted to jurors he ...", "explained to the court that ...".
        ("The clerk admitted to reporters he had signed the papers.", [("he had signed the papers", "The clerk")]),
        # Negative: "to" before a verb or a thing is no hearer.
        ("Our group will continue to push policies that help.", []),
    ],
)
def test_the_hearer_after_told_is_one_noun_phrase(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Cues of more than one word, and verbs that only report when a clause follows.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("But the agency made it clear that the rating would not change.", [("the rating would not change", "the agency")]),
        ("The senator demanded to know who had approved the visit.", [("who had approved the visit", "The senator")]),
        ("Prices will rise next year, Ms Hale intimated.", [("Prices will rise next year", "Ms Hale")]),
        # "agree" reports only with "that" or after the words: not "agreed to a buyout".
        ("The firm agreed to a buyout by a rival in a deal valued at $6bn.", []),
        ("The firm agreed that the deal was fair.", [("the deal was fair", "The firm")]),
        ("The company agreed to suspend sales in its stores.", []),
    ],
)
def test_cue_words(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Where "said ... that" reaches: a verb on the way means the clause began before "that".


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The officer said Mr Hale knew about the entries that were made in 2001.", [("Mr Hale knew about the entries that were made in 2001", "The officer")]),
        ("The panel said the bank had held rates too high given that prices were low.", [("the bank had held rates too high given that prices were low", "The panel")]),
        # Positive: prepositional phrases before "that" are skipped.
        ("The ministry said in a statement on Monday that the bridge would reopen.", [("the bridge would reopen", "The ministry")]),
    ],
)
def test_that_after_a_verb_is_inside_the_clause(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Trailing credits with more sentence after them, plural speaker nouns, passives, dates.


@pytest.mark.parametrize(
    "text, expected",
    [
        # A conjunction after the credit starts a new clause; the words before are credited,
        # and quoted words after it are the same speaker's.
        (
            'The rule would be wrong, Ms Hale said, because the advice should be an "independent view".',
            [("The rule would be wrong", "Ms Hale"), ("independent view", "Ms Hale")],
        ),
        ("Fees will not be means tested, say the Greens, because that would cost more.", [("Fees will not be means tested", "the Greens")]),
        # Plural speaker nouns speak like their singulars.
        ("Debt is no longer a risk, one of the leading rating agencies says.", [("Debt is no longer a risk", "one of the leading rating agencies")]),
        # A passive cue is spoken of, not speaking: no frame.
        ("His retirement was announced by the board in November.", []),
        ("They were told the plant would close.", []),
        # ... but "was saying" is no passive.
        ("She was saying the plan would work.", [("the plan would work", "She")]),
        # A date before the subject is no part of it.
        ("On September 27 they said the results were true.", [("the results were true", "they")]),
        # A participle after a preposition shares the clause's subject.
        ("The minister hit back by saying the plan would fail.", [("the plan would fail", "The minister")]),
        # Words in tweets nobody in the phrase owns are the clause subject's ...
        ("Ann Bell posted a series of tweets saying that the vote was rigged.", [("the vote was rigged", "Ann Bell")]),
        # ... but an owner speaks for its announcement.
        ("The story came after Russia's announcement praising the troops for their \"heroism\".", [("heroism", "Russia's announcement")]),
    ],
)
def test_sentence_level_constructions(text, expected):
    assert words_and_mentions(text) == expected


@pytest.mark.parametrize(
    "text, refers_to",
    [
        ("Her remarks follow criticism from the audit committee, which said the rates were too high.", "the audit committee"),
        ("It was praised by Senator Ann Hale, who said the bill was fair.", "Senator Ann Hale"),
        ("Officials who said the bridge was safe were wrong.", "Officials"),
    ],
)
def test_a_relative_pronoun_mention_knows_what_it_stands_for(text, refers_to):
    from quotes.detect import detect
    from quotes.engines import get_engine

    analysis = get_engine("rules").analyze(text)
    candidate = detect(analysis).candidates[0]
    assert text[slice(*candidate.mention)] in ("which", "who")
    assert text[slice(*candidate.refers_to)] == refers_to
