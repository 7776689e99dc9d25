"""One self-contained HTML page: the article with its quotes highlighted, a legend and charts.

No scripts, no external assets (a Content-Security-Policy says so to the browser too); every
piece of article text goes through ``html.escape``. Spans may nest or overlap (a partial quote
can contain someone else's name), so the text is cut at every span boundary and each piece is
marked with all the spans that cover it: the markup stays well formed whatever the overlap.

Nothing depends on hovering or on colour alone, so the page works on a projector, a phone and
paper: every attribution carries its number in the text (the ``index`` of the tables and the
JSON Lines), the legend lists each speaker's numbers, uncertain links have a dashed outline and
a question mark, and the print stylesheet draws quote extents as lines.
"""
from __future__ import annotations

import html
from typing import Iterable, Sequence

from . import report as reports
from .model import UNCERTAIN_BELOW, ArticleResult, Attribution

# Pairs of (highlight, ink): a light background for quotes and a strong colour for bars,
# mention underlines, numbers and legend swatches. Sixteen hues; a seventeenth speaker reuses
# the first colour (the numbers and the legend still tell them apart by name).
PALETTE = (
    ("#cfe2ff", "#1f5fbf"), ("#ffd8b1", "#c75b00"), ("#c9f0c9", "#2a8a2a"), ("#f9c9d4", "#b8284a"),
    ("#e0d1f5", "#6b3fa0"), ("#fff0a8", "#9a7b00"), ("#c4eef0", "#12808a"), ("#f2d3c2", "#8a4b2a"),
    ("#e8e8c0", "#6b6b12"), ("#d6dcf0", "#3b4a80"), ("#f5d0ef", "#a02b8e"), ("#d3ecd9", "#3d7a52"),
    ("#dfe7ec", "#4d6b7a"), ("#dcefb0", "#5f7f10"), ("#e6d9c9", "#6e5635"), ("#d0e4ee", "#2d6e8e"),
)
UNATTRIBUTED_COLOURS = ("#e4e4e4", "#707070")
TYPE_COLOURS = {
    "person": "#1f5fbf", "organization": "#c75b00", "media": "#2a8a2a", "group": "#b8284a", "unknown": "#6b3fa0",
    reports.UNATTRIBUTED_TYPE: UNATTRIBUTED_COLOURS[1],
}
AFFILIATION_COLOUR = "#3b4a80"
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 25

CSS = """
body{font:16px/1.55 Georgia,serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1b1b1b;background:#fff}
h1,h2,h3{font-family:system-ui,sans-serif;overflow-wrap:anywhere}
h1{margin-bottom:.1em}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
.kicker,.file{font:14px/1.4 system-ui,sans-serif;color:#555;margin:0}
.file{margin-bottom:1.2em}
.article{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;border-radius:6px;padding:1em 1.2em;
  background:#fcfcfc}
mark.q{color:inherit;border-radius:2px;padding:0}
mark.q.uncertain{outline:2px dashed #555;outline-offset:-1px}
.num{font:bold 11px/1 system-ui,sans-serif;border:1.5px solid;border-radius:3px;padding:0 .2em;margin-right:.2em;
  vertical-align:.2em;white-space:nowrap;background:#fff}
.num.uncertain{border-style:dashed}
.cue{font-weight:bold;font-style:italic}
.who{text-decoration:underline;text-decoration-thickness:3px;text-underline-offset:3px}
.legend{border-collapse:collapse;font:14px/1.4 system-ui,sans-serif;margin:1em 0}
.legend td,.legend th{border-bottom:1px solid #eee;padding:.25em .6em;text-align:left}
.legend td.speaker{overflow-wrap:anywhere;min-width:9em}
.legend td{overflow-wrap:break-word}
.legend td.n,.legend th.n{text-align:right}
.swatch{display:inline-block;width:1.1em;height:1.1em;border-radius:3px;vertical-align:middle;border:2px solid;
  margin-right:.4em}
.key,.summary,.numbers,.unattributed{font:14px/1.5 system-ui,sans-serif}
.numbers{list-style:none;padding:0;margin:.5em 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,20em),1fr));gap:0 1.5em}
.numbers li{margin:.1em 0}
.unattributed{font-style:italic;color:#444}
.numbers,.unattributed,.summary,.key{overflow-wrap:anywhere}
.charts{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
svg.chart{max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
mark.q,.num,.swatch,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media (max-width:48em){
  body{margin:1em auto;padding:0 .6em}
  h1{font-size:1.6em}
  .article{padding:.6em .7em}
  .legend thead{display:none}
  .legend,.legend tbody{display:block}
  .legend tr{display:flex;flex-wrap:wrap;gap:0 .9em;padding:.35em 0;border-bottom:1px solid #ddd}
  .legend td{display:block;border:0;padding:0}
  .legend td.speaker{flex-basis:100%;font-weight:bold}
  .legend td[data-label]::before{content:attr(data-label) ": ";color:#555;font-weight:normal}
}
@media print{
  body{margin:0;max-width:none;font-size:11pt;color:#000}
  .article{border:0;padding:0;background:none}
  mark.q{border-bottom:1.5pt solid #000}
  mark.q.uncertain{outline:0;border-bottom-style:dashed}
  .num{color:#000 !important;border-color:#000 !important}
  .who{text-decoration-color:#000 !important}
  h2,h3{break-after:avoid}
  .legend tr,svg{break-inside:avoid}
}
"""


