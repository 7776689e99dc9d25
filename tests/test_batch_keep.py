"""quotes batch --keep: input columns carried, unchanged, into both CSVs right after the article id.

fixtures/batch/outlets.csv is invented: seven short local stories from two made-up outlets, with
outlet, date, url and section columns, one row without text.
"""
from __future__ import annotations

import csv
import json

import pytest

from quotes import batch
from quotes.cli import main
from quotes.errors import QuotesError

from .conftest import ROOT

FIXTURES = ROOT / "fixtures" / "batch"
OUTLETS = FIXTURES / "outlets.csv"


def read(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def run(tmp_path, *args: str) -> tuple[int, list[dict], list[dict]]:
    attributions, summary = tmp_path / "attributions.csv", tmp_path / "summary.csv"
    code = main(["batch", *args, "--attributions", str(attributions), "--summary", str(summary), "--quiet"])
    return (code, read(attributions), read(summary)) if code == 0 else (code, [], [])


@pytest.mark.parametrize("values, names", [
    (None, ()),
    ([], ()),
    (["outlet"], ("outlet",)),
    (["outlet,date"], ("outlet", "date")),
    (["outlet, date ", "url"], ("outlet", "date", "url")),  # the option given twice, spaces around names
    (["Date,date"], ("Date", "date")),  # parse_keep keeps them; check_keep refuses them (below)
    # negative
    (["outlet,,date"], None),
    ([","], None),
    ([""], None),
    (["outlet", "outlet"], None),
    (["outlet,url,outlet"], None),
])
def test_parse_keep(values, names):
    if names is None:
        with pytest.raises(QuotesError, match="--keep"):
            batch.parse_keep(values)
    else:
        assert batch.parse_keep(values) == names


@pytest.mark.parametrize("keep, clash", [
    ((), None),
    (("outlet", "date", "url", "section"), None),
    (("id", "headline", "article id"), None),
    (("text",), "text"),  # an attributions column
    (("chars",), "chars"),  # a summary column
    (("speaker_id",), "speaker_id"),  # a JSON Lines field the CSV leaves out and SQLite stores
    (("Reason",), "Reason"),
    (("Row",), "Row"),  # any letter case: SQLite's names ignore case
    (("outlet", "ERROR"), "ERROR"),
    (("outlet", "Outlet"), "differ only in letter case"),
])
def test_check_keep(keep, clash):
    if clash is None:
        batch.check_keep(keep)
    else:
        with pytest.raises(QuotesError, match=clash):
            batch.check_keep(keep)


def test_kept_columns_come_right_after_the_article():
    keep = ("outlet", "date")
    assert batch.attribution_fields(keep) == ("article", "outlet", "date", *batch.ATTRIBUTION_FIELDS[1:])
    assert batch.summary_fields(keep) == ("row", "article", "outlet", "date", *batch.SUMMARY_FIELDS[2:])
    assert batch.attribution_fields() == batch.ATTRIBUTION_FIELDS
    assert batch.summary_fields() == batch.SUMMARY_FIELDS


@pytest.mark.parametrize("value, kept", [
    ("Harbor Herald", "Harbor Herald"),
    ("", ""),
    ("  spaced  ", "  spaced  "),  # unchanged: not stripped
    ("=1+2", "=1+2"),  # the CSV writer makes it spreadsheet-safe, not the reader
    ("caf\udce9", "caf\ufffd"),  # a byte that was not UTF-8: printable, as an id is
    (None, None),  # a JSON null or a missing key
    (7, "7"),
    (2.5, "2.5"),
    (True, "true"),
    (["a", 1], '["a", 1]'),
    ({"k": "v"}, '{"k": "v"}'),
])
def test_kept_value(value, kept):
    assert batch.kept_value(value) == kept


def test_csv_columns_are_carried_unchanged_into_both_csvs(tmp_path):
    keep = ["outlet", "date", "url", "section"]
    code, attributions, summary = run(tmp_path, str(OUTLETS), "--text-column", "text", "--id-column", "id",
                                      "--keep", "outlet,date", "--keep", "url,section")
    assert code == 0
    source = {r["id"]: r for r in read(OUTLETS)}
    assert list(summary[0])[:6] == ["row", "article", *keep]
    assert list(attributions[0])[:5] == ["article", *keep]
    assert [r["article"] for r in summary] == list(source)  # every row, the one without text too
    for row in summary + attributions:
        assert {k: row[k] for k in keep} == {k: source[row["article"]][k] for k in keep}
    assert len(attributions) == sum(int(r["attributions"]) for r in summary) > 0


def test_without_keep_the_csvs_are_as_before(tmp_path):
    _, attributions, summary = run(tmp_path, str(OUTLETS), "--text-column", "text")
    assert tuple(summary[0]) == batch.SUMMARY_FIELDS and tuple(attributions[0]) == batch.ATTRIBUTION_FIELDS


# JSON Lines rows and what --keep outlet,date gives for each (a number as its digits, null or a
# missing key as an empty cell, a list as its JSON text), also for rows that cannot be analysed.
JSONL_ROWS = [
    ({"id": "a", "outlet": "Herald", "date": "2026-09-01", "body": '"Yes," Jane Roe said.'}, ("Herald", "2026-09-01")),
    ({"id": "b", "outlet": "Voice", "date": 20260902, "body": '"No," Jo Park said.'}, ("Voice", "20260902")),
    ({"id": "c", "outlet": None, "body": '"Maybe," Al Fox said.'}, ("", "")),
    ({"id": "d", "outlet": ["Herald", "Voice"], "date": True, "body": ""}, ('["Herald", "Voice"]', "true")),
    ({"id": "e", "outlet": "Herald", "date": "2026-09-05"}, ("Herald", "2026-09-05")),  # no text field
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_lines_values(tmp_path, jobs):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(obj) + "\n" for obj, _ in JSONL_ROWS) + "[1]\n", encoding="utf-8")
    code, attributions, summary = run(tmp_path, str(source), "--text-column", "body", "--id-column", "id",
                                      "--keep", "outlet,date", "--jobs", jobs)
    assert code == 0
    expected = [kept for _, kept in JSONL_ROWS] + [("", "")]  # a line that is no object keeps nothing
    assert [(r["outlet"], r["date"]) for r in summary] == expected
    assert [r["error"] != "" for r in summary] == [False, False, False, True, True, True]
    assert [(r["article"], r["outlet"], r["date"]) for r in attributions] == [
        ("a", "Herald", "2026-09-01"), ("b", "Voice", "20260902"), ("c", "", "")]


