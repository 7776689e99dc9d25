"""Resolution leftovers: whole roles, sentence subjects, role text, participle subjects and
documents released by someone.

Every sentence here is invented. Each table holds positive cases and negatives (sentences
that look alike but must not change), each with a comment saying what it shows.
"""
import pytest

import quotes


def speaker_of(text, words):
    """The speaker's name of the attribution whose content holds ``words`` (None: none)."""
    for a in quotes.analyze(text).attributions:
        if words in a.content.text:
            return a.speaker.name if a.speaker else None
    raise AssertionError(f"no attribution holds {words!r}")


def attribution_of(text, words):
    for a in quotes.analyze(text).attributions:
        if words in a.content.text:
            return a
    raise AssertionError(f"no attribution holds {words!r}")


# ---------------------------------------------------------------------------------------
# A description is compared on its whole role, not only on its last word.

TWO_MINISTERS = "PM Narendra Rao met Chief Minister Asha Patil in Pune on Monday. "
TWO_CABINET = "Foreign Minister Ivo Mar met Finance Minister Tom Hill in Oslo on Friday. "


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "PM" spelled out is "prime minister": only Rao was given "prime".
        (TWO_MINISTERS + '"We agreed on the water plan," the prime minister said.', "water plan", "Narendra Rao"),
        # "chief" tells the chief minister from the prime minister.
        (TWO_MINISTERS + '"We agreed on the water plan," the chief minister said.', "water plan", "Asha Patil"),
        # The abbreviation in the description, the spelled-out title on the name.
        ("Prime Minister Lars Berg met Chief Minister Asha Patil. \"The deal is done,\" the PM said.", "deal is done", "Lars Berg"),
        # A word before the head given to one of the two only: the finance minister.
        (TWO_CABINET + '"The talks went well," the finance minister said.', "talks went well", "Tom Hill"),
        # An epithet nobody was given tells nobody apart: one minister in the story is still him.
        ("Foreign Minister Ivo Mar flew to Oslo on Friday. \"The talks went well,\" the embattled minister said.", "talks went well", "Ivo Mar"),
        # Negative: "the minister" alone fits both ministers: a source of its own.
        (TWO_MINISTERS + '"We agreed on the water plan," the minister said.', "water plan", "minister"),
        # Negative: an epithet nobody was given cannot choose between two ministers.
        (TWO_CABINET + '"The talks went well," the veteran minister said.', "talks went well", "veteran minister"),
        # Negative: "deputy" makes another office; the mayor named is no guess for it.
        ("Mayor Lin Ford visited the school. \"The roof must be fixed,\" the deputy mayor said.", "roof must be fixed", "deputy mayor"),
    ],
)
def test_whole_role(text, words, expected):
    assert speaker_of(text, words) == expected


# ---------------------------------------------------------------------------------------
# A participle after a comma shares the subject of its clause, not of a passive participle
# that describes the object ("a lawsuit filed by the state").


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "filed by the state" describes the lawsuit: the clause's subject, Trump, calls it so.
        ('Trump slammed a lawsuit filed by the state on Monday, calling it "meritless" and "political."', "meritless", "Trump"),
        # The same with a report released by an agency.
        ('The senator rejected a report released by the agency, saying it was "deeply flawed."', "deeply flawed", "senator"),
        # And with rules drafted by a ministry, the subject a name with a title.
        ('Mayor Eva Lind attacked rules drafted by the ministry last year, describing them as "absurd."', "absurd", "Eva Lind"),
        # Negative: "responded by pointing" is the clause's own verb and an act; the subject stays.
        ('Clinton responded by pointing at the crowd, saying the plan was "a fraud."', "a fraud", "Clinton"),
        # Negative: a passive clause ("was filed by") is a clause: its subject is kept (and
        # a lawsuit may "say" something).
        ('The lawsuit was filed by the state on Monday, calling the policy "cruel."', "cruel", "lawsuit"),
        # Negative: an -ing act after a noun with no comma is no cue of its own: the partial
        # quote stays the speaker's of "says".
        ('Anna Reed is a nurse. She says the mayor\'s letters accusing the union of fraud are "pure fiction."', "pure fiction", "Anna Reed"),
    ],
)
def test_participle_subject(text, words, expected):
    assert speaker_of(text, words) == expected


