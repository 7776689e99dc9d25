"""The audit as one self-contained HTML page: an ``Audit`` in, a page out, in the class page's
style (``quotes.page``: its stylesheet, no scripts, no external assets, a Content-Security-Policy
that says so).

Small multiples: one block per group (the total first) with four stacked bars (sources named or
anonymous, attributions by kind, sources by type, person sources by gender with ``unknown``
always drawn), each bar followed by its parts in words, and the group's most-quoted sources;
with a period, line charts with a line per group over the periods and, in each block, a table of
its periods. Nothing depends on colour alone: every segment's name and share is written under
its bar, and each line has its own marker shape and dash, and its group's name at its end.
Every piece of text from the CSVs goes through ``html.escape``.
"""
from __future__ import annotations

import html
from typing import Callable, Sequence

from ..page import CSS as PAGE_CSS
from .measure import ALL_PERIODS, Audit, Cell
from .periods import UNKNOWN_PERIOD
from .render import Breakdown, _n, breakdowns, cell_summary, group_label, notes, pct

# One colour per part of a bar, light enough that black text reads on it: the class page's
# highlight colours, so the two pages look like one tool's.
PART_COLOURS = {
    "named": "#cfe2ff", "anonymous": "#ffd8b1",
    "direct": "#c9f0c9", "partial": "#fff0a8", "indirect": "#e0d1f5",
    "person": "#cfe2ff", "organization": "#ffd8b1", "media": "#c9f0c9", "group": "#f9c9d4", "unknown": "#e4e4e4",
    "female": "#e0d1f5", "male": "#c4eef0",
}
LINE_INKS = ("#1f5fbf", "#c75b00", "#2a8a2a", "#b8284a", "#6b3fa0", "#9a7b00", "#12808a", "#8a4b2a")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
MARKERS = ("circle", "square", "triangle", "diamond")

AUDIT_CSS = """
.blocks{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,27em),1fr));gap:1.2em 2em}
.block{border:1px solid #ddd;border-radius:6px;padding:.6em 1em 1em;background:#fcfcfc;min-width:0}
.block h2{margin-top:.2em;font-size:1.25em}
.parts{font:13px/1.4 system-ui,sans-serif;margin:.1em 0 .8em;overflow-wrap:anywhere}
.parts .swatch{width:.9em;height:.9em;border-width:1px;margin-right:.25em}
.top,.periods{font:14px/1.45 system-ui,sans-serif}
.top,.periods td.g{overflow-wrap:anywhere}
.top{padding-left:1.6em;margin:.3em 0}
.periods{border-collapse:collapse;margin:1em 0}
.periods caption{text-align:left;color:#444;padding-bottom:.3em}
.periods td,.periods th{border-bottom:1px solid #eee;padding:.2em .6em;text-align:right}
.periods td.g,.periods th:first-child{text-align:left}
@media (max-width:48em){
  .periods thead{display:none}
  .periods,.periods tbody,.periods caption{display:block}
  .periods tr{display:flex;flex-wrap:wrap;gap:0 .9em;padding:.35em 0;border-bottom:1px solid #ddd}
  .periods td{display:block;border:0;padding:0;text-align:left}
  .periods td.g{flex-basis:100%;font-weight:bold}
  .periods td[data-label]:not(.g)::before{content:attr(data-label) ": ";color:#555}
}
.notes{font:14px/1.5 system-ui,sans-serif;color:#444}
.lines{display:flex;flex-wrap:wrap;gap:1.5em}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def audit_page(audit: Audit) -> str:
    by = ", ".join(audit.plan.by)
    heading = f"Sourcing by {by}" + (f" and {audit.plan.period}" if audit.plan.period else "")
    blocks = [_block(audit, cell) for cell in _overall_cells(audit)]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(heading)} · quotes audit</title>",
        f"<style>{PAGE_CSS}{AUDIT_CSS}</style></head><body>",
        '<header><p class="kicker">Who speaks, and through whom: a sourcing audit</p>',
        f"<h1>{_e(heading)}</h1></header>",
        '<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes(audit)) + "</ul>",
    ]
    if audit.plan.period and audit.cells:
        parts.append(_line_charts(audit))
    parts.append('<div class="blocks">' + "".join(blocks) + "</div>" if blocks else "<p>No articles.</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _overall_cells(audit: Audit) -> list[Cell]:
    """The cell over all periods of each group, the total first."""
    cells = [c for c in audit.cells if c.period in (None, ALL_PERIODS)]
    return sorted(cells, key=lambda c: not c.is_total)


def _block(audit: Audit, cell: Cell) -> str:
    out = [f'<section class="block" data-group="{_e(group_label(audit, cell))}"><h2>{_e(group_label(audit, cell))}</h2>',
           f'<p class="summary">{cell_summary(cell)}.</p>']
    for b in breakdowns(cell):
        out.append(stacked_bar(b))
    if cell.top:
        out.append("<h3>Most quoted</h3><ol class=\"top\">" + "".join(
            f"<li>{_e(s.name)}{'' if s.named else ' <i>(anonymous)</i>'}: {_n(s.attributions, 'attribution')} "
            f"in {_n(s.articles, 'article')} <small>({_e(s.type)})</small></li>" for s in cell.top) + "</ol>")
    out.append("</section>")
    return "".join(out)


def stacked_bar(b: Breakdown, *, width: int = 400) -> str:
    """One breakdown as a stacked bar of its shares (inline SVG), each segment with its name when
    it has room, then every part in words: name, count and share, in the bar's order."""
    height, top = 46, 20
    parts = [f'<svg class="chart bar" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_e(b.title)}">', f'<text x="0" y="14" style="font-weight:bold">{_e(b.title)} ({b.whole})</text>']
    x = 0.0
    for name, count in b.parts:
        if not b.whole or not count:
            continue
        w = width * count / b.whole
        parts.append(f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="24" fill="{PART_COLOURS.get(name, "#e4e4e4")}" '
                     f'stroke="#fff" stroke-width="1"><title>{_e(name)}: {count} ({pct(count, b.whole)})</title></rect>')
        label = f"{name} {pct(count, b.whole)}"
        if len(label) * 7 + 8 < w:  # about 7 pixels a character at 12 px
            parts.append(f'<text x="{x + 4:.1f}" y="{top + 16}">{_e(label)}</text>')
        x += w
    if not b.whole:
        parts.append(f'<rect x="0" y="{top}" width="{width}" height="24" fill="#fff" stroke="#ccc"/>'
                     f'<text x="6" y="{top + 16}">no {_e(b.of)}</text>')
    parts.append("</svg>")
    words = "; ".join(
        f'<span class="swatch" style="background:{PART_COLOURS.get(name, "#e4e4e4")};border-color:#707070"></span>'
        f"{_e(name)} {count} ({pct(count, b.whole)})" for name, count in b.parts)
    return "".join(parts) + f'<p class="parts" data-table="{_e(b.table)}">{words}</p>'


