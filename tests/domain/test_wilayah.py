"""domain.wilayah: the shape of a kode wilayah, desa or kelurahan, and the official names."""
from __future__ import annotations

import re

import pytest

from checker.catalogue import load_catalogue
from checker.domain import wilayah

SHAPED = ["35.08.07.2002", "35.08.10.1003", "11.01.01.2001"]
UNSHAPED = ["3508072002", "35.8.07.2002", "35.08.07.200", "35.08.07.20021", "35-08-07-2002", "35.08.07", " 35.08.07.2002", ""]


@pytest.mark.parametrize("kode", SHAPED)
def test_the_shape_of_a_desa_or_kelurahan_code(kode):
    assert wilayah.KODE.match(kode)


@pytest.mark.parametrize("kode", UNSHAPED)
def test_other_shapes_are_not_a_kode(kode):
    assert not wilayah.KODE.match(kode)


@pytest.mark.parametrize("kode, kelurahan", [("35.08.10.1003", True), ("35.08.07.2002", False), ("11.01.01.2001", False)])
def test_a_kelurahan_is_told_by_its_own_number(kode, kelurahan):
    assert wilayah.is_kelurahan(kode) is kelurahan


def test_the_editors_pattern_in_the_catalogue_is_the_shape_narrowed_to_desa():
    editors = re.compile(load_catalogue().kode_pattern)
    for kode in SHAPED + UNSHAPED:
        assert bool(editors.match(kode)) == bool(wilayah.KODE.match(kode) and kode.split(".")[-1].startswith("2")), kode


def test_the_dataset_names_a_desa_its_kecamatan_kabupaten_and_provinsi():
    names = wilayah.names()
    assert (names["35.08.07.2002"], names["35.08.07"], names["35.08"], names["35"]) == (
        "Kraton", "Yosowilangun", "Kabupaten Lumajang", "Jawa Timur")
    assert "35" in wilayah.provinces() and "99" not in wilayah.provinces()


def test_names_are_compared_without_case_titles_or_punctuation():
    assert wilayah.normalise("Desa Kraton") == wilayah.normalise("KRATON")
    assert wilayah.normalise("Kab. Lumajang") == wilayah.normalise("Kabupaten Lumajang") == "lumajang"
    assert wilayah.normalise("Yosowilangun-Lor") == "yosowilangun lor"