# ---------------------------------------------------------------------------------------
# "According to figures released by X": the author named after "by" speaks.


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # An -ing act right after its noun modifies it: its words end at the phrase's own verb.
        ("Trump's tweets accusing the judge of bias drew criticism.", "accusing", "the judge of bias"),
        ("A petition calling on the mayor to resign has reached 50,000 signatures.", "calling on", "the mayor to resign"),
        # A passive inside the act's words is no verb of the phrase: "to be banned".
        ("A petition calling on him to be banned from the country has reached 9,000 signatures.", "calling on", "him to be banned from the country"),
        # Negative: a question of the act's own holds a finite verb of its own.
        ("The talk ended with Ann Roe asking Tom Hill whether he would run again.", "asking", "Tom Hill whether he would run again"),
        # Negative: after a comma the act is a clause's participle, not a modifier.
        ("Ann Roe wrote to the board, urging members to vote no.", "urging", "members to vote no"),
    ],
)
def test_modifier_act_content(text, cue, content):
    (a,) = [a for a in quotes.analyze(text).attributions if a.cue and a.cue.text == cue]
    assert a.content.text.rstrip(".") == content


def test_modifier_act_inside_trailing_credit():
    # The act modifying the letter lies inside the words Ann Roe is credited with: no frame of
    # its own (it would take her as its speaker), and her words start with the sentence.
    text = 'The mayor\'s letter urging voters to stay home was "a disgrace," Ann Roe said.'
    (a,) = quotes.analyze(text).attributions
    assert a.speaker.name == "Ann Roe" and a.content.text.startswith("The mayor's letter urging")


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # Figures released by a named body.
        ("According to figures released by the Office for National Statistics, prices rose by 3% last year.", "prices rose", "Office for National Statistics"),
        # Data published by a one-word name, with an adjective before the noun.
        ("According to new data published by Eurostat, unemployment fell to 6% in May.", "unemployment fell", "Eurostat"),
        # Statistics issued by a named agency.
        ("According to statistics issued by the Harbour Institute, rents doubled in ten years.", "rents doubled", "Harbour Institute"),
        # Already so: "from" names the author.
        ("According to figures from the Office for National Statistics, prices rose by 3% last year.", "prices rose", "Office for National Statistics"),
        # Exit polls reported by an outlet; a second name with its own "The" is a second author.
        ("Most voters backed her, according to exit polling reported by CNN and The New York Times.", "Most voters", "CNN"),
        ("Most voters backed the plan, according to exit polls reported by CNN.", "Most voters", "CNN"),
        # Negative: figures nobody is named for: no speaker.
        ("According to figures released on Monday, prices rose by 3% last year.", "prices rose", None),
    ],
)
def test_document_released_by(text, words, expected):
    assert speaker_of(text, words) == expected



# ---------------------------------------------------------------------------------------
# The subject of the sentence before a pronoun: a name with "of"/"for" inside it, and a
# relation ("Her sister") as a person, with the gender its noun says.


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "of" inside an organization's name: "it" is the whole Bank of England.
        ('The Bank of England raised rates on Thursday. It said: "Inflation remains too high."', "Inflation remains", "Bank of England"),
        # "for" inside it, and a ministry named with "of".
        ('The Office for National Statistics revised its figures. It said: "The error was ours."', "error was ours", "Office for National Statistics"),
        ('The Ministry of Defence confirmed the deaths on Sunday. It said: "Our thoughts are with the families."', "Our thoughts", "Ministry of Defence"),
        # A relation as the subject: "She" is the sister, not someone named before.
        ('Her sister wept at the hearing. She said: "We will never forget him."', "never forget him", "Her sister"),
        ('Maria Diaz spoke after the verdict. Her husband wept. He said: "Justice was done."', "Justice was done", "Her husband"),
        # Negative: the relation's noun says another gender: "She" is Maria Diaz, not her son.
        ('Maria Diaz was at home on Monday. Her son had been arrested. She said: "He did nothing wrong."', "did nothing wrong", "Maria Diaz"),
        ('Tom Reed was at home on Monday. His daughter had been arrested. He said: "She did nothing wrong."', "did nothing wrong", "Tom Reed"),
        # A relation named in apposition right after it is that person ("his wife, Jane,").
        ('Tom Sand spoke in Ohio. On Tuesday, his wife, Jane, called for a recount. "People were shut out," she said.', "shut out", "Jane"),
        ('Ray Holt won the vote. His son Kevin Holt announced the result. "It is a movement," he said.', "a movement", "Kevin Holt"),
        # A noun that says the sex: "The woman ... She said" is the woman, not the man named before.
        ('"It was vulgar," wrote Ben Tate in his column. The woman at the front spoke to reporters. "He cares about people," she said.', "cares about people", "woman"),
        # Negative: a relation's own name does not make him "the president" of a trailing cue.
        ('Mr. Obama called Nora Abedi on Monday. Her husband, Sami Abedi, was free and would soon come home, the president told her.', "was free", "Mr. Obama"),
        # Negative: "of" after a quantifier joins no name: the speaker is the officials.
        ('Most of Europe backed the plan. Officials said: "It is a good day."', "good day", "Officials"),
    ],
)
def test_sentence_subject(text, words, expected):
    assert speaker_of(text, words) == expected


