"""Same input, same output: the JSON report and the built site of two versions of slip-desa, byte for byte.

A refactoring promises no behaviour change. This script holds it to that: it checks out REV (default
HEAD) into a temporary git worktree, and runs both that version and the working tree on the same
villages, the tests' demo copy and `--villages N` generated ones (bench/generate.py), each in its own
process with its own PYTHONPATH. It compares the `slip check --format json` report and every file of
`slip build`, and the time each took (median of `--repeat`). `slip-build.json` is left out of the
comparison: its keys hash the site code itself, which is what changes.

Usage: python bench/equivalence.py [--rev REV] [--villages 100] [--repeat 1] [--jobs 2]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"
SKIPPED = {"slip-build.json"}


def run(tree: Path, args: list[str], cwd: Path) -> tuple[bytes, float, int]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("SLIP_SITE_URL", None)
    env.pop("SLIP_SITE_TITLE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env, capture_output=True)
    return done.stdout, time.perf_counter() - start, done.returncode


def site_files(output: Path) -> dict[str, str]:
    root = output.resolve()
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name not in SKIPPED}


def measure(tree: Path, corpus: Path, work: Path, repeat: int, jobs: int) -> dict[str, object]:
    check_times, build_times = [], []
    for index in range(repeat):
        report, seconds, code = run(tree, ["check", str(corpus), "--format", "json", "--as-of", AS_OF,
                                           "--no-cache", "--jobs", str(jobs)], work)
        check_times.append(seconds)
        output = work / f"out-{index}"
        _, seconds, built = run(tree, ["build", str(corpus), "--output", str(output), "--as-of", AS_OF,
                                       "--no-cache", "--jobs", str(jobs)], work)
        build_times.append(seconds)
    return {"report": report, "check_exit": code, "build_exit": built, "site": site_files(output),
            "check_s": statistics.median(check_times), "build_s": statistics.median(build_times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--villages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate
    from tests.conftest import DEMO

    with tempfile.TemporaryDirectory(prefix="slip-equivalence-") as temp:
        temp_path = Path(temp)
        before = temp_path / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(before), args.rev], check=True)
        try:
            differ = 0
            for name in ("demo", "generated"):
                corpus = temp_path / name / "villages"
                if name == "demo":
                    shutil.copytree(DEMO, corpus, ignore=shutil.ignore_patterns("README.md"))
                else:
                    generate(corpus, "35.08", args.villages, template=DEMO / "kraton")
                results = {}
                for label, tree in (("before", before), ("after", ROOT)):
                    work = temp_path / name / label
                    work.mkdir()
                    results[label] = measure(tree, corpus, work, args.repeat, args.jobs)
                old, new = results["before"], results["after"]
                same_report = old["report"] == new["report"]
                changed = sorted(k for k in old["site"].keys() | new["site"].keys() if old["site"].get(k) != new["site"].get(k))
                count = sum(p.is_dir() for p in corpus.iterdir())
                print(f"{name}: {count} villages; JSON report {len(new['report']):,} bytes, "
                      f"{'identical' if same_report else 'DIFFERENT'}; site {len(new['site'])} files, "
                      f"{'identical' if not changed else f'{len(changed)} DIFFERENT: ' + ', '.join(changed[:8])}; "
                      f"exit codes {old['check_exit']}/{old['build_exit']} -> {new['check_exit']}/{new['build_exit']}")
                print(f"  check {old['check_s']:.2f} s -> {new['check_s']:.2f} s ({new['check_s'] / old['check_s']:.2f}x); "
                      f"build {old['build_s']:.2f} s -> {new['build_s']:.2f} s ({new['build_s'] / old['build_s']:.2f}x)")
                exits_differ = (old["check_exit"], old["build_exit"]) != (new["check_exit"], new["build_exit"])
                differ += int(not same_report) + int(bool(changed)) + int(exits_differ)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)], check=False)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
