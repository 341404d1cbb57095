"""Data pribadi: tidak ada NIK atau nomor KK penduduk dalam apa pun yang akan diumumkan.

Nomor 16 angka dianggap NIK/KK bila dua angka pertamanya kode provinsi yang ada dan angka ke-7
sampai ke-12 tanggal yang sah (hari 01-31, atau 41-71 untuk perempuan; bulan 01-12). Diperiksa:
setiap isian, komentar (`# ...`, juga di bagian atas halaman Markdown) dan nama kunci dalam berkas
YAML dan Markdown desa, isi halaman Markdown (juga komentar `<!-- ... -->`), nama setiap berkas dan
foldernya, nama dan teks setiap dokumen yang dirujuk dengan `berkas`, kecuali baris DIP yang
dikecualikan (tidak diumumkan). Komentar diperiksa karena repositori yang terbuka ikut
memperlihatkannya. Dokumen yang nama atau isinya memuat NIK tidak diterbitkan.
UU KIP Pasal 17 huruf h (rahasia pribadi).

Nomor dikenali seperti orang menulisnya: 16 angka rapat, atau dikelompokkan 4-4-4-4, 6-6-4
(`350807 450687 0003`), 2-2-2-6-4 (`35.08.07.450687.0003`) atau 6-2-2-2-4, dengan satu jenis
pemisah: spasi (juga spasi ganda dan spasi tak terputus), titik, tanda hubung atau garis bawah.
Angka lebar (`３５０８...`) dan angka Arab juga angka; karakter tak terlihat (tanda hubung lunak,
spasi nol-lebar) diabaikan; nomor yang terpotong di akhir baris dengan tanda hubung tetap satu
nomor. Tidak dianggap NIK: nomor rekening bank, kode rekening APB Desa, nomor telepon, tanggal dan
jam yang berderet, NPWP 15 angka, nomor surat dan nilai rupiah. NPWP 16 angka milik orang adalah
NIK-nya, maka ikut dilaporkan. Pesan dan laporan dalam format apa pun hanya menyebut nomor yang
disamarkan (350807******0003), juga bila NIK salah diketik di isian lain (`telepon`, `nama`).

Setiap dokumen dibaca seluruhnya, dan letak nomor disebut sejauh berkasnya menyimpannya. PDF:
nomor halaman; di luar halaman, nama bagiannya: properti dokumen, metadata XMP, anotasi (nomornya
dan halamannya, juga alamat tautan), isian formulir (namanya), lampiran (namanya, dan halamannya
bila lampiran itu PDF) dan penanda (bookmark). Gambar: metadata EXIF, XMP, teks PNG, segmen dan
komentar JPEG, komentar GIF. xlsx dan ods: nama lembar kerja (isi sel, juga angka yang ditampilkan
3,51E+15, dan rumus). docx dan odt: nomor paragraf, dihitung dari awal isi dokumen, termasuk teks
yang dihapus dengan lacak perubahan; paragraf dalam sel tabel dan kotak teks ikut terhitung, dan
nomor halaman tidak disebut karena halaman baru terbentuk saat dokumen ditampilkan. pptx dan odp:
nomor salindia. Selebihnya disebut dengan nama bagiannya di dalam berkas: kepala dan kaki halaman,
catatan, komentar, properti dokumen, teks alternatif gambar dan alamat tautan ("atribut"), teks
bersama xlsx yang tidak lagi tampil di lembar mana pun (xl/sharedStrings.xml), dan gambar, PDF,
objek OLE serta dokumen docx/xlsx yang tersemat. Berkas lama doc dan xls hanya diperiksa sebisanya:
deretan angka dalam isi mentahnya, tanpa letak. Dokumen yang tidak dapat dibaca seluruhnya
(terkunci, rusak, melampaui batas) ditolak oleh aturan `documents` dan tidak diterbitkan. Tidak
terbaca: teks dalam gambar (hasil pindaian, foto KTP) dan angka yang disimpan xls sebagai bilangan;
simpan sebagai PDF berteks, docx atau xlsx agar pemeriksaannya pasti.

LULUS (program.yaml):
    penerima: [{nama: Sumiati, dusun: Krajan, rt: "003"}]
GAGAL:
    penerima: [{nama: Sumiati, nik: "3508 0745 0687 0003"}]   # juga dalam komentar: # NIK 3508074506870003
"""
from __future__ import annotations

