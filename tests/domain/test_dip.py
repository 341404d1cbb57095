"""domain.dip: which rows of a DIP are exempt (dikecualikan) and so never published."""
from __future__ import annotations

import pytest

from checker.domain.dip import exempt_rows, is_exempt

OPEN = {"judul": "APB Desa", "kategori": "berkala"}
CLOSED = {"judul": "Data kependudukan per individu", "kategori": "dikecualikan"}


@pytest.mark.parametrize("row, exempt", [
    (CLOSED, True), (OPEN, False), ({"judul": "Tanpa kategori"}, False),
    ({"kategori": "Dikecualikan"}, False),  # the schema allows the lowercase word only
    ("dikecualikan", False), (None, False), (["kategori", "dikecualikan"], False),
])
def test_a_row_is_exempt_by_its_kategori(row, exempt):
    assert is_exempt(row) is exempt


def test_exempt_rows_keep_their_index_in_the_list():
    dip = {"informasi": [OPEN, CLOSED, "not a row", CLOSED]}
    assert exempt_rows(dip) == [(1, CLOSED), (3, CLOSED)]


@pytest.mark.parametrize("dip", [None, {}, {"informasi": None}, {"informasi": []}, [CLOSED], {"informasi": "dikecualikan"}])
def test_a_file_without_a_list_of_rows_has_no_exempt_row(dip):
    assert exempt_rows(dip) == []
