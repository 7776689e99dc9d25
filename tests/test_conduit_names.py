"""Conduits named with a descriptor, a programme, an occasion or an aside, and outlets with no
name: the via an attribution carries. Every sentence here is invented; the outlets with
made-up names ("RTK", "Harbour Voice") show that a rule holds for outlets no list knows.
"""
import pytest

import quotes


def speaker_and_via(text):
    a = quotes.analyze(text).attributions[0]
    return a.speaker.name, a.via


@pytest.mark.parametrize(
    "text, via",
    [
        # A descriptor before the name says it is an outlet's; the conduit is the name alone.
        ("Ms Lind told public broadcaster RTK that the border would stay open.", "RTK"),
        ("Ms Lind told the Portuguese daily Jornal Harbour that the border would stay open.", "Jornal Harbour"),
        ("Ms Lind told Norway's state broadcaster NRK that the border would stay open.", "NRK"),
        ("Ms Lind told the news agency Harbourpress that the border would stay open.", "Harbourpress"),
        # ... after "an interview with" too.
        ("Ms Lind said in an interview with the weekly Harbour Voice that the border would stay open.", "Harbour Voice"),
        # A capitalized descriptor is the name's own word, not a descriptor before it.
        ("Ms Lind told BBC Radio Harbour that the border would stay open.", "BBC Radio Harbour"),
        # Negatives: "broadcaster" is a person's trade too, and a role is no descriptor.
        ("Ms Lind told veteran broadcaster Tom Roe that the border would stay open.", None),
        ("Ms Lind told station chief Tom Roe that the border would stay open.", None),
        ("Ms Lind told Smith's lawyer Tom Roe that the border would stay open.", None),
    ],
)
def test_a_descriptor_names_an_outlet(text, via):
    assert speaker_and_via(text) == ("Ms Lind", via)


@pytest.mark.parametrize(
    "text, via",
    [
        # An outlet no name is given for is the conduit as the article describes it.
        ("Ms Lind told a local radio station that the border would stay open.", "local radio station"),
        ("Ms Lind told a regional television channel that the border would stay open.", "regional television channel"),
        ("Ms Lind told the paper she would stay.", "paper"),
        # A day after it is no part of it.
        ("Ms Lind told the paper Tuesday that the border would stay open.", "paper"),
        ("Ms Lind told the newspaper on Monday that the border would stay open.", "newspaper"),
        # Negatives: a person hearer whose noun phrase merely holds a medium's word.
        ("Ms Lind told the station manager that the border would stay open.", None),
        ("Ms Lind told the agency's director that the border would stay open.", None),
        ("Ms Lind told her lawyer that the border would stay open.", None),
        ("Ms Lind told daily briefings that the border would stay open.", None),
        ("Ms Lind told reporters that the border would stay open.", None),
        ("Ms Lind told her supporters that the border would stay open.", None),
    ],
)
def test_an_unnamed_outlet_is_described(text, via):
    assert speaker_and_via(text) == ("Ms Lind", via)


@pytest.mark.parametrize(
    "text, via",
    [
        # An outlet's journalist: the conduit is the outlet whose journalist heard the words.
        ("Ms Lind told CBS's Tom Roe that the border would stay open.", "CBS"),
        ("Ms Lind told the BBC's Jane Doe that the border would stay open.", "BBC"),
        # An outlet's programme is the conduit whole (as "BBC Radio 2's Jeremy Vine show").
        ("Ms Lind told Radio Harbour's Morning Report that the border would stay open.", "Radio Harbour's Morning Report"),
        ("“The border stays open,” Ms Lind said on Harbour Radio's Evening Hour.", "Harbour Radio's Evening Hour"),
        ("“The border stays open,” Ms Lind told Radio Harbour's the Late Show.", "Radio Harbour's the Late Show"),
    ],
)
def test_a_journalist_or_a_programme_of_an_outlet(text, via):
    assert speaker_and_via(text) == ("Ms Lind", via)


