"""`slip serve` (and `invoke serve`): serve output/ on localhost and rebuild when a village, slip.toml
or, in a checkout, the standard, theme or portal pages change.

The watcher compares a snapshot of (path, size, mtime) every second; when it changes it rebuilds,
and because a build swaps output/ in one rename, a page being served is never half-written.
"""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
import time
from pathlib import Path
from typing import Callable

def watched(villages: Path) -> tuple[Path, ...]:
    from checker import resources
    from sitegen import settings

    return (villages, settings.FILE, *(resources.path(name) for name in ("content", "theme", "slip_schema.yaml", "pelicanconf.py")))


def snapshot(paths: tuple[Path, ...]) -> frozenset[tuple[str, int, int]]:
    files = []
    for base in paths:
        candidates = [base] if base.is_file() else (p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for path in candidates:
            stat = path.stat()
            files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return frozenset(files)


def watch(paths: tuple[Path, ...], rebuild: Callable[[], None], stop: threading.Event, interval: float = 1.0) -> None:
    seen = snapshot(paths)
    while not stop.wait(interval):
        now = snapshot(paths)
        if now != seen:
            seen = now
            rebuild()


def serve(output: Path, villages: Path, *, port: int = 8000, as_of: dt.date | None = None) -> None:
    from checker.run.cache import CACHE_DIR
    from checker.run.pool import cpu_count
    from sitegen import settings
    from sitegen.build import build

    def rebuild() -> None:
        started = time.perf_counter()
        try:  # through the check cache: only the villages that changed are built again; slip.toml read anew
            result = build(villages, output, as_of=as_of or dt.date.today(), site=settings.load(), jobs=cpu_count(),
                           cache_dir=CACHE_DIR)
            print(f"dibangun ulang: {len(result.built)} desa ({result.reused} tidak berubah), "
                  f"{time.perf_counter() - started:.1f} detik", flush=True)
        except Exception as error:  # keep serving the previous site (SettingsError, Refused, BuildError)
            print(f"gagal membangun ulang, situs sebelumnya tetap: {error}", flush=True)

    if not output.exists():
        rebuild()
    stop = threading.Event()
    threading.Thread(target=watch, args=(watched(villages), rebuild, stop), daemon=True).start()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Buka http://localhost:{port}/  (Ctrl+C untuk berhenti)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
