"""ppid-appointment: the Sekretaris Desa (or another with a reason) is PPID; the Kepala Desa is the superior."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import ppid_appointment
from tests.conftest import run_rule, triples

PPID = """
pejabat:
  nama: Siti Aminah
  jabatan: Sekretaris Desa
atasan:
  nama: H. Sugiarto
  jabatan: Kepala Desa
"""
PROFIL = """
pejabat:
  - {nama: Siti Aminah, jabatan: Sekretaris Desa}
  - {nama: H. Sugiarto, jabatan: Kepala Desa}
"""


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_docstring_lulus_sekdes_under_the_kepala_desa(make_village):
    root = make_village({"ppid.yaml": PPID, "profil.yaml": PROFIL})
    assert run_rule(root, ppid_appointment) == []


def test_docstring_gagal_kaur_umum_without_a_reason(make_village):
    ppid = edit(edit(PPID, "Siti Aminah", "Bambang"), "jabatan: Sekretaris Desa", "jabatan: Kaur Umum")
    findings = run_rule(make_village({"ppid.yaml": ppid, "profil.yaml": PROFIL}), ppid_appointment)
    assert triples(findings) == [("ppid.yaml", 3, "ppid-appointment")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("ppid.penetapan", Severity.ERROR)
    assert finding.article == "Perki 1/2018 Pasal 8"
    assert finding.message_id == "PPID Desa dijabat Kaur Umum, bukan Sekretaris Desa, tanpa alasan tertulis."


def test_another_officer_with_a_written_reason_passes(make_village):
    ppid = edit(PPID, "  jabatan: Sekretaris Desa\n", "  jabatan: Kaur Umum\n  alasan: Sekretaris Desa berhalangan tetap\n")
    assert run_rule(make_village({"ppid.yaml": ppid, "profil.yaml": PROFIL}), ppid_appointment) == []


def test_superior_must_be_the_kepala_desa(make_village):
    ppid = edit(PPID, "jabatan: Kepala Desa", "jabatan: Camat")
    findings = run_rule(make_village({"ppid.yaml": ppid, "profil.yaml": PROFIL}), ppid_appointment)
    assert triples(findings) == [("ppid.yaml", 6, "ppid-appointment")]
    assert findings[0].message_id == "Atasan PPID Desa harus Kepala Desa, bukan Camat."


def test_superior_name_must_be_the_kepala_desa_in_the_profile(make_village):
    ppid = edit(PPID, "nama: H. Sugiarto", "nama: Sutrisno")
    findings = run_rule(make_village({"ppid.yaml": ppid, "profil.yaml": PROFIL}), ppid_appointment)
    assert triples(findings) == [("ppid.yaml", 5, "ppid-appointment")]
    assert findings[0].message_id == "Atasan PPID 'Sutrisno' bukan Kepala Desa di profil.yaml ('H. Sugiarto')."


def test_names_and_titles_compare_without_case_dots_or_extra_spaces(make_village):
    ppid = edit(edit(PPID, "nama: H. Sugiarto", "nama: h  sugiarto"), "jabatan: Sekretaris Desa", "jabatan: SEKRETARIS DESA")
    assert run_rule(make_village({"ppid.yaml": ppid, "profil.yaml": PROFIL}), ppid_appointment) == []


def test_without_a_profile_the_name_is_not_compared(make_village):
    ppid = edit(PPID, "nama: H. Sugiarto", "nama: Sutrisno")
    assert run_rule(make_village({"ppid.yaml": ppid}), ppid_appointment) == []


def test_without_ppid_yaml_there_is_nothing_to_judge(make_village):
    assert run_rule(make_village({"profil.yaml": PROFIL}), ppid_appointment) == []
