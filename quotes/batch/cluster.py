"""The batch on Dask: ``quotes batch INPUT... --dask ADDRESS``.

Receives input files (paths or globs), the batch's options (``BatchOptions``) and a Dask
scheduler's address, or ``local[:N]`` for a cluster of N worker processes on this machine that
lives as long as the run. Hands on the batch's outputs (either CSV and the SQLite file, through
the local batch's own writer), the rows of every file in file order and each file's rows in
input order, or one pair of CSVs per partition under an output folder; and the run's counts.

This process, the client, checks every input before anything is written (a missing file or
column stops the run as in the local batch), cuts the files into partitions (partition.py),
and submits ``run_partition`` for at most two partitions per worker thread beyond the ones
already handed on. A partition's rows are fetched as soon as it completes, and handed on once
every partition before it has been; until then they wait in a temporary file. A worker that
dies takes its running partitions with it: the scheduler runs them again (``allowed-failures``
times, 3 by default), and since nothing of a partition is written before it completes, no row
is lost or written twice. Under --out-dir the workers write each partition's CSVs themselves, as each
completes, so the folder must be one they can write at the same path.

Dask is optional (``pip install 'quotes[dask]'``): nothing here imports it before a run asks.
"""
from __future__ import annotations

import contextlib
import glob
import logging
import os
import pickle
import signal
import tempfile
import threading
import uuid
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Sequence

import attrs

from ..errors import QuotesError
from .partition import (BatchOptions, Partition, PartitionResult, file_attribution_fields, file_summary_fields,
                        number_partitions, plan_file, run_partition, with_file)
from .pool import sigterm_unwinds
from .read import SNIFF_BYTES, InputBytes, detect_format, open_input, sniff_delimiter
from .write import BatchStats, open_output, result_writer

DASK_EXTRA = "--dask needs the dask extra: pip install 'quotes[dask]'"

# Partition size: the input divided so that each worker thread gets about four partitions (a
# slow partition, or one run again after a worker died, then holds up the end of the run by a
# quarter of a worker's share at most), but never under 1 MB, where Dask's overhead per
# partition would show, nor over 16 MB (about 3,500 news articles, 10 core-seconds or so: what
# a retry repeats, and the rows the client holds in memory at a time).
MIN_PARTITION_BYTES = 1 << 20
MAX_PARTITION_BYTES = 16 << 20
PARTITIONS_PER_THREAD = 4
AHEAD_PER_THREAD = 2  # partitions submitted and not yet handed on, per worker thread
CONNECT_TIMEOUT = "10s"


class DaskUnavailable(QuotesError):
    """--dask was asked for and dask.distributed is not installed."""


def require_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable(DASK_EXTRA) from None
    return distributed


def parse_address(value: str) -> tuple[str | None, int | None]:
    """``--dask``: (a scheduler's address, None) or (None, N worker processes) for
    ``local[:N]``, N by default the cores this process may use."""
    if value == "local" or value.startswith("local:"):
        count = value.partition(":")[2]
        if not count:
            return None, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        if not count.isdigit() or int(count) < 1:
            raise QuotesError(f"--dask local:N needs N worker processes, 1 or more, not {count!r}")
        return None, int(count)
    if ":" not in value:  # Client() would spend its whole timeout on a name that is no address
        raise QuotesError(f"--dask takes a scheduler address (tcp://host:8786) or local[:N], not {value!r}")
    return value, None


@contextlib.contextmanager
def connect(value: str) -> Iterator[Any]:
    """A dask.distributed Client: to the scheduler at ``value``, or to a LocalCluster of worker
    processes (one thread each: the analysis holds the GIL) on 127.0.0.1 that is closed when
    the block is left, also by an interrupt."""
    distributed = require_distributed()
    address, workers = parse_address(value)
    # Dask's own log lines (a restarted worker, a connection closing as the cluster closes,
    # with its traceback) are the cluster's business, not lines on the command's stderr;
    # errors still show.
    with distributed.utils.silence_logging_cmgr(logging.ERROR):
        yield from _connect(distributed, address, workers)


def _connect(distributed: Any, address: str | None, workers: int | None) -> Iterator[Any]:
    if address is not None:
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise QuotesError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        with client:
            yield client
        return
    # The workers' logs likewise (silence_logs).
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        client.register_plugin(_ctrl_c_ignored(distributed))
        yield client


def _ctrl_c_ignored(distributed: Any) -> Any:
    """A worker plugin: the worker ignores SIGINT, as ``--jobs`` workers do. Ctrl-C reaches
    the whole process group, and this process decides (it closes the cluster); a worker would
    print a traceback. The scheduler gives it to every worker, also one started again after a
    worker died."""

    class CtrlCIgnored(distributed.WorkerPlugin):
        name = "quotes-ctrl-c-ignored"

        def setup(self, worker: Any) -> None:
            if threading.current_thread() is threading.main_thread():  # a worker's loop runs there
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return CtrlCIgnored()


