"""The one pipeline of `slip check` and `slip build`: find and order villages, then check every one
(cached, in parallel) with the run's cross-village findings, through the build's stage when there is one.

    found = select(paths, shard)                  # the villages, one shard of them
    done = check_all(found, Job(catalogue, as_of, cache), jobs=4, stage=None)   # -> [Checked], in order
    each(found, job, jobs=4, stage=None)          # one pass of the above, streaming

Villages stream through: a worker loads one, checks it, hands it to the stage and keeps only a small
result, so memory stays flat however many villages a province has. Parallel runs give the same
reports in the same order as serial ones. `run` is `slip check`: every village's report, scored.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from checker import __version__, scoring
from checker.catalogue import Catalogue, load_catalogue
from checker.domain import wilayah
from checker.loader import find_villages, read_kode
from checker.report import Report, VillageReport
from checker.run import crossvillage, pool
from checker.run.cache import Cache
from checker.run.shard import Shard
from checker.run.step import Checked, Job, Stage, check_village
from checker.schema import acceptance
from checker.scoring import Score

__all__ = ["Checked", "InputError", "Job", "Stage", "check_all", "each", "run", "select", "village_paths"]


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


def select(paths: Iterable[Path], shard: Shard | None = None) -> list[Path]:
    """The villages under `paths`, in order (one shard of them); InputError for a path that is no use."""
    found = list(village_paths(paths))
    return shard.select(found) if shard is not None else found


def warm(catalogue: Catalogue) -> None:
    """Build what every village needs once (validators, the wilayah table) before workers fork."""
    wilayah.names()
    for name in catalogue.files:
        acceptance.compiled(name, catalogue)


def each(paths: Sequence[Path], job: Job, *, jobs: int = 1, stage: Stage | None = None) -> Iterator[Checked]:
    """Every village checked (and staged), as soon as it is ready, in the order of paths, over `jobs` processes."""
    if min(jobs, len(paths)) > 1 and (job.cache is None or job.cache.get(paths[0], job.cache.key(paths[0])) is None):
        warm(job.catalogue)  # a run of cache hits needs no validator: skip the 0.3 s
    if stage is not None:
        stage.prepare()
    work = functools.partial(check_village, job=job, stage=stage)
    if stage is None:
        return pool.imap(work, paths, jobs=jobs, chunk=8)
    return pool.imap(work, paths, jobs=jobs, chunk=stage.chunk, close=stage.close)


def check_all(paths: Sequence[Path], job: Job, *, jobs: int = 1, stage: Stage | None = None,
              progress: Callable[[int, int], None] | None = None) -> list[Checked]:
    """Every village checked (and staged) in the order of paths, with the cross-village findings of the run."""
    # A stage publishes each village as it is checked, so the findings between villages must be known
    # before: from a line scan of each profil.yaml (the one sharding uses).
    job = replace(job, extra=crossvillage.duplicates(((str(p), read_kode(p)) for p in paths), job.catalogue))
    done: list[Checked] = []
    with contextlib.closing(each(paths, job, jobs=jobs, stage=stage)) as checked_villages:  # closed: no worker outlives an error
        for checked in checked_villages:
            done.append(checked)
            if progress:
                progress(len(done), len(paths))
    # The results decide. The scan and the parsed profil.yaml disagree only about a file the scan
    # reads otherwise (broken YAML, say): the villages whose findings that changes run again.
    found = crossvillage.duplicates(((str(c.path), c.kode) for c in done), job.catalogue)
    again = [i for i, c in enumerate(done) if found.get(str(c.path), ()) != c.extra]
    if again:
        with contextlib.closing(each([done[i].path for i in again], replace(job, extra=found), jobs=jobs, stage=stage)) as redone:
            for i, checked in zip(again, redone, strict=True):
                done[i] = checked
    return done


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
    """`slip check`: villages (one shard of them), in parallel and through the cache when asked, scored."""
    catalogue = catalogue or load_catalogue()
    found = select(paths, shard)
    job = Job(catalogue, as_of, Cache.open(cache_dir, catalogue, as_of) if cache_dir else None)
    # Equal scores (every complete village has the same) are one object: memory per village stays small.
    scores: dict[Score, Score] = {}
    collected = []
    for checked in check_all(found, job, jobs=jobs, progress=progress):
        score = scoring.score(checked.output, catalogue)
        collected.append(VillageReport(checked.output, scores.setdefault(score, score)))
    summary = scoring.summarise(((r.result, r.score) for r in collected), catalogue)
    return Report(tuple(collected), summary, as_of.isoformat(), __version__, strict)
