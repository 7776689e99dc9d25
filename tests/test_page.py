"""quotes.page: the self-contained HTML report page.

The structure tests parse the page with html.parser; the browser tests render it in headless
Chromium (skipped when /usr/bin/chromium is absent) and look at the DOM and the pixels.
"""
from __future__ import annotations

import html
import json
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from quotes import analyze, page
from quotes.model import UNCERTAIN_BELOW
from quotes.cli import main

from .conftest import ROOT
from .test_report import make_result

SEED = ROOT / "seeds" / "north-korea-kursk.txt"


class Marks(HTMLParser):
    """What a reader sees: the text of the article div, for each attribution index the text
    highlighted for it, the numbers standing in the text (with their offsets in the article's
    text, and whether they carry a question mark) and the numbers listed under each speaker."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.article: list[str] = []
        self.marked: dict[int, list[str]] = {}
        self.uncertain_marks: set[int] = set()
        self.cues: list[str] = []
        self.mentions: list[str] = []
        self.tags: list[str] = []
        self.labels: list[tuple[int, int, str]] = []  # (number, offset in the article text, label text)
        self.listed: dict[str, list[str]] = {}  # speaker ("" for unattributed) -> numbers as shown

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        classes = {c for _, a in self.stack for c in a.get("class", "").split()}
        if "ref" in classes:
            speaker = next(a["data-speaker"] for _, a in reversed(self.stack) if "data-speaker" in a)
            self.listed.setdefault(speaker, []).append(data)
        if "article" not in classes:
            return
        if "num" in classes:
            label = next(a for _, a in reversed(self.stack) if "num" in a.get("class", "").split())
            offset = len("".join(self.article))
            if self.labels and self.labels[-1][:2] == (int(label["data-n"]), offset):
                n, at, text = self.labels.pop()
                self.labels.append((n, at, text + data))
            else:
                self.labels.append((int(label["data-n"]), offset, data))
            return
        self.article.append(data)
        for _, a in self.stack:
            if "q" in a.get("class", "").split():
                for n in a["data-a"].split():
                    self.marked.setdefault(int(n), []).append(data)
                if "uncertain" in a["class"].split():
                    self.uncertain_marks.add(int(a["data-a"].split()[0]))
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
    # each attribution's number stands in the text where its words begin
    assert sorted((n, at) for n, at, _ in marks.labels) == sorted((a.index, a.content.start) for a in result.attributions)


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


# ------------------------------------------------------------------ title, numbers, uncertain links

BODY = "\n\nOfficials said the count was late on Monday."


@pytest.mark.parametrize("text, expected", [
    ("North Korea hails the ‘heroic feats’ of its troops" + BODY, "North Korea hails the ‘heroic feats’ of its troops"),
    ("Economy 'stronger than forecast'" + BODY, "Economy 'stronger than forecast'"),
    ("  Vote  count delayed \r\n\r\nOfficials said so.", "Vote count delayed"),  # CRLF, spaces
    ("Is the count late?" + BODY, "Is the count late?"),
    ("Vote count delayed\nOfficials said the count was late.", "Vote count delayed"),  # no blank line
    ("Officials said the count was late." + BODY, None),  # a sentence, not a headline
    ("Officials said the count was late and " + "more " * 30 + BODY, None),  # too long
    ("Vote count delayed", None),  # nothing follows: the whole article
    ("The count was late…" + BODY, None),
    ("", None),
    ("\n\nVote count delayed" + BODY, "Vote count delayed"),  # blank lines before it
    ("\n\n" + BODY, None),  # only one line, a sentence
])
def test_headline_is_a_short_first_line_with_no_final_period(text, expected):
    assert page.headline(text) == expected


def heading_of(document: str) -> tuple[str, str | None, str]:
    h1 = re.search(r"<h1>(.*?)</h1>", document).group(1)
    file = re.search(r'</h1><p class="file">(.*?)</p>', document)
    title = re.search(r"<title>(.*?)</title>", document).group(1)
    return html.unescape(h1), file and html.unescape(file.group(1)), html.unescape(title)


@pytest.mark.parametrize("text, h1, subtitle", [
    ("Vote count <delayed>" + BODY, "Vote count <delayed>", "200"),
    ("Officials said the count was late.", "200", None),  # no headline: the file's name
])
def test_page_title_is_the_headline_with_the_file_name_under_it(text, h1, subtitle):
    document = page.article_page([make_result("200", text, [])])
    assert heading_of(document) == (h1, subtitle, f"{h1} · quotes")
    assert "Who speaks in 200" not in document


NUMBERED = ('"One," Jane Roe said. Officials said the count was late. "Two," Jane Roe said. '
            '"Three," someone said. Acme Corp called it "a fair result".')
NUMBERED_SPECS = [("direct", "One", "Jane Roe"), ("indirect", "the count was late", "officials"),
                  ("direct", "Two", "Jane Roe"), ("direct", "Three", None), ("partial", "a fair result", "Acme Corp")]


@pytest.mark.parametrize("speaker, numbers", [
    ("Jane Roe", ["0", "2"]),
    ("officials", ["1"]),
    ("Acme Corp", ["4"]),
    ("", ["3"]),  # unattributed: listed, but on a line of its own
    ("Nobody", None),  # who never speaks is not listed
])
def test_each_speakers_numbers_are_listed_under_the_legend(speaker, numbers):
    result = make_result("t", NUMBERED, NUMBERED_SPECS)
    marks = parse(page.article_page([result]))
    assert marks.listed.get(speaker) == numbers
    assert sorted(int(n) for ns in marks.listed.values() for n in ns) == [a.index for a in result.attributions]


@pytest.mark.parametrize("needle, present", [
    ('<p class="unattributed" data-speaker="">Unattributed (no speaker found): ', True),
    ("<li data-speaker=\"\">", False),  # not an item among the speakers
    ("(unattributed)", False),  # nor a row of the speakers' table
])
def test_unattributed_is_a_line_of_its_own_not_a_speaker(needle, present):
    document = page.article_page([make_result("t", NUMBERED, NUMBERED_SPECS)])
    assert (needle in document) is present


def with_confidence(result, confidences):
    return attrs.evolve(result, attributions=tuple(
        attrs.evolve(a, confidence=c) for a, c in zip(result.attributions, confidences)))


@pytest.mark.parametrize("confidence, speaker, uncertain", [
    (0.45, "Jane Roe", True),
    (0.55, "Jane Roe", True),
    (UNCERTAIN_BELOW, "Jane Roe", False),
    (0.9, "Jane Roe", False),
    (0.0, None, False),  # unattributed is not drawn as uncertain
])
def test_uncertain_links_have_a_dashed_outline_and_a_question_mark(confidence, speaker, uncertain):
    result = with_confidence(make_result("t", '"We will win," she said.', [("direct", "We will win", speaker)]),
                             [confidence])
    document = page.article_page([result])
    marks = parse(document)
    assert (0 in marks.uncertain_marks) is uncertain
    assert marks.labels[0][2] == ("0?" if uncertain else "0")
    assert marks.listed[speaker or ""] == ["0?" if uncertain else "0"]
    assert "an uncertain link" in document  # the key explains the mark either way


@pytest.mark.parametrize("rule", [
    "mark.q{border-bottom:1.5pt solid #000}",  # a quote's extent survives black-and-white print ...
    "mark.q.uncertain{outline:0;border-bottom-style:dashed}",  # ... and so does its uncertainty
    ".num{color:#000 !important;border-color:#000 !important}",  # numbers in black
])
def test_print_stylesheet_draws_quotes_as_lines(rule):
    css = page.CSS
    assert rule in css[css.index("@media print"):]
    assert rule not in css[:css.index("@media print")]


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



# ------------------------------------------------------------------ at a desktop's and a phone's width

def in_a_frame(document: str, width: int) -> str:
    """A harness page that shows ``document`` unchanged (its no-script policy included) in a
    frame ``width`` pixels wide, and once everything has loaded writes into its own DOM what the
    frame's layout measures: the viewport's width, the document's scroll width, every element
    that reaches past the right edge, every legend cell with no width, and the frame's DOM.
    Headless Chromium will not make its window narrower than 500 pixels; a frame can be."""
    return f"""<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" style="border:0;display:block" width="{width}" height="900"
 srcdoc="{html.escape(document, quote=True)}"></iframe>
