"""Time quotes.analyze on hostile inputs at two sizes and print how time grows.

    python benchmarks/hostile_inputs.py                 # every family at 100 KB and 1 MB
    python benchmarks/hostile_inputs.py --sizes 10000 100000 --family nested_quotes
    python benchmarks/hostile_inputs.py --profile said_said --sizes 100000

Each family builds a text of (about) the asked number of characters. Time should grow about
linearly: the ratio between the two sizes should stay near their ratio (10 for 100 KB -> 1 MB);
the limits are a ratio under 15 and under 2 seconds at 1 MB, on one core.

``FAMILIES`` is imported by tests/test_robustness.py, so keep the builders cheap and
deterministic.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-kursk.txt"

RATIO_LIMIT = 15.0
SECONDS_AT_1MB = 2.0
GIVE_UP_SECONDS = 20.0  # a small-size time that projects past this skips the large size


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def long_article(size: int) -> str:
    """A realistic article: the seed's paragraphs over and over (about 50 lines a KB... ten)."""
    return _repeat(_seed() + "\n", size)


def single_paragraph(size: int) -> str:
    """The seed article with no line breaks: one paragraph of ``size`` characters."""
    return _repeat(" ".join(_seed().split()) + " ", size)


def long_quote(size: int) -> str:
    """One quote that runs the whole text, then its credit."""
    words = " ".join(_seed().replace("“", "").replace("”", "").replace('"', "").split()) + " "
    body = _repeat(words, max(size - 40, 1)).rstrip()
    return f"“{body},” said Jane Roe."


def only_quote_marks(size: int) -> str:
    """Nothing but quote marks, of every kind."""
    return _repeat("“”\"‘’'«»\"'“‘”’", size)


def only_straight_quotes(size: int) -> str:
    """Nothing but straight double marks, with spaces: every mark could open or close."""
    return _repeat('" "" ', size)