def headline(text: str) -> str | None:
    """The article's first line when it is a headline: more text follows, and it is short
    (at most 150 characters and 25 words) with no final period."""
    first, _, rest = text.strip().partition("\n")
    first = " ".join(first.split())
    if not first or not rest.strip() or first.endswith(".") or first.endswith("…"):
        return None
    if len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    return first


def article_page(results: Sequence[ArticleResult]) -> str:
    """The page for one or more analysed articles (and their total when there are several)."""
    results = list(results)
    built = [reports.build_report(r) for r in results]
    if len(results) == 1:
        title = headline(results[0].text) or results[0].name
        heading = _heading(results[0], "h1")
    else:
        title = f"{len(results)} articles"
        heading = f"<h1>{_e(title)}</h1>"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # The page loads nothing: no scripts, no fonts, no images from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} · quotes</title>",
        f"<style>{CSS}</style></head><body>",
        '<header><p class="kicker">Who speaks, and through whom</p>',
        heading,
        "</header>",
    ]
    for n, (result, rep) in enumerate(zip(results, built)):
        parts.append(article_section(result, rep, number=n, heading=len(results) > 1))
    if len(results) > 1:
        total = reports.combine(built)
        parts.append('<section class="total"><h2>All articles</h2>')
        parts.append(_summary(total))
        parts.append(_charts(total, {}))
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _heading(result: ArticleResult, tag: str) -> str:
    """The headline, with the article's name under it; the name alone when there is none."""
    title = headline(result.text)
    if title is None:
        return f"<{tag}>{_e(result.name)}</{tag}>"
    return f'<{tag}>{_e(title)}</{tag}><p class="file">{_e(result.name)}</p>'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _key(a: Attribution) -> object:
    return a.speaker.id if a.speaker else None


def speaker_colours(result: ArticleResult) -> dict[object, tuple[str, str]]:
    """Speaker id (None for unattributed) -> (highlight, ink), in order of first attribution."""
    colours: dict[object, tuple[str, str]] = {}
    for a in result.attributions:
        key = _key(a)
        if key not in colours:
            colours[key] = UNATTRIBUTED_COLOURS if key is None else PALETTE[
                sum(1 for k in colours if k is not None) % len(PALETTE)]
    return colours


def _who(a: Attribution) -> str:
    """Who said it, through whom, and (for a reader who hovers or a tool that reads titles) why."""
    name = a.speaker.name if a.speaker else "unattributed"
    why = f" ({'uncertain: ' if a.uncertain else ''}{a.reason})" if a.reason else (" (uncertain)" if a.uncertain else "")
    return name + (f" via {a.via}" if a.via else "") + why


def number_label(a: Attribution, ink: str) -> str:
    """The attribution's number as it stands in the text, with a ? when the link is uncertain."""
    unsure = ' uncertain' if a.uncertain else ""
    mark = '<span class="unsure">?</span>' if a.uncertain else ""
    return (f'<span class="num{unsure}" data-n="{a.index}" style="color:{ink}" '
            f'title="#{a.index}: {_e(_who(a))}">{a.index}{mark}</span>')


