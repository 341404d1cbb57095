"""Berkas dapat dibaca: YAML dan Markdown yang rusak dilaporkan dengan baris dan kolomnya.

Berkas desa harus UTF-8, YAML yang sah, satu dokumen per berkas, tanpa tab untuk indentasi, tanpa
kunci ganda (nilai pertama hilang tanpa disadari), tanpa anchor/alias dan tanpa tag khusus
(`!!python/...`), tanpa karakter kendali (misalnya NUL), dan dalam batas ukuran: paling dalam 32
tingkat, paling banyak 10.000 butir dalam satu daftar atau bagian, 50.000 nilai dalam satu berkas,
200 karakter untuk nama kolom dan 100.000 karakter untuk satu isi (berkas desa yang sungguhan jauh
di bawahnya: 5-50 KB, kurang dari 10 tingkat). Berkas yang tidak dapat dibaca menghentikan
pemeriksaan desanya (kode keluar 2) dan desanya belum dapat dinilai; desa lain tetap diperiksa.

Isi Markdown tidak boleh memuat HTML yang dapat menjalankan skrip (`<script>`, `<iframe>`, `<form>`,
atribut `onerror=` dan sejenisnya) atau alamat `javascript:`, `vbscript:` dan `data:` pada tautan
dan gambar (juga gambar yang disisipkan utuh sebagai `data:`). Ini galat pada barisnya; situs
tetap menampilkan halamannya tanpa bagian itu, karena setiap halaman dibersihkan sebelum terbit.

LULUS:
    nama: Kraton
GAGAL:
    nama: Kraton
    nama: Krai        # kunci ganda: "Kraton" hilang
"""
from __future__ import annotations

from typing import Iterator

from checker.context import Context
from checker.findings import Problem
from checker.model import UNUSABLE, Village
from checker.schema.validator import file_obligation

