"""The official kode wilayah dataset (Kepmendagri 300.2.2-2138 Tahun 2025), shipped compressed.

Source: the open dataset cahyadsn/wilayah (db/wilayah.sql, MIT licence, (c) Cahya DSN), as
transcribed for this project; see checker/data/ATTRIBUTION.md. Read once per process.
"""
from __future__ import annotations

import csv
import functools
import gzip
import io
from pathlib import Path

DATASET = Path(__file__).resolve().parent.parent / "data" / "kode_wilayah.csv.gz"  # checker/data/
EDITION = "Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025"


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
