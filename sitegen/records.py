"""What a build remembers of each village: enough for the portal, the next build and `slip portal`.

A build writes `slip-build.json` at the top of its output: one record per village (its portal entry,
its unmet obligations, whether its input was usable, and the key of the inputs its pages were built
from). The next build reuses a village's folder when the key is unchanged; a sharded build's record
file is what `slip portal` merges. The file holds only what the portal already publishes.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from sitegen.portal import VillageEntry

MANIFEST = "slip-build.json"
FORMAT = 1


@dataclass(frozen=True)
class Skipped:
    slug: str
    file: str
    line: int
    message: str  # Indonesian
    message_en: str = ""

    def text(self, lang: str) -> str:
        return self.message_en if lang == "en" and self.message_en else self.message


@dataclass(frozen=True)
class VillageRecord:
    entry: VillageEntry
    unmet: tuple[str, ...]
    unusable: bool
    key: str  # "" when the village must be built again next time (its result was not cached)
    skipped: Skipped | None = None

    @property
    def slug(self) -> str:
        return self.entry.slug


@dataclass(frozen=True)
class Manifest:
    as_of: str
    shard: str  # "K/N" for one shard of a sharded build, "" for a whole build
    records: tuple[VillageRecord, ...]

    def by_slug(self) -> dict[str, VillageRecord]:
        return {record.slug: record for record in self.records}


def write(site: Path, manifest: Manifest) -> None:
    data = {"format": FORMAT, "as_of": manifest.as_of, "shard": manifest.shard,
            "villages": [asdict(record) for record in manifest.records]}
    temporary = site / f".{MANIFEST}.tmp"
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, site / MANIFEST)


def read(site: Path) -> Manifest | None:
    """The manifest of a finished build, or None when there is none or it is of another format."""
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Manifest(data["as_of"], data["shard"], tuple(_record(row) for row in data["villages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record(row: dict[str, Any]) -> VillageRecord:
    skipped = Skipped(**row["skipped"]) if row.get("skipped") else None
    return VillageRecord(VillageEntry(**row["entry"]), tuple(row["unmet"]), bool(row["unusable"]), row["key"], skipped)


def sort(records: Iterable[VillageRecord]) -> tuple[VillageRecord, ...]:
    """The portal's order: by kecamatan, then name (then slug, so equal names stay stable)."""
    return tuple(sorted(records, key=lambda r: (r.entry.kecamatan, r.entry.name, r.slug)))
