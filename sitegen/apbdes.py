"""APB Desa as the site shows it: table lines with depth, totals per bidang and sumber dana, charts.

Murni and perubahan stay two versions of one year, never merged; realisasi is always shown beside
anggaran, never added to it. Sums here are for display only; whether the file adds up is the
checker's `apbdes-arithmetic` rule, whose findings the site shows on the Kepatuhan page.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Mapping

from markupsafe import Markup

from checker.catalogue import Catalogue
from checker.apbdes import model
from checker.apbdes.model import amount, income_leaves, source_of
from sitegen import charts

STAGE_TITLES = {"murni": "APB Desa", "perubahan": "Perubahan APB Desa"}


@dataclass(frozen=True)
class Line:
    kode: str
    uraian: str
    anggaran: int | None
    realisasi: int | None
    sumber_dana: str
    depth: int  # 0 for a root (4, 1..5, 5, 6.1), +1 per level


@dataclass(frozen=True)
class Share:
    label: str
    anggaran: int
    realisasi: int | None


@dataclass(frozen=True)
class Version:
    stage: str  # murni | perubahan
    title: str
    perdes: Mapping[str, Any]
    diperbarui: dt.date | None
    realisasi_per: dt.date | None
    sections: tuple[tuple[str, str, tuple[Line, ...]], ...]  # (key, title, lines)
    jumlah: Mapping[str, Any]
    jumlah_realisasi: Mapping[str, Any]
    bidang: tuple[Share, ...]
    sumber_dana: tuple[Share, ...]  # pendapatan (and SiLPA) per source
    chart_realisasi: Markup
    chart_bidang: Markup
    chart_sumber: Markup


@dataclass(frozen=True)
class ApbYear:
    tahun: int
    versions: tuple[Version, ...]  # murni first, then perubahan when there is one

    @property
    def latest(self) -> Version:
        return self.versions[-1]


def _lines(version: Mapping[str, Any], section: str) -> tuple[Line, ...]:
    root_depth = {"pendapatan": 0, "belanja": 0, "belanja_jenis": 0, "pembiayaan": 1}[section]
    out = []
    for _, line in model.lines(version, section):
        depth = max(0, line["kode"].count(".") - root_depth) if section != "belanja_jenis" else min(1, line["kode"].count("."))
        out.append(Line(line["kode"], str(line.get("uraian") or ""), amount(line, "anggaran"), amount(line, "realisasi"),
                        str(line.get("sumber_dana") or ""), depth))
    return tuple(out)


def _bidang(version: Mapping[str, Any], names: Mapping[str, str]) -> tuple[Share, ...]:
    shares = []
    for _, line in model.lines(version, "belanja"):
        if model.is_root("belanja", line["kode"]):
            shares.append(Share(names.get(line["kode"], str(line.get("uraian") or line["kode"])), amount(line, "anggaran") or 0,
                                amount(line, "realisasi")))
    return tuple(shares)


def _sources(version: Mapping[str, Any], defaults: Mapping[str, str]) -> tuple[Share, ...]:
    income: dict[str, int] = defaultdict(int)
    for _, line in income_leaves(version):
        source = source_of(line["kode"], line, defaults)
        if source:
            income[source] += amount(line, "anggaran") or 0
    return tuple(Share(k, v, None) for k, v in sorted(income.items(), key=lambda kv: -kv[1]))


def version(stage: str, data: Mapping[str, Any], catalogue: Catalogue) -> Version:
    names = catalogue.apbdes.belanja_bidang
    bidang = _bidang(data, names)
    sources = _sources(data, catalogue.apbdes.sumber_pendapatan)
    realisasi_per = data.get("realisasi_per") if isinstance(data.get("realisasi_per"), dt.date) else None
    return Version(
        stage=stage,
        title=STAGE_TITLES[stage],
        perdes=data.get("perdes") or {},
        diperbarui=data.get("diperbarui"),
        realisasi_per=realisasi_per,
        sections=tuple((key, model.TITLES[key], _lines(data, key)) for key in model.SECTIONS if data.get(key)),
        jumlah=data.get("jumlah") or {},
        jumlah_realisasi=data.get("jumlah_realisasi") or {},
        bidang=bidang,
        sumber_dana=sources,
        chart_realisasi=charts.paired_bars([(s.label, s.anggaran, s.realisasi) for s in bidang], "Anggaran dan realisasi belanja per bidang"),
        chart_bidang=charts.share_bar([(s.label, s.anggaran) for s in bidang], "Porsi anggaran belanja per bidang"),
        chart_sumber=charts.bars([(s.label, s.anggaran) for s in sources], "Pendapatan dan SiLPA menurut sumber dana"),
    )


def year(tahun: int, data: Mapping[str, Any], catalogue: Catalogue) -> ApbYear:
    versions = tuple(version(stage, data[stage], catalogue) for stage in model.STAGES if isinstance(data.get(stage), dict))
    return ApbYear(tahun, versions)
