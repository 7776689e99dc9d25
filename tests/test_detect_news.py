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
        # "in writing" says how the words were given: one attribution, not a second by "writing".
        ("The firm told the union in writing that the plant would close.", [("the plant would close", "The firm")]),
        ("Ms Hale said in writing that the deal was off.", [("the deal was off", "Ms Hale")]),
        # ... while "writing" after anything else is still the cue it is.
        ("Writing in a local paper, Ms Hale said the deal was off.", [("the deal was off", "Ms Hale")]),
        ("Ms Hale is writing that the deal was off.", [("the deal was off", "Ms Hale")]),
        ("The deal was off, Ms Hale said, writing that talks had failed.", [("The deal was off", "Ms Hale"), ("talks had failed", "Ms Hale")]),
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
        # Modifiers joined by "and" before their noun stay in the phrase.
        ('"It is hard," the world 200m and 400m record holder said.', [("It is hard", "the world 200m and 400m record holder")]),
        # Plural speaker nouns speak like their singulars.
        ("Debt is no longer a risk, one of the leading rating agencies says.", [("Debt is no longer a risk", "one of the leading rating agencies")]),
        # A passive cue is spoken of, not speaking: no frame; nor is a participle describing a thing.
        ("His retirement was announced by the board in November.", []),
        ("The book, written in 2004, says the advice was changed.", [("the advice was changed", "The book")]),
        ("He has written that the plan failed.", [("the plan failed", "He")]),
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


# ---------------------------------------------------------------------------------------
# Who speaks: appositions, inverted subjects, relative pronouns, passive agents.


