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
    score: float
    band: str
    errors: int
    warnings: int
    built: bool  # False when the village's input was unusable and its site was not built


@dataclass(frozen=True)
class Portal:
    title: str
    entries: tuple[VillageEntry, ...]  # sorted by kecamatan, then name
    summary: Summary
    as_of: str
    obligations: Mapping[str, str] = field(default_factory=dict)  # id -> what it asks, for readable gaps

    def by_kecamatan(self) -> list[tuple[str, list[VillageEntry]]]:
        groups: dict[str, list[VillageEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.kecamatan or "-", []).append(entry)
        return sorted(groups.items())


def entry(report: VillageReport, kecamatan: str, kabupaten: str, built: bool) -> VillageEntry:
    result = report.result
    return VillageEntry(result.slug, result.name, result.kode, kecamatan, kabupaten, report.score.value, report.score.band,
                        result.count(Severity.ERROR), result.count(Severity.WARNING), built)

