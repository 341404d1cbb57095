"""evidence.last_updated: the `diperbarui` the freshness rule judges and the PPID's calendar counts from."""
from __future__ import annotations

import datetime as dt

from checker import evidence
from checker.loader import load_village

PRODUK_HUKUM = """
diperbarui: 2026-03-01
produk_hukum:
  - judul: Perdes RKP Desa
    diperbarui: 2026-10-01
  - judul: Perdes KIP
"""


def test_the_items_own_date_comes_before_the_files(make_village):
    village = load_village(make_village({"produk_hukum.yaml": PRODUK_HUKUM}))
    match = evidence.Match("produk_hukum.yaml", ("produk_hukum", 0), (), True)
    assert evidence.last_updated(village, match) == (("produk_hukum", 0, "diperbarui"), dt.date(2026, 10, 1))


def test_an_item_without_a_date_has_the_files(make_village):
    village = load_village(make_village({"produk_hukum.yaml": PRODUK_HUKUM}))
    match = evidence.Match("produk_hukum.yaml", ("produk_hukum", 1), (), True)
    assert evidence.last_updated(village, match) == (("diperbarui",), dt.date(2026, 3, 1))


def test_no_date_anywhere_and_a_missing_file_have_none(make_village):
    village = load_village(make_village({"ppid.yaml": "nama: Sugiarto\n"}))
    assert evidence.last_updated(village, evidence.Match("ppid.yaml", (), (), True)) == ((), None)
    assert evidence.last_updated(village, evidence.Match("dip.yaml", ("informasi", 0), (), False)) == ((), None)
