"""The one process pool: results in order, and every worker's `close` runs as it ends, however the run ends."""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from checker.run import pool


def closes(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class Marker:
    """A `close` that leaves a file named after the process it ran in."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self) -> None:
        (self.folder / str(os.getpid())).touch()


def square(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


_BOTH_STARTED: list[Any] = []  # set by the test before the workers fork
_MET: list[bool] = []


def square_once_both_run(n: int) -> tuple[int, int]:
    """square, but a worker's first item waits until the other worker has one too: both surely take part."""
    if not _MET:
        _BOTH_STARTED[0].wait(timeout=30)
        _MET.append(True)
    return square(n)


def test_results_come_in_order_from_several_processes_and_every_worker_closes(tmp_path):
    _BOTH_STARTED[:] = [multiprocessing.get_context("fork").Barrier(2)]
    got = list(pool.imap(square_once_both_run, list(range(200)), jobs=2, close=Marker(tmp_path)))
    assert [n for n, _ in got] == [n * n for n in range(200)]
    workers = {pid for _, pid in got}
    assert os.getpid() not in workers and len(workers) == 2
    assert set(closes(tmp_path)) == {str(pid) for pid in workers}  # after imap, the workers are gone and closed


def test_a_serial_run_works_here_and_closes_once(tmp_path):
    assert list(pool.imap(square, [1, 2, 3], jobs=1, close=Marker(tmp_path))) == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]
    assert closes(tmp_path) == [str(os.getpid())]


def failing(n: int) -> int:
    if n == 5:
        raise ValueError("village 5")
    time.sleep(0.01)
    return n


def test_a_failing_item_stops_the_run_and_still_closes_every_worker(tmp_path):
    with pytest.raises(ValueError, match="village 5"):
        list(pool.imap(failing, list(range(40)), jobs=2, chunk=1, close=Marker(tmp_path)))
    assert len(closes(tmp_path)) == 2


def slow(n: int) -> int:
    time.sleep(0.05)
    return n


def test_a_reader_that_stops_early_terminates_the_workers_through_close(tmp_path):
    results = pool.imap(slow, list(range(100)), jobs=2, chunk=1, close=Marker(tmp_path))
    assert next(results) == 0
    results.close()  # the workers are busy: terminate() sends them SIGTERM, which they turn into an orderly exit
    assert len(closes(tmp_path)) == 2


def test_sigterm_to_the_parent_ends_the_run_with_143_after_every_cleanup(tmp_path):
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    with pytest.raises(SystemExit) as stopped, contextlib.closing(pool.imap(slow, list(range(100)), jobs=2, chunk=1,
                                                                            close=Marker(tmp_path))) as results:
        for n in results:
            if n == 2:
                os.kill(os.getpid(), signal.SIGTERM)
    assert stopped.value.code == 143 and len(closes(tmp_path)) == 2
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the default is back once the run is over


def test_a_sigterm_inside_an_uninterrupted_step_ends_the_run_after_the_step(tmp_path):
    steps = []
    with pytest.raises(SystemExit) as stopped, pool._sigterm_exits():
        with pool.uninterrupted():
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("started")  # the child a step starts ...
            steps.append("recorded")  # ... is recorded before the signal is acted on
        steps.append("after")
    assert stopped.value.code == 143 and steps == ["started", "recorded"]
