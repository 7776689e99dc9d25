"""quotes.tables: text tables that wrap to a width instead of cutting names."""
from __future__ import annotations

import pytest

from quotes import analyze, render, report
from quotes.tables import LONGEST_WORD, Column, format_table, widths

from .conftest import ROOT

SEED = ROOT / "seeds" / "north-korea-kursk.txt"
COLUMNS = (Column("name", weight=2), Column("n", numeric=True), Column("note", weight=1, minimum=6))
ROWS = [["U.S., Ukrainian and South Korean officials", 12, "carried by Yonhap News"],
        ["Kim", 3, None]]


def words(text: str) -> list[str]:
    return [w for line in text.splitlines()[2:] for w in line.split()]


@pytest.mark.parametrize("width", [40, 50, 80, 120, 200])
def test_a_table_fits_its_width_and_keeps_every_word(width):
    text = format_table(COLUMNS, ROWS, width)
    assert max(len(line) for line in text.splitlines()) <= width
    expected = "U.S., Ukrainian and South Korean officials 12 carried by Yonhap News Kim 3 -".split()
    assert sorted(words(text)) == sorted(expected)  # wrapped, nothing cut, nothing added
    assert "…" not in text


@pytest.mark.parametrize("width, lines", [
    (200, 4),  # everything fits: header, dashes, one line per row
    (70, 4),  # just fits
    (69, 5),  # one column short: the long name wraps onto a second line
    (30, 7),
])
def test_rows_wrap_only_when_they_must(width, lines):
    assert len(format_table(COLUMNS, ROWS, width).splitlines()) == lines


@pytest.mark.parametrize("width, expected", [
    (200, [42, 2, 22]),  # natural widths
    (60, [36, 2, 18]),  # weights 2:1 share the room left by the number column and the gaps
    (30, [16, 2, 8]),
    (10, [9, 2, 7]),  # never below the longest word ("Ukrainian", "carried"): wider than asked
])
def test_column_widths(width, expected):
    cells = [[str(c if c is not None else "-") for c in row] for row in ROWS]
    assert widths(COLUMNS, cells, width) == expected


@pytest.mark.parametrize("word, split", [("a" * LONGEST_WORD, False), ("a" * (LONGEST_WORD + 5), True)])
def test_only_a_word_longer_than_the_limit_is_split(word, split):
    text = format_table((Column("name", weight=1, minimum=4), Column("x" * 60)), [[word, "y"]], 40)
    assert (word not in text) is split


@pytest.mark.parametrize("max_lines, cut", [(None, False), (2, True)])
def test_a_preview_column_stops_after_its_lines(max_lines, cut):
    columns = (Column("words", weight=1, max_lines=max_lines), Column("x" * 30))
    text = format_table(columns, [["one two three four five six seven eight nine ten eleven", "y"]], 45)
    assert text.rstrip().endswith("…") is cut


@pytest.mark.parametrize("cell, shown", [(None, "-"), ("", "-"), (0, "0"), ("a\n  b", "a b")])
def test_cells(cell, shown):
    assert format_table((Column("h"),), [[cell]]).splitlines()[2] == shown


def test_numbers_are_right_aligned():
    lines = format_table((Column("name"), Column("count", numeric=True)), [["a", 5], ["b", 123]]).splitlines()
    assert lines[2].endswith("    5") and lines[3].endswith("  123")


# ------------------------------------------------------------------ the real tables


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED.read_text(encoding="utf-8"), name="seed")


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("table", ["attributions", "report"])
def test_seed_tables_fit_and_name_every_speaker_whole(seed, table, width):
    if table == "attributions":
        text = render.attributions_table(seed, width)
    else:
        text = report.to_table([report.build_report(seed)], width)
    assert max(len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    for speaker in seed.speakers:
        if any(a.speaker == speaker for a in seed.attributions):
            # every word of the name is there, and the name is never cut with an ellipsis
            assert all(word in flat for word in speaker.name.split()), speaker.name
    assert "Departm…" not in text
