"""Splitting one run over N CI runners: `--shard K/N` checks the K-th of N parts.

Villages are ordered by kode wilayah (from profil.yaml, else the folder name) and cut into N
contiguous parts of nearly equal size, so a runner gets whole kecamatan and every village lands in
exactly one part. The split depends only on the villages given, never on the machine or the clock.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.loader import read_kode

_SYNTAX = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as written on the command line
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """'2/4' -> Shard(2, 4); ValueError unless 1 <= K <= N."""
        match = _SYNTAX.fullmatch(text)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise ValueError(text)
        return cls(int(match.group(1)), int(match.group(2)))

    def select(self, paths: Sequence[Path]) -> list[Path]:
        """This shard's villages, in the order they were given."""
        ordered = sorted(paths, key=lambda path: (read_kode(path) or path.name, path.name, str(path)))
        size = len(ordered)
        chosen = set(ordered[(self.index - 1) * size // self.count : self.index * size // self.count])
        return [path for path in paths if path in chosen]
