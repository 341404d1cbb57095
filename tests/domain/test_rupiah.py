"""domain.rupiah: amounts written with thousands dots, in short chart labels, and read back from text."""
from __future__ import annotations

import pytest

from checker.domain import rupiah


@pytest.mark.parametrize("value, text", [(1096384000, "1.096.384.000"), (500, "500"), (0, "0"), (-1250000, "-1.250.000")])
def test_digits_with_thousands_dots(value, text):
    assert rupiah.digits(value) == text


def test_written_puts_the_sign_before_rp_and_can_leave_rp_out():
    assert rupiah.written(1250000) == "Rp 1.250.000"
    assert rupiah.written(-1250000) == "-Rp 1.250.000"
    assert rupiah.written(1250000, prefix=False) == "1.250.000"
    assert rupiah.written(-1250000, prefix=False) == "-1.250.000"


@pytest.mark.parametrize("value, text", [
    (1_250_000_000, "Rp 1,25 M"), (1_096_384_000, "Rp 1,1 M"), (2_000_000_000, "Rp 2 M"), (7_500_000, "Rp 7,5 jt"),
    (950_000, "Rp 950 rb"), (1_000, "Rp 1 rb"), (500, "Rp 500"), (-7_500_000, "Rp -7,5 jt"),
])
def test_short_labels_in_indonesian_abbreviations(value, text):
    assert rupiah.short(value) == text


@pytest.mark.parametrize("cell, value", [
    (1234567, 1234567), (1234567.0, 1234567), ("1.234.567", 1234567), ("Rp 1.234.567,00", 1234567), ("rp1.000", 1000),
    ("Rp. 1.234.567,-", 1234567), ("1,234,567.00", 1234567), ("(500.000)", -500000), ("-500.000", -500000),
    ("-", 0), ("", None), ("  ", None), (None, None), ("1.234", 1234), ("\u00a01.000\u00a0", 1000),
])
def test_a_cell_is_read_as_whole_rupiah(cell, value):
    assert rupiah.parse(cell) == value


@pytest.mark.parametrize("cell", ["abc", "1.234.567,5", "12,5", 12.5, True, False, "1.2.3,4x", "1,2 M", "1.50"])
def test_a_cell_that_is_not_whole_rupiah_is_refused(cell):
    with pytest.raises(ValueError):
        rupiah.parse(cell)


@pytest.mark.parametrize("text, value", [
    ("Rp 1.250.000.000", 1250000000), ("Rp 1.234.567,00", 1234567), ("1,2 M", 1200000000), ("1,5 miliar", 1500000000),
    ("7,5 jt", 7500000), ("750 ribu", 750000), ("Rp. 500 rb", 500000), ("2,4 juta", 2400000), (" 1000 ", 1000),
    ("1.50", 150),  # dots are thousands separators here, however few digits follow them
    ("Rp 0", 0),
])
def test_a_suggestion_reads_amounts_as_people_write_them(text, value):
    assert rupiah.suggest(text) == value


@pytest.mark.parametrize("text", ["lima juta", "Rp", "1.000 USD", "-500", "1,2,3"])
def test_no_suggestion_for_text_that_is_no_amount(text):
    assert rupiah.suggest(text) is None
