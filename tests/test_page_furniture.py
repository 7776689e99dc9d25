"""The reporter's voice and page furniture: timestamps, datelines, section labels, bylines and
credit lines are the page's words, not anyone's speech; the story starts after them. Every
sentence here is invented (places and wires are real words, people and firms made up).
"""
import pytest

import quotes
from quotes.detect.furniture import story_starts


def story(paragraph):
    """The paragraph's story words, after its furniture ("" when it is all furniture)."""
    return paragraph[story_starts(paragraph, [(0, len(paragraph))])[0] :]


def read(text):
    """(kind, speaker, the words' first 30 characters) of each attribution."""
    result = quotes.analyze(text)
    return [(a.kind.value, a.speaker.name if a.speaker else None, a.content.text[:30]) for a in result.attributions]


@pytest.mark.parametrize(
    "paragraph, words",
    [
        # Live-blog entries open with the time they were posted, in every house style.
        ("10:42 Harbour Rail says all trains are cancelled.", "Harbour Rail says all trains are cancelled."),
        ("9.05am Police say the road has reopened.", "Police say the road has reopened."),
        ("21:30 GMT - The coastguard said the crew was safe.", "The coastguard said the crew was safe."),
        ("1042 GMT Officials said the fire was under control.", "Officials said the fire was under control."),
        ("Posted at 14:05 Ferry firm Lochline says sailings are off.", "Ferry firm Lochline says sailings are off."),
        ("Updated 3 hours ago The council says the bridge is shut.", "The council says the bridge is shut."),
        ("Updated 29 November 2026 The council says the bridge is shut.", "The council says the bridge is shut."),
        ('14:05 "We are all safe," the skipper said.', '"We are all safe," the skipper said.'),
        # Datelines: a place in capitals or with its region, a date, the wire, a dash.
        ("OSLO, Nov 29 (Newswire) - The central bank said rates would hold.", "The central bank said rates would hold."),
        ("WASHINGTON (AP) — The agency said it would appeal.", "The agency said it would appeal."),
        ("ST. LOUIS, Mo. — Police said two men were held.", "Police said two men were held."),
        ("Kyiv, Ukraine — The foreign minister said the talks had failed.", "The foreign minister said the talks had failed."),
        ("Lyon, France (Wire) -- Firefighters said the blaze was out.", "Firefighters said the blaze was out."),
        ("(Wire) -- Firefighters said the blaze was out.", "Firefighters said the blaze was out."),
        # Section labels before a colon.
        ("Q&A: Why are bus fares so high?", "Why are bus fares so high?"),
        ("Live updates: Storm Ivo reaches the coast", "Storm Ivo reaches the coast"),
        ("Analysis: The minister said no, but the door is open.", "The minister said no, but the door is open."),
        # Negatives: a time or a number that opens a sentence of its own, a name and an aside
        # between dashes, a hyphenated name, a hyphen with no space, a lower-case word after.
        ("10.30 was the hour the polls closed.", "10.30 was the hour the polls closed."),
        ("Jim Hale (R-Ohio) -- who chairs the panel -- said no.", "Jim Hale (R-Ohio) -- who chairs the panel -- said no."),
        ("AFL-CIO leaders said they would back the bill.", "AFL-CIO leaders said they would back the bill."),
        ("Jane Roe, a nurse, said the ward was full.", "Jane Roe, a nurse, said the ward was full."),
        ("Analysis of the data shows a rise.", "Analysis of the data shows a rise."),
        # A headline that quotes someone before a colon, and an interview's turns, are no
        # datelines (the colon form needs a story's length): they are speech.
        ("TRUMAN: We will win this", "TRUMAN: We will win this"),
        ("AP: Mayor routed city money to a lobbyist.", "AP: Mayor routed city money to a lobbyist."),
        # "Q:" opens an interviewer's turn, not a section.
        ("Q: Why did you resign?", "Q: Why did you resign?"),
    ],
)
def test_the_story_starts_after_the_furniture(paragraph, words):
    assert story(paragraph) == words


def paragraphs_of(text):
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return [text[s:e] for s, (_, e) in zip(story_starts(text, spans), spans)]


def test_a_dateline_comes_among_the_storys_first_paragraphs():
    # A headline and a standfirst may come first; a byline and a time alone do not count.
    text = "Minister quits\nA row over expenses ends a career.\nBy Jane Roe, BBC News\nPublished 3 hours ago\nLONDON (Wire) - The minister said no."
    assert paragraphs_of(text) == ["Minister quits", "A row over expenses ends a career.", "", "", "The minister said no."]
    # Further in, capitals and a dash are the story's own ("SAFE — that is how ...").
    text = "One.\nTwo.\nThree.\nSAFE — that is how the mayor said the city felt."
    assert paragraphs_of(text)[-1] == "SAFE — that is how the mayor said the city felt."


