"""Detection, construction by construction: positive and negative cases side by side."""
import pytest

import quotes
from quotes.detect import scan_quotes


def found(text):
    """(kind, words, speaker mention) for each attribution."""
    result = quotes.analyze(text)
    return [
        (a.kind.value, a.content.text, a.speaker_mention.text if a.speaker_mention else None)
        for a in result.attributions
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Direct quotes, curly and straight, with the cue after or before.
        ("“We will win,” Jane Roe said.", [("direct", "We will win", "Jane Roe")]),
        ('"We will win," said Jane Roe.', [("direct", "We will win", "Jane Roe")]),
        ("Jane Roe said: “We will win.”", [("direct", "We will win", "Jane Roe")]),
        ('The mayor said, "We will win."', [("direct", "We will win", "The mayor")]),
        # British style: single marks outside, double inside, one quote.
        ("‘He called it “a disgrace”,’ the minister said.", [("direct", "He called it “a disgrace”", "the minister")]),
        # A quote split around its cue is two quotes by one speaker, credited through one mention.
        ("“A plan,” he said. “A good one.”", [("direct", "A plan", "he"), ("direct", "A good one", "he")]),
        # Dash credit.
        ("“Public safety comes first.” - Commissioner Jane Roe", [("direct", "Public safety comes first", "Commissioner Jane Roe")]),
        # Partial quotes inside reported speech belong to that sentence's speaker.
        (
            "The ministry praised the “brave volunteers” for their “tireless work” on Sunday.",
            [("partial", "brave volunteers” for their “tireless work", "The ministry")],
        ),
        (
            "Smith said the deal was “a disaster” for the town.",
            [("partial", "the deal was “a disaster” for the town", "Smith")],
        ),
        # Reported speech without quote marks.
        ("Officials have said since last fall that the plant will close.", [("indirect", "the plant will close", "Officials")]),
        ("The plant will close next year, officials said.", [("indirect", "The plant will close next year", "officials")]),
        ("The soldiers were exhausted, Ukrainian forces have reported.", [("indirect", "The soldiers were exhausted", "Ukrainian forces")]),
        ("Smith told reporters that the vote would be close.", [("indirect", "the vote would be close", "Smith")]),
        ("Jane Roe, a spokeswoman for the ministry, said the talks had failed.", [("indirect", "the talks had failed", "Jane Roe")]),
        ("According to the report, the river has flooded twice.", [("indirect", "the river has flooded twice", "the report")]),
        ("The river has flooded twice, according to local officials.", [("indirect", "The river has flooded twice", "local officials")]),
        ("Peskov disputed the claim, saying the troops are still there.", [("indirect", "the troops are still there", "Peskov")]),
        # Honorifics, initials and bracketed party tags stay inside the name.
        ('"It will be fine," Mr. Hale said.', [("direct", "It will be fine", "Mr. Hale")]),
        ('"It will be fine," said Sen. Mary K. Hale (D-Ore.).', [("direct", "It will be fine", "Sen. Mary K. Hale")]),
        ("“We lost,” Rep. Tom Bell (R-Ohio), a panel member, said in an interview.", [("direct", "We lost", "Rep. Tom Bell (R-Ohio)")]),
        # Asides between the name and the verb: ages, appositions, relative clauses.
        ("“We lost,” Ann Bell, 25, said.", [("direct", "We lost", "Ann Bell")]),
        ("“We lost,” Tom Bell, who ran the campaign, said.", [("direct", "We lost", "Tom Bell")]),
        ("“We lost,” said Tom Bell, chief strategist for the party.", [("direct", "We lost", "Tom Bell")]),
        # A cue right after an opening quote credits it, whatever follows the cue.
        (
            "“We are in a crisis,” Chancellor Anna Berg told reporters after a meeting that ran late.",
            [("direct", "We are in a crisis", "Chancellor Anna Berg")],
        ),
        ("“Peace matters,” she said in the hall, adding that talks would resume.", [("direct", "Peace matters", "she"), ("indirect", "talks would resume", "she")]),
        # "what he called": the speaker is the pronoun, not "what".
        ("The mayor condemned what he called a “reckless stunt” on Monday.", [("partial", "reckless stunt", "he")]),
        # Reported clauses in the present: "said she plans", "say Scott deserves".
        ("Stein said she plans to join the protest.", [("indirect", "she plans to join the protest", "Stein")]),
        ("Observers say Scott deserves the seat.", [("indirect", "Scott deserves the seat", "Observers")]),
        ("Stein said Monday nothing.", []),
        ("Gingrich said the transition reflects reality.", [("indirect", "the transition reflects reality", "Gingrich")]),
        ("Bell said her goodbyes.", []),
        # A promise's infinitive is what was said; other verbs' infinitives are not.
        ("Bell vowed to build a new dam.", [("indirect", "to build a new dam", "Bell")]),
        ("Bell wanted to build a new dam.", []),
        # "who said": the relative pronoun, comma or not.
        ("She took calls from listeners who said they had doubts.", [("indirect", "they had doubts", "who")]),
        # Quotes between two-apostrophe marks.
        ("''We will win,'' Mr. Hale said. ''Again.''", [("direct", "We will win", "Mr. Hale"), ("direct", "Again", "Mr. Hale")]),
        # A question or exclamation before its credit: one sentence, not two.
        ("“Who knows?” Ann Bell asked.", [("direct", "Who knows?", "Ann Bell")]),
        ("“Stop it!” the guard shouted.", [("direct", "Stop it!", "the guard")]),
        ("“Who knows?” Then the vote came.", [("direct", "Who knows?", None)]),
        # Verbs that count only after their words: "the letter reads", "he demanded".
        ("“We need help,” the letter reads.", [("direct", "We need help", "the letter")]),
        ("She read the letter aloud at noon.", []),
        # A colon credits the subject of its clause, or the bare name before it.
        ("Ann Bell continued: “We are not done.”", [("direct", "We are not done", "Ann Bell")]),
        ("Along with the photo, he had posted: “We are celebrating!”", [("direct", "We are celebrating!", "he")]),
        ("POLL NEWS - Ann Bell: “Turnout was high.”", [("direct", "Turnout was high", "Ann Bell")]),
        # A participle shares the subject of its clause, never the noun phrase it follows.
        ("Amid the uproar, Ann Bell rejected the plan, saying it was “rotten.”", [("partial", "it was “rotten.”", "Ann Bell")]),
        ("Bell opened the debate saying “of course” she would run.", [("partial", "of course", "Bell")]),
        ("Bell praised the “brave” volunteers, saying the city needed them.", [("partial", "brave", "Bell"), ("indirect", "the city needed them", "Bell")]),
        # Quoted words in a sentence whose subject can speak are that subject's.
        ("Governor Ann Bell described the plan as a “disgrace” on Monday.", [("partial", "disgrace", "Governor Ann Bell")]),
        ("In Chelsea, the mayor also said there was “no evidence” of a crime.", [("partial", "there was “no evidence” of a crime", "the mayor")]),
        ("“We won,” Mr. Hale of the Harbor Club said.", [("direct", "We won", "Mr. Hale of the Harbor Club")]),
        ("“We won,” Senate leader Tom Bell, R-Ky., said Tuesday.", [("direct", "We won", "Senate leader Tom Bell")]),
        ("Bell spoke about the flood in Dover, Delaware, arguing that aid was “too slow.”", [("partial", "aid was “too slow.”", "Bell")]),
        ("The band played “Born to Run” twice.", []),
        # "X's claim that ...": the owner of the words; "who said": the relative pronoun.
        ("The panel examined Bell's claim that the count was “rigged.”", [("partial", "rigged", "Bell's")]),
        ("Bell met Hale, who in 2010 said the plan was “dead.”", [("partial", "the plan was “dead.”", "who")]),
        # A phrase after the speaker: "a narrator in the ad", "protesters marching outside".
        ("“Why not?” a narrator in the ad asks.", [("direct", "Why not?", "a narrator in the ad")]),
        ("Protesters marching through the streets chanted “No more!” all night.", [("direct", "No more!", "Protesters marching through the streets")]),
        # A participle after an object shares the clause's subject, not the object's.
        ("The council issued a statement calling the vote “a disgrace.”", [("partial", "a disgrace", "The council")]),
        # Nouns that look like verbs: "Republican claims", "the United States".
        ("Bell rated most Republican claims as “false” last year.", [("partial", "false", "Bell")]),
        # Not attributions: nobody is credited with these quoted words.
        ("The film “Oppenheimer” won seven awards.", []),
        ("Officials called the plan a “rumor” last week and moved on.", [("partial", "rumor", "Officials")]),
        ("The so-called “peace plan” was never published.", []),
        ("Two prisoners have spoken publicly about their treatment.", []),
        ("The notes and reports were left behind on the battlefield.", []),
    ],
)
def test_constructions(text, expected):
    assert found(text) == expected


