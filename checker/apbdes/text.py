"""APB Desa files as text: the standard skeleton, the totals of a version, and its commented YAML.

Shared by `slip new` (the skeleton of the current year, every standard kode rekening with
anggaran 0 so that the arithmetic holds) and `slip import-apbdes` (lines from a spreadsheet). A
version (murni or perubahan) is written as the demo village writes it, with the same comments, and
spliced into an existing file without touching the other version or the file's header comments.
"""
from __future__ import annotations

import re
import textwrap
from typing import Any, Mapping, Sequence

from checker.apbdes.model import SECTIONS, root_sum
from checker.catalogue import Catalogue
from checker.yamltext import line, quoted, scalar

LINE_KEYS = ("kode", "uraian", "anggaran", "realisasi", "sumber_dana", "jenis", "layanan_informasi", "keterangan")
TOTAL_KEYS = ("pendapatan", "belanja", "surplus_defisit", "penerimaan_pembiayaan", "pengeluaran_pembiayaan",
              "pembiayaan_netto", "silpa")
STAGE = {"murni": "APB Desa awal (murni), sesuai Perdes APB Desa",
         "perubahan": "Perubahan APB Desa: anggaran lengkap kedua, bukan daftar ubahan"}
_HEAD = (("diterbitkan", "tanggal APB Desa ini pertama diumumkan"), ("diperbarui", "tanggal terakhir data ini diubah"),
         ("realisasi_per", "tanggal posisi realisasi (laporan semester/akhir tahun)"))
_PERDES = (("nomor", 'nomor Perdes, mis. "1 Tahun 2026"'), ("tanggal", "tanggal penetapan Perdes (TTTT-BB-HH)"),
           ("tentang", "judul Perdes"), ("berkas", "salinan Perdes (PDF) di folder dokumen/"))
_LINE_COMMENTS = {
    "kode": "kode rekening Permendagri 20/2018, dalam tanda kutip", "uraian": "nama rekening atau kegiatan",
    "anggaran": "rupiah, angka bulat tanpa titik dan tanpa Rp", "realisasi": "rupiah terealisasi per tanggal realisasi_per",
    "sumber_dana": "DDS, ADD, PBH, PAD, BKK, BKP, DLL atau SiLPA",
    "jenis": "5.1 pegawai, 5.2 barang/jasa, 5.3 modal, 5.4 tak terduga",
    "layanan_informasi": "true: anggaran layanan informasi publik (Perki 1/2018 Pasal 7 huruf c)",
}
_SECTION_COMMENTS = {
    "pendapatan": ["Pendapatan: setiap baris induk = jumlah baris di bawahnya (4 = 4.1 + 4.2 + 4.3).",
                   "Sumber dana pendapatan mengikuti kodenya (4.2.1 DDS, 4.2.3 ADD, ...)."],
    "belanja": ["Belanja menurut bidang (1-5), subbidang (1.1) dan kegiatan (1.1.01).",
                "Setiap kegiatan wajib menyebut sumber_dana dan jenis belanjanya."],
    "belanja_jenis": ["Belanja menurut jenis: 5 = 5.1 + 5.2 + 5.3 + 5.4; harus sama dengan jumlah belanja per bidang."],
    "pembiayaan": ["Pembiayaan: 6.1 penerimaan (SiLPA tahun lalu), 6.2 pengeluaran (penyertaan modal BUM Desa).",
                   "Pengeluaran pembiayaan menyebut sumber_dana."],
}
_TOTAL_COMMENTS = {
    "pendapatan": '= baris pendapatan "4"', "belanja": '= jumlah bidang 1-5 = belanja_jenis "5"',
    "surplus_defisit": "pendapatan - belanja (boleh negatif)", "penerimaan_pembiayaan": '= baris "6.1"',
    "pengeluaran_pembiayaan": '= baris "6.2"', "pembiayaan_netto": "penerimaan - pengeluaran pembiayaan",
    "silpa": "surplus_defisit + pembiayaan_netto (0 bila anggaran berimbang)",
}
SKELETON_PEMBIAYAAN = ("6.1", "6.1.1", "6.2")


def skeleton(catalogue: Catalogue) -> dict[str, list[dict[str, Any]]]:
    """Every standard pendapatan code, bidang 1-5, jenis 5-5.4 and 6.1/6.1.1/6.2, each with anggaran 0."""
    codes = catalogue.apbdes
    bidang = {k: v for k, v in codes.belanja_bidang.items() if "." not in k}
    pembiayaan = {k: codes.pembiayaan[k] for k in SKELETON_PEMBIAYAAN}
    tables = {"pendapatan": codes.pendapatan, "belanja": bidang, "belanja_jenis": codes.belanja_jenis, "pembiayaan": pembiayaan}
    return {section: [{"kode": k, "uraian": v, "anggaran": 0} for k, v in table.items()] for section, table in tables.items()}


