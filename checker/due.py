"""What each village must publish or renew next, in deadline order, as `slip due` shows it (checker/cli/due.py).

The PPID's to-do list: one block per village, one line per deadline with its date, how many days
are left (or "terlambat" and by how many days), what to do and in which file. The dates come from
checker/deadlines.py; what is missing altogether, undated or wrong is `slip check`'s to report.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from checker.deadlines import Due
from checker.model import Village

FILE_LABELS = {
    "id": {"profil.yaml": "profil desa", "dip.yaml": "Daftar Informasi Publik Desa", "program.yaml": "program dan kegiatan",
           "ppid.yaml": "informasi PPID Desa", "layanan.yaml": "register layanan informasi", "dokumen.yaml": "daftar dokumen",
           "produk_hukum.yaml": "daftar produk hukum"},
    "en": {"profil.yaml": "the village profile", "dip.yaml": "the public information list (DIP)", "program.yaml": "programmes and activities",
           "ppid.yaml": "the PPID information", "layanan.yaml": "the information service register", "dokumen.yaml": "the document list",
           "produk_hukum.yaml": "the list of legal products"},
}
MESSAGES = {
    "fresh": {"id": "Perbarui {label} ({file}; terakhir {updated}, paling lama {months} bulan sekali)",
              "en": "Update {label} ({file}; last {updated}, at least every {period_en})"},
    "apbdes": {"id": "Umumkan APB Desa {tahun} dan Perdes-nya ({file}) *", "en": "Publish the APB Desa {tahun} and its Perdes ({file}) *"},
    "rkpdes": {"id": "Umumkan RKP Desa {tahun} ({file}) *", "en": "Publish the RKP Desa {tahun} ({file}) *"},
    "realisasi_semester": {"id": "Umumkan realisasi APB Desa {tahun} semester I, sampai 30 Juni ({file})",
                           "en": "Publish the APB Desa {tahun} actuals for semester I, up to 30 June ({file})"},
    "realisasi_akhir": {"id": "Umumkan realisasi APB Desa {tahun} akhir tahun dan SiLPA-nya, sampai 31 Desember ({file})",
                        "en": "Publish the APB Desa {tahun} year-end actuals and SiLPA, up to 31 December ({file})"},
    "lppd": {"id": "Umumkan LPPD akhir tahun anggaran {tahun} ({file})", "en": "Publish the LPPD for budget year {tahun} ({file})"},
    "laporan_layanan": {"id": "Umumkan laporan layanan informasi publik tahun {tahun} ({file})",
                        "en": "Publish the information service report for {tahun} ({file})"},
    "rpjmdes": {"id": "RPJM Desa {mulai}-{selesai} berakhir: tetapkan dan umumkan RPJM Desa berikutnya ({file})",
                "en": "The RPJM Desa {mulai}-{selesai} ends: adopt and publish the next one ({file})"},
}
TEXT = {
    "id": {"heading": "{name} ({kode}): yang harus diumumkan atau diperbarui, per {as_of}",
           "late": "terlambat {days} hari", "today": "hari ini", "left": "{days} hari lagi", "none": "Tidak ada tenggat.",
           "unreadable": "Ada berkas yang tidak dapat dibaca; jalankan dulu: slip check {path}",
           "practical": "* 31 Januari adalah tenggat praktis: APB Desa, Perdes APB Desa dan RKP Desa wajib tersedia sejak tahun anggaran dimulai (Perki 1/2018 Pasal 2 huruf d dan e)."},
    "en": {"heading": "{name} ({kode}): to publish or renew, as of {as_of}",
           "late": "overdue {days} days", "today": "today", "left": "in {days} days", "none": "Nothing is due.",
           "unreadable": "Some files cannot be read; first run: slip check {path}",
           "practical": "* 31 January is a practical date: the APB Desa, its Perdes and the RKP Desa are required from the start of the budget year (Perki 1/2018 Article 2 d and e)."},
}


def line(item: Due, as_of: dt.date, lang: str) -> str:
    """One deadline: date, days left or overdue, what to do."""
    text = TEXT[lang]
    days = (item.date - as_of).days
    status = text["late"].format(days=-days) if days < 0 else text["today"] if days == 0 else text["left"].format(days=days)
    label = FILE_LABELS[lang].get(item.file, item.file)
    months = item.params.get("months", 0)
    period_en = "month" if months == 1 else f"{months} months"
    what = MESSAGES[item.key][lang].format(file=item.file, label=label, period_en=period_en, **item.params)
    return f"  {item.date.isoformat()}  {status:<20}{what}"


def render(village: Village, items: Sequence[Due], as_of: dt.date, lang: str) -> list[str]:
    """A village's block of lines."""
    text = TEXT[lang]
    profile = village.data("profil.yaml") or {}
    lines = [text["heading"].format(name=profile.get("nama") or village.slug, kode=profile.get("kode_wilayah") or "-", as_of=as_of)]
    if village.unreadable:
        lines.append("  " + text["unreadable"].format(path=village.root))
    lines += [line(item, as_of, lang) for item in items] or ["  " + text["none"]]
    return lines
