"""quotes.audit.page: the audit's self-contained HTML page and its SVG charts.

Structure tests read the page with html.parser; the browser tests render it in headless
Chromium (skipped when /usr/bin/chromium is absent): the DOM it builds, and nothing past the
right edge at a desktop's, a tablet's and a phone's width (the harness of tests/test_page.py).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from quotes import audit
from quotes.audit import page as audit_page
from quotes.audit.render import Breakdown

from .conftest import ROOT
from .test_page import chromium, measure, needs_chromium

FIXTURES = ROOT / "fixtures" / "audit"
HOSTILE = '<script>alert(1)</script>'


def hostile_fixture(tmp_path, value: str = HOSTILE) -> tuple[str, str]:
    """The fixture CSVs with the outlet 'Bay Wire' renamed to ``value``."""
    paths = []
    for name in ("attributions.csv", "summary.csv"):
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("Bay Wire", '"' + value.replace('"', '""') + '"')
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths[0], paths[1]


def the_page(a: str, s: str | None = None, period: bool = True) -> tuple[audit.Audit, str]:
    options = {"period": "month", "date_column": "date"} if period else {}
    result = audit.audit_file(a, summary_path=s, by=["outlet"], **options)
    return result, audit_page.audit_page(result)


class Text(HTMLParser):
    """The tags, the text of each block (by its data-group) and every text node."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.groups: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "data-group" in attrs:
            self.groups.append(attrs["data-group"])

    def handle_data(self, data):
        self.texts.append(data)


def parse(document: str) -> Text:
    t = Text()
    t.feed(document)
    return t


@pytest.mark.parametrize("value", [HOSTILE, 'x" onmouseover="alert(1)', "<img src=x onerror=alert(1)>", "A & B"])
def test_every_group_value_is_escaped_and_read_back_as_written(tmp_path, value):
    _, document = the_page(*hostile_fixture(tmp_path, value))
    assert "<script" not in document and "<img" not in document and 'x" onmouseover' not in document
    seen = parse(document)
    assert f"outlet: {value}" in seen.groups  # the block's name, as written in the CSV
    assert any(value in t for t in seen.texts)
    assert "script" not in seen.tags and "img" not in seen.tags


@pytest.mark.parametrize("pattern", [r"<script", r"\bsrc=", r"\bhref=", r"url\(", r"@import", r"https?://", r"<link"])
def test_the_page_is_self_contained(pattern):
    _, document = the_page(str(FIXTURES / "attributions.csv"), str(FIXTURES / "summary.csv"))
    assert not re.search(pattern, document, re.I)


@pytest.mark.parametrize("period, bars, lines", [(True, 5 * 4, 4), (False, 5 * 4, 0)])
def test_one_block_of_four_bars_per_group_and_the_total_and_line_charts_with_a_period(period, bars, lines):
    result, document = the_page(str(FIXTURES / "attributions.csv"), str(FIXTURES / "summary.csv"), period)
    assert document.count('<svg class="chart bar"') == bars
    assert document.count('<svg class="chart line"') == lines
    assert parse(document).groups == ["all groups", "outlet: Bay Wire", "outlet: Harbour Post",
                                      "outlet: Valley Courier", "outlet: (none)"]
    assert ('<table class="periods"' in document) is period


def test_the_unknown_gender_share_is_always_drawn_and_written():
    document = audit_page.stacked_bar(Breakdown("gender", "person sources by gender", "person sources", 4,
                                                (("female", 1), ("male", 0), ("unknown", 3))))
    words = re.search(r'<p class="parts" data-table="gender">(.*?)</p>', document).group(1)
    assert re.sub(r"<[^>]+>", "", words) == "female 1 (25%); male 0 (0%); unknown 3 (75%)"
    assert ">unknown 75%</text>" in document  # labelled on the bar where it has room


