"""One contract for every engine: the same article gives the same attributions.

The rules engine reads raw text; the stanza engine's adapter reads real stanza Documents built
from the project's CoNLL-U fixtures (a stand-in for a model's output). Where the parse knows
more than the patterns, the parse must win.
"""
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")

import quotes  # noqa: E402
from quotes.engines.conllu import read_conllu  # noqa: E402
from quotes.engines.rules import RulesEngine  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "conllu"


def rules_analysis(text):
    return RulesEngine().analyze(text)


def parsed_analysis(name):
    return read_conllu(FIXTURES / f"{name}.conllu")


def summary(analysis):
    result = quotes.analyze_analysis(analysis)
    return [(a.kind.value, a.content.text, a.speaker.name if a.speaker else None, a.via) for a in result.attributions]


@pytest.mark.parametrize("name", ["peskov", "roe", "ukrainian-forces"])
def test_engines_agree_on_the_shared_constructions(name):
    parsed = parsed_analysis(name)
    assert summary(parsed) == summary(rules_analysis(parsed.text))


@pytest.mark.parametrize("engine", ["rules", "parse"])
@pytest.mark.parametrize(
    "name, speaker, type_",
    [("peskov", "Dmitry Peskov", "person"), ("roe", "Jane Roe", "person"), ("ukrainian-forces", "Ukrainian forces", "group")],
)
def test_every_engine_resolves_the_speakers(engine, name, speaker, type_):
    parsed = parsed_analysis(name)
    analysis = parsed if engine == "parse" else rules_analysis(parsed.text)
    result = quotes.analyze_analysis(analysis)
    assert speaker in {a.speaker.name for a in result.attributions if a.speaker}
    assert {s.type.value for s in result.speakers if s.name == speaker} == {type_}


def test_the_parse_finds_a_subject_the_patterns_miss():
    # A long apposition without an article between the name and the verb: the patterns give up,
    # the dependency parse knows "Maria Lopez" is the subject of "said".
    parsed = parsed_analysis("lopez")
    assert summary(rules_analysis(parsed.text)) == []
    assert summary(parsed) == [("indirect", "parents want choices", "Maria Lopez", None)]


def test_coreference_resolves_the_pronoun():
    parsed = parsed_analysis("peskov")
    assert parsed.coref, "the fixture carries a coreference chain"
    result = quotes.analyze_analysis(parsed)
    he = [a for a in result.attributions if a.speaker_mention is not None and a.speaker_mention.text == "he"]
    assert he and he[0].speaker.name == "Dmitry Peskov" and he[0].speaker.gender.value == "male"


def test_the_name_in_apposition_to_a_title_speaks():
    # "Norway's Prime Minister, Anna Berg, said": the parse's subject is the title; the
    # person is the name in apposition to it.
    parsed = parsed_analysis("berg")
    result = quotes.analyze_analysis(parsed)
    assert [(a.content.text, a.speaker.name, a.speaker.type.value) for a in result.attributions] == [
        ("the border will stay open", "Anna Berg", "person")
    ]
