"""Kode wilayah: berbentuk PP.KK.CC.2DDD, ada dalam Kepmendagri 2025, sebuah desa, dan cocok dengan namanya.

Kode desa berakhir dengan 2xxx; 1xxx adalah kelurahan, dan SLIP Desa tidak berlaku bagi kelurahan.
Nama desa, kecamatan dan kabupaten di profil.yaml harus sama dengan data Kemendagri (Keputusan
Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025). Satu kode hanya milik satu desa: bila beberapa
folder desa yang diperiksa bersama memakai kode yang sama (biasanya folder yang disalin tanpa
mengganti kodenya), setiap folder itu mendapat temuan yang menyebut folder lainnya. Dengan
`--shard`, kode ganda hanya terlihat bila kedua folder berada di bagian yang sama; urutan bagian
menurut kode wilayah membuat folder berkode sama selalu berdampingan, tetapi dapat terpotong di
batas bagian.

LULUS (profil.yaml):
    kode_wilayah: "35.08.07.2002"
    nama: Kraton
    kecamatan: Yosowilangun
GAGAL:
    kode_wilayah: "35.08.10.1003"    # kelurahan Citrodiwangsan
"""
from __future__ import annotations

from typing import Iterator

from checker.domain import wilayah
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "kode-wilayah"
TITLE = {"id": "Kode wilayah benar", "en": "Region code is valid"}
OBLIGATIONS = ("berkala.profil.alamat",)
MESSAGES = {
    "kelurahan": {"id": "{kode} adalah kelurahan {nama}, bukan desa; SLIP Desa tidak berlaku.",
                  "en": "{kode} is the kelurahan {nama}, not a desa; SLIP Desa does not apply."},
    "unknown": {"id": "Kode wilayah {kode} tidak ada dalam data Kemendagri 2025.", "en": "Region code {kode} is not in the 2025 Kemendagri data."},
    "name": {"id": "{field} '{got}' tidak sama dengan data Kemendagri untuk {kode}: '{want}'.",
             "en": "{field} '{got}' does not match the Kemendagri data for {kode}: '{want}'."},
    "duplicate": {"id": "Kode wilayah {kode} juga dipakai oleh folder desa lain dalam pemeriksaan ini: {others}.",
                  "en": "Region code {kode} is also used by another village folder in this run: {others}."},
}
HINTS = {
    "unknown": {"id": "Salin kode dari Kepmendagri 300.2.2-2138/2025 (contoh: 35.08.07.2002).", "en": "Copy the code from the 2025 Kepmendagri."},
    "name": {"id": "Tulis '{want}', atau periksa kodenya.", "en": "Write '{want}', or check the code."},
    "kelurahan": {"id": "Periksa `kode_wilayah` di profil.yaml: kode desa berakhiran 2xxx (misalnya \"35.08.07.2002\"). Kelurahan tidak "
                        "memakai standar ini; minta petugas IT menghapus folder ini bila memang kelurahan.",
                  "en": "Check `kode_wilayah` in profil.yaml: a desa code ends in 2xxx (e.g. \"35.08.07.2002\"). A kelurahan does "
                        "not use this standard; ask the IT officer to remove this folder if it is one."},
    "duplicate": {"id": "Setiap desa punya kode sendiri: perbaiki kode di salah satu folder, atau hapus folder yang merupakan salinan.",
                  "en": "Each desa has its own code: fix the code in one of the folders, or remove the folder that is a copy."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    profile = village.data("profil.yaml")
    kode = profile.get("kode_wilayah") if isinstance(profile, dict) else None
    if not isinstance(kode, str):
        return  # schema and completeness report a missing code
    if not wilayah.KODE.match(kode):
        return  # the schema reports a malformed code
    names = wilayah.names()
    if kode not in names:
        yield Problem("profil.yaml", ("kode_wilayah",), "unknown", {"kode": kode})
        return
    if wilayah.is_kelurahan(kode):
        yield Problem("profil.yaml", ("kode_wilayah",), "kelurahan", {"kode": kode, "nama": names[kode]})
        return
    parts = kode.split(".")
    expected = {"nama": names[kode], "kecamatan": names.get(".".join(parts[:3]), ""), "kabupaten": names.get(".".join(parts[:2]), ""),
                "provinsi": names.get(parts[0], "")}
    for field, want in expected.items():
        got = profile.get(field)
        if isinstance(got, str) and wilayah.normalise(got) != wilayah.normalise(want):
            yield Problem("profil.yaml", (field,), "name", {"field": field, "got": got, "want": want, "kode": kode})
