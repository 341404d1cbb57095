"""Batas waktu layanan: tidak lebih lama dari undang-undang.

Batas waktu di ppid.yaml (`batas_waktu`, dalam hari kerja) boleh lebih cepat, tidak boleh lebih
lambat: jawaban 10 + perpanjangan 7 (UU KIP Pasal 22 ayat 7-8), keberatan diajukan 30 dan
ditanggapi 30 (Pasal 35-36), sengketa diajukan 14 (Pasal 37). Permohonan di register yang dijawab
melewati batas, atau masih diproses setelah batasnya lewat pada tanggal acuan, juga dilaporkan.

LULUS (ppid.yaml):
    batas_waktu: {jawab: 10, perpanjangan: 7, keberatan_ajukan: 30, keberatan_tanggapan: 30, sengketa_ajukan: 14}
GAGAL:
    batas_waktu: {jawab: 14}
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "service-deadlines"
TITLE = {"id": "Batas waktu layanan sesuai undang-undang", "en": "Service deadlines follow the law"}
OBLIGATIONS = ("layanan.permohonan", "layanan.keberatan", "layanan.sengketa")
MESSAGES = {
    "too_long": {"id": "Batas waktu {field} {got} hari kerja melebihi {max} hari kerja.",
                 "en": "Deadline {field} of {got} working days exceeds {max} working days."},
    "late": {"id": "Permohonan {nomor} dijawab setelah {days} hari kerja (batas {max}).",
             "en": "Request {nomor} was answered after {days} working days (limit {max})."},
    "overdue": {"id": "Permohonan {nomor} belum dijawab setelah {days} hari kerja (batas {max}).",
                "en": "Request {nomor} is still unanswered after {days} working days (limit {max})."},
}
HINTS = {
    "too_long": {"id": "Tulis {max} atau kurang.", "en": "Write {max} or less."},
    "late": {"id": "Periksa dulu `tanggal:` dan `tanggal_jawab:` permohonan {nomor}; bila salah ketik, perbaiki. Bila memang terlambat, "
                   "biarkan tercatat apa adanya (register tidak boleh diubah agar lulus) dan jawab permohonan berikutnya paling "
                   "lambat {max} hari kerja.",
             "en": "First check `tanggal:` and `tanggal_jawab:` of request {nomor}; fix a typing mistake. If it really was late, "
                   "leave the register as it is (never change it to pass) and answer later requests within {max} working days."},
    "overdue": {"id": "Jawab permohonan {nomor} sekarang, lalu isi `tanggal_jawab:` dan `status:` di barisnya.",
                "en": "Answer request {nomor} now, then fill in `tanggal_jawab:` and `status:` on its line."},
}
_OBLIGATION = {"jawab": "layanan.permohonan", "perpanjangan": "layanan.permohonan", "keberatan_ajukan": "layanan.keberatan",
               "keberatan_tanggapan": "layanan.keberatan", "sengketa_ajukan": "layanan.sengketa"}


def working_days(start: dt.date, end: dt.date) -> int:
    """Monday-Friday after start up to end (national holidays are not subtracted: a lenient count)."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        days += day.weekday() < 5
    return days


def check(village: Village, context: Context) -> Iterator[Problem]:
    limits = context.catalogue.service_limits
    promised = paths.get(village.data("ppid.yaml"), ("batas_waktu",))
    for field, maximum in limits.items():
        got = promised.get(field) if isinstance(promised, dict) else None
        if isinstance(got, int) and got > maximum:
            yield Problem("ppid.yaml", ("batas_waktu", field), "too_long", {"field": field, "got": got, "max": maximum}, _OBLIGATION[field])
    for index, row in enumerate(paths.get(village.data("layanan.yaml"), ("register_permohonan",)) or []):
        if not isinstance(row, dict) or not isinstance(row.get("tanggal"), dt.date):
            continue
        # 10 working days, or 10 + 7 once the PPID has extended in writing (UU KIP Pasal 22 ayat 8)
        allowed = limits["jawab"] + (limits["perpanjangan"] if row.get("status") == "diperpanjang" else 0)
        answered = row.get("tanggal_jawab")
        if isinstance(answered, dt.date):
            allowed = limits["jawab"] + limits["perpanjangan"]  # an answered request may have been extended
            key, path, days = "late", ("register_permohonan", index, "tanggal_jawab"), working_days(row["tanggal"], answered)
        elif row.get("status") in ("diproses", "diperpanjang"):
            key, path, days = "overdue", ("register_permohonan", index, "status"), working_days(row["tanggal"], context.as_of)
        else:
            continue
        if days > allowed:
            yield Problem("layanan.yaml", path, key, {"nomor": row.get("nomor", index + 1), "days": days, "max": allowed}, "layanan.permohonan")