PERIOD_COLUMNS: tuple[tuple[str, Callable[[Cell], str]], ...] = (
    ("articles", lambda c: str(c.articles)),
    ("attributions", lambda c: str(c.attributions)),
    ("sources", lambda c: str(c.sources)),
    ("anonymous", lambda c: pct(c.anonymous_sources, c.sources)),
    ("female", lambda c: pct(c.genders[0], c.person_sources)),
    ("male", lambda c: pct(c.genders[1], c.person_sources)),
    ("gender unknown", lambda c: pct(c.genders[2], c.person_sources)),
)


def periods_table(audit: Audit) -> str:
    """Every group's numbers period by period: what the line charts draw, in words. On a phone
    each row becomes a block whose cells say what they are."""
    head = "".join(f"<th>{_e(name)}</th>" for name, _ in PERIOD_COLUMNS)
    rows = []
    for cell in audit.cells:
        if cell.period == ALL_PERIODS:
            continue
        rows.append(f'<tr><td class="g" data-label="group">{_e(group_label(audit, cell))}</td>'
                    f'<td data-label="{_e(audit.plan.period)}">{_e(cell.period)}</td>'
                    + "".join(f'<td data-label="{_e(name)}">{_e(get(cell))}</td>' for name, get in PERIOD_COLUMNS)
                    + "</tr>")
    return (f'<table class="periods"><caption>By {_e(audit.plan.period)}: anonymous is a share of sources; female, '
            f"male and gender unknown are shares of person sources</caption><thead><tr><th>group</th>"
            f"<th>{_e(audit.plan.period)}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# ------------------------------------------------------------------ line charts

LINE_MEASURES: tuple[tuple[str, Callable[[Cell], float | None], bool], ...] = (
    ("Attributions", lambda c: c.attributions, False),
    ("Anonymous share of sources", lambda c: c.anonymous_sources / c.sources if c.sources else None, True),
    ("Female share of person sources", lambda c: c.genders[0] / c.person_sources if c.person_sources else None, True),
    ("Unknown-gender share of person sources",
     lambda c: c.genders[2] / c.person_sources if c.person_sources else None, True),
)


def _line_charts(audit: Audit) -> str:
    # The unknown period is no point in time: it is in the table, not on the lines.
    periods = sorted({c.period for c in audit.cells if c.period not in (ALL_PERIODS, UNKNOWN_PERIOD)})
    groups = [g for g in audit.groups()]
    series = {g: {c.period: c for c in audit.cells if c.group == g} for g in groups}
    labels = {g: ", ".join(g) for g in groups}
    charts = [line_chart(name, periods, [(labels[g], [get(series[g][p]) if p in series[g] else None for p in periods])
                                         for g in groups], share=is_share)
              for name, get, is_share in LINE_MEASURES]
    return (f'<h2>Over the {_e(audit.plan.period)}s</h2><div class="lines">{"".join(charts)}</div>'
            + periods_table(audit))


def line_chart(name: str, periods: Sequence[str], lines: Sequence[tuple[str, Sequence[float | None]]], *,
               share: bool = False, width: int = 440, height: int = 250) -> str:
    """A line per series over the periods (inline SVG). A missing value breaks the line. Each
    series has its own marker and dash and its name by its last point (names pushed apart so
    they do not overlap); every point has a title with its value; the axis says its top value
    and each period."""
    left, right, top, bottom = 44, 120, 34, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    most = 1.0 if share else max((v for _, vs in lines for v in vs if v is not None), default=0) or 1
    step = plot_w / max(1, len(periods) - 1)

    def at(n: int, v: float) -> tuple[float, float]:
        return left + (n * step if len(periods) > 1 else plot_w / 2), top + plot_h * (1 - v / most)

    def fmt(v: float) -> str:
        return f"{100 * v:.0f}%" if share else f"{v:g}"

    out = [f'<svg class="chart line" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{_e(name)}"><text x="0" y="16" style="font-weight:bold">{_e(name)}</text>',
           f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#999"/>',
           f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{fmt(most)}</text>',
           f'<text x="{left - 4}" y="{top + plot_h + 4}" text-anchor="end">0</text>']
    for n, period in enumerate(periods):
        x, _ = at(n, 0)
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="end" '
                   f'transform="rotate(-35 {x:.1f} {top + plot_h + 14})">{_e(period)}</text>')
    ends = []
    for k, (label, values) in enumerate(lines):
        drawn, last = _series(k, label, values, at, fmt)
        out.append(drawn)
        if last is not None:
            ends.append((last[1], last[0], label))
    out.extend(_end_labels(ends, top, top + plot_h))
    return "".join(out) + "</svg>"


