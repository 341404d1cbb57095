"""kode-wilayah: the code is in the 2025 Kemendagri data, is a desa, and matches the names in profil.yaml."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import kode_wilayah
from tests.conftest import run_rule, triples

PROFIL = """
kode_wilayah: "35.08.07.2002"
nama: Kraton
kecamatan: Yosowilangun
kabupaten: Lumajang
provinsi: Jawa Timur
"""


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def findings_for(make_village, profil: str):
    return run_rule(make_village({"profil.yaml": profil}), kode_wilayah)


def test_docstring_lulus_kraton_yosowilangun(make_village):
    assert findings_for(make_village, PROFIL) == []


def test_docstring_gagal_kelurahan_is_refused(make_village):
    profil = edit(PROFIL, "35.08.07.2002", "35.08.10.1003")
    findings = findings_for(make_village, profil)
    assert triples(findings) == [("profil.yaml", 1, "kode-wilayah")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("berkala.profil.alamat", Severity.ERROR)
    assert finding.message_id == "35.08.10.1003 adalah kelurahan Citrodiwangsan, bukan desa; SLIP Desa tidak berlaku."


def test_unknown_code(make_village):
    findings = findings_for(make_village, edit(PROFIL, "35.08.07.2002", "35.08.07.2099"))
    assert triples(findings) == [("profil.yaml", 1, "kode-wilayah")]
    assert findings[0].message_id == "Kode wilayah 35.08.07.2099 tidak ada dalam data Kemendagri 2025."


def test_name_that_does_not_match_the_code(make_village):
    findings = findings_for(make_village, edit(PROFIL, "nama: Kraton", "nama: Krajan"))
    assert triples(findings) == [("profil.yaml", 2, "kode-wilayah")]
    assert findings[0].message_id == "nama 'Krajan' tidak sama dengan data Kemendagri untuk 35.08.07.2002: 'Kraton'."
    assert findings[0].hint_id == "Tulis 'Kraton', atau periksa kodenya."


def test_code_of_the_neighbour_desa_shows_as_a_name_mismatch(make_village):
    findings = findings_for(make_village, edit(PROFIL, "35.08.07.2002", "35.08.07.2001"))
    assert triples(findings) == [("profil.yaml", 2, "kode-wilayah")]
    assert "'Darungan'" in findings[0].message_id


def test_kecamatan_kabupaten_and_provinsi_are_compared_too(make_village):
    profil = edit(edit(edit(PROFIL, "kecamatan: Yosowilangun", "kecamatan: Lumajang"),
                       "kabupaten: Lumajang", "kabupaten: Jember"), "provinsi: Jawa Timur", "provinsi: Jawa Tengah")
    assert triples(findings_for(make_village, profil)) == [
        ("profil.yaml", 3, "kode-wilayah"), ("profil.yaml", 4, "kode-wilayah"), ("profil.yaml", 5, "kode-wilayah"),
    ]


def test_names_compare_without_case_punctuation_or_the_words_desa_and_kabupaten(make_village):
    profil = edit(edit(edit(PROFIL, "nama: Kraton", "nama: Desa KRATON"),
                       "kecamatan: Yosowilangun", "kecamatan: Kec. Yosowilangun"), "kabupaten: Lumajang", "kabupaten: Kabupaten Lumajang")
    assert findings_for(make_village, profil) == []


def test_malformed_or_missing_code_is_left_to_the_schema(make_village):
    assert findings_for(make_village, edit(PROFIL, '"35.08.07.2002"', '"3508072002"')) == []
    assert findings_for(make_village, PROFIL.replace('kode_wilayah: "35.08.07.2002"\n', "")) == []
