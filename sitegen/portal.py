"""The kabupaten portal's data: one entry per village, from the same CheckResult the CLI prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from checker.findings import Severity
from checker.report import VillageReport
from checker.scoring import Summary


@dataclass(frozen=True)
class VillageEntry:
    slug: str
    name: str
    kode: str
    kecamatan: str
    kabupaten: str
    score: float | None  # None, like band, when the village is not assessable ("belum dapat dinilai")
    band: str | None
    errors: int
    warnings: int
    built: bool  # False when the village's input was unusable and its site was not built


@dataclass(frozen=True)
class Area:
    """One kabupaten of a portal spanning several: its own page, listing its villages."""

    key: str  # the kabupaten's kode without dots ("3508"), or "lain" for villages without a valid kode
    name: str
    portal: Portal

    @property
    def path(self) -> str:
        return f"kabupaten/{self.key}/"


@dataclass(frozen=True)
class Portal:
    title: str
    entries: tuple[VillageEntry, ...]  # sorted by kecamatan, then name
    summary: Summary
    as_of: str
    obligations: Mapping[str, str] = field(default_factory=dict)  # id -> what it asks, for readable gaps
    # A province or the nation: one page per kabupaten, so that no page lists thousands of villages.
    # Empty for a single kabupaten, whose villages the front page lists itself.
    areas: tuple[Area, ...] = ()

    def by_kecamatan(self) -> list[tuple[str, list[VillageEntry]]]:
        groups: dict[str, list[VillageEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.kecamatan or "-", []).append(entry)
        return sorted(groups.items())


def area_key(kode: str) -> str:
    """"35.08.07.2002" -> "3508"; "lain" when the kode has no kabupaten part."""
    parts = kode.split(".")
    return parts[0] + parts[1] if len(parts) >= 2 and all(p.isdigit() for p in parts[:2]) else "lain"


def entry(report: VillageReport, kecamatan: str, kabupaten: str, built: bool) -> VillageEntry:
    result = report.result
    return VillageEntry(result.slug, result.name, result.kode, kecamatan, kabupaten, report.score.value, report.score.band,
                        result.count(Severity.ERROR), result.count(Severity.WARNING), built)

