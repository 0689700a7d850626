"""Per-article work spread over the machine's cores: a process pool past a handful of items.

    >>> with Workers.for_items(len(paths)) as workers:          # doctest: +SKIP
    ...     batch = workers.submit(read_one, paths)
    ...     prepare_the_page()                                  # runs while the workers work
    ...     outcomes = batch.results(progress)                  # in the order of `paths`

`fn` must be a module-level function (it is pickled by name) and return plain, picklable records;
an exception it raises comes back as a `Failure` in its item's place, so that one bad item costs
only its own result. Every result is the one a serial run gives: the same function on the same
item, only in another process. Below `SERIAL_BELOW` items nothing is started and the items run
here, one after the other, when `results` is asked for, unless this process has its own work to
do meanwhile and a second core is idle (`wanted_workers`'s `overlap`: a small day is analysed by
one worker while this process imports WeasyPrint; on a busy machine that cost more than it
saved, so only when a core is idle now; see docs/benchmarks.md, "Build speed").

How the processes start: with ``fork`` where that is safe (Linux, and this process runs no other
Python thread, as in ``briefing build``: the workers then share the modules this process has
already imported and start in milliseconds); otherwise with ``forkserver`` (one clean server
process, started once per process, forks the workers; ``briefing serve`` builds in a watcher
thread while another thread serves pages, and forking a threaded process can deadlock the child);
``spawn`` where neither exists.

How many: one a core the machine has idle (the processes other work has running now, read at
the start), so that a machine other work keeps busy builds in one process rather than adding
workers' start-up to the same cores; ``BRIEFING_WORKERS`` sets the number instead (``1``: none).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

SERIAL_BELOW = 6
"""Fewer items than this run in this process: starting workers costs more than a handful of
articles take."""
WORKERS_VARIABLE = "BRIEFING_WORKERS"
"""Environment variable: how many worker processes to use at most (1: none, all in this process)."""

WORKER_MODULES = ("briefing.batch", "briefing.brief.stories", "briefing.ingest.web")
"""What worker processes run, imported once by a ``forkserver`` before it forks any worker (the
first pool of a process starts the server: name every module any pool will need)."""

Progress = Callable[[int, int, Any], None]
"""Told (done, total, the item's result) as items finish."""


@dataclass
class Failure:
    """What an item's function raised, as plain text (any exception pickles this way)."""

    kind: str
    """The exception's class name ("ValueError")."""
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def cores() -> int:
    """The processor cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def idle_cores() -> int:
    """The cores no other work is using now: the machine's, less the processes other than this
    one that the kernel has running or ready to run (`busy_elsewhere`); where that cannot be
    read, less the load average (what was running or waiting over the last minute, this
    process's own core counted as idle)."""
    others = busy_elsewhere()
    if others is not None:
        return max(1, min(cores(), math.floor(cores() - others + 0.5)))
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average to read: take the cores as idle
        return cores()
    return max(1, min(cores(), math.floor(cores() - load + 1)))


BUSY_READINGS = 10
"""Readings of the running processes `busy_elsewhere` averages, `BUSY_GAP` seconds apart."""
BUSY_GAP = 0.002


def busy_elsewhere() -> float | None:
    """How many cores other work keeps busy now: the kernel's count of processes running or
    ready to run (``procs_running`` in /proc/stat), this one less, averaged over a few readings
    (20 ms). None where /proc/stat cannot be read.

    Not the load average: that is a one-minute average, and counts this build's own work of the
    last minute (an earlier build, its own workers) as other work."""
    import time

    counts = []
    for k in range(BUSY_READINGS):
        if k:
            time.sleep(BUSY_GAP)
        try:
            with open("/proc/stat", "rb") as stat:
                line = next((row for row in stat if row.startswith(b"procs_running ")), None)
        except OSError:
            return None
        if line is None:
            return None
        counts.append(max(0, int(line.split()[1]) - 1))
    return sum(counts) / len(counts)


def wanted_workers(items: int, overlap: bool = False) -> int:
    """How many worker processes `items` items are worth: none (0) below `SERIAL_BELOW`, else
    one an idle core (`idle_cores`; on a machine other work keeps busy, workers only add their
    start-up to the same cores), or as many as `BRIEFING_WORKERS` says. With `overlap` (this
    process has work of its own to do meanwhile, which the items do not wait for), a handful of
    items go to one worker when a second core is idle: they are done while this process works."""
    if multiprocessing.current_process().daemon or not items:
        return 0  # a worker of someone else's pool may not start processes of its own
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    try:
        limit = max(1, int(setting)) if setting else idle_cores()
    except ValueError:
        limit = idle_cores()
    if limit == 1:
        return 0
    if items < SERIAL_BELOW:
        return 1 if overlap else 0
    return min(limit, items)


def start_method() -> str:
    """``fork`` where it is safe, else ``forkserver``, else ``spawn`` (see the module docstring)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _quiet_worker() -> None:
    """Ctrl-C is the main process's to handle: a worker finishes its item and is shut down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(fn: Callable[[Any], Any], item: Any) -> Any:
    """`fn(item)`, or the `Failure` it raised; never an exception that would not pickle."""
    try:
        result = fn(item)
    except Exception as exc:  # one item's bug must not sink the others
        return Failure(type(exc).__name__, str(exc))
    try:
        pickle.dumps(result)
    except Exception as exc:
        return Failure(type(exc).__name__, f"result cannot be sent back: {exc}")
    return result


class Batch:
    """Items submitted to `Workers`; `results` waits for them (or runs them, serially)."""

    def __init__(self, workers: "Workers", fn: Callable[[Any], Any], items: Sequence[Any]):
        self._workers = workers
        self._fn = fn
        self._items = list(items)
        self._futures: dict[Future, int] = {}
        if workers.parallel:
            executor = workers.executor()
            self._futures = {executor.submit(_call, fn, item): k for k, item in enumerate(self._items)}

    def results(self, progress: Progress | None = None) -> list[Any]:
        """Each item's result (or `Failure`), in the items' order."""
        total = len(self._items)
        out: list[Any] = [None] * total
        pending = set(self._futures)
        done_count = 0
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                k = self._futures[future]
                try:
                    out[k] = future.result()
                except BrokenProcessPool:  # a worker died (killed, out of memory): redo it here
                    out[k] = _call(self._fn, self._items[k])
                    self._workers.redone += 1
                done_count += 1
                if progress:
                    progress(done_count, total, out[k])
        if not self._futures:
            for k, item in enumerate(self._items):
                out[k] = _call(self._fn, item)
                if progress:
                    progress(k + 1, total, out[k])
        return out


class Workers:
    """A pool of `count` worker processes, started at the first `submit` (0: none, serial)."""

    def __init__(self, count: int = 0, method: str | None = None, preload: Sequence[str] = WORKER_MODULES):
        self.count = count
        self.method = method
        self.preload = list(preload)
        """Modules a ``forkserver`` imports once, before it forks any worker."""
        self._executor: ProcessPoolExecutor | None = None
        self.redone = 0
        """Items run again in this process because the pool broke (a worker died)."""

    @classmethod
    def for_items(cls, items: int, *, preload: Sequence[str] = WORKER_MODULES, overlap: bool = False) -> "Workers":
        return cls(wanted_workers(items, overlap), preload=preload)

    @property
    def forks(self) -> bool:
        """Whether the workers will be forked from this process (and share what it has loaded)."""
        return self.parallel and (self.method or start_method()) == "fork"

    @property
    def parallel(self) -> bool:
        return self.count > 0

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            method = self.method or start_method()
            context = multiprocessing.get_context(method)
            if method == "forkserver" and self.preload:
                context.set_forkserver_preload(self.preload)
            self._executor = ProcessPoolExecutor(self.count, mp_context=context, initializer=_quiet_worker)
        return self._executor

    def submit(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Batch:
        return Batch(self, fn, items)

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any], progress: Progress | None = None) -> list[Any]:
        return self.submit(fn, items).results(progress)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