def test_several_quotes_after_one_cue_share_the_speaker():
    text = "Peskov said on Monday that Russia would help.\n“Of course, we have a treaty,” he said. “It works.”"
    result = quotes.analyze(text)
    names = [a.speaker.name if a.speaker else None for a in result.attributions]
    assert names == ["Peskov", "Peskov", "Peskov"]


def test_free_quote_takes_the_speaker_of_the_sentence_before():
    text = "Senator Ann Bell praised the volunteers at the dam. “They saved the town.”"
    result = quotes.analyze(text)
    last = result.attributions[-1]
    assert (last.content.text, last.speaker.name, last.speaker_mention.text) == ("They saved the town", "Ann Bell", "Senator Ann Bell")


def test_free_quote_after_a_credit_reports_the_credit_mention():
    result = quotes.analyze("“We won,” she said. “Again.”")
    assert [a.speaker_mention.text if a.speaker_mention else None for a in result.attributions] == ["she", "she"]


def test_paragraph_of_one_quote_takes_the_subject_of_the_prose_before():
    text = "Senator Ann Bell continued her remarks.\n“We will not give up the dam.”"
    last = quotes.analyze(text).attributions[-1]
    assert (last.speaker.name, last.speaker_mention.text) == ("Ann Bell", "Senator Ann Bell")


