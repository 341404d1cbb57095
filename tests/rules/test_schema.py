"""schema: Cerberus errors located on the value's line, counted against the nearest meta.obligation."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import schema
from tests.conftest import run_rule, triples

PROGRAM = """
diterbitkan: 2026-01-05
diperbarui: 2026-11-01
program_kegiatan:
  - nama: Pembangunan jalan rabat beton Dusun Krajan
    jadwal: {mulai: 2026-05-01, selesai: 2026-08-31}
    penanggung_jawab: Kasi Kesejahteraan
    sumber_dana: DDS
    anggaran: 1250000000
"""


def test_docstring_lulus_whole_rupiah_passes(make_village):
    root = make_village({"program.yaml": PROGRAM})
    assert run_rule(root, schema) == []


def test_docstring_gagal_rupiah_written_with_rp_and_dots_points_at_anggaran(make_village):
    root = make_village({"program.yaml": PROGRAM.replace("anggaran: 1250000000", "anggaran: Rp 1.250.000.000")})
    findings = run_rule(root, schema)
    assert triples(findings) == [("program.yaml", 8, "schema")]
    assert findings[0].obligation == "berkala.program_kegiatan"
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message_id == "'anggaran' harus angka rupiah utuh, bukan teks 'Rp 1.250.000.000'."
    assert findings[0].hint_id == "Tulis 1250000000 (tanpa Rp, titik atau koma)."


def test_missing_required_field_points_at_its_list_item(make_village):
    root = make_village({"program.yaml": PROGRAM.replace("    penanggung_jawab: Kasi Kesejahteraan\n", "")})
    findings = run_rule(root, schema)
    assert triples(findings) == [("program.yaml", 4, "schema")]
    assert findings[0].message_id == "Kolom wajib 'penanggung_jawab' belum diisi."


def test_missing_top_level_field_points_at_the_first_line(make_village):
    root = make_village({"program.yaml": PROGRAM.replace("diterbitkan: 2026-01-05\n", "")})
    assert triples(run_rule(root, schema)) == [("program.yaml", 1, "schema")]


def test_unknown_key_and_unallowed_value_each_on_their_line(make_village):
    text = PROGRAM.replace("sumber_dana: DDS", "sumber_dana: APBN").replace("    anggaran:", "    angaran:")
    findings = run_rule(make_village({"program.yaml": text}), schema)
    # the misspelt key is unknown and leaves the required anggaran missing (at the item)
    assert triples(findings) == [("program.yaml", 4, "schema"), ("program.yaml", 7, "schema"), ("program.yaml", 8, "schema")]
    messages = [f.message_id for f in findings]
    assert messages[0] == "Kolom wajib 'anggaran' belum diisi."
    assert messages[1].startswith("Nilai 'APBN' pada 'sumber_dana' tidak diizinkan; pilih salah satu: PAD, DDS, ADD")
    assert messages[2] == "Kunci 'angaran' tidak dikenal."


def test_date_written_day_first_suggests_the_iso_date(make_village):
    root = make_village({"program.yaml": PROGRAM.replace("diperbarui: 2026-11-01", "diperbarui: 01-11-2026")})
    findings = run_rule(root, schema)
    assert triples(findings) == [("program.yaml", 2, "schema")]
    assert findings[0].hint_id == "Tulis 2026-11-01."


def test_error_in_an_inferred_section_is_a_warning(make_village):
    # maklumat carries meta.obligation ppid.maklumat, an inferred obligation
    root = make_village({"ppid.yaml": "diterbitkan: 2026-01-05\ndiperbarui: 2026-11-01\nmaklumat: 2026\n"})
    findings = run_rule(root, schema)
    assert triples(findings) == [("ppid.yaml", 3, "schema")]
    assert (findings[0].obligation, findings[0].severity) == ("ppid.maklumat", Severity.WARNING)
    assert findings[0].message_id.startswith("Dianjurkan: ")


def test_error_in_a_quoted_section_is_an_error_of_that_obligation(make_village):
    text = """
    diterbitkan: 2026-01-05
    diperbarui: 2026-11-01
    penetapan:
      nomor: 141/12/2025
      tanggal: 2025-12-01
      berkas: ../rahasia/sk-ppid.pdf
    """
    findings = run_rule(make_village({"ppid.yaml": text}), schema)
    assert triples(findings) == [("ppid.yaml", 6, "schema")]
    assert (findings[0].obligation, findings[0].severity) == ("ppid.penetapan", Severity.ERROR)
    assert "harus relatif terhadap folder desa" in findings[0].message_id


def test_date_that_does_not_exist(make_village):
    root = make_village({"program.yaml": PROGRAM.replace("diperbarui: 2026-11-01", "diperbarui: 2025-02-31")})
    findings = run_rule(root, schema)
    assert triples(findings) == [("program.yaml", 2, "schema")]
    assert findings[0].message_id == "Tanggal '2025-02-31' pada 'diperbarui' tidak ada di kalender."


def test_kode_wilayah_must_have_the_four_part_shape(make_village):
    profil = 'diterbitkan: 2026-01-05\ndiperbarui: 2026-11-01\nkode_wilayah: "3508072002"\n'
    findings = run_rule(make_village({"profil.yaml": profil}), schema)
    assert (3, "Kode wilayah '3508072002' harus berbentuk PP.KK.CC.DDDD, misalnya \"35.08.07.2002\".") in {
        (f.line, f.message_id) for f in findings
    }
    # the other required profile fields are missing: reported at the first line
    assert {f.line for f in findings} == {1, 3}
    # a kelurahan code has the shape; that it is no desa is the kode-wilayah rule's finding
    kelurahan = make_village({"profil.yaml": profil.replace("3508072002", "35.08.10.1003")}, slug="b")
    assert {f.line for f in run_rule(kelurahan, schema)} == {1}


def test_file_outside_the_standard_is_reported_once(make_village):
    root = make_village({"catatan.yaml": "isi: bebas\n"})
    findings = run_rule(root, schema)
    assert triples(findings) == [("catatan.yaml", 1, "schema")]
    assert findings[0].message_id == "Berkas catatan.yaml tidak dikenal oleh standar; isinya tidak akan dipakai."


def test_front_matter_errors_use_file_lines(make_village):
    page = "---\njudul: Banjir\ntanggal: kemarin\nserta_merta: true\n---\nAir naik.\n"
    findings = run_rule(make_village({"pengumuman/banjir.md": page}), schema)
    assert triples(findings) == [("pengumuman/banjir.md", 3, "schema")]
    assert findings[0].obligation == "sertamerta.pengumuman"


def test_unknown_obligation_id_in_the_dip(make_village):
    dip = """
    diterbitkan: 2026-01-05
    diperbarui: 2026-11-01
    informasi:
      - judul: APB Desa 2026
        kewajiban: berkala.apbdesa
        ringkasan: Anggaran desa
        pejabat_penguasa: Kaur Keuangan
        penanggung_jawab: Sekretaris Desa
        waktu_tempat: 2026, kantor desa
        bentuk: softcopy
        retensi: 10 tahun
        kategori: berkala
    """
    findings = run_rule(make_village({"dip.yaml": dip}), schema)
    assert triples(findings) == [("dip.yaml", 5, "schema")]
    assert findings[0].message_id == "Kewajiban 'berkala.apbdesa' tidak ada dalam katalog SLIP Desa."
