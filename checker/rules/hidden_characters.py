"""Karakter tersembunyi: tidak ada karakter lebar-nol atau pengendali arah teks di dalam teks.

Karakter seperti U+200B (spasi lebar-nol) atau U+202E (pembalik arah kanan-ke-kiri) tidak terlihat
di penyunting, tetapi membuat nama "Kraton" dan "Kra\u200bton" berbeda, merusak pencarian, dan bisa
dipakai untuk menyamarkan teks (misalnya nama berkas yang tampak .pdf padahal bukan).

LULUS:
    nama: Kraton
GAGAL:
    nama: "Kra\u200bton"
"""
from __future__ import annotations

import re

import unicodedata
from typing import Iterator

from checker import paths
from checker.context import Context
from checker.findings import Problem
from checker.model import Village
from checker.schema.validator import obligation_for_path

ID = "hidden-characters"
TITLE = {"id": "Tidak ada karakter tersembunyi", "en": "No hidden characters"}
OBLIGATIONS = ("berkala.profil.alamat",)
HIDDEN = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F}
MESSAGES = {
    "hidden": {"id": "Ada karakter tersembunyi {code} ({name}) di dalam teks ini.",
               "en": "Hidden character {code} ({name}) in this text."},
}
HINTS = {"hidden": {"id": "Ketik ulang teksnya (jangan disalin dari dokumen lain).", "en": "Retype the text instead of pasting it."}}


_HIDDEN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(HIDDEN)) + "]")


def hidden_in(text: str) -> str | None:
    match = _HIDDEN.search(text)  # one regex scan: a Python loop per character cost 10 ms a village
    return match.group() if match else None


def check(village: Village, context: Context) -> Iterator[Problem]:
    for source in [*village.files.values(), *village.pages.values()]:
        for path, value in paths.walk(source.data):
            char = hidden_in(value) if isinstance(value, str) else None
            keys = [k for k in path if isinstance(k, str) and hidden_in(k)]
            char = char or (hidden_in(keys[0]) if keys else None)
            if char:
                yield Problem(source.name, path, "hidden", {"code": f"U+{ord(char):04X}", "name": unicodedata.name(char, "?").lower()},
                              obligation_for_path(source.name, path, context.catalogue))
