"""Nama folder desa: huruf kecil, angka dan tanda hubung saja, karena menjadi alamat situs desa.

Folder `villages/<slug>/` menjadi alamat `https://.../<slug>/`. Spasi dan huruf besar membuat alamat
yang sulit diketik dan berbeda di sistem berkas yang membedakan huruf besar/kecil.

LULUS: villages/kraton/, villages/yosowilangun-lor/
GAGAL: villages/Desa Kraton/
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.context import Context
from checker.domain.slug import SLUG
from checker.findings import Problem
from checker.model import Village

ID = "village-folder"
TITLE = {"id": "Nama folder desa sah", "en": "Village folder name is valid"}
OBLIGATIONS = ("berkala.profil.alamat",)
MESSAGES = {
    "slug": {"id": "Nama folder '{slug}' harus huruf kecil, angka dan tanda hubung (misalnya '{suggestion}').",
             "en": "Folder name '{slug}' must be lowercase letters, digits and hyphens (e.g. '{suggestion}')."},
}
HINTS = {"slug": {"id": "Ganti nama foldernya menjadi '{suggestion}'.", "en": "Rename the folder to '{suggestion}'."}}


def suggest(slug: str) -> str:
    words = re.findall(r"[a-z0-9]+", slug.lower().replace("desa ", ""))
    return "-".join(words) or "nama-desa"


def check(village: Village, context: Context) -> Iterator[Problem]:
    if not SLUG.match(village.slug):
        yield Problem("profil.yaml", (), "slug", {"slug": village.slug, "suggestion": suggest(village.slug)}, line=1, col=1)
