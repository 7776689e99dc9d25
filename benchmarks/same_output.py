"""Show that this checkout and another revision print the same JSON Lines for the same articles.

    python benchmarks/same_output.py --against f836a45 seeds/north-korea-kursk.txt \\
        ../shared/corpora/polnear/train/text ../shared/corpora/polnear/dev/text

Each SOURCE (a .txt file or a folder of them) is analyzed by both revisions with
``quotes analyze --format jsonl``; the outputs are compared line by line. Exit 0 when every
line is identical, 1 with the first differences otherwise. A refactor that claims to change
no behaviour runs this before it lands.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from revision import ROOT, checkout, run_in  # noqa: E402


def jsonl(tree: Path, source: str) -> list[str]:
    return run_in(tree, ["-m", "quotes", "analyze", "--format", "jsonl", source]).splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help=".txt files or folders of them")
    parser.add_argument("--against", required=True, metavar="REV", help="the git revision to compare with")
    args = parser.parse_args(argv)
    failed = False
    with checkout(args.against) as old:
        for source in args.sources:
            before, after = jsonl(old, source), jsonl(ROOT, source)
            differ = [n for n, (a, b) in enumerate(zip(before, after)) if a != b]
            if len(before) != len(after) or differ:
                failed = True
                print(f"{source}: {len(before)} lines at {args.against}, {len(after)} now; {len(differ)} differ")
                for n in differ[:3]:
                    print(f"  line {n + 1}\n  - {before[n][:300]}\n  + {after[n][:300]}")
            else:
                print(f"{source}: {len(after)} lines, identical")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
