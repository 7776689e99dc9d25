"""CSV injection: a cell that begins like a formula is neutralized in every CSV quotes writes
(analyze, report, batch), unless --raw-csv; JSON and JSON Lines stay exact."""
from __future__ import annotations

import csv
import io
import json

import pytest

from quotes.cli import main
from quotes.render import spreadsheet_safe

FORMULA = '"=1+2 is the answer," Jane Roe said.\n'


@pytest.mark.parametrize("cell, written", [
    # positive: what a spreadsheet would run gets a leading apostrophe
    ("=1+2", "'=1+2"),
    ("=HYPERLINK(\"http://example.org\",\"x\")", "'=HYPERLINK(\"http://example.org\",\"x\")"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-5%", "'-5%"),  # a quote that begins with a minus is a formula to a spreadsheet too
    ("-", "'-"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("\0nul", "'\0nul"),
    ("'=already", "'=already"),  # an apostrophe first is text already: not doubled
    # negative: the same characters later in the cell, or not text, are left alone
    ("a-b", "a-b"),
    ("5%", "5%"),
    ("1+2=3", "1+2=3"),
    ("jane@example.org", "jane@example.org"),
    (" =1+2", " =1+2"),
    ("", ""),
    ("\u2212 5", "\u2212 5"),  # a typographic minus is not a formula start
    (-5, -5),
    (0.5, 0.5),
    (None, None),
    (True, True),
])
def test_spreadsheet_safe(cell, written):
    assert spreadsheet_safe(cell) == written


def _cells(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("args, text", [
    ([], "'=1+2 is the answer"),
    (["--raw-csv"], "=1+2 is the answer"),
])
def test_analyze_csv(tmp_path, capsys, args, text):
    path = tmp_path / "a.txt"
    path.write_text(FORMULA, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "csv", *args]) == 0
    assert _cells(capsys.readouterr().out)[0]["text"] == text


def test_json_lines_stay_exact(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(FORMULA, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["text"] == "=1+2 is the answer" and FORMULA[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize("name, args, article", [
    ("=cmd.txt", [], "'=cmd.txt"),  # an article is named by its path: a file name can be a formula
    ("=cmd.txt", ["--raw-csv"], "=cmd.txt"),
    ("plain.txt", [], "plain.txt"),
])
def test_report_csv(tmp_path, capsys, monkeypatch, name, args, article):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(FORMULA, encoding="utf-8")
    assert main(["report", name, "--format", "csv", *args]) == 0
    assert {r["article"] for r in _cells(capsys.readouterr().out)} == {article}


BATCH_INPUT = [["id", "body"], ["=HYPERLINK(1)", FORMULA], ["-12", "Officials said so."], ["a-b", FORMULA]]


@pytest.mark.parametrize("args, ids, text", [
    ([], ["'=HYPERLINK(1)", "'-12", "a-b"], "'=1+2 is the answer"),
    (["--raw-csv"], ["=HYPERLINK(1)", "-12", "a-b"], "=1+2 is the answer"),
])
def test_batch_csvs(tmp_path, args, ids, text):
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(BATCH_INPUT)
    summary, attributions = tmp_path / "s.csv", tmp_path / "a.csv"
    assert main(["batch", str(source), "--text-column", "body", "--id-column", "id", "--quiet",
                 "--attributions", str(attributions), "--summary", str(summary), *args]) == 0
    assert [r["article"] for r in _cells(summary.read_text(encoding="utf-8"))] == ids
    found = _cells(attributions.read_text(encoding="utf-8"))
    assert [r["text"] for r in found] == [text, text]
    assert [r["article"] for r in found] == [ids[0], ids[2]]
