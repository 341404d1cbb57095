"""The dates by which a village must publish or renew each dated obligation: the PPID's calendar.

From the catalogue: information with `fresh:` (P6M, P1M) is due again `diperbarui` plus that
period; annual reports are due for the year they cover, by the day before the catalogue's `due_from`
(LPPD: 31 March; the laporan layanan informasi, whose deadline is unverified: as the year ends,
which is when the check begins to ask for it); realisasi APB Desa semester I by 31 July and year end
with its SiLPA by 31 January, Permendagri 20/2018); the APB Desa, its Perdes and the RKP Desa of a
year are required from that year's start, and 31 January is used as their practical date; the
RPJM Desa in force ends on 31 December of its last year. For each annual series the period the
checker requires on the reference date is checked: when it is met the next one is shown, when not
it is overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from checker import evidence, paths
from checker.apbdes import model
from checker.context import Context
from checker.model import Village
from checker.domain.dates import months_before, months_in


@dataclass(frozen=True, order=True)
class Due:
    """One thing to publish or renew, by `date`."""

    date: dt.date
    file: str
    key: str  # what to do: a key of checker.due.MESSAGES
    obligations: tuple[str, ...] = field(compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def overdue(self, as_of: dt.date) -> bool:
        return self.date < as_of


@dataclass(frozen=True)
class Series:
    """An obligation due once a year: for which period, by when, in which file, and whether it is met."""

    key: str
    obligations: tuple[str, ...]
    deadline: Callable[[int, Context], dt.date]
    file: Callable[[int], str]
    met: Callable[[Village, int, Context], bool]
    from_current_year: bool = False  # the obligation is about the year in progress, never an older one


def _evidence_met(village: Village, obligation_id: str, year: int, context: Context) -> bool:
    obligation = context.catalogue.get(obligation_id)
    values = {"tahun": str(year), "tahun_lapor": str(year)}
    return any(evidence.try_alternative(village, spec, values).met for spec in obligation.evidence)


def _met_all(*ids: str) -> Callable[[Village, int, Context], bool]:
    return lambda village, year, context: all(_evidence_met(village, i, year, context) for i in ids)


def _after_year(obligation_id: str) -> Callable[[int, Context], dt.date]:
    """The last day before the catalogue's `due_from` (MM-DD) after the year; the year's last day without one.

    The same date the checker begins to ask for that year's report (Context.report_year), so the
    calendar and the check never disagree about when a report is late.
    """
    def deadline(year: int, context: Context) -> dt.date:
        due_from = context.catalogue.get(obligation_id).due_from
        if not due_from:
            return dt.date(year, 12, 31)
        month, day = (int(part) for part in due_from.split("-"))
        return dt.date(year + 1, month, day) - dt.timedelta(days=1)
    return deadline


SERIES = (
    Series("apbdes", ("berkala.apbdes", "berkala.perdes_apbdes"), lambda y, _: dt.date(y, 1, 31), lambda y: f"apbdes/{y}.yaml",
           _met_all("berkala.apbdes", "berkala.perdes_apbdes"), from_current_year=True),
    Series("rkpdes", ("berkala.rkpdes",), lambda y, _: dt.date(y, 1, 31), lambda y: "produk_hukum.yaml",
           _met_all("berkala.rkpdes"), from_current_year=True),
    Series("lppd", ("berkala.lppd_akhir_tahun",), _after_year("berkala.lppd_akhir_tahun"), lambda y: "dokumen.yaml",
           _met_all("berkala.lppd_akhir_tahun")),
    Series("laporan_layanan", ("laporan.layanan_tahunan",), _after_year("laporan.layanan_tahunan"), lambda y: "layanan.yaml",
           _met_all("laporan.layanan_tahunan")),
)


def _annual(village: Village, series: Series, context: Context) -> Iterator[Due]:
    as_of = context.as_of
    passed = [year for year in range(as_of.year - 2, as_of.year + 1) if series.deadline(year, context) < as_of]
    first = max(passed) if passed else as_of.year - 1
    if series.from_current_year:
        first = max(first, as_of.year)
    for year in (first, first + 1):
        if not series.met(village, year, context):
            yield Due(series.deadline(year, context), series.file(year), series.key, series.obligations, {"tahun": year})
            return


def _realised(village: Village, report: model.RealisasiReport) -> bool:
    """Whether the year's version in force reports realisasi up to the report's date, with its totals."""
    source = village.apbdes_years().get(report.year)
    in_force = model.latest(source.data) if source else None
    version = in_force[1] if in_force else {}
    reached = version.get("realisasi_per")
    return isinstance(reached, dt.date) and reached >= report.reaches and isinstance(version.get("jumlah_realisasi"), dict)


def _realisasi(village: Village, context: Context) -> Iterator[Due]:
    """The realisasi reports in force that are missing (as the apbdes-realisasi rule reads them), and the next one due."""
    as_of, year = context.as_of, context.as_of.year
    sequence = [model.semester_report(year - 1), model.year_end_report(year - 1), model.semester_report(year),
                model.year_end_report(year), model.semester_report(year + 1)]
    upcoming = [next(r for r in sequence if r.deadline >= as_of and not _realised(village, r))]
    missing = {r for r in model.reports_in_force(as_of) if not _realised(village, r)}
    for report in sorted(missing | set(upcoming)):  # by deadline
        ids = ("berkala.laporan_keuangan.realisasi_apbdes",) + (
            ("berkala.laporan_keuangan.sisa_anggaran",) if report.kind == "realisasi_akhir" else ())
        yield Due(report.deadline, f"apbdes/{report.year}.yaml", report.kind, ids, {"tahun": report.year})


def _fresh(village: Village, context: Context) -> Iterator[Due]:
    groups: dict[tuple[str, dt.date, int], list[str]] = {}
    for obligation in context.catalogue.obligations.values():
        if not obligation.fresh or not obligation.evidence:
            continue
        best = evidence.find(village, obligation, context)[0]
        updated = evidence.last_updated(village, best)[1] if best.met else None
        if isinstance(updated, dt.date):  # missing or undated evidence is `slip check`'s to report
            groups.setdefault((best.file, updated, months_in(obligation.fresh)), []).append(obligation.id)
    for (file, updated, months), ids in groups.items():
        yield Due(months_before(updated, -months), file, "fresh", tuple(ids), {"updated": updated, "months": months})


def _rpjmdes(village: Village, context: Context) -> Iterator[Due]:
    plans = []
    for item in paths.get(village.data("produk_hukum.yaml"), ("produk_hukum",)) or []:
        period = item.get("berlaku") if isinstance(item, dict) and item.get("topik") == "rpjmdes" else None
        if isinstance(period, dict) and isinstance(period.get("mulai"), int) and isinstance(period.get("selesai"), int):
            plans.append((period["selesai"], period["mulai"]))
    if plans:
        end, start = max(plans)
        yield Due(dt.date(end, 12, 31), "produk_hukum.yaml", "rpjmdes", ("berkala.rpjmdes",), {"mulai": start, "selesai": end})


def schedule(village: Village, context: Context) -> list[Due]:
    """Everything the village must publish or renew next, in date order."""
    items = [*_fresh(village, context), *_rpjmdes(village, context), *_realisasi(village, context)]
    for series in SERIES:
        items.extend(_annual(village, series, context))
    return sorted(items)
