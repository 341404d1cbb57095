"""apbdes-pelaksana: once the APB Desa names a pelaksana, every kegiatan line of the murni names one."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import apbdes_pelaksana
from tests.conftest import run_rule, triples

NAMED = ('    - {kode: "2.3.10", uraian: Pembangunan Jalan Desa, anggaran: 400000000, '
         'pelaksana: {nama: Sulastri, jabatan: Kasi Kesejahteraan, tim: [{nama: Sutrisno, peran: ketua}]}}\n')
BIDANG = '    - {kode: "2", uraian: Pelaksanaan Pembangunan Desa, anggaran: 400000000}\n'
UNNAMED = '    - {kode: "1.1.01", uraian: Siltap Kepala Desa, anggaran: 45600000}\n'


def apbdes(belanja: str) -> str:
    return f"tahun: 2026\nmurni:\n  belanja:\n{belanja}"


def test_docstring_lulus_every_kegiatan_names_its_pelaksana(make_village):
    assert run_rule(make_village({"apbdes/2026.yaml": apbdes(BIDANG + NAMED)}), apbdes_pelaksana) == []


def test_docstring_gagal_a_kegiatan_without_pelaksana_is_an_error_at_its_line(make_village):
    findings = run_rule(make_village({"apbdes/2026.yaml": apbdes(BIDANG + NAMED + UNNAMED)}), apbdes_pelaksana)
    assert triples(findings) == [("apbdes/2026.yaml", 6, "apbdes-pelaksana")]
    assert (findings[0].obligation, findings[0].severity) == ("berkala.apbdes_pelaksana", Severity.ERROR)
    assert "1.1.01 Siltap Kepala Desa" in findings[0].message_id


def test_none_named_is_left_to_completeness(make_village):
    assert run_rule(make_village({"apbdes/2026.yaml": apbdes(BIDANG + UNNAMED)}), apbdes_pelaksana) == []
