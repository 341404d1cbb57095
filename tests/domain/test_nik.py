"""domain.nik: which 16-digit numbers are NIK/KK numbers, and where the finder says they are."""
from __future__ import annotations

import pytest

from checker.domain.nik import find, looks_like_nik

NIK = "3508074506870003"  # Lumajang, Yosowilangun; a woman born 5 June 1987 (day 45 = 5 + 40)


def test_a_number_is_found_at_its_offset_and_masked_to_region_and_last_four():
    assert list(find(f"Sumiati, NIK {NIK}.")) == [(len("Sumiati, NIK "), "350807******0003")]


@pytest.mark.parametrize("written", ["3508 0745 0687 0003", "3508.0745.0687.0003", "3508-0745-0687-0003", "3508 0745.06870003"])
def test_a_number_written_in_groups_of_four_is_found(written):
    assert list(find(f"NIK {written}")) == [(4, "350807******0003")]


def test_every_number_of_a_text_is_found_in_order():
    text = f"{NIK} dan 3508071208650001"
    assert list(find(text)) == [(0, "350807******0003"), (len(NIK) + 5, "350807******0001")]


@pytest.mark.parametrize("digits", [
    "9908074506870003",  # no province 99
    "3508074513870003",  # month 13
    "3508073206870003",  # day 32
    "3508077206870003",  # day 72: a woman's day 32
    "3508072902010003",  # 29 February 2001 (and 1901)
])
def test_sixteen_digits_without_a_province_or_a_real_date_are_not_a_nik(digits):
    assert not looks_like_nik(digits)
    assert list(find(digits)) == []


def test_a_two_digit_year_is_read_in_either_century():
    assert looks_like_nik("3508072902000003")  # 29 February 2000 exists, 1900 did not
    assert looks_like_nik("3508071208650001")  # a man born 12 August 1965


def test_part_of_a_longer_number_or_fewer_digits_is_not_a_nik():
    assert list(find(NIK + "1")) == []
    assert list(find("1" + NIK)) == []
    assert not looks_like_nik(NIK[:15])
    assert list(find(NIK[:15])) == []
