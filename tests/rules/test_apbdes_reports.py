"""apbdes-reports: BLT Dana Desa and BUM Desa capital budgeted in the APB Desa in force are reported
in program.yaml for the same year, with the same rupiah."""
from __future__ import annotations

from checker.rules import apbdes_reports
from tests.conftest import copy_demo, run_rule, triples

BLT_LINE = '    - {kode: "5.3.01", uraian: Penanganan Keadaan Mendesak (BLT Dana Desa), anggaran: 86400000}\n'
PARENT = '    - {kode: "5.3", uraian: Keadaan Mendesak (BLT), anggaran: 86400000}\n'
MODAL = '    - {kode: "6.2.2", uraian: Penyertaan Modal Desa, anggaran: 150000000}\n'


def apbdes(belanja: str = BLT_LINE, pembiayaan: str = "", perubahan: str | None = None) -> str:
    text = f"tahun: 2026\nmurni:\n  belanja:\n{belanja}  pembiayaan:\n{pembiayaan or '    []'}\n"
    if perubahan is not None:
        text += f"perubahan:\n  belanja:\n{perubahan}"
    return text


def program(blt: str = "{tahun: 2026, jumlah_kpm: 24, nilai_per_bulan: 300000, bulan: 12}", modal: str = "") -> str:
    return f"bumdes_blt:\n  penyertaan_modal: [{modal}]\n  blt:\n    - {blt}\n"


def test_docstring_lulus_blt_reported_with_the_budgeted_amount(make_village):
    assert run_rule(make_village({"apbdes/2026.yaml": apbdes(), "program.yaml": program()}), apbdes_reports) == []


def test_the_complete_demo_reports_every_blt_and_capital_it_budgets(tmp_path):
    assert run_rule(copy_demo(tmp_path, "kraton") / "kraton", apbdes_reports) == []


def test_docstring_gagal_blt_budgeted_but_not_reported_is_found_at_the_budget_line(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(), "program.yaml": program("{tahun: 2025, jumlah_kpm: 24, nilai_per_bulan: 300000, bulan: 12}")})
    [finding] = run_rule(root, apbdes_reports)
    assert (finding.file, finding.line) == ("apbdes/2026.yaml", 4)
    assert finding.message_id.endswith("menganggarkan BLT Dana Desa Rp 86.400.000 di baris ini, tetapi program.yaml > "
                                       "bumdes_blt.blt belum memuat laporan tahun 2026.")


def test_docstring_gagal_a_different_amount_names_both_places_and_the_difference(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(), "program.yaml": program("{tahun: 2026, jumlah_kpm: 20, nilai_per_bulan: 300000, bulan: 12}")})
    [finding] = run_rule(root, apbdes_reports)
    assert (finding.file, finding.line) == ("program.yaml", 4)
    assert "Rp 72.000.000 (20 KPM x Rp 300.000 x 12 bulan) tidak sama dengan APB Desa Rp 86.400.000 (apbdes/2026.yaml baris 4); " \
           "selisih Rp 14.400.000." in finding.message_id
    assert "(20 KPM x Rp 300.000 x 12 months)" in finding.message_en


def test_the_budget_in_force_is_the_perubahan(make_village):
    changed = BLT_LINE.replace("86400000", "93600000")
    root = make_village({"apbdes/2026.yaml": apbdes(perubahan=changed), "program.yaml": program()})
    [finding] = run_rule(root, apbdes_reports)
    assert "Rp 93.600.000 (apbdes/2026.yaml baris 9)" in finding.message_id


def test_a_parent_and_its_child_that_both_say_blt_are_counted_once(make_village):
    root = make_village({"apbdes/2026.yaml": apbdes(PARENT + BLT_LINE), "program.yaml": program()})
    assert run_rule(root, apbdes_reports) == []


def test_capital_for_bum_desa_must_match_the_sum_of_that_year(make_village):
    files = {"apbdes/2026.yaml": apbdes(pembiayaan=MODAL), "program.yaml": program(
        modal="{tahun: 2026, nama_bumdes: A, nilai: 100000000}, {tahun: 2026, nama_bumdes: A, nilai: 20000000}")}
    [finding] = run_rule(make_village(files), apbdes_reports)
    assert finding.file == "program.yaml" and "selisih Rp 30.000.000" in finding.message_id
    files["program.yaml"] = program(modal="{tahun: 2026, nama_bumdes: A, nilai: 150000000}")
    assert run_rule(make_village(files, slug="lain"), apbdes_reports) == []


def test_no_budget_line_means_nothing_to_report(make_village):
    other = '    - {kode: "1.1.01", uraian: Siltap Kepala Desa, anggaran: 45600000}\n'
    assert triples(run_rule(make_village({"apbdes/2026.yaml": apbdes(other), "program.yaml": "bumdes_blt: {}\n"}), apbdes_reports)) == []