def highlight(result: ArticleResult, colours: dict[object, tuple[str, str]] | None = None) -> str:
    """The article's text as HTML, cut at every span boundary; each piece carries every span
    over it: the innermost quote's colour, the cue (bold italic) and speaker mention (underlined
    in the speaker's colour). Each quote's number stands just before its first piece."""
    colours = colours or speaker_colours(result)
    text = result.text
    spans: list[tuple[int, int, str, Attribution]] = []
    starts: dict[int, list[Attribution]] = {}
    for a in result.attributions:
        spans.append((a.content.start, a.content.end, "quote", a))
        starts.setdefault(a.content.start, []).append(a)
        if a.cue is not None:
            spans.append((a.cue.start, a.cue.end, "cue", a))
        if a.speaker_mention is not None:
            spans.append((a.speaker_mention.start, a.speaker_mention.end, "who", a))
    cuts = sorted({0, len(text), *starts, *(s for s, e, *_ in spans if e > s), *(e for s, e, *_ in spans if e > s)})
    out: list[str] = []
    for n, left in enumerate(cuts):
        out.extend(number_label(a, colours[_key(a)][1]) for a in starts.get(left, ()))
        if n + 1 == len(cuts):
            break
        right = cuts[n + 1]
        piece = _e(text[left:right])
        over = [(s, e, what, a) for s, e, what, a in spans if s <= left and right <= e]
        if not over:
            out.append(piece)
            continue
        quotes = sorted((x for x in over if x[2] == "quote"), key=lambda x: x[1] - x[0])
        who = [x for x in over if x[2] == "who"]
        if who:
            a = who[0][3]
            piece = (f'<span class="who" style="text-decoration-color:{colours[_key(a)][1]}" '
                     f'title="speaker: {_e(_who(a))}">{piece}</span>')
        if any(x[2] == "cue" for x in over):
            piece = f'<span class="cue">{piece}</span>'
        if quotes:
            a = quotes[0][3]
            ids = " ".join(str(x[3].index) for x in quotes)
            piece = (f'<mark class="q{" uncertain" if a.uncertain else ""}" data-a="{ids}" '
                     f'style="background:{colours[_key(a)][0]}" '
                     f'title="#{a.index} {a.kind.value}: {_e(_who(a))}">{piece}</mark>')
        out.append(piece)
    return "".join(out)


def _legend(result: ArticleResult, rep: reports.Report, colours: dict[object, tuple[str, str]]) -> str:
    """The key, a table of speakers (unattributed words are not a speaker: they get a line of
    their own) and, under it, each speaker's numbers."""
    by_name = {a.speaker.name: colours[_key(a)] for a in result.attributions if a.speaker}
    cells = (("type", "type"), ("affiliation", "affiliation"), ("via", "via"))
    counts = ("direct", "partial", "indirect", "words")
    rows = ['<table class="legend"><thead><tr><th>speaker</th>'
            + "".join(f"<th>{label}</th>" for label, _ in cells)
            + "".join(f'<th class="n">{label}</th>' for label in counts) + "</tr></thead><tbody>"]
    for s in rep.speakers:
        if s.name == reports.UNATTRIBUTED:
            continue
        light, ink = by_name.get(s.name, UNATTRIBUTED_COLOURS)
        values = {"type": s.type, "affiliation": s.affiliation or "-", "via": "; ".join(s.via) or "-"}
        tally = {"direct": s.tally.direct, "partial": s.tally.partial, "indirect": s.tally.indirect,
                 "words": s.tally.words}
        rows.append(
            f'<tr><td class="speaker"><span class="swatch" style="background:{light};border-color:{ink}"></span>'
            f"{_e(s.name)}{'' if s.named else ' <i>(anonymous)</i>'}</td>"
            + "".join(f'<td data-label="{label}">{_e(values[field])}</td>' for label, field in cells)
            + "".join(f'<td class="n" data-label="{label}">{tally[label]}</td>' for label in counts)
            + "</tr>"
        )
    rows.append("</tbody></table>")
    return _key_text() + "".join(rows) + _numbers(result, rep, colours)


def _key_text() -> str:
    return ('<p class="key">Key: <span class="num" style="color:#1b1b1b">7</span> the number of an '
            'attribution (the list under the table says whose it is); '
            '<mark class="q" style="background:#e4e4e4">quoted words, or indirect speech</mark> '
            "in the speaker's colour; <span class=\"cue\">cue</span>; "
            '<span class="who" style="text-decoration-color:#707070">speaker mention</span>; '
            '<span class="num uncertain" style="color:#1b1b1b">8<span class="unsure">?</span></span> '
            '<mark class="q uncertain" style="background:#e4e4e4">a dashed outline</mark>: an uncertain link, '
            f"a speaker joined weakly (confidence below {UNCERTAIN_BELOW}, for instance the speaker of an "
            "earlier paragraph): check it in the text.</p>")


