"""Pengumuman serta merta: memuat kedelapan unsur Pasal 3 ayat (2) dan medianya.

Pengumuman di `pengumuman/*.md` dengan `serta_merta: true` harus menyebut jenisnya (bencana alam,
non-alam, sosial, penyakit menular, racun makanan, gangguan utilitas), media pengumuman (paling
sedikit papan pengumuman desa atau media lain yang mudah dijangkau, ayat 3) dan delapan unsur:
potensi bahaya, pihak terdampak, prosedur evakuasi, cara menghindari, cara mendapat bantuan, pihak
pengumum, tata cara pengumuman, upaya penanggulangan. Perki 1/2018 Pasal 3.

LULUS: front matter dengan serta_merta: true, jenis, media dan kedelapan unsur terisi.
GAGAL: serta_merta: true tanpa prosedur_evakuasi.
"""
from __future__ import annotations

from typing import Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "serta-merta"
TITLE = {"id": "Pengumuman serta merta lengkap", "en": "Immediate announcement is complete"}
OBLIGATIONS = ("sertamerta.pengumuman",)
MESSAGES = {
    "field": {"id": "Pengumuman serta merta belum memuat {label}.", "en": "Immediate announcement lacks {field} ({label})."},
    "jenis": {"id": "Pengumuman serta merta belum menyebut jenisnya.", "en": "Immediate announcement does not state its kind (jenis)."},
    "media": {"id": "Pengumuman serta merta belum menyebut medianya (papan pengumuman dan/atau media lain).",
              "en": "Immediate announcement does not name its media (notice board and/or other media)."},
}
HINTS = {"field": {"id": "Tambahkan '{field}:' di front matter.", "en": "Add '{field}:' to the front matter."},
         "media": {"id": "Tambahkan 'media: [papan_pengumuman, situs]'.", "en": "Add 'media: [papan_pengumuman, situs]'."},
         "jenis": {"id": "Tambahkan di front matter `jenis:` dengan salah satu dari: bencana_alam, bencana_non_alam, bencana_sosial, "
                         "penyakit_menular, racun_makanan, gangguan_utilitas.",
                   "en": "Add `jenis:` to the front matter, one of: bencana_alam, bencana_non_alam, bencana_sosial, "
                         "penyakit_menular, racun_makanan, gangguan_utilitas."}}


def check(village: Village, context: Context) -> Iterator[Problem]:
    fields = context.catalogue.serta_merta_fields
    for name, page in village.pages.items():
        meta = page.data
        if not name.startswith("pengumuman/") or not isinstance(meta, dict) or meta.get("serta_merta") is not True:
            continue
        if not paths.filled(meta.get("jenis")):
            yield Problem(name, ("serta_merta",), "jenis", {})
        if not paths.filled(meta.get("media")):
            yield Problem(name, ("serta_merta",), "media", {})
        for field, label in fields.items():
            if not paths.filled(meta.get(field)):
                yield Problem(name, ("serta_merta",), "field", {"field": field, "label": label})
