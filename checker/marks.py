"""SourceMap: where each value of a loaded YAML file sits (line and column, 1-based)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Location:
    line: int
    col: int


class SourceMap:
    """Data path -> Location, with a nearest-prefix fallback.

    A mapping entry is marked at its key (the line staff read as "anggaran: 5000"); a list item at
    its first character. A path that does not exist (a missing key) resolves to its nearest existing
    parent, which is where the key should be added.
    """

    __slots__ = ("_marks", "_line_offset")

    def __init__(self, marks: dict[Path, tuple[int, int]] | None = None, line_offset: int = 0):
        self._marks = marks if marks is not None else {}
        self._line_offset = line_offset

    def add(self, path: Path, line: int, col: int) -> None:
        self._marks[path] = (line, col)

    def locate(self, path: Path) -> Location:
        path = tuple(path)
        while path:
            hit = self._marks.get(path)
            if hit is not None:
                return Location(hit[0] + self._line_offset, hit[1])
            path = path[:-1]
        hit = self._marks.get((), (1, 1))
        return Location(hit[0] + self._line_offset, hit[1])

    def __contains__(self, path: Path) -> bool:
        return tuple(path) in self._marks