from typing import Any, Iterator

from checker import paths
from checker.domain.dip import exempt_rows
from checker.domain.nik import find
from checker.context import Context
from checker.findings import Problem
from checker.loader import DOC_KEY
from checker.model import Document, SourceFile, Village

ID = "nik"
TITLE = {"id": "Tidak ada NIK/KK yang diumumkan", "en": "No NIK/KK number is published"}
OBLIGATIONS = ("dikecualikan.data_pribadi",)
MESSAGES = {
    "nik": {"id": "Ada nomor yang tampak seperti NIK atau nomor KK ({masked}); data pribadi tidak boleh diumumkan.",
            "en": "A number that looks like a NIK or KK number ({masked}); personal data must not be published."},
    "nik_comment": {"id": "Ada nomor yang tampak seperti NIK atau nomor KK ({masked}) di luar isian, dalam komentar (#) atau nama kunci; repositori yang terbuka ikut memperlihatkannya.",
                    "en": "A number that looks like a NIK or KK number ({masked}) outside the values, in a comment (#) or a key; an open repository shows it too."},
    "nik_name": {"id": "Nama berkas {ref} memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                 "en": "The name of document {ref} holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_filename": {"id": "Nama berkas ini memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); nama berkas dan foldernya ikut diumumkan.",
                     "en": "This file's name holds a number that looks like a NIK or KK number ({masked}); file and folder names are published too."},
    "nik_document": {"id": "Berkas {ref} halaman {page} memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                     "en": "Document {ref} page {page} holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_sheet": {"id": "Berkas {ref} lembar kerja '{sheet}' memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                  "en": "Document {ref} sheet '{sheet}' holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_paragraph": {"id": "Berkas {ref} paragraf ke-{paragraph} memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                      "en": "Document {ref} paragraph {paragraph} holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_slide": {"id": "Berkas {ref} salindia {slide} memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                  "en": "Document {ref} slide {slide} holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_part": {"id": "Berkas {ref} bagian {part} (kepala/kaki halaman, catatan, komentar, metadata atau isi tersemat) memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                 "en": "Document {ref} part {part} (header/footer, notes, comments, metadata or embedded content) holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
    "nik_file": {"id": "Berkas {ref} memuat nomor yang tampak seperti NIK atau nomor KK ({masked}); berkas ini tidak akan diterbitkan.",
                 "en": "Document {ref} holds a number that looks like a NIK or KK number ({masked}); it will not be published."},
}
HINTS = {
    "nik": {"id": "Hapus nomornya; cukup nama dan dusun/RT.", "en": "Remove the number; a name and dusun/RT are enough."},
    "nik_comment": {"id": "Hapus nomornya dari komentar atau kunci itu.", "en": "Remove the number from that comment or key."},
    "nik_name": {"id": "Ganti nama berkasnya tanpa nomor itu, lalu perbarui isian berkas.",
                 "en": "Rename the document without the number, then update the berkas value."},
    "nik_filename": {"id": "Ganti nama berkas (atau foldernya) tanpa nomor itu.", "en": "Rename the file (or its folder) without the number."},
    "nik_document": {"id": "Hitamkan (redaksi) nomornya lalu pindai ulang berkasnya.", "en": "Redact the number and scan the document again."},
    "nik_sheet": {"id": "Hapus kolom NIK/KK dari lembar itu (juga yang tersembunyi), simpan, lalu periksa ulang.",
                  "en": "Delete the NIK/KK column from that sheet (hidden ones too), save, and check again."},
    "nik_paragraph": {"id": "Hapus nomornya dari dokumen (juga dari lacak perubahan), simpan, lalu periksa ulang.",
                      "en": "Delete the number from the document (tracked changes too), save, and check again."},
    "nik_slide": {"id": "Hapus nomornya dari salindia itu (juga dari catatannya), simpan, lalu periksa ulang.",
                  "en": "Delete the number from that slide (its notes too), save, and check again."},
    "nik_part": {"id": "Hapus nomornya dari bagian itu (kepala/kaki halaman, komentar, properti dokumen atau isi tersemat), simpan, lalu periksa ulang.",
                 "en": "Delete the number from that part (header/footer, comments, document properties or embedded content), save, and check again."},
    "nik_file": {"id": "Hapus nomornya, lalu simpan sebagai PDF, docx atau xlsx.", "en": "Delete the number, then save as PDF, docx or xlsx."},
}


def _scalars(name: str, data: Any, skip: set[int]) -> Iterator[tuple[tuple[Any, ...], str]]:
    for path, value in paths.walk(data):
        if name == "dip.yaml" and len(path) > 1 and path[0] == "informasi" and path[1] in skip:
            continue  # exempt rows are never published
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            yield path, str(value)


def _where(document: Document, index: int, text: str, offset: int) -> tuple[str, dict[str, Any]]:
    """The message key and place of a number found in one text of a document."""
    place = document.places[index] if index < len(document.places) else f"page:{index + 1}"
    unit, _, name = place.partition(":")
    if unit == "paragraphs":  # the office reader writes one paragraph a line
        return "nik_paragraph", {"paragraph": text.count("\n", 0, offset) + 1}
    if unit in ("sheet", "slide", "part"):
        return f"nik_{unit}", {unit: name}
    if unit == "file":
        return "nik_file", {}
    if unit == "page" and name.isdigit():
        return "nik_document", {"page": int(name)}
    return "nik_part", {"part": place}  # a place this rule has no words for is still named, never a crash


def _document(village: Village, name: str, path: tuple[Any, ...], ref: str) -> Iterator[Problem]:
    document = village.documents.get(ref)
    for index, text in enumerate(document.pages if document else ()):
        for offset, masked in find(text):  # the first number of each page, sheet or part
            key, where = _where(document, index, text, offset)
            yield Problem(name, path, key, {"ref": ref, "masked": masked, **where})
            break


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset into a text."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _values(village: Village, source: SourceFile, skip: set[int]) -> Iterator[Problem]:
    """Every value, a document's name and text with it (one walk of the data: it is most of the rule's cost)."""
    for path, text in _scalars(source.name, source.data, skip):
        is_ref = bool(path) and path[-1] == DOC_KEY
        for _, masked in find(text):
            yield Problem(source.name, path, "nik_name" if is_ref else "nik", {"masked": masked, "ref": text})
        if is_ref:
            yield from _document(village, source.name, path, text)


def _outside_values(source: SourceFile) -> Iterator[Problem]:
    """Numbers in the file's text that are no value: comments (#) and keys, which a public repository shows."""
    hits = list(find(source.text))
    if not hits:  # nearly always: one pass in C over the whole file
        return
    values: dict[str, set[int]] = {}  # masked number -> the lines of the values holding it
    for path, text in _scalars(source.name, source.data, set()):
        for _, masked in find(text):
            location = source.marks.locate(path)
            values.setdefault(masked, set()).add(location.line if location else 0)
    for offset, masked in hits:
        line, col = _line_col(source.text, offset)
        in_body = bool(source.body_line) and line >= source.body_line  # the body is scanned on its own
        # A comment repeating its own line's value is said once, at the value; any other comment is a leak of its own.
        repeated = line in values.get(masked, ()) if _in_comment(source.text, offset) else True
        if not in_body and not (masked in values and repeated):
            yield Problem(source.name, (), "nik_comment", {"masked": masked}, line=line, col=col)


def _in_comment(text: str, offset: int) -> bool:
    """Whether an offset lies in a YAML comment: after a # that starts the line or follows a space, outside quotes."""
    start = text.rfind("\n", 0, offset) + 1
    quote = ""
    for i in range(start, offset):
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and (i == start or text[i - 1] in " :[{,-"):
            quote = char
        elif char == "#" and (i == start or text[i - 1] in " \t"):
            return True
    return False


def check(village: Village, context: Context) -> Iterator[Problem]:
    skip = {index for index, _ in exempt_rows(village.data("dip.yaml"))}
    for source in [*village.files.values(), *village.pages.values()]:
        for _, masked in find(source.name):  # folder and file names are published too
            yield Problem(source.name, (), "nik_filename", {"masked": masked}, line=1, col=1)
        yield from _values(village, source, skip)
        yield from _outside_values(source)
        for offset, masked in find(source.body):  # the whole body: a number may wrap over two lines
            line, col = _line_col(source.body, offset)
            yield Problem(source.name, (), "nik", {"masked": masked}, line=source.body_line + line - 1, col=col)
