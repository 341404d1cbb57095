"""Compiled templates shared by every Pelican run of one build process.

Pelican makes a fresh Jinja environment for each run, and each village is a run: without a shared
bytecode cache every village would parse and compile every template again, which was 70% of a
build's time. The cache is keyed by template name and source checksum, so an edited template is
compiled anew.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


# One per process: pelicanconf.py is executed anew for every run, this module is imported once.
SHARED = MemoryBytecodeCache()
