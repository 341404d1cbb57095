"""Results of villages that did not change, kept under `.slip-cache/` and keyed by content.

A village's key hashes everything its result depends on: the checker's own sources and data and the
versions of the libraries that read the input (`code_digest`), the bytes of slip_schema.yaml
(`Catalogue.digest`), the reference date, the folder as given, and the name and bytes of every
YAML and Markdown file. The documents a village refers to are only known once its YAML is read, so
an entry also stores their references and a digest of their bytes, re-hashed on every lookup. Never
the modification time: a fresh CI checkout gives every file a new one. Files are hashed here, never
parsed; the loader stays the only reader of village content. Entries are JSON, not pickle, because a
restored CI cache is data that must not run code.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import stat
import sys
from importlib import metadata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import cerberus
import pypdf
import yaml

import checker
from checker.catalogue import Catalogue
from checker.domain import references
from checker.findings import CheckResult, Finding, Severity
from checker.loader import MAX_BYTES, village_files
from checker.documents.cache import TextCache

CACHE_DIR = Path(".slip-cache")
FORMAT = b"slip-cache 2"  # bump when the entry layout changes
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_LARGE = 1 << 24  # 16 MB: a larger document is hashed in chunks, never held whole


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of the checker package (sources and data) and of the libraries that read village files."""
    digest = hashlib.blake2b(FORMAT, digest_size=16)
    package = Path(checker.__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    versions = (sys.version, yaml.__version__, cerberus.__version__, pypdf.__version__,
                metadata.version("pypdfium2"), metadata.version("Pillow"))
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()


def schema_digest(catalogue: Catalogue) -> str:
    """The slip_schema.yaml part of the key (a function, so tests can change it)."""
    return catalogue.digest


def _read(path: str, *, follow: bool, limit: int | None = None) -> bytes | None:
    """The bytes of a file; None when it is a symlink and follow is off. Errors become bytes too.

    What the loader decides without reading is keyed the same way: a FIFO or device (never opened
    by the loader, and reading one would block or never end), a file over `limit` (refused by its
    size alone). A large document is hashed as it streams, so memory stays flat.
    """
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | (0 if follow else _NOFOLLOW))
    except OSError as error:
        if not follow and _NOFOLLOW and os.path.islink(path):
            return None
        return f"\0error {error.errno}".encode()
    try:
        status = os.fstat(fd)
        if stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode):
            return b"\0special"
        size = status.st_size
        if limit is not None and size > limit:
            return f"\0too big {size}".encode()
        if size > _LARGE:
            digest = hashlib.blake2b(digest_size=32)
            while chunk := os.read(fd, 1 << 20):
                digest.update(chunk)
            return b"\0large " + digest.hexdigest().encode()
        data = os.read(fd, size + 1)  # one read for a regular file; the loop covers one that grows
        if len(data) <= size:
            return data
        chunks = [data]
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:  # a directory opens on Linux and fails on read
        return f"\0error {error.errno}".encode()
    finally:
        os.close(fd)


def _update(digest: Any, name: str, data: bytes) -> None:
    digest.update(f"\0{name}\0{len(data)}\0".encode())
    digest.update(data)


def _inside(path: str, real_root: str) -> bool:
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root + os.sep)


def _file_bytes(root: Path, name: str, real_root: str) -> bytes:
    """What the loader sees of one file: its bytes, or that it is a symlink out of the folder."""
    path = os.path.join(root, name)
    data = _read(path, follow=False, limit=MAX_BYTES)
    if data is not None:
        return data
    if not _inside(path, real_root):  # the loader reports such a file without reading it
        return b"\0outside"
    return b"\0link\0" + (_read(path, follow=True, limit=MAX_BYTES) or b"")


def _document_bytes(root: str, ref: str, real_root: str, real_dirs: dict[str, str]) -> bytes:
    """What the loader sees of one referenced document (see loader.inspect_document)."""
    if not references.is_safe(ref):
        return b"\0refused"  # decided by the reference alone, which the YAML key covers
    posix = ref.replace("\\", "/")
    path = os.path.join(root, posix)
    parent, base = os.path.split(path)
    if parent not in real_dirs:  # one realpath per folder: realpath of every file is too slow
        real_dirs[parent] = os.path.realpath(parent)
    data = _read(path, follow=False)
    if data is not None:  # not a symlink: inside when its folder is
        inside = os.path.join(real_dirs[parent], base).startswith(real_root + os.sep)
        return data if inside else b"\0outside " + str(os.path.exists(path)).encode()
    if not _inside(path, real_root):
        return b"\0outside " + str(os.path.exists(path)).encode()
    return b"\0link\0" + (_read(path, follow=True) or b"")


