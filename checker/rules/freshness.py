"""Kemutakhiran: informasi berkala diperbarui paling lambat enam bulan, DIP paling lambat sebulan.

Untuk kewajiban yang punya `fresh:` di `slip_schema.yaml`, tanggal `diperbarui` terdekat di atas
buktinya (pada butir, lalu pada berkas) dibandingkan dengan tanggal acuan (`--as-of`). Riwayat git
tidak dipakai sebagai bukti: salinan CI dangkal, dan warga membaca tanggal di halaman.
UU KIP Pasal 9 ayat (4); Perki 1/2018 Pasal 10 ayat (4) untuk DIP.

LULUS (dip.yaml, acuan 2026-11-28):
    diperbarui: 2026-11-15
GAGAL:
    diperbarui: 2026-08-01
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from checker import evidence
from checker.context import Context
from checker.domain.dates import months_before, months_in
from checker.findings import Problem
from checker.model import Village

ID = "freshness"
TITLE = {"id": "Informasi mutakhir", "en": "Information is current"}
OBLIGATIONS = ("kewajiban.dip_mutakhir",)
MESSAGES = {
    "stale": {"id": "Terakhir diperbarui {date}, lebih dari {limit} sebelum {as_of}: {text}.",
              "en": "Last updated {date}, more than {limit_en} before {as_of}: {text}."},
    "future": {"id": "Tanggal diperbarui {date} melewati tanggal acuan {as_of}.",
               "en": "Update date {date} is after the reference date {as_of}."},
    "undated": {"id": "Tidak ada tanggal 'diperbarui' untuk: {text}.", "en": "No 'diperbarui' date for: {text}."},
}
HINTS = {
    "stale": {"id": "Perbarui isinya lalu ubah 'diperbarui' ke tanggal hari itu.",
              "en": "Review the content, then set 'diperbarui' to that day's date."},
    "future": {"id": "Periksa tahun dan bulan pada tanggal ini.", "en": "Check the year and month of this date."},
    "undated": {"id": "Tambahkan 'diperbarui: TTTT-BB-HH'.", "en": "Add 'diperbarui: YYYY-MM-DD'."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    seen: set[tuple[str, tuple[Any, ...], str]] = set()
    for obligation in context.catalogue.obligations.values():
        if not obligation.fresh or not obligation.evidence:
            continue
        best = evidence.find(village, obligation, context)[0]
        if not best.met:
            continue  # completeness reports it
        path, updated = evidence.last_updated(village, best)
        months = months_in(obligation.fresh)
        limit = {"id": f"{months} bulan", "en": f"{months} month" + ("s" if months > 1 else "")}
        params = {"text": obligation.text, "date": updated, "as_of": context.as_of, "limit": limit["id"], "limit_en": limit["en"]}
        if not isinstance(updated, dt.date):
            key = "undated"
        elif updated > context.as_of:
            key = "future"
        elif updated < months_before(context.as_of, months):
            key = "stale"
        else:
            continue
        if (best.file, path, key) not in seen or key == "stale":
            seen.add((best.file, path, key))
            yield Problem(best.file, path, key, params, obligation.id)
