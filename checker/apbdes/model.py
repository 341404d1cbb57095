"""The one model of an APB Desa file, as Permendagri 20/2018 structures it and slip_schema.yaml writes it.

A year file holds up to two versions (`murni`, then `perubahan`: a complete second budget, not a
list of changes). Each version has four sections of lines keyed by kode rekening; a line is a
parent when another line's kode extends it (`4.1` under `4`), a leaf otherwise, and each section
has its root lines (`4`; bidang `1`..`5`; `5`; `6.1` and `6.2`). An amount is a whole number of
rupiah; anything else (text, a boolean from `yes`, a float) is no amount here, and the schema rule
says why. The realisasi calendar says which reports are in force on a day: semester I (to 30 June)
by the end of July, the year end (to 31 December) by the end of January (Perki 1/2018 Pasal 2
huruf d; Permendagri 20/2018 Pasal 68-72).

The rules, the site and the importer read APB Desa files through these functions only.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

SECTIONS = ("pendapatan", "belanja", "belanja_jenis", "pembiayaan")
TITLES = {"pendapatan": "Pendapatan", "belanja": "Belanja menurut bidang", "belanja_jenis": "Belanja menurut jenis",
          "pembiayaan": "Pembiayaan"}
STAGES = ("murni", "perubahan")  # in the order they are adopted; the latest in force is the last present
MEASURES = ("anggaran", "realisasi")
Line = dict[str, Any]


def is_root(section: str, kode: str) -> bool:
    """A section's top lines: 4; the bidang 1-5; 5; and 6.1 and 6.2 (6 itself is never written)."""
    if section == "pendapatan":
        return kode == "4"
    if section == "belanja":
        return "." not in kode
    if section == "belanja_jenis":
        return kode == "5"
    return kode in ("6.1", "6.2")


def parent_of(kode: str) -> str:
    return kode.rpartition(".")[0]


def amount(line: Mapping[str, Any], measure: str) -> int | None:
    """The line's anggaran or realisasi in rupiah, or None when it has none that is a whole number."""
    value = line.get(measure)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def lines(version: Mapping[str, Any], section: str) -> list[tuple[int, Line]]:
    """(index, line) of the section's lines that have a kode (others are the schema rule's to report)."""
    return [(i, line) for i, line in enumerate(version.get(section) or [])
            if isinstance(line, dict) and isinstance(line.get("kode"), str)]


def leaves(version: Mapping[str, Any], section: str) -> list[tuple[int, Line]]:
    """The lines no other line extends: activities in belanja, the most detailed accounts elsewhere."""
    found = lines(version, section)
    parents = {parent_of(line["kode"]) for _, line in found}
    return [(i, line) for i, line in found if line["kode"] not in parents]


def root_sum(version: Mapping[str, Any], section: str, measure: str, root: str | None = None) -> int | None:
    """The sum of the section's root lines (or of the one root line `root`); None when one has no amount.

    Realisasi may be partial: a total compared with a sum of unknowns would be a false alarm.
    """
    amounts = [amount(line, measure) for _, line in lines(version, section)
               if (line["kode"] == root if root else is_root(section, line["kode"]))]
    return None if None in amounts else sum(amounts)  # type: ignore[arg-type]


def source_of(kode: str, line: Mapping[str, Any], defaults: Mapping[str, str]) -> str | None:
    """A line's sumber dana: its own, else that of the longest standard kode prefix (4.1.1 -> PAD)."""
    if isinstance(line.get("sumber_dana"), str):
        return line["sumber_dana"]
    prefixes = [p for p in defaults if kode == p or kode.startswith(p + ".")]
    return defaults[max(prefixes, key=len)] if prefixes else None


def income_leaves(version: Mapping[str, Any]) -> list[tuple[int, Line]]:
    """What a sumber dana can spend: pendapatan leaves and penerimaan pembiayaan (SiLPA) leaves."""
    return leaves(version, "pendapatan") + [x for x in leaves(version, "pembiayaan") if x[1]["kode"].startswith("6.1")]


def latest(data: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]] | None:
    """The version in force: perubahan when the year has one, else murni; None when it has neither."""
    for stage in reversed(STAGES):
        if isinstance(data.get(stage), dict):
            return stage, data[stage]
    return None


@dataclass(frozen=True, order=True)
class RealisasiReport:
    """One report of the realisasi calendar: its realisasi_per must reach `reaches` by `deadline`."""

    deadline: dt.date  # first, so reports sort by when they are due
    kind: str  # realisasi_semester | realisasi_akhir
    year: int
    reaches: dt.date

    @property
    def overdue_from(self) -> dt.date:
        return self.deadline + dt.timedelta(days=1)


def semester_report(year: int) -> RealisasiReport:
    return RealisasiReport(dt.date(year, 7, 31), "realisasi_semester", year, dt.date(year, 6, 30))


def year_end_report(year: int) -> RealisasiReport:
    return RealisasiReport(dt.date(year + 1, 1, 31), "realisasi_akhir", year, dt.date(year, 12, 31))


def reports_in_force(as_of: dt.date) -> list[RealisasiReport]:
    """The reports a village must have published on `as_of`: this year's semester I from August,
    and last year's year end from February (in January, last year's semester I is still the latest)."""
    due = [semester_report(as_of.year)] if as_of >= semester_report(as_of.year).overdue_from else []
    last_end = year_end_report(as_of.year - 1)
    due.append(last_end if as_of >= last_end.overdue_from else semester_report(as_of.year - 1))
    return due
