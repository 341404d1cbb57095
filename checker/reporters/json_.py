"""One JSON document for programs: every village, its indicative score, questions, findings.

The field names are English and stable (docs/report-json.md describes each one); messages and
hints are in the language asked for, named by the top-level `lang`. The module is `json_` so
that it never shadows the standard library's `json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from checker.findings import Finding
from checker.report import Report, VillageReport
from checker.reporters.common import norm_lang
from checker.scoring import QuestionScore, Summary


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "file": finding.file,
        "line": finding.line,
        "col": finding.col,
        "rule": finding.rule,
        "obligation": finding.obligation,
        "article": finding.article,
        "severity": finding.severity.label,
        "confidence": finding.confidence,
        "message": finding.message(lang),
        "hint": finding.hint(lang),
    }


def _question(question: QuestionScore) -> dict[str, Any]:
    return {
        "q": question.q,
        "text": question.text,
        "points": question.points,
        "max_points": question.max_points,
        "unmet": list(question.unmet),
    }


def _village(village: VillageReport, strict: bool, lang: str) -> dict[str, Any]:
    result, score = village.result, village.score
    return {
        "slug": result.slug,
        "name": result.name,
        "kode": result.kode,
        "root": result.root,
        "score": score.value,
        "band": score.band,
        "assessable": score.assessable,
        "reason": score.reason,
        "unverified": list(result.unverified),
        "exit_code": result.exit_code(strict=strict),
        "questions": [_question(q) for q in score.questions],
        "findings": [_finding(f, lang) for f in result.findings],
    }


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "villages": summary.villages,
        "per_band": dict(summary.per_band),
        "top_gaps": [{"obligation": o, "villages": n} for o, n in summary.top_gaps],
        "unusable": summary.unusable,
        "not_assessable": summary.not_assessable,
    }


def to_data(report: Report, lang: str = "id") -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    lang = norm_lang(lang)
    return {
        "tool": "slip-desa",
        "version": report.tool_version,
        "as_of": report.as_of,
        "lang": lang,
        # The Komisi Informasi publishes no weights, so every score here is only indicative.
        "indikatif": True,
        "strict": report.strict,
        "exit_code": report.exit_code,
        "villages": [_village(v, report.strict, lang) for v in report.villages],
        "summary": _summary(report.summary),
    }


def render(report: Report, lang: str = "id") -> str:
    """The report as one JSON document (UTF-8 text, Indonesian letters unescaped)."""
    return json.dumps(to_data(report, lang), ensure_ascii=False, indent=2) + "\n"


_SLOT = "\0villages\0"  # stands for the villages in the dumped frame; no real value dumps to this


def chunks(report: Report, lang: str = "id") -> Iterator[str]:
    """The same text as render(), one village at a time: a province's report is never whole in memory.

    The frame (everything but the villages) is dumped with a placeholder list, and each village is
    dumped alone and indented to where json.dumps(indent=2) would put it.
    """
    if not report.villages:
        yield render(report, lang)
        return
    lang = norm_lang(lang)
    frame = {**to_data(replace(report, villages=()), lang), "villages": [_SLOT]}
    frame["exit_code"] = report.exit_code
    head, tail = json.dumps(frame, ensure_ascii=False, indent=2).split(json.dumps(_SLOT))
    yield head
    for index, village in enumerate(report.villages):
        text = json.dumps(_village(village, report.strict, lang), ensure_ascii=False, indent=2)
        yield (",\n    " if index else "") + text.replace("\n", "\n    ")
    yield tail + "\n"
