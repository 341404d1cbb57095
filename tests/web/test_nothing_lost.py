"""Nothing lost: a build killed at any moment leaves the previous site whole; two builds take turns."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest



@pytest.fixture
def build(demo_root):
    """`slip build` of the session's copy of the demo villages, into the folder appended to it."""
    return [sys.executable, "-m", "checker", "build", str(demo_root), "--as-of", "2026-11-28", "--output"]


def complete(output) -> bool:
    root = output.resolve()
    return all((root / slug / "index.html").is_file() for slug in ("kraton", "sumberwuluh", "supiturang")) and \
        (root / "index.html").is_file() and (root / "pagefind").is_dir()


@pytest.mark.parametrize("after", [0.3, 0.8, 1.4])
def test_sigkill_during_a_build_leaves_the_previous_site_whole(tmp_path, after, build):
    output = tmp_path / "output"
    subprocess.run(build + [str(output)], check=True, capture_output=True, cwd=tmp_path)
    first = output.resolve()
    files_before = sorted(p.relative_to(first) for p in first.rglob("*"))
    process = subprocess.Popen(build + [str(output)], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert complete(output)  # whichever build the link points at, it is whole
    if output.resolve() == first:
        assert sorted(p.relative_to(first) for p in first.rglob("*")) == files_before
    subprocess.run(build + [str(output)], check=True, capture_output=True, cwd=tmp_path)  # and the next build cleans up:
    kept = {p for p in (tmp_path / ".output-builds").iterdir() if p.is_dir() and p.name != ".trash"}  # the live build and the one it replaced
    assert complete(output) and output.resolve() in kept and len(kept) == 2


def test_two_builds_at_once_take_turns_with_a_message(tmp_path, build):
    output = tmp_path / "output"
    first = subprocess.Popen(build + [str(output)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    builds = tmp_path / ".output-builds"
    deadline = time.monotonic() + 20
    while not (builds.exists() and any(p.is_dir() for p in builds.iterdir())):  # the first holds the lock now
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.02)
    second = subprocess.run(build + [str(output)], cwd=tmp_path, capture_output=True, text=True)
    first.communicate()
    assert first.returncode == 0 and second.returncode == 0
    assert "menunggu giliran" in second.stderr
    assert complete(output)
    assert os.path.islink(output)