@dataclass(frozen=True)
class Cache:
    """One run's view of the cache folder: its directory and the key part shared by every village."""

    directory: Path
    prefix: str

    @classmethod
    def open(cls, directory: Path, catalogue: Catalogue, as_of: dt.date) -> Cache:
        shared = "\0".join((code_digest(), schema_digest(catalogue), as_of.isoformat()))
        return cls(directory, hashlib.blake2b(shared.encode(), digest_size=16).hexdigest())

    def key(self, root: Path) -> str:
        """The key of a village folder: the run's prefix, the folder as given, every data file."""
        digest = hashlib.sha256(f"{self.prefix}\0{root}".encode())
        real_root = os.path.realpath(root)
        yaml_names, md_names = village_files(root)
        for name in (*yaml_names, "\0", *md_names):  # the separator keeps the two lists apart
            _update(digest, name, b"" if name == "\0" else _file_bytes(root, name, real_root))
        return digest.hexdigest()

    def documents_digest(self, root: Path, refs: Iterable[str]) -> str:
        digest = hashlib.sha256()
        real_root, real_dirs = os.path.realpath(root), {}
        for ref in refs:
            _update(digest, ref, _document_bytes(str(root), ref, real_root, real_dirs))
        return digest.hexdigest()

    def texts(self) -> TextCache:
        """The documents' text cache beside the results (keyed by bytes and checker code, not by run)."""
        return TextCache(self.directory / "text", code_digest())

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, root: Path, key: str) -> CheckResult | None:
        """The stored result, if the entry is whole and the documents it read are unchanged.

        An entry is sealed with a digest of its key and content: a damaged or rewritten one is a miss.
        Each document it lets the site publish must still hash to the digest it was judged by, and
        the site checks that digest again as it copies (sitegen.generators.copy_checked).
        """
        try:
            entry = json.loads(self._path(key).read_bytes())
            if entry["seal"] != _seal(key, entry) or entry["documents"] != self.documents_digest(root, entry["refs"]):
                return None
            result = _result(entry["result"])
            if not set(ref for ref, _ in result.published) <= set(entry["refs"]):
                return None
            return result
        except (OSError, ValueError, KeyError, TypeError):  # absent, or a damaged entry: check again
            return None

    def put(self, root: Path, key: str, refs: tuple[str, ...], documents: str, result: CheckResult) -> None:
        """Store a result, unless a file changed while it was being checked (no stale entry then).

        `documents` is the digest taken right after loading; only a document rewritten during the
        load itself could slip through, and the next change to it is seen again.
        """
        if self.key(root) != key or self.documents_digest(root, refs) != documents:
            return
        entry: dict[str, Any] = {"refs": list(refs), "documents": documents, "result": _dump(result)}
        entry["seal"] = _seal(key, entry)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, path)  # atomic: parallel workers and runners never see half an entry
        except OSError:  # a read-only or full disk costs speed, never a result
            return


_FINDING = tuple(f.name for f in fields(Finding))


def _seal(key: str, entry: dict[str, Any]) -> str:
    """What the entry was computed from and what it says, as one digest (the seal itself left out)."""
    content = {k: v for k, v in entry.items() if k != "seal"}
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{FORMAT.decode()}\0{key}\0{data}".encode()).hexdigest()


def _dump(result: CheckResult) -> dict[str, Any]:
    findings = [[int(v) if isinstance(v, Severity) else v for v in (getattr(f, n) for n in _FINDING)] for f in result.findings]
    return {"slug": result.slug, "name": result.name, "kode": result.kode, "root": result.root,
            "findings": findings, "files": list(result.files), "as_of": result.as_of,
            "unverified": list(result.unverified), "published": [list(p) for p in result.published]}


def _result(data: dict[str, Any]) -> CheckResult:
    findings = []
    for row in data["findings"]:
        values = dict(zip(_FINDING, row, strict=True))
        values["severity"] = Severity(values["severity"])
        findings.append(Finding(**values))
    return CheckResult(data["slug"], data["name"], data["kode"], data["root"], tuple(findings),
                       tuple(data["files"]), data["as_of"], tuple(data["unverified"]),
                       tuple((str(ref), str(digest)) for ref, digest in data["published"]))
