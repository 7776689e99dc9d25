"""quotes.page: the self-contained HTML report page.

The structure tests parse the page with html.parser; the browser tests render it in headless
Chromium (skipped when /usr/bin/chromium is absent) and look at the DOM and the pixels.
"""
from __future__ import annotations

import html
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quotes import analyze, page
from quotes.cli import main

from .conftest import ROOT
from .test_report import make_result

SEED = ROOT / "seeds" / "north-korea-kursk.txt"


class Marks(HTMLParser):
    """The text of the article div, and for each attribution index the text highlighted for it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.article: list[str] = []
        self.marked: dict[int, list[str]] = {}
        self.cues: list[str] = []
        self.mentions: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        classes = [a.get("class", "") for _, a in self.stack]
        if "article" not in classes:
            return
        self.article.append(data)
        for _, a in self.stack:
            if a.get("class") == "q":
                for n in a["data-a"].split():
                    self.marked.setdefault(int(n), []).append(data)
        if "cue" in classes:
            self.cues.append(data)
        if "who" in classes:
            self.mentions.append(data)


def parse(document: str) -> Marks:
    m = Marks()
    m.feed(document)
    return m


HOSTILE = ('<script>alert("x")</script> & "Vote <b>now</b>," Jane Roe said. '
           "Officials said the <img src=x onerror=alert(1)> count was late.")


@pytest.mark.parametrize("text, specs", [
    # plain: one quote per speaker
    ('"We will win," Jane Roe said. Officials said the count was late.',
     [("direct", "We will win", "Jane Roe", None, "said", "Jane Roe"),
      ("indirect", "the count was late", "officials", None, "said", "Officials")]),
    # nested: a partial quote's content contains someone else's mention and cue
    ('Acme Corp said "Jane Roe said it was over" on Monday.',
     [("partial", "Jane Roe said it was over", "Acme Corp", None, "said", "Acme Corp"),
      ("indirect", "it was over", "Jane Roe", None, None, None)]),
    # overlapping quotes, neither inside the other, and a quote at the very start and end
    ("alpha beta gamma delta",
     [("indirect", "alpha beta gamma", "Jane Roe"), ("indirect", "gamma delta", "officials")]),
    # hostile text: markup in the article is text, not markup
    (HOSTILE,
     [("direct", 'Vote <b>now</b>', "Jane Roe", None, "said", "Jane Roe"),
      ("indirect", "the <img src=x onerror=alert(1)> count was late", "officials", None, None, "Officials")]),
    # no attributions at all
    ("Nothing is said here.", []),
])
def test_every_quote_is_highlighted_and_the_text_is_whole(text, specs):
    result = make_result("t", text, specs, anywhere=True)
    marks = parse(page.article_page([result]))
    assert "".join(marks.article) == text  # cut at every boundary, nothing lost or doubled
    assert set(marks.marked) == {a.index for a in result.attributions}
    for a in result.attributions:
        assert "".join(marks.marked[a.index]) == a.content.text
    assert "".join(marks.cues) == "".join(a.cue.text for a in result.attributions if a.cue)


@pytest.mark.parametrize("needle", ["<script", "<img", "<b>now"])
def test_article_markup_is_escaped(needle):
    document = page.article_page([make_result("t", HOSTILE, [("direct", "Vote <b>now</b>", "Jane Roe")])])
    assert needle not in document
    assert html.escape('<script>alert("x")</script>') in document


@pytest.mark.parametrize("name", ['<script>alert(1)</script>', 'x" onmouseover="alert(1)'])
def test_names_are_escaped_too(name):
    result = make_result(name, "Officials said so.", [("indirect", "so", "officials")])
    document = page.article_page([result])
    assert "<script" not in document and 'x" onmouseover' not in document


@pytest.mark.parametrize("pattern", [r"<script", r"\bsrc=", r"\bhref=", r"url\(", r"@import", r"https?://", r"<link"])
def test_page_is_self_contained(pattern):
    document = page.article_page([analyze(SEED.read_text(encoding="utf-8"), name="seed")])
    assert not re.search(pattern, document, re.I)


def test_a_speaker_keeps_one_colour_and_speakers_differ():
    text = '"One," Jane Roe said. "Two," officials said. "Three," Jane Roe said.'
    result = make_result("t", text, [("direct", "One", "Jane Roe"), ("direct", "Two", "officials"),
                                     ("direct", "Three", "Jane Roe")])
    document = page.highlight(result)
    colours = re.findall(r'data-a="(\d)" style="background:(#\w+)"', document)
    by_index = dict(colours)
    assert by_index["0"] == by_index["2"] != by_index["1"]


@pytest.mark.parametrize("items, widths", [
    ([("a", 10, "#000"), ("b", 5, "#000"), ("c", 0, "#000")], [210, 105, 0]),
    ([("only", 1, "#000")], [210]),
])
def test_bar_lengths_are_proportional(items, widths):
    svg = page.bar_chart("t", items)
    assert [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)] == widths


def test_an_empty_chart_says_so():
    assert "no attributions" in page.bar_chart("t", [])


def test_many_articles_have_a_section_each_and_a_total():
    one = make_result("one", '"Yes," Jane Roe said.', [("direct", "Yes", "Jane Roe")])
    two = make_result("two", "Officials said so.", [("indirect", "so", "officials")])
    document = page.article_page([one, two])
    assert document.count('<section class="result"') == 2 and "All articles" in document
    assert "All articles" not in page.article_page([one])


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_html_format_from_the_command_line(capsys, command):
    assert main([command, str(SEED), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert out.count("<svg") == 3


# ------------------------------------------------------------------ in a real browser

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def chromium(tmp_path: Path, document: str, *flags: str) -> subprocess.CompletedProcess:
    target = tmp_path / "page.html"
    target.write_text(document, encoding="utf-8")
    profile = tmp_path / "profile"
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--hide-scrollbars", *flags, target.as_uri()],
        capture_output=True, timeout=120, cwd=tmp_path,
    )


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) bytes of an 8-bit non-interlaced PNG (what Chromium
    writes), decoded with zlib alone so the test needs no imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            corner = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line[i] for i in range(stride) if i % bpp < 3) if bpp == 4 else bytes(line))
        previous = line
    return width, height, rows


@needs_chromium
def test_the_browser_builds_the_dom_with_every_quote_and_no_script(tmp_path):
    text = HOSTILE + '\n"Second," officials said.'
    result = make_result("hostile", text, [
        ("direct", "Vote <b>now</b>", "Jane Roe", None, "said", "Jane Roe"),
        ("indirect", "the <img src=x onerror=alert(1)> count was late", "officials", None, None, "Officials"),
        ("direct", "Second", "officials"),
    ], anywhere=True)
    run = chromium(tmp_path, page.article_page([result]), "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout.decode("utf-8")
    marks = parse(dom)
    assert "".join(marks.article) == text
    assert {i: "".join(t) for i, t in marks.marked.items()} == {a.index: a.content.text for a in result.attributions}
    assert "script" not in marks.tags and "img" not in marks.tags and "b" not in marks.tags


@needs_chromium
def test_the_browser_paints_the_quotes_in_their_speakers_colours(tmp_path):
    text = '"We will win the vote and then we will win the count," Jane Roe said. Officials said it was late.'
    result = make_result("paint", text, [("direct", "We will win the vote and then we will win the count", "Jane Roe"),
                                          ("indirect", "it was late", "officials")])
    run = chromium(tmp_path, page.article_page([result]), "--screenshot=shot.png", "--window-size=700,700")
    assert run.returncode == 0, run.stderr[-2000:]
    width, height, rows = png_pixels((tmp_path / "shot.png").read_bytes())
    assert (width, height) == (700, 700)
    pixels = {bytes(row[i:i + 3]) for row in rows for i in range(0, len(row), 3)}
    for light, _ in page.PALETTE[:2]:
        assert bytes.fromhex(light[1:]) in pixels  # each speaker's highlight is on screen
    assert bytes.fromhex(page.PALETTE[5][0][1:]) not in pixels  # a colour nobody has is not


@needs_chromium
def test_the_seed_page_renders_every_attribution(tmp_path):
    result = analyze(SEED.read_text(encoding="utf-8"), name="seed")
    run = chromium(tmp_path, page.article_page([result]), "--dump-dom")
    assert run.returncode == 0
    marks = parse(run.stdout.decode("utf-8"))
    assert "".join(marks.article) == result.text
    for a in result.attributions:
        assert "".join(marks.marked[a.index]) == a.content.text
    assert run.stdout.decode("utf-8").count("<svg") == 3


def test_png_decoder_refuses_what_is_not_a_png():
    with pytest.raises(AssertionError):
        png_pixels(b"GIF89a")

