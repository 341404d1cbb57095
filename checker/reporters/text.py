"""The report village staff read: per village a header with the indicative score, findings by file.

Each finding is `line:col  level  message  [rule] (article)` with its fix on the next line, so a
secretary can work down the list file by file. With more than one village a kabupaten summary
follows (villages per band, the most common gaps). Plain text only: it may be piped or mailed.
"""

from __future__ import annotations

from checker.findings import CheckResult, Finding, Severity
from checker.report import Report, VillageReport
from checker.reporters.common import display_path, in_lang, pick, severity_word, with_article
from checker.scoring import COVERAGE, NOT_ASSESSABLE, Summary


def _header(village: VillageReport, lang: str) -> str:
    result, score = village.result, village.score
    word = pick(lang, "skor", "score")
    tag = pick(lang, "indikatif", "indicative")
    # A village whose profil could not be read has no kode yet; show no empty parentheses.
    kode = f" ({result.kode})" if result.kode else ""
    if not score.assessable:
        because = pick(lang, "karena", "because")
        return f"{result.name}{kode} — {in_lang(lang, NOT_ASSESSABLE).lower()} {because} {score.why(lang)}"
    return f"{result.name}{kode} — {word} {score.value:.1f}/100, {score.band} ({tag})"


def _unverified(result: CheckResult, lang: str) -> list[str]:
    if not result.unverified:
        return []
    label = pick(lang, "Belum dapat diperiksa (berkasnya tidak terbaca)", "Not yet verifiable (their file cannot be read)")
    return [f"  {label}: " + ", ".join(result.unverified)]


def _by_file(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.file, []).append(finding)
    return groups


def _finding_lines(finding: Finding, width: int, lang: str) -> list[str]:
    where = f"{finding.line}:{finding.col}".ljust(width)
    level = severity_word(finding.severity, lang)
    message = f"{finding.message(lang)}  [{finding.rule}]"
    lines = [f"  {where}  {level}  {with_article(message, finding.article)}"]
    hint = finding.hint(lang)
    if hint:
        lines.append(f"  {' ' * width}  → {pick(lang, 'Saran', 'Fix')}: {hint}")
    return lines


def _village(village: VillageReport, lang: str) -> list[str]:
    result: CheckResult = village.result
    lines = [_header(village, lang), *_unverified(result, lang)]
    if not result.findings:
        lines.append("  " + pick(lang, "Tidak ada temuan.", "No findings."))
    for file, findings in _by_file(result.findings).items():
        lines.append(display_path(result.root, file))
        width = max(len(f"{f.line}:{f.col}") for f in findings)
        for finding in findings:
            lines.extend(_finding_lines(finding, width, lang))
    return lines


def _summary(summary: Summary, lang: str) -> list[str]:
    lines = [
        pick(lang, "Ringkasan kabupaten", "Kabupaten summary")
        + f" ({_villages(summary.villages, lang)}, "
        + pick(lang, "indikatif", "indicative")
        + ")"
    ]
    lines += [f"  {band}: {count}" for band, count in summary.per_band]
    if summary.not_assessable:
        lines.append(f"  {in_lang(lang, NOT_ASSESSABLE)}: {summary.not_assessable}")
    if summary.unusable:
        lines.append(
            "  " + pick(lang, "Masukan tidak terbaca", "Unusable input") + f": {summary.unusable}"
        )
    if summary.top_gaps:
        lines.append(pick(lang, "Kekurangan terbanyak", "Most common gaps") + ":")
        width = max(len(obligation) for obligation, _ in summary.top_gaps)
        lines += [
            f"  {obligation.ljust(width)}  {_villages(n, lang)}"
            for obligation, n in summary.top_gaps
        ]
    return lines


def _villages(n: int, lang: str) -> str:
    return pick(lang, f"{n} desa", f"{n} village" + ("" if n == 1 else "s"))


def _count(n: int, severity: Severity, lang: str) -> str:
    word = severity_word(severity, lang)
    # English plurals only; Indonesian nouns do not change for number.
    if lang == "en" and n != 1 and severity is not Severity.FATAL:
        word += "s"
    return f"{n} {word}"


def _totals(report: Report, lang: str) -> str:
    results = [v.result for v in report.villages]
    counts = [
        _count(sum(r.count(s) for r in results), s, lang)
        for s in (Severity.FATAL, Severity.ERROR, Severity.WARNING)
    ]
    checked = _villages(len(results), lang) + pick(lang, " diperiksa", " checked")
    return f"{checked}: " + ", ".join(counts) + "."


def render(report: Report, lang: str = "id") -> str:
    """The whole report as plain text."""
    blocks = ["\n".join(_village(v, lang)) for v in report.villages]
    if len(report.villages) > 1:
        blocks.append("\n".join(_summary(report.summary, lang)))
    if any(v.score.assessable for v in report.villages):
        blocks.append(in_lang(lang, COVERAGE))
    blocks.append(_totals(report, lang))
    return "\n\n".join(blocks) + "\n"
