"""quotes batch --dask on a real dask.distributed cluster (worker processes on 127.0.0.1): the
rows of several files are exactly the local batch's, in file order and input order; a worker
that dies mid-run loses no row and doubles none; errors are one line; Ctrl-C ends it quietly.

The articles are invented for these tests (tests/test_dask_partition.py makes them).
"""
from __future__ import annotations

import csv
import functools
import glob
import logging
import os
import signal
import subprocess
import sys
import time

import pytest

distributed = pytest.importorskip("distributed")

from quotes import batch  # noqa: E402
from quotes.batch import BatchOptions  # noqa: E402
from quotes.batch.cluster import _failure, run_dask  # noqa: E402
from quotes.batch.partition import Partition, run_partition  # noqa: E402
from quotes.cli import main  # noqa: E402
from quotes.errors import QuotesError  # noqa: E402

from .conftest import ROOT  # noqa: E402
from .test_dask_partition import FIXTURES, jsonl_with_bad_lines, multiline_csv  # noqa: E402

OPTIONS = BatchOptions(text_column="body", id_column="id")


@pytest.fixture(scope="module")
def scheduler():
    """Two worker processes, one thread each, on loopback only; closed after the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Three files in a folder (names sort as given): two cut into several partitions at the
    block size the tests use, with multi-line CSV fields and bad rows across the cuts."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "a-mixed.csv").write_bytes((FIXTURES / "mixed.csv").read_bytes())
    (folder / "b-stories.csv").write_bytes(multiline_csv(60))
    (folder / "c-lines.jsonl").write_bytes(jsonl_with_bad_lines(60))
    return folder


BLOCK = 1500  # bytes: a few partitions per file


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def local_rows(inputs, tmp_path_factory):
    """Each file's two CSVs from the local batch: {path: (attribution rows, summary rows)}."""
    out = tmp_path_factory.mktemp("local")
    rows = {}
    for path in sorted(glob.glob(str(inputs / "*"))):
        a, s = out / (os.path.basename(path) + ".a.csv"), out / (os.path.basename(path) + ".s.csv")
        batch.batch_file(path, text_column="body", id_column="id", attributions_path=str(a),
                         summary_path=str(s), progress=False)
        rows[path] = (read_csv(a), read_csv(s))
    return rows