@pytest.mark.parametrize("parts, widths", [
    ((("named", 3), ("anonymous", 1)), [300.0, 100.0]),
    ((("named", 0), ("anonymous", 2)), [400.0]),  # an empty part draws nothing
    ((("named", 1), ("anonymous", 1), ("x", 2)), [100.0, 100.0, 200.0]),
])
def test_stacked_bar_segments_are_the_shares(parts, widths):
    svg = audit_page.stacked_bar(Breakdown("named", "sources", "sources", sum(n for _, n in parts), parts))
    assert [float(w) for w in re.findall(r'<rect x="[\d.]+" y="20" width="([\d.]+)"', svg)] == widths


def test_an_empty_bar_says_so():
    svg = audit_page.stacked_bar(Breakdown("kind", "attributions by kind", "attributions", 0, (("direct", 0),)))
    assert "no attributions" in svg


@pytest.mark.parametrize("values, polylines, markers", [
    ([1, 2, 3], 1, 3),
    ([1, None, 3, 4], 1, 3),  # a missing period breaks the line; a lone point is a marker only
    ([None, None, None], 0, 0),
])
def test_a_line_breaks_where_a_period_has_no_value(values, polylines, markers):
    svg = audit_page.line_chart("t", ["2026-01", "2026-02", "2026-03", "2026-04"][:len(values)], [("A", values)])
    assert svg.count("<polyline") == polylines
    assert svg.count("<circle") == markers
    assert ('class="end"' in svg) is bool(markers)


def test_line_names_are_pushed_apart():
    svg = audit_page.line_chart("t", ["2026-01", "2026-02"], [(f"S{n}", [1, 1]) for n in range(4)])
    ys = sorted(float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" class="end"', svg))
    assert len(ys) == 4 and all(b - a >= 13 for a, b in zip(ys, ys[1:]))


def test_each_line_differs_by_more_than_colour():
    svg = audit_page.line_chart("t", ["2026-01", "2026-02"], [("A", [1, 2]), ("B", [2, 1]), ("C", [1, 1])])
    dashes = re.findall(r'stroke-dasharray="([^"]*)"', svg)
    assert len(set(dashes)) == 3
    assert svg.count("<circle") == 2 and svg.count("<rect") == 2 and svg.count("<polygon") == 2


def test_the_html_format_from_the_command_line(capsys):
    from quotes.cli import main

    assert main(["audit", str(FIXTURES / "attributions.csv"), "--by", "outlet", "--format", "html", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert html.escape("articles: those with at least one attribution") in out  # the note on how articles count


# ------------------------------------------------------------------ in a real browser

@needs_chromium
def test_the_browser_builds_no_script_from_a_hostile_group(tmp_path):
    _, document = the_page(*hostile_fixture(tmp_path))
    (tmp_path / "shots").mkdir()
    run = chromium(tmp_path / "shots", document, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    seen = parse(run.stdout.decode("utf-8"))
    assert "script" not in seen.tags
    assert f"outlet: {HOSTILE}" in seen.groups


@needs_chromium
@pytest.mark.parametrize("width", [1200, 800, 390])
@pytest.mark.parametrize("value", ["Bay Wire", "Outlet" + "x" * 200])
def test_nothing_overflows_at_any_width(tmp_path, width, value):
    _, document = the_page(*hostile_fixture(tmp_path, value))
    (tmp_path / "shots").mkdir()
    measured = measure(tmp_path / "shots", document, width)
    assert measured["width"] == width
    assert measured["scrollWidth"] <= width and measured["over"] == []
    assert f"outlet: {value}" in parse(measured["dom"]).groups


@needs_chromium
@pytest.mark.parametrize("width, overflows", [(390, True), (1200, False)])
def test_the_check_sees_the_periods_table_overflow_without_its_phone_layout(tmp_path, width, overflows):
    _, document = the_page(*hostile_fixture(tmp_path))
    document = re.sub(r"@media \(max-width:[\d.]+em\)", "@media (max-width:1px)", document)
    (tmp_path / "shots").mkdir()
    measured = measure(tmp_path / "shots", document, width)
    assert bool(measured["over"]) is overflows
