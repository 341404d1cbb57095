"""Build every village site and the portal into a new folder, then swap it in atomically.

`output` is a symbolic link to the latest complete build under `.<output>-builds/`; a build writes
a fresh folder and, only when everything succeeded, replaces the link in one `rename` (atomic on
POSIX). A failed or killed build leaves the previous site untouched and servable. The build a swap
replaces stays until the next build starts (pointing the link back at it is a rollback); older ones
and leftovers of killed builds are moved to `.trash/` and deleted by a detached process. A village whose
input is unusable (exit 2 in `slip check`) is skipped with its message; the others still build.

Villages go through the same pipeline as `slip check` (checker.run.pipeline), in worker processes
(`jobs`), with the build's stage (village_build.Publish) run on each checked village; a village
unchanged since the live build is reused from it. A sharded build (`shard`) writes only its
villages and their records; `merge` (`slip portal`) joins the shards' outputs and writes the portal.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import scoring
from checker.catalogue import Catalogue, load_catalogue
from checker.run import pipeline
from checker.run.cache import Cache
from checker.run.shard import Shard
from sitegen import guard, portal, records, templates_cache
from sitegen.output import Refused, claim, mark
from sitegen.records import Manifest, Skipped, VillageRecord
from sitegen.settings import SiteSettings
from sitegen.village_build import CONF, BuildError, Publish, link_or_copy, pelican_settings, run_pelican, site_digest

__all__ = ["BuildError", "BuildResult", "Refused", "Skipped", "build", "merge", "run_pelican"]


@dataclass(frozen=True)
class BuildResult:
    output: Path
    built: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    seconds: float
    reused: int = 0  # villages taken unchanged from the previous build


def swap(output: Path, stage: Path) -> None:
    """Point `output` at `stage` in one atomic rename. The build it replaces stays until the next build."""
    if output.is_dir() and not output.is_symlink():
        output.rmdir()  # an empty folder (claim() refuses any other): a link cannot replace it in one rename
    link = output.parent / f".{output.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(os.path.relpath(stage, output.parent))
    os.replace(link, output)


def _remove_stale(builds: Path, keep: set[Path]) -> None:
    """Move older builds (and leftovers of killed ones) to `.trash/` and delete it in the background.

    A rename is instant; deleting a build's tens of thousands of files is not, and nobody has to wait
    for it: a detached process does it (like `git gc --auto`), and the next build finishes its work
    if it was cut short.
    """
    trash = builds / ".trash"
    stale = [p for p in builds.iterdir() if p.is_dir() and p not in keep and not p.name.startswith(".")]
    if not stale and not trash.exists():
        return
    trash.mkdir(exist_ok=True)
    for path in stale:
        with contextlib.suppress(OSError):
            path.rename(trash / f"{path.name}-{time.time_ns()}")
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(trash)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


@contextlib.contextmanager
def _exclusive(builds: Path, progress: Callable[[str], None]) -> Iterator[None]:
    """Two builds into one output take turns: the second waits, saying so, instead of interleaving."""
    with (builds / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            progress("pembangunan lain sedang berjalan ke folder yang sama; menunggu giliran")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # the lock goes with the file handle, also when the process is killed


def build(villages: Path, output: Path, *, as_of: dt.date, site: SiteSettings = SiteSettings(), jobs: int = 1,
          shard: Shard | None = None, cache_dir: Path | None = None,
          progress: Callable[[int, int], None] | None = None,
          message: Callable[[str], None] = lambda _: None) -> BuildResult:
    """Check and build every village under `villages` (one shard of them), then the portal, then swap."""
    start = time.perf_counter()
    found = pipeline.select([villages], shard)  # before _staged: a path of no use touches nothing
    with _staged(output, [villages], message) as (stage, live):
        catalogue = load_catalogue()
        before = records.read(live) if live else None
        if live and (live / "pagefind").is_dir():  # Pagefind's script, for villages reused without indexing
            shutil.copytree(live / "pagefind", stage / "pagefind", copy_function=link_or_copy)
        job = pipeline.Job(catalogue, as_of, Cache.open(cache_dir, catalogue, as_of) if cache_dir else None)
        publish = Publish(stage, catalogue, as_of, site_digest() + site.digest(), live, before.by_slug() if before else {},
                          site.pelican())
        built = [checked.output for checked in pipeline.check_all(found, job, jobs=jobs, stage=publish, progress=progress)]
        ordered = records.sort(b.record for b in built)
        if shard is None:
            write_portal(stage, ordered, catalogue, as_of, site)
        records.write(stage, Manifest(as_of.isoformat(), str(shard or ""), ordered))
    return _result(output, ordered, start, sum(b.reused for b in built))


def merge(shards: Sequence[Path], output: Path, *, site: SiteSettings = SiteSettings(), portal_only: bool = False,
          message: Callable[[str], None] = lambda _: None) -> BuildResult:
    """`slip portal`: join the outputs of a sharded build into one site and write the portal.

    With `portal_only` the village folders are not copied: each shard publishes its own villages
    (say, to the same bucket) and only the shards' record files travel to the portal job.
    """
    start = time.perf_counter()
    manifests = []
    for shard in shards:
        manifest = records.read(shard)
        if manifest is None:
            raise BuildError(f"{shard}: bukan hasil `slip build --shard` (tidak ada {records.MANIFEST})")
        manifests.append((shard, manifest))
    dates = {m.as_of for _, m in manifests}
    if len(dates) != 1:
        raise BuildError("bagian-bagian dibangun dengan tanggal acuan berbeda: " + ", ".join(sorted(dates)))
    with _staged(output, list(shards), message) as (stage, _):
        joined: dict[str, VillageRecord] = {}
        for shard, manifest in manifests:
            for record in manifest.records:
                if record.slug in joined:
                    raise BuildError(f"desa {record.slug} ada di lebih dari satu bagian")
                joined[record.slug] = record
                if not record.skipped and not portal_only:
                    shutil.copytree(shard / record.slug, stage / record.slug, copy_function=link_or_copy)
            if (shard / "pagefind").is_dir() and not (stage / "pagefind").exists():
                shutil.copytree(shard / "pagefind", stage / "pagefind", copy_function=link_or_copy)
        ordered = records.sort(joined.values())
        as_of = dt.date.fromisoformat(dates.pop())
        write_portal(stage, ordered, load_catalogue(), as_of, site)
        records.write(stage, Manifest(as_of.isoformat(), "", ordered))
    return _result(output, ordered, start, 0)


def write_portal(stage: Path, ordered: Sequence[VillageRecord], catalogue: Catalogue, as_of: dt.date,
                 site: SiteSettings) -> None:
    texts = {o.id: o.text for o in catalogue.obligations.values()}

    def portal_of(records_: Sequence[VillageRecord], name: str, areas: tuple[portal.Area, ...] = ()) -> portal.Portal:
        summary = scoring.tally(((r.unusable, r.entry.band, r.unmet) for r in records_), catalogue)
        return portal.Portal(name, tuple(r.entry for r in records_), summary, as_of.isoformat(), texts, areas)

    groups: dict[str, list[VillageRecord]] = {}
    for record in ordered:
        groups.setdefault(portal.area_key(record.entry.kode), []).append(record)
    areas: tuple[portal.Area, ...] = ()
    if len(groups) > 1:
        areas = tuple(portal.Area(key, _area_name(rs), portal_of(rs, f"Desa-desa {_area_name(rs)}"))
                      for key, rs in sorted(groups.items(), key=lambda kv: (kv[0] == "lain", _area_name(kv[1]))))
    title = site.title or _default_title(ordered)
    run_pelican({**site.pelican(), "SITENAME": title, "OUTPUT_PATH": str(stage), "SLIP_PORTAL": portal_of(ordered, title, areas)})
    # The villages were scanned as they were built; here the portal's own pages are.
    leaks = guard.scan(stage, guard.Forbidden(), skip=frozenset(r.slug for r in ordered))
    if leaks:
        raise BuildError(f"{len(leaks)} temuan data pribadi di portal: " + "; ".join(leaks[:5]))


UNKNOWN_AREA = "Kabupaten belum diketahui"


def _default_title(ordered: Sequence[VillageRecord]) -> str:
    """Without `judul` in slip.toml: named after the kabupaten when all villages share one."""
    base = pelican_settings(CONF)["SITENAME"]
    names = {_area_name([r]) for r in ordered}
    return f"{base} {names.pop()}" if len(names) == 1 and UNKNOWN_AREA not in names else base


def _area_name(records_: Sequence[VillageRecord]) -> str:
    name = next((r.entry.kabupaten for r in records_ if r.entry.kabupaten), "")
    if portal.area_key(records_[0].entry.kode) == "lain" or not name:
        return UNKNOWN_AREA
    return name if name.lower().startswith(("kabupaten", "kota")) else f"Kabupaten {name}"


def _result(output: Path, ordered: Sequence[VillageRecord], start: float, reused: int) -> BuildResult:
    return BuildResult(output, tuple(r.slug for r in ordered if not r.skipped),
                       tuple(r.skipped for r in ordered if r.skipped), time.perf_counter() - start, reused)


@contextlib.contextmanager
def _staged(output: Path, protected: Sequence[Path], message: Callable[[str], None]) -> Iterator[tuple[Path, Path | None]]:
    """A fresh folder to build into, swapped in when the block succeeds, removed when it fails.

    The output must be the build's to replace (sitegen.output.claim); else nothing is touched.
    """
    output = output.absolute()
    builds = claim(output, protected)
    mark(builds)
    with _exclusive(builds, message):
        claim(output, protected)  # again under the lock: another process may have made it meanwhile
        templates_cache.reset()  # a long-lived process (invoke serve) sees edited templates
        live = output.resolve() if output.is_symlink() and output.resolve().is_dir() else None
        stage = Path(tempfile.mkdtemp(prefix=f"{dt.datetime.now():%Y%m%d-%H%M%S}-", dir=builds))
        stage.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        _remove_stale(builds, {stage} | ({live} if live else set()))
        try:
            yield stage, live
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        swap(output, stage)
