"""Throughput and peak memory of `quotes batch`.

    python benchmarks/batch_throughput.py /work/shared/corpora/polnear/train/text /work/shared/corpora/polnear/dev/text
    python benchmarks/batch_throughput.py --generate 100000            # a synthetic CSV, for memory
    python benchmarks/batch_throughput.py articles.csv --text-column body --jobs 2
    python benchmarks/batch_throughput.py FOLDER --profile 25          # where the time goes
    python benchmarks/batch_throughput.py FOLDER... --against f836a45  # a ratio against a revision

A SOURCE is a folder of .txt files (streamed into the batch one file at a time, as rows) or a
CSV (read by the batch itself). Both CSVs are written to a temporary folder and deleted. It
prints articles per second, input MB per second (UTF-8 bytes of the texts) and peak resident
memory from getrusage (this process, and the largest worker with --jobs > 1).

With ``--against REV`` it measures this checkout and revision REV in the same run, one core
each, alternating (``--rounds`` times each): articles per CPU second of ``quotes.analyze`` over
the folders' texts (read into memory first, one warm-up pass), and prints the ratio. A speed
claim is that ratio, not a figure from another day.
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

from quotes import batch
from quotes.articles import decode


def folder_rows(folders: list[str]) -> Iterator[batch.InputRow]:
    """The .txt files of the folders as batch rows, read one at a time."""
    position = 0
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            position += 1
            text = decode(path.read_bytes(), source=str(path))
            yield batch.InputRow(position, path.stem, text)


SUBJECTS = ["Jane Roe", "the mayor", "Officials", "A senior official", "The ministry", "Reuters", "John Doe",
            "Residents", "The company", "Senator Maria Lopez"]
VERBS = ["said", "told reporters", "added", "warned", "announced", "claimed"]
CLAUSES = ["the budget would be cut by a third", "the vote was delayed until next week",
           "the bridge will reopen in March", "nobody had been told about the plan",
           "prices rose faster than expected", "the talks had broken down late on Friday"]


def synthetic_article(rng: random.Random, n: int) -> str:
    """A few paragraphs of news-like prose with direct, partial and reported speech."""
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        who, verb, clause = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(CLAUSES)
        form = rng.randrange(4)
        if form == 0:
            paragraphs.append(f"\u201c{clause.capitalize()},\u201d {who} {verb} on Monday.")
        elif form == 1:
            paragraphs.append(f"{who} {verb} that {clause}.")
        elif form == 2:
            paragraphs.append(f"{who} called it \u201c{clause}\u201d in a statement, according to local media.")
        else:
            paragraphs.append(f"The city council met on Tuesday. Article {n} has no quote in this paragraph.")
    return "\n\n".join(paragraphs)


def generate_csv(path: Path, rows: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for n in range(rows):
            writer.writerow([f"a{n}", synthetic_article(rng, n)])


def analyze_rate(folders: list[str]) -> dict[str, float]:
    """Articles per CPU second of quotes.analyze over the folders' texts, after one warm-up pass."""
    import quotes

    texts = [row.text for row in folder_rows(folders)]
    for text in texts[:50]:
        quotes.analyze(text)
    started = time.process_time()
    for text in texts:
        quotes.analyze(text)
    cpu = time.process_time() - started
    return {"articles": len(texts), "cpu": cpu, "rate": len(texts) / cpu}


def compare(folders: list[str], rev: str, rounds: int) -> int:
    """This checkout against ``rev``, alternating, each in a fresh one-core process."""
    import json
    import statistics

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from revision import ROOT, checkout, run_in

    script = str(Path(__file__).resolve())
    rates: dict[str, list[float]] = {"now": [], rev: []}
    with checkout(rev) as old:
        for _ in range(rounds):
            for label, tree in ((rev, old), ("now", ROOT)):
                out = run_in(tree, [script, *folders, "--analyze-rate"])
                rates[label].append(json.loads(out)["rate"])
    now, before = statistics.median(rates["now"]), statistics.median(rates[rev])
    print(f"{rev:>12}: {before:7.1f} articles per CPU second (median of {rounds}: {', '.join(f'{r:.0f}' for r in rates[rev])})")
    print(f"{'now':>12}: {now:7.1f} articles per CPU second (median of {rounds}: {', '.join(f'{r:.0f}' for r in rates['now'])})")
    print(f"{'ratio':>12}: {now / before:.2f}x")
    return 0


