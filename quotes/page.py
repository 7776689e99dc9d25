"""One self-contained HTML page: the article with its quotes highlighted, a legend and charts.

No scripts, no external assets (a Content-Security-Policy says so to the browser too); every
piece of article text goes through ``html.escape``. Spans may nest or overlap (a partial quote
can contain someone else's name), so the text is cut at every span boundary and each piece is
marked with all the spans that cover it: the markup stays well formed whatever the overlap.
"""
from __future__ import annotations

import html
from typing import Iterable, Sequence

from . import report as reports
from .model import ArticleResult, Attribution

# Pairs of (highlight, ink): a light background for quotes and a strong colour for bars,
# mention underlines and legend swatches. Sixteen hues; a seventeenth speaker reuses the
# first colour (the legend and the hover title still tell them apart by name).
PALETTE = (
    ("#cfe2ff", "#1f5fbf"), ("#ffd8b1", "#c75b00"), ("#c9f0c9", "#2a8a2a"), ("#f9c9d4", "#b8284a"),
    ("#e0d1f5", "#6b3fa0"), ("#fff0a8", "#9a7b00"), ("#c4eef0", "#12808a"), ("#f2d3c2", "#8a4b2a"),
    ("#e8e8c0", "#6b6b12"), ("#d6dcf0", "#3b4a80"), ("#f5d0ef", "#a02b8e"), ("#d3ecd9", "#3d7a52"),
    ("#dfe7ec", "#4d6b7a"), ("#dcefb0", "#5f7f10"), ("#e6d9c9", "#6e5635"), ("#d0e4ee", "#2d6e8e"),
)
UNATTRIBUTED_COLOURS = ("#e4e4e4", "#707070")
TYPE_COLOURS = {
    "person": "#1f5fbf", "organization": "#c75b00", "media": "#2a8a2a", "group": "#b8284a", "unknown": "#707070",
}
AFFILIATION_COLOUR = "#3b4a80"

CSS = """
body{font:16px/1.55 Georgia,serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1b1b1b;background:#fff}
h1,h2,h3{font-family:system-ui,sans-serif}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
.article{white-space:pre-wrap;border:1px solid #ddd;border-radius:6px;padding:1em 1.2em;background:#fcfcfc}
mark.q{color:inherit;border-radius:2px;padding:0}
.cue{font-weight:bold;font-style:italic}
.who{text-decoration:underline;text-decoration-thickness:3px;text-underline-offset:3px}
.legend{border-collapse:collapse;font:14px/1.4 system-ui,sans-serif;margin:1em 0}
.legend td,.legend th{border-bottom:1px solid #eee;padding:.25em .6em;text-align:left}
.legend td.n{text-align:right}
.swatch{display:inline-block;width:1.1em;height:1.1em;border-radius:3px;vertical-align:middle;border:2px solid}
.key{font:14px/1.4 system-ui,sans-serif}
.summary{font:14px/1.5 system-ui,sans-serif}
.charts{display:flex;flex-wrap:wrap;gap:1.5em}
svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
"""


def article_page(results: Sequence[ArticleResult]) -> str:
    """The page for one or more analysed articles (and their total when there are several)."""
    results = list(results)
    title = results[0].name if len(results) == 1 else f"{len(results)} articles"
    built = [reports.build_report(r) for r in results]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # The page loads nothing: no scripts, no fonts, no images from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>quotes: {_e(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Who speaks in {_e(title)}</h1>",
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


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def speaker_colours(result: ArticleResult) -> dict[object, tuple[str, str]]:
    """Speaker id (None for unattributed) -> (highlight, ink), in order of first attribution."""
    colours: dict[object, tuple[str, str]] = {}
    for a in result.attributions:
        key = a.speaker.id if a.speaker else None
        if key not in colours:
            colours[key] = UNATTRIBUTED_COLOURS if key is None else PALETTE[
                sum(1 for k in colours if k is not None) % len(PALETTE)]
    return colours


def _who(a: Attribution) -> str:
    name = a.speaker.name if a.speaker else reports.UNATTRIBUTED
    return name + (f" via {a.via}" if a.via else "")