def test_free_quote_with_nobody_before_stays_unattributed():
    result = quotes.analyze("The river rose overnight. “It came fast.”")
    last = result.attributions[-1]
    assert last.speaker is None and last.confidence == 0


def test_multi_paragraph_quote_keeps_its_speaker():
    text = "“We came here to work,” the mayor said. “And we will stay.\n“Nobody will move us.”"
    result = quotes.analyze(text)
    assert [a.content.text for a in result.attributions] == ["We came here to work", "And we will stay", "Nobody will move us"]
    assert {a.speaker.name for a in result.attributions} == {"mayor"}


@pytest.mark.parametrize(
    "paragraph, quoted",
    [
        ("He said “yes” and left.", ["yes"]),
        ("“Outer ‘inner’ text,” she said.", ["Outer ‘inner’ text,"]),
        ("The nations’ pact and Moscow’s war.", []),
        ("A stray “ mark and then “a real quote” here.", ["a real quote"]),
        ('Straight "quotes" work "too".', ["quotes", "too"]),
        ("Mismatched “curly and straight\" marks.", ["curly and straight"]),
        # Two apostrophes as one double mark, as some archives print quotes.
        ("''We will win,'' he said. ''Again.''", ["We will win,", "Again."]),
        ("The ''rock'' and ''roll'' era.", ["rock", "roll"]),
        ("The nations'' pact.", []),
        # A closing mark typed as an opener at the start of a quote.
        ("”Fortunately, it works.” ― Ann Bell", ["Fortunately, it works."]),
        ("He said “yes” and “no” today.", ["yes", "no"]),
    ],
)
def test_scan_quotes(paragraph, quoted):
    spans = scan_quotes(paragraph, 0, len(paragraph))
    assert [paragraph[q.inner_start : q.inner_end] for q in spans] == quoted


def test_unbalanced_quote_recovers_at_the_next_paragraph():
    text = "He said “this never closes.\nThe council said the road will reopen."
    result = quotes.analyze(text)
    assert ("indirect", "the road will reopen", "The council") in [
        (a.kind.value, a.content.text, a.speaker_mention.text) for a in result.attributions
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A second trailing credit reaches back only to the previous cue of its sentence.
        ("Prices rose, Smith said, and wages fell, Jones said.", [("Prices rose", "Smith"), ("and wages fell", "Jones")]),
        ("Prices rose, according to Smith, and wages fell, Jones said.", [("Prices rose", "Smith"), ("and wages fell", "Jones")]),
        # One credit still takes the whole sentence before it.
        ("Prices rose and wages fell, Jones said.", [("Prices rose and wages fell", "Jones")]),
    ],
)
def test_trailing_credits_share_a_sentence(text, expected):
    result = quotes.analyze(text)
    assert [(a.content.text, a.speaker_mention.text) for a in result.attributions] == expected
