"""Scale features change speed, never results: cache, parallel workers and shards give the same report.

A corpus of 30 generated villages is checked serially without cache, in parallel through a cold and
a warm cache, and in three shards; the JSON reports must be identical.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.cli.progress import Progress
from checker.catalogue import load_catalogue
from checker.model import Village
from checker.run.cache import Cache
from checker.run.pipeline import Job, check_all, run
from checker.run.step import Verdict
from checker.run.shard import Shard
from tests.conftest import DEMO_AS_OF
from tests.run.conftest import as_json


@pytest.fixture(scope="module")
def serial(corpus: Path) -> dict:
    return as_json(run([corpus], as_of=DEMO_AS_OF, jobs=1))


def test_shards_parallel_and_cached_runs_all_equal_the_serial_uncached_run(corpus, serial, tmp_path):
    # Each village is checked cold once, in a shard, by two workers writing the cache...
    parts = [as_json(run([corpus], as_of=DEMO_AS_OF, jobs=2, shard=Shard(k, 3), cache_dir=tmp_path))["villages"]
             for k in (1, 2, 3)]
    assert sorted(len(p) for p in parts) == [10, 10, 10] and len(list(tmp_path.glob("??/*.json"))) == 30
    union = sorted((v for part in parts for v in part), key=lambda v: v["slug"])
    assert union == sorted(serial["villages"], key=lambda v: v["slug"])
    # ...then the whole run is read back from it, in parallel and serially.
    assert as_json(run([corpus], as_of=DEMO_AS_OF, jobs=2, cache_dir=tmp_path)) == serial
    assert as_json(run([corpus], as_of=DEMO_AS_OF, jobs=1, cache_dir=tmp_path)) == serial
    assert any(v["findings"] for v in serial["villages"]) and any(not v["findings"] for v in serial["villages"])


def test_bad_jobs_is_a_usage_error(capsys, demo_root):
    assert main(["check", str(demo_root), "--jobs", "0"]) == 2
    assert "jumlah proses '0' tidak sah" in capsys.readouterr().err


def test_progress_in_ci_is_a_line_per_tenth_and_on_a_terminal_one_redrawn_line():
    plain, clock = io.StringIO(), iter(range(1000)).__next__
    progress = Progress(plain, "en", tty=False, clock=lambda: 0.0)
    for done in range(1, 101):
        progress(done, 100)
    lines = plain.getvalue().splitlines()
    assert len(lines) == 10 and lines[-1].startswith("slip: 100/100 villages (100%)")
    bar = io.StringIO()
    progress = Progress(bar, "id", tty=True, clock=lambda: float(clock()))
    for done in range(1, 31):
        progress(done, 30)
    assert bar.getvalue().count("\n") == 1 and bar.getvalue().count("\r") == 30 and "desa/dtk" in bar.getvalue()
    quiet = io.StringIO()
    for done in range(1, 4):
        Progress(quiet, tty=False)(done, 3)
    assert quiet.getvalue() == ""


class Recorder:
    """A stage that writes down what it was given: (how, slug, findings) per village, and its closes."""

    chunk = 1

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def prepare(self) -> None:
        (self.folder / "prepared").touch()

    def reuse(self, verdict: Verdict) -> tuple[str, str, int] | None:
        return ("reused", verdict.path.name, len(verdict.result.findings))  # whenever it is asked

    def publish(self, verdict: Verdict, village: Village) -> tuple[str, str, int]:
        assert village.slug == verdict.path.name and verdict.result.root == str(verdict.path)
        return ("published", village.slug, len(verdict.result.findings))

    def close(self) -> None:
        (self.folder / f"closed-{os.getpid()}").touch()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stage_gets_every_verdict_in_order_and_closes_in_every_process(tmp_path, demo_village, jobs):
    villages = [demo_village(slug) for slug in ("kraton", "sumberwuluh", "supiturang")]
    job = Job(load_catalogue(), DEMO_AS_OF, Cache.open(tmp_path / "cache", load_catalogue(), DEMO_AS_OF))
    marks = tmp_path / "marks"
    marks.mkdir()
    plain = [c.output for c in check_all(villages, Job(load_catalogue(), DEMO_AS_OF))]  # no stage: the results themselves
    slugs_and_counts = [(v.name, len(result.findings)) for v, result in zip(villages, plain)]
    # a stage is asked to reuse only a result the cache served: the first run fills the cache, the second reads it
    first = [c.output for c in check_all(villages, job, jobs=jobs, stage=Recorder(marks))]
    assert first == [("published", *row) for row in slugs_and_counts]
    assert [c.output for c in check_all(villages, job, jobs=jobs, stage=Recorder(marks))] == [("reused", *row) for row in slugs_and_counts]
    closed = [p.name for p in marks.iterdir() if p.name.startswith("closed-")]
    assert (marks / "prepared").exists() and len(closed) == 2 * jobs - (jobs == 1)  # workers are new processes every run
    assert (f"closed-{os.getpid()}" in closed) == (jobs == 1)
