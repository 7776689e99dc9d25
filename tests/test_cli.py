"""The command line: formats, exit codes and one-line errors."""
import json

import pytest

from quotes.cli import main
from quotes.render import CONTRACT_FIELDS

from .conftest import ROOT

SEED = str(ROOT / "seeds" / "north-korea-kursk.txt")


def test_table_is_the_default_and_fits_80_columns(capsys):
    assert main(["analyze", SEED]) == 0
    out = capsys.readouterr().out
    assert "Dmitry Peskov" in out and "Kim Jong Un" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_jsonl_has_the_contract_on_every_line(capsys):
    assert main(["analyze", SEED, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 22
    text = open(SEED, encoding="utf-8").read()
    for n, line in enumerate(lines):
        row = json.loads(line)
        assert tuple(row)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS
        assert row["article"] == SEED and row["index"] == n  # a file is named by its path as given
        assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_other_formats(capsys, fmt):
    assert main(["analyze", SEED, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Dmitry Peskov" in out


def test_stdin_is_named_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("“Yes,” she said.".encode())))
    assert main(["analyze", "-", "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["article"] == "stdin" and row["text"] == "Yes"


@pytest.mark.parametrize("args", [["analyze", "missing.txt"], ["analyze", str(ROOT / "tests")]])
def test_input_errors_are_one_line_and_exit_2(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("quotes: ")


def test_bom_is_not_part_of_the_text(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff“Yes,” she said.\r\nMore text.".encode("utf-8"))
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (row["start"], row["text"]) == (1, "Yes")


def test_stanza_without_models_fails_at_once_with_one_line(tmp_path, monkeypatch, capsys):
    pytest.importorskip("stanza")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert main(["analyze", "--engine", "stanza", SEED]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "quotes models download" in err


def test_stanza_not_installed_names_the_extra(monkeypatch, capsys):
    from quotes.engines import get_engine

    stanza_engine = pytest.importorskip("quotes.engines.stanza")
    monkeypatch.setattr(stanza_engine, "is_available", False)
    get_engine.cache_clear()
    try:
        assert main(["analyze", "--engine", "stanza", SEED]) == 2
    finally:
        get_engine.cache_clear()
    assert "pip install 'quotes[stanza]'" in capsys.readouterr().err


def test_evaluate_scores_the_seed_gold(capsys):
    gold = str(ROOT / "fixtures" / "seed" / "north-korea-kursk.gold.json")
    assert main(["evaluate", "--gold", gold, "--article", SEED, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["required_found"]["hit"] == report["required_found"]["total"] == 22


def test_an_output_that_cannot_carry_the_text_is_one_line_and_exit_2(capsys, monkeypatch):
    import io

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr("sys.stdout", ascii_out)
    assert main(["analyze", SEED, "--format", "jsonl"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "PYTHONIOENCODING=utf-8" in err
