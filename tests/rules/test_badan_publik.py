"""badan-publik: DIP rows of BPD, BUM Desa or BKAD need that body's profile."""
from __future__ import annotations

from checker.rules import badan_publik
from tests.conftest import run_rule, triples

DIP = """
informasi:
  - judul: APB Desa
    badan_publik: pemerintah_desa
  - judul: Keputusan BPD
    badan_publik: bpd
  - judul: Laporan BUM Desa
    badan_publik: bum_desa
"""


def test_rows_of_bodies_with_a_profile_pass(make_village):
    root = make_village({"dip.yaml": DIP, "profil.yaml": "badan_publik_lain:\n  - jenis: bpd\n  - jenis: bum_desa\n"})
    assert run_rule(root, badan_publik) == []


def test_row_of_a_body_without_profile_points_at_its_badan_publik_line(make_village):
    root = make_village({"dip.yaml": DIP, "profil.yaml": "badan_publik_lain:\n  - jenis: bpd\n"})
    findings = run_rule(root, badan_publik)
    assert triples(findings) == [("dip.yaml", 7, "badan-publik")]
    assert "bum_desa" in findings[0].message_id and "Laporan BUM Desa" in findings[0].message_en


def test_no_profile_file_at_all_reports_every_other_body(make_village):
    root = make_village({"dip.yaml": DIP})
    assert triples(run_rule(root, badan_publik)) == [("dip.yaml", 5, "badan-publik"), ("dip.yaml", 7, "badan-publik")]
