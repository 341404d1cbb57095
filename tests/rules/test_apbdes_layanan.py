"""apbdes-layanan: this year's APB Desa in force funds an activity marked layanan_informasi: true."""
from __future__ import annotations

import datetime as dt

from checker.findings import Severity
from checker.rules import apbdes_layanan
from tests.conftest import run_rule, triples

FUNDED = '    - {kode: "1.4.05", uraian: Pengelolaan Informasi dan PPID Desa, anggaran: 7500000, sumber_dana: ADD, layanan_informasi: true}\n'
OTHER = '    - {kode: "1.1.01", uraian: Siltap Kepala Desa, anggaran: 45600000, sumber_dana: ADD}\n'


def apbdes(murni: str, perubahan: str | None = None, tahun: int = 2026) -> str:
    text = f"tahun: {tahun}\nmurni:\n  belanja:\n{murni}"
    if perubahan is not None:
        text += f"perubahan:\n  belanja:\n{perubahan}"
    return text


def test_docstring_lulus_a_funded_information_activity(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(OTHER + FUNDED)})
    assert run_rule(root, apbdes_layanan) == []


def test_docstring_gagal_no_marked_activity_points_at_belanja(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(OTHER)})
    findings = run_rule(root, apbdes_layanan)
    assert triples(findings) == [("apbdes/2026.yaml", 3, "apbdes-layanan")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("kewajiban.anggaran_layanan", Severity.ERROR)
    assert finding.article == "Perki 1/2018 Pasal 7 huruf c"
    assert finding.message_id == "APB Desa 2026 tidak memuat kegiatan layanan informasi publik dengan anggaran lebih dari nol."


def test_docstring_gagal_marked_activity_with_zero_budget(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(OTHER + FUNDED.replace("anggaran: 7500000", "anggaran: 0"))})
    assert triples(run_rule(root, apbdes_layanan)) == [("apbdes/2026.yaml", 3, "apbdes-layanan")]


def test_perubahan_is_the_budget_in_force(make_village):
    dropped = make_village({"apbdes/2026.yaml": apbdes(OTHER + FUNDED, perubahan=OTHER)}, slug="a")
    # murni on lines 2-5, perubahan: on 6, its belanja: on 7
    assert triples(run_rule(dropped, apbdes_layanan)) == [("apbdes/2026.yaml", 7, "apbdes-layanan")]
    added = make_village({"apbdes/2026.yaml": apbdes(OTHER, perubahan=OTHER + FUNDED)}, slug="b")
    assert run_rule(added, apbdes_layanan) == []


def test_missing_apbdes_of_the_year_is_reported_on_its_would_be_file(make_village):
    # last year's budget does not count for this year
    root = make_village({"apbdes/2025.yaml": apbdes(OTHER + FUNDED, tahun=2025)})
    assert triples(run_rule(root, apbdes_layanan)) == [("apbdes/2026.yaml", 1, "apbdes-layanan")]
    assert run_rule(root, apbdes_layanan, as_of=dt.date(2025, 11, 28)) == []


def test_a_mark_written_as_text_does_not_count(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(OTHER + FUNDED.replace("layanan_informasi: true", 'layanan_informasi: "ya"'))})
    assert triples(run_rule(root, apbdes_layanan)) == [("apbdes/2026.yaml", 3, "apbdes-layanan")]
