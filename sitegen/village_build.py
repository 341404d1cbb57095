"""One village's part of a build, run in a pipeline worker after its check: render with Pelican, index, scan.

`Publish` is the build's stage of the one pipeline (checker.run.pipeline): it gets the checker's
verdict on each village and publishes what it allows. A village whose inputs did not change since
the live build (same check-cache key, same cross-village findings, same site code, same date) is
not rendered again: its folder is hard-linked from the live build into the new one, which costs a
directory walk instead of a Pelican run. Workers return a small record, never pages or loaded
villages, so memory stays flat in the number of villages. Each worker indexes through one
`pagefind --service` of its own, stopped and waited for when the worker ends (`close`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from pelican import Pelican
from pelican.settings import read_settings

from checker import resources, scoring
from checker.catalogue import Catalogue
from checker.findings import Severity
from checker.model import Village
from checker.report import VillageReport
from checker.run import pool
from checker.run.step import Verdict
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


class Built(NamedTuple):
    record: VillageRecord
    reused: bool  # the folder was linked from the live build, not rendered


@dataclass(frozen=True)
class Publish:
    """The build's stage of the pipeline (checker.run.step.Stage): render, index and scan each verdict."""

    folder: Path  # the build being written
    catalogue: Catalogue
    as_of: dt.date
    site: str  # site_digest() and the site settings' digest
    live: Path | None  # the build now served, whose unchanged villages are reused
    previous: Mapping[str, VillageRecord]  # its records, by slug
    settings: Mapping[str, Any] = field(default_factory=dict)  # Pelican settings from slip.toml (SiteSettings.pelican)
    chunk: int = 4  # a village takes a Pelican run: smaller chunks than a check's

    def prepare(self) -> None:
        pelican_settings(CONF)  # read before the fork: every worker inherits it

    def reuse(self, verdict: Verdict) -> Built | None:
        """The live build's folder of a village whose inputs, findings and site code are unchanged."""
        name, key = verdict.path.name, self._key(verdict)
        before = self.previous.get(name)
        if not (key and before and before.key == key and self.live and (before.skipped or (self.live / name).is_dir())):
            return None
        _clear(self.folder / name)
        if not before.skipped:
            shutil.copytree(self.live / name, self.folder / name, copy_function=link_or_copy)
        return Built(before, True)

    def publish(self, verdict: Verdict, village: Village) -> Built:
        """Render, index and scan one village; a village whose input is unusable is only recorded."""
        result, key = verdict.result, self._key(verdict)
        score = scoring.score(result, self.catalogue)
        profile = village.data("profil.yaml") or {}
        fatal = result.worst is Severity.FATAL
        entry = portal.entry(VillageReport(result, score), str(profile.get("kecamatan") or ""),
                             str(profile.get("kabupaten") or ""), built=not fatal)
        out = self.folder / village.slug
        _clear(out)
        if fatal:
            first = next(f for f in result.findings if f.severity is Severity.FATAL)
            skipped = Skipped(result.slug, first.file, first.line, first.message_id, first.message_en)
            return Built(VillageRecord(entry, score.unmet, True, key, skipped), False)
        forbidden = guard.Forbidden()
        forbidden.add_village(village)
        site = context.build(village, result, score, self.catalogue, self.as_of)
        run_pelican({**self.settings, "OUTPUT_PATH": str(out), "SLIP_VILLAGE": site, "SLIP_VILLAGE_ROOT": str(verdict.path),
                     "PAGE_PATHS": [], "THEME_STATIC_PATHS": []})
        _indexer().index(out, self.folder / "pagefind")
        leaks = guard.scan(out, forbidden, prefix=f"{out.name}/", documents=site.published)
        if leaks:
            raise BuildError(f"{len(leaks)} temuan data pribadi/dikecualikan di hasil: " + "; ".join(leaks[:5]))
        return Built(VillageRecord(entry, score.unmet, False, key), False)

    def close(self) -> None:
        close()

    def _key(self, verdict: Verdict) -> str:
        """What the pages were built from: "" without a cache (then the village is built again next time)."""
        if not verdict.key:
            return ""
        return hashlib.blake2b(f"{self.site}\0{verdict.key}\0{verdict.extra!r}".encode(), digest_size=16).hexdigest()


def _clear(folder: Path) -> None:
    """A village staged twice in one build (its cross-village findings settled again) starts afresh:
    never write through the hard links of a folder reused from the live build."""
    if folder.exists():
        shutil.rmtree(folder)


def link_or_copy(source: str, target: str) -> None:
    """A hard link where the file system allows one (same disk), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


_INDEXER: list[search_index.Indexer] = []


def _indexer() -> search_index.Indexer:
    if not _INDEXER:
        with pool.uninterrupted():  # started and recorded as one step, so that close() always finds it
            _INDEXER.append(search_index.Indexer())
    return _INDEXER[0]


def close() -> None:
    """Stop this process's Pagefind and wait for it (also when it is already gone: it is reaped)."""
    for indexer in _INDEXER:
        indexer.close()
    _INDEXER.clear()
