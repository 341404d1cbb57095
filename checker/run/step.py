"""One village's step of a run, the same for `slip check` and `slip build`: cache lookup, load, check,
cache store, merge the run's cross-village findings, then the run's stage (the build's publishing).

The step runs in a pool worker (checker.run.pool) and hands back a `Checked`: small, so memory stays
flat in the number of villages. Without a stage its output is the village's result; with one, what
the stage made of the verdict (the build: the village's record). A stage gets the checker's verdict
(`Verdict`: the result with every finding of the run) and never decides it again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from checker import engine
from checker.catalogue import Catalogue
from checker.findings import CheckResult, Finding
from checker.loader import load_village
from checker.model import Village
from checker.run import crossvillage
from checker.run.cache import Cache


@dataclass(frozen=True)
class Job:
    """What checking one village needs; shared by every worker (forked: never pickled per village)."""

    catalogue: Catalogue
    as_of: dt.date
    cache: Cache | None = None
    extra: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)  # cross-village findings, by path


@dataclass(frozen=True)
class Verdict:
    """A checked village as a stage sees it."""

    path: Path
    result: CheckResult  # with the run's cross-village findings merged in
    key: str  # the cache key of the village's own files; "" without a cache
    extra: tuple[Finding, ...]  # the cross-village findings merged into result


@dataclass(frozen=True)
class Checked:
    """What a worker hands back for one village."""

    path: Path
    kode: str  # of its result: the run settles cross-village findings from these
    extra: tuple[Finding, ...]  # the cross-village findings it was given
    output: Any  # its result (CheckResult) without a stage, else what the stage returned


class Stage(Protocol):
    """What a run does with each verdict inside the worker, besides checking (the build: render, index, scan)."""

    chunk: int  # at most this many villages handed to a worker at once

    def prepare(self) -> None:
        """In the parent, before the workers fork: what every worker would otherwise read again."""

    def reuse(self, verdict: Verdict) -> Any | None:
        """For a result served from the cache, before any loading: a still valid earlier output, or None."""

    def publish(self, verdict: Verdict, village: Village) -> Any:
        """The output for a verdict, from the loaded village."""

    def close(self) -> None:
        """In each worker as it ends (and once after a serial run): stop and wait for what it started."""


def check_village(path: Path, job: Job, stage: Stage | None = None) -> Checked:
    """One village, from the cache or loaded and checked, with the run's findings, through the stage."""
    key = job.cache.key(path) if job.cache else ""
    result = job.cache.get(path, key) if job.cache else None
    village = None
    if result is None:
        village = _load(path, job.cache)
        result = _check(path, village, key, job)
    extra = job.extra.get(str(path), ())
    # after the cache, which holds what the village's own files say; the rest depends on the run
    verdict = Verdict(path, crossvillage.merge(result, extra), key, extra)
    if stage is None:
        return Checked(path, result.kode, extra, verdict.result)
    output = stage.reuse(verdict) if village is None else None
    if output is None:
        output = stage.publish(verdict, village or _load(path, job.cache))
    return Checked(path, result.kode, extra, output)


def _load(path: Path, cache: Cache | None) -> Village:
    return load_village(path, cache.texts().read) if cache else load_village(path)


def _check(path: Path, village: Village, key: str, job: Job) -> CheckResult:
    """The village's own result, stored in the cache when there is one."""
    if job.cache is None:
        return engine.check(village, job.catalogue, as_of=job.as_of)
    refs = tuple(village.documents)
    documents = job.cache.documents_digest(path, refs)  # right after loading (see Cache.put)
    result = engine.check(village, job.catalogue, as_of=job.as_of)
    job.cache.put(path, key, refs, documents, result)
    return result
