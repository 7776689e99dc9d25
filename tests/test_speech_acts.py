"""Directive and evaluative speech acts: "urged X to ...", "accused X of ...", "criticised X for ...".

Every sentence here is invented. The act's object and what follows it are the content (as the
annotation guide's gold has it); look-alikes without the construction must not change.
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
    "sentence, words, speaker",
    [
        # A directive: "urged" with an object and an infinitive.
        ("Health officials urged residents to stay indoors.", "residents to stay indoors", "Health officials"),
        # "asked" with an object that holds a relative clause of its own.
        ("Lakeside Police asked anyone who saw the van to call them.", "anyone who saw the van to call them", "Lakeside Police"),
        # The two-word directives: "called on", "appealed to".
        ("The union called on the council to drop the plan.", "the council to drop the plan", "union"),
        ("Coastguards appealed to walkers to keep off the cliffs.", "walkers to keep off the cliffs", "Coastguards"),
        # A negated infinitive, and a pronoun object.
        ("Mayor Tom Reyes warned them not to cross the bridge.", "them not to cross the bridge", "Tom Reyes"),
        # "told X to VP" is a directive too (not "told X that ...").
        ("Coach Nina Holt told her players to rest for a week.", "her players to rest for a week", "Nina Holt"),
        # "challenged X to" dares someone to act.
        ("The Greens challenged the minister to publish the figures.", "the minister to publish the figures", "Green"),
        # An accusation: "accused X of ...", with a possessive in the object.
        ("Amnesty International accused the government of torturing detainees.", "the government of torturing detainees", "Amnesty International"),
        ("Veteran coach Ray Dunn has accused Ireland's young boxers of lacking hunger.", "Ireland's young boxers of lacking hunger", "Ray Dunn"),
        # A criticism with its reason: "criticised X for V-ing"; the participle is the object's claim.
        ("The shadow minister criticised the bank for claiming rates would fall.", "the bank for claiming rates would fall", "shadow minister"),
        # ... or a possessive after "for".
        ("Rivals condemned the senator for his silence on the scandal.", "the senator for his silence on the scandal", "Rivals"),
    ],
)
def test_act_reports_object_and_what_follows(sentence, words, speaker):
    got = found(sentence)
    assert len(got) == 1, got
    kind, content, who = got[0]
    assert kind == "indirect" and content == words
    assert who is not None and speaker in who


def test_quoted_words_in_an_accusation_are_partial():
    # The quoted word after "of" is the speaker's: a partial quote (its content, as for "said it
    # was a "good deal"", the reported words around it), owned by the relative's antecedent.
    text = 'The row grew after Home Secretary Ada Kerr, who accused the opposition of "hiding" from voters, was booed.'
    got = [(k, w) for k, w, s in found(text) if s == "Ada Kerr"]
    assert got == [("partial", 'the opposition of "hiding" from voters')]  # (the relative clause ends at its comma)


@pytest.mark.parametrize(
    "sentence",
    [
        # No object before the preposition: asking for something reports no words.
        "She asked for a refund at the desk.",
        # The passive: no speaker in the sentence (the scare-quote rules say the same).
        "He was accused of fraud in 2019.",
        # "urged on": no object, no infinitive.
        "Urged on by the crowd, she ran faster.",
        # "called on Monday": a day is no addressee.
        "The minister called on Monday for calm.",
        # "criticised the plans for the stadium": "for" belongs to the object, no reason follows.
        "Neighbours criticised the plans for the new stadium.",
        # "asked questions to the minister": no verb after "to".
        "Members asked questions to the minister.",
        # "urged caution": an object with no infinitive reports no words of the speaker's.
        "Mr Lee urged caution on Monday.",
        # A request for a thing, not an act with a clause.
        "Police asked the public for help.",
        # "appeals" as a noun after an adjective.
        "She needs to make more appeals to young voters to win.",
    ],
)
def test_look_alikes_report_nothing(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence, words",
    [
        # "told X that ...": the clause after "that", as before.
        ("The coach told reporters that the team was tired.", "the team was tired"),
        # "told X she ...": a reported clause with its own subject, as before.
        ("The coach told reporters she plans to rest the team.", "she plans to rest the team"),
        # "warned X that ...": the clause after "that", not the object.
        ("The agency warned doctors that the drug could harm the liver.", "the drug could harm the liver"),
        # "told X the plan to ...": a second determiner starts the reported clause.
        ("The coach told reporters the plan to rest players was dead.", "the plan to rest players was dead"),
        # "Asked about the plan, she said ...": the cue is "said".
        ("Dr Lena Moss was asked about the plan. Asked again, she said it was fine.", "it was fine"),
    ],
)
def test_other_readings_stay(sentence, words):
    assert [w for k, w, s in found(sentence)] == [words]


def test_a_letter_to_someone_asking_is_the_senders_request():
    # "sent a letter to X asking them to ...": the addressee asks nothing; the sender does.
    text = "A group of parents sent a letter to the school board asking them to reconsider."
    got = found(text)
    assert len(got) == 1 and got[0][1] == "them to reconsider" and got[0][2] != "school board"


def test_act_in_a_relative_clause_stays_inside_a_trailing_credit():
    # The trailing credit's words start at the sentence's start, not after "who asked".
    text = "Her relatives, who asked police to show them the video, watched it on Friday, lawyers for the family said."
    assert any(w.startswith("Her relatives, who asked") and s == "lawyers for the family" for k, w, s in found(text))


@pytest.mark.parametrize(
    "sentence, words",
    [
        # A verb in -s that takes "on" opens a reported clause without "that".
        ("The Bank said steady growth depends on good data.", "steady growth depends on good data"),
        ("Aides said the whole deal hinges on one vote.", "the whole deal hinges on one vote"),
        ("The regulator said the sector relies on cheap loans.", "the sector relies on cheap loans"),
        # A plural noun before "on" is no verb: no clause, nothing reported.
        ("Ms Vale said warm thanks on behalf of the team.", None),
    ],
)
def test_prepositional_verb_opens_a_clause(sentence, words):
    assert [w for k, w, s in found(sentence)] == ([words] if words else [])


@pytest.mark.parametrize(
    "sentence, words, speaker",
    [
        # An indirect question after "asked" and its object: the object and the question.
        ("A reporter for the paper asked him whether he would run again.", "him whether he would run again", "reporter"),
        ("Ms Dora Lind asked the minister if the plan was legal.", "the minister if the plan was legal", "Dora Lind"),
        # With no object, the question alone; "who" right after the verb opens one too.
        ("Reporters asked what the deal would cost.", "what the deal would cost", "Reporters"),
        ("Senator Ray Cole asked who would pay for the wall.", "who would pay for the wall", "Ray Cole"),
    ],
)
def test_asked_reports_an_indirect_question(sentence, words, speaker):
    got = found(sentence)
    assert len(got) == 1 and got[0][1] == words and speaker in (got[0][2] or ""), got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A passive: the one asked does not speak the question.
        ("He smiled when asked whether he would run.", []),
        # The participle at the start is asked, not asking: the cue is "said".
        ("Asked whether he would run, Mr Lee said he was undecided.", [("indirect", "he was undecided", "Mr Lee")]),
        # "asked about": no question word, nothing reported.
        ("She asked about the plan.", []),
    ],
)
def test_questions_look_alikes(sentence, expected):
    assert found(sentence) == expected