def _end_labels(ends: list[tuple[float, float, str]], low: float, high: float, gap: float = 13) -> list[str]:
    """Each series' name by its last point, moved down (then, at the bottom, up) until no two
    are closer than ``gap`` pixels."""
    ends = sorted(ends)
    ys: list[float] = []
    for y, _, _ in ends:
        ys.append(max(y + 4, ys[-1] + gap) if ys else y + 4)
    overflow = (ys[-1] - high - 4) if ys else 0
    if overflow > 0:
        ys = [y - overflow for y in ys]
    out = []
    for y, (_, x, label) in zip(ys, ends):
        short = label if len(label) <= 16 else label[:15] + "…"
        out.append(f'<text x="{x + 8:.1f}" y="{max(y, low):.1f}" class="end"><title>{_e(label)}</title>{_e(short)}</text>')
    return out


def _series(k: int, label: str, values: Sequence[float | None], at, fmt) -> tuple[str, tuple[float, float] | None]:
    """One series' lines and markers, and its last point."""
    ink, dash, marker = LINE_INKS[k % len(LINE_INKS)], DASHES[k % len(DASHES)], MARKERS[k % len(MARKERS)]
    runs: list[list[tuple[float, float]]] = [[]]
    out = []
    for n, v in enumerate(values):
        if v is None:
            runs.append([])
            continue
        x, y = at(n, v)
        runs[-1].append((x, y))
        out.append(_marker(marker, x, y, ink, f"{label}: {fmt(v)}"))
    paths = "".join(f'<polyline fill="none" stroke="{ink}" stroke-width="2" stroke-dasharray="{dash}" '
                    f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}"/>' for run in runs if len(run) > 1)
    last = next((p for run in reversed(runs) for p in reversed(run)), None)
    return f'<g class="series" data-series="{_e(label)}">{paths}{"".join(out)}</g>', last


def _marker(shape: str, x: float, y: float, ink: str, tip: str) -> str:
    tip = f"<title>{_e(tip)}</title>"
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{ink}">{tip}</rect>'
    if shape == "triangle":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}" fill="{ink}">{tip}</polygon>'
    if shape == "diamond":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x + 5:.1f},{y:.1f}" fill="{ink}">{tip}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{ink}">{tip}</circle>'
