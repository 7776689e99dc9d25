"""Articles per second of `quotes batch` on one machine (--jobs 1, --jobs 2) and on Dask (a
LocalCluster of 1 and of 2 worker processes), on the same input, in one run; and Dask's
overhead per partition.

    python benchmarks/dask_throughput.py                              # the seed article, 800 times
    python benchmarks/dask_throughput.py /work/shared/corpora/polnear/train/text /work/shared/corpora/polnear/dev/text
    python benchmarks/dask_throughput.py FOLDER --repeat 2 --small-kb 64

The input is one JSON Lines file written to a temporary folder: the .txt files of the FOLDERs
(``--repeat`` times), or the seed article ``--articles`` times. Every run reads it and writes
both CSVs there. Each run is measured ``--rounds`` times and the fastest counts (the machine
may be shared with other work). A Dask cluster is started before its runs and warmed on a few rows (the
workers import quotes), so its runs measure the batch, not the start; the start is printed
apart. Dask runs use the partition size the command would choose (``partition_bytes``).

Overhead per partition: the 1-worker run again with partitions of ``--small-kb``, many more
of them: the extra seconds divided by the extra partitions. It is what a partition costs
beyond its rows: scheduling, reading its byte range, sending its results back, writing.

The client's ceiling: with --attributions/--summary the client unpickles every partition's
rows and writes both CSVs itself, on one core; the articles per second it can take that way
bound a cluster of any size (--out-dir, where the workers write, has no such bound).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from quotes import batch
from quotes.articles import decode
from quotes.batch.cluster import partition_bytes, run_dask
from quotes.batch.partition import (file_attribution_fields, file_summary_fields, plan_file, run_partition,
                                    with_file)
from quotes.batch.write import RowWriter

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = batch.BatchOptions(text_column="text", id_column="id")


def write_input(path: Path, folders: list[str], repeat: int, articles: int) -> tuple[int, int]:
    """(rows, bytes) of the JSON Lines input."""
    if folders:
        paths = [p for folder in folders for p in sorted(Path(folder).glob("*.txt"))]
        texts = [decode(p.read_bytes(), source=str(p)) for p in paths] * repeat
    else:
        texts = [(ROOT / "seeds" / "north-korea-kursk.txt").read_text(encoding="utf-8")] * articles
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            out.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")
    return len(texts), path.stat().st_size


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def local(source: Path, scratch: Path, jobs: int):
    return batch.batch_file(str(source), text_column="text", id_column="id", jobs=jobs, progress=False,
                            attributions_path=str(scratch / "a.csv"), summary_path=str(scratch / "s.csv"))


def on_dask(source: Path, scratch: Path, address: str, block: int, progress: list[str]):
    return run_dask([str(source)], OPTIONS, address=address, attributions_path=str(scratch / "a.csv"),
                    summary_path=str(scratch / "s.csv"), block=block, progress=progress.append)


@contextlib.contextmanager
def cluster(workers: int):
    import distributed

    started = time.perf_counter()
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as running:
        yield running.scheduler_address, time.perf_counter() - started


def client_ceiling(source: Path, scratch: Path) -> float:
    """Articles per second the client can unpickle and write (the whole input as one partition)."""
    import pickle

    partition = plan_file(str(source), format="jsonl", delimiter=None, size=source.stat().st_size, block=1 << 40)[0]
    data = pickle.dumps(run_partition(partition, OPTIONS), protocol=pickle.HIGHEST_PROTOCOL)
    started = time.perf_counter()
    result = pickle.loads(data)
    with open(scratch / "a.csv", "w", encoding="utf-8", newline="") as a, \
            open(scratch / "s.csv", "w", encoding="utf-8", newline="") as s:
        attributions, summaries = RowWriter(a, file_attribution_fields()), RowWriter(s, file_summary_fields())
        for row in with_file(result.partition, result.results):
            attributions.write(*row.attributions)
            summaries.write(row.summary)
    return len(result.results) / (time.perf_counter() - started)


def best(rounds: int, run) -> tuple[float, object]:
    """The fastest of ``rounds`` runs: on a machine shared with other work, the least disturbed."""
    return min((timed(run) for _ in range(rounds)), key=lambda t: t[0])


def measure(source: Path, scratch: Path, size: int, rounds: int, small_kb: int):
    """[(run, partitions, seconds, rows)], {workers: cluster start}, overhead per partition."""
    table = []
    for jobs in (1, 2):
        seconds, stats = best(rounds, lambda: local(source, scratch, jobs))
        table.append((f"local --jobs {jobs}", "-", seconds, stats.rows))
    starts, overhead = {}, 0.0
    warm = scratch / "warm.jsonl"
    warm.write_text("".join(source.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    for workers in (1, 2):
        with cluster(workers) as (address, start):
            starts[workers] = start
            on_dask(warm, scratch, address, 1 << 20, [])  # the workers import quotes
            progress: list[str] = []
            block = partition_bytes(size, workers)
            seconds, stats = best(rounds, lambda: on_dask(source, scratch, address, block, progress))
            table.append((f"dask, {workers} worker{'s' if workers > 1 else ''}", len(progress) // rounds, seconds,
                          stats.rows))
            if workers == 1:
                small: list[str] = []
                small_seconds, _ = best(rounds, lambda: on_dask(source, scratch, address, small_kb << 10, small))
                table.append((f"dask, 1 worker, {small_kb} KB partitions", len(small) // rounds, small_seconds,
                              stats.rows))
                overhead = (small_seconds - seconds) / max(1, (len(small) - len(progress)) // rounds)
    return table, starts, overhead


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="folders of .txt articles (default: the seed)")
    parser.add_argument("--repeat", type=int, default=1, help="the folders' articles this many times")
    parser.add_argument("--articles", type=int, default=800, help="without FOLDERs: the seed this many times")
    parser.add_argument("--small-kb", type=int, default=64, help="partition size for the overhead run, in KB")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each; the fastest counts")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="quotes-dask-bench-") as folder:
        scratch = Path(folder)
        source = scratch / "input.jsonl"
        rows, size = write_input(source, args.folders, args.repeat, args.articles)
        print(f"input: {rows} articles, {size / 1e6:.1f} MB of JSON Lines; {os.cpu_count()} cores; "
              f"the fastest of {args.rounds} runs each")
        cpu_started = time.process_time()
        local(source, scratch, 1)
        per_cpu_second = rows / (time.process_time() - cpu_started)
        table, starts, overhead = measure(source, scratch, size, args.rounds, args.small_kb)
        print(f"{'run':<34} {'partitions':>10} {'seconds':>8} {'articles/s':>10}")
        for name, partitions, seconds, done in table:
            assert done == rows, (name, done, rows)
            print(f"{name:<34} {partitions!s:>10} {seconds:8.2f} {rows / seconds:10.1f}")
        print(f"local --jobs 1: {per_cpu_second:.0f} articles per CPU second")
        print(f"LocalCluster start: {starts[1]:.2f} s (1 worker), {starts[2]:.2f} s (2 workers)")
        print(f"overhead per partition: {overhead * 1000:.0f} ms")
        print(f"client's ceiling (unpickle and write both CSVs): {client_ceiling(source, scratch):.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
