"""The stanza adapter on real stanza Documents: read from the project's CoNLL-U fixtures or built
from dicts the way the pipeline builds them. No model is loaded; none can be downloaded here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

stanza = pytest.importorskip("stanza")

from stanza.models.common.doc import Document  # noqa: E402
from stanza.models.coref.coref_chain import CorefChain, CorefMention  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

import quotes  # noqa: E402
from quotes.engines import get_engine  # noqa: E402
from quotes.engines import stanza as stanza_engine  # noqa: E402
from quotes.engines.conllu import read_conllu  # noqa: E402
from quotes.engines.stanza import (  # noqa: E402
    PROCESSORS,
    StanzaEngine,
    align_tokens,
    analysis_from_document,
    split_word_spans,
    with_paragraph_breaks,
)
from quotes.errors import EngineUnavailable, InputError  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "conllu"
NAMES = ("peskov", "roe", "ukrainian-forces")


def analysis(name: str):
    return read_conllu(FIXTURES / f"{name}.conllu")


def token_at(result, text: str, occurrence: int = 0) -> int:
    """Document index of the occurrence-th token whose text is text."""
    found = [i for i, t in enumerate(result.tokens) if t.text == text]
    return found[occurrence]


@pytest.mark.parametrize("name", NAMES)
def test_every_offset_indexes_the_text(name):
    result = analysis(name)
    assert result.tokens
    previous_end = 0
    for token in result.tokens:
        assert result.text[token.start : token.end] == token.text
        assert token.start >= previous_end  # in text order, never overlapping
        previous_end = token.end
    for sentence in result.sentences:
        first, last = result.tokens[sentence.first_token], result.tokens[sentence.last_token - 1]
        assert (sentence.start, sentence.end) == (first.start, last.end)
    assert [s.first_token for s in result.sentences[1:]] == [s.last_token for s in result.sentences[:-1]]
    assert result.sentences[-1].last_token == len(result.tokens)


@pytest.mark.parametrize("name", NAMES)
def test_heads_are_document_wide_and_stay_in_their_sentence(name):
    result = analysis(name)
    assert result.has_parse
    for sentence in result.sentences:
        inside = range(sentence.first_token, sentence.last_token)
        roots = [i for i in inside if result.tokens[i].head is None]
        assert [result.tokens[i].deprel for i in roots] == ["root"]
        for i in inside:
            head = result.tokens[i].head
            assert head is None or (head in inside and head != i)


@pytest.mark.parametrize(
    "name, dependent, occurrence, head, head_occurrence, deprel",
    [
        ("peskov", "Dmitry", 0, "said", 0, "nsubj"),
        ("peskov", "Peskov", 0, "Dmitry", 0, "flat"),
        ("peskov", "provide", 0, "said", 0, "ccomp"),
        # the second sentence's heads are offset by the first sentence's 20 tokens
        ("peskov", "he", 0, "said", 1, "nsubj"),
        ("peskov", "have", 0, "said", 1, "ccomp"),
        ("peskov", "treaty", 1, "effective", 0, "nsubj"),
        ("roe", "n't", 0, "collapse", 0, "advmod"),
        ("roe", "'re", 0, "talking", 0, "aux"),
        ("roe", "Russia", 0, "offer", 0, "nmod:poss"),
        ("ukrainian-forces", "reported", 0, "motivated", 0, "parataxis"),
        ("ukrainian-forces", "forces", 0, "reported", 0, "nsubj"),
    ],
)
def test_heads_point_at_the_right_token(name, dependent, occurrence, head, head_occurrence, deprel):
    result = analysis(name)
    token = result.tokens[token_at(result, dependent, occurrence)]
    assert token.head == token_at(result, head, head_occurrence)
    assert token.deprel == deprel


def test_lemmas_and_upos_come_from_the_document():
    result = analysis("roe")
    assert [(t.text, t.lemma, t.upos) for t in result.tokens[12:15]] == [
        ("did", "do", "AUX"),
        ("n't", "not", "PART"),
        ("collapse", "collapse", "VERB"),
    ]


@pytest.mark.parametrize(
    "name, words",
    [
        # a multi-word token becomes its words, each with its own slice of the surface
        ("roe", ["did", "n't"]),
        ("roe", ["We", "'re"]),
        ("roe", ["Russia", "'s"]),
    ],
)
def test_multi_word_tokens_split_into_adjacent_words(name, words):
    result = analysis(name)
    first = token_at(result, words[0])
    pieces = result.tokens[first : first + len(words)]
    assert [t.text for t in pieces] == words
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))


@pytest.mark.parametrize(
    "name, text, label",
    [
        ("roe", "Jane Roe", "PERSON"),
        ("roe", "Russia", "GPE"),  # the MWT Russia's is tagged whole; the possessive is dropped
        ("ukrainian-forces", "North Korea", "GPE"),
        ("ukrainian-forces", "Russia", "GPE"),
        ("ukrainian-forces", "North Korean", "NORP"),
        ("ukrainian-forces", "Ukrainian", "NORP"),
    ],
)
def test_entities_from_ner_tags_keep_their_labels(name, text, label):
    result = analysis(name)
    assert (text, label) in [(e.text, e.label) for e in result.entities]
    for entity in result.entities:
        assert result.text[entity.start : entity.end] == entity.text


def test_text_is_rebuilt_with_one_line_per_paragraph():
    peskov = analysis("peskov")
    lines = peskov.text.split("\n")
    assert lines[0].startswith("Kremlin spokesman") and lines[0].endswith("if needed.")
    assert lines[1].startswith("“Of course, we have a treaty in force,” he said. “The participation")
    assert [peskov.text[a:b] for a, b in peskov.paragraphs] == lines
    # no `# newpar` at all: one paragraph, sentences joined by their SpaceAfter
    roe = analysis("roe")
    assert len(roe.paragraphs) == 1
    assert "didn't collapse. \"We're still talking,\" she said. She said" in roe.text


def test_the_articles_own_text_is_used_when_given():
    doc = CoNLL.conll2doc(input_file=str(FIXTURES / "roe.conllu"))
    text = "Jane  Roe,\ta spokeswoman for the ministry, said the talks didn't collapse.\n\n" + (
        "\"We're still talking,\" she said.   She said Russia's offer was under review."
    )
    result = analysis_from_document(doc, text=text)
    assert result.text == text
    assert [result.text[t.start : t.end] for t in result.tokens] == [t.text for t in result.tokens]
    assert result.tokens[1].start == text.index("Roe")
    assert len(result.paragraphs) == 2
    with pytest.raises(InputError, match="'Roe'"):
        analysis_from_document(doc, text="Jane Doe, a spokeswoman for the ministry, said nothing.")


# Any visible characters: forms never hold whitespace, but may be punctuation, digits or "_".
FORMS = st.text(alphabet=st.characters(blacklist_categories=("Z", "C")), min_size=1, max_size=5)
SENTENCES = st.lists(st.lists(st.tuples(FORMS, st.booleans()), min_size=1, max_size=6), min_size=1, max_size=4)


@given(SENTENCES)
def test_a_document_without_text_gets_offsets_that_index_its_rebuilt_text(sentences):
    rows = [
        [{"id": i, "text": form, "misc": None if spaced else "SpaceAfter=No"} for i, (form, spaced) in enumerate(s, 1)]
        for s in sentences
    ]
    result = analysis_from_document(Document(rows))
    assert [t.text for t in result.tokens] == [form for s in sentences for form, _ in s]
    assert all(result.text[t.start : t.end] == t.text for t in result.tokens)
    assert [s.last_token - s.first_token for s in result.sentences] == [len(s) for s in sentences]


def pipeline_like_document() -> Document:
    """What the pipeline returns for a short article: text, offsets, NER tags and coref."""
    text = 'Jane Roe said the talks would go on.\n"We are still talking," she said.'
    rows = [
        [("Jane", "PROPN", 3, "nsubj", "B-PERSON"), ("Roe", "PROPN", 1, "flat", "E-PERSON"),
         ("said", "VERB", 0, "root", "O"), ("the", "DET", 5, "det", "O"), ("talks", "NOUN", 7, "nsubj", "O"),
         ("would", "AUX", 7, "aux", "O"), ("go", "VERB", 3, "ccomp", "O"), ("on", "ADP", 7, "compound:prt", "O"),
         (".", "PUNCT", 3, "punct", "O")],
        [('"', "PUNCT", 5, "punct", "O"), ("We", "PRON", 5, "nsubj", "O"), ("are", "AUX", 5, "aux", "O"),
         ("still", "ADV", 5, "advmod", "O"), ("talking", "VERB", 9, "ccomp", "O"), (",", "PUNCT", 5, "punct", "O"),
         ('"', "PUNCT", 5, "punct", "O"), ("she", "PRON", 9, "nsubj", "O"), ("said", "VERB", 0, "root", "O"),
         (".", "PUNCT", 9, "punct", "O")],
    ]
    sentences = []
    cursor = 0
    for row in rows:
        sentence = []
        for number, (form, upos, head, deprel, ner) in enumerate(row, start=1):
            start = text.index(form, cursor)
            cursor = start + len(form)
            sentence.append({"id": number, "text": form, "lemma": form.lower(), "upos": upos, "head": head,
                             "deprel": deprel, "ner": ner, "start_char": start, "end_char": cursor})
        sentences.append(sentence)
    # one empty node after "talking", as the coref processor adds for a dropped pronoun
    empty_nodes = [[], [{"id": (5, 1), "text": "_", "lemma": "_", "upos": "PRON"}]]
    doc = Document(sentences, text=text, empty_sentences=empty_nodes)
    doc.coref = [
        # representative chosen by the model: "Jane Roe"
        CorefChain(0, [CorefMention(0, 0, 2), CorefMention(1, 7, 8)], "Jane Roe", 0),
        # no representative, and one zero-anaphora mention (an empty node: no characters)
        CorefChain(1, [CorefMention(1, 1, 2), CorefMention(1, (5, 1), (5, 1)), CorefMention(0, 3, 5)], "_", None),
    ]
    return doc


def test_a_pipeline_document_keeps_its_offsets_entities_and_coref():
    doc = pipeline_like_document()
    result = analysis_from_document(doc)
    assert result.engine == "stanza"
    assert [(t.start, t.end) for t in result.tokens] == [
        (w.start_char, w.end_char) for s in doc.sentences for w in s.words
    ]
    assert [(e.text, e.label) for e in result.entities] == [("Jane Roe", "PERSON")]
    assert result.sentences[1].first_token == 9
    assert result.tokens[token_at(result, "she")].head == token_at(result, "said", 1)

    chains = [[result.text[a:b] for a, b in c.mentions] for c in result.coref]
    assert chains == [["Jane Roe", "she"], ["the talks", "We"]]
    assert [c.mentions[c.representative] for c in result.coref] == [(0, 8), (14, 23)]  # the longest stands in


def test_engine_name_is_recorded():
    doc = pipeline_like_document()
    assert analysis_from_document(doc, engine="gold").engine == "gold"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\nTwo.", "One.\n\n\nTwo."),
        ("One.\n\nTwo.", "One.\n\nTwo."),  # already a blank line: unchanged
        ("Headline\nBody one. Body two.\n", "Headline\n\n\nBody one. Body two.\n"),
        ("Only one paragraph.", "Only one paragraph."),
    ],
)
def test_paragraphs_get_a_blank_line_for_stanza(text, expected):
    assert with_paragraph_breaks(text) == expected


@pytest.mark.parametrize(
    "surface, forms, expected",
    [
        ("didn't", ["did", "n't"], [(10, 13), (13, 16)]),
        ("Russia's", ["Russia", "'s"], [(10, 16), (16, 18)]),
        ("Cannot", ["can", "not"], [(10, 13), (13, 16)]),  # case may differ
        ("won't", ["will", "n't"], [(10, 15), (10, 15)]),  # not a split of the surface: whole token
        ("Roe", ["Roe"], [(10, 13)]),
    ],
)
def test_words_of_a_multi_word_token(surface, forms, expected):
    assert split_word_spans(surface, 10, forms) == expected


@pytest.mark.parametrize(
    "text, forms, expected",
    [
        ("  a  b", ["a", "b"], [(2, 3), (5, 6)]),
        ("12 000 troops", ["12000", "troops"], [(0, 6), (7, 13)]),  # a tokenizer that drops inner spaces
    ],
)
def test_tokens_align_over_whitespace(text, forms, expected):
    assert align_tokens(text, forms) == expected


@pytest.mark.parametrize("text, forms", [("a b", ["a", "c"]), ("a", ["a", "b"]), ("a x b", ["a", "b"])])
def test_tokens_that_are_not_in_the_text_are_an_error(text, forms):
    with pytest.raises(InputError):
        align_tokens(text, forms)


def test_missing_models_name_the_download_command(tmp_path):
    with pytest.raises(EngineUnavailable, match="quotes models download") as raised:
        StanzaEngine(model_dir=tmp_path)
    assert str(tmp_path) in str(raised.value)
    assert "resources.json" in str(raised.value)


def test_the_model_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "from-env"))
    with pytest.raises(EngineUnavailable, match="from-env"):
        StanzaEngine()


def fake_models(root: Path, resources: dict) -> Path:
    """A folder that looks like an install (so the cheap check passes) but holds no real model."""
    (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    for processor in PROCESSORS:
        (root / "en" / processor).mkdir(parents=True)
        (root / "en" / processor / "broken.pt").write_bytes(b"not a model")
    return root


def test_models_load_on_first_use_and_a_broken_install_is_reported(tmp_path):
    engine = StanzaEngine(model_dir=fake_models(tmp_path, {}))  # nothing is loaded yet
    assert engine.analyze("  \n").tokens == ()  # blank text needs no model
    with pytest.raises(EngineUnavailable, match="quotes models download"):
        engine.analyze("Jane Roe said the talks would go on.")


def test_without_stanza_the_engine_names_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setattr(stanza_engine, "is_available", False)
    hint = r"pip install 'quotes\[stanza\]'"
    with pytest.raises(EngineUnavailable, match=hint):
        StanzaEngine()
    with pytest.raises(EngineUnavailable, match=hint):
        get_engine("stanza", str(tmp_path))
    with pytest.raises(EngineUnavailable, match=hint):
        quotes.analyze('"We will win," Jane Roe said.', engine="stanza", model_dir=str(tmp_path))
