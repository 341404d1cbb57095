"""`slip import-apbdes`: spreadsheets in, the village's APB Desa YAML out, every unusable row named."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from checker import engine
from checker.apbdes import importer
from checker.apbdes import spreadsheet
from checker.domain import rupiah
from checker.apbdes import text as apbdes_yaml
from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.loader import load_village
from tests.conftest import DEMO, ROOT

KRATON_2026 = DEMO / "kraton" / "apbdes" / "2026.yaml"  # read only; imports write into copies
LINES = ("pendapatan", "belanja", "belanja_jenis", "pembiayaan", "jumlah", "jumlah_realisasi")


def _without_pelaksana(lines):
    if not isinstance(lines, list):
        return lines
    return [{k: v for k, v in line.items() if k != "pelaksana"} for line in lines]


def _original() -> dict:
    return yaml.safe_load(KRATON_2026.read_text(encoding="utf-8"))


@pytest.fixture
def desa(tmp_path: Path) -> Path:
    village = tmp_path / "villages" / "kraton"
    village.mkdir(parents=True)
    shutil.copy(DEMO / "kraton" / "profil.yaml", village / "profil.yaml")
    return village


@pytest.mark.parametrize("suffix, write", [(".xlsx", spreadsheet.write_xlsx), (".csv", spreadsheet.write_csv)])
def test_kraton_2026_murni_survives_a_round_trip_through_a_spreadsheet(desa: Path, tmp_path: Path, suffix, write, capsys):
    original = _original()["murni"]
    sheet = tmp_path / f"apbdes{suffix}"
    write(importer.rows_of(original), sheet)
    code = main(["import-apbdes", str(sheet), "--village", str(desa), "--tahun", "2026", "--realisasi-per", "2026-06-30",
                 "--as-of", "2026-11-28"])
    assert code == 0 and capsys.readouterr().err == ""
    imported = yaml.safe_load((desa / "apbdes" / "2026.yaml").read_text(encoding="utf-8"))
    assert imported["tahun"] == 2026
    # The pelaksana of a kegiatan is no spreadsheet column: staff write it in the YAML after importing.
    assert {k: imported["murni"][k] for k in LINES} == {k: _without_pelaksana(original[k]) for k in LINES}
    assert imported["murni"]["realisasi_per"] == dt.date(2026, 6, 30)


def test_reimporting_the_perubahan_leaves_the_murni_and_the_comments_alone(tmp_path: Path):
    village = tmp_path / "kraton"
    shutil.copytree(DEMO / "kraton", village)
    sheet = tmp_path / "perubahan.xlsx"
    spreadsheet.write_xlsx(importer.rows_of(_original()["perubahan"]), sheet)
    before = KRATON_2026.read_text(encoding="utf-8")
    result = importer.import_apbdes(sheet, village, 2026, "perubahan", dt.date(2026, 10, 12))
    after = result.path.read_text(encoding="utf-8")
    assert yaml.safe_load(after) == _original()  # Perdes, dates and realisasi_per carried over
    assert after[: after.index("perubahan:")] == before[: before.index("perubahan:")]
    checked = engine.check(load_village(village), load_catalogue(), as_of=dt.date(2026, 11, 28))
    assert checked.findings == ()


def test_a_siskeudes_style_export_with_title_rows_and_indonesian_amounts(desa: Path, tmp_path: Path, capsys):
    sheet = tmp_path / "siskeudes.csv"
    sheet.write_text(
        "PEMERINTAH DESA KRATON;;;;\n"
        "APB DESA TAHUN ANGGARAN 2026;;;;\n"
        ";;;;\n"
        "KODE REK.;URAIAN;ANGGARAN (Rp);REALISASI (Rp);SUMBER DANA\n"
        "4;PENDAPATAN;Rp 1.500.000.000,00;;\n"
        "4.2;Transfer;1.500.000.000;;\n"
        "4.2.1;Dana Desa;Rp 1.000.000.000,00;;\n"
        "4.2.3;Alokasi Dana Desa;500.000.000;;\n"
        ";JUMLAH PENDAPATAN;1.500.000.000;;\n"
        "1;Penyelenggaraan Pemerintahan Desa;1.500.000.000;;\n"
        "1.1;Penyelenggaraan Belanja Siltap;1.500.000.000;;\n"
        "1.1.01.;Siltap Kepala Desa;1.000.000.000;;dd\n"
        "1.1.02;Siltap Perangkat Desa;500.000.000;;ADD\n"
        "7.1;Bukan rekening;5.000.000;;\n"
        "1.1.03;Jaminan Sosial;lima juta;;ADD\n"
        "1.1.04;Operasional;1.000.000,50;;ADD\n"
        "1.1.05;Tunjangan BPD;1.000.000;;APBN\n"
        ";tanpa kode;2.000.000;;\n"
        "5;Belanja;1.500.000.000;;\n"
        "5.1;Belanja Pegawai;1.500.000.000;;\n",
        encoding="utf-8")
    assert main(["import-apbdes", str(sheet), "--village", str(desa), "--tahun", "2026", "--as-of", "2026-01-20"]) == 1
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        "slip import-apbdes: baris 14: kode rekening 7.1 tidak dikenal di bagian mana pun",
        "slip import-apbdes: baris 15: anggaran kode 1.1.03 'lima juta' bukan angka rupiah utuh",
        "slip import-apbdes: baris 16: anggaran kode 1.1.04 '1.000.000,50' bukan angka rupiah utuh",
        "slip import-apbdes: baris 17: sumber dana 'APBN' (kode 1.1.05) tidak dikenal; pilih PAD, DDS, ADD, PBH, BKK, BKP, DLL atau SiLPA",
        "slip import-apbdes: baris 18: ada angka tetapi tidak ada kode rekening",
        "5 baris dilewati; perbaiki di lembar kerja lalu impor ulang.",
    ]
    assert "pendapatan Rp 1.500.000.000, belanja Rp 1.500.000.000" in out.out
    murni = yaml.safe_load((desa / "apbdes" / "2026.yaml").read_text(encoding="utf-8"))["murni"]
    assert [(row["kode"], row["anggaran"]) for row in murni["pendapatan"]] == [
        ("4", 1_500_000_000), ("4.2", 1_500_000_000), ("4.2.1", 1_000_000_000), ("4.2.3", 500_000_000)]
    assert [(row["kode"], row.get("sumber_dana")) for row in murni["belanja"]] == [("1", None), ("1.1", None), ("1.1.01", "DDS"), ("1.1.02", "ADD")]
    assert [row["kode"] for row in murni["belanja_jenis"]] == ["5", "5.1"] and "pembiayaan" not in murni
    assert murni["jumlah"] == {"pendapatan": 1_500_000_000, "belanja": 1_500_000_000, "surplus_defisit": 0,
                               "penerimaan_pembiayaan": 0, "pengeluaran_pembiayaan": 0, "pembiayaan_netto": 0, "silpa": 0}


def test_row_messages_in_english(desa: Path, tmp_path: Path, capsys):
    sheet = tmp_path / "a.csv"
    sheet.write_text("Kode Rekening,Uraian,Anggaran\n4,Pendapatan,10\n4.9,Tidak ada,abc\n", encoding="utf-8")
    assert main(["import-apbdes", str(sheet), "--village", str(desa), "--tahun", "2026", "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "slip import-apbdes: row 3: kode rekening 4.9 is not known in section pendapatan"


@pytest.mark.parametrize("name, content, message", [
    ("tidak-ada.xlsx", None, "berkas {sheet} tidak ditemukan"),
    ("apbdes.ods", b"PK\x03\x04", "berkas {sheet} bukan .xlsx atau .csv"),
    ("rusak.xlsx", b"bukan zip", "berkas {sheet} tidak dapat dibaca: "),
    ("judul.csv", b"Nomor;Nama\n1;x\n", "berkas {sheet} tidak punya baris judul kolom (kode rekening, uraian, anggaran) di 30 baris pertama"),
    ("kosong.csv", b"Kode;Uraian;Anggaran\n", "tidak ada baris APB Desa yang dapat dipakai di {sheet}"),
])
def test_unusable_files_are_refused_in_one_line(desa: Path, tmp_path: Path, capsys, name, content, message):
    sheet = tmp_path / name
    if content is not None:
        sheet.write_bytes(content)
    assert main(["import-apbdes", str(sheet), "--village", str(desa), "--tahun", "2026"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slip import-apbdes: " + message.format(sheet=sheet)) and err.count("\n") == 1
    assert not (desa / "apbdes").exists()


def test_a_folder_that_is_not_a_village_is_refused(tmp_path: Path, capsys):
    sheet = tmp_path / "a.csv"
    sheet.write_text("Kode;Uraian;Anggaran\n4;Pendapatan;0\n", encoding="utf-8")
    assert main(["import-apbdes", str(sheet), "--village", str(tmp_path / "tidak-ada"), "--tahun", "2026"]) == 2
    assert "bukan folder desa" in capsys.readouterr().err


@pytest.mark.parametrize("cell, value", [
    (1234567, 1234567), (1234567.0, 1234567), ("1.234.567", 1234567), ("Rp 1.234.567,00", 1234567),
    ("Rp. 1.234.567,-", 1234567), ("1234567", 1234567), ("1,234,567.00", 1234567), ("(500.000)", -500000),
    ("-", 0), ("", None), (None, None), ("1.234", 1234), ("\u00a01.000\u00a0", 1000),
])
def test_amounts_written_the_indonesian_way(cell, value):
    assert rupiah.parse(cell) == value


@pytest.mark.parametrize("cell", ["abc", "1.234.567,5", "12,5", 12.5, True, "1.2.3,4x"])
def test_amounts_that_are_not_whole_rupiah(cell):
    with pytest.raises(ValueError):
        rupiah.parse(cell)


@pytest.mark.parametrize("name", ["apbdes-template.xlsx", "apbdes-template.csv"])
def test_the_committed_templates_import_as_the_standard_skeleton(desa: Path, name: str):
    result = importer.import_apbdes(ROOT / "templates" / name, desa, 2026, "murni", dt.date(2026, 1, 5))
    skeleton = apbdes_yaml.skeleton(load_catalogue())
    assert result.skipped == ()
    assert {s: result.version[s] for s in skeleton} == skeleton
    assert set(result.version["jumlah"].values()) == {0}