def highlight(result: ArticleResult, colours: dict[object, tuple[str, str]] | None = None) -> str:
    """The article's text as HTML, cut at every span boundary; each piece carries every span
    over it: the innermost quote's colour, the cue (bold italic) and speaker mention (underlined
    in the speaker's colour)."""
    colours = colours or speaker_colours(result)
    text = result.text
    spans: list[tuple[int, int, str, Attribution]] = []
    for a in result.attributions:
        spans.append((a.content.start, a.content.end, "quote", a))
        if a.cue is not None:
            spans.append((a.cue.start, a.cue.end, "cue", a))
        if a.speaker_mention is not None:
            spans.append((a.speaker_mention.start, a.speaker_mention.end, "who", a))
    cuts = sorted({0, len(text), *(s for s, e, *_ in spans if e > s), *(e for s, e, *_ in spans if e > s)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        piece = _e(text[left:right])
        over = [(s, e, what, a) for s, e, what, a in spans if s <= left and right <= e]
        if not over:
            out.append(piece)
            continue
        quotes = sorted((x for x in over if x[2] == "quote"), key=lambda x: x[1] - x[0])
        who = [x for x in over if x[2] == "who"]
        if who:
            a = who[0][3]
            ink = colours[a.speaker.id if a.speaker else None][1]
            piece = (f'<span class="who" style="text-decoration-color:{ink}" '
                     f'title="speaker: {_e(_who(a))}">{piece}</span>')
        if any(x[2] == "cue" for x in over):
            piece = f'<span class="cue">{piece}</span>'
        if quotes:
            a = quotes[0][3]
            light = colours[a.speaker.id if a.speaker else None][0]
            ids = " ".join(str(x[3].index) for x in quotes)
            piece = (f'<mark class="q" data-a="{ids}" style="background:{light}" '
                     f'title="#{a.index} {a.kind.value}: {_e(_who(a))}">{piece}</mark>')
        out.append(piece)
    return "".join(out)


def _legend(result: ArticleResult, rep: reports.Report, colours: dict[object, tuple[str, str]]) -> str:
    by_name = {}
    for a in result.attributions:
        key = a.speaker.id if a.speaker else None
        by_name.setdefault(a.speaker.name if a.speaker else reports.UNATTRIBUTED, colours[key])
    rows = ['<table class="legend"><tr><th></th><th>speaker</th><th>type</th><th>affiliation</th><th>via</th>'
            "<th>direct</th><th>partial</th><th>indirect</th><th>words</th></tr>"]
    for s in rep.speakers:
        light, ink = by_name.get(s.name, UNATTRIBUTED_COLOURS)
        rows.append(
            f'<tr><td><span class="swatch" style="background:{light};border-color:{ink}"></span></td>'
            f"<td>{_e(s.name)}{'' if s.named else ' <i>(anonymous)</i>'}</td><td>{_e(s.type)}</td>"
            f"<td>{_e(s.affiliation or '-')}</td><td>{_e('; '.join(s.via) or '-')}</td>"
            f'<td class="n">{s.tally.direct}</td><td class="n">{s.tally.partial}</td>'
            f'<td class="n">{s.tally.indirect}</td><td class="n">{s.tally.words}</td></tr>'
        )
    rows.append("</table>")
    key = ('<p class="key">Key: <mark class="q" style="background:#e4e4e4">quoted or reported words</mark> '
           'in the speaker\'s colour, <span class="cue">cue</span>, '
           '<span class="who" style="text-decoration-color:#707070">speaker mention</span>. '
           "Hover a highlight for its speaker.</p>")
    return key + "".join(rows)


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
    """A horizontal bar chart as inline SVG: one (label, value, colour) per bar."""
    items = [(label, value, colour) for label, value, colour in items]
    row, top = 22, 26
    height = top + row * max(1, len(items)) + 6
    most = max((v for _, v, _ in items), default=0) or 1
    room = width - label_width - 40
    parts = [f'<svg width="{width}" height="{height}" '
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
    speakers = bar_chart("Attributions by speaker", (
        (s.name, s.tally.attributions, ink_by_name.get(s.name, AFFILIATION_COLOUR)) for s in rep.speakers))
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
    ink_by_name: dict[str, str] = {}
    for a in result.attributions:
        ink_by_name.setdefault(a.speaker.name if a.speaker else reports.UNATTRIBUTED,
                               colours[a.speaker.id if a.speaker else None][1])
    return "\n".join([
        f'<section class="result" id="article-{number}">' + (f"<h2>{_e(result.name)}</h2>" if heading else ""),
        _summary(rep),
        _legend(result, rep, colours),
        f'<div class="article">{highlight(result, colours)}</div>',
        _charts(rep, ink_by_name),
        "</section>",
    ])
