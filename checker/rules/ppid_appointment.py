"""Penetapan PPID Desa: Sekretaris Desa (atau perangkat lain dengan alasan), Kepala Desa sebagai atasan.

Perki 1/2018 Pasal 8: Kepala Desa menunjuk Sekretaris Desa sebagai PPID Desa, atau Perangkat Desa
lain bila Sekretaris Desa berhalangan; Kepala Desa adalah atasan PPID Desa. Nama atasan harus sama
dengan Kepala Desa di profil.yaml (daftar pejabat).

LULUS (ppid.yaml):
    pejabat: {nama: Siti Aminah, jabatan: Sekretaris Desa}
    atasan: {nama: H. Sugiarto, jabatan: Kepala Desa}
GAGAL:
    pejabat: {nama: Bambang, jabatan: Kaur Umum}   # tanpa alasan
"""
from __future__ import annotations

from typing import Any, Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "ppid-appointment"
TITLE = {"id": "PPID Desa ditunjuk sesuai Pasal 8", "en": "PPID appointed as Article 8 says"}
OBLIGATIONS = ("ppid.penetapan",)
READS = ("profil.yaml", "ppid.yaml")  # compares these files: skipped while one of them cannot be read
MESSAGES = {
    "not_sekdes": {"id": "PPID Desa dijabat {jabatan}, bukan Sekretaris Desa, tanpa alasan tertulis.",
                   "en": "The PPID is the {jabatan}, not the Sekretaris Desa, and no reason is stated."},
    "atasan_jabatan": {"id": "Atasan PPID Desa harus Kepala Desa, bukan {jabatan}.", "en": "The PPID's superior must be the Kepala Desa, not {jabatan}."},
    "atasan_nama": {"id": "Atasan PPID '{nama}' bukan Kepala Desa di profil.yaml ('{kades}').",
                    "en": "PPID superior '{nama}' is not the Kepala Desa in profil.yaml ('{kades}')."},
}
HINTS = {
    "not_sekdes": {"id": "Tambahkan 'alasan:' (misalnya Sekretaris Desa berhalangan tetap) atau tunjuk Sekretaris Desa.",
                   "en": "Add 'alasan:' or appoint the Sekretaris Desa."},
    "atasan_nama": {"id": "Samakan nama dengan pejabat berjabatan Kepala Desa di profil.yaml.", "en": "Use the Kepala Desa's name from profil.yaml."},
    "atasan_jabatan": {"id": "Tulis `jabatan: Kepala Desa` di bawah `atasan:` dan nama Kepala Desa di `nama:` (Perki 1/2018 Pasal 8).",
                       "en": "Write `jabatan: Kepala Desa` under `atasan:` and the Kepala Desa's name in `nama:` (Perki 1/2018 Pasal 8)."},
}


def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().replace(".", " ").split())


def kepala_desa(profile: Any) -> str | None:
    for person in paths.get(profile, ("pejabat",)) or []:
        if isinstance(person, dict) and _norm(person.get("jabatan")) == "kepala desa":
            return person.get("nama")
    return None


def check(village: Village, context: Context) -> Iterator[Problem]:
    ppid = village.data("ppid.yaml")
    if not isinstance(ppid, dict):
        return
    pejabat, atasan = ppid.get("pejabat"), ppid.get("atasan")
    if isinstance(pejabat, dict) and pejabat.get("jabatan"):
        if _norm(pejabat["jabatan"]) != "sekretaris desa" and not paths.filled(pejabat.get("alasan")):
            yield Problem("ppid.yaml", ("pejabat", "jabatan"), "not_sekdes", {"jabatan": pejabat["jabatan"]})
    if isinstance(atasan, dict) and atasan.get("jabatan") and _norm(atasan["jabatan"]) != "kepala desa":
        yield Problem("ppid.yaml", ("atasan", "jabatan"), "atasan_jabatan", {"jabatan": atasan["jabatan"]})
    kades = kepala_desa(village.data("profil.yaml"))
    if isinstance(atasan, dict) and atasan.get("nama") and kades and _norm(atasan["nama"]) != _norm(kades):
        yield Problem("ppid.yaml", ("atasan", "nama"), "atasan_nama", {"nama": atasan["nama"], "kades": kades})
