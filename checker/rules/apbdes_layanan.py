"""Anggaran layanan informasi: APB Desa tahun berjalan memuat kegiatan layanan informasi publik.

Perki 1/2018 Pasal 7 huruf c mewajibkan Pemerintah Desa menganggarkan pembiayaan layanan Informasi
Publik Desa. Tandai kegiatan itu di APB Desa dengan `layanan_informasi: true`; anggarannya harus
lebih dari nol (di APB Desa perubahan bila ada, karena itulah yang berlaku).

LULUS (apbdes/2026.yaml):
    - {kode: "1.4.05", uraian: Pengelolaan Informasi dan PPID Desa, anggaran: 7500000, sumber_dana: ADD, layanan_informasi: true}
GAGAL: tidak ada kegiatan dengan layanan_informasi: true, atau anggarannya 0.
"""
from __future__ import annotations

from typing import Iterator

from checker.apbdes import model
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "apbdes-layanan"
TITLE = {"id": "Ada anggaran layanan informasi", "en": "Information service is budgeted"}
OBLIGATIONS = ("kewajiban.anggaran_layanan",)
MESSAGES = {
    "no_budget": {"id": "APB Desa {tahun} tidak memuat kegiatan layanan informasi publik dengan anggaran lebih dari nol.",
                  "en": "APB Desa {tahun} has no information-service activity with a budget above zero."},
}
HINTS = {
    "no_budget": {"id": "Di lembar kerja APB Desa tulis 'ya' di kolom Layanan Informasi pada kegiatan layanan informasi/PPID "
                        "(misalnya 1.4.05 Pengelolaan Informasi dan PPID Desa, anggaran lebih dari 0) lalu impor ulang dengan "
                        "`slip import-apbdes`; atau di {file} > {stage}.belanja tambahkan `layanan_informasi: true` pada baris "
                        "kegiatan itu.",
                  "en": "In the APB Desa spreadsheet write 'ya' in the Layanan Informasi column of the information service/PPID "
                        "activity (e.g. 1.4.05, budget above 0) and import it again with `slip import-apbdes`; or in {file} > "
                        "{stage}.belanja add `layanan_informasi: true` to that activity's line."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    year = context.as_of.year
    source = village.apbdes_years().get(year)
    in_force = model.latest(source.data) if source and isinstance(source.data, dict) else None
    stage, version = in_force or ("murni", {})
    funded = [line for _, line in model.lines(version, "belanja")
              if line.get("layanan_informasi") is True and (model.amount(line, "anggaran") or 0) > 0]
    if not funded:
        name = source.name if source else f"apbdes/{year}.yaml"
        yield Problem(name, (stage, "belanja"), "no_budget", {"tahun": year, "file": name, "stage": stage})
