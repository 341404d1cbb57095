"""Kelengkapan: setiap kewajiban SLIP Desa dipenuhi oleh data atau dokumen di berkas desa.

Bukti tiap kewajiban tertulis di `slip_schema.yaml` (`evidence:`): berkas, kolom yang harus terisi,
dan untuk daftar, butir yang dicari (misalnya RKP Desa tahun berjalan di produk_hukum.yaml).
Tahun dihitung dari tanggal acuan (`--as-of`). Pasal yang dikutip adalah pasal kewajiban itu.

LULUS (ppid.yaml):
    maklumat: Kami siap memberikan layanan informasi publik ...
GAGAL (ppid.yaml):
    maklumat: ""
"""
from __future__ import annotations

from typing import Iterator

from checker import evidence
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "completeness"
TITLE = {"id": "Kewajiban dipenuhi", "en": "Obligation is met"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
MESSAGES = {
    "missing_file": {"id": "Belum ada {file}: {text}.", "en": "{file} is missing: {text}."},
    "missing_item": {"id": "Belum ada {where}: {text}.", "en": "Nothing in {where}: {text}."},
    "missing_fields": {"id": "Belum lengkap ({fields}): {text}.", "en": "Incomplete ({fields}): {text}."},
}
HINTS = {
    "missing_file": {"id": "Buat berkas {file} (contoh ada di villages/kraton/).",
                     "en": "Create {file} (see villages/kraton/ for an example)."},
    "missing_item": {"id": "Tambahkan butir di {where} beserta berkasnya.", "en": "Add an item to {where} with its document."},
    "missing_fields": {"id": "Isi {fields}.", "en": "Fill in {fields}."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    for obligation in context.catalogue.obligations.values():
        if not obligation.evidence or not evidence.applies(village, obligation):
            continue
        best = evidence.find(village, obligation, context)[0]
        if best.met:
            continue
        params = {"file": best.file, "text": obligation.text, "fields": ", ".join(best.missing),
                  "where": evidence.describe_where(obligation, context)}
        if village.data(best.file) is None:
            key = "missing_file"
        elif not best.found:
            key = "missing_item"
        else:
            key = "missing_fields"
            # Point at the first missing field's nearest existing parent.
            params["fields"] = ", ".join(best.missing)
        path = best.path + (tuple(best.missing[0].split(".")) if key == "missing_fields" else ())
        yield Problem(best.file, path, key, params, obligation.id)
