"""RPJM Desa berlaku: masa berlaku RPJM Desa yang diumumkan mencakup tahun acuan.

RPJM Desa berlaku enam tahun (UU 6/2014 Pasal 79; Permendagri 114/2014). Di produk_hukum.yaml,
RPJM Desa ditulis dengan `topik: rpjmdes` dan `berlaku: {mulai, selesai}`; salah satunya harus
mencakup tahun acuan. Perki 1/2018 Pasal 2 huruf d.

LULUS (acuan 2026):
    berlaku: {mulai: 2022, selesai: 2027}
GAGAL:
    berlaku: {mulai: 2016, selesai: 2021}
"""
from __future__ import annotations

from typing import Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "rpjmdes-period"
TITLE = {"id": "RPJM Desa masih berlaku", "en": "RPJM Desa is in force"}
OBLIGATIONS = ("berkala.rpjmdes",)
MESSAGES = {
    "expired": {"id": "RPJM Desa yang diumumkan berlaku {mulai}-{selesai}, tidak mencakup tahun {tahun}.",
                "en": "The published RPJM Desa covers {mulai}-{selesai}, not {tahun}."},
    "reversed": {"id": "Masa berlaku RPJM Desa terbalik: mulai {mulai}, selesai {selesai}.",
                 "en": "RPJM Desa period is reversed: from {mulai} to {selesai}."},
}
HINTS = {
    "expired": {"id": "Tambahkan di produk_hukum.yaml > produk_hukum RPJM Desa yang berlaku tahun {tahun}: butir dengan `topik: rpjmdes`, "
                      "nomor, tahun, tanggal, berkas dan `berlaku: {{mulai: ..., selesai: ...}}` yang mencakup {tahun}; tandai yang lama "
                      "`status: dicabut`.",
                "en": "Add to produk_hukum.yaml > produk_hukum the RPJM Desa in force in {tahun}: an item with `topik: rpjmdes`, nomor, "
                      "tahun, tanggal, berkas and `berlaku: {{mulai: ..., selesai: ...}}` covering {tahun}; mark the old one "
                      "`status: dicabut`."},
    "reversed": {"id": "Tukar kedua tahunnya: `berlaku: {{mulai: {selesai}, selesai: {mulai}}}`.",
                 "en": "Swap the two years: `berlaku: {{mulai: {selesai}, selesai: {mulai}}}`."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    year = context.as_of.year
    plans = []
    for index, item in enumerate(paths.get(village.data("produk_hukum.yaml"), ("produk_hukum",)) or []):
        period = item.get("berlaku") if isinstance(item, dict) and item.get("topik") == "rpjmdes" else None
        if isinstance(period, dict) and isinstance(period.get("mulai"), int) and isinstance(period.get("selesai"), int):
            plans.append((index, period["mulai"], period["selesai"]))
    for index, start, end in plans:
        if start > end:
            yield Problem("produk_hukum.yaml", ("produk_hukum", index, "berlaku"), "reversed", {"mulai": start, "selesai": end})
    if plans and not any(start <= year <= end for _, start, end in plans):
        index, start, end = max(plans, key=lambda plan: plan[2])
        yield Problem("produk_hukum.yaml", ("produk_hukum", index, "berlaku"), "expired", {"mulai": start, "selesai": end, "tahun": year})
