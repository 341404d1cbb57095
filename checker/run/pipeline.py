"""One check run over many villages: find, shard, load, check (cached, in parallel), score, summarise.

Villages stream through: a worker loads one, checks it and keeps only its small result, so memory
stays flat however many villages a province has. Parallel runs give the same reports in the same
order as serial ones.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import __version__, engine, scoring
from checker.domain import wilayah
from checker.run import crossvillage
from checker.schema import acceptance
from checker.run.cache import Cache
from checker.catalogue import Catalogue, load_catalogue
from checker.findings import CheckResult
from checker.loader import find_villages, load_village
from checker.report import Report, VillageReport
from checker.scoring import Score
from checker.run.shard import Shard


class InputError(Exception):
    """A path given on the command line cannot be used."""

    MESSAGES = {
        "missing": {"id": "folder tidak ditemukan: {path}", "en": "folder not found: {path}"},
        "not_dir": {"id": "bukan folder desa: {path} (berikan folder desa atau folder villages/)",
                    "en": "not a village folder: {path} (give a village folder or the villages/ folder)"},
        "no_villages": {"id": "tidak ada desa di {path} (tiap desa adalah folder berisi profil.yaml dan lainnya)",
                        "en": "no villages in {path} (each village is a folder holding profil.yaml and the rest)"},
    }

    def __init__(self, key: str, path: Path):
        super().__init__(key, path)
        self.key, self.path = key, path

    def message(self, lang: str) -> str:
        return self.MESSAGES[self.key][lang].format(path=self.path)


def village_paths(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if not path.exists():
            raise InputError("missing", path)
        if not path.is_dir():
            raise InputError("not_dir", path)
        found = find_villages(path)
        if not found:
            raise InputError("no_villages", path)
        yield from found


def check_one(path: Path, catalogue: Catalogue, as_of: dt.date) -> VillageReport:
    result = check_path(path, Job(catalogue, as_of, None))
    return VillageReport(result, scoring.score(result, catalogue))


@dataclass(frozen=True)
class Job:
    """What checking one village needs; picklable, so a process pool can hand it to its workers."""

    catalogue: Catalogue
    as_of: dt.date
    cache: Cache | None = None


def check_path(path: Path, job: Job) -> CheckResult:
    """One village's result, from the cache when none of its inputs changed."""
    cache = job.cache
    key = cache.key(path) if cache else ""
    result = cache.get(path, key) if cache else None
    if result is None:
        village = load_village(path, cache.texts().read) if cache else load_village(path)
        refs = tuple(village.documents)
        documents = cache.documents_digest(path, refs) if cache else ""
        result = engine.check(village, job.catalogue, as_of=job.as_of)
        del village  # only the small result outlives this call
        if cache:
            cache.put(path, key, refs, documents, result)
    return result


_WORKER_JOB: list[Job] = []  # a pool worker's job, set once by its initializer (no pickling per task)


def _start_worker(job: Job) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the pool, no traceback per worker
    _WORKER_JOB[:] = [job]


def _work(path: Path) -> CheckResult:
    return check_path(path, _WORKER_JOB[0])


def warm(catalogue: Catalogue) -> None:
    """Build what every village needs once (validators, the wilayah table) before workers fork."""
    wilayah.names()
    for name in catalogue.files:
        acceptance.compiled(name, catalogue)


def reports(paths: Sequence[Path], job: Job, *, jobs: int = 1) -> Iterator[VillageReport]:
    """Each village's report as soon as it is ready, in the order of paths, over `jobs` processes."""
    # Scored here, not in the workers, so scores share the catalogue's question texts; and equal
    # scores (every complete village has the same) are one object: memory per village stays small.
    scores: dict[Score, Score] = {}
    for result in _results(paths, job, jobs):
        score = scoring.score(result, job.catalogue)
        yield VillageReport(result, scores.setdefault(score, score))


def _results(paths: Sequence[Path], job: Job, jobs: int) -> Iterator[CheckResult]:
    workers = min(jobs, len(paths))
    if workers <= 1:
        yield from (check_path(path, job) for path in paths)
        return
    if job.cache is None or job.cache.get(paths[0], job.cache.key(paths[0])) is None:
        warm(job.catalogue)  # a run of cache hits needs no validator: skip the 0.3 s
    # Small chunks keep the order-preserving imap from holding many finished reports back.
    chunk = max(1, min(8, len(paths) // (workers * 16)))
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)


def run(
    paths: Iterable[Path],
    *,
    as_of: dt.date,
    strict: bool = False,
    catalogue: Catalogue | None = None,
    jobs: int = 1,
    shard: Shard | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check villages (one shard of them), in parallel and through the cache when asked."""
    catalogue = catalogue or load_catalogue()
    found = list(village_paths(paths))
    if shard is not None:
        found = shard.select(found)
    job = Job(catalogue, as_of, Cache.open(cache_dir, catalogue, as_of) if cache_dir else None)
    collected: list[VillageReport] = []
    for report in reports(found, job, jobs=jobs):
        collected.append(report)
        if progress:
            progress(len(collected), len(found))
    # Findings between villages (a shared kode wilayah) need every result, so they are added here,
    # after the cache: a village's cached result depends on its own files only.
    collected = crossvillage.apply(collected, catalogue)
    summary = scoring.summarise(((r.result, r.score) for r in collected), catalogue)
    return Report(tuple(collected), summary, as_of.isoformat(), __version__, strict)
