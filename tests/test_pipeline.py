"""The whole pipeline on the seed article, against the expected output the project keeps."""
import json

import pytest

import quotes
from quotes.cli import main
from quotes.render import CONTRACT_FIELDS, attribution_rows

from .conftest import ROOT

SEED = ROOT / "seeds" / "north-korea-kursk.txt"
EXPECTED = ROOT / "fixtures" / "seed" / "north-korea-kursk.expected.jsonl"
GOLD = ROOT / "fixtures" / "seed" / "north-korea-kursk.gold.json"


def test_seed_matches_the_golden_file(seed_text):
    rows = attribution_rows(quotes.analyze(seed_text, name="seeds/north-korea-kursk.txt"))
    expected = [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines()]
    assert rows == expected


def test_the_golden_file_is_what_the_command_prints_from_the_checkout(capsys, monkeypatch):
    # `quotes analyze seeds/north-korea-kursk.txt --format jsonl > fixtures/seed/...` remakes it.
    monkeypatch.chdir(ROOT)
    assert main(["analyze", "seeds/north-korea-kursk.txt", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == EXPECTED.read_text(encoding="utf-8")


def test_every_row_carries_the_contract_fields_in_order(seed_text):
    for row in attribution_rows(quotes.analyze(seed_text, name="seeds/north-korea-kursk.txt")):
        assert tuple(row)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS


def test_spans_index_the_article(seed_text):
    result = quotes.analyze(seed_text)
    for a in result.attributions:
        assert seed_text[a.content.start : a.content.end] == a.content.text
        for span in (a.cue, a.speaker_mention):
            if span is not None:
                assert seed_text[span.start : span.end] == span.text
    for speaker in result.speakers:
        for m in speaker.mentions:
            assert seed_text[m.start : m.end] == m.text


def _gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))["attributions"]


def _matching(result, item, text):
    hits = []
    at = text.find(item["content"])
    while at >= 0:
        stop = at + len(item["content"])
        hits += [a for a in result.attributions if a.content.start <= at and stop <= a.content.end + 1]
        at = text.find(item["content"], at + 1)
    return hits


def _names(item):
    return {n.lower() for n in [item["speaker"], *item.get("aliases", [])]}


@pytest.mark.parametrize("item", [g for g in _gold() if not g.get("optional")], ids=lambda g: g["content"][:30])
def test_seed_gold_attribution_is_found_with_its_speaker(seed_text, item):
    hits = _matching(quotes.analyze(seed_text), item, seed_text)
    assert hits, "not found"
    assert any(a.speaker is not None and a.speaker.name.lower() in _names(item) for a in hits)


def test_seed_conduits_and_extras(seed_text):
    result = quotes.analyze(seed_text)
    gold = _gold()
    for item in gold:
        if item.get("via"):
            assert {a.via for a in _matching(result, item, seed_text)} == {item["via"]}
    matched = {id(a) for item in gold for a in _matching(result, item, seed_text)}
    extras = [a for a in result.attributions if id(a) not in matched]
    assert len(extras) <= 2
