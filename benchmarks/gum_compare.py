"""How much the parse changes the answer: rules engine vs a gold parse on GUM news.

    python benchmarks/gum_compare.py ../shared/corpora/gum-news
    python benchmarks/gum_compare.py ../shared/corpora/gum-news --examples 8 --per-file

Each GUM file (hand-made tokens, lemmas, UPOS, dependencies, entities and coreference) is read
as an Analysis by quotes.engines.conllu, standing in for a perfect stanza model, and analysed by
``quotes.analyze_analysis``. The same text then goes through ``quotes.analyze(engine="rules")``.
Attributions are matched one to one by overlapping content spans (largest overlap first); the
report counts those found by both, by rules only and by the parse only, how often matched pairs
agree on the speaker and on the kind, and shows examples of each kind of disagreement.

The corpus is not part of the repository (its licence forbids copying it in): pass its folder.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
from tabulate import tabulate

import quotes
from quotes.engines.conllu import read_conllu
from quotes.model import Attribution, Speaker

SNIPPET = 90
NAME_WIDTH = 22  # GUM names run to "GUM_news_questionnaire"
INDENT = " " * (NAME_WIDTH + 4)


@attrs.frozen
class Comparison:
    """One article's attributions from the two engines, matched by content."""

    name: str
    matched: tuple[tuple[Attribution, Attribution], ...]  # (rules, parse)
    rules_only: tuple[Attribution, ...]
    parse_only: tuple[Attribution, ...]

    @property
    def speaker_agreements(self) -> int:
        return sum(1 for rules, parse in self.matched if same_speaker(rules.speaker, parse.speaker))

    @property
    def kind_agreements(self) -> int:
        return sum(1 for rules, parse in self.matched if rules.kind is parse.kind)


def overlap(a: Attribution, b: Attribution) -> int:
    return max(0, min(a.content.end, b.content.end) - max(a.content.start, b.content.start))


def match(
    rules: Sequence[Attribution], parse: Sequence[Attribution]
) -> tuple[list[tuple[Attribution, Attribution]], list[Attribution], list[Attribution]]:
    """One-to-one pairs of overlapping contents, largest overlap first, and the leftovers.

    Greedy rather than optimal: two attributions of one article rarely overlap more than one
    attribution of the other, and when they do the larger overlap is the better pair.
    """
    candidates = sorted(
        ((overlap(r, p), i, j) for i, r in enumerate(rules) for j, p in enumerate(parse) if overlap(r, p) > 0),
        reverse=True,
    )
    used_rules: set[int] = set()
    used_parse: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_rules and j not in used_parse:
            used_rules.add(i)
            used_parse.add(j)
            pairs.append((rules[i], parse[j]))
    pairs.sort(key=lambda pair: pair[0].content.start)
    rules_only = [r for i, r in enumerate(rules) if i not in used_rules]
    parse_only = [p for j, p in enumerate(parse) if j not in used_parse]
    return pairs, rules_only, parse_only


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """Both unattributed, the same name, or a mention in common.

    The two runs number their speakers independently, so ids cannot be compared; a shared
    mention span is the evidence that both point at the same stretch of text.
    """
    if a is None or b is None:
        return a is None and b is None
    if a.name.casefold() == b.name.casefold():
        return True
    return any(m.overlaps(n) for m in a.mentions for n in b.mentions)


def compare(path: Path) -> tuple[Comparison, float, float]:
    """The comparison for one CoNLL-U file, and the seconds each engine's analysis took."""
    analysis = read_conllu(path)
    started = time.perf_counter()
    parse = quotes.analyze_analysis(analysis, name=path.stem)
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rules = quotes.analyze(analysis.text, engine="rules", name=path.stem)
    rules_seconds = time.perf_counter() - started
    pairs, rules_only, parse_only = match(rules.attributions, parse.attributions)
    return Comparison(path.stem, tuple(pairs), tuple(rules_only), tuple(parse_only)), rules_seconds, parse_seconds


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def rows(comparisons: Iterable[Comparison]) -> list[list[object]]:
    table = []
    for c in comparisons:
        both = len(c.matched)
        table.append(
            [
                c.name,
                both + len(c.rules_only),
                both + len(c.parse_only),
                both,
                len(c.rules_only),
                len(c.parse_only),
                f"{c.speaker_agreements}/{both}",
                f"{c.kind_agreements}/{both}",
            ]
        )
    return table


