"""domain.nik: which 16-digit numbers are NIK/KK numbers, and where the finder says they are."""
from __future__ import annotations

import pytest

from checker.domain.nik import find, looks_like_nik, mask, spans

NIK = "3508074506870003"  # Lumajang, Yosowilangun; a woman born 5 June 1987 (day 45 = 5 + 40)


def test_a_number_is_found_at_its_offset_and_masked_to_region_and_last_four():
    assert list(find(f"Sumiati, NIK {NIK}.")) == [(len("Sumiati, NIK "), "350807******0003")]


@pytest.mark.parametrize("written", ["3508 0745 0687 0003", "3508.0745.0687.0003", "3508-0745-0687-0003", "3508_0745_0687_0003",
                                     "3508  0745  0687  0003", "3508 - 0745 - 0687 - 0003", "350807 450687 0003",
                                     "35.08.07.450687.0003", "350807.45.06.87.0003", "3508 0745\n    0687 0003"])
def test_a_number_written_in_its_parts_or_a_cards_groups_is_found(written):
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


@pytest.mark.parametrize("written", [
    "３５０８０７４５０６８７０００３",  # fullwidth, as a CJK keyboard types them
    "\u0663\u0665\u0660\u0668\u0660\u0667\u0664\u0665\u0660\u0666\u0668\u0667\u0660\u0660\u0660\u0663",  # Arabic-Indic
    "3508\u00a00745\u202f0687\u30000003",  # no-break, narrow no-break and ideographic spaces
    "3508\u200b0745\u00ad0687\u20600003",  # zero-width space, soft hyphen, word joiner: invisible
    "3508\u20130745\u20130687\u20130003",  # en dashes, as a word processor turns hyphens
    "3508\u22120745\u22120687\u22120003",  # minus signs
    "\u00b3\u2075\u2080\u2078\u2070\u2077\u2074\u2075\u2070\u2076\u2078\u2077\u2070\u2070\u2070\u00b3",  # super/subscripts
    "3508074506-\n870003", "3508074506\u00ad\n   870003",  # a hyphenated line end anywhere
])
def test_a_number_in_any_unicode_writing_is_found_at_its_offset_in_the_original_text(written):
    assert list(find(f"NIK: {written}.")) == [(5, "350807******0003")]
    assert mask(f"NIK: {written}.") == "NIK: 350807******0003."


@pytest.mark.parametrize("written", [
    "3508 0745.06870003",  # two separators in one number
    "35080745 06870003", "350807450687 0003",  # groupings nobody writes a NIK in (two dates DDMMYYYY look so)
    "3508074506\n870003",  # a bare line break inside a group: a number on one line, another on the next
    "3508/0745/0687/0003", "3508,0745,0687,0003", "3508\t0745\t0687\t0003",  # not separators of a number
    "1234 3508 0745 0687 0003",  # one more group of four in front: a 20-digit number
    "3508 0745 0687 0003 1234",
])
def test_writings_that_also_make_other_numbers_are_not_a_nik(written):
    assert list(find(f"No {written}")) == []


def test_mask_replaces_every_number_and_leaves_the_rest():
    text = f"Sumiati {NIK}, Paijo 3508 0712 0865 0001; rekening 0123-01-012345-50-1"
    assert mask(text) == "Sumiati 350807******0003, Paijo 350807******0001; rekening 0123-01-012345-50-1"
    assert mask("Rp 1.096.384.000") == "Rp 1.096.384.000"


def test_spans_end_where_the_number_ends():
    text = "NIK 3508 0745 0687 0003 (Sumiati)"
    assert list(spans(text)) == [(4, 4 + 19, "350807******0003")]


def test_a_number_dense_text_is_scanned_in_time_proportional_to_its_length():
    # Every 16 digits of "1234 1234 ..." is a candidate; the first finder rebuilt the province set
    # for each and took about 25 s on this text (200 KB): now well under a second.
    import time

    start = time.process_time()
    assert list(find("1234 " * 40_000)) == [] and list(find("0812-3456-7890 " * 13_000)) == []
    assert time.process_time() - start < 3
