"""No process outlives a build: the workers and their `pagefind --service` children are stopped and
reaped when a build finishes, is interrupted with Ctrl-C (exit 130) or is sent SIGTERM (exit 143).

Each build runs in its own session under a small watcher that makes itself the subreaper of what the
build leaves behind (Linux `PR_SET_CHILD_SUBREAPER`). A child its parent never waited for then stays
visible as a zombie of the watcher, instead of being reaped silently by the machine's init; anything
still carrying the build's session id once the build has exited is a leftover.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; subreaper is Linux-only")

WATCHER = r"""
import ctypes, json, os, signal, subprocess, sys, time

ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans come to us
mode, *command = sys.argv[1:]
build = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def session():
    # every process of the build's session but the build itself: pid -> (state, name)
    found = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except (OSError, ValueError):
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if int(rest[3]) == build.pid and int(entry) != build.pid:  # fields after the name: state ppid pgrp session
            found[int(entry)] = (rest[0], name)
    return found


if mode != "finish":  # interrupt while villages are being indexed: a worker's pagefind is running
    deadline = time.monotonic() + 120
    while build.poll() is None and not any("pagefind" in name for _, name in session().values()):
        if time.monotonic() > deadline:
            break
        time.sleep(0.005)
    if mode == "ctrl-c":
        os.killpg(build.pid, signal.SIGINT)  # what a terminal does: the whole foreground group
    else:
        os.kill(build.pid, signal.SIGTERM)  # what `kill` or a CI runner does: the build's own process
code = build.wait(timeout=120)
left = session()
for pid in left:  # leave nothing behind ourselves either
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
print(json.dumps({"code": code, "left": sorted(f"{pid} {state} {name}" for pid, (state, name) in left.items())}))
"""


def watch(mode: str, command: list[str], cwd) -> dict:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-c", WATCHER, mode, *command], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=True)
    return json.loads(done.stdout)


@pytest.fixture
def build(demo_root):  # type: ignore[no-untyped-def]
    """`slip build --jobs 2` of the session's demo copy (no cache: every village is rendered and indexed)."""
    return [sys.executable, "-m", "checker", "build", str(demo_root), "--as-of", "2026-11-28", "--jobs", "2",
            "--no-cache", "--output"]


def test_a_finished_parallel_build_leaves_no_process(tmp_path, build):
    assert watch("finish", build + [str(tmp_path / "output")], tmp_path) == {"code": 0, "left": []}
    assert (tmp_path / "output" / "kraton" / "pagefind").is_dir()


@pytest.mark.parametrize("mode, code", [("ctrl-c", 130), ("sigterm", 143)])
def test_an_interrupted_parallel_build_leaves_no_process_and_the_previous_site(tmp_path, build, mode, code):
    output = tmp_path / "output"
    subprocess.run(build + [str(output)], check=True, capture_output=True, cwd=tmp_path)
    live = output.resolve()
    assert watch(mode, build + [str(output)], tmp_path) == {"code": code, "left": []}
    assert output.resolve() == live and (live / "kraton" / "index.html").is_file()
