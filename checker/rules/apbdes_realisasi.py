"""Laporan realisasi APB Desa: semester I paling lambat akhir Juli, akhir tahun paling lambat akhir Januari.

Realisasi ditulis di samping anggaran pada tiap baris (`realisasi:`), dengan `realisasi_per:` (tanggal
posisi laporan) dan `jumlah_realisasi:`. Mulai 1 Agustus, APB Desa tahun berjalan harus memuat realisasi
sampai sekurang-kurangnya 30 Juni (dan tetap wajib selama Januari berikutnya); mulai 1 Februari, APB Desa
tahun lalu harus memuat realisasi sampai 31 Desember. Perki 1/2018 Pasal 2 huruf g; Permendagri 20/2018.

LULUS (acuan 2026-11-28, apbdes/2026.yaml):
    realisasi_per: 2026-06-30
GAGAL:
    realisasi_per: 2026-03-31
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from checker.apbdes.model import latest, reports_in_force
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "apbdes-realisasi"
TITLE = {"id": "Realisasi APB Desa dilaporkan tepat waktu", "en": "APB Desa actuals reported on time"}
OBLIGATIONS = ("berkala.laporan_keuangan.realisasi_apbdes",)
MESSAGES = {
    "missing": {"id": "Laporan realisasi APB Desa {tahun} sampai {until} belum ada (wajib sejak {due}).",
                "en": "APB Desa {tahun} actuals up to {until} are missing (due since {due})."},
    "behind": {"id": "Realisasi APB Desa {tahun} baru sampai {got}; sejak {due} harus sampai {until}.",
               "en": "APB Desa {tahun} actuals only reach {got}; since {due} they must reach {until}."},
    "no_totals": {"id": "Realisasi APB Desa {tahun} tidak memuat jumlah_realisasi.", "en": "APB Desa {tahun} actuals lack jumlah_realisasi."},
}
HINTS = {
    "missing": {"id": "Isi kolom Realisasi di lembar kerja APB Desa {tahun} dari laporan Siskeudes sampai {until}, lalu jalankan "
                      "`slip import-apbdes <lembar kerja> --village {root} --tahun {tahun} --realisasi-per {until}` (membuat atau "
                      "menimpa {file}). Atau di {file}, di bawah `murni:` (atau `perubahan:`), isi `realisasi:` pada tiap baris, "
                      "`realisasi_per: {until}` dan `jumlah_realisasi:` (kolomnya sama dengan `jumlah:`).",
                "en": "Fill the Realisasi column of the APB Desa {tahun} spreadsheet from the Siskeudes report up to {until}, then "
                      "run `slip import-apbdes <spreadsheet> --village {root} --tahun {tahun} --realisasi-per {until}` (it writes "
                      "{file}). Or in {file}, under `murni:` (or `perubahan:`), fill `realisasi:` on every line, "
                      "`realisasi_per: {until}` and `jumlah_realisasi:` (same keys as `jumlah:`)."},
    "behind": {"id": "Perbarui realisasi sampai sekurang-kurangnya {until}: impor ulang lembar kerja dengan `slip import-apbdes ... "
                     "--tahun {tahun} --realisasi-per {until}`, atau ubah `realisasi:` tiap baris, `realisasi_per:` dan "
                     "`jumlah_realisasi:` di berkas ini.",
               "en": "Bring the actuals up to at least {until}: import the spreadsheet again with `slip import-apbdes ... "
                     "--tahun {tahun} --realisasi-per {until}`, or update `realisasi:` on every line, `realisasi_per:` and "
                     "`jumlah_realisasi:` in this file."},
    "no_totals": {"id": "Tambahkan `jumlah_realisasi:` di bawah `{stage}:` dengan kolom yang sama seperti `jumlah:` (pendapatan, "
                        "belanja, surplus_defisit, penerimaan_pembiayaan, pengeluaran_pembiayaan, pembiayaan_netto, silpa), berisi "
                        "jumlah realisasinya; `slip import-apbdes` menghitungnya sendiri.",
                  "en": "Add `jumlah_realisasi:` under `{stage}:` with the same keys as `jumlah:` (pendapatan, belanja, "
                        "surplus_defisit, penerimaan_pembiayaan, pengeluaran_pembiayaan, pembiayaan_netto, silpa) holding the "
                        "actual totals; `slip import-apbdes` computes them for you."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    years = village.apbdes_years()
    for report in reports_in_force(context.as_of):
        year, until, due = report.year, report.reaches, report.overdue_from
        source = years.get(year)
        in_force = latest(source.data) if source else None
        name = source.name if source else f"apbdes/{year}.yaml"
        params = {"tahun": year, "until": until, "due": due, "file": name, "root": str(village.root), "stage": "murni"}
        if in_force is None:
            if source is not None or year == context.as_of.year - 1:
                yield Problem(name, (), "missing", params)
            continue  # a missing current-year APB Desa is reported by completeness
        stage, version = in_force
        params["stage"] = stage
        reached = version.get("realisasi_per")
        if not isinstance(reached, dt.date):
            yield Problem(source.name, (stage,), "missing", params)
        elif reached < until:
            yield Problem(source.name, (stage, "realisasi_per"), "behind", {**params, "got": reached})
        elif not isinstance(version.get("jumlah_realisasi"), dict):
            yield Problem(source.name, (stage,), "no_totals", params)
