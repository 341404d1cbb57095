"""One Pagefind index per village, written next to its pages, through one Pagefind process per worker.

A village's search page searches that village only, so each village gets its own small index: a
village that did not change keeps its index, and indexing runs in the build's worker processes.
Pagefind's Python API answers each request after a 0.1 s polling sleep (0.3 s a village); this
speaks the same service protocol (base64 JSON, comma-terminated, over the binary's stdin/stdout)
synchronously. Pagefind's own UI bundle is not kept: the theme's script drives its JS API, loaded
once from the site's shared `pagefind/` folder.
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

CONFIG = {"force_language": "id"}
# What a village's search needs from Pagefind's output: the index itself and the WebAssembly, which
# Pagefind loads from the index's folder (70 KB a village). The script lives once in the shared folder.
SHARED = ("pagefind.js",)
KEEP = {"pagefind-entry.json", "wasm.id.pagefind", "index", "fragment", "filter"}


class SearchIndexError(Exception):
    pass


class Indexer:
    """A running `pagefind --service`; index folders one after another."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise SearchIndexError("pagefind tidak terpasang (pip install 'pagefind[extended]')")
        self._process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, cwd=os.getcwd())
        self._next = 0
        self._buffer = bytearray()
        self._shared: set[Path] = set()

    def _send(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._next += 1
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin and stdout
        stdin.write(base64.b64encode(json.dumps({"message_id": self._next, "payload": payload}).encode()) + b",")
        stdin.flush()
        while True:  # base64 has no comma: the comma ends each answer
            while b"," not in self._buffer:
                chunk = stdout.read1(1 << 16)
                if not chunk:
                    raise SearchIndexError("pagefind berhenti tanpa jawaban")
                self._buffer += chunk
            raw, _, rest = bytes(self._buffer).partition(b",")
            self._buffer = bytearray(rest)
            response = json.loads(base64.b64decode(raw))
            if response and response.get("message_id") == self._next:
                break
        answer = response["payload"]
        if answer.get("type") == "Error":
            raise SearchIndexError(f"pagefind: {answer.get('message')}")
        return answer

    def index(self, site: Path, shared: Path) -> int:
        """Index the pages under `site` into `site/pagefind/`; Pagefind's script goes once to `shared`."""
        index_id = self._send({"type": "NewIndex", "config": CONFIG})["index_id"]
        try:
            added = self._send({"type": "AddDir", "index_id": index_id, "path": str(site)})
            self._send({"type": "WriteFiles", "index_id": index_id, "output_path": str(site / "pagefind")})
        finally:
            self._send({"type": "DeleteIndex", "index_id": index_id})
        written = site / "pagefind"
        if shared not in self._shared:  # once per process: the shared copy is of this Pagefind
            _share(written, shared)
            self._shared.add(shared)
        for extra in written.iterdir():
            if extra.name not in KEEP and not extra.name.endswith(".pf_meta"):
                (shutil.rmtree if extra.is_dir() else Path.unlink)(extra)
        return int(added.get("page_count", 0))

    def close(self) -> None:
        """End the service and wait for it: a child nobody waits for stays in the process table."""
        if self._process.stdin:
            with contextlib.suppress(OSError):  # Pagefind may be gone already (Ctrl-C reaches it too)
                self._process.stdin.close()
        try:
            self._process.wait(timeout=5)  # end of input is Pagefind's signal to exit
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _share(written: Path, shared: Path) -> None:
    """Put Pagefind's script in `shared`, replacing one linked from the previous build (atomically: workers race)."""
    shared.mkdir(exist_ok=True)
    for name in SHARED:
        temporary = shared / f".{name}.{os.getpid()}"
        shutil.copyfile(written / name, temporary)
        os.replace(temporary, shared / name)
