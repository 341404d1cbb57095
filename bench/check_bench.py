"""Benchmark `slip check` on generated villages: cold and warm cache, memory, and a naive baseline.

For each size (205 villages = Kabupaten Lumajang 35.08, 8,500 = Jawa Timur 35; `--quick`: 30), the
corpus is generated once by bench/generate.py, then `slip check` runs as a child process: cold (an
empty cache), warm (the cache the cold run left), and the naive baseline (pure-Python
yaml.safe_load plus Cerberus validate of every file, no marks, no other rule, no documents, serial),
all in the same run, so the ratios compare like with like on a machine whose load may change. Each
figure is the median of the repeats; peak memory is the largest resident set of the child process
or any of its workers (wait4's ru_maxrss). Figures, not tests: nothing here fails on a slow machine.

Above 1,000 villages the baseline times its first 500 (`--naive-sample`) and is scaled: at half a
second a village it would otherwise run for over an hour.

Usage: python bench/check_bench.py [--quick] [--sizes 205,8500] [--repeat 3] [--corpus-root DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"  # the date the template village is written for
AREAS = {30: "35.08", 205: "35.08", 8500: "35"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "?")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"nproc {os.cpu_count()}, CPU {model}, Python {platform.python_version()} ({sys.executable}), "
            f"load average at start {load}")


def snapshot(root: Path) -> Path:
    """A copy of the checker and slip_schema.yaml that every child runs from (PYTHONPATH wins over
    the editable install), so an edit to the working tree during a long run cannot change the code
    under test, nor, through the cache key, turn the warm run into a cold one."""
    target = root / "code"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "checker", target / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "slip_schema.yaml", target / "slip_schema.yaml")
    return target


def revision() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, check=False).stdout.strip()

    dirty = git("status", "--porcelain", "--", "checker", "slip_schema.yaml")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes to checker/" if dirty else "")


def timed(command: list[str], code: Path) -> Run:
    """Wall time and peak RSS (the child or any worker it reaped) of one child process."""
    start = time.perf_counter()
    environment = {**os.environ, "PYTHONPATH": str(code)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=code, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
    return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode)


def corpus(root: Path, count: int) -> Path:
    """The generated villages for a size, reused when an earlier run left them complete."""
    out = root / f"{AREAS.get(count, '35')}-{count}"
    manifest = out / "manifest.json"
    if manifest.exists() and len(json.loads(manifest.read_text())) == count:
        return out
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(out), "--count", str(count),
                    "--area", AREAS.get(count, "35")], check=True, cwd=ROOT)
    print(f"  generated {count} villages in {time.perf_counter() - start:.0f} s", flush=True)
    return out


def slip(villages: Path, cache: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "checker", "check", str(villages), "--as-of", AS_OF, "--format", "json",
            "--output", os.devnull, "--cache-dir", str(cache), "--jobs", str(jobs)]


def naive(villages: Path, limit: int) -> int:
    """The baseline, in this process: what a first implementation would do for each file."""
    import yaml

    from checker.catalogue import load_catalogue
    from checker.loader import find_villages, village_files
    from checker.schema.validator import validator_for

    catalogue = load_catalogue()
    for village in find_villages(villages)[:limit]:
        yaml_names, md_names = village_files(village)
        for name in [*yaml_names, *md_names]:
            text = (village / name).read_text(encoding="utf-8")
            if name.endswith(".md"):
                parts = text.split("---", 2)
                text = parts[1] if text.startswith("---") and len(parts) == 3 else "{}"
            data = yaml.load(text, Loader=yaml.SafeLoader)  # pure Python, no libyaml, no marks
            validator = validator_for(name, catalogue)
            if validator is not None and isinstance(data, dict):
                validator.validate(data)  # Cerberus as documented: normalising, every time
    return 0


def measure(count: int, root: Path, repeat: int, jobs: int, sample: int, code: Path) -> dict[str, list[Run]]:
    villages = corpus(root, count)
    runs: dict[str, list[Run]] = {"cold": [], "warm": [], "naive": []}
    naive_run = [sys.executable, str(Path(__file__).resolve()), "--naive", str(villages.resolve()), "--naive-limit", str(sample)]
    for index in range(repeat):
        with tempfile.TemporaryDirectory(prefix="slip-bench-cache-") as cache:
            for name in ("cold", "warm"):
                runs[name].append(timed(slip(villages, Path(cache), jobs), code))
                print(f"  {count} villages, run {index + 1}/{repeat}: {name} {runs[name][-1].seconds:.1f} s", flush=True)
        runs["naive"].append(timed(naive_run, code))
        print(f"  {count} villages, run {index + 1}/{repeat}: naive {runs['naive'][-1].seconds:.1f} s"
              f" ({sample} villages)", flush=True)
    return runs


def report(count: int, runs: dict[str, list[Run]], repeat: int, sample: int) -> list[str]:
    median = {k: statistics.median(r.seconds for r in v) for k, v in runs.items()}
    median["naive"] *= count / sample  # the baseline may have timed a sample: scale it to the whole
    peak = {k: statistics.median(r.peak_mb for r in v) for k, v in runs.items()}
    rate = {k: count / s for k, s in median.items()}
    note = "median of 3" if repeat >= 3 else f"{repeat} run{'s' if repeat > 1 else ''} (no median)"
    rows = [f"| {count} villages ({note}) | wall s | villages/s | ms/village | peak MB |", "| --- | --- | --- | --- | --- |"]
    baseline = "naive baseline (serial)" if sample == count else f"naive baseline (serial; timed on {sample}, scaled)"
    for name, label in (("cold", "slip check, cold cache"), ("warm", "slip check, warm cache"), ("naive", baseline)):
        rows.append(f"| {label} | {median[name]:.1f} | {rate[name]:.1f} | {1000 * median[name] / count:.1f} | {peak[name]:.0f} |")
    rows.append(f"\nratios: cold vs naive {median['naive'] / median['cold']:.2f}x faster; warm vs naive "
                f"{median['naive'] / median['warm']:.1f}x; warm vs cold {median['cold'] / median['warm']:.1f}x. "
                f"exit codes: {sorted({r.code for v in runs.values() for r in v})}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 villages once (for CI)")
    parser.add_argument("--sizes", default="205,8500")
    parser.add_argument("--repeat", type=int, default=None, help="runs per size (default 3; 1 above 1,000 villages)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus-root", type=Path, default=Path(tempfile.gettempdir()) / "slip-bench")
    parser.add_argument("--naive-sample", type=int, default=500, help="villages the baseline times above 1,000")
    parser.add_argument("--naive", type=Path, help=argparse.SUPPRESS)  # the baseline's own child process
    parser.add_argument("--naive-limit", type=int, default=10**9, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.naive:
        return naive(args.naive, args.naive_limit)
    args.corpus_root = args.corpus_root.resolve()  # children run in the code snapshot's folder
    sizes = [30] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(f"machine: {machine()}", flush=True)
    code = snapshot(args.corpus_root)
    print(f"code: {revision()}, run from a copy in {code}", flush=True)
    print(f"slip check --jobs {args.jobs} --as-of {AS_OF}; corpora under {args.corpus_root}", flush=True)
    lines = []
    for count in sizes:
        repeat = args.repeat or (1 if args.quick or count > 1000 else 3)
        sample = min(count, args.naive_sample) if count > 1000 else count
        runs = measure(count, args.corpus_root, repeat, args.jobs, sample, code)
        lines += ["", *report(count, runs, repeat, sample)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
