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

import re
from typing import Iterator

from checker import evidence, paths
from checker.schema import fieldguide
from checker.catalogue import Obligation
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "completeness"
TITLE = {"id": "Kewajiban dipenuhi", "en": "Obligation is met"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
MESSAGES = {
    "missing_file": {"id": "Belum ada {file}: {text}.", "en": "{file} is missing: {text}."},
    "missing_apbdes": {"id": "Belum ada {file}: {text}.", "en": "{file} is missing: {text}."},
    "missing_item": {"id": "Belum ada {where}: {text}.", "en": "Nothing in {where}: {text}."},
    "missing_item_optional": {"id": "Belum ada {where}: {text}.", "en": "Nothing in {where}: {text}."},
    "missing_fields": {"id": "Belum lengkap ({fields}): {text}.", "en": "Incomplete ({fields}): {text}."},
}
# What to write comes from each field's rules and description in slip_schema.yaml (fieldguide).
HINTS = {
    "missing_file": {"id": "Buat berkas {file} di {root}: salin bentuknya dari contoh villages/kraton/{file} di repositori "
                           "slip-desa, atau dari folder desa baru yang dibuat `slip new`, lalu ganti isinya.",
                     "en": "Create {file} in {root}: copy its shape from the example villages/kraton/{file} in the slip-desa "
                           "repository, or from a village folder made by `slip new`, then replace the content."},
    "missing_apbdes": {"id": "Isi lembar kerja APB Desa {tahun} (templat: templates/apbdes-template.xlsx) beserta kolom Realisasi, "
                             "lalu jalankan `slip import-apbdes <lembar kerja> --village {root} --tahun {tahun}{realisasi}`; "
                             "perintah itu membuat {file}. Sesudahnya isi nomor, tanggal dan berkas Perdes-nya di berkas itu.",
                       "en": "Fill in the APB Desa {tahun} spreadsheet (template: templates/apbdes-template.xlsx) with its "
                             "Realisasi column, then run `slip import-apbdes <spreadsheet> --village {root} --tahun {tahun}{realisasi}`, "
                             "which writes {file}. Then fill in its Perdes number, date and document there."},
    "missing_item": {"id": "Tambahkan satu butir (diawali '- ') di {file} > {list}{where_id}, dengan {details}.",
                     "en": "Add an item (starting with '- ') to {file} > {list}{where_en}, with {details}."},
    "missing_item_optional": {"id": "Tambahkan satu butir (diawali '- ') di {file} > {list}{where_id}, dengan {details}. Bila "
                                    "desa memang tidak memilikinya, biarkan saja: ini anjuran, tidak membuat desa gagal.",
                              "en": "Add an item (starting with '- ') to {file} > {list}{where_en}, with {details}. If the "
                                    "village has none, leave it: this is a recommendation and does not fail the check."},
    "missing_fields": {"id": "Isi di {file}: {details}.", "en": "Fill in, in {file}: {details}."},
}
_APBDES = re.compile(r"^apbdes/(\d{4})\.yaml$")


def _details(obligation: Obligation, best: evidence.Match, fields: tuple[str, ...], context: Context) -> str:
    """Each field to fill, with what to write in it: `murni.perdes.nomor` (Nomor Perdes, ...)."""
    parts = []
    spec_all = set(obligation.evidence[0].get("all", ()))
    for dotted in fields:
        path = best.path + (() if best.found else (0,) if "list" in obligation.evidence[0] else ()) + paths.split(dotted)
        found = fieldguide.guide(fieldguide.rules_for_path(best.file, path, context.catalogue), must_fill=dotted in spec_all)
        parts.append(f"`{dotted}` ({fieldguide.brief(found)})")
    return "; ".join(parts)


def check(village: Village, context: Context) -> Iterator[Problem]:
    for obligation in context.catalogue.obligations.values():
        if not obligation.evidence or not evidence.applies(village, obligation):
            continue
        best = evidence.find(village, obligation, context)[0]
        if best.met:
            continue
        spec = obligation.evidence[0]
        params = {"file": best.file, "text": obligation.text, "fields": ", ".join(best.missing),
                  "where": evidence.describe_where(obligation, context), "root": str(village.root)}
        if village.data(best.file) is None:
            year = _APBDES.match(best.file)
            key = "missing_apbdes" if year else "missing_file"
            if year:
                last = int(year.group(1)) < context.as_of.year
                params.update(tahun=year.group(1), realisasi=f" --realisasi-per {year.group(1)}-12-31" if last else "")
        elif not best.found:
            key = "missing_item_optional" if obligation.recommended_only else "missing_item"
            values = {"tahun": str(context.as_of.year), "tahun_lapor": str(context.report_year(obligation.due_from))}
            pairs = ", ".join(f"{k}: {str(v).format_map(values)}" for k, v in spec.get("where", {}).items())
            fields = tuple(spec.get("all", ())) + tuple(spec.get("present", ()))
            params.update(list=spec.get("list", ""), where_id=f" berisi `{pairs}`" if pairs else "",
                          where_en=f" holding `{pairs}`" if pairs else "",
                          details=_details(obligation, best, fields, context))
        else:
            key = "missing_fields"
            params["details"] = _details(obligation, best, best.missing, context)
        path = best.path + (tuple(best.missing[0].split(".")) if key == "missing_fields" else ())
        yield Problem(best.file, path, key, params, obligation.id)