ID = "input-file"
TITLE = {"id": "Berkas dapat dibaca", "en": "File is readable"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
FATAL = UNUSABLE  # an unusable file stops the check of its village (exit 2)
MESSAGES = {
    "too_big": {"id": "Berkas terlalu besar ({size} bita; batas {limit} bita).",
                "en": "File too large ({size} bytes; limit {limit} bytes)."},
    "unreadable": {"id": "Berkas tidak dapat dibuka: {error}.", "en": "File cannot be opened: {error}."},
    "encoding": {"id": "Berkas bukan UTF-8 (bita {byte} tidak dikenali).",
                 "en": "File is not UTF-8 (byte {byte} not recognised)."},
    "syntax": {"id": "YAML tidak sah: {detail_id} ({detail}).", "en": "Invalid YAML: {detail}."},
    "tab": {"id": "YAML tidak sah: ada karakter tab untuk indentasi.",
            "en": "Invalid YAML: a tab character is used for indentation."},
    "multi_doc": {"id": "Berkas berisi lebih dari satu dokumen YAML (tanda ---).",
                  "en": "File holds more than one YAML document (--- markers)."},
    "empty": {"id": "Berkas kosong.", "en": "File is empty."},
    "control_char": {"id": "Ada karakter kendali {char} yang tidak boleh ada dalam berkas teks.",
                     "en": "Control character {char} is not allowed in a text file."},
    "not_mapping": {"id": "Isi berkas harus berupa pasangan kunci: nilai.",
                    "en": "File content must be key: value pairs."},
    "tag": {"id": "Tag YAML {tag} tidak diizinkan.", "en": "YAML tag {tag} is not allowed."},
    "alias": {"id": "Anchor/alias YAML (& dan *) tidak diizinkan.",
              "en": "YAML anchors/aliases (& and *) are not allowed."},
    "complex_key": {"id": "Kunci harus berupa teks biasa.", "en": "Keys must be plain text."},
    "duplicate_key": {"id": "Kunci '{key}' ditulis dua kali (pertama di baris {first}); nilai pertama akan hilang.",
                      "en": "Key '{key}' appears twice (first on line {first}); the first value would be lost."},
    "front_matter": {"id": "Front matter tidak ditutup dengan baris ---.",
                     "en": "Front matter is not closed with a --- line."},
    "outside": {"id": "Berkas adalah tautan (symlink) ke luar folder desa.",
                "en": "File is a symlink pointing outside the village folder."},
    "html_tag": {"id": "Markdown berisi elemen HTML <{tag}>, yang dapat menjalankan skrip atau memuat halaman lain.",
                 "en": "Markdown holds the HTML element <{tag}>, which can run script or load another page."},
    "html_event": {"id": "Markdown berisi atribut HTML {attr}=, yang menjalankan skrip.",
                   "en": "Markdown holds the HTML attribute {attr}=, which runs script."},
    "url_scheme": {"id": "Markdown berisi alamat {scheme}: pada tautan atau gambar; hanya http, https, mailto dan tel yang diizinkan.",
                   "en": "Markdown holds a {scheme}: address in a link or image; only http, https, mailto and tel are allowed."},
    "special": {"id": "Berkas ini bukan berkas biasa (pipa atau perangkat), jadi tidak dibaca.",
                "en": "This is not a regular file (a pipe or a device), so it is not read."},
    "too_deep": {"id": "Isi berkas bertingkat terlalu dalam (lebih dari {limit} tingkat), jadi berkas tidak dibaca.",
                 "en": "The content is nested too deeply (more than {limit} levels), so the file is not read."},
    "too_many_items": {"id": "Daftar atau bagian ini memuat lebih dari {limit} butir, jadi berkas tidak dibaca.",
                       "en": "This list or section holds more than {limit} entries, so the file is not read."},
    "too_many_values": {"id": "Berkas memuat lebih dari {limit} nilai, jadi tidak dibaca.",
                        "en": "The file holds more than {limit} values, so it is not read."},
    "long_key": {"id": "Nama kolom terlalu panjang ({length} karakter; batas {limit}), jadi berkas tidak dibaca.",
                 "en": "Key too long ({length} characters; limit {limit}), so the file is not read."},
    "long_value": {"id": "Isi kolom terlalu panjang ({length} karakter; batas {limit}), jadi berkas tidak dibaca.",
                   "en": "Value too long ({length} characters; limit {limit}), so the file is not read."},
}
HINTS = {
    "encoding": {"id": "Simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8).",
                 "en": "Save the file again as UTF-8."},
    "tab": {"id": "Ganti tab dengan spasi (2 spasi per tingkat).", "en": "Replace tabs with spaces (2 per level)."},
    "syntax": {"id": "{advice_id} Pemeriksaan lain menunggu sampai berkas ini dapat dibaca.",
               "en": "{advice_en} The other checks wait until this file can be read."},
    "duplicate_key": {"id": "Hapus salah satu, atau gabungkan isinya.", "en": "Remove one, or merge them."},
    "multi_doc": {"id": "Hapus baris --- di tengah berkas.", "en": "Remove the --- lines inside the file."},
    "too_big": {"id": "Pindahkan isi besar ke dokumen di folder dokumen/.", "en": "Move large content to dokumen/."},
    "alias": {"id": "Tulis nilainya secara lengkap.", "en": "Write the value out in full."},
    "tag": {"id": "Hapus tag yang diawali !!.", "en": "Remove the tag starting with !!."},
    "unreadable": {"id": "Periksa izin berkas ini (harus dapat dibaca) atau minta petugas IT memeriksanya.",
                   "en": "Check the file's permissions (it must be readable) or ask the IT officer."},
    "empty": {"id": "Isi berkas ini seperti contohnya (buat dengan `slip new`, atau salin dari villages/kraton/), atau hapus berkasnya.",
              "en": "Fill this file as in the example (made by `slip new`, or copied from villages/kraton/), or delete it."},
    "control_char": {"id": "Ketik ulang baris ini: karakter {char} biasanya ikut tersalin dari dokumen atau pesan lain.",
                     "en": "Type this line again: character {char} usually comes along when text is pasted."},
    "not_mapping": {"id": "Setiap baris teratas harus berbentuk `nama_kolom: isi`, misalnya `nama: Kraton`; bandingkan dengan contoh di villages/kraton/.",
                    "en": "Every top-level line must read `key: value`, e.g. `nama: Kraton`; compare with villages/kraton/."},
    "complex_key": {"id": "Tulis nama kolomnya sebagai kata biasa (huruf kecil dan garis bawah) sebelum titik dua, tanpa [ ] atau {{ }}.",
                    "en": "Write the key as a plain word (lowercase and underscores) before the colon, without [ ] or {{ }}."},
    "front_matter": {"id": "Tambahkan baris --- sesudah bagian atas (judul, tanggal) pengumuman atau halaman ini, sebelum isinya.",
                     "en": "Add a --- line after the header (title, date) of this page, before its text."},
    "outside": {"id": "Ganti tautan ini dengan salinan berkas aslinya di dalam folder desa.",
                "en": "Replace the link with a copy of the real file inside the village folder."},
    "html_tag": {"id": "Hapus HTML-nya dan tulis isinya dengan Markdown biasa; video atau peta cukup ditautkan.",
                 "en": "Remove the HTML and write the content in plain Markdown; link to a video or map instead."},
    "html_event": {"id": "Hapus atribut itu; halaman desa tidak menjalankan skrip.",
                   "en": "Remove the attribute; village pages run no script."},
    "url_scheme": {"id": "Tautkan ke alamat https://, atau simpan gambarnya di dokumen/ dan tautkan berkasnya.",
                   "en": "Link to an https:// address, or save the image in dokumen/ and link to the file."},
    "special": {"id": "Ganti dengan berkas teks biasa, atau hapus.", "en": "Replace it with a plain text file, or delete it."},
    "too_deep": {"id": "Berkas desa tidak pernah lebih dari beberapa tingkat. Cari kurung [ atau {{ yang tidak ditutup, "
                       "atau susun ulang bagian ini seperti contohnya di villages/kraton/.",
                 "en": "Village files are never more than a few levels deep. Look for a [ or {{ that is never closed, "
                       "or lay this part out as in villages/kraton/."},
    "too_many_items": {"id": "Bagi isinya ke beberapa berkas, atau simpan data sebesar itu sebagai dokumen di folder dokumen/.",
                       "en": "Split the content over several files, or keep data that large as a document in dokumen/."},
    "too_many_values": {"id": "Bagi isinya ke beberapa berkas, atau simpan data sebesar itu sebagai dokumen di folder dokumen/.",
                        "en": "Split the content over several files, or keep data that large as a document in dokumen/."},
    "long_key": {"id": "Nama kolom adalah kata pendek seperti `nama` atau `anggaran`; teks panjang ditulis sesudah titik dua.",
                 "en": "A key is a short word such as `nama` or `anggaran`; long text goes after the colon."},
    "long_value": {"id": "Simpan teks sepanjang itu sebagai dokumen di folder dokumen/, lalu rujuk dengan `berkas:`.",
                   "en": "Keep text that long as a document in dokumen/, and refer to it with `berkas:`."},
}
# PyYAML's problem texts, in words staff can act on: (explanation, advice) in each language. The
# parser stops where it noticed the mistake, which is often one or more lines below it.
_SYNTAX = {
    "expected <block end>": (
        "ada baris yang menjorok lebih dalam dari seharusnya",
        "Samakan jarak dari kiri baris ini dengan kolom lain di tingkat yang sama (dua spasi per tingkat).",
        "Align this line with the other keys of its level (two spaces per level)."),
    "did not find expected key": (
        "ada baris yang menjorok tidak sejajar dengan kolom lain di tingkat yang sama",
        "Periksa baris ini dan baris-baris di atasnya dalam bagian yang sama: kolom setingkat harus berjarak sama "
        "dari kiri (dua spasi per tingkat), dan tanda kutip yang dibuka harus ditutup.",
        "Check this line and the lines above it in the same block: keys at one level start at the same column "
        "(two spaces per level), and every opened quote is closed."),
    "mapping values are not allowed": (
        "ada titik dua diikuti spasi (': ') di tempat yang salah",
        "Bila isinya memuat ': ', tulis isinya dalam tanda kutip (\"Waktu: 08.00\"); bila tidak, baris ini menjorok "
        "lebih dalam dari kolom di atasnya: samakan jaraknya dari kiri.",
        "If the value contains ': ', put it in quotes (\"Waktu: 08.00\"); otherwise this line is indented deeper "
        "than the key above it: align it."),
    "could not find expected ':'": (
        "ada baris tanpa titik dua sesudah nama kolomnya",
        "Tulis `nama_kolom: isi` pada baris ini atau baris di atasnya; teks panjang yang berlanjut ke baris berikutnya "
        "ditulis dengan `>-` lalu baris-barisnya menjorok ke dalam.",
        "Write `key: value` on this line or the one above; long text that runs on is written with `>-` and "
        "indented lines."),
    "found unexpected end of stream": (
        "tanda kutip yang dibuka tidak ditutup",
        "Cari tanda kutip (\" atau ') yang dibuka tetapi tidak ditutup, di baris ini atau di atasnya.",
        "Find the quote (\" or ') that is opened but never closed, on this line or above it."),
    "did not find expected '-' indicator": (
        "butir daftar ('- ') tidak sejajar dengan butir lain",
        "Samakan jarak dari kiri semua butir yang diawali '- ' dalam daftar ini.",
        "Align every '- ' item of this list at the same column."),
    "found unknown escape character": (
        "ada garis miring terbalik (\\) di dalam tanda kutip ganda",
        "Tulis isinya dalam tanda kutip tunggal ('...') atau ganti \\ dengan /.",
        "Put the value in single quotes ('...') or replace \\ with /."),
}
_OTHER = ("susunan YAML rusak",
          "Periksa titik dua, tanda kutip dan indentasi pada baris ini dan baris-baris di atasnya.",
          "Check colons, quotes and indentation on this line and the lines above it.")


def _syntax(detail: str) -> dict[str, str]:
    for problem, (explained, advice_id, advice_en) in _SYNTAX.items():
        if detail.startswith(problem):
            return {"detail_id": explained, "advice_id": advice_id, "advice_en": advice_en}
    if "cannot start any token" in detail or "expected alphabetic or numeric character" in detail:
        return {"detail_id": "isi diawali tanda khusus (misalnya @, `, * atau &)",
                "advice_id": "Tulis isi baris ini dalam tanda kutip, misalnya \"@desa_kraton\".",
                "advice_en": "Put this line's value in quotes, e.g. \"@desa_kraton\"."}
    return {"detail_id": _OTHER[0], "advice_id": _OTHER[1], "advice_en": _OTHER[2]}


def check(village: Village, context: Context) -> Iterator[Problem]:
    for problem in village.problems:
        params = {**problem.params, **_syntax(str(problem.params.get("detail", "")))} if problem.key == "syntax" else problem.params
        yield Problem(problem.file, problem.path, problem.key, params,
                      file_obligation(problem.file, context.catalogue), problem.line, problem.col)
