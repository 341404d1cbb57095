"""Pelaksana kegiatan: setiap kegiatan APB Desa tahun berjalan menyebut pelaksananya.

Permendagri 20/2018 Pasal 39 ayat (2) huruf b: APB Desa diumumkan bersama pelaksana kegiatan
anggaran dan tim yang melaksanakan kegiatan. Setiap baris kegiatan (kode tiga bagian, misalnya
"2.3.10") di `murni.belanja` menulis `pelaksana` dengan `nama` dan `jabatan` (Kaur atau Kasi) dan
`tim` (nama dan peran saja). Bila belum satu pun kegiatan menyebutnya, aturan `completeness`
yang melaporkan; aturan ini menunjuk setiap kegiatan yang masih terlewat.

LULUS (apbdes/2026.yaml):
    - kode: "2.3.10"
      uraian: Pembangunan Jalan Desa
      pelaksana: {nama: Sulastri, jabatan: Kasi Kesejahteraan, tim: [{nama: Sutrisno, peran: ketua}]}
GAGAL: kegiatan lain di APB Desa yang sama tanpa `pelaksana`.
"""
from __future__ import annotations

from typing import Any, Iterator

from checker import paths
from checker.apbdes import model
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "apbdes-pelaksana"
TITLE = {"id": "Setiap kegiatan menyebut pelaksananya", "en": "Every activity names who carries it out"}
OBLIGATIONS = ("berkala.apbdes_pelaksana",)
MESSAGES = {
    "no_pelaksana": {"id": "Kegiatan {kode} {uraian} belum menyebut pelaksana kegiatan anggaran dan timnya.",
                     "en": "Activity {kode} {uraian} does not name its pelaksana kegiatan anggaran and team."},
}
HINTS = {
    "no_pelaksana": {"id": "Tambahkan pada baris kegiatan itu `pelaksana: {{nama: ..., jabatan: Kaur/Kasi ..., "
                           "tim: [{{nama: ..., peran: ketua}}]}}`.",
                     "en": "Add to that activity's line `pelaksana: {{nama: ..., jabatan: Kaur/Kasi ..., "
                           "tim: [{{nama: ..., peran: ketua}}]}}`."},
}


def _named(line: dict[str, Any]) -> bool:
    return all(paths.filled(paths.get(line, ("pelaksana", key))) for key in ("nama", "jabatan", "tim"))


def check(village: Village, context: Context) -> Iterator[Problem]:
    source = village.apbdes_years().get(context.as_of.year)
    murni = source.data.get("murni") if source and isinstance(source.data, dict) else None
    kegiatan = [(i, line) for i, line in model.lines(murni if isinstance(murni, dict) else {}, "belanja")
                if line["kode"].count(".") == 2]  # bidang.subbidang.kegiatan
    if not any(_named(line) for _, line in kegiatan):
        return  # none named at all: completeness reports the obligation once
    for index, line in kegiatan:
        if not _named(line):
            yield Problem(source.name, ("murni", "belanja", index), "no_pelaksana",
                          {"kode": line.get("kode"), "uraian": line.get("uraian", "")})
