"""The text of documents, kept under `<cache>/text/` by the hash of their bytes and of the checker.

Reading the text of a PDF for the NIK scan is the largest part of loading a village (33 small PDFs:
about 70 ms of the 100). A document's text depends only on its bytes and on the code that reads
them, so it is kept by a hash of both: a village whose YAML changed, or a build right after a check,
reads its unchanged documents' text from here. Never stale (a changed byte is another key), never
trusted as code (JSON, not pickle). Documents over LIMIT are read each time, not hashed whole.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO

from checker.documents import text as doctext
from checker.documents.office import Text

LIMIT = 16_000_000


class TextCache:
    def __init__(self, directory: Path, version: str):
        self.directory, self.version = directory, version.encode()

    def read(self, handle: BinaryIO, size: int) -> tuple[str, Text]:
        """What doctext.read gives, from the cache when these bytes were read before."""
        if size > LIMIT:
            return doctext.read(handle, size)
        data = handle.read(LIMIT + 1)
        key = hashlib.blake2b(self.version + b"\0" + data, digest_size=20).hexdigest()
        path = self.directory / key[:2] / f"{key}.json"
        try:
            entry = json.loads(path.read_bytes())
            return entry["kind"], Text(tuple(entry["pages"]), tuple(entry["places"]), entry["problem"], entry["known"])
        except (OSError, ValueError, KeyError, TypeError):  # absent or damaged: read the document
            pass
        kind, text = doctext.read(io.BytesIO(data), len(data))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"kind": kind, **asdict(text)}, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:  # a read-only or full disk costs speed, never a result
            pass
        return kind, text