HEADERS = ["article", "rules", "parse", "both", "rules only", "parse only", "same speaker", "same kind"]


def totals(comparisons: Sequence[Comparison]) -> list[list[object]]:
    both = sum(len(c.matched) for c in comparisons)
    rules_only = sum(len(c.rules_only) for c in comparisons)
    parse_only = sum(len(c.parse_only) for c in comparisons)
    speakers = sum(c.speaker_agreements for c in comparisons)
    kinds = sum(c.kind_agreements for c in comparisons)
    found = both + rules_only + parse_only
    return [
        ["articles", len(comparisons)],
        ["attributions by rules", both + rules_only],
        ["attributions by the parse", both + parse_only],
        ["found by both", f"{both} ({percent(both, found)} of all found)"],
        ["rules only", f"{rules_only} ({percent(rules_only, found)})"],
        ["parse only", f"{parse_only} ({percent(parse_only, found)})"],
        ["same speaker, of both", f"{speakers} ({percent(speakers, both)})"],
        ["same kind, of both", f"{kinds} ({percent(kinds, both)})"],
    ]


def snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def describe(a: Attribution) -> str:
    who = a.speaker.name if a.speaker else "(nobody)"
    return f"{a.kind.value:8} {who!r:30} {snippet(a.content.text)}"


def examples(comparisons: Sequence[Comparison], limit: int) -> list[str]:
    """Up to limit examples of each kind of disagreement, as printable lines."""
    kinds = {
        "rules only": [(c.name, describe(a)) for c in comparisons for a in c.rules_only],
        "parse only": [(c.name, describe(a)) for c in comparisons for a in c.parse_only],
        "different speaker": [
            (c.name, f"rules: {describe(r)}\n{INDENT}parse: {describe(p)}")
            for c in comparisons
            for r, p in c.matched
            if not same_speaker(r.speaker, p.speaker)
        ],
        "different kind": [
            (c.name, f"rules: {describe(r)}\n{INDENT}parse: {describe(p)}")
            for c in comparisons
            for r, p in c.matched
            if r.kind is not p.kind
        ],
    }
    lines = []
    for kind, found in kinds.items():
        lines.append(f"\n== {kind}: {len(found)}")
        for name, text in found[:limit]:
            lines.append(f"  {name:{NAME_WIDTH}}  {text}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of GUM .conllu files (e.g. ../shared/corpora/gum-news)")
    parser.add_argument("--examples", type=int, default=5, help="examples of each disagreement (default 5)")
    parser.add_argument("--per-file", action="store_true", help="print a row per article")
    args = parser.parse_args(argv)

    paths = sorted(args.corpus.glob("*.conllu"))
    if not paths:
        print(f"gum_compare: no .conllu files in {args.corpus}", file=sys.stderr)
        return 2
    comparisons = []
    rules_seconds = parse_seconds = 0.0
    for path in paths:
        comparison, rules_time, parse_time = compare(path)
        comparisons.append(comparison)
        rules_seconds += rules_time
        parse_seconds += parse_time

    if args.per_file:
        print(tabulate(rows(comparisons), headers=HEADERS))
        print()
    print(tabulate(totals(comparisons), tablefmt="plain"))
    print(f"\ndetection + resolution: rules {rules_seconds:.2f}s, gold parse {parse_seconds:.2f}s (reading excluded)")
    print("\n".join(examples(comparisons, args.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