@pytest.mark.parametrize(
    "text, via",
    [
        # The outlet the words were given on or in, right after the verb.
        ("“The border stays open,” Ms Lind said on Channel 9 News.", "Channel 9 News"),
        ("“The border stays open,” Ms Lind wrote in the Harbour Times.", "Harbour Times"),
        ("Ms Lind said on Harbour Radio that the border would stay open.", "Harbour Radio"),
        # An interview or an op-ed in an outlet: the words reached the reporter through it.
        ("“The border stays open,” Ms Lind wrote in an op-ed in the Harbour Times.", "Harbour Times"),
        ("Ms Lind said in an interview on Harbour Radio that the border would stay open.", "Harbour Radio"),
        ("“The border stays open,” Ms Lind said in comments to Harbour Radio.", "Harbour Radio"),
        ("“The border stays open,” Ms Lind wrote in a column for the Harbour Times.", "Harbour Times"),
        # Negatives: a day, a place, a chamber, a social network are no outlets.
        ("“The border stays open,” Ms Lind said on Monday.", None),
        ("“The border stays open,” Ms Lind said in Lisbon.", None),
        ("“The border stays open,” Ms Lind said in the Senate.", None),
        ("“The border stays open,” Ms Lind said on Twitter.", None),
        # ... nor a place whose name holds an outlet's word.
        ("“The border stays open,” Ms Lind said in Times Square.", None),
        ("“The border stays open,” Ms Lind said in Radio City Hall.", None),
        ("Ms Lind said in a statement on Friday that the border would stay open.", None),
    ],
)
def test_said_on_or_in_an_outlet(text, via):
    assert speaker_and_via(text) == ("Ms Lind", via)


@pytest.mark.parametrize(
    "text, via",
    [
        # An aside between the speaker and the verb names the occasion.
        ("Ms Lind, speaking to Harbour Radio, said the border would stay open.", "Harbour Radio"),
        ("Ms Lind, interviewed on Channel 9, said the border would stay open.", "Channel 9"),
        ("Ms Lind, in an interview with Harbour Radio, said the border would stay open.", "Harbour Radio"),
        # Negatives: an audience or a place in the aside.
        ("Ms Lind, speaking to reporters, said the border would stay open.", None),
        ("Ms Lind, speaking in Lisbon, said the border would stay open.", None),
        ("Ms Lind, in an interview with her lawyer, said the border would stay open.", None),
    ],
)
def test_an_aside_names_the_occasion(text, via):
    assert speaker_and_via(text) == ("Ms Lind", via)


@pytest.mark.parametrize(
    "text, speaker, via",
    [
        # A real outlet the list knows, though its name is an ordinary word.
        ("A spokeswoman told Insider that the layoffs were over.", "spokeswoman", "Insider"),
        # Negative: the same word in lower case is a person, no outlet.
        ("An insider told the paper that the layoffs were over.", "insider", "paper"),
    ],
)
def test_outlets_are_named_in_capitals(text, speaker, via):
    assert speaker_and_via(text) == (speaker, via)


@pytest.mark.parametrize(
    "text, vias",
    [
        # "the paper", "the broadcaster": the outlet of that medium the article named before.
        ("Tom Roe told the Harbour Times that he was fit. Roe later told the paper that he would play.", ["Harbour Times", "Harbour Times"]),
        ("Tom Roe told Harbour Radio that he was fit. Roe later told the broadcaster that he would play.", ["Harbour Radio", "Harbour Radio"]),
        ("Tom Roe told Politico that he was fit. Roe later told the website that he would play.", ["Politico", "Politico"]),
        # Negatives: another medium, a news agency, or an indefinite (new) outlet stay as written.
        ("Tom Roe told Harbour Radio that he was fit. Roe later told the paper that he would play.", ["Harbour Radio", "paper"]),
        ("Tom Roe told Reuters that he was fit. Roe later told the newspaper that he would play.", ["Reuters", "newspaper"]),
        ("Tom Roe told the Harbour Times that he was fit. Roe later told the website that he would play.", ["Harbour Times", "website"]),
        ("Tom Roe told Harbour Radio that he was fit. Roe later told a local newspaper that he would play.", ["Harbour Radio", "local newspaper"]),
    ],
)
def test_an_unnamed_outlet_points_back(text, vias):
    assert [a.via for a in quotes.analyze(text).attributions] == vias
