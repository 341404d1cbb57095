"""Cold `slip check` CPU per village: the working tree beside an earlier git revision, same corpus.

Reading documents whole must not make checking slower, and a machine shared with other jobs makes
wall time say little about that. So this measures CPU (user + system of the child and of every
worker it reaped, from wait4) of a cold check (`--jobs 1`, an empty cache) of the corpus that
bench/generate.py makes (bench/check_bench.py's, reused), for the code under test and for the code
of `--against` (unpacked from git into a folder of its own), in alternating runs so a change of load
hits both alike. Prints each run, the medians in ms CPU per village and their ratio.

Usage: python bench/cpu_bench.py [--against e58775a] [--size 205] [--repeat 5] [--corpus-root DIR]
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_bench import ROOT, corpus, machine, revision, slip, snapshot  # noqa: E402


def unpack(rev: str, root: Path) -> Path:
    """The checker and slip_schema.yaml of `rev`, as check_bench.snapshot copies the working tree's."""
    target = root / f"code-{rev}"
    archive = subprocess.run(["git", "archive", rev, "checker", "slip_schema.yaml"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def cpu(command: list[str], code: Path) -> tuple[float, int]:
    """CPU seconds (user + system, the child and the workers it reaped) and the exit code."""
    environment = {**os.environ, "PYTHONPATH": str(code)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=code, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, process.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="e58775a", help="the git revision to compare with")
    parser.add_argument("--size", type=int, default=205)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus-root", type=Path, default=Path(tempfile.gettempdir()) / "slip-bench")
    args = parser.parse_args(argv)
    root = args.corpus_root.resolve()
    print(f"machine: {machine()}", flush=True)
    codes = {f"this ({revision()})": snapshot(root), f"old ({args.against})": unpack(args.against, root)}
    villages = corpus(root, args.size)
    seconds: dict[str, list[float]] = {name: [] for name in codes}
    codes_seen: set[int] = set()
    for index in range(args.repeat):
        for name, code in codes.items():
            with tempfile.TemporaryDirectory(prefix="slip-cpu-cache-") as cache:
                start = time.perf_counter()
                used, exit_code = cpu(slip(villages, Path(cache), 1), code)
            seconds[name].append(used)
            codes_seen.add(exit_code)
            print(f"  run {index + 1}/{args.repeat} {name}: {1000 * used / args.size:.1f} ms CPU/village "
                  f"({time.perf_counter() - start:.1f} s wall)", flush=True)
    medians = {name: 1000 * statistics.median(values) / args.size for name, values in seconds.items()}
    (this, new), (old, before) = medians.items()
    print(f"\n| {args.size} villages, cold, --jobs 1, median of {args.repeat} | ms CPU per village |\n| --- | --- |")
    print(f"| {this} | {new:.1f} |\n| {old} | {before:.1f} |")
    print(f"\nratio this/old: {new / before:.3f}; exit codes {sorted(codes_seen)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
