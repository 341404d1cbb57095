"""Badan Publik Desa lain: informasi BPD, BUM Desa atau BKAD di DIP punya profilnya sendiri.

Desa boleh mengumumkan informasi Badan Publik Desa lain (Perki 1/2018 Pasal 1 angka 3). Baris DIP
dengan `badan_publik: bpd`, `bum_desa` atau `bkad` memerlukan profil badan itu di profil.yaml
(`badan_publik_lain`, dengan jenis yang sama), agar warga tahu siapa yang menguasai informasinya.

LULUS:
    profil.yaml: badan_publik_lain: [{jenis: bpd, nama: BPD Kraton, ...}]
    dip.yaml:    - {judul: Keputusan BPD, badan_publik: bpd, ...}
GAGAL:
    dip.yaml:    - {judul: Laporan BUM Desa, badan_publik: bum_desa, ...}   # tanpa profil BUM Desa
"""
from __future__ import annotations

from typing import Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "badan-publik"
TITLE = {"id": "Badan Publik Desa lain berprofil", "en": "Other village public bodies have a profile"}
OBLIGATIONS = ("berkala.profil.alamat",)
READS = ("profil.yaml", "dip.yaml")  # compares these files: skipped while one of them cannot be read
MESSAGES = {
    "no_profile": {"id": "Baris DIP '{judul}' milik {badan}, tetapi profil {badan} belum ada di profil.yaml (badan_publik_lain).",
                   "en": "DIP row '{judul}' belongs to {badan}, but profil.yaml has no {badan} profile (badan_publik_lain)."},
}
HINTS = {"no_profile": {"id": "Tambahkan '- jenis: {badan}' dengan nama, alamat, ketua dan diperbarui di badan_publik_lain.",
                        "en": "Add '- jenis: {badan}' with nama, alamat, ketua and diperbarui under badan_publik_lain."}}


def check(village: Village, context: Context) -> Iterator[Problem]:
    profiles = paths.get(village.data("profil.yaml"), ("badan_publik_lain",)) or []
    known = {p.get("jenis") for p in profiles if isinstance(p, dict) and isinstance(p.get("jenis"), str)}
    for index, row in enumerate(paths.get(village.data("dip.yaml"), ("informasi",)) or []):
        badan = row.get("badan_publik") if isinstance(row, dict) else None
        if isinstance(badan, str) and badan != "pemerintah_desa" and badan not in known:
            yield Problem("dip.yaml", ("informasi", index, "badan_publik"), "no_profile", {"judul": row.get("judul", ""), "badan": badan})
