"""service-deadlines: promised deadlines within UU KIP's, and register answers within 10 + 7 working days."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import service_deadlines
from tests.conftest import run_rule, triples

PPID = """
batas_waktu:
  jawab: 10
  perpanjangan: 7
  keberatan_ajukan: 30
  keberatan_tanggapan: 30
  sengketa_ajukan: 14
"""


def register(answered: str) -> str:
    """One request made on Monday 2026-11-02; tanggal_jawab on line 4."""
    return f"register_permohonan:\n  - nomor: 001/2026\n    tanggal: 2026-11-02\n    tanggal_jawab: {answered}\n"


def findings_for(make_village, **files: str):
    return run_rule(make_village({name.replace("_yaml", ".yaml"): text for name, text in files.items()}), service_deadlines)


def test_docstring_lulus_the_legal_maximums(make_village):
    assert findings_for(make_village, ppid_yaml=PPID) == []


def test_faster_promises_pass(make_village):
    assert findings_for(make_village, ppid_yaml="batas_waktu: {jawab: 5, perpanjangan: 3}\n") == []


def test_docstring_gagal_fourteen_days_to_answer(make_village):
    findings = findings_for(make_village, ppid_yaml=PPID.replace("jawab: 10", "jawab: 14"))
    assert triples(findings) == [("ppid.yaml", 2, "service-deadlines")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("layanan.permohonan", Severity.ERROR)
    assert finding.message_id == "Batas waktu jawab 14 hari kerja melebihi 10 hari kerja."
    assert finding.hint_id == "Tulis 10 atau kurang."


def test_each_deadline_counts_against_its_own_obligation(make_village):
    ppid = PPID.replace("perpanjangan: 7", "perpanjangan: 8").replace("keberatan_tanggapan: 30", "keberatan_tanggapan: 31")
    ppid = ppid.replace("sengketa_ajukan: 14", "sengketa_ajukan: 15")
    findings = findings_for(make_village, ppid_yaml=ppid)
    assert triples(findings) == [
        ("ppid.yaml", 3, "service-deadlines"), ("ppid.yaml", 5, "service-deadlines"), ("ppid.yaml", 6, "service-deadlines"),
    ]
    assert [f.obligation for f in findings] == ["layanan.permohonan", "layanan.keberatan", "layanan.sengketa"]


def test_answer_on_the_seventeenth_working_day_is_in_time(make_village):
    # 2026-11-02 (Monday) + 17 working days = Wednesday 2026-11-25
    assert findings_for(make_village, layanan_yaml=register("2026-11-25")) == []


def test_answer_on_the_eighteenth_working_day_is_late(make_village):
    findings = findings_for(make_village, layanan_yaml=register("2026-11-26"))
    assert triples(findings) == [("layanan.yaml", 4, "service-deadlines")]
    assert findings[0].obligation == "layanan.permohonan"
    assert findings[0].message_id == "Permohonan 001/2026 dijawab setelah 18 hari kerja (batas 17)."


def test_weekends_do_not_count(make_village):
    # Friday 2026-11-06 to Tuesday 2026-12-01: 25 days, 17 of them working days
    text = "register_permohonan:\n  - {nomor: 002/2026, tanggal: 2026-11-06, tanggal_jawab: 2026-12-01}\n"
    assert findings_for(make_village, layanan_yaml=text) == []



def test_request_still_in_process_past_its_deadline_is_overdue(make_village):
    root = make_village({"layanan.yaml": """
        register_permohonan:
          - nomor: "001"
            tanggal: 2026-11-02
            status: diproses
          - nomor: "002"
            tanggal: 2026-11-20
            status: diproses
          - nomor: "003"
            tanggal: 2026-11-02
            status: diperpanjang
        """})
    # as of 2026-11-28: 001 waited 19 working days (limit 10); 002 only 5; 003 was extended (limit 17)
    findings = run_rule(root, service_deadlines)
    assert triples(findings) == [("layanan.yaml", 4, "service-deadlines"), ("layanan.yaml", 10, "service-deadlines")]
    assert "19 hari kerja" in findings[0].message_id and "batas 10" in findings[0].message_id
    assert "batas 17" in findings[1].message_id