def by_file(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    """Rows of a --dask CSV grouped by their first column, ``file``, which is dropped; the
    header goes first in each group, as in a local batch's CSV."""
    header, *body = rows
    assert header[0] == "file"
    groups: dict[str, list[list[str]]] = {}
    for row in body:
        groups.setdefault(row[0], [header[1:]]).append(row[1:])
    return groups


def test_several_files_give_the_local_batchs_rows_in_order(scheduler, inputs, local_rows, tmp_path):
    progress: list[str] = []
    stats = run_dask([str(inputs / "*")], OPTIONS, address=scheduler, attributions_path=str(tmp_path / "a.csv"),
                     summary_path=str(tmp_path / "s.csv"), block=BLOCK, progress=progress.append)
    summary, attributions = read_csv(tmp_path / "s.csv"), read_csv(tmp_path / "a.csv")
    # files in sorted order, one after the other
    assert list(dict.fromkeys(row[0] for row in summary[1:])) == list(local_rows)
    assert by_file(summary) == {path: s for path, (_, s) in local_rows.items()}
    assert by_file(attributions) == {path: a for path, (a, _) in local_rows.items() if len(a) > 1}
    assert stats.rows == len(summary) - 1 and stats.attributions == len(attributions) - 1
    # a line per partition, each once; the two larger files were cut
    numbers = sorted(int(line.split()[1].split("/")[0]) for line in progress)
    assert numbers == list(range(1, len(progress) + 1)) and len(progress) >= 6
    assert all(line.startswith("partition ") and " done (" in line for line in progress)


def test_keep_and_db_on_dask_are_the_local_batchs(scheduler, inputs, tmp_path):
    """--keep and --db with --dask: each file's rows equal a local batch's with the same options,
    and the SQLite file holds every row, with the file it came from."""
    import sqlite3

    keep = ("headline",)  # both CSV files have it
    run_dask([str(inputs / "*.csv")], BatchOptions(text_column="body", id_column="id", keep=keep), address=scheduler,
             attributions_path=str(tmp_path / "a.csv"), summary_path=str(tmp_path / "s.csv"),
             db_path=str(tmp_path / "d.sqlite"), block=BLOCK)
    summary, attributions = read_csv(tmp_path / "s.csv"), read_csv(tmp_path / "a.csv")
    assert summary[0][:4] == ["file", "row", "article", "headline"]
    assert attributions[0][:3] == ["file", "article", "headline"]
    local, local_speakers = {}, []
    for path in sorted(glob.glob(str(inputs / "*.csv"))):
        a, s = tmp_path / "la.csv", tmp_path / "ls.csv"
        batch.batch_file(path, text_column="body", id_column="id", keep=keep, attributions_path=str(a),
                         summary_path=str(s), progress=False)
        local[path] = (read_csv(a), read_csv(s))
        db_path = tmp_path / f"l{len(local)}.sqlite"
        batch.batch_file(path, text_column="body", id_column="id", keep=keep, db_path=str(db_path), progress=False)
        with sqlite3.connect(db_path) as db:
            local_speakers += db.execute("SELECT name, type FROM speakers").fetchall()
    assert by_file(summary) == {path: s for path, (_, s) in local.items()}
    assert by_file(attributions) == {path: a for path, (a, _) in local.items() if len(a) > 1}
    with sqlite3.connect(tmp_path / "d.sqlite") as db:
        rows = db.execute('SELECT file, "row", article, headline FROM articles ORDER BY article_id').fetchall()
        assert [(f, str(r), a, h or "") for f, r, a, h in rows] == [tuple(row[:4]) for row in summary[1:]]
        assert db.execute("SELECT count(*) FROM attributions").fetchone()[0] == len(attributions) - 1
        # every article's speakers, as the local batches of the files store them
        assert db.execute("SELECT name, type FROM speakers ORDER BY name, type").fetchall() == sorted(local_speakers)
    assert local_speakers  # the articles quote somebody


@pytest.mark.parametrize("keep, outputs, message", [
    ("file", ["--attributions", "{tmp}/a.csv", "--summary", "{tmp}/s.csv"], "--keep 'file'"),
    ("headline", ["--out-dir", "{tmp}/out", "--db", "{tmp}/d.sqlite"], "--out-dir replaces"),
    ("nowhere", ["--db", "{tmp}/d.sqlite"], "no column 'nowhere'"),
])
def test_keep_and_db_misused_on_dask_stop_with_one_line(scheduler, inputs, tmp_path, capsys, keep, outputs, message):
    code = main(["batch", str(inputs / "a-mixed.csv"), "--text-column", "body", "--dask", scheduler, "--keep", keep,
                 *(o.format(tmp=tmp_path) for o in outputs)])
    lines = capsys.readouterr().err.splitlines()
    assert code == 2 and message in lines[-1], lines
    assert not (tmp_path / "d.sqlite").exists() and not (tmp_path / "s.csv").exists()


def _slow(partition, *args, number: int):
    """run_partition, a second late for partition ``number``."""
    if partition.number == number:
        time.sleep(1)
    return run_partition(partition, *args)


def test_partitions_done_before_their_turn_wait_and_are_written_in_order(scheduler, inputs, local_rows, tmp_path):
    progress: list[str] = []
    run_dask([str(inputs / "b-stories.csv")], OPTIONS, address=scheduler, attributions_path=str(tmp_path / "a.csv"),
             summary_path=str(tmp_path / "s.csv"), block=BLOCK, progress=progress.append,
             task=functools.partial(_slow, number=1))
    assert not progress[0].startswith("partition 1/")  # others completed while the first was late
    stories = str(inputs / "b-stories.csv")
    assert by_file(read_csv(tmp_path / "s.csv")) == {stories: local_rows[stories][1]}
    assert by_file(read_csv(tmp_path / "a.csv")) == {stories: local_rows[stories][0]}


def test_out_dir_holds_one_pair_per_partition(scheduler, inputs, local_rows, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a-mixed.1.summary.csv.0f3a.partial").write_text("file,row\n")  # a dead worker's half file
    run_dask([str(inputs / "b-stories.csv"), str(inputs / "a-mixed.csv")], OPTIONS, address=scheduler,
             out_dir=str(out), block=BLOCK)
    names = sorted(os.listdir(out))
    assert names[:2] == ["a-mixed.1.attributions.csv", "a-mixed.1.summary.csv"]
    assert all(n.startswith(("a-mixed.", "b-stories.")) and not n.startswith(".") for n in names)  # no partial files
    stories = sorted(n for n in names if n.startswith("b-stories.") and n.endswith(".summary.csv"))
    assert len(stories) > 2
    rows = [row for name in stories for row in read_csv(out / name)[1:]]  # the parts in order are the file
    assert [r[1:] for r in rows] == local_rows[str(inputs / "b-stories.csv")][1][1:]
    (out / "made-by-open").write_text("")  # the files have the permissions a file made by open() has
    assert {os.stat(out / n).st_mode for n in names} == {os.stat(out / "made-by-open").st_mode}


def test_the_command_on_a_running_scheduler(scheduler, inputs, local_rows, tmp_path, capsys):
    code = main(["batch", str(inputs / "*.csv"), "--text-column", "body", "--id-column", "id", "--dask", scheduler,
                 "--attributions", str(tmp_path / "a.csv"), "--summary", str(tmp_path / "s.csv")])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    mixed = inputs / "a-mixed.csv"
    assert err[0] == f"quotes: {mixed}: CSV with columns separated by commas (sniffed; --delimiter to choose)"
    assert f"quotes: partition 1/2 done ({mixed}, rows 1-9)" in err
    assert f"quotes: {mixed} row 5: not valid UTF-8 at byte 0; read as cp1252 (use --encoding to choose)" in err
    summary = read_csv(tmp_path / "s.csv")
    assert err[-1] == f"quotes: {len(summary) - 1} rows, {len(read_csv(tmp_path / 'a.csv')) - 1} attributions, " \
                      f"{sum(1 for r in summary[1:] if r[-1])} rows with errors"


@pytest.mark.parametrize("args, message", [
    (["{inputs}/a-mixed.csv", "--text-column", "headline2"], "no column 'headline2'"),
    (["{inputs}/a-mixed.csv", "{inputs}/nothing-*.csv", "--text-column", "body"], "nothing-*.csv: no file matches"),
    (["{inputs}/a-mixed.csv", "{inputs}/missing.csv", "--text-column", "body"], "missing.csv: no such file"),
    (["{inputs}/a-mixed.csv", "--text-column", "body", "--jobs", "2"], "--jobs is for the local batch"),
    (["-", "--text-column", "body"], "not stdin"),
])
def test_a_bad_input_stops_before_any_output(scheduler, inputs, tmp_path, capsys, args, message):
    words = [a.format(inputs=inputs) for a in args]
    code = main(["batch", *words, "--dask", scheduler, "--attributions", str(tmp_path / "a.csv"),
                 "--summary", str(tmp_path / "s.csv")])
    err = capsys.readouterr().err
    lines = err.splitlines()  # (an earlier file's sniffed delimiter may be said first)
    assert code == 2 and message in lines[-1] and all(line.startswith("quotes: ") for line in lines), err
    assert not (tmp_path / "s.csv").exists()


def _die_once(partition, *args, number: int, flag: str):
    """run_partition, but the worker process dies the first time it starts partition ``number``
    (the flag file says it already did, so the retry runs)."""
    if partition.number == number:
        try:
            os.close(os.open(flag, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            pass
        else:
            os._exit(1)
    return run_partition(partition, *args)


def test_a_worker_that_dies_loses_no_row(scheduler, inputs, local_rows, tmp_path):
    flag = tmp_path / "died"
    progress: list[str] = []
    with distributed.Client(scheduler, set_as_default=False) as client:
        before = set(client.run(os.getpid).values())
    run_dask([str(inputs / "*")], OPTIONS, address=scheduler, attributions_path=str(tmp_path / "a.csv"),
             summary_path=str(tmp_path / "s.csv"), block=BLOCK, progress=progress.append,
             task=functools.partial(_die_once, number=3, flag=str(flag)))
    assert flag.exists()
    with distributed.Client(scheduler, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=30)
        assert set(client.run(os.getpid).values()) != before  # the worker did die, and was started again
    assert by_file(read_csv(tmp_path / "s.csv")) == {path: s for path, (_, s) in local_rows.items()}
    assert by_file(read_csv(tmp_path / "a.csv")) == {path: a for path, (a, _) in local_rows.items() if len(a) > 1}
    assert len(progress) == len(set(progress))


def _children(pid: int) -> list[int]:
    """Every process ``pid`` started, from any of its threads (Linux /proc)."""
    found = []
    for path in glob.glob(f"/proc/{pid}/task/*/children"):
        try:
            with open(path) as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals, /proc")
@pytest.mark.parametrize("whom", ["process", "group"])
def test_ctrl_c_closes_the_local_cluster_and_ends_quietly(tmp_path, whom):
    source, summary, err = tmp_path / "in.csv", tmp_path / "s.csv", tmp_path / "err.txt"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "body"])
        writer.writerows([f"r{n}", f'"We have {n} boats," the harbour master said.\n\nThe port was calm.']
                         for n in range(40_000))
    with err.open("wb") as err_out:
        process = subprocess.Popen(
            [sys.executable, "-m", "quotes", "batch", str(source), "--text-column", "body", "--dask", "local:2",
             "--attributions", str(tmp_path / "a.csv"), "--summary", str(summary)],
            stderr=err_out, cwd=ROOT, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (len(workers) < 2 or not summary.exists()):
            time.sleep(0.2)
            workers = [c for c in _children(process.pid) if "spawn_main" in _cmdline(c)]
        time.sleep(1)  # the workers are at work
        if whom == "group":
            os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C on a terminal
        else:
            process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 130
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_running(w) for w in workers):
            time.sleep(0.1)
        assert len(workers) == 2 and not any(_running(w) for w in workers), "workers outlived the run"
    finally:
        for pid in [process.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
    said = err.read_text(encoding="utf-8")
    assert "Traceback" not in said and said.splitlines()[-1] == "quotes: interrupted", said
    assert read_csv(summary)[0][0] == "file"  # the header, and whole rows only
    assert all(len(row) == len(batch.SUMMARY_FIELDS) + 1 for row in read_csv(summary))


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.parametrize("error, said", [
    (distributed.KilledWorker("quotes-x-2", None, 3),
     "partition 2/5 (in/news.csv, from byte 4096) ended every worker that ran it (out of memory?); "
     "the rows written so far are whole"),
    (ModuleNotFoundError("No module named 'quotes'"),
     "partition 2/5 (in/news.csv, from byte 4096) failed on a Dask worker: "
     "ModuleNotFoundError: No module named 'quotes'"),
    (QuotesError("in/news.csv: no such file"), "in/news.csv: no such file"),  # the worker's own words
])
def test_a_failed_partition_is_one_line(error, said):
    partition = Partition(path="in/news.csv", location="/x/in/news.csv", format="csv", delimiter=",", number=2,
                          total=5, part=2, parts=5, start=4096)
    assert str(_failure(partition, error)) == said