def nested_quotes(size: int) -> str:
    """Quotes nested as deep as the text allows, then closed: “a‘a“a‘a ... said Kim ’”’”."""
    depth = max((size - 10) // 3, 1)
    opens = "".join("“‘"[d % 2] + "a" for d in range(depth))
    closes = "".join("”’"[d % 2] for d in reversed(range(depth)))
    return (opens + " said Kim " + closes).ljust(size)[:size]


def nested_unclosed(size: int) -> str:
    """Thousands of openers that never close, each followed by words and a cue."""
    return _repeat("“Jane said ‘Kim told “", size)


def stray_opening_mark(size: int) -> str:
    """One opening mark at the top of a long article with no line breaks after it."""
    return "“" + single_paragraph(size - 1)


def stray_opening_article(size: int) -> str:
    """A stray opening mark on the first line of a long article of many paragraphs."""
    return "“" + long_article(size - 1)


def mismatched_marks(size: int) -> str:
    """Curly openers closed by straight marks and the other way round."""
    return _repeat("“We will win,\" Kim said. \"They lost,” she said. ‘Maybe,\' he said. 'No’ ", size)


def many_speakers(size: int) -> str:
    """Thousands of different speakers, each quoted once: every mention is a new entity."""
    lines = []
    total = n = 0
    while total < size:
        name = "".join("BCDFGHKLMNPRSTVZ"[int(d, 16)] for d in f"{n:04x}")
        line = f"“We are ready,” {name.capitalize()} Olen said.\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)[:size]


def quote_dense(size: int) -> str:
    """Short paragraphs of two attributions each, a direct quote and a reported clause, as a
    wire feed of quotes might run: at 4 MB about 45,000 paragraphs and 90,000 attributions."""
    names = ("Jane Roe", "John Doe", "the minister", "Officials", "Ann Bell")
    lines = []
    total = n = 0
    while total < size:
        line = f"“We are ready for {n} more days,” {names[n % 5]} said. {names[(n + 1) % 5]} said the plan would fail.\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)[:size]


def capitalised_commas(size: int) -> str:
    """Long runs of capitalised words and commas, as an endless subject for a cue."""
    return _repeat("Jane Roe, Kim Jong Un, North Korean State Media, ", size - 6) + " said."


def capitalised_and(size: int) -> str:
    """Capitalised words joined by commas and 'and': a coordination with no end."""
    return _repeat("Seoul, Pyongyang and Moscow and Kyiv, ", size - 6) + " said."


def said_said(size: int) -> str:
    """said said said ..."""
    return _repeat("said ", size)


def cue_soup(size: int) -> str:
    """Cue words, names and commas without sentences: every token starts a frame."""
    return _repeat("according to Kim, said officials, told Yonhap that, Jane Roe said, ", size)


def punctuation_runs(size: int) -> str:
    """Long runs of punctuation: periods, ellipses, dashes and brackets."""
    return _repeat("...!!!???,,,;;;:::---———(((]]]…… ", size)


def periods(size: int) -> str:
    """One unbroken run of periods and capitals: every position a candidate sentence end."""
    return _repeat(". A", size)


def html_markup(size: int) -> str:
    """The article as HTML: tags, entities and attributes with quote marks in them."""
    paragraphs = [f'<p class="body" data-x=\'1\'>{line}</p>' for line in _seed().splitlines() if line.strip()]
    return _repeat("<html><body>\n" + "\n".join(paragraphs) + "\n&ldquo;Hi,&rdquo; she said.</body></html>\n", size)


def crlf_article(size: int) -> str:
    """The seed article with Windows line endings."""
    return _repeat(_seed().replace("\n", "\r\n") + "\r\n", size)


def no_spaces(size: int) -> str:
    """One enormous token-like run: letters and inner punctuation with no whitespace."""
    return _repeat("a.b,c-d'e’f", size)


FAMILIES: dict[str, Callable[[int], str]] = {
    f.__name__: f
    for f in (
        long_article,
        single_paragraph,
        long_quote,
        only_quote_marks,
        only_straight_quotes,
        nested_quotes,
        nested_unclosed,
        stray_opening_mark,
        stray_opening_article,
        mismatched_marks,
        many_speakers,
        quote_dense,
        capitalised_commas,
        capitalised_and,
        said_said,
        cue_soup,
        punctuation_runs,
        periods,
        html_markup,
        crlf_article,
        no_spaces,
    )
}


def time_one(text: str) -> float:
    import quotes

    start = time.perf_counter()
    quotes.analyze(text)
    return time.perf_counter() - start


def peak_memory(text: str) -> int:
    """Bytes allocated at the peak of one quotes.analyze(text), result included (tracemalloc)."""
    import tracemalloc

    import quotes

    tracemalloc.start()
    try:
        result = quotes.analyze(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs=2, type=int, default=(100_000, 1_000_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--profile", choices=sorted(FAMILIES), help="cProfile one family at the small size")
    parser.add_argument("--memory", action="store_true", help="also print the peak memory (tracemalloc) of the large size")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import quotes

    quotes.analyze(_seed())  # load the lexicons before timing
    small, large = args.sizes
    if args.profile:
        text = FAMILIES[args.profile](small)
        profiler = cProfile.Profile()
        profiler.runcall(quotes.analyze, text)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    failed = []
    print(f"{'family':<24}{small // 1000:>8} KB s{large // 1000:>8} KB s{'ratio':>8}")
    for name in args.family or FAMILIES:
        build = FAMILIES[name]
        t_small = time_one(build(small))
        if t_small * (large / small) > GIVE_UP_SECONDS:
            # Already too slow to be linear within the limits: do not wait minutes to confirm.
            failed.append(name)
            print(f"{name:<24}{t_small:>13.3f}{'skipped':>13}{'-':>8}  <-- too slow (large size not run)", flush=True)
            continue
        text = build(large)
        t_large = time_one(text)
        if args.memory:
            peak = peak_memory(text)
            print(f"{name:<24}peak {peak / 1e6:.1f} MB for {len(text.encode()) / 1e6:.1f} MB of text ({peak / len(text.encode()):.1f}x)")
        ratio = t_large / max(t_small, 1e-9)
        flag = ""
        if ratio > RATIO_LIMIT or (large >= 1_000_000 and t_large > SECONDS_AT_1MB * large / 1_000_000):
            flag = "  <-- too slow"
            failed.append(name)
        print(f"{name:<24}{t_small:>13.3f}{t_large:>13.3f}{ratio:>8.1f}{flag}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
