"""Reading CoNLL-U (GUM/CorefUD Entity= brackets included) into stanza Documents and Analyses."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("stanza")

from quotes.engines.conllu import (  # noqa: E402
    Bracket,
    Edge,
    GoldMention,
    bioes,
    gold_mentions,
    name_words,
    parse_entity_brackets,
    read_conllu,
    read_document,
)
from quotes.errors import GoldFormatError, InputError  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "conllu"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("(1-person-new-Dmitry_Peskov", [Bracket(Edge.OPEN, "1", "person")]),
        ("1)", [Bracket(Edge.CLOSE, "1")]),
        ("(4-place-giv-Russia)", [Bracket(Edge.UNIT, "4", "place")]),
        (
            "(1-person-new-Dmitry_Peskov(2-organization-new-Kremlin)",
            [Bracket(Edge.OPEN, "1", "person"), Bracket(Edge.UNIT, "2", "organization")],
        ),
        ("11)10)8)", [Bracket(Edge.CLOSE, "11"), Bracket(Edge.CLOSE, "10"), Bracket(Edge.CLOSE, "8")]),
        ("(8-time-new-x)7)", [Bracket(Edge.UNIT, "8", "time"), Bracket(Edge.CLOSE, "7")]),
        ("2)(3-event-new", [Bracket(Edge.CLOSE, "2"), Bracket(Edge.OPEN, "3", "event")]),
        # one part of a discontinuous mention keeps its marker; the entity is the same
        ("(5[1/2]-person-new", [Bracket(Edge.OPEN, "5[1/2]", "person")]),
    ],
)
def test_entity_brackets(value, expected):
    brackets = parse_entity_brackets(value)
    assert list(brackets) == expected
    assert all(b.entity == b.key.split("[")[0] for b in brackets)


def test_the_etype_field_follows_the_global_entity_comment():
    assert parse_entity_brackets("(3-new-place)", etype_field=2) == (Bracket(Edge.UNIT, "3", "place"),)


@pytest.mark.parametrize("value", ["3)x", "x", "(3-person)junk"])
def test_bad_brackets_are_a_gold_format_error(value):
    with pytest.raises(GoldFormatError):
        parse_entity_brackets(value)


def test_mentions_nest_and_close_in_order():
    doc = read_document(FIXTURES / "peskov.conllu")
    mentions = gold_mentions(doc)
    assert GoldMention("1", "person", 0, 0, 4) in mentions  # Kremlin spokesman Dmitry Peskov
    assert GoldMention("2", "organization", 0, 0, 1) in mentions  # Kremlin, inside it
    # "Entity=11)10)8)" closes three mentions opened on three different words
    assert {(m.entity, m.start, m.end) for m in mentions if m.sentence == 2} >= {
        ("8", 1, 14),
        ("10", 7, 14),
        ("11", 11, 14),
        ("12", 12, 13),
    }


@pytest.mark.parametrize(
    "sentence, start, end, expected",
    [
        (0, 0, 4, "Dmitry Peskov"),  # the title and the organisation are not part of the name
        (0, 12, 14, "North Korea"),
        (0, 15, 17, None),  # "any assistance": not a name
        (2, 11, 14, None),  # "the Kursk region": headed by a common noun
        (2, 12, 13, "Kursk"),
    ],
)
def test_the_name_inside_a_mention(sentence, start, end, expected):
    doc = read_document(FIXTURES / "peskov.conllu")
    words = doc.sentences[sentence].words
    found = name_words(words, GoldMention("x", "person", sentence, start, end))
    assert (None if found is None else " ".join(w.text for w in words[found[0] : found[1]])) == expected


def test_gold_entities_get_ontonotes_labels():
    result = read_conllu(FIXTURES / "peskov.conllu")
    assert [(e.text, e.label) for e in result.entities] == [
        ("Kremlin", "ORG"),
        ("Dmitry Peskov", "PERSON"),
        ("Monday", "DATE"),
        ("Russia", "GPE"),
        ("North Korea", "GPE"),
        ("Kursk", "GPE"),
    ]


def test_gold_coreference_becomes_chains_named_by_their_first_name():
    result = read_conllu(FIXTURES / "peskov.conllu")
    chains = {result.text[slice(*c.mentions[c.representative])]: [result.text[a:b] for a, b in c.mentions]
              for c in result.coref}
    assert chains == {
        "Kremlin spokesman Dmitry Peskov": ["Kremlin spokesman Dmitry Peskov", "he"],
        "Russia": ["Russia", "we"],
        "a treaty in force": ["a treaty in force", "this treaty"],  # no name: the longest mention
    }


def test_the_gold_document_is_a_real_stanza_document():
    doc = read_document(FIXTURES / "peskov.conllu")
    he = doc.sentences[1].words[12]
    assert he.text == "he"
    assert [a.chain.representative_text for a in he.coref_chains] == ["Kremlin spokesman Dmitry Peskov"]
    assert [t.ner for t in doc.sentences[0].tokens[2:4]] == ["B-PERSON", "E-PERSON"]


@pytest.mark.parametrize(
    "length, expected",
    [(1, ["S-ORG"]), (2, ["B-ORG", "E-ORG"]), (3, ["B-ORG", "I-ORG", "E-ORG"])],
)
def test_bioes(length, expected):
    assert bioes(length, "ORG") == expected


CONLLU = """# newpar
# text = Acme said so.
1\tAcme\tAcme\tPROPN\tNNP\t_\t2\tnsubj\t_\t{misc}
1.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t1:conj\tCopyOf=2
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No|Entity={close}
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def write(tmp_path: Path, misc: str, close: str = "(9-abstract-new)") -> Path:
    path = tmp_path / "small.conllu"
    path.write_text(CONLLU.format(misc=misc, close=close), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "misc, label",
    [
        ("Entity=(1-person-new)", "PERSON"),  # derived from the gold mention
        ("Entity=(1-person-new)|ner=S-ORG", "ORG"),  # the file's own NER tags win
        ("Entity=(1-substance-new)", None),  # a type with no OntoNotes name
    ],
)
def test_ner_tags_in_the_file_win_over_gold_mentions(tmp_path, misc, label):
    result = read_conllu(write(tmp_path, misc))
    assert [e.label for e in result.entities] == ([label] if label else [])
    assert result.text == "Acme said so."  # the empty node (1.1) has no characters


def test_a_closing_bracket_that_closes_nothing_is_an_error(tmp_path):
    with pytest.raises(GoldFormatError, match="closes nothing"):
        read_conllu(write(tmp_path, "_", close="7)"))


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_conllu(tmp_path / "absent.conllu")
