"""One village's part of a build, run in a worker: check, render with Pelican, index, scan.

A village whose inputs did not change since the live build (same check-cache key, same site code,
same date) is not rendered again: its folder is hard-linked from the live build into the new one,
which costs a directory walk instead of a Pelican run. Workers return a small record, never pages or
loaded villages, so memory stays flat in the number of villages.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import multiprocessing
import os
import shutil
import signal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from checker import engine, resources, scoring
from checker.run.cache import Cache
from checker.catalogue import Catalogue
from checker.findings import CheckResult, Finding, Severity
from checker.loader import load_village
from checker.model import Village
from checker.report import VillageReport
from checker.run.pipeline import warm
from sitegen import context, guard, portal, search_index
from sitegen.records import Skipped, VillageRecord

CONF = resources.path("pelicanconf.py")
# the site code, and what it renders from: templates, static files, the portal's pages, default settings
SITE_SOURCES = (Path(__file__).resolve().parent, resources.path("theme"), resources.path("content"), CONF)
LIBRARIES = ("pelican", "jinja2", "markdown", "nh3", "pagefind")


class BuildError(Exception):
    """The build could not complete; the previous site is untouched."""


@functools.lru_cache(maxsize=1)
def site_digest() -> str:
    """Hash of everything a page depends on besides the village: templates, site code, libraries."""
    digest = hashlib.blake2b(b"slip-site 1", digest_size=16)
    for top in SITE_SOURCES:
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and "__pycache__" not in path.parts and resources.BUNDLE not in path.relative_to(top).parts:
                digest.update(f"\0{top.name}/{path.relative_to(top).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    digest.update("\0".join(metadata.version(lib) for lib in LIBRARIES).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=4)
def pelican_settings(conf: Path) -> dict[str, Any]:
    return read_settings(str(conf))


def run_pelican(overrides: Mapping[str, Any], conf: Path = CONF) -> None:
    """One Pelican run on the settings read once per process, with this run's overrides."""
    settings = {**pelican_settings(conf), **overrides}  # overrides are absolute paths and objects: nothing to resolve
    with contextlib.redirect_stdout(io.StringIO()):  # Pelican prints a "Done:" line per run
        Pelican(settings).run()


@dataclass(frozen=True)
class Job:
    """What building one village needs; picklable, handed once to each worker."""

    stage: Path
    catalogue: Catalogue
    as_of: dt.date
    cache: Cache | None
    site: str  # site_digest()
    live: Path | None  # the build now served, whose unchanged villages are reused
    previous: Mapping[str, VillageRecord]  # its records, by slug
    extra: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)  # cross-village findings, by path
    settings: Mapping[str, Any] = field(default_factory=dict)  # Pelican settings from slip.toml (SiteSettings.pelican)


def _checked(path: Path, job: Job) -> tuple[str, CheckResult | None]:
    if job.cache is None:
        return "", None
    key = job.cache.key(path)
    return key, job.cache.get(path, key)


def _site_key(job: Job, key: str, extra: tuple[Finding, ...]) -> str:
    return hashlib.blake2b(f"{job.site}\0{key}\0{extra!r}".encode(), digest_size=16).hexdigest()


def build_village(path: Path, job: Job) -> tuple[VillageRecord, bool]:
    """The village's record, and whether its folder was reused from the live build."""
    key, result = _checked(path, job)
    extra = job.extra.get(str(path), ())
    site_key = _site_key(job, key, extra) if result else ""
    before = job.previous.get(path.name)
    if site_key and before and before.key == site_key and job.live and (before.skipped or (job.live / path.name).is_dir()):
        if not before.skipped:
            shutil.copytree(job.live / path.name, job.stage / path.name, copy_function=link_or_copy)
        return before, True
    village = load_village(path, job.cache.texts().read) if job.cache else load_village(path)
    if result is None:
        documents = job.cache.documents_digest(path, tuple(village.documents)) if job.cache else ""
        result = engine.check(village, job.catalogue, as_of=job.as_of)
        if job.cache:
            job.cache.put(path, key, tuple(village.documents), documents, result)
            site_key = _site_key(job, key, extra)
    if extra:  # after the cache, which holds what the village's own files say
        result = replace(result, findings=tuple(sorted({*result.findings, *extra})))
    return _publish(village, path, result, site_key, job), False


def _publish(village: Village, path: Path, result: CheckResult, site_key: str, job: Job) -> VillageRecord:
    """Render, index and scan one checked village; a village whose input is unusable is only recorded."""
    score = scoring.score(result, job.catalogue)
    profile = village.data("profil.yaml") or {}
    fatal = result.worst is Severity.FATAL
    entry = portal.entry(VillageReport(result, score), str(profile.get("kecamatan") or ""),
                         str(profile.get("kabupaten") or ""), built=not fatal)
    if fatal:
        first = next(f for f in result.findings if f.severity is Severity.FATAL)
        skipped = Skipped(result.slug, first.file, first.line, first.message_id, first.message_en)
        return VillageRecord(entry, score.unmet, True, site_key, skipped)
    forbidden = guard.Forbidden()
    forbidden.add_village(village)
    out = job.stage / village.slug
    site = context.build(village, result, score, job.catalogue, job.as_of)
    run_pelican({**job.settings, "OUTPUT_PATH": str(out), "SLIP_VILLAGE": site, "SLIP_VILLAGE_ROOT": str(path),
                 "PAGE_PATHS": [], "THEME_STATIC_PATHS": []})
    _indexer().index(out, job.stage / "pagefind")
    leaks = guard.scan(out, forbidden, prefix=f"{out.name}/")
    if leaks:
        raise BuildError(f"{len(leaks)} temuan data pribadi/dikecualikan di hasil: " + "; ".join(leaks[:5]))
    return VillageRecord(entry, score.unmet, False, site_key)


def link_or_copy(source: str, target: str) -> None:
    """A hard link where the file system allows one (same disk), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


_INDEXER: list[search_index.Indexer] = []


def _indexer() -> search_index.Indexer:
    if not _INDEXER:
        _INDEXER.append(search_index.Indexer())
    return _INDEXER[0]


def close() -> None:
    while _INDEXER:
        _INDEXER.pop().close()


_WORKER_JOB: list[Job] = []


def _start_worker(job: Job) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the pool
    _WORKER_JOB[:] = [job]
    multiprocessing.util.Finalize(None, close, exitpriority=10)  # type: ignore[attr-defined]


def _work(path: Path) -> tuple[VillageRecord, bool]:
    return build_village(path, _WORKER_JOB[0])


def build_all(paths: Sequence[Path], job: Job, jobs: int) -> Iterator[tuple[VillageRecord, bool]]:
    """Each village's record, in the order of paths, over `jobs` processes."""
    workers = min(jobs, len(paths))
    if workers <= 1:
        try:
            yield from (build_village(path, job) for path in paths)
        finally:
            close()
        return
    if not _checked(paths[0], job)[1]:  # a rebuild of mostly unchanged villages needs no validator: skip 0.5 s
        warm(job.catalogue)
    pelican_settings(CONF)  # read before the fork: every worker inherits it
    chunk = max(1, min(4, len(paths) // (workers * 16)))
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)
