"""domain.nik against what villages really write: sixteen-digit-ish numbers that are not NIK.

Each line of the corpus is a number as banks, the APB Desa, phones, calendars, the tax office and
invoices write it, alone and run together with its neighbours. A false positive costs a village a
document it cannot publish and a clerk a NIK they cannot find, so the measured rate must be zero.
"""
from __future__ import annotations

import sys
import unicodedata

from checker.domain import nik

BANK_ACCOUNTS = [
    "0123-01-012345-50-1", "012301012345501", "BRI 0123 01 012345 50 1",  # BRI, 15 digits
    "123-00-0123456-7", "1230001234567", "Mandiri 123 00 0123456 7",  # Mandiri, 13 digits
    "0123456789", "BNI 012-345-6789", "BCA 012 345 6789", "BCA 0123456789 a.n. Pemdes",  # BNI, BCA: 10
    "BSI 7123456789", "Bank Jatim 0011223344", "VA BCA 39358 081234567890", "VA 8808 0812 3456 7890",
    "rekening 0123-01-012345-50-1 dan 0123-01-012346-50-2",
]
KODE_REKENING = [
    "5.1.01.01.01.0001", "4.1.1.01", "5.2.02.05.01.0001 5.2.02.05.01.0002", "1.1.01.01 1.1.01.02 1.1.01.03",
    "Kode 35.08.07.2001", "35.08.07.2001 35.08.07.2002 35.08.07.2003", "4.1.1.01.01.0001.0001",
]
PHONES = [
    "0812-3456-7890", "+62 812 3456 7890", "+62 812-3456-7890", "(0334) 881234", "081234567890",
    "0812-3456-7890 0813-1234-5678", "0812 3456 7890 0813 1234 5678", "081234567890 / 081398765432",
    "+62 812-3456-7890, +62 813-9876-5432", "0812.3456.7890 0813.9876.5432", "0812 3456 789 0813 9876 543",
]
DATES_AND_TIMES = [
    "2026-11-28 2026-12-01", "28/11/2026 08:30", "28-11-2026 01-12-2026", "28-11-2026-01-12-2026",
    "20261128 20261201", "12112026 01122026", "12112026-01122026", "12.11.2026 01.12.2026",
    "12112026\n01122026", "2026-11-28T08:30:00+07:00", "1 Januari 2026 - 31 Desember 2026",
    "2025 2026 2027 2028", "2021-2026 2027-2032",
]
TAX_AND_INVOICES = [
    "01.234.567.8-901.000", "NPWP 012345678901000", "NPWP 01.234.567.8-901.000 NITKU 0123456789010000",
    "INV/2026/11/000123", "No. 001/INV/XI/2026", "INV-20261128-0001", "20261128083000123456",
    "470/123/35.08.07.2001/2026", "141/05/427.107.01/2026", "No. Register 1234 5678 9012 3456 7890",
]
AMOUNTS = [
    "Rp 1.096.384.000.000", "Rp 1.250.000.000,00", "250.000.000 125.000.000 125.000.000",
    "1.500.000 2.750.000 3.000.000 4.250.000", "Rp1.096.384.000 Rp 965.000.000", "1 096 384 000 000",
    "100.000 200.000 300.000 400.000 500.000 600.000", "Rp 12.345.678.901.234,56",
]
CORPUS = BANK_ACCOUNTS + KODE_REKENING + PHONES + DATES_AND_TIMES + TAX_AND_INVOICES + AMOUNTS


def test_no_number_of_the_corpus_is_taken_for_a_nik():
    found = {text: [masked for _, masked in nik.find(text)] for text in CORPUS}
    false_positives = {text: hits for text, hits in found.items() if hits}
    rate = len(false_positives) / len(CORPUS)
    assert len(CORPUS) >= 60
    assert rate == 0, f"{len(false_positives)} of {len(CORPUS)} taken for a NIK: {false_positives}"


def test_the_corpus_is_close_enough_to_a_nik_to_test_anything():
    """Most lines hold 16 digits or nearly: a corpus of short numbers would pass whatever the finder did."""
    digits = [sum(c.isdigit() for c in text) for text in CORPUS]
    assert sum(count >= 13 for count in digits) >= len(CORPUS) // 2


def test_a_sixteen_digit_npwp_is_the_nik_and_is_found():
    # Since 2024 a person's NPWP is their NIK (PMK 112/2022): publishing it publishes the NIK.
    assert list(nik.find("NPWP 3508074506870003")) == [(5, "350807******0003")]


def test_every_character_nfkc_reads_as_a_digit_or_a_separator_is_one_here():
    """The classes in nik.py are written out (a table built at import would cost every process); this
    walks all of Unicode so a character NFKC maps to a digit, a space, '.', '-' or '_' is not forgotten."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        if folded == char or folded not in "0123456789 .-_" or len(folded) != 1:
            continue
        written = "3508074506870003" if folded.isdigit() else folded.join(["3508", "0745", "0687", "0003"])
        written = written.replace(folded, char)
        assert list(nik.find(written)) == [(0, "350807******0003")], f"U+{code:04X} {unicodedata.name(char, '')}"
