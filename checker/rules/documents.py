"""Dokumen: setiap `berkas` ada, berada di dalam folder desa, tidak kosong, dan benar-benar dokumen.

Alamat berkas ditulis relatif terhadap folder desa (`dokumen/perdes-2026-01.pdf`), tanpa `..`, tanpa
alamat mutlak dan tanpa tautan (symlink) ke luar folder. Jenis berkas dikenali dari isinya, bukan
dari namanya: PDF, gambar (PNG, JPEG, GIF, WebP) atau dokumen perkantoran (docx, xlsx, pptx, odt,
ods, odp, doc, xls). Arsip zip lain (juga program yang dinamai .pdf) bukan dokumen.

Teks setiap PDF dan dokumen perkantoran dibaca untuk pemeriksaan NIK (aturan `nik`), maka berkas itu
harus dapat dibaca: tidak terkunci kata sandi, tidak rusak, dan tidak melampaui batas pemeriksaan
(PDF paling besar 100 MB; dokumen perkantoran paling banyak 20 MB teks XML setelah dibuka dan 2.000
bagian, sehingga "bom zip" ditolak). Dokumen perkantoran dengan makro (vbaProject.bin, Basic) juga
ditolak, karena makro dapat menjalankan program di komputer warga. Berkas yang ditolak tidak
diterbitkan.

LULUS:
    berkas: dokumen/perdes-2026-01-apbdes.pdf    # berkas ada dan diawali %PDF-
GAGAL:
    berkas: ../rahasia.pdf
"""
from __future__ import annotations

from typing import Iterator

from checker import evidence, paths
from checker.context import Context
from checker.findings import Problem
from checker.loader import DOC_KEY
from checker.model import Village
from checker.schema.validator import obligation_for_path

ID = "documents"
TITLE = {"id": "Dokumen tersedia dan sah", "en": "Documents exist and are valid"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
MESSAGES = {
    "outside": {"id": "Berkas {ref} berada di luar folder desa.", "en": "Document {ref} is outside the village folder."},
    "missing": {"id": "Berkas {ref} tidak ditemukan.", "en": "Document {ref} was not found."},
    "empty": {"id": "Berkas {ref} kosong (0 bita).", "en": "Document {ref} is empty (0 bytes)."},
    "not_document": {"id": "Berkas {ref} bukan PDF, gambar atau dokumen perkantoran menurut isinya.",
                     "en": "Document {ref} is not a PDF, image or office document by its content."},
    "encrypted": {"id": "Berkas {ref} terkunci kata sandi; warga tidak dapat membukanya.",
                  "en": "Document {ref} is password-protected; residents cannot open it."},
    "corrupt": {"id": "Berkas {ref} rusak dan tidak dapat dibaca.", "en": "Document {ref} is damaged and cannot be read."},
    "too_big_to_scan": {"id": "Berkas {ref} melampaui batas pemeriksaan (PDF 100 MB; dokumen perkantoran 20 MB teks atau 2.000 bagian), jadi isinya tidak dapat diperiksa dari NIK.",
                        "en": "Document {ref} is past the scanning limits (PDF 100 MB; office documents 20 MB of text or 2,000 parts), so it cannot be checked for NIK numbers."},
    "macro": {"id": "Berkas {ref} berisi makro, yang dapat menjalankan program di komputer pembacanya.",
              "en": "Document {ref} holds macros, which can run programs on the reader's computer."},
}
HINTS = {
    "outside": {"id": "Salin berkasnya ke folder dokumen/ desa ini dan tulis 'dokumen/namaberkas.pdf'.",
                "en": "Copy the file into this village's dokumen/ folder and write 'dokumen/name.pdf'."},
    "missing": {"id": "Unggah berkasnya ke dokumen/ atau perbaiki ejaan namanya (huruf besar/kecil berbeda).",
                "en": "Upload the file to dokumen/ or fix the name (case matters)."},
    "not_document": {"id": "Ekspor ulang sebagai PDF.", "en": "Export it again as PDF."},
    "encrypted": {"id": "Simpan ulang berkasnya tanpa kata sandi.", "en": "Save the document again without a password."},
    "corrupt": {"id": "Ekspor atau pindai ulang berkasnya.", "en": "Export or scan the document again."},
    "too_big_to_scan": {"id": "Perkecil berkasnya (pindai dengan resolusi lebih rendah) atau bagi menjadi beberapa berkas.",
                        "en": "Make the file smaller (scan at a lower resolution) or split it into several files."},
    "macro": {"id": "Simpan ulang sebagai .docx/.xlsx tanpa makro, atau ekspor sebagai PDF.",
              "en": "Save it again as .docx/.xlsx without macros, or export it as PDF."},
}


def _problem_key(document) -> str | None:  # type: ignore[no-untyped-def]
    if not document.inside:
        return "outside"
    if not document.exists:
        return "missing"
    if document.size == 0:
        return "empty"
    if not document.kind:
        return "not_document"
    return document.problem or None


def check(village: Village, context: Context) -> Iterator[Problem]:
    for source in [*village.files.values(), *village.pages.values()]:
        for path, value in paths.walk(source.data):
            if not path or path[-1] != DOC_KEY or not isinstance(value, str) or value not in village.documents:
                continue
            key = _problem_key(village.documents[value])
            if key:
                obligation = evidence.owner(village, source.name, path, context) or obligation_for_path(source.name, path, context.catalogue)
                yield Problem(source.name, path, key, {"ref": value}, obligation)
