"""Builders of hand-made reports for the reporter tests: no loader, engine or rules are involved."""

from __future__ import annotations

from dataclasses import replace

from checker.findings import CheckResult, Finding, Severity
from checker.report import Report, VillageReport
from checker.scoring import QuestionScore, Score, Summary

BANDS = (
    "Informatif",
    "Menuju Informatif",
    "Cukup Informatif",
    "Kurang Informatif",
    "Tidak Informatif",
)

APBDES_ERROR = Finding(
    file="apbdes.yaml",
    line=12,
    col=5,
    rule="apbdes-arithmetic",
    obligation="berkala.apbdes",
    article="Perki 1/2018 Pasal 11 ayat (1) huruf c",
    severity=Severity.ERROR,
    message_id="Jumlah belanja 120.000 tidak sama dengan rinciannya 100.000.",
    message_en="Total spending 120,000 does not equal its lines 100,000.",
    hint_id="Periksa rincian belanja bidang 2.",
    hint_en="Check the lines of sector 2.",
)
PROFIL_WARNING = Finding(
    file="profil.yaml",
    line=3,
    col=1,
    rule="completeness",
    obligation="berkala.profil.visi_misi",
    article="Perki 1/2018 Pasal 11 ayat (1) huruf a",
    severity=Severity.WARNING,
    message_id="Visi dan misi dianjurkan diumumkan.",
    message_en="Vision and mission are recommended.",
    hint_id="Tambahkan kunci visi_misi.",
    hint_en="Add a visi_misi key.",
    confidence="inferred",
)
DIP_FATAL = Finding(
    file="dip.yaml",
    line=4,
    col=7,
    rule="input-file",
    obligation="",
    article="",
    severity=Severity.FATAL,
    message_id="Berkas bukan YAML yang sah: tanda ':' tidak diharapkan.",
    message_en="Not valid YAML: unexpected ':'.",
)


def make_result(
    slug: str, findings: tuple[Finding, ...], *, root: str | None = None
) -> CheckResult:
    name = slug.replace("-", " ").title()
    return CheckResult(
        slug=slug,
        name=name,
        kode="35.08.05.2001",
        root=root or f"villages/{slug}",
        findings=tuple(sorted(findings)),
        files=("profil.yaml",),
        as_of="2025-03-31",
    )


def make_score(value: float, band: str, findings: tuple[Finding, ...]) -> Score:
    """Three of the SAQ questions, with the findings' obligations marked unmet where they belong."""
    failing = {f.obligation for f in findings}
    layout = (
        (1, "Profil desa lengkap", ("berkala.profil.alamat", "berkala.profil.visi_misi")),
        (2, "PPID Desa ditetapkan dan diumumkan", ("ppid.penetapan",)),
        (6, "RPJM Desa, RKP Desa, APB Desa tahun berjalan", ("berkala.rpjmdes", "berkala.apbdes")),
    )
    questions = []
    for q, text, obligations in layout:
        unmet = tuple(o for o in obligations if o in failing)
        points = 5.0 * (len(obligations) - len(unmet)) / len(obligations)
        questions.append(QuestionScore(q, text, points, 5.0, unmet))
    return Score(value, band, tuple(questions), tuple(o for q in questions for o in q.unmet))


def make_village(
    slug: str, findings: tuple[Finding, ...], value: float, band: str, root: str | None = None
) -> VillageReport:
    return VillageReport(make_result(slug, findings, root=root), make_score(value, band, findings))


def make_report(*villages: VillageReport, strict: bool = False) -> Report:
    per_band = {band: 0 for band in BANDS}
    gaps: dict[str, int] = {}
    for village in villages:
        per_band[village.score.band] += 1
        for obligation in set(village.score.unmet):
            gaps[obligation] = gaps.get(obligation, 0) + 1
    unusable = sum(1 for v in villages if v.result.worst is Severity.FATAL)
    summary = Summary(len(villages), tuple(per_band.items()), tuple(sorted(gaps.items())), unusable)
    return Report(tuple(villages), summary, as_of="2025-03-31", tool_version="0.1.0", strict=strict)


def with_finding(village: VillageReport, finding: Finding) -> VillageReport:
    """The village with one more finding (scores left as they were)."""
    findings = tuple(sorted(village.result.findings + (finding,)))
    return replace(village, result=replace(village.result, findings=findings))
