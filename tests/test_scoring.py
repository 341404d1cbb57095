"""The indicative score: SAQ shares from findings, bands at their edges, no band without readable
files or a dip.yaml, the kabupaten summary."""
from __future__ import annotations

from checker.catalogue import load_catalogue
from checker.findings import CheckResult, Finding, Severity
from checker.scoring import band_for, score, summarise, tally

CATALOGUE = load_catalogue()


def result(*obligations: str, severity: Severity = Severity.ERROR, slug: str = "desa",
           files: tuple[str, ...] = ("dip.yaml", "profil.yaml"), unverified: tuple[str, ...] = ()) -> CheckResult:
    findings = tuple(Finding(file="x.yaml", line=i + 1, col=1, rule="completeness", obligation=o, article="pasal",
                             message_id="pesan", severity=severity, message_en="message") for i, o in enumerate(obligations))
    return CheckResult(slug, slug, "", slug, findings, files, "2026-11-28", unverified)


def test_no_findings_scores_100_informatif():
    village = score(result(), CATALOGUE)
    assert (village.value, village.band, village.assessable) == (100.0, "Informatif", True) and len(village.questions) == 20


def test_one_obligation_costs_its_share_of_its_question():
    # Question 1 has five obligations: one missing costs 1 of 5 points, i.e. 1 of 100.
    village = score(result("berkala.profil.visi_misi"), CATALOGUE)
    assert village.value == 99.0 and village.questions[0].points == 4.0 and village.questions[0].unmet == ("berkala.profil.visi_misi",)
    # Question 2 has a single obligation: all 5 points.
    assert score(result("ppid.penetapan"), CATALOGUE).value == 95.0


def test_warnings_cost_their_share_too():
    assert score(result("ppid.maklumat", severity=Severity.WARNING), CATALOGUE).value < 100


def test_band_edges():
    assert [band_for(v, CATALOGUE) for v in (100, 90, 89.9, 80, 79.9, 60, 59.9, 40, 39.9, 0)] == [
        "Informatif", "Informatif", "Menuju Informatif", "Menuju Informatif", "Cukup Informatif",
        "Cukup Informatif", "Kurang Informatif", "Kurang Informatif", "Tidak Informatif", "Tidak Informatif"]


def test_a_village_without_dip_yaml_gets_no_score_and_no_band():
    # Without dip.yaml the rest of the files would score 95.0 "Informatif": that claims too much.
    village = score(result("ppid.penetapan", files=("profil.yaml",)), CATALOGUE)
    assert (village.value, village.band, village.assessable, village.reason) == (None, None, False, "no_dip")
    assert village.unmet == ("ppid.penetapan",) and village.why("en") == "dip.yaml is missing, empty or unreadable"


def test_an_unreadable_file_means_no_score_and_its_obligations_stay_unmet():
    fatal = Finding(file="profil.yaml", line=1, col=1, rule="input-file", obligation="kewajiban.dip_ditetapkan",
                    article="pasal", message_id="rusak", severity=Severity.FATAL, message_en="broken")
    broken = CheckResult("desa", "desa", "", "desa", (fatal,), ("dip.yaml",), "2026-11-28", ("berkala.profil.alamat",))
    village = score(broken, CATALOGUE)
    assert (village.value, village.band, village.reason) == (None, None, "unreadable")
    assert "berkala.profil.alamat" in village.unmet and village.why() == "ada berkas yang tidak dapat dibaca"


def test_summary_counts_bands_and_most_common_gaps():
    scored = [(r, score(r, CATALOGUE)) for r in (
        result("ppid.penetapan", "layanan.register", slug="a"), result("ppid.penetapan", slug="b"), result(slug="c"))]
    summary = summarise(scored, CATALOGUE)
    assert summary.villages == 3 and dict(summary.per_band)["Informatif"] == 3 and summary.not_assessable == 0
    assert summary.top_gaps[:2] == (("ppid.penetapan", 2), ("layanan.register", 1))


def test_summary_counts_villages_without_a_band_apart():
    scored = [(r, score(r, CATALOGUE)) for r in (result(slug="a"), result(slug="b", files=()))]
    summary = summarise(scored, CATALOGUE)
    assert (summary.villages, sum(n for _, n in summary.per_band), summary.not_assessable) == (2, 1, 1)
    # A build's records keep (unusable, band, unmet): a band of None is counted the same way.
    assert tally([(True, None, ()), (False, "Informatif", ())], CATALOGUE).not_assessable == 1