<pre id="result"></pre>
<script>
addEventListener("load", () => {{
  const doc = document.getElementById("page").contentDocument, root = doc.documentElement;
  const width = root.clientWidth, over = [], hidden = [];
  for (const el of doc.body.querySelectorAll("*")) {{
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) over.push(`${{el.tagName}} ${{Math.round(box.right)}}`);
  }}
  for (const cell of doc.querySelectorAll(".legend td")) {{
    if (!cell.getBoundingClientRect().width) hidden.push(cell.textContent);
  }}
  document.getElementById("result").textContent =
    JSON.stringify({{width, scrollWidth: root.scrollWidth, over, hidden, dom: root.outerHTML}});
}});
</script></body></html>"""


def measure(tmp_path: Path, document: str, width: int) -> dict:
    run = chromium(tmp_path, in_a_frame(document, width), "--dump-dom", f"--window-size={max(width + 100, 600)},1000")
    assert run.returncode == 0, run.stderr[-2000:]
    found = re.search(r'<pre id="result">(.*?)</pre>', run.stdout.decode("utf-8"), re.S)
    assert found, "the harness wrote no result"
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture(scope="module")
def seed_result():
    return analyze(SEED.read_text(encoding="utf-8"), name="north-korea-kursk")


def long_words(result):
    """The seed with a 300-letter speaker name and a 300-letter quote: nothing to break them at."""
    first = result.attributions[0]
    renamed = attrs.evolve(first.speaker, name="Ministry" + "x" * 300)
    shift = 300 - len(first.content)

    def moved(span):
        return span and attrs.evolve(span, start=span.start + shift, end=span.end + shift)

    attributions = [attrs.evolve(first, speaker=renamed, speaker_mention=None,
                                 content=attrs.evolve(first.content, end=first.content.start + 300, text="y" * 300))]
    for a in result.attributions[1:]:
        speaker = renamed if a.speaker and a.speaker.id == renamed.id else a.speaker
        attributions.append(attrs.evolve(a, speaker=speaker, content=moved(a.content), cue=moved(a.cue),
                                         speaker_mention=moved(a.speaker_mention)))
    text = result.text[:first.content.start] + "y" * 300 + result.text[first.content.end:]
    return attrs.evolve(result, text=text, attributions=tuple(attributions))


@needs_chromium
@pytest.mark.parametrize("width", [1200, 800, 700, 390])
@pytest.mark.parametrize("variant", ["seed", "long words"])
def test_nothing_overflows_and_the_numbers_in_the_text_match_the_list(tmp_path, seed_result, width, variant):
    result = seed_result if variant == "seed" else long_words(seed_result)
    measured = measure(tmp_path, page.article_page([result]), width)
    assert measured["width"] == width
    assert measured["scrollWidth"] <= width and measured["over"] == []  # no sideways scrolling, nothing cut off
    assert measured["hidden"] == []  # every legend cell (via and counts too) is shown
    marks = parse(measured["dom"])
    assert "".join(marks.article) == result.text
    in_text = {n: at for n, at, _ in marks.labels}
    assert in_text == {a.index: a.content.start for a in result.attributions}
    for a in result.attributions:
        speaker = a.speaker.name if a.speaker else ""
        assert str(a.index) in marks.listed[speaker]  # the number in the text is listed under its speaker
    assert sum(len(v) for v in marks.listed.values()) == len(result.attributions)


@needs_chromium
@pytest.mark.parametrize("width, overflows", [(390, True), (1200, False)])
def test_the_check_sees_the_overflow_of_a_legend_without_the_phone_layout(tmp_path, seed_result, width, overflows):
    document = re.sub(r"@media \(max-width:[\d.]+em\)", "@media (max-width:1px)", page.article_page([seed_result]))
    measured = measure(tmp_path, document, width)
    assert bool(measured["over"]) is overflows
    assert (measured["scrollWidth"] > width) is overflows


@pytest.mark.parametrize(
    "text, marker",
    [
        ('"We will win," Jane Roe said.\n\n"It is hard."\n', "Jane Roe (uncertain: free quote: speaker of the previous paragraph)"),
        ('"It is hard," Jane Roe said.\n', "Jane Roe (name at cue)"),
    ],
)
def test_each_quote_says_why_its_speaker_was_found(text, marker):
    rendered = page.article_page([analyze(text, name="a.txt")])
    assert f'direct: {html.escape(marker)}"' in rendered
