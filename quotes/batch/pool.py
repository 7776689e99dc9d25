"""Worker processes for ``--jobs N``: chunks in, results out in input order, and a clean stop.

``multiprocessing.Pool`` shares one task queue and one result queue between all workers, each
guarded by a lock across processes. A worker that dies holding one (a SIGTERM sent to the
whole process group, as a service manager does, lands while a worker reads or writes) leaves
``Pool.terminate()`` waiting for ever. Here each worker has a pipe each way and nothing is
shared, so nothing another process waits on can be left locked: a stop kills the workers and
is done. (``multiprocessing.Queue`` is not used either: an interrupt landing just after its
put has taken its lock can leave the lock held, and closing the queue then waits for ever.)

Stopping: the parent turns SIGINT into KeyboardInterrupt (Python's default) and, while a batch
runs, SIGTERM into ``Terminated`` (``sigterm_unwinds``); either unwinds the parent, which kills
its workers, so only whole rows stay written. A worker ignores SIGINT (Ctrl-C reaches the
whole group: the parent decides), dies silently on SIGTERM and on SIGPIPE (its parent gone:
no BrokenPipeError traceback), and leaves by itself once orphaned (its parent killed outright).
"""
from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from multiprocessing import connection
from typing import Any, Callable, Iterable, Iterator

from ..errors import QuotesError

STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt, so no handler for a row's
    errors (``except Exception``) can swallow it."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While the batch runs, SIGTERM raises ``Terminated`` in the main thread, so the workers
    are stopped and the outputs closed as for Ctrl-C."""
    if not _main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    """A worker starts with SIGINT and SIGTERM blocked (it inherits the mask) until
    ``_serve`` has set what it does with them; meanwhile they wait, in the parent too."""
    if not hasattr(signal, "pthread_sigmask") or not _main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _serve(tasks, results, work: Callable, args: tuple, initializer: Callable | None, parent: int) -> None:
    """A worker: take a task, send back ``work(task, *args)``, until ``None`` or the end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # Started while the stop signals are blocked, the watcher keeps them blocked: they belong
    # to the main thread.
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="quotes-orphan-watch", daemon=True).start()
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if initializer is not None:
        initializer()
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            return
        if task is None:
            return
        results.send(work(task, *args))


def _exit_when_orphaned(parent: int, every: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


_DIED = object()  # in a worker's inbox: its result pipe closed, the process is gone


class _Worker:
    """One process, a pipe each way, and two queue.SimpleQueues on the parent's side: an outbox
    a thread sends from (so the parent never blocks on a task) and an inbox ``_collect`` fills
    (so the worker never blocks on a result). The main thread touches only the SimpleQueues,
    whose put and get are single C calls: an interrupt cannot leave a lock of theirs held."""

    def __init__(self, context, work: Callable, args: tuple, initializer: Callable | None):
        child_tasks, self.tasks = context.Pipe(duplex=False)
        self.results, child_results = context.Pipe(duplex=False)
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.process = context.Process(target=_serve, daemon=True, name="quotes-worker",
                                       args=(child_tasks, child_results, work, args, initializer, os.getpid()))
        with _stop_signals_blocked():  # the stop signals belong to the main thread
            self.process.start()
            threading.Thread(target=self._send, name="quotes-tasks", daemon=True).start()
        # The parent keeps no copy of the worker's ends: a dead worker is an end of file or a
        # broken pipe here, not a wait for ever.
        child_tasks.close()
        child_results.close()

    def _send(self) -> None:
        while True:
            task = self.outbox.get()
            try:
                self.tasks.send(task)
            except OSError:  # the worker is gone
                return
            if task is None:
                return

    def receive(self) -> Any:
        result = self.inbox.get()
        if result is _DIED:
            # A stop signal sent to the whole group may kill the worker a moment before the
            # parent's own handler runs: waiting on the process gives it that moment.
            self.process.join(1)
            raise QuotesError(f"a worker process ended unexpectedly (exit code {self.process.exitcode}); "
                              "the rows written so far are whole")
        return result


def _collect(workers: list[_Worker]) -> None:
    """Read every result as soon as it is sent, so no worker waits on a full pipe for the
    parent to want its result (results are wanted in input order). At most the tasks in flight
    are held here."""
    by_pipe = {w.results: w for w in workers}
    while by_pipe:
        for pipe in connection.wait(list(by_pipe)):
            worker = by_pipe[pipe]
            try:
                worker.inbox.put(pipe.recv())
            except (EOFError, OSError):
                worker.inbox.put(_DIED)
                del by_pipe[pipe]


class Workers:
    """``jobs`` worker processes applying ``work(task, *args)``; a context manager that, when
    left by an exception (an interrupt) or before the end, kills them."""

    def __init__(self, jobs: int, work: Callable, args: tuple = (), *, initializer: Callable | None = None):
        context = multiprocessing.get_context()
        self._workers: list[_Worker] = []
        try:
            for _ in range(jobs):
                self._workers.append(_Worker(context, work, args, initializer))
            with _stop_signals_blocked():
                threading.Thread(target=_collect, args=(list(self._workers),), name="quotes-results",
                                 daemon=True).start()
        except BaseException:
            self._stop()
            raise

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self._finish()
        else:
            self._stop()

    def ordered(self, tasks: Iterable[Any], in_flight: int) -> Iterator[Any]:
        """Results in the order of ``tasks``, with at most ``in_flight`` tasks sent ahead."""
        waiting: collections.deque[_Worker] = collections.deque()
        for n, task in enumerate(tasks):
            worker = self._workers[n % len(self._workers)]
            worker.outbox.put(task)
            waiting.append(worker)
            if len(waiting) >= in_flight:
                yield waiting.popleft().receive()
        while waiting:
            yield waiting.popleft().receive()

    def _finish(self) -> None:
        for worker in self._workers:
            worker.outbox.put(None)
        for worker in self._workers:
            worker.process.join()

    def _stop(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join(5)
            worker.outbox.put(None)  # its sender thread, if waiting, finds the pipe broken and ends