def totals(version: Mapping[str, Any], measure: str = "anggaran") -> dict[str, int] | None:
    """`jumlah` (or, for realisasi, `jumlah_realisasi`) computed from the lines; None when a root line lacks the measure."""
    pendapatan = root_sum(version, "pendapatan", measure)
    belanja = root_sum(version, "belanja", measure)
    masuk = root_sum(version, "pembiayaan", measure, "6.1")
    keluar = root_sum(version, "pembiayaan", measure, "6.2")
    if None in (pendapatan, belanja, masuk, keluar):
        return None
    surplus, netto = pendapatan - belanja, masuk - keluar
    return dict(zip(TOTAL_KEYS, (pendapatan, belanja, surplus, masuk, keluar, netto, surplus + netto)))


def _value(key: str, value: Any) -> str:
    return quoted(value) if key in ("kode", "jenis") and isinstance(value, str) else scalar(value)


def _section(section: str, items: Sequence[Mapping[str, Any]], commented: set[str]) -> list[str]:
    out = [""] + [f"  # {text}" for text in _SECTION_COMMENTS[section]] + [f"  {section}:" + ("" if items else " []")]
    for item in items:
        kode = str(item.get("kode", ""))
        if section == "belanja" and kode.isdigit():
            out.append(f"    # --- Bidang {kode}: {item.get('uraian', '')}")
        keys = [k for k in LINE_KEYS if k in item] + [k for k in item if k not in LINE_KEYS]
        for position, key in enumerate(keys):
            comment = _LINE_COMMENTS.get(key, "") if key not in commented else ""
            commented.add(key)
            out.append(line(6 if position else 4, key, _value(key, item[key]), comment, item=position == 0))
    return out


def header(nama: str, tahun: int, note: str = "") -> str:
    """The comment block and `tahun:` line that open an APB Desa file, as in the demo village."""
    lines = [f"# APB Desa {nama} Tahun Anggaran {tahun} (Permendagri 20/2018; Perki 1/2018 Pasal 2 huruf d, e dan g).",
             "# Satu berkas per tahun anggaran: apbdes/<tahun>.yaml. `murni` adalah APB Desa awal; `perubahan`",
             "# adalah Perubahan APB Desa yang ditulis utuh (bukan hanya baris yang berubah).",
             "# Semua angka rupiah ditulis bulat tanpa titik; kode rekening selalu dalam tanda kutip."]
    lines += [f"# {part}" for part in textwrap.wrap(note, 96, break_on_hyphens=False)]
    return "\n".join(lines) + "\n" + line(0, "tahun", str(tahun), "tahun anggaran; sama dengan nama berkas") + "\n\n"


def render_version(stage: str, version: Mapping[str, Any]) -> str:
    """The YAML text of one version (murni or perubahan), top-level key included, commented."""
    out = [f"{stage}:  # {STAGE[stage]}", "  perdes:  # Peraturan Desa yang menetapkan APB Desa ini"]
    perdes = version.get("perdes") or {}
    out += [line(4, key, scalar(perdes.get(key)), comment) for key, comment in _PERDES]
    out += [line(2, key, scalar(version[key]), comment) for key, comment in _HEAD if key in version]
    commented: set[str] = set()
    for section in SECTIONS:
        if section in version:
            out += _section(section, version[section] or [], commented)
    for key, comment in (("jumlah", "ringkasan anggaran; harus cocok dengan baris di atas"),
                         ("jumlah_realisasi", "ringkasan realisasi per tanggal realisasi_per")):
        if isinstance(version.get(key), Mapping):
            out += ["", line(2, key, "", comment)]
            out += [line(4, k, scalar(version[key][k]), _TOTAL_COMMENTS[k] if key == "jumlah" else "")
                    for k in TOTAL_KEYS if k in version[key]]
    return "\n".join(out) + "\n"


def splice(text: str, stage: str, block: str) -> str:
    """Replace the top-level `stage:` block of an APB Desa file's text (or add it), keeping the rest."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, row in enumerate(lines) if re.match(rf"{stage}\s*:", row)), None)
    if start is None:
        return text.rstrip("\n") + "\n\n" + block
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[^\s#]", lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and top-level comments above the next key belong to that key
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + block + ("\n" + tail.lstrip("\n") if tail.strip() else "")