def test_a_colon_dateline_opens_a_long_first_paragraph_only():
    # "NEW DELHI:" opens a wire story's long first paragraph; a transcript's turns follow one
    # another, so a turn in capitals before another is no dateline.
    lead = "NEW DELHI: The health ministry said on Sunday that new cases had fallen for a third week running across most of the northern states."
    assert story(lead).startswith("The health ministry said")
    text = lead + "\nHALE: Thank you for having me."
    assert story_starts(text, [(0, len(lead)), (len(lead) + 1, len(text))])[0] == 0


@pytest.mark.parametrize(
    "paragraph, furniture",
    [
        # Bylines: "By" and names, outlets, a connector, an update time.
        ("By Jane Roe, BBC News", True),
        ("By JANE ROE and TOM LEE | Updated 3 hours ago", True),
        ("BYLINE: Jane Roe.", True),
        ("By Jane Roe and agencies", True),
        ("By Jane Roe, Political correspondent, in Kyiv", True),
        # Credit lines at the foot of a wire story.
        ("(Reporting by Anna Kell; Editing by Mark Ross)", True),
        ("Additional reporting by Sam Ito in Tokyo", True),
        ("Associated Press writer Sam Ito contributed to this report.", True),
        ("Jo Lee and Ann Poe contributed reporting.", True),
        # Notes on the story itself.
        ("This story has been updated.", True),
        ("This article has been updated to include comments from the mayor.", True),
        ("Correction: An earlier version of this story misstated the date of the vote.", True),
        # Photo credits, captions and links to other stories.
        ("(Photo: Harbour Images)", True),
        ("Image source, Harbour Images", True),
        ("Media caption, Watch: the minister leaves office", True),
        ("Read more: Why bus fares are rising", True),
        # Negatives: "By" opening a sentence, a report the story is about, a word that starts
        # like a caption's, a credit glued onto a long paragraph of the story.
        ("By Monday, the council said it would act.", False),
        ("By then the minister had said too much.", False),
        ("The report was amended after the minister said it was wrong.", False),
        ("Pictures, he said, were taken at night.", False),
        ("Photographers said the police pushed them back.", False),
    ],
)
def test_a_paragraph_of_furniture_holds_no_story(paragraph, furniture):
    assert (story(paragraph) == "") == furniture


@pytest.mark.parametrize(
    "text, expected",
    [
        # The reported words start after the dateline; the wire is no speaker nor conduit.
        (
            "OSLO, Nov 29 (Newswire) - The economy will grow more slowly next year, Harbour Bank said on Thursday.",
            [("indirect", "Harbour Bank", "The economy will grow more slo")],
        ),
        # A timestamp is no part of who speaks.
        ("Posted at 14:05 Ferry firm Lochline says sailings are off.", [("indirect", "Lochline", "sailings are off")]),
        ("1042 GMT Officials said the fire was under control.", [("indirect", "Officials", "the fire was under control")]),
        # A byline names no one in the story: "the minister" does not point back to it.
        ("By Jane Roe, BBC News\nThe minister said the plan would go ahead.", [("indirect", "minister", "the plan would go ahead")]),
        # A credit line between a quote and its free continuation hides nothing.
        (
            'Jo Lee said: "We are ready."\n(Photo: Harbour Images)\n"We have been for weeks."',
            [("direct", "Jo Lee", "We are ready"), ("direct", "Jo Lee", "We have been for weeks")],
        ),
    ],
)
def test_furniture_is_no_part_of_an_attribution(text, expected):
    assert read(text) == expected


def test_a_time_alone_parts_a_live_pages_entries():
    # "Posted at 10:50" names no one, and the quote after it opens a new entry: it continues
    # neither the spokeswoman's quote nor the time's "subject".
    text = (
        "Live: Floods hit the valley\nPosted at 11:05\n\"We are testing every hour,\" a Harbour Water spokeswoman said.\n"
        "Posted at 10:50\n\"It came up to the windows in minutes.\""
    )
    assert read(text) == [("direct", "Harbour Water spokeswoman", "We are testing every hour"), ("direct", None, "It came up to the windows in m")]


