"""apbdes-realisasi: semester I actuals from 1 August, last year's full-year actuals from 1 February."""
from __future__ import annotations

import datetime as dt

from checker.findings import Severity
from checker.rules import apbdes_realisasi
from tests.conftest import run_rule, triples

TOTALS = "  jumlah_realisasi: {pendapatan: 1, belanja: 1, surplus_defisit: 0, penerimaan_pembiayaan: 0, pengeluaran_pembiayaan: 0, pembiayaan_netto: 0, silpa: 0}\n"


def apbdes(tahun: int, realisasi_per: str | None, totals: bool = True, stage: str = "murni") -> str:
    """tahun on line 1, the stage on 2, realisasi_per on 3."""
    text = f"tahun: {tahun}\n{stage}:\n"
    if realisasi_per:
        text += f"  realisasi_per: {realisasi_per}\n"
    return text + (TOTALS if totals else "  diperbarui: 2026-07-20\n")


def test_docstring_lulus_semester_and_last_years_full_year(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, "2026-06-30"), "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert run_rule(root, apbdes_realisasi) == []


def test_docstring_gagal_actuals_only_to_march_point_at_realisasi_per(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, "2026-03-31"), "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    findings = run_rule(root, apbdes_realisasi)
    assert triples(findings) == [("apbdes/2026.yaml", 3, "apbdes-realisasi")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("berkala.laporan_keuangan.realisasi_apbdes", Severity.ERROR)
    assert finding.message_id == "Realisasi APB Desa 2026 baru sampai 2026-03-31; sejak 2026-08-01 harus sampai 2026-06-30."


def test_semester_report_is_due_from_august_1(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, "2026-03-31"), "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert run_rule(root, apbdes_realisasi, as_of=dt.date(2026, 7, 31)) == []
    assert triples(run_rule(root, apbdes_realisasi, as_of=dt.date(2026, 8, 1))) == [("apbdes/2026.yaml", 3, "apbdes-realisasi")]


def test_full_year_report_is_due_from_february_1(make_village):
    root = make_village({"apbdes/2025.yaml": apbdes(2025, "2025-06-30")})
    assert run_rule(root, apbdes_realisasi, as_of=dt.date(2026, 1, 31)) == []
    findings = run_rule(root, apbdes_realisasi, as_of=dt.date(2026, 2, 1))
    assert triples(findings) == [("apbdes/2025.yaml", 3, "apbdes-realisasi")]
    assert findings[0].message_id == "Realisasi APB Desa 2025 baru sampai 2025-06-30; sejak 2026-02-01 harus sampai 2025-12-31."


def test_last_years_semester_report_stays_due_in_january(make_village):
    # due since 1 August 2025; the full-year report that replaces it is due only from 1 February
    root = make_village({"apbdes/2025.yaml": apbdes(2025, None)})
    findings = run_rule(root, apbdes_realisasi, as_of=dt.date(2026, 1, 15))
    assert triples(findings) == [("apbdes/2025.yaml", 2, "apbdes-realisasi")]
    assert findings[0].message_id == "Laporan realisasi APB Desa 2025 sampai 2025-06-30 belum ada (wajib sejak 2025-08-01)."


def test_missing_last_year_file_is_reported_on_its_would_be_name(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, "2026-06-30")})
    findings = run_rule(root, apbdes_realisasi)
    assert triples(findings) == [("apbdes/2025.yaml", 1, "apbdes-realisasi")]
    assert findings[0].message_id == "Laporan realisasi APB Desa 2025 sampai 2025-12-31 belum ada (wajib sejak 2026-02-01)."


def test_missing_current_year_file_is_left_to_completeness(make_village):
    root = make_village({"apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert run_rule(root, apbdes_realisasi) == []


def test_version_without_realisasi_per_points_at_the_version(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, None), "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert triples(run_rule(root, apbdes_realisasi)) == [("apbdes/2026.yaml", 2, "apbdes-realisasi")]


def test_file_without_any_version_is_missing_at_line_1(make_village):
    root = make_village({"apbdes/2026.yaml": "tahun: 2026\n", "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert triples(run_rule(root, apbdes_realisasi)) == [("apbdes/2026.yaml", 1, "apbdes-realisasi")]


def test_actuals_are_read_from_perubahan_when_there_is_one(make_village):
    text = apbdes(2026, "2026-06-30") + "perubahan:\n  diperbarui: 2026-09-01\n"
    root = make_village({"apbdes/2026.yaml": text, "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    assert triples(run_rule(root, apbdes_realisasi)) == [("apbdes/2026.yaml", 5, "apbdes-realisasi")]
    text = "tahun: 2025\nmurni:\n  diperbarui: 2025-01-15\n" + apbdes(2025, "2025-12-31", stage="perubahan").removeprefix("tahun: 2025\n")
    root = make_village({"apbdes/2025.yaml": text, "apbdes/2026.yaml": apbdes(2026, "2026-06-30")}, slug="b")
    assert run_rule(root, apbdes_realisasi) == []


def test_date_reached_but_no_totals(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(2026, "2026-09-30", totals=False), "apbdes/2025.yaml": apbdes(2025, "2025-12-31")})
    findings = run_rule(root, apbdes_realisasi)
    assert triples(findings) == [("apbdes/2026.yaml", 2, "apbdes-realisasi")]
    assert findings[0].message_id == "Realisasi APB Desa 2026 tidak memuat jumlah_realisasi."
