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
