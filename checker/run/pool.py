"""The one process pool of a run: work on many villages over N forked processes, in order, leaving nothing behind.

Workers are forked, so what the parent prepared (validators, settings read once) is shared and a
task's function is never pickled. A worker ignores Ctrl-C: the parent stops the pool, without a
traceback per worker. A worker also owns what it starts (a build worker's `pagefind --service`):
`close` runs in each worker as it ends, whether the pool finished (the workers exit normally), the
run failed or was interrupted (the pool is terminated: SIGTERM, which a worker turns into an
orderly exit). While the pool runs, SIGTERM to the parent ends the run like Ctrl-C does, through
every cleanup, and the process then exits with 143 (128 + SIGTERM) instead of dying on the spot.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import multiprocessing.util
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_WORKER: list[tuple[Callable[[Any], Any], Callable[[], None]]] = []  # set once per worker by _start


def cpu_count() -> int:
    """CPUs this process may use (a CI container often gets fewer than the machine has): the default --jobs."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _nothing() -> None:
    pass


def imap(work: Callable[[Item], Result], items: Sequence[Item], *, jobs: int, chunk: int = 8,
         close: Callable[[], None] = _nothing) -> Iterator[Result]:
    """work(item) for every item, in the order of items, over `jobs` processes (here when one is enough).

    `chunk` caps how many items a worker takes at once: small chunks keep the order-preserving imap
    from holding many finished results back.
    """
    workers = min(jobs, len(items))
    with _sigterm_exits():
        if workers <= 1:
            try:
                yield from map(work, items)
            finally:
                close()
            return
        size = max(1, min(chunk, len(items) // (workers * 16)))
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start, initargs=(work, close))
        try:
            yield from pool.imap(_run, items, chunksize=size)
        except BaseException:  # a failed village, Ctrl-C, SIGTERM, or a reader that stopped early
            pool.terminate()
            raise
        else:
            pool.close()  # each worker takes its end-of-work marker and exits through its finalizers
        finally:
            pool.join()


def _start(work: Callable[[Any], Any], close: Callable[[], None]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the pool
    signal.signal(signal.SIGTERM, _terminated)  # Pool.terminate(): unwind, so that the finalizer below runs
    _WORKER[:] = [(work, close)]
    multiprocessing.util.Finalize(None, _finish, exitpriority=10)


def _run(item: Any) -> Any:
    return _WORKER[0][0](item)


def _finish() -> None:
    """A worker's last act: stop and wait for what it started. Not to be cut short by a late SIGTERM."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if _WORKER:
        _WORKER[0][1]()


_HELD: list[int] = []  # signals that arrived while a step must not be cut in two
_DEPTH = [0]


def _terminated(signum: int, frame: Any) -> None:
    if _DEPTH[0]:
        _HELD.append(signum)
        return
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """A SIGTERM arriving inside ends the process at the end of the block, not in the middle of it.

    For starting a child and recording it as one step: cut in between, the child would run on with
    nobody to stop it (a worker's `pagefind --service`, left as an orphan when the pool terminated).
    """
    _DEPTH[0] += 1
    try:
        yield
    finally:
        _DEPTH[0] -= 1
        if not _DEPTH[0] and _HELD:
            raise SystemExit(128 + _HELD.pop())


@contextlib.contextmanager
def _sigterm_exits() -> Iterator[None]:
    """SIGTERM raises SystemExit(143) in the parent while a run is under way, so its cleanups run.

    Only in the main thread (the only one signals reach) and only over the default action: a
    program that set its own handler keeps it.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
