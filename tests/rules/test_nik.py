"""nik: no NIK/KK-like 16-digit number in anything published; exempt DIP rows are not published."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import nik
from tests.conftest import make_pdf, run_rule, triples

NIK = "3508074506870003"  # Lumajang, Yosowilangun; a woman born 5 June 1987 (day 45 = 5 + 40)
PROGRAM = """
program_masuk_desa:
  - program: PKH
    penerima:
      - nama: Sumiati
        {field}: {value}
"""


def findings_for(make_village, files):
    return run_rule(make_village(files), nik)


def test_docstring_lulus_name_dusun_and_rt_only(make_village):
    program = PROGRAM.format(field="dusun", value="Krajan") + '        rt: "003"\n'
    assert findings_for(make_village, {"program.yaml": program}) == []


def test_docstring_gagal_valid_female_nik_in_yaml_on_the_line_of_the_value(make_village):
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="nik", value=f'"{NIK}"')})
    assert triples(findings) == [("program.yaml", 5, "nik")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("dikecualikan.data_pribadi", Severity.ERROR)
    # the message never repeats the whole number
    assert finding.message_id == (
        "Ada nomor yang tampak seperti NIK atau nomor KK (350807******0003); data pribadi tidak boleh diumumkan."
    )
    assert NIK not in finding.message_en


def test_unquoted_nik_read_as_a_number_is_found(make_village):
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="nik", value=NIK)})
    assert triples(findings) == [("program.yaml", 5, "nik")]


def test_nik_written_in_groups_inside_text_is_found(make_village):
    value = "Sumiati (NIK 3508 0745 0687 0003)"
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="keterangan", value=value)})
    assert triples(findings) == [("program.yaml", 5, "nik")]


def test_nik_in_a_markdown_body_is_reported_on_its_line_in_the_file(make_village):
    page = f"---\njudul: Penyaluran BLT\ntanggal: 2026-11-01\n---\nPenerima bulan ini:\n\n- Sumiati, NIK {NIK}\n"
    findings = findings_for(make_village, {"pengumuman/blt.md": page})
    assert triples(findings) == [("pengumuman/blt.md", 7, "nik")]
    assert findings[0].col == len("- Sumiati, NIK ") + 1


def test_nik_in_front_matter_is_reported_on_its_line(make_village):
    page = f"---\njudul: Penyaluran BLT\npenerima: Sumiati {NIK}\n---\nIsi.\n"
    assert triples(findings_for(make_village, {"pengumuman/blt.md": page})) == [("pengumuman/blt.md", 3, "nik")]


def test_numbers_without_a_province_or_a_real_birth_date_are_not_nik(make_village):
    for slug, number in (("province-99", "9908074506870003"), ("month-13", "3508074513870003"),
                         ("day-32", "3508073206870003"), ("seventeen-digits", NIK + "1")):
        program = PROGRAM.format(field="nomor", value=f'"{number}"')
        assert run_rule(make_village({"program.yaml": program}, slug=slug), nik) == [], number


DIP = f"""
informasi:
  - judul: Data kependudukan per individu
    kategori: dikecualikan
    ringkasan: Contoh baris {NIK}
  - judul: Daftar penerima BLT
    kategori: berkala
    ringkasan: Contoh baris {NIK}
"""


def test_exempt_dip_row_is_not_published_so_not_reported(make_village):
    findings = findings_for(make_village, {"dip.yaml": DIP})
    assert triples(findings) == [("dip.yaml", 7, "nik")]  # only the berkala row


def test_every_file_is_searched(make_village):
    findings = findings_for(make_village, {
        "layanan.yaml": f"register_permohonan:\n  - nomor: 001/2026\n    pemohon: Sumiati / {NIK}\n",
        "profil.yaml": f"pejabat:\n  - nama: Sugiarto\n    riwayat: NIK {NIK}\n",
    })
    assert triples(findings) == [("layanan.yaml", 3, "nik"), ("profil.yaml", 3, "nik")]


def test_nik_in_the_text_of_a_referenced_pdf_names_the_document_and_page(make_village):
    root = make_village({
        "program.yaml": "bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: dokumen/kpm.pdf\n",
        "dokumen/kpm.pdf": make_pdf("Daftar KPM BLT", ["1. Sumiati, Dusun Krajan, NIK 3508074506870003"]),
    })
    findings = run_rule(root, nik)
    assert triples(findings) == [("program.yaml", 4, "nik")]
    assert "dokumen/kpm.pdf halaman 1" in findings[0].message_id and "350807******0003" in findings[0].message_id