def _numbers(result: ArticleResult, rep: reports.Report, colours: dict[object, tuple[str, str]]) -> str:
    """Each speaker's numbers, in the legend's order, then the unattributed ones on a line of their own."""
    groups: dict[object, list[Attribution]] = {}
    for a in result.attributions:
        groups.setdefault(_key(a), []).append(a)
    rank = {s.name: n for n, s in enumerate(rep.speakers)}

    def refs(attributions: list[Attribution]) -> str:
        return ", ".join(f'<span class="ref" data-n="{a.index}">{a.index}{"?" if a.uncertain else ""}</span>'
                         for a in attributions)

    speakers = sorted((k for k in groups if k is not None), key=lambda k: rank.get(groups[k][0].speaker.name, 0))
    items = []
    for k in speakers:
        first = groups[k][0]
        light, ink = colours[k]
        via = "; ".join(dict.fromkeys(a.via for a in groups[k] if a.via))
        items.append(f'<li data-speaker="{_e(first.speaker.name)}"><span class="swatch" style="background:{light};'
                     f'border-color:{ink}"></span>{_e(first.speaker.name)}{_e(f" via {via}") if via else ""}: '
                     f"{refs(groups[k])}</li>")
    out = '<ul class="numbers">' + "".join(items) + "</ul>" if items else ""
    if None in groups:
        out += f'<p class="unattributed" data-speaker="">Unattributed (no speaker found): {refs(groups[None])}</p>'
    return out


def _summary(rep: reports.Report) -> str:
    s = rep.shares()
    t = rep.tally
    pct = reports._pct
    return (
        f'<p class="summary">{t.attributions} attributions, {t.words} words quoted; '
        f"direct {t.direct} ({pct(s['direct'])}), partial {t.partial} ({pct(s['partial'])}), "
        f"indirect {t.indirect} ({pct(s['indirect'])}).<br>"
        f"{rep.sources} sources: named {rep.named_sources} ({pct(s['named_sources'])}), "
        f"anonymous {rep.anonymous_sources} ({pct(s['anonymous_sources'])}); "
        f"attributions to named speakers {rep.named} ({pct(s['named'])}), anonymous {rep.anonymous}, "
        f"unattributed {rep.unattributed}.</p>"
    )


def bar_chart(title: str, items: Iterable[tuple[str, int, str]], *, width: int = 440, label_width: int = 190) -> str:
    """A horizontal bar chart as inline SVG: one (label, value, colour) per bar. It scales down
    to a narrow screen (viewBox) and every bar is labelled, so it reads in black and white."""
    items = [(label, value, colour) for label, value, colour in items]
    row, top = 22, 26
    height = top + row * max(1, len(items)) + 6
    most = max((v for _, v, _ in items), default=0) or 1
    room = width - label_width - 40
    parts = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{_e(title)}" class="chart">',
             f'<text x="0" y="16" style="font-weight:bold">{_e(title)}</text>']
    for n, (label, value, colour) in enumerate(items):
        y = top + n * row
        bar = max(1, round(room * value / most)) if value else 0
        short = label if len(label) <= 26 else label[:25] + "…"
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end"><title>{_e(label)}</title>{_e(short)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{bar}" height="{row - 6}" fill="{colour}" rx="2"/>')
        parts.append(f'<text x="{label_width + bar + 5}" y="{y + 15}">{value}</text>')
    if not items:
        parts.append(f'<text x="0" y="{top + 15}">no attributions</text>')
    parts.append("</svg>")
    return "".join(parts)


def _charts(rep: reports.Report, ink_by_name: dict[str, str]) -> str:
    def speaker_label(name: str) -> str:
        return "unattributed" if name == reports.UNATTRIBUTED else name

    speakers = bar_chart("Attributions by speaker", (
        (speaker_label(s.name), s.tally.attributions,
         UNATTRIBUTED_COLOURS[1] if s.name == reports.UNATTRIBUTED else ink_by_name.get(s.name, AFFILIATION_COLOUR))
        for s in rep.speakers))
    types = bar_chart("Attributions by speaker type", (
        (g.key, g.tally.attributions, TYPE_COLOURS.get(g.key, AFFILIATION_COLOUR)) for g in rep.by_type))
    affiliations = bar_chart("Attributions by affiliation", (
        (g.key if g.key != reports.NO_AFFILIATION else "(none)", g.tally.attributions, AFFILIATION_COLOUR)
        for g in rep.by_affiliation))
    return f'<div class="charts">{speakers}{types}{affiliations}</div>'


def article_section(result: ArticleResult, rep: reports.Report | None = None, *, number: int = 0,
                    heading: bool = True) -> str:
    rep = rep or reports.build_report(result)
    colours = speaker_colours(result)
    ink_by_name = {a.speaker.name: colours[_key(a)][1] for a in result.attributions if a.speaker}
    return "\n".join([
        f'<section class="result" id="article-{number}">' + (_heading(result, "h2") if heading else ""),
        _summary(rep),
        _legend(result, rep, colours),
        f'<div class="article">{highlight(result, colours)}</div>',
        _charts(rep, ink_by_name),
        "</section>",
    ])
