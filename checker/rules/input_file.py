"""Berkas dapat dibaca: YAML dan Markdown yang rusak dilaporkan dengan baris dan kolomnya.

Berkas desa harus UTF-8, YAML yang sah, satu dokumen per berkas, tanpa tab untuk indentasi, tanpa
kunci ganda (nilai pertama hilang tanpa disadari), tanpa anchor/alias dan tanpa tag khusus
(`!!python/...`). Berkas yang tidak dapat dibaca menghentikan pemeriksaan (kode keluar 2).

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
from checker.model import Village
from checker.validator import file_obligation

ID = "input-file"
TITLE = {"id": "Berkas dapat dibaca", "en": "File is readable"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
FATAL = frozenset({
    "too_big", "unreadable", "encoding", "syntax", "tab", "multi_doc", "not_mapping", "tag",
    "alias", "complex_key", "front_matter", "outside", "control_char",
})
MESSAGES = {
    "too_big": {"id": "Berkas terlalu besar ({size} bita; batas {limit} bita).",
                "en": "File too large ({size} bytes; limit {limit} bytes)."},
    "unreadable": {"id": "Berkas tidak dapat dibuka: {error}.", "en": "File cannot be opened: {error}."},
    "encoding": {"id": "Berkas bukan UTF-8 (bita {byte} tidak dikenali).",
                 "en": "File is not UTF-8 (byte {byte} not recognised)."},
    "syntax": {"id": "YAML tidak sah: {detail}.", "en": "Invalid YAML: {detail}."},
    "tab": {"id": "YAML tidak sah: ada karakter tab untuk indentasi.",
            "en": "Invalid YAML: a tab character is used for indentation."},
    "multi_doc": {"id": "Berkas berisi lebih dari satu dokumen YAML (tanda ---).",
                  "en": "File holds more than one YAML document (--- markers)."},
    "empty": {"id": "Berkas kosong.", "en": "File is empty."},
    "control_char": {"id": "Ada karakter kendali {char} yang tidak boleh ada dalam YAML.",
                     "en": "Control character {char} is not allowed in YAML."},
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
}
HINTS = {
    "encoding": {"id": "Simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8).",
                 "en": "Save the file again as UTF-8."},
    "tab": {"id": "Ganti tab dengan spasi (2 spasi per tingkat).", "en": "Replace tabs with spaces (2 per level)."},
    "syntax": {"id": "Periksa titik dua, tanda kutip dan indentasi pada baris ini dan baris sebelumnya.",
               "en": "Check colons, quotes and indentation on this line and the one before."},
    "duplicate_key": {"id": "Hapus salah satu, atau gabungkan isinya.", "en": "Remove one, or merge them."},
    "multi_doc": {"id": "Hapus baris --- di tengah berkas.", "en": "Remove the --- lines inside the file."},
    "too_big": {"id": "Pindahkan isi besar ke dokumen di folder dokumen/.", "en": "Move large content to dokumen/."},
    "alias": {"id": "Tulis nilainya secara lengkap.", "en": "Write the value out in full."},
    "tag": {"id": "Hapus tag yang diawali !!.", "en": "Remove the tag starting with !!."},
}


def check(village: Village, context: Context) -> Iterator[Problem]:
    for problem in village.problems:
        yield Problem(problem.file, problem.path, problem.key, problem.params,
                      file_obligation(problem.file, context.catalogue), problem.line, problem.col)
