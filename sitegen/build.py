"""Build every village site and the portal into a new folder, then swap it in atomically.

`output` is a symbolic link to the latest complete build under `.<output>-builds/`; a build writes
a fresh folder and, only when everything succeeded, replaces the link in one `rename` (atomic on
POSIX). A failed or killed build leaves the previous site untouched and servable. A village whose
input is unusable (exit 2 in `slip check`) is skipped with its message; the others still build.
"""
from __future__ import annotations

import contextlib
import fcntl
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from pelican import Pelican
from pelican.settings import read_settings

from checker import engine, scoring
from checker.catalogue import Catalogue, load_catalogue
from checker.findings import Severity
from checker.loader import load_village
from checker.report import VillageReport
from checker.runner import village_paths
from sitegen import context, guard, portal

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "pelicanconf.py"


@dataclass(frozen=True)
class Skipped:
    slug: str
    file: str
    line: int
    message: str


@dataclass(frozen=True)
class BuildResult:
    output: Path
    built: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    seconds: float


class BuildError(Exception):
    """The build could not complete; the previous site is untouched."""


def run_pelican(overrides: Mapping[str, Any], conf: Path = CONF) -> None:
    settings = read_settings(str(conf), override=dict(overrides))
    with contextlib.redirect_stdout(io.StringIO()):  # Pelican prints a "Done:" line per run
        Pelican(settings).run()


def _village(path: Path, catalogue: Catalogue, as_of: dt.date, stage: Path,
             forbidden: guard.Forbidden) -> tuple[VillageReport, portal.VillageEntry, Skipped | None]:
    village = load_village(path)
    forbidden.add_village(village)
    result = engine.check(village, catalogue, as_of=as_of)
    report = VillageReport(result, scoring.score(result, catalogue))
    profile = village.data("profil.yaml") or {}
    kecamatan, kabupaten = str(profile.get("kecamatan") or ""), str(profile.get("kabupaten") or "")
    if result.worst is Severity.FATAL:
        first = next(f for f in result.findings if f.severity is Severity.FATAL)
        return report, portal.entry(report, kecamatan, kabupaten, built=False), Skipped(result.slug, first.file, first.line, first.message_id)
    site = context.build(village, result, report.score, catalogue, as_of)
    run_pelican({"OUTPUT_PATH": str(stage / village.slug), "SLIP_VILLAGE": site, "SLIP_VILLAGE_ROOT": str(path),
                 "PAGE_PATHS": [], "THEME_STATIC_PATHS": []})
    return report, portal.entry(report, kecamatan, kabupaten, built=True), None


def index_search(site: Path) -> None:
    """One Pagefind index for the whole output; each village's search page filters by its desa."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "id"],
                          capture_output=True, text=True)
    if done.returncode:
        raise BuildError("pagefind: " + (done.stderr or done.stdout).strip().splitlines()[-1])


def swap(output: Path, stage: Path) -> None:
    """Point `output` at `stage` in one atomic rename, then remove older builds."""
    if output.exists() and not output.is_symlink():
        # a plain folder (an older layout, or copied by hand): moved aside, removed below with older builds
        output.rename(stage.parent / f"previous-{time.time_ns()}")
    link = output.parent / f".{output.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(os.path.relpath(stage, output.parent))
    os.replace(link, output)
    for old in stage.parent.iterdir():
        if old != stage and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


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


def build(villages: Path, output: Path, *, as_of: dt.date, title: str | None = None,
          progress: Callable[[str], None] = lambda _: None) -> BuildResult:
    """Check and build every village under `villages`, then the portal, then swap into `output`."""
    output = output.absolute()
    builds = output.parent / f".{output.name}-builds"
    builds.mkdir(parents=True, exist_ok=True)
    with _exclusive(builds, progress):
        return _build(villages, output, builds, as_of=as_of, title=title, progress=progress)


def _build(villages: Path, output: Path, builds: Path, *, as_of: dt.date, title: str | None,
           progress: Callable[[str], None]) -> BuildResult:
    start = time.perf_counter()
    catalogue = load_catalogue()
    stage = Path(tempfile.mkdtemp(prefix=f"{dt.datetime.now():%Y%m%d-%H%M%S}-", dir=builds))
    stage.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    try:
        entries, skipped, scored = [], [], []
        forbidden = guard.Forbidden()
        for path in village_paths([villages]):
            report, entry, skip = _village(path, catalogue, as_of, stage, forbidden)
            entries.append(entry)
            scored.append((report.result, report.score))
            if skip:
                skipped.append(skip)
            progress(f"{entry.slug}: {'dilewati' if skip else 'selesai'}")
        entries.sort(key=lambda e: (e.kecamatan, e.name))
        summary = scoring.summarise(scored, catalogue)
        texts = {o.id: o.text for o in catalogue.obligations.values()}
        site_portal = portal.Portal(title or read_settings(str(CONF))["SITENAME"], tuple(entries), summary, as_of.isoformat(), texts)
        run_pelican({"OUTPUT_PATH": str(stage), "SLIP_PORTAL": site_portal})
        index_search(stage)
        leaks = guard.scan(stage, forbidden)
        if leaks:
            raise BuildError(f"{len(leaks)} temuan data pribadi/dikecualikan di hasil: " + "; ".join(leaks[:5]))
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap(output, stage)
    return BuildResult(output, tuple(e.slug for e in entries if e.built), tuple(skipped), time.perf_counter() - start)
