"""The process pool: results in the items' order, one failure only its item's, serial when small."""

from __future__ import annotations

import threading

import pytest

from briefing import workers
from briefing.workers import SERIAL_BELOW, Failure, Workers, start_method, wanted_workers


def shout(word: str) -> str:
    if word == "boom":
        raise ValueError("no such word: boom")
    return word.upper()


def test_a_pool_gives_each_items_result_in_the_items_order():
    words = [f"word{k}" for k in range(25)]
    with Workers(2) as pool:
        assert pool.parallel
        assert pool.map(shout, words) == [w.upper() for w in words]


def test_an_item_that_raises_gets_a_failure_in_its_place_and_the_others_their_results():
    words = ["dock", "boom", "strike"]
    with Workers(2) as pool:
        results = pool.map(shout, words)
    assert results[0] == "DOCK" and results[2] == "STRIKE"
    assert results[1] == Failure("ValueError", "no such word: boom")
    assert str(results[1]) == "ValueError: no such word: boom"


def test_without_workers_the_items_run_here_with_the_same_results_and_progress():
    told = []
    with Workers(0) as pool:
        assert not pool.parallel
        results = pool.map(shout, ["dock", "boom"], progress=lambda done, total, result: told.append((done, total)))
    assert results == ["DOCK", Failure("ValueError", "no such word: boom")]
    assert told == [(1, 2), (2, 2)]


def test_progress_counts_every_item_the_workers_finish():
    told = []
    with Workers(2) as pool:
        pool.map(shout, list("abcdefgh"), progress=lambda done, total, result: told.append((done, total, result)))
    assert [(done, total) for done, total, _ in told] == [(k, 8) for k in range(1, 9)]
    assert sorted(result for _, _, result in told) == list("ABCDEFGH")


def test_this_process_works_meanwhile_and_collects_later():
    with Workers(2) as pool:
        batch = pool.submit(shout, ["port", "union"])
        meanwhile = sum(range(1000))  # the main process's own work
        assert batch.results() == ["PORT", "UNION"] and meanwhile == 499500


def test_a_handful_of_items_runs_here_and_more_over_one_worker_an_idle_core(monkeypatch):
    monkeypatch.delenv(workers.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(workers, "busy_elsewhere", lambda: None)  # no /proc/stat: the load average
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (0.2, 0.5, 0.5))  # a quiet machine
    assert wanted_workers(SERIAL_BELOW - 1) == 0
    assert wanted_workers(SERIAL_BELOW) == 2 and wanted_workers(200) == 2
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (3.1, 3.0, 2.5))  # others keep both cores busy
    assert wanted_workers(200) == 0
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "2")  # said outright: the setting decides
    assert wanted_workers(200) == 2
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "1")
    assert wanted_workers(200) == 0
    monkeypatch.setattr(workers, "cores", lambda: 1)
    monkeypatch.delenv(workers.WORKERS_VARIABLE)
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert wanted_workers(200) == 0


def test_a_process_with_another_thread_running_never_forks_its_workers():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert start_method() in ("forkserver", "spawn")
    finally:
        release.set()
        thread.join()


def _workers_wanted_in_a_daemon(_: int) -> int:
    return wanted_workers(200)


def test_a_worker_of_another_pool_runs_its_items_itself(monkeypatch):
    import multiprocessing

    monkeypatch.setenv(workers.WORKERS_VARIABLE, "2")
    with multiprocessing.get_context("fork").Pool(1) as pool:  # its workers are daemons
        assert pool.map(_workers_wanted_in_a_daemon, [0]) == [0]
    assert wanted_workers(200) == 2


def test_the_cores_other_work_keeps_busy_now_decide_not_the_last_minute(monkeypatch):
    """The load average of the last minute counts this build's own earlier work; what other
    processes have running now decides."""
    monkeypatch.delenv(workers.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (2.4, 1.5, 1.0))  # our own last build
    monkeypatch.setattr(workers, "busy_elsewhere", lambda: 0.1)  # nothing else running now
    assert workers.idle_cores() == 2 and wanted_workers(200) == 2
    monkeypatch.setattr(workers, "busy_elsewhere", lambda: 1.0)  # another job holds a core
    assert workers.idle_cores() == 1 and wanted_workers(200) == 0


def test_busy_elsewhere_reads_the_running_processes_less_this_one():
    busy = workers.busy_elsewhere()
    if busy is None:
        pytest.skip("no /proc/stat on this system")
    assert 0.0 <= busy <= 64


def test_a_handful_of_items_goes_to_one_worker_only_to_overlap_with_this_process_on_an_idle_core(monkeypatch):
    monkeypatch.delenv(workers.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(workers, "busy_elsewhere", lambda: 0.0)
    assert wanted_workers(2) == 0  # nothing to do meanwhile: not worth a process
    assert wanted_workers(2, overlap=True) == 1  # analysed while this process imports the page's stages
    assert wanted_workers(0, overlap=True) == 0
    monkeypatch.setattr(workers, "busy_elsewhere", lambda: 1.2)  # the other core is taken
    assert wanted_workers(2, overlap=True) == 0
