"""Benchmark `slip build` on generated villages: cold, after a check, unchanged, one village changed.

For each size (205 villages = Kabupaten Lumajang; `--quick`: 30) the corpus comes from
bench/generate.py (shared with check_bench.py). Each repeat runs `slip build` as a child process:

- cold: no check cache, no earlier site (every village checked, rendered, indexed, scanned);
- after check: the check cache filled by an untimed `slip check`, no earlier site (what CI does:
  check, then build);
- unchanged: again into the same output (every village reused);
- one change: one village's profil.yaml edited, then built again (that village and the portal);
- naive: one `slip build` process per village, 2 at a time, as a script looping over villages would
  do (each process pays Python's and Pelican's start-up); timed on a sample and scaled.

All in the same run, so the ratios compare like with like on a noisy machine. Figures are medians of
the repeats; peak memory is the largest resident set of the child or any worker (wait4). Figures,
not tests: nothing here fails on a slow machine.

Usage: python bench/build_bench.py [--quick] [--sizes 205] [--repeat 3] [--corpus-root DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_bench import AS_OF, ROOT, Run, corpus, machine, revision, timed  # noqa: E402

SOURCES = ("checker", "sitegen", "theme", "content")
FILES = ("pelicanconf.py", "slip_schema.yaml")


def snapshot(root: Path) -> Path:
    """The code every child runs (PYTHONPATH wins over the editable install): edits to the working
    tree during a run change neither the code measured nor, through the cache keys, what is reused."""
    target = root / "code"
    shutil.rmtree(target, ignore_errors=True)
    for name in SOURCES:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in FILES:
        shutil.copy2(ROOT / name, target / name)
    return target


def slip_build(villages: Path, output: Path, cache: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "checker", "build", str(villages), "--output", str(output), "--as-of", AS_OF,
            "--cache-dir", str(cache), "--jobs", str(jobs)]


def slip_check(villages: Path, cache: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "checker", "check", str(villages), "--as-of", AS_OF, "--format", "json",
            "--output", os.devnull, "--cache-dir", str(cache), "--jobs", str(jobs)]


def naive(villages: Path, sample: int, jobs: int, work: Path) -> int:
    """The baseline, from this child: one build process per village, `jobs` at a time."""
    from checker.loader import find_villages

    waiting = [(v, work / v.name) for v in find_villages(villages)[:sample]]
    running: list[subprocess.Popen[bytes]] = []
    while waiting or running:
        while waiting and len(running) < jobs:
            village, output = waiting.pop(0)
            command = [sys.executable, "-m", "checker", "build", str(village), "--output", str(output), "--as-of", AS_OF,
                       "--no-cache", "--jobs", "1"]
            running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        running[0].wait()
        running = [p for p in running if p.poll() is None]
    return 0


def measure(count: int, root: Path, repeat: int, jobs: int, sample: int, code: Path) -> dict[str, list[Run]]:
    villages = corpus(root, count)
    runs: dict[str, list[Run]] = {k: [] for k in ("cold", "after_check", "unchanged", "one_change", "naive")}
    edited = sorted(p for p in villages.iterdir() if (p / "profil.yaml").exists())[count // 2] / "profil.yaml"
    original = edited.read_bytes()
    for index in range(repeat):
        with tempfile.TemporaryDirectory(prefix="slip-bench-build-") as scratch:
            work = Path(scratch)
            runs["cold"].append(timed(slip_build(villages, work / "a" / "output", work / "cache-a", jobs), code))
            subprocess.run(slip_check(villages, work / "cache-b", jobs), cwd=code, env={**os.environ, "PYTHONPATH": str(code)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            output = work / "b" / "output"
            runs["after_check"].append(timed(slip_build(villages, output, work / "cache-b", jobs), code))
            runs["unchanged"].append(timed(slip_build(villages, output, work / "cache-b", jobs), code))
            try:
                edited.write_bytes(original + f"\n# bench {index} {time.time_ns()}\n".encode())
                runs["one_change"].append(timed(slip_build(villages, output, work / "cache-b", jobs), code))
            finally:
                edited.write_bytes(original)
            command = [sys.executable, str(Path(__file__).resolve()), "--naive", str(villages.resolve()),
                       "--sample", str(sample), "--jobs", str(jobs), "--work", str(work / "naive")]
            runs["naive"].append(timed(command, code))
        line = ", ".join(f"{k} {v[-1].seconds:.1f} s" for k, v in runs.items())
        print(f"  {count} villages, run {index + 1}/{repeat}: {line} (naive: {sample} villages)", flush=True)
    return runs


LABELS = {"cold": "slip build, cold (no cache, no earlier site)",
          "after_check": "slip build after slip check (cache warm, no earlier site)",
          "unchanged": "slip build again, nothing changed",
          "one_change": "slip build again, one village changed",
          "naive": "naive: one build process per village"}


def report(count: int, runs: dict[str, list[Run]], repeat: int, sample: int, jobs: int) -> list[str]:
    median = {k: statistics.median(r.seconds for r in v) for k, v in runs.items()}
    median["naive"] *= count / sample
    peak = {k: statistics.median(r.peak_mb for r in v) for k, v in runs.items()}
    note = "median of 3" if repeat >= 3 else f"{repeat} run{'s' if repeat > 1 else ''} (no median)"
    rows = [f"| {count} villages, --jobs {jobs} ({note}) | wall s | ms/village | peak MB |", "| --- | --- | --- | --- |"]
    for name, label in LABELS.items():
        if name == "naive":
            label += f", {jobs} at a time" + (f" (timed on {sample}, scaled)" if sample < count else "")
        rows.append(f"| {label} | {median[name]:.2f} | {1000 * median[name] / count:.1f} | {peak[name]:.0f} |")
    rows.append(f"\nratios: naive vs cold {median['naive'] / median['cold']:.1f}x, naive vs after check "
                f"{median['naive'] / median['after_check']:.1f}x, cold vs one change {median['cold'] / median['one_change']:.1f}x. "
                f"exit codes: {sorted({r.code for v in runs.values() for r in v})}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 villages once (for CI)")
    parser.add_argument("--sizes", default="205")
    parser.add_argument("--repeat", type=int, default=None, help="runs per size (default 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus-root", type=Path, default=Path(tempfile.gettempdir()) / "slip-bench")
    parser.add_argument("--sample", type=int, default=20, help="villages the naive baseline times")
    parser.add_argument("--naive", type=Path, help=argparse.SUPPRESS)  # the baseline's own child process
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.naive:
        return naive(args.naive, args.sample, args.jobs, args.work)
    sizes = [30] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = args.repeat or (1 if args.quick else 3)
    print(f"machine: {machine()}\ncode: {revision()}, jobs {args.jobs}, --as-of {AS_OF}", flush=True)
    args.corpus_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="slip-bench-code-") as scratch:
        code = snapshot(Path(scratch))
        for count in sizes:
            sample = min(args.sample, count)
            runs = measure(count, args.corpus_root, repeat, args.jobs, sample, code)
            print("\n".join(report(count, runs, repeat, sample, args.jobs)) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
