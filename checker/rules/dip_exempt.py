"""Informasi dikecualikan: hanya setelah uji konsekuensi, dengan dasar hukum dan jangka waktu.

Setiap baris DIP berkategori `dikecualikan` harus memuat `pengecualian` dengan dasar hukum (UU KIP
Pasal 17 huruf a-j), uji konsekuensi (tanggal dan berkas) dan jangka waktu. Informasi yang wajib
diumumkan (berkala, serta merta, setiap saat) tidak pernah boleh dikecualikan, misalnya APB Desa.
UU KIP Pasal 2 ayat (4), Pasal 17, Pasal 19; Perki 1/2017.

LULUS (dip.yaml):
    - judul: Data kependudukan per individu
      kategori: dikecualikan
      pengecualian: {dasar_hukum: UU 14/2008 Pasal 17 huruf h, uji_konsekuensi: {...}, jangka_waktu: selama ...}
GAGAL:
    - judul: APB Desa 2026
      kewajiban: berkala.apbdes
      kategori: dikecualikan
"""
from __future__ import annotations

import re
from typing import Iterator

from checker import paths
from checker.context import Context
from checker.domain.dip import is_exempt
from checker.findings import Problem
from checker.model import Village

ID = "dip-exempt"
TITLE = {"id": "Pengecualian informasi sah", "en": "Exemptions are justified"}
OBLIGATIONS = ("dikecualikan.uji_konsekuensi",)
MESSAGES = {
    "no_test": {"id": "Informasi dikecualikan '{judul}' belum memuat pengecualian (dasar hukum, uji konsekuensi, jangka waktu).",
                "en": "Exempt item '{judul}' lacks its exemption (legal ground, consequence test, period)."},
    "mandatory": {"id": "'{judul}' adalah informasi wajib ({kewajiban}) dan tidak boleh dikecualikan.",
                  "en": "'{judul}' is mandatory information ({kewajiban}) and cannot be exempt."},
    "basis": {"id": "Dasar hukum pengecualian '{judul}' tidak menyebut UU KIP Pasal 17.",
              "en": "The legal ground for exempting '{judul}' does not cite UU KIP Article 17."},
    "not_exempt": {"id": "'{judul}' memuat pengecualian tetapi kategorinya {kategori}.",
                   "en": "'{judul}' carries an exemption but its category is {kategori}."},
}
HINTS = {
    "no_test": {"id": "Lakukan uji konsekuensi, lalu isi 'pengecualian:' (contoh di villages/kraton/dip.yaml).",
                "en": "Run the consequence test, then fill 'pengecualian:'."},
    "mandatory": {"id": "Ubah kategorinya ke berkala/serta_merta/setiap_saat dan umumkan.", "en": "Change the category and publish it."},
    "basis": {"id": "Tulis pasal dan hurufnya, misalnya 'UU 14/2008 Pasal 17 huruf h'.", "en": "Cite the article and letter, e.g. 'UU 14/2008 Pasal 17 huruf h'."},
    "not_exempt": {"id": "Bila informasi ini memang dikecualikan, tulis `kategori: dikecualikan`; bila tidak, hapus bagian `pengecualian:` dari baris DIP ini.",
                   "en": "If this information is exempt, write `kategori: dikecualikan`; if not, delete its `pengecualian:` block."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    prefixes = tuple(context.catalogue.never_exempt_prefixes)
    for index, row in enumerate(paths.get(village.data("dip.yaml"), ("informasi",)) or []):
        if not isinstance(row, dict):
            continue
        path, judul = ("informasi", index), row.get("judul", f"#{index + 1}")
        exemption = row.get("pengecualian")
        if not is_exempt(row):
            if exemption:
                yield Problem("dip.yaml", path + ("pengecualian",), "not_exempt", {"judul": judul, "kategori": row.get("kategori")})
            continue
        obligation = row.get("kewajiban")
        if isinstance(obligation, str) and obligation.startswith(prefixes):
            yield Problem("dip.yaml", path + ("kategori",), "mandatory", {"judul": judul, "kewajiban": obligation})
        if not isinstance(exemption, dict):
            yield Problem("dip.yaml", path + ("kategori",), "no_test", {"judul": judul})
        elif isinstance(exemption.get("dasar_hukum"), str) and not re.search(r"(?i)\bpasal\s+17\b", exemption["dasar_hukum"]):
            yield Problem("dip.yaml", path + ("pengecualian", "dasar_hukum"), "basis", {"judul": judul})
