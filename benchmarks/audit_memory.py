"""Time and peak memory of `quotes audit` on a generated batch of attribution rows.

    python benchmarks/audit_memory.py                 # 100,000 attribution rows
    python benchmarks/audit_memory.py --rows 1000000 --keep   # keep the CSVs (printed)

It writes an attributions CSV with every column ``quotes batch`` writes (the quoted words too,
60 to 400 characters) and ``outlet`` and ``date`` kept after ``article``, and the summary CSV of
the same articles (one in 50 with an error, one in 10 with no attributions), then runs
``python -m quotes audit A.csv --summary S.csv --by outlet --period month --date-column date``
as a child process, once per format, and prints its own stderr line (how long it took) and the
child's peak resident memory (getrusage). The bound kept: under 200 MB at 100,000 rows.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time

from quotes.batch import ATTRIBUTION_FIELDS, SUMMARY_FIELDS

OUTLETS = ("Harbour Post", "Valley Courier", "Metro Wire", "The Ledger", "")
WORDS = "the council said it would review the budget again next spring after the vote".split()


def write(folder: str, rows: int, seed: int = 7) -> tuple[str, str, int]:
    """The two CSVs; returns their paths and the number of articles."""
    rng = random.Random(seed)
    people = [f"{first} {last}" for first in ("Ann", "Ben", "Cara", "Dev", "Eli", "Fay") for last in
              ("Lee", "Okafor", "Reyes", "Nair", "Hale", "Stone", "Cole", "Berg")]
    groups = ["officials", "police", "a spokeswoman", "residents", "the ministry"]
    a_path, s_path = os.path.join(folder, "attributions.csv"), os.path.join(folder, "summary.csv")
    a_fields = ("article", "outlet", "date") + ATTRIBUTION_FIELDS[1:]
    s_fields = ("row", "article", "outlet", "date") + SUMMARY_FIELDS[2:]
    written = article = 0
    with open(a_path, "w", newline="", encoding="utf-8") as a_out, open(s_path, "w", newline="", encoding="utf-8") as s_out:
        attributions = csv.DictWriter(a_out, a_fields, extrasaction="ignore")
        summary = csv.DictWriter(s_out, s_fields, restval=0)
        attributions.writeheader()
        summary.writeheader()
        while written < rows:
            article += 1
            outlet = rng.choice(OUTLETS)
            date = rng.choice((f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00Z", "", "soon"))
            error = "empty text" if article % 50 == 0 else ""
            count = 0 if error or article % 10 == 0 else min(rng.randint(1, 25), rows - written)
            summary.writerow({"row": article, "article": f"a{article}", "outlet": outlet, "date": date,
                              "attributions": count, "error": error})
            for index in range(count):
                person = rng.random() < 0.7
                speaker = rng.choice(people) if person else rng.choice(groups)
                if rng.random() < 0.05:
                    speaker = ""
                attributions.writerow({
                    "article": f"a{article}", "outlet": outlet, "date": date, "index": index,
                    "kind": rng.choice(("direct", "partial", "indirect")),
                    "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 60))),
                    "speaker": speaker, "speaker_type": ("person" if person else "group") if speaker else "unknown",
                    "named": person and bool(speaker), "gender": rng.choice(("female", "male", "")) if person else "",
                    "confidence": 0.9, "row": article,
                })
                written += 1
    return a_path, s_path, article


def run(a_path: str, s_path: str, fmt: str) -> tuple[str, float, float]:
    """(the command's stderr line, wall seconds, the child's peak resident memory in MB)."""
    code = ("import resource, sys; from quotes.cli import main; status = main(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(status)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "audit", a_path, "--summary", s_path, "--by", "outlet",
                           "--period", "month", "--date-column", "date", "--format", fmt, "-o", os.devnull],
                          capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    peak_kb = int(lines[-1])
    return next(line for line in lines if "audited" in line), seconds, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="attribution rows to generate (default 100,000)")
    parser.add_argument("--keep", action="store_true", help="keep the generated CSVs and print where they are")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="quotes-audit-")
    a_path, s_path, articles = write(folder, args.rows)
    size = os.path.getsize(a_path) / 1e6
    print(f"{args.rows} attribution rows in {articles} articles ({size:.1f} MB attributions CSV)")
    for fmt in ("table", "csv", "json", "html"):
        line, seconds, peak = run(a_path, s_path, fmt)
        print(f"{fmt:5}  {line}  (wall {seconds:.1f} s with start-up; peak memory {peak:.0f} MB)")
    if args.keep:
        print(f"kept: {a_path} {s_path}")
    else:
        for path in (a_path, s_path):
            os.remove(path)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
