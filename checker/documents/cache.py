"""The text of documents, kept under `<cache>/text/` by the hash of their bytes and of the reader.

Reading the text of a PDF for the NIK scan is the largest part of loading a village (33 small PDFs:
about 50 ms of the 80). A document's text depends only on its bytes and on the code that reads
them, so it is kept by a hash of both: the checker's version (its code digest), READER (bumped
when what is read changes, so no entry of an older reader, which read less of each document, is
ever used) and the versions of pypdf, pypdfium2 and Pillow. A village whose YAML changed, or a build
right after a check, reads its unchanged documents' text from here. Never trusted as code (JSON,
not pickle), and never trusted blindly: an entry stores the digest of the bytes it was read from
and a digest of its own content, and one that does not match them, or has any other shape, is a
miss and the document is read again; a damaged entry can never stand for "no text". Documents over
LIMIT are read each time, not hashed whole.
"""
from __future__ import annotations

import functools
import hashlib
import io
import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any, BinaryIO

from checker.documents import text as doctext
from checker.documents.office import Text

LIMIT = 16_000_000
READER = b"documents read whole 2"  # bump when the readers extract more or differently
_LIBRARIES = ("pypdf", "pypdfium2", "Pillow")


def _seal(source: str, kind: str, text: Text) -> dict[str, Any]:
    """The entry for `text`, with the digest that proves it was written whole, for these bytes."""
    body = {"source": source, "kind": kind, "pages": list(text.pages), "places": list(text.places),
            "problem": text.problem, "known": text.known, "format": text.format}
    return {**body, "seal": _digest(body)}


def _digest(body: dict[str, Any]) -> str:
    return hashlib.blake2b(json.dumps(body, ensure_ascii=False, sort_keys=True).encode(), digest_size=20).hexdigest()


def _open(entry: Any, source: str) -> tuple[str, Text] | None:
    """What a sealed entry holds, or None when it is not exactly what _seal wrote for `source`."""
    if not isinstance(entry, dict) or entry.get("source") != source:
        return None
    body = {key: value for key, value in entry.items() if key != "seal"}
    if entry.get("seal") != _digest(body) or set(body) != {"source", "kind", "pages", "places", "problem", "known", "format"}:
        return None
    pages, places = body["pages"], body["places"]
    if not (isinstance(pages, list) and isinstance(places, list) and all(isinstance(x, str) for x in pages + places)):
        return None
    if not all(isinstance(body[key], str) for key in ("kind", "problem", "format")) or not isinstance(body["known"], bool):
        return None
    return body["kind"], Text(tuple(pages), tuple(places), body["problem"], body["known"], body["format"])


@functools.lru_cache(maxsize=1)
def _libraries() -> bytes:
    """The versions of the readers' libraries (looked up once: importlib.metadata takes milliseconds)."""
    return "\0".join(f"{name} {version(name)}" for name in _LIBRARIES).encode()


class TextCache:
    def __init__(self, directory: Path, version_: str):
        self.directory, self.version = directory, b"\0".join((version_.encode(), READER, _libraries()))

    def read(self, handle: BinaryIO, size: int) -> tuple[str, Text]:
        """What doctext.read gives, from the cache when these bytes were read before by this reader."""
        if size > LIMIT:
            return doctext.read(handle, size)
        data = handle.read(LIMIT + 1)
        key = hashlib.blake2b(self.version + b"\0" + data, digest_size=20).hexdigest()
        source = hashlib.sha256(data).hexdigest()
        path = self.directory / key[:2] / f"{key}.json"
        try:
            found = _open(json.loads(path.read_bytes()), source)
            if found is not None:
                return found
        except (OSError, ValueError, RecursionError):  # absent or damaged: read the document
            pass
        kind, text = doctext.read(io.BytesIO(data), len(data))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(_seal(source, kind, text), ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:  # a read-only or full disk costs speed, never a result
            pass
        return kind, text
