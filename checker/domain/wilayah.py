"""Kode wilayah: their shape, and the official dataset (Kepmendagri 300.2.2-2138 Tahun 2025), shipped compressed.

Source: the open dataset cahyadsn/wilayah (db/wilayah.sql, MIT licence, (c) Cahya DSN), as
transcribed for this project; see checker/data/ATTRIBUTION.md. Read once per process.
"""
from __future__ import annotations

import csv
import functools
import gzip
import io
import re
from pathlib import Path

DATASET = Path(__file__).resolve().parent.parent / "data" / "kode_wilayah.csv.gz"  # checker/data/
EDITION = "Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025"
# PP.KK.CC.NNNN: provinsi, kabupaten/kota, kecamatan, then a desa (2xxx) or a kelurahan (1xxx).
# The shape admits both, so that a kelurahan is told it is one rather than that its code is
# malformed. (The editors' JSON Schema takes the catalogue's stricter desa-only kode_pattern.)
KODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


@functools.lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """kode -> nama for every provinsi, kabupaten/kota, kecamatan, desa and kelurahan."""
    with gzip.open(DATASET, "rb") as handle:
        reader = csv.reader(io.TextIOWrapper(handle, encoding="utf-8"))
        next(reader)
        return {kode: nama for kode, nama in reader}


def provinces() -> frozenset[str]:
    return frozenset(k for k in names() if len(k) == 2)


def normalise(name: str) -> str:
    """Compare names without case, the words Desa/Kecamatan/Kabupaten and punctuation."""
    words = name.lower().replace("-", " ").replace(".", " ").split()
    return " ".join(w for w in words if w not in ("desa", "kecamatan", "kabupaten", "kab", "kec", "provinsi"))


def is_kelurahan(kode: str) -> bool:
    """A kelurahan's own number starts with 1 (a desa's with 2); SLIP Desa does not apply to it."""
    return kode.split(".")[-1].startswith("1")
