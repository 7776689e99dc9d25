"""quotes.model: the one definition of an uncertain link."""
import pytest

from quotes import analyze
from quotes.model import UNCERTAIN_BELOW, Attribution, Kind, Span, Speaker, SpeakerType

JANE = Speaker(0, "Jane Roe", SpeakerType.PERSON, True)


def attribution(confidence: float, speaker: Speaker | None = JANE) -> Attribution:
    return Attribution(0, Kind.DIRECT, Span(0, 3, "Yes"), None, None, speaker, None, confidence)


@pytest.mark.parametrize("confidence, speaker, uncertain", [
    (0.45, JANE, True),  # a quote joined to the previous sentence's speaker
    (0.55, JANE, True),  # ... or the previous paragraph's
    (UNCERTAIN_BELOW - 0.01, JANE, True),
    (UNCERTAIN_BELOW, JANE, False),  # the bound itself is certain enough
    (0.7, JANE, False),  # a pronoun
    (0.9, JANE, False),  # a name at the cue
    (0.0, None, False),  # unattributed is not uncertain: no speaker is claimed
    (0.5, None, False),
])
def test_uncertain_is_a_weak_link_to_a_speaker(confidence, speaker, uncertain):
    assert attribution(confidence, speaker).uncertain is uncertain


@pytest.mark.parametrize("text, expected", [
    ("“We will win,” Jane Roe said.\n\n“The count is late and we will fight it in every court.”", [False, True]),
    ("Jane Roe said the vote was fair. “It was clean.”", [False, True]),
    ("“We will win,” Jane Roe said. “The count is late.”", [False, False]),
    ("“We will win,” she said.", [False]),
])
def test_uncertain_on_analysed_text(text, expected):
    assert [a.uncertain for a in analyze(text).attributions] == expected
