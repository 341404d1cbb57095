"""dip-exempt: an exempt DIP row carries its exemption (Pasal 17, consequence test) and is never mandatory information."""
from __future__ import annotations


from checker.findings import Severity
from checker.rules import dip_exempt
from tests.conftest import run_rule, triples

EXEMPT = """
informasi:
  - judul: Data kependudukan per individu
    kategori: dikecualikan
    pengecualian:
      dasar_hukum: UU 14/2008 Pasal 17 huruf h
      uji_konsekuensi: {tanggal: 2026-01-05, berkas: dokumen/uji-konsekuensi.pdf}
      jangka_waktu: selama yang bersangkutan hidup
"""
APBDES_EXEMPT = """
informasi:
  - judul: APB Desa 2026
    kewajiban: berkala.apbdes
    kategori: dikecualikan
"""


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def findings_for(make_village, dip: str):
    return run_rule(make_village({"dip.yaml": dip}), dip_exempt)


def test_docstring_lulus_exemption_with_pasal_17_and_a_consequence_test(make_village):
    assert findings_for(make_village, EXEMPT) == []


def test_docstring_gagal_mandatory_information_exempted_without_a_test(make_village):
    findings = findings_for(make_village, APBDES_EXEMPT)
    # both on the `kategori:` line: it may not be exempt, and no exemption is written anyway
    assert triples(findings) == [("dip.yaml", 4, "dip-exempt")] * 2
    assert {f.message_id for f in findings} == {
        "'APB Desa 2026' adalah informasi wajib (berkala.apbdes) dan tidak boleh dikecualikan.",
        "Informasi dikecualikan 'APB Desa 2026' belum memuat pengecualian (dasar hukum, uji konsekuensi, jangka waktu).",
    }
    assert {(f.obligation, f.severity) for f in findings} == {("dikecualikan.uji_konsekuensi", Severity.ERROR)}


def test_mandatory_information_stays_mandatory_with_an_exemption_written(make_village):
    dip = edit(EXEMPT, "    kategori: dikecualikan\n", "    kewajiban: setiapsaat.dip\n    kategori: dikecualikan\n")
    findings = findings_for(make_village, dip)
    assert triples(findings) == [("dip.yaml", 4, "dip-exempt")]
    assert findings[0].message_id.startswith("'Data kependudukan per individu' adalah informasi wajib (setiapsaat.dip)")


def test_exempt_row_without_pengecualian(make_village):
    dip = EXEMPT.split("    pengecualian:")[0]
    findings = findings_for(make_village, dip)
    assert triples(findings) == [("dip.yaml", 3, "dip-exempt")]
    assert findings[0].message_en == "Exempt item 'Data kependudukan per individu' lacks its exemption (legal ground, consequence test, period)."


def test_dasar_hukum_without_pasal_17_points_at_it(make_village):
    dip = edit(EXEMPT, "UU 14/2008 Pasal 17 huruf h", "UU 14/2008 tentang Keterbukaan Informasi Publik")
    findings = findings_for(make_village, dip)
    assert triples(findings) == [("dip.yaml", 5, "dip-exempt")]
    assert findings[0].message_id == "Dasar hukum pengecualian 'Data kependudukan per individu' tidak menyebut UU KIP Pasal 17."


def test_a_17_that_is_not_the_article_is_not_pasal_17(make_village):
    dip = edit(EXEMPT, "UU 14/2008 Pasal 17 huruf h", "Peraturan Kepala Desa Nomor 17 Tahun 2020")
    assert triples(findings_for(make_village, dip)) == [("dip.yaml", 5, "dip-exempt")]


def test_exemption_on_a_row_that_is_not_exempt(make_village):
    dip = edit(EXEMPT, "kategori: dikecualikan", "kategori: berkala")
    findings = findings_for(make_village, dip)
    assert triples(findings) == [("dip.yaml", 4, "dip-exempt")]  # the `pengecualian:` key
    assert findings[0].message_id == "'Data kependudukan per individu' memuat pengecualian tetapi kategorinya berkala."


def test_public_rows_without_exemption_pass(make_village):
    dip = "informasi:\n  - {judul: APB Desa 2026, kewajiban: berkala.apbdes, kategori: berkala}\n"
    assert findings_for(make_village, dip) == []