def test_a_section_label_makes_a_headline_and_names_no_one():
    # "Q&A" is a label; the first line is the headline; "We asked" is the reporter's voice.
    text = "Q&A: Why are bus fares so high?\nFares have doubled in a year. Economist Ann Poe says fuel is the main cause."
    assert read(text) == [("indirect", "Ann Poe", "fuel is the main cause")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The newsroom's "we" outside quote marks is the article's own voice: no attribution,
        # and a question it quotes is nobody's.
        ("Bus fares have doubled in a year. We asked an economist to explain.", []),
        ("We told the company that its figures were wrong.", []),
        ("We asked readers what they thought of the plan.", []),
        ('We asked the mayor: "Will you resign?"', []),
        ('But we asked the mayor: "Will you resign?"', []),
        # Someone else speaking in the same sentence keeps their words.
        ("We have contacted the Home Office, which said it would respond.", [("indirect", "Home Office", "it would respond")]),
        # Negatives: "we" inside quote marks is the quoted speaker's; "we" inside the reported
        # words is no speaker; "us" as a hearer leaves the speaker alone.
        ('"We will fight this all the way," the union said.', [("direct", "union", "We will fight this all the way")]),
        ("The union said we would all pay more for less.", [("indirect", "union", "we would all pay more for less")]),
        ('A Lochline spokeswoman told us: "Sailings resume on Monday."', [("direct", "Lochline spokeswoman", "Sailings resume on Monday")]),
        # A "we" further into the sentence is no subject of the quote after the colon.
        ('If we lived in calmer times, Jo Lee would ask: "Why now?"', [("direct", "Jo Lee", "Why now?")]),
    ],
)
def test_the_newsrooms_we_is_no_source(text, expected):
    assert read(text) == expected


def speaker_of(text):
    speaker = quotes.analyze(text).attributions[0].speaker
    return speaker.name, speaker.type.value, speaker.affiliation


@pytest.mark.parametrize(
    "text, expected",
    [
        # An outlet's own journalist is a person who works for it, the outlet the affiliation.
        ("The BBC's Lorna Gordon says trees are down across the city.", ("Lorna Gordon", "person", "BBC")),
        ("The Guardian's Jo Lee said the talks had stalled.", ("Jo Lee", "person", "Guardian")),
        ("Sky's Ann Poe said the talks had stalled.", ("Ann Poe", "person", "Sky")),
        ("The Guardian's economics editor said the talks had stalled.", ("Guardian's economics editor", "person", "Guardian")),
        # Negatives: the outlet's own words are the outlet's ("website", "programme" are media).
        ("The Guardian's website said the talks had stalled.", ("Guardian's website", "media", "Guardian")),
        ("The BBC said the talks had stalled.", ("BBC", "media", "United Kingdom")),
    ],
)
def test_an_outlets_journalist_is_a_person(text, expected):
    assert speaker_of(text) == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A role with a place or a body after it, then a name in apposition: the name speaks
        # (the name can only rename the role: "Glasgow" is no person).
        ("Our correspondent in Glasgow, Lorna Gordon, says trees are down across the city.", "Lorna Gordon"),
        ("The head teacher at Millbrook, Grace Okafor, says class sizes will rise.", "Grace Okafor"),
        ("The leader of the Harbour Party, Jo Lee, said the vote was rigged.", "Jo Lee"),
        ("A spokesman for Acme, Tom Reid, said the plant would close.", "Tom Reid"),
        # Negatives: no name in apposition, an aside that is no name, a list of places.
        ("Our reporter in Kyiv says the city is quiet.", "Our reporter"),
        ("Residents in Leeds, Tom Reid among them, said the plan was wrong.", "Residents"),
        ("Officials in Paris, Rome and Berlin said the plan was wrong.", "Officials"),
    ],
)
def test_a_name_after_a_role_and_its_place_speaks(text, speaker):
    assert speaker_of(text)[0] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "Our correspondent" points back, as "the correspondent" does, to the one named so.
        ("Our correspondent Lorna Gordon is in Glasgow. Our correspondent says the city is quiet.", "Lorna Gordon"),
        ("Jo Lee, our reporter in Kyiv, arrived on Monday. Our reporter says the city is quiet.", "Jo Lee"),
        # Negative: with no one named so before, the description as the article gives it.
        ("Our correspondent says the city is quiet.", "Our correspondent"),
    ],
)
def test_our_correspondent_points_back(text, speaker):
    assert [a.speaker.name for a in quotes.analyze(text).attributions] == [speaker]


def test_we_in_a_transcript_turn_is_the_speakers():
    # Inside a turn ("Lee: We told them ...") "we" is the speaker's side, not the newsroom's:
    # the speech it reports is read as before.
    text = (
        "In an interview with the Courier, Mayor Jo Lee talked about the strike.\n"
        "Courier: What did you tell the union?\nLee: We told them the city had no more money.\n"
        "Courier: And their answer?\nLee: They said they would strike."
    )
    assert ("indirect", None, "the city had no more money") in read(text)
