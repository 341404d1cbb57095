"""Laporan sesuai APB Desa: BLT Dana Desa dan penyertaan modal BUM Desa yang dianggarkan juga dilaporkan, dengan nilai yang sama.

Pemeriksa keuangan desa mencocokkan dua hal ini lebih dulu, karena keduanya uang yang langsung
sampai ke warga atau ke BUM Desa: setiap tahun yang APB Desa-nya (perubahan bila ada, karena itulah
yang berlaku) memuat kegiatan BLT Dana Desa (uraian menyebut "BLT" atau "Bantuan Langsung Tunai")
atau pengeluaran pembiayaan penyertaan modal desa (rekening 6.2.2), harus punya laporannya di
program.yaml > bumdes_blt untuk tahun yang sama, dan nilainya harus sama: BLT = jumlah KPM x nilai
per bulan x jumlah bulan; penyertaan modal = jumlah `nilai` tahun itu. Temuan menyebut kedua
tempatnya dan selisihnya dalam rupiah. Perki 1/2018 Pasal 2 (informasi berkala: program dan
kegiatan desa); Permendagri 20/2018 (APB Desa).

LULUS (apbdes/2026.yaml dan program.yaml):
    belanja: [{kode: "5.3.01", uraian: Penanganan Keadaan Mendesak (BLT Dana Desa), anggaran: 86400000}]
    bumdes_blt: {blt: [{tahun: 2026, jumlah_kpm: 24, nilai_per_bulan: 300000, bulan: 12}]}
GAGAL: APB Desa 2026 menganggarkan BLT Rp 86.400.000 tetapi program.yaml tidak memuat BLT 2026, atau
memuat 20 KPM x Rp 300.000 x 12 bulan = Rp 72.000.000.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from checker.apbdes import model
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "apbdes-reports"
TITLE = {"id": "Laporan BLT dan penyertaan modal sesuai APB Desa", "en": "BLT and BUM Desa capital reports agree with the APB Desa"}
OBLIGATIONS = ("berkala.bumdes_blt",)
READS = ("program.yaml",)  # compares the APB Desa with this file: skipped while it cannot be read
MESSAGES = {
    "missing": {"id": "APB Desa {tahun} menganggarkan {what} {rp_anggaran} di baris ini, tetapi program.yaml > "
                      "bumdes_blt.{key} belum memuat laporan tahun {tahun}.",
                "en": "The {tahun} APB Desa budgets {what_en} of {rp_anggaran} on this line, but program.yaml > "
                      "bumdes_blt.{key} has no report for {tahun}."},
    "differs": {"id": "{what} {tahun} di program.yaml {rp_dilaporkan}{how} tidak sama dengan APB Desa {rp_anggaran} "
                      "({file} baris {line}); selisih {selisih}.",
                "en": "{what_en} {tahun} in program.yaml is {rp_dilaporkan}{how_en}, not the APB Desa's {rp_anggaran} "
                      "({file} line {line}); difference {selisih}."},
}
HINTS = {
    "missing": {"id": "Tambahkan butir tahun {tahun} di program.yaml > bumdes_blt.{key} dengan nilai sesuai APB Desa.",
                "en": "Add a {tahun} item to program.yaml > bumdes_blt.{key} with the APB Desa's amount."},
    "differs": {"id": "Cocokkan dengan APB Desa yang berlaku (perubahan bila ada): perbaiki laporan atau APB Desa-nya.",
                "en": "Match the APB Desa in force (the perubahan when there is one): correct the report or the APB Desa."},
}
_BLT = re.compile(r"\bBLT\b|bantuan\s+langsung\s+tunai", re.IGNORECASE)
_WHAT = {"blt": ("BLT Dana Desa", "BLT Dana Desa"), "penyertaan_modal": ("penyertaan modal BUM Desa", "BUM Desa capital")}


def _budgeted(section: str, version: Mapping[str, Any], test: Any) -> tuple[int, int] | None:
    """(index of the first line, total anggaran) of the most detailed lines that pass `test`; None when none has an amount."""
    found = [(i, line) for i, line in model.lines(version, section) if test(line)]
    kodes = {line["kode"] for _, line in found}
    detailed = [(i, line) for i, line in found if not any(k.startswith(line["kode"] + ".") for k in kodes)]
    amounts = [(i, model.amount(line, "anggaran")) for i, line in detailed]
    total = sum(a for _, a in amounts if a)
    return (amounts[0][0], total) if total else None


def _reported(key: str, items: list[Any], year: int) -> tuple[int, int | None, str] | None:
    """(index, rupiah or None when it cannot be counted, how it was counted) of that year's report."""
    rows = [(i, item) for i, item in enumerate(items) if isinstance(item, dict) and item.get("tahun") == year]
    if not rows:
        return None
    if key == "penyertaan_modal":
        values = [model.amount(item, "nilai") for _, item in rows]
        return rows[0][0], (sum(values) if None not in values else None), ""  # type: ignore[arg-type]
    item = rows[0][1]
    parts = [model.amount(item, k) for k in ("jumlah_kpm", "nilai_per_bulan", "bulan")]
    if None in parts:
        return rows[0][0], None, ""
    kpm, monthly, months = parts
    return rows[0][0], kpm * monthly * months, f" ({kpm} KPM x Rp {monthly:,} x {months} bulan)".replace(",", ".")  # type: ignore[operator]


def check(village: Village, context: Context) -> Iterator[Problem]:
    program = village.data("program.yaml")
    reports = program.get("bumdes_blt") if isinstance(program, dict) else None
    reports = reports if isinstance(reports, dict) else {}
    for year, source in village.apbdes_years().items():
        data = source.data if isinstance(source.data, dict) else {}
        found = model.latest(data)
        if found is None:
            continue
        stage, version = found
        checks = (("blt", "belanja", lambda line: bool(_BLT.search(str(line.get("uraian") or "")))),
                  ("penyertaan_modal", "pembiayaan", lambda line: line["kode"] == "6.2.2"))
        for key, section, test in checks:
            budget = _budgeted(section, version, test)
            if budget is None:
                continue
            index, anggaran = budget
            line = source.marks.locate((stage, section, index)).line
            items = reports.get(key) if isinstance(reports.get(key), list) else []
            what, what_en = _WHAT[key]
            params = {"tahun": year, "what": what, "what_en": what_en, "key": key, "rp_anggaran": anggaran,
                      "file": source.name, "line": line}
            report = _reported(key, items, year)
            if report is None:
                yield Problem(source.name, (stage, section, index), "missing", params)
            elif report[1] is not None and report[1] != anggaran:
                i, reported, how = report
                yield Problem("program.yaml", ("bumdes_blt", key, i), "differs",
                              {**params, "what": what[0].upper() + what[1:], "rp_dilaporkan": reported, "how": how,
                               "how_en": how.replace("bulan", "months"), "selisih": abs(reported - anggaran)})