@pytest.mark.parametrize(
    "text, expected",
    [
        # The name in apposition to a description speaks; the phrase after the verb is content.
        ("His father, Ernie Blake, says his son is a natural leader.", [("his son is a natural leader", "Ernie Blake")]),
        ("The coach, Ann Bell, said the team was ready.", [("the team was ready", "Ann Bell")]),
        # Negative: a description in apposition to a name leaves the name.
        ("Ann Bell, the coach, said the team was ready.", [("the team was ready", "Ann Bell")]),
        # Asides set off by dashes.
        ("Kall -- co-editor of a book, Debating Trump -- said the candidate tended to boast.", [("the candidate tended to boast", "Kall")]),
        # After "said", a pronoun with a verb is the clause's subject, not an inverted speaker.
        ("Some, such as Ann Bell, said they would rather go to jail.", [("they would rather go to jail", "Some")]),
        # ... while '"...," said the minister' is one.
        ('"It will work," said the minister.', [("It will work", "the minister")]),
        # A passive's agent said the quoted words.
        ('Her remarks were described as "reckless" by the council.', [("reckless", "the council")]),
        # A company's "Co." or "Inc." keeps its period inside the name.
        ("Samsung Electronics Co. said profits fell.", [("profits fell", "Samsung Electronics Co.")]),
    ],
)
def test_who_speaks(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Reported clauses without "that".


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr Hale said it's time to go.", [("it's time to go", "Mr Hale")]),
        ("The nurse said they're short of beds.", [("they're short of beds", "The nurse")]),
        ("The doctor said too often, the clinic becomes the only option.", [("too often, the clinic becomes the only option", "The doctor")]),
        ("The bank added underlying lending rose by 4% in November.", [("underlying lending rose by 4% in November", "The bank")]),
        # Negatives: a verb that only trails is no cue before a noun phrase, nor is a noun.
        ("The firm added new rules to the list.", []),
        ("North Korean state media claimed the troops were heroes.", [("the troops were heroes", "North Korean state media")]),
        # Plural nouns after a noun are no verbs ("business interests in Russia").
        ("They might reveal extensive business interests in Russia.", []),
        # A verb after "but" belongs to another clause.
        ("They have promised a figure but have yet to say which taxes would rise.", []),
    ],
)
def test_clauses_without_that(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Not attributions: names, titles, nicknames, what a text "is", speech words in names.


@pytest.mark.parametrize(
    "text, expected",
    [
        ('About 9,000 people will attend the so-called "anti-Davos" forum.', []),
        ('The scheme, known as "Fast Track", starts in May.', []),
        ("Fans call him 'The New Maradona'.", []),
        ('The proposed question is: "Should the country approve the treaty?"', []),
        ("A campaign called North East Says No was launched on Monday.", []),
        # Negatives: a quoted judgement after a naming verb's object is still quoted words ...
        ('She called the plan a "disaster" for the town.', [("disaster", "She")]),
        # ... and a headline keeps its capitalized cue.
        ("Mayor Says Bridge Will Reopen\n\nThe bridge will reopen in May.", [("Bridge Will Reopen", "Mayor")]),
    ],
)
def test_names_and_titles_are_not_attributions(text, expected):
    assert words_and_mentions(text) == expected


# ---------------------------------------------------------------------------------------
# Split quotes and tags.


@pytest.mark.parametrize(
    "text, expected",
    [
        # The second half of a quote split by its tag is direct, with the tag's speaker.
        ('"Too often," he says, "they get it wrong."', [("direct", "Too often", "he"), ("direct", "they get it wrong", "he")]),
        # A tag inside one quote whose own marks were left out.
        ('"Too often, he says, they get it wrong."', [("direct", "Too often, he says, they get it wrong", "he")]),
        ('"The plan, Ann Bell said, will fail."', [("direct", "The plan, Ann Bell said, will fail", "Ann Bell")]),
        # Negative: commas in a quote are no tag without a speech verb between them.
        ('"We, the people, want change."', [("direct", "We, the people, want change", None)]),
    ],
)
def test_split_quotes(text, expected):
    result = quotes.analyze(text)
    assert [(a.kind.value, a.content.text, a.speaker_mention.text if a.speaker_mention else None) for a in result.attributions] == expected


def test_invisible_characters_stay_inside_words():
    text = "Ja\u200bne\u200b Roe sa\u00adid the plan\u200b would fail."
    (attribution,) = quotes.analyze(text).attributions
    assert attribution.speaker_mention.text == "Ja\u200bne\u200b Roe"
    assert attribution.content.text == "the plan\u200b would fail"
    assert text[attribution.content.start : attribution.content.end] == attribution.content.text


def conduit_spans(text):
    """The conduit span detection found for each candidate, as text."""
    from quotes.detect import detect
    from quotes.engines import get_engine

    return [text[slice(*c.via)] if c.via else None for c in detect(get_engine("rules").analyze(text)).candidates]


@pytest.mark.parametrize(
    "text, expected",
    [
        # An opening phrase names the occasion and the outlet the words were given to.
        ('In a statement to Newsnight, Lord Hale said: "I was not pressed."', ["Newsnight"]),
        ('Interviewed on BBC Radio 2\'s Jeremy Vine show, Mr Howe said: "It is true."', ["BBC Radio 2's Jeremy Vine show"]),
        ("Speaking to the Times, she said the plan would work.", ["the Times"]),
        ("He told Channel 4 News the plan was dead.", ["Channel 4 News"]),
        # An aside between the speaker and its cue naming where the words appeared.
        ("The book, being serialised in the Guardian newspaper, says the advice was changed.", ["the Guardian newspaper"]),
        ("The memo, published by Politico, said the plan had failed.", ["Politico"]),
        # Negatives: an occasion without an outlet, and a place, name none.
        ("In a statement, the firm said profits fell.", [None]),
        ("The book, published in 2004, says the advice was changed.", [None]),
        ("In London, the minister said taxes would fall.", [None]),
    ],
)
def test_conduits_named_before_the_speaker(text, expected):
    assert conduit_spans(text) == expected


# ---------------------------------------------------------------------------------------
# A speaker noun with a post-modifier before its cue: an adjective or participle phrase
# ("familiar with ...", "close to ..."), a "with knowledge of" phrase, a "for/of" phrase or a
# relative clause. The noun speaks, never the object at the modifier's end.


@pytest.mark.parametrize(
    "text, expected",
    [
        # An adjective phrase: the whole description is the speaker.
        ("People familiar with the tender said the bid would fail.", [("the bid would fail", "People familiar with the tender", "People familiar with the tender")]),
        # A number before the noun stays in the description; "told" keeps its hearer apart.
        ("Four sources familiar with the merger told the Harbour Gazette the board had split.", [("the board had split", "Four sources familiar with the merger", "Four sources familiar with the merger")]),
        ("Sources close to the coach said he would stay.", [("he would stay", "Sources close to the coach", "Sources close to the coach")]),
        # A participle phrase.
        ("Officials briefed on the audit said the losses were larger.", [("the losses were larger", "Officials briefed on the audit", "Officials briefed on the audit")]),
        ("A negotiator involved in the strike talks said a vote was close.", [("a vote was close", "A negotiator involved in the strike talks", "negotiator involved in the strike talks")]),
        ("Lawyers representing the miners said they would sue.", [("they would sue", "Lawyers representing the miners", "Lawyers representing the miners")]),
        # "with knowledge of", after a time phrase that opens the sentence.
        ("Last week two people with knowledge of the bid said it was dead.", [("it was dead", "two people with knowledge of the bid", "two people with knowledge of the bid")]),
        # A "for" phrase whose object ends in -ly is no adverb: the phrase ends with "family".
        ("A lawyer for the family said they would appeal.", [("they would appeal", "A lawyer for the family", "lawyer for the family")]),
        # A relative clause with "who" and its verb.
        ("A nurse who treated the players said two were badly hurt.", [("two were badly hurt", "A nurse who treated the players", "nurse who treated the players")]),
        ("Residents who live near the quarry said the dust was worse.", [("the dust was worse", "Residents who live near the quarry", "Residents who live near the quarry")]),
        # A modifier that only says the source is unnamed: the speaker is the noun phrase.
        ("An official speaking on condition of anonymity said the base would close.", [("the base would close", "An official speaking on condition of anonymity", "official")]),
        ("Officials who asked not to be named said the deal was off.", [("the deal was off", "Officials who asked not to be named", "Officials")]),
        # An aside after the post-modified phrase: the phrase still speaks.
        ("Two people familiar with the bid, who asked not to be named, said it was dead.", [("it was dead", "Two people familiar with the bid", "Two people familiar with the bid")]),
        # Inverted, after the cue or "according to".
        ('"It is over," said a person close to the coach.', [("It is over", "a person close to the coach", "person close to the coach")]),
        ("The bid was dead, according to people familiar with the talks.", [("The bid was dead", "people familiar with the talks", "people familiar with the talks")]),
        # A cue that could be a plural noun ("claims") still has the noun before the modifier.
        ("A person familiar with the plan claims the deal is dead.", [("the deal is dead", "A person familiar with the plan", "person familiar with the plan")]),
        # "which" after an organization: the organization speaks.
        ("The fund which manages the pensions said returns fell.", [("returns fell", "The fund which manages the pensions", "fund")]),
        # A focus word before the noun is no part of the description.
        ("So even critics who backed the plan agreed it was late.", [("it was late", "critics who backed the plan", "critics who backed the plan")]),
        # "spoke anonymously": the clause only says the source is unnamed.
        ("A council official who spoke anonymously said the bridge would shut.", [("the bridge would shut", "A council official who spoke anonymously", "council official")]),
        # Negatives: a clause of its own inside the relative clause has its own subject.
        ("The mayor who won in 2019 when he said taxes would fall resigned.", [("taxes would fall resigned", "he", "mayor")]),
        # Negatives: a noun that cannot speak before "with" is no speaker ...
        ("The deal with the unions said nothing.", []),
        # ... a comma ends the phrase: "officials" speak, not "the rise in prices" ...
        ("The rise in prices was brief, officials said.", [("The rise in prices was brief", "officials", "officials")]),
        # ... a document's "on" phrase stays as it was: the report speaks ...
        ("A report on the collapse said the bank had lied.", [("the bank had lied", "A report on the collapse", "report")]),
        # ... a noun phrase after "who" is the subject of its own verb ...
        ("The players who the coach said were tired rested.", [("were tired rested", "the coach", "coach")]),
        ("The memo which the minister said was false vanished.", [("was false vanished", "the minister", "minister")]),
        # ... a document before "which" speaks as the document alone would ...
        ("The report which came out on Monday said rents rose.", [("rents rose", "The report which came out", "report")]),
        # ... and "who" right before the cue stands for the noun before it, as before.
        ("The fans met officials who said the match was off.", [("the match was off", "who", "officials")]),
    ],
)
def test_a_speaker_noun_keeps_its_post_modifier(text, expected):
    got = [
        (a.content.text, a.speaker_mention.text if a.speaker_mention else None, a.speaker.name if a.speaker else None)
        for a in quotes.analyze(text).attributions
    ]
    assert got == expected


# ---------------------------------------------------------------------------------------
# Documents as sources: a document's author speaks when the text names it, before the
# document's word ("Harbour Exchange data") or after it ("published by ..."); a document with
# no author named stays the speaker itself.


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("The pound fell 1%, according to Harbour Exchange data.", "Harbour Exchange", "organization"),
        ("Jobs fell, according to a report published on Friday by the Labour Office.", "Labour Office", "organization"),
        ("The report, published by the Harbour Trust, said rents would rise.", "Harbour Trust", "organization"),
        ("Rents rose, according to figures from the Harbour Trust.", "Harbour Trust", "organization"),
        # Negatives: no author named, the document speaks ...
        ("The report said rents would rise.", "report", "media"),
        # ... and "official" data name nobody.
        ("Rents rose, according to official data.", None, None),
    ],
)
def test_a_document_speaks_for_its_named_author(text, speaker, kind):
    (attribution,) = quotes.analyze(text).attributions
    got = attribution.speaker
    assert (got.name if got else None, got.type.value if got else None) == (speaker, kind)
