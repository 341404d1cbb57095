"""One line per finding, `path:line:col: level: [rule] message (article)`, for editors and grep.

The level stays in English (error, warning, fatal) because editors' problem matchers look for
those words; the message and article follow the language asked for. Nothing else is written:
no header, no summary, so every line matches the same pattern.
"""

from __future__ import annotations

from checker.findings import CheckResult, Finding
from checker.report import Report
from checker.reporters.common import finding_path, with_article


def format_line(result: CheckResult, finding: Finding, lang: str = "id") -> str:
    """One finding as a parsable line."""
    location = f"{finding_path(result, finding)}:{finding.line}:{finding.col}"
    message = with_article(finding.message(lang), finding.article)
    return f"{location}: {finding.severity.label}: [{finding.rule}] {message}"


def render(report: Report, lang: str = "id") -> str:
    """Every finding of every village, one line each."""
    lines = [format_line(v.result, f, lang) for v in report.villages for f in v.result.findings]
    return "".join(line + "\n" for line in lines)