def _cpu_seconds() -> float:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def maxrss_mb(who: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="folders of .txt files, or one CSV")
    parser.add_argument("--generate", type=int, metavar="ROWS", help="measure a generated CSV of this many rows")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--id-column")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile", type=int, metavar="N", help="profile (one process) and print the top N functions")
    parser.add_argument("--against", metavar="REV", help="compare quotes.analyze with this git revision, same run")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: measurements of each, alternating")
    parser.add_argument("--analyze-rate", action="store_true", help=argparse.SUPPRESS)  # one --against measurement
    args = parser.parse_args(argv)
    if args.analyze_rate:
        import json

        print(json.dumps(analyze_rate(args.sources)))
        return 0
    if args.against:
        return compare(args.sources, args.against, args.rounds)
    if not args.sources and not args.generate:
        parser.error("give a SOURCE or --generate ROWS")

    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as scratch:
        scratch_path = Path(scratch)
        if args.generate:
            source = scratch_path / "generated.csv"
            started = time.perf_counter()
            generate_csv(source, args.generate)
            print(f"generated {args.generate} rows, {source.stat().st_size / 1e6:.1f} MB "
                  f"in {time.perf_counter() - started:.1f} s")
            args.sources, args.text_column, args.id_column = [str(source)], "text", "id"
        csv_input = len(args.sources) == 1 and os.path.isfile(args.sources[0])

        summary_path, attributions_path = scratch_path / "summary.csv", scratch_path / "attributions.csv"
        profiler = cProfile.Profile() if args.profile else None
        cpu_started = _cpu_seconds()
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        if csv_input:
            stats = batch.batch_file(args.sources[0], text_column=args.text_column, id_column=args.id_column,
                                     attributions_path=str(attributions_path), summary_path=str(summary_path),
                                     jobs=args.jobs, progress=False)
        else:
            with attributions_path.open("w", encoding="utf-8", newline="") as a, \
                 summary_path.open("w", encoding="utf-8", newline="") as s:
                stats = batch.run_batch(folder_rows(args.sources), a, s, jobs=args.jobs, progress=False)
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_started
        if profiler:
            profiler.disable()

        megabytes = stats.chars and _utf8_megabytes(summary_path, args, csv_input)
        print(f"rows {stats.rows} ({stats.errors} with errors), attributions {stats.attributions}, jobs {args.jobs}")
        print(f"time {elapsed:.1f} s: {stats.rows / elapsed:.1f} articles/s, {megabytes / elapsed:.2f} MB/s")
        # CPU seconds (this process and its workers) do not grow when other programs share the
        # machine, so they are the fairer one-core figure on a busy host.
        print(f"cpu {cpu:.1f} s: {stats.rows / cpu:.1f} articles per CPU second, {megabytes / cpu:.2f} MB per CPU second")
        print(f"peak memory: {maxrss_mb(resource.RUSAGE_SELF):.0f} MB this process, "
              f"{maxrss_mb(resource.RUSAGE_CHILDREN):.0f} MB largest worker")
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    return 0


def _utf8_megabytes(summary_path: Path, args, csv_input: bool) -> float:
    """Input size: the .txt files' bytes, or the CSV's bytes."""
    if csv_input:
        return os.path.getsize(args.sources[0]) / 1e6
    return sum(p.stat().st_size for folder in args.sources for p in Path(folder).glob("*.txt")) / 1e6


if __name__ == "__main__":
    sys.exit(main())
