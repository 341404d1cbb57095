"""SARIF 2.1.0 for code-scanning dashboards: one run, one rule descriptor per rule that fired.

Each result carries the rule, a level (fatal becomes `error`: SARIF has no third level), the
message with its article, the path as the user typed it, and properties for the obligation, the
hint and the village. `partialFingerprints` hash what identifies a finding but not where it sits,
so a result keeps its identity when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from checker.findings import CheckResult, Finding, Severity
from checker.report import Report
from checker.reporters.common import finding_path, norm_lang, with_article

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/slip-desa/slip-desa"


def describe(rule_id: str, lang: str) -> str:
    """One line about a rule, from the rules registry."""
    # Imported here, not at module level: the rules import the whole validator stack, and a
    # reporter should load (and be testable) without it.
    from checker.rules import describe as describe_rule

    return describe_rule(rule_id, lang)


def fingerprint(result: CheckResult, finding: Finding) -> str:
    """A stable hash of village, rule, file, obligation and Indonesian message."""
    key = "\x1f".join(
        (result.slug, finding.rule, finding.file, finding.obligation, finding.message_id)
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _location(result: CheckResult, finding: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": finding_path(result, finding)}}
    # SARIF regions start at line 1; a whole-file finding (line 0) gets no region.
    if finding.line >= 1:
        physical["region"] = {"startLine": finding.line, "startColumn": max(finding.col, 1)}
    return {"physicalLocation": physical}


def _result(result: CheckResult, finding: Finding, index: int, lang: str) -> dict[str, Any]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": "warning" if finding.severity is Severity.WARNING else "error",
        "message": {"text": with_article(finding.message(lang), finding.article)},
        "locations": [_location(result, finding)],
        "partialFingerprints": {"slipDesaFinding/v1": fingerprint(result, finding)},
        "properties": {
            "obligation": finding.obligation,
            "article": finding.article,
            "hint": finding.hint(lang),
            "village": result.slug,
            "severity": finding.severity.label,
        },
    }


def to_data(report: Report, lang: str = "id") -> dict[str, Any]:
    """The report as a SARIF log (plain data)."""
    lang = norm_lang(lang)
    pairs = [(v.result, f) for v in report.villages for f in v.result.findings]
    rule_ids = sorted({f.rule for _, f in pairs})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    driver = {
        "name": "slip-desa",
        "version": report.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [{"id": r, "shortDescription": {"text": describe(r, lang)}} for r in rule_ids],
    }
    run = {
        "tool": {"driver": driver},
        # Columns come from the YAML parser, which counts characters, not UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "results": [_result(r, f, index[f.rule], lang) for r, f in pairs],
        "properties": {"as_of": report.as_of, "indikatif": True, "lang": lang},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, lang: str = "id") -> str:
    """The report as a SARIF 2.1.0 JSON document."""
    return json.dumps(to_data(report, lang), ensure_ascii=False, indent=2) + "\n"