@pytest.mark.parametrize("name, keep, names", [
    ("outlets.csv", "outlet,byline", "'id', 'outlet', 'date', 'url', 'section', 'text'"),
    ("outlets.csv", "Outlet", "'id', 'outlet'"),  # header names match exactly
    ("mixed.jsonl", "outlet", "the first object's keys are: 'id', 'body'"),
])
def test_a_missing_kept_column_stops_before_any_output(tmp_path, capsys, name, keep, names):
    text = "text" if name.endswith("csv") else "body"
    code, _, _ = run(tmp_path, str(FIXTURES / name), "--text-column", text, "--keep", keep)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "no column" in err and names in err
    assert not (tmp_path / "summary.csv").exists() and not (tmp_path / "attributions.csv").exists()


@pytest.mark.parametrize("keep, message", [
    ("text", "--keep 'text': quotes writes a column of that name"),
    ("outlet,Error", "--keep 'Error': quotes writes a column of that name"),
    ("outlet,,date", "--keep takes column names separated by commas"),
    ("date,date", "--keep names 'date' more than once"),
])
def test_a_bad_keep_is_one_line_and_no_output(tmp_path, capsys, keep, message):
    code, _, _ = run(tmp_path, str(OUTLETS), "--text-column", "text", "--keep", keep)
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"quotes: {message}")
    assert not (tmp_path / "summary.csv").exists()


def test_a_short_csv_row_keeps_what_it_has(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,outlet,date,text\nr1,Herald,2026-09-01,"""Yes,"" Jane Roe said."\nr2,Voice\n',
                      encoding="utf-8")
    _, _, summary = run(tmp_path, str(source), "--text-column", "text", "--id-column", "id", "--keep", "outlet,date")
    assert [(r["article"], r["outlet"], r["date"]) for r in summary] == [("r1", "Herald", "2026-09-01"),
                                                                         ("r2", "Voice", "")]
    assert "row has 2 fields" in summary[1]["error"]


def test_kept_cells_are_spreadsheet_safe_unless_raw(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,outlet,text\nr1,=HYPERLINK(1),"""Yes,"" Jane Roe said."\n', encoding="utf-8")
    for raw, cell in ((False, "'=HYPERLINK(1)"), (True, "=HYPERLINK(1)")):
        _, attributions, summary = run(tmp_path, str(source), "--text-column", "text", "--keep", "outlet",
                                       *(["--raw-csv"] if raw else []))
        assert summary[0]["outlet"] == attributions[0]["outlet"] == cell


@pytest.mark.parametrize("names, values, ok", [
    ((), (), True),
    (("outlet",), ("Herald",), True),
    (("outlet",), (), False),  # names without values, or values without names: the caller's mistake
    ((), ("Herald",), False),
])
def test_analyze_row_wants_a_name_for_every_kept_value(names, values, ok):
    row = batch.InputRow(1, "a", '"Yes," Jane Roe said.', kept=values)
    if ok:
        result = batch.analyze_row(row, keep=names)
        assert all(a[n] == v for a in result.attributions for n, v in zip(names, values))
        assert [s["name"] for s in result.speakers] == ["Jane Roe"]
    else:
        with pytest.raises(ValueError, match="kept"):
            batch.analyze_row(row, keep=names)
