"""A job summary for GitHub or GitLab: villages table, band summary, findings per village.

Each village is one row (village, kode, score, band, counts per severity); the summary gives the
villages per band and the most common gaps; each village with findings then gets a collapsible
`<details>` list. Cell text is escaped: `|` would split a cell and raw HTML must never reach the
page, so `|` and `\\` are backslash-escaped, `&`, `<` and `>` become entities, and line breaks
become spaces.
"""

from __future__ import annotations

import html

from checker.findings import CheckResult, Severity
from checker.report import Report, VillageReport
from checker.reporters.common import finding_path, in_lang, pick, severity_word
from checker.scoring import NOT_ASSESSABLE, Summary


def cell(text: object) -> str:
    """Text made safe for one GFM table cell."""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Backslashes first: a message ending in "\" would otherwise unescape the pipe after it.
    value = " ".join(value.replace("\\", "\\\\").splitlines())
    return value.replace("|", "\\|")


def code(text: str) -> str:
    """A code span for a table cell (GFM needs `\\|` even inside code)."""
    if not text:
        return ""  # an empty code span would show its two backticks
    if "\\" in text:
        # Inside code a backslash cannot be escaped, and one before `\|` would split the cell.
        return cell(text)
    return "`" + " ".join(text.replace("`", "'").splitlines()).replace("|", "\\|") + "`"


def _row(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)]


def _villages(report: Report, lang: str) -> list[str]:
    head = [
        pick(lang, "Desa", "Village"),
        pick(lang, "Kode", "Code"),
        pick(lang, "Skor", "Score"),
        pick(lang, "Kategori", "Band"),
    ]
    severities = (Severity.ERROR, Severity.WARNING, Severity.FATAL)
    head += [severity_word(s, lang).capitalize() for s in severities]
    rows = []
    for village in report.villages:
        result, score = village.result, village.score
        rows.append(
            [
                cell(result.name),
                code(result.kode),
                "-" if score.value is None else f"{score.value:.1f}",
                cell(score.band or in_lang(lang, NOT_ASSESSABLE)),
                *(str(result.count(s)) for s in severities),
            ]
        )
    return _table(head, rows)


def _summary(summary: Summary, lang: str) -> list[str]:
    villages = pick(lang, "Desa", "Villages")
    lines = ["### " + pick(lang, "Desa per kategori", "Villages per band"), ""]
    lines += _table(
        [pick(lang, "Kategori", "Band"), villages],
        [[cell(band), str(n)] for band, n in summary.per_band]
        + ([[cell(in_lang(lang, NOT_ASSESSABLE)), str(summary.not_assessable)]] if summary.not_assessable else []),
    )
    if summary.unusable:
        lines += [
            "",
            pick(lang, "Desa dengan masukan tidak terbaca", "Villages with unusable input")
            + f": {summary.unusable}",
        ]
    if summary.top_gaps:
        lines += ["", "### " + pick(lang, "Kekurangan terbanyak", "Most common gaps"), ""]
        lines += _table(
            [pick(lang, "Kewajiban", "Obligation"), villages],
            [[code(o), str(n)] for o, n in summary.top_gaps],
        )
    return lines


def _details(village: VillageReport, lang: str) -> list[str]:
    result: CheckResult = village.result
    n = len(result.findings)
    noun = pick(lang, "temuan", "finding" if n == 1 else "findings")
    kode = f" ({result.kode})" if result.kode else ""
    title = html.escape(" ".join(f"{result.name}{kode}: {n} {noun}".splitlines()))
    head = [
        pick(lang, "Lokasi", "Location"),
        pick(lang, "Tingkat", "Level"),
        pick(lang, "Aturan", "Rule"),
        pick(lang, "Pesan", "Message"),
        pick(lang, "Pasal", "Article"),
    ]
    rows = [
        [
            code(f"{finding_path(result, f)}:{f.line}"),
            severity_word(f.severity, lang),
            code(f.rule),
            cell(f.message(lang)),
            cell(f.article),
        ]
        for f in result.findings
    ]
    # The blank lines let GitHub render the table inside the HTML block.
    return ["<details>", f"<summary>{title}</summary>", "", *_table(head, rows), "", "</details>"]


def render(report: Report, lang: str = "id") -> str:
    """The whole report as GitHub-flavoured Markdown."""
    lines = [
        "## " + pick(lang, "Hasil pemeriksaan SLIP Desa", "SLIP Desa check results"),
        "",
        pick(
            lang,
            f"Skor dan kategori bersifat *indikatif*, per {report.as_of}.",
            f"Scores and bands are *indicative*, as of {report.as_of}.",
        ),
        "",
    ]
    lines += _villages(report, lang) + [""] + _summary(report.summary, lang)
    for village in report.villages:
        if village.result.findings:
            lines += ["", *_details(village, lang)]
    return "\n".join(lines) + "\n"