@pytest.mark.parametrize(
    "sentence, subject",
    [
        # A role after the name with "of" inside it.
        ("Bank of England governor Mark Tate spoke.", "Bank of England governor Mark Tate"),
        # Negative: an office with "of" stops before it: a name may follow the office.
        ("Florida's Secretary of State Ken Roe flew home.", "Florida's Secretary"),
        # Negative: "of" after a person's name starts a post-modifier, not a name.
        ("Speaking in Leeds, Chancellor Ann Ray of Britain said so.", "Chancellor Ann Ray"),
        # Negative: "and" joins two subjects, and the first leads.
        ("The US and the UK agreed.", "The US"),
    ],
)
def test_sentence_subject_span(sentence, subject):
    from quotes.resolve.context import sentence_subject

    span = sentence_subject(sentence, 0, len(sentence))
    assert span is not None and sentence[span[0] : span[1]] == subject


# ---------------------------------------------------------------------------------------
# The role an apposition gives stops before a relative clause, and may follow an age.


def role_of(text):
    (a,) = quotes.analyze(text).attributions
    return a.speaker.name, a.speaker.role, a.speaker.affiliation


@pytest.mark.parametrize(
    "text, expected",
    [
        # The relative clause describes the student, it is no part of the role.
        ('"It was a wonderful day," said Ana Souza, a 23-year-old student who joined the march.', ("Ana Souza", "23-year-old student", None)),
        # The same apposition before the verb.
        ('Ana Souza, a nurse who lives nearby, said: "We were scared."', ("Ana Souza", "nurse", None)),
        # A scientist's field is a role, and its organization is split off after the clause is cut.
        ('"The data are weak," said Tom Reed, a chemist at Oxford University who was not involved in the study.', ("Tom Reed", "chemist", "Oxford University")),
        # "professor of economics": a role with "of" and no capital stays whole, less the clause.
        ('"It is too soon," said Tom Reed, a professor of economics who has studied the region.', ("Tom Reed", "professor of economics", None)),
        # A role after an age.
        ('"We were scared," said Ana Souza, 23, a student who lives nearby.', ("Ana Souza", "student", None)),
        # Negative: an age and a relative clause with no role: no role.
        ('"We were scared," said Ana Souza, 23, who lives nearby.', ("Ana Souza", None, None)),
        # Negative: a clause after the organization ("which advises") was never in the role.
        ('"It is too soon," said Tom Reed, an economist at the Harbour Institute, which advises the government.', ("Tom Reed", "economist", "Harbour Institute")),
    ],
)
def test_role_without_relative_clause(text, expected):
    assert role_of(text) == expected


# ---------------------------------------------------------------------------------------
# An adverb between the auxiliary and the speech verb is no speaker ("has always insisted").


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # "always" after an age in apposition: the speaker is the name.
        ("Mr Ebbers, 63, has always insisted he was unaware of the losses.", "unaware of the losses", "Mr Ebbers"),
        # "long" with a group.
        ("Critics have long argued that the tax is unfair.", "tax is unfair", "Critics"),
        # "even" with a titled name.
        ("Nebraska Sen. Ben Sasse even suggested that he would back a third candidate.", "third candidate", "Ben Sasse"),
        # "still" with a description.
        ("The minister still insists that she followed the rules.", "followed the rules", "minister"),
        # Negative: a document with "also" is still the speaker, as before.
        ("The report also said prices rose.", "prices rose", "report"),
        # "just" before the verb, the name before it the speaker.
        ("Trump just announced that he will skip the debate.", "skip the debate", "Trump"),
    ],
)
def test_adverb_before_cue(text, words, expected):
    assert speaker_of(text, words) == expected
