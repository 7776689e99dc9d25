"""Plain-text tables that fit a width by wrapping their text cells, never by cutting names.

The look is tabulate's "simple" format (a header, a line of dashes, two spaces between
columns). Columns that hold numbers or short fixed words keep their natural width; text
columns share the room that is left, each by its weight, and their cells wrap at word
boundaries. A table is only wider than asked when even the narrowest layout (every text column
at its minimum) does not fit.
"""
from __future__ import annotations

import textwrap
from typing import Any, Sequence

import attrs

GAP = 2  # spaces between columns
DEFAULT_WIDTH = 80
LONGEST_WORD = 16  # a wrapping column is at least as wide as its longest word, up to this


@attrs.frozen
class Column:
    header: str
    numeric: bool = False  # right-aligned, never wrapped
    weight: int = 0  # 0: keeps its natural width; more: wraps, and takes this share of the room
    minimum: int = 8  # the narrowest a wrapping column gets
    max_lines: int | None = None  # a wrapping column's cell is cut after this many lines (with …)


def cell_text(value: Any) -> str:
    """What a cell shows: numbers as they are, missing values as '-', whitespace collapsed."""
    if value is None or value == "":
        return "-"
    return " ".join(str(value).split())


def widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Each column's width: natural where everything fits, else text columns share what is left.

    A wrapping column never gets narrower than its minimum, its header or its longest word (up
    to ``LONGEST_WORD``), so words are only split when one is longer than that."""
    natural = [max([len(c.header), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    if sum(natural) + GAP * (len(columns) - 1) <= width:
        return natural
    out = list(natural)
    flexible = [i for i, c in enumerate(columns) if c.weight]
    floor = {i: min(natural[i], max(columns[i].minimum, len(columns[i].header),
                                    min(LONGEST_WORD, max((len(w) for row in rows for w in row[i].split()), default=0))))
             for i in flexible}
    room = width - GAP * (len(columns) - 1) - sum(natural[i] for i, c in enumerate(columns) if not c.weight)
    # Columns that need less than their fair share keep their natural width; columns whose
    # floor is above it get their floor; the others share what is left, by weight.
    while flexible:
        total = sum(columns[i].weight for i in flexible)
        share = {i: room * columns[i].weight / total for i in flexible}
        settled = {i: natural[i] for i in flexible if natural[i] <= share[i]} or \
            {i: floor[i] for i in flexible if floor[i] >= share[i]}
        if not settled:
            break
        for i, size in settled.items():
            out[i] = size
            room -= size
            flexible.remove(i)
    if flexible:
        total = sum(columns[i].weight for i in flexible)
        for i in flexible:
            out[i] = room * columns[i].weight // total
        out[max(flexible, key=lambda i: columns[i].weight)] += room - sum(out[i] for i in flexible)
    return out


def _wrap(text: str, column: Column, width: int) -> list[str]:
    if not column.weight or len(text) <= width:
        return [text]
    return textwrap.wrap(text, width=width, break_on_hyphens=False, max_lines=column.max_lines,
                         placeholder=" …") or [""]


def format_table(columns: Sequence[Column], rows: Sequence[Sequence[Any]], width: int = DEFAULT_WIDTH) -> str:
    """The table as text, at most ``width`` columns wide where that is possible."""
    texts = [[cell_text(v) for v in row] for row in rows]
    sizes = widths(columns, texts, width)

    def line(cells: Sequence[str]) -> str:
        parts = [cell.rjust(size) if c.numeric else cell.ljust(size) for c, cell, size in zip(columns, cells, sizes)]
        return (" " * GAP).join(parts).rstrip()

    lines = [line([c.header for c in columns]), line(["-" * size for size in sizes])]
    for row in texts:
        wrapped = [_wrap(text, c, size) for c, text, size in zip(columns, row, sizes)]
        for n in range(max(len(w) for w in wrapped)):
            lines.append(line([w[n] if n < len(w) else "" for w in wrapped]))
    return "\n".join(lines)


def wrap_lines(lines: Sequence[str], width: int) -> str:
    """Summary lines wrapped to the width, continuation lines indented."""
    return "\n".join("\n".join(textwrap.wrap(text, width=width, subsequent_indent="  ") or [""]) for text in lines)