@attrs.frozen
class InputFile:
    path: str
    format: str
    delimiter: str | None
    size: int


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Paths as given, and each glob's matches in sorted order; a file once."""
    files: list[str] = []
    for given in inputs:
        if given == "-":
            raise QuotesError("--dask reads files that the workers open, not stdin (-)")
        matches = sorted(glob.glob(given)) if glob.has_magic(given) else [given]
        if not matches:
            raise QuotesError(f"{given}: no file matches")
        files.extend(matches)
    seen: dict[str, str] = {}
    for path in files:
        same = seen.setdefault(os.path.realpath(path), path)
        if same is not path:
            raise QuotesError(f"{path}: given twice (also as {same}); its rows would be written twice")
    return files


def inspect_input(path: str, options: BatchOptions, say: Callable[[str], None] | None) -> InputFile:
    """A file's format and delimiter, found as the local batch finds them (and said the same
    way), and its header or first row read: a missing column stops the run here, before any
    output exists."""
    with open_input(path) as stream:
        counted = InputBytes(stream)
        head = counted.head(SNIFF_BYTES)
        format = options.format or detect_format(path, head[:64])
        rows = options.read(counted, source=path, format=format, say=say)
        next(rows, None)
        delimiter = None
        if format == "csv":
            delimiter = options.delimiter or sniff_delimiter(head, options.text_column)
        return InputFile(path, format, delimiter, os.fstat(stream.fileno()).st_size)


