"""`slip due`: each village's deadlines in date order, overdue ones marked, on a fixed reference date."""
from __future__ import annotations

import datetime as dt

import pytest

from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.context import Context
from checker.deadlines import schedule
from checker.loader import load_village

KRATON = [
    "Kraton (35.08.07.2002): yang harus diumumkan atau diperbarui, per 2026-11-28",
    "  2026-12-15  17 hari lagi        Perbarui Daftar Informasi Publik Desa (dip.yaml; terakhir 2026-11-15, paling lama 1 bulan sekali)",
    # the catalogue (v2) sets no deadline for this report: the check asks for it once the year ends
    "  2026-12-31  33 hari lagi        Umumkan laporan layanan informasi publik tahun 2026 (layanan.yaml)",
    "  2027-01-31  64 hari lagi        Umumkan realisasi APB Desa 2026 akhir tahun dan SiLPA-nya, sampai 31 Desember (apbdes/2026.yaml)",
    "  2027-01-31  64 hari lagi        Umumkan APB Desa 2027 dan Perdes-nya (apbdes/2027.yaml) *",
    "  2027-03-31  123 hari lagi       Umumkan LPPD akhir tahun anggaran 2026 (dokumen.yaml)",
    "  2027-04-05  128 hari lagi       Perbarui profil desa (profil.yaml; terakhir 2026-10-05, paling lama 6 bulan sekali)",
    "  2027-04-15  138 hari lagi       Perbarui program dan kegiatan (program.yaml; terakhir 2026-10-15, paling lama 6 bulan sekali)",
    "  2027-12-31  398 hari lagi       RPJM Desa 2022-2027 berakhir: tetapkan dan umumkan RPJM Desa berikutnya (produk_hukum.yaml)",
]


def test_kraton_deadlines_on_the_demo_date(capsys, demo_root):
    assert main(["due", str(demo_root / "kraton"), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[: len(KRATON)] == KRATON
    assert out[-1].startswith("* 31 Januari adalah tenggat praktis")


def test_overdue_items_come_first_and_say_terlambat(capsys, demo_root):
    assert main(["due", str(demo_root), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    block = out[out.index("Supiturang"):].splitlines()
    assert block[1] == "  2025-03-17  terlambat 621 hari  Perbarui Daftar Informasi Publik Desa (dip.yaml; terakhir 2025-02-17, paling lama 1 bulan sekali)"
    assert "  2026-01-31  terlambat 301 hari  Umumkan APB Desa 2026 dan Perdes-nya (apbdes/2026.yaml) *" in block
    dates = [line.split()[0] for line in block[1:] if line.startswith("  20")]
    assert dates == sorted(dates)
    assert [v in out for v in ("Kraton (", "Sumberwuluh (", "Supiturang (")] == [True, True, True]


def test_english(capsys, demo_root):
    assert main(["due", str(demo_root / "kraton"), "--as-of", "2026-11-28", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Kraton (35.08.07.2002): to publish or renew, as of 2026-11-28"
    assert out[1] == "  2026-12-15  in 17 days          Update the public information list (DIP) (dip.yaml; last 2026-11-15, at least every month)"


def test_in_january_this_years_budget_is_due_and_last_years_actuals_too(demo_root):
    items = schedule(load_village(demo_root / "supiturang"), Context(dt.date(2026, 1, 10), load_catalogue()))
    keys = {(item.key, item.params.get("tahun"), item.date, item.overdue(dt.date(2026, 1, 10))) for item in items}
    assert ("apbdes", 2026, dt.date(2026, 1, 31), False) in keys
    assert ("realisasi_akhir", 2025, dt.date(2026, 1, 31), False) in keys
    assert ("realisasi_semester", 2025, dt.date(2025, 7, 31), True) in keys


def test_six_months_after_the_last_day_of_august_is_the_end_of_february(make_village):
    root = make_village({"profil.yaml": """
        diperbarui: 2026-08-31
        kode_wilayah: "35.08.07.2002"
        alamat: Jl. Raya 1
        kontak: {telepon: "0334"}
        visi: Maju
        misi: [Terbuka]
        tugas_fungsi: Menyelenggarakan pemerintahan desa.
        struktur_organisasi: [{jabatan: Kepala Desa, nama: A}]
        pejabat: [{nama: A, jabatan: Kepala Desa, mulai_menjabat: 2021-01-01, riwayat: B}]
        """})
    items = [i for i in schedule(load_village(root), Context(dt.date(2026, 11, 28), load_catalogue())) if i.key == "fresh"]
    assert [(i.file, i.date, len(i.obligations)) for i in items] == [("profil.yaml", dt.date(2027, 2, 28), 5)]


@pytest.mark.parametrize("argv, message", [
    (["tidak-ada"], "slip due: folder tidak ditemukan: tidak-ada\n"),
    (["villages", "--as-of", "kemarin"], "slip due: perintah tidak dapat dipakai: tanggal 'kemarin' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28\n"),
])
def test_unusable_input_is_one_line(argv, message, capsys, monkeypatch, demo_root):
    monkeypatch.chdir(demo_root.parent)  # a folder holding villages/, as a repository does
    assert main(["due", *argv]) == 2
    assert capsys.readouterr().err == message


@pytest.mark.parametrize("obligation, key", [("laporan.layanan_tahunan", "laporan_layanan"), ("berkala.lppd_akhir_tahun", "lppd")])
def test_the_calendar_calls_a_report_late_exactly_when_the_check_asks_for_it(demo_root, obligation, key):
    from checker import engine
    village, catalogue = load_village(demo_root / "kraton"), load_catalogue()
    for day in (dt.date(2027, 1, 1), dt.date(2027, 3, 31), dt.date(2027, 4, 1)):
        context = Context(day, catalogue)
        late = {item.key for item in schedule(village, context) if item.overdue(day)}
        asked = context.report_year(catalogue.get(obligation).due_from) == 2026
        unmet = obligation in {f.obligation for f in engine.check(village, catalogue, as_of=day).findings}
        assert (key in late) == asked == unmet, (day, late, asked, unmet)


def test_a_late_annual_service_report_is_a_recommendation_never_an_error(demo_root):
    """Catalogue v2: no deadline text was seen for laporan.layanan_tahunan, so being late is only recommended."""
    from checker import engine
    from checker.findings import Severity
    catalogue = load_catalogue()
    assert catalogue.get("laporan.layanan_tahunan").confidence == "secondary"  # otherwise an error
    findings = [f for f in engine.check(load_village(demo_root / "kraton"), catalogue, as_of=dt.date(2027, 1, 2)).findings
                if f.obligation == "laporan.layanan_tahunan"]
    assert findings and {f.severity for f in findings} == {Severity.WARNING}
    assert all(f.message_id.startswith("Dianjurkan: ") for f in findings)
