"""Dokumen: setiap `berkas` ada, berada di dalam folder desa, tidak kosong, benar-benar dokumen,
dan namanya sesuai isinya.

Alamat berkas ditulis relatif terhadap folder desa dengan garis miring biasa
(`dokumen/perdes-2026-01.pdf`): tanpa `..`, tanpa alamat mutlak, tanpa alamat web (`https://...`),
tanpa garis miring terbalik (`dokumen\\nama.pdf`, yang hanya dikenal Windows, sehingga situs tidak
dapat dibangun) dan tanpa tautan (symlink) ke luar folder. Jenis berkas dikenali dari isinya:
PDF, gambar (PNG, JPEG, GIF, WebP) atau dokumen perkantoran (docx, xlsx, pptx, odt, ods, odp,
doc, xls). Akhiran nama harus sesuai isinya (PDF `.pdf`, PNG `.png`, JPEG `.jpg`/`.jpeg`, docx
`.docx`, dan seterusnya), karena peramban memilih cara membuka berkas dari namanya: gambar yang
dinamai `.html` atau `.svg` akan dijalankan sebagai halaman web di situs desa. Karena itu HTML,
SVG, XML dan JavaScript tidak pernah diterima sebagai dokumen, begitu pula arsip zip lain (juga
program yang dinamai .pdf).

Seluruh isi setiap dokumen dibaca untuk pemeriksaan NIK (aturan `nik`): setiap halaman PDF beserta
properti, metadata XMP, anotasi, isian formulir, lampiran dan penanda (bookmark); setiap bagian
dokumen perkantoran; metadata gambar. Maka berkas itu harus dapat dibaca seluruhnya: tidak terkunci
kata sandi, tidak rusak, dan tidak melampaui batas pemeriksaan (PDF paling besar 100 MB dan 2.000
halaman, lampiran bersarang paling dalam 3 tingkat; dokumen perkantoran paling banyak 100 MB
setelah dibuka, 2.000 bagian dan dokumen tersemat 2 tingkat, sehingga "bom zip" ditolak; gambar
paling besar 50 MB). Dokumen perkantoran dengan makro (vbaProject.bin, Basic) juga ditolak, karena makro dapat
menjalankan program di komputer warga. Berkas yang ditolak tidak diterbitkan.

Semua temuan aturan ini adalah galat, apa pun tingkat keyakinan kewajiban yang dilayani berkasnya:
keyakinan menyatakan seberapa pasti kewajiban itu ada, bukan melunakkan rujukan yang salah.

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
from checker.documents.text import EXTENSIONS
from checker.domain import references
from checker.model import Document, Village
from checker.schema.validator import obligation_for_path

ID = "documents"
TITLE = {"id": "Dokumen tersedia dan sah", "en": "Documents exist and are valid"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
MESSAGES = {
    "outside": {"id": "Berkas {ref} berada di luar folder desa.", "en": "Document {ref} is outside the village folder."},
    "url": {"id": "Berkas {ref} adalah alamat web, bukan berkas di folder desa.",
            "en": "Document {ref} is a web address, not a file in the village folder."},
    "backslash": {"id": "Alamat berkas {ref} memakai garis miring terbalik (\\); tulis dengan garis miring biasa (/).",
                  "en": "Document path {ref} uses backslashes (\\); write it with forward slashes (/)."},
    "mismatch": {"id": "Isi berkas {ref} adalah {found}, tidak sesuai dengan akhiran namanya; berkas ini tidak akan diterbitkan.",
                 "en": "Document {ref} holds {found}, which its name's extension does not match; it will not be published."},
    "too_deep": {"id": "Berkas {ref} memuat lampiran atau dokumen tersemat yang bersarang terlalu dalam (PDF lebih dari 3 tingkat, dokumen perkantoran lebih dari 2), jadi isinya tidak dapat diperiksa dari NIK.",
                 "en": "Document {ref} holds attachments or embedded documents nested too deep (PDF more than 3 levels, office documents more than 2), so it cannot be checked for NIK numbers."},
    "missing": {"id": "Berkas {ref} tidak ditemukan.", "en": "Document {ref} was not found."},
    "empty": {"id": "Berkas {ref} kosong (0 bita).", "en": "Document {ref} is empty (0 bytes)."},
    "not_document": {"id": "Berkas {ref} bukan PDF, gambar atau dokumen perkantoran menurut isinya.",
                     "en": "Document {ref} is not a PDF, image or office document by its content."},
    "encrypted": {"id": "Berkas {ref} terkunci kata sandi; warga tidak dapat membukanya.",
                  "en": "Document {ref} is password-protected; residents cannot open it."},
    "corrupt": {"id": "Berkas {ref} rusak dan tidak dapat dibaca.", "en": "Document {ref} is damaged and cannot be read."},
    "too_big_to_scan": {"id": "Berkas {ref} melampaui batas pemeriksaan (PDF 100 MB atau 2.000 halaman; dokumen perkantoran 100 MB setelah dibuka atau 2.000 bagian; gambar 50 MB), jadi isinya tidak dapat diperiksa dari NIK.",
                        "en": "Document {ref} is past the scanning limits (PDF 100 MB or 2,000 pages; office documents 100 MB unpacked or 2,000 parts; images 50 MB), so it cannot be checked for NIK numbers."},
    "macro": {"id": "Berkas {ref} berisi makro, yang dapat menjalankan program di komputer pembacanya.",
              "en": "Document {ref} holds macros, which can run programs on the reader's computer."},
}
HINTS = {
    "outside": {"id": "Salin berkasnya ke folder dokumen/ desa ini dan tulis 'dokumen/namaberkas.pdf'.",
                "en": "Copy the file into this village's dokumen/ folder and write 'dokumen/name.pdf'."},
    "url": {"id": "Unduh berkasnya, simpan di folder dokumen/ desa ini dan tulis 'dokumen/namaberkas.pdf'.",
            "en": "Download the file, save it in this village's dokumen/ folder and write 'dokumen/name.pdf'."},
    "backslash": {"id": "Tulis 'dokumen/namaberkas.pdf', bukan 'dokumen\\namaberkas.pdf'.",
                  "en": "Write 'dokumen/name.pdf', not 'dokumen\\name.pdf'."},
    "mismatch": {"id": "Beri berkasnya akhiran {expected} (sesuai isinya) dan perbarui 'berkas'-nya, atau ekspor ulang sebagai PDF.",
                 "en": "Give the file the extension {expected} (what it holds) and update its 'berkas', or export it again as PDF."},
    "too_deep": {"id": "Simpan lampirannya sebagai berkas tersendiri di dokumen/ dan rujuk masing-masing.",
                 "en": "Save the attachments as files of their own under dokumen/ and refer to each."},
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


ERRORS = frozenset(MESSAGES)  # what a file claims that is false: an error whatever the obligation's confidence
_FOUND = {"pdf": "PDF", "png": "gambar PNG", "jpeg": "gambar JPEG", "gif": "gambar GIF", "webp": "gambar WebP",
          "ole": "dokumen Office lama (doc/xls/ppt)"}


def _problem_key(document: Document) -> str | None:
    if "\\" in document.ref:
        return "backslash"
    if (scheme := references.SCHEME.match(document.ref)) and len(scheme.group()) > 2:  # not a drive letter
        return "url"
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
            document = village.documents[value]
            key = _problem_key(document)
            if key:
                obligation = evidence.owner(village, source.name, path, context) or obligation_for_path(source.name, path, context.catalogue)
                found = _FOUND.get(document.format, f"dokumen {document.format}" if document.format else "jenis lain")
                expected = " atau ".join(EXTENSIONS.get(document.format, (".pdf",)))
                yield Problem(source.name, path, key, {"ref": value, "found": found, "expected": expected}, obligation)