def partition_bytes(total: int, threads: int) -> int:
    return max(MIN_PARTITION_BYTES, min(MAX_PARTITION_BYTES, total // (PARTITIONS_PER_THREAD * max(threads, 1))))


def plan(files: Sequence[InputFile], block: int) -> list[Partition]:
    partitions: list[Partition] = []
    for file in files:
        partitions.extend(plan_file(file.path, format=file.format, delimiter=file.delimiter, size=file.size,
                                    block=block))
    return number_partitions(partitions)


def _threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def _failure(partition: Partition, error: BaseException) -> QuotesError:
    """One line for a partition that failed on the cluster."""
    if isinstance(error, QuotesError):
        return error
    where = f"partition {partition.number}/{partition.total} ({partition.path}, from byte {partition.start})"
    if type(error).__name__ == "KilledWorker":
        return QuotesError(f"{where} ended every worker that ran it (out of memory?); "
                           "the rows written so far are whole")
    return QuotesError(f"{where} failed on a Dask worker: {type(error).__name__}: {error}")


def stream_results(client: Any, partitions: Sequence[Partition], task: Callable, args: tuple, *, ordered: bool,
                   on_done: Callable[[PartitionResult], None]) -> Iterator[PartitionResult]:
    """Each partition's ``task(partition, *args)``: in plan order when ``ordered`` (else as
    they complete), with ``on_done`` told about each as it completes. At most
    ``AHEAD_PER_THREAD`` partitions per worker thread are submitted and not yet handed on.

    A result is fetched as soon as it is done, so the worker is free of it and a worker that
    dies later costs nothing done. One that completes before its turn waits in a temporary
    file (pickled), not in memory: the rows of only one partition are in memory at a time."""
    distributed = require_distributed()
    pending = list(reversed(partitions))
    held: dict[int, Any] = {}  # partition number -> its future, until it completes
    waiting: dict[int, IO[bytes]] = {}  # partition number -> its result, completed before its turn
    of_key: dict[str, Partition] = {}
    completions = distributed.as_completed(loop=client.loop)
    run = uuid.uuid4().hex[:8]

    def submit_more() -> None:
        limit = AHEAD_PER_THREAD * _threads(client)
        while pending and len(held) + len(waiting) < limit:
            partition = pending.pop()
            future = client.submit(task, partition, *args, key=f"quotes-{run}-{partition.number}", pure=False)
            held[partition.number] = future
            of_key[future.key] = partition
            completions.add(future)

    submit_more()
    next_number = partitions[0].number if partitions else 0
    try:
        for future in completions:
            try:
                done = future.result()
            except Exception as error:  # noqa: BLE001 - whatever a worker raised is one line here
                raise _failure(of_key[future.key], error) from None
            del held[done.partition.number], future  # the scheduler forgets it, the worker frees it
            on_done(done)
            if ordered and done.partition.number != next_number:
                waiting[done.partition.number] = _set_aside(done)
            else:
                yield done
                next_number += 1
                while next_number in waiting:
                    yield _take_back(waiting.pop(next_number))
                    next_number += 1
            submit_more()
    finally:
        for handle in waiting.values():
            handle.close()


def _set_aside(result: PartitionResult) -> IO[bytes]:
    handle = tempfile.TemporaryFile()  # no name: gone when closed, also by an interrupt
    pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return handle


def _take_back(handle: IO[bytes]) -> PartitionResult:
    with handle:
        handle.seek(0)
        return pickle.load(handle)


def _total(stats: Sequence[BatchStats]) -> BatchStats:
    return BatchStats(rows=sum(s.rows for s in stats), errors=sum(s.errors for s in stats),
                      attributions=sum(s.attributions for s in stats), chars=sum(s.chars for s in stats))


def _check_outputs(inputs: Sequence[str], options: BatchOptions, attributions_path: str | None,
                   summary_path: str | None, out_dir: str | None, db_path: str | None) -> None:
    """As the local batch checks its outputs (any of the two CSVs and --db), and what only Dask
    has: --out-dir, and the ``file`` column no kept column may take."""
    if any(column.casefold() == "file" for column in options.keep):
        raise QuotesError("--keep 'file': with --dask, quotes writes a column of that name; rename it in the input")
    if out_dir is not None:
        if attributions_path is not None or summary_path is not None or db_path is not None:
            raise QuotesError("--out-dir replaces --attributions, --summary and --db: give one or the other")
        return
    from . import check_outputs

    check_outputs(inputs, attributions_path, summary_path, db_path, options.keep, files=True)


def _check_stems(files: Sequence[InputFile]) -> None:
    """Under --out-dir a partition's files are named after its input's stem: two inputs with
    one stem would write the same files."""
    seen: dict[str, str] = {}
    for file in files:
        other = seen.setdefault(Path(file.path).stem, file.path)
        if other != file.path:
            raise QuotesError(f"{other} and {file.path} would write the same files under --out-dir "
                              f"({Path(file.path).stem}.N.summary.csv); rename one")


def progress_line(result: PartitionResult) -> str:
    """'partition 3/12 done (news.csv, rows 2001-3000)'"""
    partition = result.partition
    return f"partition {partition.number}/{partition.total} done ({partition.describe(result.stats.rows)})"


def run_dask(
    inputs: Sequence[str],
    options: BatchOptions,
    *,
    address: str,
    attributions_path: str | None = None,
    summary_path: str | None = None,
    out_dir: str | None = None,
    db_path: str | None = None,
    raw_csv: bool = False,
    warn: Callable[[str], None] | None = None,
    say: Callable[[str], None] | None = None,
    progress: Callable[[str], None] | None = None,
    block: int | None = None,
    task: Callable[..., PartitionResult] = run_partition,
) -> BatchStats:
    """The whole command on Dask. ``say`` hears what the run found out (a sniffed delimiter),
    ``warn`` the rows read with a fallback, ``progress`` a line per completed partition;
    ``block`` fixes the partition size in bytes (default: ``partition_bytes``); ``task`` is
    what a worker runs on a partition (``run_partition``)."""
    require_distributed()
    paths = expand_inputs(inputs)
    _check_outputs(paths, options, attributions_path, summary_path, out_dir, db_path)
    files = [inspect_input(path, options, say) for path in paths]
    if out_dir is not None:
        _check_stems(files)
        try:
            os.makedirs(out_dir, exist_ok=True)
        except OSError as error:
            raise QuotesError(f"{out_dir}: cannot make the folder: {error.strerror or error}") from None

    def on_done(result: PartitionResult) -> None:
        for message in result.warnings:
            (warn or _quiet)(message)
        (progress or _quiet)(progress_line(result))

    with sigterm_unwinds(), connect(address) as client:
        partitions = plan(files, block or partition_bytes(sum(f.size for f in files), _threads(client)))
        if out_dir is not None:
            args = (options, os.path.abspath(out_dir), raw_csv)
            stats = _total([r.stats for r in stream_results(client, partitions, task, args, ordered=False,
                                                            on_done=on_done)])
            _remove_partial_files(out_dir, partitions)
            return stats
        results = stream_results(client, partitions, task, (options,), ordered=True, on_done=on_done)
        return _write_in_order(results, attributions_path, summary_path, db_path, keep=options.keep,
                               raw_csv=raw_csv, say=say)


def _remove_partial_files(out_dir: str, partitions: Sequence[Partition]) -> None:
    """What a worker that died while writing left (``write_partition``): every partition has
    since been written whole by another attempt."""
    for partition in partitions:
        for name in partition.names():
            for path in glob.glob(os.path.join(glob.escape(out_dir), f".{glob.escape(name)}.*.partial")):
                with contextlib.suppress(OSError):
                    os.remove(path)


def _write_in_order(results: Iterator[PartitionResult], attributions_path: str | None, summary_path: str | None,
                    db_path: str | None = None, *, keep: Sequence[str] = (), raw_csv: bool,
                    say: Callable[[str], None] | None = None) -> BatchStats:
    """Every completed partition's rows, in order, into the CSVs given and the SQLite file."""
    stats = []
    with contextlib.closing(results), contextlib.ExitStack() as outputs:
        attributions_out, summary_out = (outputs.enter_context(open_output(p)) if p else None
                                         for p in (attributions_path, summary_path))
        store = None
        if db_path:
            from ..store import open_store

            store = outputs.enter_context(open_store(db_path, keep=keep, say=say, files=True))
        write = result_writer(attributions_out, summary_out, store=store, raw_csv=raw_csv,
                              columns=(file_attribution_fields(keep), file_summary_fields(keep)))
        for result in results:
            for row in with_file(result.partition, result.results):
                write(row)
            stats.append(result.stats)
    return _total(stats)


def _quiet(message: str) -> None:
    return None
